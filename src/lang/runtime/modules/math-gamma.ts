/**
 * math.gamma and math.lgamma as CPython 3.11 computes them (Modules/mathmodule.c, PSF
 * licence: m_tgamma, m_lgamma, lanczos_sum, m_sinpi), not libm's: Lanczos' approximation
 * (N = 13, g = 6.024680040776729583740234375, Boost's) for x > 0 and the reflection
 * formula below, around libm's exp, pow, log, sin and cos. Each returns the value and the
 * errno it sets, which math_1a turns into CPython's errors.
 */
import { cos, exp, log, pow, sin } from '../libm.js';

export const EDOM = 33;
export const ERANGE = 34;

const PI = 3.141592653589793238462643383279502884197;
const LOGPI = 1.144729885849400174143427351353058711647;
const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
// x*(x+1)*...*(x+11)
const LANCZOS_DEN = [0, 39916800, 120543840, 150917976, 105258076, 45995730, 13339535, 2637558, 357423, 32670, 1925, 66, 1];
// gamma(1) .. gamma(23), exact
const GAMMA_INTEGRAL = [
  1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800, 479001600, 6227020800, 87178291200, 1307674368000, 20922789888000,
  355687428096000, 6402373705728000, 121645100408832000, 2432902008176640000, 51090942171709440000, 1124000727777607680000,
];

/** sin(pi*x) for finite x, exact at integers (reduced mod 2, then sin or cos of a small angle). */
function sinpi(x: number): number {
  const y = Math.abs(x) % 2;
  // C's round: half away from zero, which Math.round is for y >= 0
  const n = Math.round(2 * y);
  let r: number;
  if (n === 0) r = sin(PI * y);
  else if (n === 1) r = cos(PI * (y - 0.5));
  // not -sin(pi*(y-1.0)), which gives -0.0 at y == 1
  else if (n === 2) r = sin(PI * (1 - y));
  else if (n === 3) r = -cos(PI * (y - 1.5));
  else r = sin(PI * (y - 2));
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

/** Lanczos' sum L_g(x) for x > 0: a rational function, in 1/x from 5 on so that it cannot overflow. */
function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  if (x < 5) {
    for (let i = 12; i >= 0; i--) {
      num = num * x + LANCZOS_NUM[i];
      den = den * x + LANCZOS_DEN[i];
    }
  } else {
    for (let i = 0; i < 13; i++) {
      num = num / x + LANCZOS_NUM[i];
      den = den / x + LANCZOS_DEN[i];
    }
  }
  return num / den;
}

/** m_tgamma: [gamma(x), errno]. */
export function tgamma(x: number): [number, number] {
  if (!Number.isFinite(x)) return x !== x || x > 0 ? [x, 0] : [NaN, EDOM];
  if (x === 0) return [Object.is(x, -0) ? -Infinity : Infinity, EDOM];
  if (x === Math.floor(x)) {
    if (x < 0) return [NaN, EDOM];
    if (x <= GAMMA_INTEGRAL.length) return [GAMMA_INTEGRAL[x - 1], 0];
  }
  const absx = Math.abs(x);
  // tiny arguments: gamma(x) ~ 1/x
  if (absx < 1e-20) {
    const r = 1 / x;
    return [r, Number.isFinite(r) ? 0 : ERANGE];
  }
  // past 200 gamma overflows, or underflows to +-0 for negative x
  if (absx > 200) return x < 0 ? [0 / sinpi(x), 0] : [Infinity, ERANGE];
  const y = absx + LANCZOS_G_MINUS_HALF;
  // the error of that sum, for a correction factor (1 + e*g/y)
  let z = absx > LANCZOS_G_MINUS_HALF ? y - absx - LANCZOS_G_MINUS_HALF : y - LANCZOS_G_MINUS_HALF - absx;
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0) {
    r = (((-PI / sinpi(absx)) / absx) * exp(y)) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140) {
      r /= pow(y, absx - 0.5);
    } else {
      const sqrtpow = pow(y, absx / 2 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / exp(y);
    r += z * r;
    if (absx < 140) {
      r *= pow(y, absx - 0.5);
    } else {
      const sqrtpow = pow(y, absx / 2 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  return [r, Number.isFinite(r) ? 0 : ERANGE];
}

/** m_lgamma: [log|gamma(x)|, errno]. */
export function lgamma(x: number): [number, number] {
  if (!Number.isFinite(x)) return [x !== x ? x : Infinity, 0];
  if (x === Math.floor(x) && x <= 2) return x <= 0 ? [Infinity, EDOM] : [0, 0];
  const absx = Math.abs(x);
  // tiny arguments: lgamma(x) ~ -log(|x|)
  if (absx < 1e-20) return [-log(absx), 0];
  let r = log(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (log(absx + LANCZOS_G - 0.5) - 1);
  // the reflection formula for negative x
  if (x < 0) r = LOGPI - log(Math.abs(sinpi(absx))) - log(absx) - r;
  return [r, Number.isFinite(r) ? 0 : ERANGE];
}
