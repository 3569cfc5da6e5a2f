import { atan2, cos, exp, hypot, log, pow, sin } from '../libm.js';

/**
 * Complex arithmetic as CPython 3.11's Objects/complexobject.c computes it, operation for
 * operation (so the same doubles come out): _Py_c_sum, _Py_c_diff, _Py_c_prod, _Py_c_quot,
 * _Py_c_pow and c_powi. A complex is [re, im]. `errno` is C's: EDOM or ERANGE after a call.
 */
export type C = readonly [number, number];

export const EDOM = 33;
export const ERANGE = 34;

/** C's errno, set by quot and pow as the C functions set it. */
export let errno = 0;

export const sum = (a: C, b: C): C => [a[0] + b[0], a[1] + b[1]];
export const diff = (a: C, b: C): C => [a[0] - b[0], a[1] - b[1]];
export const neg = (a: C): C => [-a[0], -a[1]];
export const prod = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];

/** _Py_c_quot: Smith's algorithm, dividing through by the larger part of b; EDOM for b == 0. */
export function quot(a: C, b: C): C {
  const absReal = b[0] < 0 ? -b[0] : b[0];
  const absImag = b[1] < 0 ? -b[1] : b[1];
  if (absReal >= absImag) {
    if (absReal === 0) {
      errno = EDOM;
      return [0, 0];
    }
    const ratio = b[1] / b[0];
    const denom = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom];
  }
  if (absImag >= absReal) {
    const ratio = b[0] / b[1];
    const denom = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom];
  }
  // a NaN in b
  return [NaN, NaN];
}

/** _Py_c_pow: in polar form through libm's hypot, pow, atan2, exp, log, cos and sin. */
function cpow(a: C, b: C): C {
  if (b[0] === 0 && b[1] === 0) return [1, 0];
  if (a[0] === 0 && a[1] === 0) {
    if (b[1] !== 0 || b[0] < 0) errno = EDOM;
    return [0, 0];
  }
  const vabs = hypot(a[0], a[1]);
  let len = pow(vabs, b[0]);
  const at = atan2(a[1], a[0]);
  let phase = at * b[0];
  if (b[1] !== 0) {
    len /= exp(at * b[1]);
    phase += b[1] * log(vabs);
  }
  // glibc's cos and sin set EDOM for an infinite argument: ZeroDivisionError to complex_pow
  if (phase === Infinity || phase === -Infinity) errno = EDOM;
  return [len * cos(phase), len * sin(phase)];
}

/** c_powu: binary powering by the bits of n, low first. */
function powu(x: C, n: number): C {
  let r: C = [1, 0];
  let p = x;
  for (let mask = 1; n >= mask; mask *= 2) {
    if (Math.floor(n / mask) % 2 === 1) r = prod(r, p);
    p = prod(p, p);
  }
  return r;
}

/**
 * complex_pow's arithmetic: a small integral exponent (|n| <= 100) by repeated products,
 * anything else in polar form; then _Py_ADJUST_ERANGE2 (an infinite part is ERANGE).
 * The caller reads errno: EDOM is ZeroDivisionError, ERANGE OverflowError.
 */
export function power(a: C, b: C): C {
  errno = 0;
  let p: C;
  if (b[1] === 0 && b[0] === Math.floor(b[0]) && Math.abs(b[0]) <= 100) {
    const n = b[0];
    p = n > 0 ? powu(a, n) : quot([1, 0], powu(a, -n));
  } else p = cpow(a, b);
  if (Math.abs(p[0]) === Infinity || Math.abs(p[1]) === Infinity) {
    if (errno === 0) errno = ERANGE;
  } else if (errno === ERANGE) errno = 0;
  return p;
}

/** Division with errno cleared first: EDOM is "complex division by zero". */
export function divide(a: C, b: C): C {
  errno = 0;
  return quot(a, b);
}

/** abs(z): libm's hypot, OverflowError (ERANGE) when finite parts give an infinite length. */
export const magnitude = (a: C): number => hypot(a[0], a[1]);
