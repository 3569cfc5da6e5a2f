/*
 * asinh, acosh and atanh as glibc 2.36 computes them (sysdeps/ieee754/dbl-64: s_asinh.c,
 * e_acosh.c, e_atanh.c, fdlibm's) around its log (log.ts, the FMA build the ifunc picks) and
 * log1p; x86-64 runs these builds without FMA, so no contraction.
 *
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 */
import { copysign, hiWord, loWord } from './bits.js';
import { log } from './log.js';
import { log1p } from './log1p.js';

const LN2 = 6.93147180559945286227e-1;

/** asinh(x) = sign(x) * log(|x| + sqrt(x*x + 1)), by log1p below 2 and log(2|x|) past 2**28. */
export function asinh(x: number): number {
  const ix = hiWord(x) & 0x7fffffff;
  // |x| < 2**-28
  if (ix < 0x3e300000) return x;
  let w: number;
  if (ix > 0x41b00000) {
    if (ix >= 0x7ff00000) return x + x;
    w = log(Math.abs(x)) + LN2;
  } else {
    const xa = Math.abs(x);
    if (ix > 0x40000000) {
      w = log(2 * xa + 1 / (Math.sqrt(xa * xa + 1) + xa));
    } else {
      const t = xa * xa;
      w = log1p(xa + t / (1 + Math.sqrt(1 + t)));
    }
  }
  return copysign(w, x);
}

/** acosh(x) = log(x + sqrt(x*x - 1)), by log1p below 2 and log(2x) past 2**28; NaN below 1. */
export function acosh(x: number): number {
  // the C compares the bits as a signed 64-bit integer: hi signed, then lo
  const hx = hiWord(x) | 0;
  const lx = loWord(x);
  if (hx > 0x40000000 || (hx === 0x40000000 && lx > 0)) {
    if (hx >= 0x41b00000) return hx >= 0x7ff00000 ? x + x : log(x) + LN2;
    const t = x * x;
    return log(2 * x - 1 / (x + Math.sqrt(t - 1)));
  }
  if (hx > 0x3ff00000 || (hx === 0x3ff00000 && lx > 0)) {
    const t = x - 1;
    return log1p(t + Math.sqrt(2 * t + t * t));
  }
  if (x === 1) return 0;
  return NaN;
}

/** atanh(x) = log1p(2x/(1 - x))/2, in two forms either side of 0.5; ±inf at ±1, NaN past. */
export function atanh(x: number): number {
  const xa = Math.abs(x);
  let t: number;
  if (xa < 0.5) {
    if (xa < 2 ** -28) return x;
    t = xa + xa;
    t = 0.5 * log1p(t + (t * xa) / (1 - xa));
  } else if (xa < 1) {
    t = 0.5 * log1p((xa + xa) / (1 - xa));
  } else {
    return xa > 1 ? NaN : x / 0;
  }
  return copysign(t, x);
}
