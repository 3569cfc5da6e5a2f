import { chargeSteps } from '../budget.js';
import { fatalErr, MemoryError } from '../exceptions.js';
import { limbsOf } from './size.js';

/**
 * What big-int work costs, charged in the cost model's steps (about 0.5 µs each;
 * budget.ts) through chargeSteps before the work, which refuses what the steps or the
 * clock cannot hold, in the cost model's words. Measured on V8 11.3 (Node 20;
 * `node scripts/run-ts.mjs bench/int-kernel.ts --costs`) and rounded up: a linear pass
 * (add, shift, and, compare, hash) 1-5 ns a 64-bit limb; multiplication 0.8 ns a limb²
 * up to some 100 limbs, then Karatsuba and FFT (10,000 x 10,000 limbs: 8.6 ms); division
 * 0.4-1.7 ns a quotient limb by divisor limb; decimal printing 0.4-3 ns a limb². Ints
 * of 16 limbs or fewer cost about a call of the condition, which the caller pays for.
 */
const STEP_NS = 500;
const SMALL_LIMBS = 16;

/** Past V8's own limit (2**30 bits) a BigInt operation throws RangeError: never get near it. */
export const MAX_BITS = 2 ** 27;

export function linearNs(bits: number): number {
  const limbs = limbsOf(bits);
  return limbs > SMALL_LIMBS ? 16 * limbs : 0;
}

/** a * b for operands of `aBits` and `bBits`: schoolbook while small, then Karatsuba's exponent. */
export function mulNs(aBits: number, bBits: number): number {
  const a = limbsOf(aBits);
  const b = limbsOf(bBits);
  return linearNs(aBits + bBits) + (a > SMALL_LIMBS && b > SMALL_LIMBS ? 2 * Math.min(a * b, (a + b) ** 1.585) : a * b);
}

/** a // b or a % b for a dividend of `aBits` and a divisor of `bBits`: quotient limbs x divisor limbs. */
export function divNs(aBits: number, bBits: number): number {
  return linearNs(aBits) + 2 * limbsOf(Math.max(0, aBits - bBits) + 1) * limbsOf(bBits);
}

/** Decimal digits to or from an int of `bits` bits. */
export function decimalNs(bits: number): number {
  const l = limbsOf(bits);
  return linearNs(bits) + (l > SMALL_LIMBS ? 3 * l * l + 50 * l : 0);
}

/**
 * Work of `ns` nanoseconds about to make an int of up to `bits` bits: charged, and refused
 * when the budget cannot hold it; outside a run (nothing is charged there) refused past MAX_BITS.
 */
export function pay(ns: number, bits = 0): void {
  if (ns > 0) chargeSteps(ns / STEP_NS);
  if (!(bits <= MAX_BITS)) throw fatalErr(MemoryError, `condition built an int of over ${MAX_BITS} bits`);
}

export const payLinear = (bits: number): void => pay(linearNs(bits), bits);
export const payMul = (aBits: number, bBits: number): void => pay(mulNs(aBits, bBits), aBits + bBits);
export const payDiv = (aBits: number, bBits: number): void => pay(divNs(aBits, bBits), aBits);
