/**
 * statistics, with Lib/statistics.py's algorithms (3.11): mean and the variances sum exact
 * fractions (_sum, _ss), so that results match CPython's digit for digit; the square roots are
 * its correctly rounded _float_sqrt_of_frac.
 */
import { tick, work } from '../budget.js';
import { BUILTINS } from '../builtins.js';
import { callValue } from '../call.js';
import { PyClass } from '../class-values.js';
import { AttributeError, fatalErr, OverflowError, pyErr, typeErr, UnsupportedError, ValueError } from '../exceptions.js';
import { getattr } from '../attributes.js';
import { big, mul, norm } from '../int/index.js';
import * as ops from '../ops.js';
import { Signature, bindArgs } from '../signature.js';
import { PyDict, PyException, PyFloat, PyFunc, PyIntBox, PyModule, PyType, typeName, type NativeFn, type Py } from '../values.js';
import { addFrac, Frac, FRACTION_TYPE } from './fractions.js';
import { bitLength, divRatio, floatRatio, mulRatio, ratio, ratioToFloat, sqrtRatioToFloat, subRatio, times, type Ratio } from './fraction.js';

export const StatisticsError: PyType = new PyType('StatisticsError', (args, kw) => {
  // BaseException.__init__'s, as it has no __init__ of its own
  if (kw !== null && kw.size !== 0) throw typeErr('StatisticsError() takes no keyword arguments');
  return new PyException(StatisticsError, args);
}, ValueError, true);
export const fail = (message: string) => pyErr(StatisticsError, message);

/** The sum of some values: exact, or the float sum of the infinities and NaNs among them; T is int unless a float was met, or a Fraction. */
export interface Sum {
  /** _sum's T where a condition's subclass of int or float was met (_coerce's answer), else null: int, float or Fraction, as the flags say. */
  cls: PyType | null;
  isFloat: boolean;
  /** A Fraction was met, and no float: T is Fraction (_coerce). */
  isFraction: boolean;
  total: Ratio;
  sumSquares: Ratio;
  /** partials[None]: the non-finite values' sum, or null when all were finite. */
  special: number | null;
  /** T where it is decimal.Decimal (or a subclass), else null: _convert divides in Decimal. */
  decimal: PyType | null;
  /** partials[None] of Decimal data: its infinities' and NaNs' sum, in Decimal (0 + x + ...), or null. */
  decimalSpecial: Py;
  count: number;
}

/**
 * Numerators summed per denominator, as _sum's partials: every denominator is a power of two,
 * so an item costs one BigInt addition, with no gcd, and the few partials are joined at the end.
 */
class Partials {
  readonly byDenominator = new Map<bigint, bigint>();
  add(n: bigint, d: bigint): void {
    this.byDenominator.set(d, (this.byDenominator.get(d) ?? 0n) + n);
  }
  total(): Ratio {
    // a Fraction's denominators are any ints: their sum through the int kernel, which pays for its digits
    if ([...this.byDenominator.keys()].some((d) => (d & (d - 1n)) !== 0n)) {
      let acc = new Frac(0, 1);
      for (const [d, x] of this.byDenominator) {
        tick();
        acc = addFrac(acc, new Frac(norm(x), norm(d)));
      }
      return { n: big(acc.n), d: big(acc.d) };
    }
    let max = 1n;
    for (const d of this.byDenominator.keys()) if (d > max) max = d;
    let n = 0n;
    for (const [d, x] of this.byDenominator) n += times(x, max / d);
    return ratio(n, max);
  }
}

const INT_TYPE = BUILTINS.get('int') as PyType;
const FLOAT_TYPE = BUILTINS.get('float') as PyType;
const BOOL_TYPE = BUILTINS.get('bool') as PyType;
const isSub = (t: PyType, of: PyType): boolean => t === of || t.isSubclassOf(of);

/** statistics._coerce: the type of a sum of T's and S's. */
function coerce(T: PyType, S: PyType): PyType {
  if (T === S || S === INT_TYPE || S === BOOL_TYPE) return T;
  if (T === INT_TYPE) return S;
  if (isSub(S, T)) return S;
  if (isSub(T, S)) return T;
  if (isSub(T, INT_TYPE)) return S;
  if (isSub(S, INT_TYPE)) return T;
  if (isSub(T, FRACTION_TYPE) && isSub(S, FLOAT_TYPE)) return S;
  if (isSub(T, FLOAT_TYPE) && isSub(S, FRACTION_TYPE)) return T;
  // their __name__s: a module's type's without its module (Decimal)
  const name = (t: PyType) => t.name.slice(t.name.lastIndexOf('.') + 1);
  throw typeErr(`don't know how to coerce ${name(T)} and ${name(S)}`);
}

export function exactSum(data: Py): Sum {
  // _sum's T, followed only once a subclass's instance is met (the plain types keep to the flags below)
  let T: PyType | null = null;
  let isFloat = false;
  let isFraction = false;
  let special: number | null = null;
  let decimalSpecial: Py = null;
  let count = 0;
  const sx = new Partials();
  const sxx = new Partials();
  for (const x of ops.iterate(data)) {
    // BigInt additions of up to some 2,000 bits for each item: a step, as a loop's iteration
    work(32);
    count++;
    const decimal = typeName(x) === 'decimal.Decimal';
    if (T !== null || decimal || x instanceof PyIntBox || (x instanceof PyFloat && x.constructor !== PyFloat)) {
      T ??= isFraction && !isFloat ? FRACTION_TYPE : isFloat ? FLOAT_TYPE : INT_TYPE;
      const S = callValue(BUILTINS.get('type')!, [x], null) as PyType;
      if (S !== T) T = coerce(T, S);
    }
    let r: Ratio;
    if (typeof x === 'number' || typeof x === 'boolean') r = { n: BigInt(Number(x)), d: 1n };
    else if (typeof x === 'bigint') r = { n: x, d: 1n };
    // an int subclass's instance is its int
    else if (x instanceof PyIntBox) r = { n: BigInt(x.value), d: 1n };
    else if (x instanceof PyFloat) {
      isFloat = true;
      if (!Number.isFinite(x.v)) {
        special = (special ?? 0) + x.v;
        continue;
      }
      r = floatRatio(x.v);
    } else if (x instanceof Frac) {
      isFraction = true;
      sx.add(big(x.n), big(x.d));
      // squares of any size, paid for by the kernel
      sxx.add(big(mul(x.n, x.n)), big(mul(x.d, x.d)));
      continue;
    } else if (decimal) {
      const exact = decimalRatio(x);
      // an infinity or a NaN: partials[None] + x, in Decimal (its signals too)
      if (exact === null) {
        decimalSpecial = ops.add(decimalSpecial ?? 0, x);
        continue;
      }
      sx.add(exact.n, exact.d);
      // squares of up to DECIMAL_BITS bits, paid for by the kernel
      sxx.add(big(mul(norm(exact.n), norm(exact.n))), big(mul(norm(exact.d), norm(exact.d))));
      continue;
    } else throw typeErr(`can't convert type '${typeName(x)}' to numerator/denominator`);
    sx.add(r.n, r.d);
    sxx.add(r.n * r.n, r.d * r.d);
  }
  // a condition's class as T: its instance made of the result (_convert's T(value)); a builtin T is what the flags say
  const isDecimal = T !== null && isDecimalType(T);
  const cls = T instanceof PyClass && !isDecimal ? T : null;
  return { cls, isFloat, isFraction: isFraction && !isFloat, total: sx.total(), sumSquares: sxx.total(), special, decimal: isDecimal ? T : null, decimalSpecial, count };
}

const isDecimalType = (t: PyType): boolean => {
  for (let c: PyType | null = t; c !== null; c = c.base) if (c.name === 'decimal.Decimal') return true;
  return false;
};

/**
 * A Decimal's x.as_integer_ratio(), or null for an infinity or a NaN (its OverflowError or
 * ValueError). A ratio of more than DECIMAL_BITS bits is refused: the sums here are JS BigInts,
 * whose products and gcds this module does not pay for.
 */
const DECIMAL_BITS = 20_000;
function decimalRatio(x: Py): Ratio | null {
  let pair: Py;
  try {
    pair = callValue(getattr(x, 'as_integer_ratio'), [], null);
  } catch (e) {
    if (e instanceof PyException && !e.fatal && (isSub(e.type, OverflowError) || isSub(e.type, ValueError))) return null;
    throw e;
  }
  const [n, d] = ops.toList(pair).map((v) => big(v as never));
  if (bitLength(n < 0n ? -n : n) + bitLength(d) > DECIMAL_BITS) {
    throw fatalErr(UnsupportedError, `statistics on a Decimal of more than ${DECIMAL_BITS} bits (some 6,000 digits, with its exponent) is not available in conditions: its exact sums are not paid for`);
  }
  return { n, d };
}

/** _convert: an int when T is int and the value whole, else the float nearest the exact value. */
export const convert = (value: Ratio, isFloat: boolean, isFraction = false, cls: PyType | null = null, decimal: PyType | null = null): Py => {
  // Decimal(Fraction) is a TypeError: T(value.numerator) / T(value.denominator), in the context's precision
  if (decimal !== null) return ops.truediv(callValue(decimal, [norm(value.n)], null), callValue(decimal, [norm(value.d)], null));
  // T(value) of a condition's subclass (an IntEnum finds its member), a float where an int subclass's value is not whole
  if (cls !== null && !(isSub(cls, INT_TYPE) && value.d !== 1n)) return callValue(cls, [new Frac(norm(value.n), norm(value.d))], null);
  return isFraction ? new Frac(norm(value.n), norm(value.d)) : !isFloat && value.d === 1n ? norm(value.n) : new PyFloat(ratioToFloat(value));
};

/** These are Python functions: f(data) or f(data, second=None), with ceval's words for a wrong call. */
function pythonArgs(name: string, second?: string): (a: Py[], k: Map<string, Py> | null) => Py[] {
  const params = [{ name: 'data', star: '' as const }, ...(second === undefined ? [] : [{ name: second, star: '' as const }])];
  const sig = new Signature(name, params, 'python');
  const defaults = second === undefined ? undefined : [undefined, null];
  return (a, k) => bindArgs(sig, a, k, defaults);
}

const meanArgs = pythonArgs('mean');
const mean: NativeFn = (a, k) => {
  const s = exactSum(meanArgs(a, k)[0]);
  if (s.count < 1) throw fail('mean requires at least one data point');
  if (s.special !== null) return new PyFloat(s.special / s.count);
  // a Decimal infinity or NaN over n is a Decimal: _convert answers it as it is
  if (s.decimalSpecial !== null) return ops.truediv(s.decimalSpecial, s.count);
  return convert(divRatio(s.total, { n: BigInt(s.count), d: 1n }), s.isFloat, s.isFraction, s.cls, s.decimal);
};

const fmeanArgs = pythonArgs('fmean', 'weights');
const fmean: NativeFn = (a, k) => {
  const [data, weights] = fmeanArgs(a, k);
  const items = ops.toList(data);
  const math = MATH_FSUM.fn;
  if (weights === null) {
    const total = (math([items], null) as PyFloat).v;
    if (items.length === 0) throw fail('fmean requires at least one data point');
    return new PyFloat(total / items.length);
  }
  const ws = ops.toList(weights);
  const products = items.slice(0, Math.min(items.length, ws.length)).map((x, i) => ops.mul(x, ws[i]));
  const num = (math([products], null) as PyFloat).v;
  if (items.length !== ws.length) throw fail('data and weights must be the same length');
  const den = (math([ws], null) as PyFloat).v;
  if (!den) throw fail('sum of weights must be non-zero');
  return new PyFloat(num / den);
};

const sorted = (data: Py): Py[] => (BUILTINS.get('sorted') as PyFunc).fn([data], null);

function median(which: 'median' | 'median_low' | 'median_high'): NativeFn {
  const args = pythonArgs(which);
  return (a, k) => {
    const data = sorted(args(a, k)[0]);
    const n = data.length;
    if (n === 0) throw fail('no median for empty data');
    if (which === 'median_high' || n % 2 === 1) return data[Math.floor(n / 2)];
    if (which === 'median_low') return data[n / 2 - 1];
    return ops.truediv(ops.add(data[n / 2 - 1], data[n / 2]), 2);
  };
}

/** mode: Counter(data).most_common(1): the first value seen of those seen most. */
const modeArgs = pythonArgs('mode');
const mode: NativeFn = (a, k) => {
  const counts = new PyDict();
  for (const x of ops.iterate(modeArgs(a, k)[0])) {
    tick();
    counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  if (counts.size === 0) throw fail('no mode for empty data');
  // most_common(1) is max() over the counts: the first in insertion order of those counted most
  let best: unknown = undefined;
  let bestCount = 0;
  for (const [nk, c] of counts.m) if (c > bestCount) [best, bestCount] = [nk, c];
  // the key as the dict first stored it: 1 for a later 1.0 or True
  return counts.key(best);
};

/** multimode: every value counted most, in the order first seen. */
const multimodeArgs = pythonArgs('multimode');
const multimode: NativeFn = (a, k) => {
  const counts = new PyDict();
  for (const x of ops.iterate(multimodeArgs(a, k)[0])) {
    tick();
    counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  let most = 0;
  for (const c of counts.m.values()) if ((c as number) > most) most = c as number;
  const out: Py[] = [];
  for (const [nk, c] of counts.m) if (c === most) out.push(counts.key(nk));
  return out;
};

/** median_grouped: the median interpolated in the interval about the middle value, in floats. */
const MEDIAN_GROUPED = new Signature('median_grouped', [{ name: 'data', star: '' }, { name: 'interval', star: '' }], 'python');
const medianGrouped: NativeFn = (a, k) => {
  const [dataArg, intervalArg] = bindArgs(MEDIAN_GROUPED, a, k, [undefined, new PyFloat(1)]);
  const data = sorted(dataArg);
  const n = data.length;
  if (n === 0) throw fail('no median for empty data');
  const x = data[n >> 1];
  // bisect_left and bisect_right: where the run of values equal to x starts and ends
  let i = 0;
  for (let hi = n; i < hi; tick()) {
    const mid = (i + hi) >> 1;
    if (ops.lt(data[mid], x)) i = mid + 1;
    else hi = mid;
  }
  let j = i;
  for (let hi = n; j < hi; tick()) {
    const mid = (j + hi) >> 1;
    if (ops.lt(x, data[mid])) hi = mid;
    else j = mid + 1;
  }
  const float = (v: Py): number => {
    try {
      return (callValue(FLOAT_TYPE, [v], null) as PyFloat).v;
    } catch (e) {
      if (e instanceof PyException && isSub(e.type, ValueError)) throw typeErr('Value cannot be converted to a float');
      throw e;
    }
  };
  const interval = float(intervalArg);
  const L = float(x) - interval / 2;
  return new PyFloat(L + (interval * (n / 2 - i)) / (j - i));
};

/** _ss: the sum of squared deviations, exact, about the mean or about c; a Decimal infinity's or NaN's in Decimal. */
interface Squares {
  cls: PyType | null;
  isFloat: boolean;
  isFraction: boolean;
  decimal: PyType | null;
  ss: Ratio | number;
  /** _ss's ssd where it is sx_partials[None] of Decimal data, else null. */
  decimalSpecial: Py;
  count: number;
}
function squaredDeviations(data: Py, c: Py): Squares {
  if (c !== null && c !== undefined) {
    const deviations = ops.toList(data).map((x) => {
      const d = ops.sub(x, c);
      return ops.mul(d, d);
    });
    const s = exactSum(deviations);
    return { cls: s.cls, isFloat: s.isFloat, isFraction: s.isFraction, decimal: s.decimal, ss: s.special ?? s.total, decimalSpecial: s.decimalSpecial, count: s.count };
  }
  const s = exactSum(data);
  const of = { cls: s.cls, isFloat: s.isFloat, isFraction: s.isFraction, decimal: s.decimal, decimalSpecial: s.decimalSpecial, count: s.count };
  if (s.count === 0) return { ...of, ss: { n: 0n, d: 1n } };
  if (s.special !== null) return { ...of, isFloat: true, isFraction: false, ss: s.special };
  if (s.decimalSpecial !== null) return { ...of, ss: 0 };
  const count = { n: BigInt(s.count), d: 1n };
  // (count * sxx - sx * sx) / count: poor for floats, exact for fractions
  const ss = divRatio(subRatio(mulRatio(count, s.sumSquares), mulRatio(s.total, s.total)), count);
  return { ...of, ss };
}

/**
 * _decimal_sqrt_of_frac: (Decimal(n) / Decimal(m)).sqrt() in the context, moved a step up or
 * down where it is not the correctly rounded root, as the Python checks it.
 */
function decimalSqrtOfFrac(decimal: PyType, n: bigint, m: bigint): Py {
  if (n <= 0n) {
    if (n === 0n) return callValue(decimal, ['0.0'], null);
    [n, m] = [-n, -m];
  }
  const D = (v: bigint): Py => callValue(decimal, [norm(v)], null);
  const method = (v: Py, name: string): Py => callValue(getattr(v, name), [], null);
  const ratioOf = (v: Py): [bigint, bigint] => ops.toList(method(v, 'as_integer_ratio')).map((x) => big(x as never)) as [bigint, bigint];
  const root = method(ops.truediv(D(n), D(m)), 'sqrt');
  const [nr, dr] = ratioOf(root);
  // the checks' products are of the context's digits: paid as BigInt work of their size
  work((bitLength(n) + bitLength(m) + 4 * (bitLength(nr) + bitLength(dr))) / 8);
  const plus = method(root, 'next_plus');
  const [np, dp] = ratioOf(plus);
  if (4n * n * (dr * dp) ** 2n > m * (dr * np + dp * nr) ** 2n) return plus;
  const minus = method(root, 'next_minus');
  const [nm, dm] = ratioOf(minus);
  if (4n * n * (dr * dm) ** 2n < m * (dr * nm + dm * nr) ** 2n) return minus;
  return root;
}

function variance(name: 'variance' | 'pvariance' | 'stdev' | 'pstdev', centre: 'xbar' | 'mu'): NativeFn {
  const sample = name === 'variance' || name === 'stdev';
  const args = pythonArgs(name, centre);
  return (a, k) => {
    const [data, c] = args(a, k);
    const { cls, isFloat, isFraction, decimal, ss, decimalSpecial, count } = squaredDeviations(data, c);
    if (count < (sample ? 2 : 1)) throw fail(`${name} requires at least ${sample ? 'two data points' : 'one data point'}`);
    const divisor = sample ? count - 1 : count;
    if (decimalSpecial !== null) {
      // a Decimal over n is a Decimal, which has no numerator
      if (name === 'stdev' || name === 'pstdev') throw pyErr(AttributeError, "'decimal.Decimal' object has no attribute 'numerator'");
      return ops.truediv(decimalSpecial, divisor);
    }
    if (typeof ss === 'number') {
      // a float ss has no numerator: CPython's stdev fails on it as here
      if (name === 'stdev' || name === 'pstdev') throw pyErr(AttributeError, "'float' object has no attribute 'numerator'");
      return new PyFloat(ss / divisor);
    }
    const mss = divRatio(ss, { n: BigInt(divisor), d: 1n });
    if (name === 'variance' || name === 'pvariance') return convert(mss, isFloat, isFraction, cls, decimal);
    if (decimal !== null) return decimalSqrtOfFrac(decimal, mss.n, mss.d);
    return new PyFloat(sqrtRatioToFloat(mss.n, mss.d));
  };
}

const QUANTILES = new Signature('quantiles', [{ name: 'data', star: '' }, { name: '', star: '*' }, { name: 'n', star: '' }, { name: 'method', star: '' }], 'python');

const quantiles: NativeFn = (a, k) => {
  const [data, , given = 4, method = 'exclusive'] = bindArgs(QUANTILES, a, k, [undefined, undefined, 4, 'exclusive']);
  // an int subclass's instance (re's flags too) is taken as its int, as PyLong_Check has it
  const nv = given instanceof PyIntBox ? given.value : given;
  if (ops.lt(nv, 1)) throw fail('n must be at least 1');
  const items = sorted(data);
  const ld = items.length;
  if (ld < 2) throw fail('must have at least two data points');
  const n = Number(nv);
  if (typeof nv !== 'number' && typeof nv !== 'boolean') throw typeErr(`'${typeName(nv)}' object cannot be interpreted as an integer`);
  const out: Py[] = [];
  if (method === 'inclusive') {
    const m = ld - 1;
    for (let i = 1; i < n; i++) {
      tick();
      const j = Math.floor((i * m) / n);
      const delta = (i * m) % n;
      out.push(ops.truediv(ops.add(ops.mul(items[j], n - delta), ops.mul(items[j + 1], delta)), n));
    }
    return out;
  }
  if (method === 'exclusive') {
    const m = ld + 1;
    for (let i = 1; i < n; i++) {
      tick();
      let j = Math.floor((i * m) / n);
      j = j < 1 ? 1 : j > ld - 1 ? ld - 1 : j;
      const delta = i * m - j * n;
      out.push(ops.truediv(ops.add(ops.mul(items[j - 1], n - delta), ops.mul(items[j], delta)), n));
    }
    return out;
  }
  throw pyErr(ValueError, `Unknown method: ${ops.num(method) === undefined && typeof method === 'string' ? `'${method}'` : String(method)}`);
};

let MATH_FSUM: PyFunc;

/** The statistics module; fsum is math's, passed in so that the two share one implementation. */
export function statisticsModule(mathFsum: PyFunc, more: [string, Py][]): PyModule {
  MATH_FSUM = mathFsum;
  return new PyModule(
    'statistics',
    new Map<string, Py>([
      ['mean', new PyFunc('mean', mean)],
      ['fmean', new PyFunc('fmean', fmean)],
      ['median', new PyFunc('median', median('median'))],
      ['median_low', new PyFunc('median_low', median('median_low'))],
      ['median_high', new PyFunc('median_high', median('median_high'))],
      ['mode', new PyFunc('mode', mode)],
      ['multimode', new PyFunc('multimode', multimode)],
      ['median_grouped', new PyFunc('median_grouped', medianGrouped)],
      ['variance', new PyFunc('variance', variance('variance', 'xbar'))],
      ['pvariance', new PyFunc('pvariance', variance('pvariance', 'mu'))],
      ['stdev', new PyFunc('stdev', variance('stdev', 'xbar'))],
      ['pstdev', new PyFunc('pstdev', variance('pstdev', 'mu'))],
      ['quantiles', new PyFunc('quantiles', quantiles)],
      ['StatisticsError', StatisticsError],
      ...more,
    ]),
  );
}
