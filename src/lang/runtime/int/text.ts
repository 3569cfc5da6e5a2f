import { NON_ASCII_SPACES, stripAsciiSix } from '../py-space.js';
import { allocStr } from '../budget.js';
import { valueErr } from '../exceptions.js';
import { strRepr } from '../str-repr.js';
import { decimalNs, pay, payLinear } from './cost.js';
import { norm, type Int } from './int.js';
import { bitsBound } from './size.js';
import { isDecimalChar } from '../unicode-14.js';
import { unitsToString } from '../codepoints.js';

/** CPython 3.11's limit on decimal conversions (sys.get_int_max_str_digits()); powers of two bases are exempt. */
export const MAX_STR_DIGITS = 4300;
const LIMIT = `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion`;
const RAISE_IT = 'use sys.set_int_max_str_digits() to increase the limit';

/** str(n) and repr(n). */
export function toDecimal(n: Int): string {
  if (typeof n === 'number') return String(n);
  const bits = bitsBound(n);
  // refused before the digits are made when its size alone says more than the limit
  if (bits / 2 > MAX_STR_DIGITS * Math.log2(10)) throw valueErr(`${LIMIT}; ${RAISE_IT}`);
  pay(decimalNs(bits));
  const s = n.toString();
  if (s.length - (n < 0n ? 1 : 0) > MAX_STR_DIGITS) throw valueErr(`${LIMIT}; ${RAISE_IT}`);
  return s;
}

const PREFIX: Record<number, string> = { 2: '0b', 8: '0o', 16: '0x' };

/** bin(n), oct(n), hex(n): '-0x1f', as CPython writes them. */
export function toBase(n: Int, base: 2 | 8 | 16): string {
  const bits = bitsBound(n);
  payLinear(bits);
  allocStr(Math.ceil(bits / Math.log2(base)) + 3);
  const s = n.toString(base);
  return s[0] === '-' ? '-' + PREFIX[base] + s.slice(1) : PREFIX[base] + s;
}

const BASE_PREFIX: Record<string, number> = { b: 2, o: 8, x: 16 };

/** Unicode decimal digits met so far, by code point: their ASCII digit. */
const digitValues = new Map<number, string>();

/** Any Unicode decimal digit as its ASCII digit: Nd digits come in runs of ten from 0. */
export function asciiDigit(d: string): string {
  const at = d.codePointAt(0)!;
  let known = digitValues.get(at);
  if (known === undefined) {
    let cp = at;
    while (isDecimalChar(String.fromCodePoint(cp - 1))) cp--;
    known = String((at - cp) % 10);
    // at most a few hundred runs of ten exist
    digitValues.set(at, known);
  }
  return known;
}

const NON_ASCII_SPACE = new RegExp(`[${NON_ASCII_SPACES}]`);

/** What a character beyond ASCII becomes: ' ' for a space (str.isspace()'s, U+0085 too, not U+FEFF), its digit for a decimal, else itself. */
function decimalOf(c: string): string {
  if (NON_ASCII_SPACE.test(c)) return ' ';
  return isDecimalChar(c) ? asciiDigit(c) : c;
}

/** decimalOf of each BMP unit, found once: 0 not yet, 1 kept, 2 a space, 3 + d the digit d. */
const bmpDecimal = new Uint8Array(0x10000);

/**
 * _PyUnicode_TransformDecimalAndSpaceToASCII: int(), float() and complex() read any Unicode
 * decimal digit ('١٢٣', '１２') and space. Written unit by unit into one buffer: a replace()
 * with a callback, or a list of pieces, took 50-60 ms for 300,000 Arabic-Indic digits.
 */
export function asciiDecimal(s: string): string {
  const units = new Uint16Array(s.length);
  let k = 0;
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0x80) {
      units[k++] = u;
      continue;
    }
    if ((u & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // a digit beyond the BMP ('\U0001d7ce') is two units made one
      const c = s.slice(i, i + 2);
      const to = decimalOf(c);
      if (to === c) {
        units[k++] = u;
        units[k++] = s.charCodeAt(i + 1);
      } else {
        units[k++] = to.charCodeAt(0);
        changed = true;
      }
      i++;
      continue;
    }
    let code = bmpDecimal[u];
    if (code === 0) {
      const to = decimalOf(String.fromCharCode(u));
      code = bmpDecimal[u] = to === ' ' ? 2 : to.length === 1 && to >= '0' && to <= '9' ? 3 + to.charCodeAt(0) - 0x30 : 1;
    }
    if (code === 1) units[k++] = u;
    else {
      units[k++] = code === 2 ? 0x20 : 0x2d + code;
      changed = true;
    }
  }
  return changed ? unitsToString(units, k) : s;
}

/**
 * int(s, base) for a str, as CPython 3.11's PyLong_FromUnicodeObject: surrounding
 * whitespace, a sign, a 0x/0o/0b prefix (base 0 finds the base in it, and forbids other
 * leading zeros), single underscores between digits and after a prefix, any Unicode
 * decimal digit. A decimal beyond 4,300 digits is refused before it is converted.
 */
export function parseInt(s: string, base: number): Int {
  if (base !== 0 && (base < 2 || base > 36)) throw valueErr('int() base must be >= 2 and <= 36, or 0');
  // scanning: up to 40 ns a character before V8 optimises it; making Unicode's spaces and digits ASCII some 100
  const ascii = !/[^\x00-\x7f]/.test(s);
  pay(s.length * (ascii ? 40 : 100));
  const invalid = () => {
    // CPython's %.200R: the repr cut at 200 characters
    pay(s.length * 16);
    return valueErr(`invalid literal for int() with base ${base}: ${Array.from(strRepr(s)).slice(0, 200).join('')}`);
  };
  // as CPython, a str with any non-ASCII character has its Unicode spaces and digits made ASCII first
  const t = stripAsciiSix(!ascii ? asciiDecimal(s) : s);
  let i = 0;
  const negative = t[0] === '-';
  if (t[0] === '-' || t[0] === '+') i++;
  let b = base;
  const p = t[i] === '0' ? BASE_PREFIX[(t[i + 1] ?? '').toLowerCase()] : undefined;
  if (p !== undefined && (base === 0 || base === p)) {
    b = p;
    i += 2;
    // one underscore may follow the prefix
    if (t[i] === '_') i++;
  } else if (base === 0) b = 10;
  const binary = (b & (b - 1)) === 0;
  // CPython scans the run of digits and single underscores first: a bad underscore makes no
  // literal, then a decimal run of over 4,300 digits is refused, then a bad ending makes no literal
  const end = scanDigits(t, i, b);
  if (end < 0 || t[i] === '_') throw invalid();
  const plain = t.slice(i, end).replace(/_/g, '');
  if (!binary) checkDigits(plain.length);
  if (end !== t.length || plain === '') throw invalid();
  // base 0 takes no leading zero before other digits: '010' is no literal (Python 2's octal)
  if (base === 0 && b === 10 && plain[0] === '0' && /[1-9]/.test(plain)) throw invalid();
  if (b === 10 && plain.length <= 15) return negative ? 0 - Number(plain) : Number(plain);
  const bits = plain.length * Math.log2(b) + 1;
  pay(binary ? 0 : decimalNs(bits), bits);
  payLinear(bits);
  const v = b === 10 ? BigInt(plain) : binary ? BigInt('0x' + toHex(plain, b)) : anyBase(plain, b);
  return norm(negative ? -v : v);
}

/** A digit's value in bases up to 36, or 36 for no digit. */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  c |= 32;
  return c >= 97 && c <= 122 ? c - 87 : 36;
}

/** Where the run of base-b digits and underscores from `from` ends; -1 for two underscores together or one at its end. */
function scanDigits(t: string, from: number, b: number): number {
  let prev = 0;
  let i = from;
  for (; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 95) {
      if (prev === 95) return -1;
    } else if (digitValue(c) >= b) break;
    prev = c;
  }
  return prev === 95 ? -1 : i;
}

/** Digits of a power-of-two base as hex digits, a group of digits at a time: linear, where reading them as any base is not. */
function toHex(digits: string, base: number): string {
  if (base === 16) return digits;
  const width = Math.log2(base);
  // the fewest digits whose bits fill whole hex digits: 4 of base 2, 2 of base 4, 4 of base 8 (12 bits), 4 of base 32 (20 bits)
  const group = width === 2 ? 2 : 4;
  const hexWidth = (group * width) / 4;
  const padded = digits.padStart(Math.ceil(digits.length / group) * group, '0');
  const parts: string[] = [];
  for (let i = 0; i < padded.length; i += group) parts.push(Number.parseInt(padded.slice(i, i + group), base).toString(16).padStart(hexWidth, '0'));
  return parts.join('');
}

function checkDigits(count: number): void {
  if (count > MAX_STR_DIGITS) throw valueErr(`${LIMIT}: value has ${count} digits; ${RAISE_IT}`);
}

/** Digits in a base BigInt cannot read: nine digits at a time (36**9 < 2**53). */
function anyBase(digits: string, base: number): bigint {
  const chunk = 9;
  const scale = BigInt(base) ** BigInt(chunk);
  let v = 0n;
  const head = digits.length % chunk || chunk;
  v = BigInt(Number.parseInt(digits.slice(0, head), base));
  for (let i = head; i < digits.length; i += chunk) v = v * scale + BigInt(Number.parseInt(digits.slice(i, i + chunk), base));
  return v;
}
