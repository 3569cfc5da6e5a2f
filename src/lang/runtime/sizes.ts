/**
 * CPython's answers for sizes past any machine's memory (`'ab'.ljust(2**62)`, `b'ab' * 2**61`,
 * `[0] * 2**60`): its OverflowError where a size passes Py_ssize_t, its bare MemoryError where
 * malloc must fail. No x86-64 or arm64 Linux process can map 2**47 bytes, so from there CPython
 * fails on every machine, and so does the evaluator in CPython's words. Below, where CPython may
 * well allocate, the sandbox's own size limit refuses (budget.ts's checkSize).
 */
import { indexArg } from './args.js';
import { MemoryError, OverflowError, pyErr } from './exceptions.js';
import type { Py } from './values.js';

/** Bytes no allocation reaches: a 64-bit Linux process's user address space (47 bits). */
const UNMAPPABLE = 2 ** 47;
const SSIZE_MAX = (1n << 63n) - 1n;
/** PyBytesObject_SIZE: a bytes' header and its final NUL, which PyBytes_FromStringAndSize adds to the size. */
const BYTES_HEADER = 33n;

/** A width C reads as Py_ssize_t ('n'), of any size: CPython's OverflowError past it; a huge one exactly as a BigInt. */
export function widthArg(v: Py): number | bigint {
  if (typeof v !== 'bigint') return indexArg(v);
  if (v > SSIZE_MAX || v < -SSIZE_MAX - 1n) throw pyErr(OverflowError, 'Python int too large to convert to C ssize_t');
  return v;
}

/** CPython's bytes of one character of a str whose largest code point is `max` (PEP 393's kinds). */
const kindOf = (max: number): number => (max < 0x100 ? 1 : max < 0x10000 ? 2 : 4);

/** The largest code point of some strs (read only for a size past memory). */
export function maxCodePoint(...texts: string[]): number {
  let max = 0;
  for (const s of texts) for (const c of s) max = Math.max(max, c.codePointAt(0)!);
  return max;
}

/** A str of `length` code points, the largest `maxCp`, about to be made: CPython's MemoryError if no machine could hold it. */
export function strBeyondMemory(length: number | bigint, maxCp: () => number): void {
  // (the code points are read only for a length that four bytes a character would put past memory)
  if (Number(length) * 4 >= UNMAPPABLE && Number(length) * kindOf(maxCp()) >= UNMAPPABLE) throw pyErr(MemoryError);
}

/** A list or tuple of `count` items about to be made: CPython's MemoryError if no machine could hold its 8-byte pointers. */
export function itemsBeyondMemory(count: number): void {
  if (count * 8 >= UNMAPPABLE) throw pyErr(MemoryError);
}

/** A bytes of `length` octets about to be made (PyBytes_FromStringAndSize): CPython's OverflowError past ssize_t with its header, its MemoryError past memory. */
export function bytesBeyondMemory(length: number | bigint): void {
  if (BigInt(length) > SSIZE_MAX - BYTES_HEADER) throw pyErr(OverflowError, 'byte string is too large');
  if (Number(length) >= UNMAPPABLE) throw pyErr(MemoryError);
}

/** A bytearray of `length` octets about to be made or grown (PyByteArray_Resize): CPython's bare MemoryError past memory, ssize_t or not. */
export function byteArrayBeyondMemory(length: number | bigint): void {
  if (Number(length) >= UNMAPPABLE) throw pyErr(MemoryError);
}

/**
 * seq * n with n within Py_ssize_t and positive (and seq's length in code points or items): CPython's checks before it allocates. A str's and a
 * bytes' length times n past ssize_t is an OverflowError in their words, a bytearray's, list's or tuple's a
 * MemoryError (of 8-byte pointers); then what no machine can hold is a MemoryError.
 */
export function repeatBeyondMemory(kind: 'str' | 'bytes' | 'bytearray' | 'items', units: number, n: number | bigint, length: () => number, maxCp: () => number): void {
  // what the sandbox's size limit refuses anyway (`units` is at least the length: a str's UTF-16 units), without BigInts
  if (units * Number(n) < 2 ** 40) return;
  const total = BigInt(length()) * BigInt(n);
  if (kind === 'bytearray') return byteArrayBeyondMemory(total);
  if (kind === 'items') {
    if (total > SSIZE_MAX || Number(total) * 8 >= UNMAPPABLE) throw pyErr(MemoryError);
    return;
  }
  if (total > SSIZE_MAX) throw pyErr(OverflowError, kind === 'str' ? 'repeated string is too long' : 'repeated bytes are too long');
  if (kind === 'bytes') bytesBeyondMemory(total);
  else strBeyondMemory(total, maxCp);
}
