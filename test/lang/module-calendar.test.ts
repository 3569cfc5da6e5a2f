/**
 * The calendar module, as CPython 3.11's Lib/calendar.py answers: every function and class on
 * ordinary and odd arguments (year 0, 9999, 10000, negative, bools, floats, huge ints), with
 * their errors; its state kept per run; its refusals; and hostile sizes ending at the limits.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { cpython, evaluator, type Case } from '../support/cpython.js';

const EXPRS = [
  "calendar.isleap(2024)",
  "calendar.isleap(1900)",
  "calendar.isleap(2000.0)",
  "calendar.isleap('x')",
  "calendar.isleap('%d')",
  "calendar.isleap(True)",
  "calendar.isleap(10**30)",
  "calendar.leapdays(1, 10000)",
  "calendar.leapdays(2000.5, 2024)",
  "calendar.leapdays([1], 2)",
  "calendar.leapdays(-400, 400)",
  "calendar.weekday(2024, 2, 29)",
  "calendar.weekday(0, 1, 1)",
  "calendar.weekday(10000, 1, 1)",
  "calendar.weekday(-5, 3, 1)",
  "calendar.weekday(2023, 2, 29)",
  "calendar.weekday(2024.0, 1, 1)",
  "calendar.weekday(True, True, True)",
  "calendar.weekday(10**30, 1, 1)",
  "calendar.monthrange(2024, 2)",
  "calendar.monthrange(2024, 13)",
  "calendar.monthrange(2024, 0)",
  "calendar.monthrange(1900, 2)",
  "calendar.monthrange(2024, 'x')",
  "calendar.monthrange(2024, 2.0)",
  "calendar.monthrange(2024, True)",
  "calendar.monthrange(9999, 12)",
  "calendar.monthrange(0, 12)",
  "calendar.monthcalendar(2024, 2)",
  "calendar.monthcalendar(2024, 13)",
  "calendar.timegm((2024, 1, 1, 0, 0, 0))",
  "calendar.timegm((2024, 1, 1, 0, 0, 0.5))",
  "calendar.timegm((2024, 1))",
  "calendar.timegm(5)",
  "calendar.timegm((2024, 1, 45, 25, 61, 61, 0, 0, 0))",
  "calendar.firstweekday()",
  "calendar.month(2024, 2)",
  "calendar.month(2024, 2, 3, 2)",
  "calendar.calendar(2024)",
  "calendar.calendar(2024, 3, 1, 4, 4)",
  "calendar.calendar(0)",
  "calendar.calendar(9999)",
  "calendar.month(9999, 12)",
  "calendar.month(1, 1)",
  "calendar.weekheader(2)",
  "calendar.weekheader(9)",
  "calendar.weekheader(1)",
  "calendar.weekheader(20)",
  "calendar.month_name[1]",
  "calendar.month_name[0]",
  "calendar.month_name[-1]",
  "calendar.month_name[13]",
  "calendar.month_name['a']",
  "calendar.month_name[1:4]",
  "calendar.month_name[::-3]",
  "list(calendar.month_name)",
  "list(calendar.day_abbr)",
  "len(calendar.day_name)",
  "calendar.day_name[6]",
  "calendar.month_abbr[:]",
  "'May' in calendar.month_name",
  "repr(calendar.month_name)",
  "type(calendar.day_name)",
  "calendar.month_name.format",
  "calendar.day_abbr[True]",
  "calendar.MONDAY, calendar.SUNDAY, calendar.January, calendar.February, calendar.EPOCH",
  "calendar.error",
  "calendar.IllegalMonthError",
  "calendar.IllegalMonthError(5).month",
  "str(calendar.IllegalMonthError('x'))",
  "calendar.IllegalMonthError(5).args",
  "repr(calendar.IllegalWeekdayError(9))",
  "calendar.IllegalMonthError()",
  "issubclass(calendar.IllegalMonthError, ValueError)",
  "calendar.setfirstweekday(7)",
  "calendar.setfirstweekday(-1)",
  "calendar.setfirstweekday('x')",
  "list(calendar.Calendar().iterweekdays())",
  "list(calendar.Calendar(6).iterweekdays())",
  "list(calendar.Calendar(9).iterweekdays())",
  "calendar.Calendar(9).firstweekday",
  "calendar.Calendar(-1).firstweekday",
  "list(calendar.Calendar().itermonthdays(2024, 2))",
  "list(calendar.Calendar(6).itermonthdays2(2024, 2))",
  "list(calendar.Calendar(3).itermonthdays3(2024, 1))",
  "list(calendar.Calendar(3).itermonthdays4(2024, 12))",
  "list(calendar.Calendar().itermonthdates(2024, 3))",
  "calendar.Calendar().itermonthdates(1, 1)",
  "calendar.Calendar().iterweekdays().send(None), calendar.Calendar().itermonthdays(2024, 1).close()",
  "list(calendar.Calendar().itermonthdates(1, 1))",
  "list(calendar.Calendar().itermonthdates(9999, 12))",
  "list(calendar.Calendar().itermonthdays3(9999, 12))",
  "list(calendar.Calendar().itermonthdays3(1, 1))",
  "list(calendar.Calendar(2.5).itermonthdays(2024, 1))",
  "list(calendar.Calendar('x').iterweekdays())",
  "calendar.Calendar().monthdatescalendar(2024, 2)",
  "calendar.Calendar().yeardayscalendar(2024)",
  "calendar.Calendar().yeardays2calendar(2024, 5)",
  "calendar.Calendar().yeardatescalendar(2024, 12)[0][11]",
  "calendar.Calendar().yeardayscalendar(2024, 0)",
  "calendar.Calendar().yeardayscalendar(2024, -1)",
  "calendar.Calendar().yeardayscalendar(2024, 10**20)",
  "calendar.TextCalendar(6).formatmonth(2024, 5)",
  "calendar.TextCalendar().formatyear(2024, 2, 1, 6, 5)",
  "calendar.TextCalendar().formatyear(2024, m=0)",
  "calendar.TextCalendar().formatyear(2024, m=-1)",
  "calendar.TextCalendar().formatday(5, 0, 4)",
  "calendar.TextCalendar().formatday(0, 0, 4)",
  "calendar.TextCalendar().formatweek([(1, 0), (2, 1)], 3)",
  "calendar.TextCalendar().formatweek([(1, 0, 3)], 3)",
  "calendar.TextCalendar().formatweekday(0, 12)",
  "calendar.TextCalendar().formatmonthname(2024, 1, 20)",
  "calendar.TextCalendar().formatmonthname(2024, 1, 20, False)",
  "calendar.TextCalendar().formatmonthname('y', 1, 20)",
  "calendar.TextCalendar().formatmonth()",
  "calendar.TextCalendar().formatmonth(2024, 1, 2, 1, 5)",
  "calendar.TextCalendar().formatmonth(2024, 1, x=1)",
  "calendar.TextCalendar().formatmonth(2024, 1, 2.5)",
  "calendar.TextCalendar().formatmonth(2024, 1, 'a')",
  "calendar.HTMLCalendar().formatmonth(2024, 1)",
  "calendar.HTMLCalendar(6).formatmonth(2024, 1, withyear=False)",
  "calendar.HTMLCalendar().formatyear(2024, 4)",
  "calendar.HTMLCalendar().formatyearpage(2024)[:400]",
  "calendar.HTMLCalendar().formatyearpage(2024, css=None, encoding='ascii')[:300]",
  "calendar.HTMLCalendar().cssclasses",
  "calendar.HTMLCalendar.cssclass_noday",
  "calendar.HTMLCalendar().formatday(0, 3)",
  "calendar.HTMLCalendar().formatday(3, 3)",
  "calendar.HTMLCalendar().formatweekday(2)",
  "calendar.HTMLCalendar().formatweekheader()",
  "calendar.format(['a', 'b'])",
  "calendar.formatstring(['a', 'b'], 5, 2)",
  "calendar.formatstring(['a', 1])",
  "calendar.formatstring(['a'], 5, 'x')",
  "calendar.month",
  "calendar.isleap",
  "calendar.Calendar",
  "calendar.TextCalendar()",
  "calendar.prmonth(2024, 1)",
  "calendar.prcal(2024)",
  "calendar.prweek([(1, 0)], 2)",
  "calendar.week([(1, 0)], 2)",
  "calendar.isleap()",
  "calendar.monthrange(2024)",
  "calendar.weekday(2024, 1, 1, 1)",
  "calendar.calendar(2024, 2, 1, 6, 3, 9)",
  "calendar.Calendar(1, 2)",
  "calendar.Calendar(x=1)",
  "calendar.LocaleTextCalendar",
  "calendar.monthrange(-1, 2)",
  "calendar.monthrange(-10**30, 2)",
  "calendar.monthrange(10**30, 2)",
  "calendar.monthrange(2024, 10**30)",
  "calendar.monthrange(2024, -10**30)",
  "calendar.weekday(10000, 13, 1)",
  "calendar.month(0, 1)",
  "calendar.month(10000, 1)",
  "calendar.month(-1, 12)",
  "calendar.month(10**30, 2)",
  "calendar.month(2024.0, 1)",
  "calendar.month(True, True)",
  "calendar.month(2024, 1, True, True)",
  "calendar.month(2024, 1, -5, -5)",
  "calendar.calendar(2024, m=10**30)",
  "calendar.calendar(2024.5)",
  "calendar.calendar('2024')",
  "calendar.calendar(2024, 2, 1, 6, 2.5)",
  "calendar.calendar(2024, c=2.5)",
  "calendar.calendar(10000)",
  "calendar.timegm((2024, 1, 1, 0, 0))",
  "calendar.timegm([2024, 2, 29, 12, 30, 15.25, 'x'])",
  "calendar.timegm((1969, 12, 31, 23, 59, 59))",
  "calendar.timegm('abcdef')",
  "calendar.Calendar().monthdays2calendar(2024, 2)",
  "calendar.Calendar(True).monthdayscalendar(2024, 2)",
  "calendar.Calendar(10**30).monthdayscalendar(2024, 2)",
  "calendar.Calendar(-10**30).monthdatescalendar(2024, 2)",
  "calendar.HTMLCalendar().formatyear(2024, 10**30)",
  "calendar.HTMLCalendar().formatyear(2024, 0)",
  "calendar.HTMLCalendar().formatyear(2024, 2.5)",
  "calendar.HTMLCalendar().formatmonth(2024, 13)",
  "calendar.HTMLCalendar().formatyearpage(2024.5)",
  "calendar.HTMLCalendar().formatmonthname(2024.5, 2)",
  "calendar.HTMLCalendar.cssclass_year_head, calendar.HTMLCalendar().cssclasses_weekday_head",
  "calendar.Calendar.firstweekday",
  "type(calendar.Calendar())",
  "isinstance(calendar.HTMLCalendar(), calendar.Calendar)",
  "calendar.TextCalendar.formatmonth(calendar.TextCalendar(6), 2024, 1)",
  "calendar.LocaleHTMLCalendar",
  "calendar.day_abbr[-8]",
  "calendar.day_name[1.0]",
  "calendar.month_abbr[10**30]",
  "calendar.month_name[::0]",
  "[d for d in calendar.day_name if 'n' in d]",
  "sorted(calendar.month_abbr)",
  "calendar.month_name[2:1]",
  "calendar.HTMLCalendar.cssclasses, calendar.HTMLCalendar.cssclasses is calendar.HTMLCalendar().cssclasses_weekday_head",
  "calendar.TextCalendar.__qualname__, calendar.TextCalendar.__name__, calendar.IllegalMonthError.__qualname__, type(calendar.HTMLCalendar()).__mro__, calendar.TextCalendar.mro()",
  "calendar.TextCalendar.formatmonth, calendar.TextCalendar.formatmonth.__qualname__, calendar.TextCalendar().formatmonth.__name__",
  "calendar.TextCalendar().nope", "calendar.TextCalendar.nope",
];

const BODIES = [
  "import calendar\nc = calendar.Calendar()\nc.itermonthdays = c.itermonthdays2\nreturn list(c.itermonthdays2(2024, 1))",
  "import calendar\nc = calendar.HTMLCalendar()\ndel c.firstweekday",
  "import calendar\nc = calendar.HTMLCalendar()\ndel c.cssclasses",
  "import calendar\nc = calendar.HTMLCalendar()\nc.cssclasses = ['x'] * 7\ndel c.cssclasses\nreturn c.cssclasses",
  // an instance's own None is its value, not the class's list
  "import calendar\nc = calendar.HTMLCalendar()\nc.cssclass_noday = None\nc.cssclasses = None\nr = [c.formatday(0, 0), c.cssclass_noday, c.cssclasses]\ntry:\n    r.append(c.formatday(3, 0))\nexcept Exception as e:\n    r.append((type(e).__name__, str(e)))\nreturn r",
  "import calendar\nclass H(calendar.HTMLCalendar):\n    cssclasses = ['a', 'b', 'c', 'd', 'e', 'f', 'g']\nreturn H().formatweek([(1, 0), (2, 6)]), H.cssclasses_weekday_head",
  "import calendar\ncalendar.setfirstweekday(6)\nreturn calendar.month(2024, 1), calendar.firstweekday(), calendar.monthcalendar(2024, 1)",
  "import calendar\ncalendar.setfirstweekday(calendar.SUNDAY)\nreturn calendar.calendar(2023)",
  "import calendar\ncalendar.setfirstweekday(2.5)\nreturn calendar.firstweekday()",
  "import calendar\ncalendar.setfirstweekday(2.5)\nreturn calendar.month(2024, 1)",
  "import calendar\ncal = calendar.HTMLCalendar()\ncal.cssclasses = ['a']*7\ncal.cssclass_noday = 'x'\nreturn cal.formatmonth(2024, 2), calendar.HTMLCalendar().cssclasses",
  "import calendar\ncal = calendar.TextCalendar()\ncal.firstweekday = 3\nreturn cal.formatmonth(2024, 2), cal._firstweekday, cal.getfirstweekday()",
  "import calendar\nclass C(calendar.HTMLCalendar):\n    def formatday(self, day, weekday):\n        return '<td>%d</td>' % day\nreturn C().formatmonth(2024, 2)",
  "import calendar\nclass T(calendar.TextCalendar):\n    def formatweekday(self, day, width):\n        return 'X' * width\nreturn T(6).formatmonth(2024, 2)",
  "import calendar\ntry:\n    calendar.monthrange(2024, 13)\nexcept calendar.IllegalMonthError as e:\n    return e.month, str(e), e.args, isinstance(e, ValueError)",
  "import calendar\ntry:\n    calendar.setfirstweekday(9)\nexcept ValueError as e:\n    return type(e).__name__, e.weekday, str(e)",
  "from calendar import monthrange, isleap, month_name as mn\nreturn monthrange(2023, 2), isleap(2023), mn[12]",
  "import calendar\ng = calendar.Calendar().itermonthdays(2024, 13)\nreturn 1",
  "import calendar\ng = calendar.Calendar().itermonthdays(2024, 13)\nreturn next(g)",
  "import calendar\nc = calendar.Calendar()\nc.firstweekday = 10**30\nreturn c.firstweekday, c.monthdayscalendar(2024, 1)",
  "import calendar\nc = calendar.TextCalendar()\nc.formatday = lambda d, wd, w: str(d)\nreturn c.formatmonth(2024, 2)",
  // last: CPython's list stays changed for the cases after it in its process (ours for the run only)
  "import calendar\ncalendar.HTMLCalendar.cssclasses.append('x')\nreturn calendar.HTMLCalendar().cssclasses",
];

/** CPython prints an object's address, which differs in every process; the evaluator leaves it out, as for functions. */
const withoutAddress = (s: string | undefined) => s?.replace(/ at 0x[0-9a-f]+/g, '');

/** Both answers for each case; a wide time budget, since the machine may be loaded (the hostile cases below keep the default). */
function mismatches(sources: string[]): string[] {
  const cases: Case[] = sources.map((source) => ({ source }));
  const expected = cpython(cases);
  const engine = new Engine({ maxMillis: 30_000 });
  return cases.flatMap((c, i) => {
    const got = evaluator(engine, c);
    const want = { ...expected[i], repr: withoutAddress(expected[i].repr) };
    if (want.repr === undefined) delete want.repr;
    return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${JSON.stringify(c.source)}: got ${JSON.stringify(got)}, CPython ${JSON.stringify(want)}`];
  });
}

describe('the calendar module', () => {
  it('answers as CPython 3.11 does', () => {
    expect(mismatches(EXPRS.map((e) => `import calendar\nreturn ${e}`))).toEqual([]);
  });

  it('answers conditions using it (subclasses, instance attributes, except clauses) as CPython does', () => {
    expect(mismatches(BODIES)).toEqual([]);
  });

  it("keeps setfirstweekday's state and HTMLCalendar's class lists to the run that changed them", () => {
    const engine = new Engine();
    const run = (source: string) => evaluator(engine, { source });
    expect(run('import calendar\ncalendar.setfirstweekday(6)\ncalendar.HTMLCalendar.cssclasses_weekday_head.append("x")\nreturn calendar.firstweekday(), calendar.HTMLCalendar().cssclasses').repr).toBe("(6, ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'x'])");
    expect(run('import calendar\nreturn calendar.firstweekday(), calendar.weekheader(2), calendar.HTMLCalendar().cssclasses').repr).toBe("(0, 'Mo Tu We Th Fr Sa Su', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])");
    // a compiled condition that imported names at compile time reads this run's state too
    const from = engine.compile('from calendar import setfirstweekday, firstweekday\nif data:\n    setfirstweekday(3)\nreturn firstweekday()', 'standard');
    expect(evaluator(engine, { source: 'from calendar import setfirstweekday, firstweekday\nif data:\n    setfirstweekday(3)\nreturn firstweekday()', data: { x: 1 } }).repr).toBe('3');
    expect(from).toBeDefined();
    expect(evaluator(engine, { source: 'from calendar import setfirstweekday, firstweekday\nif data:\n    setfirstweekday(3)\nreturn firstweekday()' }).repr).toBe('0');
  });

  it('gives each run its own calendar.mdays and calendar.c, which monthrange and the calendars read as CPython does', () => {
    // each case in its own CPython process, as each condition had: the oracle runs a table in one, where a change would leak into the next
    const MUTATIONS = [
      'import calendar\nbefore = calendar.mdays[:]\ncalendar.mdays[2] = 0\nreturn before, calendar.mdays, type(calendar.mdays).__name__, calendar.monthrange(2023, 2), calendar.monthrange(2024, 2), calendar.monthcalendar(2023, 2)',
      'from calendar import mdays\nmdays.append(5)\nimport calendar\nreturn calendar.mdays, mdays is calendar.mdays, getattr(calendar, "mdays") is mdays',
      'import calendar\ndel calendar.mdays[:]\nreturn calendar.monthrange(2023, 2)',
      'import calendar\ncalendar.mdays[3] = "x"\nreturn calendar.TextCalendar().formatmonth(2023, 3)',
      // calendar.c, the TextCalendar the functions are methods of: this run's, as the module's state is
      'import calendar\ncalendar.setfirstweekday(3)\nc = calendar.c\nc.setfirstweekday(5)\nfrom calendar import c as d\nreturn calendar.firstweekday(), type(c).__name__, d is c, isinstance(c, calendar.TextCalendar), calendar.month(2024, 2), c.formatweekday(0, 3)',
      'import calendar\nreturn calendar.mdays()',
      'import calendar\ncalendar.mdays.x = 1',
    ];
    const engine = new Engine();
    for (const source of MUTATIONS) {
      expect(evaluator(engine, { source })).toEqual(cpython([{ source }])[0]);
      // the next run, on the same worker, sees the module as it was
      expect(evaluator(engine, { source: 'import calendar\nreturn calendar.mdays, calendar.monthrange(2023, 2), calendar.c.getfirstweekday()' }).repr).toBe('([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], (2, 28), 0)');
    }
  });

  it("refuses what would change the module for the next condition, and the Locale calendars, which read the host's locale", () => {
    const engine = new Engine();
    const error = (source: string) => evaluator(engine, { source }).error;
    expect(error('import calendar\ncalendar.TextCalendar.formatday = None')).toBe("UnsupportedError: cannot set 'calendar.TextCalendar.formatday': the modules' classes and functions are read-only in the evaluator (they are shared by every condition)");
    expect(error('import calendar\ntry:\n    calendar.month_name.format = "%b"\nexcept BaseException:\n    pass')).toMatch(/^UnsupportedError: cannot set 'calendar.month_name.format'/);
    expect(error('import calendar\ncalendar.IllegalMonthError.x = 1')).toMatch(/^UnsupportedError: cannot set 'calendar.IllegalMonthError.x'/);
    expect(error('import calendar\ncalendar.x = 1')).toMatch(/^UnsupportedError: cannot set 'calendar.x': modules are read-only/);
    expect(error('import calendar\ntry:\n    calendar.LocaleTextCalendar(locale="de_DE")\nexcept BaseException:\n    pass')).toBe("UnsupportedError: calendar.LocaleTextCalendar is not supported by the evaluator (it reads the host's locale)");
    expect(error('import calendar\ncalendar.LocaleTextCalendar(0, None, 1)')).toBe('TypeError: LocaleTextCalendar.__init__() takes from 1 to 3 positional arguments but 4 were given');
    expect(error('from calendar import LocaleHTMLCalendar\nLocaleHTMLCalendar()')).toBe("UnsupportedError: calendar.LocaleHTMLCalendar is not supported by the evaluator (it reads the host's locale)");
    expect(error('import calendar\nclass C(calendar.LocaleTextCalendar):\n    pass')).toMatch(/^UnsupportedError: a class of a condition may not subclass/);
  });

  it('ends hostile sizes at the limits, quickly, with the default budget', () => {
    const engine = new Engine();
    const hostile = [
      'calendar.calendar(2024, w=10**6)', 'calendar.calendar(2024, w=40000)', 'calendar.calendar(2024, w=3000)', 'calendar.calendar(2024, l=10**9)', 'calendar.calendar(2024, c=10**9)',
      'calendar.calendar(2024, m=10**9)', 'calendar.month(2024, 1, w=10**7)', 'calendar.month(2024, 1, l=10**6)', 'calendar.formatstring(["a"] * 10, 10**6)', 'calendar.formatstring(["a", "b"], 1, 10**9)', 'calendar.format([], 1, 10**7)', 'calendar.format(["a"] * 10**7)',
      '[calendar.calendar(y) for y in range(2000, 3000)]', 'calendar.TextCalendar().formatweek([(1, 0)] * 10**6, 2)', 'calendar.weekheader(10**7)', 'calendar.TextCalendar().formatmonthname(2024, 1, 10**9)',
      'calendar.HTMLCalendar().formatyear(2024, 10**30) * 10**6', 'list(calendar.Calendar().itermonthdays(2024, 1)) * 10**6', 'calendar.prcal(2024, 10**5)', 'calendar.month_name[:] * 10**6',
      'sum(1 for _ in iter(calendar.Calendar().iterweekdays, 7))', '[calendar.monthcalendar(y, 1) for y in range(10**9)]',
    ];
    const wrong = hostile.flatMap((e) => {
      const start = performance.now();
      const got = evaluator(engine, { source: `import calendar\nreturn ${e}` });
      const ms = performance.now() - start;
      // the limits' errors, each within a generous bound of the 50 ms budget on a loaded machine
      return /^(MemoryError|StepLimitError): /.test(got.error ?? '') && ms < 2000 ? [] : [`${e}: ${JSON.stringify(got).slice(0, 200)} in ${ms.toFixed(0)} ms`];
    });
    expect(wrong).toEqual([]);
  });
});
