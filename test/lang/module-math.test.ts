import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython } from '../support/cpython.js';
import { uniform } from '../support/libm.js';

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

/**
 * The hyperbolic functions, erf, erfc, cbrt and exp2 (glibc's, ported bit for bit) with
 * math_1's errors as mathmodule.c declares each (FUNC1's can_overflow), and gamma and lgamma
 * (CPython's own Lanczos code) with math_1a's: the values, the domain and range errors, the
 * argument errors.
 */
it('answers the hyperbolic functions, erf, erfc, cbrt and exp2 as CPython does', () => {
  const exprs = [
    'math.sinh(0.5)', 'math.sinh(-3)', 'math.sinh(30)', 'math.sinh(710)', 'math.sinh(711)', 'math.sinh(-1000)', 'math.sinh(-0.0)', 'math.sinh(1e-300)', "math.sinh(float('-inf'))", "math.sinh(float('nan'))",
    'math.cosh(0.1)', 'math.cosh(-2)', 'math.cosh(710.4)', 'math.cosh(711)', 'math.cosh(-1000)', "math.cosh(float('-inf'))", 'math.cosh(0)',
    'math.tanh(0.3)', 'math.tanh(-2)', 'math.tanh(25)', 'math.tanh(-0.0)', "math.tanh(float('inf'))", "math.tanh(float('-inf'))", 'math.tanh(5e-324)',
    'math.asinh(1)', 'math.asinh(-1e300)', 'math.asinh(1e-10)', 'math.asinh(-0.0)', "math.asinh(float('-inf'))",
    'math.acosh(1)', 'math.acosh(2.5)', 'math.acosh(1e300)', 'math.acosh(0.5)', 'math.acosh(-1)', "math.acosh(float('inf'))", "math.acosh(float('-inf'))",
    'math.atanh(0.5)', 'math.atanh(-0.9999999999999999)', 'math.atanh(1)', 'math.atanh(-1)', 'math.atanh(1.5)', 'math.atanh(-0.0)', "math.atanh(float('nan'))",
    'math.erf(0.5)', 'math.erf(-1)', 'math.erf(3)', 'math.erf(10)', 'math.erf(-0.0)', "math.erf(float('-inf'))", 'math.erf(1e-310)',
    'math.erfc(0.5)', 'math.erfc(-1)', 'math.erfc(5)', 'math.erfc(27)', 'math.erfc(30)', 'math.erfc(-30)', "math.erfc(float('inf'))", "math.erfc(float('-inf'))",
    'math.cbrt(27)', 'math.cbrt(-8)', 'math.cbrt(2)', 'math.cbrt(1e-310)', 'math.cbrt(-0.0)', "math.cbrt(float('-inf'))", 'math.cbrt(10**300)',
    'math.exp2(10)', 'math.exp2(0.5)', 'math.exp2(-1074)', 'math.exp2(-1075)', 'math.exp2(-2000)', 'math.exp2(1023.9)', 'math.exp2(1024)', "math.exp2(float('-inf'))", 'math.exp2(True)',
    'math.log1p(0.3)', 'math.log1p(-0.25)', 'math.log1p(1e300)', 'math.expm1(0.3)', 'math.expm1(-0.7)', 'math.expm1(5)', 'math.expm1(-50)', 'math.expm1(709.7)',
    "math.sinh('1')", 'math.sinh()', 'math.cosh(1, 2)', 'math.erf(x=1)', 'math.exp2(2**1100)', 'math.cbrt(None)', 'math.tanh([])',
  ];
  expect(compareWithCPython(exprs.map((e) => `import math\nreturn ${e}`))).toEqual([]);
});

it('answers gamma and lgamma as CPython does, with their errors', () => {
  const exprs = [
    'math.gamma(5)', 'math.gamma(0.5)', 'math.gamma(1.5)', 'math.gamma(23)', 'math.gamma(24)', 'math.gamma(100.5)', 'math.gamma(141.5)', 'math.gamma(171.5)', 'math.gamma(172)', 'math.gamma(1e-300)', 'math.gamma(1e-320)', 'math.gamma(-1e-320)',
    'math.gamma(0)', 'math.gamma(-0.0)', 'math.gamma(-1)', 'math.gamma(-2**60)', 'math.gamma(-0.5)', 'math.gamma(-1.5)', 'math.gamma(-2.5)', 'math.gamma(-171.5)', 'math.gamma(-201.5)', 'math.gamma(-1e300)',
    "math.gamma(float('inf'))", "math.gamma(float('-inf'))", "math.gamma(float('nan'))", 'math.gamma(201)', 'math.gamma(True)',
    'math.lgamma(1)', 'math.lgamma(2)', 'math.lgamma(3)', 'math.lgamma(0.5)', 'math.lgamma(1e-300)', 'math.lgamma(-1e-300)', 'math.lgamma(1e300)', 'math.lgamma(1e307)', 'math.lgamma(1.7e308)',
    'math.lgamma(0)', 'math.lgamma(-3)', 'math.lgamma(-1e308)', 'math.lgamma(-0.5)', 'math.lgamma(-2.5)', "math.lgamma(float('-inf'))", "math.lgamma(float('nan'))",
    "math.gamma('1')", 'math.gamma()', 'math.lgamma(1, 2)', 'math.gamma(x=1)', 'math.lgamma(10**400)',
    'math.gamma(2**1023 * 1.9)', 'math.gamma(-2**-1074)', 'math.lgamma(-2**-1074)', 'math.lgamma(2**-1074)', 'math.gamma(-2**52 - 0.5)', 'math.lgamma(-2**52 - 0.5)',
  ];
  expect(compareWithCPython(exprs.map((e) => `import math\nreturn ${e}`))).toEqual([]);
});

/**
 * gamma and lgamma of seeded positive arguments, where no sin or cos is called: Lanczos'
 * sum, exp, pow and log alone, so bit for bit. (Negative arguments go through m_sinpi's
 * sin and cos, which are V8's until they are ported.)
 */
it('computes gamma and lgamma of positive arguments as CPython does, bit for bit', () => {
  const random = uniform(1111);
  const xs = Array.from({ length: 400 }, (_, i) => [random() * 10, random() * 171, 10 ** (random() * 40 - 30), 10 ** (random() * 300)][i % 4]);
  const exprs = xs.flatMap((x) => [`math.gamma(${x})`, `math.lgamma(${x})`]);
  expect(compareWithCPython(exprs.map((e) => `import math\nreturn ${e}`))).toEqual([]);
});

/** degrees and radians multiply by the folded constant, unchecked; hypot and dist are vector_norm's, scaled, compensated and corrected. */
it('answers degrees, radians, hypot and dist as CPython 3.11 does', () => {
  const random = uniform(311);
  const value = (i: number) => [random() * 10, (random() - 0.5) * 1e-300, 10 ** (random() * 600 - 300), random() * 2 ** -1030, random() * 1e308][i % 5];
  const vectors = Array.from({ length: 200 }, (_, i) => Array.from({ length: 2 + (i % 5) }, () => value(i)));
  const exprs = [
    'math.degrees(1)', 'math.degrees(1e308)', 'math.degrees(-0.0)', "math.degrees(float('nan'))", 'math.radians(180)', 'math.radians(1e308)', 'math.radians(-720)', "math.degrees('x')", 'math.radians()',
    'math.hypot()', 'math.hypot(-3)', 'math.hypot(3, 4)', "math.hypot(float('nan'), float('inf'))", "math.hypot(float('-inf'), float('nan'))", "math.hypot(float('nan'), 1)", 'math.hypot(1e308, 1e308)',
    'math.hypot(1e308, 1e308, 1e308, 1e308)', 'math.hypot(True, False)', 'math.exp2(-1074.5)', 'math.cbrt(5e-324)', 'math.erfc(-5e-324)',
    'math.hypot(5e-324, 5e-324)', 'math.hypot(1e-320, 3e-320, 2e-320)', 'math.hypot(0.0, -0.0)', 'math.hypot(*range(1000))', "math.hypot(1, 'a')", 'math.hypot(10**400, 1)',
    'math.dist([1e308], [-1e308])', "math.dist([float('nan')], [float('inf')])", 'math.dist((1, 2), [4, 6])', 'math.dist(range(50), range(50, 100))', 'math.dist((1e-320, 0), (0, 3e-320))',
    ...vectors.map((v) => `math.hypot(${v.join(', ')})`),
    ...vectors.map((v) => `math.dist([${v.join(', ')}], [${v.map(() => value(1)).join(', ')}])`),
    ...Array.from({ length: 100 }, (_, i) => `math.degrees(${value(i)}), math.radians(${value(i)})`),
  ];
  expect(compareWithCPython(exprs.map((e) => `import math\nreturn ${e}`))).toEqual([]);
});

/** A NaN's sign bit: float('-nan'), float.fromhex('-nan') and complex('-nanj') set it, and copysign reads it, as C's does. */
it("reads and keeps a NaN's sign as CPython 3.11 does", () => {
  const exprs = [
    "math.copysign(1, float('-nan'))", "math.copysign(1, float(' -NaN '))", "math.copysign(1, float('+nan'))", 'math.copysign(1, -math.nan)',
    'math.copysign(1, math.copysign(math.nan, -1.0))', "math.copysign(1, float.fromhex('-nan'))", "math.copysign(1, float.fromhex('nan'))",
    "math.copysign(1, complex('-nanj').imag)", "math.copysign(1, complex('-nan+1j').real)", "math.copysign(2, float('-nan')), math.copysign(-math.nan, 1.0)",
  ];
  expect(compareWithCPython(exprs.map((e) => `import math\nreturn ${e}`))).toEqual([]);
});

/** ulp, nextafter and the logs hand a NaN argument back as it is, its sign bit kept (math_ulp, glibc's x + y, m_log). */
it("hands a NaN back with its sign from ulp, nextafter and the logs, as CPython 3.11 does", () => {
  const exprs = ['math.ulp(-math.nan)', 'math.nextafter(-math.nan, 1)', 'math.nextafter(1, -math.nan)', 'math.log(-math.nan)', 'math.log2(-math.nan)', 'math.log10(-math.nan)', 'math.log(-math.nan, 10)', 'math.ulp(math.nan)', "math.ulp(float('-inf'))"];
  expect(compareWithCPython(exprs.map((e) => `import math, struct\nx = ${e}\nreturn struct.pack('>d', x).hex(), repr(x)`))).toEqual([]);
});
