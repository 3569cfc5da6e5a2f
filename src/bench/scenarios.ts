import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Comparison } from './compare.js';
import { encodeRequest, latencyMs, runLoad, type Payload } from './loadgen.js';
import { startLocal } from './local.js';
import type { BenchOptions, Endpoint, Scenario } from './options.js';
import type { Row } from './report.js';
import { batchBodies, evalBodies, launchBodies } from './workload.js';

/** The original study's headline: 459,311 logs in 71.6 minutes. */
export const ORIGINAL_LOGS = 459_311;
export const ORIGINAL_MINUTES = 71.6;

const CORPUS_SIZE = 1000;

/** What a correct answer of each route looks like. */
export const CHECKS: Record<string, (body: string) => boolean> = {
  '/eval': (b) => b.startsWith('{') && (b.includes('"trueConditions"') || (b.includes('"error"') && b.includes('"condition"'))),
  '/eval-launch': (b) => b.startsWith('{') && b.includes('"launch"'),
  '/eval/batch': (b) => b.startsWith('{"results":['),
};

function pathOf(body: string, endpoint: Endpoint): string {
  if (endpoint === 'mixed') return body.includes('"launchCondition"') ? '/eval-launch' : '/eval';
  return endpoint === 'eval' ? '/eval' : '/eval-launch';
}

/** The requests of a run: a file's bodies, or the generated corpus for the endpoint. */
function corpus(o: BenchOptions, host: string): Payload[] {
  let bodies: string[];
  if (o.payload !== undefined) {
    bodies = readFileSync(o.payload, 'utf8').split('\n').filter((l) => l.trim() !== '');
    if (bodies.length === 0) throw new Error(`--payload ${o.payload} has no request bodies`);
  } else if (o.endpoint === 'eval') bodies = evalBodies(CORPUS_SIZE, o.seed);
  else if (o.endpoint === 'eval-launch') bodies = launchBodies(CORPUS_SIZE, o.seed);
  else {
    const a = evalBodies(CORPUS_SIZE / 2, o.seed);
    const b = launchBodies(CORPUS_SIZE / 2, o.seed + 1);
    bodies = a.flatMap((x, i) => [x, b[i]]);
  }
  return bodies.map((b) => encodeRequest(pathOf(b, o.endpoint), b, host));
}

function check(payloads: Payload[]): (body: string) => boolean {
  const paths = new Set(payloads.map((p) => p.path));
  const checks = [...paths].map((p) => CHECKS[p] ?? (() => true));
  return checks.length === 1 ? checks[0] : (b) => checks.some((c) => c(b));
}

interface Point {
  scenario: Scenario;
  target: string;
  url: string;
  workers: number | null;
  clients: number;
  requests: number;
  durationMs?: number;
  batch: number;
  payloads: Payload[];
  endpoint: string;
  timeoutMs: number;
}

export type Progress = (line: string) => void;

/**
 * One point: `warmup` seconds of the same load first, not counted (a fresh server's JIT,
 * heap and connections come up there, as they had in the study's long-running server),
 * then the measured load.
 */
async function measurePoint(warmup: number, p: Point, progress: Progress, comparison: Comparison | null): Promise<Row> {
  const { hostname, port } = new URL(p.url);
  const label = `${p.scenario} · ${p.target} · ${p.clients} clients${p.batch ? ` · batch ${p.batch}` : ''}`;
  if (warmup > 0) {
    const durationMs = warmup * 1000;
    await runLoad({ host: hostname, port: Number(port), clients: p.clients, requests: Number.MAX_SAFE_INTEGER, durationMs, payloads: p.payloads, check: check(p.payloads), timeoutMs: p.timeoutMs, progress: (done) => progress(`${label}: warm-up ${done}`) });
  }
  const recorder = comparison === null ? null : Comparison.recorder();
  const result = await runLoad({
    host: hostname,
    port: Number(port),
    clients: p.clients,
    requests: p.requests,
    durationMs: p.durationMs,
    payloads: p.payloads,
    check: check(p.payloads),
    progress: (done) => progress(`${label}: ${done}/${p.durationMs === undefined ? p.requests : '…'}`),
    record: recorder?.record,
    timeoutMs: p.timeoutMs,
  });
  const errors = Object.values(result.errors).reduce((a, b) => a + b, 0);
  const compared = recorder === null ? null : comparison!.settle(`${p.scenario}|${p.endpoint}|${p.batch}`, p.target, p.scenario, p.clients, p.payloads, recorder.answers);
  return {
    scenario: p.scenario,
    target: p.target,
    url: p.url,
    endpoint: p.endpoint,
    clients: p.clients,
    workers: p.workers,
    batch: p.batch,
    requests: result.requests,
    answered: result.answered,
    logs: result.logs,
    errors,
    errors_by_kind: result.errors,
    compared: compared?.compared ?? null,
    mismatches: compared?.mismatches ?? null,
    elapsed_ms: result.elapsedMs,
    time_per_request_ms: result.requests === 0 ? NaN : result.elapsedMs / result.requests,
    rps: result.requests === 0 ? 0 : (result.requests / result.elapsedMs) * 1000,
    latency_ms: latencyMs(result.histogram),
  };
}

interface Target {
  name: string;
  url: string;
  workers: number | null;
}

/**
 * Runs the scenarios against each target in turn; with no target, against a local evaluator.
 * With --compare, `comparison` collects the mismatches.
 */
export async function runScenarios(o: BenchOptions, progress: Progress, comparison: Comparison | null = null): Promise<Row[]> {
  const rows: Row[] = [];
  const local = o.targets.length === 0 ? await startLocal(o.workers) : null;
  const targets: Target[] = local !== null ? [{ name: 'local', url: local.url, workers: o.workers }] : o.targets.map((t) => ({ ...t, workers: null }));
  const measure = (warmup: number, p: Point, progress: Progress) => measurePoint(warmup, p, progress, comparison);
  try {
    for (const scenario of o.scenarios) {
      if (scenario === 'workers') {
        rows.push(...(await workersScenario(o, progress)));
        continue;
      }
      for (const t of targets) {
        const host = new URL(t.url).host;
        if (scenario === 'original') {
          const payloads = corpus(o, host);
          for (const clients of o.clients ?? [2, 4, 5, 10, 20]) {
            rows.push(await measure(o.warmup, { scenario, target: t.name, url: t.url, workers: t.workers, clients, requests: o.requests, batch: 0, payloads, endpoint: o.endpoint, timeoutMs: o.timeout * 1000 }, progress));
          }
        } else if (scenario === 'replay') {
          for (const clients of o.clients ?? [20]) {
            if (o.batch > 0) {
              const n = Math.ceil(o.logs / o.batch);
              const payloads = batchBodies(Math.min(n, 20), o.batch, o.seed).map((b) => encodeRequest('/eval/batch', b, host, o.batch));
              rows.push(await measure(o.warmup, { scenario, target: t.name, url: t.url, workers: t.workers, clients, requests: n, batch: o.batch, payloads, endpoint: 'eval', timeoutMs: o.timeout * 1000 }, progress));
            } else {
              rows.push(await measure(o.warmup, { scenario, target: t.name, url: t.url, workers: t.workers, clients, requests: o.logs, batch: 0, payloads: corpus(o, host), endpoint: o.endpoint, timeoutMs: o.timeout * 1000 }, progress));
            }
          }
        } else {
          for (const clients of o.clients ?? [20]) {
            rows.push(
              await measure(o.warmup, { scenario, target: t.name, url: t.url, workers: t.workers, clients, requests: Number.MAX_SAFE_INTEGER, durationMs: o.duration * 1000, batch: 0, payloads: corpus(o, host), endpoint: o.endpoint, timeoutMs: o.timeout * 1000 }, progress),
            );
          }
        }
      }
    }
  } finally {
    await local?.stop();
  }
  return rows;
}

/** The original's worker tuning: the local evaluator restarted with 1 up to 2 x cores + 1 workers. */
async function workersScenario(o: BenchOptions, progress: Progress): Promise<Row[]> {
  const rows: Row[] = [];
  for (let workers = 1; workers <= 2 * availableParallelism() + 1; workers++) {
    const server = await startLocal(workers);
    try {
      const payloads = corpus(o, new URL(server.url).host);
      for (const clients of o.clients ?? [2, 4, 5, 10, 20]) {
        rows.push(await measurePoint(o.warmup, { scenario: 'workers', target: 'local', url: server.url, workers, clients, requests: o.requests, batch: 0, payloads, endpoint: o.endpoint, timeoutMs: o.timeout * 1000 }, progress, null));
      }
    } finally {
      await server.stop();
    }
  }
  return rows;
}
