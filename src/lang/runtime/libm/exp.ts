/**
 * exp as glibc 2.36 computes it on x86-64 with FMA (sysdeps/ieee754/dbl-64/e_exp.c, ARM's
 * optimized-routines math/exp.c, MIT licence; see tables.ts): step for step, with an fma
 * wherever GCC contracts a product into the sum that uses it, so the same double comes
 * out. Also exp_inline of pow.c: exp(x + xtail) with a sign.
 */
import { fma, fromWords, hiWord, loWord } from './bits.js';
import { EXP_INVLN2N, EXP_NEGLN2HIN, EXP_NEGLN2LON, EXP_POLY, EXP_SHIFT, EXP_TAB } from './tables.js';

const [C2, C3, C4, C5] = EXP_POLY;
const TOP_TINY = 0x3c9; // top12(0x1p-54)
const TOP_512 = 0x408;
const TOP_1024 = 0x409;
/** pow's sign_bias: (0x800 << 7) << 45 sets the sign bit of the scale. */
export const SIGN_BIAS = 0x800 << 7;

/**
 * specialcase: scale * (1 + tmp) where the scale's exponent may have left the range (sHi,
 * sLo: its bits; ki & 0x80000000 tells overflow from underflow), rounded once into the
 * subnormals. `fromPow`: pow's version, for a negative scale.
 */
function specialcase(tmp: number, sHi: number, sLo: number, ki: number, fromPow: boolean): number {
  if ((ki & 0x80000000) === 0) {
    // k > 0: the exponent of scale may have overflowed by up to 460
    const scale = fromWords((sHi - (1009 << 20)) >>> 0, sLo);
    return 2 ** 1009 * fma(scale, tmp, scale);
  }
  // k < 0: care in the subnormal range
  sHi = (sHi + (1022 << 20)) >>> 0;
  const scale = fromWords(sHi, sLo);
  // one product, used again in a branch: GCC contracts a product only into sums of its own block
  const product = scale * tmp;
  let y = scale + product;
  if (fromPow ? Math.abs(y) < 1 : y < 1) {
    // round y to the final precision before scaling it into the subnormals: no double rounding
    const one = y < 0 ? -1 : 1;
    let lo = scale - y + product;
    const hi = one + y;
    lo = one - hi + y + lo;
    y = hi + lo - one;
    if (y === 0) y = fromPow && sHi >= 0x80000000 ? -0 : 0;
  }
  return 2 ** -1022 * y;
}

/** exp(x + xtail), negated when signBias is SIGN_BIAS; |xtail| < 2**-8/128 (0 for exp itself). */
export function expInline(x: number, xtail: number, signBias: number, fromPow: boolean): number {
  let abstop = (hiWord(x) >>> 20) & 0x7ff;
  if (abstop < TOP_TINY || abstop >= TOP_512) {
    if (abstop < TOP_TINY) {
      const one = 1 + x;
      return signBias !== 0 ? -one : one;
    }
    if (abstop >= TOP_1024) {
      if (!fromPow) {
        if (x === -Infinity) return 0;
        if (abstop >= 0x7ff) return 1 + x;
      }
      // __math_uflow, __math_oflow
      const r = x < 0 ? 0 : Infinity;
      return signBias !== 0 ? -r : r;
    }
    // large |x|: specialcase below
    abstop = 0;
  }
  // exp(x) = 2^(k/N) * exp(r), x = ln2/N*k + r; z + Shift contracted into an fma
  const shifted = fma(EXP_INVLN2N, x, EXP_SHIFT);
  const ki = loWord(shifted);
  const kd = shifted - EXP_SHIFT;
  let r = fma(kd, EXP_NEGLN2LON, fma(kd, EXP_NEGLN2HIN, x));
  if (fromPow) r += xtail;
  // 2^(k/N) ~= scale * (1 + tail)
  const j = 4 * (ki & 127);
  const tail = fromWords(EXP_TAB[j], EXP_TAB[j + 1]);
  const sHi = (EXP_TAB[j + 2] + ((ki + signBias) << 13)) >>> 0;
  const sLo = EXP_TAB[j + 3];
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, C5, C4), fma(r2, fma(r, C3, C2), tail + r));
  if (abstop === 0) return specialcase(tmp, sHi, sLo, ki, fromPow);
  const scale = fromWords(sHi, sLo);
  return fma(scale, tmp, scale);
}

export const exp = (x: number): number => expInline(x, 0, 0, false);
