import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { Comparison } from './compare.js';
import { headline, headlineText, html, type RunSettings } from './html.js';
import { BENCH_USAGE, parseBenchOptions } from './options.js';
import { table, writeCsv, type Row } from './report.js';
import { ORIGINAL_LOGS, ORIGINAL_MINUTES, runScenarios } from './scenarios.js';

/** `evaluator --bench ...`: runs the scenarios, prints the table, writes the files asked for. */
export async function runBench(args: string[], defaultWorkers: number): Promise<number> {
  const o = parseBenchOptions(args, defaultWorkers);
  if (o === 'help') {
    process.stdout.write(BENCH_USAGE);
    return 0;
  }
  const tty = process.stderr.isTTY === true;
  const progress = (line: string) => {
    if (tty) process.stderr.write(`\r\x1b[K${line}`);
  };
  const comparison = o.compare ? new Comparison(o.targets[0].name, o.maxMismatches) : null;
  const rows = await runScenarios(o, progress, comparison);
  if (tty) process.stderr.write('\r\x1b[K');
  process.stdout.write(table(rows));
  for (const scenario of new Set(rows.map((r) => `${r.scenario} · ${r.endpoint}`))) {
    process.stdout.write(`${scenario}: ${headlineText(headline(rows.filter((r) => `${r.scenario} · ${r.endpoint}` === scenario)))}\n`);
  }
  if (comparison !== null) {
    process.stdout.write(`answers compared with ${comparison.reference}'s: ${comparison.found} ${comparison.found === 1 ? 'mismatch' : 'mismatches'}${o.mismatches === undefined ? '' : `, the first ${comparison.mismatches.length} in ${o.mismatches}`}\n`);
    if (o.mismatches !== undefined) writeFileSync(o.mismatches, comparison.mismatches.map((m) => JSON.stringify(m) + '\n').join(''));
  }
  for (const r of rows.filter((x) => x.scenario === 'replay')) process.stdout.write(replaySummary(r));
  if (o.json !== undefined) writeFileSync(o.json, JSON.stringify(rows, null, 2) + '\n');
  if (o.csv !== undefined) writeCsv(o.csv, rows);
  if (o.html !== undefined) writeFileSync(o.html, html(rows, settings(o.argv, rows)));
  return 0;
}

declare const EVALUATOR_VERSION: string;

/** The run, as the report states it. */
function settings(argv: string[], rows: Row[]): RunSettings {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  const targets = new Map(rows.map((r) => [r.target, r.url]));
  return {
    command: ['evaluator', '--bench', ...argv].map(quote).join(' '),
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    evaluator: typeof EVALUATOR_VERSION === 'string' ? EVALUATOR_VERSION : '0.0.0-dev',
    node: process.version,
    date: new Date().toISOString(),
    targets: [...targets].map(([name, url]) => ({ name, url })),
  };
}

function replaySummary(r: Row): string {
  const seconds = r.elapsed_ms / 1000;
  const perLog = r.logs === 0 ? NaN : r.elapsed_ms / r.logs;
  const original = (ORIGINAL_MINUTES * 60 * 1000) / ORIGINAL_LOGS;
  return `replay ${r.target}${r.batch ? ` (batches of ${r.batch})` : ''}: ${r.logs} logs in ${seconds.toFixed(1)} s, ${(r.logs / seconds).toFixed(0)} logs/s, ${perLog.toFixed(4)} ms per log; the original: ${ORIGINAL_LOGS} logs in ${ORIGINAL_MINUTES} min (${original.toFixed(2)} ms per log), ${(original / perLog).toFixed(0)}x longer per log\n`;
}
