/**
 * What unicodedata's property table costs: its module's size, the first use's decoding (in a
 * fresh process each time: it happens once per process), a lookup after it, and normalize's
 * time a character on text that needs it.
 *   node scripts/run-ts.mjs bench/unicode-data.ts [-- --runs 5]
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { charProps } from '../src/lang/runtime/unicode-data.js';
import { normalize, type Form } from '../src/lang/runtime/unicode-normalize.js';

const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 5;
/** Accents, marks out of order, Hangul, a ligature and a fraction: every form has work to do. */
const TEXT = 'Ça été\u0301\u0316 한국어 ﬁ ½ '.repeat(20_000);

if (process.argv.includes('--once')) {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const heap = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const cpu = process.cpuUsage();
  const wall = performance.now();
  charProps(0xe9);
  const ms = performance.now() - wall;
  const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
  gc();
  const mib = (process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heap) / 2 ** 20;
  let t = performance.now();
  for (let cp = 0; cp < 100_000; cp++) charProps(cp * 11);
  const lookupNs = (performance.now() - t) * 10;
  const perChar: Record<string, number> = {};
  for (const form of ['NFC', 'NFD', 'NFKC', 'NFKD'] as Form[]) {
    let best = Infinity;
    for (let k = 0; k < 5; k++) {
      t = performance.now();
      normalize(form, TEXT);
      best = Math.min(best, performance.now() - t);
    }
    perChar[form] = (best * 1e6) / TEXT.length;
  }
  console.log(JSON.stringify({ ms, cpuMs, mib, lookupNs, ...perChar }));
} else {
  const table = fileURLToPath(new URL('../../src/lang/runtime/unicode-data-table.ts', import.meta.url));
  console.log(`unicode-data-table.ts: ${statSync(table).size.toLocaleString('en')} bytes`);
  const runs = Array.from({ length: RUNS }, () => JSON.parse(spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--once'], { encoding: 'utf8' }).stdout));
  const range = (k: string, digits: number) => {
    const v = runs.map((r) => r[k] as number).sort((a, b) => a - b);
    return `${v[0].toFixed(digits)}-${v[v.length - 1].toFixed(digits)} (median ${v[v.length >> 1].toFixed(digits)})`;
  };
  console.log(`first use, ${RUNS} fresh processes: decoding ${range('ms', 1)} ms wall, ${range('cpuMs', 1)} ms CPU, memory +${range('mib', 2)} MiB; a lookup after it ${range('lookupNs', 0)} ns`);
  console.log(`normalize, ${TEXT.length.toLocaleString('en')} characters, best of 5 a process: ${['NFC', 'NFD', 'NFKC', 'NFKD'].map((f) => `${f} ${range(f, 0)} ns`).join(', ')} a character`);
}
