/**
 * string.Template, Lib/string.py's class written as one (as calendar's are): its pattern is
 * CPython's, compiled by the evaluator's own `re`, and substitute, safe_substitute, is_valid
 * and get_identifiers walk its matches as the Python does, so its errors are CPython's. A
 * condition's subclass may set delimiter, idpattern, braceidpattern, flags or pattern: its
 * pattern is made from them at its first use (CPython makes it in __init_subclass__).
 */
import { getattr } from '../attributes.js';
import { enterCall, exitCall, untimed } from '../budget.js';
import { PyClassValue } from '../descriptors.js';
import { callValue } from '../call.js';
import { PyClass } from '../class-values.js';
import { makeClass, OBJECT_CLASS, setattr } from '../classes.js';
import { KeyError, ValueError, valueErr } from '../exceptions.js';
import { BUILTINS } from '../builtins.js';
import { iterate, truthy } from '../iteration.js';
import * as ops from '../ops.js';
import { compilePattern, escape } from '../re.js';
import { str } from '../repr.js';
import { Signature, bindArgs } from '../signature.js';
import { PyDict, PyException, PyFunc, type Py } from '../values.js';
import { regexFlag } from '../re-flags.js';
import { callMethod } from './calendar/py.js';

export const TEMPLATE = makeClass('Template', 'Template', [OBJECT_CLASS]);
TEMPLATE.module = 'string';

const IGNORECASE = regexFlag(2);
const VERBOSE = regexFlag(64);
const ID_PATTERN = '(?a:[_a-z][_a-z0-9]*)';

/** Template's pattern for a delimiter (escaped), an identifier pattern and a braced one, as __init_subclass__ writes it. */
const patternText = (delim: string, id: string, bid: string): string => `
            ${delim}(?:
              (?P<escaped>${delim})  |   # Escape sequence of two delimiters
              (?P<named>${id})       |   # delimiter and a Python identifier
              {(?P<braced>${bid})} |   # delimiter and a braced identifier
              (?P<invalid>)             # Other ill-formed delimiter exprs
            )
            `;

/**
 * Template's own pattern, compiled at its first use: untimed, as a process's one-time setup is
 * (the first case-insensitive pattern builds re's tables), and not at load, where re may not be
 * ready yet.
 */
let templatePattern: Py = undefined;
const basePattern = (): Py => (templatePattern ??= untimed(() => compilePattern(patternText('\\$', ID_PATTERN, ID_PATTERN), ops.bitop('|', IGNORECASE, VERBOSE))));

TEMPLATE.attrs.set('delimiter', '$');
TEMPLATE.attrs.set('idpattern', ID_PATTERN);
TEMPLATE.attrs.set('braceidpattern', null);
TEMPLATE.attrs.set('flags', IGNORECASE);
// a property to instances, and the pattern itself read from the class
TEMPLATE.attrs.set('pattern', new PyClassValue(new PyFunc('pattern', () => basePattern()), null, null, basePattern));

/** Each subclass's pattern, made at its first use from its attributes. */
const PATTERNS = new WeakMap<PyClass, Py>();

function patternOf(self: Py): Py {
  const cls = callValue(BUILTINS.get('type'), [self], null);
  if (cls === TEMPLATE || !(cls instanceof PyClass)) return basePattern();
  let made = PATTERNS.get(cls);
  if (made !== undefined) return made;
  const flags = ops.bitop('|', getattr(cls, 'flags'), VERBOSE);
  const own = cls.attrs.get('pattern');
  if (own !== undefined) made = compilePattern(own, flags);
  else {
    const delim = escape(getattr(cls, 'delimiter'));
    const id = getattr(cls, 'idpattern');
    const braced = getattr(cls, 'braceidpattern');
    // an f-string's fields are str() of each
    made = compilePattern(patternText(str(delim), str(id), str(truthy(braced) ? braced : id)), flags);
  }
  PATTERNS.set(cls, made);
  return made;
}

/** ValueError('Unrecognized named group in pattern', self.pattern): a pattern of the subclass's own with other groups. */
const unrecognized = (pattern: Py): PyException => callValue(ValueError, ['Unrecognized named group in pattern', pattern], null) as PyException;

const group = (mo: Py, name: string): Py => callMethod(mo, 'group', name);

/** _invalid: the line and column of the ill-formed delimiter, counted as the Python counts them. */
function invalid(self: Py, mo: Py): never {
  const i = callMethod(mo, 'start', 'invalid');
  const lines = ops.toList(callValue(getattr(ops.getslice(getattr(self, 'template'), null, i, null), 'splitlines'), [], new Map([['keepends', true]])));
  let colno: Py = 1;
  let lineno: Py = 1;
  if (lines.length > 0) {
    colno = ops.sub(i, ops.len(callMethod('', 'join', lines.slice(0, -1))));
    lineno = lines.length;
  }
  throw valueErr(`Invalid placeholder in string: line ${str(lineno)}, col ${str(colno)}`);
}

/** mapping[key], of `kws` first when both are given (ChainMap(kws, mapping)). */
function lookup(mapping: Py, kws: PyDict | null, key: Py): Py {
  if (kws !== null) {
    const v = kws.get(key);
    if (v !== undefined) return v;
  }
  return ops.getitem(mapping, key);
}


/** _sentinel_dict: mapping's default, told apart from any mapping given. */
const SENTINEL = new PyDict();

/** substitute and safe_substitute: `mapping=_sentinel_dict, /, **kws`, the matches replaced by `convert`. */
function substituteMethod(name: string, safe: boolean): PyFunc {
  const sig = new Signature(`Template.${name}`, [{ name: 'self', star: '' }, { name: 'mapping', star: '' }, { name: 'kws', star: '**' }], 'python', { posOnly: 2 });
  return new PyFunc(`Template.${name}`, (a, k) => {
    enterCall();
    try {
      const [self, given, kws] = bindArgs(sig, a, k, [undefined, SENTINEL]) as [Py, Py, PyDict];
      // no mapping: the keywords alone; both: the keywords first
      const mapping = given === SENTINEL ? kws : given;
      const first = given !== SENTINEL && kws.size > 0 ? kws : null;
      const pattern = patternOf(self);
      const convert = new PyFunc(`Template.${name}.<locals>.convert`, (args) => {
        const mo = args[0];
        const named = truthy(group(mo, 'named')) ? group(mo, 'named') : group(mo, 'braced');
        if (named !== null) {
          if (!safe) return str(lookup(mapping, first, named));
          try {
            return str(lookup(mapping, first, named));
          } catch (e) {
            if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(KeyError)) return callMethod(mo, 'group');
            throw e;
          }
        }
        if (group(mo, 'escaped') !== null) return getattr(self, 'delimiter');
        if (group(mo, 'invalid') !== null) {
          if (safe) return callMethod(mo, 'group');
          invalid(self, mo);
        }
        throw unrecognized(pattern);
      }, 'function');
      return callMethod(pattern, 'sub', convert, getattr(self, 'template'));
    } finally {
      exitCall();
    }
  }, 'function');
}

const INIT = new Signature('Template.__init__', [{ name: 'self', star: '' }, { name: 'template', star: '' }], 'python');
const NO_ARGS = (name: string) => new Signature(`Template.${name}`, [{ name: 'self', star: '' }], 'python');

/** A method of the class: a frame, as the Python function's is. */
const method = (name: string, sig: Signature, body: (args: Py[]) => Py): PyFunc => new PyFunc(`Template.${name}`, (a, k) => {
  enterCall();
  try {
    return body(bindArgs(sig, a, k));
  } finally {
    exitCall();
  }
}, 'function');

TEMPLATE.attrs.set('__init__', method('__init__', INIT, ([self, template]) => (setattr(self, 'template', template), null)));
TEMPLATE.attrs.set('substitute', substituteMethod('substitute', false));
TEMPLATE.attrs.set('safe_substitute', substituteMethod('safe_substitute', true));

const IS_VALID = NO_ARGS('is_valid');
TEMPLATE.attrs.set('is_valid', method('is_valid', IS_VALID, ([self]) => {
  const pattern = patternOf(self);
  for (const mo of iterate(callMethod(pattern, 'finditer', getattr(self, 'template')))) {
    if (group(mo, 'invalid') !== null) return false;
    if (group(mo, 'named') === null && group(mo, 'braced') === null && group(mo, 'escaped') === null) throw unrecognized(pattern);
  }
  return true;
}));

const GET_IDENTIFIERS = NO_ARGS('get_identifiers');
TEMPLATE.attrs.set('get_identifiers', method('get_identifiers', GET_IDENTIFIERS, ([self]) => {
  const pattern = patternOf(self);
  const ids: Py[] = [];
  for (const mo of iterate(callMethod(pattern, 'finditer', getattr(self, 'template')))) {
    const named = truthy(group(mo, 'named')) ? group(mo, 'named') : group(mo, 'braced');
    if (named !== null && !ops.contains(ids, named)) ids.push(named);
    else if (named === null && group(mo, 'invalid') === null && group(mo, 'escaped') === null) throw unrecognized(pattern);
  }
  return ids;
}));
