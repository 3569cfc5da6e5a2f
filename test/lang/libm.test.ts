import { expect, it } from 'vitest';
import * as libm from '../../src/lang/runtime/libm.js';
import { fma } from '../../src/lang/runtime/libm/bits.js';
import { glibc, same, uniform } from '../support/libm.js';

/**
 * The ports of glibc's exp, log, log2, log10, pow, hypot, sin, cos and tan (src/lang/runtime/libm/) against glibc itself,
 * called through python3's ctypes at test time: seeded random arguments over every
 * range their code takes a branch for (subnormal results, near 1, special values), bit
 * for bit.
 */
const random = uniform(2036);
const between = (lo: number, hi: number) => lo + (hi - lo) * random();
const magnitude = (lo: number, hi: number) => 10 ** between(lo, hi);
const SPECIAL = [0, -0, Infinity, -Infinity, NaN, 1, -1, 2, 0.5, -2, 3, -3, 1e300, -1e300, 5e-324, 2 ** 63, 2 ** -70, 1e-310];
const special = () => SPECIAL[Math.floor(random() * SPECIAL.length)];

function differences(name: 'exp' | 'log' | 'log2' | 'log10' | 'pow' | 'hypot' | 'sin' | 'cos' | 'tan', args: number[][]): string[] {
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

/**
 * sin, cos and tan over every path they take: tiny (returned as is, or Taylor), below pi/4
 * (the table), the reductions up to 25, 1e8 and 105414350, Payne-Hanek's beyond (to
 * the largest double, and the double nearest a multiple of pi/2), a few ulps from
 * multiples of pi/2 where the reduced argument is small, the bounds between paths.
 */
const TRIG_SPECIAL = [
  ...SPECIAL, Math.PI, -Math.PI / 2, Math.PI / 4, 1e22, 6381956970095103 * 2 ** 797, Number.MAX_VALUE, 2 ** -1074,
  105414350, 0.126, 0.85546875, 2.426265, 2 ** -26, 2 ** -27, 1.259e-8, 0.0608, 0.787, 25, 1e8,
];
const trigArgs = () =>
  sample(9000, () => {
    const sign = random() < 0.5 ? -1 : 1;
    const quadrants = Math.round(2 ** between(0, 60));
    return [
      [
        sign * magnitude(-30, -7),
        between(-0.8, 0.8),
        between(-3, 3),
        between(-1e5, 1e5),
        sign * magnitude(5, 300),
        sign * quadrants * (Math.PI / 2) * (1 + Math.round(between(-8, 8)) * 2 ** -52),
        sign * TRIG_SPECIAL[Math.floor(random() * TRIG_SPECIAL.length)] * (1 + Math.round(between(-2, 2)) * 2 ** -52),
      ][Math.floor(random() * 7)],
    ];
  });

it('computes sin as glibc does, bit for bit', () => {
  expect(differences('sin', trigArgs())).toEqual([]);
});

it('computes cos as glibc does, bit for bit', () => {
  expect(differences('cos', trigArgs())).toEqual([]);
});

it('computes tan as glibc does, bit for bit', () => {
  expect(differences('tan', trigArgs())).toEqual([]);
});
