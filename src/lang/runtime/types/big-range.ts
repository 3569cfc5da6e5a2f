/**
 * A range whose bounds, step or length pass 2**53 (range(2**64), range(10**30)[::-1]): held
 * in BigInts, as CPython's longrangeobject, while a range of safe integers stays a PyRange of
 * numbers. Both are `range`: equal, hashed and filed alike. Indexing, slicing, `in`, index()
 * and count() are arithmetic; len() is CPython's OverflowError past Py_ssize_t.
 */
import { IndexError, OverflowError, pyErr, typeErr, valueErr } from '../exceptions.js';
import { pyHashBig } from '../hash.js';
import { norm, type Int } from '../int/index.js';
import { checkedMethods } from '../arity.js';
import { tick } from '../budget.js';
import { repr } from '../repr.js';
import { PyFloat, PyIntBox, PyRange, PyTuple, typeName, type Py } from '../values.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from './protocol.js';
import { registerType, slotsOf } from './table.js';

const SSIZE_MAX = (1n << 63n) - 1n;

export class PyBigRange {
  readonly length: bigint;
  constructor(readonly start: bigint, readonly stop: bigint, readonly step: bigint) {
    this.length = rangeLength(start, stop, step);
  }
  /** r[i]: any int, from the end if negative. */
  pyGetItem(key: Py): Py {
    const i = intKey(key, () => `range indices must be integers or slices, not ${typeName(key)}`);
    return norm(itemAt(this.start, this.step, this.length, i));
  }
  pyGetSlice(lo: Py, hi: Py, st: Py): PyRange | PyBigRange {
    return sliceRange(this.start, this.step, this.length, lo, hi, st);
  }
}

function rangeLength(start: bigint, stop: bigint, step: bigint): bigint {
  if (step > 0n) return start < stop ? (stop - start - 1n) / step + 1n : 0n;
  return start > stop ? (start - stop - 1n) / -step + 1n : 0n;
}

/** An int of any size (a bool or an int flag too), or undefined. */
function bigOf(v: Py): bigint | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : undefined;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (v instanceof PyIntBox) return BigInt(v.value);
  // a class's __index__
  const n = v !== null && typeof v === 'object' ? slotsOf(v)?.index?.(v) : undefined;
  return n === undefined ? undefined : BigInt(n);
}

function intKey(v: Py, message: () => string): bigint {
  const n = bigOf(v);
  if (n === undefined) throw typeErr(message());
  return n;
}

/** compute_range_item: start + i * step, i counted from the end if negative. */
function itemAt(start: bigint, step: bigint, length: bigint, index: bigint): bigint {
  const i = index < 0n ? index + length : index;
  if (i < 0n || i >= length) throw pyErr(IndexError, 'range object index out of range');
  return start + i * step;
}

/** A range of these bounds: of numbers where they, and its length, are safe integers. */
export function makeRange(start: Int, stop: Int, step: Int): PyRange | PyBigRange {
  const safe = (n: Int): n is number => typeof n === 'number' && Number.isSafeInteger(n);
  if (safe(start) && safe(stop) && safe(step) && Number.isSafeInteger(stop - start)) return new PyRange(start, stop, step);
  return new PyBigRange(BigInt(start), BigInt(stop), BigInt(step));
}

/** _PySlice_GetLongIndices: a slice's start, stop and step for a sequence of `length`, in ints of any size. */
export function longIndices(lo: Py, hi: Py, st: Py, length: bigint): [bigint, bigint, bigint] {
  const bound = (v: Py): bigint | null => (v === null || v === undefined ? null : intKey(v, () => 'slice indices must be integers or None or have an __index__ method'));
  const step = bound(st) ?? 1n;
  if (step === 0n) throw valueErr('slice step cannot be zero');
  const [lower, upper] = step < 0n ? [-1n, length - 1n] : [0n, length];
  const clamp = (v: bigint | null, absent: bigint): bigint => {
    if (v === null) return absent;
    if (v < 0n) return v + length < lower ? lower : v + length;
    return v > upper ? upper : v;
  };
  return [clamp(bound(lo), step < 0n ? upper : lower), clamp(bound(hi), step < 0n ? lower : upper), step];
}

/** compute_slice: r[lo:hi:st] is a range again. */
export function sliceRange(start: bigint, step: bigint, length: bigint, lo: Py, hi: Py, st: Py): PyRange | PyBigRange {
  const [a, b, s] = longIndices(lo, hi, st, length);
  return makeRange(norm(start + a * step), norm(start + b * step), norm(step * s));
}

/** reversed(r): the same items from the last, as a range. */
export function reversedRange(r: PyRange | PyBigRange): PyRange | PyBigRange {
  const [start, step, length] = r instanceof PyRange ? [BigInt(r.start), BigInt(r.step), BigInt(r.length)] : [r.start, r.step, r.length];
  const last = start + (length - 1n) * step;
  return makeRange(norm(last), norm(start - step), norm(-step));
}

/** Whether x is in the range: an int (or an integral float) by arithmetic. */
export function bigContains(r: PyBigRange, x: Py): boolean {
  const n = x instanceof PyFloat ? (Number.isInteger(x.v) ? BigInt(x.v) : undefined) : bigOf(x);
  if (n === undefined) return false;
  const { start, stop, step } = r;
  return (step > 0n ? n >= start && n < stop : n <= start && n > stop) && (n - start) % step === 0n;
}

/** range_hash's and range_richcompare's view: (length, start, step), start and step only where they matter. */
function identity(r: PyBigRange): [Int, Int | null, Int | null] {
  return [norm(r.length), r.length === 0n ? null : norm(r.start), r.length <= 1n ? null : norm(r.step)];
}

function* iterate(r: PyBigRange): Generator<Py> {
  for (let k = 0n, v = r.start; k < r.length; k++, v += r.step) {
    tick();
    yield norm(v);
  }
}

export const BIG_RANGE: PyTypeSlots<PyBigRange> = {
  name: () => 'range',
  truthy: (v) => v.length !== 0n,
  // a length past Py_ssize_t is CPython's OverflowError; below it, an int of any size
  len: (v) => {
    if (v.length > SSIZE_MAX) throw pyErr(OverflowError, 'Python int too large to convert to C ssize_t');
    return norm(v.length) as number;
  },
  iter: iterate,
  repr: (v) => (v.step === 1n ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`),
  hash: (v) => pyHashBig(new PyTuple(identity(v))),
  key: (v) => '\u0000range' + identity(v).join(','),
  eq: (a, b) => {
    if (b instanceof PyBigRange) return identity(a).join() === identity(b).join();
    // a range of numbers equal to this one: its identity spelled the same
    if (b instanceof PyRange) return identity(a).join() === [b.length, b.length === 0 ? null : b.start, b.length <= 1 ? null : b.step].join();
    return NOT_IMPLEMENTED;
  },
  contains: bigContains,
  getattr: (v, name) => (name === 'start' ? norm(v.start) : name === 'stop' ? norm(v.stop) : name === 'step' ? norm(v.step) : undefined),
  methods: checkedMethods('range', new Map<string, Method>([
    ['index', (r: PyBigRange, [x]) => {
      // range_index words its miss for an int or a bool; anything else is _PySequence_IterSearch's
      if (!bigContains(r, x)) throw valueErr(typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean' ? `${repr(x)} is not in range` : 'sequence.index(x): x not in sequence');
      const n = bigOf(x) ?? BigInt((x as PyFloat).v);
      return norm((n - r.start) / r.step);
    }],
    ['count', (r: PyBigRange, [x]) => (bigContains(r, x) ? 1 : 0)],
  ]), { index: 'one', count: 'one' }),
};

registerType(PyBigRange, BIG_RANGE);
