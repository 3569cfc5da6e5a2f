import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawClient, request } from '../support/raw.js';
import { startServer, targets, type Server } from '../support/server.js';

const BODY = JSON.stringify({
  payload: { log: { Text: 'park here' }, conditions: [{ type: 'Standard', numeration: 0, text: "return 'park' in text" }], context: {}, trueConditions: [], logProcessingTime: 0, stateTime: 0 },
});
const ANSWER = '{"context":{},"trueConditions":[0]}';

describe.each(targets())('HTTP/1.1 behaviour (%s)', (target) => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer(target, ['--max-body', '4KiB']);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves many requests on one keep-alive connection', async () => {
    const c = await RawClient.open(server.port);
    for (let i = 0; i < 20; i++) {
      c.write(request('/eval', BODY));
      const res = await c.responses(i + 1);
      expect(res[i]).toMatchObject({ status: 200, body: ANSWER });
    }
    expect(c.closed).toBe(false);
    c.close();
  });

  it('answers pipelined requests in order', async () => {
    const c = await RawClient.open(server.port);
    const bodies = [BODY, '{"payload": 1}', BODY, 'not json'];
    c.write(bodies.map((b) => request('/eval', b)).join('') + 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const res = await c.responses(5);
    expect(res.map((r) => r.status)).toEqual([200, 400, 200, 400, 200]);
    expect(res[4].body).toBe('{"status":"ok"}');
    c.close();
  });

  it('answers Expect: 100-continue with 100, then the answer', async () => {
    const c = await RawClient.open(server.port);
    const head = request('/eval', BODY, 'Expect: 100-continue\r\n');
    c.write(head.slice(0, head.indexOf('\r\n\r\n') + 4));
    expect(await c.until((d) => d.includes('100 Continue'))).toMatch(/^HTTP\/1\.1 100 Continue\r\n/);
    c.write(BODY);
    expect((await c.responses(1))[0]).toMatchObject({ status: 200, body: ANSWER });
    c.close();
  });

  it('refuses a chunked body with 411', async () => {
    const c = await RawClient.open(server.port);
    c.write(`POST /eval HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${BODY.length.toString(16)}\r\n${BODY}\r\n0\r\n\r\n`);
    const [res] = await c.responses(1);
    expect(res.status).toBe(411);
    expect(JSON.parse(res.body).error).toMatch(/Content-Length/);
    c.close();
  });

  it('answers a body of --max-body + 1 bytes with 413 before reading it, and closes', async () => {
    const c = await RawClient.open(server.port);
    c.write(`POST /eval HTTP/1.1\r\nHost: x\r\nContent-Length: 4097\r\n\r\n{"payload":`);
    const [res] = await c.responses(1);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ error: 'body of 4097 bytes is over the limit of 4096 bytes (--max-body)' });
    await c.until(() => false, 1000);
    expect(c.closed).toBe(true);
  });

  it('accepts a body of exactly --max-body bytes', async () => {
    const body = BODY + ' '.repeat(4096 - BODY.length);
    const res = await fetch(server.url + '/eval', { method: 'POST', body });
    expect(res.status).toBe(200);
  });

  it('lets a stalled client hold up nobody else', async () => {
    // one client per worker stops half-way through its body
    const stalled = await Promise.all([RawClient.open(server.port), RawClient.open(server.port), RawClient.open(server.port)]);
    for (const c of stalled) c.write(request('/eval', BODY).slice(0, -10));
    const started = Date.now();
    for (let i = 0; i < 20; i++) {
      const res = await fetch(server.url + '/eval', { method: 'POST', body: BODY });
      expect(await res.text()).toBe(ANSWER);
    }
    expect(Date.now() - started).toBeLessThan(5000);
    // and the stalled ones still get their answer when they finish
    for (const c of stalled) c.write(request('/eval', BODY).slice(-10));
    for (const c of stalled) expect((await c.responses(1))[0].body).toBe(ANSWER);
    for (const c of stalled) c.close();
  });

  it('closes an idle connection after its timeout', async () => {
    const c = await RawClient.open(server.port);
    c.write(request('/eval', BODY));
    await c.responses(1);
    await c.until(() => false, 15_000);
    expect(c.closed).toBe(true);
  }, 20_000);
});
