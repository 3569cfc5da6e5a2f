import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython } from '../support/cpython.js';

/** The rest of math: comb, perm, isqrt, log1p, expm1, dist, ulp, nextafter, at their edges. */
it('answers the rest of math as CPython does', () => {
  const exprs = [
    'math.comb(5, 2)', 'math.comb(10, 0)', 'math.comb(3, 5)', 'math.comb(52, 5)', 'math.comb(60, 30)', 'math.comb(-1, 2)', 'math.comb(5, -1)', 'math.comb(5.0, 2)', 'math.comb(5)', 'math.comb(True, True)',
    'math.perm(5, 2)', 'math.perm(5)', 'math.perm(5, None)', 'math.perm(3, 4)', 'math.perm(-3)', 'math.perm(18)', 'math.perm(5, 2, 1)', "math.perm('5')",
    'math.isqrt(0)', 'math.isqrt(15)', 'math.isqrt(16)', 'math.isqrt(2**52 + 12345)', 'math.isqrt(2**53 - 1)', 'math.isqrt(-1)', 'math.isqrt(4.0)',
    'math.log1p(0)', 'math.log1p(1e-20)', 'math.log1p(-1)', 'math.log1p(-2)', "math.log1p(float('inf'))",
    'math.expm1(1e-10)', 'math.expm1(0)', 'math.expm1(1000)', "math.expm1(float('-inf'))",
    'math.dist((0, 0), (3, 4))', 'math.dist([1, 2, 3], [4, 6, 3])', 'math.dist((1,), (1, 2))', "math.dist((1,), ('a',))", 'math.dist((), ())', 'math.dist([1.5], (0.5,))',
    'math.ulp(1.0)', 'math.ulp(0.0)', 'math.ulp(-2.5)', 'math.ulp(1e308)', 'math.ulp(1.7976931348623157e308)', "math.ulp(float('inf'))", "math.ulp(float('nan'))", 'math.ulp(5e-324)',
    'math.nextafter(1.0, 2.0)', 'math.nextafter(1.0, 0.0)', 'math.nextafter(0.0, 1.0)', 'math.nextafter(0.0, -1.0)', 'math.nextafter(-1.0, 0)', 'math.nextafter(2, 2)',
    "math.nextafter(1.7976931348623157e308, float('inf'))", "math.nextafter(float('nan'), 1)", 'math.nextafter(1)',
  ];
  expect(compareWithCPython(exprs.map((e) => `import math\nreturn ${e}`), new Engine(), true)).toEqual([]);
});

it('imports the new functions by name', () => {
  expect(compareWithCPython(['from math import comb, isqrt as r\nreturn comb(4, 2) + r(10)'])).toEqual([]);
});

/** math_fsum's special values: infinities, nan, overflow, zeros dropped from the partials. */
it('sums infinities, nan and overflow as math_fsum does', () => {
  const exprs = [
    'math.fsum([1e308, 1e308])', 'math.fsum([1e308, 1e308, "a"])', 'math.fsum([-1e308, -1e308, 1e308])', 'math.fsum([math.inf, 1.0])', 'math.fsum([-math.inf, 1e308, 1e308])',
    'math.fsum([math.inf, -math.inf])', 'math.fsum([-math.inf, 2.0, math.inf])', 'math.fsum([math.nan, 1.0])', 'math.fsum([math.inf, math.nan])', 'math.fsum([math.inf, math.inf])',
    'math.fsum([-0.0])', 'math.fsum([-0.0, -0.0])', 'math.fsum([])', 'math.fsum([1e-16, 1, 1e16])', 'math.fsum([0.1] * 10)', 'math.fsum([1e308, -1e308, 1e308])',
    'statistics.fmean([1e308, 1e308])', 'statistics.fmean([math.inf, -math.inf])', 'statistics.fmean([-0.0])', 'statistics.fmean([math.inf, 1])',
  ];
  expect(compareWithCPython(exprs.map((e) => `import math, statistics\nreturn ${e}`), new Engine(), true)).toEqual([]);
});
