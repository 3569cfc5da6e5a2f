/**
 * string.Formatter, Lib/string.py's class written as one (as Template is): every step goes
 * through `self` (parse, get_field, get_value, convert_field, format_field,
 * check_unused_args), so a condition's subclass that overrides one is heard, as in CPython.
 * parse and get_field read the format string as CPython's _string module does
 * (string-formatter-parse.ts).
 */
import { enterCall, exitCall, step } from '../budget.js';
import { BUILTINS } from '../builtins.js';
import { callValue } from '../call.js';
import { classOfInstance, makeClass, OBJECT_CLASS } from '../classes.js';
import { PyInstance } from '../class-values.js';
import { typeErr, valueErr } from '../exceptions.js';
import { eq, getitem, iterate, truthy } from '../ops.js';
import { str } from '../repr.js';
import { Signature, bindArgs } from '../signature.js';
import { PyFunc, PyStrBox, PyTuple, typeName, type Py } from '../values.js';
import { callMethod, callMethodKw } from './calendar/py.js';
import { fieldNameSplit, formatterParser } from './string-formatter-parse.js';

export const FORMATTER = makeClass('Formatter', 'Formatter', [OBJECT_CLASS]);
FORMATTER.module = 'string';

const builtin = (name: string): Py => BUILTINS.get(name);
const param = (name: string, star: '' | '*' | '**' = '') => ({ name, star });

/** A method of the class: a frame, as the Python function's is. */
function method(name: string, params: { name: string; star: '' | '*' | '**' }[], body: (args: Py[]) => Py, posOnly = 0): void {
  const sig = new Signature(`Formatter.${name}`, [param('self'), ...params], 'python', { posOnly });
  FORMATTER.attrs.set(name, new PyFunc(`Formatter.${name}`, (a, k) => {
    enterCall();
    try {
      return body(bindArgs(sig, a, k));
    } finally {
      exitCall();
    }
  }, 'function'));
}

/** An argument _string's functions take: a str (a subclass's value), else CPython's TypeError. */
function strArg(v: Py): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyStrBox) return v.value;
  throw typeErr(`expected str, got ${typeName(v)}`);
}

const SWITCH = 'cannot switch from manual field specification to automatic field numbering';

/** Unpacks a 4-tuple from parse, or a 2-tuple from get_field, with Python's words for the wrong count. */
function unpack(v: Py, n: number): Py[] {
  const items = Array.from(iterate(v));
  if (items.length > n) throw valueErr(`too many values to unpack (expected ${n})`);
  if (items.length < n) throw valueErr(`not enough values to unpack (expected ${n}, got ${items.length})`);
  return items;
}

/** _vformat(format_string, args, kwargs, used_args, recursion_depth, auto_arg_index): the text, and the numbering it leaves. */
function vformatIn(self: Py, formatString: Py, args: Py, kwargs: Py, used: Py, depth: number, auto: Py): [string, Py] {
  if (depth < 0) throw valueErr('Max string recursion exceeded');
  enterCall();
  try {
    const result: Py[] = [];
    for (const part of iterate(callMethod(self, 'parse', formatString))) {
      step();
      const [literal, name, spec, conversion] = unpack(part, 4);
      if (truthy(literal)) result.push(literal);
      if (name === null) continue;
      let fieldName = name;
      if (eq(fieldName, '')) {
        if (auto === false) throw valueErr(SWITCH);
        fieldName = str(auto);
        auto = (auto as number) + 1;
      } else if (truthy(callMethod(fieldName, 'isdigit'))) {
        if (truthy(auto)) throw valueErr(SWITCH);
        auto = false;
      }
      const [found, argUsed] = unpack(callMethod(self, 'get_field', fieldName, args, kwargs), 2);
      callMethod(used, 'add', argUsed);
      const obj = callMethod(self, 'convert_field', found, conversion);
      let innerSpec: Py;
      [innerSpec, auto] = vformatOf(self, spec, args, kwargs, used, depth - 1, auto);
      result.push(callMethod(self, 'format_field', obj, innerSpec));
    }
    return [callMethod('', 'join', result), auto];
  } finally {
    exitCall();
  }
}

method('format', [param('format_string'), param('args', '*'), param('kwargs', '**')], ([self, fmt, args, kwargs]) => callMethod(self, 'vformat', fmt, args, kwargs), 2);

method('vformat', [param('format_string'), param('args'), param('kwargs')], ([self, fmt, args, kwargs]) => {
  const used = callValue(builtin('set'), [], null);
  // vformat's call passes no auto_arg_index; a nested spec's passes it by name
  const [result] = vformatOf(self, fmt, args, kwargs, used, 2, undefined);
  callMethod(self, 'check_unused_args', used, args, kwargs);
  return result;
});

method('_vformat', [param('format_string'), param('args'), param('kwargs'), param('used_args'), param('recursion_depth'), param('auto_arg_index')], ([self, fmt, args, kwargs, used, depth, auto]) =>
  new PyTuple(vformatIn(self, fmt, args, kwargs, used, Number(depth), auto === undefined ? 0 : auto)));
const VFORMAT = FORMATTER.attrs.get('_vformat');

/** self._vformat(...): the class's own, unless the condition's subclass (or instance) has another. */
function vformatOf(self: Py, fmt: Py, args: Py, kwargs: Py, used: Py, depth: number, auto: Py): [Py, Py] {
  const cls = classOfInstance(self);
  const own = cls !== null && cls.lookup('_vformat') === VFORMAT && cls.lookup('__getattribute__') === undefined && !(self instanceof PyInstance && self.dict.has('_vformat'));
  if (own) return vformatIn(self, fmt, args, kwargs, used, depth, auto ?? 0);
  const got = Array.from(iterate(callMethodKw(self, '_vformat', [fmt, args, kwargs, used, depth], auto === undefined ? new Map() : new Map([['auto_arg_index', auto]]))));
  if (got.length !== 2) throw valueErr(got.length > 2 ? 'too many values to unpack (expected 2)' : `not enough values to unpack (expected 2, got ${got.length})`);
  return [got[0], got[1]];
}

method('get_value', [param('key'), param('args'), param('kwargs')], ([, key, args, kwargs]) => {
  // isinstance(key, int): a bool too
  const isInt = truthy(callValue(builtin('isinstance'), [key, builtin('int')], null));
  return isInt ? getitem(args, key) : getitem(kwargs, key);
});

method('check_unused_args', [param('used_args'), param('args'), param('kwargs')], () => null);

method('format_field', [param('value'), param('format_spec')], ([, value, spec]) => callValue(builtin('format'), [value, spec], null));

method('convert_field', [param('value'), param('conversion')], ([, value, conversion]) => {
  if (conversion === null) return value;
  if (eq(conversion, 's')) return callValue(builtin('str'), [value], null);
  if (eq(conversion, 'r')) return callValue(builtin('repr'), [value], null);
  if (eq(conversion, 'a')) return callValue(builtin('ascii'), [value], null);
  throw valueErr(`Unknown conversion specifier ${str(conversion)}`);
});

method('parse', [param('format_string')], ([, fmt]) => formatterParser(strArg(fmt)));

method('get_field', [param('field_name'), param('args'), param('kwargs')], ([self, fieldName, args, kwargs]) => {
  const [first, rest] = (fieldNameSplit(strArg(fieldName)) as PyTuple).items;
  let obj = callMethod(self, 'get_value', first, args, kwargs);
  for (const pair of iterate(rest)) {
    const [isAttr, i] = (pair as PyTuple).items;
    obj = isAttr ? callValue(builtin('getattr'), [obj, i], null) : getitem(obj, i);
  }
  return new PyTuple([obj, first]);
});
