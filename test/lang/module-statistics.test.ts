import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** statistics: exact-fraction means and variances, digit for digit with CPython. */
it('answers statistics as CPython does', () => {
  const exprs = [
    'mean([1, 2, 3, 4])', 'mean([1, 2, 3, 4, 4])', 'mean([0.1, 0.2, 0.3])', 'mean([1e308, 1e308])', 'mean([1, 2.5])', 'mean([True, False])', 'mean([True, True])', 'mean([])', 'mean(["a"])',
    "mean([1, float('inf')])", "mean([float('inf'), float('-inf')])", 'mean(range(1, 101))', 'mean(iter([3, 4]))', 'mean([1e-320, 3e-320])', 'mean([0.1] * 7)', 'mean([-1.5, 2.25, 1e-10])', 'mean()', 'mean([1], 2)',
    'fmean([1, 2, 3])', 'fmean([0.1, 0.2, 0.3])', 'fmean([])', 'fmean(iter([1.5, 2]))', 'fmean([1, 2, 3], weights=[0.25, 0.25, 0.5])', 'fmean([1, 2], [1])', 'fmean([1, 2], [1, -1])', 'fmean(["x"])',
    'median([3, 1, 2])', 'median([4, 1, 3, 2])', 'median([1, 2.5])', 'median([])', 'median_low([1, 3, 5, 7])', 'median_high([1, 3, 5, 7])', 'median_low([5])', 'median_high([])', "median(['b', 'a', 'c'])", "median(['a', 'b'])",
    'mode([1, 1, 2, 3, 3, 3])', 'mode(["red", "blue", "blue", "red"])', 'mode([1, 1.0, True])', 'mode([])', 'mode([[1], [1]])', 'mode(text.split())', 'mode("aabbbc")',
    'variance([1, 2, 3, 4])', 'variance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5])', 'variance([1, 3])', 'variance([1])', 'variance([1, 2, 3], xbar=2)', 'variance([0.1, 0.2, 0.4], 0.2)', "variance([1, float('nan')])",
    'pvariance([1, 2, 3, 4])', 'pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25])', 'pvariance([5])', 'pvariance([])', 'pvariance([1, 2], mu=0)',
    'stdev([1, 2, 3, 4])', 'stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75])', 'stdev([2, 2])', 'stdev([1])', 'stdev([1e-300, 3e-300, 5e-301])', 'stdev([1e300, -1e300])', "stdev([1, float('inf')])", 'stdev([1, 2, 4], 2)',
    'pstdev([1, 2, 3, 4])', 'pstdev([0.1, 0.2, 0.3, 0.4])', 'pstdev([7])', 'pstdev([])', 'pstdev([1, 2], 0)',
    'quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])', 'quantiles(range(1, 11), n=10)', 'quantiles([1.5, 2, 7], n=3, method="inclusive")', 'quantiles([1, 2], n=1)', 'quantiles([1], n=4)', 'quantiles([1, 2, 3], n=0)',
    'quantiles([1, 2, 3], method="other")', 'quantiles([1, 2, 3], 4)', 'quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92], n=4)', 'quantiles([0.1, 0.7, 0.3], n=5, method="inclusive")',
  ];
  const IMPORT = 'from statistics import mean, fmean, median, median_low, median_high, mode, variance, pvariance, stdev, pstdev, quantiles';
  expect(compareWithCPython([
    // a condition's subclass of int or float (an IntEnum, IntFlag) as _sum's T: _convert makes its instance of the result (not a mix
    // of two such classes, whose order CPython takes from a set of types, by address)
    "import statistics, enum\nfrom fractions import Fraction as F\nclass N(enum.IntEnum):\n    A = 2\n    B = 4\n    C = 3\nclass P(enum.IntFlag):\n    R = 4\nclass I(int): pass\nclass Fl(float): pass\nr = []\nfor f in [lambda: statistics.mean([N.A, N.A]), lambda: statistics.mean([N.A, N.B]), lambda: statistics.mean([N.A, N.C]), lambda: statistics.mean([P.R, P.R]), lambda: statistics.mean([I(3), I(3)]), lambda: statistics.mean([I(3), I(4)]), lambda: statistics.mean([Fl(1.5), Fl(1.5)]), lambda: statistics.mean([Fl(1.5), 1]), lambda: statistics.mean([Fl(1.5), 1.5]), lambda: statistics.mean([I(3), 1.5]), lambda: statistics.mean([I(3), F(1, 2)]), lambda: statistics.mean([Fl(1.5), F(1, 2)]), lambda: statistics.mean([True, I(3)]), lambda: statistics.variance([I(1), I(3)]), lambda: statistics.pvariance([Fl(1.0), Fl(3.0)]), lambda: statistics.variance([N.A, N.B, N.C]), lambda: statistics.stdev([I(1), I(3)]), lambda: statistics.mean([1, 2]), lambda: statistics.mean([F(1, 2), 1.5])]:\n    try:\n        x = f()\n        r.append((type(x).__name__, x))\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r",
    ...exprs.map((e) => `${IMPORT}\nreturn ${e}`),
    'import statistics\ntry:\n    statistics.mean([])\nexcept ValueError as e:\n    return type(e).__name__, str(e)',
    "import statistics as st\nlatencies = [float(x) for x in '2.430 1.5 3.25 0.75'.split()]\nreturn st.mean(latencies), st.stdev(latencies), st.median(latencies)",
  ])).toEqual([]);
});

/** Random float samples: the exact means and correctly rounded roots agree with CPython's to the last digit. */
it('matches CPython digit for digit on random samples', () => {
  let seed = 12;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const cases: string[] = [];
  for (let i = 0; i < 60; i++) {
    const n = 2 + Math.floor(rnd() * 12);
    const xs = Array.from({ length: n }, () => (rnd() < 0.2 ? String(Math.floor(rnd() * 1000)) : String((rnd() - 0.3) * 10 ** Math.floor(rnd() * 20 - 10))));
    cases.push(`import statistics as s\nd = [${xs.join(', ')}]\nreturn s.mean(d), s.fmean(d), s.variance(d), s.pvariance(d), s.stdev(d), s.pstdev(d), s.median(d), s.quantiles(d)`);
  }
  expect(compareWithCPython(cases)).toEqual([]);
});

/**
 * Decimal data: _sum's exact fractions, converted back by _convert (Decimal(n) / Decimal(d) in the
 * context), stdev's _decimal_sqrt_of_frac, the infinities and NaNs summed in Decimal, and
 * _coerce's TypeError where floats are mixed in.
 */
it('answers statistics on Decimal data as CPython does', () => {
  expect(compareWithCPython([
    "from decimal import Decimal as D\nimport statistics as s\nxs = [D('1.1'), D('2.2'), D('3'), D('0.5')]\nr = []\nfor f in [s.mean, s.fmean, s.median, s.median_low, s.median_high, s.mode, s.multimode, s.stdev, s.pstdev, s.variance, s.pvariance, s.harmonic_mean, s.geometric_mean, s.quantiles, s.median_grouped]:\n  try:\n    r.append(repr(f(xs)))\n  except Exception as e:\n    r.append((type(e).__name__, str(e)))\nreturn r",
    "from decimal import Decimal as D\nimport statistics as s\nr = []\nfor xs in [[D(1), D(3)], [D('1e10'), D('1e-10'), 2], [D('Infinity'), D(2)], [D('NaN'), D(1)], [D('Infinity'), D('-Infinity')], [D(1), 1.0], [1.0, D(1)], [D('-Infinity'), D(1)], [D('1.00'), D('2.000')], [D(2), D(8), D(7)], [D('0.1')] * 7, [3, D('1.5')], [True, D(2)]]:\n  for f in [s.mean, s.stdev, s.pstdev, s.variance, s.pvariance, s.harmonic_mean]:\n    try:\n      r.append(repr(f(xs)))\n    except Exception as e:\n      r.append((type(e).__name__, str(e)))\nreturn r",
    "from decimal import Decimal as D, getcontext, localcontext\nimport statistics as s\nr = []\nwith localcontext() as c:\n  c.prec = 5\n  r.append(s.mean([D('1.23456789'), D(2)]))\n  r.append(s.stdev([D('1.23456789'), D(2), D(7)]))\n  r.append(s.variance([D('1.23456789'), D(2), D(7)], D(3)))\n  r.append(s.pvariance([D('1.23456789'), D(2), D(7)], D('3.3')))\nreturn r",
    "from decimal import Decimal as D\nimport statistics as s\nr = []\nfor w in [[1, 2], [D(1), D(2)], [0, 1], [-1, 2]]:\n  try:\n    r.append(s.harmonic_mean([D(2), D(3)], weights=w))\n  except Exception as e:\n    r.append((type(e).__name__, str(e)))\nreturn r, s.harmonic_mean([D(2)]), s.harmonic_mean([D(0), D(2)]), s.stdev([D(1)] * 5), s.pstdev([D(0)] * 3), s.variance([D(2), D(2)])",
    "from decimal import Decimal as D\nimport statistics as s\nreturn [s.stdev([D(i) / 7 for i in range(1, 30, k)]) for k in range(1, 9)], [s.pstdev([D(i) ** 2 / 3 for i in range(1, 40, k)]) for k in range(1, 9)]\n",
  ])).toEqual([]);
});

/** A Decimal of more ratio bits than the sums pay for is refused, uncaught; a zero of any exponent is (0, 1), at no cost. */
it('refuses statistics on a Decimal too large for its exact sums, uncaught', () => {
  const engine = new Engine();
  const out = evaluator(engine, { source: "import statistics\nfrom decimal import Decimal as D, localcontext\nwith localcontext() as c:\n    c.prec = 10000\n    try:\n        return statistics.stdev([D(1) / 3, D(2)])\n    except Exception:\n        return 'caught'", data: {} });
  expect(out.error).toMatch(/^UnsupportedError: statistics on a Decimal of more than 20000 bits/);
  expect(compareWithCPython(["from decimal import Decimal as D\nreturn D('0E-1000026').as_integer_ratio(), D('-0E+999999').as_integer_ratio()"])).toEqual([]);
});

/** harmonic_mean, geometric_mean, multimode, median_grouped, covariance, correlation and linear_regression, built where they were refused. */
it('answers the rest of the statistics functions as CPython does', () => {
  const exprs = [
    "st.harmonic_mean([2, 4, 4]), st.harmonic_mean([0, 2]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([F(1, 2), F(1, 3)]), st.harmonic_mean([2.5, 3])",
    "st.harmonic_mean([5]), st.harmonic_mean([F(1, 2)]), st.harmonic_mean([0]), st.harmonic_mean([True, 2])",
    "st.harmonic_mean([-5])",
    "st.harmonic_mean(['a'])",
    "st.harmonic_mean(['a', 'b'])",
    "st.harmonic_mean(iter([1, 2, 4])), st.harmonic_mean((x for x in [1, 2]), weights=iter([1, 1]))",
    "st.harmonic_mean([1, 2], weights=[0, 0])",
    "st.harmonic_mean([1, 2], weights=[-1, 2])",
    "st.harmonic_mean([1, -2])",
    "st.harmonic_mean([0, -2])",
    "st.harmonic_mean([1, 2], weights=[1, 2.5]), st.harmonic_mean([1, 2], weights=[F(1, 2), 1])",
    "st.harmonic_mean([float('inf'), 1]), st.harmonic_mean([float('nan'), 1])",
    "st.harmonic_mean({1, 2, 3}), st.harmonic_mean({5})",
    "st.harmonic_mean(5)",
    "st.harmonic_mean([1, 2], [1])",
    "st.harmonic_mean()",
    "st.geometric_mean([1, 2, 4]), st.geometric_mean([54, 24, 36]), st.geometric_mean([F(1, 2), 2]), st.geometric_mean(iter([3, 3])), st.geometric_mean([1e300, 1e300])",
    "st.geometric_mean([0, 1])",
    "st.geometric_mean(['a'])",
    "st.geometric_mean([10**400])",
    "st.geometric_mean([1e308] * 3)",
    "st.geometric_mean([])",
    "st.geometric_mean(5)",
    "st.multimode('aabbbbccddddeeffffgg'), st.multimode([]), st.multimode([1, 1.0, True, 2, 2, 2]), st.multimode(iter('abab')), st.multimode('x')",
    "st.multimode([[1]])",
    "st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.median_grouped([52, 52, 53, 54]), st.median_grouped([1, 3, 3, 5, 7], interval=2), st.median_grouped([1]), st.median_grouped([F(1, 2), 3]), st.median_grouped(['1', '2'])",
    "st.median_grouped([])",
    "st.median_grouped(['a'])",
    "st.median_grouped([1, 2, 3], interval='a')",
    "st.median_grouped([1, 2, 3], interval=[1])",
    "st.median_grouped([1, 2, 3], interval=0)",
    "st.median_grouped([[1]])",
    "st.median_grouped([2.5, 3.5, 3.5, 3.5, 10], 0.5)",
    "st.correlation([1, 2, 3], [1, 2, 3.5]), st.covariance([1, 2, 3], [3, 2, 1]), st.linear_regression([1, 2, 3], [2, 4, 6.5])",
    "st.correlation([1, 1], [1, 2])",
    "st.correlation([1], [1])",
    "st.correlation([1, 2], [1])",
    "st.correlation(x=[1, 2], y=[1, 2])",
    "st.correlation([1, 2])",
    "st.correlation(iter([1, 2]), [1, 2])",
    "st.covariance([F(1, 2), 1, 2], [1, 2, 3]), st.covariance(range(5), range(5)), st.covariance((1, 2), [3, 5])",
    "st.covariance([1, 2], ['a', 'b'])",
    "st.covariance([1, 2], [1])",
    "st.covariance([1], [1])",
    "st.linear_regression([1, 1], [1, 2])",
    "st.linear_regression([1, 2, 3], [2, 4, 6], proportional=True), st.linear_regression([1, 2, 3], [2, 4, 6]), st.linear_regression([0, 0], [1, 2], proportional=1) if False else 0",
    "st.linear_regression([0, 0], [1, 2], proportional=True)",
    "st.linear_regression([1, 2], [1, 2], True)",
    "st.linear_regression([1, 2, 3], [2, 4, 6.5]).slope, st.linear_regression([1, 2, 3], [2, 4, 6.5])[1], type(st.linear_regression([1, 2], [3, 4])).__name__, st.LinearRegression, st.LinearRegression._fields",
    "st.LinearRegression(1, 2), st.linear_regression([1, 2], [1, 2]) == (1.0, 0.0)",
    "st.linear_regression([1, 2], [1])",
    "st.linear_regression([1], [1])",
    "st.correlation([1e200, 2e200, 3e200], [1, 2, 4]), st.correlation([1, 2, 3, 4], [4, 3, 2, 1])",
    "st.correlation([1, 2, 3], [2, 2, 2])",
  ];
  expect(compareWithCPython(exprs.map((e) => `import statistics as st\nfrom fractions import Fraction as F\nreturn ${e}`))).toEqual([]);
});
