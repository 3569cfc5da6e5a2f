/**
 * The C library's math functions, as CPython calls them (glibc 2.36's libm on Debian 12).
 * V8's Math answers where it agrees with glibc bit for bit; the rest are ports (libm/).
 */
export const { atan2, cos, exp, hypot, log, pow, sin } = Math;
