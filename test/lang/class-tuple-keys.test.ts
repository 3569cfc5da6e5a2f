import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** A class whose instances equal the value they hold, hashing as it does, logging each __hash__ and __eq__ call. */
const A = `class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        log.append(('eq', self.v, getattr(o, 'v', o)))
        return isinstance(o, A) and self.v == o.v or o == self.v
    def __hash__(self):
        log.append(('hash', self.v))
        return hash(self.v)
log = []
`;

/** Tuples and frozensets holding instances as dict keys and set members: hashed from their items' __hash__, compared by their __eq__, in CPython's order. */
const KEYS = [
  `${A}d = {(A(1), 2): 'x'}\nr = d[(A(1), 2)]\nreturn r, log`,
  `${A}d = {(A(1), 2): 'x'}\nr = d.get((1, 2)), d.get((A(2), 2)), (A(1), 2) in d\nreturn r, log`,
  `${A}s = {(A(1), 2), (A(1), 2), (1, 2)}\nreturn len(s), log`,
  `${A}s = {(1, 2), (A(1), 2)}\nreturn len(s), log`,
  `${A}d = {(1, 2): 'p'}\nd[(A(1), 2)] = 'q'\nreturn list(d.values()), log`,
  `${A}d = {(A(1), 2): 'p'}\nd[(1, 2)] = 'q'\nreturn len(d), list(d.values()), log`,
  `${A}d = {((A(1), 3), 2): 'x'}\nreturn d[((A(1), 3), 2)], log`,
  `${A}d = {frozenset({A(1)}): 'x'}\nreturn d[frozenset({A(1)})], d.get(frozenset({1})), log`,
  `${A}d = {(frozenset({A(1)}), 0): 'x'}\nreturn d[(frozenset({A(1)}), 0)], log`,
  `${A}a = A(1)\nd = {(a, 2): 'x'}\nreturn d[(a, 2)], log`,
  `${A}d = {}\nfor i in range(5):\n    d[(A(i % 2), i % 2)] = i\nreturn list(d.values()), log`,
  `${A}d = {(A(1), 2): 'x'}\ndel d[(A(1), 2)]\nreturn d, log`,
  `${A}d = {(A(1), 2): 'x'}\nreturn d.pop((1, 2)), d, log`,
  `${A}d = {(A(1), 2): 'x', (1, 3): 'y'}\nreturn d.setdefault((A(1), 2), 'z'), d.setdefault((1, 2), 'w'), len(d), log`,
  `${A}s = {(A(1), 2)}\ns.discard((1, 2))\nreturn len(s), log`,
  `${A}s = frozenset({(A(1), 2), (A(3), 4)})\nreturn (1, 2) in s, (A(3), 4) in s, (3, 5) in s, log`,
  `class E:\n    def __eq__(self, o):\n        raise ValueError('eq')\n    def __hash__(self):\n        return 1\nd = {(E(), 1): 'x'}\ntry:\n    d[(E(), 1)]\nexcept ValueError as e:\n    return 'raised', str(e)`,
  `class E:\n    def __eq__(self, o):\n        return True\n    def __hash__(self):\n        raise KeyError('h')\ntry:\n    d = {(E(), 1): 'x'}\nexcept KeyError as e:\n    return 'raised', str(e)`,
  `class E:\n    def __eq__(self, o):\n        return True\nd = {(E(), 1): 'x'}`,
  `class N:\n    def __eq__(self, o):\n        return NotImplemented\n    def __hash__(self):\n        return 5\na, b = N(), N()\nd = {(a, 1): 'x'}\nreturn (b, 1) in d, (a, 1) in d, {(a,), (b,)} == {(b,), (a,)}`,
  `class T:\n    def __eq__(self, o):\n        return True\n    def __hash__(self):\n        return 0\nd = {(T(), 1): 'a', (0, 1): 'b', (False, 1): 'c'}\nreturn list(d.values()), len(d)`,
  `class T:\n    def __eq__(self, o):\n        return 'yes'\n    def __hash__(self):\n        return 7\nreturn {(T(), 7): 1}.get((7, 7)), (7, 7) in {(T(), 7)}, [(T(), 1)].count((1, 1)), (T(), 1) == (1, 1)`,
  `class M:\n    def __init__(self, d):\n        self.d = d\n    def __eq__(self, o):\n        self.d.clear()\n        return False\n    def __hash__(self):\n        return 1\nd = {}\nd[(M(d), 1)] = 1\nreturn (M(d), 1) in d, len(d)`,
  `class A:\n    def __init__(self, v):\n        self.v = v\n    def __eq__(self, o):\n        return isinstance(o, A) and self.v == o.v\n    def __hash__(self):\n        return hash(self.v)\nc = {}\nfor w in ['a', 'b', 'a', 'c', 'a']:\n    k = (A(w), len(w))\n    c[k] = c.get(k, 0) + 1\nreturn sorted(c.values()), len(c), {(A(1), 2), (A(1), 2)} == {(A(1), 2)}, len({(A(1), 2)} | {(A(1), 2)})`,
  // OrderedDict.move_to_end keeps the key as it was put
  `${A}import collections\nod = collections.OrderedDict()\nod[(A(1), 2)] = 1\nod[A(3)] = 2\nod[4] = 3\nod.move_to_end((1, 2))\nod.move_to_end(3)\nreturn [type(x).__name__ for x in od], list(od.values())`,
  `${A}import collections\nc = collections.Counter([(A(1), 2), (A(1), 2), (1, 2), (A(2), 2)])\nreturn sorted(c.values()), len(c), c[(1, 2)]`,
];

it('finds a tuple or frozenset holding an instance by its items\' __hash__ and __eq__, as CPython does', () => {
  expect(compareWithCPython(KEYS)).toEqual([]);
});

it('holds hostile tuple keys to the limits', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const cls = `class C:\n    def __hash__(self):\n        return 1\n    def __eq__(self, o):\n        return False\n`;
  for (const [source, error] of <[string, RegExp][]>[
    // 100,000 tuples of one hash: each put asks __eq__ of those before it
    [`${cls}d = {}\nfor i in range(100000):\n    d[(C(), 1)] = i\nreturn len(d)`, /^StepLimitError/],
    [`${cls}return len({(C(), i % 1) for i in range(100000)})`, /^StepLimitError/],
    // an instance at the bottom of tuples nested past the limit: hashing it is a RecursionError, as CPython's
    [`${cls}t = (C(),)\nfor i in range(2000):\n    t = (t,)\nreturn {t: 1}`, /^RecursionError/],
    // a key of 100,000 items looked up again and again: each lookup reads it all, paid for
    [`${cls}k = tuple(range(100000)) + (C(),)\nd = {k: 1}\nfor i in range(100000):\n    d.get(k)`, /^StepLimitError/],
    [`k = tuple(range(100000))\nd = {k: 1}\nfor i in range(100000):\n    d.get(k)`, /^StepLimitError/],
  ]) {
    const t0 = performance.now();
    expect(evaluator(engine, { source }).error).toMatch(error);
    expect(performance.now() - t0).toBeLessThan(8000);
  }
});
