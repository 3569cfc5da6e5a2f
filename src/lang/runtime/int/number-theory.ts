import { OverflowError, pyErr, valueErr } from '../exceptions.js';
import { divNs, linearNs, mulNs, pay } from './cost.js';
import { big, norm, type Int } from './int.js';
import { bitLength, bitsBound } from './size.js';

/** Divisions of Euclid's paid for at a time: a gcd that ends at once (gcd(1, n), a power of two's) pays for few. */
const GCD_CHUNK = 8;

/**
 * Euclid on bigints: up to some 1.5 divisions a bit of the smaller, each a linear pass, paid
 * for a few at a time at the size the values have then (they only shrink), so that a gcd
 * that ends after a few divisions costs a few, and a long one is stopped as it goes.
 */
function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  pay(divNs(bitsBound(a), Math.min(bitsBound(a), bitsBound(b))));
  for (let n = 0; b !== 0n; n++) {
    if (n % GCD_CHUNK === 0) pay(GCD_CHUNK * (300 + linearNs(bitsBound(b))));
    [a, b] = [b, a % b];
  }
  return a;
}

function gcd2(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    a = Math.abs(a);
    b = Math.abs(b);
    while (b !== 0) [a, b] = [b, a % b];
    return a;
  }
  return norm(gcdBig(big(a), big(b)));
}

/** math.gcd(*ints): 0 for none. */
export function gcd(...ns: Int[]): Int {
  let g: Int = 0;
  for (const n of ns) g = gcd2(g, n);
  return g;
}

/** math.lcm(*ints): 1 for none, 0 with any 0. */
export function lcm(...ns: Int[]): Int {
  let l = 1n;
  for (const n of ns) {
    if (n === 0) return 0;
    const x = big(n) < 0n ? -big(n) : big(n);
    const g = big(gcd2(l, x));
    pay(mulNs(bitsBound(l), bitsBound(x)) + divNs(bitsBound(l), bitsBound(g)), bitsBound(l) + bitsBound(x));
    l = (l / g) * x;
  }
  return norm(l);
}

/** math.isqrt(n): the floor of the square root, by Newton's method from above. */
export function isqrt(n: Int): Int {
  if (n < 0) throw valueErr('isqrt() argument must be nonnegative');
  if (typeof n === 'number') {
    // the double square root may be one off near 2**53: corrected both ways
    let r = Math.floor(Math.sqrt(n));
    while (r * r > n) r--;
    while ((r + 1) * (r + 1) <= n) r++;
    return r;
  }
  const bits = bitLength(n);
  pay((Math.log2(bits) + 4) * (divNs(bits, bits / 2) + linearNs(bits)));
  let x = 1n << BigInt(Math.ceil(bits / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return norm(x);
    x = y;
  }
}

/** The product lo * (lo+1) * ... * (hi-1), split in halves so that multiplications stay balanced. */
function product(lo: bigint, hi: bigint): bigint {
  if (hi - lo <= 8n) {
    let p = 1n;
    for (let i = lo; i < hi; i++) p *= i;
    return p;
  }
  const mid = (lo + hi) >> 1n;
  return product(lo, mid) * product(mid, hi);
}

/** Bits of the product of the k ints below n + 1 (at most k * log2(n)), and the work of making it in halves: a level's multiplications, and some 150 ns a factor. */
function payProduct(n: number, k: number): void {
  const bits = k * Math.log2(n + 1) + 64;
  pay(Math.log2(k + 2) * 2 * mulNs(bits / 2, bits / 2) + 150 * k, bits);
}

const MAX_ARG = 2n ** 63n - 1n;

export function factorial(n: Int): Int {
  if (n < 0) throw valueErr('factorial() not defined for negative values');
  if (n > MAX_ARG) throw pyErr(OverflowError, `factorial() argument should not exceed ${MAX_ARG}`);
  payProduct(Number(n), Number(n));
  return norm(product(1n, big(n) + 1n));
}

/** math.perm(n, k): n! / (n - k)!, 0 for k > n; perm(n) is n!. */
export function perm(n: Int, k?: Int): Int {
  if (k === undefined) return factorial(n);
  if (n < 0) throw valueErr('n must be a non-negative integer');
  if (k < 0) throw valueErr('k must be a non-negative integer');
  if (k > n) return 0;
  payProduct(Number(n), Number(k));
  return norm(product(big(n) - big(k) + 1n, big(n) + 1n));
}

/** math.comb(n, k): n! / (k! (n - k)!), 0 for k > n. */
export function comb(n: Int, k: Int): Int {
  if (n < 0) throw valueErr('n must be a non-negative integer');
  if (k < 0) throw valueErr('k must be a non-negative integer');
  if (k > n) return 0;
  const j = big(k) < big(n) - big(k) ? big(k) : big(n) - big(k);
  payProduct(Number(n), Number(j));
  const top = product(big(n) - j + 1n, big(n) + 1n);
  // j! is a smaller product than top, which paid for both
  const bottom = product(1n, j + 1n);
  pay(divNs(bitsBound(top), bitsBound(bottom)));
  return norm(top / bottom);
}

/** round(n, ndigits) for ndigits < 0: to a multiple of 10**-ndigits, half to even. */
export function round(n: Int, ndigits: Int): Int {
  if (ndigits >= 0) return n;
  // past n's digits the nearest multiple is 0 (CPython makes 10**-ndigits first, and
  // round(5, -10**18) never ends there)
  const digits = -Number(ndigits);
  if (digits > (bitsBound(n) + 1) * Math.log10(2) + 1) return 0;
  pay(divNs(bitsBound(n), digits * 3.33) + mulNs(digits * 3.33, digits * 3.33));
  const p = 10n ** BigInt(digits);
  const x = big(n);
  let q = x / p;
  let r = x % p;
  if (r < 0n) {
    q -= 1n;
    r += p;
  }
  if (2n * r > p || (2n * r === p && (q & 1n) === 1n)) q += 1n;
  return norm(q * p);
}
