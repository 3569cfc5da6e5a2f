/** fnmatch against CPython 3.11's Lib/fnmatch.py: translate's text, matches of str and bytes names, its errors. */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const CASES = [
  `import fnmatch
pats = ['*', '?', '*.py', 'a*b*c', '[abc]', '[!abc]', '[a-z]*', '[]]', '[!]]', '[', '[!', '[]', '[!]', 'a[b-', '[a-]', '[-a]', '[z-a]', '[a-c-e]', '[a-b-c-d]', '[a\\\\b]', '[a\\\\-z]', '[&&]', '[~~x]', '[||]', '[^x]', '[[x]', '**a**', '*a*b*', 'a.b+c(d)', 'é*ü', '😀?', '\\\\', '[!a-cx-z]', '[--0]', '[a-a]', '[b-a-c]', '', '[a-]]', '[!-]', 'x[!--]y', '[%--]', '*[*]*', '?*?*?']
return [fnmatch.translate(p) for p in pats]`,
  `import fnmatch
return fnmatch.fnmatchcase('ABC', 'a*'), fnmatch.fnmatch('ABC', 'a*'), fnmatch.fnmatch('ABC', 'A*'), fnmatch.fnmatchcase('a\\nb', 'a?b')`,
  `import fnmatch
return fnmatch.fnmatch(b'abc', b'a*'), fnmatch.fnmatchcase(b'a\\xffc', b'a?c'), fnmatch.filter([b'x.py', b'y.c'], b'*.py'), fnmatch.fnmatchcase(b'[', b'[')`,
  `import fnmatch
return fnmatch.fnmatch('abc', b'a*')`,
  `import fnmatch
return fnmatch.fnmatch(b'abc', 'a*')`,
  `import fnmatch
return fnmatch.fnmatch(5, 'a*')`,
  `import fnmatch
return fnmatch.fnmatch('a', None)`,
  `import fnmatch
return fnmatch.fnmatchcase(5, 'a*')`,
  `import fnmatch
return fnmatch.fnmatchcase('a', 5)`,
  `import fnmatch
return fnmatch.fnmatchcase('a', ['a'])`,
  `import fnmatch
return fnmatch.fnmatchcase('a', bytearray(b'a'))`,
  `import fnmatch
return fnmatch.filter(['a', 1], '*')`,
  `import fnmatch
return fnmatch.filter(5, '*')`,
  `import fnmatch
return fnmatch.filter(['a'], 5)`,
  `import fnmatch
return fnmatch.translate(5)`,
  `import fnmatch
return fnmatch.translate(None)`,
  `import fnmatch
return fnmatch.translate(['*', 'a', '?']), fnmatch.translate(('ab', '*')), fnmatch.translate([]), fnmatch.translate(['['])`,
  `import fnmatch
return fnmatch.translate(['[', 'a', ']'])`,
  `import fnmatch
return fnmatch.translate(['[', 'a', '-', 'b', ']'])`,
  `import fnmatch
return fnmatch.translate(b'a*')`,
  `import fnmatch
return fnmatch.translate(b'')`,
  `import fnmatch
return fnmatch.translate()`,
  `import fnmatch
return fnmatch.fnmatch('a')`,
  `import fnmatch
return fnmatch.fnmatch('a', 'b', 'c')`,
  `import fnmatch
return fnmatch.fnmatch(name='abc', pat='a*'), fnmatch.filter(pat='?', names=['a', 'bb']), fnmatch.translate(pat='x*')`,
  `import fnmatch
return fnmatch.fnmatch('a', pattern='a')`,
  `import fnmatch
class S(str):
    pass
return fnmatch.fnmatch(S('abc'), S('a*')), fnmatch.translate(S('a?')), fnmatch.filter((S('x'), 'y'), S('?'))`,
  `import fnmatch
return fnmatch.fnmatch('a' * 100 + 'b', '*a*a*a*a*a*a*a*a*a*a*a*a*c'), fnmatch.fnmatch('x' * 1000, '*' * 1000 + 'y')`,
  `import fnmatch
return fnmatch.__name__, fnmatch.fnmatch.__name__, repr(fnmatch.translate('[a-z]'))`,
  `import fnmatch
def g():
    yield 'ab'
    yield 'cd'
return fnmatch.filter(g(), 'a*')`,
  `import fnmatch
p = '[a-' + 'x' * 300 + ']*'
return fnmatch.translate(p) == fnmatch.translate(p), fnmatch.fnmatch('b', p), fnmatch.fnmatch('b', p)`,
];

it('translates and matches as CPython does', () => {
  // a loaded machine's clock is no measure here: the step budget still holds
  expect(compareWithCPython(CASES, new Engine({ maxMillis: 10_000 }))).toEqual([]);
});

/** Long tables and long patterns: more than a run's 50 ms on a loaded machine. */
it('matches every name against every pattern, and long patterns, as CPython does', () => {
  const table = [
    `import fnmatch
return fnmatch.fnmatch('x', '*' * 10**4), fnmatch.fnmatch('x' * 1000, '*x' * 500), fnmatch.fnmatch('x' * 1000, '*x' * 500 + 'y')`,
    `import fnmatch
names = ['a.py', 'b.PY', '.hidden', 'x/y.py', 'abc', 'aXbYc', 'a\\nb', '', ']', '-', '!', 'é.ü', 'AB', '[', '😀x']
pats = ['*', '?', '*.py', 'a*b*c', '[abc]', '[!abc]', '[a-z]*', '[]]', '[!]]', '[', '*.[pP][yY]', 'a?b', '[a-]', '[!-]', '[!]', '[]', '?*', 'é*', '😀?', '[a-c-e]', 'x*', '*/*']
return [[n for n in names if fnmatch.fnmatch(n, p)] for p in pats], [fnmatch.filter(names, p) for p in pats]`,
  ];
  // a set of empty ranges joins chunks of one character each: linear, in CPython too (10 ms for 20,000)
  table.push("import fnmatch\nreturn fnmatch.translate('[' + 'z-a' * 20000 + ']')");
  expect(compareWithCPython(table, new Engine({ maxMillis: 20_000 }))).toEqual([]);
});

/**
 * Each `[` scans on to its `]`, so '[' * n is quadratic in CPython too, and so is a set of empty
 * ranges ('z-a' * n), whose chunks are joined one into the next: the work is paid for as it goes
 * and ends at the budget.
 */
it.each([
  "import fnmatch\nreturn fnmatch.translate('[' * 10**5)",
  "import fnmatch\nreturn fnmatch.translate('[' + 'z-a' * 330000 + ']')",
  "import fnmatch\nreturn fnmatch.fnmatch('x', '[' + 'a-' * 300000 + ']')",
])('ends %j at the budget', (source) => {
  const started = performance.now();
  const got = evaluator(new Engine(), { source });
  expect(got.error).toMatch(/^StepLimitError/);
  expect(performance.now() - started).toBeLessThan(2000);
});
