/**
 * statistics.NormalDist, Lib/statistics.py's class written as one: its two slots `_mu` and
 * `_sigma`, each method's arithmetic run through the values' own operators and math's functions
 * (erf, exp, sqrt, log, fabs, hypot), as the Python runs it, so its floats are CPython's bit for
 * bit; inv_cdf is _normal_dist_inv_cdf's rational approximation (Wichura's AS241), written out.
 * samples(n, seed=S) draws from random.Random(S) (mersenne.ts); without a seed it is refused.
 */
import { getattr } from '../attributes.js';
import { allocItems, charge, step } from '../budget.js';
import { indexValue } from '../args.js';
import { MersenneTwister } from './mersenne.js';
import { BUILTINS } from '../builtins.js';
import { NOT_IMPLEMENTED_VALUE } from '../class-operators.js';
import { finishClass, makeClass, OBJECT_CLASS, setattr } from '../classes.js';
import { PyClassMethod, PyProperty } from '../descriptors.js';
import { fatalErr, typeErr, UnsupportedError } from '../exceptions.js';
import * as ops from '../ops.js';
import { repr } from '../repr.js';
import { PyFloat, PyTuple, typeName, type Py, type PyFunc, type PyModule } from '../values.js';
import { call } from './calendar/py.js';
import { defIn, pyDef } from './python-def.js';
import { fail } from './statistics.js';

const f = (v: number): PyFloat => new PyFloat(v);
const truthy = ops.truthy;
const { add, sub, mul, truediv, neg } = ops;
const lt = (a: Py, b: Py): boolean => truthy(ops.ltValue(a, b));
const le = (a: Py, b: Py): boolean => truthy(ops.leValue(a, b));
const ge = (a: Py, b: Py): boolean => truthy(ops.geValue(a, b));
const num = (v: Py): number => (v as PyFloat).v;

/** Horner's rule over the coefficients, highest first, in floats: `((c0 * r + c1) * r + ...) + cn`. */
function poly(coefficients: readonly number[], r: number): number {
  let acc = coefficients[0] * r;
  for (let i = 1; i < coefficients.length - 1; i++) acc = (acc + coefficients[i]) * r;
  return acc + coefficients[coefficients.length - 1];
}
const CENTRAL_NUM = [2.5090809287301226727e3, 3.3430575583588128105e4, 6.7265770927008700853e4, 4.5921953931549871457e4, 1.3731693765509461125e4, 1.9715909503065514427e3, 1.3314166789178437745e2, 3.387132872796366608e0];
const CENTRAL_DEN = [5.2264952788528545610e3, 2.8729085735721942674e4, 3.9307895800092710610e4, 2.1213794301586595867e4, 5.3941960214247511077e3, 6.8718700749205790830e2, 4.2313330701600911252e1, 1.0];
const NEAR_NUM = [7.7454501427834140764e-4, 2.2723844989269184583e-2, 2.4178072517745061177e-1, 1.27045825245236838258e0, 3.64784832476320460504e0, 5.7694972214606914055e0, 4.6303378461565452959e0, 1.42343711074968357734e0];
const NEAR_DEN = [1.05075007164441684324e-9, 5.475938084995344946e-4, 1.51986665636164571966e-2, 1.4810397642748007459e-1, 6.8976733498510000455e-1, 1.6763848301838038494e0, 2.05319162663775882187e0, 1.0];
const FAR_NUM = [2.01033439929228813265e-7, 2.71155556874348757815e-5, 1.2426609473880784386e-3, 2.6532189526576123093e-2, 2.9656057182850489123e-1, 1.7848265399172913358e0, 5.4637849111641143699e0, 6.6579046435011037772e0];
const FAR_DEN = [2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.868691311456132591e-4, 1.4875361290850614852e-2, 1.3692988092273580531e-1, 5.9983220655588793769e-1, 1.0];

/** _normal_dist_inv_cdf(p, mu, sigma) on floats (the C version of _statistics, the same operations in doubles). */
function invCdf(p: number, mu: number, sigma: number): number {
  const q = p - 0.5;
  let x: number;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    // the numerator's last step multiplies by q
    x = (poly(CENTRAL_NUM, r) * q) / poly(CENTRAL_DEN, r);
    return mu + x * sigma;
  }
  let r = q <= 0.0 ? p : 1.0 - p;
  r = Math.sqrt(-Math.log(r));
  if (r <= 5.0) {
    r = r - 1.6;
    x = poly(NEAR_NUM, r) / poly(NEAR_DEN, r);
  } else {
    r = r - 5.0;
    x = poly(FAR_NUM, r) / poly(FAR_DEN, r);
  }
  if (q < 0.0) x = -x;
  return mu + x * sigma;
}

/** The class, over the math module's functions and statistics' fmean and stdev (modules.ts hands them in). */
export function normalDist(math: PyModule, stdev: PyFunc, mean: PyFunc): Py {
  const m = (name: string) => (...args: Py[]): Py => call(math.attrs.get(name)!, ...args);
  const [erf, exp, sqrt, log, fabs, hypot] = ['erf', 'exp', 'sqrt', 'log', 'fabs', 'hypot'].map(m);
  const TAU = f(2 * Math.PI);
  const SQRT2 = f(Math.SQRT2);

  const cls = makeClass('NormalDist', 'NormalDist', [OBJECT_CLASS]);
  cls.module = 'statistics';
  cls.attrs.set('__slots__', new PyTuple(['_mu', '_sigma']));
  const def = defIn(cls, 'NormalDist');
  const mu = (self: Py): Py => getattr(self, '_mu');
  const sigma = (self: Py): Py => getattr(self, '_sigma');
  const isND = (v: Py): boolean => truthy(call(BUILTINS.get('isinstance')!, v, cls));
  const make = (a: Py, b: Py): Py => call(cls, a, b);
  const variance = (self: Py): Py => mul(sigma(self), sigma(self));

  def('__init__', ['mu', 'sigma'], { mu: f(0), sigma: f(1) }, (self, mu_, sigma_) => {
    if (lt(sigma_, f(0))) throw fail('sigma must be non-negative');
    setattr(self, '_mu', call(BUILTINS.get('float')!, mu_));
    setattr(self, '_sigma', call(BUILTINS.get('float')!, sigma_));
    return null;
  });
  // cls(*_mean_stdev(data)): the exact mean and the sample deviation, as stdev() finds them (its error for fewer than two points first)
  cls.attrs.set('from_samples', new PyClassMethod(pyDef('NormalDist.from_samples', ['cls', 'data'], {}, (c, data) => {
    const items = ops.toList(data);
    for (const x of items) {
      step();
      const t = typeName(x);
      if (t === 'decimal.Decimal' || (x instanceof PyFloat && !Number.isFinite(x.v))) throw fatalErr(UnsupportedError, `NormalDist.from_samples() of data holding ${repr(x)} is not available in conditions: _mean_stdev's answer for it is not built in the evaluator`);
    }
    const s = call(stdev, items);
    return call(c, call(BUILTINS.get('float')!, call(mean, items)), s);
  })));
  // `gauss = random.Random(seed).gauss`, then `[gauss(mu, sigma) for i in range(n)]`; with no seed, random's own state, which the OS seeds: refused
  def('samples', ['n', '*', 'seed'], { seed: null }, (self, n, _star, seed) => {
    if (seed === null) throw fatalErr(UnsupportedError, "'NormalDist.samples' without a seed is not available in conditions: it draws from random's shared generator, which the OS seeds");
    const generator = new MersenneTwister(seed);
    const [m, s] = [num(mu(self)), num(sigma(self))];
    const count = indexValue(n);
    if (count === undefined) throw typeErr(`'${typeName(n)}' object cannot be interpreted as an integer`);
    const size = Number(count);
    if (size <= 0) return [];
    allocItems(size);
    const out: Py[] = [];
    for (let i = 0; i < size; i++) {
      // a call of gauss a sample, as the comprehension's, its lines of Python too: a million samples end at the step limit within tens of ms
      charge(3);
      step();
      out.push(f(generator.gauss(m, s)));
    }
    return out;
  });
  def('pdf', ['x'], {}, (self, x) => {
    const v = variance(self);
    if (!truthy(v)) throw fail('pdf() not defined when sigma is zero');
    const diff = sub(x, mu(self));
    return truediv(exp(truediv(mul(diff, diff), mul(f(-2), v))), sqrt(mul(TAU, v)));
  });
  const cdf = (self: Py, x: Py): Py => {
    if (!truthy(sigma(self))) throw fail('cdf() not defined when sigma is zero');
    return mul(f(0.5), add(f(1), erf(truediv(sub(x, mu(self)), mul(sigma(self), SQRT2)))));
  };
  def('cdf', ['x'], {}, cdf);
  def('inv_cdf', ['p'], {}, (self, p) => {
    if (le(p, f(0)) || ge(p, f(1))) throw fail('p must be in the range 0.0 < p < 1.0');
    if (le(sigma(self), f(0))) throw fail('cdf() not defined when sigma at or below zero');
    // _normal_dist_inv_cdf is C's: p a float (PyArg "d")
    return f(invCdf(num(call(BUILTINS.get('float')!, p)), num(mu(self)), num(sigma(self))));
  });
  def('quantiles', ['n'], { n: 4 }, (self, n) => {
    const out: Py[] = [];
    for (const i of ops.iterate(call(BUILTINS.get('range')!, 1, n))) {
      step();
      out.push(call(getattr(self, 'inv_cdf'), truediv(i, n)));
    }
    return out;
  });
  def('overlap', ['other'], {}, (self, other) => {
    if (!isND(other)) throw typeErr('Expected another NormalDist instance');
    let [X, Y] = [self, other];
    if (lt(new PyTuple([sigma(Y), mu(Y)]), new PyTuple([sigma(X), mu(X)]))) [X, Y] = [Y, X];
    const [xVar, yVar] = [getattr(X, 'variance'), getattr(Y, 'variance')];
    if (!truthy(xVar) || !truthy(yVar)) throw fail('overlap() not defined when sigma is zero');
    const dv = sub(yVar, xVar);
    const dm = fabs(sub(mu(Y), mu(X)));
    if (!truthy(dv)) return sub(f(1), erf(truediv(dm, mul(mul(f(2), sigma(X)), SQRT2))));
    const a = sub(mul(mu(X), yVar), mul(mu(Y), xVar));
    const b = mul(mul(sigma(X), sigma(Y)), sqrt(add(mul(dm, dm), mul(dv, log(truediv(yVar, xVar))))));
    const x1 = truediv(add(a, b), dv);
    const x2 = truediv(sub(a, b), dv);
    const at = (x: Py) => fabs(sub(call(getattr(Y, 'cdf'), x), call(getattr(X, 'cdf'), x)));
    return sub(f(1), add(at(x1), at(x2)));
  });
  def('zscore', ['x'], {}, (self, x) => {
    if (!truthy(sigma(self))) throw fail('zscore() not defined when sigma is zero');
    return truediv(sub(x, mu(self)), sigma(self));
  });
  for (const [name, get] of [['mean', mu], ['median', mu], ['mode', mu], ['stdev', sigma], ['variance', variance]] as const) {
    cls.attrs.set(name, new PyProperty(pyDef(`NormalDist.${name}`, ['self'], {}, get), null, null, null));
  }
  const plus = def('__add__', ['x2'], {}, (x1, x2) => (isND(x2) ? make(add(mu(x1), mu(x2)), hypot(sigma(x1), sigma(x2))) : make(add(mu(x1), x2), sigma(x1))));
  def('__sub__', ['x2'], {}, (x1, x2) => (isND(x2) ? make(sub(mu(x1), mu(x2)), hypot(sigma(x1), sigma(x2))) : make(sub(mu(x1), x2), sigma(x1))));
  const times = def('__mul__', ['x2'], {}, (x1, x2) => make(mul(mu(x1), x2), mul(sigma(x1), fabs(x2))));
  def('__truediv__', ['x2'], {}, (x1, x2) => make(truediv(mu(x1), x2), truediv(sigma(x1), fabs(x2))));
  def('__pos__', [], {}, (x1) => make(mu(x1), sigma(x1)));
  def('__neg__', [], {}, (x1) => make(neg(mu(x1)), sigma(x1)));
  // __radd__ = __add__, __rmul__ = __mul__: the same functions
  cls.attrs.set('__radd__', plus);
  def('__rsub__', ['x2'], {}, (x1, x2) => neg(sub(x1, x2)));
  cls.attrs.set('__rmul__', times);
  def('__eq__', ['x2'], {}, (x1, x2) => {
    if (!isND(x2)) return NOT_IMPLEMENTED_VALUE;
    return truthy(ops.eqValue(mu(x1), mu(x2))) && truthy(ops.eqValue(sigma(x1), sigma(x2)));
  });
  def('__hash__', [], {}, (self) => call(BUILTINS.get('hash')!, new PyTuple([mu(self), sigma(self)])));
  def('__repr__', [], {}, (self) => `${getattr(call(BUILTINS.get('type')!, self), '__name__')}(mu=${repr(mu(self))}, sigma=${repr(sigma(self))})`);
  def('__getstate__', [], {}, (self) => new PyTuple([mu(self), sigma(self)]));
  def('__setstate__', ['state'], {}, (self, state) => {
    const [a, b] = ops.toList(state);
    setattr(self, '_mu', a);
    setattr(self, '_sigma', b);
    return null;
  });
  finishClass(cls);
  return cls;
}
