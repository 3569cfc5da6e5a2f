import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from '../support/server.js';

/**
 * --request-budget: all conditions of one /eval, and all payloads of one /eval/batch, share
 * one wall-clock budget; what is left when it runs out gets the usual error answer.
 */
describe('the budget of one request', () => {
  const BUDGET = 150;
  let server: Server;
  beforeAll(async () => {
    server = await startServer('bundle', ['--request-budget', String(BUDGET)]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  // about 0.3-1 ms here: far inside one run's 50 ms and 100,000 steps even on a loaded
  // machine (where a run's own budget would otherwise answer first), but many add up
  const SLOW = 'i = 0\nwhile i < 30000:\n    i += 1\nreturn False';
  const cond = (n: number, text = SLOW) => ({ type: 'Standard', numeration: n, text });
  const payload = (conditions: unknown[]) => ({ log: { Text: 'x' }, conditions, context: {}, trueConditions: [], logProcessingTime: 0, stateTime: 0 });
  const post = async (path: string, body: unknown) => {
    const started = performance.now();
    const res = await fetch(server.url + path, { method: 'POST', body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any, ms: performance.now() - started };
  };
  const SPENT = `StepLimitError: request exceeded its time budget of ${BUDGET} ms`;

  it('stops an /eval whose conditions together outlast it, with the usual error answer', async () => {
    const r = await post('/eval', { payload: payload(Array.from({ length: 1200 }, (_, i) => cond(i))) });
    expect(r.status).toBe(200);
    expect(r.body.error).toBe(SPENT);
    expect(r.body.condition.numeration).toBeGreaterThan(0);
    expect(r.ms).toBeLessThan(BUDGET + 500);
  });

  it('answers the payloads of a batch it could not reach with the same error, each in its place', async () => {
    const payloads = Array.from({ length: 1200 }, (_, i) => payload([cond(i)]));
    const r = await post('/eval/batch', { payloads });
    expect(r.status).toBe(200);
    const results = r.body.results as any[];
    expect(results).toHaveLength(1200);
    expect(results[0]).toEqual({ context: {}, trueConditions: [] });
    const first = results.findIndex((x) => x.error !== undefined);
    expect(first).toBeGreaterThan(0);
    for (const x of results.slice(first)) expect(x.error).toBe(SPENT);
    expect(r.ms).toBeLessThan(BUDGET + 500);
  });

  it('gives the next request a budget of its own', async () => {
    const r = await post('/eval', { payload: payload([cond(0, 'return True')]) });
    expect(r.body).toEqual({ context: {}, trueConditions: [0] });
  });

  it('cuts a run short at what is left of the budget, not at its own 50 ms', async () => {
    // each run may take 50 ms; four in a row would pass 150 ms, so the third or fourth stops early
    const loop = 'while True:\n    pass';
    const spin = 'import math\ni = 0\nwhile i < 10**9:\n    i += 1\nreturn False';
    const r = await post('/eval', { payload: payload([cond(0, SLOW), cond(1, SLOW), ...Array.from({ length: 20 }, (_, i) => cond(i + 2, SLOW)), cond(99, loop), cond(100, spin)]) });
    expect(r.body.error).toMatch(/^StepLimitError: /);
    expect(r.ms).toBeLessThan(BUDGET + 500);
  });
});

describe('the budget of one request, spent compiling', () => {
  const BUDGET = 100;
  let server: Server;
  beforeAll(async () => {
    server = await startServer('bundle', ['--request-budget', String(BUDGET), '--max-body', '16MiB']);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('counts compile time: distinct long conditions stop the request, though each run is short', async () => {
    // each a distinct 20,000-character condition that runs in a few steps: the time is all compiling
    const text = (i: number) => `x = ${i}\n` + 'y = [1, 2, 3]\n'.repeat(1400) + 'return False';
    const conditions = Array.from({ length: 400 }, (_, i) => ({ type: 'Standard', numeration: i, text: text(i) }));
    const body = { payload: { log: { Text: 'x' }, conditions, context: {}, trueConditions: [], logProcessingTime: 0, stateTime: 0 } };
    const started = performance.now();
    const res = await fetch(server.url + '/eval', { method: 'POST', body: JSON.stringify(body) });
    const answer = (await res.json()) as any;
    expect(answer.error).toBe(`StepLimitError: request exceeded its time budget of ${BUDGET} ms`);
    expect(performance.now() - started).toBeLessThan(BUDGET + 1000);
  });
});
