/**
 * Exact integer arithmetic for the datetime kernel: CPython computes timedeltas in Python
 * ints (microseconds up to 8.64e22, past 2**53), so the kernel does it in BigInt.
 */
import { pyErr, ValueError, OverflowError } from '../exceptions.js';
import { norm, type Int } from '../int/index.js';

/** Floor division and its remainder (Python's divmod) for a positive or negative divisor. */
export function divmod(a: bigint, b: bigint): [bigint, bigint] {
  let q = a / b;
  let r = a % b;
  if (r !== 0n && (r < 0n) !== (b < 0n)) {
    q -= 1n;
    r += b;
  }
  return [q, r];
}

/** The integer nearest a / b, ties to even (_PyLong_DivmodNear). b is not 0. */
export function divideNearest(a: bigint, b: bigint): bigint {
  const [q, r] = divmod(a, b);
  // compare 2r with b, on b's side
  const twice = 2n * r;
  const greater = b > 0n ? twice > b : twice < b;
  const tie = twice === b;
  return greater || (tie && (q & 1n) === 1n) ? q + 1n : q;
}

/** a / b correctly rounded to a double (Python's int / int). b is not 0. */
export function ratioToDouble(a: bigint, b: bigint): number {
  const LIMIT = 1n << 53n;
  if (a < LIMIT && a > -LIMIT && b < LIMIT && b > -LIMIT) return Number(a) / Number(b);
  const negative = (a < 0n) !== (b < 0n);
  const n = a < 0n ? -a : a;
  const d = b < 0n ? -b : b;
  if (n === 0n) return negative ? -0 : 0;
  // a quotient of at least 66 bits with a sticky last bit: Number() then rounds it once
  const shift = 66 - (n.toString(2).length - d.toString(2).length);
  const num = shift > 0 ? n << BigInt(shift) : n;
  const den = shift < 0 ? d << BigInt(-shift) : d;
  let q = num / den;
  if (num % den !== 0n) q |= 1n;
  const half = Math.trunc(-shift / 2);
  const r = Number(q) * 2 ** half * 2 ** (-shift - half);
  return negative ? -r : r;
}

/** A Python int result: a number while it is a safe integer. */
export const toInt = (n: bigint): Int => norm(n);

/** float.as_integer_ratio(). */
export function integerRatio(x: number): [bigint, bigint] {
  if (Number.isNaN(x)) throw pyErr(ValueError, 'cannot convert NaN to integer ratio');
  if (!Number.isFinite(x)) throw pyErr(OverflowError, 'cannot convert Infinity to integer ratio');
  let m = x;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  return [BigInt(m), 1n << BigInt(e)];
}

/** PyLong_FromDouble: a float's integral part as an int, CPython's errors for inf and nan. */
export function floatToInt(x: number): bigint {
  if (Number.isNaN(x)) throw pyErr(ValueError, 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw pyErr(OverflowError, 'cannot convert float infinity to integer');
  return BigInt(Math.trunc(x));
}

/** _PyLong_AsInt's range check, in its words. */
export function toCInt(n: bigint): number {
  if (n > 2147483647n || n < -2147483648n) throw pyErr(OverflowError, 'Python int too large to convert to C int');
  return Number(n);
}
