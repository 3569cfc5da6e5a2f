/**
 * Seeded random datetime.tzinfo subclasses whose utcoffset, dst, tzname and fromutc answer
 * odd types, out-of-range or fractional offsets, raise, recurse, count their calls or read the
 * datetime they are given, each put through the operations that ask a zone (arithmetic,
 * comparison, hashing, astimezone, timestamps, strftime, isoformat) and compared with CPython 3.11.
 * No method recurses without end: the sandbox's RecursionError is caught by no `except`
 * (README, Deliberate differences), so one would end the whole program.
 */
import { describe, expect, it } from 'vitest';
import { random } from '../../src/bench/workload.js';
import { compareWithCPython } from '../support/cpython.js';
import { announceSeed } from '../support/fuzz-seed.js';

const PROGRAMS = 200;

const OFFSETS = [
  'None', '0', "'1h'", 'datetime.timedelta(hours=1)', 'datetime.timedelta(hours=-5, minutes=-30)', 'datetime.timedelta(hours=24)',
  'datetime.timedelta(hours=-24)', 'datetime.timedelta(hours=23, minutes=59, seconds=59, microseconds=999999)', 'datetime.timedelta(seconds=1.5)',
  'datetime.timedelta(microseconds=-1)', 'datetime.timedelta(minutes=self.n)', 'datetime.timedelta(minutes=dt.minute if dt is not None else 7)',
  'T(minutes=90)', "(_ for _ in ()).throw(ValueError('zone'))", 'dt',
];
const DSTS = ['None', 'datetime.timedelta(0)', 'datetime.timedelta(hours=1)', 'datetime.timedelta(hours=-2)', "'x'", 'datetime.timedelta(days=2)', "(_ for _ in ()).throw(KeyError('dst'))"];
const NAMES = ["'Z%z'", 'None', '5', "S('sub')", "'é\\x00'", "'%'", "'x' * 300"];
const FROMUTCS = ['dt', 'dt + datetime.timedelta(hours=1)', '5', 'dt.replace(tzinfo=None)', 'super().fromutc(dt)', 'datetime.datetime(2001, 1, 1, tzinfo=self)'];
const OPS = [
  'a.utcoffset()', 'a.dst()', 'a.tzname()', 'str(a)', 'a.isoformat()', 'a == b', 'a != b', 'a < b', 'a - b', 'b - a', 'a == u', 'a < u', 'a - u',
  'hash(a) == hash(b)', 'a in {u}', 'str(a.astimezone(datetime.timezone.utc))', 'str(u.astimezone(Z()))', 'str(a.astimezone(Z()))', 'a.timestamp()',
  'tuple(a.timetuple())', 'tuple(a.utctimetuple())', "a.strftime('%z|%Z|%%|%Y')", 'str(datetime.datetime.fromtimestamp(86400 * 365, Z()))',
  'str(t)', 't.utcoffset()', 't.tzname()', 't.isoformat()', 't == t', 'hash(t) == hash(t)', "format(a, '%z')", 'str(a + datetime.timedelta(days=1))',
  'str(Z().fromutc(a))', "str(Z().fromutc(datetime.datetime(2020, 5, 5, tzinfo=Z())))", 'Z.n',
];

function program(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const methods: string[] = ['    n = 0'];
  if (r() < 0.8) methods.push(`    def utcoffset(self, dt):\n        Z.n += 1\n        return ${pick(OFFSETS)}`);
  if (r() < 0.6) methods.push(`    def dst(self, dt):\n        return ${pick(DSTS)}`);
  if (r() < 0.5) methods.push(`    def tzname(self, dt):\n        return ${pick(NAMES)}`);
  if (r() < 0.3) methods.push(`    def fromutc(self, dt):\n        return ${pick(FROMUTCS)}`);
  const when = pick(['2020, 3, 8, 2, 30', '1, 1, 1', '9999, 12, 31, 23, 59', '1970, 1, 1', '2021, 6, 15, 12, 7, 3, 999']);
  const ops = Array.from({ length: 2 + Math.floor(r() * 5) }, () => pick(OPS));
  return [
    'import datetime',
    'class T(datetime.timedelta): pass',
    'class S(str): pass',
    `class Z(datetime.tzinfo):\n${methods.join('\n')}`,
    'out = []',
    'try:',
    `    a = datetime.datetime(${when}, tzinfo=Z())`,
    `    b = datetime.datetime(${pick(['2020, 3, 8, 2, 30', '1970, 1, 1', '2020, 3, 8, 3'])}, tzinfo=${pick(['Z()', 'a.tzinfo'])})`,
    '    u = datetime.datetime(2020, 3, 8, tzinfo=datetime.timezone.utc)',
    '    t = datetime.time(4, 5, tzinfo=Z())',
    'except Exception as e:',
    '    return type(e).__name__, str(e)',
    ...ops.flatMap((op) => ['try:', `    out.append(${op})`, 'except Exception as e:', '    out.append((type(e).__name__, str(e)))']),
    'return out',
  ].join('\n');
}

describe('datetime.tzinfo subclasses as zones, seeded', () => {
  const seed = announceSeed('tzinfo-fuzz');
  it(`${PROGRAMS} random zones answer as CPython`, () => {
    const r = random(seed);
    expect(compareWithCPython(Array.from({ length: PROGRAMS }, () => program(r)))).toEqual([]);
  }, 120_000);
});
