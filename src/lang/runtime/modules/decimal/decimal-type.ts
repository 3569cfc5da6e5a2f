/** decimal.Decimal as a Python type: its constructor, operators, hash, conversions and methods over the kernel (number.ts, arith.ts, transcend.ts). */
import { NEGATIVE_NAN } from '../../negative-nan.js';
import { bind, one } from '../../args.js';
import { allocStr } from '../../budget.js';
import { checkedMethods } from '../../arity.js';
import { fatalErr, OverflowError, pyErr, typeErr, UnsupportedError, valueErr } from '../../exceptions.js';
import { norm, type Int } from '../../int/index.js';
import { intOf } from '../../numbers.js';
import { PerRun } from '../../per-run.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../../types/protocol.js';
import { registerType, registerTypeObject } from '../../types/table.js';
import { PyComplex, PyFloat, PyFunc, PyTuple, typeName, type Py } from '../../values.js';
import { noteDescriptor } from '../../def-names.js';
import { callValue } from '../../call.js';
import { namedtuple } from '../collections/namedtuple.js';
import { PyClassType } from '../class-type.js';
import * as A from './arith.js';
import { bigOf, payDigits, payDivDigits, payMulDigits, pow10 } from './cost.js';
import { gcd } from '../../int/number-theory.js';
import { contextArg, done, getContext, opIn, PyContext } from './context.js';
import { construct, fromFloat, fromInt, operand, operandOf } from './convert.js';
import { formatDecimal } from './format.js';
import { checkNaNs, Dec, dec, fix, Op, rescale, ROUNDINGS, toStr, type Rounding } from './number.js';
import { power } from './power.js';
import { S } from './signals.js';
import * as T from './transcend.js';

export const DECIMAL_TYPE = new PyClassType('decimal.Decimal', (a, kw) => {
  const [value, context] = bind('', a, kw, ['value', 'context']);
  const ctx = contextArg(context);
  const op = opIn(ctx);
  return done(op, construct(op, value));
});

/** Decimal.from_float(f): exact, no FloatOperation. */
// a C class method, as the datetime types' are: `<built-in method from_float of type object>`
DECIMAL_TYPE.attrs.set('from_float', noteDescriptor(new PyFunc('from_float', (a, kw) => fromFloatArg(one('from_float', a, kw, 'Decimal')), 'method'), 'Decimal.from_float'));

export function fromFloatArg(v: Py): Dec {
  if (v instanceof PyFloat) return fromFloat(v.v);
  const n = intOf(v);
  if (n !== undefined) return fromInt(typeof n === 'bigint' ? n : BigInt(n));
  throw typeErr('argument must be int or float');
}

// ---------------------------------------------------------------- conversions

export function toInt(d: Dec): Int {
  if (d.isNaN()) throw valueErr('cannot convert NaN to integer');
  if (d.isInf()) throw pyErr(OverflowError, 'cannot convert Infinity to integer');
  const sign = d.sign ? -1n : 1n;
  if (d.e >= 0) {
    payDigits(d.int.length + d.e);
    return norm(sign * bigOf(d.int) * pow10(d.e));
  }
  const kept = d.int.slice(0, Math.max(0, d.int.length + d.e));
  return norm(sign * (kept === '' ? 0n : bigOf(kept)));
}

export function toFloat(d: Dec): number {
  if (d.isNaN()) {
    if (d.exp === 'N') throw valueErr('cannot convert signaling NaN to float');
    return d.sign ? NEGATIVE_NAN : NaN;
  }
  if (d.isInf()) return d.sign ? -Infinity : Infinity;
  // past the doubles' range the digits decide nothing: a bounded text keeps Number() quick
  if (d.adjusted() > 400) return d.sign ? -Infinity : Infinity;
  if (d.adjusted() < -400) return d.sign ? -0 : 0;
  const digits = d.int.length > 800 ? d.int.slice(0, 800) + (/[1-9]/.test(d.int.slice(800)) ? '1' : '') : d.int;
  const x = Number(`${digits}e${d.e + (d.int.length - digits.length)}`);
  return d.sign ? -x : x;
}

/** round(d) and round(d, n). */
export function roundDecimal(d: Dec, nd: Py | undefined): Py {
  // Decimal.__round__(None) is an error of its own; round(d, None) calls __round__() without it
  if (nd !== undefined) {
    const n = intOf(nd);
    if (n === undefined) throw typeErr('optional arg must be an integer');
    // past Py_ssize_t, dec_mpd_qquantize's PyLong_AsSsize_t fails first
    if (typeof n === 'bigint' && (n >= 2n ** 63n || n < -(2n ** 63n))) throw pyErr(OverflowError, 'Python int too large to convert to C ssize_t');
    if (typeof n === 'bigint') throw fatalErr(UnsupportedError, 'round(Decimal, n) with n past 2**53 is not supported by the evaluator');
    const op = opIn();
    return done(op, A.quantize(op, d, dec(0, '1', -n), op.ctx.rounding));
  }
  return toInt(d.special ? d : rescale(d, 0, 'ROUND_HALF_EVEN'));
}

// ---------------------------------------------------------------- hash and keys

const MODULUS = (1n << 61n) - 1n;
const INV10 = powMod(10n, MODULUS - 2n, MODULUS);

function powMod(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

const nanIds = new WeakMap<Dec, number>();
let nextNanId = 1;

export function hashDecimal(d: Dec): bigint {
  if (d.special) {
    if (d.exp === 'N') throw typeErr('Cannot hash a signaling NaN value');
    if (d.exp === 'n') {
      // by identity, as object.__hash__
      if (!nanIds.has(d)) nanIds.set(d, nextNanId++ * 16);
      return BigInt(nanIds.get(d)!);
    }
    return d.sign ? -314159n : 314159n;
  }
  const expHash = d.e >= 0 ? powMod(10n, BigInt(d.e), MODULUS) : powMod(INV10, BigInt(-d.e), MODULUS);
  let h = (bigOf(d.int) * expHash) % MODULUS;
  if (d.sign) h = -h;
  return h === -1n ? -2n : h;
}

/** The key dicts and sets file a Decimal under: an equal int's or float's where there is one. */
function keyOf(d: Dec): unknown {
  // a signaling NaN has no hash (hashDecimal), so no key: {Decimal('sNaN'): 1} is CPython's TypeError
  if (d.isNaN()) return d.exp === 'N' ? hashDecimal(d) : d;
  if (d.isInf()) return d.sign ? -Infinity : Infinity;
  if (d.isZero()) return 0;
  // integral: the int's key
  const stripped = d.int.replace(/0+$/, '');
  const exp = d.e + (d.int.length - stripped.length);
  if (exp >= 0) return norm(BigInt((d.sign ? '-' : '') + stripped) * pow10(exp));
  // a float of exactly this value: the float's key
  const x = toFloat(d);
  if (Number.isFinite(x) && A.cmp(fromFloat(x), d) === 0) return x;
  return `\u0000decimal ${d.sign ? '-' : ''}${stripped}e${exp}`;
}

// ---------------------------------------------------------------- comparisons

/** The other operand of a comparison: a Decimal, an int, a float (exactly, FloatOperation flagged), else none. */
function compareOperand(op: Op, v: Py, equality: boolean): Dec | undefined {
  const d = operand(v);
  if (d !== undefined) return d;
  if (v instanceof PyFloat) {
    if (equality) op.ctx.flags |= S.FloatOperation;
    else op.raise(S.FloatOperation);
    return fromFloat(v.v);
  }
  // == and != with a complex of no imaginary part: its real part, as a float's (convert_op_cmp)
  if (equality && v instanceof PyComplex && v.im === 0) {
    op.ctx.flags |= S.FloatOperation;
    return fromFloat(v.re);
  }
  return undefined;
}

function eqSlot(a: Dec, b: Py): boolean | typeof NOT_IMPLEMENTED {
  const op = opIn();
  const other = compareOperand(op, b, true);
  if (other === undefined) return NOT_IMPLEMENTED;
  if (a.isNaN() || other.isNaN()) {
    if (a.exp === 'N' || other.exp === 'N') done(op, op.raise(S.InvalidOperation));
    return false;
  }
  return A.cmp(a, other) === 0;
}

function compareSlot(a: Dec, b: Py): number | typeof NOT_IMPLEMENTED {
  const op = opIn();
  const other = compareOperand(op, b, false);
  if (other === undefined) return NOT_IMPLEMENTED;
  done(op, null);
  if (a.isNaN() || other.isNaN()) {
    done(op, op.raise(S.InvalidOperation));
    return NaN;
  }
  return A.cmp(a, other);
}

// ---------------------------------------------------------------- operators

type Binary = (op: Op, a: Dec, b: Dec) => Dec;

/** A binary operator in the current context: ints taken as Decimals, anything else NotImplemented. */
const binary = (f: Binary) => (a: Py, b: Py): Py => {
  const x = operand(a);
  const y = operand(b);
  if (x === undefined || y === undefined) return NOT_IMPLEMENTED;
  const op = opIn();
  return done(op, f(op, x, y));
};

function divmodSlot(a: Py, b: Py): Py {
  const x = operand(a);
  const y = operand(b);
  if (x === undefined || y === undefined) return NOT_IMPLEMENTED;
  const op = opIn();
  return done(op, new PyTuple(A.divmod(op, x, y)));
}

const unaryIn = (f: (op: Op, d: Dec) => Dec) => (v: Dec): Py => {
  const op = opIn();
  return done(op, f(op, v));
};

/** plus, minus and abs: the value rounded into the context, a zero's sign positive unless the rounding floors. */
export function plus(op: Op, d: Dec): Dec {
  const n = d.special ? checkNaNs(op, d) : undefined;
  if (n) return n;
  const v = d.isZero() && op.ctx.rounding !== 'ROUND_FLOOR' ? dec(0, '0', d.e) : d;
  return fix(v, op);
}
export const minus = (op: Op, d: Dec): Dec => {
  const n = d.special ? checkNaNs(op, d) : undefined;
  if (n) return n;
  const v = d.isZero() && op.ctx.rounding !== 'ROUND_FLOOR' ? dec(0, '0', d.e) : A.negate(d);
  return fix(v, op);
};
export const absolute = (op: Op, d: Dec): Dec => {
  const n = d.special ? checkNaNs(op, d) : undefined;
  if (n) return n;
  return d.sign ? minus(op, d) : plus(op, d);
};

// ---------------------------------------------------------------- methods

export function numberClass(d: Dec, op: Op): string {
  if (d.exp === 'N') return 'sNaN';
  if (d.exp === 'n') return 'NaN';
  if (d.isInf()) return d.sign ? '-Infinity' : '+Infinity';
  if (d.isZero()) return d.sign ? '-Zero' : '+Zero';
  if (d.adjusted() < op.ctx.Emin) return d.sign ? '-Subnormal' : '+Subnormal';
  return d.sign ? '-Normal' : '+Normal';
}

const roundingArg = (v: Py | undefined, ctx: PyContext): Rounding => {
  if (v === undefined || v === null) return ctx.c.rounding;
  if (typeof v !== 'string' || !(ROUNDINGS as readonly string[]).includes(v)) throw typeErr('valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]');
  return v as Rounding;
};

/** A method of one operand and an optional context. */
const withContext = (_name: string, f: (op: Op, d: Dec) => Dec): Method => (v: Dec, a, kw) => {
  const [context] = bind('', a, kw, ['context']);
  const op = opIn(contextArg(context));
  return done(op, f(op, v));
};

/** A method of two operands and an optional context. */
const twoWithContext = (_name: string, f: Binary): Method => (v: Dec, a, kw) => {
  const [other, context] = bind('', a, kw, ['other', 'context'], 1);
  const ctx = contextArg(context);
  const op = opIn(ctx);
  return done(op, f(op, v, operandOf(other)));
};

const predicate = (f: (d: Dec) => boolean): Method => (v: Dec) => f(v);

/** compare and compare_signal: -1, 0 or 1 as a Decimal, NaN for NaNs. */
function compareMethod(signal: boolean): Binary {
  return (op, a, b) => {
    if (a.isNaN() || b.isNaN()) {
      // compare_signal: a quiet NaN signals too
      if (signal) op.raise(S.InvalidOperation);
      return checkNaNs(op, a, b)!;
    }
    return fromInt(A.cmp(a, b));
  };
}

function copySign(a: Dec, b: Dec): Dec {
  return dec(b.sign, a.int, a.exp);
}

function logb(op: Op, d: Dec): Dec {
  const n = checkNaNs(op, d);
  if (n) return n;
  if (d.isInf()) return dec(0, '0', 'F');
  if (d.isZero()) {
    op.raise(S.DivisionByZero);
    return dec(1, '0', 'F');
  }
  return fix(fromInt(d.adjusted()), op);
}

function asTuple(d: Dec): Py {
  const digits = d.special && d.exp !== 'F' ? [...d.int].map(Number) : d.isInf() ? [0] : [...d.int].map(Number);
  payDigits(digits.length);
  const tupleType = DECIMAL_TUPLE.current();
  return callValue(tupleType, [d.sign, new PyTuple(digits), typeof d.exp === 'number' ? d.e : d.exp], null);
}

export const DECIMAL_TUPLE = new PerRun(() => callValue(namedtuple, ['DecimalTuple', 'sign digits exponent'], new Map([['module', 'decimal']])));

function asIntegerRatio(d: Dec): Py {
  if (d.isNaN()) throw valueErr('cannot convert NaN to integer ratio');
  if (d.isInf()) throw pyErr(OverflowError, 'cannot convert Infinity to integer ratio');
  let n = bigOf(d.int);
  // dec_as_integer_ratio: a zero of any exponent (1/Infinity's 0E-1000026) is (0, 1), without its power of ten
  if (n === 0n) return new PyTuple([0, 1]);
  let den = 1n;
  // the coefficient times its power of ten, or over it: each paid for (a coefficient may have a million digits)
  const digits = d.int.length + Math.max(d.e, 0);
  if (d.e >= 0) {
    const p = pow10(d.e);
    if (d.e >= 128) payMulDigits(d.int.length, d.e);
    n *= p;
  } else den = pow10(-d.e);
  // math.gcd's Euclid, paid as it goes (this one's was not: a huge coefficient over a huge power of ten held the worker)
  const g = BigInt(gcd(n, den));
  if (g !== 1n) {
    payDivDigits(digits, 1);
    payDivDigits(Math.max(-d.e, 0) + 1, 1);
    n /= g;
    den /= g;
  }
  return new PyTuple([norm(d.sign ? -n : n), norm(den)]);
}

function quantizeMethod(v: Dec, a: Py[], kw: Map<string, Py> | null): Py {
  const [exp, rounding, context] = bind('', a, kw, ['exp', 'rounding', 'context'], 1);
  const ctx = contextArg(context);
  const r = roundingArg(rounding, ctx);
  const op = opIn(ctx);
  return done(op, A.quantize(op, v, operandOf(exp), r));
}

function toIntegralMethod(_name: string, exact: boolean): Method {
  return (v: Dec, a, kw) => {
    const [rounding, context] = bind('', a, kw, ['rounding', 'context']);
    const ctx = contextArg(context);
    const op = opIn(ctx);
    return done(op, A.toIntegral(op, v, roundingArg(rounding, ctx), exact));
  };
}

function fmaMethod(v: Dec, a: Py[], kw: Map<string, Py> | null): Py {
  const [other, third, context] = bind('', a, kw, ['other', 'third', 'context'], 2);
  const op = opIn(contextArg(context));
  return done(op, A.fma(op, v, operandOf(other), operandOf(third)));
}

function formatMethod(v: Dec, a: Py[], kw: Map<string, Py> | null): Py {
  // the second argument, _localeconv's override in _pydecimal, is read by neither here
  const [spec] = bind('', a, kw, ['format_spec', 'override'], 1);
  if (typeof spec !== 'string') throw typeErr(`format() argument 1 must be str, not ${typeName(spec)}`);
  return formatDecimal(v, spec, getContext().c);
}

const sameQuantum = (a: Dec, b: Dec): boolean => (a.special || b.special ? (a.isNaN() && b.isNaN()) || (a.isInf() && b.isInf()) : a.e === b.e);

const METHODS = checkedMethods('Decimal', new Map<string, Method>([
  ['adjusted', (v: Dec) => v.adjusted()],
  ['as_tuple', (v: Dec) => asTuple(v)],
  ['as_integer_ratio', (v: Dec) => asIntegerRatio(v)],
  ['canonical', (v: Dec) => v],
  ['conjugate', (v: Dec) => v],
  ['copy_abs', (v: Dec) => dec(0, v.int, v.exp)],
  ['copy_negate', (v: Dec) => A.negate(v)],
  ['copy_sign', (v: Dec, a, kw) => {
    const [other, context] = bind('', a, kw, ['other', 'context'], 1);
    contextArg(context);
    return copySign(v, operandOf(other));
  }],
  ['compare', twoWithContext('compare', compareMethod(false))],
  ['compare_signal', twoWithContext('compare_signal', compareMethod(true))],
  ['compare_total', (v: Dec, a, kw) => {
    const [other, context] = bind('', a, kw, ['other', 'context'], 1);
    contextArg(context);
    return fromInt(A.compareTotal(v, operandOf(other)));
  }],
  ['compare_total_mag', (v: Dec, a, kw) => {
    const [other, context] = bind('', a, kw, ['other', 'context'], 1);
    contextArg(context);
    return fromInt(A.compareTotal(dec(0, v.int, v.exp), dec(0, operandOf(other).int, operandOf(other).exp)));
  }],
  ['exp', withContext('exp', T.exp)],
  ['ln', withContext('ln', T.ln)],
  ['log10', withContext('log10', T.log10)],
  ['logb', withContext('logb', logb)],
  ['sqrt', withContext('sqrt', A.sqrt)],
  ['normalize', withContext('normalize', A.normalize)],
  ['next_plus', withContext('next_plus', (op, d) => A.nextToward(op, d, 1))],
  ['next_minus', withContext('next_minus', (op, d) => A.nextToward(op, d, -1))],
  ['next_toward', twoWithContext('next_toward', (op, a, b) => {
    const n = checkNaNs(op, a, b);
    if (n) return n;
    const c = A.cmp(a, b);
    if (c === 0) return copySign(a, b);
    const ans = A.nextToward(op, a, c < 0 ? 1 : -1);
    if (ans.isInf()) op.raise(S.Overflow | S.Inexact | S.Rounded);
    else if (!ans.special && ans.adjusted() < op.ctx.Emin) {
      op.raise(S.Underflow | S.Subnormal | S.Inexact | S.Rounded);
      if (ans.isZero()) op.raise(S.Clamped);
    }
    return ans;
  })],
  ['fma', fmaMethod],
  ['is_canonical', () => true],
  ['is_finite', predicate((d) => !d.special)],
  ['is_infinite', predicate((d) => d.isInf())],
  ['is_nan', predicate((d) => d.isNaN())],
  ['is_qnan', predicate((d) => d.exp === 'n')],
  ['is_snan', predicate((d) => d.exp === 'N')],
  ['is_signed', predicate((d) => d.sign === 1)],
  ['is_zero', predicate((d) => d.isZero())],
  ['is_normal', (v: Dec, a, kw) => {
    const [context] = bind('', a, kw, ['context']);
    const ctx = contextArg(context);
    return !v.special && !v.isZero() && ctx.c.Emin <= v.adjusted();
  }],
  ['is_subnormal', (v: Dec, a, kw) => {
    const [context] = bind('', a, kw, ['context']);
    const ctx = contextArg(context);
    return !v.special && !v.isZero() && v.adjusted() < ctx.c.Emin;
  }],
  ['logical_and', twoWithContext('logical_and', (op, a, b) => A.logical(op, a, b, (x, y) => x & y))],
  ['logical_or', twoWithContext('logical_or', (op, a, b) => A.logical(op, a, b, (x, y) => x | y))],
  ['logical_xor', twoWithContext('logical_xor', (op, a, b) => A.logical(op, a, b, (x, y) => x ^ y))],
  ['logical_invert', withContext('logical_invert', (op, d) => A.logical(op, d, dec(0, '1'.repeat(op.prec), 0), (x, y) => x ^ y))],
  ['max', twoWithContext('max', (op, a, b) => A.maxMin(op, a, b, true, false))],
  ['min', twoWithContext('min', (op, a, b) => A.maxMin(op, a, b, false, false))],
  ['max_mag', twoWithContext('max_mag', (op, a, b) => A.maxMin(op, a, b, true, true))],
  ['min_mag', twoWithContext('min_mag', (op, a, b) => A.maxMin(op, a, b, false, true))],
  ['number_class', (v: Dec, a, kw) => {
    const [context] = bind('', a, kw, ['context']);
    return numberClass(v, opIn(contextArg(context)));
  }],
  ['quantize', quantizeMethod],
  ['radix', () => dec(0, '10', 0)],
  ['remainder_near', twoWithContext('remainder_near', A.remainderNear)],
  ['rotate', twoWithContext('rotate', A.rotate)],
  ['same_quantum', (v: Dec, a, kw) => {
    const [other, context] = bind('', a, kw, ['other', 'context'], 1);
    contextArg(context);
    return sameQuantum(v, operandOf(other));
  }],
  ['scaleb', twoWithContext('scaleb', A.scaleb)],
  ['shift', twoWithContext('shift', A.shift)],
  ['to_eng_string', (v: Dec, a, kw) => {
    const [context] = bind('', a, kw, ['context']);
    return toStr(v, true, contextArg(context).c.capitals);
  }],
  ['to_integral', toIntegralMethod('to_integral', false)],
  ['to_integral_value', toIntegralMethod('to_integral_value', false)],
  ['to_integral_exact', toIntegralMethod('to_integral_exact', true)],
  ['__format__', formatMethod],
  ['__round__', (v: Dec, a) => roundDecimal(v, a[0])],
  ['__floor__', (v: Dec) => floorCeil(v, 'ROUND_FLOOR')],
  ['__ceil__', (v: Dec) => floorCeil(v, 'ROUND_CEILING')],
  ['__trunc__', (v: Dec) => toInt(v)],
  ['__copy__', (v: Dec) => v],
  ['__deepcopy__', (v: Dec) => v],
  ['__reduce__', (v: Dec) => new PyTuple([DECIMAL_TYPE, new PyTuple([toStr(v)])])],
  // _decimal's dec_complex: the float, with its signaling-NaN refusal
  ['__complex__', (v: Dec) => new PyComplex(toFloat(v), 0)],
]), {
  adjusted: 'none', as_tuple: 'none', as_integer_ratio: 'none', canonical: 'none', conjugate: 'none', copy_abs: 'none', copy_negate: 'none', copy_sign: 'own',
  compare: 'own', compare_signal: 'own', compare_total: 'own', compare_total_mag: 'own', exp: 'own', ln: 'own', log10: 'own', logb: 'own', sqrt: 'own', normalize: 'own',
  next_plus: 'own', next_minus: 'own', next_toward: 'own', fma: 'own', is_canonical: 'none', is_finite: 'none', is_infinite: 'none', is_nan: 'none', is_qnan: 'none',
  is_snan: 'none', is_signed: 'none', is_zero: 'none', is_normal: 'own', is_subnormal: 'own', logical_and: 'own', logical_or: 'own', logical_xor: 'own',
  logical_invert: 'own', max: 'own', min: 'own', max_mag: 'own', min_mag: 'own', number_class: 'own', quantize: 'own', radix: 'none', remainder_near: 'own',
  rotate: 'own', same_quantum: 'own', scaleb: 'own', shift: 'own', to_eng_string: 'own', to_integral: 'own', to_integral_value: 'own', to_integral_exact: 'own',
  __format__: 'own', __round__: ['parse', 0, 1], __floor__: 'none', __ceil__: 'none', __trunc__: 'none', __copy__: 'none', __deepcopy__: 'one', __reduce__: 'none', __complex__: 'none',
});

function floorCeil(d: Dec, rounding: Rounding): Int {
  return toInt(d.special ? d : rescale(d, 0, rounding));
}

const pow = (a: Py, b: Py): Py => {
  const x = operand(a);
  const y = operand(b);
  if (x === undefined || y === undefined) return NOT_IMPLEMENTED;
  const op = opIn();
  return done(op, power(op, x, y));
};

/** str(d): a str the condition holds, within the size limit. */
function shown(d: Dec): string {
  // the digits, a point, a few zeros or an exponent
  if (d.int.length > 1_000) allocStr(d.int.length + 30);
  return toStr(d, false, getContext().c.capitals);
}

export const DECIMAL: PyTypeSlots<Dec> = {
  name: () => 'decimal.Decimal',
  type: DECIMAL_TYPE,
  truthy: (v) => v.special || v.int !== '0',
  len: null,
  iter: null,
  repr: (v) => `Decimal('${shown(v)}')`,
  str: (v) => shown(v),
  hash: hashDecimal,
  key: keyOf,
  eq: (a, b) => eqSlot(a, b),
  compare: (a, b) => compareSlot(a, b),
  format: (v, spec) => formatDecimal(v, spec, getContext().c),
  nb: {
    add: binary(A.add),
    subtract: binary(A.sub),
    multiply: binary(A.mul),
    truediv: binary(A.truediv),
    floordiv: binary(A.floordiv),
    remainder: binary(A.mod),
    divmod: divmodSlot,
    power: pow,
  },
  unary: { negative: unaryIn(minus), positive: unaryIn(plus), absolute: unaryIn(absolute) },
  // from_float, a class method, read through an instance is bound to the class
  getattr: (v, name) => (name === 'real' ? v : name === 'imag' ? dec(0, '0', 0) : name === 'from_float' ? DECIMAL_TYPE.attrs.get(name) : undefined),
  methods: METHODS,
  // nb_int and nb_float, slot wrappers (`Decimal.__int__`, decimal/dunders.ts) where the protocols ask them
  baseMethods: new Map<string, Method>([
    ['__int__', (v: Dec) => toInt(v)],
    ['__float__', (v: Dec) => new PyFloat(toFloat(v))],
  ]),
};

registerType(Dec, DECIMAL);
registerTypeObject('decimal.Decimal', DECIMAL);
