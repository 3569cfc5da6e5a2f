import { afterEach, describe, expect, it } from 'vitest';
import { evalBody, postOnce } from '../support/load.js';
import { get, logLines, until } from '../support/ops.js';
import { startServer, type Server } from '../support/server.js';

describe('logs', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.stop('SIGKILL');
    server = undefined;
  });

  it('are JSON on stderr, one object a line: configuration, listening, requests, slow conditions, a worker exit, drain and stop', async () => {
    server = await startServer('bundle', ['--access-log', '--slow-ms', '3']);
    // some 10-30 ms of work: over --slow-ms 3 (and reported even if the run's 50 ms ran out)
    const slow = 'n = 0\nfor i in range(60000):\n    n += i\nreturn n > 0';
    expect(await postOnce(server.port, '/eval', evalBody(['return True', slow]), 5000)).toBe(200);
    expect((await get(server.port, '/healthz')).status).toBe(200);
    const [victim] = server.workers();
    process.kill(victim, 'SIGKILL');
    await until('a respawn', () => server!.errors().includes('"event":"worker-exit"'));
    expect(await server.stop()).toBe(0);
    const lines = logLines(server.errors());
    for (const line of lines) {
      expect(line).toMatchObject({ level: expect.any(String), time: expect.any(String), pid: expect.any(Number), event: expect.any(String), msg: expect.any(String) });
      expect(Number.isNaN(Date.parse(line.time as string))).toBe(false);
    }
    const events = lines.map((l) => l.event);
    expect(events[0]).toBe('start');
    expect(lines[0].config).toMatchObject({ workers: 2, host: '127.0.0.1', port: server.port, accessLog: true, slowMs: 3, maxSteps: 100000 });
    expect(events).toContain('listening');
    const requests = lines.filter((l) => l.event === 'request');
    expect(requests).toContainEqual(expect.objectContaining({ method: 'POST', path: '/eval', status: 200, ms: expect.any(Number), bytes: expect.any(Number) }));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', path: '/healthz', status: 200 }));
    // every condition over --slow-ms, and only those: the loop's, and `return True`'s where a cold worker took over 3 ms for it
    const slowLines = lines.filter((l) => l.event === 'slow-condition');
    for (const line of slowLines) expect(line.ms).toBeGreaterThan(3);
    const loop = slowLines.filter((l) => l.numeration === 1);
    expect(loop).toHaveLength(1);
    expect(loop[0]).toMatchObject({ level: 'warn', numeration: 1, condition: expect.stringMatching(/^sha256:[0-9a-f]{16}$/) });
    // the condition's text never reaches the log
    expect(server.errors()).not.toContain('range(60000)');
    expect(lines.find((l) => l.event === 'worker-exit')).toMatchObject({ level: 'warn', worker: victim, signal: 'SIGKILL', respawnInMs: 100 });
    expect(events.slice(-2)).toEqual(['drain', 'stop']);
  });

  it('--slow-ms cuts a numeration the client made huge: a log line stays small', async () => {
    server = await startServer('bundle', ['--slow-ms', '3']);
    const slow = 'n = 0\nfor i in range(60000):\n    n += i\nreturn n > 0';
    const huge = 'A\n'.repeat(200_000);
    const body = JSON.parse(evalBody([slow]));
    body.payload.conditions[0].numeration = huge;
    expect(await postOnce(server.port, '/eval', JSON.stringify(body), 5000)).toBe(200);
    await until('the slow line', () => server!.errors().includes('"event":"slow-condition"'));
    const line = server.errors().split('\n').find((l) => l.includes('"event":"slow-condition"'))!;
    expect(line.length).toBeLessThan(1000);
    expect(JSON.parse(line).numeration).toBe(JSON.stringify(huge).slice(0, 200) + '...');
  });

  it('--access-log cuts a path the client made huge', async () => {
    server = await startServer('bundle', ['--access-log']);
    // within uWS's 4 KiB for a request head that does not arrive in one read
    const path = '/' + 'a'.repeat(3_500);
    expect((await get(server.port, path)).status).toBe(404);
    await until('the access line', () => server!.errors().includes('"event":"request"'));
    const line = server.errors().split('\n').find((l) => l.includes('"event":"request"'))!;
    expect(line.length).toBeLessThan(3000);
    expect(JSON.parse(line).path).toBe(path.slice(0, 1000) + '...');
  });

  it('without --access-log or --slow-ms, a request logs nothing', async () => {
    server = await startServer('bundle');
    const slow = 'n = 0\nfor i in range(30000):\n    n += i\nreturn n > 0';
    expect(await postOnce(server.port, '/eval', evalBody([slow]), 5000)).toBe(200);
    expect(logLines(server.errors()).map((l) => l.event)).toEqual(['start', 'listening']);
  });

  it('--log-format text keeps the sentences for a terminal', async () => {
    server = await startServer('bundle', ['--log-format', 'text', '--access-log']);
    expect((await get(server.port, '/healthz')).status).toBe(200);
    await until('the access line', () => server!.errors().includes('GET /healthz 200'));
    expect(await server.stop()).toBe(0);
    const lines = server.errors().trim().split('\n');
    expect(lines[0]).toMatch(/^evaluator: evaluator \S+ starting 2 workers on 127\.0\.0\.1:\d+$/);
    expect(lines).toContainEqual(expect.stringMatching(/^evaluator: GET \/healthz 200 \d+\.\d{3} ms$/));
    expect(lines).toContain('evaluator: SIGTERM: finishing requests in flight, then stopping');
    for (const line of lines) expect(line.startsWith('evaluator: ')).toBe(true);
  });
});
