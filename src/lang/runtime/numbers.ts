import { OverflowError, pyErr } from './exceptions.js';
import { toFloat, type Int } from './int/index.js';
import { PyFloat, PyIntBox, type Py } from './values.js';

/**
 * The number in an int, bool or float, or undefined for anything else: a big int as
 * float(n) (OverflowError past the floats), so ask isNumeric first where that matters.
 */
export function num(v: Py): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return v.v;
  if (typeof v === 'bigint') return toFloat(v);
  if (v instanceof PyIntBox) return num(v.value);
  return undefined;
}

/** The int in an int, bool or int flag (re.I), or undefined for anything else (a float included). */
export function intOf(v: Py): Int | undefined {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyIntBox) return v.value;
  return undefined;
}

export const isIntLike = (v: Py): boolean => typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint';

export const isNumeric = (v: Py): boolean => isIntLike(v) || v instanceof PyFloat;

const SSIZE = 2n ** 63n;

/**
 * An int used as a count or an index, past Py_ssize_t CPython's "cannot fit" error: an
 * OverflowError for a repeat, an IndexError for an index. Within it a number: a count
 * that large is refused by the size limits, an index is out of range.
 */
export function indexSized(n: Int, error = OverflowError, type = 'int'): number {
  if (typeof n === 'bigint' && (n >= SSIZE || n < -SSIZE)) throw pyErr(error, `cannot fit '${type}' into an index-sized integer`);
  return Number(n);
}

/**
 * x with n decimals, rounded as CPython rounds: on the exact binary value, ties to even.
 * JS's toFixed breaks exact ties away from zero ((0.125).toFixed(2) == '0.13', Python says '0.12').
 */
export function toFixedPy(x: number, n: number): string {
  // past 100 digits toFixed refuses, from 1e21 it writes an exponent: from the exact value then
  if (Number.isFinite(x) && (n > 100 || Math.abs(x) >= 1e21)) return fixedExact(x, n);
  const plain = x.toFixed(n);
  if (!Number.isFinite(x)) return plain;
  // the exact expansion decides whether x sits exactly half-way
  const exact = x.toFixed(Math.min(100, n + 60));
  const dot = exact.indexOf('.');
  const tail = dot < 0 ? '' : exact.slice(dot + 1 + n);
  if (!/^50*$/.test(tail)) return plain;
  const truncated = n === 0 ? exact.slice(0, dot) : exact.slice(0, dot + 1 + n);
  const lastDigit = Number(truncated.replace(/\D/g, '').slice(-1));
  if (lastDigit % 2 === 0) return truncated === '-0' ? '-0' : truncated;
  return plain;
}

/** |x| = m * 2 ** e exactly, m an integer and e <= 0, for a finite x. */
function binaryParts(x: number): [m: bigint, e: number] {
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  return [BigInt(m), e];
}

/**
 * |x| as exact decimal digits: |x| = 0.DIGITS * 10 ** point (DIGITS without trailing zeros;
 * '' for 0). A double is m * 2 ** e exactly, so its expansion is finite.
 */
function exactDigits(x: number): [digits: string, point: number] {
  if (x === 0) return ['', 0];
  const [m, e] = binaryParts(x);
  // m / 2 ** -e = m * 5 ** -e / 10 ** -e
  const all = (m * 5n ** BigInt(-e)).toString();
  return [all.replace(/0+$/, ''), all.length + e];
}

/**
 * round(x, nd) for a finite float, as CPython's double_round: the exact value rounded half to even
 * at 10 ** -nd (dtoa's mode 3), read back correctly rounded; x itself past 323 digits, a signed 0
 * before -308. Infinity when the rounded value overflows (CPython's OverflowError).
 */
export function roundFloat(x: number, nd: number): number {
  if (nd > 323) return x;
  if (nd < -308) return 0 * x;
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const [digits, point] = exactDigits(x);
  // |x| = 0.DIGITS * 10 ** point: the digits kept are those above 10 ** -nd
  const kept = point + nd;
  let whole: string;
  if (digits === '' || kept < 0) whole = '0';
  // 0.DIGITS against one half: a tie goes to the even 0
  else if (kept === 0) whole = digits[0] > '5' || (digits[0] === '5' && /[1-9]/.test(digits.slice(1))) ? '1' : '0';
  else {
    const [d, carry] = roundDigits(digits, kept);
    whole = carry ? d + '0' : d;
  }
  return Number(`${sign}${whole}e${-nd}`);
}

/** The first n digits rounded half to even on the rest: [n digits, 1 if rounding added a leading digit]. */
function roundDigits(digits: string, n: number): [string, number] {
  if (digits.length <= n) return [digits.padEnd(n, '0'), 0];
  const head = digits.slice(0, n);
  const next = digits[n];
  const exactHalf = next === '5' && !/[1-9]/.test(digits.slice(n + 1));
  const up = next > '5' || (next === '5' && (!exactHalf || Number(head[n - 1]) % 2 === 1));
  if (!up) return [head, 0];
  const raised = (BigInt(head) + 1n).toString().padStart(n, '0');
  return raised.length > n ? [raised.slice(0, n), 1] : [raised, 0];
}

/**
 * x.toExponential(p) as CPython rounds it (dtoa: the exact value, ties to even; any p):
 * JavaScript breaks exact ties upward ((0.125).toExponential(1) == '1.3e-1', Python '1.2e-01')
 * and refuses p > 100. Same shape as toExponential's answer.
 */
export function toExponentialPy(x: number, p: number): string {
  if (!Number.isFinite(x)) return x.toExponential(Math.min(p, 100));
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const [digits, point] = exactDigits(x);
  if (digits === '') return `${sign}0${p > 0 ? '.' + '0'.repeat(p) : ''}e+0`;
  const [d, carry] = roundDigits(digits, p + 1);
  const exp = point - 1 + carry;
  return `${sign}${d[0]}${p > 0 ? '.' + d.slice(1) : ''}e${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
}

/** The most decimals a double's exact value has (2 ** -1074, the least subnormal). */
const EXACT_DECIMALS = 1074;

/** x with n decimals from its exact value: |x| * 10 ** n rounded half to even, as a BigInt. */
function fixedExact(x: number, n: number): string {
  // a double's exact expansion ends within 1,074 decimals: the rest are zeros, not BigInt work
  if (n > EXACT_DECIMALS) return fixedExact(x, EXACT_DECIMALS) + '0'.repeat(n - EXACT_DECIMALS);
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const [m, e] = binaryParts(x);
  // |x| * 10 ** n = m * 10 ** n / 2 ** -e
  const num = m * 10n ** BigInt(n);
  const den = 2n ** BigInt(-e);
  let q = num / den;
  const twice = (num % den) * 2n;
  if (twice > den || (twice === den && q % 2n === 1n)) q++;
  const body = q.toString().padStart(n + 1, '0');
  return `${sign}${body.slice(0, body.length - n)}${n > 0 ? '.' + body.slice(body.length - n) : ''}`;
}
