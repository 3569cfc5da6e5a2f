import { describe, expect, it } from 'vitest';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { FUZZ_SEED } from '../support/fuzz-seed.js';
import { uniform } from '../support/libm.js';
import { Engine } from '../../src/lang/index.js';

/** cmath as CPython 3.11's Modules/cmathmodule.c answers it. */

const FUNCTIONS = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10', 'sin', 'sinh', 'sqrt', 'tan', 'tanh'];
const call = (f: string, args: string): string => `import cmath\nreturn cmath.${f}(${args})`;

// the seven kinds of the special-value tables: -inf, negative, -0.0, +0.0, positive, +inf, nan
const KINDS = ["float('-inf')", '-2.5', '-0.0', '0.0', '2.5', "float('inf')", "float('nan')"];
const SPECIAL = [...FUNCTIONS, 'phase', 'polar', 'isfinite', 'isinf', 'isnan', 'rect'].flatMap((f) =>
  KINDS.flatMap((x) => KINDS.map((y) => call(f, f === 'rect' ? `${x}, ${y}` : `complex(${x}, ${y})`))),
);

// ordinary points: small, subnormal, huge, near |z| = 1 (log1p's band), near the overflow of cosh and exp
const POINTS = [
  '0.5+0.5j', '-0.3+2j', '3-4j', '1e-300-1e-300j', '5e-324+5e-324j', 'complex(1e-310, -2e-310)', '1e300+1e300j', 'complex(-1.5e308, 1e308)',
  '0.9+0.4j', '1.2-0.1j', '1+0j', '-1+0j', 'complex(0.999999, 1e-7)', '2j', '-3j', '1e-20+0j', '700+0.5j', '710+0.5j', 'complex(-710, 1)',
  '0.1+720j', '1e16+1e16j', 'complex(1, 1e-200)', 'complex(1e-200, 1)', '0.25', '-7', 'True', '10**20',
];
const ORDINARY = FUNCTIONS.flatMap((f) => POINTS.map((z) => call(f, z)));

// branch cuts: the sign of a zero part picks the side
const CUTS = [
  ...['asin', 'acos', 'atanh', 'log', 'sqrt', 'log10', 'acosh'].flatMap((f) => ['-2', '-1.5', '-1', '-0.5', '0.5', '1.5', '2'].flatMap((x) => [call(f, `complex(${x}, 0.0)`), call(f, `complex(${x}, -0.0)`)])),
  ...['asinh', 'atan'].flatMap((f) => ['-2', '-1.5', '-1', '1', '1.5', '2'].flatMap((y) => [call(f, `complex(0.0, ${y})`), call(f, `complex(-0.0, ${y})`)])),
];

// errno: OverflowError 'math range error', ValueError 'math domain error'
const ERRNO = [
  call('exp', '710'), call('exp', 'complex(710, 1)'), call('exp', 'complex(709.9, 3)'), call('exp', 'complex(1e308, 0)'), call('cosh', '1000'), call('sinh', 'complex(-1000, 1)'),
  call('cos', '1000j'), call('sin', 'complex(1, 1000)'), call('tanh', '1000'), call('tan', '1000j'), call('cosh', 'complex(711, 1e-300)'), call('sinh', 'complex(711, 0.5)'),
  call('log', '0'), call('log', '-0.0'), call('log', 'complex(-0.0, -0.0)'), call('log10', '0'), call('atanh', '1'), call('atanh', '-1'), call('atanh', 'complex(1, -0.0)'), call('atanh', 'complex(1, 1e-300)'),
  call('atan', '1j'), call('atan', '-1j'), call('exp', "complex(1, float('inf'))"), call('sin', "complex(float('inf'), 1)"), call('rect', "1, float('inf')"), call('rect', "0, float('inf')"),
  call('rect', "float('nan'), float('inf')"), call('rect', '1e308, 0.5'), call('rect', '-1e308, -0.0'), call('rect', "float('inf'), 1"), call('rect', "float('-inf'), 2"), call('rect', '2, 0.0'), call('rect', '2, -0.0'),
  call('phase', 'complex(1e308, 5e-324)'), call('phase', 'complex(-1e308, 5e-324)'), call('phase', 'complex(1e308, -5e-324)'), call('polar', 'complex(1e308, 5e-324)'), call('polar', 'complex(1.7e308, 1.7e308)'),
  call('polar', '1e308+1e308j'), call('polar', "complex(float('nan'), float('inf'))"), call('phase', "complex(5e-324, float('inf'))"),
  call('log', '0, 2'), call('log', '2, 1'), call('log', '2, 0'), call('log', '8, 2'), call('log', '1j, 1+1j'), call('log', '-1, -1'), call('log', "float('inf'), 2"), call('log', '100, 10.0'), call('log', '1e-320, 1e300'),
];

// arguments as the clinic converters take them, and their words for everything else
const ARGUMENTS = [
  call('sqrt', "'a'"), call('sqrt', ''), call('sqrt', '1, 2'), call('sqrt', 'z=1'), call('sqrt', 'None'), call('sqrt', '10**400'), call('sqrt', '[1j]'), call('sqrt', 'True'), call('exp', 'False'),
  call('log', ''), call('log', '1, 2, 3'), call('log', 'z=1'), call('log', "1, 'a'"), call('log', '1, 10**400'), call('log', "'a', 10**400"), call('log', '0, None'),
  call('rect', '1'), call('rect', '1j, 1'), call('rect', '1, 1j'), call('rect', "'x', 1"), call('rect', 'r=1, phi=2'), call('rect', '2, 10**400'), call('rect', '1, 2, 3'),
  call('phase', ''), call('phase', "'x'"), call('polar', '1, 2'), call('isnan', '1, 2'), call('isinf', 'z=1'), call('isfinite', '{}'),
  call('isclose', '1, 2, 3'), call('isclose', '1'), call('isclose', ''), call('isclose', 'b=1'), call('isclose', '1, foo=2'), call('isclose', '1, a=2'), call('isclose', '1, 2, a=1, foo=3'),
  call('isclose', '1, 2, foo=3, a=1'), call('isclose', '1, 2, 3, foo=1'), call('isclose', '1, 1, foo=1'), call('isclose', '1, 1, rel_tol=-1'), call('isclose', '1, 1, abs_tol=-0.5'), call('isclose', "1j, 'a'"),
  call('isclose', '1, 1, rel_tol=1j'), call('isclose', "1, 1, rel_tol='a'"), call('isclose', '1, 1, abs_tol=10**400'), call('isclose', '1, b=1, abs_tol=None'), call('isclose', 'b=1, a=1, rel_tol=0.5'),
  `import cmath\nreturn cmath.sqrt.__name__, cmath.acos, type(cmath.exp(1)).__name__, type(cmath.phase(1)).__name__, cmath.polar(1j), cmath.isinf(1), cmath.isnan(1j)`,
  `import cmath\nreturn cmath.nope`,
  `import cmath, re\nreturn cmath.sqrt(re.I), cmath.isclose(re.I, 2), cmath.rect(re.I, 0)`, `import cmath\nreturn cmath.log(*[1j] * 2), cmath.isclose(**{'a': 1, 'b': 1j}), cmath.sqrt(1j, **{})`,
  `import cmath\nreturn cmath.isclose(1, 2, **{'rel_tol': 0.9, 'abs_tol': 0})`, `import cmath\nreturn cmath.sqrt(2**1023 * 2 - 1), cmath.sqrt(-2**1024 + 2**970)`, `import cmath\nreturn cmath.sqrt(-2**1024)`,
  `import cmath\nreturn [cmath.exp(complex(i, i)) for i in range(-800, 800, 97)]`,
];

const ISCLOSE = [
  `import cmath\nreturn cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1+1j, 1+1.001j), cmath.isclose(1j, 1.001j, rel_tol=0.01), cmath.isclose(0j, 1e-10j), cmath.isclose(0j, 1e-10j, abs_tol=1e-9)`,
  `import cmath\ninf = float('inf')\nnan = float('nan')\nreturn cmath.isclose(complex(inf, 1), complex(inf, 1)), cmath.isclose(complex(inf, 1), complex(-inf, 1)), cmath.isclose(complex(nan, 1), complex(nan, 1)), cmath.isclose(complex(1, inf), 1), cmath.isclose(complex(1e308, 1e308), complex(-1e308, -1e308)), cmath.isclose(a=1, b=1.0)`,
];

const MODULE = [
  `import cmath\nreturn cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj, type(cmath.infj).__name__`,
  `import cmath, math\nreturn cmath.pi == math.pi, cmath.e == math.e, cmath.tau == 2 * math.pi, math.copysign(1, cmath.nan), math.copysign(1, cmath.nanj.imag)`,
  `import cmath as c\nreturn c.sqrt(-4), c.exp(0), c.log(1)`,
  `from cmath import sqrt, phase, polar, rect, pi\nreturn sqrt(-1), phase(-1), polar(-2), rect(2, 0), pi`,
  `from cmath import *\nreturn sqrt(-9)`,
];

const ALL = [...SPECIAL, ...ORDINARY, ...CUTS, ...ERRNO, ...ARGUMENTS, ...ISCLOSE, ...MODULE];

describe('cmath', () => {
  it('answers as CPython 3.11 over the special-value tables, ordinary values, branch cuts, errno and arguments', () => {
    expect(compareWithCPython(ALL)).toEqual([]);
  });

  it('stops a million calls at the run budget', () => {
    const started = Date.now();
    expect(evaluator(new Engine(), { source: 'import cmath\nfor i in range(10**6):\n    cmath.exp(1j * i)\nreturn 1' }).error).toMatch(/^StepLimitError/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses to set a module's attribute, as for every module", () => {
    expect(evaluator(new Engine(), { source: 'import cmath\ncmath.pi = 3\nreturn 1' }).error).toMatch(/^UnsupportedError: cannot set 'cmath.pi'/);
  });
});

/**
 * Seeded random arguments (FUZZ_SEED replays a run): parts of every scale, subnormal to huge, and now and
 * then a zero, an infinity or a NaN; 100 calls of each function.
 */
function randomCases(seed: number): string[] {
  const next = uniform(seed);
  const part = (): string => {
    if (next() < 0.05) return ['0.0', '-0.0', "float('inf')", "float('-inf')", "float('nan')"][Math.floor(next() * 5)];
    const kind = next();
    const exponent = kind < 0.6 ? Math.floor(next() * 8) - 4 : kind < 0.8 ? Math.floor(next() * 40) - 20 : Math.floor(next() * 630) - 320;
    return `${next() < 0.5 ? '-' : ''}${1 + next() * 9}e${exponent}`;
  };
  const z = (): string => `complex(${part()}, ${part()})`;
  return [
    ...[...FUNCTIONS, 'phase', 'polar'].flatMap((f) => Array.from({ length: 100 }, () => call(f, z()))),
    ...Array.from({ length: 100 }, () => call('rect', `${part()}, ${part()}`)),
    ...Array.from({ length: 100 }, () => call('log', `${z()}, ${z()}`)),
  ];
}

describe('cmath over seeded random arguments', () => {
  console.log(`cmath random arguments: seed ${FUZZ_SEED} (FUZZ_SEED=${FUZZ_SEED} replays them)`);

  it("matches CPython digit for digit, as every libm function it calls is glibc's own", () => {
    expect(compareWithCPython(randomCases(FUZZ_SEED))).toEqual([]);
  });
});
