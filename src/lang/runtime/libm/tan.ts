/*
 * tan as glibc 2.36 computes it on x86-64 with FMA (sysdeps/ieee754/dbl-64/s_tan.c, built as
 * __tan_fma with -mfma -mavx2; dla.h's exact product is then an fma too): step for step,
 * with an fma wherever GCC 12 contracts one (see sin-cos.ts). Its multi-precision slow
 * paths went in 2.34, so this is all of it.
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
import { fma, hiWord, loWord } from './bits.js';
import { branred, reduced } from './branred.js';
import { HPINV, MP1, MP2, MP3, PP3, PP4, TAN_TABLE, TOINT } from './trig-tables.js';

// utan.h: tan's odd polynomial near 0 (d3..d11), and tan near a table point (e0, e1)
const D3 = 0.3333333333333333;
const D5 = 0.1333333333332673;
const D7 = 0.05396825411095433;
const D9 = 0.021869380598167253;
const D11 = 0.008896546349534924;
const E0 = 0.3333333333332254;
const E1 = 0.13333354920669913;
/** i = (int)(256 * |x| - 15.5): the table row nearest |x|. */
const MFFTNHF = -15.5;
// the bounds of the paths: 1.259e-8, 0.0608, 0.787, 25, 1e8
const G1 = 1.2589993048095494e-8;
const G2 = 0.060799986124038696;
const G3 = 0.7869997024536133;
const G4 = 25;
const G5 = 1e8;

/** x**3 * (d3 + d5 x**2 + ... + d11 x**8) + add, rounded once (the last step an fma): tan(x) = x + that near 0. */
const polynomial = (x: number, add: number): number => {
  const x2 = x * x;
  return fma(x * x2, fma(x2, fma(x2, fma(x2, fma(x2, D11, D9), D7), D5), D3), add);
};

/** The reduced argument a + da, |a| <= pi/4, in quadrant n (n odd: -cot): cases (VI) to (XI). */
function reducedTan(a: number, da: number, n: number): number {
  let ya = a;
  let yya = da;
  let sy = 1;
  if (a < 0) {
    ya = -a;
    yya = -da;
    sy = -1;
  }
  if (ya <= G2) {
    const t2 = polynomial(a, da);
    const b = a + t2;
    if (n === 0) return b;
    // -1 / (b + db) in double length: dla.h's EADD, then DIV2 with its exact product an fma
    // (the + 0 is DIV2's adding 1's low part, 0, which turns a -0 into 0)
    const db = Math.abs(a) > Math.abs(t2) ? a - b + t2 : t2 - b + a;
    const c = 1 / b;
    const u = c * b;
    const cc = fma(-db, c, 1 - u - fma(c, b, -u) + 0) / b;
    const z = c + cc;
    return -(z + (c - z + cc));
  }
  const i = 3 * Math.trunc(fma(ya, 256, MFFTNHF));
  const z = ya - TAN_TABLE[i] + yya;
  const z2 = z * z;
  const pz = fma(z * z2, fma(z2, E1, E0), z);
  const fi = TAN_TABLE[i + 1];
  const gi = TAN_TABLE[i + 2];
  const p = pz * (fi + gi);
  if (n !== 0) return -sy * (gi - p / (pz + fi));
  return sy * (fi + p / (gi - pz));
}

/** EADD (a, da): the same sum, renormalised so that a holds all it can. */
function renormalised(a: number, da: number, n: number): number {
  const s = a + da;
  return reducedTan(s, Math.abs(a) > Math.abs(da) ? a - s + da : da - s + a, n);
}

export function tan(x: number): number {
  if ((hiWord(x) & 0x7ff00000) === 0x7ff00000) return x - x; // inf, nan
  const w = Math.abs(x);
  if (w <= G1) return x; // (I)
  if (w <= G2) return polynomial(x, x); // (II)
  if (w <= G3) {
    // (III): tan(x_i + z) from tan(x_i), cot(x_i) and tan(z)
    const i = 3 * Math.trunc(fma(w, 256, MFFTNHF));
    const z = w - TAN_TABLE[i];
    const z2 = z * z;
    const pz = fma(z * z2, fma(z2, E1, E0), z);
    const fi = TAN_TABLE[i + 1];
    const y = fi + ((fi + TAN_TABLE[i + 2]) * pz) / (TAN_TABLE[i + 2] - pz);
    return x < 0 ? -y : y;
  }
  if (w <= G5) {
    const t = fma(x, HPINV, TOINT);
    const xn = t - TOINT;
    const n = loWord(t) & 1;
    const t1 = fma(-xn, MP2, fma(-xn, MP1, x));
    if (w <= G4) {
      // algorithm i: pi/2 to 107 bits
      const a = fma(-xn, MP3, t1);
      return reducedTan(a, fma(-xn, MP3, t1 - a), n);
    }
    // algorithm ii: pi/2 to 136 bits
    const t3 = fma(-xn, PP3, t1);
    const da = fma(-xn, PP3, t1 - t3);
    const a = fma(-xn, PP4, t3);
    return renormalised(a, fma(-xn, PP4, t3 - a) + da, n);
  }
  // algorithm iii: Payne-Hanek
  const n = branred(x) & 1;
  return renormalised(reduced[0], reduced[1], n);
}
