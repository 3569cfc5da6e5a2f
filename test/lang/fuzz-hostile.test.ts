import { afterAll, beforeAll, expect, it } from 'vitest';
import { announceSeed } from '../support/fuzz-seed.js';
import { DEFAULT_LOG } from '../support/hostile-corpus.js';
import { FUZZED_NAMES, hostilePrograms, STATEMENT_COUNT } from '../support/hostile-fuzz.js';
import { CAP_MS, IsolatedEngine } from '../support/isolated-engine.js';

/** The sandbox's promise: any program is answered within 100 ms of worker time. */
const BOUND_MS = 100;

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
  let verdict = 'ok';
  if ('ended' in outcome) verdict = outcome.ended === 'timeout' ? `over ${CAP_MS} ms (process killed)` : `crashed after ${outcome.ms.toFixed(0)} ms: ${outcome.reason}`;
  else if (outcome.answer.internal) verdict = `JS error after ${outcome.ms.toFixed(0)} ms: ${outcome.excerpt}`;
  else if (outcome.ms > BOUND_MS) verdict = `${outcome.ms.toFixed(0)} ms, cpu ${outcome.cpuMs.toFixed(0)} ms (${outcome.answer.kind})`;
  if (verdict !== 'ok') failures.push(`program ${i}: ${verdict}\n${source}\n`);
  expect(verdict, source).toBe('ok');
});
