/**
 * calendar.main(args): Lib/calendar.py 3.11's command line, with the argparse parser it
 * builds (Lib/argparse.py 3.11's parse_args, its quirks included: a positional taken empty
 * before an option, abbreviated long options, `-w3`, `--width=3`, `--`). What it prints is
 * made and dropped, as print's is; what it raises is CPython's: SystemExit(2) for every
 * error argparse reports, SystemExit(0) after --help, and the calendar's own errors. The
 * arguments are read with the dialect's operators, so a list of odd items fails where
 * argparse's Python fails.
 */
import { step } from '../../budget.js';
import { getattr } from '../../attributes.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { EXCEPTION_TYPES, TypeError_, typeErr, ValueError } from '../../exceptions.js';
import { add, contains, eqValue, getitem, getslice, len, neValue, setitem, toList, truthy } from '../../ops.js';
import { repr } from '../../repr.js';
import { PyStrBox } from '../../scalars.js';
import { PyDict, PyException, PyTuple, typeName, type Py, type PyType } from '../../values.js';
import { DATE_TYPE } from '../datetime/date.js';
import { HTML_CALENDAR } from './html-calendar.js';
import { call, callMethod, callMethodKw } from './py.js';
import { TEXT_CALENDAR } from './text-calendar.js';

interface Action {
  dest: string;
  options: string[];
  /** argparse's nargs: None (one string), '?' or 0 (help). */
  nargs: 'one' | '?' | 'none';
  int: boolean;
  choices: string[] | null;
}

const option = (dest: string, short: string, int = false, choices: string[] | null = null): Action => ({ dest, options: [short, `--${dest}`], nargs: 'one', int, choices });
const HELP: Action = { dest: 'help', options: ['-h', '--help'], nargs: 'none', int: false, choices: null };
const ACTIONS: Action[] = [
  HELP, option('width', '-w', true), option('lines', '-l', true), option('spacing', '-s', true), option('months', '-m', true),
  option('css', '-c'), option('locale', '-L'), option('encoding', '-e'), option('type', '-t', false, ['text', 'html']),
];
const POSITIONALS: Action[] = ['year', 'month'].map((dest) => ({ dest, options: [], nargs: '?', int: true, choices: null }));
const DEFAULTS: [string, Py][] = [['width', 2], ['lines', 1], ['spacing', 6], ['months', 3], ['css', 'calendar.css'], ['locale', null], ['encoding', null], ['type', 'text'], ['year', null], ['month', null]];
const BY_OPTION = new Map(ACTIONS.flatMap((a) => a.options.map((o): [string, Action] => [o, a])));

/** _negative_number_matcher: `\d` is any decimal digit, and `$` allows one newline after; re's TypeError for what is not a str. */
const NEGATIVE_NUMBER = /^-(?:\p{Nd}+|\p{Nd}*\.\p{Nd}+)\n?$/u;
function negativeNumber(arg: Py): boolean {
  const s = arg instanceof PyStrBox ? arg.value : arg;
  if (typeof s !== 'string') throw typeErr(`expected string or bytes-like object, got '${typeName(arg)}'`);
  return NEGATIVE_NUMBER.test(s);
}

const SYSTEM_EXIT = EXCEPTION_TYPES.get('SystemExit')!;
/** sys.exit(code), as argparse's error() and exit() end. */
const exit = (code: number): PyException => call(SYSTEM_EXIT, code) as PyException;
/** ArgumentError and parser.error(): its message is printed, so only made; the parse ends in SystemExit(2). */
const argumentError = (): PyException => exit(2);

/** _get_nargs_pattern: an option's strings are plain 'A's; a positional's may hold the '--'. */
const nargsPattern = (a: Action): string => (a.nargs === 'none' ? '()' : a.nargs === 'one' ? '(A)' : '(-*A?-*)');

/** The nargs patterns compiled once, sticky: matched where the search stands. */
const STICKY = new Map<string, RegExp>();

type OptionTuple = [action: Action | null, optionString: Py, explicitArg: Py];

/** The dict _option_string_actions, for lookups that hash as CPython's do (a list among the arguments is unhashable there too). */
function optionDict(): PyDict {
  const d = new PyDict();
  for (const o of BY_OPTION.keys()) setitem(d, o, o);
  return d;
}

/** _parse_optional: the option an argument names, with a value attached to it; null for a positional; no action for an option the parser does not have. */
function parseOptional(dict: PyDict, arg: Py): OptionTuple | null {
  if (!truthy(arg)) return null;
  if (!contains('-', getitem(arg, 0))) return null;
  if (contains(dict, arg)) return [BY_OPTION.get(getitem(dict, arg) as string)!, arg, null];
  if (len(arg) === 1) return null;
  if (contains(arg, '=')) {
    const [optionString, explicitArg] = toList(callMethod(arg, 'split', '=', 1));
    if (contains(dict, optionString)) return [BY_OPTION.get(getitem(dict, optionString) as string)!, optionString, explicitArg];
  }
  const tuples = optionTuples(arg);
  // ambiguous: parser.error, its message joined from the option strings
  if (tuples.length > 1) throw argumentError();
  if (tuples.length === 1) return tuples[0];
  if (negativeNumber(arg)) return null;
  if (contains(arg, ' ')) return null;
  return [null, arg, null];
}

/** _get_option_tuples: the options an abbreviation, or a short option with its argument attached, may stand for. */
function optionTuples(arg: Py): OptionTuple[] {
  const out: OptionTuple[] = [];
  const first = contains('-', getitem(arg, 0));
  const second = contains('-', getitem(arg, 1));
  if (first && second) {
    let prefix = arg;
    let explicit: Py = null;
    if (contains(arg, '=')) [prefix, explicit] = toList(callMethod(arg, 'split', '=', 1));
    for (const [o, a] of BY_OPTION) if (truthy(callMethod(o, 'startswith', prefix))) out.push([a, o, explicit]);
  } else if (first) {
    const shortPrefix = getslice(arg, null, 2, null);
    const shortExplicit = getslice(arg, 2, null, null);
    for (const [o, a] of BY_OPTION) {
      if (truthy(eqValue(o, shortPrefix))) out.push([a, o, shortExplicit]);
      else if (truthy(callMethod(o, 'startswith', arg))) out.push([a, o, null]);
    }
  } else {
    // "unexpected option string": an argument whose first item stopped being '-' between two reads (a condition's own __getitem__)
    throw argumentError();
  }
  return out;
}

/** _get_value: int() for the numbers, the string itself for the rest; int's TypeError or ValueError is argparse's error. */
function getValue(a: Action, s: Py): Py {
  if (!a.int) return s;
  try {
    return call(BUILTINS.get('int')!, s);
  } catch (e) {
    if (!(e instanceof PyException) || e.fatal || !(e.type.isSubclassOf(TypeError_) || e.type.isSubclassOf(ValueError))) throw e;
    // its message holds the value's repr
    repr(s);
    throw argumentError();
  }
}

/** _check_value: -t's choices. */
function checkValue(a: Action, value: Py): void {
  if (a.choices !== null && !contains(new PyTuple(a.choices), value)) {
    repr(value);
    throw argumentError();
  }
}

/** _get_values: the first '--' dropped; none for a positional is its default; one converted and checked; else a list of them. */
function getValues(a: Action, strings: Py[]): Py {
  const dash = strings.findIndex((s) => truthy(eqValue(s, '--')));
  if (dash >= 0) strings.splice(dash, 1);
  if (strings.length === 0 && a.nargs === '?') return null;
  if (strings.length === 1 && a.nargs !== 'none') {
    const value = getValue(a, strings[0]);
    checkValue(a, value);
    return value;
  }
  return strings.map((s) => {
    const value = getValue(a, s);
    checkValue(a, value);
    return value;
  });
}

/** ArgumentParser.parse_args(args) for main's parser: the options' values by name. */
function parseArgs(args: Py): Map<string, Py> {
  const strings = toList(args);
  const namespace = new Map<string, Py>(DEFAULTS);
  const dict = optionDict();
  // the pattern: 'O' an option, 'A' an argument, '-' the first '--' (all after it arguments)
  const options = new Map<number, OptionTuple>();
  let pattern = '';
  for (let i = 0; i < strings.length; i++) {
    // a step an argument at least: argparse's Python runs dozens of lines for each
    step();
    if (truthy(eqValue(strings[i], '--'))) {
      pattern += '-' + 'A'.repeat(strings.length - i - 1);
      break;
    }
    const tuple = parseOptional(dict, strings[i]);
    if (tuple !== null) options.set(i, tuple);
    pattern += tuple === null ? 'A' : 'O';
  }
  // re.match at an index: a sticky expression, so that no option copies the rest of the pattern
  const match = (regex: string, at: number): RegExpExecArray | null => {
    let re = STICKY.get(regex);
    if (re === undefined) STICKY.set(regex, (re = new RegExp(regex, 'y')));
    re.lastIndex = at;
    return re.exec(pattern);
  };
  const takeAction = (a: Action, values: Py[]): void => {
    const value = getValues(a, values);
    // _HelpAction: the help printed, then parser.exit()
    if (a === HELP) throw exit(0);
    namespace.set(a.dest, value);
  };
  const extras: Py[] = [];

  const consumeOptional = (start: number): number => {
    let [action, optionString, explicitArg] = options.get(start)!;
    const taken: [Action, Py[]][] = [];
    let stop: number;
    for (;;) {
      if (action === null) {
        extras.push(strings[start]);
        return start + 1;
      }
      if (explicitArg !== null) {
        // match_argument(action, 'A'): help takes none, the others one
        const count = action.nargs === 'none' ? 0 : 1;
        if (count === 0 && !contains('-', getitem(optionString, 1)) && truthy(neValue(explicitArg, ''))) {
          // -hw3: -h, then -w with 3
          taken.push([action, []]);
          optionString = add(getitem(optionString, 0), getitem(explicitArg, 0));
          const rest = getslice(explicitArg, 1, null, null);
          if (!contains(dict, optionString)) {
            repr(explicitArg);
            throw argumentError();
          }
          action = BY_OPTION.get(getitem(dict, optionString) as string)!;
          explicitArg = truthy(rest) ? rest : null;
        } else if (count === 1) {
          stop = start + 1;
          taken.push([action, [explicitArg]]);
          break;
        } else {
          repr(explicitArg);
          throw argumentError();
        }
      } else {
        const found = match(nargsPattern(action), start + 1);
        // "expected one argument"
        if (found === null) throw argumentError();
        stop = start + 1 + found[1].length;
        taken.push([action, strings.slice(start + 1, stop)]);
        break;
      }
    }
    for (const [a, values] of taken) takeAction(a, values);
    return stop;
  };

  let positionals = POSITIONALS;
  const consumePositionals = (start: number): number => {
    // _match_arguments_partial: as many of the positionals as match, the last ones dropped until they do
    for (let n = positionals.length; n > 0; n--) {
      const found = match(positionals.slice(0, n).map(nargsPattern).join(''), start);
      if (found === null) continue;
      const counts = found.slice(1).map((g) => g.length);
      for (let k = 0; k < n; k++) {
        takeAction(positionals[k], strings.slice(start, start + counts[k]));
        start += counts[k];
      }
      positionals = positionals.slice(n);
      break;
    }
    return start;
  };

  const indices = [...options.keys()];
  const maxOption = indices.length === 0 ? -1 : indices[indices.length - 1];
  let start = 0;
  // the first option at or after start: start only grows, so the search goes on from the last
  let k = 0;
  while (start <= maxOption) {
    step();
    while (indices[k] < start) k++;
    const next = indices[k];
    if (start !== next) {
      const end = consumePositionals(start);
      if (end > start) {
        start = end;
        continue;
      }
      start = end;
    }
    if (!options.has(start)) {
      for (let i = start; i < next; i++) extras.push(strings[i]);
      start = next;
    }
    start = consumeOptional(start);
  }
  for (let i = consumePositionals(start); i < strings.length; i++) extras.push(strings[i]);
  if (extras.length > 0) {
    // 'unrecognized arguments: %s' % ' '.join(argv): join's TypeError for what is not a str
    callMethod(' ', 'join', extras);
    throw argumentError();
  }
  return namespace;
}

/** calendar.main(args): the year (this one if none is given) or the month, as text or HTML, made and not printed; None. */
export function calendarMain(localeText: PyType, localeHtml: PyType) {
  return (args: Py): Py => {
    const options = parseArgs(getslice(args, 1, null, null));
    const get = (dest: string): Py => options.get(dest)!;
    if (truthy(get('locale')) && !truthy(get('encoding'))) throw argumentError();
    const locale = new PyTuple([get('locale'), get('encoding')]);
    const year = (): Py => (get('year') === null ? getattr(callMethod(DATE_TYPE, 'today'), 'year') : get('year'));
    if (truthy(eqValue(get('type'), 'html'))) {
      const cal = truthy(get('locale')) ? callWithLocale(localeHtml, locale) : call(HTML_CALENDAR);
      const encoding = get('encoding') ?? 'utf-8';
      // "incorrect number of arguments": a month is text only
      if (get('month') !== null) throw argumentError();
      callMethodKw(cal, 'formatyearpage', [year()], new Map([['encoding', encoding], ['css', get('css')]]));
      return null;
    }
    const cal = truthy(get('locale')) ? callWithLocale(localeText, locale) : call(TEXT_CALENDAR);
    const optdict = new Map<string, Py>([['w', get('width')], ['l', get('lines')]]);
    if (get('month') === null) optdict.set('c', get('spacing')).set('m', get('months'));
    const result = get('month') === null ? callMethodKw(cal, 'formatyear', [year()], optdict) : callMethodKw(cal, 'formatmonth', [get('year'), get('month')], optdict);
    if (truthy(get('encoding'))) callMethod(result, 'encode', get('encoding'));
    return null;
  };
}

/** LocaleTextCalendar(locale=...) and LocaleHTMLCalendar(locale=...): refused, as they read the host's locale. */
const callWithLocale = (type: PyType, locale: Py): Py => callValue(type, [], new Map([['locale', locale]]));
