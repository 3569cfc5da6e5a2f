/**
 * statistics' harmonic_mean and geometric_mean, as Lib/statistics.py (3.11) computes them:
 * the first an exact _sum of the reciprocals, the second exp(fmean(map(log, data))).
 */
import { step, tick } from '../budget.js';
import { BUILTINS } from '../builtins.js';
import { callValue } from '../call.js';
import { typeErr, ValueError, ZeroDivisionError } from '../exceptions.js';
import * as ops from '../ops.js';
import { Signature, bindArgs } from '../signature.js';
import { PyException, PyFloat, PyFunc, PyIntBox, typeName, type NativeFn, type Py, type PyModule } from '../values.js';
import { ratioToFloat, divRatio, type Ratio } from './fraction.js';
import { Frac } from './fractions.js';
import { norm } from '../int/index.js';
import { convert, exactSum, fail } from './statistics.js';

const NEGATIVE = 'harmonic mean does not support negative values';

/** `iter(data) is data`: an iterator is listed first, as the Python does, so that len() may be asked. */
const listed = (data: Py): Py => (callValue(BUILTINS.get('iter')!, [data], null) === data ? ops.toList(data) : data);

const isReal = (x: Py): boolean =>
  typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint' || x instanceof PyIntBox || x instanceof PyFloat || x instanceof Frac || typeName(x) === 'decimal.Decimal';

const isErrorOf = (e: unknown, t: typeof ValueError): boolean => e instanceof PyException && (e.type === t || e.type.isSubclassOf(t));

const HARMONIC = new Signature('harmonic_mean', [{ name: 'data', star: '' }, { name: 'weights', star: '' }], 'python');
const harmonicMean: NativeFn = (a, k) => {
  const [dataArg, weightsArg] = bindArgs(HARMONIC, a, k, [undefined, null]);
  const data = listed(dataArg);
  const n = ops.len(data);
  if (n < 1) throw fail('harmonic_mean requires at least one data point');
  if (n === 1 && weightsArg === null) {
    const x = ops.getitem(data, 0);
    if (!isReal(x)) throw typeErr('unsupported type');
    if (ops.lt(x, 0)) throw fail(NEGATIVE);
    return x;
  }
  let weights: Py[] | null = null;
  let sumWeights: Ratio = { n: BigInt(n), d: 1n };
  if (weightsArg !== null) {
    const given = listed(weightsArg);
    if (ops.len(given) !== n) throw fail('Number of weights does not match data size');
    weights = ops.toList(given);
    for (const w of weights) if (ops.lt(w, 0)) throw fail(NEGATIVE);
    sumWeights = exactSum(weights).total;
  }
  // w / x for each pair, as zip draws them (the weight first), a negative x refused as it is reached
  const reciprocals: Py[] = [];
  const items = ops.iterate(data);
  let i = 0;
  for (const x of items) {
    tick();
    if (weights !== null && i >= weights.length) break;
    const w = weights === null ? 1 : weights[i++];
    if (ops.lt(x, 0)) throw fail(NEGATIVE);
    try {
      reciprocals.push(ops.truthy(w) ? ops.truediv(w, x) : 0);
    } catch (e) {
      if (isErrorOf(e, ZeroDivisionError)) return 0;
      throw e;
    }
  }
  const s = exactSum(reciprocals);
  // a Decimal infinity or NaN: `total <= 0` and sum_weights / total in Decimal (a NaN's comparison signals)
  if (s.decimalSpecial !== null) {
    if (ops.truthy(ops.le(s.decimalSpecial, 0))) throw fail('Weighted sum must be positive');
    return ops.truediv(weights === null ? n : new Frac(norm(sumWeights.n), norm(sumWeights.d)), s.decimalSpecial);
  }
  if (s.special !== null) {
    if (!(s.special > 0) && !Number.isNaN(s.special)) throw fail('Weighted sum must be positive');
    return new PyFloat(ratioToFloat(sumWeights) / s.special);
  }
  if (s.total.n <= 0n) throw fail('Weighted sum must be positive');
  return convert(divRatio(sumWeights, s.total), s.isFloat, s.isFraction, s.cls, s.decimal);
};

/** The means of math's log and exp. */
export function meanFunctions(math: PyModule): [string, Py][] {
  const [log, exp, fsum] = ['log', 'exp', 'fsum'].map((name) => math.attrs.get(name) as PyFunc);
  const GEOMETRIC = new Signature('geometric_mean', [{ name: 'data', star: '' }], 'python');
  const geometricMean: NativeFn = (a, k) => {
    const [data] = bindArgs(GEOMETRIC, a, k);
    try {
      const logs: Py[] = [];
      for (const x of ops.iterate(data)) {
        // a call of log a step, as map(log, data) pays it: a tick was a 32nd of the 0.3-1 µs of math.log of an int
        step();
        logs.push(log.fn([x], null));
      }
      if (logs.length === 0) throw fail('fmean requires at least one data point');
      const mean = (fsum.fn([logs], null) as PyFloat).v / logs.length;
      return exp.fn([new PyFloat(mean)], null);
    } catch (e) {
      // math's domain errors and fmean's StatisticsError are ValueErrors
      if (isErrorOf(e, ValueError)) throw fail('geometric mean requires a non-empty dataset containing positive numbers');
      throw e;
    }
  };
  return [
    ['harmonic_mean', new PyFunc('harmonic_mean', harmonicMean)],
    ['geometric_mean', new PyFunc('geometric_mean', geometricMean)],
  ];
}
