/*
 * sinh, cosh and tanh as glibc 2.36 computes them (sysdeps/ieee754/dbl-64: e_sinh.c, e_cosh.c,
 * s_tanh.c, fdlibm's) around its exp (exp.ts, the FMA build the ifunc picks) and expm1;
 * x86-64 runs these builds without FMA, so no contraction.
 *
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 */
import { hiWord, loWord } from './bits.js';
import { exp } from './exp.js';
import { expm1 } from './expm1.js';

/** |x| <= this (0x408633ce8fb9f87d) still has a finite sinh and cosh: exp(|x|/2)^2 / 2. */
const OVERFLOW_HI = 0x408633ce;
const OVERFLOW_LO = 0x8fb9f87d;
const belowOverflow = (ix: number, x: number): boolean => ix < OVERFLOW_HI || (ix === OVERFLOW_HI && loWord(x) <= OVERFLOW_LO);

/** sinh(x): from expm1 below 22, exp(|x|)/2 up to log(DBL_MAX), exp(|x|/2)^2/2 up to the threshold. */
export function sinh(x: number): number {
  const jx = hiWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x + x;
  const h = jx >= 0x80000000 ? -0.5 : 0.5;
  if (ix < 0x40360000) {
    // |x| < 22; sinh(tiny) = tiny
    if (ix < 0x3e300000) return x;
    const t = expm1(Math.abs(x));
    if (ix < 0x3ff00000) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ix < 0x40862e42) return h * exp(Math.abs(x));
  if (belowOverflow(ix, x)) {
    const w = exp(0.5 * Math.abs(x));
    const t = h * w;
    return t * w;
  }
  return x * 1e307;
}

/** cosh(x): 1 + expm1(|x|)^2/(2 exp(|x|)) below ln2/2, (exp(|x|) + 1/exp(|x|))/2 below 22, then as sinh. */
export function cosh(x: number): number {
  const ix = hiWord(x) & 0x7fffffff;
  if (ix < 0x40360000) {
    if (ix < 0x3fd62e43) {
      if (ix < 0x3c800000) return 1;
      const t = expm1(Math.abs(x));
      const w = 1 + t;
      return 1 + (t * t) / (w + w);
    }
    const t = exp(Math.abs(x));
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(Math.abs(x));
  if (belowOverflow(ix, x)) {
    const w = exp(0.5 * Math.abs(x));
    const t = 0.5 * w;
    return t * w;
  }
  if (ix >= 0x7ff00000) return x * x;
  return Infinity;
}

/** tanh(x): from expm1(±2|x|) below 22, ±1 beyond. */
export function tanh(x: number): number {
  const jx = hiWord(x);
  const ix = jx & 0x7fffffff;
  const negative = jx >= 0x80000000;
  if (ix >= 0x7ff00000) return negative ? 1 / x - 1 : 1 / x + 1;
  let z: number;
  if (ix < 0x40360000) {
    if (x === 0) return x;
    // |x| < 2**-55
    if (ix < 0x3c800000) return x * (1 + x);
    if (ix >= 0x3ff00000) {
      const t = expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1 - 1e-300;
  }
  return negative ? -z : z;
}
