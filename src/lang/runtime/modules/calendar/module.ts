/**
 * The calendar module (Lib/calendar.py of 3.11): its functions, constants, names and classes.
 *
 * Its module-level functions are methods of one TextCalendar, whose first weekday
 * setfirstweekday changes. One module object serves every condition a worker runs, so
 * that calendar is made anew for each run, at its first use: a condition sees the state
 * it set, and the next condition Monday again, as each saw in its own CPython process.
 */
import { setattr } from '../../classes.js';
import { runNumber } from '../../budget.js';
import { fatalErr, UnsupportedError, ValueError } from '../../exceptions.js';
import { bindArgs, Signature } from '../../signature.js';
import type { PyTypeSlots } from '../../types/protocol.js';
import { registerType } from '../../types/table.js';
import { repr } from '../../repr.js';
import { PyFunc, PyModule, PyType, type Py } from '../../values.js';
import { CALENDAR } from './calendar-class.js';
import { calendarMain } from './command-line.js';
import { isleap, leapdays, MDAYS, monthrange, timegm, weekday } from './dates.js';
import { illegalWeekday, ILLEGAL_MONTH_ERROR, ILLEGAL_WEEKDAY_ERROR } from './errors.js';
import { HTML_CALENDAR } from './html-calendar.js';
import { DAY_ABBR, DAY_NAME, MONTH_ABBR, MONTH_NAME } from './names.js';
import { between, call } from './py.js';
import { formatstring, TEXT_CALENDAR } from './text-calendar.js';
import { iterate } from '../../ops.js';
import { PerRun } from '../../per-run.js';

let defaultRun = -1;
let defaultCalendar: Py = null;
/** The module's `c = TextCalendar()`, of this run. */
function moduleCalendar(): Py {
  if (defaultRun !== runNumber()) {
    defaultRun = runNumber();
    defaultCalendar = call(TEXT_CALENDAR);
  }
  return defaultCalendar;
}

/** `c.formatmonth` and the like, bound to the run's calendar: CPython's bound methods. */
export class BoundToModule {
  constructor(readonly method: PyFunc) {}
}
registerType(BoundToModule, {
  name: () => 'method',
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => `<bound method ${v.method.name} of ${repr(moduleCalendar())}>`,
  call: (v, args, kw) => v.method.fn([moduleCalendar(), ...args], kw),
} satisfies PyTypeSlots<BoundToModule>);

const bound = (cls: typeof CALENDAR, name: string): BoundToModule => new BoundToModule(cls.attrs.get(name) as PyFunc);

/** A function of the module, checking its arguments as a Python function does. */
function fn(name: string, params: (string | [string, Py])[], body: (...args: Py[]) => Py): [string, PyFunc] {
  const signature = new Signature(name, params.map((p) => ({ name: typeof p === 'string' ? p : p[0], star: '' as const })), 'python');
  const defaults = params.map((p) => (typeof p === 'string' ? undefined : p[1]));
  return [name, new PyFunc(name, (a, k) => body(...bindArgs(signature, a, k, defaults)), 'function')];
}

/**
 * LocaleTextCalendar and LocaleHTMLCalendar set the host's locale to read its names: refused,
 * as re.L is, once the call's arguments have bound as their __init__'s would (a wrong call is
 * CPython's TypeError first).
 */
function localeCalendar(name: string, base: PyType): PyType {
  const init = new Signature(`${name}.__init__`, ['self', 'firstweekday', 'locale'].map((p) => ({ name: p, star: '' as const })), 'python');
  return new PyType(`calendar.${name}`, (a, k) => {
    bindArgs(init, [null, ...a], k, [undefined, 0, null]);
    throw fatalErr(UnsupportedError, `calendar.${name} is not supported by the evaluator (it reads the host's locale)`);
  }, base);
}

const LOCALE_TEXT_CALENDAR = localeCalendar('LocaleTextCalendar', TEXT_CALENDAR);
const LOCALE_HTML_CALENDAR = localeCalendar('LocaleHTMLCalendar', HTML_CALENDAR);

// 7 * 3 - 1, what prweek prints, and 6 spaces between columns
const COLWIDTH = 20;
const SPACING = 6;

export const CALENDAR_MODULE = new PyModule(
  'calendar',
  new Map<string, Py>([
    ['error', ValueError],
    ['IllegalMonthError', ILLEGAL_MONTH_ERROR],
    ['IllegalWeekdayError', ILLEGAL_WEEKDAY_ERROR],
    ['January', 1],
    ['February', 2],
    ['mdays', MDAYS],
    ['month_name', MONTH_NAME],
    ['month_abbr', MONTH_ABBR],
    ['day_name', DAY_NAME],
    ['day_abbr', DAY_ABBR],
    ...['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((name, i): [string, Py] => [name, i]),
    fn('isleap', ['year'], isleap),
    fn('leapdays', ['y1', 'y2'], leapdays),
    fn('weekday', ['year', 'month', 'day'], weekday),
    fn('monthrange', ['year', 'month'], monthrange),
    ['Calendar', CALENDAR],
    ['TextCalendar', TEXT_CALENDAR],
    ['HTMLCalendar', HTML_CALENDAR],
    ['LocaleTextCalendar', LOCALE_TEXT_CALENDAR],
    ['LocaleHTMLCalendar', LOCALE_HTML_CALENDAR],
    // the TextCalendar whose methods the functions below are, this run's own
    ['c', new PerRun(moduleCalendar)],
    ['firstweekday', bound(CALENDAR, 'getfirstweekday')],
    fn('setfirstweekday', ['firstweekday'], (firstweekday) => {
      if (!between(0, firstweekday, 6)) throw illegalWeekday(firstweekday);
      setattr(moduleCalendar(), 'firstweekday', firstweekday);
      return null;
    }),
    ['monthcalendar', bound(CALENDAR, 'monthdayscalendar')],
    ['prweek', bound(TEXT_CALENDAR, 'prweek')],
    ['week', bound(TEXT_CALENDAR, 'formatweek')],
    ['weekheader', bound(TEXT_CALENDAR, 'formatweekheader')],
    ['prmonth', bound(TEXT_CALENDAR, 'prmonth')],
    ['month', bound(TEXT_CALENDAR, 'formatmonth')],
    ['calendar', bound(TEXT_CALENDAR, 'formatyear')],
    ['prcal', bound(TEXT_CALENDAR, 'pryear')],
    // print writes nothing: what it would print is made, for its errors and its cost
    fn('format', ['cols', ['colwidth', COLWIDTH], ['spacing', SPACING]], (cols, colwidth, spacing) => (formatstring(iterate(cols), colwidth, spacing), null)),
    fn('formatstring', ['cols', ['colwidth', COLWIDTH], ['spacing', SPACING]], (cols, colwidth, spacing) => formatstring(iterate(cols), colwidth, spacing)),
    ['EPOCH', 1970],
    fn('timegm', ['tuple'], timegm),
    fn('main', ['args'], calendarMain(LOCALE_TEXT_CALENDAR, LOCALE_HTML_CALENDAR)),
  ]),
);
