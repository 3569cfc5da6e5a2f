/**
 * What decimal's digit work costs, charged through the int kernel's cost model (int/cost.ts)
 * before it is done: a context's precision may be set to 10**8 or more, so every coefficient
 * an operation makes is paid for by its digits, and one past the int kernel's size is a
 * MemoryError rather than minutes of work.
 */
import { chargeSteps } from '../../budget.js';
import { decimalNs, divNs, linearNs, mulNs, pay } from '../../int/cost.js';

const BITS_PER_DIGIT = 3.3219280948873626;
export const bitsOf = (digits: number): number => Math.ceil(digits * BITS_PER_DIGIT) + 1;

/** A pass over `digits` digits (a string's copy, a comparison). */
export const payDigits = (digits: number): void => pay(linearNs(bitsOf(digits)), bitsOf(digits));

/** A loop of the evaluator's own over `n` digits, one at a time (about 20 ns each): a step for every 25. */
export const payLoop = (n: number): void => {
  payDigits(n);
  chargeSteps(n / 25);
};

/** A coefficient's text to a BigInt, or back. */
export const payText = (digits: number): void => pay(decimalNs(bitsOf(digits)), bitsOf(digits));

export const payMulDigits = (a: number, b: number): void => pay(mulNs(bitsOf(a), bitsOf(b)), bitsOf(a + b));

export const payDivDigits = (a: number, b: number): void => pay(divNs(bitsOf(a), bitsOf(b)), bitsOf(a));

/** The digits of a non-negative BigInt, paid for. */
const SMALL = 1n << 256n;

export function digitsOf(n: bigint): string {
  // a coefficient of a few dozen digits (every operation at the default precision) costs a call
  if (n < SMALL) return n.toString();
  const bits = n.toString(16).length * 4;
  pay(decimalNs(bits), bits);
  return n.toString();
}

/** A coefficient's digits as a BigInt, paid for. */
export function bigOf(s: string): bigint {
  if (s.length > 70) payText(s.length);
  return BigInt(s);
}

/** 10**n, paid for. */
/** The powers of ten every operation at a usual precision needs, made once. */
const SMALL_POWERS: bigint[] = Array.from({ length: 128 }, (_, i) => 10n ** BigInt(i));

export function pow10(n: number): bigint {
  if (n <= 0) return 1n;
  if (n < 128) return SMALL_POWERS[n];
  payMulDigits(n, n);
  return 10n ** BigInt(n);
}
