import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, targets, type Server } from '../support/server.js';
import { readNdjsonLines } from '../support/shared.js';
import { FUZZ_SEED } from '../support/fuzz-seed.js';
import { random } from '../../src/bench/workload.js';

const SEED = FUZZ_SEED;
const REQUESTS = 3000;

/** Real request bodies for each route: the original's requests, the differential corpus, and batches and checks made of them. */
function corpus(): Map<string, string[]> {
  const evals = [...readNdjsonLines('fixtures/original/eval.ndjson'), ...readNdjsonLines('fixtures/differential/eval.requests.ndjson')];
  const launches = [...readNdjsonLines('fixtures/original/eval-launch.ndjson'), ...readNdjsonLines('fixtures/differential/eval-launch.requests.ndjson')];
  const batches = Array.from({ length: 20 }, (_, i) => `{"payloads": [${evals.slice(i * 5, i * 5 + 5).map((l) => JSON.stringify(JSON.parse(l).payload)).join(', ')}]}`);
  const checks = launches.slice(0, 50).map((l) => JSON.stringify({ condition: JSON.parse(l).payload.launchCondition, kind: 'launch' }));
  checks.push(...evals.slice(0, 50).map((l) => JSON.stringify({ condition: JSON.parse(l).payload.conditions[0]?.text ?? '', kind: 'standard' })));
  return new Map([
    ['/eval', evals],
    ['/eval-launch', launches],
    ['/eval/batch', batches],
    ['/check', checks],
  ]);
}

const PIECES = ['{', '}', '[', ']', '"', '\\', ',', ':', 'null', 'true', '1e999', '-0', '1' + '0'.repeat(400), '\\ud800', '\u2028', '\u00e9', '\u{1f600}', '\0', '\r\n', ' ', '"text"', '"payload"', '{"a": ', '[[[[[[[[', ']]]]', 'NaN', 'Infinity', '0x10', '"\\u0000"'];

/** One random mutation of a body. */
function mutate(body: string, rnd: () => number, others: string[]): string {
  const at = () => Math.floor(rnd() * (body.length + 1));
  switch (Math.floor(rnd() * 9)) {
    case 0: {
      const i = at();
      return body.slice(0, i) + PIECES[Math.floor(rnd() * PIECES.length)] + body.slice(i);
    }
    case 1: {
      const i = at();
      return body.slice(0, i) + body.slice(i + 1 + Math.floor(rnd() * 20));
    }
    case 2: {
      const i = at();
      return body.slice(0, i) + String.fromCharCode(Math.floor(rnd() * 0x3000)) + body.slice(i + 1);
    }
    case 3:
      return body.slice(0, at());
    case 4: {
      const i = at();
      const j = i + Math.floor(rnd() * 200);
      return body.slice(0, j) + body.slice(i, j) + body.slice(j);
    }
    case 5: {
      const other = others[Math.floor(rnd() * others.length)];
      return body.slice(0, at()) + other.slice(Math.floor(rnd() * other.length));
    }
    case 6:
      // a value replaced by another type
      return body.replace(/"[^"]*"|\d+|\[\]|\{\}|true|false|null/, () => ['1', '"x"', '[]', '{}', 'null', 'true', '1.5e308', '-1', '"' + 'a'.repeat(5000) + '"'][Math.floor(rnd() * 9)]);
    case 7:
      return PIECES[Math.floor(rnd() * PIECES.length)];
    default:
      return mutate(mutate(body, rnd, others), rnd, others);
  }
}

interface Sent {
  text: Buffer;
  /** Whether the request is complete as framed, so that the server must answer it. */
  framed: boolean;
}

/** A request with random method, path, headers and framing around a (mutated) body. */
function request(rnd: () => number, routes: Map<string, string[]>): Sent {
  const paths = [...routes.keys()];
  let path = paths[Math.floor(rnd() * paths.length)];
  const bodies = routes.get(path)!;
  let body = bodies[Math.floor(rnd() * bodies.length)];
  if (rnd() < 0.8) body = mutate(body, rnd, bodies);
  const bytes = Buffer.from(body, rnd() < 0.05 ? 'latin1' : 'utf8');
  let method = 'POST';
  let framed = true;
  if (rnd() < 0.05) {
    method = ['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'post', 'BREW'][Math.floor(rnd() * 8)];
    // uWS's parser closes the connection on a method it does not know, without an answer
    framed = method.toUpperCase() === method && method !== 'BREW';
  }
  if (rnd() < 0.05) path = ['/', '/healthz', '/eval/', '/eval?x=1', '/EVAL', '/eval/batch/x', '//eval', '/%65val', '/' + 'a'.repeat(3000)][Math.floor(rnd() * 9)];
  const headers = [`Host: fuzz`];
  if (rnd() < 0.5) headers.push(`Content-Type: ${['application/json', 'text/plain', 'application/json; charset=latin1', ''][Math.floor(rnd() * 4)]}`);
  let payload = bytes;
  const f = rnd();
  if (f < 0.8) headers.push(`Content-Length: ${bytes.length}`);
  else if (f < 0.84) {
    headers.push(`Content-Length: ${bytes.length + 1 + Math.floor(rnd() * 10)}`);
    framed = false; // the server waits for the rest
  } else if (f < 0.88) headers.push(`Content-Length: ${Math.max(0, bytes.length - 1 - Math.floor(rnd() * 10))}`);
  else if (f < 0.91) headers.push('Transfer-Encoding: chunked'), (payload = Buffer.concat([Buffer.from(bytes.length.toString(16) + '\r\n'), bytes, Buffer.from('\r\n0\r\n\r\n')]));
  else if (f < 0.93) {
    headers.push(`Content-Length: ${['-1', 'abc', '1e3', '99999999999999999999', ' 5', '0x10'][Math.floor(rnd() * 6)]}`);
    framed = false; // uWS's parser closes the connection on a length that is not digits
  }
  else if (f < 0.95) headers.push(`Content-Length: ${bytes.length}`, `Content-Length: ${bytes.length}`);
  else if (f < 0.97) headers.push(`Content-Length: ${bytes.length}`, 'Expect: 100-continue');
  else {
    framed = false; // no length: the body reads as the next request
  }
  if (rnd() < 0.05) headers.push(`X-${'h'.repeat(Math.floor(rnd() * 100))}: ${'v'.repeat(Math.floor(rnd() * 2000))}`);
  if (rnd() < 0.03) headers.push('Connection: close');
  const head = Buffer.from(`${method} ${path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1');
  return { text: Buffer.concat([head, payload]), framed };
}

/** Sends one request on a connection of its own: the statuses answered (several when the body reads as more requests), or none. */
function send(port: number, sent: Sent, timeoutMs: number): Promise<number[]> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve([...data.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1])).filter((s) => s !== 100));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      data += d;
      // an answer with its whole body: enough
      const m = /\r\n\r\n/.exec(data);
      const length = /content-length: *(\d+)/i.exec(data)?.[1];
      if (m !== null && length !== undefined && data.length >= m.index + 4 + Number(length) && !/^HTTP\/1\.1 100/.test(data)) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(sent.text);
  });
}

describe.each(targets())('HTTP fuzz (%s)', (target) => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer(target);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(`${REQUESTS} mutated requests: none answered 500, every framed one answered, no worker restarts`, { timeout: 120_000 }, async () => {
    console.log(`HTTP fuzz seed ${SEED} (FUZZ_SEED=${SEED} repeats it)`);
    const rnd = random(SEED);
    const routes = corpus();
    const requests = Array.from({ length: REQUESTS }, () => request(rnd, routes));
    const workers = server.workers();
    const started = performance.now();
    const problems: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < requests.length) {
          const i = next++;
          const statuses = await send(server.port, requests[i], requests[i].framed ? 5000 : 300);
          if (statuses.includes(500)) problems.push(`#${i} answered 500: ${JSON.stringify(requests[i].text.toString('latin1').slice(0, 300))}`);
          else if (requests[i].framed && statuses.length === 0) problems.push(`#${i} not answered: ${JSON.stringify(requests[i].text.toString('latin1').slice(0, 300))}`);
        }
      }),
    );
    const elapsed = performance.now() - started;
    // each distinct cause once: the error and the frame that raised it
    const causes = new Set([...server.output().matchAll(/internal error on \S+: (.*)\n\s*(at .*)/g)].map((m) => `${m[1]} ${m[2]}`));
    expect([...causes]).toEqual([]);
    expect(problems.slice(0, 10)).toEqual([]);
    expect(server.workers()).toEqual(workers);
    expect(server.output()).not.toMatch(/exited|stalled|internal error/);
    expect(elapsed).toBeLessThan(60_000);
  });
});
