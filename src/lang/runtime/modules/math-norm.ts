/**
 * math.hypot and math.dist as CPython 3.11 computes them: its own vector_norm
 * (Modules/mathmodule.c, PSF licence), not libm's hypot. Each coordinate is scaled by a
 * power of two below 1, squared exactly (Veltkamp-Dekker), summed with compensation
 * (Neumaier) from a 1.0 that is taken out again, and the square root corrected once; a
 * vector whose largest coordinate is below 2**-1023 is divided by it instead (3.11's way,
 * which 3.12 changed).
 */
import { frexp } from './math-floats.js';

const T27 = 134217729; // 2**27 + 1

/** The length of vec (absolute values, none NaN unless foundNan; max the largest, Infinity if one is). */
function vectorNorm(vec: number[], max: number, foundNan: boolean): number {
  // inf beats nan: hypot(inf, nan) is inf
  if (max === Infinity) return max;
  if (foundNan) return NaN;
  if (max === 0 || vec.length <= 1) return max;
  const maxE = frexp(max)[1];
  let csum = 1;
  let frac1 = 0;
  let old: number;
  if (maxE < -1023) {
    // ldexp(1.0, -max_e) would overflow: divide by max
    for (let x of vec) {
      x /= max;
      x *= x;
      old = csum;
      csum += x;
      frac1 += old - csum + x;
    }
    return max * Math.sqrt(csum - 1 + frac1);
  }
  const scale = 2 ** -maxE;
  let frac2 = 0;
  let frac3 = 0;
  let t: number;
  let hi: number;
  let lo: number;
  for (let x of vec) {
    x *= scale;
    t = x * T27;
    hi = t - (t - x);
    lo = x - hi;
    x = hi * hi;
    old = csum;
    csum += x;
    frac1 += old - csum + x;
    x = 2 * hi * lo;
    old = csum;
    csum += x;
    frac2 += old - csum + x;
    frac3 += lo * lo;
  }
  const h = Math.sqrt(csum - 1 + (frac1 + frac2 + frac3));
  // the differential correction: sqrt(h**2 + x) ~ h + x/(2h), with h**2 taken out exactly
  t = h * T27;
  hi = t - (t - h);
  lo = h - hi;
  let x = -hi * hi;
  old = csum;
  csum += x;
  frac1 += old - csum + x;
  x = -2 * hi * lo;
  old = csum;
  csum += x;
  frac2 += old - csum + x;
  x = -lo * lo;
  old = csum;
  csum += x;
  frac3 += old - csum + x;
  x = csum - 1 + (frac1 + frac2 + frac3);
  return (h + x / (2 * h)) / scale;
}

/** math_hypot: the coordinates' absolute values, their maximum (a NaN never is one) and whether one is NaN. */
export function hypot(coordinates: number[]): number {
  let max = 0;
  let foundNan = false;
  const vec = coordinates.map((c) => {
    const x = Math.abs(c);
    if (x !== x) foundNan = true;
    else if (x > max) max = x;
    return x;
  });
  return vectorNorm(vec, max, foundNan);
}
