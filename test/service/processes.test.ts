import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, targets, type Server } from '../support/server.js';

const BODY = JSON.stringify({
  payload: { log: { Text: 'x' }, conditions: [{ type: 'Standard', numeration: 0, text: 'return True' }], context: {}, trueConditions: [], logProcessingTime: 0, stateTime: 0 },
});

/** How many sockets listen on a TCP port, from /proc/net/tcp (state 0A is LISTEN). */
function listeningSockets(port: number): number {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .filter((line) => {
      const cols = line.trim().split(/\s+/);
      return cols[1]?.endsWith(':' + hex) && cols[3] === '0A';
    }).length;
}

async function evalOk(server: Server): Promise<boolean> {
  try {
    const res = await fetch(server.url + '/eval', { method: 'POST', body: BODY });
    return res.status === 200 && ((await res.json()) as { trueConditions: number[] }).trueConditions[0] === 0;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(targets())('processes (%s)', (target) => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.stop('SIGKILL');
    for (const pid of server?.workers?.() ?? []) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    server = undefined;
  });

  it('runs one listening socket per worker on the shared port', async () => {
    server = await startServer(target);
    expect(server.workers()).toHaveLength(2);
    expect(listeningSockets(server.port)).toBe(2);
  });

  it('replaces a killed worker, and requests keep succeeding', async () => {
    server = await startServer(target);
    const [victim] = server.workers();
    process.kill(victim, 'SIGKILL');
    let failures = 0;
    for (let i = 0; i < 50; i++) if (!(await evalOk(server))) failures++;
    for (let i = 0; i < 100 && (server.workers().length < 2 || server.workers().includes(victim)); i++) await sleep(50);
    const now = server.workers();
    expect(now).toHaveLength(2);
    expect(now).not.toContain(victim);
    expect(failures).toBeLessThanOrEqual(2);
    expect(server.output()).toMatch(/worker \d+ exited \(SIGKILL\); starting another in 100 ms/);
    for (let i = 0; i < 20; i++) expect(await evalOk(server)).toBe(true);
  });

  it('stops gracefully on SIGTERM without losing a request in flight', async () => {
    server = await startServer(target);
    const s = server;
    // requests under way when the signal arrives: their bodies are still being sent
    const inFlight = Array.from({ length: 10 }, async () => {
      const { RawClient, request } = await import('../support/raw.js');
      const c = await RawClient.open(s.port);
      const text = request('/eval', BODY);
      c.write(text.slice(0, -5));
      await sleep(300);
      c.write(text.slice(-5));
      const [res] = await c.responses(1);
      c.close();
      return res?.status;
    });
    await sleep(100);
    const code = s.stop('SIGTERM');
    expect(await Promise.all(inFlight)).toEqual(Array(10).fill(200));
    expect(await code).toBe(0);
    server = undefined;
  });

  it('refuses a port that is already taken, with a clear error', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as { port: number }).port;
    const { spawnSync } = await import('node:child_process');
    const { commandFor } = await import('../support/server.js');
    const cmd = commandFor(target, ['--port', String(port), '--host', '127.0.0.1', '--workers', '2']);
    const r = spawnSync(cmd.command, cmd.args, { env: cmd.env, encoding: 'utf8', timeout: 10_000 });
    blocker.close();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`cannot listen on 127.0.0.1:${port}`);
  });
});
