/**
 * exp, ln and log10: _pydecimal's integer series (_iexp, _ilog, _dexp, _dlog, _dlog10), which
 * are correctly rounded as libmpdec's are, each iteration paid for by its digits (cost.ts).
 */
import { bigOf, digitsOf, payMulDigits, payDivDigits, pow10 } from './cost.js';
import { cmp } from './arith.js';
import { checkNaNs, dec, Dec, fix, INF, ONE, Op, ZERO } from './number.js';
import { fromInt } from './convert.js';

const abs = (x: bigint): bigint => (x < 0n ? -x : x);
const len = (x: bigint): number => digitsOf(abs(x)).length;

/** Python's divmod and // on BigInts: the quotient floored. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
const floorMod = (a: bigint, b: bigint): bigint => a - b * floorDiv(a, b);

function divNearest(a: bigint, b: bigint): bigint {
  const q = floorDiv(a, b);
  const r = floorMod(a, b);
  return q + (2n * r + (q & 1n) > b ? 1n : 0n);
}

function rshiftNearest(x: bigint, shift: bigint): bigint {
  const b = 1n << shift;
  const q = x >> shift;
  return q + (2n * (x & (b - 1n)) + (q & 1n) > b ? 1n : 0n);
}

function sqrtNearest(n: bigint, a: bigint): bigint {
  let b = 0n;
  while (a !== b) {
    payDivDigits(len(n), len(a));
    [b, a] = [a, (a - floorDiv(-n, a)) >> 1n];
  }
  return a;
}

const bitLength = (x: bigint): number => (x === 0n ? 0 : abs(x).toString(2).length);

function ilog(x: bigint, M: bigint, L = 8n): bigint {
  const digits = len(M);
  let y = x - M;
  let R = 0n;
  while ((R <= L && abs(y) << (L - R) >= M) || (R > L && abs(y) >> (R - L) >= M)) {
    payMulDigits(digits, digits);
    y = divNearest((M * y) << 1n, M + sqrtNearest(M * (M + rshiftNearest(y, R)), M));
    R += 1n;
  }
  const T = BigInt(-Math.floor((-10 * digits) / (3 * Number(L))));
  const yshift = rshiftNearest(y, R);
  let w = divNearest(M, T);
  for (let k = T - 1n; k > 0n; k--) {
    payMulDigits(digits, digits);
    w = divNearest(M, k) - divNearest(yshift * w, M);
  }
  return divNearest(w * y, M);
}

let log10Digits = '23025850929940456840179914546843642076011014886';

/** floor(10**p * log(10)), its digits kept once computed (they are the same for every run). */
function log10DigitsOf(p: number): bigint {
  if (p >= log10Digits.length) {
    let extra = 3;
    let digits: string;
    for (;;) {
      const M = pow10(p + extra + 2);
      digits = digitsOf(divNearest(ilog(10n * M, M), 100n));
      if (digits.slice(-extra) !== '0'.repeat(extra)) break;
      extra += 3;
    }
    log10Digits = digits.replace(/0+$/, '').slice(0, -1);
  }
  return bigOf(log10Digits.slice(0, p + 1));
}

function iexp(x: bigint, M: bigint, L = 8n): bigint {
  const digits = len(M);
  const R = BigInt(bitLength(floorDiv(x << L, M)));
  const T = BigInt(-Math.floor((-10 * digits) / (3 * Number(L))));
  let y = divNearest(x, T);
  let Mshift = M << R;
  for (let i = T - 1n; i > 0n; i--) {
    payMulDigits(digits, digits);
    y = divNearest(x * (Mshift + y), Mshift * i);
  }
  for (let k = R - 1n; k >= 0n; k--) {
    payMulDigits(digits, digits);
    Mshift = M << (k + 2n);
    y = divNearest(y * (y + Mshift), Mshift);
  }
  return M + y;
}

function dexp(c: bigint, e: number, p: number): [bigint, number] {
  p += 2;
  const extra = Math.max(0, e + len(c) - 1);
  const q = p + extra;
  const shift = e + q;
  const cshift = shift >= 0 ? c * pow10(shift) : floorDiv(c, pow10(-shift));
  const l10 = log10DigitsOf(q);
  const quot = floorDiv(cshift, l10);
  let rem = floorMod(cshift, l10);
  rem = divNearest(rem, pow10(extra));
  return [divNearest(iexp(rem, pow10(p)), 1000n), Number(quot) - p + 3];
}

function dlog(c: bigint, e: number, p: number): bigint {
  p += 2;
  const l = len(c);
  const f = e + l - (e + l >= 1 ? 1 : 0);
  let logD = 0n;
  if (p > 0) {
    const k = e + p - f;
    if (k >= 0) c *= pow10(k);
    else c = divNearest(c, pow10(-k));
    logD = ilog(c, pow10(p));
  }
  let fLogTen = 0n;
  if (f) {
    const extra = String(Math.abs(f)).length - 1;
    if (p + extra >= 0) fLogTen = divNearest(BigInt(f) * log10DigitsOf(p + extra), pow10(extra));
  }
  return divNearest(fLogTen + logD, 100n);
}

function dlog10(c: bigint, e: number, p: number): bigint {
  p += 2;
  const l = len(c);
  const f = e + l - (e + l >= 1 ? 1 : 0);
  let logD: bigint;
  let logTenpower: bigint;
  if (p > 0) {
    const M = pow10(p);
    const k = e + p - f;
    if (k >= 0) c *= pow10(k);
    else c = divNearest(c, pow10(-k));
    logD = ilog(c, M);
    const log10 = log10DigitsOf(p);
    logD = divNearest(logD * M, log10);
    logTenpower = BigInt(f) * M;
  } else {
    logD = 0n;
    logTenpower = divNearest(BigInt(f), pow10(-p));
  }
  return divNearest(logTenpower + logD, 100n);
}

/** Whether a coefficient of these digits decides the rounding to p digits (not a 5 followed by zeros, nor all zeros). */
const decides = (coeff: bigint, p: number): boolean => abs(coeff) % (5n * pow10(len(coeff) - p - 1)) !== 0n;

function halfEven(op: Op, ans: Dec): Dec {
  const inner = new Op({ ...op.ctx, rounding: 'ROUND_HALF_EVEN' });
  const out = fix(ans, inner);
  op.raise(inner.status);
  return out;
}

export function exp(op: Op, a: Dec): Dec {
  const n = checkNaNs(op, a);
  if (n) return n;
  if (a.isInf()) return a.sign ? ZERO : a;
  if (a.isZero()) return ONE;
  const p = op.prec;
  const adj = a.adjusted();
  let ans: Dec;
  if (a.sign === 0 && adj > String((op.ctx.Emax + 1) * 3).length) ans = dec(0, '1', op.ctx.Emax + 1);
  else if (a.sign === 1 && adj > String((-op.etiny + 1) * 3).length) ans = dec(0, '1', op.etiny - 1);
  else if (a.sign === 0 && adj < -p) ans = dec(0, '1' + '0'.repeat(p - 1) + '1', -p);
  else if (a.sign === 1 && adj < -p - 1) ans = dec(0, '9'.repeat(p + 1), -p - 1);
  else {
    let c = bigOf(a.int);
    if (a.sign) c = -c;
    let extra = 3;
    let coeff: bigint;
    let e: number;
    for (;;) {
      [coeff, e] = dexp(c, a.e, p + extra);
      if (decides(coeff, p)) break;
      extra += 3;
    }
    ans = dec(0, digitsOf(coeff), e);
  }
  return halfEven(op, ans);
}

function lnExpBound(a: Dec): number {
  const adj = a.e + a.int.length - 1;
  if (adj >= 1) return String(Math.floor((adj * 23) / 10)).length - 1;
  if (adj <= -2) return String(Math.floor(((-1 - adj) * 23) / 10)).length - 1;
  const c = bigOf(a.int);
  const e = a.e;
  if (adj === 0) {
    const num = digitsOf(c - pow10(-e));
    const den = digitsOf(c);
    return num.length - den.length - (num < den ? 1 : 0);
  }
  return e + digitsOf(pow10(-e) - c).length - 1;
}

export function ln(op: Op, a: Dec): Dec {
  const n = checkNaNs(op, a);
  if (n) return n;
  if (a.isZero()) return INF[1];
  if (a.isInf() && a.sign === 0) return INF[0];
  if (!a.special && cmp(a, ONE) === 0 && a.sign === 0) return ZERO;
  if (a.sign === 1) return op.invalid();
  const c = bigOf(a.int);
  const p = op.prec;
  let places = p - lnExpBound(a) + 2;
  let coeff: bigint;
  for (;;) {
    coeff = dlog(c, a.e, places);
    if (decides(coeff, p)) break;
    places += 3;
  }
  return halfEven(op, dec(coeff < 0n ? 1 : 0, digitsOf(abs(coeff)), -places));
}

function log10ExpBound(a: Dec): number {
  const adj = a.e + a.int.length - 1;
  if (adj >= 1) return String(adj).length - 1;
  if (adj <= -2) return String(-1 - adj).length - 1;
  const c = bigOf(a.int);
  const e = a.e;
  if (adj === 0) {
    const num = digitsOf(abs(c - pow10(-e)));
    const den = digitsOf(231n * c);
    return num.length - den.length - (num < den ? 1 : 0) + 2;
  }
  const num = digitsOf(pow10(-e) - c);
  return num.length + e - (num < '231' ? 1 : 0) - 1;
}

export function log10(op: Op, a: Dec): Dec {
  const n = checkNaNs(op, a);
  if (n) return n;
  if (a.isZero()) return INF[1];
  if (a.isInf() && a.sign === 0) return INF[0];
  if (a.sign === 1) return op.invalid();
  let ans: Dec;
  if (/^10*$/.test(a.int)) ans = fromInt(a.e + a.int.length - 1);
  else {
    const c = bigOf(a.int);
    const p = op.prec;
    let places = p - log10ExpBound(a) + 2;
    let coeff: bigint;
    for (;;) {
      coeff = dlog10(c, a.e, places);
      if (decides(coeff, p)) break;
      places += 3;
    }
    ans = dec(coeff < 0n ? 1 : 0, digitsOf(abs(coeff)), -places);
  }
  return halfEven(op, ans);
}

/** _dpower: x**y to p digits, error below 1 in the last (x positive, not 1; y non-zero). */
export function dpower(xc: bigint, xe: number, yc: bigint, ye: number, p: number): [bigint, number] {
  const b = len(yc) + ye;
  const lxc = dlog(xc, xe, p + b + 1);
  const shift = ye - b;
  const pc = shift >= 0 ? lxc * yc * pow10(shift) : divNearest(lxc * yc, pow10(-shift));
  if (pc === 0n) {
    if ((len(xc) + xe >= 1) === (yc > 0n)) return [pow10(p - 1) + 1n, 1 - p];
    return [pow10(p) - 1n, -p];
  }
  const [coeff, exp] = dexp(pc, -(p + 1), p + 1);
  return [divNearest(coeff, 10n), exp + 1];
}

export { divNearest, floorDiv, len as digitLength, abs as absBig, log10DigitsOf };
