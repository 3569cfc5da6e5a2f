import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { evalBody } from '../support/load.js';
import { get, logLines, scrape, sleep, total, until } from '../support/ops.js';
import { startServer, targets, type Server } from '../support/server.js';

const BODY = evalBody(['return "x" in text']);

/** Closed-loop keep-alive clients sending /eval until stop() is called: every status or error code. */
function load(url: string, clients: number): { stop: () => Promise<(number | string)[]> } {
  const out: (number | string)[] = [];
  let running = true;
  const loops = Array.from({ length: clients }, async () => {
    while (running) {
      try {
        const res = await fetch(url + '/eval', { method: 'POST', body: BODY });
        await res.text();
        out.push(res.status);
      } catch (err) {
        out.push(String((err as { cause?: { code?: string } }).cause?.code ?? err));
      }
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return out;
    },
  };
}

describe('signals and readiness', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.stop('SIGKILL');
    for (const pid of server?.workers() ?? []) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    server = undefined;
  });

  it.each(targets())('SIGHUP replaces every worker one by one under load, refusing nothing (%s)', async (target) => {
    server = await startServer(target);
    const before = server.workers();
    const traffic = load(server.url, 8);
    await sleep(500);
    server.process.kill('SIGHUP');
    await until('the reload to end', () => server!.errors().includes('"event":"reloaded"'), 30_000);
    await sleep(300);
    const statuses = await traffic.stop();
    const failed = statuses.filter((s) => s !== 200);
    expect(failed).toEqual([]);
    // load ran throughout (a few hundred requests a second even on a busy machine)
    expect(statuses.length).toBeGreaterThan(100);
    const after = server.workers();
    expect(after).toHaveLength(2);
    expect(after.filter((pid) => before.includes(pid))).toEqual([]);
    const m = await scrape(server.url);
    expect(total(m, 'evaluator_worker_restarts_total', { reason: 'reload' })).toBe(2);
    expect((await get(server.port, '/readyz')).status).toBe(200);
  });

  it('SIGTTIN adds a worker, SIGTTOU removes one, never the last', async () => {
    server = await startServer('bundle');
    server.process.kill('SIGTTIN');
    await until('a third worker ready', async () => total(await scrape(server!.url), 'evaluator_workers') === 3);
    expect(server.workers()).toHaveLength(3);
    await until('/readyz 200 with three workers', async () => (await get(server!.port, '/readyz')).status === 200, 2000);
    for (let i = 0; i < 3; i++) {
      server.process.kill('SIGTTOU');
      await sleep(200);
    }
    await until('one worker left', () => server!.workers().length === 1);
    const m = await scrape(server.url);
    expect(total(m, 'evaluator_workers_target')).toBe(1);
    expect(total(m, 'evaluator_workers')).toBe(1);
    expect((await get(server.port, '/readyz')).status).toBe(200);
    expect(logLines(server.errors()).some((l) => l.msg === 'SIGTTOU: one worker is the fewest; none removed')).toBe(true);
    // a worker removed is not replaced
    await sleep(500);
    expect(server.workers()).toHaveLength(1);
  });

  it("a worker ignores the primary's signals: a terminal's hang-up or a TTOU sent to it by mistake", async () => {
    server = await startServer('bundle', ['--stall-timeout', '1000', '--request-budget', '300']);
    const workers = server.workers();
    for (const signal of ['SIGHUP', 'SIGTTIN', 'SIGTTOU'] as const) process.kill(workers[0], signal);
    await sleep(2000);
    // not stopped (state T), so not killed by the watchdog either
    expect(server.workers(), server.errors()).toEqual(workers);
    expect(readFileSync(`/proc/${workers[0]}/stat`, 'utf8').split(') ')[1][0]).not.toBe('T');
    expect(server.errors()).not.toContain('worker-exit');
  });

  it('/readyz answers 503 on a draining worker, /healthz 200', async () => {
    server = await startServer('bundle', ['--shutdown-timeout', '5000']);
    // the primary tells the workers over IPC once all listen: a moment after its stdout line
    await until('/readyz 200', async () => (await get(server!.port, '/readyz')).status === 200, 2000);
    expect(JSON.parse((await get(server.port, '/readyz')).body)).toEqual({ status: 'ready' });
    // one kept-alive connection, opened before the stop: its worker drains but still answers on it
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const onAgent = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server!.port, path, agent }, (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    expect((await onAgent('/healthz')).status).toBe(200);
    server.process.kill('SIGTERM');
    await sleep(100);
    const ready = await onAgent('/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toEqual({ error: 'draining: this worker is stopping' });
    agent.destroy();
    expect(await server.stop()).toBe(0);
  });
});
