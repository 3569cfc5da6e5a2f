/*
 * asin and acos as glibc 2.36 computes them on x86-64 with FMA (sysdeps/ieee754/dbl-64/
 * e_asin.c, built as e_asin-fma.c with -mfma -mavx2): step for step, with an fma wherever
 * GCC contracts a product into the sum that uses it, so the same double comes out.
 * glibc 2.36 has no multi-precision slow path left here: these are all the steps it runs.
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
 *
 * You should have received a copy of the GNU Lesser General Public License
 * along with this program; if not, see <https://www.gnu.org/licenses/>.
 */
import { ASNCS, INROOT } from './asin-tables.js';
import { fma, hiWord, loWord } from './bits.js';

// uasncs.h: pi/2 and what it leaves off; asin's Taylor series at 0; Newton's 1/sqrt
const HP0 = 1.5707963267948966;
const HP1 = 6.123233995736766e-17;
const F1 = 0.1666666666666641;
const F2 = 0.07500000000261227;
const F3 = 0.044642856142105974;
const F4 = 0.03038212685821193;
const F5 = 0.022355121102652562;
const F6 = 0.018138290340456505;
const RT0 = 0.9999999998599908;
const RT1 = 0.4999999994959554;
const RT2 = 0.3750175008673452;
const RT3 = 0.31252362655451865;
const T24 = 16777216;
const T27 = 134217728;

/** (((((f6 z + f5) z + f4) z + f3) z + f2) z + f1), each step one fma. */
const series = (z: number): number => fma(fma(fma(fma(fma(F6, z, F5), z, F4), z, F3), z, F2), z, F1);

/**
 * asin(x0 + xx) - asin(x0) by the table's line at n, as a1 xx + (xx^2 (a2 + xx (a3 + ...)) + lo)
 * with lo the low part of asin(x0); the line's last coefficient is at n + degree.
 */
function tableTail(n: number, xx: number, degree: number): number {
  let poly = ASNCS[n + degree];
  for (let j = degree - 1; j >= 2; j--) poly = fma(xx, poly, ASNCS[n + j]);
  const p = fma(xx * xx, poly, ASNCS[n + degree + 1]);
  return fma(ASNCS[n + 1], xx, p);
}

/** The start of the table's line for |x| in [0.125, 0.96875), k: its high word without the sign. */
function lineAt(k: number): number {
  if (k < 0x3fd00000) return 11 * ((k & 0x000fffff) >> 15);
  if (k < 0x3fe00000) return 11 * ((k & 0x000fffff) >> 14) + 352;
  if (k < 0x3fe80000) return 1056 + ((k & 0x000fe000) >> 11) * 3;
  if (k < 0x3fed8000) return 992 + ((k & 0x000fe000) >> 13) * 13;
  if (k < 0x3fee8000) return 884 + ((k & 0x000fe000) >> 13) * 14;
  return 768 + ((k & 0x000fe000) >> 13) * 15;
}

/** The degree of the line's polynomial: its last coefficient is at n + degree. */
const degreeAt = (k: number): number => (k < 0x3fe00000 ? 6 : k < 0x3fe80000 ? 7 : k < 0x3fed8000 ? 8 : k < 0x3fee8000 ? 9 : 10);

// nearOne's results: module variables rather than an array, which would be allocated per call
let Y = 0;
let CC = 0;
let P = 0;

/**
 * For |x| in [0.96875, 1): z = (1 - |x|) / 2, Y + CC = sqrt(z) (Y cut to 24 bits for
 * asin, 27 for acos), and P = z (f1 + f2 z + ...), so that asin(sqrt(z)) = (Y + CC)(1 + P).
 */
function nearOne(ax: number, forAcos: boolean): void {
  const z = 0.5 * (1 - ax);
  const k = hiWord(z);
  let t = INROOT[(k & 0x001fffff) >> 14] * 2 ** (511 - (k >> 21));
  const r = fma(-(t * t), z, 1);
  t = t * fma(r, fma(r, fma(r, RT3, RT2), RT1), RT0);
  const c = t * z;
  t = c * fma(-(0.5 * t), c, 1.5);
  Y = forAcos ? T27 * c + c - T27 * c : c + T24 - T24;
  CC = fma(-Y, Y, z) / (t + Y);
  P = series(z) * z;
}

export function asin(x: number): number {
  const m = hiWord(x) | 0;
  const k = m & 0x7fffffff;
  if (k < 0x3e500000) return x;
  if (k < 0x3fc00000) {
    // 2^-26 <= |x| < 0.125: Taylor series
    const x2 = x * x;
    return fma(series(x2), x2 * x, x);
  }
  if (k < 0x3fef0000) {
    const n = lineAt(k);
    const degree = degreeAt(k);
    const res = ASNCS[n + degree + 2] + tableTail(n, Math.abs(x) - ASNCS[n], degree);
    return m > 0 ? res : -res;
  }
  if (k < 0x3ff00000) {
    // asin(x) = pi/2 - 2 asin(sqrt((1 - x) / 2))
    nearOne(Math.abs(x), false);
    const res = HP0 - 2 * Y + fma(-(2 * (Y + CC)), P, HP1 - 2 * CC);
    return m > 0 ? res : -res;
  }
  if (k === 0x3ff00000 && loWord(x) === 0) return m > 0 ? HP0 : -HP0;
  // NaN, or |x| > 1 (glibc's inf / inf): CPython raises for the latter
  return NaN;
}

export function acos(x: number): number {
  const m = hiWord(x) | 0;
  const k = m & 0x7fffffff;
  if (k < 0x3c880000) return HP0;
  if (k < 0x3fc00000) {
    // 2^-55 <= |x| < 0.125: pi/2 - asin(x), with what pi/2 leaves off
    const x2 = x * x;
    const r = HP0 - x;
    return r + fma(-series(x2), x2 * x, HP0 - r - x + HP1);
  }
  if (k < 0x3fef0000) {
    const n = lineAt(k);
    const degree = degreeAt(k);
    const t = tableTail(n, Math.abs(x) - ASNCS[n], degree);
    const asin0 = ASNCS[n + degree + 2];
    return m > 0 ? HP0 - asin0 + (HP1 - t) : HP0 + asin0 + (HP1 + t);
  }
  if (k < 0x3ff00000) {
    // acos(x) = 2 asin(sqrt((1 - x) / 2)) for x > 0, pi - that for x < 0
    nearOne(Math.abs(x), true);
    // both branches have (Y + CC) P: GCC computes it once before them, so unfused (tested)
    const yp = (Y + CC) * P;
    const res = m < 0 ? HP0 - Y + (HP1 - CC - yp) : Y + (CC + yp);
    return res + res;
  }
  if (k === 0x3ff00000 && loWord(x) === 0) return m > 0 ? 0 : 2 * HP0;
  // NaN, or |x| > 1 (glibc's inf / inf): CPython raises for the latter
  return NaN;
}
