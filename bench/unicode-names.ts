/**
 * What the Unicode name table costs: its module's size, the first use's decoding (in a fresh
 * process each time: it happens once per process), and a lookup after it.
 *   node scripts/run-ts.mjs bench/unicode-names.ts [-- --runs 5]
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lookupName, nameOf } from '../src/lang/runtime/unicode-names.js';

const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 5;

if (process.argv.includes('--once')) {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const heap = process.memoryUsage().heapUsed;
  const cpu = process.cpuUsage();
  const wall = performance.now();
  nameOf(0xe9, false);
  const ms = performance.now() - wall;
  const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
  gc();
  const mib = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
  const t = performance.now();
  for (let k = 0; k < 100_000; k++) lookupName('LATIN SMALL LETTER E WITH ACUTE', false);
  const lookupNs = (performance.now() - t) * 10;
  console.log(JSON.stringify({ ms, cpuMs, mib, lookupNs }));
} else {
  const table = fileURLToPath(new URL('../../src/lang/runtime/unicode-names-table.ts', import.meta.url));
  console.log(`unicode-names-table.ts: ${statSync(table).size.toLocaleString('en')} bytes`);
  const runs = Array.from({ length: RUNS }, () => JSON.parse(spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--once'], { encoding: 'utf8' }).stdout));
  const range = (k: string, digits: number) => {
    const v = runs.map((r) => r[k] as number).sort((a, b) => a - b);
    return `${v[0].toFixed(digits)}-${v[v.length - 1].toFixed(digits)} (median ${v[v.length >> 1].toFixed(digits)})`;
  };
  console.log(`first use, ${RUNS} fresh processes: decoding ${range('ms', 1)} ms wall, ${range('cpuMs', 1)} ms CPU, heap +${range('mib', 1)} MiB; a lookup after it ${range('lookupNs', 0)} ns`);
}
