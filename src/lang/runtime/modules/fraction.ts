/**
 * Exact rationals over BigInt, as much of CPython's Fraction as statistics needs: a float's
 * exact ratio, sums, and the one correctly rounded conversion back to a float.
 */
import { OverflowError, pyErr } from '../exceptions.js';
import { payDiv, payMul } from '../int/cost.js';
import { gcd as intGcd, isqrt, norm } from '../int/index.js';
import { bitsBound } from '../int/size.js';

/** n/d in lowest terms, d > 0. */
export interface Ratio {
  n: bigint;
  d: bigint;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/**
 * n/d in lowest terms. The sums of statistics reach some 80,000 bits (a Decimal's squares), where
 * Euclid takes tenths of a second: the gcd, its divisions and the products below go through the
 * int kernel's prices, as Fraction's do.
 */
export function ratio(n: bigint, d: bigint): Ratio {
  if (d < 0n) [n, d] = [-n, -d];
  const g = BigInt(intGcd(n, d));
  if (g <= 1n) return { n, d };
  payDiv(bitsBound(n), bitsBound(g));
  payDiv(bitsBound(d), bitsBound(g));
  return { n: n / g, d: d / g };
}

/** a * b, paid for as the int kernel's multiplication. */
export const times = (a: bigint, b: bigint): bigint => {
  payMul(bitsBound(a), bitsBound(b));
  return a * b;
};

export const addRatio = (a: Ratio, b: Ratio): Ratio => ratio(times(a.n, b.d) + times(b.n, a.d), times(a.d, b.d));
export const subRatio = (a: Ratio, b: Ratio): Ratio => ratio(times(a.n, b.d) - times(b.n, a.d), times(a.d, b.d));
export const mulRatio = (a: Ratio, b: Ratio): Ratio => ratio(times(a.n, b.n), times(a.d, b.d));
export const divRatio = (a: Ratio, b: Ratio): Ratio => ratio(times(a.n, b.d), times(a.d, b.n));

const view = new DataView(new ArrayBuffer(8));

/** float.as_integer_ratio() of a finite double: the exact value in lowest terms, its denominator a power of two. */
export function floatRatio(x: number): Ratio {
  if (Number.isInteger(x)) return { n: BigInt(x), d: 1n };
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const exp = (hi >>> 20) & 0x7ff;
  // the 53-bit significand as a double (exact), and the power of two it is scaled by
  let m = (hi & 0xfffff) * 2 ** 32 + view.getUint32(4) + (exp !== 0 ? 2 ** 52 : 0);
  let e = (exp === 0 ? 1 : exp) - 1075;
  while (m % 2 === 0 && e < 0) {
    m /= 2;
    e++;
  }
  return { n: BigInt(x < 0 ? -m : m), d: 1n << BigInt(-e) };
}

export function bitLength(x: bigint): number {
  return abs(x).toString(2).length - (x === 0n ? 1 : 0);
}

/** x * 2**e without an intermediate rounding while the result is representable. */
function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

/** float(Fraction(n, d)): n / d correctly rounded (half to even), as long_true_divide does it. */
export function ratioToFloat({ n, d }: Ratio): number {
  if (n === 0n) return 0;
  const negative = n < 0n;
  if (negative) n = -n;
  // e = floor(log2(n / d))
  let e = bitLength(n) - bitLength(d);
  if (e >= 0 ? n < d << BigInt(e) : n << BigInt(-e) < d) e--;
  // 53 bits of precision for a normal result, fewer for a subnormal one
  const precision = e >= -1022 ? 53 : 53 - (-1022 - e);
  const shift = precision - 1 - e;
  const num = shift >= 0 ? n << BigInt(shift) : n;
  const den = shift >= 0 ? d : d << BigInt(-shift);
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) q++;
  const x = ldexp(Number(q), -shift);
  if (x === Infinity) throw pyErr(OverflowError, 'integer division result too large for a float');
  return negative ? -x : x;
}

/** math.isqrt of a BigInt: Newton's iteration from above. */
export function isqrtBig(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** statistics._float_sqrt_of_frac: sqrt(n/m) correctly rounded, by rounding to odd with spare bits. */
export function sqrtRatioToFloat(n: bigint, m: bigint): number {
  // paid for, as isqrt's and the kernel's: n and m may be some 80,000 bits
  const rto = (a: bigint, b: bigint): bigint => {
    payDiv(bitsBound(a), bitsBound(b));
    const r = BigInt(isqrt(norm(a / b)));
    return r | (times(times(r, r), b) !== a ? 1n : 0n);
  };
  // 2 * sys.float_info.mant_dig + 3; Python's // floors
  const q = Math.floor((bitLength(n) - bitLength(m) - 109) / 2);
  if (q >= 0) return ratioToFloat({ n: rto(n, m << BigInt(2 * q)) << BigInt(q), d: 1n });
  return ratioToFloat({ n: rto(n << BigInt(-2 * q), m), d: 1n << BigInt(-q) });
}
