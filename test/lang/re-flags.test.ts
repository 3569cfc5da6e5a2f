import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/**
 * re's flags are re.RegexFlag, CPython 3.11's IntFlag: ints for ==, hashing, arithmetic and
 * flags arguments, printed by their names; | & ^ ~ keep them flags; Pattern.flags is an int.
 */
it('answers re flags as CPython does', () => {
  expect(compareWithCPython([
    "import re, json\nreturn repr(re.I), repr(re.I | re.M), re.I | re.M, str(re.I), f'{re.I}', re.I == 2, 2 == re.I, re.I != 3",
    "import re, json\nreturn type(re.I), type(re.I).__name__, isinstance(re.I, int), re.RegexFlag, type(re.I) is re.RegexFlag",
    "import re, json\nreturn re.I + 1, re.I * 3, re.I - re.I, re.I ** 2, re.I / 2, re.I // 2, re.I % 2, -re.I, +re.I, abs(re.I), re.I << 1, re.I >> 1, divmod(re.I, 2)",
    "import re, json\nreturn re.I | 1024, 1 | re.I, re.I | True, True | re.I, re.I & re.M, re.I & 3, re.I ^ re.I, ~re.I, ~re.NOFLAG, re.NOFLAG, bool(re.NOFLAG), bool(re.I)",
    "import re, json\nreturn re.I | 1.5",
    "import re, json\nreturn re.I + 'a'",
    "import re, json\nreturn {2: 'x'}[re.I], {re.I: 'y'}[2], hash(re.I), re.I in {2}, len({re.I, 2}), re.I < 3, re.I >= re.M, sorted([re.M, re.I, 5])",
    "import re, json\nreturn json.dumps(re.I), json.dumps({'f': re.I | re.M}), json.dumps([re.NOFLAG])",
    "import re, json\nreturn re.compile('a').flags, re.compile('a', re.I).flags, re.compile('(?i)a').flags, re.compile('a', re.I | re.M), re.compile('a', re.I), type(re.compile('a', re.I).flags).__name__",
    "import re, json\nreturn re.search('A', 'xa', re.I).group(), re.findall('a', 'AaA', flags=re.I), re.sub('a', 'b', 'AA', flags=re.IGNORECASE), re.match('.', '\\n', re.S | re.M) is not None",
    "import re, json\nreturn re.U, re.A, re.X, re.S, re.L, re.T, re.DEBUG, re.ASCII | re.UNICODE | re.VERBOSE | re.LOCALE | re.TEMPLATE | re.DEBUG | re.DOTALL | re.MULTILINE | re.IGNORECASE",
    "import re, json\nreturn re.RegexFlag.IGNORECASE, re.RegexFlag(2), re.RegexFlag(10), int(re.I), float(re.I), '%d %s %r' % (re.I, re.I, re.I)",
    "import re, json\nreturn [re.I, re.M], (re.I,), {'k': re.I}",
    "import re, json\nreturn str(re.I | re.M), repr(re.I | 0), re.I & 0",
    "import re, json\nreturn re.compile('a', re.A | re.I).flags, re.compile('a', flags=2)",
    "import re\nreturn f'{re.I:d}', f'{re.I:>4}', format(re.I | re.M, 'x'), '{}'.format(re.M), '%x' % re.I, divmod(re.I, re.M), divmod(7, re.I)",
    { source: "import re\ndata['f'] = re.I | re.M\ndata['g'] = {'x': [re.NOFLAG]}\nreturn True" },
    "import re\nreturn sorted({re.I: 1, 2: 3}.items()), {re.M, 8}, re.I in [2], [2].index(re.I)",
  ])).toEqual([]);
});

/** RegexFlag is an int subclass: a flag goes wherever an int is taken as an index (__index__). */
it('takes a flag wherever CPython takes an int', () => {
  expect(compareWithCPython([
    'import re\nreturn [1, 2, 3][re.I], (1, 2, 3)[re.I], "abc"[re.I], b"abc"[re.I], range(5)[re.I], [1, 2][-re.I]',
    "import re\nreturn 'a' * re.I, [0] * re.M, re.I * 'x', re.I * (1,), b'a' * re.I, re.NOFLAG * 'x'",
    'import re\nreturn "abcdef"[re.I:re.M], [1, 2, 3, 4][re.NOFLAG:re.I], (1, 2, 3)[::re.I], b"abcd"[re.I:], range(10)[re.I:re.M]',
    'import re\nreturn list(range(re.I)), list(range(re.I, re.M, re.I)), hex(re.I), oct(re.M), bin(re.S), hex(re.I | re.M)',
    'import re, operator\nreturn operator.index(re.I), operator.index(5), operator.index(True), operator.index(2**70)',
    'import operator\nreturn operator.index(1.5)', "import operator\nreturn operator.index('a')", 'import operator\nreturn operator.index()',
    'import re\nx = [1, 2, 3]\nx[re.I] = 9\ndel x[re.NOFLAG]\nreturn x',
    "import re\nreturn chr(65 + re.I), chr(re.M * 10), 'abc'.ljust(re.M, '-'), round(1.23456, re.I), (5).to_bytes(re.I, 'big'), 'a b c'.split(' ', re.I), 'a b c'.rsplit(maxsplit=re.NOFLAG)",
    "import re\nreturn 'abc'.center(re.I), 'x'.zfill(re.M), 'abcabc'.find('c', re.I), b'abcabc'.find(b'c', re.I, re.M), [1, 2, 3].pop(re.I), bytes(re.I), bytes([re.I, re.M])",
    'import re, itertools, collections\nreturn list(itertools.islice("abcdef", re.I)), list(itertools.repeat(0, re.I)), collections.deque([1, 2, 3], re.I), collections.deque([1]) * re.I',
    'import re\nreturn [1, 2][re.M]', 'import re\nreturn b"ab"[re.M]', "return 'a b'.split(' ', 'x')", "return 'a b'.split(' ', 1.0)", "return 'a b c'.rsplit(' ', 2**70)",
  ])).toEqual([]);
});

/** re's functions are written in Python: their argument errors are a def's, and flags meet `flags & T` before anything is compiled. */
it('words re calls with wrong arguments or flags as CPython does', () => {
  const exprs = [
    "re.compile('a', 'i')", "re.compile('a', 1.5)", "re.compile('a', None)", "re.compile('a', [1])", "re.search('a', 'a', 'i')", "re.match('a', 'a', None)",
    "re.sub('a', 'b', 'a', 0, 'x')", "re.findall('a', 'a', [])", "re.compile(re.compile('a'), 'i')", "re.compile(re.compile('a'), 0.0), re.compile(re.compile('a'), None)",
    "re.compile('a', 2**32)", "re.compile('a', 2**70)", "re.compile('a', True), re.compile('ab', re.TEMPLATE | re.I), re.compile('a', 1 << 20), re.compile('a', re.M | re.T | re.X)",
    "re.search('b', 'abcb', 2, 3)", "re.search('b')", "re.sub('a')", "re.sub(pattern='a', string='b')", "re.split('a', 'b', 0, 0, 0)", "re.subn('a', 'b', 'c', 0, 0, 0)",
    "re.compile('a', 0, 0)", 're.compile()', "re.search('a', 'a', 0, flags=0)", "re.search('a', 'a', 0, 1, x=1)", "re.search('a', 'a', bogus=1)",
  ];
  expect(compareWithCPython(exprs.map((e) => `import re\nreturn ${e}`))).toEqual([]);
});

/** re.TEMPLATE: sre_compile refuses every repeat under it, an re.error with no position, found by the 2026 fuzz. */
it('refuses repeats under re.TEMPLATE as CPython does', () => {
  const compiled = (p: string, flags = 're.T') => `import re\ntry:\n    return repr(re.compile(${p}, ${flags}))\nexcept re.error as e:\n    return str(e), e.pattern, e.pos, e.msg`;
  expect(compareWithCPython([
    ...["'a{1}'", "'(a)|b*'", "'(?=a*)'", "'(?>a*)'", "'(a)(?(1)b+|c*?)'", "'[a-z]'", "'a*+'", "'a++b*'", "'a{1,1}?'", "'x?'", "'('", "'a**'", "b'a+'", "b'[a]'", "'(?<=a+)b'", "'(?<!ab|c)x*'", "'(?<=ab)x*'"].map((p) => compiled(p)),
    compiled("'a+'", 're.T | re.I'), compiled("'('", 're.T | re.L'),
    "import re\nreturn re.sub('a{2,3}?', '\\\\x41', 'AbAB', flags=re.T)",
    "import re\nreturn re.sub('(a)(b)?', '\\\\n', 'AbAB', flags=re.T)",
    "import re\nreturn re.sub('[ab]', '-', 'AbAB', flags=re.T | re.I), re.findall('a', 'aa', re.T)",
  ])).toEqual([]);
});
