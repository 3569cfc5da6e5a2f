/** decimal.Context and its SignalDicts as Python types: the fields, their checks, and the arithmetic methods in the context. */
import { bind } from '../../args.js';
import { checkedMethods } from '../../arity.js';
import { typeErr } from '../../exceptions.js';
import { truthy } from '../../ops.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../../types/protocol.js';
import { registerType, registerTypeObject } from '../../types/table.js';
import { PyDict, PyTuple, type Py } from '../../values.js';
import { PyClassType } from '../class-type.js';
import * as A from './arith.js';
import { contextRepr, copyCtx, done, newCtx, opIn, PyContext, setField, signalKey, signalListBits, SignalDict } from './context.js';
import { construct, createDecimal, operandOf } from './convert.js';
import { absolute, DECIMAL, fromFloatArg, minus, numberClass, plus } from './decimal-type.js';
import { Dec, fix, Op, toStr } from './number.js';
import { power, powerModulo } from './power.js';
import { SIGNALS } from './signals.js';
import * as T from './transcend.js';

const FIELDS = ['prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'] as const;

export const CONTEXT_TYPE = new PyClassType('decimal.Context', (a, kw) => {
  const values = bind('', a, kw, [...FIELDS]);
  const ctx = new PyContext(newCtx());
  // an absent field keeps DefaultContext's, flags none
  ctx.c.flags = 0;
  FIELDS.forEach((name, i) => {
    const v = values[i];
    if (v === undefined || v === null) return;
    if (name === 'flags' || name === 'traps') {
      const items = Array.isArray(v) ? v : v instanceof PyTuple ? v.items : null;
      ctx.c[name] = signalListBits(v, items);
    } else setField(ctx, name, v);
  });
  return ctx;
});

type Unary = (op: Op, a: Dec) => Dec;
type Binary = (op: Op, a: Dec, b: Dec) => Dec;

/** PyArg_ParseTuple without a name, as _decimal's context methods of several arguments read them. */
const nameless = (name: string, n: number, f: Method): Method => (ctx: PyContext, a, kw) => {
  if (kw !== null && kw.size > 0) throw typeErr(`${name}() takes no keyword arguments`);
  if (a.length !== n) throw typeErr(`function takes exactly ${n} arguments (${a.length} given)`);
  return f(ctx, a, null);
};

const unary = (f: Unary): Method => (ctx: PyContext, a) => {
  const op = opIn(ctx);
  return done(op, f(op, operandOf(a[0])));
};
const binary = (f: Binary): Method => (ctx: PyContext, a) => {
  const op = opIn(ctx);
  return done(op, f(op, operandOf(a[0]), operandOf(a[1])));
};
const decimalMethod = (name: string, extra: Py[] = []): Method => (ctx: PyContext, a) => {
  const m = DECIMAL.methods!.get(name)!;
  return m(operandOf(a[0]), [...a.slice(1), ...extra], new Map([['context', ctx]]));
};

const RAW_METHODS = new Map<string, Method>([
  ['Etiny', (ctx: PyContext) => ctx.c.Emin - ctx.c.prec + 1],
  ['Etop', (ctx: PyContext) => ctx.c.Emax - ctx.c.prec + 1],
  ['copy', (ctx: PyContext) => new PyContext(copyCtx(ctx.c))],
  ['__copy__', (ctx: PyContext) => new PyContext(copyCtx(ctx.c))],
  ['clear_flags', (ctx: PyContext) => ((ctx.c.flags = 0), null)],
  ['clear_traps', (ctx: PyContext) => ((ctx.c.traps = 0), null)],
  ['radix', () => construct(opIn(), 10)],
  ['create_decimal', (ctx: PyContext, a, kw) => {
    const [num] = bind('', a, kw, ['num']);
    const op = opIn(ctx);
    return done(op, createDecimal(op, num));
  }],
  ['create_decimal_from_float', (ctx: PyContext, a) => {
    const op = opIn(ctx);
    return done(op, fix(fromFloatArg(a[0]), op));
  }],
  ['abs', unary(absolute)],
  ['plus', unary(plus)],
  ['minus', unary(minus)],
  ['add', binary(A.add)],
  ['subtract', binary(A.sub)],
  ['multiply', binary(A.mul)],
  ['divide', binary(A.truediv)],
  ['divide_int', binary(A.floordiv)],
  ['remainder', binary(A.mod)],
  ['remainder_near', binary(A.remainderNear)],
  ['divmod', (ctx: PyContext, a) => {
    const op = opIn(ctx);
    return done(op, new PyTuple(A.divmod(op, operandOf(a[0]), operandOf(a[1]))));
  }],
  ['power', (ctx: PyContext, a, kw) => {
    const [x, y, modulo] = bind('', a, kw, ['a', 'b', 'modulo'], 2);
    const op = opIn(ctx);
    if (modulo !== undefined && modulo !== null) return done(op, powerModulo(op, operandOf(x), operandOf(y), operandOf(modulo)));
    return done(op, power(op, operandOf(x), operandOf(y)));
  }],
  ['fma', (ctx: PyContext, a) => {
    const op = opIn(ctx);
    return done(op, A.fma(op, operandOf(a[0]), operandOf(a[1]), operandOf(a[2])));
  }],
  ['sqrt', unary(A.sqrt)],
  ['exp', unary(T.exp)],
  ['ln', unary(T.ln)],
  ['log10', unary(T.log10)],
  ['normalize', unary(A.normalize)],
  ['quantize', (ctx: PyContext, a) => {
    const op = opIn(ctx);
    return done(op, A.quantize(op, operandOf(a[0]), operandOf(a[1]), ctx.c.rounding));
  }],
  ['to_integral', unary((op, d) => A.toIntegral(op, d, op.ctx.rounding, false))],
  ['to_integral_value', unary((op, d) => A.toIntegral(op, d, op.ctx.rounding, false))],
  ['to_integral_exact', unary((op, d) => A.toIntegral(op, d, op.ctx.rounding, true))],
  ['to_sci_string', (ctx: PyContext, a) => toStr(operandOf(a[0]), false, ctx.c.capitals)],
  ['to_eng_string', (ctx: PyContext, a) => toStr(operandOf(a[0]), true, ctx.c.capitals)],
  ['max', binary((op, x, y) => A.maxMin(op, x, y, true, false))],
  ['min', binary((op, x, y) => A.maxMin(op, x, y, false, false))],
  ['max_mag', binary((op, x, y) => A.maxMin(op, x, y, true, true))],
  ['min_mag', binary((op, x, y) => A.maxMin(op, x, y, false, true))],
  ['compare', decimalMethod('compare')],
  ['compare_signal', decimalMethod('compare_signal')],
  ['compare_total', (_ctx: PyContext, a) => DECIMAL.methods!.get('compare_total')!(operandOf(a[0]), [a[1]], null)],
  ['compare_total_mag', (_ctx: PyContext, a) => DECIMAL.methods!.get('compare_total_mag')!(operandOf(a[0]), [a[1]], null)],
  ['copy_abs', (_ctx: PyContext, a) => DECIMAL.methods!.get('copy_abs')!(operandOf(a[0]), [], null)],
  ['copy_negate', (_ctx: PyContext, a) => A.negate(operandOf(a[0]))],
  ['copy_decimal', (_ctx: PyContext, a) => operandOf(a[0])],
  ['copy_sign', (_ctx: PyContext, a) => DECIMAL.methods!.get('copy_sign')!(operandOf(a[0]), [a[1]], null)],
  ['is_canonical', (_ctx: PyContext, a) => {
    if (!(a[0] instanceof Dec)) throw typeErr('argument must be a Decimal');
    return true;
  }],
  // ctx_canonical: a Decimal as it is, and PyDec_Check's error for anything else (no int converted)
  ['canonical', (_ctx: PyContext, a) => {
    if (!(a[0] instanceof Dec)) throw typeErr('argument must be a Decimal');
    return a[0];
  }],
  ...['is_finite', 'is_infinite', 'is_nan', 'is_qnan', 'is_snan', 'is_signed', 'is_zero'].map((name): [string, Method] => [name, (_ctx: PyContext, a) => DECIMAL.methods!.get(name)!(operandOf(a[0]), [], null)]),
  ['is_normal', decimalMethod('is_normal')],
  ['is_subnormal', decimalMethod('is_subnormal')],
  ['logb', decimalMethod('logb')],
  ['logical_and', decimalMethod('logical_and')],
  ['logical_or', decimalMethod('logical_or')],
  ['logical_xor', decimalMethod('logical_xor')],
  ['logical_invert', decimalMethod('logical_invert')],
  ['next_plus', decimalMethod('next_plus')],
  ['next_minus', decimalMethod('next_minus')],
  ['next_toward', decimalMethod('next_toward')],
  ['number_class', (ctx: PyContext, a) => numberClass(operandOf(a[0]), opIn(ctx))],
  ['rotate', binary(A.rotate)],
  ['shift', binary(A.shift)],
  ['scaleb', binary(A.scaleb)],
  ['same_quantum', (_ctx: PyContext, a) => DECIMAL.methods!.get('same_quantum')!(operandOf(a[0]), [a[1]], null)],
]);

/** The methods of two or three operands, PyArg_ParseTuple's. */
const NAMELESS: Record<string, number> = { add: 2, subtract: 2, multiply: 2, divide: 2, divide_int: 2, remainder: 2, remainder_near: 2, divmod: 2, fma: 3, quantize: 2, max: 2, min: 2, max_mag: 2, min_mag: 2, compare: 2, compare_signal: 2, compare_total: 2, compare_total_mag: 2, copy_sign: 2, logical_and: 2, logical_or: 2, logical_xor: 2, next_toward: 2, rotate: 2, shift: 2, scaleb: 2, same_quantum: 2 };
for (const [name, n] of Object.entries(NAMELESS)) RAW_METHODS.set(name, nameless(name, n, RAW_METHODS.get(name)!));

const METHODS = checkedMethods('Context', RAW_METHODS, {
  Etiny: 'none', Etop: 'none', copy: 'none', __copy__: 'none', clear_flags: 'none', clear_traps: 'none', radix: 'none', create_decimal: 'own', create_decimal_from_float: 'one',
  abs: 'one', plus: 'one', minus: 'one', add: 'own', subtract: 'own', multiply: 'own', divide: 'own', divide_int: 'own',
  remainder: 'own', remainder_near: 'own', divmod: 'own', power: 'own', fma: 'own', sqrt: 'one', exp: 'one', ln: 'one', log10: 'one',
  normalize: 'one', quantize: 'own', to_integral: 'one', to_integral_value: 'one', to_integral_exact: 'one', to_sci_string: 'one', to_eng_string: 'one',
  max: 'own', min: 'own', max_mag: 'own', min_mag: 'own', compare: 'own', compare_signal: 'own',
  compare_total: 'own', compare_total_mag: 'own', copy_abs: 'one', copy_negate: 'one', copy_decimal: 'one', copy_sign: 'own', is_canonical: 'one', canonical: 'one',
  is_finite: 'one', is_infinite: 'one', is_nan: 'one', is_qnan: 'one', is_snan: 'one', is_signed: 'one', is_zero: 'one', is_normal: 'one', is_subnormal: 'one', logb: 'one',
  logical_and: 'own', logical_or: 'own', logical_xor: 'own', logical_invert: 'one', next_plus: 'one', next_minus: 'one',
  next_toward: 'own', number_class: 'one', rotate: 'own', shift: 'own', scaleb: 'own', same_quantum: 'own',
});

export const CONTEXT: PyTypeSlots<PyContext> = {
  name: () => 'decimal.Context',
  type: CONTEXT_TYPE,
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => contextRepr(v.c),
  getattr: (v, name) => {
    switch (name) {
      case 'prec':
      case 'Emin':
      case 'Emax':
      case 'capitals':
      case 'clamp':
        return v.c[name];
      case 'rounding':
        return v.c.rounding;
      case 'flags':
      case 'traps':
        return v.view(name);
    }
    return undefined;
  },
  setattr: (v, name, value) => setField(v, name, value),
  methods: METHODS,
};
registerType(PyContext, CONTEXT);
// Context.sqrt and the rest read on the class: method_descriptors, as _decimal's
registerTypeObject('decimal.Context', CONTEXT);

const SIGNAL_DICT: PyTypeSlots<SignalDict> = {
  name: () => 'SignalDict',
  truthy: () => true,
  len: () => SIGNALS.length,
  iter: () => SIGNALS.map(([t]) => t as Py),
  repr: (v) => `{${SIGNALS.map(([t, b]) => `<class 'decimal.${t.name}'>:${(v.bits & b) !== 0 ? 'True' : 'False'}`).join(', ')}}`,
  hash: null,
  eq: (a, b) => (b instanceof SignalDict ? (a.bits === b.bits) : NOT_IMPLEMENTED),
  getitem: (v, key) => (v.bits & signalKey(key)) !== 0,
  setitem: (v, key, value) => {
    const b = signalKey(key);
    v.bits = truthy(value) ? v.bits | b : v.bits & ~b;
  },
  delitem: () => {
    throw typeErr('signal keys cannot be deleted');
  },
  contains: (_v, item) => SIGNALS.some(([t]) => t === item),
  methods: checkedMethods('SignalDict', new Map<string, Method>([
    ['keys', () => SIGNALS.map(([t]) => t as Py)],
    ['values', (v: SignalDict) => SIGNALS.map(([, b]) => (v.bits & b) !== 0)],
    ['items', (v: SignalDict) => SIGNALS.map(([t, b]) => new PyTuple([t, (v.bits & b) !== 0]))],
    // a plain dict of each signal's value
    ['copy', (v: SignalDict) => {
      const d = new PyDict();
      for (const [t, b] of SIGNALS) d.set(t, (v.bits & b) !== 0);
      return d;
    }],
  ]), { keys: 'none', values: 'none', items: 'none', copy: 'none' }),
};
registerType(SignalDict, SIGNAL_DICT);


