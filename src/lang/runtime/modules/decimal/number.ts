/**
 * A Decimal's value as _pydecimal keeps it (which gives libmpdec's answers): a sign, the
 * coefficient's digits, and an exponent, or 'F' (infinity), 'n' (quiet NaN) or 'N'
 * (signaling NaN) with the NaN's payload as the digits. The context an operation runs in,
 * its status gathered as libmpdec's is and raised at the end (context.ts).
 */
import { ASCII_SPACES } from '../../py-space.js';
import { S } from './signals.js';
import { payDigits, payLoop } from './cost.js';
import { asciiDecimal } from '../../int/text.js';

export type Special = 'F' | 'n' | 'N';

export class Dec {
  constructor(readonly sign: 0 | 1, readonly int: string, readonly exp: number | Special) {}
  get special(): boolean {
    return typeof this.exp !== 'number';
  }
  get e(): number {
    return this.exp as number;
  }
  isNaN(): boolean {
    return this.exp === 'n' || this.exp === 'N';
  }
  isInf(): boolean {
    return this.exp === 'F';
  }
  isZero(): boolean {
    return !this.special && this.int === '0';
  }
  /** adjusted(): the exponent of the most significant digit; 0 for specials. */
  adjusted(): number {
    return this.special ? 0 : this.e + this.int.length - 1;
  }
}

export const ROUNDINGS = ['ROUND_UP', 'ROUND_DOWN', 'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_HALF_UP', 'ROUND_HALF_DOWN', 'ROUND_HALF_EVEN', 'ROUND_05UP'] as const;
export type Rounding = (typeof ROUNDINGS)[number];

export interface Ctx {
  prec: number;
  rounding: Rounding;
  Emin: number;
  Emax: number;
  capitals: number;
  clamp: number;
  flags: number;
  traps: number;
}

/** The status an operation gathers, raised (or only flagged) by context.ts at its end. */
export class Op {
  status = 0;
  constructor(readonly ctx: Ctx) {}
  raise(bits: number): void {
    this.status |= bits;
  }
  /** An invalid operation's answer: a quiet NaN. */
  invalid(bits: number = S.InvalidOperation): Dec {
    this.status |= bits;
    return NAN;
  }
  get prec(): number {
    return this.ctx.prec;
  }
  get etiny(): number {
    return this.ctx.Emin - this.ctx.prec + 1;
  }
  get etop(): number {
    return this.ctx.Emax - this.ctx.prec + 1;
  }
}

export const NAN = new Dec(0, '', 'n');
export const INF = [new Dec(0, '0', 'F'), new Dec(1, '0', 'F')] as const;
export const ZERO = new Dec(0, '0', 0);
export const ONE = new Dec(0, '1', 0);

export function dec(sign: number, int: string, exp: number | Special): Dec {
  return new Dec(sign as 0 | 1, int, exp);
}

/** The digits without leading zeros ('0' for none). */
export function stripZeros(s: string): string {
  if (s.charCodeAt(0) !== 48 || s.length === 1) return s;
  // the regular expression's scan is native: a million zeros take a millisecond, not a loop's twenty
  const first = /[^0]/.exec(s);
  return first === null ? '0' : s.slice(first.index);
}

// white space is str.isspace()'s ASCII part here (\x1c-\x1f too), the rest made ' ' before
const DEC_RE = new RegExp(String.raw`^[${ASCII_SPACES}]*([-+])?(?:(?=\d|\.\d)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?|(inf(?:inity)?)|(s)?nan(\d*))[${ASCII_SPACES}]*$`, 'i');

/** A literal's exponent beyond what a number holds exactly; `invalid` when libmpdec refuses it too. */
export class ExponentOutOfRange {
  constructor(readonly invalid: boolean) {}
}

/** Decimal(str): the literal's value, or undefined when it is none (ConversionSyntax). Underscores between digits are allowed, as in an int's literal. */
export function parse(text: string): Dec | undefined {
  payDigits(text.length);
  let s = text;
  // _decimal drops every underscore before it reads the literal
  if (s.includes('_')) s = s.replace(/_/g, '');
  // numeric_as_ascii: any Unicode decimal digit stands for its value and any space for ' ', as in int()
  if (/[^\x00-\x7f]/.test(s)) s = asciiDecimal(s);
  const m = DEC_RE.exec(s);
  if (m === null) return undefined;
  const sign = m[1] === '-' ? 1 : 0;
  if (m[5] !== undefined) return dec(sign, '0', 'F');
  if (m[7] !== undefined) {
    const payload = stripZeros(m[7] || '0');
    return dec(sign, payload === '0' ? '' : payload, m[6] !== undefined ? 'N' : 'n');
  }
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  // an exponent past the numbers' exact range: libmpdec's InvalidOperation past its own, else not built here
  if (!Number.isSafeInteger(exp - frac.length)) throw new ExponentOutOfRange(BigInt(m[4]!.replace(/^\+/, '')) > 999999999999999999n || BigInt(m[4]!.replace(/^\+/, '')) < -1999999999999999997n);
  return dec(sign, stripZeros(intPart + frac), exp - frac.length);
}

/** __str__ and to_eng_string: _pydecimal's __str__. */
export function toStr(d: Dec, eng = false, capitals = 1): string {
  const sign = d.sign ? '-' : '';
  if (d.exp === 'F') return sign + 'Infinity';
  if (d.exp === 'n') return sign + 'NaN' + d.int;
  if (d.exp === 'N') return sign + 'sNaN' + d.int;
  payDigits(d.int.length);
  const leftdigits = d.e + d.int.length;
  let dotplace: number;
  if (d.e <= 0 && leftdigits > -6) dotplace = leftdigits;
  else if (!eng) dotplace = 1;
  else if (d.int === '0') dotplace = ((leftdigits + 1) % 3 + 3) % 3 - 1;
  else dotplace = ((leftdigits - 1) % 3 + 3) % 3 + 1;
  let intpart: string;
  let fracpart: string;
  if (dotplace <= 0) {
    intpart = '0';
    fracpart = '.' + '0'.repeat(-dotplace) + d.int;
  } else if (dotplace >= d.int.length) {
    intpart = d.int + '0'.repeat(dotplace - d.int.length);
    fracpart = '';
  } else {
    intpart = d.int.slice(0, dotplace);
    fracpart = '.' + d.int.slice(dotplace);
  }
  const exp = leftdigits === dotplace ? '' : (capitals ? 'E' : 'e') + (leftdigits - dotplace >= 0 ? '+' : '-') + String(Math.abs(leftdigits - dotplace));
  return sign + intpart + fracpart + exp;
}

/** The rounding functions: given the digits kept, 1 to round up, -1 to truncate (inexact), 0 when exact. */
function allZeros(s: string, from: number): boolean {
  return from >= s.length || !/[^0]/.test(s.slice(from));
}
function exactHalf(s: string, from: number): boolean {
  return from < s.length && s[from] === '5' && allZeros(s, from + 1);
}
const roundDown = (d: Dec, p: number): number => (allZeros(d.int, p) ? 0 : -1);
const roundHalfUp = (d: Dec, p: number): number => (p < d.int.length && '56789'.includes(d.int[p]) ? 1 : allZeros(d.int, p) ? 0 : -1);

export function roundingResult(d: Dec, p: number, rounding: Rounding): number {
  switch (rounding) {
    case 'ROUND_DOWN':
      return roundDown(d, p);
    case 'ROUND_UP':
      return -roundDown(d, p);
    case 'ROUND_HALF_UP':
      return roundHalfUp(d, p);
    case 'ROUND_HALF_DOWN':
      return exactHalf(d.int, p) ? -1 : roundHalfUp(d, p);
    case 'ROUND_HALF_EVEN':
      return exactHalf(d.int, p) && (p === 0 || '02468'.includes(d.int[p - 1])) ? -1 : roundHalfUp(d, p);
    case 'ROUND_CEILING':
      return d.sign ? roundDown(d, p) : -roundDown(d, p);
    case 'ROUND_FLOOR':
      return !d.sign ? roundDown(d, p) : -roundDown(d, p);
    case 'ROUND_05UP':
      return p > 0 && !'05'.includes(d.int[p - 1]) ? roundDown(d, p) : -roundDown(d, p);
  }
}

/** The digits plus one. */
export function incr(s: string): string {
  payLoop(s.length);
  let i = s.length - 1;
  while (i >= 0 && s.charCodeAt(i) === 57) i--;
  if (i < 0) return '1' + '0'.repeat(s.length);
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) + 1) + '0'.repeat(s.length - 1 - i);
}

/** The answer of an overflow in this context: infinity or the largest finite number, by the rounding. */
function overflowed(op: Op, sign: 0 | 1): Dec {
  op.raise(S.Overflow | S.Inexact | S.Rounded);
  const r = op.ctx.rounding;
  if (r === 'ROUND_HALF_UP' || r === 'ROUND_HALF_EVEN' || r === 'ROUND_HALF_DOWN' || r === 'ROUND_UP') return INF[sign];
  if (sign === 0) return r === 'ROUND_CEILING' ? INF[0] : dec(0, '9'.repeat(op.prec), op.ctx.Emax - op.prec + 1);
  return r === 'ROUND_FLOOR' ? INF[1] : dec(1, '9'.repeat(op.prec), op.ctx.Emax - op.prec + 1);
}

/** A NaN's payload cut to the context's room (_fix_nan). */
export function fixNaN(d: Dec, op: Op): Dec {
  const max = op.prec - op.ctx.clamp;
  if (d.int.length > max) return dec(d.sign, stripZeros(d.int.slice(d.int.length - max)) === '0' ? '' : stripZeros(d.int.slice(d.int.length - max)), d.exp);
  return d;
}

/** _fix: rounded to the context's precision and exponent range, with the conditions met. */
export function fix(d: Dec, op: Op): Dec {
  if (d.special) return d.isNaN() ? fixNaN(d, op) : d;
  const { ctx } = op;
  const Etiny = op.etiny;
  const Etop = op.etop;
  if (d.int === '0') {
    const expMax = ctx.clamp ? Etop : ctx.Emax;
    const newExp = Math.min(Math.max(d.e, Etiny), expMax);
    if (newExp !== d.e) {
      op.raise(S.Clamped);
      return dec(d.sign, '0', newExp);
    }
    return d;
  }
  let expMin = d.int.length + d.e - op.prec;
  if (expMin > Etop) return overflowed(op, d.sign);
  const subnormal = expMin < Etiny;
  if (subnormal) expMin = Etiny;
  if (d.e < expMin) {
    let digits = d.int.length + d.e - expMin;
    let self = d;
    if (digits < 0) {
      self = dec(d.sign, '1', expMin - 1);
      digits = 0;
    }
    const changed = roundingResult(self, digits, ctx.rounding);
    let coeff = self.int.slice(0, digits) || '0';
    if (changed > 0) {
      coeff = incr(coeff);
      if (coeff.length > op.prec) {
        coeff = coeff.slice(0, -1);
        expMin += 1;
      }
    }
    let ans: Dec;
    if (expMin > Etop) ans = overflowed(op, d.sign);
    else ans = dec(d.sign, stripZeros(coeff), expMin);
    if (changed && subnormal) op.raise(S.Underflow);
    if (subnormal) op.raise(S.Subnormal);
    if (changed) op.raise(S.Inexact);
    op.raise(S.Rounded);
    if (ans.isZero()) op.raise(S.Clamped);
    return ans;
  }
  if (subnormal) op.raise(S.Subnormal);
  if (ctx.clamp === 1 && d.e > Etop) {
    op.raise(S.Clamped);
    payDigits(d.e - Etop);
    return dec(d.sign, d.int + '0'.repeat(d.e - Etop), Etop);
  }
  return d;
}

/** _rescale: the value at exponent `exp`, rounded by `rounding` (no context check). */
export function rescale(d: Dec, exp: number, rounding: Rounding): Dec {
  if (d.special) return d;
  if (d.int === '0') return dec(d.sign, '0', exp);
  if (d.e >= exp) {
    payDigits(d.e - exp);
    return dec(d.sign, d.int + '0'.repeat(d.e - exp), exp);
  }
  let digits = d.int.length + d.e - exp;
  let self = d;
  if (digits < 0) {
    self = dec(d.sign, '1', exp - 1);
    digits = 0;
  }
  const changed = roundingResult(self, digits, rounding);
  let coeff = self.int.slice(0, digits) || '0';
  if (changed === 1) coeff = incr(coeff);
  return dec(d.sign, stripZeros(coeff), exp);
}

/** _round: rounded to `places` significant digits (places > 0). */
export function roundTo(d: Dec, places: number, rounding: Rounding): Dec {
  if (d.special || d.isZero()) return d;
  let ans = rescale(d, d.adjusted() + 1 - places, rounding);
  if (ans.adjusted() !== d.adjusted()) ans = rescale(ans, ans.adjusted() + 1 - places, rounding);
  return ans;
}

/** _check_nans: the NaN an operation on NaNs answers, or undefined when there is none. */
export function checkNaNs(op: Op, a: Dec, b?: Dec): Dec | undefined {
  if (a.exp === 'N') return (op.raise(S.InvalidOperation), fixNaN(dec(a.sign, a.int, 'n'), op));
  if (b !== undefined && b.exp === 'N') return (op.raise(S.InvalidOperation), fixNaN(dec(b.sign, b.int, 'n'), op));
  if (a.exp === 'n') return fixNaN(a, op);
  if (b !== undefined && b.exp === 'n') return fixNaN(b, op);
  return undefined;
}
