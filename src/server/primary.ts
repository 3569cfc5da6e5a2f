import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { ServeOptions } from '../cli/options.js';
import { workerCommand } from './self.js';
import type { PrimaryMessage, WorkerMessage } from './worker.js';

/** Respawn backoff: doubles per crash in a row, reset by a worker that stays up. */
const BACKOFF_FIRST_MS = 100;
const BACKOFF_MAX_MS = 10_000;
const STABLE_AFTER_MS = 10_000;

export const WORKER_ENV = 'EVALUATOR_WORKER_OPTIONS';

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
 * reports when all of them listen, replaces any that dies, and stops them gracefully.
 */
export async function runPrimary(options: ServeOptions, version: string): Promise<void> {
  const port = options.port === 0 ? await freePort(options.host) : options.port;
  const workerOptions: ServeOptions = { ...options, port };
  const workers = new Set<ChildProcess>();
  let stopping = false;
  let started = false;
  let crashes = 0;

  const start = (): ChildProcess => {
    const [command, args] = workerCommand();
    const child = spawn(command, args, {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, [WORKER_ENV]: JSON.stringify(workerOptions) },
    });
    const bornAt = Date.now();
    workers.add(child);
    child.on('message', (msg: WorkerMessage) => {
      if (msg?.type === 'ready') onReady();
      else if (msg?.type === 'listen-failed' && !started) fatal(msg.message);
    });
    child.on('exit', (code, signal) => {
      workers.delete(child);
      if (stopping) {
        if (workers.size === 0) process.exit(0);
        return;
      }
      if (!started) return fatal(`a worker exited during start-up (${signal ?? `code ${code}`})`);
      crashes = Date.now() - bornAt > STABLE_AFTER_MS ? 1 : crashes + 1;
      const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (crashes - 1));
      process.stderr.write(`evaluator: worker ${child.pid} exited (${signal ?? `code ${code}`}); starting another in ${delay} ms\n`);
      setTimeout(() => {
        if (!stopping) start();
      }, delay);
    });
    return child;
  };

  let ready = 0;
  const onReady = () => {
    if (started) return;
    if (++ready === options.workers) {
      started = true;
      process.stdout.write(`evaluator ${version} listening on http://${options.host}:${port} with ${options.workers} worker${options.workers === 1 ? '' : 's'}\n`);
    }
  };

  const fatal = (message: string) => {
    process.stderr.write(`evaluator: ${message}\n`);
    stopping = true;
    for (const w of workers) w.kill('SIGKILL');
    process.exit(1);
  };

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`evaluator: ${signal}: finishing requests in flight, then stopping\n`);
    const deadline = Date.now() + options.shutdownTimeout;
    for (const w of workers) {
      if (w.connected) w.send({ type: 'shutdown', deadline } satisfies PrimaryMessage);
      else w.kill('SIGTERM');
    }
    if (workers.size === 0) process.exit(0);
    setTimeout(() => {
      for (const w of workers) w.kill('SIGKILL');
      process.exit(0);
    }, options.shutdownTimeout + 1000).unref();
  };

  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  for (let i = 0; i < options.workers; i++) start();
}
