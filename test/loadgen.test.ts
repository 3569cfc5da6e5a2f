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
