import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { cpuTimed } from '../support/cpu-timed.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { repr } from '../../src/lang/runtime/repr.js';

/** A year's calendar takes some 30 ms of the port's own (calendar.calendar's): the clock is given room on a shared machine. */
const engine = new Engine({ maxMillis: 30_000, requestMillis: 30_000 });

/** calendar.main(args) run, and what it ended in: SystemExit's code and args, or its return. */
const main = (args: string) => `import calendar\ntry:\n    r = calendar.main(${args})\nexcept SystemExit as e:\n    return 'exit', e.code, e.args, type(e).__name__\nreturn r`;

it('parses calendar.main\'s command line as CPython\'s argparse does, and ends as it ends', () => {
  const argss = [
    "['x', '-w', '9' * 4300, '1', '1']", "['x', '-w', '9' * 4301, '1', '1']", "['x', '-w', '3' * 30, '1', '1']", "['x', '-m', '9' * 30, '2024']",
    "[]", "['x']", "['x', '2024']", "['x', '2024', '2']", "['x', '2024', '13']", "['x', '2024', '0']", "['x', '2024', '2', '3']", "['x', '99999']", "['x', '0']", "['x', '-5']", "['x', '10000']", "['x', '1' + '0' * 40]", "['x', '9' * 5000]",
    "['x', '-h']", "['x', '--help']", "['x', '--he']", "['x', '-hw3']", "['x', '--help=x']", "['x', '-w', '3', '2024']", "['x', '-w3', '2024']", "['x', '--width=3', '2024']", "['x', '--wid', '3', '2024']", "['x', '--l', '3']",
    "['x', '--lines', '2', '2024', '1']", "['x', '-w']", "['x', '-w', 'a']", "['x', '-w', '-1', '2024']", "['x', '-w', '-h']", "['x', '2024', '-w', '3', '5']", "['x', '2024', '1', '-w', '3']", "['x', '-t', 'html']", "['x', '-t', 'html', '2024']",
    "['x', '-t', 'html', '2024', '1']", "['x', '-t', 'HTML']", "['x', '-t']", "['x', '-e', 'ascii', '2024']", "['x', '-e', 'bogus', '2024']", "['x', '-e', '', '2024']", "['x', '-t', 'html', '-e', 'bogus', '2024']", "['x', '-t', 'html', '-e', '', '2024']",
    "['x', '-t', 'html', '-c', 'x.css', '2024']", "['x', '-L', 'C']", "['x', '-L', '', '2024']", "['x', '--', '2024']", "['x', '--', '-5']", "['x', '2024', '--', '1']", "['x', '--', '--', '2024']", "['x', '---']", "['x', '-']", "['x', '-x']", "['x', '--bogus']",
    "['x', '-=']", "['x', '--=5']", "['x', '-w=3', '2024']", "['x', '-m', '0', '2024']", "['x', '-m', '13', '2024']", "['x', '-s', '-10', '2024']", "['x', '-l', '0', '2024', '1']", "['x', '-w', '0x10']", "['x', '-w', ' 7 ', '2024']", "['x', '-w', '١٢', '2024']", "['x', '-٣']", "['x', '-5\\n']",
    "['x', '2024', '1', '1']", "['x', 'a b']", "['x', '-a b']", "['x', '2024.5']", "['x', '-1.5']", "['x', '-.5']", "['x', '1_000']", "['x', 2024]", "['x', 0]", "['x', None]", "['x', ['a']]", "['x', ['-']]", "['x', ('-', 'x')]", "['x', ('-', 5)]", "['x', ('', 'z')]",
    "['x', '2024', 0]", "['x', '2024', '1', 0]", "['x', '2024', '1', 5]", "5", "None", "'x 2024'", "'x2024'", "('x', '2024')", "{'x': 1}", "b'x2'", "range(3)", "['x', b'2024']", "['x', '-w', 3]", "['x', '-w', 3, '2024']", "['x', 1.5]", "['x', '--width', '']",
    "['x', '-w', '10**6']", "['x', '-w', '1000000', '2024']", "['x', '-w', '1000000', '2024', '1']", "['x', '-m', '-1', '2024']", "['x', '-t', 'text', '-t', 'html', '2024']", "['x', '-hh']", "['x', '-th']", "['x', '-thtml', '2024']", "['x', '--type=html', '2024', '--', '3']",
    "['x', '-e', 'utf-16', '2024', '2']", "['x', '-e', 'rot13', '2024', '2']", "['x', '-e', 'hex', '2024', '2']", "['x', '-ww']", "['x', '-w', '--', '2024']", "['x', '-w=--', '2024']", "['x', '--width=--', '2024']", "['x', '-L=x']", "['x', '-c']", "['x', '-c', '-w']",
  ];
  expect(argss.length).toBeGreaterThan(100);
  // a width of a million is the size limit's MemoryError here (README "Deliberate differences")
  expect(compareWithCPython(argss.map(main), engine, true)).toEqual([]);
});

it('reads odd arguments with the dialect\'s operators, as argparse\'s Python reads them', () => {
  const classes = 'class S(str): pass\nclass E:\n    def __eq__(self, o):\n        raise KeyError(o)\n    def __hash__(self):\n        return 1\nclass R:\n    def __repr__(self):\n        raise OSError("repr")\n    def __bool__(self):\n        return True\n    def __getitem__(self, i):\n        return "x"\n    def __len__(self):\n        return 3\n    def __contains__(self, x):\n        return False\n';
  expect(compareWithCPython([
    `${classes}${main("['x', S('2024'), S('1')]")}`, `${classes}${main("['x', S('-w'), S('3'), '2024']")}`, `${classes}${main("['x', S('--wi=3'), '2024']")}`, `${classes}${main("['x', S('-5')]")}`, `${classes}${main("['x', E()]")}`, `${classes}${main("['x', R()]")}`,
    `${classes}${main("['x', '-t', R()]")}`, `${classes}${main("['x', '-w', R()]")}`, `${classes}${main("['x', '-c', R(), '2024']")}`, `${classes}${main("['x', '-t', S('html'), '2024']")}`,
    "import calendar\nreturn calendar.main()", "import calendar\nreturn calendar.main(['x'], 1)", "import calendar\nreturn calendar.main(args=['x', '2024', '2'])", "import calendar\nreturn calendar.main.__name__, calendar.main(['x', '1', '1'])",
    // the printing functions and classes main uses: they print nothing and answer None, with CPython's errors
    "import calendar\nreturn calendar.prmonth(2024, 2), calendar.prcal(2024), calendar.TextCalendar().prmonth(2024, 2, 3, 2), calendar.TextCalendar(6).pryear(2024, m=4), calendar.prweek([(1, 0)] * 7, 2)",
    "import calendar\nreturn calendar.prmonth(2024, 13)", "import calendar\nreturn calendar.prcal(2024, m=0)", "import calendar\nreturn calendar.TextCalendar().prmonth(2024)", "import calendar\nreturn len(calendar.HTMLCalendar().formatyearpage(2024, encoding='ascii', css=None))",
    "import calendar\nreturn calendar.HTMLCalendar().formatyearpage(2024, encoding='bogus')",
  ], engine)).toEqual([]);
});

it('refuses the host\'s locale in words that say so, once argparse has read it', () => {
  for (const args of ["['x', '-L', 'C', '-e', 'utf-8', '2024']", "['x', '--locale=en_US', '-e', 'ascii', '-t', 'html']", "['x', '-L', 'C', '-e', 'utf-8', '2024', '1']"]) {
    expect(evaluator(engine, { source: main(args) }).error).toMatch(/^UnsupportedError: calendar\.Locale(Text|HTML)Calendar is not supported by the evaluator \(it reads the host's locale\)$/);
  }
  // what argparse refuses first is CPython's exit, locale or not: no encoding, a month in HTML, a bad option after
  expect(compareWithCPython([main("['x', '-L', 'C']"), main("['x', '-L', 'C', '-e', 'utf-8', '-w', 'x']"), main("['x', '-L', 'C', '-e', 'utf-8', '-h']")], engine)).toEqual([]);
});

it('parses a hostile command line in time, and charges what it makes', () => {
  // the step budget the default's, the clock out of the way: CPU time is what is bounded
  const fast = new Engine({ maxMillis: 30_000, requestMillis: 30_000 });
  for (const [args, answer] of [
    ["['x'] + ['-w', '3'] * 2_000 + ['1', '1']", 'None'],
    ["['x'] + ['--wid=3'] * 2_000 + ['1', '1']", 'None'],
    ["['x', '1', '1'] + ['-5'] * 2_000", "('exit', 2, (2,), 'SystemExit')"],
    ["['x'] + ['-hw3'] * 2_000", "('exit', 0, (0,), 'SystemExit')"],
    ["['x', '1'] + ['--'] * 2_000 + ['1']", "('exit', 2, (2,), 'SystemExit')"],
    // CPython looks for the next option among all of them at each (quadratic): here a step an argument, and the budget's end
    ["['x'] + ['-w', '3'] * 200_000", 'StepLimitError: condition exceeded its budget of 100000 steps'],
    ["['x'] + ['2024'] * 200_000", 'StepLimitError: condition exceeded its budget of 100000 steps'],
  ] as const) {
    const [got, ms] = cpuTimed(fast, main(args), (v) => repr(v));
    expect(got, args).toBe(answer);
    expect(ms, args).toBeLessThan(1000);
  }
  expect(evaluator(fast, { source: main("['x', '-l', '100000', '2024']") }).error).toMatch(/^StepLimitError: condition exceeded its budget of 100000 steps$/);
});
