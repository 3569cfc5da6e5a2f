import { allocStr } from '../budget.js';
import { valueErr } from '../exceptions.js';
import { strRepr } from '../repr.js';
import { decimalNs, pay, payLinear } from './cost.js';
import { norm, type Int } from './int.js';
import { bitsBound } from './size.js';

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

// Python's str.isspace(): JS's \s also has U+FEFF, and lacks U+001C-U+001F and U+0085
const UNICODE_SPACE = /[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
// what int() strips, once any Unicode space has become ' '
const STRIP = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;
const DECIMAL = /\p{Nd}/gu;
const BASE_PREFIX: Record<string, number> = { b: 2, o: 8, x: 16 };

/** Any Unicode decimal digit as its ASCII digit: Nd digits come in runs of ten from 0. */
function asciiDigit(d: string): string {
  let cp = d.codePointAt(0)!;
  let value = 0;
  while (/\p{Nd}/u.test(String.fromCodePoint(cp - 1))) {
    cp--;
    value++;
  }
  return String(value % 10);
}

/**
 * int(s, base) for a str, as CPython 3.11's PyLong_FromUnicodeObject: surrounding
 * whitespace, a sign, a 0x/0o/0b prefix (base 0 finds the base in it, and forbids other
 * leading zeros), single underscores between digits and after a prefix, any Unicode
 * decimal digit. A decimal beyond 4,300 digits is refused before it is converted.
 */
export function parseInt(s: string, base: number): Int {
  if (base !== 0 && (base < 2 || base > 36)) throw valueErr('int() base must be >= 2 and <= 36, or 0');
  payLinear(s.length * 4);
  const invalid = () => {
    // CPython's %.200R: the repr cut at 200 characters
    pay(s.length * 16);
    return valueErr(`invalid literal for int() with base ${base}: ${Array.from(strRepr(s)).slice(0, 200).join('')}`);
  };
  // as CPython, a str with any non-ASCII character has its Unicode spaces and digits made ASCII first
  const t = (/[^\x00-\x7f]/.test(s) ? s.replace(UNICODE_SPACE, ' ').replace(DECIMAL, asciiDigit) : s).replace(STRIP, '');
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
  const digits = t.slice(i);
  // base 0 takes no leading zero before other digits: '010' is no literal (Python 2's octal)
  if (base === 0 && b === 10 && /^0+_?[1-9]/.test(digits.replace(/(?<=0)_(?=0)/g, ''))) throw invalid();
  const valid = b <= 10 ? `[0-${b - 1}]` : `[0-9a-${String.fromCharCode(86 + b)}]`;
  if (!new RegExp(`^${valid}+(?:_${valid}+)*$`, 'i').test(digits)) {
    // CPython counts the digits, and so applies the limit, before it finds a bad ending
    const run = new RegExp(`^(?:${valid}|_(?=${valid}))*`, 'i').exec(digits)![0];
    if ((b & (b - 1)) !== 0) checkDigits(run.replace(/_/g, '').length);
    throw invalid();
  }
  const plain = digits.replace(/_/g, '');
  if ((b & (b - 1)) !== 0) checkDigits(plain.length);
  if (b === 10 && plain.length <= 15) return negative ? 0 - Number(plain) : Number(plain);
  const bits = plain.length * Math.log2(b) + 1;
  const binary = (b & (b - 1)) === 0;
  pay(binary ? 0 : decimalNs(bits), bits);
  payLinear(bits);
  const v = b === 10 ? BigInt(plain) : binary ? BigInt('0b' + toBinary(plain, b)) : anyBase(plain, b);
  return norm(negative ? -v : v);
}

/** Digits of a power-of-two base as binary digits: linear, where reading them as any base is not. */
function toBinary(digits: string, base: number): string {
  const width = Math.log2(base);
  let out = '';
  for (let i = 0; i < digits.length; i++) out += Number.parseInt(digits[i], base).toString(2).padStart(width, '0');
  return out;
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
