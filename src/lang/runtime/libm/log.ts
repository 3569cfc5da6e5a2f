/**
 * log as glibc 2.36 computes it on x86-64 with FMA (sysdeps/ieee754/dbl-64/e_log.c, ARM's
 * optimized-routines math/log.c, MIT licence; see tables.ts), with an fma wherever GCC
 * contracts one.
 */
import { fma, fromWords, hiWord, loWord } from './bits.js';
import { LOG_LN2HI, LOG_LN2LO, LOG_POLY, LOG_POLY1, LOG_TAB } from './tables.js';

const [A0, A1, A2, A3, A4] = LOG_POLY;
const [B0, B1, B2, B3, B4, B5, B6, B7, B8, B9, B10] = LOG_POLY1;
const OFF_HI = 0x3fe60000;

/** log(x) near 1 (0.9375 <= x < 1 + 0x1.09p-4): a polynomial in x - 1, its leading terms in extra precision. */
function nearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1;
  const r2 = r * r;
  const r3 = r * r2;
  const q = fma(r3, fma(r3, fma(r3, B10, fma(r2, B9, fma(r, B8, B7))), fma(r2, B6, fma(r, B5, B4))), fma(r2, B3, fma(r, B2, B1)));
  const w0 = r * 2 ** 27;
  const rhi = r + w0 - w0;
  const rlo = r - rhi;
  const w = rhi * rhi;
  const hi = fma(w, B0, r);
  let lo = fma(w, B0, r - hi);
  lo = fma(B0 * rlo, rhi + r, lo);
  return fma(r3, q, lo) + hi;
}

export function log(x: number): number {
  if (x >= 0.9375 && x < 1.064697265625) return nearOne(x);
  let hi = hiWord(x);
  let lo = loWord(x);
  const top = hi >>> 16;
  if (top - 0x0010 >= 0x7ff0 - 0x0010 || top < 0x0010) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    if (top & 0x8000 || (top & 0x7ff0) === 0x7ff0) return NaN;
    // subnormal: normalised
    const n = x * 2 ** 52;
    hi = (hiWord(n) - (52 << 20)) >>> 0;
    lo = loWord(n);
  }
  // x = 2^k z, z in [OFF, 2*OFF) exact; the ith subinterval holds z, its centre c
  const tmpHi = (hi - OFF_HI) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  const z = fromWords((hi - (tmpHi & 0xfff00000)) >>> 0, lo);
  const invc = LOG_TAB[2 * i];
  const logc = LOG_TAB[2 * i + 1];
  // log(x) = log1p(z/c - 1) + log(c) + k*Ln2
  const r = fma(z, invc, -1);
  const kd = k;
  const w = fma(kd, LOG_LN2HI, logc);
  const h = w + r;
  const l = fma(kd, LOG_LN2LO, w - h + r);
  const r2 = r * r;
  const p = fma(r2, fma(r, A4, A3), fma(r, A2, A1));
  return fma(r * r2, p, fma(r2, A0, l)) + h;
}
