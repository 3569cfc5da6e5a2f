import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** A class whose instances equal the value they hold, hashing as it does, logging each __eq__ call. */
const V = `log = []
class V:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        log.append(('eq', self.v, o.v if isinstance(o, V) else o))
        return (o.v if isinstance(o, V) else o) == self.v
    def __repr__(self):
        return f'V({self.v!r})'
`;

/** Keys of one hash told apart by __eq__, across types, with the calls CPython's dict and set make, in its order. */
const KEYS = [
  `${V}d = {1: 'a', 'x': 'b', (1, 2): 'c'}\nr = d[V(1)], d.get(V('x')), V(1) in d, V(2) in d, d.get(V((1, 2)))\nd[V(1)] = 'c'\nreturn r, d, log`,
  `${V}e = {V(1): 'p'}\nr = e[1], e.get(1.0), 1 in e, True in e, 2 in e\ne[1] = 'q'\nreturn r, e, log`,
  `${V}f = {V(1): 1, V(1): 2, 1: 3, 1.0: 4}\ng = {1: 1, 2: 2}\ndel g[V(1)]\nr = g.pop(V(2)), g\nreturn f, r, log`,
  `${V}s = {1, 'x'}\nr = V(1) in s, V('x') in s, V(3) in s\ns.add(V(1))\ns.add(V(4))\ns.discard(V('x'))\nt = {V(5)}\nr2 = 5 in t, 5.0 in t, 6 in t\nt.add(5)\nreturn r, sorted(s, key=repr), r2, t, log`,
  `${V}s = {V(1), V(2), V(1), 1, 2}\nreturn s, len(s), log`,
  `${V}d = {V(1): 'a'}\nreturn d == {1: 'a'}, {1: 'a'} == d, dict(d), d.copy()[1], log`,
  `${V}d = dict.fromkeys([1, 2, 3])\nreturn [d.get(V(i)) for i in range(5)], d.setdefault(V(2), 'x'), d.setdefault(V(9), 'y'), d, log`,
  // __eq__ need not be an equivalence: each stored key of the hash is asked, in the order it was put
  `log = []\nclass A:\n    def __init__(self, n):\n        self.n = n\n    def __hash__(self):\n        return 7\n    def __eq__(self, o):\n        log.append((self.n, getattr(o, 'n', o)))\n        return False\nd = {}\nfor i in range(4):\n    d[A(i)] = i\nd[7] = 'seven'\nr = d.get(7), A(9) in d\nreturn len(d), r, log`,
  `log = []\nclass B:\n    def __init__(self, n):\n        self.n = n\n    def __hash__(self):\n        return 0\n    def __eq__(self, o):\n        log.append((self.n, getattr(o, 'n', o)))\n        return self.n % 2 == getattr(o, 'n', o) % 2\ns = set()\nfor i in range(6):\n    s.add(B(i))\nd = {}\nfor i in range(6):\n    d[B(i)] = i\nreturn len(s), sorted(x.n for x in s), [(k.n, v) for k, v in d.items()], log`,
  `class H:\n    def __eq__(self, o):\n        return True\nreturn hash(H())`,
  `class H:\n    def __eq__(self, o):\n        return True\nreturn {H(): 1}`,
  `class H:\n    def __eq__(self, o):\n        return True\n    __hash__ = None\nreturn {1: 2}.get(H())`,
  `class H:\n    def __hash__(self):\n        return 1\nreturn {1: 'a'}.get(H()), H() in {1}`,
  // slot_tp_hash takes an int subclass's instance as the int it is
  `class I(int):\n    pass\nclass H:\n    def __hash__(self):\n        return I(5)\n    def __eq__(self, o):\n        return o == 5\nreturn hash(H()), {5: 'five'}.get(H()), H() in {5}`,
  `class V:\n    def __hash__(self):\n        return 2**62\n    def __eq__(self, o):\n        return o == 2**62\nclass W:\n    def __hash__(self):\n        return -1\n    def __eq__(self, o):\n        return o == -1\nreturn hash(V()), {2**62: 'big'}.get(V()), hash(W()), {-1: 'neg'}.get(W()), hash(2**64 + 5) == hash(type('X', (), {'__hash__': lambda s: 2**64 + 5})()) if False else 0`,
];

it('tells keys of one hash apart by __eq__, calling it as CPython\'s dict and set do', () => {
  expect(compareWithCPython(KEYS)).toEqual([]);
});

/** An __eq__ that changes the dict or set it is asked for, or recurses: CPython starts the lookup again, or meets its limits. */
const HOSTILE = [
  // removes the entry it is compared with: the lookup starts again and finds nothing
  `d = {}\nclass K:\n    def __hash__(self):\n        return 1\n    def __eq__(self, o):\n        d.pop(1, None)\n        return True\nd[1] = 'a'\nreturn d.get(K()), d`,
  `s = set()\nclass K:\n    def __hash__(self):\n        return 1\n    def __eq__(self, o):\n        s.discard(1)\n        return True\ns.add(1)\nreturn K() in s, s`,
  // clears it
  `d = {1: 'a', 2: 'b'}\nclass K:\n    def __hash__(self):\n        return 2\n    def __eq__(self, o):\n        d.clear()\n        return True\nreturn K() in d, d`,
  // removes another entry: the lookup goes on from where it was
  `d = {}\ndone = []\nclass K:\n    def __init__(self, n):\n        self.n = n\n    def __hash__(self):\n        return 3\n    def __eq__(self, o):\n        if self.n == 0 and not done:\n            done.append(1)\n            d.pop(K(2), None)\n        return getattr(o, 'n', o) == self.n\nfor i in range(3):\n    d[K(i)] = i\nreturn d.get(K(1)), len(d), done`,
  // takes the entry out and puts it back every time: CPython never finishes; here the budget stops it
  `d = {}\nclass K:\n    def __hash__(self):\n        return 1\n    def __eq__(self, o):\n        v = d.pop(1)\n        d[1] = v\n        return False\nd[1] = 'a'\nreturn K() in d`,
  // recurses
  `class R:\n    def __hash__(self):\n        return 1\n    def __eq__(self, o):\n        return {self: 1}.get(o) is not None\nreturn R() in {1: 2}`,
];

it('meets an __eq__ that changes the table or recurses as CPython does, within the limits', () => {
  const engine = new Engine({ maxMillis: 10_000 });
  const results = compareWithCPython(HOSTILE.slice(0, 4), engine);
  expect(results).toEqual([]);
  expect(evaluator(engine, { source: HOSTILE[4] }).error).toMatch(/^StepLimitError/);
  expect(evaluator(engine, { source: HOSTILE[5] }).error).toMatch(/^RecursionError/);
});

it('pays for 100,000 keys of one hash: each lookup asks __eq__ of those before it, a call each', () => {
  const engine = new Engine({ maxMillis: 60_000 });
  const cls = `class C:\n    def __hash__(self):\n        return 1\n    def __eq__(self, o):\n        return False\n`;
  expect(evaluator(engine, { source: `${cls}d = {}\nfor i in range(100000):\n    d[C()] = i\nreturn len(d)` }).error).toMatch(/^StepLimitError/);
  expect(evaluator(engine, { source: `${cls}return len({C() for i in range(100000)})` }).error).toMatch(/^StepLimitError/);
  // ints of one hash (i * (2**61 - 1)) call nothing, but are walked past: paid too
  const walk = `d = {i * (2**61 - 1): i for i in range(20000)}\nclass Q:\n    def __hash__(self):\n        return 0\n    def __eq__(self, o):\n        return False\nq = Q()\nfor i in range(2000):\n    q in d\nreturn True`;
  expect(evaluator(engine, { source: walk }).error).toMatch(/^StepLimitError/);
});

/**
 * An unhashable key is refused by every lookup, in a dict or set that holds an instance with its
 * own __eq__ (probed by hash) as in any other; an empty dict's pop answers before hashing, an OrderedDict's does not.
 */
it('refuses unhashable keys in every lookup as CPython does', () => {
  const classes = 'class A:\n    def __hash__(self):\n        return 1\n    def __eq__(self, o):\n        return True\nclass N:\n    def __eq__(self, o):\n        return True\nfrom collections import Counter, OrderedDict, defaultdict\n';
  const holders = ['d = {A(): 1}\ns = {A()}', 'd = {1: 1}\ns = {1}', 'd = {}\ns = set()', 'd = Counter()\ns = frozenset({A()})', 'd = OrderedDict()\ns = {2}', 'd = defaultdict(int, {A(): 1})\ns = {2}', 'd = OrderedDict({A(): 1})\ns = {2}'];
  const keys = ["bytearray(b'a')", '[1]', '{}', '{1}', 'N()', '(1, [2])', '{}.keys()', '{}.values()', 'frozenset({1})'];
  const lookups = ['d.get(K)', 'K in d', 'd[K]', 'd.pop(K)', 'd.setdefault(K)', 'd.pop(K, 0)', 'K in s', 's.discard(K)', 's.remove(K)', 'd.get(K, 5)', 's.add(K)'];
  expect(compareWithCPython(holders.flatMap((h) => keys.flatMap((k) => lookups.map((l) => `${classes}${h}\ntry:\n    return ${l.replace('K', k)}\nexcept KeyError:\n    return 'KeyError'`))))).toEqual([]);
});
