import { type Int } from './int.js';

/**
 * Bits of |n|, rounded up to a power of two from 1,024 on: what the cost model needs,
 * in time proportional to n's size with a small constant (BigInt.asIntN copies at most
 * the bits asked for, and the asks double), so that measuring never costs more than the
 * operation it prices. Numbers take 53.
 */
export function bitsBound(n: Int): number {
  if (typeof n === 'number') return 53;
  // below 2**1024 Number() is finite, and cheaper than a probe
  if (Number.isFinite(Number(n))) return 1024;
  let k = 2048;
  while (BigInt.asIntN(k, n) !== n) k *= 2;
  return k;
}

/** Exact bits of |n| (int.bit_length()): linear in n's size, to be paid for by the caller. */
export function bitLength(n: Int): number {
  if (typeof n === 'number') {
    const x = Math.abs(n);
    const hi = Math.floor(x / 4294967296);
    return hi > 0 ? 64 - Math.clz32(hi) : 32 - Math.clz32(x);
  }
  const hex = (n < 0n ? -n : n).toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}

/** 64-bit words of a value of `bits` bits: V8's BigInt limbs. */
export const limbsOf = (bits: number): number => Math.ceil(bits / 64);
