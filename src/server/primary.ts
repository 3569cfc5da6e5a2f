import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { ServeOptions } from '../cli/options.js';
import { withHeapCap, workerCommand } from './self.js';
import { HEARTBEAT_MS } from './vitals.js';
import type { PrimaryMessage, WorkerMessage } from './worker.js';

/** Respawn backoff: doubles per crash in a row, reset by a worker that stays up. */
const BACKOFF_FIRST_MS = 100;
const BACKOFF_MAX_MS = 10_000;
const STABLE_AFTER_MS = 10_000;

export const WORKER_ENV = 'EVALUATOR_WORKER_OPTIONS';

/** What the primary knows of a worker. */
interface Worker {
  bornAt: number;
  ready: boolean;
  /** performance.now() of its last heartbeat. */
  lastBeat: number;
  /** Over its memory threshold: replaced, then told to drain once the replacement listens. */
  retiring: boolean;
  drainSent: boolean;
  /** Why the primary killed it, for the log line when it exits. */
  killedFor: string | null;
}

/** A free port on host, for --port 0: every worker must listen on the same one. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The primary: forks the workers (re-executing this program, never `node` by name),
 * reports when all of them listen, replaces any that dies, stalls (no heartbeat for
 * --stall-timeout: killed, as gunicorn's worker timeout) or outgrows its memory
 * threshold (replaced first, then drained, as uWSGI's reload-on-rss), and stops them
 * gracefully.
 */
export async function runPrimary(options: ServeOptions, version: string): Promise<void> {
  const port = options.port === 0 ? await freePort(options.host) : options.port;
  const env = withHeapCap({ ...process.env, [WORKER_ENV]: JSON.stringify({ ...options, port }) }, options.workerMemory);
  const workers = new Map<ChildProcess, Worker>();
  let stopping = false;
  let started = false;
  let crashes = 0;

  const start = (): void => {
    const [command, args] = workerCommand();
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env });
    const now = performance.now();
    const worker: Worker = { bornAt: now, ready: false, lastBeat: now, retiring: false, drainSent: false, killedFor: null };
    workers.set(child, worker);
    child.on('message', (msg: WorkerMessage) => {
      switch (msg?.type) {
        case 'beat':
          worker.lastBeat = performance.now();
          break;
        case 'ready':
          worker.ready = true;
          worker.lastBeat = performance.now();
          onReady();
          break;
        case 'recycle':
          retire(child, worker, msg.heapUsed, msg.heapLimit);
          break;
        case 'listen-failed':
          if (!started) fatal(msg.message);
      }
    });
    child.on('exit', (code, signal) => {
      workers.delete(child);
      if (stopping) {
        if (workers.size === 0) process.exit(0);
        return;
      }
      if (!started) return fatal(`a worker exited during start-up (${signal ?? `code ${code}`})`);
      const how = worker.killedFor ?? `exited (${signal ?? `code ${code}`})`;
      // a retiring worker's replacement is already there
      if (worker.retiring) {
        if (!worker.drainSent) process.stderr.write(`evaluator: worker ${child.pid} ${how} before its replacement was ready\n`);
        else if (code !== 0) process.stderr.write(`evaluator: worker ${child.pid} ${how} while draining\n`);
        return;
      }
      crashes = performance.now() - worker.bornAt > STABLE_AFTER_MS ? 1 : crashes + 1;
      const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (crashes - 1));
      process.stderr.write(`evaluator: worker ${child.pid} ${how}; starting another in ${delay} ms\n`);
      setTimeout(() => {
        if (!stopping) start();
      }, delay);
    });
  };

  /** Starts a replacement now; the worker drains once a replacement listens, so capacity never drops. */
  const retire = (child: ChildProcess, worker: Worker, heapUsed: number, heapLimit: number) => {
    if (stopping || worker.retiring) return;
    worker.retiring = true;
    const mib = (n: number) => Math.round(n / 2 ** 20);
    process.stderr.write(`evaluator: worker ${child.pid} holds ${mib(heapUsed)} MiB of its ${mib(heapLimit)} MiB heap after a full GC; replacing it\n`);
    start();
  };

  const drainRetired = () => {
    for (const [child, worker] of workers) {
      if (!worker.retiring || worker.drainSent) continue;
      worker.drainSent = true;
      if (child.connected) child.send({ type: 'shutdown', deadline: Date.now() + options.shutdownTimeout } satisfies PrimaryMessage);
      else child.kill('SIGTERM');
      return;
    }
  };

  /** The watchdog: a worker whose event loop has not turned for --stall-timeout is killed; the kernel then stops routing to its socket. */
  const watch = () => {
    const now = performance.now();
    for (const [child, worker] of workers) {
      if (!worker.ready || worker.killedFor !== null || now - worker.lastBeat <= options.stallTimeout) continue;
      worker.killedFor = `stalled (no heartbeat for ${Math.round(now - worker.lastBeat)} ms) and was killed`;
      child.kill('SIGKILL');
    }
  };
  setInterval(watch, HEARTBEAT_MS);

  let ready = 0;
  const onReady = () => {
    if (started) return drainRetired();
    if (++ready === options.workers) {
      started = true;
      process.stdout.write(`evaluator ${version} listening on http://${options.host}:${port} with ${options.workers} worker${options.workers === 1 ? '' : 's'}\n`);
    }
  };

  const fatal = (message: string) => {
    process.stderr.write(`evaluator: ${message}\n`);
    stopping = true;
    for (const w of workers.keys()) w.kill('SIGKILL');
    process.exit(1);
  };

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`evaluator: ${signal}: finishing requests in flight, then stopping\n`);
    const deadline = Date.now() + options.shutdownTimeout;
    for (const w of workers.keys()) {
      if (w.connected) w.send({ type: 'shutdown', deadline } satisfies PrimaryMessage);
      else w.kill('SIGTERM');
    }
    if (workers.size === 0) process.exit(0);
    setTimeout(() => {
      for (const w of workers.keys()) w.kill('SIGKILL');
      process.exit(0);
    }, options.shutdownTimeout + 1000).unref();
  };

  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  for (let i = 0; i < options.workers; i++) start();
}
