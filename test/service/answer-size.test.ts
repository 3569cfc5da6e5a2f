import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from '../support/server.js';

/**
 * A few bytes of request must not make a huge answer: a context's JSON text is held to the
 * size limit (1,000,000 characters), and a batch's answers to 64 MiB.
 */
describe('the size of an answer', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer('bundle');
  });
  afterAll(async () => {
    await server?.stop();
  });

  const payload = (text: string) => ({ log: { Text: 'x' }, conditions: [{ type: 'Standard', numeration: 0, text }], context: {}, trueConditions: [], logProcessingTime: 0, stateTime: 0 });
  const post = async (path: string, body: unknown) => {
    const res = await fetch(server.url + path, { method: 'POST', body: JSON.stringify(body) });
    return { status: res.status, text: await res.text() };
  };

  it('refuses a context whose JSON text would pass the size limit, N characters kept and N+1 refused', async () => {
    // {"a": "x...x"}: 4 characters for the key, 2 for the quotes: 999,994 x's make 1,000,000
    const ok = await post('/eval', { payload: payload("data['a'] = 'x' * 999994\nreturn True") });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).context.a).toHaveLength(999_994);
    const over = await post('/eval', { payload: payload("data['a'] = 'x' * 999995\nreturn True") });
    expect(JSON.parse(over.text).error).toBe('MemoryError: the context would be a JSON text of over 1000001 characters; the limit is 1000000');
  });

  it('answers [s] * 1000 of a 1 MB string with MemoryError, not a 1 GB answer or a 500', async () => {
    const r = await post('/eval', { payload: payload("s = 'x' * 10**6\ndata['a'] = [s] * 1000\nreturn True") });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).error).toMatch(/^MemoryError: the context would be a JSON text of over/);
    const launch = await post('/eval-launch', { payload: { log: { Text: 'x' }, launchCondition: "s = 'x' * 10**6\nlaunch([s] * 1000)" } });
    expect(JSON.parse(launch.text).detail).toMatch(/^MemoryError: launch\(\)'s data would be a JSON text of over/);
  });

  it("stops a batch's answers at 64 MiB: the payloads after that are not evaluated", async () => {
    const payloads = Array.from({ length: 80 }, () => payload("data['a'] = 'x' * 999000\nreturn True"));
    const r = await post('/eval/batch', { payloads });
    expect(r.status).toBe(200);
    const results = JSON.parse(r.text).results as any[];
    expect(results).toHaveLength(80);
    const first = results.findIndex((x) => x.status === 413);
    // 67 answers of 999,000 characters pass 64 MiB (67,108,864)
    expect(first).toBe(68);
    expect(results[first].error).toBe(`payloads[${first}] was not evaluated: the answers before it passed 67108864 characters, the most one batch may answer`);
    expect(results.slice(first).every((x) => x.status === 413)).toBe(true);
    expect(r.text.length).toBeLessThan(70 * 2 ** 20);
  });
});
