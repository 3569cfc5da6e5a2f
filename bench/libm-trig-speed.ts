/**
 * The speed of the ports of glibc's sin, cos and tan (src/lang/runtime/libm/) against V8's
 * Math.sin, Math.cos and Math.tan, measured in turns in the same run on the same
 * arguments (mitata's measure; ns per call, the least of three medians of a batch of 1,000).
 *   node scripts/run-ts.mjs bench/libm-trig-speed.ts
 */
import { do_not_optimize, measure } from 'mitata';
import { cos, sin, tan } from '../src/lang/runtime/libm.js';
import { uniform } from '../test/support/libm.js';

const N = 1000;
const random = uniform(1);
const signed = (x: number) => (random() < 0.5 ? -x : x);
const RANGES: [string, () => number][] = [
  ['|x| < 0.78 (no reduction)', () => signed(0.78 * random())],
  ['|x| < 10', () => signed(10 * random())],
  ['|x| < 1e5', () => signed(1e5 * random())],
  ['1e9 < |x| < 1e300 (Payne-Hanek)', () => signed(10 ** (9 + 291 * random()))],
];

// one loop per function, written out: a loop shared by the functions would see all six and stay megamorphic
const LOOPS: [string, (xs: Float64Array) => number, (xs: Float64Array) => number][] = [
  [
    'sin',
    (xs) => {
      let s = 0;
      for (let i = 0; i < N; i++) s += sin(xs[i]);
      return s;
    },
    (xs) => {
      let s = 0;
      for (let i = 0; i < N; i++) s += Math.sin(xs[i]);
      return s;
    },
  ],
  [
    'cos',
    (xs) => {
      let s = 0;
      for (let i = 0; i < N; i++) s += cos(xs[i]);
      return s;
    },
    (xs) => {
      let s = 0;
      for (let i = 0; i < N; i++) s += Math.cos(xs[i]);
      return s;
    },
  ],
  [
    'tan',
    (xs) => {
      let s = 0;
      for (let i = 0; i < N; i++) s += tan(xs[i]);
      return s;
    },
    (xs) => {
      let s = 0;
      for (let i = 0; i < N; i++) s += Math.tan(xs[i]);
      return s;
    },
  ],
];

/** ns per call of a batch of N: the least of three medians, since on this shared machine a median now and then catches a busy moment. */
async function perCall(loop: (xs: Float64Array) => number, xs: Float64Array): Promise<number> {
  let least = Infinity;
  for (let round = 0; round < 3; round++) least = Math.min(least, (await measure(() => do_not_optimize(loop(xs)))).p50);
  return least / N;
}

console.log(['function', 'arguments', 'port ns/call', 'V8 Math ns/call', 'port / Math'].join('\t'));
for (const [range, pick] of RANGES) {
  const xs = Float64Array.from({ length: N }, pick);
  for (const [name, port, math] of LOOPS) {
    const p = await perCall(port, xs);
    const m = await perCall(math, xs);
    console.log([name, range, p.toFixed(1), m.toFixed(1), `${(p / m).toFixed(1)}x`].join('\t'));
  }
}
