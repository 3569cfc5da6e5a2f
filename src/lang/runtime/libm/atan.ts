/*
 * atan as glibc 2.36 computes it on x86-64 with FMA (sysdeps/ieee754/dbl-64/s_atan.c,
 * built as s_atan-fma.c with -mfma -mavx2): step for step, with an fma wherever GCC
 * contracts a product into the sum that uses it, so the same double comes out. glibc 2.36
 * dropped the multi-precision slow path (mpatan): these are all the steps it runs.
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
import { CIJ, D11, D13, D3, D5, D7, D9, HPI, HPI1 } from './atan-tables.js';
import { fma } from './bits.js';

// atnat.h: below A atan(x) rounds to x, from E on to pi/2
const A = 1.2904777690891933e-8;
const E = 5805361265115136.0;
const TWO52 = 2 ** 52;

/** d3 + v (d5 + v (... + v d13)), each step one fma: with v = x^2, (atan(x) - x) / x^3 near 0. */
export const polyI = (v: number): number => fma(v, fma(v, fma(v, fma(v, fma(v, D13, D11), D9), D7), D5), D3);

/** The line of the table for u in [1/16, 1]: the nearest of its points, at 1/256 steps. */
export const cijLine = (u: number): number => 7 * ((TWO52 + 256 * u - TWO52 - 16) | 0);

/** c2 + z (c3 + z (c4 + z (c5 + z c6))) of the table's line at n: (atan(x0 + z) - atan(x0)) / z. */
export const polyII = (n: number, z: number): number => fma(z, fma(z, fma(z, fma(z, CIJ[n + 6], CIJ[n + 5]), CIJ[n + 4]), CIJ[n + 3]), CIJ[n + 2]);

export function atan(x: number): number {
  if (x !== x) return x;
  const u = Math.abs(x);
  if (u < 1 / 16) {
    if (u < A) return x;
    const v = x * x;
    return fma(polyI(v), x * v, x);
  }
  if (u < 1) {
    const n = cijLine(u);
    const z = u - CIJ[n];
    const y = fma(polyII(n, z), z, CIJ[n + 1]);
    return x < 0 ? -y : y;
  }
  if (u < 16) {
    // atan(u) = pi/2 - atan(1/u): z = 1/u - x0, with what the division's rounding left off
    const w = 1 / u;
    const t1 = w * u;
    const n = cijLine(w);
    const z = fma(w, 1 - t1 - fma(w, u, -t1), w - CIJ[n]);
    const y = HPI - CIJ[n + 1] + fma(-z, polyII(n, z), HPI1);
    return x < 0 ? -y : y;
  }
  if (u < E) {
    const w = 1 / u;
    const v = w * w;
    const t1 = w * u;
    const t2 = fma(w, u, -t1);
    const yy = polyI(v) * (w * v);
    const ww = w * (1 - t1 - t2);
    // ESUB(HPI, w): HPI - w exactly as t3 + cor. Its branch on which is larger ends GCC's
    // block, so the products above stay unfused (tested: fusing yy breaks it)
    const t3 = HPI - w;
    const cor = HPI - t3 - w;
    const y = t3 + (HPI1 + cor - ww - yy);
    return x < 0 ? -y : y;
  }
  return x < 0 ? -HPI : HPI;
}
