import { afterEach, expect, it } from 'vitest';
import { ConditionError, Engine, parseJson, type PyDict } from '../../src/lang/index.js';
import { setClock, systemClock } from '../../src/lang/runtime/datetime/clock.js';
import { repr } from '../../src/lang/runtime/repr.js';
import { compareWithCPython } from '../support/cpython.js';

/** The time module: struct_time from gmtime and strptime, strftime, as CPython answers. */
it('answers the time module as CPython does', () => {
  const exprs = [
    'time.gmtime(0)', 'time.gmtime(1715934615.9)', 'time.gmtime(-1)', 'time.gmtime(1715934615)[0], time.gmtime(1715934615).tm_yday, time.gmtime(0).tm_zone, time.gmtime(0).tm_gmtoff', "time.gmtime('x')",
    'tuple(time.gmtime(86400 * 365))', 'time.gmtime(0) == (1970, 1, 1, 0, 0, 0, 3, 1, 0)', 'len(time.gmtime(0)), list(time.gmtime(0))[:3]', 'json.dumps(time.gmtime(0))', 'time.gmtime(1e20)',
    "time.strptime('2024-05-17 08:30:15', '%Y-%m-%d %H:%M:%S')", "time.strptime('17 May 2024', '%d %b %Y').tm_wday", "time.strptime('x', '%Y')", "time.strptime('Fri May 17 08:30:15 2024')",
    "time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(1715934615))", "time.strftime('%a %j %U %%', (2024, 5, 17, 8, 30, 15, 4, 138, 0))", "time.strftime('%Y', (2024, 13, 1, 0, 0, 0, 0, 1, 0))",
    "time.strftime('%Y', (2024, 0, 0, 0, 0, 0, 0, 0, 0))", "time.strftime('%Y', (2024, 1, 1))", "time.strftime('%Y', [2024, 1, 1, 0, 0, 0, 0, 1, 0])", "time.strftime(5)", "time.strftime('%H', (2024, 1, 1, 24, 0, 0, 0, 1, 0))",
    "time.strftime('%Y-%m-%dT%H:%M:%SZ', time.strptime('2024-05-17 08:30:15', '%Y-%m-%d %H:%M:%S'))",
    'type(time.time()).__name__, time.time() > 1.7e9', 'time.monotonic() <= time.monotonic()',
  ];
  expect(compareWithCPython(exprs.map((e) => `import time\nreturn ${e}`))).toEqual([]);
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
