import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { evaluator } from '../support/cpython.js';
import { original } from '../support/original.js';

/**
 * How deep repr, ==, <, in and json.dumps walk, and json.loads nests, a nested value before CPython's RecursionError:
 * its recursion limit counts the walk's levels with the frames running, so the point moves
 * with each call and comprehension frame below the walk. Each route at the last depth that
 * answers and the first that raises, at the envelope's level, inside two defs, a lambda and a
 * generator expression, against the original's `python3 -c` (whose frames scripts/cpython-cases.py
 * does not have): one process a route and place, both depths in it.
 */
const NESTED: Record<string, [build: string, deeper: string]> = {
  list: ['x = []\nfor _ in range(N - 1):\n    x = [x]\ny = []\nfor _ in range(N - 1):\n    y = [y]', 'x = [x]\ny = [y]'],
  dict: ["x = {}\nfor _ in range(N - 1):\n    x = {'a': x}\ny = {}\nfor _ in range(N - 1):\n    y = {'a': y}", "x = {'a': x}\ny = {'a': y}"],
  tuple: ['x = ()\nfor _ in range(N - 1):\n    x = (x,)\ny = ()\nfor _ in range(N - 1):\n    y = (y,)', 'x = (x,)\ny = (y,)'],
  // JSON texts, for json.loads: N arrays or objects one in another
  'array text': ["x = '[' * N + ']' * N", "x = '[' + x + ']'"],
  'object text': ["x = '{\"a\": ' * N + '1' + '}' * N", "x = '{\"a\": ' + x + '}'"],
};

/** Each route, the kinds of value it walks, and the last depth that answers at the envelope's level (the evaluator's own figure: CPython says whether it holds). */
const ROUTES: [route: string, kinds: string[], last: number][] = [
  ['repr(x)', ['list', 'dict', 'tuple'], 997],
  ["f'{x}'", ['list'], 997],
  ['x == y', ['list'], 998],
  ['x == y', ['dict'], 997],
  ['x == y', ['tuple'], 999],
  ['x < y', ['list'], 998],
  ['x in [y]', ['list'], 998],
  ['json.dumps(x)', ['list', 'dict'], 994],
  ['json.dumps(x, indent=1)', ['list'], 995],
  ['json.loads(x)', ['array text', 'object text'], 994],
];

/** Where the walk runs (E: the expression walking), and the frames that adds below it. */
const PLACES: [place: string, frames: number][] = [['E', 0], ['(lambda: E)()', 1], ['list(E for _ in [0])', 1], ['def2', 2]];

const indent = (s: string, by: string) => s.split('\n').map((l) => by + l).join('\n');
const attempt = (e: string) => `try:\n    r.append(${e})\nexcept RecursionError as e:\n    r.append(str(e))`;

function body(kind: string, route: string, n: number, place: string): string {
  const [build, deeper] = NESTED[kind];
  const e = `${route} and 0`;
  const steps = [build.replace(/N/g, String(n)), 'r = []', attempt(place === 'def2' ? e : place.replace('E', e)), deeper, attempt(place === 'def2' ? e : place.replace('E', e)), 'return r'].join('\n');
  return 'import json\n' + (place === 'def2' ? `def g():\n    def f():\n${indent(steps, '        ')}\n    return f()\nreturn g()` : steps);
}

it("walks nested values as deep as CPython does below the original's frames, one level fewer for each frame", () => {
  const engine = new Engine({ maxMillis: 60_000 });
  const mismatches: string[] = [];
  for (const [route, kinds, last] of ROUTES) {
    for (const kind of kinds) {
      for (const [place, frames] of PLACES) {
        const source = body(kind, route, last - frames, place);
        const got = evaluator(engine, { source });
        const want = original(source);
        if ((got.error ?? got.repr) !== want) mismatches.push(`${kind} ${route} at ${last - frames} and one deeper, in ${place}: got ${got.error ?? got.repr}, CPython ${want}`);
      }
    }
  }
  expect(mismatches).toEqual([]);
}, 600_000);
