/**
 * The C library's math functions, as CPython calls them (glibc 2.36's libm on Debian 12):
 * every float function of the runtime that CPython leaves to libm comes from here.
 * exp, exp2, expm1, log, log1p, log2, log10, pow, hypot, sinh, cosh, tanh, asinh, acosh, atanh,
 * erf, erfc and cbrt are glibc's own algorithms (libm/), bit for bit; the rest are
 * V8's Math, which differs from glibc in the last bit for some arguments.
 * `npm run bench:libm` counts, per function, how many random arguments differ from glibc.
 */
export { cbrt } from './libm/cbrt.js';
export { erf, erfc } from './libm/erf.js';
export { exp } from './libm/exp.js';
export { exp2 } from './libm/exp2.js';
export { expm1 } from './libm/expm1.js';
export { cosh, sinh, tanh } from './libm/hyperbolic.js';
export { hypot } from './libm/hypot.js';
export { acosh, asinh, atanh } from './libm/inverse-hyperbolic.js';
export { log } from './libm/log.js';
export { log1p } from './libm/log1p.js';
export { log10 } from './libm/log10.js';
export { log2 } from './libm/log2.js';
export { pow } from './libm/pow.js';
export const { acos, asin, atan, atan2, cos, sin, tan } = Math;
