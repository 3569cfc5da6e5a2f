import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** The smaller differences issue 11 found, each against CPython. */
const CASES = [
  `return '%c' % 'ab'`, `return '%c' % ''`, `return '%c' % '😀'`,
  `return json.dumps(float('inf'), allow_nan=False)`, `return json.dumps([1.5, float('nan')], allow_nan=False)`, `return json.dumps({'a': float('-inf')}, allow_nan=False)`,
  `return json.dumps(float('inf'))`, `return json.dumps(1.5, allow_nan=False)`,
  `return json.loads('}')`, `return json.loads(']')`, `return json.loads('[1]]')`, `return json.loads('{"a": 1}}')`,
  `import re\nreturn type(re.match('a', 'a')).__name__`, `import re\nreturn type(re.compile('a')).__name__`, `return type(iter([1])).__name__`,
  `import re\nreturn str(type(re.compile('a')))`, `import re\nreturn repr(type(re.match('a', 'a')))`, `return str(type(iter([])))`,
  `import re\nreturn len(re.compile('a'))`, `import re\nreturn re.match('a', 'a') + 1`, `return iter([1]) + 1`, `return len(iter([1]))`,
  `return int('5', base=2.0)`, `return int('5', 2.0)`, `return int('101', base=2)`, `return int('z', base=36)`,
  `return 'abc'.format_map(1)`, `return '{a}'.format_map(1)`, `return '{}'.format_map({})`, `return 'abc'.format_map([])`, `return 'x{a}'.format_map({'a': 2})`,
];

it('answers the smaller differences as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/** Found by hunt-d: str's fill, join and maketrans words, sorted's reverse and keywords, ord and sum of bytes, reversed of a non-iterable, isidentifier as Unicode 14 has it. */
it('answers str and builtins argument errors as CPython does', () => {
  expect(compareWithCPython([
    "r = []\nfor f in [lambda: 'a'.center(3, None), lambda: 'a'.ljust(3, b'a'), lambda: 'a'.rjust(3, ''), lambda: 'a'.center(4, 'ab'), lambda: str.maketrans(1, 'a'), lambda: str.maketrans('a', 'b', 1), lambda: str.maketrans('a', 1, 'c'), lambda: str.maketrans(1, 2, 3), lambda: sorted([1], reverse=None), lambda: sorted([1], reverse=1.5), lambda: sorted([1], reverse=2**70), lambda: sorted([2, 1], reverse=2), lambda: [1].sort(reverse='x'), lambda: sorted([1, 2], reverse=True), lambda: [].sort(cmp=1), lambda: sorted([], foo=1), lambda: sorted([], key=len, foo=1), lambda: ord(b''), lambda: ord(bytearray()), lambda: ord(b'a'), lambda: ord(bytearray(b'\\xff')), lambda: ord(b'ab'), lambda: sum([1], b''), lambda: sum([], b''), lambda: sum([], bytearray()), lambda: sum([b'a'], start=0), lambda: ','.join(None), lambda: ','.join(1.5), lambda: ','.join(iter([1])), lambda: ','.join(5), lambda: reversed(1), lambda: reversed(None), lambda: list(reversed('abc')), lambda: list(reversed(frozenset())), lambda: reversed(x for x in 'a'), lambda: list(reversed(b'ab')), lambda: 'a\\u200c'.isidentifier(), lambda: 'a\\u30fb'.isidentifier()]:\n    try:\n        r.append(f())\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r",
    "class S(bytes): pass\nreturn ord(S(b'a')), sum([], S(b'')) if False else 0",
    "class S(bytes): pass\nreturn sum([], S(b''))",
    "class J:\n    def __iter__(self):\n        raise TypeError('mine')\nreturn ','.join(J())",
  ])).toEqual([]);
});

/** dict(x), dict.update(x) and dict |= x of anything with keys() (a condition's class, a UserDict): PyDict_Merge's list(x.keys()), then x[key] each (it took x for pairs). */
it('merges an object with keys() into a dict as PyDict_Merge does', () => {
  expect(compareWithCPython([
    "class M:\n    def keys(self): return ['a', 'b']\n    def __getitem__(self, k): return k * 2\nd = {}\nd.update(M())\nd |= M()\nreturn dict(M()), d, dict(M(), z=1)",
    "class M:\n    def keys(self): return 5\n    def __getitem__(self, k): return k\ntry:\n    dict(M())\nexcept TypeError as e:\n    return str(e)",
    "class M:\n    def keys(self): return iter('ab')\n    def __getitem__(self, k):\n        if k == 'b': raise KeyError(k)\n        return 1\nd = {}\ntry:\n    d.update(M())\nexcept KeyError as e:\n    return repr(e), d",
    "class M:\n    keys = 5\ntry:\n    dict(M())\nexcept TypeError as e:\n    return str(e)",
  ])).toEqual([]);
});

// found by a seeded differential fuzz: Argument Clinic's and getargs' TypeError names None as 'None', not as its type
it("names None as CPython's argument checks do", () => {
  expect(compareWithCPython([
    'return format(1, None)', "return b'a'.center(3, None)", "return bytearray(b'a').rjust(3, None)", "return str.maketrans('a', None)", "return str.maketrans('a', 'b', None)",
    "return memoryview(b'a').cast(None)", 'return BaseExceptionGroup(None, [])', "return str.maketrans('a', 1)", 'return format(1, 2)', "return 'a'.center(3, None)",
  ])).toEqual([]);
});

// found by a seeded differential fuzz: sum_impl gets the iterator before it refuses a str or bytes start
it("refuses sum()'s non-iterable before its str or bytes start", () => {
  expect(compareWithCPython([
    "return sum(lambda x: x, 'abc')", "return sum(5, b'')", "return sum(None, bytearray())", "return sum(['a'], 'b')", "return sum([b'a'], b'')", "return sum([], '')",
  ])).toEqual([]);
});
