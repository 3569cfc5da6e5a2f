/**
 * Faults under load: the evaluator (2 workers, defaults otherwise) at saturation while
 * something goes wrong. For each scenario: requests answered, failed requests (errors
 * and resets), the longest pause (the slowest answer), workers replaced, and the peak
 * RSS of one worker and of all of them.
 *   npm run bench:faults -- [--seconds S] [--clients C]
 * soak: S x 2 seconds at saturation. sigkill / sigstop: a worker SIGKILLed / SIGSTOPped
 * after 2 s of S seconds. slowloris: 1,000 connections sending their head a byte a
 * second alongside. memory: 38 requests of ten distinct 84 KB conditions from 2 clients
 * alongside.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { encodeRequest, latencyMs, runLoad, type LoadResult } from '../src/bench/loadgen.js';
import { CHECKS } from '../src/bench/scenarios.js';
import { evalBodies } from '../src/bench/workload.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? dflt : Number(process.argv[i + 1]);
};
const SECONDS = arg('--seconds', 10);
const CLIENTS = arg('--clients', 20);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MiB = 2 ** 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  child: ChildProcess;
  port: number;
  output: () => string;
}

async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, ['dist/evaluator.cjs', '--port', '0', '--host', '127.0.0.1', '--workers', '2'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m !== null) {
        clearInterval(timer);
        resolve(Number(m[1]));
      }
    }, 20);
    child.on('exit', () => reject(new Error(`the evaluator exited: ${out}`)));
  });
  return { child, port, output: () => out };
}

/** The live children of pid, from /proc (field 4 of stat is the parent). */
function workersOf(pid: number): number[] {
  return readdirSync('/proc').flatMap((e) => {
    if (!/^\d+$/.test(e)) return [];
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(fields[1]) === pid && fields[0] !== 'Z' ? [Number(e)] : [];
    } catch {
      return [];
    }
  });
}

function rss(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Samples the workers every 100 ms: the peak RSS of one and of all, and every pid seen. */
function watchWorkers(primary: number): () => { one: number; all: number; pids: Set<number> } {
  let one = 0;
  let all = 0;
  const pids = new Set<number>();
  const sample = () => {
    const sizes = workersOf(primary).map((pid) => (pids.add(pid), rss(pid)));
    one = Math.max(one, ...sizes);
    all = Math.max(all, sizes.reduce((a, b) => a + b, 0));
  };
  sample();
  const timer = setInterval(sample, 100);
  return () => {
    clearInterval(timer);
    return { one, all, pids };
  };
}

/** 1,000 connections that send a request head a byte a second and never finish it. */
function slowloris(port: number, count: number): () => void {
  const head = 'POST /eval HTTP/1.1\r\nHost: slow\r\nContent-Length: 10\r\n';
  const sockets: Socket[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const s = connect(port, '127.0.0.1');
    s.on('error', () => {});
    sockets.push(s);
  }
  const timer = setInterval(() => {
    const byte = head[at++ % head.length];
    for (const s of sockets) if (!s.destroyed) s.write(byte);
  }, 1000);
  return () => {
    clearInterval(timer);
    for (const s of sockets) s.destroy();
  };
}

/** A distinct condition of about n characters: an `or` chain of `in` tests. */
function orChain(tag: string, n: number): string {
  let s = `return "${tag}" in text`;
  for (let j = 0; s.length < n; j++) s += ` or "w${j}" in text`;
  return s;
}

interface Row {
  scenario: string;
  result: LoadResult;
  extra: LoadResult | null;
  replaced: number;
  one: number;
  all: number;
}

async function scenario(name: string, seconds: number, fault: (server: Server) => Promise<LoadResult | null>): Promise<Row> {
  const server = await startServer();
  const payloads = evalBodies(1000).map((b) => encodeRequest('/eval', b));
  // warm-up: JIT, heap, connections
  await runLoad({ host: '127.0.0.1', port: server.port, clients: CLIENTS, requests: Number.MAX_SAFE_INTEGER, durationMs: 1000, payloads });
  const watch = watchWorkers(server.child.pid!);
  const load = runLoad({ host: '127.0.0.1', port: server.port, clients: CLIENTS, requests: Number.MAX_SAFE_INTEGER, durationMs: seconds * 1000, payloads, check: CHECKS['/eval'] });
  const extra = await fault(server);
  const result = await load;
  const { one, all, pids } = watch();
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await exited;
  const row = { scenario: name, result, extra, replaced: pids.size - 2, one, all };
  process.stderr.write(`${name}: done\n`);
  return row;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  rows.push(await scenario('soak', SECONDS * 2, async () => null));
  rows.push(
    await scenario('sigkill', SECONDS, async (s) => {
      await sleep(2000);
      process.kill(workersOf(s.child.pid!)[0], 'SIGKILL');
      return null;
    }),
  );
  rows.push(
    await scenario('sigstop', SECONDS, async (s) => {
      await sleep(2000);
      process.kill(workersOf(s.child.pid!)[0], 'SIGSTOP');
      return null;
    }),
  );
  rows.push(
    await scenario('slowloris', SECONDS, async (s) => {
      const stop = slowloris(s.port, 1000);
      await sleep(SECONDS * 1000 - 500);
      stop();
      return null;
    }),
  );
  rows.push(
    await scenario('memory', SECONDS, async (s) => {
      const big = Array.from({ length: 38 }, (_, r) => encodeRequest('/eval', JSON.stringify({ payload: { log: { Text: 'x' }, conditions: Array.from({ length: 10 }, (_, i) => ({ type: 'Standard', numeration: i, text: orChain(`k${r}-${i}`, 84_000) })), context: {}, trueConditions: [], logProcessingTime: 0, stateTime: 0 } })));
      return runLoad({ host: '127.0.0.1', port: s.port, clients: 2, requests: big.length, payloads: big, check: CHECKS['/eval'] });
    }),
  );

  const failed = (r: LoadResult | null) => (r === null ? 0 : Object.values(r.errors).reduce((a, b) => a + b, 0));
  console.log(`\n/eval at saturation (${CLIENTS} keep-alive clients, 2 workers, default options); node ${process.version}\n`);
  console.log('| scenario | requests | failed | longest pause ms | p99 ms | workers replaced | peak RSS of a worker MiB | peak RSS of all workers MiB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const { scenario: name, result, extra, replaced, one, all } of rows) {
    const latency = latencyMs(result.histogram);
    const longest = Math.max(latency.max, extra === null ? 0 : latencyMs(extra.histogram).max);
    const requests = result.requests + (extra?.requests ?? 0);
    const errors = { ...result.errors, ...Object.fromEntries(Object.entries(extra?.errors ?? {}).map(([k, v]) => [k, v + (result.errors[k] ?? 0)])) };
    const kinds = Object.entries(errors).map(([k, v]) => `${v} ${k}`).join(', ');
    console.log(`| ${name} | ${requests} | ${failed(result) + failed(extra)}${kinds ? ` (${kinds})` : ''} | ${longest.toFixed(0)} | ${latency.p99.toFixed(2)} | ${replaced} | ${(one / MiB).toFixed(0)} | ${(all / MiB).toFixed(0)} |`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
