/**
 * Lib/calendar.py is Python: its functions take whatever they are given (a float year, a
 * bool month, a str width) and fail, or not, where CPython's operators fail. These are the
 * operators and builtins it uses, so that the port answers as the Python does.
 */
import { methodCaller, type Method } from '../../attributes.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { typeErr, valueErr } from '../../exceptions.js';
import { isIterable, iterate, leValue, truthy } from '../../ops.js';
import { typeName, type Py } from '../../values.js';

const builtin = (name: string): Py => BUILTINS.get(name)!;
const RANGE = builtin('range');
const ENUMERATE = builtin('enumerate');
const MAX = builtin('max');
const MIN = builtin('min');

export const call = (f: Py, ...args: Py[]): Py => callValue(f, args, null);

const callers = new Map<string, Method>();
/** `obj.name(*args)`: found as CPython finds it, so an instance's or a subclass's own comes first. */
export function callMethod(obj: Py, name: string, ...args: Py[]): Py {
  let m = callers.get(name);
  if (m === undefined) callers.set(name, (m = methodCaller(name)));
  return m(obj, args, null);
}

/** The same with keyword arguments (`self.formatmonth(y, m, withyear=False)`). */
export function callMethodKw(obj: Py, name: string, args: Py[], kw: Map<string, Py>): Py {
  let m = callers.get(name);
  if (m === undefined) callers.set(name, (m = methodCaller(name)));
  return m(obj, args, kw);
}

export const range = (...args: Py[]): Iterable<Py> => iterate(call(RANGE, ...args));
export const enumerate = (it: Py, start?: Py): Iterable<Py> => iterate(start === undefined ? call(ENUMERATE, it) : call(ENUMERATE, it, start));
export const max = (a: Py, b: Py): Py => call(MAX, a, b);
export const min = (a: Py, b: Py): Py => call(MIN, a, b);

/** `lo <= x <= hi`, as Python chains it. */
export const between = (lo: Py, x: Py, hi: Py): boolean => truthy(leValue(lo, x)) && truthy(leValue(x, hi));

/** `a, b = v`: CPython's words for what does not unpack. */
export function unpack(v: Py, n: number): Py[] {
  if (!isIterable(v)) throw typeErr(`cannot unpack non-iterable ${typeName(v)} object`);
  // read as CPython's UNPACK_SEQUENCE reads an iterator: one past n at most
  const items: Py[] = [];
  for (const x of iterate(v)) {
    if (items.length === n) throw valueErr(`too many values to unpack (expected ${n})`);
    items.push(x);
  }
  if (items.length < n) throw valueErr(`not enough values to unpack (expected ${n}, got ${items.length})`);
  return items;
}
