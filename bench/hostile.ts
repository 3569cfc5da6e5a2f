/**
 * The attacker's suite over HTTP: every input of the hostile corpus and of the hostile fuzz
 * corpus, one at a time, to the real server with 2 workers, while a normal client sends an
 * ordinary /eval every few milliseconds and measures its own latency. Prints one row per
 * input (label, status, answer class, worker time, latency), then the slowest answer, the
 * normal client's worst latency, and whether a worker died. Exits 1 when an answer took
 * more than its bound of worker time (100 ms for one condition, 1,100 ms for a body of many
 * slow conditions: the default --request-budget), a worker died, or an answer was an internal error.
 *   npm run bench:hostile -- [--cap MS] [--only REGEX] [--fuzz N]
 * Worker time is the CPU time of the workers' main threads during the request
 * (/proc/PID/schedstat), so that other load on the machine does not count; an input still
 * running after --cap ms (default 2000) counts as slower than that, and the server is
 * restarted (its processes killed) before the next input.
 */
import { readFileSync } from 'node:fs';
import { announceSeed } from '../test/support/fuzz-seed.js';
import { classify } from '../test/support/hostile-answer.js';
import { boundOf, CONDITION_BOUND_MS, DEFAULT_LOG, HOSTILE_CORPUS, REQUEST_BOUND_MS, requestOf, type HostileInput } from '../test/support/hostile-corpus.js';
import { hostilePrograms, STATEMENT_COUNT } from '../test/support/hostile-fuzz.js';
import { startServer, type Server } from '../test/support/server.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const CAP_MS = Number(arg('--cap') ?? 2000);
const ONLY = arg('--only') === undefined ? null : new RegExp(arg('--only')!);
const FUZZ = Number(arg('--fuzz') ?? STATEMENT_COUNT);

/** The normal client's request: what a detector sends all day. */
const NORMAL = JSON.stringify({
  payload: { log: DEFAULT_LOG, conditions: [{ type: 'Standard', numeration: 1, text: "return 'Waiting' in text and log['Thread'].startswith('Thread')" }], context: {}, trueConditions: [], logProcessingTime: 0, stateTime: 0 },
});
const NORMAL_PAUSE_MS = 5;

/** Nanoseconds the process's main thread (a worker's JS thread) has run, or null once it has ended. */
function cpuNs(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

interface Row {
  label: string;
  status: string;
  answer: string;
  workerMs: number;
  latencyMs: number;
  failed: boolean;
  /** What its worker time must stay within. */
  bound: number;
}

let server: Server;
let restarting = false;
let deaths = 0;
let restarts = 0;

async function start(): Promise<void> {
  server = await startServer('bundle');
  // JIT, heap and caches up in both workers first (the kernel spreads connections between them), as in a server that has run a while
  for (let round = 0; round < 25; round++) {
    await Promise.all(Array.from({ length: 8 }, () => fetch(server.url + '/eval', { method: 'POST', body: NORMAL }).then((r) => r.text())));
  }
}

/** Kills the server's processes (ours, by pid) and starts a fresh one: the only way to free a worker stuck in a loop. */
async function restart(): Promise<void> {
  restarting = true;
  restarts++;
  for (const pid of server.workers()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await server.stop('SIGKILL');
  await start();
  restarting = false;
}

/** One ordinary /eval after another, with a short pause, until stopped; its latencies. */
function normalClient(): { latencies: number[]; failures: number; stop: () => Promise<void> } {
  const latencies: number[] = [];
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      if (restarting) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const started = performance.now();
      try {
        const res = await fetch(server.url + '/eval', { method: 'POST', body: NORMAL, signal: AbortSignal.timeout(10_000) });
        await res.text();
        if (res.status !== 200) failures++;
        latencies.push(performance.now() - started);
      } catch {
        // a request cut by a restart of ours is not the server's fault; any other is
        if (!restarting) {
          failures++;
          latencies.push(performance.now() - started);
        }
      }
      await new Promise((r) => setTimeout(r, NORMAL_PAUSE_MS));
    }
  })();
  return {
    latencies,
    get failures() {
      return failures;
    },
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

async function send(label: string, path: string, body: string, bound: number): Promise<Row> {
  const pids = server.workers();
  const cpuBefore = pids.map(cpuNs);
  const started = performance.now();
  let status: string;
  let answer: string;
  let internal = false;
  try {
    const res = await fetch(server.url + path, { method: 'POST', body, headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(CAP_MS) });
    const text = await res.text();
    status = String(res.status);
    ({ kind: answer, internal } = classify(res.status, text));
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    status = timedOut ? 'timeout' : 'failed';
    answer = timedOut ? `over ${CAP_MS} ms` : `no answer: ${err instanceof Error ? err.message : String(err)}`;
  }
  const latencyMs = performance.now() - started;
  const after = pids.map(cpuNs);
  // a worker that died was busy until it did: its time is the latency, at most
  const died = after.some((ns) => ns === null);
  const workerMs = pids.reduce((sum, _, i) => sum + (after[i] === null ? latencyMs : (after[i]! - cpuBefore[i]!) / 1e6), 0);
  if (died) {
    deaths++;
    answer = `worker died (${answer})`;
  }
  if (status === 'timeout' || status === 'failed' || died) await restart();
  const failed = status === 'timeout' || status === 'failed' || died || internal || workerMs > bound;
  return { label, status, answer, workerMs: status === 'timeout' ? Math.max(workerMs, CAP_MS) : workerMs, latencyMs, failed, bound };
}

const fmt = (ms: number) => ms.toFixed(1).padStart(8);

async function main(): Promise<void> {
  const seed = announceSeed('bench:hostile fuzz corpus');
  const inputs: { label: string; path: string; body: string; bound: number }[] = [
    ...HOSTILE_CORPUS.map((input: HostileInput) => ({ label: input.label, ...requestOf(input), bound: boundOf(input) })),
    ...hostilePrograms(seed, FUZZ).map((source, i) => ({ label: `fuzz program ${i}`, ...requestOf({ label: '', kind: 'standard', source }), bound: CONDITION_BOUND_MS })),
  ].filter((input) => ONLY === null || ONLY.test(input.label));
  if (inputs.length === 0) throw new Error(`no input matches --only ${ONLY}`);

  const began = performance.now();
  await start();
  const pidsAtStart = server.workers();
  const normal = normalClient();
  const rows: Row[] = [];
  console.log(`${'input'.padEnd(62)} ${'status'.padEnd(7)} ${'answer'.padEnd(28)} ${'worker ms'.padStart(9)} ${'latency'.padStart(8)}`);
  for (const input of inputs) {
    const row = await send(input.label, input.path, input.body, input.bound);
    rows.push(row);
    console.log(`${row.failed ? '✗' : ' '} ${row.label.slice(0, 60).padEnd(60)} ${row.status.padEnd(7)} ${row.answer.slice(0, 28).padEnd(28)} ${fmt(row.workerMs)}  ${fmt(row.latencyMs)}`);
  }
  await normal.stop();
  const pidsAtEnd = server.workers();
  await server.stop();

  const slowestOf = (list: Row[]) => list.reduce((a, b) => (b.workerMs > a.workerMs ? b : a));
  const conditions = rows.filter((r) => r.bound === CONDITION_BOUND_MS);
  const requests = rows.filter((r) => r.bound !== CONDITION_BOUND_MS);
  const sorted = [...normal.latencies].sort((a, b) => a - b);
  const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
  const failed = rows.filter((r) => r.failed);
  console.log('');
  console.log(`inputs: ${rows.length} (${HOSTILE_CORPUS.length} hostile, ${FUZZ} fuzz, seed ${seed}); over their bound, timed out, died or internal: ${failed.length}`);
  const report = (what: string, list: Row[]) => {
    if (list.length === 0) return;
    const slowest = slowestOf(list);
    console.log(`${what}: ${slowest.workerMs.toFixed(1)} ms of worker time (${slowest.label}; latency ${slowest.latencyMs.toFixed(1)} ms)${slowest.status === 'timeout' ? ` - still running after ${CAP_MS} ms` : ''}`);
  };
  report(`slowest answer, one condition (bound ${CONDITION_BOUND_MS} ms; ${conditions.length} inputs)`, conditions);
  report(`slowest answer, a body of many slow conditions (bound ${REQUEST_BOUND_MS} ms, the default --request-budget and its parsing; ${requests.length} inputs)`, requests);
  console.log(`normal client: ${normal.latencies.length} requests, worst latency ${(sorted.at(-1) ?? 0).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ${normal.failures} failed`);
  console.log(`workers died: ${deaths}${restarts > 0 ? `; server restarted ${restarts} times to free a stuck worker` : ''}; pids ${pidsAtStart.join(',')} at start, ${pidsAtEnd.join(',')} at the end`);
  console.log(`run time: ${((performance.now() - began) / 1000).toFixed(1)} s`);
  const ok = failed.length === 0 && deaths === 0 && restarts === 0;
  console.log(ok ? `goal met: every answer within its bound, no worker died` : `goal missed: ${CONDITION_BOUND_MS} ms per condition, ${REQUEST_BOUND_MS} ms per request, and no worker dying`);
  process.exit(ok ? 0 : 1);
}

await main();
