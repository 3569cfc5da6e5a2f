/*
 * atan2 as glibc 2.36 computes it on x86-64 with FMA (sysdeps/ieee754/dbl-64/e_atan2.c,
 * built as e_atan2-fma.c with -mfma -mavx2): step for step, with an fma wherever GCC
 * contracts a product into the sum that uses it, so the same double comes out. glibc 2.36
 * dropped the multi-precision slow path (mpatan2): these are all the steps it runs.
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
import { CIJ, HPI, HPI1, OPI, OPI1 } from './atan-tables.js';
import { cijLine, polyI, polyII } from './atan.js';
import { fma, hiWord } from './bits.js';

const QPI = 0.7853981633974483;
const TQPI = 2.356194490192345;
const TWO500 = 2 ** 500;
const TWOM500 = 2 ** -500;
/** 57 << 20: a difference of 57 or more in the exponents makes the quotient negligible. */
const EP = 59768832;

/** Whether a double is -0 or negative. */
const negative = (y: number): boolean => y < 0 || Object.is(y, -0);

export function atan2(y: number, x: number): number {
  if (x !== x || y !== y) return NaN;
  if (y === 0) return negative(x) ? (negative(y) ? -OPI : OPI) : y;
  if (x === 0) return y > 0 ? HPI : -HPI;
  if (x === Infinity) return y === Infinity ? QPI : y === -Infinity ? -QPI : y > 0 ? 0 : -0;
  if (x === -Infinity) return y === Infinity ? TQPI : y === -Infinity ? -TQPI : y > 0 ? OPI : -OPI;
  if (y === Infinity || y === -Infinity) return y > 0 ? HPI : -HPI;

  // either quotient negligible: the exponents' difference in their high words
  let ax = Math.abs(x);
  let ay = Math.abs(y);
  const de = (hiWord(y) & 0x7ff00000) - (hiWord(x) & 0x7ff00000);
  if (de >= EP) return y > 0 ? HPI : -HPI;
  if (de <= -EP) {
    if (x < 0) return y > 0 ? OPI : -OPI;
    const z = ay / ax;
    return y < 0 ? -z : z;
  }
  if (ax < TWOM500 || ay < TWOM500) {
    ax *= TWO500;
    ay *= TWO500;
  }
  if (ax > TWO500 || ay > TWO500) {
    ax *= TWOM500;
    ay *= TWOM500;
  }

  // u + du: the smaller over the larger, to twice the precision
  const num = ay < ax ? ay : ax;
  const den = ay < ax ? ax : ay;
  const u = num / den;
  const v0 = den * u;
  const du = (num - v0 - fma(den, u, -v0)) / den;
  const z = x > 0 ? (ay < ax ? atanOf(u, du) : complement(u, du, HPI, HPI1, -1)) : ax < ay ? complement(u, du, HPI, HPI1, 1) : complement(u, du, OPI, OPI1, -1);
  return y < 0 ? -z : z;
}

/** atan(u + du), u in (0, 1). */
function atanOf(u: number, du: number): number {
  if (u < 1 / 16) {
    const v = u * u;
    return u + fma(u * v, polyI(v), du);
  }
  const n = cijLine(u);
  const t3 = u - CIJ[n];
  // EADD(t3, du): t3 + du exactly as v + dv
  const v = t3 + du;
  const dv = Math.abs(t3) > Math.abs(du) ? t3 - v + du : du - v + t3;
  const t2 = CIJ[n + 2];
  const zz = fma(v, t2, fma(dv, t2, v * v * fma(v, fma(v, fma(v, CIJ[n + 6], CIJ[n + 5]), CIJ[n + 4]), CIJ[n + 3])));
  return CIJ[n + 1] + zz;
}

/** c + sign atan(u + du), c = pi/2 or pi (hi + lo), u in (0, 1]. */
function complement(u: number, du: number, hi: number, lo: number, sign: 1 | -1): number {
  if (u < 1 / 16) {
    const v = u * u;
    const zz = u * v * polyI(v);
    // ESUB / EADD(hi, u): hi + sign u exactly as t2 + cor. Its branch on which is larger
    // ends GCC's block, so zz stays unfused (tested: fusing it breaks it)
    const t2 = hi + sign * u;
    const cor = hi - t2 + sign * u;
    return t2 + (lo + cor + sign * du + sign * zz);
  }
  const n = cijLine(u);
  const v = u - CIJ[n] + du;
  return hi + sign * CIJ[n + 1] + fma(sign * v, polyII(n, v), lo);
}
