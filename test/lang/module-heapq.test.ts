/** heapq against CPython 3.11: _heapq's C sifts (their comparisons in order and count, their checks and words), Lib/heapq.py's nlargest, nsmallest and merge. */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython } from '../support/cpython.js';

const CASES = [
  `import heapq
h = []
for x in [5, 1, 8, 3, 9, 2, 7, 1, 0, 4]:
    heapq.heappush(h, x)
out = [heapq.heappop(h) for _ in range(len(h))]
return out, h`,
  `import heapq
h = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, -1]
heapq.heapify(h)
a = h[:]
r = heapq.heapreplace(h, 10)
p = heapq.heappushpop(h, -5)
q = heapq.heappushpop(h, 100)
return a, r, p, q, h`,
  `import heapq
return heapq.heappop([])`,
  `import heapq
return heapq.heapreplace([], 1)`,
  `import heapq
return heapq.heappushpop([], 1)`,
  `import heapq
return heapq.heappush((1,), 1)`,
  `import heapq
return heapq.heapify('abc')`,
  `import heapq
return heapq.heappop()`,
  `import heapq
return heapq.heappop([1], [2])`,
  `import heapq
return heapq.heappop(heap=[1])`,
  `import heapq
return heapq.heappush([1])`,
  `import heapq
return heapq.heappush([1], 2, 3)`,
  `import heapq
return heapq.heappush([1], item=2)`,
  `import heapq
return heapq.heapify()`,
  `import heapq
return heapq.heappushpop([1])`,
  `import heapq
return heapq.heapreplace([1], 2, x=3)`,
  `import heapq
h = [1, 'a']
return heapq.heapify(h)`,
  `import heapq
calls = []
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        calls.append((self.v, o.v))
        return self.v < o.v
    def __repr__(self):
        return 'K(%r)' % self.v
h = [K(v) for v in [5, 3, 8, 1, 9, 2, 7]]
heapq.heapify(h)
heapq.heappush(h, K(0))
heapq.heappop(h)
heapq.heapreplace(h, K(6))
heapq.heappushpop(h, K(4))
return h, calls`,
  `import heapq
class Bad:
    def __init__(self, h):
        self.h = h
    def __lt__(self, o):
        self.h.append(1)
        return True
h = []
h.append(Bad(h))
h.append(Bad(h))
h.append(Bad(h))
return heapq.heapify(h)`,
  `import heapq
class Bad:
    def __init__(self, h):
        self.h = h
    def __lt__(self, o):
        self.h.clear()
        return True
h = []
h.append(Bad(h))
h.append(Bad(h))
return heapq.heappush(h, Bad(h))`,
  `import heapq
return heapq.nlargest(3, [5, 1, 8, 3, 9, 2, 7]), heapq.nsmallest(3, [5, 1, 8, 3, 9, 2, 7]), heapq.nlargest(1, [5, 9, 2]), heapq.nsmallest(1, []), heapq.nlargest(10, [3, 1, 2]), heapq.nsmallest(0, [1, 2])`,
  `import heapq
data = [('a', 5), ('b', 2), ('c', 9), ('d', 2), ('e', 7), ('f', 5)]
return heapq.nlargest(2, data, key=lambda t: t[1]), heapq.nsmallest(3, data, key=lambda t: t[1]), heapq.nsmallest(2, iter(data), key=lambda t: t[1]), heapq.nlargest(4, iter(data), lambda t: t[1])`,
  `import heapq
return heapq.nlargest(3, iter([5, 1, 8, 3, 9, 2, 7, 8, 9])), heapq.nsmallest(3, iter([5, 1, 8, 3, 9, 2, 7, 1, 1])), heapq.nsmallest(5, iter([3, 1]))`,
  `import heapq
calls = []
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        calls.append(('lt', self.v, o.v))
        return self.v < o.v
    def __eq__(self, o):
        calls.append(('eq', self.v, o.v))
        return self.v == o.v
    def __repr__(self):
        return 'K(%r)' % self.v
xs = [K(v) for v in [5, 3, 8, 1, 9, 2, 7, 3, 8]]
a = heapq.nsmallest(3, iter(xs))
b = heapq.nlargest(3, iter(xs))
return a, b, calls`,
  `import heapq
return heapq.nlargest(2.0, [1, 2, 3])`,
  `import heapq
return heapq.nlargest(2.0, iter([1, 2, 3]))`,
  `import heapq
return heapq.nsmallest(-1, [1, 2, 3]), heapq.nsmallest(-1, iter([1, 2, 3])), heapq.nlargest(-2, iter([1, 2]))`,
  `import heapq
return heapq.nsmallest(1.0, [3, 1, 2]), heapq.nsmallest(True, [3, 1, 2])`,
  `import heapq
return heapq.nsmallest('2', [3, 1, 2])`,
  `import heapq
return heapq.nsmallest(2, 5)`,
  `import heapq
return heapq.nsmallest(2)`,
  `import heapq
return heapq.nsmallest(2, [1], None, 4)`,
  `import heapq
return heapq.nsmallest(2, [1], keys=len)`,
  `import heapq
class L:
    def __len__(self):
        raise TypeError('no')
    def __iter__(self):
        return iter([4, 2, 3, 1])
return heapq.nsmallest(2, L()), heapq.nlargest(2, L())`,
  `import heapq
class L:
    def __len__(self):
        raise ValueError('no')
    def __iter__(self):
        return iter([4, 2, 3, 1])
return heapq.nsmallest(2, L())`,
  `import heapq
return list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25]))`,
  `import heapq
return list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len))`,
  `import heapq
return list(heapq.merge([7, 5, 3], [8, 4, 0], [6], reverse=True)), list(heapq.merge([7, 5, 3], [8, 4, 0], reverse=True, key=lambda v: v)), list(heapq.merge()), list(heapq.merge([1, 2])), list(heapq.merge([], [1, 1], [1]))`,
  `import heapq
calls = []
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        calls.append(('lt', self.v, o.v))
        return self.v < o.v
    def __eq__(self, o):
        calls.append(('eq', self.v, o.v))
        return self.v == o.v
    def __repr__(self):
        return 'K(%r)' % self.v
m = list(heapq.merge([K(1), K(4), K(4)], [K(2), K(4)], [K(0), K(5)]))
return m, calls`,
  `import heapq
g = heapq.merge([1], 5)
return next(g)`,
  `import heapq
g = heapq.merge(5)
return 1`,
  `import heapq
g = heapq.merge([1], [2], x=1)`,
  `import heapq
g = heapq.merge([2, 1], reverse=1, key=str)
return list(g), type(g).__name__`,
  `import heapq
def gen(n):
    for i in range(n):
        yield i * 2
return list(heapq.merge(gen(5), gen(3), range(1, 10, 3)))`,
  `import heapq
return heapq.__name__, heapq.heappush.__name__, heapq.merge.__name__, heapq.nlargest.__name__, repr(heapq.heappop)`,
  `import heapq
class L(list):
    pass
h = L([3, 1, 2])
heapq.heapify(h)
heapq.heappush(h, 0)
return h, heapq.heappop(h), type(h).__name__`,
  `import heapq
h = [(2, 'b'), (1, 'a'), (1, 'c')]
heapq.heapify(h)
return [heapq.heappop(h) for _ in range(3)]`,
  `import heapq
return heapq.nlargest(3, {5: 1, 3: 2, 9: 0, 1: 1}), heapq.nsmallest(2, 'hello'), heapq.nsmallest(2, {3, 1, 2}), heapq.nlargest(2, [1, 2, 3], key=None)`,
  `import heapq
return heapq.heappush((1,), 1)`,
  `import heapq
return heapq.heappushpop(1, 1)`,
  `import heapq
return heapq.heappop(None)`,
  `import heapq
return heapq.heapreplace({}, 1)`,
  `import heapq
return heapq.heapify('abc')`,
  `import heapq
return heapq.heappush([1], item=2)`,
  `import heapq
return heapq.heapreplace([1], 2, x=3)`,
  `import heapq
return heapq.heappop([1], x=3)`,
  `import heapq
class L(list):
    def __len__(self):
        return 99
    def __getitem__(self, i):
        return 'x'
h = L([3, 1, 2])
heapq.heapify(h)
heapq.heappush(h, 0)
return [heapq.heappop(h), heapq.heappop(h)], len(h)`,
];

it('keeps heaps and selects and merges as CPython does', () => {
  // a loaded machine's clock is no measure here: the step budget still holds
  expect(compareWithCPython(CASES, new Engine({ maxMillis: 10_000 }))).toEqual([]);
});

/** Past 2,500 items heapify sifts in cache_friendly_heapify's order: the same heap, the comparisons in another order. */
it("heapifies a long list in CPython's order of comparisons", () => {
  const big = [
  `import heapq
h = list(range(3000, 0, -1))
heapq.heapify(h)
return h[:20], h[-5:], all(h[(i - 1) // 2] <= h[i] for i in range(1, len(h)))`,
  `import heapq
calls = []
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        calls.append(self.v)
        return self.v < o.v
h = [K(v) for v in range(2600, 0, -1)]
heapq.heapify(h)
return len(calls), calls[:30], calls[-10:]`,
  ];
  expect(compareWithCPython(big, new Engine({ maxMillis: 20_000 }))).toEqual([]);
});
