import { expect, it } from 'vitest';
import * as libm from '../../src/lang/runtime/libm.js';
import { fma } from '../../src/lang/runtime/libm/bits.js';
import { glibc, same, uniform } from '../support/libm.js';

/**
 * The ports of glibc's exp, log, log2, log10, pow, hypot, log1p, expm1, sinh, cosh, tanh, asinh, acosh,
 * atanh, erf, erfc, cbrt and exp2 (src/lang/runtime/libm/) against glibc itself,
 * called through python3's ctypes at test time: seeded random arguments over every
 * range their code takes a branch for (subnormal results, near 1, special values), bit
 * for bit.
 */
const random = uniform(2036);
const between = (lo: number, hi: number) => lo + (hi - lo) * random();
const magnitude = (lo: number, hi: number) => 10 ** between(lo, hi);
const SPECIAL = [0, -0, Infinity, -Infinity, NaN, 1, -1, 2, 0.5, -2, 3, -3, 1e300, -1e300, 5e-324, 2 ** 63, 2 ** -70, 1e-310];
const special = () => SPECIAL[Math.floor(random() * SPECIAL.length)];

type Ported = 'exp' | 'log' | 'log2' | 'log10' | 'pow' | 'hypot' | 'log1p' | 'expm1' | 'sinh' | 'cosh' | 'tanh' | 'asinh' | 'acosh' | 'atanh' | 'erf' | 'erfc' | 'cbrt' | 'exp2';

function differences(name: Ported, args: number[][]): string[] {
  const arity = args[0].length as 1 | 2;
  const want = glibc(name, Float64Array.from(args.flat()), arity);
  const f = libm[name] as (...xs: number[]) => number;
  return args.flatMap((a, i) => (same(f(...a), want[i]) ? [] : [`${name}(${a.join(', ')}): ${f(...a)}, glibc ${want[i]}`]));
}

const sample = (n: number, pick: () => number[]) => Array.from({ length: n }, pick);

it('computes exp as glibc does, bit for bit', () => {
  const args = sample(6000, () => [[between(-1, 1), between(-745, 710), between(-760, -700), between(700, 720), magnitude(-20, -15), special()][Math.floor(random() * 6)]]);
  expect(differences('exp', args)).toEqual([]);
});

it('computes log as glibc does, bit for bit', () => {
  const args = sample(6000, () => [[magnitude(-300, 300), between(0.9, 1.1), between(0.5, 2), 5e-324 * Math.floor(random() * 2 ** 40), -random(), special()][Math.floor(random() * 6)]]);
  expect(differences('log', args)).toEqual([]);
});

it('computes log2 as glibc does, bit for bit', () => {
  const args = sample(6000, () => [[magnitude(-300, 300), between(0.9, 1.1), between(0.5, 2), 5e-324 * Math.floor(random() * 2 ** 40), -random(), special()][Math.floor(random() * 6)]]);
  expect(differences('log2', args)).toEqual([]);
});

it('computes log10 as glibc does, bit for bit', () => {
  const args = sample(6000, () => [[magnitude(-300, 300), 10 ** Math.round(between(-20, 20)), between(0.5, 2), 5e-324 * Math.floor(random() * 2 ** 40), -random(), special()][Math.floor(random() * 6)]]);
  expect(differences('log10', args)).toEqual([]);
});

it('computes pow as glibc does, bit for bit', () => {
  const args = sample(12000, () =>
    [
      [magnitude(-3, 3), between(-50, 50)],
      [between(0, 2), between(-1100, 1100)],
      [magnitude(-3, 3), Math.round(between(-40, 40))],
      [-magnitude(-5, 5), Math.round(between(-300, 300))],
      [magnitude(-320, -300), between(-3, 3)],
      [1 + (random() - 0.5) * 1e-12, magnitude(10, 20)],
      [special(), special()],
    ][Math.floor(random() * 7)],
  );
  expect(differences('pow', args)).toEqual([]);
});

it('computes hypot as glibc does, bit for bit', () => {
  const signed = (x: number) => (random() < 0.5 ? -x : x);
  const args = sample(12000, () =>
    [
      [between(-10, 10), between(-10, 10)],
      [signed(magnitude(-300, 300)), signed(magnitude(-300, 300))],
      [magnitude(150, 308), magnitude(150, 308)],
      [magnitude(-323, -150), magnitude(-323, -150)],
      [magnitude(0, 1), magnitude(-20, -15)],
      [special(), special()],
    ][Math.floor(random() * 6)],
  );
  expect(differences('hypot', args)).toEqual([]);
});

const signed = (x: number) => (random() < 0.5 ? -x : x);
/** Tiny, subnormal and huge magnitudes of either sign, zeros, infinities, NaN and each port's thresholds. */
const EDGES = [...SPECIAL, -5e-324, 2 ** -28, -(2 ** -28), 2 ** -54, 2 ** 28, 22, -22, 709.78, -709.78, 710.4758600739439, 710.476, 0.84375, 1.25, 6, -6, 28, 1024, -1022.5, -1075, 928, 0.5 * Math.LN2, 1.5 * Math.LN2, 0.41422, -0.2929];
const edge = () => EDGES[Math.floor(random() * EDGES.length)];

/** fdlibm's functions and ARM's exp2, each over the ranges its code branches on: 6,000 arguments each. */
const FDLIBM: [Ported, (() => number)[]][] = [
  ['log1p', [() => between(-1, 1), () => magnitude(-10, 10), () => signed(magnitude(-320, 308)), () => between(-1, -0.29), () => between(0.41, 2)]],
  ['expm1', [() => between(-1, 1), () => between(-40, 710), () => signed(magnitude(-320, 0)), () => between(-0.5, 0.5) * Math.LN2 * 3, () => between(-60, -30)]],
  ['sinh', [() => between(-22, 22), () => between(-712, 712), () => signed(magnitude(-320, 0)), () => between(-1, 1)]],
  ['cosh', [() => between(-22, 22), () => between(-712, 712), () => signed(magnitude(-320, 0)), () => between(-0.4, 0.4)]],
  ['tanh', [() => between(-22, 22), () => between(-1, 1), () => signed(magnitude(-320, 2))]],
  ['asinh', [() => signed(magnitude(-300, 300)), () => between(-2, 2), () => between(-10, 10), () => signed(magnitude(8, 9))]],
  ['acosh', [() => 1 + magnitude(-10, 300), () => between(1, 2), () => between(-1, 3), () => magnitude(8, 9)]],
  ['atanh', [() => between(-1, 1), () => signed(1 - magnitude(-16, 0)), () => signed(magnitude(-320, 0)), () => between(-2, 2)]],
  ['erf', [() => between(-6, 6), () => signed(magnitude(-320, 0)), () => between(-1.25, 1.25), () => between(-3, 3)]],
  ['erfc', [() => between(-6, 28), () => signed(magnitude(-320, 0)), () => between(-1.25, 1.25), () => between(20, 30), () => between(-7, -2)]],
  ['cbrt', [() => signed(magnitude(-300, 300)), () => between(-1, 1), () => signed(magnitude(-323, -307))]],
  ['exp2', [() => between(-1080, 1030), () => between(-1, 1), () => between(-1075, -1020), () => between(920, 1025), () => signed(magnitude(-20, -15))]],
];

for (const [name, ranges] of FDLIBM) {
  it(`computes ${name} as glibc does, bit for bit`, () => {
    const args = sample(6000, () => [random() < 0.1 ? edge() : ranges[Math.floor(random() * ranges.length)]()]);
    expect(differences(name, args)).toEqual([]);
  });
}

/** The fma the ports rest on, against the FMA instruction glibc's fma uses: sums that cancel, and halfway cases. */
it('emulates fma exactly', () => {
  const args = sample(20000, () => {
    const a = between(-1, 1) * 2 ** Math.round(between(-60, 60));
    const b = between(-1, 1) * 2 ** Math.round(between(-60, 60));
    const p = a * b;
    const c = [between(-1, 1), -p, -p * (1 + 2 ** -52), p * 2 ** -53, -p + p * 2 ** -54, -p * 2 ** Math.round(between(-3, 3))][Math.floor(random() * 6)];
    return [a, b, c];
  });
  const want = glibc('fma', Float64Array.from(args.flat()), 3);
  expect(args.flatMap((a, i) => (same(fma(a[0], a[1], a[2]), want[i]) ? [] : [`fma(${a.join(', ')}): ${fma(a[0], a[1], a[2])}, glibc ${want[i]}`]))).toEqual([]);
});
