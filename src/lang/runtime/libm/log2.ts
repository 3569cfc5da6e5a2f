/**
 * log2 as glibc 2.36 computes it on x86-64 with FMA (sysdeps/ieee754/dbl-64/e_log2.c, ARM's
 * optimized-routines math/log2.c, MIT licence; see tables.ts), with an fma wherever GCC
 * contracts one.
 */
import { fma, fromWords, hiWord, loWord } from './bits.js';
import { LOG2_INVLN2HI, LOG2_INVLN2LO, LOG2_POLY, LOG2_POLY1, LOG2_TAB } from './tables.js';

const [A0, A1, A2, A3, A4, A5] = LOG2_POLY;
const [B0, B1, B2, B3, B4, B5, B6, B7, B8, B9] = LOG2_POLY1;
const OFF_HI = 0x3fe60000;
const NEAR_LO = 1 - (1 + 0x5b51 / 0x10000) / 32;
const NEAR_HI = 1 + (1 + 0x6ab2 / 0x10000) / 32;

/** log2(x) near 1: r/ln2 in two parts, then a polynomial in r = x - 1. */
function nearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1;
  const hi = r * LOG2_INVLN2HI;
  let lo = fma(r, LOG2_INVLN2LO, fma(r, LOG2_INVLN2HI, -hi));
  const r2 = r * r;
  const r4 = r2 * r2;
  const q = fma(r, B1, B0);
  let y = fma(r2, q, hi);
  lo += fma(r2, q, hi - y);
  const m1 = fma(r2, fma(r, B5, B4), fma(r, B3, B2));
  const m2 = fma(r2, fma(r, B9, B8), fma(r, B7, B6));
  lo = fma(r4, fma(r4, m2, m1), lo);
  y += lo;
  return y;
}

export function log2(x: number): number {
  if (x >= NEAR_LO && x < NEAR_HI) return nearOne(x);
  let hi = hiWord(x);
  let lo = loWord(x);
  const top = hi >>> 16;
  if (top < 0x0010 || top >= 0x7ff0) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    if (top & 0x8000 || (top & 0x7ff0) === 0x7ff0) return NaN;
    // subnormal: normalised
    const n = x * 2 ** 52;
    hi = (hiWord(n) - (52 << 20)) >>> 0;
    lo = loWord(n);
  }
  // x = 2^k z, z in [OFF, 2*OFF) exact; log2(x) = log2(z/c) + log2(c) + k
  const tmpHi = (hi - OFF_HI) | 0;
  const i = (tmpHi >>> 14) & 63;
  const k = tmpHi >> 20;
  const z = fromWords((hi - (tmpHi & 0xfff00000)) >>> 0, lo);
  const invc = LOG2_TAB[2 * i];
  const logc = LOG2_TAB[2 * i + 1];
  const r = fma(z, invc, -1);
  const t1 = r * LOG2_INVLN2HI;
  const t2 = fma(r, LOG2_INVLN2LO, fma(r, LOG2_INVLN2HI, -t1));
  const t3 = k + logc;
  const h = t3 + t1;
  const l = t3 - h + t1 + t2;
  const r2 = r * r;
  const r4 = r2 * r2;
  const p = fma(r4, fma(r, A5, A4), fma(r2, fma(r, A3, A2), fma(r, A1, A0)));
  return fma(r2, p, l) + h;
}
