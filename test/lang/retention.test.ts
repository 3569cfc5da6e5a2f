import { describe, expect, it } from 'vitest';
import { Engine, parseJson, PyDict, type Program } from '../../src/lang/index.js';
import { liveHeap } from '../support/gc.js';

const MiB = 2 ** 20;

/** Runs each condition once as /eval or /eval-launch would, keeping the engine (and its cache): the live heap it leaves behind. */
function retainedAfter(sources: string[], kind: 'standard' | 'launch'): number {
  // no time or step budget to trip on (a 39 KB pattern's analysis is charged): what is measured is memory
  const engine = new Engine({ maxMillis: 60_000, maxSteps: 1e8 });
  const log = parseJson('{"Text": "x"}') as PyDict;
  const before = liveHeap();
  for (const source of sources) {
    const program = engine.compile(source, kind) as Program;
    if (kind === 'standard') engine.runStandard(program, log, 'x', new PyDict());
    else engine.runLaunch(program, log, 'x');
  }
  const after = liveHeap();
  expect(engine.compile(sources[0], kind)).toHaveProperty('run'); // still cached
  return after - before;
}

// 40 distinct cached conditions, each building a list of 1.6 MB: 64 MB if a run's values survive it
const BIG = (i: number) => `list(range(${200_000 + i}))`;

describe('a run keeps none of its values once it is over', () => {
  it.each([
    ['locals', (i: number) => `x = ${BIG(i)}\nreturn len(x) > 0`],
    ['a global', (i: number) => `global y\ny = ${BIG(i)}\nreturn True`],
    ['data, when false', (i: number) => `data['x'] = ${BIG(i)}\nreturn False`],
    ['a closure', (i: number) => `x = ${BIG(i)}\nf = lambda: x\nreturn False`],
    ['the value returned', (i: number) => `return ${BIG(i)}`],
    ['a comprehension fed by a yield', (i: number) => `def g():\n    yield [z for z in (yield)]\nit = g()\nnext(it)\nit.send(${BIG(i)})\nreturn False`],
    ['a generator expression over a generator', (i: number) => `def g(xs):\n    yield from xs\nx = (y for y in g(${BIG(i)}))\nreturn False`],
  ])('%s', (_, make) => {
    const retained = retainedAfter(Array.from({ length: 40 }, (_, i) => make(i)), 'standard');
    expect(retained / MiB).toBeLessThan(8);
  });

  it('launch conditions', () => {
    const retained = retainedAfter(Array.from({ length: 40 }, (_, i) => `x = ${BIG(i)}\nif len(x) < 0:\n    launch()`), 'launch');
    expect(retained / MiB).toBeLessThan(8);
  });
});

describe('the regular expression cache', () => {
  it('is bounded in pattern characters, not only in patterns: 512 distinct 39 KB patterns kept 822 MiB', () => {
    // each a distinct literal alternation of 39 KB: compiled once, then cached
    const pattern = (i: number) => `'(?:${i}|` + Array.from({ length: 3_900 }, (_, j) => `w${j}x`).join('|').slice(0, 39_000) + `)'`;
    const sources = Array.from({ length: 200 }, (_, i) => `import re\nreturn re.compile(${pattern(i)}) is None`);
    const retained = retainedAfter(sources, 'standard');
    expect(retained / MiB).toBeLessThan(100);
  });
});
