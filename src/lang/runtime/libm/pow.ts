/**
 * pow as glibc 2.36 computes it on x86-64 with FMA (sysdeps/ieee754/dbl-64/e_pow.c, ARM's
 * optimized-routines math/pow.c, MIT licence; see tables.ts): log(x) in extra precision,
 * times y, then exp of the sum; an fma wherever GCC contracts one.
 */
import { fma, fromWords, hiWord, loWord } from './bits.js';
import { expInline, SIGN_BIAS } from './exp.js';
import { POW_LN2HI, POW_LN2LO, POW_POLY, POW_TAB } from './tables.js';

const [A0, A1, A2, A3, A4, A5, A6] = POW_POLY;
const OFF_HI = 0x3fe69555;

/** log(x) as hi + lo (lo about 15 bits more), x given by its bits, a subnormal normalised with a negative exponent. */
function logInline(hi: number, lo: number): [number, number] {
  const tmpHi = (hi - OFF_HI) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  const z = fromWords((hi - (tmpHi & 0xfff00000)) >>> 0, lo);
  const kd = k;
  const invc = POW_TAB[4 * i];
  const logc = POW_TAB[4 * i + 2];
  const logctail = POW_TAB[4 * i + 3];
  // log(x) = k*Ln2 + log(c) + log1p(z/c - 1); z/c - 1 is exact
  const r = fma(z, invc, -1);
  const t1 = fma(kd, POW_LN2HI, logc);
  const t2 = t1 + r;
  const lo1 = fma(kd, POW_LN2LO, logctail);
  const lo2 = t1 - t2 + r;
  const ar = A0 * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const h = t2 + ar2;
  const lo3 = fma(ar, r, -ar2);
  const lo4 = t2 - h + ar2;
  const q = fma(ar2, fma(ar2, fma(r, A6, A5), fma(r, A4, A3)), fma(r, A2, A1));
  const l = fma(ar3, q, lo1 + lo2 + lo3 + lo4);
  const y = h + l;
  return [y, h - y + l];
}

/** 0 if y is not an integer, 1 if odd, 2 if even (y finite and not 0). */
const checkint = (y: number): number => (!Number.isInteger(y) ? 0 : Math.abs(y) % 2 === 1 ? 1 : 2);

export function pow(x: number, y: number): number {
  let signBias = 0;
  let hx = hiWord(x);
  let lx = loWord(x);
  const hy = hiWord(y);
  let topx = hx >>> 20;
  const topy = hy >>> 20;
  const ytop = topy & 0x7ff;
  if (topx - 1 >= 0x7fe || topx === 0 || ytop - 0x3be >= 0x43e - 0x3be || ytop < 0x3be) {
    // x < 2^-1022, inf or nan, or |y| < 2^-65, |y| >= 2^63 or nan
    if (y === 0 || !Number.isFinite(y)) {
      if (y === 0) return 1;
      if (x === 1) return 1;
      if (x !== x || y !== y) return x + y;
      if (Math.abs(x) === 1) return 1;
      if (Math.abs(x) < 1 === y > 0) return 0;
      return y * y;
    }
    if (x === 0 || !Number.isFinite(x)) {
      let x2 = x * x;
      if (x < 0 || Object.is(x, -0)) if (checkint(y) === 1) x2 = -x2;
      return y < 0 ? 1 / x2 : x2;
    }
    // x and y finite and not 0
    if (x < 0) {
      const yint = checkint(y);
      if (yint === 0) return NaN;
      if (yint === 1) signBias = SIGN_BIAS;
      hx &= 0x7fffffff;
      topx &= 0x7ff;
    }
    if (ytop - 0x3be >= 0x43e - 0x3be || ytop < 0x3be) {
      const ax = Math.abs(x);
      if (ax === 1) return 1;
      // |y| < 2^-65: x^y ~= 1 + y*log(x)
      if (ytop < 0x3be) return ax > 1 ? 1 + y : 1 - y;
      return ax > 1 === topy < 0x800 ? Infinity : 0;
    }
    if (topx === 0) {
      // subnormal x, normalised so that its exponent becomes negative
      const n = Math.abs(x) * 2 ** 52;
      hx = (hiWord(n) - (52 << 20)) >>> 0;
      lx = loWord(n);
    }
  }
  const [hi, lo] = logInline(hx, lx);
  const ehi = y * hi;
  const elo = fma(y, lo, fma(y, hi, -ehi));
  return expInline(ehi, elo, signBias, true);
}
