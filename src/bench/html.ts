import type { Row } from './report.js';

/** What the page says about the run: how it was made, on what, when. */
export interface RunSettings {
  command: string;
  cores: number;
  cpu: string;
  evaluator: string;
  node: string;
  date: string;
  targets: { name: string; url: string }[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const COLORS = ['#2b6cb0', '#c05621', '#2f855a', '#6b46c1', '#b83280', '#4a5568'];
const BAD = '#c53030';

/** A plain number: 1,234 / 12.3 / 0.0291, never 1.23e+3. */
export function plain(n: number): string {
  if (!Number.isFinite(n)) return '-';
  if (n === 0) return '0';
  const a = Math.abs(n);
  if (a >= 100) return Math.round(n).toLocaleString('en-US');
  if (a >= 1) return String(Number(n.toPrecision(3)));
  // three significant digits after the zeros, as a fixed-point string
  return n.toFixed(Math.min(12, 2 - Math.floor(Math.log10(a)))).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** A ratio as people say it: 2,424x, 57.8x, 1.15x. */
const times = (r: number) => (r >= 100 ? `${Math.round(r).toLocaleString('en-US')}x` : r >= 10 ? `${r.toFixed(1)}x` : `${r.toFixed(2)}x`);
const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** A point's label: what distinguishes it from the scenario's other points of the same target. */
const pointLabel = (r: Row) => [r.workers !== null && r.scenario === 'workers' ? plural(r.workers, 'worker') : '', plural(r.clients, 'client'), r.batch ? `batch ${r.batch}` : ''].filter((x) => x !== '').join(', ');

/** A part of a headline; a bad one (errors, mismatches) is marked. */
export interface Clause {
  text: string;
  bad: boolean;
}

/**
 * One sentence per scenario: the first target against each other at the most clients both
 * ran, with the mismatches found in all of the other's answers, and the errors if any.
 */
export function headline(rows: Row[]): Clause[] {
  const targets = [...new Set(rows.map((r) => r.target))];
  const first = targets[0];
  const mine = rows.filter((r) => r.target === first);
  const errorsOf = (t: string) => rows.filter((r) => r.target === t).reduce((a, r) => a + r.errors, 0);
  const sentOf = (t: string) => rows.filter((r) => r.target === t).reduce((a, r) => a + r.requests, 0);
  const parts: Clause[] = [];
  const say = (text: string, bad = false) => parts.push({ text, bad });
  // a point that answered nothing has no time per request: its requests only failed, perhaps at once
  const timed = (r: Row) => r.answered > 0 && Number.isFinite(r.time_per_request_ms);
  if (targets.length === 1 && mine.some(timed)) {
    const best = mine.filter(timed).reduce((a, r) => (r.time_per_request_ms < a.time_per_request_ms ? r : a));
    say(`${first}: ${plain(best.time_per_request_ms)} ms per request at best (${pointLabel(best)}, ${plain(best.rps)} requests/s)`);
  }
  for (const other of targets.slice(1)) {
    const theirs = rows.filter((r) => r.target === other);
    // the most clients both ran, at the same workers and batch
    const pairs = mine.flatMap((a) => theirs.filter((b) => pointLabel(b) === pointLabel(a) && timed(a) && timed(b)).map((b) => [a, b] as const));
    if (pairs.length === 0) continue;
    const [a, b] = pairs.reduce((x, y) => (y[0].clients >= x[0].clients ? y : x));
    const ratio = b.time_per_request_ms / a.time_per_request_ms;
    say(ratio >= 1 ? `${first}: ${times(ratio)} less time per request than ${other} at ${pointLabel(a)}` : `${first}: ${times(1 / ratio)} more time per request than ${other} at ${pointLabel(a)}`);
    if (theirs.some((r) => r.compared !== null)) {
      const mismatches = theirs.reduce((n, r) => n + (r.mismatches ?? 0), 0);
      say(`${plural(mismatches, 'mismatch', 'mismatches')} in ${plural(theirs.reduce((n, r) => n + (r.compared ?? 0), 0), 'answer')}`, mismatches > 0);
    }
  }
  for (const t of targets) {
    const e = errorsOf(t);
    if (e > 0) say(`${t}: ${plural(e, 'error')} in ${plural(sentOf(t), 'request')}`, true);
  }
  if (targets.every((t) => errorsOf(t) === 0)) say(`no errors in ${plural(targets.reduce((n, t) => n + sentOf(t), 0), 'request')}`);
  return parts;
}

/** A headline as plain text: clauses joined by semicolons. */
export const headlineText = (clauses: Clause[]) => clauses.map((c) => c.text).join('; ') + '.';

/** Where log10 ticks go for values in [lo, hi]: powers of ten, with 2 and 5 when they span less than two decades. */
function ticks(lo: number, hi: number): number[] {
  const out: number[] = [];
  const decades = Math.log10(hi / lo);
  for (let e = Math.round(Math.log10(lo)); e <= Math.round(Math.log10(hi)); e++) {
    for (const m of decades < 2 ? [1, 2, 5] : [1]) {
      const v = m * 10 ** e;
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
    }
  }
  return out;
}

const LABEL_W = 210;
const VALUE_W = 260;
const WIDTH = 880;
const BAR_H = 16;
const GAP = 4;
const GROUP_GAP = 12;
const AXIS_H = 44;
const CHAR_W = 6.6; // of 11 px system-ui, generously: labels are cut to fit

const fit = (s: string, width: number) => (s.length * CHAR_W <= width ? s : s.slice(0, Math.max(1, Math.floor(width / CHAR_W) - 1)) + '…');

/**
 * Time per request as horizontal bars on a log scale, one group per point, one bar per
 * target: a 2,000x difference leaves every bar visible, and each bar carries its value.
 */
function chart(title: string, rows: Row[], targets: string[]): string {
  const groups = [...new Set(rows.map(pointLabel))];
  const values = rows.map((r) => r.time_per_request_ms).filter((v) => Number.isFinite(v) && v > 0);
  // the power of ten at or below half the fastest: a value just above a power of ten (0.1004 ms) still gets a bar
  const lo = values.length === 0 ? 0.1 : 10 ** Math.floor(Math.log10(Math.min(...values) / 2));
  let hi = values.length === 0 ? 1 : 10 ** Math.ceil(Math.log10(Math.max(...values)));
  if (hi <= lo) hi = lo * 10;
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const x = (v: number) => LABEL_W + (plotW * Math.log10(v / lo)) / Math.log10(hi / lo);
  const parts: string[] = [];
  let y = AXIS_H;
  for (const g of groups) {
    parts.push(`<text x="4" y="${y + 12}" font-size="12" font-weight="bold">${esc(fit(g, LABEL_W - 8))}</text>`);
    y += BAR_H + GAP;
    targets.forEach((t, j) => {
      const r = rows.find((row) => row.target === t && pointLabel(row) === g);
      if (r === undefined) return;
      const v = r.time_per_request_ms;
      const bad = r.errors > 0 || (r.mismatches ?? 0) > 0;
      parts.push(`<text x="${LABEL_W - 8}" y="${y + 12}" font-size="11" text-anchor="end">${esc(fit(t, LABEL_W - 24))}</text>`);
      if (Number.isFinite(v) && v > 0) {
        const end = Math.max(x(v), LABEL_W + 2);
        parts.push(`<rect x="${LABEL_W}" y="${y}" width="${(end - LABEL_W).toFixed(1)}" height="${BAR_H}" fill="${COLORS[j % COLORS.length]}"${bad ? ` stroke="${BAD}" stroke-width="2"` : ''}><title>${esc(`${t}, ${g}: ${plain(v)} ms per request`)}</title></rect>`);
        const notes = [r.errors > 0 ? plural(r.errors, 'error') : '', (r.mismatches ?? 0) > 0 ? plural(r.mismatches!, 'mismatch', 'mismatches') : ''].filter((n) => n !== '').join(', ');
        const label = fit(`${plain(v)} ms${notes ? ` · ${notes}` : ''}`, VALUE_W - 10);
        parts.push(`<text x="${(end + 5).toFixed(1)}" y="${y + 12}" font-size="11"${bad ? ` fill="${BAD}" font-weight="bold"` : ''}>${esc(label)}</text>`);
      } else {
        parts.push(`<text x="${LABEL_W + 5}" y="${y + 12}" font-size="11" fill="${BAD}" font-weight="bold">no answers</text>`);
      }
      y += BAR_H + GAP;
    });
    y += GROUP_GAP;
  }
  const height = y;
  const axis: string[] = [];
  const ts = ticks(lo, hi);
  // a label needs about 7 characters of room: thin them out when decades are narrow
  const every = Math.max(1, Math.ceil((7 * CHAR_W) / (plotW / Math.max(1, ts.length - 1))));
  ts.forEach((t, i) => {
    const tx = x(t).toFixed(1);
    axis.push(`<line x1="${tx}" x2="${tx}" y1="${AXIS_H - 6}" y2="${height - GROUP_GAP}" stroke="#ddd"/>`);
    if (i % every === 0) axis.push(`<text x="${tx}" y="${AXIS_H - 9}" font-size="11" text-anchor="middle">${esc(plain(t))}</text>`);
  });
  axis.push(`<text x="4" y="14" font-size="12">${esc(title)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${esc(title)}" font-family="system-ui, sans-serif">${axis.join('')}${parts.join('')}</svg>`;
}

/** The scenario's rows as an HTML table; errors and mismatches marked. */
function rowsTable(rows: Row[]): string {
  const first = new Map<string, number>();
  for (const r of rows) if (!first.has(pointLabel(r))) first.set(pointLabel(r), r.time_per_request_ms);
  const workers = rows.some((r) => r.workers !== null);
  const batch = rows.some((r) => r.batch > 0);
  const head = ['target', 'clients', ...(workers ? ['workers'] : []), ...(batch ? ['batch'] : []), 'requests', 'errors', 'mismatches', 'ms per request', 'requests/s', 'p50 ms', 'p99 ms', 'max ms', 'vs first'];
  const num = (s: string, bad = false, title = '') => `<td class="n${bad ? ' bad' : ''}"${title ? ` title="${esc(title)}"` : ''}>${esc(s)}</td>`;
  const body = rows.map((r) => {
    const kinds = Object.entries(r.errors_by_kind).map(([k, n]) => `${k}: ${n}`).join(', ');
    const cells = [
      `<td>${esc(r.target)}</td>`,
      num(String(r.clients)),
      ...(workers ? [num(r.workers === null ? '-' : String(r.workers))] : []),
      ...(batch ? [num(r.batch ? String(r.batch) : '-')] : []),
      num(count(r.requests)),
      num(count(r.errors), r.errors > 0, kinds),
      num(r.mismatches === null ? '-' : `${count(r.mismatches)} of ${count(r.compared ?? 0)}`, (r.mismatches ?? 0) > 0),
      num(plain(r.time_per_request_ms)),
      num(plain(r.rps)),
      num(plain(r.latency_ms.p50)),
      num(plain(r.latency_ms.p99)),
      num(plain(r.latency_ms.max)),
      num(times(r.time_per_request_ms / first.get(pointLabel(r))!)),
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  const kinds = rows.filter((r) => r.errors > 0).map((r) => `${r.target} at ${pointLabel(r)}: ${Object.entries(r.errors_by_kind).map(([k, n]) => `${count(n)} ${k}`).join(', ')}`);
  const note = kinds.length === 0 ? '' : `<p class="bad">Errors by kind (an HTTP status, 'shape': a 200 answer not shaped as the route's, 'closed' or a socket error: no whole answer): ${esc(kinds.join('; '))}.</p>`;
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>${note}`;
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:24px auto;max-width:900px;padding:0 16px;color:#1a202c;line-height:1.4}
h1{font-size:22px}h2{font-size:18px;margin-top:32px}.headline{font-size:16px;font-weight:600}
.headline .bad,td.bad,p.bad{color:${BAD};font-weight:bold}p.bad{font-size:13px}td.bad{background:#fff5f5}
table{border-collapse:collapse;font-size:12px;width:100%}th,td{border-bottom:1px solid #e2e8f0;padding:3px 5px;text-align:left;vertical-align:top}
th{background:#f7fafc}td.n{text-align:right;font-variant-numeric:tabular-nums}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:13px}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
code{font-size:12px}svg{display:block;max-width:100%;height:auto;margin:8px 0}`;

/** One self-contained page: nothing is loaded from elsewhere (no scripts, styles, fonts or images). */
export function html(rows: Row[], settings: RunSettings): string {
  const sections: string[] = [];
  for (const scenario of new Set(rows.map((r) => r.scenario))) {
    for (const endpoint of new Set(rows.filter((r) => r.scenario === scenario).map((r) => r.endpoint))) {
      const rs = rows.filter((r) => r.scenario === scenario && r.endpoint === endpoint);
      const targets = [...new Set(rs.map((r) => r.target))];
      const clauses = headline(rs).map((c) => (c.bad ? `<span class="bad">${esc(c.text)}</span>` : esc(c.text)));
      sections.push(`<h2>${esc(scenario)} · ${esc(endpoint)}</h2>`);
      sections.push(`<p class="headline">${clauses.join('; ')}.</p>`);
      sections.push(chart('ms per request (elapsed / requests), log scale', rs, targets));
      sections.push(rowsTable(rs));
    }
  }
  const s = settings;
  const dl = [
    ['command', `<code>${esc(s.command)}</code>`],
    ['date', esc(s.date)],
    ['machine', esc(`${s.cores} cores, ${s.cpu}`)],
    ['versions', esc(`evaluator ${s.evaluator}, Node ${s.node}`)],
    ['targets', s.targets.map((t) => `${esc(t.name)}: ${esc(t.url)}`).join('<br>')],
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>evaluator --bench</title>
<style>${STYLE}</style></head>
<body><h1>evaluator --bench</h1>
<dl>${dl.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
${sections.join('\n')}
</body></html>
`;
}
