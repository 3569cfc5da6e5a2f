/**
 * The speed of the glibc ports (src/lang/runtime/libm/: asin, acos, atan, atan2, sin, cos,
 * tan) beside the V8 Math function each replaced, in turns in the same run on the same 1,000
 * seeded arguments (mitata's measure; ns per call, the least of three medians of a batch), over
 * each function's ranges: the whole domain, or the ranges where the reduction differs.
 *   node scripts/run-ts.mjs bench/libm-speed.ts
 */
import { do_not_optimize, measure } from 'mitata';
import * as libm from '../src/lang/runtime/libm.js';
import { random } from '../src/bench/workload.js';

const N = 1000;
const next = random(1);
const signed = (x: number) => (next() < 0.5 ? -x : x);

type Loop = (xs: Float64Array, ys: Float64Array) => number;

// one loop per function, written out: a loop shared by the functions would be optimised for
// the first one it calls and deoptimised for the next ("wrong call target")
const LOOPS: Record<string, [port: Loop, math: Loop]> = {
  asin: [(xs) => {
    let s = 0;
    for (let i = 0; i < N; i++) s += libm.asin(xs[i]);
    return s;
  }, (xs) => {
    let s = 0;
    for (let i = 0; i < N; i++) s += Math.asin(xs[i]);
    return s;
  }],
  acos: [(xs) => {
    let s = 0;
    for (let i = 0; i < N; i++) s += libm.acos(xs[i]);
    return s;
  }, (xs) => {
    let s = 0;
    for (let i = 0; i < N; i++) s += Math.acos(xs[i]);
    return s;
  }],
  atan: [(xs) => {
    let s = 0;
    for (let i = 0; i < N; i++) s += libm.atan(xs[i]);
    return s;
  }, (xs) => {
    let s = 0;
    for (let i = 0; i < N; i++) s += Math.atan(xs[i]);
    return s;
  }],
  atan2: [(xs, ys) => {
    let s = 0;
    for (let i = 0; i < N; i++) s += libm.atan2(ys[i], xs[i]);
    return s;
  }, (xs, ys) => {
    let s = 0;
    for (let i = 0; i < N; i++) s += Math.atan2(ys[i], xs[i]);
    return s;
  }],
  sin: [(xs) => {
    let s = 0;
    for (let i = 0; i < N; i++) s += libm.sin(xs[i]);
    return s;
  }, (xs) => {
    let s = 0;
    for (let i = 0; i < N; i++) s += Math.sin(xs[i]);
    return s;
  }],
  cos: [(xs) => {
    let s = 0;
    for (let i = 0; i < N; i++) s += libm.cos(xs[i]);
    return s;
  }, (xs) => {
    let s = 0;
    for (let i = 0; i < N; i++) s += Math.cos(xs[i]);
    return s;
  }],
  tan: [(xs) => {
    let s = 0;
    for (let i = 0; i < N; i++) s += libm.tan(xs[i]);
    return s;
  }, (xs) => {
    let s = 0;
    for (let i = 0; i < N; i++) s += Math.tan(xs[i]);
    return s;
  }],
};

/** ±1e-20..1e20, every magnitude alike. */
const wide = () => signed(10 ** (40 * next() - 20));
const unit = () => 2 * next() - 1;
const TRIG: [string, () => number][] = [
  ['|x| < 0.78 (no reduction)', () => signed(0.78 * next())],
  ['|x| < 10', () => signed(10 * next())],
  ['|x| < 1e5', () => signed(1e5 * next())],
  ['1e9 < |x| < 1e300 (Payne-Hanek)', () => signed(10 ** (9 + 291 * next()))],
];
/** Each row: the function, its arguments in words, and how to pick them (atan2's y and x alike). */
const ROWS: [string, string, () => number][] = [
  ['asin', '-1..1', unit],
  ['acos', '-1..1', unit],
  ['atan', '±1e-20..1e20', wide],
  ['atan2', '±1e-20..1e20 both', wide],
  ...TRIG.flatMap(([range, pick]): [string, string, () => number][] => ['sin', 'cos', 'tan'].map((f) => [f, range, pick])),
];

/** ns per call of each loop over the same arguments, the least of three medians taken in turns, so a busy moment of the shared machine falls on both alike. */
async function perCall([port, math]: [Loop, Loop], xs: Float64Array, ys: Float64Array): Promise<[number, number]> {
  let [p, m] = [Infinity, Infinity];
  for (let round = 0; round < 3; round++) {
    p = Math.min(p, (await measure(() => do_not_optimize(port(xs, ys)))).p50);
    m = Math.min(m, (await measure(() => do_not_optimize(math(xs, ys)))).p50);
  }
  return [p / N, m / N];
}

async function measureAll(): Promise<[string, string, number, number][]> {
  const out: [string, string, number, number][] = [];
  for (const [name, range, pick] of ROWS) {
    const xs = Float64Array.from({ length: N }, pick);
    const ys = Float64Array.from({ length: N }, pick);
    out.push([name, range, ...(await perCall(LOOPS[name], xs, ys))]);
  }
  return out;
}

const rows = await measureAll();
console.log(`node ${process.version}, ${process.arch}; ns per call, the least of three medians of a batch of ${N.toLocaleString('en')}\n`);
console.log('| function | arguments | port ns/call | `Math` ns/call | port / `Math` |');
console.log('|---|---|---:|---:|---:|');
for (const [name, range, port, math] of rows) console.log(`| ${name} | ${range.replaceAll('|', '\\|')} | ${port.toFixed(1)} | ${math.toFixed(1)} | ${(port / math).toFixed(1)}x |`);
