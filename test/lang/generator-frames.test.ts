import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { evaluator } from '../support/cpython.js';
import { original } from '../support/original.js';

// the walks are quick, but a loaded machine may pass a run's 50 ms: what is tested here is depth
const engine = new Engine({ maxMillis: 10_000 });
const ours = (body: string) => {
  const out = evaluator(engine, { source: body });
  return out.repr ?? out.error!;
};

it("generator expressions and comprehensions walked one inside another count CPython's frames: 998 answer, 999 raise, as in the original", () => {
  const nested = (n: number, wrap: string, walk: string) => `g = iter([1])\nfor i in range(${n}):\n    g = ${wrap}\n${walk}`;
  const kinds: [wrap: string, walk: string][] = [
    ['(x for x in g)', 'return list(g)'],
    ['(x for x in g)', 'return next(g)'],
    ['(x for x in g)', 'for y in g:\n    return y'],
    ['(x for x in g)', 'return [x for x in g]'],
    ['(x for x in g)', 'def f(g):\n    return list(g)\nreturn f(g)'],
    ['(x for x, in zip(g))', 'return list(g)'],
    ['(x for x in sorted(g))', 'return list(g)'],
    ['(y for x in g for y in [x])', 'return {x for x in g}'],
    ['(x for x in g if x)', 'return {x: 1 for x in g}'],
  ];
  for (const [wrap, walk] of kinds) {
    for (const n of [997, 998, 999]) {
      const body = nested(n, wrap, walk);
      expect(ours(body), `${n} ${wrap} ${walk}`).toBe(original(body));
    }
  }
  // and the frames are given back: a run after one that raised walks as deep again
  expect(ours(nested(998, '(x for x in g)', 'return list(g)'))).toBe('[1]');
}, 120_000);

it('a call inside them counts with their frames', () => {
  const calls = (k: number) => `def r(n):\n    return 1 if n == 0 else r(n - 1)\ng = (r(${k}) for _ in [1])\nfor i in range(900):\n    g = (x for x in g)\nreturn list(g)`;
  for (const k of [95, 96, 97]) expect(ours(calls(k)), `r(${k})`).toBe(original(calls(k)));
  expect(ours(calls(96))).toBe('[1]');
}, 120_000);
