import { afterEach, expect, it } from 'vitest';
import { ConditionError, Engine, parseJson, type PyDict } from '../../src/lang/index.js';
import { setClock, systemClock } from '../../src/lang/runtime/datetime/clock.js';
import { repr } from '../../src/lang/runtime/repr.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** The time module: struct_time from gmtime and strptime, strftime, as CPython answers. */
it('answers the time module as CPython does', () => {
  const exprs = [
    'time.gmtime(0)', 'time.gmtime(1715934615.9)', 'time.gmtime(-1)', 'time.gmtime(1715934615)[0], time.gmtime(1715934615).tm_yday, time.gmtime(0).tm_zone, time.gmtime(0).tm_gmtoff', "time.gmtime('x')",
    'tuple(time.gmtime(86400 * 365))', 'time.gmtime(0) == (1970, 1, 1, 0, 0, 0, 3, 1, 0)', 'len(time.gmtime(0)), list(time.gmtime(0))[:3]', 'json.dumps(time.gmtime(0))', 'time.gmtime(1e20)',
    'time.gmtime(10**20)', 'time.gmtime(-10**20)', 'time.gmtime(2**63)', 'time.gmtime(-2**63 - 1)', 'time.gmtime(2**63 - 1)', 'time.gmtime(-2**63)', 'time.gmtime(2**60)', 'time.gmtime(10**16)', 'time.gmtime(2**53)',
    "time.strptime('2024-05-17 08:30:15', '%Y-%m-%d %H:%M:%S')", "time.strptime('17 May 2024', '%d %b %Y').tm_wday", "time.strptime('x', '%Y')", "time.strptime('Fri May 17 08:30:15 2024')",
    "time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(1715934615))", "time.strftime('%a %j %U %%', (2024, 5, 17, 8, 30, 15, 4, 138, 0))", "time.strftime('%Y', (2024, 13, 1, 0, 0, 0, 0, 1, 0))",
    "time.strftime('%Y', (2024, 0, 0, 0, 0, 0, 0, 0, 0))", "time.strftime('%Y', (2024, 1, 1))", "time.strftime('%Y', [2024, 1, 1, 0, 0, 0, 0, 1, 0])", "time.strftime(5)", "time.strftime('%H', (2024, 1, 1, 24, 0, 0, 0, 1, 0))",
    "time.strftime('%Y-%m-%dT%H:%M:%SZ', time.strptime('2024-05-17 08:30:15', '%Y-%m-%d %H:%M:%S'))",
    'type(time.time()).__name__, time.time() > 1.7e9', 'time.monotonic() <= time.monotonic()',
  ];
  expect(compareWithCPython(exprs.map((e) => `import time\nreturn ${e}`))).toEqual([]);
});

/** localtime, mktime and the zone's constants where local time is UTC, as the server's is (TZ=UTC for CPython too): mktime normalises, as glibc's does. */
it('answers localtime and mktime as CPython does in UTC', () => {
  const exprs = [
    'time.localtime(0)', 'time.localtime(1715934615.9), time.localtime(-1.5)', 'time.localtime(0).tm_zone, time.localtime(0).tm_gmtoff', 'time.localtime(None) >= time.gmtime(0)',
    "time.localtime('x')", "time.localtime(float('nan'))", 'time.localtime(1e20)', 'time.localtime(1, 2)', "time.strftime('%Z %z', time.localtime(0))",
    'time.mktime((1970, 1, 1, 0, 0, 0, 0, 0, 0))', 'time.mktime(time.localtime(1715934615)), time.mktime(time.gmtime(12345))', 'time.mktime((1969, 12, 31, 23, 59, 59, 0, 0, -1))',
    'time.mktime((2024, 13, 0, 25, 61, 61, 9, 400, 0))', 'time.mktime((1970, 1, 1, 0, 0, 0, 0, 0, 1)), time.mktime((1970, 1, 1, 0, 0, 0, 0, 0, 100)), time.mktime((1970, 1, 1, 0, 0, 0, 0, 0, -5))',
    'time.mktime((2000, -100000000, 1, 0, 0, 0, 0, 0, 0))', 'time.mktime((2000, 1, 1, 0, 0, -2**31, 0, 0, 0))', 'time.mktime((1, 1, 1, 0, 0, 0, 0, 0, 0))', 'time.mktime((True, 2, 29, 0, 0, 0, 0, 0, 0))',
    'time.mktime((2**31 - 1, 12, 31, 23, 59, 59, 0, 0, 0))', 'time.mktime((2**31 - 1, 13, 1, 0, 0, 0, 0, 0, 0))', 'time.mktime((-2**31 + 1900, 1, 1, 0, 0, 0, 0, 0, 0))', 'time.mktime((-2**31 + 1900, 1, 1, 0, 0, -1, 0, 0, 0))',
    'time.mktime((2**31 - 1, 12, 31, 23, 59, 59 + 2**31 - 1, 0, 0, 0))', 'time.mktime((-2**31 + 1899, 1, 1, 0, 0, 0, 0, 0, 0))',
    "time.mktime(time.struct_time((2000, 1, 1, 0, 0, 0, 0, 0, 0, 'XYZ', 3600)))", "time.mktime(time.struct_time((2000, 1, 1, 0, 0, 0, 0, 0, 0, 5, 3600)))",
    "time.mktime('x')", 'time.mktime((1, 2))', 'time.mktime((1,) * 10)', 'time.mktime((1.0,) * 9)', "time.mktime(('a',) * 9)", 'time.mktime([1] * 9)', 'time.mktime((2**63,) * 9)',
    'time.mktime((2**31,) + (1,) * 8)', 'time.mktime()', 'time.mktime(1, 2)', 'time.mktime(t=1)',
    'time.timezone, time.altzone, time.daylight, time.tzname, type(time.tzname).__name__', "time.strftime('%Z', time.localtime(0)) == time.tzname[0]", 'time.tzname[2]',
  ];
  const saved = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    expect(compareWithCPython(exprs.map((e) => `import time\nreturn ${e}`))).toEqual([]);
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

afterEach(() => setClock(systemClock));

/** time(), time_ns() and gmtime() read the server's clock. */
it('reads the clock', () => {
  setClock(() => 1715934615250999999n);
  const engine = new Engine();
  const run = (body: string) => {
    const program = engine.compile(`import time\nreturn ${body}`, 'standard');
    if (program instanceof ConditionError) throw new Error(program.message);
    try {
      return repr(engine.runStandard(program, parseJson('{"Text": "x"}') as PyDict, 'x', parseJson('{}') as PyDict).value);
    } catch (e) {
      return String((e as { text?: string }).text);
    }
  };
  // CPython's _PyTime_AsSecondsDouble: the nanoseconds as a double, divided by 1e9
  expect(run('time.time()')).toBe('1715934615.2510002');
  expect(run('time.gmtime()')).toBe('time.struct_time(tm_year=2024, tm_mon=5, tm_mday=17, tm_hour=8, tm_min=30, tm_sec=15, tm_wday=4, tm_yday=138, tm_isdst=0)');
  expect(run("time.strftime('%H:%M')")).toBe("'08:30'");
  expect(run('time.time_ns()')).toBe('1715934615250999999');
});

/**
 * time.struct_time as CPython's structseq: made from 9 to 11 items (tm_zone and tm_gmtoff
 * also from a dict) of any value, a tuple of its nine visible ones, its repr, attributes and
 * errors; strftime takes one with its zone and offset.
 */
it('makes and reads struct_time as CPython does', () => {
  const bodies = [
    "return S((1,)*9)",
    "return S(range(9))",
    "return S((1,)*8)",
    "return S((1,)*12)",
    "return S(5)",
    "return S(None)",
    "return S('abcdefghi')",
    "return S((1,)*9, {'tm_zone':'X'}).tm_zone",
    "return S((1,)*11)",
    "return S((1,)*10).tm_gmtoff",
    "return S((1,)*9, 5)",
    "return S()",
    "return S((1,)*9, dict={})",
    "return S(sequence=(1,)*9, dict={'tm_gmtoff': 7}).tm_gmtoff",
    "return S((1,)*9, {}, 3)",
    "return S([1,2,3,4,5,6,7,8,9])[2:5]",
    "return S([1,2,3,4,5,6,7,8,9])[::-2]",
    "return S(range(9)) == tuple(range(9))",
    "return tuple(range(9)) == S(range(9))",
    "return S(range(9)) != tuple(range(9))",
    "return hash(S(range(9))) == hash(tuple(range(9)))",
    "return S(range(9)) + (1,)",
    "return (1,) + S(range(9))",
    "return len(S(range(11)))",
    "return list(S(range(11)))",
    "return [x for x in S(range(10))]",
    "return S(range(11)).tm_zone",
    "return S(range(9)).tm_zone",
    "return S(range(9)).tm_gmtoff",
    "return time.strftime('%Y %m %d %H', S((2020,1,2,3,0,0,0,1,0,'XYZ',3600)))",
    "return time.strftime('%Y', S(('a',)*9))",
    "return time.strftime('%Y', S((2020, 13, 1, 0, 0, 0, 0, 1, 0)))",
    "return S(range(9))[9]",
    "return S(range(9))[-1]",
    "return S(range(9))['a']",
    "return S(range(9)).count(1)",
    "return S(range(9)).index(3)",
    "return type(S(range(9))).__name__",
    "return repr(type(S(range(9))))",
    "return type(S(range(9))) is time.struct_time",
    "return isinstance(S(range(9)), tuple)",
    "return isinstance(time.gmtime(0), time.struct_time)",
    "return S(range(9)) < (0, 2)",
    "return S(range(9)) > S(range(8, -1, -1))",
    "return S(range(9)).n_fields",
    "return S.n_fields, S.n_sequence_fields, S.n_unnamed_fields, time.gmtime(0).n_sequence_fields, type(time.gmtime(0)).n_unnamed_fields",
    "return S.n_nope",
    "return time.gmtime(0) == S((1970,1,1,0,0,0,3,1,0))",
    "return {S(range(9)): 1}",
    "return {S(range(9)), tuple(range(9))}",
    "return repr(S(range(11)))",
    "return str(S(['a', None, 2.5, [1], 5, 6, 7, 8, 9]))",
    "return S(range(9)) * 2",
    "return S((1,)*9, {'tm_zone': 'X', 'foo': 1}).tm_zone",
    "return S((1,)*9, {1:2}).tm_zone",
    "return S((1,)*9, None).tm_zone",
    "return S({1:2,3:4})",
    "return time.gmtime().tm_foo",
    "return S(range(9)).tm_year",
    "return S(range(9)).tm_isdst",
    "return S(range(9)).tm_mday",
    "a, b, *c = S(range(9))\nreturn a, b, c",
    "return sorted(S(range(9)), reverse=True)",
    "return max(S(range(9)))",
    "return 3 in S(range(9))",
    "return 10 in S(range(11))",
    "return bool(S((0,)*9))",
    "return S(S(range(9)))",
    "return S(time.gmtime(86400*365))",
    "return time.gmtime(0)",
    "return time.gmtime(0)[:3]",
    "return time.gmtime(0).tm_zone",
    "return time.strftime('%Y-%m-%d', time.gmtime(10**9))",
    "return json.dumps(S(range(9)))",
    "return json.dumps(time.gmtime(0))",
    "return S(x for x in range(9))",
    "return S(range(9), {'tm_zone': 'Z'}).tm_zone",
    "return S(range(10), {'tm_zone': 'Z', 'tm_gmtoff': 5})",
    "return S(range(10), {'tm_zone': 'Z', 'tm_gmtoff': 5}).tm_zone",
    "return S(range(10), {'tm_zone': 'Z', 'tm_gmtoff': 5}).tm_gmtoff",
    "return S(range(10**6))",
    "return time.strptime('2020', '%Y').tm_zone, time.strptime('2020', '%Y').tm_gmtoff",
    "return time.strptime('2020 UTC', '%Y %Z').tm_zone, time.strptime('2020 +0130', '%Y %z').tm_gmtoff",
    "return datetime.datetime(2020, 1, 2, 3).timetuple(), datetime.datetime(2020, 1, 2).timetuple().tm_zone, datetime.date(2020, 5, 6).timetuple().tm_gmtoff",
    "return time.strftime('%Z|%z|%Y', S((2020,1,2,3,0,0,0,1,0,'XYZ',3600)))",
    "return time.strftime('%Z|%z', S((2020,1,2,3,0,0,0,1,-1,'XYZ',3600)))",
    "return time.strftime('%Z|%z', S((2020,1,2,3,0,0,0,1,0)))",
    "return time.strftime('%Z|%z', time.gmtime(0))",
    "return S((10**30,)*9)",
    "return time.strftime('%Y', S((10**30,) + (1,)*8))",
    "return time.strftime('%Y', S((2**31,) + (1,)*8))",
    "return time.strftime('%Y', S((-2**31,) + (1,)*8))",
    "return time.strftime('%Y', S((1,)*9, {'tm_gmtoff': 10**30}))",
    "return time.strftime('%Y', S((1.5,)*9))",
    "return time.strftime('%Y', S((2020, 1, 1, 0, 0, 0, -2, 1, 0)))",
    "return time.strftime('%Y %j', S((2020, 0, 0, 0, 0, 0, 0, 0, 0)))",
    "return time.strftime('%Y', (2020, 1, 1, 0, 0, 0, 0, 1, 0, 5))",
    "return time.strftime('%Y', [2020, 1, 1, 0, 0, 0, 0, 1, 0])",
    "return S([S(range(9))] * 9)",
    "return S(range(9)) == S(range(9)), S(range(9)) == S(range(10)), S(range(10)) == S(range(11))",
    "return S(range(10**100))",
    "return S(iter(range(9)))",
    "return S({'a': 1})",
    "return time.strftime('%Z', S((2020, 1, 1, 0, 0, 0, 0, 1, 0), {'tm_zone': 5}))",
    "return time.strftime('%z', S((2020, 1, 1, 0, 0, 0, 0, 1, 0), {'tm_gmtoff': 'x'}))",
    "return time.strftime('%z', S((2020, 1, 1, 0, 0, 0, 0, 1, 0), {'tm_gmtoff': 1.5}))",
  ];
  expect(compareWithCPython(bodies.map((b) => `import time, json, datetime\nS = time.struct_time\n${b}`))).toEqual([]);
});

/** A struct_time made from a huge iterable ends at the step budget or the size limit, at once for a range. */
it('stops a hostile struct_time soon', () => {
  const engine = new Engine();
  for (const [body, error] of <[string, string | RegExp][]>[
    ['time.struct_time(range(10**6))', 'TypeError: time.struct_time() takes an at most 11-sequence (1000000-sequence given)'],
    ['time.struct_time(range(10**15))', 'MemoryError: condition built a value of 1000000000000000 items; the limit is 1000000'],
    // an iterator is read item by item: its run stops at the time budget or, on a fast machine first, at the size limit
    ['time.struct_time(iter(range(10**9)))', /^(StepLimitError: condition exceeded its |MemoryError: condition built a value of \d+ items; the limit is 1000000$)/],
    ['time.struct_time(x for x in range(10**9))', /^(StepLimitError: condition exceeded its |MemoryError: condition built a value of \d+ items; the limit is 1000000$)/],
    ['time.struct_time([0] * 10**6)', 'TypeError: time.struct_time() takes an at most 11-sequence (1000000-sequence given)'],
  ]) {
    const t0 = performance.now();
    expect(evaluator(engine, { source: `import time\nreturn ${body}` }).error).toMatch(error);
    expect(performance.now() - t0).toBeLessThan(2000);
  }
});

/**
 * Timestamps past a double's integers: gmtime and its kin work on C's time_t (an int64) and
 * glibc's int year, so from 2**53 on every second counts (a double was off by up to 8 s), the
 * year past a C int is OSError, past time_t OverflowError, and datetime words the year as C's
 * tm_year + 1900, which wraps past 2**31 - 1.
 */
it('converts huge timestamps exactly as CPython does', () => {
  const stamps = [
    '2**53', '2**53+1', '2**53+3', '2**54+7', '2**55-1', '2**55+5', '2**56-1', '2**56', '2**56+1', '-2**53-1', '-2**55-3',
    // the last second of a C int's year, the first past it, and the earliest
    '67767976233532799', '67767976233532800', '67767976233316799', '-67768040609740800', '-67768040609740801',
    '2**60', '2**63-1', '2**63', '-2**63', '-2**63-1', '10**30', 'True',
    '1e16', '1e16+0.5', '2.0**53+2', '-2.0**53-2', '2.0**55+8', '9007199254740993.0', '2**53+0.5', '1.5e17', '6.7767976233532799e16', '-6.77680406097408e16',
    '9.2e18', '9.3e18', '2.0**63', '-2.0**63', '-2.0**63-2048', '-1e17', '1e308', "float('inf')", "float('-inf')", "float('nan')",
    '253402300800', '253402300799.9', '-62135596800', '-62135596801', '-62135596800.5', '-62135510400',
  ];
  const calls = ['time.gmtime', 'time.localtime', 'datetime.datetime.utcfromtimestamp', 'datetime.datetime.fromtimestamp', 'datetime.date.fromtimestamp'];
  const bodies = calls.flatMap((f) => stamps.map((x) => `r = ${f}(${x})\nreturn tuple(r) if isinstance(r, time.struct_time) else r`));
  expect(compareWithCPython(bodies.map((b) => `import time, datetime\n${b}`))).toEqual([]);
});
