/*
 * glibc 2.36's __branred (sysdeps/ieee754/dbl-64/branred.c): x = n*pi/2 + (a + aa) for
 * |x| >= 105414350, with 2/pi to 1,800 bits (Payne-Hanek in base 2**24). glibc builds it once,
 * without -mfma (it is not among the x86-64 FMA variants), so no product here is fused.
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
import { hiWord } from './bits.js';
import { HP0, HP1, TWO_OVER_PI_24 } from './trig-tables.js';

const TM600 = 2 ** -600;
const TM24 = 2 ** -24;
const SPLIT = 134217729; // 2 ** 27 + 1
/** (r + BIG) - BIG rounds r to an integer; (s + BIG1) - BIG1 to a multiple of 4. */
const BIG = 6755399441055744;
const BIG1 = 27021597764222976;
// branred.h's own pi/2 in two parts (mp2 differs from usncs.h's in its last bits)
const MP1 = 1.5707963407039642;
const MP2 = -1.3909067675399456e-8;

/** The reduced argument: a, then aa (a + aa to about 2**-106 of a), set by branred. */
export const reduced = new Float64Array(2);

const r = new Float64Array(6);
/** part(): its integral part mod 4 (within ±2), then the fraction b + bb, which is in [-1, 1]. */
const part = new Float64Array(3);

/** x * 2/pi for one half of the split x (scaled by 2**-600): the digits of 2/pi its exponent makes matter. */
function product(x: number): void {
  let k = Math.trunc((((hiWord(x) >>> 20) & 2047) - 450) / 24);
  if (k < 0) k = 0;
  let gor = 2 ** (576 - 24 * k);
  for (let i = 0; i < 6; i++) {
    r[i] = x * TWO_OVER_PI_24[k + i] * gor;
    gor *= TM24;
  }
  let sum = 0;
  let s: number;
  for (let i = 0; i < 3; i++) {
    s = r[i] + BIG - BIG;
    sum += s;
    r[i] -= s;
  }
  let t = 0;
  for (let i = 5; i >= 0; i--) t += r[i];
  let bb = r[0] - t + r[1] + r[2] + r[3] + r[4] + r[5];
  s = t + BIG - BIG;
  sum += s;
  t -= s;
  const b = t + bb;
  bb = t - b + bb;
  s = sum + BIG1 - BIG1;
  part[0] = sum - s;
  part[1] = b;
  part[2] = bb;
}

/** n mod 4 for x = n*pi/2 + (a + aa), |a + aa| <= pi/4, with a and aa left in `reduced`. */
export function branred(x: number): number {
  x *= TM600;
  let t = x * SPLIT;
  const x1 = t - (t - x);
  const x2 = x - x1;
  product(x1);
  const sum1 = part[0];
  const b1 = part[1];
  const bb1 = part[2];
  product(x2);
  const sum2 = part[0];
  const b2 = part[1];
  const bb2 = part[2];
  let sum = sum1 + sum2;
  let b = b1 + b2;
  let bb = Math.abs(b1) > Math.abs(b2) ? b1 - b + b2 : b2 - b + b1;
  if (b > 0.5) {
    b -= 1;
    sum += 1;
  } else if (b < -0.5) {
    b += 1;
    sum -= 1;
  }
  let s = b + (bb + bb1 + bb2);
  t = b - s + bb + (bb1 + bb2);
  // (s + t) * pi/2 in double length: s split in halves, times pi/2 in halves
  b = s * SPLIT;
  const t1 = b - (b - s);
  const t2 = s - t1;
  b = s * HP0;
  bb = t1 * MP1 - b + t1 * MP2 + t2 * MP1 + (t2 * MP2 + s * HP1 + t * HP0);
  s = b + bb;
  reduced[0] = s;
  reduced[1] = b - s + bb;
  return sum & 3;
}
