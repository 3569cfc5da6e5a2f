import { OverflowError, pyErr, valueErr, zeroDiv } from '../exceptions.js';
import { divNs, pay, payLinear } from './cost.js';
import { big, type Int } from './int.js';
import { bitLength, bitsBound } from './size.js';

/** float(n): correctly rounded, half to even (ECMAScript's Number(bigint) is). */
export function toFloat(n: Int): number {
  if (typeof n === 'number') return n;
  const x = Number(n);
  if (!Number.isFinite(x)) throw pyErr(OverflowError, 'int too large to convert to float');
  return x;
}

/** int(x) for a float: truncated, exact (int(1e300) has all 301 digits). */
export function fromFloat(x: number): Int {
  if (Number.isNaN(x)) throw valueErr('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw pyErr(OverflowError, 'cannot convert float infinity to integer');
  const t = Math.trunc(x) + 0;
  if (Number.isSafeInteger(t)) return t;
  payLinear(1024);
  return BigInt(t);
}

/**
 * n compared with a float, exactly (2**53 + 1 > 2.0**53): -1, 0 or 1, NaN against nan.
 * A bigint is past 2**53, where every float is an integer and BigInt(x) exact.
 */
export function compareFloat(n: Int, x: number): number {
  if (typeof n === 'number' || !Number.isFinite(x)) return n < x ? -1 : n > x ? 1 : n === x ? 0 : NaN;
  if (Math.abs(x) < 2 ** 53) return n < 0n ? -1 : 1;
  payLinear(bitsBound(n));
  const y = BigInt(x);
  return n < y ? -1 : n > y ? 1 : 0;
}

/**
 * a / b correctly rounded, as CPython's long_true_divide: two safe integers are exact
 * doubles, whose quotient IEEE rounds once; else an integer quotient with two bits
 * more than a double holds, rounded half to even by hand with the remainder as sticky
 * bit, subnormal results included.
 */
export function truediv(a: Int, b: Int): number {
  if (b === 0) throw zeroDiv('division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  if (a === 0) return b < 0 ? -0 : 0;
  const negative = a < 0 !== b < 0;
  let x = big(a);
  let y = big(b);
  if (x < 0n) x = -x;
  if (y < 0n) y = -y;
  pay(2 * divNs(bitsBound(x), bitsBound(y)));
  const xBits = bitLength(x);
  const yBits = bitLength(y);
  // |a/b| is in [2**(xBits-yBits-1), 2**(xBits-yBits+1)): past 2**1024 it overflows
  if (xBits - yBits > 1025) throw tooLarge();
  // x / y scaled by 2**shift has 55 or 56 bits
  const shift = 55 - (xBits - yBits);
  const q0 = shift >= 0 ? (x << BigInt(shift)) / y : x / (y << BigInt(-shift));
  const sticky = shift >= 0 ? (x << BigInt(shift)) % y !== 0n : x % (y << BigInt(-shift)) !== 0n;
  const qBits = bitLength(q0);
  // the value is in [2**(exp-1), 2**exp); below 2**-1022 fewer bits are kept
  const exp = qBits - shift;
  const keep = Math.min(53, exp + 1074);
  if (keep < 0) return negative ? -0 : 0;
  const drop = BigInt(qBits - keep);
  let m = q0 >> drop;
  const rest = q0 - (m << drop);
  const half = 1n << (drop - 1n);
  if (rest > half || (rest === half && (sticky || (m & 1n) === 1n))) m += 1n;
  const r = scale(Number(m), Number(drop) - shift);
  if (!Number.isFinite(r)) throw tooLarge();
  return negative ? -r : r;
}

const tooLarge = () => pyErr(OverflowError, 'integer division result too large for a float');

/** m * 2**k for an m of at most 54 bits, exact when the result is representable. */
function scale(m: number, k: number): number {
  if (k > 1023) return m * 2 ** 1023 * 2 ** (k - 1023);
  // a normal intermediate first, then one rounding-free step down
  if (k < -1022) return m * 2 ** (k + 200) * 2 ** -200;
  return m * 2 ** k;
}
