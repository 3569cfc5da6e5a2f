import { afterAll, beforeAll, expect, it } from 'vitest';
import { announceSeed } from '../support/fuzz-seed.js';
import { CONDITION_BOUND_MS, DEFAULT_LOG } from '../support/hostile-corpus.js';
import { FUZZED_NAMES, hostilePrograms, STATEMENT_COUNT } from '../support/hostile-fuzz.js';
import { IsolatedEngine, verdict } from '../support/isolated-engine.js';


const SEED = announceSeed('fuzz-hostile');
// one program starting with each builtin, method and module function (a few hundred)
const PROGRAMS = hostilePrograms(SEED, STATEMENT_COUNT);

let engine: IsolatedEngine;
const failures: string[] = [];

beforeAll(async () => {
  engine = await IsolatedEngine.start();
});

afterAll(async () => {
  await engine?.close();
  if (failures.length > 0) console.log(`fuzz-hostile (seed ${SEED}): ${failures.length} of ${PROGRAMS.length} programs failed\n${failures.join('\n')}`);
});

it('reaches every builtin, method and module function', () => {
  expect(FUZZED_NAMES.filter((name) => !PROGRAMS.some((p) => new RegExp(`(?<![\\w.])${name}\\(|\\.${name}\\b`).test(p)))).toEqual([]);
});

it.each(PROGRAMS.map((source, i) => [i, source] as const))('answers program %i within 100 ms of worker time, with no JS error', async (i, source) => {
  const outcome = await engine.run({ type: 'condition', kind: 'standard', source, log: DEFAULT_LOG, data: {} });
  const v = verdict(outcome, CONDITION_BOUND_MS);
  if (v !== 'ok') failures.push(`program ${i}: ${v}\n${source}\n`);
  expect(v, source).toBe('ok');
});
