/** A double's 64 bits as two uint32 words (little-endian views of one buffer), as C's asuint64 and asdouble. */
const F = new Float64Array(1);
const U = new Uint32Array(F.buffer);

export function hiWord(x: number): number {
  F[0] = x;
  return U[1];
}

export function loWord(x: number): number {
  F[0] = x;
  return U[0];
}

export function fromWords(hi: number, lo: number): number {
  U[1] = hi;
  U[0] = lo;
  return F[0];
}

const SPLIT = 134217729; // 2 ** 27 + 1

/**
 * fma(a, b, c): a * b + c rounded once, as the FMA instruction glibc's x86-64 build uses
 * (its -mfma variants, which this CPU's glibc picks). Boldo and Melquiond's emulation:
 * the product exactly (Dekker), its sum with c exactly (2Sum), the two errors added with
 * rounding to odd, then one rounding. Exact for the moderate operands of libm/; not for
 * products past 2 ** 996 or below 2 ** -969.
 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || !Number.isFinite(c)) return p + c;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const pe = ah * bh - p + ah * bl + al * bh + al * bl;
  const s = p + c;
  const z = s - p;
  const se = p - (s - z) + (c - z);
  let v = se + pe;
  const w = v - se;
  const ve = se - (v - w) + (pe - w);
  if (ve !== 0) {
    F[0] = v;
    if ((U[0] & 1) === 0) {
      // rounded to odd: the neighbour of v on the side of the exact sum (v's low word is even, so no carry)
      if (v > 0 === ve > 0) U[0] += 1;
      else if (U[0] === 0) {
        U[0] = 0xffffffff;
        U[1] -= 1;
      } else U[0] -= 1;
      v = F[0];
    }
  }
  return s + v;
}
