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

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const COLORS = ['#2b6cb0', '#c05621', '#2f855a', '#6b46c1', '#b83280', '#4a5568'];

/** A grouped bar chart: one group per category, one bar per series. */
function barChart(title: string, unit: string, categories: string[], series: { name: string; values: (number | null)[] }[]): string {
  const width = 720;
  const height = 300;
  const left = 60;
  const bottom = 40;
  const top = 30;
  const plotW = width - left - 20;
  const plotH = height - top - bottom;
  const max = Math.max(1e-9, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const groupW = plotW / Math.max(1, categories.length);
  const barW = (groupW * 0.8) / Math.max(1, series.length);
  const parts: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 20 * series.length}" role="img" aria-label="${esc(title)}">`];
  parts.push(`<text x="${width / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`);
  for (let t = 0; t <= 4; t++) {
    const y = top + plotH - (plotH * t) / 4;
    parts.push(`<line x1="${left}" x2="${width - 20}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="10">${((max * t) / 4).toPrecision(3)}</text>`);
  }
  parts.push(`<text x="14" y="${top + plotH / 2}" font-size="11" transform="rotate(-90 14 ${top + plotH / 2})" text-anchor="middle">${esc(unit)}</text>`);
  categories.forEach((c, i) => {
    const gx = left + i * groupW + groupW * 0.1;
    series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null) return;
      const h = (plotH * v) / max;
      parts.push(`<rect x="${gx + j * barW}" y="${top + plotH - h}" width="${Math.max(1, barW - 2)}" height="${h}" fill="${COLORS[j % COLORS.length]}"><title>${esc(`${s.name}, ${c}: ${v.toPrecision(4)} ${unit}`)}</title></rect>`);
    });
    parts.push(`<text x="${gx + groupW * 0.4}" y="${top + plotH + 16}" text-anchor="middle" font-size="11">${esc(c)}</text>`);
  });
  series.forEach((s, j) => {
    const y = height + 4 + 20 * j;
    parts.push(`<rect x="${left}" y="${y - 10}" width="12" height="12" fill="${COLORS[j % COLORS.length]}"/><text x="${left + 18}" y="${y}" font-size="11">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** One self-contained page: nothing is loaded from elsewhere. */
export function html(rows: Row[]): string {
  const sections: string[] = [];
  for (const scenario of new Set(rows.map((r) => r.scenario))) {
    const rs = rows.filter((r) => r.scenario === scenario);
    const label = (r: Row) => (scenario === 'workers' ? `${r.workers} workers, ${r.clients} clients` : r.batch ? `batch ${r.batch}` : `${r.clients} clients`);
    const categories = [...new Set(rs.map(label))];
    const targets = [...new Set(rs.map((r) => r.target))];
    const pick = (t: string, c: string, f: (r: Row) => number) => {
      const r = rs.find((x) => x.target === t && label(x) === c);
      return r === undefined ? null : f(r);
    };
    sections.push(`<h2>${esc(scenario)}</h2>`);
    sections.push(barChart(`${scenario}: time per request by clients`, 'ms per request', categories, targets.map((t) => ({ name: t, values: categories.map((c) => pick(t, c, (r) => r.time_per_request_ms)) }))));
    const points = rs.map((r) => `${r.target} · ${label(r)}`);
    sections.push(
      barChart(`${scenario}: latency percentiles`, 'ms', points, (['p50', 'p90', 'p99'] as const).map((p) => ({ name: p, values: rs.map((r) => r.latency_ms[p]) }))),
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>evaluator --bench</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:760px}pre{font-size:11px;overflow:auto}</style></head>
<body><h1>evaluator --bench</h1><p>${esc(new Date().toISOString())}</p>${sections.join('\n')}
<h2>rows</h2><pre>${esc(table(rows))}</pre></body></html>
`;
}
