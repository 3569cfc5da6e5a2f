/*
 * sin and cos as glibc 2.36 computes them on x86-64 with FMA (sysdeps/ieee754/dbl-64/s_sin.c,
 * built as __sin_fma and __cos_fma with -mfma -mavx2): step for step, with an fma wherever
 * GCC 12 contracts a product into the sum or difference that uses it (every use of a product in
 * its own block, so a product used twice becomes two fmas), as its widening_mul pass does
 * on this source; checked against libm.so.6 itself. 2.36 has no multi-precision slow path
 * left: every argument takes one of the paths below.
 *
 * IBM Accurate Mathematical Library
 * written by International Business Machines Corp.
 * Copyright (C) 2001-2022 Free Software Foundation, Inc.
 *
 * This program is free software; you can redistribute it and/or modify
 * it under the terms of the GNU Lesser General Public License as published by
 * the Free Software Foundation; either version 2.1 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU Lesser General Public License for more details.
 */
import { copysign, fma, hiWord, loWord } from './bits.js';
import { branred, reduced } from './branred.js';
import { HP0, HP1, HPINV, MP1, MP2, PP3, PP4, SINCOS_TABLE, TOINT } from './trig-tables.js';

// usncs.h: sin's Taylor coefficients, -1/3! .. 1/9!
const S1 = -0.16666666666666666;
const S2 = 0.008333333333332329;
const S3 = -0.00019841269834414642;
const S4 = 0.000002755729806860771;
const S5 = -2.5022014848318398e-8;
// s_sin.c: sin and cos of the small remainder beside a table entry
const SN3 = -0.16666666666666488;
const SN5 = 0.008333332142857223;
const CS2 = 0.5;
const CS4 = -0.04166666666666644;
const CS6 = 0.001388888740079376;
/** 1.5 * 2**45: BIG + |x| rounds |x| to the table's step, 1/128, and holds the step's index in its low word. */
const BIG = 52776558133248;

/** TAYLOR_SIN: sin(x + dx) for |x| < 0.126. */
function taylorSin(x: number, dx: number): number {
  const xx = x * x;
  const p = fma(xx, fma(xx, fma(xx, fma(xx, S5, S4), S3), S2), S1);
  return x + fma(xx, fma(p, x, -(0.5 * dx)), dx);
}

/** do_sin: sin(x + dx), |x| < 0.855469: Taylor near 0, else the nearest table entry and the remainder's sin and cos. */
function doSin(x: number, dx: number): number {
  const ax = Math.abs(x);
  if (ax < 0.126) return taylorSin(x, dx);
  if (x <= 0) dx = -dx;
  const u = BIG + ax;
  const k = loWord(u) << 2;
  const r = ax - (u - BIG);
  const xx = r * r;
  const s = r + fma(r * xx, fma(xx, SN5, SN3), dx);
  const c = fma(r, dx, xx * fma(xx, fma(xx, CS6, CS4), CS2));
  const sn = SINCOS_TABLE[k];
  const cs = SINCOS_TABLE[k + 2];
  const cor = fma(s, cs, fma(-c, sn, fma(s, SINCOS_TABLE[k + 3], SINCOS_TABLE[k + 1])));
  return copysign(sn + cor, x);
}

/** do_cos: cos(x + dx), |x| < 0.855469. */
function doCos(x: number, dx: number): number {
  if (x < 0) dx = -dx;
  const ax = Math.abs(x);
  const u = BIG + ax;
  const k = loWord(u) << 2;
  const r = ax - (u - BIG) + dx;
  const xx = r * r;
  const s = fma(r * xx, fma(xx, SN5, SN3), r);
  const c = xx * fma(xx, fma(xx, CS6, CS4), CS2);
  const cs = SINCOS_TABLE[k + 2];
  const cor = fma(-s, SINCOS_TABLE[k], fma(-c, cs, fma(-s, SINCOS_TABLE[k + 1], SINCOS_TABLE[k + 3])));
  return cs + cor;
}

/** reduce_sincos: n mod 4 for x = n*pi/2 + (a + da), |x| < 105414350, pi/2 to 136 bits; a and da left in `reduced`. */
function reduce(x: number): number {
  const t = fma(x, HPINV, TOINT);
  const xn = t - TOINT;
  const y = fma(-xn, MP2, fma(-xn, MP1, x));
  const t2 = fma(-xn, PP3, y);
  const db = fma(-xn, PP3, y - t2);
  const b = fma(-xn, PP4, t2);
  reduced[0] = b;
  reduced[1] = db + fma(-xn, PP4, t2 - b);
  return loWord(t) & 3;
}

/** do_sincos: sin(a + da) in quadrant n (cos for odd n, negated for n = 2, 3 mod 4). */
function inQuadrant(a: number, da: number, n: number): number {
  const v = (n & 1) !== 0 ? doCos(a, da) : doSin(a, da);
  return (n & 2) !== 0 ? -v : v;
}

export function sin(x: number): number {
  const k = hiWord(x) & 0x7fffffff;
  if (k < 0x3e500000) return x; // |x| < 2**-26: sin(x) rounds to x
  if (k < 0x3feb6000) return doSin(x, 0); // |x| < 0.855469
  if (k < 0x400368fd) return copysign(doCos(HP0 - Math.abs(x), HP1), x); // |x| < 2.426265
  if (k < 0x419921fb) {
    const n = reduce(x);
    return inQuadrant(reduced[0], reduced[1], n);
  }
  if (k < 0x7ff00000) {
    const n = branred(x);
    return inQuadrant(reduced[0], reduced[1], n);
  }
  return x / x; // inf, nan: nan (CPython raises for inf before it looks)
}

export function cos(x: number): number {
  const k = hiWord(x) & 0x7fffffff;
  if (k < 0x3e400000) return 1; // |x| < 2**-27
  if (k < 0x3feb6000) return doCos(x, 0);
  if (k < 0x400368fd) {
    // cos(x) = sin(pi/2 - |x|), pi/2 - |x| to 106 bits
    const y = HP0 - Math.abs(x);
    const a = y + HP1;
    return doSin(a, y - a + HP1);
  }
  if (k < 0x419921fb) {
    const n = reduce(x);
    return inQuadrant(reduced[0], reduced[1], n + 1);
  }
  if (k < 0x7ff00000) {
    const n = branred(x);
    return inQuadrant(reduced[0], reduced[1], n + 1);
  }
  return x / x;
}
