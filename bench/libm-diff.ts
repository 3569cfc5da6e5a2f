/**
 * How many of N random arguments each float function of the runtime answers differently
 * from glibc's libm (what CPython calls), bit for bit, over several ranges per function.
 *   npm run bench:libm [-- --n 100000 --seed 1]
 * gamma, lgamma and math.hypot are CPython's own (Modules/mathmodule.c), so they are
 * compared with python3's (nan where CPython raises): gamma and lgamma call libm's sin
 * and cos for negative arguments, so they differ where those do.
 */
import * as libm from '../src/lang/runtime/libm.js';
import { pow as evaluatorPow } from '../src/lang/runtime/arith.js';
import { lgamma, tgamma } from '../src/lang/runtime/modules/math-gamma.js';
import { hypot as vectorHypot } from '../src/lang/runtime/modules/math-norm.js';
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
  f: ((x: number) => number) | ((x: number, y: number) => number);
  ranges: [string, Range, Range?][];
}

const unary = (name: string, f: (x: number) => number, ...ranges: [string, Range][]): Row => ({ name, c: name, f, ranges });
const binary = (name: string, c: string, f: (x: number, y: number) => number, ...ranges: [string, Range, Range][]): Row => ({ name, c, f, ranges });
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
/** CPython's gamma or lgamma as a condition sees it: nan where it raises (any errno). */
const raising = (f: (x: number) => [number, number]) => (x: number): number => {
  const [r, errno] = f(x);
  return errno !== 0 ? NaN : r;
};

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
  binary('math.hypot', 'math.hypot', (x, y) => vectorHypot([x, y]), ['-10..10, -10..10', between(-10, 10), between(-10, 10)], ['±1e-300..1e300 both', signed(magnitudes(-300, 300)), signed(magnitudes(-300, 300))]),
  unary('sinh', libm.sinh, ['-20..20', between(-20, 20)], ['-710..710', between(-710, 710)]),
  unary('cosh', libm.cosh, ['-20..20', between(-20, 20)], ['-710..710', between(-710, 710)]),
  unary('tanh', libm.tanh, ['-20..20', between(-20, 20)], small),
  unary('asinh', libm.asinh, wide, small),
  unary('acosh', libm.acosh, ['1..1e300', () => 1 + magnitudes(-10, 300)()], ['1..2', between(1, 2)]),
  unary('atanh', libm.atanh, small, ['±(1 - 1e-10..1)', signed(() => 1 - magnitudes(-10, 0)())]),
  unary('cbrt', libm.cbrt, wide, small),
  unary('exp2', libm.exp2, ['-1075..1024', between(-1075, 1024)], small),
  unary('erf', libm.erf, ['-6..6', between(-6, 6)], small),
  unary('erfc', libm.erfc, ['-6..28', between(-6, 28)], small),
  { name: 'gamma', c: 'math.gamma', f: raising(tgamma), ranges: [['0..170', between(0, 170)], ['-170..0', between(-170, 0)]] },
  { name: 'lgamma', c: 'math.lgamma', f: raising(lgamma), ranges: [['0..1e6', between(0, 1e6)], ['-170..0', between(-170, 0)]] },
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
