import { afterAll, beforeAll, expect, it } from 'vitest';
import { boundOf, DEFAULT_LOG, HOSTILE_CORPUS, requestOf } from '../support/hostile-corpus.js';
import { IsolatedEngine, verdict } from '../support/isolated-engine.js';

/** The sandbox's promise: any input is answered within 100 ms of worker time; a body of many slow conditions within its request's budget. */
let engine: IsolatedEngine;
const failures: string[] = [];

beforeAll(async () => {
  engine = await IsolatedEngine.start();
});

afterAll(async () => {
  await engine?.close();
  // one list for whoever measures a fix against today's failures
  if (failures.length > 0) console.log(`hostile corpus: ${failures.length} of ${HOSTILE_CORPUS.length} inputs failed\n${failures.join('\n')}`);
});

it('fits every input in the default --max-body of 1 MiB, under a label of its own', () => {
  expect(HOSTILE_CORPUS.filter((input) => Buffer.byteLength(requestOf(input).body) > 1024 * 1024).map((input) => input.label)).toEqual([]);
  expect(new Set(HOSTILE_CORPUS.map((input) => input.label)).size).toBe(HOSTILE_CORPUS.length);
});

it.each(HOSTILE_CORPUS.map((input) => [input.label, input] as const))('answers %s within its bound of worker time', async (label, input) => {
  const outcome = await engine.run({ type: 'request', ...requestOf(input) });
  const v = verdict(outcome, boundOf(input));
  if (v !== 'ok') failures.push(`${label.padEnd(60)} ${v}`);
  expect(v).toBe('ok');
});

it("sees the collector's pauses it allows for: building 100,000 nested tuples keeps the collector busy", async () => {
  const outcome = await engine.run({ type: 'condition', kind: 'standard', source: 'x = 0\nfor i in range(10000):\n    x = (((((((((((x,),),),),),),),),),),)\nreturn len({x})', log: DEFAULT_LOG, data: {} });
  expect('gcMs' in outcome && outcome.gcMs).toBeGreaterThan(0);
});
