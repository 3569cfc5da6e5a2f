/**
 * /eval throughput and latency: the evaluator against a bare uWS server that only
 * parses the same JSON (measured first, in the same run), and the original's cost model
 * (../shared/oracle/serve.py) when python3 and ../shared are there. With --batch K, the
 * 459,311-log replay through /eval/batch, K logs a request, against the same bare server.
 *   npm run bench -- [--requests N] [--clients C] [--workers W] [--batch K]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '../src/server/primary.js';
import { encodeRequest, latencyMs, runLoad, type LoadResult } from '../src/bench/loadgen.js';
import { CHECKS } from '../src/bench/scenarios.js';
import { batchBodies, evalBodies } from '../src/bench/workload.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? dflt : Number(process.argv[i + 1]);
};
const REQUESTS = arg('--requests', 40_000);
const CLIENTS = arg('--clients', 20);
const WORKERS = arg('--workers', 2);
const BATCH = arg('--batch', 0);
const LOGS = 459_311;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVE_PY = fileURLToPath(new URL('../../../shared/oracle/serve.py', import.meta.url));


async function start(command: string, args: string[], ready: RegExp): Promise<ChildProcess> {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not start: ${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d;
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', () => reject(new Error(`${command} exited: ${out}`)));
  });
  return child;
}

/** Polls GET /healthz until it answers, for servers that print nothing when ready. */
async function healthy(port: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return true;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

interface Row {
  server: string;
  result: LoadResult;
}

async function measure(server: string, port: number, bodies: string[], requests: number, durationMs?: number): Promise<Row> {
  const path = BATCH > 0 ? '/eval/batch' : '/eval';
  const payloads = bodies.map((b) => encodeRequest(path, b));
  // every answer is the route's: true conditions and context, or the error shape
  const check = CHECKS[path];
  // warm-up: JIT, caches, connections
  await runLoad({ host: '127.0.0.1', port, clients: CLIENTS, requests: BATCH > 0 ? 2 * CLIENTS : Math.min(requests, 4000), durationMs, payloads, check });
  const result = await runLoad({ host: '127.0.0.1', port, clients: CLIENTS, requests, durationMs, payloads, check });
  return { server, result };
}

async function main(): Promise<void> {
  const bodies = BATCH > 0 ? batchBodies(Math.max(1, Math.round(20_000 / BATCH)), BATCH) : evalBodies(1000);
  const requests = BATCH > 0 ? Math.ceil(LOGS / BATCH) : REQUESTS;
  const rows: Row[] = [];

  const barePort = await freePort();
  const bare = await start(process.execPath, [fileURLToPath(new URL('./bare-server.mjs', import.meta.url)), String(barePort), String(WORKERS)], /bare listening/);
  rows.push(await measure('bare uWS (JSON.parse only)', barePort, bodies, requests));
  await stop(bare);

  const evalPort = await freePort();
  const evaluator = await start(process.execPath, ['dist/evaluator.cjs', '--port', String(evalPort), '--host', '127.0.0.1', '--workers', String(WORKERS), '--max-body', '256MiB'], /listening on/);
  rows.push(await measure('evaluator', evalPort, bodies, requests));
  await stop(evaluator);

  if (BATCH === 0 && existsSync(SERVE_PY)) {
    const pyPort = await freePort();
    const py = spawn('python3', [SERVE_PY, '--port', String(pyPort)], { stdio: 'ignore' });
    if (await healthy(pyPort)) {
      rows.push(await measure('original cost model (serve.py, a python3 -c per condition)', pyPort, bodies, 200, 20_000));
      await stop(py);
    }
  }

  const base = rows[0].result;
  const rps = (r: LoadResult) => (r.requests / r.elapsedMs) * 1000;
  if (BATCH > 0) {
    console.log(`\n/eval/batch, ${BATCH} logs a request, ${requests * BATCH} logs, ${WORKERS} workers, ${CLIENTS} keep-alive clients; node ${process.version}\n`);
    console.log('| server | requests | errors | time s | logs/s | time vs bare |');
    console.log('|---|---:|---:|---:|---:|---:|');
  } else {
    console.log(`\n/eval, ${WORKERS} workers, ${CLIENTS} keep-alive clients, ${bodies.length} distinct ALMA-like requests (6 conditions each); node ${process.version}\n`);
    console.log('| server | requests | errors | requests/s | vs bare | p50 ms | p99 ms |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
  }
  for (const { server, result } of rows) {
    const errors = Object.values(result.errors).reduce((a, b) => a + b, 0);
    const latency = latencyMs(result.histogram);
    if (BATCH > 0) {
      console.log(`| ${server} | ${result.requests} | ${errors} | ${(result.elapsedMs / 1000).toFixed(2)} | ${((result.requests * BATCH * 1000) / result.elapsedMs).toFixed(0)} | ${(result.elapsedMs / base.elapsedMs).toFixed(2)}x |`);
    } else {
      console.log(`| ${server} | ${result.requests} | ${errors} | ${rps(result).toFixed(0)} | ${(rps(result) / rps(base)).toFixed(2)}x | ${latency.p50.toFixed(3)} | ${latency.p99.toFixed(3)} |`);
    }
  }
}

await main();
