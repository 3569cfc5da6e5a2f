/** x ** y for Decimals: _pydecimal's __pow__ with its exact cases (_power_exact), every big power paid for before it is taken. */
import { add, cmp, mul, negate } from './arith.js';
import { bigOf, digitsOf, payMulDigits, pow10 } from './cost.js';
import { checkNaNs, dec, Dec, fix, INF, ONE, Op } from './number.js';
import { S } from './signals.js';
import { digitLength, dpower, exp as expOf, ln as lnOf } from './transcend.js';
import { fromInt } from './convert.js';

const isInteger = (d: Dec): boolean => !d.special && (d.e >= 0 || /^0*$/.test(d.int.slice(d.int.length + d.e)));
const isEven = (d: Dec): boolean => {
  if (d.isZero() || d.e > 0) return true;
  return '02468'.includes(d.int[d.int.length - 1 + d.e]);
};
const bitLength = (x: bigint): number => (x === 0n ? 0 : x.toString(2).length);

/** n * 10**e when that is an int, else undefined (_decimal_lshift_exact). */
function lshiftExact(n: bigint, e: number): bigint | undefined {
  if (n === 0n) return 0n;
  if (e >= 0) return n * pow10(e);
  const s = digitsOf(n < 0n ? -n : n);
  const zeros = s.length - s.replace(/0+$/, '').length;
  return zeros < -e ? undefined : n / pow10(-e);
}

function log10Lb(c: bigint): number {
  const s = digitsOf(c);
  const correction: Record<string, number> = { 1: 100, 2: 70, 3: 53, 4: 40, 5: 31, 6: 23, 7: 16, 8: 10, 9: 5 };
  return 100 * s.length - correction[s[0]];
}

function intOfDec(d: Dec): bigint {
  const kept = d.e >= 0 ? d.int : d.int.slice(0, Math.max(0, d.int.length + d.e));
  const n = kept === '' ? 0n : bigOf(kept) * pow10(Math.max(0, d.e));
  return d.sign ? -n : n;
}

function powerExact(self: Dec, other: Dec, p: number): Dec | undefined {
  let xc = bigOf(self.int);
  let xe = self.e;
  while (xc % 10n === 0n) {
    xc /= 10n;
    xe += 1;
  }
  let yc = bigOf(other.int);
  let ye = other.e;
  while (yc % 10n === 0n) {
    yc /= 10n;
    ye += 1;
  }
  if (xc === 1n) {
    let bxe = BigInt(xe) * yc;
    while (bxe % 10n === 0n && bxe !== 0n) {
      bxe /= 10n;
      ye += 1;
    }
    if (ye < 0) return undefined;
    let exponent = bxe * pow10(ye);
    if (other.sign === 1) exponent = -exponent;
    let zeros = 0n;
    if (isInteger(other) && other.sign === 0) {
      const ideal = BigInt(self.e) * intOfDec(other);
      zeros = exponent - ideal < BigInt(p - 1) ? exponent - ideal : BigInt(p - 1);
    }
    const e = exponent - zeros;
    if (e > 2n ** 53n || e < -(2n ** 53n)) return undefined;
    return dec(0, '1' + '0'.repeat(Number(zeros)), Number(e));
  }
  if (other.sign === 1) {
    const lastDigit = Number(xc % 10n);
    let e: bigint;
    let bxe: bigint | undefined;
    if ([2, 4, 6, 8].includes(lastDigit)) {
      if ((xc & -xc) !== xc) return undefined;
      e = BigInt(bitLength(xc) - 1);
      const emax = Math.floor((p * 93) / 65);
      if (ye >= String(emax).length) return undefined;
      const e2 = lshiftExact(e * yc, ye);
      bxe = lshiftExact(BigInt(xe) * yc, ye);
      if (e2 === undefined || bxe === undefined) return undefined;
      if (e2 > BigInt(emax)) return undefined;
      e = e2;
      payMulDigits(Number(e), Number(e));
      xc = 5n ** e;
    } else if (lastDigit === 5) {
      e = BigInt(Math.floor((bitLength(xc) * 28) / 65));
      payMulDigits(Number(e), Number(e));
      const five = 5n ** e;
      const rem = five % xc;
      xc = five / xc;
      if (rem !== 0n) return undefined;
      while (xc % 5n === 0n) {
        xc /= 5n;
        e -= 1n;
      }
      const emax = Math.floor((p * 10) / 3);
      if (ye >= String(emax).length) return undefined;
      const e2 = lshiftExact(e * yc, ye);
      bxe = lshiftExact(BigInt(xe) * yc, ye);
      if (e2 === undefined || bxe === undefined) return undefined;
      if (e2 > BigInt(emax)) return undefined;
      e = e2;
      xc = 2n ** e;
    } else return undefined;
    if (xc >= pow10(p)) return undefined;
    return dec(0, digitsOf(xc), Number(-e - bxe));
  }
  let m: bigint;
  let n: bigint;
  let xcBits = 0;
  if (ye >= 0) {
    if (ye > 20) return undefined;
    m = yc * pow10(ye);
    n = 1n;
  } else {
    if (xe !== 0 && digitLength(yc * BigInt(xe)) <= -ye) return undefined;
    xcBits = bitLength(xc);
    if (digitLength(yc * BigInt(xcBits)) <= -ye) return undefined;
    m = yc;
    n = pow10(-ye);
    while (m % 2n === 0n && n % 2n === 0n) {
      m /= 2n;
      n /= 2n;
    }
    while (m % 5n === 0n && n % 5n === 0n) {
      m /= 5n;
      n /= 5n;
    }
  }
  let bxe = BigInt(xe);
  if (n > 1n) {
    if (BigInt(xcBits) <= n) return undefined;
    const rem = ((bxe % n) + n) % n;
    if (rem !== 0n) return undefined;
    bxe = (bxe - rem) / n;
    let a = 1n << BigInt(-Math.floor(-bitLength(xc) / Number(n)));
    let q: bigint;
    let r: bigint;
    for (;;) {
      payMulDigits(digitLength(xc), digitLength(xc));
      const d = a ** (n - 1n);
      q = xc / d;
      r = xc % d;
      if (a <= q) break;
      a = (a * (n - 1n) + q) / n;
    }
    if (!(a === q && r === 0n)) return undefined;
    xc = a;
  }
  if (xc > 1n && m > BigInt(Math.floor((p * 100) / log10Lb(xc)))) return undefined;
  // squarings up to the power's digits: as much as one product of two halves of it, twice
  const digits = digitLength(xc) * Number(m);
  payMulDigits(digits, digits);
  xc = xc ** m;
  bxe *= m;
  if (xc > pow10(p)) return undefined;
  const strXc = digitsOf(xc);
  let zeros = 0n;
  if (isInteger(other) && other.sign === 0) {
    const ideal = BigInt(self.e) * intOfDec(other);
    const room = BigInt(p - strXc.length);
    zeros = bxe - ideal < room ? bxe - ideal : room;
  }
  return dec(0, strXc + '0'.repeat(Number(zeros)), Number(bxe - zeros));
}

function log10ExpBound(a: Dec): number {
  const adj = a.e + a.int.length - 1;
  if (adj >= 1) return String(adj).length - 1;
  if (adj <= -2) return String(-1 - adj).length - 1;
  const c = bigOf(a.int);
  const e = a.e;
  if (adj === 0) {
    const numV = c - pow10(-e);
    const num = (numV < 0n ? '-' : '') + digitsOf(numV < 0n ? -numV : numV);
    const den = digitsOf(231n * c);
    return num.length - den.length - (num < den ? 1 : 0) + 2;
  }
  const num = digitsOf(pow10(-e) - c);
  return num.length + e - (num < '231' ? 1 : 0) - 1;
}

export function power(op: Op, selfIn: Dec, other: Dec): Dec {
  const n = checkNaNs(op, selfIn, other);
  if (n) return n;
  let self = selfIn;
  const { ctx } = op;
  if (other.isZero()) return self.isZero() ? op.invalid() : ONE;
  let resultSign = 0;
  if (self.sign === 1) {
    if (isInteger(other)) {
      if (!isEven(other)) resultSign = 1;
    } else if (!self.isZero()) return op.invalid();
    self = negate(self);
  }
  if (self.isZero()) return other.sign === 0 ? dec(resultSign, '0', 0) : INF[resultSign];
  if (self.isInf()) return other.sign === 0 ? INF[resultSign] : dec(resultSign, '0', 0);
  // 1 ** inf too: not an integer, so a one of the context's full precision, inexact
  if (cmp(self, ONE) === 0) {
    let exp: number;
    if (isInteger(other)) {
      let multiplier: number;
      if (other.sign === 1) multiplier = 0;
      else if (cmp(other, fromInt(ctx.prec)) > 0) multiplier = ctx.prec;
      else multiplier = Number(intOfDec(other));
      exp = self.e * multiplier;
      if (exp < 1 - ctx.prec) {
        exp = 1 - ctx.prec;
        op.raise(S.Rounded);
      }
    } else {
      op.raise(S.Inexact | S.Rounded);
      exp = 1 - ctx.prec;
    }
    return dec(resultSign, '1' + '0'.repeat(-exp), exp);
  }
  const selfAdj = self.adjusted();
  if (other.isInf()) {
    if ((other.sign === 0) === (selfAdj < 0)) return dec(resultSign, '0', 0);
    return INF[resultSign];
  }
  // an integral power that is not exact is taken, as libmpdec's _mpd_qpow_int takes it, in a
  // context of a few more digits rounding half-even, and then rounded into this one: a
  // result far below Etiny is a zero there, whatever this context's rounding
  const certain = certainBounds(op, self, other, resultSign);
  if (certain !== undefined) return fix(certain, op);
  const integral = isInteger(other);
  if (integral) {
    const work = new Op({ ...ctx, prec: ctx.prec + other.int.length + other.e + 2 + (other.sign ? 1 : 0), rounding: 'ROUND_HALF_EVEN', clamp: 0 });
    const ans = fix(approximate(work, self, other, resultSign, selfAdj).ans, work);
    // an overflow is rounded by this context's rounding (infinity, or the largest number)
    if (work.status & S.Overflow) return fix(dec(resultSign, '1', ctx.Emax + 1), op);
    op.raise(work.status);
    return fix(ans, op);
  }
  return realPower(op, self, other);
}

/**
 * A non-integral power as libmpdec's _mpd_qpow_real takes it: ln(x) * y and then exp of that,
 * each correctly rounded half-even to the precision (or x's digits) and 23 more, and that rounded
 * into this context: an exact power (4E+14 ** 1.5) lands a hair off, and a directed rounding moves it.
 */
function realPower(op: Op, x: Dec, y: Dec): Dec {
  const wp = Math.max(x.int.length, op.prec) + 4 + 19;
  const work = (): Op => new Op({ ...op.ctx, prec: wp, rounding: 'ROUND_HALF_EVEN', Emin: -(2 ** 50), Emax: 2 ** 50, clamp: 0, flags: 0, traps: 0 });
  const t = mul(work(), lnOf(work(), x), y);
  const e = work();
  const a = expOf(e, t);
  op.raise(e.status & (S.Inexact | S.Rounded));
  return fix(a, op);
}

/** The digits of an exponent's magnitude (mpd_exp_digits). */
const expDigits = (n: number): number => String(Math.abs(n)).length;

/** A lower bound of the adjusted exponent of ln(x), x positive and not 1 (libmpdec's _lower_bound_zeta). */
function lowerBoundZeta(x: Dec): number {
  const t = x.adjusted();
  if (t > 0) return expDigits(t) - 1;
  if (t < -1) return expDigits(t + 1) - 1;
  const u = add(new Op({ prec: x.int.length + Math.abs(x.e) + 2, rounding: 'ROUND_HALF_EVEN', Emin: -(2 ** 52), Emax: 2 ** 52, capitals: 1, clamp: 0, flags: 0, traps: 0 }), x, dec(1, '1', 0)).adjusted();
  return t === 0 ? u - 2 : u - 1;
}

/**
 * libmpdec's _qcheck_pow_bounds: a power certain to overflow or to underflow is answered
 * before any digit is computed, 1E(Emax+1)-like or 1E(Etiny-1), rounded in this context.
 */
function certainBounds(op: Op, x: Dec, y: Dec, resultSign: number): Dec | undefined {
  const lbZeta = lowerBoundZeta(x);
  const lbTheta = y.adjusted();
  const above = (x.adjusted() < 0 ? 1 : 0) ^ y.sign;
  if (above === 0) {
    if (expDigits(op.ctx.Emax) < lbZeta + lbTheta) return dec(resultSign, '1', op.ctx.Emax + 1);
  } else if (expDigits(op.etiny) < lbZeta + lbTheta) return dec(resultSign, '1', op.etiny - 1);
  return undefined;
}

/** The bound's answers (_pydecimal's): 1E(Emax+1) or 1E(Etiny-1), which the rounding makes an overflow or an underflow. */
function bounded(op: Op, self: Dec, other: Dec, resultSign: number, selfAdj: number): Dec | undefined {
  const bound = log10ExpBound(self) + other.adjusted();
  if ((selfAdj >= 0) === (other.sign === 0)) {
    if (bound >= String(op.ctx.Emax).length) return dec(resultSign, '1', op.ctx.Emax + 1);
  } else if (bound >= String(-op.etiny).length) return dec(resultSign, '1', op.etiny - 1);
  return undefined;
}

/** x**y to the operation's precision, unrounded: the bound's answer, the exact power where there is one, else _dpower's digits with one to spare. */
function approximate(op: Op, self: Dec, other: Dec, resultSign: number, selfAdj: number): { ans: Dec; exact: boolean } {
  const b = bounded(op, self, other, resultSign, selfAdj);
  if (b !== undefined) return { ans: b, exact: false };
  const p = op.prec;
  const exactAns = powerExact(self, other, p + 1);
  if (exactAns !== undefined) return { ans: resultSign === 1 ? dec(1, exactAns.int, exactAns.exp) : exactAns, exact: true };
  const xc = bigOf(self.int);
  let yc = bigOf(other.int);
  if (other.sign === 1) yc = -yc;
  let extra = 3;
  let coeff: bigint;
  let exp: number;
  // an inexact power's digits never end in a 5 and zeros: a few more digits decide
  for (;;) {
    [coeff, exp] = dpower(xc, self.e, yc, other.e, p + extra);
    if (coeff % (5n * pow10(digitLength(coeff) - p - 1)) !== 0n) break;
    extra += 3;
  }
  return { ans: dec(resultSign, digitsOf(coeff), exp), exact: false };
}

/** b**e mod m over BigInts, each squaring paid for. */
function modPow(b: bigint, e: bigint, m: bigint, digits: number): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    payMulDigits(digits, digits);
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

/** pow(x, y, m): _pydecimal's _power_modulo, of integers only, the modulus within the precision. */
export function powerModulo(op: Op, self: Dec, other: Dec, modulo: Dec): Dec {
  if (self.isNaN() || other.isNaN() || modulo.isNaN()) {
    const snan = [self, other, modulo].find((d) => d.exp === 'N');
    if (snan !== undefined) {
      op.raise(S.InvalidOperation);
      return fix(dec(snan.sign, snan.int, 'n'), op);
    }
    return fix([self, other, modulo].find((d) => d.isNaN())!, op);
  }
  if (!isInteger(self) || !isInteger(other) || !isInteger(modulo)) return op.invalid();
  if (other.sign === 1 && !other.isZero()) return op.invalid();
  if (modulo.isZero()) return op.invalid();
  if (modulo.adjusted() >= op.prec) return op.invalid();
  if (other.isZero() && self.isZero()) return op.invalid();
  const sign = isEven(other) ? 0 : self.sign;
  const m = intOfDec(modulo) < 0n ? -intOfDec(modulo) : intOfDec(modulo);
  const digits = modulo.int.length + Math.max(0, modulo.e);
  const base = stripExp(self);
  const exponent = stripExp(other);
  let b = ((base.c % m) * modPow(10n, BigInt(base.e), m, digits)) % m;
  for (let i = 0; i < exponent.e; i++) b = modPow(b, 10n, m, digits);
  b = modPow(b, exponent.c, m, digits);
  return dec(sign, digitsOf(b), 0);
}

/** An integral value's coefficient and exponent (its to_integral_value's): the exponent not below 0. */
function stripExp(d: Dec): { c: bigint; e: number } {
  if (d.e >= 0) return { c: bigOf(d.int), e: d.e };
  const kept = d.int.slice(0, Math.max(0, d.int.length + d.e));
  return { c: kept === '' ? 0n : bigOf(kept), e: 0 };
}
