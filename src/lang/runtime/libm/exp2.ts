/**
 * exp2 as glibc 2.36 computes it (sysdeps/ieee754/dbl-64/e_exp2.c, ARM's optimized-routines
 * math/exp2.c, MIT licence; see tables.ts), with exp's table: x86-64 has no FMA build of
 * exp2, so no contraction here, unlike exp.ts.
 */
import { fromWords, hiWord, loWord } from './bits.js';
import { EXP2_POLY, EXP2_SHIFT, EXP_TAB } from './tables.js';

const [C1, C2, C3, C4, C5] = EXP2_POLY;
const TOP_TINY = 0x3c9; // top12(0x1p-54)
const TOP_512 = 0x408;
const TOP_1024 = 0x409;
const TOP_928 = 0x408d0000; // the high word of 928.0

/** scale * (1 + tmp) where the scale's exponent may have left the range (sHi, sLo: its bits; ki & 0x80000000 tells overflow from underflow). */
function specialcase(tmp: number, sHi: number, sLo: number, ki: number): number {
  if ((ki & 0x80000000) === 0) {
    // k > 0: the exponent of scale may have overflowed by 1
    const scale = fromWords((sHi - (1 << 20)) >>> 0, sLo);
    return 2 * (scale + scale * tmp);
  }
  // k < 0: rounded to the final precision before scaling into the subnormals, no double rounding
  const scale = fromWords((sHi + (1022 << 20)) >>> 0, sLo);
  let y = scale + scale * tmp;
  if (y < 1) {
    let lo = scale - y + scale * tmp;
    const hi = 1 + y;
    lo = 1 - hi + y + lo;
    // (glibc's -0.0 guard is for downward rounding: never taken to nearest)
    y = hi + lo - 1;
  }
  return 2 ** -1022 * y;
}

export function exp2(x: number): number {
  const hi = hiWord(x);
  let abstop = (hi >>> 20) & 0x7ff;
  if (abstop < TOP_TINY || abstop >= TOP_512) {
    if (abstop < TOP_TINY) return 1 + x;
    if (abstop >= TOP_1024) {
      if (x === -Infinity) return 0;
      if (abstop >= 0x7ff) return 1 + x;
      if (x > 0) return Infinity;
      if (x <= -1075) return 0;
    }
    // |x| > 928 (2 * asuint64(x) > 2 * asuint64(928.0)): specialcase below
    if ((hi & 0x7fffffff) > TOP_928 || ((hi & 0x7fffffff) === TOP_928 && loWord(x) > 0)) abstop = 0;
  }
  // x = k/N + r with r in [-1/2N, 1/2N]; 2^(k/N) ~= scale * (1 + tail)
  let kd = x + EXP2_SHIFT;
  const ki = loWord(kd);
  kd -= EXP2_SHIFT;
  const r = x - kd;
  const j = 4 * (ki & 127);
  const tail = fromWords(EXP_TAB[j], EXP_TAB[j + 1]);
  const sHi = (EXP_TAB[j + 2] + (ki << 13)) >>> 0;
  const sLo = EXP_TAB[j + 3];
  const r2 = r * r;
  const tmp = tail + r * C1 + r2 * (C2 + r * C3) + r2 * r2 * (C4 + r * C5);
  if (abstop === 0) return specialcase(tmp, sHi, sLo, ki);
  const scale = fromWords(sHi, sLo);
  return scale + scale * tmp;
}
