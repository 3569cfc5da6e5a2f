import { pyErr, ValueError, zeroDiv } from '../exceptions.js';
import { pow as libmPow } from '../libm/pow.js';
import { PyFloat } from '../values.js';
import { divNs, linearNs, mulNs, pay, payDiv, payLinear, payMul } from './cost.js';
import { toFloat } from './float.js';
import { big, norm, type Int } from './int.js';
import { bitsBound } from './size.js';

const MAX = Number.MAX_SAFE_INTEGER;

// Each operation tries two numbers first, whose exact result is a safe integer exactly
// when the double result is: |r| <= 2**53 - 1 rules out a rounded one.

export function add(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX && r >= -MAX) return r;
  }
  payLinear(Math.max(bitsBound(a), bitsBound(b)) + 1);
  return norm(big(a) + big(b));
}

export function sub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX && r >= -MAX) return r;
  }
  payLinear(Math.max(bitsBound(a), bitsBound(b)) + 1);
  return norm(big(a) - big(b));
}

export function mul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    // + 0: 0 * -5 is -0 in JS, and an int has no -0
    if (r <= MAX && r >= -MAX) return r + 0;
  }
  payMul(bitsBound(a), bitsBound(b));
  return norm(big(a) * big(b));
}

export function neg(a: Int): Int {
  if (typeof a === 'number') return 0 - a;
  payLinear(bitsBound(a));
  return norm(-a);
}

export function abs(a: Int): Int {
  if (typeof a === 'number') return Math.abs(a);
  payLinear(bitsBound(a));
  return a < 0n ? -a : a;
}

/** a % b with the sign of b, as Python's. */
export function mod(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw zeroDiv('integer modulo by zero');
    return floorMod(a, b);
  }
  if (b === 0) throw zeroDiv('integer modulo by zero');
  return divmodBig(a, b)[1];
}

/** a // b, rounded towards minus infinity. */
export function floordiv(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw zeroDiv('integer division or modulo by zero');
    const d = a - floorMod(a, b);
    // d is a multiple of b: the division is exact while d is
    if (d <= MAX && d >= -MAX) return d / b + 0;
  }
  if (b === 0) throw zeroDiv('integer division or modulo by zero');
  return divmodBig(a, b)[0];
}

export function divmod(a: Int, b: Int): [Int, Int] {
  if (b === 0) throw zeroDiv('integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    const m = floorMod(a, b);
    const d = a - m;
    if (d <= MAX && d >= -MAX) return [d / b + 0, m];
  }
  return divmodBig(a, b);
}

/** JS's % is exact on doubles and takes the dividend's sign; Python's takes the divisor's. */
function floorMod(a: number, b: number): number {
  const m = a % b;
  return m !== 0 && m < 0 !== b < 0 ? m + b : m + 0;
}

function divmodBig(a: Int, b: Int): [Int, Int] {
  payDiv(bitsBound(a), bitsBound(b));
  const x = big(a);
  const y = big(b);
  let q = x / y;
  let r = x % y;
  if (r !== 0n && r < 0n !== y < 0n) {
    q -= 1n;
    r += y;
  }
  return [norm(q), norm(r)];
}

/** a ** b: an int for b >= 0, a float for b < 0 (as CPython: float(a) ** float(b)). */
export function pow(a: Int, b: Int): Int | PyFloat {
  if (b < 0) return negativePow(a, b);
  if (a === 0 || a === 1 || b === 0) return b === 0 ? 1 : a;
  if (a === -1) return big(b) % 2n === 0n ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') {
    const small = smallPow(a, b);
    if (small !== undefined) return small;
  }
  // |a| >= 2: the result has about b * log2|a| bits, refused before it is made when the
  // budget cannot hold the squarings that make it: measured, up to 4 times the last one
  // (7 ** 10**6: 39 ms, its last squaring 10 ms; bench/int-kernel.ts --costs)
  const approx = typeof a === 'number' ? a : Number(a);
  const bits = Number(b) * (Number.isFinite(approx) ? Math.log2(Math.abs(approx)) : bitsBound(a)) + 1;
  pay(4 * mulNs(bits / 2, bits / 2), bits);
  return norm(big(a) ** big(b));
}

/**
 * a ** b for b < 0: CPython's float(a) ** float(b), float_pow's cases of an int exponent:
 * glibc's pow (libm/pow.ts) on |a|, negated for an odd b.
 */
function negativePow(a: Int, b: Int): PyFloat {
  const x = toFloat(a);
  const y = toFloat(b);
  if (x === 0) throw zeroDiv('0.0 cannot be raised to a negative power');
  // past 2**53 every float is even
  const negative = x < 0 && Math.abs(y) % 2 === 1;
  const r = Math.abs(x) === 1 ? 1 : libmPow(Math.abs(x), y);
  return new PyFloat(negative ? -r : r);
}

/** a ** b by squaring in doubles, while every partial result is exact; else undefined. */
function smallPow(a: number, b: number): number | undefined {
  let result = 1;
  let base = a;
  for (let e = b; ; ) {
    if (e & 1) {
      result *= base;
      if (result > MAX || result < -MAX) return undefined;
    }
    e = Math.floor(e / 2);
    if (e === 0) return result;
    base *= base;
    if (base > MAX) return undefined;
  }
}

/** pow(a, b, m): a negative b takes the inverse of a modulo m. */
export function powMod(a: Int, b: Int, m: Int): Int {
  if (m === 0) throw pyErr(ValueError, 'pow() 3rd argument cannot be 0');
  const mBits = bitsBound(m);
  // per bit of the exponent a square, a multiplication and their reductions, up to 1 µs
  // a bit even for a small modulus before V8 optimises the loop; a negative exponent first takes an inverse: Euclid's
  // steps, four small operations and a linear pass each
  const eBits = typeof b === 'number' ? Math.log2(Math.abs(b) + 1) + 1 : bitsBound(b);
  const inverting = b < 0 ? 1.5 * mBits * (600 + linearNs(mBits)) : 0;
  pay(divNs(bitsBound(a), mBits) + inverting + eBits * (1000 + 2 * (mulNs(mBits, mBits) + divNs(2 * mBits, mBits))), mBits);
  const modulus = big(m) < 0n ? -big(m) : big(m);
  let base = ((big(a) % modulus) + modulus) % modulus;
  let e = big(b);
  if (e < 0n) {
    base = inverse(base, modulus);
    e = -e;
  }
  // the exponent's bits from the top, read once: shifting a huge exponent a bit at a time is quadratic
  let r = 1n % modulus;
  for (const bit of e.toString(2)) {
    r = (r * r) % modulus;
    if (bit === '1') r = (r * base) % modulus;
  }
  // the result takes the modulus's sign, as %
  return norm(big(m) < 0n && r !== 0n ? r - modulus : r);
}

/** The inverse of a modulo m (m > 0) by the extended Euclid algorithm. */
function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [a, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) {
    // every int is invertible modulo 1: pow(0, -1, 1) == 0
    if (m === 1n) return 0n;
    throw pyErr(ValueError, 'base is not invertible for the given modulus');
  }
  return ((s0 % m) + m) % m;
}
