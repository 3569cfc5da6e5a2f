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

/** frexp, ldexp, modf and remainder take doubles apart as C99 does; fmod and copysign beside them. */
it('answers frexp, ldexp, modf, remainder, fmod and copysign as CPython does', () => {
  const exprs = [
    'math.frexp(8.0)', 'math.frexp(0.1)', 'math.frexp(-3)', 'math.frexp(0.0)', 'math.frexp(-0.0)', 'math.frexp(5e-324)', 'math.frexp(1e-310)', 'math.frexp(1.7976931348623157e308)',
    "math.frexp(float('inf'))", "math.frexp(float('nan'))", 'math.frexp(2**1000)', "math.frexp('1')", 'math.frexp()', 'math.frexp(x=1)', 'math.modf(1, 2)',
    'math.ldexp(0.5, 4)', 'math.ldexp(1, -1074)', 'math.ldexp(1, -1075)', 'math.ldexp(3, -1076)', 'math.ldexp(1.5, -1075)', 'math.ldexp(0.75, -1074)', 'math.ldexp(-1.0, -1080)',
    'math.ldexp(1, 1023)', 'math.ldexp(1, 1024)', 'math.ldexp(-1, 10**30)', 'math.ldexp(1, -10**30)', 'math.ldexp(0.0, 10**30)', "math.ldexp(float('inf'), -5)", 'math.ldexp(1, True)',
    'math.ldexp(1, 2.0)', "math.ldexp('1', 2)", 'math.ldexp(1e-300, 2000)', 'math.ldexp(123456789.123, -1060)', 'math.ldexp(0.9999999999999999, -1022)',
    'math.modf(3.5)', 'math.modf(-3.5)', 'math.modf(-2.0)', 'math.modf(0)', "math.modf(float('-inf'))", "math.modf(float('nan'))", 'math.modf(1e300)', "math.modf('x')",
    'math.remainder(10, 3)', 'math.remainder(11, 3)', 'math.remainder(5, 2)', 'math.remainder(7, 2)', 'math.remainder(-5, 2)', 'math.remainder(-6, 2)', 'math.remainder(1e300, 3.3)',
    "math.remainder(1, float('inf'))", "math.remainder(float('inf'), 1)", 'math.remainder(1, 0)', "math.remainder(float('nan'), 0)", 'math.remainder(1)', 'math.remainder(x=1, y=2)', 'math.ldexp(1)', 'math.ldexp(x=1, i=2)',
    'math.fmod(7, 3)', 'math.fmod(-7, 3)', 'math.fmod(1, 0)', "math.fmod(1, float('inf'))", 'math.copysign(3, -0.0)', 'math.copysign(-2, 1)', "math.copysign(1, float('nan'))",
  ];
  expect(compareWithCPython(exprs.map((e) => `import math\nreturn ${e}`), new Engine(), true)).toEqual([]);
});
