import { allocEntries, allocItems, allocStr, checkSize, MAX_NESTING, step, tick, tooDeep, work } from './budget.js';
import { indexErr, keyErr, overflow, OverflowError, pyErr, RuntimeError, typeErr, valueErr, zeroDiv } from './exceptions.js';
import { percentFormat } from './format.js';
import { exactPow } from './numbers.js';
import { isSetLike, setOperator, setOrder } from './sets.js';
import { PyDict, PyException, PyFloat, PyIterator, PyRange, PySet, PyTuple, PyType, PyView, rangeIdentity, typeName, type Py } from './values.js';

/** Largest int the evaluator keeps exact; past it an int operation raises OverflowError. */
export const INT_MAX = 2 ** 53;
const SAFE = Number.MAX_SAFE_INTEGER;

/** An int that is known exact (a float's integral value, a count): within the range or OverflowError. */
export function checkInt(r: number): number {
  if (r > INT_MAX || r < -INT_MAX) throw overflow();
  return r;
}

/** An exact int result computed with BigInt, on the rare path where doubles may round. */
export function exactInt(r: bigint): number {
  if (r > 9007199254740992n || r < -9007199254740992n) throw overflow();
  return Number(r);
}

export function intAdd(a: number, b: number): number {
  const r = a + b;
  return r <= SAFE && r >= -SAFE ? r : exactInt(BigInt(a) + BigInt(b));
}

export function intSub(a: number, b: number): number {
  const r = a - b;
  return r <= SAFE && r >= -SAFE ? r : exactInt(BigInt(a) - BigInt(b));
}

export function intMul(a: number, b: number): number {
  // + 0: an int is never -0 (0 * -5 is -0 in JS, and float() or / would show it)
  const r = a * b + 0;
  return r <= SAFE && r >= -SAFE ? r : exactInt(BigInt(a) * BigInt(b));
}

export function truthy(v: Py): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return v.length !== 0;
    case 'number':
      return v !== 0;
  }
  if (v === null || v === undefined) return false;
  if (v instanceof PyFloat) return v.v !== 0;
  if (Array.isArray(v)) return v.length !== 0;
  if (v instanceof PyDict) return v.m.size !== 0;
  if (v instanceof PySet) return v.size !== 0;
  if (v instanceof PyTuple) return v.items.length !== 0;
  if (v instanceof PyRange) return v.length !== 0;
  if (v instanceof PyView) return v.dict.m.size !== 0;
  return true;
}

/** The number in an int, bool or float, or undefined for anything else. */
export function num(v: Py): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return v.v;
  return undefined;
}

const isIntLike = (v: Py): boolean => typeof v === 'number' || typeof v === 'boolean';

function unsupported(op: string, a: Py, b: Py): never {
  throw typeErr(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

export function matmul(a: Py, b: Py): never {
  return unsupported('@', a, b);
}

export function add(a: Py, b: Py): Py {
  if (typeof a === 'number' && typeof b === 'number') return intAdd(a, b);
  if (typeof a === 'string' && typeof b === 'string') {
    allocStr(a.length + b.length);
    return a + b;
  }
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return isIntLike(a) && isIntLike(b) ? intAdd(x, y) : new PyFloat(x + y);
  if (typeof a === 'string') throw typeErr(`can only concatenate str (not "${typeName(b)}") to str`);
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) throw typeErr(`can only concatenate list (not "${typeName(b)}") to list`);
    allocItems(a.length + b.length);
    return a.concat(b);
  }
  if (a instanceof PyTuple) {
    if (!(b instanceof PyTuple)) throw typeErr(`can only concatenate tuple (not "${typeName(b)}") to tuple`);
    allocItems(a.items.length + b.items.length);
    return new PyTuple(a.items.concat(b.items));
  }
  return unsupported('+', a, b);
}

export function sub(a: Py, b: Py): Py {
  if (typeof a === 'number' && typeof b === 'number') return intSub(a, b);
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return isIntLike(a) && isIntLike(b) ? intSub(x, y) : new PyFloat(x - y);
  return setOperator('-', a, b) ?? unsupported('-', a, b);
}

function repeat(seq: Py, times: number): Py {
  const count = Math.max(0, times);
  if (typeof seq === 'string') {
    allocStr(seq.length * count);
    return seq.length === 0 ? '' : seq.repeat(count);
  }
  const items: Py[] = Array.isArray(seq) ? seq : seq.items;
  const n = items.length;
  allocItems(n * count);
  // nothing to repeat: [] * 10**10 is [] at once, not ten billion empty turns
  if (n === 0) return Array.isArray(seq) ? [] : seq;
  let out: Py[];
  if (n === 1) out = new Array(count).fill(items[0]);
  else {
    out = [];
    for (let i = 0; i < count; i++) for (let j = 0; j < n; j++) out.push(items[j]);
  }
  return Array.isArray(seq) ? out : new PyTuple(out);
}

const isSeq = (v: Py): boolean => typeof v === 'string' || Array.isArray(v) || v instanceof PyTuple;

export function mul(a: Py, b: Py): Py {
  if (typeof a === 'number' && typeof b === 'number') return intMul(a, b);
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return isIntLike(a) && isIntLike(b) ? intMul(x, y) : new PyFloat(x * y);
  if (isSeq(a)) {
    if (isIntLike(b)) return repeat(a, y!);
    throw typeErr(`can't multiply sequence by non-int of type '${typeName(b)}'`);
  }
  if (isSeq(b)) {
    if (isIntLike(a)) return repeat(b, x!);
    throw typeErr(`can't multiply sequence by non-int of type '${typeName(a)}'`);
  }
  return unsupported('*', a, b);
}

export function truediv(a: Py, b: Py): Py {
  const x = num(a);
  const y = num(b);
  if (x === undefined || y === undefined) return unsupported('/', a, b);
  if (y === 0) throw zeroDiv(isIntLike(a) && isIntLike(b) ? 'division by zero' : 'float division by zero');
  return new PyFloat(x / y);
}

/** Exact floor division of two ints (no rounding through a float quotient). */
function intFloorDiv(x: number, y: number): number {
  const r = x % y;
  const q = (x - r) / y;
  return (r !== 0 && r < 0 !== y < 0 ? q - 1 : q) + 0;
}

/** Python's int %: the remainder takes the sign of the divisor (and is never -0). y is not 0. */
function intMod(x: number, y: number): number {
  const r = x % y;
  return (r !== 0 && r < 0 !== y < 0 ? r + y : r) + 0;
}

export function floordiv(a: Py, b: Py): Py {
  const x = num(a);
  const y = num(b);
  if (x === undefined || y === undefined) return unsupported('//', a, b);
  if (isIntLike(a) && isIntLike(b)) {
    if (y === 0) throw zeroDiv('integer division or modulo by zero');
    return intFloorDiv(x, y);
  }
  if (y === 0) throw zeroDiv('float floor division by zero');
  return new PyFloat(floatDivMod(x, y)[0]);
}

/**
 * _float_div_mod: the floor quotient from fmod, which is exact, not floor(x / y), which
 * rounds first: 7 // 0.1 is 69.0 (the true quotient is just under 70). y is not 0.
 */
export function floatDivMod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0) {
    // the remainder takes the sign of the divisor
    if (y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
  } else {
    mod = y < 0 ? -0 : 0;
  }
  let floor: number;
  if (div !== 0) {
    // snap the quotient to the nearest integral value
    floor = Math.floor(div);
    if (div - floor > 0.5) floor += 1;
  } else {
    floor = x / y < 0 || Object.is(x / y, -0) ? -0 : 0;
  }
  return [floor, mod];
}

export function mod(a: Py, b: Py): Py {
  if (typeof a === 'number' && typeof b === 'number' && b !== 0) return intMod(a, b);
  if (typeof a === 'string') return percentFormat(a, b);
  const x = num(a);
  const y = num(b);
  if (x === undefined || y === undefined) return unsupported('%', a, b);
  const ints = isIntLike(a) && isIntLike(b);
  if (y === 0) throw zeroDiv(ints ? 'integer modulo by zero' : 'float modulo');
  if (ints) return intMod(x, y);
  return new PyFloat(floatDivMod(x, y)[1]);
}

export function pow(a: Py, b: Py): Py {
  const x = num(a);
  const y = num(b);
  if (x === undefined || y === undefined) return unsupported('** or pow()', a, b);
  if (isIntLike(a) && isIntLike(b) && y >= 0) {
    let result = 1;
    let base = x;
    let e = y;
    while (e > 0) {
      if (e & 1) result = intMul(result, base);
      e = Math.floor(e / 2);
      if (e > 0) base = intMul(base, base);
    }
    return result;
  }
  if (x === 0 && y < 0) throw zeroDiv('0.0 cannot be raised to a negative power');
  if (x < 0 && !Number.isInteger(y)) throw valueErr('complex results are not supported by the evaluator');
  const r = exactPow(x, y) ?? Math.pow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) {
    // float_pow reports ERANGE as an OSError would: args (34, 'Numerical result out of range')
    throw new PyException(OverflowError, [34, 'Numerical result out of range'], "(34, 'Numerical result out of range')");
  }
  return new PyFloat(r);
}

function intOperands(op: string, a: Py, b: Py): [number, number] {
  if (!isIntLike(a) || !isIntLike(b)) unsupported(op, a, b);
  return [num(a)!, num(b)!];
}

/** Bitwise operators work on the exact int range through BigInt. */
export function bitop(op: '&' | '|' | '^' | '<<' | '>>', a: Py, b: Py): Py {
  // sets, and views on either side: a view on the right takes any iterable on the left ('ab' | d.keys())
  if (op !== '<<' && op !== '>>' && ((typeof a === 'object' && a !== null) || (typeof b === 'object' && b !== null))) {
    const r = setOperator(op, a, b);
    if (r !== undefined) return r;
  }
  if (op === '|' && a instanceof PyDict && b instanceof PyDict) {
    const out = copyDict(a);
    for (const [nk, v] of b.m) out.set(b.key(nk), v);
    return out;
  }
  const [x, y] = intOperands(op, a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean' && op !== '<<' && op !== '>>') {
    return op === '&' ? a && b : op === '|' ? a || b : a !== b;
  }
  const bx = BigInt(x);
  const by = BigInt(y);
  let r: bigint;
  switch (op) {
    case '&':
      r = bx & by;
      break;
    case '|':
      r = bx | by;
      break;
    case '^':
      r = bx ^ by;
      break;
    case '<<':
      if (y < 0) throw valueErr('negative shift count');
      if (y > 64) throw overflow();
      r = bx << by;
      break;
    default:
      if (y < 0) throw valueErr('negative shift count');
      r = bx >> BigInt(Math.min(y, 64));
  }
  return exactInt(r);
}

export function neg(a: Py): Py {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  if (typeof a === 'boolean') return a ? -1 : 0;
  if (a instanceof PyFloat) return new PyFloat(-a.v);
  throw typeErr(`bad operand type for unary -: '${typeName(a)}'`);
}

export function pos(a: Py): Py {
  if (typeof a === 'number' || a instanceof PyFloat) return a;
  if (typeof a === 'boolean') return a ? 1 : 0;
  throw typeErr(`bad operand type for unary +: '${typeName(a)}'`);
}

export function invert(a: Py): Py {
  if (typeof a === 'number' || typeof a === 'boolean') return -num(a)! - 1;
  throw typeErr(`bad operand type for unary ~: '${typeName(a)}'`);
}

// ---------------------------------------------------------------- comparison

/**
 * The == operator. eq below is how containers compare items (PyObject_RichCompareBool:
 * the same object first), so [n] == [n] for a NaN n; but n == n is False (float_richcompare).
 */
export function eqOperator(a: Py, b: Py): boolean {
  return a === b ? !(a instanceof PyFloat && a.v !== a.v) : eq(a, b);
}

const IN_COMPARISON = 'in comparison';

/** a == b for containers' items; `depth` is how many containers deep the comparison is. */
export function eq(a: Py, b: Py, depth = 0): boolean {
  if (a === b) return true;
  const ta = typeof a;
  if (ta === 'string' || typeof b === 'string') return false;
  if (ta === 'number' && typeof b === 'number') return false;
  const x = num(a);
  if (x !== undefined) {
    const y = num(b);
    return y !== undefined && x === y;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) return Array.isArray(b) && seqEq(a, b, depth);
  if (a instanceof PyTuple) return b instanceof PyTuple && seqEq(a.items, b.items, depth);
  if (a instanceof PyDict) {
    if (!(b instanceof PyDict) || a.m.size !== b.m.size) return false;
    if (depth >= MAX_NESTING) throw tooDeep(IN_COMPARISON);
    for (const [k, v] of a.m) {
      tick();
      if (!b.m.has(k) || !eq(v, b.m.get(k), depth + 1)) return false;
    }
    return true;
  }
  // a set equals a set, or a keys or items view, with the same members
  if (isSetLike(a)) return isSetLike(b) && setOrder(a, b) === 0;
  if (a instanceof PyRange) return b instanceof PyRange && rangeIdentity(a).join() === rangeIdentity(b).join();
  return false;
}

function seqEq(a: Py[], b: Py[], depth: number): boolean {
  if (a.length !== b.length) return false;
  if (depth >= MAX_NESTING) throw tooDeep(IN_COMPARISON);
  for (let i = 0; i < a.length; i++) {
    tick();
    if (!eq(a[i], b[i], depth + 1)) return false;
  }
  return true;
}

/** Three-way comparison for <, <=, >, >=; TypeError for values Python cannot order. */
export function compare(a: Py, b: Py, op: string, depth = 0): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  const sa = Array.isArray(a) ? a : a instanceof PyTuple ? a.items : undefined;
  const sb = Array.isArray(b) ? b : b instanceof PyTuple ? b.items : undefined;
  if (sa !== undefined && sb !== undefined && Array.isArray(a) === Array.isArray(b)) {
    if (depth >= MAX_NESTING) throw tooDeep(IN_COMPARISON);
    const n = Math.min(sa.length, sb.length);
    for (let i = 0; i < n; i++) {
      tick();
      if (!eq(sa[i], sb[i], depth + 1)) return compare(sa[i], sb[i], op, depth + 1);
    }
    return sa.length - sb.length;
  }
  if (isSetLike(a) && isSetLike(b)) return setOrder(a, b);
  throw typeErr(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

export const lt = (a: Py, b: Py) => compare(a, b, '<') < 0;
export const le = (a: Py, b: Py) => compare(a, b, '<=') <= 0;
export const gt = (a: Py, b: Py) => compare(a, b, '>') > 0;
export const ge = (a: Py, b: Py) => compare(a, b, '>=') >= 0;

export function contains(container: Py, item: Py): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw typeErr(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    // a search scans the text once per place it may start (V8 has no linear-time guarantee)
    if (container.length > 1024) work(container.length);
    return container.includes(item);
  }
  if (container instanceof PyDict) return container.has(item);
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) {
      tick();
      if (eq(container[i], item)) return true;
    }
    return false;
  }
  // set_contains looks an unhashable set up as a frozenset, and no frozenset is ever a member here
  if (container instanceof PySet) return !(item instanceof PySet) && container.has(item);
  if (container instanceof PyTuple) return contains(container.items, item);
  if (container instanceof PyRange) {
    const n = num(item);
    if (n === undefined || !Number.isInteger(n)) return false;
    const { start, stop, step: s } = container;
    return (s > 0 ? n >= start && n < stop : n <= start && n > stop) && (n - start) % s === 0;
  }
  if (container instanceof PyView) {
    if (container.kind === 'keys') return container.dict.has(item);
    if (container.kind === 'items') {
      // dictitems_contains: a pair whose key is in the dict with an equal value
      if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
      const [key, value] = item.items;
      return container.dict.has(key) && eq(container.dict.get(key), value);
    }
    for (const x of container) {
      tick();
      if (eq(x, item)) return true;
    }
    return false;
  }
  if (container instanceof PyIterator) {
    for (const x of iterate(container)) {
      tick();
      if (eq(x, item)) return true;
    }
    return false;
  }
  throw typeErr(`argument of type '${typeName(container)}' is not iterable`);
}

// ---------------------------------------------------------------- items and slices

/** A sequence index, negative ones counted from the end; `what` names it in errors ('list', 'list assignment'). */
function index(i: Py, len: number, what: string, key: Py): number {
  let n: number;
  if (typeof i === 'number') n = i;
  else if (typeof i === 'boolean') n = i ? 1 : 0;
  else throw typeErr(`${what.split(' ')[0]} indices must be integers or slices, not ${typeName(key)}`);
  if (n < 0) n += len;
  if (n < 0 || n >= len) throw indexErr(`${what} index out of range`);
  return n;
}

export function getitem(obj: Py, key: Py): Py {
  if (obj instanceof PyDict) {
    const v = obj.get(key);
    if (v === undefined) throw keyErr(key);
    return v;
  }
  if (Array.isArray(obj)) return obj[index(key, obj.length, 'list', key)];
  if (typeof obj === 'string') {
    if (typeof key !== 'number' && typeof key !== 'boolean') throw typeErr(`string indices must be integers, not '${typeName(key)}'`);
    return obj[index(key, obj.length, 'string', key)];
  }
  if (obj instanceof PyTuple) return obj.items[index(key, obj.items.length, 'tuple', key)];
  if (obj instanceof PyRange) return obj.start + obj.step * index(key, obj.length, 'range object', key);
  if (obj !== null && typeof obj === 'object' && typeof obj.pyGetItem === 'function') return obj.pyGetItem(key);
  if (obj instanceof PyType) throw typeErr(`type '${obj.name}' is not subscriptable${['list', 'dict', 'tuple', 'set', 'type'].includes(obj.name) ? ' by the evaluator (generic aliases are not supported)' : ''}`);
  throw typeErr(`'${typeName(obj)}' object is not subscriptable`);
}

export function setitem(obj: Py, key: Py, value: Py): void {
  if (obj instanceof PyDict) {
    obj.set(key, value);
    checkSize(obj.m.size);
    return;
  }
  if (Array.isArray(obj)) {
    obj[index(key, obj.length, 'list assignment', key)] = value;
    return;
  }
  throw typeErr(`'${typeName(obj)}' object does not support item assignment`);
}

export function delitem(obj: Py, key: Py): void {
  if (obj instanceof PyDict) {
    if (!obj.delete(key)) throw keyErr(key);
    return;
  }
  if (Array.isArray(obj)) {
    const i = index(key, obj.length, 'list assignment', key);
    // the items after it move down
    work(obj.length - i);
    obj.splice(i, 1);
    return;
  }
  throw typeErr(`'${typeName(obj)}' object does not support item deletion`);
}

function sliceBound(v: Py, name: string): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw typeErr(`slice indices must be integers or None or have an __index__ method (${name})`);
}

/** Python's slice.indices(): the start, stop and step a slice selects in a sequence of length len. */
export function sliceIndices(lo: Py, hi: Py, st: Py, len: number): [number, number, number] {
  const stepv = sliceBound(st, 'step') ?? 1;
  if (stepv === 0) throw valueErr('slice step cannot be zero');
  let start = sliceBound(lo, 'start');
  let stop = sliceBound(hi, 'stop');
  if (stepv > 0) {
    start = start === null ? 0 : start < 0 ? Math.max(0, start + len) : Math.min(start, len);
    stop = stop === null ? len : stop < 0 ? Math.max(0, stop + len) : Math.min(stop, len);
  } else {
    start = start === null ? len - 1 : start < 0 ? Math.max(-1, start + len) : Math.min(start, len - 1);
    stop = stop === null ? -1 : stop < 0 ? Math.max(-1, stop + len) : Math.min(stop, len - 1);
  }
  return [start, stop, stepv];
}

function pick<T>(items: ArrayLike<T>, lo: Py, hi: Py, st: Py): T[] {
  const [start, stop, s] = sliceIndices(lo, hi, st, items.length);
  const n = s > 0 ? Math.max(0, Math.ceil((stop - start) / s)) : Math.max(0, Math.ceil((start - stop) / -s));
  allocItems(n);
  const out: T[] = new Array(n);
  for (let k = 0, i = start; k < n; k++, i += s) out[k] = items[i];
  return out;
}

export function getslice(obj: Py, lo: Py, hi: Py, st: Py): Py {
  if (typeof obj === 'string') {
    if ((st === null || st === undefined || st === 1) && (lo === null || typeof lo === 'number') && (hi === null || typeof hi === 'number')) {
      const [start, stop] = sliceIndices(lo, hi, null, obj.length);
      if (start >= stop) return '';
      allocStr(stop - start);
      return obj.slice(start, stop);
    }
    return pick(obj, lo, hi, st).join('');
  }
  if (Array.isArray(obj)) return pick(obj, lo, hi, st);
  if (obj instanceof PyTuple) return new PyTuple(pick(obj.items, lo, hi, st));
  if (obj instanceof PyRange) {
    const [start, stop, s] = sliceIndices(lo, hi, st, obj.length);
    return new PyRange(obj.start + start * obj.step, obj.start + stop * obj.step, obj.step * s);
  }
  throw typeErr(`'${typeName(obj)}' object is not subscriptable`);
}

export function setslice(obj: Py, lo: Py, hi: Py, st: Py, value: Py): void {
  if (!Array.isArray(obj)) throw typeErr(`'${typeName(obj)}' object does not support item assignment`);
  const [start, stop, s] = sliceIndices(lo, hi, st, obj.length);
  if (!isIterable(value)) throw typeErr(s === 1 ? 'can only assign an iterable' : 'must assign iterable to extended slice');
  const items = toList(value);
  if (s !== 1) {
    const targets = pick([...obj.keys()], lo, hi, st);
    if (targets.length !== items.length) throw valueErr(`attempt to assign sequence of size ${items.length} to extended slice of size ${targets.length}`);
    targets.forEach((t, i) => (obj[t] = items[i]));
    return;
  }
  allocItems(obj.length + items.length);
  // not splice(start, n, ...items): a call takes some 100,000 arguments at most
  const tail = obj.slice(Math.max(start, stop));
  obj.length = start;
  for (let i = 0; i < items.length; i++) obj.push(items[i]);
  for (let i = 0; i < tail.length; i++) obj.push(tail[i]);
}

export function delslice(obj: Py, lo: Py, hi: Py, st: Py): void {
  if (!Array.isArray(obj)) throw typeErr(`'${typeName(obj)}' object does not support item deletion`);
  work(obj.length);
  const targets = new Set(pick([...obj.keys()], lo, hi, st));
  let w = 0;
  for (let r = 0; r < obj.length; r++) if (!targets.has(r)) obj[w++] = obj[r];
  obj.length = w;
}

// ---------------------------------------------------------------- iteration

function* rangeIter(r: PyRange): Generator<number> {
  const { start, stop, step: s } = r;
  if (s > 0) {
    for (let i = start; i < stop; i += s) {
      tick();
      yield i;
    }
  } else {
    for (let i = start; i > stop; i += s) {
      tick();
      yield i;
    }
  }
}

/**
 * A dict walked as CPython's dict iterators walk it: a change of size between two steps
 * is a RuntimeError, and so is a key beyond the number it had (one popped and put back
 * is met again, and without this the walk would not end).
 */
function* walkDict(d: PyDict, kind: 'keys' | 'values' | 'items'): Generator<Py> {
  const size = d.m.size;
  let left = size;
  for (const [nk, v] of d.m) {
    tick();
    if (d.m.size !== size) throw pyErr(RuntimeError, 'dictionary changed size during iteration');
    if (left-- === 0) throw pyErr(RuntimeError, 'dictionary keys changed during iteration');
    yield kind === 'keys' ? d.key(nk) : kind === 'values' ? v : new PyTuple([d.key(nk), v]);
  }
  if (d.m.size !== size) throw pyErr(RuntimeError, 'dictionary changed size during iteration');
}

/** A set walked from a snapshot of its order; a change of size between two steps is a RuntimeError, as setiter's. */
function* walkSet(s: PySet): Generator<Py> {
  const size = s.size;
  for (const v of s.values()) {
    tick();
    if (s.size !== size) throw pyErr(RuntimeError, 'Set changed size during iteration');
    yield v;
  }
  if (s.size !== size) throw pyErr(RuntimeError, 'Set changed size during iteration');
}

/** Whether iterate(v) walks v rather than raising. */
export function isIterable(v: Py): boolean {
  return typeof v === 'string' || Array.isArray(v) || v instanceof PyDict || v instanceof PyTuple || v instanceof PyRange || v instanceof PySet || v instanceof PyIterator || v instanceof PyView;
}

/** What a `for` loop walks over. Lists are walked live, as Python does. */
export function iterate(v: Py): Iterable<Py> {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return v;
  if (v instanceof PyDict) return walkDict(v, 'keys');
  if (v instanceof PyTuple) return v.items;
  if (v instanceof PyRange) return rangeIter(v);
  if (v instanceof PySet) return walkSet(v);
  if (v instanceof PyIterator) return { [Symbol.iterator]: () => v.it };
  if (v instanceof PyView) return walkDict(v.dict, v.kind);
  throw typeErr(`'${typeName(v)}' object is not iterable`);
}

/** out.extend(v) for a display's starred item ([*x], (*x,)): paid for, within the size limit. */
export function spread(out: Py[], v: Py): void {
  if (Array.isArray(v) || v instanceof PyTuple) {
    const items: Py[] = Array.isArray(v) ? v : v.items;
    allocItems(out.length + items.length);
    // f(*l) of a million items then passes a million arguments: some 35 ns an item in all, four times a copy
    work(items.length * 3);
    for (let i = 0; i < items.length; i++) out.push(items[i]);
    return;
  }
  if (typeof v === 'string') allocItems(out.length + v.length);
  for (const x of iterate(v)) {
    out.push(x);
    if ((out.length & 1023) === 0) checkSize(out.length);
  }
}

/** A fresh list of what v yields, within the size limit. */
export function toList(v: Py): Py[] {
  if (Array.isArray(v)) {
    allocItems(v.length);
    return v.slice();
  }
  if (typeof v === 'string') {
    allocItems(v.length);
    return Array.from(v);
  }
  if (v instanceof PyTuple) {
    allocItems(v.items.length);
    return v.items.slice();
  }
  // the size is known: refuse a huge range before walking it (the walk pays per item)
  if (v instanceof PyRange) checkSize(v.length);
  const out: Py[] = [];
  for (const x of iterate(v)) {
    out.push(x);
    if ((out.length & 1023) === 0) {
      checkSize(out.length);
      step();
    }
  }
  checkSize(out.length);
  return out;
}

export function len(v: Py): number {
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  if (v instanceof PyDict) return v.m.size;
  if (v instanceof PySet) return v.size;
  if (v instanceof PyTuple) return v.items.length;
  if (v instanceof PyRange) return v.length;
  if (v instanceof PyView) return v.dict.m.size;
  throw typeErr(`object of type '${typeName(v)}' has no len()`);
}

export function copyDict(d: PyDict): PyDict {
  allocEntries(d.m.size);
  const out = new PyDict(new Map(d.m));
  if (d.k !== null) out.k = new Map(d.k);
  return out;
}

/** A deep copy of JSON-like data (what copy.deepcopy gives for the original's log and data). */
export function deepCopy(v: Py, depth = 0): Py {
  if (v === null || typeof v !== 'object' || v instanceof PyFloat) return v;
  if (depth >= MAX_NESTING) throw tooDeep('while calling a Python object');
  // a request's small data is copied for every run: only a big container is worth a charge
  if (Array.isArray(v)) {
    if (v.length > 32) allocItems(v.length);
    return v.map((x) => deepCopy(x, depth + 1));
  }
  if (v instanceof PyDict) {
    if (v.m.size > 32) allocEntries(v.m.size);
    const out = new PyDict();
    for (const [nk, value] of v.m) out.m.set(nk, deepCopy(value, depth + 1));
    if (v.k !== null) out.k = new Map(v.k);
    return out;
  }
  if (v instanceof PyTuple) return new PyTuple(v.items.map((x) => deepCopy(x, depth + 1)));
  if (v instanceof PySet) {
    allocEntries(v.size);
    return v.copy();
  }
  return v;
}
