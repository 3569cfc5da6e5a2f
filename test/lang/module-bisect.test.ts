/** bisect against CPython 3.11's _bisect: results, the probes' order through __lt__, __getitem__ and key, insort's insert, and the C module's errors. */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython } from '../support/cpython.js';

const CASES = [
  `import bisect
a = [1, 2, 2, 2, 3, 5, 8]
return [bisect.bisect_left(a, x) for x in range(10)], [bisect.bisect_right(a, x) for x in range(10)], [bisect.bisect(a, x) for x in range(10)]`,
  `import bisect
a = [1, 2, 2, 2, 3, 5, 8]
return bisect.bisect_left(a, 2, 2), bisect.bisect_left(a, 2, 1, 3), bisect.bisect_right(a, 2, hi=3), bisect.bisect_right(a, 2, lo=5), bisect.bisect_left(a, 9, 0, 100)`,
  `import bisect
return bisect.bisect_left([1, 2], 1, -1)`,
  `import bisect
return bisect.bisect_right([1, 2], 1, lo=-5)`,
  `import bisect
return bisect.bisect_right([1, 2], 1, 0, -1), bisect.bisect_right([1, 2], 1, 0, -2), bisect.bisect_right([1, 2], 1, 0, None)`,
  `import bisect
return bisect.bisect_right([1, 2], 1, 1.0)`,
  `import bisect
return bisect.bisect_right([1, 2], 1, 0, 1.5)`,
  `import bisect
return bisect.bisect_right([1, 2], 1, 0, 10)`,
  `import bisect
return bisect.bisect_right([1, 2])`,
  `import bisect
return bisect.bisect_right()`,
  `import bisect
return bisect.bisect_right([1], 1, 0, 1, 5)`,
  `import bisect
return bisect.bisect_right([1], 1, 0, 1, key=None, foo=1)`,
  `import bisect
return bisect.bisect_right([1], 1, a=[1])`,
  `import bisect
return bisect.bisect_right(a=[1, 3], x=2), bisect.bisect_left(x=2, a=[1, 2, 3], lo=0, hi=2)`,
  `import bisect
return bisect.bisect_right([1, 'a'], 1.5)`,
  `import bisect
return bisect.bisect_left(5, 1)`,
  `import bisect
return bisect.bisect_left({1: 2}, 1)`,
  `import bisect
return bisect.bisect_left({1, 2}, 1)`,
  `import bisect
return bisect.bisect_left('abcdef', 'c'), bisect.bisect_right('abcdef', 'c'), bisect.bisect_left((1, 3, 5), 4), bisect.bisect_left(range(0, 100, 3), 50)`,
  `import bisect
a = [('a', 1), ('b', 5), ('c', 9)]
return bisect.bisect_left(a, 5, key=lambda t: t[1]), bisect.bisect_right(a, 5, key=lambda t: t[1]), bisect.bisect(a, 'b', key=lambda t: t[0])`,
  `import bisect
calls = []
def k(v):
    calls.append(v)
    return -v
a = [9, 7, 5, 3, 1]
return bisect.bisect_left(a, -4, key=k), calls`,
  `import bisect
a = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(a, x)
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort_left(b, x)
return a, b`,
  `import bisect
a = [(1, 'x'), (3, 'y')]
bisect.insort(a, (2, 'z'), key=lambda t: t[0])
bisect.insort_left(a, (3, 'w'), key=lambda t: t[0])
bisect.insort_right(a, (1, 'v'), key=lambda t: t[0])
return a`,
  `import bisect
a = [1, 2, 3]
r = bisect.insort(a, 0, 0, 10)
return r, a`,
  `import bisect
a = [1, 2, 3]
bisect.insort(a, 10, 5, 10)
return a`,
  `import bisect
calls = []
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        calls.append((self.v, o.v))
        return self.v < o.v
    def __repr__(self):
        return 'K(%r)' % self.v
a = [K(i) for i in range(0, 20, 2)]
i = bisect.bisect_left(a, K(7))
j = bisect.bisect_right(a, K(8))
bisect.insort(a, K(5))
return i, j, calls, a`,
  `import bisect
class L(list):
    def insert(self, i, x):
        super().insert(i, x * 10)
a = L([1, 2, 3])
bisect.insort(a, 2)
return a`,
  `import bisect
class S:
    def __init__(self):
        self.got = []
    def __len__(self):
        return 5
    def __getitem__(self, i):
        self.got.append(i)
        return i * 2
    def insert(self, i, x):
        self.got.append(('insert', i, x))
s = S()
return bisect.bisect_left(s, 5), bisect.insort(s, 3), s.got`,
  `import bisect
class S:
    def __getitem__(self, i):
        return i
return bisect.bisect_left(S(), 5)`,
  `import bisect
return bisect.insort((1, 2), 1)`,
  `import bisect
class N:
    def __lt__(self, o):
        return NotImplemented
return bisect.bisect_left([N(), N()], N())`,
  `import bisect
class B:
    def __lt__(self, o):
        return 'yes'
return bisect.bisect_left([B(), B(), B()], B()), bisect.bisect_right([B(), B(), B()], B())`,
  `import bisect
return bisect.bisect_left([1, 2, 3], 2, True, 3), bisect.bisect_right([1, 2], 2, 0, 2**70)`,
  `import bisect
return bisect.bisect_right([1, 2], 2, 2**70)`,
  `import bisect
return bisect.__name__, bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right, repr(bisect.bisect_left), repr(bisect.insort)`,
  `from bisect import bisect_left as bl
return bl([0, 1], 0, key=1)`,
  `import bisect
class I:
    def __index__(self):
        return 1
return bisect.bisect_left([1, 2, 3, 4], 4, I(), I())`,
  `import bisect
return bisect.bisect_left([], 1), bisect.bisect_right([], 1), bisect.bisect_left([1, 1, 1], 1), bisect.bisect_right([1, 1, 1], 1), bisect.bisect_left([float('nan'), 1], 1)`,
  `import bisect
return bisect.bisect_left(set(), 1)`,
  `import bisect
return bisect.bisect_left({}, 1, 0, 2)`,
  `import bisect
return bisect.bisect_left(5, 1, 0, 2)`,
  `import bisect
class S:
    pass
return bisect.bisect_left(S(), 1, 0, 2)`,
  `import bisect
class D(dict):
    def __getitem__(self, i):
        return i
return bisect.bisect_left(D(), 3, 0, 10)`,
  `import bisect
return bisect.bisect_left(str, 1, 0, 2)`,
  `import bisect, collections
return bisect.bisect_left(collections.deque([1, 3, 5]), 4), bisect.bisect_left(b'ace', ord('c')), bisect.bisect_left(memoryview(b'ace'), 100), bisect.bisect_left(bytearray(b'ace'), 100)`,
  `import bisect
a = list(range(100000))
return sum(bisect.bisect_left(a, i) for i in range(0, 100000, 70))`,
  `import bisect
a = [1] * 10
return bisect.bisect_left(a, 1, 20), bisect.bisect_left(a, 1, 5, 3)`,
  `import bisect
class L(list):
    def __len__(self):
        return 2
a = L([1, 2, 3, 4])
bisect.insort(a, 5)
return bisect.bisect_left(a, 10), list(a)`,
];

it('bisects and inserts as CPython does', () => {
  // a loaded machine's clock is no measure here: the step budget still holds
  expect(compareWithCPython(CASES, new Engine({ maxMillis: 10_000 }))).toEqual([]);
});
