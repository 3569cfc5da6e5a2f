/*
 * cbrt as glibc 2.36 computes it (sysdeps/ieee754/dbl-64/s_cbrt.c, Ulrich Drepper's, 1997):
 * a polynomial guess refined by one Halley step; x86-64 runs this build without FMA.
 *
 * Copyright (C) 1997-2022 Free Software Foundation, Inc.
 * This file is part of the GNU C Library. The GNU C Library is free software; you can
 * redistribute it and/or modify it under the terms of the GNU Lesser General Public License
 * as published by the Free Software Foundation; either version 2.1 of the License, or (at
 * your option) any later version. It is distributed WITHOUT ANY WARRANTY; without even the
 * implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU
 * Lesser General Public License for more details.
 */
import { fromWords, hiWord, loWord } from './bits.js';

const CBRT2 = 1.2599210498948731648;
const SQR_CBRT2 = 1.5874010519681994748;
const FACTOR = [1 / SQR_CBRT2, 1 / CBRT2, 1, CBRT2, SQR_CBRT2];

/** frexp(|x|) for finite x != 0: [m, e] with |x| = m * 2**e, 0.5 <= m < 1. */
function frexpAbs(x: number): [number, number] {
  let shift = 0;
  if (Math.abs(x) < 2 ** -1022) {
    x *= 2 ** 54;
    shift = 54;
  }
  const hi = hiWord(x);
  return [fromWords(((hi & 0x000fffff) | (1022 << 20)) >>> 0, loWord(x)), ((hi >>> 20) & 0x7ff) - 1022 - shift];
}

export function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const [xm, xe] = frexpAbs(x);
  const u =
    0.354895765043919860 +
    (1.50819193781584896 + (-2.11499494167371287 + (2.44693122563534430 + (-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) * xm) * xm) * xm) * xm;
  const t2 = u * u * u;
  const ym = ((u * (t2 + 2 * xm)) / (2 * t2 + xm)) * FACTOR[2 + (xe % 3)];
  // ldexp by xe/3 (truncated, as C divides): |result| stays normal, so the product is exact
  return (x > 0 ? ym : -ym) * 2 ** Math.trunc(xe / 3);
}
