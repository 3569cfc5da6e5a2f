/**
 * statistics' functions of two data sets, covariance, correlation and linear_regression, as
 * Lib/statistics.py (3.11) computes them: float means and deviations summed by math.fsum.
 */
import { tick } from '../budget.js';
import { callValue } from '../call.js';
import { pyErr } from '../exceptions.js';
import * as ops from '../ops.js';
import { PerRun } from '../per-run.js';
import { Signature, bindArgs } from '../signature.js';
import { PyFloat, PyFunc, type NativeFn, type Py } from '../values.js';
import { namedtuple } from './collections/namedtuple.js';
import { StatisticsError } from './statistics.js';

/** statistics.LinearRegression: a namedtuple type, made per run as a condition's classes are. */
export const LINEAR_REGRESSION = new PerRun(() => callValue(namedtuple, ['LinearRegression', 'slope intercept'], new Map([['module', 'statistics']])));

const pair = (name: string, keywordOnly: boolean): Signature =>
  new Signature(name, [{ name: 'x', star: '', posOnly: true }, { name: 'y', star: '', posOnly: true }, ...(keywordOnly ? [{ name: '', star: '*' as const }, { name: 'proportional', star: '' as const }] : [])], 'python');

/** The two data sets, of one length (len() first, as the Python asks it) and two items at least. */
function twoSets(what: string, x: Py, y: Py): [Py[], Py[]] {
  const n = ops.len(x);
  if (ops.len(y) !== n) throw pyErr(StatisticsError, `${what} requires that both inputs have same number of data points`);
  if (n < 2) throw pyErr(StatisticsError, `${what} requires at least two data points`);
  return [ops.toList(x), ops.toList(y)];
}

/** The bivariate functions, over math's fsum. */
export function pairFunctions(fsumFn: PyFunc): [string, Py][] {
  const fsum = (items: Py[]): number => (fsumFn.fn([items], null) as PyFloat).v;
  const mean = (items: Py[]): PyFloat => new PyFloat(fsum(items) / items.length);
  // sum((xi - xbar) * (yi - ybar)), the deviations made as the Python makes them (its operand errors too)
  const products = (xs: Py[], xbar: Py, ys: Py[], ybar: Py): number =>
    fsum(xs.map((xi, i) => (tick(), ops.mul(ops.sub(xi, xbar), ops.sub(ys[i], ybar)))));
  const COVARIANCE = pair('covariance', false);
  const covariance: NativeFn = (a, k) => {
    const [xs, ys] = twoSets('covariance', ...(bindArgs(COVARIANCE, a, k) as [Py, Py]));
    return new PyFloat(products(xs, mean(xs), ys, mean(ys)) / (xs.length - 1));
  };
  const CORRELATION = pair('correlation', false);
  const correlation: NativeFn = (a, k) => {
    const [xs, ys] = twoSets('correlation', ...(bindArgs(CORRELATION, a, k) as [Py, Py]));
    const [xbar, ybar] = [mean(xs), mean(ys)];
    const sxy = products(xs, xbar, ys, ybar);
    const root = Math.sqrt(products(xs, xbar, xs, xbar) * products(ys, ybar, ys, ybar));
    if (root === 0) throw pyErr(StatisticsError, 'at least one of the inputs is constant');
    return new PyFloat(sxy / root);
  };
  const REGRESSION = pair('linear_regression', true);
  const linearRegression: NativeFn = (a, k) => {
    const [x, y, proportional = false] = bindArgs(REGRESSION, a, k, [undefined, undefined, undefined, false]);
    const [xs, ys] = twoSets('linear regression', x, y);
    const through = ops.truthy(proportional);
    const [xbar, ybar]: Py[] = through ? [0, 0] : [mean(xs), mean(ys)];
    const sxy = through ? fsum(xs.map((xi, i) => (tick(), ops.mul(xi, ys[i])))) : products(xs, xbar, ys, ybar);
    const sxx = through ? fsum(xs.map((xi) => (tick(), ops.mul(xi, xi)))) : products(xs, xbar, xs, xbar);
    if (sxx === 0) throw pyErr(StatisticsError, 'x is constant');
    const slope = sxy / sxx;
    const intercept = through ? 0 : (ybar as PyFloat).v - slope * (xbar as PyFloat).v;
    return callValue(LINEAR_REGRESSION.current(), [new PyFloat(slope), new PyFloat(intercept)], null);
  };
  return [
    ['covariance', new PyFunc('covariance', covariance)],
    ['correlation', new PyFunc('correlation', correlation)],
    ['linear_regression', new PyFunc('linear_regression', linearRegression)],
    ['LinearRegression', LINEAR_REGRESSION as never],
  ];
}
