/*
 * expm1 as glibc 2.36 computes it (sysdeps/ieee754/dbl-64/s_expm1.c, fdlibm's), as Debian
 * 12's build of the 2.36 branch runs it on a CPU with FMA: that branch adds an FMA build
 * (sysdeps/x86_64/fpu/multiarch/s_expm1-fma.c, glibc commit f3a9a9f), which the ifunc picks
 * (also for sinh, cosh and tanh, which call it); an fma wherever GCC contracts one there
 * (read from its machine code).
 *
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 */
import { fma, fromWords, hiWord, loWord } from './bits.js';

const O_THRESHOLD = 7.09782712893383973096e2;
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INVLN2 = 1.44269504088896338700;
const [Q1, Q2, Q3, Q4, Q5] = [-3.33333333333331316428e-2, 1.58730158725481460165e-3, -7.93650757867487942473e-5, 4.00821782732936239552e-6, -2.01099218183624371326e-7];

/** y with k added to its exponent (SET_HIGH_WORD (y, high + (k << 20))). */
const addExponent = (y: number, k: number): number => fromWords((hiWord(y) + (k << 20)) >>> 0, loWord(y));

/** exp(x) - 1: x = k*ln2 + r (hi - lo, c the error of that difference), a rational approximation of r, then 2^k. */
export function expm1(x: number): number {
  let hx = hiWord(x);
  const negative = hx >= 0x80000000;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) {
    // |x| >= 56*ln2
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) return ((hx & 0xfffff) | loWord(x)) !== 0 ? x + x : negative ? -1 : x;
      if (x > O_THRESHOLD) return Infinity;
    }
    if (negative) return 1e-300 - 1;
  }
  let k = 0;
  let c = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2: reduced by k*ln2
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INVLN2 * x + (negative ? -0.5 : 0.5));
      hi = fma(-k, LN2_HI, x);
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    // |x| < 2**-54: x itself (fdlibm's x - (t - (huge + x)) only raises inexact)
    return x;
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const h2 = hxs * hxs;
  const h4 = h2 * h2;
  const r1 = fma(h4, fma(hxs, Q5, Q4), fma(h2, fma(hxs, Q3, Q2), fma(hxs, Q1, 1)));
  let t = fma(-r1, hfx, 3);
  let e = hxs * ((r1 - t) / fma(-x, t, 6));
  if (k === 0) return x - fma(x, e, -hxs);
  e = fma(x, e - c, -c);
  e -= hxs;
  if (k === -1) return fma(0.5, x - e, -0.5);
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : fma(2, x - e, 1);
  if (k <= -2 || k > 56) return addExponent(1 - (e - x), k) - 1;
  if (k < 20) {
    t = fromWords((0x3ff00000 - (0x200000 >> k)) >>> 0, 0); // 1 - 2^-k
    return addExponent(t - (e - x), k);
  }
  t = fromWords((0x3ff - k) << 20, 0); // 2^-k
  return addExponent(x - (e + t) + 1, k);
}
