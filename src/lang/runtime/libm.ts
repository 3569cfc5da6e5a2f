/**
 * The C library's math functions, as CPython calls them (glibc 2.36's libm on Debian 12):
 * every float function of the runtime that CPython leaves to libm comes from here.
 * Every one of them is glibc's own algorithm (libm/), bit for bit, as its x86-64 FMA build
 * runs it; none is V8's Math, which differs from glibc in the last bit for some arguments.
 * `npm run bench:libm` counts, per function, how many random arguments differ from glibc.
 */
export { acos, asin } from './libm/asin.js';
export { atan } from './libm/atan.js';
export { atan2 } from './libm/atan2.js';
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
export { cos, sin } from './libm/sin-cos.js';
export { tan } from './libm/tan.js';
