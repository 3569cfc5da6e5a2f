/** math's functions of ints and of a float's neighbours: comb, perm, isqrt, ulp, nextafter. */
import { indexArg } from '../args.js';
import { exactInt } from '../arith.js';
import { tick } from '../budget.js';
import { valueErr } from '../exceptions.js';

function nonNegative(n: number, k: number): void {
  if (n < 0) throw valueErr('n must be a non-negative integer');
  if (k < 0) throw valueErr('k must be a non-negative integer');
}

/** math.comb(n, k): exact, with BigInt inside so that only a result past 2**53 overflows. */
export function comb(nv: unknown, kv: unknown): number {
  const n = indexArg(nv);
  const k = indexArg(kv);
  nonNegative(n, k);
  if (k > n) return 0;
  const m = Math.min(k, n - k);
  let r = 1n;
  for (let i = 0; i < m; i++) {
    tick();
    r = (r * BigInt(n - i)) / BigInt(i + 1);
    // comb(n, i) grows with i up to n/2: past 2**53 the answer is too, so stop before r grows without bound
    if (r > 9007199254740992n) break;
  }
  return exactInt(r);
}

/** math.perm(n, k=None): n! / (n - k)!, factorial(n) without k. */
export function perm(nv: unknown, kv: unknown): number {
  const n = indexArg(nv);
  if ((kv === undefined || kv === null) && n < 0) throw valueErr('factorial() not defined for negative values');
  const k = kv === undefined || kv === null ? n : indexArg(kv);
  nonNegative(n, k);
  if (k > n) return 0;
  let r = 1n;
  for (let i = 0; i < k; i++) {
    tick();
    r *= BigInt(n - i);
    // past 2**53 the answer cannot come back smaller: stop before the BigInt grows without bound
    if (r > 9007199254740992n) break;
  }
  return exactInt(r);
}

/** math.isqrt(n): the floor of the exact square root. */
export function isqrt(nv: unknown): number {
  const n = indexArg(nv);
  if (n < 0) throw valueErr('isqrt() argument must be nonnegative');
  let r = Math.floor(Math.sqrt(n));
  // the double's root may be one off near 2**53
  while (r * r > n) r--;
  while ((r + 1) * (r + 1) <= n) r++;
  return r;
}

const view = new DataView(new ArrayBuffer(8));

/** math.nextafter(x, y): the next double after x towards y (C99's nextafter). */
export function nextafter(x: number, y: number): number {
  if (x !== x || y !== y) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, (x < y) === (x > 0) ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** math.ulp(x): the gap to the next double away from zero (below the largest, the gap beneath it). */
export function ulp(x: number): number {
  if (x !== x || !Number.isFinite(x)) return Math.abs(x);
  x = Math.abs(x);
  const up = nextafter(x, Infinity);
  return Number.isFinite(up) ? up - x : x - nextafter(x, 0);
}
