/**
 * /eval throughput and latency: the evaluator against a bare uWS server that only
 * parses the same JSON (in the same run), and the original's cost model
 * (../shared/oracle/serve.py) when python3 and ../shared are there. With --batch K, the
 * 459,311-log replay through /eval/batch, K logs a request, against the same bare server.
 * Both servers run at once and are measured in turns, --rounds times.
 * With --baseline FILE, another build of the evaluator (a bundle of an earlier commit) runs
 * beside them and is measured in the same turns: before against after, on one machine state.
 *   npm run bench -- [--requests N] [--clients C] [--workers W] [--batch K] [--rounds R] [--baseline FILE]
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
const ROUNDS = arg('--rounds', 3);
const BASELINE = process.argv.includes('--baseline') ? process.argv[process.argv.indexOf('--baseline') + 1] : undefined;
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
  round: number;
  server: string;
  result: LoadResult;
}

async function measure(port: number, bodies: string[], requests: number, durationMs?: number): Promise<LoadResult> {
  const path = BATCH > 0 ? '/eval/batch' : '/eval';
  const payloads = bodies.map((b) => encodeRequest(path, b));
  // every answer is the route's: true conditions and context, or the error shape
  const check = CHECKS[path];
  // warm-up, 2 s: JIT, heap, caches, connections
  await runLoad({ host: '127.0.0.1', port, clients: CLIENTS, requests: Number.MAX_SAFE_INTEGER, durationMs: 2000, payloads, check });
  return runLoad({ host: '127.0.0.1', port, clients: CLIENTS, requests, durationMs, payloads, check });
}

const BARE = 'bare uWS (JSON.parse only)';
const EVALUATOR = 'evaluator';
const BASELINE_NAME = `evaluator, baseline (${BASELINE})`;
const ratio = (x: number): string => `${x >= 0.01 ? x.toFixed(2) : x.toPrecision(2)}x`;

async function main(): Promise<void> {
  const bodies = BATCH > 0 ? batchBodies(Math.max(1, Math.round(20_000 / BATCH)), BATCH) : evalBodies(1000);
  const requests = BATCH > 0 ? Math.ceil(LOGS / BATCH) : REQUESTS;
  const rows: Row[] = [];

  // both up at once, measured in turns: this machine's speed drifts within seconds, so
  // each ratio compares neighbours in time
  const barePort = await freePort();
  const bare = await start(process.execPath, [fileURLToPath(new URL('./bare-server.mjs', import.meta.url)), String(barePort), String(WORKERS)], /bare listening/);
  const evalPort = await freePort();
  const startEvaluator = async (bundle: string, port: number) =>
    start(process.execPath, [bundle, '--port', String(port), '--host', '127.0.0.1', '--workers', String(WORKERS), '--max-body', '256MiB'], /listening on/);
  const evaluator = await startEvaluator('dist/evaluator.cjs', evalPort);
  const basePort = await freePort();
  const baseline = BASELINE === undefined ? null : await startEvaluator(BASELINE, basePort);
  for (let round = 1; round <= ROUNDS; round++) {
    rows.push({ round, server: BARE, result: await measure(barePort, bodies, requests) });
    // the order of the two builds alternates, so that neither always follows the bare server
    const builds: [string, number][] = [[EVALUATOR, evalPort]];
    if (baseline !== null) builds[round % 2 === 0 ? 'push' : 'unshift']([BASELINE_NAME, basePort]);
    for (const [server, port] of builds) rows.push({ round, server, result: await measure(port, bodies, requests) });
  }
  await stop(bare);
  await stop(evaluator);
  if (baseline !== null) await stop(baseline);

  if (BATCH === 0 && existsSync(SERVE_PY)) {
    const pyPort = await freePort();
    const py = spawn('python3', [SERVE_PY, '--port', String(pyPort)], { stdio: 'ignore' });
    if (await healthy(pyPort)) {
      rows.push({ round: ROUNDS, server: 'original cost model (serve.py, a python3 -c per condition)', result: await measure(pyPort, bodies, 200, 20_000) });
      await stop(py);
    }
  }

  const rps = (r: LoadResult) => (r.requests / r.elapsedMs) * 1000;
  const bareOf = (round: number) => rows.find((x) => x.round === round && x.server === BARE)!.result;
  if (BATCH > 0) {
    console.log(`\n/eval/batch, ${BATCH} logs a request, ${requests * BATCH} logs, ${WORKERS} workers, ${CLIENTS} keep-alive clients, ${ROUNDS} rounds; node ${process.version}\n`);
    console.log('| round | server | requests | errors | time s | logs/s | time vs bare |');
    console.log('|---:|---|---:|---:|---:|---:|---:|');
  } else {
    console.log(`\n/eval, ${WORKERS} workers, ${CLIENTS} keep-alive clients, ${bodies.length} distinct ALMA-like requests (6 conditions each), ${ROUNDS} rounds; node ${process.version}\n`);
    console.log('| round | server | requests | errors | requests/s | vs bare | p50 ms | p99 ms |');
    console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
  }
  for (const { round, server, result } of rows) {
    const errors = Object.values(result.errors).reduce((a, b) => a + b, 0);
    const latency = latencyMs(result.histogram);
    const base = bareOf(round);
    if (BATCH > 0) {
      console.log(`| ${round} | ${server} | ${result.requests} | ${errors} | ${(result.elapsedMs / 1000).toFixed(2)} | ${((result.requests * BATCH * 1000) / result.elapsedMs).toFixed(0)} | ${ratio(result.elapsedMs / base.elapsedMs)} |`);
    } else {
      console.log(`| ${round} | ${server} | ${result.requests} | ${errors} | ${rps(result).toFixed(0)} | ${ratio(rps(result) / rps(base))} | ${latency.p50.toFixed(3)} | ${latency.p99.toFixed(3)} |`);
    }
  }
  const ratios = rows
    .filter((x) => x.server === EVALUATOR)
    .map((x) => (BATCH > 0 ? x.result.elapsedMs / bareOf(x.round).elapsedMs : rps(x.result) / rps(bareOf(x.round))))
    .sort((a, b) => a - b);
  console.log(`\nmedian evaluator / bare (${BATCH > 0 ? 'time' : 'requests/s'}): ${ratio(ratios[Math.floor(ratios.length / 2)])}`);
  if (baseline !== null) {
    const of = (server: string, round: number) => rows.find((x) => x.round === round && x.server === server)!.result;
    const perRound = Array.from({ length: ROUNDS }, (_, i) => {
      const [now, before] = [of(EVALUATOR, i + 1), of(BASELINE_NAME, i + 1)];
      return BATCH > 0 ? now.elapsedMs / before.elapsedMs : rps(now) / rps(before);
    }).sort((a, b) => a - b);
    console.log(`evaluator / baseline (${BATCH > 0 ? 'time' : 'requests/s'}), per round: ${perRound.map(ratio).join(', ')}; median ${ratio(perRound[Math.floor(ROUNDS / 2)])}`);
  }
}

await main();
