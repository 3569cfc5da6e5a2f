/**
 * The fractions module a condition imports: Fraction as CPython 3.11's Lib/fractions.py has it
 * (its algorithms, its words), over the int kernel, which pays for every digit it makes.
 */
import { SPACES } from '../py-space.js';
import { bindArgs, Signature } from '../signature.js';
import { checkedMethods } from '../arity.js';
import { allocStr, tick, work } from '../budget.js';
import { BUILTINS } from '../builtins.js';
import { callValue } from '../call.js';
import { getattr } from '../attributes.js';
import { pos } from '../arith.js';
import { PyProperty } from '../descriptors.js';
import { pyDef } from './python-def.js';
import { noteDefinedIn } from '../method-attributes.js';
import { AttributeError, fatalErr, OverflowError, pyErr, typeErr, UnsupportedError, valueErr, ZeroDivisionError } from '../exceptions.js';
import * as int from '../int/index.js';
import type { Int } from '../int/index.js';
import { intOf } from '../numbers.js';
import * as ops from '../ops.js';
import { repr } from '../repr.js';
import { strRepr } from '../str-repr.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../types/protocol.js';
import { protocolMethod, registerType, registerTypeObject, typeOf } from '../types/table.js';
import { NOT_IMPLEMENTED_VALUE } from '../class-operators.js';
import { answer, ORDER } from '../slot-dunder-calls.js';
import { PyComplex, PyException, PyFloat, PyFunc, PyModule, PyStrBox, PyTuple, PyType, typeName, type Py } from '../values.js';
import { assignName, noteDescriptor } from '../def-names.js';
import { PyClassType } from './class-type.js';
import { COMPLEX, NUMBER, RATIONAL, REAL } from './numbers.js';
import { DECIMAL, DECIMAL_TYPE } from './decimal/decimal-type.js';
import { Dec } from './decimal/number.js';
import { floatRatio } from './fraction.js';
import { DECIMAL_DIGIT } from '../unicode-14.js';

/** A Fraction: n/d in lowest terms, d > 0 (as every Fraction a condition can make is). */
export class Frac {
  constructor(readonly n: Int, readonly d: Int) {}
}

const isZero = (n: Int): boolean => n === 0 || n === 0n;
const isOne = (n: Int): boolean => n === 1 || n === 1n;
const neg = (n: Int): boolean => int.sign(n) < 0;

/** Fraction(n, d, _normalize=...): ZeroDivisionError('Fraction(n, 0)') for d == 0. */
function make(n: Int, d: Int, normalize = true): Frac {
  if (isZero(d)) throw pyErr(ZeroDivisionError, `Fraction(${int.toDecimal(n)}, 0)`);
  if (normalize) {
    let g = int.gcd(n, d);
    if (neg(d)) g = int.neg(g);
    if (!isOne(g)) {
      n = int.floordiv(n, g);
      d = int.floordiv(d, g);
    }
  }
  return new Frac(n, d);
}

/** numerator and denominator of a numbers.Rational: a Fraction, an int, a bool, an int subclass's instance. */
function rational(v: Py): [Int, Int] | undefined {
  if (v instanceof Frac) return [v.n, v.d];
  const n = intOf(v);
  return n === undefined ? undefined : [n, 1];
}

// ---------------------------------------------------------------- construction

const UNICODE_SPACE = new RegExp(`[${SPACES}]`);
const DIGIT = new RegExp(DECIMAL_DIGIT, 'u');
const isSpace = (c: string | undefined): boolean => c !== undefined && UNICODE_SPACE.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && DIGIT.test(c);

/** `\d+(_\d+)*` from i: its end, or i where there is no digit. */
function digitsAt(c: string[], i: number): number {
  if (!isDigit(c[i])) return i;
  let j = i;
  for (;;) {
    while (isDigit(c[j])) j++;
    if (c[j] === '_' && isDigit(c[j + 1])) j++;
    else return j;
  }
}

/** `\s*\Z` from i. */
function endsAt(c: string[], i: number): boolean {
  while (isSpace(c[i])) i++;
  return i === c.length;
}

/** `(?:E(?P<exp>[-+]?\d+(_\d+)*))?\s*\Z` from i: the exponent's text ('' for none), or undefined for no match. */
function expAt(c: string[], i: number): string | undefined {
  if (c[i] === 'e' || c[i] === 'E') {
    let j = i + 1;
    if (c[j] === '+' || c[j] === '-') j++;
    const end = digitsAt(c, j);
    if (end === j || !endsAt(c, end)) return undefined;
    return c.slice(i + 1, end).join('');
  }
  return endsAt(c, i) ? '' : undefined;
}

/** _RATIONAL_FORMAT.match(s), then the arithmetic of Fraction.__new__ on its groups. */
function parse(s: string): Frac {
  work(s.length);
  const bad = () => {
    allocStr(s.length + 32);
    return valueErr(`Invalid literal for Fraction: ${strRepr(s)}`);
  };
  const c = Array.from(s);
  let i = 0;
  while (isSpace(c[i])) i++;
  const sign = c[i] === '-' || c[i] === '+' ? c[i++] : '';
  if (!(isDigit(c[i]) || (c[i] === '.' && isDigit(c[i + 1])))) throw bad();
  const numEnd = digitsAt(c, i);
  const num = c.slice(i, numEnd).join('');
  let denom = '';
  let decimal = '';
  let exp = '';
  let j = numEnd;
  if (c[j] === '/') {
    const end = digitsAt(c, j + 1);
    if (end === j + 1 || !endsAt(c, end)) throw bad();
    denom = c.slice(j + 1, end).join('');
  } else if (c[j] === '.') {
    // (?P<decimal>d*|\d+(_\d+)*), IGNORECASE: a run of d's is tried first
    let k = j + 1;
    while (c[k] === 'd' || c[k] === 'D') k++;
    let e = expAt(c, k);
    if (e !== undefined) decimal = c.slice(j + 1, k).join('');
    else {
      k = digitsAt(c, j + 1);
      e = k === j + 1 ? undefined : expAt(c, k);
      if (e === undefined) throw bad();
      decimal = c.slice(j + 1, k).join('');
    }
    exp = e;
  } else {
    const e = expAt(c, j);
    if (e === undefined) throw bad();
    exp = e;
  }
  let numerator = int.parseInt(num === '' ? '0' : num, 10);
  let denominator: Int = 1;
  if (denom !== '') denominator = int.parseInt(denom, 10);
  else {
    if (decimal !== '') {
      const digits = decimal.replace(/_/g, '');
      const scale = int.pow(10, Array.from(digits).length) as Int;
      numerator = int.add(int.mul(numerator, scale), int.parseInt(digits, 10));
      denominator = int.mul(denominator, scale);
    }
    if (exp !== '') {
      const e = int.parseInt(exp, 10);
      if (!neg(e)) numerator = int.mul(numerator, int.pow(10, e) as Int);
      else denominator = int.mul(denominator, int.pow(10, int.neg(e)) as Int);
    }
  }
  if (sign === '-') numerator = int.neg(numerator);
  return make(numerator, denominator);
}

/** float.as_integer_ratio(), with its errors. */
function floatPair(x: number): [Int, Int] {
  if (x !== x) throw valueErr('cannot convert NaN to integer ratio');
  if (!Number.isFinite(x)) throw pyErr(OverflowError, 'cannot convert Infinity to integer ratio');
  const r = floatRatio(x);
  return [int.norm(r.n), int.norm(r.d)];
}

/** Decimal.as_integer_ratio(), with its errors. */
function decimalPair(d: Dec): [Int, Int] {
  const t = DECIMAL.methods!.get('as_integer_ratio')!(d, [], null) as PyTuple;
  return [t.items[0] as Int, t.items[1] as Int];
}

function construct(numerator: Py, denominator: Py): Frac {
  if (denominator === undefined || denominator === null) {
    const r = rational(numerator);
    if (r !== undefined) return new Frac(r[0], r[1]);
    if (numerator instanceof PyFloat) return new Frac(...floatPair(numerator.v));
    if (numerator instanceof Dec) return new Frac(...decimalPair(numerator));
    if (typeof numerator === 'string') return parse(numerator);
    if (numerator instanceof PyStrBox) return parse(numerator.value);
    throw typeErr('argument should be a string or a Rational instance');
  }
  const a = rational(numerator ?? 0);
  const b = rational(denominator);
  if (numerator === null || a === undefined || b === undefined) throw typeErr('both arguments should be Rational instances');
  return make(int.mul(a[0], b[1]), int.mul(b[0], a[1]));
}

/** A function of fractions.py's, bound as ceval binds it (its receiver counted): 'Fraction.limit_denominator() takes from 1 to 2 positional arguments but 3 were given'. */
function pySignature(qualname: string, params: string[], defaults: Py[]): (self: Py, a: Py[], kw: Map<string, Py> | null) => Py[] {
  const signature = new Signature(qualname, params.map((name) => ({ name, star: name === '' ? ('*' as const) : ('' as const) })), 'python');
  return (self, a, kw) => bindArgs(signature, [self, ...a], kw, defaults).filter((_, i) => params[i] !== '').slice(1);
}

const NEW = pySignature('Fraction.__new__', ['cls', 'numerator', 'denominator', '', '_normalize'], [undefined, 0, null, undefined, true]);

// `class Fraction(numbers.Rational)`: numbers' own class its base
export const FRACTION_TYPE = new PyClassType('fractions.Fraction', (a, kw) => {
  const [numerator, denominator, normalize] = NEW(FRACTION_TYPE, a, kw);
  if (!ops.truthy(normalize)) throw fatalErr(UnsupportedError, 'Fraction(..., _normalize=False) is not supported by the evaluator');
  return construct(numerator, denominator);
}, RATIONAL);

function fromFloat(f: Py): Frac {
  const n = intOf(f);
  if (n !== undefined) return new Frac(n, 1);
  if (!(f instanceof PyFloat)) throw typeErr(`Fraction.from_float() only takes floats, not ${repr(f)} (${typeName(f)})`);
  return make(...floatPair(f.v));
}

function fromDecimal(d: Py): Frac {
  const n = intOf(d);
  if (n !== undefined) return new Frac(n, 1);
  if (!(d instanceof Dec)) throw typeErr(`Fraction.from_decimal() only takes Decimals, not ${repr(d)} (${typeName(d)})`);
  return make(...decimalPair(d));
}

const FROM_FLOAT = pySignature('Fraction.from_float', ['cls', 'f'], [undefined, undefined]);
const FROM_DECIMAL = pySignature('Fraction.from_decimal', ['cls', 'dec'], [undefined, undefined]);
FRACTION_TYPE.attrs.set('from_float', noteDescriptor(new PyFunc('from_float', (a, kw) => fromFloat(FROM_FLOAT(FRACTION_TYPE, a, kw)[0])), 'Fraction.from_float'));
FRACTION_TYPE.attrs.set('from_decimal', noteDescriptor(new PyFunc('from_decimal', (a, kw) => fromDecimal(FROM_DECIMAL(FRACTION_TYPE, a, kw)[0])), 'Fraction.from_decimal'));

// ---------------------------------------------------------------- the rational algorithms (Knuth, as fractions.py has them)

type Pair = [Int, Int];

function addSub([na, da]: Pair, [nb, db]: Pair, minus: boolean): Frac {
  const op = minus ? int.sub : int.add;
  const g = int.gcd(da, db);
  if (isOne(g)) return make(op(int.mul(na, db), int.mul(da, nb)), int.mul(da, db), false);
  const s = int.floordiv(da, g);
  const t = op(int.mul(na, int.floordiv(db, g)), int.mul(nb, s));
  const g2 = int.gcd(t, g);
  if (isOne(g2)) return make(t, int.mul(s, db), false);
  return make(int.floordiv(t, g2), int.mul(s, int.floordiv(db, g2)), false);
}

/** a + b of two Fractions (statistics' sums). */
export const addFrac = (a: Frac, b: Frac): Frac => addSub([a.n, a.d], [b.n, b.d], false);

/** a and b divided by their gcd where it is above 1, as fractions.py's _mul and _div reduce before they multiply. */
function cancel(a: Int, b: Int): [Int, Int] {
  const g = int.gcd(a, b);
  return int.compare(g, 1) > 0 ? [int.floordiv(a, g), int.floordiv(b, g)] : [a, b];
}

function mulPairs([na, da]: Pair, [nb, db]: Pair): Frac {
  [na, db] = cancel(na, db);
  [nb, da] = cancel(nb, da);
  return make(int.mul(na, nb), int.mul(db, da), false);
}

function divPairs([na, da]: Pair, [nb, db]: Pair): Frac {
  [na, nb] = cancel(na, nb);
  [db, da] = cancel(db, da);
  let n = int.mul(na, db);
  let d = int.mul(nb, da);
  if (neg(d)) [n, d] = [int.neg(n), int.neg(d)];
  return make(n, d, false);
}

const floordivPairs = ([na, da]: Pair, [nb, db]: Pair): Py => int.floordiv(int.mul(na, db), int.mul(da, nb));

function divmodPairs([na, da]: Pair, [nb, db]: Pair): Py {
  const [div, nMod] = int.divmod(int.mul(na, db), int.mul(da, nb));
  return new PyTuple([div, make(nMod, int.mul(da, db))]);
}

const modPairs = ([na, da]: Pair, [nb, db]: Pair): Py => make(int.mod(int.mul(na, db), int.mul(nb, da)), int.mul(da, db));

// ---------------------------------------------------------------- conversions

/** float(f): numbers.Rational.__float__, int(numerator) / int(denominator), correctly rounded. */
const toFloat = (f: Frac): number => int.truediv(f.n, f.d);

/** float(a) as fractions.py calls it: a subclass's own __float__ is heard (F(1, 3) + 0.5 is its float plus 0.5). */
const floatOf = (f: Frac): PyFloat => (f.constructor === Frac ? new PyFloat(toFloat(f)) : (callValue(BUILTINS.get('float')!, [f], null) as PyFloat));
/** complex(a): a subclass's own __complex__, else numbers.Real's, complex(float(a)). */
const complexOf = (f: Frac): Py => (f.constructor === Frac ? new PyComplex(toFloat(f), 0) : callValue(BUILTINS.get('complex')!, [f], null));

function truncOf(f: Frac): Int {
  return neg(f.n) ? int.neg(int.floordiv(int.neg(f.n), f.d)) : int.floordiv(f.n, f.d);
}

function roundHalfEven(n: Int, d: Int): Int {
  const [floor, remainder] = int.divmod(n, d);
  const c = int.compare(int.mul(remainder, 2), d);
  if (c < 0) return floor;
  if (c > 0) return int.add(floor, 1);
  return isZero(int.mod(floor, 2)) ? floor : int.add(floor, 1);
}

function roundFrac(f: Frac, nd: Py): Py {
  if (nd === undefined || nd === null) return roundHalfEven(f.n, f.d);
  const n = intOf(nd);
  if (n === undefined) return roundByAny(f, nd);
  const shift = int.pow(10, int.abs(n)) as Int;
  if (int.sign(n) > 0) {
    const r = mulPairs([f.n, f.d], [shift, 1]);
    return make(roundHalfEven(r.n, r.d), shift);
  }
  const r = divPairs([f.n, f.d], [shift, 1]);
  return new Frac(int.mul(roundHalfEven(r.n, r.d), shift), 1);
}

/** round(f, ndigits) of an ndigits that is no int, as __round__'s Python takes it: 10**abs(ndigits), then its arithmetic. */
function roundByAny(f: Frac, nd: Py): Py {
  const builtin = (name: string, x: Py): Py => callValue(BUILTINS.get(name)!, [x], null);
  const round = (x: Py): Py => builtin('round', x);
  const shift = ops.pow(10, builtin('abs', nd));
  if (ops.gt(nd, 0)) return construct(round(ops.mul(f, shift)), shift);
  return construct(ops.mul(round(ops.truediv(f, shift)), shift), undefined);
}

// ---------------------------------------------------------------- operators

type Mono = (a: Pair, b: Pair) => Py;

/** _operator_fallbacks: forward (a Fraction first) and reverse (a Fraction second) in one slot. */
const binary = (mono: Mono, fallback: (a: Py, b: Py) => Py) => (a: Py, b: Py): Py => {
  if (a instanceof Frac) {
    const rb = rational(b);
    if (rb !== undefined) return mono([a.n, a.d], rb);
    if (b instanceof PyFloat) return fallback(floatOf(a), b);
    if (b instanceof PyComplex) return fallback(complexOf(a), b);
    return NOT_IMPLEMENTED;
  }
  const f = b as Frac;
  const ra = rational(a);
  if (ra !== undefined) return mono(ra, [f.n, f.d]);
  if (a instanceof PyFloat) return fallback(new PyFloat(a.v), floatOf(f));
  if (a instanceof PyComplex) return fallback(new PyComplex(a.re, a.im), complexOf(f));
  return NOT_IMPLEMENTED;
};

const divmodOf = (a: Py, b: Py): Py => callValue(BUILTINS.get('divmod')!, [a, b], null);

/** The operators' slots, which `__add__` and `__radd__` (each dunder and its reflection) call too. */
const NB = {
  add: binary((a, b) => addSub(a, b, false), ops.add),
  subtract: binary((a, b) => addSub(a, b, true), ops.sub),
  multiply: binary(mulPairs, ops.mul),
  truediv: binary(divPairs, ops.truediv),
  floordiv: binary(floordivPairs, ops.floordiv),
  remainder: binary(modPairs, ops.mod),
  divmod: binary(divmodPairs, divmodOf),
};

/** Fraction ** b, as __pow__: never NotImplemented. */
function powFrac(a: Frac, b: Py): Py {
  const rb = rational(b);
  if (rb !== undefined) {
    if (isOne(rb[1])) {
      const power = rb[0];
      if (!neg(power)) return make(int.pow(a.n, power) as Int, int.pow(a.d, power) as Int, false);
      const p = int.neg(power);
      if (!neg(a.n)) return make(int.pow(a.d, p) as Int, int.pow(a.n, p) as Int, false);
      return make(int.pow(int.neg(a.d), p) as Int, int.pow(int.neg(a.n), p) as Int, false);
    }
    return ops.pow(floatOf(a), floatOf(b as Frac));
  }
  return ops.pow(floatOf(a), b);
}

/** a ** Fraction, as __rpow__. */
function rpowFrac(b: Frac, a: Py): Py {
  if (isOne(b.d) && !neg(b.n)) return ops.pow(a, b.n);
  const ra = rational(a);
  if (ra !== undefined) return powFrac(new Frac(ra[0], ra[1]), b);
  if (isOne(b.d)) return ops.pow(a, b.n);
  return ops.pow(a, floatOf(b));
}

const powSlot = (a: Py, b: Py): Py => (a instanceof Frac ? powFrac(a, b) : rpowFrac(b as Frac, a));

// ---------------------------------------------------------------- comparisons

const pow10 = (e: number | bigint): Int => int.pow(10, typeof e === 'number' ? e : int.norm(e)) as Int;

/** Three-way comparison of f with a finite Decimal, exactly. */
function compareDecimal(f: Frac, d: Dec): number {
  if (d.isInf()) return d.sign ? 1 : -1;
  // d = ±int * 10**e
  let m: Int = int.parseInt(d.int, 10);
  if (d.sign) m = int.neg(m);
  if (d.e >= 0) return int.compare(f.n, int.mul(int.mul(m, pow10(d.e)), f.d));
  return int.compare(int.mul(f.n, pow10(-d.e)), int.mul(m, f.d));
}

/** Three-way comparison of f with a finite float, exactly. */
function compareFloat(f: Frac, x: number): number {
  const [n, d] = floatPair(x);
  return int.compare(int.mul(f.n, d), int.mul(f.d, n));
}

function eqSlot(a: Frac, b: Py): boolean | typeof NOT_IMPLEMENTED {
  const rb = rational(b);
  if (rb !== undefined) return int.eq(a.n, rb[0]) && int.eq(a.d, rb[1]);
  let x: number | undefined;
  if (b instanceof PyComplex && b.im === 0) x = b.re;
  else if (b instanceof PyFloat) x = b.v;
  if (x !== undefined) return Number.isFinite(x) ? compareFloat(a, x) === 0 : false;
  // Decimal's richcompare takes a Rational exactly (_decimal's convert_op_cmp)
  if (b instanceof Dec) return b.isNaN() ? decimalNaN(b, true) : compareDecimal(a, b) === 0;
  return NOT_IMPLEMENTED;
}

/** A Decimal NaN met by == (False; a signaling one signals) or an ordering (InvalidOperation): Decimal's own words. */
function decimalNaN(d: Dec, equality: boolean): boolean {
  if (!equality || d.exp === 'N') {
    // Decimal compared with 0 in its own slot raises what it raises for a NaN
    const cmp = DECIMAL.compare!;
    if (equality) DECIMAL.eq!(d, 0, () => false);
    else cmp(d, 0, '<');
  }
  return false;
}

function compareSlot(a: Frac, b: Py): number | typeof NOT_IMPLEMENTED {
  const rb = rational(b);
  if (rb !== undefined) return int.compare(int.mul(a.n, rb[1]), int.mul(a.d, rb[0]));
  if (b instanceof PyFloat) {
    const x = b.v;
    if (x !== x) return NaN;
    if (!Number.isFinite(x)) return x > 0 ? -1 : 1;
    return compareFloat(a, x);
  }
  if (b instanceof Dec) {
    if (b.isNaN()) {
      decimalNaN(b, false);
      return NaN;
    }
    return compareDecimal(a, b);
  }
  return NOT_IMPLEMENTED;
}

// ---------------------------------------------------------------- hash and keys

const MODULUS = (1n << 61n) - 1n;

/** x * y modulo 2**61 - 1, by the Mersenne prime's fold. */
function mulMod(x: bigint, y: bigint): bigint {
  const p = x * y;
  let r = (p & MODULUS) + (p >> 61n);
  if (r >= MODULUS) r -= MODULUS;
  return r;
}

/** x**(2**k) modulo 2**61 - 1. */
function squareTimes(x: bigint, k: number): bigint {
  for (let i = 0; i < k; i++) x = mulMod(x, x);
  return x;
}

/** d**-1 modulo 2**61 - 1 as d**(2**61 - 3): x**(2**59 - 1) by an addition chain, squared twice, times d. */
function inverseUncached(d: bigint): bigint {
  const x2 = mulMod(squareTimes(d, 1), d); // 2**2 - 1
  const x3 = mulMod(squareTimes(x2, 1), d); // 2**3 - 1
  const x6 = mulMod(squareTimes(x3, 3), x3);
  const x12 = mulMod(squareTimes(x6, 6), x6);
  const x24 = mulMod(squareTimes(x12, 12), x12);
  const x48 = mulMod(squareTimes(x24, 24), x24);
  const x56 = mulMod(squareTimes(x48, 8), mulMod(squareTimes(x6, 2), x2)); // 2**8 - 1 from x6 and x2
  const x59 = mulMod(squareTimes(x56, 3), x3);
  return mulMod(squareTimes(x59, 2), d);
}

/** Inverses met lately: a run's Fractions mostly share a few denominators. */
const INVERSES = new Map<bigint, bigint>();

function inverse(d: bigint): bigint {
  let r = INVERSES.get(d);
  if (r === undefined) {
    if (INVERSES.size >= 4096) INVERSES.clear();
    INVERSES.set(d, (r = inverseUncached(d)));
  }
  return r;
}

/** Fraction.__hash__: |n| * d**-1 modulo 2**61 - 1, inf's hash where d has no inverse. */
function hashFrac(f: Frac): bigint {
  const dm = int.big(int.mod(f.d, int.norm(MODULUS)));
  let h: bigint;
  if (dm === 0n) h = 314159n;
  else {
    const nm = int.big(int.mod(int.abs(f.n), int.norm(MODULUS)));
    h = mulMod(nm, inverse(dm));
  }
  const r = neg(f.n) ? -h : h;
  return r === -1n ? -2n : r;
}

/** d as 2**a * 5**b, or undefined where it has another prime factor: found from its size, with one power checked. */
function twosAndFives(d: bigint): [number, number] | undefined {
  const a = int.bit_length(int.norm(d & -d)) - 1;
  const rest = d >> BigInt(a);
  if (rest === 1n) return [a, 0];
  if (rest % 5n !== 0n) return undefined;
  const bits = int.bit_length(int.norm(rest));
  for (const b of [Math.floor(bits / Math.log2(5)), Math.ceil(bits / Math.log2(5))]) {
    if (b > 0 && int.eq(int.pow(5, b) as Int, int.norm(rest))) return [a, b];
  }
  return undefined;
}

/** The key dicts and sets file a Fraction under: an equal int's, float's or Decimal's where there is one. */
function keyOf(f: Frac): unknown {
  if (isOne(f.d)) return f.n;
  const x = toFloatOrInf(f);
  if (Number.isFinite(x) && compareFloat(f, x) === 0) return x;
  const d = int.big(f.d);
  const powers = twosAndFives(d);
  if (powers !== undefined) {
    // n/d == m * 10**-k with m not a multiple of 10: decimal-type.ts's key of that Decimal
    const k = Math.max(...powers);
    const m = int.big(int.floordiv(int.mul(f.n, pow10(k)), f.d));
    work(int.bit_length(m));
    return `\u0000decimal ${m}e${-k}`;
  }
  work(int.bit_length(f.n) + int.bit_length(f.d));
  return `\u0000fraction ${int.big(f.n).toString(16)}/${d.toString(16)}`;
}

function toFloatOrInf(f: Frac): number {
  try {
    return toFloat(f);
  } catch (e) {
    // too large for a float: equal to none
    if (e instanceof PyException && !e.fatal && e.type === OverflowError) return Infinity;
    throw e;
  }
}

// ---------------------------------------------------------------- methods

const LIMIT_DENOMINATOR = pySignature('Fraction.limit_denominator', ['self', 'max_denominator'], [undefined, 1000000]);
const AS_INTEGER_RATIO = pySignature('Fraction.as_integer_ratio', ['self'], [undefined]);
const CONJUGATE = pySignature('Real.conjugate', ['self'], [undefined]);

function limitDenominator(f: Frac, a: Py[], kw: Map<string, Py> | null): Py {
  const [given] = LIMIT_DENOMINATOR(f, a, kw);
  const max = intOf(given);
  if (max === undefined) return limitByAny(f, given);
  if (int.compare(max, 1) < 0) throw valueErr('max_denominator should be at least 1');
  if (int.compare(f.d, max) <= 0) return new Frac(f.n, f.d);
  let [p0, q0, p1, q1]: Int[] = [0, 1, 1, 0];
  let [n, d] = [f.n, f.d];
  for (;;) {
    tick();
    const a = int.floordiv(n, d);
    const q2 = int.add(q0, int.mul(a, q1));
    if (int.compare(q2, max) > 0) break;
    [p0, q0, p1, q1] = [p1, q1, int.add(p0, int.mul(a, p1)), q2];
    [n, d] = [d, int.sub(n, int.mul(a, d))];
  }
  const k = int.floordiv(int.sub(max, q0), q1);
  const bound1 = make(int.add(p0, int.mul(k, p1)), int.add(q0, int.mul(k, q1)));
  const bound2 = make(p1, q1);
  const dist = (b: Frac): Frac => {
    const r = addSub([b.n, b.d], [f.n, f.d], true);
    return new Frac(int.abs(r.n), r.d);
  };
  const [x, y] = [dist(bound2), dist(bound1)];
  return int.compare(int.mul(x.n, y.d), int.mul(x.d, y.n)) <= 0 ? bound2 : bound1;
}

/** limit_denominator of a bound that is no int (a Fraction, a float), as its Python takes it: each step through the operators. */
function limitByAny(f: Frac, max: Py): Py {
  if (ops.lt(max, 1)) throw valueErr('max_denominator should be at least 1');
  if (ops.le(f.d, max)) return new Frac(f.n, f.d);
  let [p0, q0, p1, q1]: Int[] = [0, 1, 1, 0];
  let [n, d] = [f.n, f.d];
  for (;;) {
    tick();
    const a = int.floordiv(n, d);
    const q2 = int.add(q0, int.mul(a, q1));
    if (ops.gt(q2, max)) break;
    [p0, q0, p1, q1] = [p1, q1, int.add(p0, int.mul(a, p1)), q2];
    [n, d] = [d, int.sub(n, int.mul(a, d))];
  }
  const k = ops.floordiv(ops.sub(max, q0), q1);
  const bound1 = construct(ops.add(p0, ops.mul(k, p1)), ops.add(q0, ops.mul(k, q1)));
  const bound2 = make(p1, q1);
  const abs = (x: Py): Py => callValue(BUILTINS.get('abs')!, [x], null);
  return ops.le(abs(ops.sub(bound2, f)), abs(ops.sub(bound1, f))) ? bound2 : bound1;
}

const str = (f: Frac): string => (isOne(f.d) ? int.toDecimal(f.n) : `${int.toDecimal(f.n)}/${int.toDecimal(f.d)}`);

const negative = (v: Frac): Frac => new Frac(int.neg(v.n), v.d);
const positive = (v: Frac): Frac => new Frac(v.n, v.d);
const absolute = (v: Frac): Frac => new Frac(int.abs(v.n), v.d);


/** __int__'s `_index=operator.index`, as given where the call gives none: the int as it is. */
const INDEX = new PyFunc('index', (a) => a[0]);

/** _richcmp's operators on the three-way comparison (NaN, a float NaN's: unordered). */
const ORDERS = ['__lt__', '__gt__', '__le__', '__ge__'].map((name): [string, (c: number) => boolean] => [name, ORDER[name]]);

/** A def of fractions.py (or numbers.py's, which Fraction inherits): its qualified name, its parameters (the instance first) with their defaults, and its body. */
type Def = [qualname: string, params: string[], defaults: Py[], body: (self: Frac, ...args: Py[]) => Py];

const FORWARD = 'Fraction._operator_fallbacks.<locals>.forward';
const REVERSE = 'Fraction._operator_fallbacks.<locals>.reverse';

/**
 * Fraction's dunders by name, as fractions.py defines them: `_operator_fallbacks`' forward and
 * reverse over the operators' own slots, comparisons that leave a Decimal to Decimal's
 * (NotImplemented, as `__eq__` and `_richcmp` answer it), and the conversions.
 */
const DEFS: Record<string, Def> = {
  ...Object.fromEntries(([['add', NB.add], ['sub', NB.subtract], ['mul', NB.multiply], ['truediv', NB.truediv], ['floordiv', NB.floordiv], ['divmod', NB.divmod], ['mod', NB.remainder]] as const).flatMap(([op, slot]): [string, Def][] => [
    [`__${op}__`, [FORWARD, ['a', 'b'], [], (a, b) => answer(slot(a, b))]],
    [`__r${op}__`, [REVERSE, ['b', 'a'], [], (b, a) => answer(slot(a, b))]],
  ])),
  __pow__: ['Fraction.__pow__', ['a', 'b'], [], (a, b) => powFrac(a, b)],
  __rpow__: ['Fraction.__rpow__', ['b', 'a'], [], (b, a) => rpowFrac(b, a)],
  __pos__: ['Fraction.__pos__', ['a'], [], positive],
  __neg__: ['Fraction.__neg__', ['a'], [], negative],
  __abs__: ['Fraction.__abs__', ['a'], [], absolute],
  __int__: ['Fraction.__int__', ['a', '_index'], [undefined, INDEX], (a, index) => (index === INDEX ? truncOf(a) : callValue(index, [truncOf(a)], null))],
  __trunc__: ['Fraction.__trunc__', ['a'], [], truncOf],
  __floor__: ['Fraction.__floor__', ['a'], [], (a) => int.floordiv(a.n, a.d)],
  __ceil__: ['Fraction.__ceil__', ['a'], [], (a) => int.neg(int.floordiv(int.neg(a.n), a.d))],
  __round__: ['Fraction.__round__', ['self', 'ndigits'], [undefined, null], roundFrac],
  __hash__: ['Fraction.__hash__', ['self'], [], (v) => int.norm(hashFrac(v))],
  __eq__: ['Fraction.__eq__', ['a', 'b'], [], (a, b) => (b instanceof Dec ? NOT_IMPLEMENTED_VALUE : answer(eqSlot(a, b)))],
  ...Object.fromEntries(ORDERS.map(([name, holds]): [string, Def] => [name, [`Fraction.${name}`, ['a', 'b'], [], (a, b) => {
    const c = b instanceof Dec ? NOT_IMPLEMENTED : compareSlot(a, b);
    return c === NOT_IMPLEMENTED ? NOT_IMPLEMENTED_VALUE : holds(c);
  }]])),
  __bool__: ['Fraction.__bool__', ['a'], [], (a) => !isZero(a.n)],
  // `self.__class__`: a subclass's instance comes here as it is (number-subclass.ts)
  __repr__: ['Fraction.__repr__', ['self'], [], (v) => `${typeName(v)}(${int.toDecimal(v.n)}, ${int.toDecimal(v.d)})`],
  __str__: ['Fraction.__str__', ['self'], [], (v) => str(v)],
  __float__: ['Rational.__float__', ['self'], [], (v) => new PyFloat(toFloat(v))],
  // numbers.Real's: complex(float(self))
  __complex__: ['Real.__complex__', ['self'], [], (v) => new PyComplex(floatOf(v).v, 0)],
  __copy__: ['Fraction.__copy__', ['self'], [], (v) => copyOf(v)],
  __deepcopy__: ['Fraction.__deepcopy__', ['self', 'memo'], [], (v) => copyOf(v)],
  __reduce__: ['Fraction.__reduce__', ['self'], [], (v) => new PyTuple([classOf(v), new PyTuple([v.n, v.d])])],
};

/** __copy__ and __deepcopy__: a Fraction itself, a subclass's instance remade by its class. */
const copyOf = (v: Frac): Py => (v.constructor === Frac ? v : callValue(classOf(v), [v.n, v.d], null));

/** type(v): Fraction, or a subclass's. */
const classOf = (v: Frac): PyType => typeOf(v).classOf?.(v) ?? FRACTION_TYPE;

/** Each def bound to an instance: its arguments bound by its signature, the instance counted. */
const BOUND_DEFS = new Map<string, Method>(Object.entries(DEFS).map(([name, [qualname, params, defaults, body]]) => {
  const bind = pySignature(qualname, params, defaults);
  return [name, (v: Frac, a, kw) => body(v, ...bind(v, a, kw))];
}));

/** The defs that read their first argument's numerator and denominator alone, which an int has too: `Fraction.__add__(1, 2)` is Fraction(3, 1). */
const OF_ANY_RATIONAL = new Set(Object.keys(DEFS).filter((name) => DEFS[name][0] === FORWARD || DEFS[name][0] === REVERSE || ['__floor__', '__ceil__', '__round__'].includes(name)));

/**
 * Each def as the class holds it (`Fraction.__add__(x, y)`), a function of its own: the instance
 * bound as any argument, then the instance's method called (a subclass's instance's, its base's).
 * fractions.py would take any object there, and fail or not as its body reads it; the evaluator
 * takes a Fraction, and an int where the def reads only numerator and denominator, and refuses the rest.
 */
const FUNCTIONS = new Map<string, PyFunc>(Object.entries(DEFS).map(([name, [qualname, params, defaults]]) => {
  const signature = new Signature(qualname, params.map((p) => ({ name: p, star: '' as const })), 'python');
  const f = new PyFunc(qualname, (a, kw) => {
    const [given, ...rest] = bindArgs(signature, a, kw, defaults);
    const n = given instanceof Frac || !OF_ANY_RATIONAL.has(name) ? undefined : intOf(given);
    const self = n !== undefined ? new Frac(n, 1) : given;
    if (!(self instanceof Frac)) throw fatalErr(UnsupportedError, `Fraction.${name}() of a '${typeName(self)}' is not available in conditions: the evaluator takes a Fraction there`);
    return protocolMethod(self, name)!(self, rest, null);
  }, 'function');
  // _operator_fallbacks names forward and reverse for the operator (`forward.__name__ = '__add__'`)
  if (qualname === FORWARD || qualname === REVERSE) assignName(f, name);
  return [name, f];
}));
for (const [name, f] of FUNCTIONS) FRACTION_TYPE.attrs.set(name, f);

const METHODS = checkedMethods('Fraction', new Map<string, Method>([
  ['as_integer_ratio', (v: Frac, a, kw) => (AS_INTEGER_RATIO(v, a, kw), new PyTuple([v.n, v.d]))],
  ['limit_denominator', limitDenominator],
  ['conjugate', (v: Frac, a, kw) => (CONJUGATE(v, a, kw), new Frac(v.n, v.d))],
  ...BOUND_DEFS,
]), {
  as_integer_ratio: 'own', limit_denominator: 'own', conjugate: 'own', ...Object.fromEntries([...BOUND_DEFS.keys()].map((name) => [name, 'own' as const])),
});

export const FRACTION: PyTypeSlots<Frac> = {
  name: () => 'Fraction',
  type: FRACTION_TYPE,
  truthy: (v) => !isZero(v.n),
  len: null,
  iter: null,
  repr: (v) => `Fraction(${int.toDecimal(v.n)}, ${int.toDecimal(v.d)})`,
  str,
  hash: hashFrac,
  key: keyOf,
  eq: (a, b) => eqSlot(a, b),
  compare: (a, b) => compareSlot(a, b),
  nb: { ...NB, power: powSlot },
  unary: { negative, positive, absolute },
  getattr: (v, name) => {
    switch (name) {
      case 'numerator':
      case '_numerator':
        return v.n;
      case 'denominator':
      case '_denominator':
        return v.d;
      case 'real':
        return new Frac(v.n, v.d);
      case 'imag':
        return 0;
      default:
        // the class methods, through an instance too
        return FRACTION_TYPE.attrs.get(name);
    }
  },
  // numerator, denominator, real and imag are read-only properties; the slots _numerator and _denominator, which CPython lets a condition set, are not kept apart here
  setattr: (_v, name, value) => {
    if (PROPERTIES.has(name)) throw pyErr(AttributeError, `property '${name}' of 'Fraction' object has no ${value === undefined ? 'deleter' : 'setter'}`);
    if (name === '_numerator' || name === '_denominator') throw fatalErr(UnsupportedError, `setting a Fraction's ${name} is not available in conditions: a Fraction is an immutable value in the evaluator`);
    throw pyErr(AttributeError, `'Fraction' object has no attribute '${name}'`);
  },
  methods: METHODS,
  pyFunctions: (_v, name) => FUNCTIONS.get(name),
};

const PROPERTIES: ReadonlySet<string> = new Set(['numerator', 'denominator', 'real', 'imag']);

// ... and read through the class, properties (fractions.py's own two, numbers.Real's real and imag), which a Fraction's slots above answer first
for (const [name, qualname, get] of [
  ['numerator', 'Fraction.numerator', (a: Py) => getattr(a, '_numerator')],
  ['denominator', 'Fraction.denominator', (a: Py) => getattr(a, '_denominator')],
  ['real', 'Real.real', (a: Py) => pos(a)],
  ['imag', 'Real.imag', () => 0],
] as const) {
  const fget = pyDef(qualname, ['self'], {}, get);
  noteDefinedIn(fget, qualname.startsWith('Real.') ? 'numbers' : 'fractions');
  FRACTION_TYPE.attrs.set(name, new PyProperty(fget, null, null, null));
}

// fractions.py defines (or its slots above answer) every method of numbers' classes after it: a subclass's lookups stop at Fraction
FRACTION_TYPE.shadows = new Set([NUMBER, COMPLEX, REAL, RATIONAL].flatMap((c) => [...c.attrs.keys()]).filter((name) => name !== '__slots__' && name !== '__abstractmethods__'));

registerType(Frac, FRACTION);
registerTypeObject('fractions.Fraction', FRACTION);

/** The module's own names; of those it imports (math, numbers, operator, re, sys) only Decimal is bound here. */
export const FRACTIONS_MODULE = new PyModule('fractions', new Map<string, Py>([
  ['Fraction', FRACTION_TYPE],
  ['Decimal', DECIMAL_TYPE],
]));
