import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One measured point: the fields of --json, one table row. */
export interface Row {
  scenario: string;
  target: string;
  url: string;
  endpoint: string;
  clients: number;
  workers: number | null;
  batch: number;
  /** Requests sent: answered + errors. */
  requests: number;
  /** Answered 200 in the route's shape. */
  answered: number;
  logs: number;
  errors: number;
  errors_by_kind: Record<string, number>;
  /** With --compare, for every target but the first: answers compared with the first's, and how many differed. */
  compared: number | null;
  mismatches: number | null;
  elapsed_ms: number;
  time_per_request_ms: number;
  rps: number;
  latency_ms: { p50: number; p90: number; p99: number; max: number };
}

const f = (n: number, digits = 3) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
/** "0 of 1000": mismatches in the answers compared; '-' for the reference and without --compare. */
const mismatchCell = (r: Row) => (r.mismatches === null ? '-' : `${r.mismatches} of ${r.compared}`);

/** The table on stdout; time per request as the original study defined it (elapsed / requests). */
export function table(rows: Row[]): string {
  const first = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.scenario}|${r.endpoint}|${r.clients}|${r.batch}|${r.workers ?? ''}`;
    if (!first.has(key)) first.set(key, r.time_per_request_ms);
  }
  const lines = [
    '| scenario | target | endpoint | clients | workers | batch | requests | logs | errors | mismatches | ms/request | requests/s | p50 ms | p99 ms | vs first target |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const base = first.get(`${r.scenario}|${r.endpoint}|${r.clients}|${r.batch}|${r.workers ?? ''}`)!;
    lines.push(
      `| ${r.scenario} | ${r.target} | ${r.endpoint} | ${r.clients} | ${r.workers ?? '-'} | ${r.batch || '-'} | ${r.requests} | ${r.logs} | ${r.errors} | ${mismatchCell(r)} | ${f(r.time_per_request_ms)} | ${f(r.rps, 0)} | ${f(r.latency_ms.p50)} | ${f(r.latency_ms.p99)} | ${f(r.time_per_request_ms / base, 2)}x |`,
    );
  }
  return lines.join('\n') + '\n';
}

const CSV_FIELDS = ['scenario', 'target', 'endpoint', 'clients', 'workers', 'batch', 'requests', 'answered', 'logs', 'errors', 'compared', 'mismatches', 'elapsed_ms', 'time_per_request_ms', 'rps', 'p50_ms', 'p90_ms', 'p99_ms', 'max_ms'];

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One CSV per scenario in dir, as the original study wrote its results/. */
export function writeCsv(dir: string, rows: Row[]): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const scenario of new Set(rows.map((r) => r.scenario))) {
    const lines = [CSV_FIELDS.join(',')];
    for (const r of rows.filter((x) => x.scenario === scenario)) {
      const l = r.latency_ms;
      lines.push([r.scenario, r.target, r.endpoint, r.clients, r.workers, r.batch, r.requests, r.answered, r.logs, r.errors, r.compared, r.mismatches, r.elapsed_ms.toFixed(1), r.time_per_request_ms.toFixed(4), r.rps.toFixed(1), l.p50, l.p90, l.p99, l.max].map(csvCell).join(','));
    }
    const file = join(dir, `${scenario}.csv`);
    writeFileSync(file, lines.join('\n') + '\n');
    files.push(file);
  }
  return files;
}
