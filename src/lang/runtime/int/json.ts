import { type Int } from './int.js';
import { parseInt, toDecimal } from './text.js';

/** A JSON number read from a text: an int exactly, or a float's value. */
export interface JsonNumber {
  /** The int, or undefined for a float. */
  int: Int | undefined;
  /** The float's value (a JS number, correctly rounded; 1e400 is inf, 1e-400 is 0.0, as CPython's float()). */
  float: number;
  /** Where the number ends. */
  end: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;

/**
 * The JSON number at `at`, as CPython's json scanner reads it: an int when it has no
 * fraction and no exponent (of any size, past 4,300 digits int()'s ValueError), else a
 * float; undefined when no number starts there.
 */
export function scanJsonNumber(text: string, at: number): JsonNumber | undefined {
  NUMBER.lastIndex = at;
  const m = NUMBER.exec(text);
  if (m === null) return undefined;
  const end = at + m[0].length;
  if (m[1] !== undefined || m[2] !== undefined) return { int: undefined, float: Number(m[0]), end };
  // up to 15 digits Number() is exact, and no bigint is made
  return { int: m[0].length - (m[0][0] === '-' ? 1 : 0) <= 15 ? Number(m[0]) + 0 : parseInt(m[0], 10), float: NaN, end };
}

/** An int in a JSON text (json.dumps, a response): its decimal digits, within CPython's limit. */
export const dumpsInt = (n: Int): string => toDecimal(n);
