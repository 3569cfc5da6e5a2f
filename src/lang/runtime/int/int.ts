/**
 * A Python int: a JS number while it is a safe integer (the fast path every operation
 * tries first), a bigint only beyond. Every function of this folder returns its ints
 * normalised, so an Int that fits a number is always a number, and never -0.
 */
export type Int = number | bigint;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A bigint as the Int it is: a number when it fits. */
export function norm(b: bigint): Int {
  return b <= MAX_SAFE && b >= -MAX_SAFE ? Number(b) : b;
}

export function big(n: Int): bigint {
  return typeof n === 'bigint' ? n : BigInt(n);
}

export function isInt(v: unknown): v is Int {
  return typeof v === 'bigint' || Number.isSafeInteger(v);
}

export function sign(n: Int): -1 | 0 | 1 {
  return n > 0 ? 1 : n < 0 ? -1 : 0;
}

/** a < b: -1, a == b: 0, a > b: 1 (a number and a bigint compare exactly in JS). */
export function compare(a: Int, b: Int): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function eq(a: Int, b: Int): boolean {
  // a normalised bigint never equals a number
  return a === b;
}
