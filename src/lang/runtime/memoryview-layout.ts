/**
 * Where a memoryview's items lie: its shape and strides, checked and walked as
 * Objects/memoryobject.c and Objects/abstract.c do (copy_shape, init_strides_from_shape,
 * init_flags, PyBuffer_IsContiguous, and the C and Fortran orders of PyBuffer_ToContiguous).
 */
import { OverflowError, pyErr, typeErr, valueErr } from './exceptions.js';
import { intOf } from './numbers.js';
import type { Py } from './values.js';

/** PyBUF_MAX_NDIM */
export const MAX_NDIM = 64;
const SSIZE_MAX = 2n ** 63n - 1n;

/** copy_shape: a cast's shape, each item checked in its words, and the octets it spans (itemsize times their product). */
export function copyShape(dims: Py[], itemsize: number): { shape: number[]; len: bigint } {
  let len = BigInt(itemsize);
  const shape: number[] = [];
  for (const x of dims) {
    // PyLong_Check: an int or a bool, not a class's __index__
    const n = intOf(x);
    if (n === undefined) throw typeErr('memoryview.cast(): elements of shape must be integers');
    const item = BigInt(n);
    if (item > SSIZE_MAX || item < -SSIZE_MAX - 1n) throw pyErr(OverflowError, 'Python int too large to convert to C ssize_t');
    if (item <= 0n) throw valueErr('memoryview.cast(): elements of shape must be integers > 0');
    if (item > SSIZE_MAX / len) throw valueErr('memoryview.cast(): product(shape) > SSIZE_MAX');
    len *= item;
    shape.push(Number(item));
  }
  return { shape, len };
}

/** init_strides_from_shape: C order, the last dimension's items adjacent. */
export function cStrides(shape: readonly number[], itemsize: number): number[] {
  const strides = new Array<number>(shape.length);
  for (let i = shape.length - 1, sd = itemsize; i >= 0; i--) (strides[i] = sd), (sd *= shape[i]);
  return strides;
}

/** init_flags: whether the items lie in C order and in Fortran order with no gaps. One dimension is either both or neither, and only its length or stride decides. */
export function contiguity(shape: readonly number[], strides: readonly number[], itemsize: number): { c: boolean; f: boolean } {
  if (shape.length === 0) return { c: true, f: true };
  if (shape.length === 1) {
    const both = shape[0] === 1 || strides[0] === itemsize;
    return { c: both, f: both };
  }
  // no items at all: contiguous either way (_IsCContiguous, _IsFortranContiguous)
  if (shape.includes(0)) return { c: true, f: true };
  let c = true;
  for (let i = shape.length - 1, sd = itemsize; i >= 0; sd *= shape[i], i--) if (shape[i] > 1 && strides[i] !== sd) c = false;
  let f = true;
  for (let i = 0, sd = itemsize; i < shape.length; sd *= shape[i], i++) if (shape[i] > 1 && strides[i] !== sd) f = false;
  return { c, f };
}

/**
 * The items' octet offsets in C order (the last index fastest) or Fortran order (the first
 * fastest), a row at a time: the row's first offset, the step between its items and how many
 * there are (a callback an item took four times as long for a million).
 */
export function walkRows(start: number, shape: readonly number[], strides: readonly number[], order: 'C' | 'F', row: (base: number, step: number, n: number) => void): void {
  if (shape.includes(0)) return;
  // a dimension of one item moves nothing: 63 of them would be 63 steps of the odometer a row
  const dims = [...shape.keys()].filter((i) => shape[i] > 1);
  if (order === 'F') dims.reverse();
  const ndim = dims.length;
  if (ndim === 0) return row(start, 0, 1);
  const inner = dims[ndim - 1];
  const index = new Array<number>(ndim).fill(0);
  for (let base = start; ; ) {
    row(base, strides[inner], shape[inner]);
    // the next row: the odometer's other digits, the innermost of them first
    let d = ndim - 2;
    for (; d >= 0; d--) {
      const dim = dims[d];
      base += strides[dim];
      if (++index[dim] < shape[dim]) break;
      base -= strides[dim] * shape[dim];
      index[dim] = 0;
    }
    if (d < 0) return;
  }
}
