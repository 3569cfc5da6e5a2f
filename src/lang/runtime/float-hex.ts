/**
 * float.hex() and float.fromhex(), as Objects/floatobject.c has them (float_hex_impl,
 * float_fromhex): thirteen hex digits of the significand, a subnormal as 0x0.…p-1022; and
 * a hex string read digit by digit, rounded half to even once, with CPython's words for
 * what it refuses.
 */
import { NEGATIVE_NAN } from './negative-nan.js';
import { charge } from './budget.js';
import { OverflowError, pyErr, typeErr, valueErr } from './exceptions.js';
import { floatRepr } from './repr.js';

/** float.hex(): [-]0x<d>.<13 digits>p<sign><exponent>; inf and nan as repr gives them. */
export function floatHex(x: number): string {
  if (!Number.isFinite(x)) return floatRepr(x);
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0x0.0p+0`;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const biased = (view.getUint16(0) >> 4) & 0x7ff;
  const fraction = ((BigInt(view.getUint32(0)) & 0xfffffn) << 32n) | BigInt(view.getUint32(4));
  // a subnormal's leading digit is 0 and its exponent DBL_MIN_EXP - 1, as frexp and the shift make them
  const exponent = biased === 0 ? -1022 : biased - 1023;
  return `${sign}0x${biased === 0 ? 0 : 1}.${fraction.toString(16).padStart(13, '0')}p${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
}

const DBL_MANT_DIG = 53;
const DBL_MIN_EXP = -1021;
const DBL_MAX_EXP = 1024;
// LONG_MAX / 2 and LONG_MIN / 2: strtol's exponent past them is zero or overflow, whatever the digits
const LONG_HALF = 2 ** 62;

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\x0b' || c === '\x0c';
const HEX_RUN = /[0-9a-fA-F]*/y;

/** Where the run of hex digits from i ends. */
function hexRunEnd(s: string, i: number): number {
  HEX_RUN.lastIndex = i;
  HEX_RUN.test(s);
  return HEX_RUN.lastIndex;
}

/** The hex digit at s[i], or -1 (past the end too). */
function hexAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const lower = c | 32;
  return c >= 48 && c <= 57 ? c - 48 : lower >= 97 && lower <= 102 ? lower - 87 : -1;
}
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** ldexp(x, e) for an x whose value at e is representable (or overflows): by two powers of two, so that neither underflows nor overflows alone. */
function ldexp(x: number, e: number): number {
  const half = Math.trunc(e / 2);
  return x * 2 ** half * 2 ** (e - half);
}

const parseError = () => valueErr('invalid hexadecimal floating-point string');
const overflow = () => pyErr(OverflowError, 'hexadecimal value too large to represent as a float');

/**
 * _Py_parse_inf_or_nan: an optional sign, then inf, infinity or nan in any case; its value and
 * where it ended, or null. An object, not a pair: V8 makes a NaN in an array of doubles positive.
 */
function infOrNan(s: string, at: number): { x: number; end: number } | null {
  let i = at;
  let negate = false;
  if (s[i] === '-' || s[i] === '+') negate = s[i++] === '-';
  const rest = s.slice(i, i + 8).toLowerCase();
  if (rest.startsWith('infinity')) return { x: negate ? -Infinity : Infinity, end: i + 8 };
  if (rest.startsWith('inf')) return { x: negate ? -Infinity : Infinity, end: i + 3 };
  if (rest.startsWith('nan')) return { x: negate ? NEGATIVE_NAN : NaN, end: i + 3 };
  return null;
}

/** float.fromhex(string): the float nearest the hex string's value. */
export function floatFromHex(s: unknown): number {
  // PyUnicode_AsUTF8AndSize's error for another type
  if (typeof s !== 'string') throw typeErr('bad argument type for built-in operation');
  charge(s.length / 32);
  let i = 0;
  while (isSpace(s[i])) i++;
  let x: number;
  let negate = false;
  const special = infOrNan(s, i);
  if (special !== null) ({ x, end: i } = special);
  else {
    if (s[i] === '-') (negate = true), i++;
    else if (s[i] === '+') i++;
    if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) i += 2;
    // the coefficient: <integer> [. <fraction>]; digits[j] is the jth least significant digit
    const coeffStart = i;
    i = hexRunEnd(s, i);
    const point = i;
    let coeffEnd = i;
    if (s[i] === '.') {
      i++;
      i = hexRunEnd(s, i);
      coeffEnd = i;
    }
    const intDigits = s.slice(coeffStart, point);
    const fracDigits = coeffEnd > point ? s.slice(point + 1, coeffEnd) : '';
    const all = intDigits + fracDigits;
    const fdigits = fracDigits.length;
    if (all.length === 0) throw parseError();
    let exp = 0;
    if (s[i] === 'p' || s[i] === 'P') {
      i++;
      const expStart = i;
      if (s[i] === '-' || s[i] === '+') i++;
      if (!isDigit(s[i])) throw parseError();
      while (isDigit(s[i])) i++;
      // strtol saturates; only whether it is past LONG_MAX / 2 (or below LONG_MIN / 2) matters there
      exp = Math.max(-(2 ** 63), Math.min(2 ** 63, Number(s.slice(expStart, i))));
    }
    // leading zeros dropped (natively: a digit at a time, 300,000 took 100 ms before V8 optimised the loop)
    const first = all.search(/[^0]/);
    if (first < 0 || exp < -LONG_HALF) x = 0;
    else {
      if (exp > LONG_HALF) throw overflow();
      x = fromDigits(all.slice(first), exp - 4 * fdigits);
    }
  }
  while (isSpace(s[i])) i++;
  if (i !== s.length) throw parseError();
  return negate ? -x : x;
}

/** The value of hex digits (the first not 0) times 2**exp, rounded half to even at the double's last bit. */
function fromDigits(digits: string, exp: number): number {
  const ndigits = digits.length;
  // the jth least significant digit, as CPython's HEX_DIGIT(j)
  const digit = (j: number) => hexAt(digits, ndigits - 1 - j);
  // one more than the exponent of the most significant bit
  let topExp = exp + 4 * (ndigits - 1);
  for (let d = digit(ndigits - 1); d !== 0; d >>= 1) topExp++;
  if (topExp < DBL_MIN_EXP - DBL_MANT_DIG) return 0;
  if (topExp > DBL_MAX_EXP) throw overflow();
  // the exponent of the rounded value's least significant bit
  const lsb = Math.max(topExp, DBL_MIN_EXP) - DBL_MANT_DIG;
  let x = 0;
  if (exp >= lsb) {
    for (let i = ndigits - 1; i >= 0; i--) x = 16 * x + digit(i);
    return ldexp(x, exp);
  }
  const halfEps = 1 << (lsb - exp - 1) % 4;
  const key = Math.trunc((lsb - exp - 1) / 4);
  for (let i = ndigits - 1; i > key; i--) x = 16 * x + digit(i);
  const d = digit(key);
  x = 16 * x + (d & (16 - 2 * halfEps));
  // half to even: up if the bit below lsb is set and any other bit below it, or lsb itself, is
  if ((d & halfEps) !== 0) {
    // or any digit below the key one (the key least significant) not 0
    const up = (d & (3 * halfEps - 1)) !== 0 || (halfEps === 8 && key + 1 < ndigits && (digit(key + 1) & 1) !== 0) || /[^0]/.test(digits.slice(ndigits - key));
    if (up) {
      x += 2 * halfEps;
      // rounded up to 2**DBL_MAX_EXP
      if (topExp === DBL_MAX_EXP && x === ldexp(2 * halfEps, DBL_MANT_DIG)) throw overflow();
    }
  }
  return ldexp(x, exp + 4 * key);
}
