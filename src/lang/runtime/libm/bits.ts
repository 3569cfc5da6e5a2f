/** A double's 64 bits as two uint32 words (little-endian views of one buffer), as C's asuint64 and asdouble. */
const F = new Float64Array(1);
const U = new Uint32Array(F.buffer);

/** C's copysign: |x| with y's sign, -0's and a NaN's sign bit included. */
export function copysign(x: number, y: number): number {
  if (y !== y) {
    F[0] = y;
    return U[1] >>> 31 ? -Math.abs(x) : Math.abs(x);
  }
  return y < 0 || (y === 0 && 1 / y < 0) ? -Math.abs(x) : Math.abs(x);
}

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
 * (its -mfma variants, which this CPU's glibc picks). The product exactly (Dekker), its
 * sum with c exactly (2Sum), then the sum of the two error terms and of all: that second
 * rounding can only go wrong where the last sum lands exactly on a tie, which the error
 * of the error terms then breaks. Exact for the moderate operands of libm/; not for
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
  t = s - p;
  const se = p - (s - t) + (c - t);
  const v = se + pe;
  t = v - se;
  const ve = se - (v - t) + (pe - t);
  const r = s + v;
  if (ve === 0) return r;
  t = r - s;
  const e = s - (r - t) + (v - t);
  // s + v exactly halfway between r and its neighbour r + 2e: ve says on which side the exact sum is
  if (e === 0 || r + 2 * e - r !== 2 * e) return r;
  return ve > 0 === e > 0 ? r + 2 * e : r;
}
