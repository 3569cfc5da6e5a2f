/**
 * Start-up time: from exec to GET /healthz answering, with 2 workers, median of N starts.
 *   npm run bench:startup [-- --runs N --command PATH]   (default: build/evaluator)
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../src/server/primary.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? dflt : process.argv[i + 1];
};
const RUNS = Number(arg('--runs', '10'));
const COMMAND = arg('--command', fileURLToPath(new URL('../../build/evaluator', import.meta.url)));


async function once(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(COMMAND, ['--port', String(port), '--host', '127.0.0.1', '--workers', '2'], { stdio: 'ignore', env: {} });
  let ready = 0;
  // two answers in a row: both workers are likely up (the kernel spreads new connections)
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok && ++ready === 2) break;
    } catch {
      ready = 0;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  const ms = performance.now() - started;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return ms;
}

const times: number[] = [];
for (let i = 0; i < RUNS; i++) times.push(await once());
times.sort((a, b) => a - b);
console.log(`${COMMAND}: exec to /healthz with 2 workers, ${RUNS} starts: median ${times[RUNS >> 1].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[RUNS - 1].toFixed(0)} ms`);
