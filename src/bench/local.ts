import { spawn, type ChildProcess } from 'node:child_process';
import { WORKER_ENV } from '../server/primary.js';
import { workerCommand } from '../server/self.js';

export interface LocalServer {
  url: string;
  stop: () => Promise<void>;
}

/** This evaluator, started on a free loopback port with `workers` workers: the bench's default target. */
export async function startLocal(workers: number): Promise<LocalServer> {
  const [command, prefix] = workerCommand();
  const env = { ...process.env };
  delete env[WORKER_ENV];
  // batches of a thousand logs are larger than the default body limit
  const args = [...prefix, '--port', '0', '--host', '127.0.0.1', '--workers', String(workers), '--max-body', '256MiB'];
  const child: ChildProcess = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the local evaluator did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the local evaluator exited (${code}): ${out}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
