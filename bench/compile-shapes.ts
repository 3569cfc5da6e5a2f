/**
 * Compile time of 100,000-character conditions of every shape an attacker might try
 * (long strings, many fields, long lines, many lines, deep nesting many times, ...): each
 * must compile, or be refused, in well under 100 ms.
 *   node scripts/run-ts.mjs bench/compile-shapes.ts
 */
import { ConditionError, DEFAULT_LIMITS, Engine } from '../src/lang/index.js';
import { parse } from '../src/lang/parser.js';
import { COMPILE_SHAPES } from '../test/support/compile-shapes.js';

console.log(`${'shape'.padEnd(50)} ${'chars'.padStart(7)} ${'parse ms'.padStart(9)} ${'compile ms'.padStart(10)}  outcome`);

/** The parser alone, to tell its time from the compiler's. */
function parseTime(source: string): number {
  const t0 = performance.now();
  try {
    parse(source, DEFAULT_LIMITS);
  } catch {
    // refused: the time to refuse is what counts
  }
  return performance.now() - t0;
}

for (const [name, source] of COMPILE_SHAPES) {
  const times: number[] = [];
  const parseTimes: number[] = [];
  let outcome = '';
  // the median of 5 parses and fresh compiles (parse and compile); a shape that takes seconds is measured once
  for (let i = 0; i < 5 && !(times[0] > 1000); i++) {
    parseTimes.push(parseTime(source));
    const engine = new Engine();
    const t0 = performance.now();
    const r = engine.compile(source, 'standard');
    times.push(performance.now() - t0);
    outcome = r instanceof ConditionError ? `${r.type}: ${r.message}` : 'compiled';
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1].toFixed(2);
  console.log(`${name.padEnd(50)} ${String(source.length).padStart(7)} ${median(parseTimes).padStart(9)} ${median(times).padStart(10)}  ${outcome.slice(0, 80)}`);
}
