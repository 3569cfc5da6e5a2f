import { expect, it } from 'vitest';
import * as libm from '../../src/lang/runtime/libm.js';
import { fma } from '../../src/lang/runtime/libm/bits.js';
import { glibc, same, uniform } from '../support/libm.js';

/**
 * The ports of glibc's exp, log, log2, log10, pow, hypot, sin, cos, tan, asin, acos, atan, atan2, log1p, expm1,
 * sinh, cosh, tanh, asinh, acosh, atanh, erf, erfc, cbrt and exp2 (src/lang/runtime/libm/) against glibc itself,
 * called through python3's ctypes at test time: seeded random arguments over every
 * range their code takes a branch for (subnormal results, near 1, special values), bit
 * for bit.
 */
const random = uniform(2036);
const between = (lo: number, hi: number) => lo + (hi - lo) * random();
const magnitude = (lo: number, hi: number) => 10 ** between(lo, hi);
const SPECIAL = [0, -0, Infinity, -Infinity, NaN, 1, -1, 2, 0.5, -2, 3, -3, 1e300, -1e300, 5e-324, 2 ** 63, 2 ** -70, 1e-310];
const special = () => SPECIAL[Math.floor(random() * SPECIAL.length)];

type Ported = 'exp' | 'log' | 'log2' | 'log10' | 'pow' | 'hypot' | 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan' | 'atan2' | 'log1p' | 'expm1' | 'sinh' | 'cosh' | 'tanh' | 'asinh' | 'acosh' | 'atanh' | 'erf' | 'erfc' | 'cbrt' | 'exp2';

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
/** Arguments of asin and acos: every branch (tiny, the Taylor series, the table's five parts, near ±1), out of the domain, special. */
const unitArgs = () =>
  sample(8000, () => [[between(-1, 1), signed(magnitude(-10, 0)), signed(1 - magnitude(-16, -1.6)), signed(magnitude(-30, -0.9)), signed(magnitude(-320, -300)), signed(between(1, 3)), special()][Math.floor(random() * 7)]]);

it('computes asin as glibc does, bit for bit', () => {
  expect(differences('asin', unitArgs())).toEqual([]);
});

it('computes acos as glibc does, bit for bit', () => {
  expect(differences('acos', unitArgs())).toEqual([]);
});

it('computes atan as glibc does, bit for bit', () => {
  const args = sample(8000, () => [[between(-1, 1), between(-20, 20), signed(magnitude(-300, 300)), signed(magnitude(-10, -1)), signed(magnitude(14, 17)), signed(magnitude(-320, -300)), special()][Math.floor(random() * 7)]]);
  expect(differences('atan', args)).toEqual([]);
});

it('computes atan2 as glibc does, bit for bit, in every quadrant and with signed zeros', () => {
  const args = sample(12000, () => {
    const x = signed(magnitude(-3, 3));
    return [
      [between(-10, 10), between(-10, 10)],
      [signed(magnitude(-300, 300)), signed(magnitude(-300, 300))],
      [x * between(-1, 1), x],
      [signed(x * between(1, 16)), x],
      [x * signed(magnitude(-20, -1)), x],
      [x / signed(magnitude(-20, -1)), x],
      [signed(magnitude(-323, -300)), signed(magnitude(-323, -300))],
      [signed(magnitude(290, 308)), signed(magnitude(290, 308))],
      [special(), special()],
      [special(), between(-10, 10)],
      [between(-10, 10), special()],
    ][Math.floor(random() * 11)];
  });
  expect(differences('atan2', args)).toEqual([]);
});

/**
 * Arguments found where GCC's choice to fuse a product into its sum, or not, shows in the
 * last bit (1 in 10^3 to 10^6 arguments of its range): fused in most places; not where a branch (the
 * exact sums' |a| > |b| test) or a product shared by both arms of an if comes between.
 */
it('fuses a product into its sum where the FMA build of glibc does, and only there', () => {
  const unary: ['asin' | 'acos' | 'atan', number[]][] = [['asin', [-0.08032065115084673, -0.09007925235828257, -0.9805117086271343, 0.9776437236240083, -0.1417065208152053, 0.19205152554786764]],
    ['acos', [0.12019477544439865, -0.06740958207160647, 0.5077023929334246, 0.8949729395317263, 0.9794698371378552, 0.9733171178564667, -0.9775583783480709, -0.9736559439891636]],
    ['atan', [16.81551993297771, 23.758387081803253, -13.27305268170312, 8.512392057105899, -0.06058234686669944, -0.008950470296063604, 0.6456621927063679, 0.10866140453435946]]];
  for (const [name, xs] of unary) expect(differences(name, xs.map((x) => [x]))).toEqual([]);
  const atan2 = [[1.2330487046856433, 0.06481013920361411], [1.003734527155757, 0.0424321630810186], [1.5291037755087018, -0.0882182080839547], [1.7710052668116987, -0.08633902960915904], [0.11197920817500583, -1.820409720763564], [0.10597803094790849, -1.7416392946615815], [0.0757596666946951, 1.2272995165549219], [0.08663998427066501, 1.7184625952504575], [0.4915403045488499, 1.804715626873076], [0.11460066111762088, 1.7613813164643943], [1.086075505008921, 0.8129056984294892], [1.2009757787454873, -0.119467796679556], [0.7547617394701435, -1.1910114716738462]];
  expect(differences('atan2', atan2)).toEqual([]);
});
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
