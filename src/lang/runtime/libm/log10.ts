/*
 * log10 as glibc 2.36 computes it (sysdeps/ieee754/dbl-64/e_log10.c): fdlibm's e_log10.c
 * around glibc's own log (log.ts).
 *
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 */
import { fromWords, hiWord, loWord } from './bits.js';
import { log } from './log.js';

const TWO54 = 2 ** 54;
const IVLN10 = 4.34294481903251816668e-1;
const LOG10_2HI = 3.01029995663611771306e-1;
const LOG10_2LO = 3.69423907715893078616e-13;

/** log10(x) = k*log10(2) + log10(m) for x = 2^k * m, m in [1, 2) (in [0.5, 1) for k < 0, which keeps log10(10^n) exact). */
export function log10(x: number): number {
  let hx = hiWord(x) | 0;
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2**-1022
    if (((hx & 0x7fffffff) | loWord(x)) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = hiWord(x) | 0;
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  const y = k + i;
  const m = fromWords(((hx & 0x000fffff) | ((0x3ff - i) << 20)) >>> 0, loWord(x));
  const z = y * LOG10_2LO + IVLN10 * log(m);
  return z + y * LOG10_2HI;
}
