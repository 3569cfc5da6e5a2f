/**
 * How many of N random arguments each float function of the runtime answers differently
 * from glibc's libm (what CPython calls), bit for bit, over several ranges per function.
 *   npm run bench:libm [-- --n 100000 --seed 1]
 * Functions that the runtime does not have (cbrt, sinh, gamma, ...) are V8's Math where it
 * has one, for the record; "-" where neither has it.
 */
import * as libm from '../src/lang/runtime/libm.js';
import { pow as evaluatorPow } from '../src/lang/runtime/arith.js';
import { PyFloat } from '../src/lang/runtime/values.js';
import { glibc, same, uniform } from '../test/support/libm.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('n', 100_000);
const random = uniform(arg('seed', 1));

type Range = () => number;
const between = (lo: number, hi: number): Range => () => lo + (hi - lo) * random();
/** 10 ** u for u uniform in [lo, hi]: every magnitude alike. */
const magnitudes = (lo: number, hi: number): Range => () => 10 ** (lo + (hi - lo) * random());
const signed = (r: Range): Range => () => (random() < 0.5 ? -r() : r());

interface Row {
  name: string;
  /** The C name in libm. */
  c: string;
  f: ((x: number) => number) | ((x: number, y: number) => number) | undefined;
  ranges: [string, Range, Range?][];
}

const unary = (name: string, f: ((x: number) => number) | undefined, ...ranges: [string, Range][]): Row => ({ name, c: name, f, ranges });
const binary = (name: string, c: string, f: ((x: number, y: number) => number) | undefined, ...ranges: [string, Range, Range][]): Row => ({ name, c, f, ranges });
const wide: [string, Range] = ['±1e-300..1e300', signed(magnitudes(-300, 300))];
const small: [string, Range] = ['-1..1', between(-1, 1)];

// x ** y as a condition computes it, for a positive base (an OverflowError where glibc gives inf)
const powOperator = (x: number, y: number): number => {
  try {
    return (evaluatorPow(new PyFloat(x), new PyFloat(y)) as PyFloat).v;
  } catch {
    return Infinity;
  }
};
const M = Math as unknown as Record<string, ((x: number) => number) | undefined>;

const ROWS: Row[] = [
  binary('x ** y', 'pow', powOperator, ['x 1e-3..1e3, y -50..50', magnitudes(-3, 3), between(-50, 50)], ['x 0..2, y -700..700', between(0, 2), between(-700, 700)], ['x 1e-3..1e3, y integral -40..40', magnitudes(-3, 3), () => Math.round(between(-40, 40)())]),
  binary('pow', 'pow', libm.pow, ['x 1e-3..1e3, y -50..50', magnitudes(-3, 3), between(-50, 50)], ['x 0..2, y -700..700', between(0, 2), between(-700, 700)], ['x 1e-3..1e3, y integral -40..40', magnitudes(-3, 3), () => Math.round(between(-40, 40)())]),
  unary('exp', libm.exp, ['-745..710', between(-745, 710)], small),
  unary('log', libm.log, ['1e-300..1e300', magnitudes(-300, 300)], ['0.5..2', between(0.5, 2)]),
  unary('log2', libm.log2, ['1e-300..1e300', magnitudes(-300, 300)], ['0.5..2', between(0.5, 2)]),
  unary('log10', libm.log10, ['1e-300..1e300', magnitudes(-300, 300)], ['0.5..2', between(0.5, 2)]),
  unary('log1p', libm.log1p, small, ['1e-10..1e10', magnitudes(-10, 10)]),
  unary('expm1', libm.expm1, small, ['-40..710', between(-40, 710)]),
  unary('sin', libm.sin, ['-10..10', between(-10, 10)], ['±1e-300..1e300', signed(magnitudes(-300, 300))]),
  unary('cos', libm.cos, ['-10..10', between(-10, 10)], ['±1e-300..1e300', signed(magnitudes(-300, 300))]),
  unary('tan', libm.tan, ['-10..10', between(-10, 10)], ['±1e-300..1e300', signed(magnitudes(-300, 300))]),
  unary('asin', libm.asin, small, ['±1e-10..1', signed(magnitudes(-10, 0))]),
  unary('acos', libm.acos, small, ['±1e-10..1', signed(magnitudes(-10, 0))]),
  unary('atan', libm.atan, ['-10..10', between(-10, 10)], wide),
  binary('atan2', 'atan2', libm.atan2, ['-10..10, -10..10', between(-10, 10), between(-10, 10)], ['±1e-300..1e300 both', signed(magnitudes(-300, 300)), signed(magnitudes(-300, 300))]),
  binary('hypot', 'hypot', libm.hypot, ['-10..10, -10..10', between(-10, 10), between(-10, 10)], ['±1e-300..1e300 both', signed(magnitudes(-300, 300)), signed(magnitudes(-300, 300))]),
  unary('sinh', M.sinh, ['-20..20', between(-20, 20)], ['-710..710', between(-710, 710)]),
  unary('cosh', M.cosh, ['-20..20', between(-20, 20)], ['-710..710', between(-710, 710)]),
  unary('tanh', M.tanh, ['-20..20', between(-20, 20)], small),
  unary('asinh', M.asinh, wide, small),
  unary('acosh', M.acosh, ['1..1e300', () => 1 + magnitudes(-10, 300)()], ['1..2', between(1, 2)]),
  unary('atanh', M.atanh, small, ['±(1 - 1e-10..1)', signed(() => 1 - magnitudes(-10, 0)())]),
  unary('cbrt', M.cbrt, wide, small),
  { name: 'gamma', c: 'tgamma', f: undefined, ranges: [['-20..170', between(-20, 170)]] },
  unary('lgamma', undefined, ['-20..1e6', between(-20, 1e6)]),
  unary('erf', undefined, ['-6..6', between(-6, 6)]),
  unary('erfc', undefined, ['-6..28', between(-6, 28)]),
];

console.log(`${N.toLocaleString('en')} random arguments per function, split evenly between its ranges; differences from glibc ${process.versions.node ? `(Node ${process.versions.node})` : ''}`);
console.log(['function', 'differ', 'of', 'ranges (differ in each)'].join('\t'));
for (const row of ROWS) {
  const per = Math.floor(N / row.ranges.length);
  const arity = row.ranges[0][2] === undefined ? 1 : 2;
  const args = new Float64Array(per * row.ranges.length * arity);
  let at = 0;
  for (const [, rx, ry] of row.ranges) {
    for (let i = 0; i < per; i++) {
      args[at++] = rx();
      if (ry !== undefined) args[at++] = ry();
    }
  }
  if (row.f === undefined) {
    console.log([row.name, '-', per * row.ranges.length, 'neither the runtime nor V8 has it'].join('\t'));
    continue;
  }
  const want = glibc(row.c, args, arity);
  let total = 0;
  const each: string[] = [];
  for (let r = 0; r < row.ranges.length; r++) {
    let differ = 0;
    for (let i = r * per; i < (r + 1) * per; i++) {
      const got = arity === 1 ? (row.f as (x: number) => number)(args[i]) : (row.f as (x: number, y: number) => number)(args[2 * i], args[2 * i + 1]);
      if (!same(got, want[i])) differ++;
    }
    total += differ;
    each.push(`${row.ranges[r][0]}: ${differ}`);
  }
  console.log([row.name, total, per * row.ranges.length, each.join('; ')].join('\t'));
}
