import fc from 'fast-check';
import { expect, it } from 'vitest';
import { DT, F, mismatches, type KernelCase, type TzArg } from '../support/datetime-kernel-cases.js';
import { announceSeed } from '../support/fuzz-seed.js';
import { DEFAULT_LIMITS } from '../../src/lang/limits.js';
import { beginRun, endRun } from '../../src/lang/runtime/budget.js';
import { str } from '../../src/lang/runtime/repr.js';
// the builtin types, which str() of an exception asks (engine.ts loads them for a condition)
import '../../src/lang/runtime/types/registry.js';
import { makeDateTime } from '../../src/lang/runtime/datetime/datetime.js';
import { datetimeFromIsoformat } from '../../src/lang/runtime/datetime/fromisoformat.js';
import { datetimeStrftime } from '../../src/lang/runtime/datetime/strftime.js';
import { strptimeDatetime } from '../../src/lang/runtime/datetime/strptime.js';
import { DELTA_MAX, divDelta, divFloat, makeDelta, mulFloat, RESOLUTION } from '../../src/lang/runtime/datetime/timedelta.js';
import { PyException, PyFloat } from '../../src/lang/runtime/values.js';
import { setClock, systemClock } from '../../src/lang/runtime/datetime/clock.js';
import { gmtime, structTimeRepr, time, timeNs } from '../../src/lang/runtime/datetime/time-module.js';

const HOSTILE_DT = makeDateTime(2024, 5, 6, 7, 8, 9, 10);

const UTC1: [number, number, null] = [3600, 0, null];


const TABLE: KernelCase[] = [
  ...[[2020, 2, 29], [2021, 2, 29], [0, 1, 1], [10000, 1, 1], [2000, 13, 1], [1, 1, 1], [9999, 12, 31], [2024, 12, 30], [2021, 1, 3], [2020, 12, 31], [1900, 2, 29], [2000, 2, 29]].map((a) => ({ op: 'date', args: a })),
  ...[0, 1, 3652059, 3652060, -5, 730120].map((n) => ({ op: 'fromordinal', args: [n] })),
  ...[[2020, 53, 1], [2021, 53, 1], [0, 1, 1], [2020, 1, 8], [9999, 52, 7], [2004, 53, 7], [1, 1, 1]].map((a) => ({ op: 'fromisocalendar', args: a })),
  ...[{}, { days: -1 }, { seconds: -1 }, { days: F(0.5), seconds: F(0.5), microseconds: F(0.5) }, { microseconds: F(1.5) }, { microseconds: F(-0.5) }, { microseconds: F(2.5) },
    { days: F(1e9) }, { days: 10 ** 15 }, { seconds: F(NaN) }, { hours: F(Infinity) }, { days: 999999999, hours: 24 }, { days: -999999999 }, { weeks: F(1.1), minutes: F(-0.7), milliseconds: F(3.3333) },
    { hours: 'x' }, { days: 2, microseconds: 1 }, { days: F(-1e-7) }, { seconds: F(86399.9999995) }, { days: true }].map((kw) => ({ op: 'delta', args: [kw] })),
  ...(['+', '-', '/', '//', '%', 'divmod', 'cmp', 'neg'] as const).flatMap((op) => [
    { op: 'delta_op', args: [{ days: 3, seconds: 7, microseconds: 11 }, op, { hours: -5, microseconds: 3 }] },
    { op: 'delta_op', args: [{ days: 3, seconds: 7, microseconds: 11 }, op, { }] },
  ]),
  ...[3, 0, -7, 2 ** 40].flatMap((n) => ['*', '/', '//'].map((op) => ({ op: 'delta_op', args: [{ days: 1, microseconds: 1 }, op, n] }))),
  ...[F(0.1), F(-2.5), F(0), F(NaN), F(Infinity), F(1e20), F(1 / 3)].flatMap((n) => ['*', '/'].map((op) => ({ op: 'delta_op', args: [{ days: 1, microseconds: 1 }, op, n] }))),
  { op: 'delta_op', args: [{ days: 999999999, hours: 23 }, '//', { microseconds: 1 }] },
  { op: 'delta_op', args: [{ days: 999999999, hours: 23 }, '/', { microseconds: 3 }] },
  { op: 'dt_add', args: [DT([9999, 12, 31, 23, 59, 59, 999999]), { microseconds: 1 }] },
  { op: 'dt_add', args: [DT([1, 1, 1]), { microseconds: 1 }] },
  { op: 'dt_add', args: [DT([2020, 2, 28, 12], UTC1), { days: 1, hours: 13 }] },
  { op: 'dt_add', args: [DT([2020, 1, 1]), { days: -999999999 }] },
  { op: 'dt_sub', args: [DT([2020, 1, 1]), DT([2020, 1, 1], UTC1)] },
  { op: 'dt_sub', args: [DT([2020, 1, 1], [0, 0, null]), DT([2020, 1, 1], UTC1)] },
  { op: 'dt_sub', args: [DT([1, 1, 1]), DT([9999, 12, 31, 23, 59, 59, 999999])] },
  { op: 'dt_cmp', args: [DT([2020, 1, 1]), DT([2020, 1, 1], UTC1)] },
  { op: 'dt_cmp', args: [DT([2020, 1, 1, 1], UTC1), DT([2020, 1, 1], [0, 0, null])] },
  { op: 'dt_cmp', args: [DT([2020, 1, 1, 1], UTC1), DT([2020, 1, 1, 2], [7200, 0, 'X'])] },
  { op: 'astimezone', args: [DT([2020, 1, 1]), null] },
  { op: 'astimezone', args: [DT([2020, 1, 1]), UTC1] },
  { op: 'astimezone', args: [DT([1, 1, 1], UTC1), [0, 0, null]] },
  { op: 'astimezone', args: [DT([2020, 6, 1, 12], [-18000, 0, 'EST']), [19800, 0, null]] },
  ...[[0, 0, null], [3600, 0, null], [-3605, 0, null], [0, 0, 'UTC'], [86399, 999999, null], [-86399, -999999, "it's"], [86400, 0, null], [5400, 5, 'x%y']].map((t) => ({ op: 'timezone', args: [t] })),
  ...['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds', 'x'].flatMap((spec) => [
    { op: 'isoformat', args: [DT([2020, 1, 2, 3, 4, 5, 6789], [-3605, 7, null]), 'T', spec] },
    { op: 'isoformat', args: [DT([5, 11, 22]), ' ', spec] },
  ]),
  { op: 'isoformat', args: [DT([2020, 1, 2, 3, 4, 5]), 'é', 'auto'] },
];

it('computes calendars, timedeltas, zones and formats as CPython 3.11', () => {
  expect(mismatches(TABLE)).toEqual([]);
});

const ISO_STRINGS = [
  '2020-01-02', '20200102', '2020-W01', '2020W01', '2020-W01-3', '2020W013', '2020-W53-7', '2021-W53-1', '2020-13-01', '2020-02-30', '0000-01-01', '2020-1-02', '2020-01-02x',
  '2020-01-02T03', '2020-01-02T0304', '2020-01-02T03:04', '2020-01-02T03:04:05', '2020-01-02T03:04:05.1', '2020-01-02T03:04:05,123456789', '2020-01-02T03:04:05.', '2020-01-02T03:04:05.12a',
  '2020-01-02T03:04:05Z', '2020-01-02T03:04:05+01', '2020-01-02T03:04:05+0130', '2020-01-02T03:04:05-01:30', '2020-01-02T03:04:05+01:30:15.5', '2020-01-02T03:04:05+00:00', '2020-01-02T03:04:05+1', '2020-01-02T03:04:05+013',
  '2020-01-02T03:04:05+24:00', '2020-01-02T24:00', '2020-01-02T03:60', '2020-01-02 03:04', '2020-01-02é03:04', '2020-01-02T', '2020-01-02T03:04:5', '2020-01-02T030405', '2020-01-02T03:0405', '2020-01-02T0304:05',
  '2020-01-02T03:04.5', '2020-01-02T03.5', '2020-01-02T03:04:05Zx', '2020-01-02T03:04:05ZZ', '2020-01-02T03+01:00', '2020-01-02T03:04:05-00:00:00.000001', '2020-W011T03', '2020W0110304', '2020-W01-1T03',
  '2020-01-02T03:04:05.123456+05:30', '2020-01-02T03:04:05.123456789+05:30', '', '2020', '2020-01', '2020-001', '12:30', 'T12:30', '12', '1', '12:30:45.123+01:00', '12:30Z', '1230', '123045', '12:30:45,5',
  'T', '12:3', '12:30+', '12:30-05', '24:00', '12:30:45+25:00', '2020-01-02T03:04:05 ', ' 2020-01-02', '２０２０-01-02', '2020-01-02T03:04:05+01:30:15.1234567',
];

it('parses fromisoformat as CPython 3.11', () => {
  const cases = ISO_STRINGS.flatMap((s) => ['date', 'time', 'datetime'].map((kind) => ({ op: 'fromiso', args: [kind, s] })));
  expect(mismatches(cases)).toEqual([]);
});

const seed = announceSeed('datetime kernel');
const sample = <T>(arb: fc.Arbitrary<T>, n: number, offset: number): T[] => fc.sample(arb, { numRuns: n, seed: seed + offset });

const dateFields = fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }));
const clockFields = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 999999 })));
const tzArg = fc.oneof(
  fc.constant(null),
  fc.tuple(fc.integer({ min: -86399, max: 86399 }), fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 999999 })), fc.constantFrom(null, 'EST', 'UTC', 'a%b')),
) as fc.Arbitrary<TzArg>;
const datetime = fc.tuple(dateFields, clockFields, tzArg).map(([d, c, tz]) => DT([...d, ...c], tz));
const real = fc.oneof(
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.double({ min: -1e10, max: 1e10, noNaN: true }).map(F),
  fc.integer({ min: -1000, max: 1000 }).map((n) => F(n / 8)),
);
const deltaKw = fc.record(
  { days: real, seconds: real, microseconds: real, milliseconds: real, minutes: real, hours: real, weeks: real },
  { requiredKeys: [] },
);

it('agrees with CPython on 1,500 random dates, datetimes and their arithmetic', () => {
  const cases: KernelCase[] = [
    ...sample(fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })), 300, 1).map((a) => ({ op: 'date', args: a })),
    ...sample(fc.integer({ min: -10, max: 3_652_070 }), 200, 2).map((n) => ({ op: 'fromordinal', args: [n] })),
    ...sample(fc.tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 54 }), fc.integer({ min: 0, max: 8 })), 200, 3).map((a) => ({ op: 'fromisocalendar', args: a })),
    ...sample(fc.tuple(datetime, fc.record({ days: fc.integer({ min: -4_000_000, max: 4_000_000 }), microseconds: fc.integer() }, { requiredKeys: [] })), 200, 4).map((a) => ({ op: 'dt_add', args: a })),
    ...sample(fc.tuple(datetime, datetime), 200, 5).map((a) => ({ op: 'dt_sub', args: a })),
    ...sample(fc.tuple(datetime, datetime), 200, 6).map((a) => ({ op: 'dt_cmp', args: a })),
    ...sample(fc.tuple(datetime, tzArg), 200, 7).map((a) => ({ op: 'astimezone', args: a })),
  ];
  expect(mismatches(cases)).toEqual([]);
});

it('agrees with CPython on 1,000 random timedeltas and their operators', () => {
  const ops = fc.constantFrom('+', '-', '/', '//', '%', 'divmod', 'cmp', 'neg');
  const scalar = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(F));
  const cases: KernelCase[] = [
    ...sample(deltaKw, 500, 8).map((kw) => ({ op: 'delta', args: [kw] })),
    ...sample(fc.tuple(deltaKw, ops, deltaKw), 300, 9).map((a) => ({ op: 'delta_op', args: a })),
    ...sample(fc.tuple(deltaKw, fc.constantFrom('*', '/'), scalar), 200, 10).map((a) => ({ op: 'delta_op', args: a })),
  ];
  expect(mismatches(cases)).toEqual([]);
});

it('replaces fields, adds days to dates and compares dates and times as CPython', () => {
  const base = DT([2020, 2, 29, 1, 2, 3, 4], UTC1);
  const replacements = [{ year: 2021 }, { year: 2024 }, { month: 13 }, { day: 0 }, { hour: 24 }, { minute: -1 }, { second: 60 }, { microsecond: 1000000 }, { fold: 2 }, { fold: 1 }, { tzinfo: null },
    { tzinfo: [-3600, 0, 'W'] }, { year: 0 }, { year: 10000, month: 0 }, {}];
  const time = fc.tuple(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 2 })), tzArg);
  const cases: KernelCase[] = [
    ...replacements.map((kw) => ({ op: 'replace', args: [base, kw] })),
    ...[{ year: 2021 }, { month: 2, day: 30 }, { day: 31 }, { year: 10000 }, {}].map((kw) => ({ op: 'replace_date', args: [[2020, 1, 31], kw] })),
    ...[{ hour: 24 }, { microsecond: 5 }, { fold: 1 }, { tzinfo: null }, { tzinfo: [60, 0, 'M'] }, { second: -1 }].map((kw) => ({ op: 'replace_time', args: [[1, 2, 3, 0], UTC1, kw] })),
    ...sample(fc.tuple(dateFields, fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 999999 })), tzArg), 50, 23)
      .map((a) => ({ op: 'combine', args: a })),
    ...sample(fc.tuple(dateFields, fc.integer({ min: -4_000_000, max: 4_000_000 })), 150, 19).map((a) => ({ op: 'date_add', args: a })),
    ...sample(fc.tuple(dateFields, dateFields), 100, 20).map((a) => ({ op: 'date_sub', args: a })),
    ...sample(fc.tuple(dateFields, fc.oneof(dateFields, fc.constant([2020, 1, 1]))), 100, 21).map((a) => ({ op: 'date_cmp', args: a })),
    ...sample(fc.tuple(time, time), 200, 22).map((a) => ({ op: 'time_cmp', args: a })),
    { op: 'time_cmp', args: [[[1, 0, 0, 0], [3600, 0, null]], [[0, 0, 0, 0], [0, 0, null]]] },
    { op: 'time_cmp', args: [[[1, 0, 0, 0], [3600, 0, null]], [[1, 0, 0, 0], null]] },
  ];
  expect(mismatches(cases)).toEqual([]);
});

it('agrees with CPython on 600 random isoformat and fromisoformat forms', () => {
  const spec = fc.constantFrom('auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds');
  const sep = fc.constantFrom('T', ' ', 'x', 'é');
  const pieces = fc.array(fc.constantFrom('2020', '-', '01', '02', 'W', '5', 'T', ' ', ':', '30', '45', '.', ',', '123', '1234567', '+', 'Z', '00', '24', '99', '7'), { maxLength: 12 }).map((p) => p.join(''));
  const cases: KernelCase[] = [
    ...sample(fc.tuple(datetime, sep, spec), 200, 11).map((a) => ({ op: 'isoformat', args: a })),
    ...sample(fc.tuple(fc.constantFrom('date', 'time', 'datetime'), pieces), 400, 12).map((a) => ({ op: 'fromiso', args: a })),
  ];
  expect(mismatches(cases)).toEqual([]);
});

const DIRECTIVES = 'aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZf%'.split('');

it('formats as CPython 3.11 on glibc: every directive, flags and widths, and 500 random formats', () => {
  const fixed = [DT([5, 3, 4, 13, 5, 6, 7]), DT([2024, 12, 30], [3600, 0, null]), DT([1, 1, 1], [-3605, 7, 'E%S']), DT([9999, 12, 31, 23, 59, 59, 999999], [0, 0, null]), DT([2021, 1, 3, 0, 0, 0])];
  const formats = [
    ...DIRECTIVES.map((d) => '%' + d), ...DIRECTIVES.map((d) => '%-' + d), ...DIRECTIVES.map((d) => '%_5' + d), ...DIRECTIVES.map((d) => '%^#' + d), ...DIRECTIVES.map((d) => '%010' + d),
    '%Ey', '%Od', '%EY', '%Ec', '%Q', '%5Q', '%', 'a%', '%-', '%E', '%O5', '%5z', '%#Z', '%:z', '%+', '%5000d', '%02Y', '%%z', '%%%z', '', 'plain', 'é%a€', '%1000000000000d', '%' + '9'.repeat(30) + 'Y', 'abc%5000z', '%1200d', '%1000d%1000d', '%2000Z', 'x%1300z%1300Z',
  ];
  const piece = fc.oneof(fc.constantFrom(...DIRECTIVES).map((d) => '%' + d), fc.tuple(fc.constantFrom('', '-', '_', '0', '^', '#'), fc.constantFrom('', '1', '3', '12'), fc.constantFrom('', 'E', 'O'), fc.constantFrom(...DIRECTIVES, 'q', '5')).map((p) => '%' + p.join('')), fc.constantFrom(' ', '-', 'x', ':', 'é'));
  const cases: KernelCase[] = [
    ...fixed.flatMap((dt) => formats.map((f) => ({ op: 'strftime', args: [dt, f] }))),
    ...sample(fc.tuple(datetime, fc.array(piece, { maxLength: 8 }).map((p) => p.join(''))), 500, 13).map((a) => ({ op: 'strftime', args: a })),
  ];
  expect(mismatches(cases)).toEqual([]);
});

const STRPTIME: [string, string][] = [
  ['2024-01-02T03:04:05.123Z', '%Y-%m-%dT%H:%M:%S.%f%z'], ['2024-01-02 03:04:05+01:30', '%Y-%m-%d %H:%M:%S%z'], ['1 1', '%d %d'], ['1', '%d%'], ['1', '%Q'], ['1x', '%d'], ['x', '%d'],
  ['2020 utc', '%Y %Z'], ['2020 GMT +0100', '%Y %Z %z'], ['-1', '%d'], ['31 2', '%d %m'], ['29 2', '%d %m'], ['Tue Mar  4 13:05:06 2024', '%c'], ['03/04/24', '%x'], ['13:05:06', '%X'],
  ['2024 10 3', '%G %V %u'], ['2024 10', '%G %V'], ['2024 10 3', '%Y %V %u'], ['2024 100 3', '%G %j %V %u'], ['2024 0 0', '%Y %U %w'], ['2024 53 6', '%Y %W %w'], ['2021 0 1', '%Y %U %a'],
  ['12 pm', '%I %p'], ['12 AM', '%I %p'], ['7 Pm', '%I %p'], ['MARCH 5', '%B %d'], ['sEp 5', '%b %d'], ['monday', '%A'], ['366 2024', '%j %Y'], ['366 2023', '%j %Y'], ['+01:30:15.5', '%z'],
  ['+0130:15', '%z'], ['+01:3015', '%z'], ['Z', '%z'], ['z', '%z'], ['123', '%H%M'], ['1234567', '%f'], ['   5', '%d'], ['5  ', '%d '], ['a.b', 'a.b'], ['a+b', 'a+b'], ['(x)', '(x)'],
  ['5', '% d'], ['5', '%.d'], ['\t\n5', ' %d'], ['1', '%c %d'], ['00', '%y'], ['68', '%y'], ['69', '%y'], ['999', '%Y'], ['2020 61', '%Y %S'], ['1 1', '%m %w'], ['10:10', '%M:%S'],
  ['2020-02-30', '%Y-%m-%d'], ['24', '%H'], ['', ''], ['x', ''], ['', '%d'], ['é5', 'É%d'], ['%5', '%%%d'], ['10', '%m%d'], ['111', '%m%d'], ['1111', '%m%d%H'],
  ['٢٠٢٤', '%Y'], ['２０２４-０１-０２', '%Y-%m-%d'], ['２０２４-1-２', '%Y-%m-%d'], ['12:٣٠', '%H:%M'], ['+٠١٠٠', '%z'], ['+٠١00', '%z'], ['+0100:٠٠.١٢', '%z'], ['١٢٣', '%f'],
  ['𝟐𝟎𝟐𝟒', '%Y'], ['𝟚𝟘𝟚𝟜', '%Y'], ['𝟸𝟶𝟸𝟺', '%Y'], ['𝟐𝟎𝟐', '%Y'], ['2024 ٣', '%Y %j'], ['𝟗 9', '%H %M'], ['٩٩', '%y'], ['Ⅻ', '%m'],
];

it('parses as _strptime does: directives, defaults, ISO weeks, zones and its errors', () => {
  expect(mismatches(STRPTIME.map((a) => ({ op: 'strptime', args: a })))).toEqual([]);
});

/** Each directive with texts it may meet: good ones, borderline ones and wrong ones. */
const DIRECTIVE_TEXTS: Record<string, string[]> = {
  a: ['Mon', 'sun', 'TUE', 'Monday'], A: ['Monday', 'friday', 'SUNDAY', 'Mon'], b: ['Feb', 'dec', 'MAY', 'February'], B: ['February', 'may', 'MARCH', 'Feb'],
  d: ['1', '01', '31', ' 5', '32', '0', '10'], f: ['1', '123456', '1234567', '05'], H: ['0', '23', '24', '07', '1'], I: ['12', '1', '01', '13', '0'], j: ['1', '001', '366', '367', '060', '99'],
  m: ['1', '12', '13', '02', '10'], M: ['0', '59', '60', '5'], p: ['am', 'PM', 'pm', 'xm'], S: ['0', '59', '61', '62', '5'], U: ['0', '53', '54', '9'], W: ['0', '53', '1', '12'], w: ['0', '6', '7'],
  y: ['24', '69', '68', '5'], Y: ['2024', '0999', '24', '10000'], z: ['+0100', '-05:30', 'Z', '+01:30:15.5', '+0130:15', 'z', '+1'], Z: ['UTC', 'gmt', 'EST'],
  G: ['2024', '2020'], V: ['1', '53', '10', '54'], u: ['1', '7', '0'], '%': ['%', 'x'], c: ['Tue Mar  4 13:05:06 2024', 'Mon Feb 29 00:00:00 2021'], x: ['03/04/24', '02/29/21'], X: ['13:05:06', '25:00:00'],
};
const LITERALS = [' ', '  ', '\t', '-', ':', 'T', '.', 'x', 'é', '(', '['];

it('matches 600 random formats against strings made for them as re and _strptime do', () => {
  const piece = fc.oneof(
    fc.tuple(fc.constantFrom(...Object.keys(DIRECTIVE_TEXTS)), fc.nat()).map(([d, k]) => ['%' + d, DIRECTIVE_TEXTS[d][k % DIRECTIVE_TEXTS[d].length]]),
    fc.constantFrom(...LITERALS).map((f) => [f, f]),
    fc.tuple(fc.constantFrom(...LITERALS), fc.constantFrom(...LITERALS)).map(([f, t]) => [f, t]),
  );
  const cases: KernelCase[] = sample(fc.array(piece, { minLength: 1, maxLength: 6 }), 600, 18).map((ps) => ({ op: 'strptime', args: [ps.map((p) => p[1]).join(''), ps.map((p) => p[0]).join('')] }));
  expect(mismatches(cases)).toEqual([]);
});

it('round-trips 400 random datetimes through strftime and strptime as CPython does', () => {
  const formats = fc.constantFrom('%Y-%m-%dT%H:%M:%S.%f%z', '%d/%b/%Y:%H:%M:%S %z', '%a %b %d %H:%M:%S %Y', '%A %B %d %y %I %p', '%j %Y %H%M%S', '%G-W%V-%u', '%Y %U %w', '%Y %W %a', '%c', '%x %X', '%y%m%d%H%M%S%f', '%e %b %Y');
  const cases: KernelCase[] = sample(fc.tuple(datetime, formats), 400, 14).flatMap(([dt, f]) => [{ op: 'strftime', args: [dt, f] }, { op: 'strptime_of_strftime', args: [dt, f] }]);
  expect(mismatches(cases)).toEqual([]);
});

it("formats time.strptime's struct_time with time.strftime as CPython", () => {
  const parsed: [string, string][] = [['2024-03-04 05:06:07', '%Y-%m-%d %H:%M:%S'], ['2024 utc', '%Y %Z'], ['2024 GMT +0130', '%Y %Z %z'], ['2024 GMT -0130', '%Y %Z %z'], ['2024 +0130', '%Y %z'], ['29 2', '%d %m'], ['2024 10 3', '%G %V %u']];
  const formats = ['%c|%Z|%z|%j|%U|%W|%G|%V|%u|%w', '%s', '%10Z|%_5z|%05z|%-6z|%^#Z', '%x %X %p %I %y %C %e'];
  expect(mismatches(parsed.flatMap(([s, p]) => formats.map((f) => ({ op: 'time_strftime', args: [f, s, p] }))))).toEqual([]);
});

it('reads the clock through one function: time(), time_ns() and gmtime() agree with it', () => {
  setClock(() => 1_717_000_000_123_456_789n);
  try {
    expect([time(), timeNs(), structTimeRepr(gmtime())]).toEqual([1717000000.1234567, 1_717_000_000_123_456_789n, 'time.struct_time(tm_year=2024, tm_mon=5, tm_mday=29, tm_hour=16, tm_min=26, tm_sec=40, tm_wday=2, tm_yday=150, tm_isdst=0)']);
  } finally {
    setClock(systemClock);
  }
  // the real clock: within a second of Date.now()
  expect(Math.abs(time() * 1000 - Date.now())).toBeLessThan(1000);
});

it('converts timestamps as CPython: rounding half to even, the ranges, and gmtime', () => {
  const ts = fc.oneof(fc.integer({ min: -63_000_000_000, max: 254_000_000_000 }), fc.double({ min: -7e10, max: 3e11, noNaN: true }).map(F), fc.integer({ min: -1e6, max: 1e6 }).map((n) => F(n / 1e6 + 0.0000005)));
  const cases: KernelCase[] = [
    ...[0, -1, F(0.5e-6), F(1.5e-6), F(2.5e-6), F(-0.5e-6), F(1e20), F(-1e13), 253402300800, 253402300799, -62135596800, -62135596801, F(NaN), F(Infinity), 2 ** 62, F(1e300), F(-1e16), true].flatMap((t) => [
      { op: 'fromts', args: [t, null] }, { op: 'fromts', args: [t, [3600, 0, null]] }, { op: 'gmtime', args: [t] },
    ]),
    ...sample(fc.tuple(ts, tzArg), 300, 15).map((a) => ({ op: 'fromts', args: a })),
    ...sample(ts, 200, 16).map((t) => ({ op: 'gmtime', args: [t] })),
    ...sample(datetime, 300, 17).map((dt) => ({ op: 'timestamp', args: [dt] })),
  ];
  expect(mismatches(cases)).toEqual([]);
});

/** Inputs chosen to be slow, huge or odd: each is answered or refused within the run's budget, in bounded time. */
it('answers hostile formats and strings within the budget', () => {
  const hostile: [string, () => unknown][] = [
    ["strptime('1' * 100000, '%d' * 100000)", () => strptimeDatetime('1'.repeat(100000), '%d'.repeat(100000))],
    ["strptime(' ' * 1000000 + 'x', ' %d')", () => strptimeDatetime(' '.repeat(1000000) + 'x', ' %d')],
    ["strptime(' 1' * 300000, ' %d' + ' x' * 300000)", () => strptimeDatetime(' 1'.repeat(300000), ' %d' + ' x'.repeat(300000))],
    ["strptime('1' * 40 + 'x', '%f%S%M%H%d%m%y%j%U%w%I%V%u%W')", () => strptimeDatetime('1'.repeat(40) + 'x', '%f%S%M%H%d%m%y%j%U%w%I%V%u%W')],
    ["strptime('x' * 500000, 'X' * 500000)", () => strptimeDatetime('x'.repeat(500000), 'X'.repeat(500000))],
    ["strptime(' \\t' * 400000, ' ' * 10 + '%d')", () => strptimeDatetime(' \t'.repeat(400000), ' '.repeat(10) + '%d')],
    ["strptime('2024' + ' ' * 999990, '%Y %Z')", () => strptimeDatetime('2024' + ' '.repeat(999990), '%Y %Z')],
    ["strftime('%c' * 100000)", () => datetimeStrftime(HOSTILE_DT, '%c'.repeat(100000))],
    ["strftime('%Y' * 500000)", () => datetimeStrftime(HOSTILE_DT, '%Y'.repeat(500000))],
    ["strftime('%999999d' * 1000)", () => datetimeStrftime(HOSTILE_DT, '%999999d'.repeat(1000))],
    ["strftime('%_9999999999999999999999d')", () => datetimeStrftime(HOSTILE_DT, '%_9999999999999999999999d')],
    ["strftime('%-' * 400000)", () => datetimeStrftime(HOSTILE_DT, '%-'.repeat(400000))],
    ["strftime('é' * 1000000)", () => datetimeStrftime(HOSTILE_DT, 'é'.repeat(1000000))],
    ["fromisoformat('2020-01-01T01:02:03.' + '1' * 1000000)", () => datetimeFromIsoformat('2020-01-01T01:02:03.' + '1'.repeat(1000000))],
    ["fromisoformat('2020-01-01T' + '+' * 1000000)", () => datetimeFromIsoformat('2020-01-01T' + '+'.repeat(1000000))],
    ['timedelta(days=1e308, weeks=-1e308)', () => makeDelta({ days: new PyFloat(1e308), weeks: new PyFloat(-1e308) })],
    ['timedelta.max * 1e-300 / 1e-300', () => divFloat(mulFloat(DELTA_MAX, 1e-300), 1e-300)],
    ['timedelta.max / timedelta.resolution', () => divDelta(DELTA_MAX, RESOLUTION)],
  ];
  const slow: string[] = [];
  for (const [name, f] of hostile) {
    beginRun(DEFAULT_LIMITS);
    const t0 = performance.now();
    try {
      f();
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
    } finally {
      endRun();
    }
    const ms = performance.now() - t0;
    // a run's own limit is 50 ms; the rest is headroom for a loaded machine (before the fixes: 350 ms to 5 s)
    if (ms > 500) slow.push(`${name}: ${ms.toFixed(0)} ms`);
  }
  expect(slow).toEqual([]);
});

it('words the refusals of hostile inputs as CPython and the size limit do', () => {
  const answer = (f: () => unknown) => {
    // the steps as they are, the clock far away: the words, not the machine's speed, are under test here
    beginRun({ ...DEFAULT_LIMITS, maxMillis: 10_000 });
    try {
      return String(f());
    } catch (e) {
      if (e instanceof PyException) return `${e.type.name}: ${str(e).slice(0, 80)}`;
      throw e;
    } finally {
      endRun();
    }
  };
  expect(answer(() => strptimeDatetime('1'.repeat(100000), '%d'.repeat(100000)))).toBe("error: redefinition of group name 'd' as group 2; was group 1 at position 45");
  expect(answer(() => datetimeStrftime(HOSTILE_DT, '%999999d'.repeat(1000)))).toMatch(/^MemoryError: condition built a value of/);
  expect(answer(() => datetimeStrftime(HOSTILE_DT, '%_9999999999999999999999d'))).toBe('');
  expect(answer(() => strptimeDatetime(' '.repeat(20000) + 'x', ' %d'))).toMatch(/^ValueError: time data ' {60}/);
  expect(answer(() => strptimeDatetime(' '.repeat(1000000) + 'x', ' %d'))).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
});
