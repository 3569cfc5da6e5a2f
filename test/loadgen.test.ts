import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { encodeRequest, runLoad } from '../src/bench/loadgen.js';

/**
 * The load generator frames what a server really sends: responses split across reads at
 * any byte, several in one read, chunked bodies, a 100 Continue first, bodies larger
 * than its read buffer. A raw server answers the n-th request of a connection with the
 * n-th of these, written in the pieces given, a few milliseconds apart.
 */
const ok = (body: string) => `HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const BIG = `{"trueConditions":[],"context":{"pad":"${'x'.repeat(600_000)}"}}`;
const ANSWERS: string[][] = [
  [ok('{"trueConditions":[0]}')],
  ['HTTP/1.1 2', '00 OK\r\nContent-Le', 'ngth: 22\r\n\r\n{"trueCond', 'itions":[1]}'],
  ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"tru', '\r\n10\r\neConditions":[]}\r', '\n0\r\n\r\n'],
  ['HTTP/1.1 100 Continue\r\n\r\n', ok('{"trueConditions":[2]}')],
  ['HTTP/1.1 500 Internal Server Error\r\nContent-Length: 2\r\n\r\n{}'],
  [ok('{"unexpected":true}')],
  [ok(BIG)],
];

let server: Server;
let port = 0;
/** How many requests each connection the server accepted has been answered, in order of connection. */
const served: number[] = [];

beforeAll(async () => {
  server = createServer((socket: Socket) => {
    let buffered = Buffer.alloc(0);
    let n = 0;
    const connection = served.push(0) - 1;
    socket.on('data', async (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/content-length: (\d+)/i.exec(buffered.subarray(0, end).toString())?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        buffered = buffered.subarray(end + 4 + length);
        served[connection]++;
        for (const piece of ANSWERS[n++ % ANSWERS.length]) {
          socket.write(piece);
          await new Promise((r) => setTimeout(r, 3));
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

it('frames split, chunked, continued and large responses, and counts errors by kind', async () => {
  const result = await runLoad({
    host: '127.0.0.1',
    port,
    clients: 1,
    requests: ANSWERS.length * 2,
    payloads: [encodeRequest('/eval', '{"payload": {}}')],
    check: (body) => body.startsWith('{"trueConditions"'),
  });
  expect(result.requests).toBe(ANSWERS.length * 2);
  expect(result.errors).toEqual({ '500': 2, shape: 2 });
  expect(result.logs).toBe((ANSWERS.length - 2) * 2);
  expect(result.histogram.totalCount).toBe(ANSWERS.length * 2);
});

it('keeps each connection to its own responses when several share the read buffer', async () => {
  served.length = 0;
  const result = await runLoad({ host: '127.0.0.1', port, clients: 5, requests: ANSWERS.length * 5, payloads: [encodeRequest('/eval', '{}')], check: (b) => b.startsWith('{"trueConditions"') });
  expect(result.requests).toBe(ANSWERS.length * 5);
  expect(served).toHaveLength(5);
  expect(served.reduce((a, b) => a + b)).toBe(ANSWERS.length * 5);
  // The clients share one budget of requests, so one may make six and another eight; each
  // walks the answers from the first on its own connection. The errors must be the ones
  // each connection's own answers hold: a mixed-up byte stream would give others.
  const expected = { '500': 0, shape: 0 };
  for (const n of served) {
    for (let i = 0; i < n; i++) {
      if (i % ANSWERS.length === 4) expected['500']++;
      if (i % ANSWERS.length === 5) expected.shape++;
    }
  }
  expect(result.errors).toEqual(expected);
});

/**
 * Servers that end connections: each answers every request it reads with `respond`, on a
 * connection it may then close. The generator must count each answer once, open a new
 * connection for the next request, and count as failed only requests with no whole answer.
 */
async function closingServer(respond: (socket: Socket, n: number) => void): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  let n = 0;
  const s = createServer((socket) => {
    connections++;
    let buffered = Buffer.alloc(0);
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(buffered.subarray(0, end).toString())?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      buffered = buffered.subarray(end + 4 + length);
      respond(socket, n++);
    });
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { port: (s.address() as { port: number }).port, connections: () => connections, close: () => new Promise<void>((r) => s.close(() => r())) };
}

const BODY = '{"trueConditions":[0],"context":{}}';
const answeredOnce = new WeakSet<Socket>();
const load = (port: number, requests = 60, clients = 4) =>
  runLoad({ host: '127.0.0.1', port, clients, requests, payloads: [encodeRequest('/eval', '{}')], check: (b) => b.startsWith('{"trueConditions"') });

/** Answers a connection's first request only, and closes it `lingerMs` later: a request sent after the answer is never answered. */
const once = (answer: string, lingerMs: number) => (s: Socket) => {
  if (answeredOnce.has(s)) return;
  answeredOnce.add(s);
  s.write(answer);
  setTimeout(() => s.end(), lingerMs);
};

it.each([
  // announced, then the connection lingers: a client that did not listen would wait for it to end
  ['Connection: close', once(`HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`, 300)],
  ['HTTP/1.0 with Content-Length', once(`HTTP/1.0 200 OK\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`, 300)],
  ['HTTP/1.0, its body ended by the connection', once(`HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n${BODY}`, 0)],
  // says nothing, and closes a moment later: the next request, sent at once, crosses the close
  ['a close after each answer, unannounced', once(ok(BODY), 2)],
])('a server that closes after each answer (%s): every answer counted, no error, a connection each', async (_name, respond) => {
  const server = await closingServer(respond);
  try {
    const r = await load(server.port);
    expect(r).toMatchObject({ requests: 60, answered: 60, logs: 60, errors: {} });
    expect(r.histogram.totalCount).toBe(60);
    expect(server.connections()).toBeGreaterThanOrEqual(60);
    // 15 requests a client; waiting out each lingering connection would take 4.5 s
    expect(r.elapsedMs).toBeLessThan(2000);
  } finally {
    await server.close();
  }
});

it('counts a reset before the answer, a cut answer and a bad status as failures: sent = answered + failed', async () => {
  const server = await closingServer((s, n) => {
    if (n % 4 === 1) s.resetAndDestroy();
    else if (n % 4 === 2) s.end(`HTTP/1.1 200 OK\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY.slice(0, 5)}`);
    else if (n % 4 === 3) s.write(`HTTP/1.1 503 Busy\r\nContent-Length: 2\r\n\r\n{}`);
    else s.write(ok(BODY));
  });
  try {
    const r = await load(server.port, 80, 1);
    const failed = Object.values(r.errors).reduce((a, b) => a + b, 0);
    expect(r.requests).toBe(80);
    expect(r.answered + failed).toBe(80);
    expect(r.errors).toEqual({ ECONNRESET: 20, closed: 20, '503': 20 });
    expect(r.answered).toBe(20);
  } finally {
    await server.close();
  }
});

it('counts a refused connection as a failed request, and ends', async () => {
  const server = await closingServer(() => {});
  await server.close();
  const r = await load(server.port, 5, 2);
  expect(r).toMatchObject({ requests: 5, answered: 0, errors: { ECONNREFUSED: 5 } });
});

it('fails a request a server never answers as a timeout, a reply that is not HTTP, and an endless answer, and goes on', async () => {
  const silent = await closingServer(() => {});
  const garbage = await closingServer((s) => s.write('SSH-2.0-OpenSSH_9.2\r\n\r\n'));
  const chunk = Buffer.alloc(4 * 1024 * 1024, 'x');
  // an HTTP/1.0 body that never ends: no Content-Length to refuse it by at once
  const endless = await closingServer((s) => {
    s.write('HTTP/1.0 200 OK\r\n\r\n');
    const more = () => s.writable && s.write(chunk, () => setImmediate(more));
    more();
  });
  const announced = await closingServer((s) => s.write('HTTP/1.1 200 OK\r\nContent-Length: 999999999999\r\n\r\n{'));
  // 10 MB in chunks of one byte: each read must not read the chunks before it again
  const chunked = await closingServer((s) => {
    s.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
    for (let i = 0; i < 10; i++) s.write('1\r\nx\r\n'.repeat(170_000));
    s.write('0\r\n\r\n');
  });
  try {
    const payloads = [encodeRequest('/eval', '{}')];
    const timedOut = await runLoad({ host: '127.0.0.1', port: silent.port, clients: 2, requests: 4, payloads, timeoutMs: 200 });
    expect(timedOut).toMatchObject({ requests: 4, answered: 0, errors: { timeout: 4 } });
    expect(timedOut.elapsedMs).toBeGreaterThanOrEqual(400);
    const notHttp = await runLoad({ host: '127.0.0.1', port: garbage.port, clients: 2, requests: 6, payloads });
    expect(notHttp).toMatchObject({ requests: 6, answered: 0, errors: { 'not HTTP': 6 } });
    const huge = await runLoad({ host: '127.0.0.1', port: endless.port, clients: 1, requests: 1, payloads });
    expect(huge).toMatchObject({ requests: 1, answered: 0, errors: { 'too large': 1 } });
    // 128 MiB, read in 64 KiB reads: copied once each, not joined again at every read
    expect(huge.elapsedMs).toBeLessThan(15_000);
    const promised = await runLoad({ host: '127.0.0.1', port: announced.port, clients: 1, requests: 3, payloads });
    expect(promised).toMatchObject({ requests: 3, answered: 0, errors: { 'too large': 3 } });
    let body = '';
    const manyChunks = await runLoad({ host: '127.0.0.1', port: chunked.port, clients: 1, requests: 1, payloads, record: (_i, _status, b) => (body = b) });
    expect(manyChunks).toMatchObject({ requests: 1, answered: 1, errors: {} });
    expect(body).toBe('x'.repeat(1_700_000));
    // read again at every 64 KiB read, as before, these took 19 s here; now about 1 s
    expect(manyChunks.elapsedMs).toBeLessThan(10_000);
  } finally {
    await Promise.all([silent.close(), garbage.close(), endless.close(), announced.close(), chunked.close()]);
  }
}, 60_000);
