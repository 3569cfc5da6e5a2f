/**
 * The C library's math functions, as CPython calls them (glibc 2.36's libm on Debian 12):
 * every float function of the runtime that CPython leaves to libm comes from here.
 * exp, log, log2, log10, pow, hypot, sin, cos, tan, asin, acos, atan and atan2 are glibc's
 * own algorithms (libm/), bit for bit; the rest are V8's Math, which differs from glibc in
 * the last bit for some arguments.
 * `npm run bench:libm` counts, per function, how many random arguments differ from glibc.
 */
export { acos, asin } from './libm/asin.js';
export { atan } from './libm/atan.js';
export { atan2 } from './libm/atan2.js';
export { exp } from './libm/exp.js';
export { hypot } from './libm/hypot.js';
export { log } from './libm/log.js';
export { log10 } from './libm/log10.js';
export { log2 } from './libm/log2.js';
export { pow } from './libm/pow.js';
export { cos, sin } from './libm/sin-cos.js';
export { tan } from './libm/tan.js';
export const { expm1, log1p } = Math;
