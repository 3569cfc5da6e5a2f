import { asinh, atan2, cos, cosh, exp, hypot, log, log1p, sin, sinh, tan, tanh } from '../libm.js';
import { copysign } from '../libm/bits.js';
import { EDOM, ERANGE, type C } from './arith.js';
import * as sv from './special-values.js';

/**
 * The C functions of CPython 3.11's Modules/cmathmodule.c, operation for operation, so that
 * the same libm calls give the same doubles; named as C99 names them (cacos for cmath.acos).
 * A complex is [re, im]. Each sets `errno` as CPython's does: 0, EDOM where
 * C99's Annex G raises divide-by-zero or invalid (ValueError 'math domain error'), ERANGE
 * where it overflows (OverflowError 'math range error').
 */
export let errno = 0;

const DBL_MIN = 2.2250738585072014e-308;
const M_LN2 = 0.6931471805599453094;
const M_LN10 = 2.302585092994045684;
// CM_LARGE_DOUBLE and friends: past them the usual formulas would overflow
const LARGE = Number.MAX_VALUE / 4;
const SQRT_LARGE = Math.sqrt(LARGE);
const LOG_LARGE = log(LARGE);
const SQRT_DBL_MIN = Math.sqrt(DBL_MIN);
// CM_SCALE_UP and CM_SCALE_DOWN: 2**53 makes a subnormal normal, 2**-27 undoes it under a square root
const SCALE_UP = 2 ** 53;
const SCALE_DOWN = 2 ** -27;

const isinf = (x: number): boolean => x === Infinity || x === -Infinity;

/** SPECIAL_VALUE: the table's entry (errno 0) when a part is not finite. */
function special(z: C, table: sv.Table): C | undefined {
  const r = sv.specialValue(z, table);
  if (r !== undefined) errno = 0;
  return r;
}

export function cacos(z: C): C {
  const s = special(z, sv.ACOS);
  if (s !== undefined) return s;
  let r: C;
  if (Math.abs(z[0]) > LARGE || Math.abs(z[1]) > LARGE) {
    r = [atan2(Math.abs(z[1]), z[0]), -copysign(log(hypot(z[0] / 2, z[1] / 2)) + M_LN2 * 2, z[1])];
  } else {
    const s1 = csqrt([1 - z[0], -z[1]]);
    const s2 = csqrt([1 + z[0], z[1]]);
    r = [2 * atan2(s1[0], s2[0]), asinh(s2[0] * s1[1] - s2[1] * s1[0])];
  }
  errno = 0;
  return r;
}

export function cacosh(z: C): C {
  const s = special(z, sv.ACOSH);
  if (s !== undefined) return s;
  let r: C;
  if (Math.abs(z[0]) > LARGE || Math.abs(z[1]) > LARGE) {
    r = [log(hypot(z[0] / 2, z[1] / 2)) + M_LN2 * 2, atan2(z[1], z[0])];
  } else {
    const s1 = csqrt([z[0] - 1, z[1]]);
    const s2 = csqrt([z[0] + 1, z[1]]);
    r = [asinh(s1[0] * s2[0] + s1[1] * s2[1]), 2 * atan2(s1[1], s2[0])];
  }
  errno = 0;
  return r;
}

/** asin(z) = -i asinh(iz) */
export function casin(z: C): C {
  const s = casinh([-z[1], z[0]]);
  return [s[1], -s[0]];
}

export function casinh(z: C): C {
  const s = special(z, sv.ASINH);
  if (s !== undefined) return s;
  let r: C;
  if (Math.abs(z[0]) > LARGE || Math.abs(z[1]) > LARGE) {
    const l = log(hypot(z[0] / 2, z[1] / 2)) + M_LN2 * 2;
    r = [z[1] >= 0 ? copysign(l, z[0]) : -copysign(l, -z[0]), atan2(z[1], Math.abs(z[0]))];
  } else {
    const s1 = csqrt([1 + z[1], -z[0]]);
    const s2 = csqrt([1 - z[1], z[0]]);
    r = [asinh(s1[0] * s2[1] - s2[0] * s1[1]), atan2(z[1], s1[0] * s2[0] - s1[1] * s2[1])];
  }
  errno = 0;
  return r;
}

/** atan(z) = -i atanh(iz) */
export function catan(z: C): C {
  const s = catanh([-z[1], z[0]]);
  return [s[1], -s[0]];
}

export function catanh(z: C): C {
  const s = special(z, sv.ATANH);
  if (s !== undefined) return s;
  // atanh(z) = -atanh(-z): reduce to z.real >= 0
  if (z[0] < 0) {
    const r = catanh([-z[0], -z[1]]);
    return [-r[0], -r[1]];
  }
  const ay = Math.abs(z[1]);
  if (z[0] > SQRT_LARGE || ay > SQRT_LARGE) {
    // for large |z|, atanh(z) ~ 1/z +/- i*pi/2
    const h = hypot(z[0] / 2, z[1] / 2);
    errno = 0;
    return [z[0] / 4 / h / h, copysign(Math.PI / 2, z[1])];
  }
  if (z[0] === 1 && ay < SQRT_DBL_MIN) {
    // C99: atanh(1 +/- 0i) is inf +/- 0i
    if (ay === 0) {
      errno = EDOM;
      return [Infinity, z[1]];
    }
    errno = 0;
    return [-log(Math.sqrt(ay) / Math.sqrt(hypot(ay, 2))), copysign(atan2(2, -ay) / 2, z[1])];
  }
  errno = 0;
  return [m_log1p((4 * z[0]) / ((1 - z[0]) * (1 - z[0]) + ay * ay)) / 4, -atan2(-2 * z[1], (1 - z[0]) * (1 + z[0]) - ay * ay) / 2];
}

/** _Py_log1p: log1p keeping a zero's sign. */
const m_log1p = (x: number): number => (x === 0 ? x : log1p(x));

/** cos(z) = cosh(iz) */
export const ccos = (z: C): C => ccosh([-z[1], z[0]]);

export function ccosh(z: C): C {
  if (!Number.isFinite(z[0]) || !Number.isFinite(z[1])) {
    let r: C;
    // cosh(+/-inf + iy) for finite nonzero y takes its signs from cos(y) and sin(y)
    if (isinf(z[0]) && Number.isFinite(z[1]) && z[1] !== 0) {
      r = z[0] > 0 ? [copysign(Infinity, cos(z[1])), copysign(Infinity, sin(z[1]))] : [copysign(Infinity, cos(z[1])), -copysign(Infinity, sin(z[1]))];
    } else r = sv.COSH[sv.specialType(z[0])][sv.specialType(z[1])];
    errno = isinf(z[1]) && z[0] === z[0] ? EDOM : 0;
    return r;
  }
  let r: C;
  if (Math.abs(z[0]) > LOG_LARGE) {
    // cosh(z.real) may overflow where cosh(z) does not
    const xm1 = z[0] - copysign(1, z[0]);
    r = [cos(z[1]) * cosh(xm1) * Math.E, sin(z[1]) * sinh(xm1) * Math.E];
  } else r = [cos(z[1]) * cosh(z[0]), sin(z[1]) * sinh(z[0])];
  errno = isinf(r[0]) || isinf(r[1]) ? ERANGE : 0;
  return r;
}

export function cexp(z: C): C {
  if (!Number.isFinite(z[0]) || !Number.isFinite(z[1])) {
    let r: C;
    if (isinf(z[0]) && Number.isFinite(z[1]) && z[1] !== 0) {
      r = z[0] > 0 ? [copysign(Infinity, cos(z[1])), copysign(Infinity, sin(z[1]))] : [copysign(0, cos(z[1])), copysign(0, sin(z[1]))];
    } else r = sv.EXP[sv.specialType(z[0])][sv.specialType(z[1])];
    // EDOM for an infinite y unless x is a NaN or -inf
    errno = isinf(z[1]) && (Number.isFinite(z[0]) || z[0] === Infinity) ? EDOM : 0;
    return r;
  }
  let r: C;
  if (z[0] > LOG_LARGE) {
    const l = exp(z[0] - 1);
    r = [l * cos(z[1]) * Math.E, l * sin(z[1]) * Math.E];
  } else {
    const l = exp(z[0]);
    r = [l * cos(z[1]), l * sin(z[1])];
  }
  errno = isinf(r[0]) || isinf(r[1]) ? ERANGE : 0;
  return r;
}

/**
 * c_log: log(hypot) rescaled where hypot would be subnormal or overflow, log1p where |z| is
 * near 1; log(0) is -inf with EDOM.
 */
export function clog(z: C): C {
  const s = special(z, sv.LOG);
  if (s !== undefined) return s;
  const ax = Math.abs(z[0]);
  const ay = Math.abs(z[1]);
  let re: number;
  if (ax > LARGE || ay > LARGE) re = log(hypot(ax / 2, ay / 2)) + M_LN2;
  else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0 || ay > 0) re = log(hypot(ax * SCALE_UP, ay * SCALE_UP)) - 53 * M_LN2;
    else {
      errno = EDOM;
      return [-Infinity, atan2(z[1], z[0])];
    }
  } else {
    const h = hypot(ax, ay);
    if (h >= 0.71 && h <= 1.73) {
      const am = ax > ay ? ax : ay;
      const an = ax > ay ? ay : ax;
      re = m_log1p((am - 1) * (am + 1) + an * an) / 2;
    } else re = log(h);
  }
  errno = 0;
  return [re, atan2(z[1], z[0])];
}

export function clog10(z: C): C {
  const r = clog(z);
  return [r[0] / M_LN10, r[1] / M_LN10];
}

/** sin(z) = -i sinh(iz) */
export function csin(z: C): C {
  const s = csinh([-z[1], z[0]]);
  return [s[1], -s[0]];
}

export function csinh(z: C): C {
  if (!Number.isFinite(z[0]) || !Number.isFinite(z[1])) {
    let r: C;
    if (isinf(z[0]) && Number.isFinite(z[1]) && z[1] !== 0) {
      r = z[0] > 0 ? [copysign(Infinity, cos(z[1])), copysign(Infinity, sin(z[1]))] : [-copysign(Infinity, cos(z[1])), copysign(Infinity, sin(z[1]))];
    } else r = sv.SINH[sv.specialType(z[0])][sv.specialType(z[1])];
    errno = isinf(z[1]) && z[0] === z[0] ? EDOM : 0;
    return r;
  }
  let r: C;
  if (Math.abs(z[0]) > LOG_LARGE) {
    const xm1 = z[0] - copysign(1, z[0]);
    r = [cos(z[1]) * sinh(xm1) * Math.E, sin(z[1]) * cosh(xm1) * Math.E];
  } else r = [cos(z[1]) * sinh(z[0]), sin(z[1]) * cosh(z[0])];
  errno = isinf(r[0]) || isinf(r[1]) ? ERANGE : 0;
  return r;
}

/**
 * sqrt by the symmetries from x, y >= 0: s = 2*sqrt(x/8 + hypot(x/8, y/8)) (no overflow),
 * d = y/(2s); both parts scaled up first when both are subnormal.
 */
export function csqrt(z: C): C {
  const sp = special(z, sv.SQRT);
  if (sp !== undefined) return sp;
  if (z[0] === 0 && z[1] === 0) {
    errno = 0;
    return [0, z[1]];
  }
  let ax = Math.abs(z[0]);
  const ay = Math.abs(z[1]);
  let s: number;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    ax *= SCALE_UP;
    s = Math.sqrt(ax + hypot(ax, ay * SCALE_UP)) * SCALE_DOWN;
  } else {
    ax /= 8;
    s = 2 * Math.sqrt(ax + hypot(ax, ay / 8));
  }
  const d = ay / (2 * s);
  errno = 0;
  return z[0] >= 0 ? [s, copysign(d, z[1])] : [d, copysign(s, z[1])];
}

/** tan(z) = -i tanh(iz) */
export function ctan(z: C): C {
  const s = ctanh([-z[1], z[0]]);
  return [s[1], -s[0]];
}

/**
 * tanh(x+iy) = (tanh(x)(1+tan(y)^2) + i tan(y)(1-tanh(x)^2)) / (1+tan(y)^2 tanh(x)^2), with
 * 1-tanh(x)^2 as 1/cosh(x)^2, or as 4 exp(-2|x|) where cosh(x) would overflow.
 */
export function ctanh(z: C): C {
  if (!Number.isFinite(z[0]) || !Number.isFinite(z[1])) {
    let r: C;
    if (isinf(z[0]) && Number.isFinite(z[1]) && z[1] !== 0) {
      r = [z[0] > 0 ? 1 : -1, copysign(0, 2 * sin(z[1]) * cos(z[1]))];
    } else r = sv.TANH[sv.specialType(z[0])][sv.specialType(z[1])];
    errno = isinf(z[1]) && Number.isFinite(z[0]) ? EDOM : 0;
    return r;
  }
  let r: C;
  if (Math.abs(z[0]) > LOG_LARGE) {
    r = [copysign(1, z[0]), 4 * sin(z[1]) * cos(z[1]) * exp(-2 * Math.abs(z[0]))];
  } else {
    const tx = tanh(z[0]);
    const ty = tan(z[1]);
    const cx = 1 / cosh(z[0]);
    const txty = tx * ty;
    const denom = 1 + txty * txty;
    r = [(tx * (1 + ty * ty)) / denom, ((ty / denom) * cx) * cx];
  }
  errno = 0;
  return r;
}

/**
 * rect(r, phi) in the 'spirit of C99': like exp(log(r) + i phi) for a positive r, with
 * EDOM for a nonzero r and an infinite phi.
 */
export function rect(r: number, phi: number): C {
  if (!Number.isFinite(r) || !Number.isFinite(phi)) {
    let z: C;
    if (isinf(r) && Number.isFinite(phi) && phi !== 0) {
      z = r > 0 ? [copysign(Infinity, cos(phi)), copysign(Infinity, sin(phi))] : [-copysign(Infinity, cos(phi)), -copysign(Infinity, sin(phi))];
    } else z = sv.RECT[sv.specialType(r)][sv.specialType(phi)];
    errno = r !== 0 && r === r && isinf(phi) ? EDOM : 0;
    return z;
  }
  errno = 0;
  // phi == 0: r * phi, not r * sin(phi) (bpo-18513)
  return phi === 0 ? [r, r * phi] : [r * cos(phi), r * sin(phi)];
}

/**
 * glibc's atan2 wrapper sets ERANGE when the result underflows to 0 (y nonzero, x finite):
 * cmath.phase reports it.
 */
export function phase(z: C): number {
  const r = atan2(z[1], z[0]);
  errno = r === 0 && z[1] !== 0 && Number.isFinite(z[0]) ? ERANGE : 0;
  return r;
}

/** _Py_c_abs: inf where a part is (even beside a NaN), else hypot, ERANGE when it overflows. */
export function cabs(z: C): number {
  if (!Number.isFinite(z[0]) || !Number.isFinite(z[1])) {
    if (isinf(z[0])) {
      errno = 0;
      return Math.abs(z[0]);
    }
    if (isinf(z[1])) {
      errno = 0;
      return Math.abs(z[1]);
    }
    return NaN;
  }
  const r = hypot(z[0], z[1]);
  errno = Number.isFinite(r) ? 0 : ERANGE;
  return r;
}
