/**
 * FALLBACKS FOR THE MERGE: the libm functions cmath calls that libm.ts does not export yet.
 * These are V8's Math (FreeBSD msun's family), which differs from glibc's in the last bit for
 * some arguments; glibc ports of sinh, cosh, tanh and asinh are being written in parallel.
 * When libm.ts exports them, replace this file's body with
 * `export { asinh, cosh, sinh, tanh } from '../libm.js';` (or import them there directly).
 */
export const { asinh, cosh, sinh, tanh } = Math;
