import { afterEach, expect, it } from 'vitest';
import { ConditionError, Engine, parseJson, type PyDict } from '../../src/lang/index.js';
import { setClock, systemClock } from '../../src/lang/runtime/datetime/clock.js';
import { repr } from '../../src/lang/runtime/repr.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const IMPORT = 'from datetime import datetime, date, time, timedelta, timezone';

/** The datetime module's types on the kernel: constructors, repr and str, arithmetic, comparisons, methods. */
it('answers datetime as CPython does', () => {
  const exprs = [
    'datetime(2024, 5, 17, 8, 30, 15, 250)', 'datetime(2024, 5, 17)', 'datetime(year=2024, month=2, day=29, hour=23)', 'datetime(2023, 2, 29)', 'datetime(2024, 13, 1)', 'datetime(2024, 1, 1, 24)',
    'datetime(2024.0, 1, 1)', "datetime('2024', 1, 1)", 'datetime(2024, 1, 1, tzinfo=timezone.utc)', 'datetime(2024, 1, 1, tzinfo=5)', 'str(datetime(2024, 5, 17, 8, 30, 15, 250))', 'str(datetime(2024, 5, 17, tzinfo=timezone(timedelta(hours=-3))))',
    'date(2024, 5, 17)', 'str(date(2024, 5, 17))', 'date(1, 1, 1) - timedelta(days=1)', 'date(2024, 2, 28) + timedelta(days=2, hours=30)', 'date(2024, 3, 1) - date(2023, 3, 1)', 'date(2024, 3, 1) - timedelta(seconds=5)',
    'time(8, 30)', 'time(8, 30, 15, 5)', 'str(time(8, 30, 1, 500))', 'time(25)', 'time(1, 2, tzinfo=timezone.utc)', 'time(12).isoformat()', "time(12, 1, 2, 3).isoformat(timespec='milliseconds')",
    'timedelta(days=1, hours=2, minutes=3, seconds=4.5)', 'timedelta(weeks=1, milliseconds=1)', 'timedelta(-1)', 'timedelta(seconds=-1)', 'str(timedelta(days=-1, seconds=5))', 'str(timedelta(hours=50, microseconds=7))',
    'timedelta(days=1e9)', 'timedelta(x=1)', "timedelta('1')", 'timedelta(hours=1.5).total_seconds()', 'timedelta(microseconds=1).total_seconds()', 'timedelta(0)', 'bool(timedelta(0)), bool(timedelta(1))',
    'timedelta(hours=1) + timedelta(minutes=30)', 'timedelta(hours=1) - timedelta(hours=3)', 'timedelta(hours=1) * 2.5', '3 * timedelta(minutes=7)', 'timedelta(hours=1) / timedelta(minutes=7)', 'timedelta(hours=1) // timedelta(minutes=7)',
    'timedelta(hours=1) % timedelta(minutes=7)', 'timedelta(hours=1) / 7', 'timedelta(hours=1) // 7', 'timedelta(hours=1) / 0', 'timedelta(1) + 1', "timedelta(1) * 'a'",
    '-timedelta(hours=1), +timedelta(1), abs(timedelta(-1, 5)), abs(-timedelta(seconds=1))', 'divmod(timedelta(hours=1), timedelta(minutes=7))', 'divmod(timedelta(1), 2)', 'divmod(timedelta(1), timedelta(0))',
    '-datetime(2024, 1, 1)', 'abs(date(2024, 1, 1))', '-timedelta.max', 'abs(timedelta.min)',
    'timedelta(hours=1) < timedelta(hours=2)', 'timedelta(1) == timedelta(hours=24)', 'timedelta(1) == 1', 'timedelta(1) < 1', 'sorted([timedelta(3), timedelta(-1), timedelta(0)])', 'max(timedelta(seconds=5), timedelta(minutes=1))',
    'timedelta(days=1).days, timedelta(hours=25).seconds, timedelta(microseconds=-1).microseconds', 'timedelta.max, timedelta.min, timedelta.resolution',
    'datetime(2024, 1, 31, 23) + timedelta(hours=2)', 'timedelta(hours=2) + datetime(2024, 1, 31, 23)', 'datetime(2024, 3, 10) - datetime(2024, 1, 1, 12)', 'datetime(2024, 1, 1) - timedelta(microseconds=1)',
    'datetime(9999, 12, 31) + timedelta(days=1)', 'datetime(2024, 1, 1) - date(2024, 1, 1)', 'datetime(2024, 1, 1) + 1',
    'datetime(2024, 1, 1, tzinfo=timezone.utc) - datetime(2024, 1, 1, 2, tzinfo=timezone(timedelta(hours=2)))', 'datetime(2024, 1, 1, tzinfo=timezone.utc) - datetime(2024, 1, 1)',
    'datetime(2024, 1, 1) < datetime(2024, 1, 2)', 'datetime(2024, 1, 1) == datetime(2024, 1, 1, 0, 0, 0, 0)', 'datetime(2024, 1, 1) == date(2024, 1, 1)', 'datetime(2024, 1, 1) < date(2024, 1, 2)',
    'datetime(2024, 1, 1, tzinfo=timezone.utc) == datetime(2024, 1, 1)', 'datetime(2024, 1, 1, tzinfo=timezone.utc) < datetime(2024, 1, 1)',
    'datetime(2024, 1, 1, 2, tzinfo=timezone(timedelta(hours=2))) == datetime(2024, 1, 1, tzinfo=timezone.utc)', 'sorted([datetime(2024, 1, 3), datetime(2023, 5, 1), datetime(2024, 1, 1)])',
    'date(2024, 1, 1) < date(2024, 1, 2), date(2024, 1, 1) == date(2024, 1, 1), date(2024, 1, 1) != date(2024, 1, 2)', 'time(1) < time(2), time(1) == time(1, 0)',
    'len({datetime(2024, 1, 1), datetime(2024, 1, 1), datetime(2024, 1, 1, 2, tzinfo=timezone(timedelta(hours=2))), datetime(2024, 1, 1, tzinfo=timezone.utc)})',
    '{datetime(2024, 1, 1): 1, date(2024, 1, 1): 2, timedelta(1): 3, time(1): 4}', 'datetime(2024, 1, 1) in [datetime(2024, 1, 1)]',
    'sorted({date(2024, 1, d) for d in range(1, 9)})', 'list({datetime(2024, 1, 1, h) for h in range(6)})', 'list({timedelta(seconds=s) for s in range(8)})', 'list({date(2024, m, 1) for m in range(1, 13)})',
    'list({time(h, 30) for h in range(8)})', 'list({datetime(2024, 1, 1, h, tzinfo=timezone.utc) for h in range(6)})',
    'd = datetime(2024, 5, 17, 8, 30)\nreturn d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond, d.tzinfo, d.fold', 'datetime(2024, 5, 17).weekday(), datetime(2024, 5, 17).isoweekday(), date(2024, 5, 19).weekday()',
    'datetime(2024, 5, 17, 8, 30, 1, 5).isoformat()', "datetime(2024, 5, 17, 8, 30).isoformat(' ')", "datetime(2024, 5, 17, 8, 30).isoformat(sep='_', timespec='minutes')", "datetime(2024, 5, 17).isoformat(timespec='bad')",
    "datetime(2024, 5, 17).isoformat('ab')", 'date(2024, 5, 17).isoformat()', 'datetime(2024, 5, 17, tzinfo=timezone(timedelta(hours=5, minutes=30))).isoformat()',
    "datetime(2024, 5, 17, 8, 30, 5, 123).strftime('%Y-%m-%d %H:%M:%S.%f %a %b %j %U %w %%')", "date(2024, 5, 17).strftime('%A %d %B %Y %H')", "time(8, 5).strftime('%H:%M %Y')", "datetime(2024, 1, 1, tzinfo=timezone.utc).strftime('%z %Z')",
    "datetime(2024, 5, 17).strftime(5)", 'datetime(2024, 5, 17, 8).replace(hour=9, day=1)', 'datetime(2024, 5, 17).replace(month=2, day=30)', 'datetime(2024, 5, 17, tzinfo=timezone.utc).replace(tzinfo=None)',
    'date(2024, 5, 17).replace(year=2023)', 'time(8).replace(minute=5)', 'datetime(2024, 5, 17).replace(foo=1)',
    "datetime.fromisoformat('2024-05-17T08:30:15.250+02:00')", "datetime.fromisoformat('2024-05-17')", "datetime.fromisoformat('2024-05-17 08:30')", "datetime.fromisoformat('nope')", "date.fromisoformat('2024-05-17')", "time.fromisoformat('08:30:01')",
    "datetime.strptime('2024-05-17 08:30:15', '%Y-%m-%d %H:%M:%S')", "datetime.strptime('17/May/2024:08:30:15 +0200', '%d/%b/%Y:%H:%M:%S %z')", "datetime.strptime('2024', '%m')", "datetime.strptime('x', 5)",
    "datetime.strptime(log['@timestamp'], '%Y-%m-%dT%H:%M:%S.%f')", "datetime(2024, 1, 1, tzinfo=timezone.utc).timestamp()", "datetime(1970, 1, 2).timestamp()", "datetime(2024, 5, 17, 8, 30, 15, 250).timestamp()",
    'datetime.fromtimestamp(1715934615.25, timezone.utc)', 'datetime.fromtimestamp(0, tz=timezone(timedelta(hours=-5)))', 'datetime.fromtimestamp(1715934615)', 'datetime.utcfromtimestamp(86400.5)', "datetime.fromtimestamp('x')",
    'date.fromtimestamp(1715934615)', 'date.fromordinal(738000)', 'date(2024, 5, 17).toordinal()', 'datetime.combine(date(2024, 5, 17), time(8, 30))', 'datetime.combine(date(2024, 5, 17), time(8, 30), timezone.utc)',
    'datetime(2024, 5, 17, 8, 30).date(), datetime(2024, 5, 17, 8, 30, tzinfo=timezone.utc).time(), datetime(2024, 5, 17, 8, 30, tzinfo=timezone.utc).timetz()',
    'datetime(2024, 5, 17, 8, tzinfo=timezone.utc).astimezone(timezone(timedelta(hours=2)))', 'datetime(2024, 5, 17, 8, tzinfo=timezone.utc).utcoffset(), datetime(2024, 5, 17).utcoffset(), datetime(2024, 5, 17, tzinfo=timezone.utc).tzname()',
    'timezone.utc', 'timezone(timedelta(hours=2))', "timezone(timedelta(hours=-2, minutes=-30), 'XST')", 'timezone(timedelta(hours=24))', 'timezone(5)', 'str(timezone(timedelta(hours=2)))', 'str(timezone.utc)',
    'timezone(timedelta(0)) is timezone.utc', 'timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), "X")', 'timezone.utc.utcoffset(None), timezone.utc.tzname(None), timezone.utc.dst(None)', 'timezone.min, timezone.max',
    'datetime.min, datetime.max, date.min, date.max, time.min, time.max', 'type(datetime(2024, 1, 1)).__name__, type(timedelta(1)).__name__', 'datetime, date, time, timedelta, timezone',
    'isinstance(datetime(2024, 1, 1), datetime), isinstance(date(2024, 1, 1), date), isinstance(timedelta(0), timedelta)', 'isinstance(datetime(2024, 1, 1), date), isinstance(date(2024, 1, 1), datetime)',
    'date(2024, 12, 30).isocalendar(), datetime(2021, 1, 3).isocalendar().week, date(2024, 5, 17).isocalendar()[0]', 'datetime(2024, 5, 17, 8, 30, 15).timetuple()', 'date(2024, 5, 17).timetuple().tm_yday',
    'datetime(2024, 5, 17, tzinfo=timezone.utc).timetuple()', 'datetime(2024, 1, 1).nope', 'datetime.nope',
    'timedelta(days=10**9)', 'timedelta(seconds=1e300)', "timedelta(days=float('nan'))", 'datetime.max + timedelta(microseconds=1)', 'date.min - timedelta(1)', 'timedelta.max + timedelta.resolution', 'timedelta.max * 2',
    "datetime(2024, 1, 1).strftime('%Y' * 5000)[:12]", "datetime.strptime('2024' * 50, '%Y' * 50)", "datetime.strptime('a' * 5000, '(a*)*b')", 'datetime.fromtimestamp(1e20)', 'datetime.fromtimestamp(-1e12)',
    "json.dumps(datetime(2024, 1, 1))", "json.dumps({'t': timedelta(1)})", "json.dumps(str(datetime(2024, 1, 1)))", 'f"{datetime(2024, 1, 1)!r} {date(2024, 1, 1)}"', 'f"{datetime(2024, 1, 1, 8, 5):%H:%M} {date(2024, 5, 17):%d/%m} {time(7):%H}h"', "format(datetime(2024, 1, 1), '%Y')", "'{:%Y-%m}'.format(date(2024, 3, 1))",
    'f"{timedelta(1):>5}"', 'f"{timezone.utc:x}"',
    // a field is PyArg_Parse's "i": a C long, then within a C int, each with its words
    'date(2**40, 1, 1)', 'date(-2**40, 1, 1)', 'date(2**62, 1, 1)', 'date(10**300, 1, 1)', 'date(-2**64, 1, 1)', 'date(2024, 1, 1).replace(day=2**31)', 'date.fromordinal(2**70)',
    'datetime(2024, 1, 1, fold=2**31)', 'datetime(2024, 1, 1, microsecond=-2**31-1)', 'time(fold=2**64)', 'datetime(2024, 1, 1).replace(hour=2**40)', 'date(True, True, True)',
  ];
  const log = { Text: 'ALMA log line', '@timestamp': '2024-05-17T08:30:15.250' };
  expect(compareWithCPython([
    ...exprs.map((e) => ({ source: `${IMPORT}\n${e.includes('\n') ? e : `return ${e}`}`, log })),
    // part 4: what a true condition leaves in data goes through the original's JSON round trip
    { source: `${IMPORT}\ndata['seen'] = datetime(2024, 1, 1)\nreturn True`, log },
    { source: `${IMPORT}\ndata['seen'] = [timedelta(1)]\nreturn False`, log },
    { source: `${IMPORT}\ndata['seen'] = datetime(2024, 1, 1).isoformat()\nreturn True`, log },
    { source: `${IMPORT}\ndata['seen'] = datetime(2024, 1, 1)\nreturn json.dumps(data, default=str)`, log },
    { source: "import datetime\nreturn datetime.datetime(2024, 1, 1) + datetime.timedelta(days=1), datetime.MINYEAR, datetime.MAXYEAR", log },
    { source: "import datetime as dt\nt = dt.datetime.strptime(log['@timestamp'], '%Y-%m-%dT%H:%M:%S.%f')\nreturn (dt.datetime(2024, 5, 17, 9) - t).total_seconds() > 1800", log },
  ])).toEqual([]);
});

afterEach(() => setClock(systemClock));

/** now(), utcnow() and today() read the server's clock (UTC), through the one place the runtime reads it. */
/** Ints past a C int and a C long in every int field, as the "i" format words them (a C long first); timedelta's components exact at any size, past a C int of days in its words. */
it('answers huge ints in datetime as CPython does', () => {
  const BIG = ['10**20', '-10**20', '2**63', '2**63 - 1', '-2**63', '-2**63 - 1', '2**31', '-2**31 - 1', '2**64'];
  const GRID = [
    'date(B, 1, 1)', 'date(2000, B, 1)', 'date(2000, 1, B)', 'datetime(B, 1, 1)', 'datetime(2000, 1, 1, B)', 'datetime(2000, 1, 1, 0, 0, 0, B)', 'datetime(2000, 1, 1, fold=B)',
    'time(B)', 'time(0, B)', 'time(0, 0, 0, B)', 'time(fold=B)', 'time(0, 0, 0, 0, None, fold=B)',
    'timedelta(B)', 'timedelta(seconds=B)', 'timedelta(microseconds=B)', 'timedelta(weeks=B)', 'timedelta(hours=B)', 'timedelta(days=1.5, microseconds=B)', 'timedelta(milliseconds=B, minutes=-B // 60000)',
    'date.fromordinal(B)', 'datetime.fromordinal(B)', 'date(2000, 1, 1).replace(year=B)', 'datetime(2000, 1, 1).replace(month=B)', 'time().replace(hour=B)', 'date.today().replace(day=B)',
    'date.fromisocalendar(B, 1, 1)', 'date.fromisocalendar(2000, B, 1)', 'datetime.fromisocalendar(2000, 1, B)',
    'date.fromtimestamp(B)', 'datetime.fromtimestamp(B)', 'datetime.utcfromtimestamp(B)',
    'timedelta(1) * B', 'B * timedelta(microseconds=1)', 'timedelta(1) // B', 'timedelta(1) / B', 'timedelta(B) / 2', 'date(2000, 1, 1) + timedelta(B)', 'timezone(timedelta(hours=B))', 'timedelta(days=B).total_seconds()',
  ];
  expect(compareWithCPython(GRID.flatMap((e) => BIG.map((b) => `${IMPORT}\nreturn ${e.replaceAll('B', `(${b})`)}`)))).toEqual([]);
  expect(compareWithCPython([
    `import datetime
D = datetime.date
return D.fromisocalendar(2020, 53, 7), D.fromisocalendar(2021, 1, 1), D.fromisocalendar(year=2004, week=1, day=1), D.fromisocalendar(1, 1, 1), D.fromisocalendar(9999, 52, 5), datetime.datetime.fromisocalendar(2024, 10, 3), datetime.datetime.fromordinal(738000), datetime.datetime.fromordinal(1)`,
    `import datetime
return datetime.date.fromisocalendar(2021, 53, 1)`,
    `import datetime
return datetime.date.fromisocalendar(0, 1, 1)`,
    `import datetime
return datetime.date.fromisocalendar(10000, 1, 1)`,
    `import datetime
return datetime.date.fromisocalendar(9999, 52, 6)`,
    `import datetime
return datetime.date.fromisocalendar(2020, 0, 1)`,
    `import datetime
return datetime.date.fromisocalendar(2020, 1, 8)`,
    `import datetime
return datetime.date.fromisocalendar(2020, 1, 0)`,
    `import datetime
return datetime.date.fromisocalendar(2020, 1)`,
    `import datetime
return datetime.date.fromisocalendar(2020, 1, 1.5)`,
    `import datetime
return datetime.date.fromisocalendar('2020', 1, 1)`,
    `import datetime
return datetime.date.fromisocalendar(2020, 1, 1, 1)`,
    `import datetime
return datetime.date.fromisocalendar(2020, 1, days=1)`,
    `import datetime
return datetime.datetime.fromordinal(0)`,
    `import datetime
return datetime.datetime.fromordinal(3652060)`,
    `import datetime
return datetime.datetime.fromordinal(1.0)`,
    `import datetime
return datetime.datetime.fromordinal()`,
    `import datetime
class I(int):
    pass
T = datetime.timedelta
return T(I(3)), T(1) * I(2), T(10) // I(3), T(10) / I(4), I(2) * T(1), T(days=10**9 - 1, hours=23), T(microseconds=-10**20 // 10**5), T(seconds=10**13), T(1) * 10**8, T(1) // 10**25, T(10**9 - 1) / 10**30, divmod(T(5), T(2)), T(1) * True, T(seconds=2**53 + 1)`,
    `import datetime
return datetime.timedelta(days=10**9)`,
    `import datetime
return datetime.timedelta(minutes=10**20, seconds=-6 * 10**21)`,
    `import datetime
return datetime.timedelta(10**4000)`,
    `import datetime
return datetime.timedelta(1) * 10**4000`,
    `import datetime
return datetime.timedelta(1) / 0`,
    `import datetime
return datetime.timedelta(1) // (10**30 - 10**30)`,
    `import datetime
return datetime.date(2000, 1, 1) + datetime.timedelta(10**9 - 1)`,
    `import datetime
return datetime.date(True, True, True), datetime.time(True), datetime.datetime(2000, 1, 1, fold=True).fold`,
    `import datetime
return datetime.date(2**31 - 1, 1, 1)`,
    `import datetime
return datetime.date(-2**31, 1, 1)`,
    `import datetime
return datetime.time(2**63 - 1)`,
    `import datetime
return datetime.time(-2**63)`,
    `import datetime
return datetime.time(-2**63 - 1)`,
    `import datetime
return datetime.date.fromordinal(ordinal=1)`,
    `import datetime
return datetime.date.fromordinal(1, 2)`,
  ])).toEqual([]);
});

/**
 * A naive value (or one whose zone's utcoffset() is None) is local time: local_to_seconds probes
 * the local time a day earlier (a day later at fold=1), whose year is 0 or 10000 within a day of
 * the calendar's ends.
 */
it('refuses local time within a day of the calendar\'s ends as CPython does', () => {
  const values = ['datetime(1, 1, 1)', 'datetime(1, 1, 1, 23, 59, 59, 999999)', 'datetime(1, 1, 1, 5, fold=1)', 'datetime(1, 1, 2)', 'datetime(9999, 12, 31, 23, fold=1)',
    'datetime(9999, 12, 30, 23, 59, fold=1)', 'datetime(9999, 12, 31, 23, 59)', 'datetime(1, 1, 1, 3, tzinfo=Z())', 'datetime(9999, 12, 31, fold=1, tzinfo=Z())'];
  const ops = ['x.timestamp()', 'x.astimezone(timezone.utc)', 'x.astimezone()', 'x.astimezone(Z())', 'x.astimezone(timezone(timedelta(hours=-3)))', 'x.utctimetuple()'];
  const zone = "from datetime import tzinfo\nclass Z(tzinfo):\n    def utcoffset(self, dt):\n        return None\n    def __repr__(self):\n        return 'Z'";
  expect(compareWithCPython(values.flatMap((x) => ops.map((op) => `${IMPORT}\n${zone}\nx = ${x}\nreturn ${op}`)))).toEqual([]);
});

/** wrap_strftime reads the format up to its first NUL, and what it built (a tzname's NUL included) up to the first NUL again. */
it('ends a datetime\'s strftime format at a NUL as CPython does', () => {
  const zone = (name: string) => `from datetime import tzinfo\nclass Z(tzinfo):\n    def utcoffset(self, dt):\n        data['o'] = data.get('o', 0) + 1\n        return timedelta(hours=1)\n    def tzname(self, dt):\n        data['n'] = data.get('n', 0) + 1\n        return ${JSON.stringify(name)}\n    def dst(self, dt):\n        return None\n`;
  expect(compareWithCPython([
    "return datetime(2020, 1, 1).strftime('a\\x00b'), datetime(2020, 1, 1).strftime('a\\x00%Y'), datetime(2020, 1, 1).strftime('%Y%\\x00%Y'), datetime(2020, 1, 1).strftime('\\x00')",
    "return date(2020, 1, 1).strftime('a\\x00b'), time(1).strftime('%H\\x00b'), format(date(2020, 1, 1), 'x\\x00y')",
    "return datetime(2020, 1, 1, tzinfo=timezone(timedelta(0), 'a\\x00b')).strftime('%Z|x')",
    `${zone('a\\x00b')}return datetime(2020, 1, 1, tzinfo=Z()).strftime('%Z|%z|%Y'), data`,
    `${zone('ab')}return datetime(2020, 1, 1, tzinfo=Z()).strftime('%z\\x00%Z|%z'), data`,
    `${zone('%\\x00%')}return datetime(2020, 1, 1, tzinfo=Z()).strftime('%Z%Y'), time(1, tzinfo=Z()).strftime('x%Z%H'), data`,
    "import time as t\nreturn t.strftime('a\\x00b')",
  ].map((s) => `${IMPORT}\n${s}`))).toEqual([]);
});

/** An int of millions of bits is paid for before timedelta scales or divides by it: the budget stops a loop of them. */
it('stops timedelta on huge ints at the budget, soon', () => {
  const engine = new Engine();
  for (const op of ['timedelta(microseconds=x)', 'timedelta(days=1.5, seconds=x, microseconds=-x * 10**6)', 'timedelta(1) * x', 'timedelta(1) // x', 'timedelta(1) / x']) {
    const source = `${IMPORT}\nx = 1 << 2**26\nfor _ in range(100):\n    try:\n        ${op}\n    except OverflowError:\n        pass`;
    const start = performance.now();
    expect(evaluator(engine, { source }).error, op).toMatch(/^StepLimitError: /);
    // the budget's 50 ms and the int's own making, with room for a loaded machine
    expect(performance.now() - start, op).toBeLessThan(2000);
  }
});

it('reads the clock for now(), utcnow() and today()', () => {
  // 2024-05-17T08:30:15.250999999Z
  setClock(() => 1715934615250999999n);
  const engine = new Engine();
  const log = parseJson('{"Text": "x"}') as PyDict;
  const run = (body: string) => {
    const program = engine.compile(`${IMPORT}\nreturn ${body}`, 'standard');
    if (program instanceof ConditionError) throw new Error(program.message);
    return repr(engine.runStandard(program, log, 'x', parseJson('{}') as PyDict).value);
  };
  expect(run('datetime.now()')).toBe('datetime.datetime(2024, 5, 17, 8, 30, 15, 250999)');
  expect(run('datetime.utcnow()')).toBe('datetime.datetime(2024, 5, 17, 8, 30, 15, 250999)');
  expect(run('datetime.now(timezone(timedelta(hours=2)))')).toBe('datetime.datetime(2024, 5, 17, 10, 30, 15, 250999, tzinfo=datetime.timezone(datetime.timedelta(seconds=7200)))');
  expect(run('datetime.now(tz=timezone.utc).timestamp()')).toBe('1715934615.250999');
  expect(run('date.today()')).toBe('datetime.date(2024, 5, 17)');
  setClock(systemClock);
  const year = Number(run('datetime.now().year'));
  expect(year).toBe(new Date().getUTCFullYear());
});

/** Found by hunt-d: ctime(), timezone.fromutc, datetime.UTC, class attributes read through an instance, a timezone kept as itself, strptime's positional-only words. */
it('answers the smaller parts of datetime as CPython does', () => {
  const exprs = [
    'date(2024,1,1).ctime(), datetime(999,12,31,23,59,59).ctime(), date(1,1,1).ctime(), datetime(2024,2,29,1,2,3,4,timezone.utc).ctime()', 'date(2024,1,1).ctime(1)', 'datetime.ctime(datetime(2024,1,1))', 'date.ctime(date(2024,1,10))',
    'timezone.utc.fromutc(datetime(2024,1,1))', 'timezone.utc.fromutc(datetime(2024,1,1, tzinfo=timezone.utc))', 'timezone.utc.fromutc(5)', 'timezone.utc.fromutc()', 'timezone.utc.fromutc(dt=datetime(2024,1,1))',
    'timezone(timedelta(hours=2)).fromutc(datetime(2024,1,1, tzinfo=timezone(timedelta(hours=2))))',
    'tz = timezone(timedelta(hours=1))\nreturn tz.fromutc(datetime(2024,1,1,tzinfo=tz))', 'tz = timezone(timedelta(hours=1))\nreturn tz.fromutc(datetime.max.replace(tzinfo=tz))',
    'tz = timezone(timedelta(hours=1))\nd = datetime(2024,1,1,tzinfo=tz)\nreturn d.tzinfo is tz, d.tzinfo is d.tzinfo, time(1, tzinfo=tz).tzinfo is tz',
    'tz = timezone(timedelta(hours=1), "A")\nreturn datetime(2024,1,1,tzinfo=tz).astimezone(tz).tzinfo is tz',
    'import datetime as m\nreturn m.UTC, m.UTC is timezone.utc',
    'datetime.max.resolution, timedelta(1).max, date.min.max, timezone.utc.utc, timezone.utc.min, time(1).max',
    'date(2024,1,1).today() > date(2000,1,1), datetime(2024,1,1).fromordinal(5), date(2024,1,1).fromisoformat("2024-01-02"), time(1).fromisoformat("12:00")',
    'class D(date): pass\nreturn D(2024,1,1).today().__class__.__name__, D.today().__class__.__name__, D(2024,1,1).max',
    'class D(datetime): pass\nreturn type(D(2024,1,1).now()).__name__, D(2024,1,1).resolution, type(D(2024,1,1).fromordinal(3)).__name__',
    'timezone(timedelta(hours=1), None)',
    "datetime.strptime('2024')", "datetime.strptime('2024', '%Y', 1)", "datetime.strptime(string='2024', format='%Y')", "datetime.strptime('2024', format='%Y')",
  ];
  expect(compareWithCPython(exprs.map((e) => `${IMPORT}\n${e.includes('\n') ? e : `return ${e}`}`))).toEqual([]);
});

/** wrap_strftime reads the format as UTF-8 before anything: a lone surrogate is UnicodeEncodeError at its place (time.strftime encodes for the locale, which the oracle's takes). */
it('refuses a lone surrogate in a datetime format as CPython does', () => {
  expect(compareWithCPython([
    "import datetime\nd = datetime.datetime(2024, 1, 7)\nout = []\nfor f in ['\\ud800', 'ab\\ud800', '%Y\\udc80', '%f\\ud800', '\\udcff%d', 'a\\x00\\ud800']:\n    try:\n        out.append(d.strftime(f))\n    except UnicodeEncodeError as e:\n        out.append((str(e), e.start, e.end, e.object == f))\nreturn out",
    "import datetime\ntry:\n    format(datetime.date(2024, 1, 1), '%Y\\ud800')\nexcept UnicodeEncodeError as e:\n    return str(e)",
    "import datetime\nreturn datetime.time(1).strftime('%H\ud83d\ude00'), datetime.date(2024, 1, 1).strftime('\u00e9%d')",
  ])).toEqual([]);
});
