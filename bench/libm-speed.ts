/**
 * Speed of the glibc ports (src/lang/runtime/libm/) beside V8's Math function each
 * replaced, in the same run: nanoseconds per call over 65,536 seeded arguments (the
 * function's whole range, so every branch takes its share), the best of 15 passes, which
 * is what a loaded machine lets through most steadily.
 *   node scripts/run-ts.mjs bench/libm-speed.ts
 */
import { do_not_optimize } from 'mitata';
import * as libm from '../src/lang/runtime/libm.js';
import { random } from '../src/bench/workload.js';

const N = 1 << 16;
const PASSES = 15;
const next = random(1);
const args = (pick: () => number) => Float64Array.from({ length: N }, pick);
const unit = args(() => 2 * next() - 1);
/** ±1e-20..1e20, every magnitude alike. */
const wide = () => args(() => (next() < 0.5 ? -1 : 1) * 10 ** (40 * next() - 20));
const [xs, ys] = [wide(), wide()];

function nsPerCall(pass: () => number): number {
  let best = Infinity;
  for (let r = 0; r < PASSES; r++) {
    const start = process.hrtime.bigint();
    do_not_optimize(pass());
    best = Math.min(best, Number(process.hrtime.bigint() - start) / N);
  }
  return best;
}

// one loop per function, written out: a loop shared between functions would be optimised
// for the first one it calls and deoptimised for the next ("wrong call target")
const ROWS: [string, string, () => number, () => number][] = [
  ['asin', '-1..1', () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += Math.asin(unit[i]);
    return s;
  }, () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += libm.asin(unit[i]);
    return s;
  }],
  ['acos', '-1..1', () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += Math.acos(unit[i]);
    return s;
  }, () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += libm.acos(unit[i]);
    return s;
  }],
  ['atan', '±1e-20..1e20', () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += Math.atan(xs[i]);
    return s;
  }, () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += libm.atan(xs[i]);
    return s;
  }],
  ['atan2', '±1e-20..1e20 both', () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += Math.atan2(ys[i], xs[i]);
    return s;
  }, () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += libm.atan2(ys[i], xs[i]);
    return s;
  }],
];

console.log(`ns per call, best of ${PASSES} passes over ${N.toLocaleString('en')} arguments (Node ${process.versions.node})`);
console.log(['function', 'arguments', 'V8 Math', 'glibc port', 'ratio'].join('\t'));
for (const [name, range, v8, port] of ROWS) {
  const a = nsPerCall(v8);
  const b = nsPerCall(port);
  console.log([name, range, a.toFixed(1), b.toFixed(1), `${(b / a).toFixed(1)}x`].join('\t'));
}
