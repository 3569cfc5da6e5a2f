/**
 * The integer kernel's number fast path against plain JS arithmetic, and its bigint
 * operations (mitata's measure; medians, ns per operation over a batch of 1,000).
 *   node scripts/run-ts.mjs bench/int-kernel.ts           the table
 *   node scripts/run-ts.mjs bench/int-kernel.ts --costs   what V8's BigInt takes by size: the figures of int/cost.ts
 */
import { do_not_optimize, measure } from 'mitata';
import * as K from '../src/lang/runtime/int/index.js';

const N = 1000;
const small = Array.from({ length: N }, (_, i) => (i * 7919) % 100_003 - 50_000 || 1);
const other = Array.from({ length: N }, (_, i) => (i * 104_729) % 65_521 - 32_000 || 3);
const wide = (bits: number): K.Int[] => Array.from({ length: 64 }, (_, i) => (1n << BigInt(bits)) / BigInt(i + 3));

/**
 * ns per operation of a batch of N: the least of three medians, since on this shared
 * machine a median now and then catches code V8 has not optimised yet.
 */
async function perOp(fn: () => unknown, n = N): Promise<number> {
  let least = Infinity;
  for (let round = 0; round < 3; round++) least = Math.min(least, (await measure(() => do_not_optimize(fn()))).p50);
  return least / n;
}

function loop2<T>(xs: T[], ys: T[], f: (a: T, b: T) => unknown): () => unknown {
  return () => {
    let last: unknown;
    for (let i = 0; i < xs.length; i++) last = f(xs[i], ys[i % ys.length]);
    return last;
  };
}

const MAX = Number.MAX_SAFE_INTEGER;

async function table(): Promise<void> {
  const rows: [string, number, number | undefined][] = [];
  // one loop per row, written out: a loop shared by the rows would see every function and stay megamorphic
  const pair = async (name: string, kernel: () => unknown, plain: () => unknown) => rows.push([name, await perOp(kernel), await perOp(plain)]);
  await pair(
    'add, safe integers',
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += K.add(small[i], other[i]) as number;
      return s;
    },
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) {
        const r = small[i] + other[i];
        s += r <= MAX && r >= -MAX ? r : NaN;
      }
      return s;
    },
  );
  await pair(
    'mul, safe integers',
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += K.mul(small[i], other[i]) as number;
      return s;
    },
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += small[i] * other[i];
      return s;
    },
  );
  await pair(
    'floordiv, safe integers',
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += K.floordiv(small[i], other[i]) as number;
      return s;
    },
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += Math.floor(small[i] / other[i]);
      return s;
    },
  );
  await pair(
    'and, safe integers',
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += K.and(small[i], other[i]) as number;
      return s;
    },
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += small[i] & other[i];
      return s;
    },
  );
  const big = async (name: string, xs: K.Int[], f: (a: K.Int, b: K.Int) => unknown, plain?: (a: bigint, b: bigint) => unknown) =>
    rows.push([name, await perOp(loop2(xs, xs.slice(1), f), xs.length), plain && (await perOp(loop2(xs as bigint[], xs.slice(1) as bigint[], plain), xs.length))]);
  await big('add, 256 bits', wide(256), K.add, (a, b) => a + b);
  await big('add, 100,000 bits', wide(100_000), K.add, (a, b) => a + b);
  await big('mul, 4,096 bits', wide(4096), K.mul, (a, b) => a * b);
  await big('floordiv, 8,192 by 4,096 bits', wide(8192), (a) => K.floordiv(a, (1n << 4096n) / 7n), (a) => a / ((1n << 4096n) / 7n));
  await big('str, 1,000 digits', wide(3300), (a) => K.toDecimal(a), (a) => a.toString());
  const digits = '7'.repeat(1000);
  rows.push(['int(str), 1,000 digits', await perOp(() => K.parseInt(digits, 10), 1), await perOp(() => BigInt(digits), 1)]);
  rows.push(['hash, 1,000 bits', await perOp(loop2(wide(1000), [0 as K.Int], (a) => K.hashInt(a)), 64), undefined]);
  rows.push(['truediv, 2,000 by 1,000 bits', await perOp(loop2(wide(2000), wide(1000), K.truediv), 64), undefined]);
  console.log(`node ${process.version}, ${process.arch}; medians in ns per operation\n`);
  console.log('| operation | kernel ns | plain JS ns | kernel / JS |');
  console.log('|---|---:|---:|---:|');
  for (const [name, k, js] of rows) console.log(`| ${name} | ${k.toFixed(1)} | ${js === undefined ? '' : js.toFixed(1)} | ${js === undefined ? '' : (k / js).toFixed(2) + 'x'} |`);
}

/** The best of a few runs of f, in ms. */
function best(f: () => unknown, runs = 5): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

function costs(): void {
  console.log('| limbs | add ns/limb | mul ns/limb² | mul ms | div ns/(q limb x d limb) | str ns/limb² |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const limbs of [16, 100, 1000, 10_000]) {
    const bits = BigInt(limbs * 64);
    const a = (1n << bits) / 3n;
    const b = (1n << bits) / 7n;
    const add = best(() => a + b);
    const mul = best(() => a * b);
    const p = a * b;
    const div = best(() => p / b);
    const str = limbs <= 1000 ? best(() => a.toString()) : NaN;
    const ns = (ms: number, per: number) => ((ms * 1e6) / per).toFixed(3);
    console.log(`| ${limbs} | ${ns(add, limbs)} | ${ns(mul, limbs * limbs)} | ${mul.toFixed(3)} | ${ns(div, limbs * limbs)} | ${ns(str, limbs * limbs)} |`);
  }
  console.log('\n| power | ms | the last squaring ms | ratio |\n|---|---:|---:|---:|');
  for (const [base, exponent] of [[10n, 100_000n], [3n, 200_000n], [12_345_678_901n, 30_000n], [7n, 1_000_000n]]) {
    const half = base ** (exponent / 2n);
    const all = best(() => base ** exponent, 3);
    const last = best(() => half * half, 3);
    console.log(`| ${base} ** ${exponent} | ${all.toFixed(2)} | ${last.toFixed(2)} | ${(all / last).toFixed(1)} |`);
  }
}

if (process.argv.includes('--costs')) costs();
else await table();
