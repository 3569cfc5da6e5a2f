import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** statistics.NormalDist: its floats bit for bit (pdf, cdf, inv_cdf's three ranges, overlap), its operators, errors and a subclass. */
const CASES = [
  "from statistics import NormalDist\nn = NormalDist(100, 15)\nreturn [n.pdf(x) for x in (70, 85, 100, 115.5, 160)], [n.cdf(x) for x in (0, 70, 85, 100, 115.5, 160, 1e6)], n.zscore(130), n.mean, n.median, n.mode, n.stdev, n.variance",
  "from statistics import NormalDist\nn = NormalDist(100, 15)\nreturn [n.inv_cdf(p) for p in (1e-300, 1e-20, 0.001, 0.01, 0.0249, 0.075, 0.1, 0.3, 0.5, 0.7, 0.925, 0.9751, 0.99, 0.999999, 1 - 1e-16)], n.quantiles(), n.quantiles(10), NormalDist().quantiles(n=7)",
  "from statistics import NormalDist\na, b = NormalDist(2.4, 1.6), NormalDist(3.2, 2.0)\nreturn a.overlap(b), b.overlap(a), a.overlap(NormalDist(2.4, 1.6)), a.overlap(NormalDist(10, 1.6)), NormalDist(0, 1).overlap(NormalDist(0.5, 3))",
  "from statistics import NormalDist\na, b = NormalDist(2.4, 1.6), NormalDist(3.2, 2.0)\nreturn [repr(x) for x in (a + b, a - b, a + 3, 3 + a, a - 1, 10 - a, a * 2, 2 * a, a * -2, a / 4, a / -2, +a, -a)], a == NormalDist(2.4, 1.6), a == b, a != 3, hash(a) == hash(NormalDist(2.4, 1.6)), repr(NormalDist()), str(a)",
  "from statistics import NormalDist\nr = []\nfor f in (lambda: NormalDist(1, -1), lambda: NormalDist(1, 0).pdf(1), lambda: NormalDist(1, 0).cdf(1), lambda: NormalDist().inv_cdf(0), lambda: NormalDist().inv_cdf(1.5), lambda: NormalDist(1, 0).inv_cdf(0.5), lambda: NormalDist(1, 0).zscore(2), lambda: NormalDist().overlap(NormalDist(0, 0)), lambda: NormalDist.from_samples([1]), lambda: NormalDist.from_samples([])):\n    try:\n        r.append(f())\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\ntry:\n    NormalDist().overlap(3)\nexcept TypeError as e:\n    r.append(str(e))\ntry:\n    NormalDist('a')\nexcept Exception as e:\n    r.append((type(e).__name__, str(e)))\nreturn r",
  "from statistics import NormalDist\nfrom fractions import Fraction\nreturn repr(NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])), repr(NormalDist.from_samples(iter([1, 2, 3, 4]))), repr(NormalDist.from_samples([Fraction(1, 3), Fraction(2, 7), 1])), repr(NormalDist(Fraction(1, 3), True)), NormalDist(1, 2).cdf(Fraction(1, 2))",
  "from statistics import NormalDist\nclass N(NormalDist):\n    pass\nn = N(1, 2)\nreturn repr(n), repr(n + 1), type(n + 1).__name__, n == NormalDist(1, 2), type(N.from_samples([1, 2])).__name__, {NormalDist(1, 2): 'x'}[n]",
  "from statistics import NormalDist\nn = NormalDist(0, 1)\ntry:\n    n.x = 5\nexcept AttributeError as e:\n    return str(e), getattr(n, \"_mu\"), n.stdev",
  "from statistics import NormalDist\nn = NormalDist(3, 0.5)\nreturn [n.pdf(3 + k / 7) for k in range(-20, 21)] == [n.pdf(3 + k / 7) for k in range(-20, 21)], [NormalDist().cdf(k / 3) for k in range(-30, 31, 7)], [NormalDist(5, 2).inv_cdf(k / 97) for k in range(1, 97, 9)]",
];

it('answers NormalDist as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/** samples(n, seed=S): random.Random(S).gauss's floats, each seed type as Random.seed takes it (mersenne.ts). */
const SAMPLES = [
  "from statistics import NormalDist\nreturn NormalDist(10, 2).samples(5, seed=42)",
  "from statistics import NormalDist\nreturn NormalDist().samples(3, seed='abc'), NormalDist(1, 0.5).samples(3, seed=b'xyz'), NormalDist().samples(2, seed=bytearray(b'q'))",
  "from statistics import NormalDist\nreturn NormalDist().samples(3, seed=-7), NormalDist().samples(3, seed=0), NormalDist().samples(3, seed=2**100 + 12345), NormalDist().samples(2, seed=True)",
  "from statistics import NormalDist\nreturn NormalDist().samples(3, seed=1.5), NormalDist().samples(3, seed=-2.25), NormalDist().samples(2, seed=float('inf'))",
  "from statistics import NormalDist\nreturn NormalDist(3, 0).samples(4, seed=1), NormalDist().samples(0, seed=1), NormalDist().samples(-2, seed=1), sum(NormalDist(5, 3).samples(300, seed=99))",
  "from statistics import NormalDist\ntry:\n    NormalDist().samples(2, seed=(1,))\nexcept TypeError as e:\n    a = str(e)\ntry:\n    NormalDist().samples(2.5, seed=1)\nexcept TypeError as e:\n    b = str(e)\ntry:\n    NormalDist().samples(2, 3)\nexcept TypeError as e:\n    c = str(e)\nreturn a, b, c",
  "from statistics import NormalDist\nreturn NormalDist().samples(3, seed='h\u00e9llo \u2713'), NormalDist().samples(630, seed=3)[-3:], NormalDist().samples(5, seed=2**5000)[-1]",
];

it('draws seeded samples as CPython does', () => {
  expect(compareWithCPython(SAMPLES)).toEqual([]);
});

it('refuses what NormalDist needs of random', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const run = (source: string) => evaluator(engine, { source });
  expect(run(`import statistics\nreturn statistics.NormalDist().samples(3)`).error).toBe("UnsupportedError: 'NormalDist.samples' without a seed is not available in conditions: it draws from random's shared generator, which the OS seeds");
  // a NaN's hash is its address in CPython (3.10+): its draws are not CPython's to match, and no condition may catch that
  expect(run(`import statistics\ntry:\n    return statistics.NormalDist().samples(1, seed=float('nan'))\nexcept Exception:\n    return 'caught'`).error).toMatch(/^UnsupportedError: a NaN seed/);
  // a step and more a sample: a million end at the step limit
  expect(run(`import statistics\nreturn len(statistics.NormalDist().samples(10**6, seed=1))`).error).toMatch(/^StepLimitError/);
  expect(run(`import statistics\nreturn statistics.NormalDist.from_samples([1.0, float('inf')])`).error).toBe("UnsupportedError: NormalDist.from_samples() of data holding inf is not available in conditions: _mean_stdev's answer for it is not built in the evaluator");
});
