// The integer kernel: Python ints of any size as `number | bigint`, each function CPython 3.11's.
export { abs, add, divmod, floordiv, mod, mul, neg, pow, powMod, sub } from './arith.js';
export { and, bit_count, bit_length, checkOrder, from_bytes, invert, lshift, or, rshift, to_bytes, xor } from './bits.js';
export { compareFloat, fromFloat, toFloat, truediv } from './float.js';
export { formatInt, percentInt } from './format.js';
export { hashInt } from './hash.js';
export { big, compare, eq, isInt, norm, sign, type Int } from './int.js';
export { dumpsInt, scanJsonNumber, type JsonNumber } from './json.js';
export { comb, factorial, gcd, isqrt, lcm, perm, round } from './number-theory.js';
export { MAX_STR_DIGITS, parseInt, toBase, toDecimal } from './text.js';
