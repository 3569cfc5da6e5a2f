/** Decimal's arithmetic, _pydecimal's algorithms over BigInt coefficients, every big step paid for (cost.ts). */
import { bigOf, digitsOf, payDigits, payDivDigits, payLoop, payMulDigits, pow10 } from './cost.js';
import { checkNaNs, dec, Dec, fix, INF, Op, rescale, stripZeros, type Rounding } from './number.js';
import { S } from './signals.js';

const big = (d: Dec): bigint => bigOf(d.int);
const fromBig = (sign: number, n: bigint, exp: number): Dec => dec(sign, digitsOf(n < 0n ? -n : n), exp);

/** Exact a * 10**n, paid for. */
function shiftUp(a: bigint, aDigits: number, n: number): bigint {
  if (n <= 0) return a;
  payMulDigits(aDigits, n);
  return a * pow10(n);
}

export function add(op: Op, a: Dec, b: Dec): Dec {
  const { ctx } = op;
  if (a.special || b.special) {
    const n = checkNaNs(op, a, b);
    if (n) return n;
    if (a.isInf()) {
      if (a.sign !== b.sign && b.isInf()) return op.invalid();
      return a;
    }
    if (b.isInf()) return b;
  }
  let exp = Math.min(a.e, b.e);
  const negativeZero = ctx.rounding === 'ROUND_FLOOR' && a.sign !== b.sign ? 1 : 0;
  if (a.isZero() && b.isZero()) return fix(dec(negativeZero || Math.min(a.sign, b.sign), '0', exp), op);
  if (a.isZero()) {
    exp = Math.max(exp, b.e - op.prec - 1);
    return fix(rescale(b, exp, ctx.rounding), op);
  }
  if (b.isZero()) {
    exp = Math.max(exp, a.e - op.prec - 1);
    return fix(rescale(a, exp, ctx.rounding), op);
  }
  // _normalize: the smaller operand, far below the other's last digit, only decides the rounding
  let [x, y] = [a, b];
  if (x.e < y.e) [x, y] = [y, x];
  const tmpLen = x.int.length;
  const otherLen = y.int.length;
  let yInt = big(y);
  let yExp = y.e;
  const floorExp = x.e + Math.min(-1, tmpLen - op.prec - 2);
  if (otherLen + yExp - 1 < floorExp) {
    yInt = 1n;
    yExp = floorExp;
  }
  const xInt = shiftUp(big(x), tmpLen, x.e - yExp);
  const sx = x.sign ? -xInt : xInt;
  const sy = y.sign ? -yInt : yInt;
  payDigits(Math.max(tmpLen + x.e - yExp, otherLen));
  const sum = sx + sy;
  if (sum === 0n) return fix(dec(negativeZero, '0', exp), op);
  return fix(fromBig(sum < 0n ? 1 : 0, sum, yExp), op);
}

export const negate = (d: Dec): Dec => dec(d.sign ^ 1, d.int, d.exp);
export const withSign = (d: Dec, sign: number): Dec => dec(sign, d.int, d.exp);

export function sub(op: Op, a: Dec, b: Dec): Dec {
  const n = a.special || b.special ? checkNaNs(op, a, b) : undefined;
  if (n) return n;
  return add(op, a, negate(b));
}

export function mul(op: Op, a: Dec, b: Dec): Dec {
  const sign = a.sign ^ b.sign;
  if (a.special || b.special) {
    const n = checkNaNs(op, a, b);
    if (n) return n;
    if (a.isInf()) return b.isZero() ? op.invalid() : INF[sign];
    if (b.isInf()) return a.isZero() ? op.invalid() : INF[sign];
  }
  const exp = a.e + b.e;
  if (a.isZero() || b.isZero()) return fix(dec(sign, '0', exp), op);
  if (a.int === '1') return fix(dec(sign, b.int, exp), op);
  if (b.int === '1') return fix(dec(sign, a.int, exp), op);
  payMulDigits(a.int.length, b.int.length);
  return fix(fromBig(sign, big(a) * big(b), exp), op);
}

export function truediv(op: Op, a: Dec, b: Dec): Dec {
  const sign = a.sign ^ b.sign;
  if (a.special || b.special) {
    const n = checkNaNs(op, a, b);
    if (n) return n;
    if (a.isInf() && b.isInf()) return op.invalid();
    if (a.isInf()) return INF[sign];
    if (b.isInf()) {
      op.raise(S.Clamped);
      return dec(sign, '0', op.etiny);
    }
  }
  if (b.isZero()) {
    if (a.isZero()) return op.invalid(S.DivisionUndefined);
    op.raise(S.DivisionByZero);
    return INF[sign];
  }
  let exp: number;
  let coeff: bigint;
  if (a.isZero()) {
    exp = a.e - b.e;
    coeff = 0n;
  } else {
    const shift = b.int.length - a.int.length + op.prec + 1;
    exp = a.e - b.e - shift;
    let rem: bigint;
    if (shift >= 0) {
      const x = shiftUp(big(a), a.int.length, shift);
      payDivDigits(a.int.length + shift, b.int.length);
      const y = big(b);
      coeff = x / y;
      rem = x % y;
    } else {
      const y = shiftUp(big(b), b.int.length, -shift);
      const x = big(a);
      payDivDigits(a.int.length, b.int.length - shift);
      coeff = x / y;
      rem = x % y;
    }
    if (rem !== 0n) {
      if (coeff % 5n === 0n) coeff += 1n;
    } else {
      const ideal = a.e - b.e;
      let s = digitsOf(coeff);
      let strip = 0;
      while (exp + strip < ideal && s.length - strip > 1 && s[s.length - 1 - strip] === '0') strip++;
      if (strip > 0) s = s.slice(0, s.length - strip);
      return fix(dec(sign, s, exp + strip), op);
    }
  }
  return fix(fromBig(sign, coeff, exp), op);
}

/** _divide: (a // b, a % b) to the context's precision; a finite, b non-zero, neither a NaN. */
function divide(op: Op, a: Dec, b: Dec): [Dec, Dec] {
  const sign = a.sign ^ b.sign;
  const idealExp = b.isInf() ? a.e : Math.min(a.e, b.e);
  const expdiff = a.adjusted() - b.adjusted();
  if (a.isZero() || b.isInf() || expdiff <= -2) return [dec(sign, '0', 0), rescale(a, idealExp, op.ctx.rounding)];
  if (expdiff <= op.prec) {
    let x = big(a);
    let y = big(b);
    if (a.e >= b.e) x = shiftUp(x, a.int.length, a.e - b.e);
    else y = shiftUp(y, b.int.length, b.e - a.e);
    payDivDigits(a.int.length + Math.max(0, a.e - b.e), b.int.length + Math.max(0, b.e - a.e));
    const q = x / y;
    const r = x % y;
    if (q < pow10(op.prec)) return [fromBig(sign, q, 0), fromBig(a.sign, r, idealExp)];
  }
  const ans = op.invalid(S.DivisionImpossible);
  return [ans, ans];
}

export function divmod(op: Op, a: Dec, b: Dec): [Dec, Dec] {
  const n = checkNaNs(op, a, b);
  if (n) return [n, n];
  const sign = a.sign ^ b.sign;
  if (a.isInf()) {
    if (b.isInf()) {
      const ans = op.invalid();
      return [ans, ans];
    }
    return [INF[sign], op.invalid()];
  }
  if (b.isZero()) {
    if (a.isZero()) {
      const ans = op.invalid(S.DivisionUndefined);
      return [ans, ans];
    }
    op.raise(S.DivisionByZero);
    return [INF[sign], op.invalid()];
  }
  const [q, r] = divide(op, a, b);
  // _decimal rounds the quotient into the context too: past Emax it overflows
  return [fix(q, op), fix(r, op)];
}

export function floordiv(op: Op, a: Dec, b: Dec): Dec {
  const n = checkNaNs(op, a, b);
  if (n) return n;
  if (a.isInf()) return b.isInf() ? op.invalid() : INF[a.sign ^ b.sign];
  if (b.isZero()) {
    if (a.isZero()) return op.invalid(S.DivisionUndefined);
    op.raise(S.DivisionByZero);
    return INF[a.sign ^ b.sign];
  }
  return fix(divide(op, a, b)[0], op);
}

export function mod(op: Op, a: Dec, b: Dec): Dec {
  const n = checkNaNs(op, a, b);
  if (n) return n;
  if (a.isInf()) return op.invalid();
  if (b.isZero()) return a.isZero() ? op.invalid(S.DivisionUndefined) : op.invalid();
  return fix(divide(op, a, b)[1], op);
}

export function remainderNear(op: Op, a: Dec, b: Dec): Dec {
  const n = checkNaNs(op, a, b);
  if (n) return n;
  if (a.isInf()) return op.invalid();
  if (b.isZero()) return a.isZero() ? op.invalid(S.DivisionUndefined) : op.invalid();
  if (b.isInf()) return fix(a, op);
  const ideal = Math.min(a.e, b.e);
  if (a.isZero()) return fix(dec(a.sign, '0', ideal), op);
  const expdiff = a.adjusted() - b.adjusted();
  if (expdiff >= op.prec + 1) return op.invalid(S.DivisionImpossible);
  if (expdiff <= -2) return fix(rescale(a, ideal, op.ctx.rounding), op);
  let x = big(a);
  let y = big(b);
  if (a.e >= b.e) x = shiftUp(x, a.int.length, a.e - b.e);
  else y = shiftUp(y, b.int.length, b.e - a.e);
  payDivDigits(a.int.length + Math.max(0, a.e - b.e), b.int.length + Math.max(0, b.e - a.e));
  let q = x / y;
  let r = x % y;
  if (2n * r + (q & 1n) > y) {
    r -= y;
    q += 1n;
  }
  if (q >= pow10(op.prec)) return op.invalid(S.DivisionImpossible);
  let sign = a.sign;
  if (r < 0n) {
    sign = 1 - sign;
    r = -r;
  }
  return fix(fromBig(sign, r, ideal), op);
}

/** fma: a*b exactly, then + c rounded once. */
export function fma(op: Op, a: Dec, b: Dec, c: Dec): Dec {
  let product: Dec;
  if (a.special || b.special) {
    if (a.exp === 'N' || b.exp === 'N' || c.exp === 'N') {
      const s = a.exp === 'N' ? a : b.exp === 'N' ? b : c;
      op.raise(S.InvalidOperation);
      return fixNaNOf(s, op);
    }
    if (a.exp === 'n') return fixNaNOf(a, op);
    if (b.exp === 'n') return fixNaNOf(b, op);
    if (a.isInf()) {
      if (b.isZero()) return op.invalid();
      product = INF[a.sign ^ b.sign];
    } else if (b.isInf()) {
      if (a.isZero()) return op.invalid();
      product = INF[a.sign ^ b.sign];
    } else product = INF[0];
  } else {
    payMulDigits(a.int.length, b.int.length);
    product = fromBig(a.sign ^ b.sign, big(a) * big(b), a.e + b.e);
  }
  return add(op, product, c);
}

function fixNaNOf(d: Dec, op: Op): Dec {
  return fix(dec(d.sign, d.int, 'n'), op);
}

/** compare's three-way order of two non-NaNs (_cmp). */
export function cmp(a: Dec, b: Dec): -1 | 0 | 1 {
  if (a.special || b.special) {
    const ai = a.isInf() ? (a.sign ? -1 : 1) : 0;
    const bi = b.isInf() ? (b.sign ? -1 : 1) : 0;
    return ai === bi ? 0 : ai < bi ? -1 : 1;
  }
  if (a.isZero()) return b.isZero() ? 0 : b.sign ? 1 : -1;
  if (b.isZero()) return a.sign ? -1 : 1;
  if (b.sign < a.sign) return -1;
  if (a.sign < b.sign) return 1;
  const sa = a.adjusted();
  const sb = b.adjusted();
  if (sa === sb) {
    payDigits(Math.max(a.int.length, b.int.length));
    const x = a.int.padEnd(Math.max(a.int.length, b.int.length), '0');
    const y = b.int.padEnd(Math.max(a.int.length, b.int.length), '0');
    if (x === y) return 0;
    return (x < y) !== (a.sign === 1) ? -1 : 1;
  }
  return (sa > sb) !== (a.sign === 1) ? 1 : -1;
}

export function quantize(op: Op, a: Dec, b: Dec, rounding: Rounding): Dec {
  if (a.special || b.special) {
    const n = checkNaNs(op, a, b);
    if (n) return n;
    if (a.isInf() || b.isInf()) return a.isInf() && b.isInf() ? a : op.invalid();
  }
  const exp = b.e;
  if (!(op.etiny <= exp && exp <= op.ctx.Emax)) return op.invalid();
  if (a.isZero()) return fix(dec(a.sign, '0', exp), op);
  const selfAdjusted = a.adjusted();
  if (selfAdjusted > op.ctx.Emax) return op.invalid();
  if (selfAdjusted - exp + 1 > op.prec) return op.invalid();
  const ans = rescale(a, exp, rounding);
  if (ans.adjusted() > op.ctx.Emax) return op.invalid();
  if (ans.int.length > op.prec) return op.invalid();
  if (!ans.isZero() && ans.adjusted() < op.ctx.Emin) op.raise(S.Subnormal);
  if (ans.e > a.e) {
    // digits dropped: inexact when any of them was not zero
    if (!sameValue(ans, a)) op.raise(S.Inexact);
    op.raise(S.Rounded);
  }
  return fix(ans, op);
}

function sameValue(x: Dec, y: Dec): boolean {
  return cmp(x, y) === 0;
}

export function toIntegral(op: Op, a: Dec, rounding: Rounding, exact: boolean): Dec {
  if (a.special) {
    const n = checkNaNs(op, a);
    return n ?? a;
  }
  if (a.e >= 0) return a;
  if (a.isZero()) return dec(a.sign, '0', 0);
  const ans = rescale(a, 0, rounding);
  if (exact) {
    if (!sameValue(ans, a)) op.raise(S.Inexact);
    op.raise(S.Rounded);
  }
  return ans;
}

export function normalize(op: Op, a: Dec): Dec {
  if (a.special) {
    const n = checkNaNs(op, a);
    if (n) return n;
  }
  const dup = fix(a, op);
  if (dup.isInf()) return dup;
  if (dup.isZero()) return dec(dup.sign, '0', 0);
  const expMax = op.ctx.clamp ? op.etop : op.ctx.Emax;
  let end = dup.int.length;
  let exp = dup.e;
  while (dup.int[end - 1] === '0' && exp < expMax) {
    exp += 1;
    end -= 1;
  }
  return dec(dup.sign, dup.int.slice(0, end), exp);
}

export function sqrt(op: Op, a: Dec): Dec {
  if (a.special) {
    const n = checkNaNs(op, a);
    if (n) return n;
    if (a.isInf() && a.sign === 0) return a;
  }
  if (a.isZero()) return fix(dec(a.sign, '0', Math.floor(a.e / 2)), op);
  if (a.sign === 1) return op.invalid();
  const prec = op.prec + 1;
  const e0 = a.e >> 1;
  let c: bigint;
  let l: number;
  if (a.e & 1) {
    c = big(a) * 10n;
    l = (a.int.length >> 1) + 1;
  } else {
    c = big(a);
    l = (a.int.length + 1) >> 1;
  }
  const shift = prec - l;
  let exact: boolean;
  if (shift >= 0) {
    c = shiftUp(c, a.int.length + 1, 2 * shift);
    exact = true;
  } else {
    const p = pow10(-2 * shift);
    const r = c % p;
    c = c / p;
    exact = r === 0n;
  }
  let e = e0 - shift;
  // Newton's iteration for isqrt, each step a division of the precision's digits
  let n = pow10(prec);
  for (;;) {
    payDivDigits(2 * prec, prec);
    const q = c / n;
    if (n <= q) break;
    n = (n + q) >> 1n;
  }
  exact = exact && n * n === c;
  let coeff: Dec;
  if (exact) {
    if (shift >= 0) n = n / pow10(shift);
    else n = n * pow10(-shift);
    e += shift;
    coeff = fromBig(0, n, e);
  } else {
    if (n % 5n === 0n) n += 1n;
    coeff = fromBig(0, n, e);
  }
  // the result in a context of prec digits, half-even, without its own clamp
  const inner = new Op({ ...op.ctx, rounding: 'ROUND_HALF_EVEN' });
  const ans = fix(coeff, inner);
  op.raise(inner.status);
  return ans;
}

/** max and min: _pydecimal's, a quiet NaN losing to a number. */
export function maxMin(op: Op, a: Dec, b: Dec, isMax: boolean, magnitude: boolean): Dec {
  if (a.special || b.special) {
    const sn = a.isNaN() ? 1 + (a.exp === 'N' ? 1 : 0) : 0;
    const on = b.isNaN() ? 1 + (b.exp === 'N' ? 1 : 0) : 0;
    if (on || sn) {
      if (on === 1 && sn === 0) return fix(a, op);
      if (sn === 1 && on === 0) return fix(b, op);
      return checkNaNs(op, a, b)!;
    }
  }
  let c = magnitude ? cmp(withSign(a, 0), withSign(b, 0)) : cmp(a, b);
  if (c === 0) c = compareTotal(a, b);
  const pick = isMax ? (c === -1 ? b : a) : c === -1 ? a : b;
  return fix(pick, op);
}

/** compare_total: the total order of the representations. */
export function compareTotal(a: Dec, b: Dec): -1 | 0 | 1 {
  if (a.sign && !b.sign) return -1;
  if (!a.sign && b.sign) return 1;
  const sign = a.sign;
  const flip = (x: -1 | 0 | 1): -1 | 0 | 1 => (sign ? (-x as -1 | 0 | 1) : x);
  const rank = (d: Dec): number => (d.exp === 'n' ? 3 : d.exp === 'N' ? 2 : d.exp === 'F' ? 1 : 0);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return flip(ra < rb ? -1 : 1);
  if (ra >= 2) {
    const x = bigOf(a.int || '0');
    const y = bigOf(b.int || '0');
    return flip(x < y ? -1 : x > y ? 1 : 0);
  }
  if (ra === 1) return 0;
  const c = cmp(a, b);
  if (c !== 0) return c;
  if (a.e < b.e) return flip(-1);
  if (a.e > b.e) return flip(1);
  return 0;
}

/** The coefficient as exactly `n` digits: zero-padded on the left or cut to its last n. */
function fitDigits(s: string, n: number): string {
  return s.length >= n ? s.slice(s.length - n) : s.padStart(n, '0');
}

export function rotate(op: Op, a: Dec, b: Dec): Dec {
  const n = checkNaNs(op, a, b);
  if (n) return n;
  if (b.e !== 0) return op.invalid();
  const torot = Number(b.sign ? '-' + b.int : b.int);
  if (!(-op.prec <= torot && torot <= op.prec)) return op.invalid();
  if (a.isInf()) return a;
  payLoop(op.prec + a.int.length);
  const rotdig = fitDigits(a.int, op.prec);
  const k = ((torot % op.prec) + op.prec) % op.prec;
  const rotated = rotdig.slice(k) + rotdig.slice(0, k);
  return dec(a.sign, stripZeros(rotated), a.e);
}

export function shift(op: Op, a: Dec, b: Dec): Dec {
  const n = checkNaNs(op, a, b);
  if (n) return n;
  if (b.e !== 0) return op.invalid();
  const toshift = Number(b.sign ? '-' + b.int : b.int);
  if (!(-op.prec <= toshift && toshift <= op.prec)) return op.invalid();
  if (a.isInf()) return a;
  payLoop(op.prec + a.int.length);
  const rotdig = fitDigits(a.int, op.prec);
  const shifted = toshift < 0 ? rotdig.slice(0, rotdig.length + toshift) : (rotdig + '0'.repeat(toshift)).slice(-op.prec);
  return dec(a.sign, stripZeros(shifted || '0'), a.e);
}

export function scaleb(op: Op, a: Dec, b: Dec): Dec {
  const n = checkNaNs(op, a, b);
  if (n) return n;
  if (b.e !== 0) return op.invalid();
  const liminf = -2 * (op.ctx.Emax + op.prec);
  const limsup = 2 * (op.ctx.Emax + op.prec);
  const k = Number(b.sign ? '-' + b.int : b.int);
  if (!(liminf <= k && k <= limsup)) return op.invalid();
  if (a.isInf()) return a;
  return fix(dec(a.sign, a.int, a.e + k), op);
}

/** logical_and, _or, _xor, _invert: digit-wise on operands of 0s and 1s. */
export function logical(op: Op, a: Dec, b: Dec, f: (x: number, y: number) => number): Dec {
  const isLogical = (d: Dec): boolean => !d.special && d.sign === 0 && d.e === 0 && /^[01]+$/.test(d.int);
  if (!isLogical(a) || !isLogical(b)) return op.invalid();
  payLoop(Math.max(a.int.length, b.int.length, op.prec));
  const x = fitDigits(a.int, op.prec);
  const y = fitDigits(b.int, op.prec);
  let out = '';
  for (let i = 0; i < op.prec; i++) out += String(f(x.charCodeAt(i) - 48, y.charCodeAt(i) - 48));
  return dec(0, stripZeros(out), 0);
}

export function nextToward(op: Op, a: Dec, dir: 1 | -1): Dec {
  const n = checkNaNs(op, a);
  if (n) return n;
  if (a.isInf()) {
    if ((a.sign === 1) === (dir === -1)) return a;
    return dec(a.sign, '9'.repeat(op.prec), op.etop);
  }
  const ctx = { ...op.ctx, rounding: (dir === 1 ? 'ROUND_CEILING' : 'ROUND_FLOOR') as Rounding, traps: 0, flags: 0 };
  const inner = new Op(ctx);
  const ans = fix(a, inner);
  if (cmp(ans, a) !== 0) return ans;
  const tiny = dec(dir === 1 ? 0 : 1, '1', op.etiny - 1);
  return add(new Op(ctx), a, tiny);
}

