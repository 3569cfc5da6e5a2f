import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** Subclasses of a namedtuple's type: fields, _make, _replace and _asdict of the subclass, its repr, `__slots__ = ()`. */
const NAMEDTUPLES = [
  "from collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    __slots__ = ()\n    def norm(self): return self.x + self.y\np = P(1, 2)\nr = p._replace(x=5)\ntry:\n    p.z = 1\nexcept AttributeError as e:\n    z = str(e)\nreturn repr(p), p.norm(), r, type(r).__name__, p._asdict(), P._fields, P._make([3, 4]), type(P._make([3, 4])).__name__, z, [c.__name__ for c in type(p).__mro__], isinstance(p, tuple), json.dumps(p), hash(p) == hash((1, 2)), p == (1, 2), p[0], p + (3,), p[:1], p.count(1), p.index(2), str(p), len(p), list(p)",
  "from collections import namedtuple\nclass Q(namedtuple('Q', 'x y')):\n    def __repr__(self): return 'Q!'\nq = Q(1, 2)\nq.z = 5\ntry:\n    q.x = 3\nexcept AttributeError as e:\n    a = str(e)\ntry:\n    del q.y\nexcept AttributeError as e:\n    b = str(e)\nreturn q.z, repr(q), str(q), q.x, a, b, f'{q}', [q]",
  "from collections import namedtuple\nclass R(namedtuple('R', 'x y')):\n    def __new__(cls, x, y=0):\n        return super().__new__(cls, x, y)\nreturn R(1), R._make([1, 2]), R(1)._replace(y=3), R(1, 2)._make((5, 6)), R(y=2, x=1)",
  "from collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    __slots__ = ()\nclass S(P):\n    def s(self): return 'S'\ns = S(1, 2)\ns.w = 1\nreturn s, s.s(), s.w, S._make('ab'), [c.__name__ for c in S.__mro__], isinstance(s, P)",
  "from collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    pass\nreturn P(1)",
  "from collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    pass\nreturn P(1, 2)._replace(z=1)",
  "from collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    pass\nreturn P._make([1])",
  "from collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    def x(self): return 'method'\nreturn P(1, 2).x()",
  "from collections import namedtuple\nclass P(namedtuple('P', ['x', 'y'], defaults=[0])):\n    @property\n    def double(self): return 2 * self.x\n    def _make(cls, it):\n        return 'mine'\nreturn P(4).double, P(4), P(4)._replace(x=1)",
  "from collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    def __init__(self, x, y):\n        self.total = x + y\np = P(1, 2)\nmatch p:\n    case P(x=1, y=b):\n        m = b\nreturn p.total, m, {p: 1}[(1, 2)], sorted([P(2, 1), P(1, 2)])",
  "from collections import namedtuple\nclass A:\n    __slots__ = ()\nclass B(A):\n    pass\na = A()\ntry:\n    a.x = 1\nexcept AttributeError as e:\n    r = str(e)\nb = B()\nb.x = 1\nreturn r, b.x",
  "from collections import namedtuple\nBase = namedtuple('Base', 'a')\nclass P(Base):\n    __slots__ = ()\n    def __str__(self):\n        return 'str!'\nreturn str(P(1)), repr(P(1)), f'{P(1)!s}', P(1)",
  "from collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    pass\nmatch P(1, 2):\n    case P(1, b):\n        return b",
  "from collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    pass\nclass Q(P):\n    __match_args__ = ('y',)\nmatch Q(1, 2):\n    case Q(b):\n        return b",
  "from collections import namedtuple\nN = namedtuple('N', 'a b')\nclass P(N):\n    pass\nP.extra = 1\nN.shared = 2\np = P(1, 2)\nreturn p.extra, p.shared, P.shared, P._fields, N._make([1, 2]), P(1, 2) == N(1, 2), isinstance(p, N), issubclass(P, tuple)",
  "from collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    pass\ndata['p'] = P(1, [2])\nreturn True",
];

it('subclasses a namedtuple as CPython does', () => {
  expect(compareWithCPython(NAMEDTUPLES)).toEqual([]);
});

/** Subclasses of deque: maxlen, the class's methods (which deque's C methods do not call), copy, + and * calling the class as deque_copy does. */
const DEQUES = [
  "from collections import deque\nlog = []\nclass Q(deque):\n    def append(self, x):\n        log.append(('append', x))\n        super().append(x * 2)\nq = Q([1, 2], maxlen=3)\nq.append(3)\nq.extend([4])\nc = q.copy()\nreturn repr(q), q.maxlen, type(c).__name__, c, type(q + q).__name__, q + q, type(q * 2).__name__, q * 2, 2 * q, log, isinstance(q, deque), [t.__name__ for t in Q.__mro__], q == deque([2, 6, 4]), list(q), len(q), q[0], str(q)",
  "from collections import deque\nclass Q(deque):\n    def __init__(self, items, tag):\n        super().__init__(items)\n        self.tag = tag\nq = Q([1, 2], 't')\nq.appendleft(0)\ntry:\n    q.copy()\nexcept TypeError as e:\n    r = str(e)\nreturn q, q.tag, r",
  "from collections import deque\nclass Q(deque):\n    pass\nq = Q('abc', 2)\nq += 'xy'\nq *= 2\nr = q.copy()\nq.rotate(1)\nreturn q, r, type(r).__name__, Q(), Q(maxlen=0), q.pop(), q.popleft(), q.count('x')",
  "from collections import deque\nclass Q(deque):\n    def __repr__(self):\n        return 'Q!'\nq = Q([1])\nq.append(q)\nreturn repr(q), str(q), [q]",
  "from collections import deque\nclass Q(deque):\n    pass\nq = Q([1])\nq.append(q)\nreturn repr(q)",
  "from collections import deque\nclass Q(deque):\n    pass\nreturn Q([1], -1)",
  "from collections import deque\nclass Q(deque):\n    pass\nq = Q([1, 2, 3])\nfor x in q:\n    q.append(x)",
  "from collections import deque\nclass Q(deque):\n    pass\nq = Q([1])\ndata['q'] = 1\nreturn q + [1]",
  "from collections import deque\nclass Q(deque):\n    pass\nreturn hash(Q())",
  "from collections import deque\nclass Q(deque):\n    def __init__(self):\n        super().__init__()\nreturn Q() + Q()",
  "from collections import deque\nclass Q(deque):\n    def __init__(self, *a):\n        super().__init__(*a)\n    def popleft(self):\n        return 'mine ' + str(super().popleft())\nq = Q(range(5), 3)\nreturn q.popleft(), q, q.maxlen, q < Q([9]), Q([1]) == deque([1]), sorted([Q([2]), Q([1])])",
];

it('subclasses deque as CPython does', () => {
  expect(compareWithCPython(DEQUES)).toEqual([]);
});

/** Subclasses of Counter, defaultdict and OrderedDict: the base's methods through the class's (Counter's Python code, OrderedDict's and defaultdict's C calls of __setitem__, __contains__ and __getitem__), copies calling the class, the operators' result types, __missing__, repr by the class's name, json. */
const DICTS = [
  "from collections import Counter\nclass C(Counter):\n    pass\nc = C('abca')\nreturn repr(c), type(c + c).__name__, type(c.copy()).__name__, type(+c).__name__, c.most_common(1), c == Counter('abca'), json.dumps(c), c['zz'], isinstance(c, Counter), isinstance(c, dict), [t.__name__ for t in C.__mro__], str(c), C(), c - C('a'), c | C('aaaa'), c & C('a'), -C(a=-1)",
  "from collections import Counter\nclass C(Counter):\n    pass\nc2 = C(a=1)\nc2 += C(a=2)\nc3 = C(a=3, b=1)\nc3 -= C(a=1, b=1)\nc4 = C(a=1)\nc4 |= Counter(a=5, b=1)\nc5 = C(a=3, b=2)\nc5 &= Counter(a=1)\nreturn type(c2).__name__, c2, c3, type(c3).__name__, c4, c5",
  "from collections import Counter\nlog = []\nclass C(Counter):\n    def __setitem__(self, k, v):\n        log.append((k, v))\n        super().__setitem__(k, v)\n    def get(self, k, d=None):\n        log.append(('get', k))\n        return super().get(k, d)\nc = C('aba')\nc.update({'a': 1})\nc.subtract('b')\nc.update(z=1)\nreturn c, log",
  "from collections import Counter\nclass C(Counter):\n    def update(self, *a, **k):\n        self.seen = a\n        super().update(*a, **k)\nc = C('ab', x=2)\nreturn c, c.seen",
  "from collections import Counter\nclass C(Counter):\n    pass\nreturn C.fromkeys('ab')",
  "from collections import Counter\nclass C(Counter):\n    def __missing__(self, k):\n        return 'none'\n    def most_common(self, n=None):\n        return [('x', 1)]\nc = C('ab')\nreturn c['q'], repr(c), c.total(), sorted(c.elements()), c.copy()",
  "from collections import Counter\nclass C(Counter):\n    def __init__(self, tag):\n        super().__init__()\n        self.tag = tag\nc = C('t')\nc['a'] += 2\ntry:\n    c.copy()\nexcept TypeError as e:\n    r = str(e)\nreturn c, c.tag, r, C('q') == C('r'), C('x') == {}",
  "from collections import defaultdict\nclass D(defaultdict):\n    def __missing__(self, k):\n        return 'miss-' + k\nd = D(list)\nreturn d['x'], dict(d), d.default_factory, repr(d), type(d.copy()).__name__, repr(D()), d.get('x')",
  "from collections import defaultdict\nlog = []\nclass D(defaultdict):\n    def __setitem__(self, k, v):\n        log.append(k)\n        super().__setitem__(k, v)\nd = D(list, {'a': [1]}, b=[2])\nd['c'].append(3)\ne = d.copy()\nf = d | {'z': 1}\ng = {'y': 2} | d\nd.default_factory = int\nd['n'] += 1\nreturn repr(d), type(e).__name__, e, type(f).__name__, f, type(g).__name__, log, D.fromkeys('ab'), log, isinstance(d, defaultdict)",
  "from collections import defaultdict\nclass D(defaultdict):\n    def __init__(self):\n        super().__init__(int)\nd = D()\nd['a'] += 1\ntry:\n    d.copy()\nexcept TypeError as e:\n    r = str(e)\nreturn d, r",
  "from collections import defaultdict\nclass D(defaultdict):\n    pass\nreturn D(5)",
  "from collections import defaultdict\nclass D(defaultdict):\n    pass\nd = D()\nreturn d['x']",
  "from collections import OrderedDict\nlog = []\nclass O(OrderedDict):\n    def __setitem__(self, k, v):\n        log.append(('set', k, v))\n        super().__setitem__(k, v)\no = O(a=1)\no.update(b=2)\no.setdefault('c', 3)\no.move_to_end('a')\np = o.popitem()\nc = o.copy()\nf = O.fromkeys('xy')\nu = o | {'z': 1}\no |= {'w': 0}\nreturn p, repr(o), type(c).__name__, c, type(f).__name__, f, type(u).__name__, u, log, o == OrderedDict(o), o == OrderedDict(reversed(o.items())), o == dict(reversed(o.items()))",
  "from collections import OrderedDict\nlog = []\nclass O(OrderedDict):\n    def __getitem__(self, k):\n        log.append(('get', k))\n        return super().__getitem__(k)\n    def __delitem__(self, k):\n        log.append(('del', k))\n        return super().__delitem__(k)\n    def __contains__(self, k):\n        log.append(('in', k))\n        return super().__contains__(k)\no = O(a=1, b=2, c=3)\nr1 = o.popitem(last=False)\nr2 = o.pop('b')\nr3 = o.setdefault('z', 9), o.setdefault('z', 8)\nr4 = o.copy()\nreturn r1, r2, r3, r4, log, O(), O([('k', 1)], j=2), list(reversed(o))",
  "from collections import OrderedDict\nclass O(OrderedDict):\n    def items(self):\n        return [('fake', 1)]\nreturn repr(O(a=1)), json.dumps(O(b=1, a=2)), list(O(a=1).keys())",
  "from collections import OrderedDict\nclass O(OrderedDict):\n    pass\nreturn O(1, 2)",
  "from collections import OrderedDict\nclass O(OrderedDict):\n    pass\nreturn O([(1,)])",
  "from collections import OrderedDict\nclass O(OrderedDict):\n    pass\no = O()\no['self'] = o\ndata['x'] = 1\nreturn repr(o), hash(1)",
  "from collections import OrderedDict, Counter, defaultdict\nclass O(OrderedDict):\n    def __init__(self, *a, **k):\n        super().__init__(*a, **k)\n        self.n = len(self)\nclass C(Counter):\n    pass\nclass D(defaultdict):\n    pass\ndata['o'] = O(a=1)\ndata['c'] = C('aab')\ndata['d'] = D(list, x=[1])\nreturn True",
  "from collections import defaultdict\nclass D(defaultdict):\n    pass\nd = D(list)\nd['x'] = d\nreturn repr(d)",
];

it('subclasses Counter, defaultdict and OrderedDict as CPython does', () => {
  expect(compareWithCPython(DICTS)).toEqual([]);
});

/** Hostile overrides: recursing, raising, returning nonsense, mutating the instance while it is walked. */
const HOSTILE = [
  "from collections import Counter\nclass C(Counter):\n    def __setitem__(self, k, v):\n        self[k] = v\nreturn C('ab')",
  "from collections import Counter\nclass C(Counter):\n    def get(self, k, d=None):\n        raise ValueError('no get')\nreturn C('ab')",
  "from collections import OrderedDict\nclass O(OrderedDict):\n    def items(self):\n        return self.items()\nreturn repr(O(a=1))",
  "from collections import defaultdict\nclass D(defaultdict):\n    pass\nd = D(lambda: d['x'])\nreturn d['y']",
  "from collections import defaultdict\nclass D(defaultdict):\n    def __setitem__(self, k, v):\n        raise KeyError('nope')\nd = D(list)\ntry:\n    d['a']\nexcept KeyError as e:\n    r = repr(e)\nreturn r, dict(d)",
  "from collections import deque\nclass Q(deque):\n    pass\nq = Q(range(10))\nfor x in q:\n    q.append(x)",
  "from collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    def _make(self, it):\n        return self._replace(x=1)\nreturn P(1, 2)._replace(y=5)",
  "from collections import Counter\nclass C(Counter):\n    def most_common(self, n=None):\n        return 5\nreturn repr(C('a'))",
  "from collections import Counter\nclass C(Counter):\n    pass\nc = C(range(20))\nfor k in c:\n    c[k + 5000] = 1",
];

it('holds hostile subclasses of the collections types as CPython does', () => {
  expect(compareWithCPython(HOSTILE)).toEqual([]);
});

it('meets the limits with huge or endless subclasses of collections types', () => {
  // time enough on a loaded machine for the step and recursion limits to come first
  const engine = new Engine({ maxMillis: 20_000, requestMillis: 20_000 });
  const run = (source: string) => evaluator(engine, { source }).error;
  // a deque whose __init__ copies it: each copy calls the class again, to the recursion limit
  expect(run(`from collections import deque\nclass Q(deque):\n    def __init__(self, *a):\n        super().__init__(*a)\n        self.copy()\nreturn Q([1])`)).toMatch(/^RecursionError/);
  // Counter's update through the class, a step an element: a huge iterable meets the step limit
  expect(run(`from collections import Counter\nclass C(Counter):\n    def get(self, k, d=None):\n        return super().get(k, d)\nreturn C(range(10**7))`)).toMatch(/^StepLimitError/);
  expect(run(`from collections import OrderedDict\nclass O(OrderedDict):\n    pass\nreturn len(O.fromkeys(range(10**7)))`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(run(`from collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    pass\nreturn P._make(range(10**8))`)).toMatch(/^(StepLimitError|MemoryError)/);
});

/** The operators between subclasses' instances and their bases' or dict's: result types, NotImplemented passed on to dict's | as CPython's slots do, == by each base's rules. */
const OPERATORS = [
  "from collections import Counter, OrderedDict, defaultdict\nclass C(Counter):\n    pass\nclass O(OrderedDict):\n    pass\nclass D(defaultdict):\n    pass\nr = []\nfor f in [lambda: C('a') | {'b': 1}, lambda: {'b': 1} | C('a'), lambda: C('a') + Counter('b'), lambda: Counter('b') + C('a'), lambda: C('a') - {'a': 1}, lambda: O(a=1) | C('a'), lambda: D(int, a=1) | O(b=2), lambda: O(b=2) | D(int, a=1), lambda: Counter(a=0) == C(), lambda: C() == Counter(a=0), lambda: O(a=1, b=2) == O(b=2, a=1), lambda: O(a=1, b=2) == OrderedDict(b=2, a=1), lambda: OrderedDict(a=1, b=2) == O(b=2, a=1), lambda: -C(a=-2, b=1), lambda: C(a=1) + 1, lambda: D(int) + D(int)]:\n    try:\n        x = f()\n        r.append((type(x).__name__, x))\n    except Exception as e:\n        r.append(repr(e))\nreturn r",
];

it('answers operators of collections subclasses as CPython does', () => {
  expect(compareWithCPython(OPERATORS)).toEqual([]);
});

/** A deque's maxlen is a getset without a setter: a store or delete is refused, on a subclass's instance as on a deque, and never lands in the instance's attributes. */
const MAXLEN = [
  "class D(collections.deque):\n    pass\nd = D([1, 2], 1)\nd.maxlen = 3\nreturn d.maxlen, d",
  "d = collections.deque([1, 2], 1)\nd.maxlen = 3",
  "d = collections.deque([1, 2], 1)\ndel d.maxlen",
  "d = collections.deque([1, 2], 1)\nd.x = 3",
  "d = collections.deque([1, 2], 1)\ndel d.x",
  "class D(collections.deque):\n    pass\nd = D([1, 2], 1)\ndel d.maxlen",
  "class D(collections.deque):\n    pass\nd = D([1, 2], 1)\nd.x = 5\ndel d.x\nd.y = 1\nreturn d.y, d.maxlen",
  "class D(collections.deque):\n    def __init__(self):\n        self.maxlen = 4\nD()",
  "class D(collections.deque):\n    maxlen = 7\nd = D([1])\nd.maxlen = 3\nreturn d.maxlen, D.maxlen",
  "class D(collections.deque):\n    __slots__ = ()\nd = D([1])\nd.maxlen = 3",
  "class D(collections.deque):\n    __slots__ = ()\nd = D([1])\nd.q = 3",
  "class D(collections.deque):\n    @property\n    def maxlen(self): return 'p'\nd = D([1], 2)\nreturn d.maxlen, d",
].map((s) => `import collections\n${s}`);

it('refuses to set or delete a deque\'s maxlen as CPython does', () => {
  expect(compareWithCPython(MAXLEN)).toEqual([]);
});

/** Counter's +, -, |, &, unary + and - are Python code: a subclass's items(), [] (its __missing__) and `in` answer for it, on either side. */
const COUNTER_ARITHMETIC = [
  "class C(collections.Counter):\n    def __getitem__(self, k): return 100\nc = C('ab')\nreturn c - c, c | c, c & c, c + collections.Counter('a'), collections.Counter('a') + c, c + c",
  "class C(collections.Counter):\n    def items(self): return [('z', 5)]\nc = C('ab')\nreturn c + c, c - C(), c | collections.Counter('q'), c & c",
  "class C(collections.Counter):\n    def __missing__(self, k): return 50\nc = C('ab')\nreturn c + C('x'), C('x') + c, c - C('x'), c['q'], c | C('y'), c & C('a')",
  "class C(collections.Counter):\n    def __contains__(self, k):\n        data.setdefault('in', []).append(k)\n        return True\nc = C('ab')\nreturn c | C('x'), c & C('x'), c + C('x'), C('x') - c, data",
  "class C(collections.Counter):\n    def items(self): return [(1, 2, 3)]\nreturn C('a') + C('b')",
  "class C(collections.Counter):\n    def items(self): return [(1,)]\nreturn C('a') + C('b')",
  "class C(collections.Counter):\n    def items(self): return 5\nreturn C('a') + C('b')",
  "class C(collections.Counter):\n    def items(self): return ['ab']\nreturn C('a') + C('b'), C('a') - C('b')",
  "class C(collections.Counter):\n    def __getitem__(self, k): return 'x'\nreturn C('a') + C('b')",
  "class C(collections.Counter):\n    def __getitem__(self, k): raise KeyError(k)\nreturn C('a') + C('b')",
  "class C(collections.Counter):\n    pass\nreturn C('aab') + C('bc'), C('aab') - C('bc'), C('aab') | C('bc'), C('aab') & C('bc'), C(a=-1) + C(), C() - C(a=-2), type(C('a') + C('a')).__name__",
  "class C(collections.Counter):\n    pass\nreturn C(a=1.5) + collections.Counter(a=2), collections.Counter(b=1) - C(b=0.5), C(a=True) | C(a=2)",
  "class C(collections.Counter):\n    def __getitem__(self, k): return super().__getitem__(k) * 10\nreturn C('aab') + C('bc'), C('aab') | C('bc'), C('aab') & C('bc')",
  "class C(collections.Counter):\n    def items(self): return self.items()\nreturn C() + C()",
  "class C(collections.Counter):\n    def items(self): return [('z', 5), ('y', -2)]\nc = C('ab')\nreturn -c, +c, type(-c).__name__",
  "class C(collections.Counter):\n    def items(self): return [('z',)]\nreturn +C('a')",
  "class C(collections.Counter):\n    pass\nc = C(a=2, b=-3, c=0)\nreturn -c, +c, type(+c).__name__",
].map((s) => `import collections\n${s}`);

it('combines Counter subclasses through their own items, [] and in as CPython does', () => {
  expect(compareWithCPython(COUNTER_ARITHMETIC)).toEqual([]);
});

/**
 * Counter's most_common, elements, total and __repr__ are Python code: a subclass's items(), values() and most_common() answer for
 * them, with heapq.nlargest's calls and comparisons for most_common(n) and itertools' for elements(); the functions through the class too.
 */
const COUNTER_METHODS = [
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [('x', 5), ('y', 7)]\nc = C('aab')\nreturn c.most_common(), c.most_common(1), sorted(c.elements()), c.total(), repr(c)",
  "from collections import Counter\nclass C(Counter):\n    def values(self):\n        return [10, 20]\nc = C('aab')\nreturn c.total(), c.most_common(), repr(c)",
  "from collections import Counter\nclass C(Counter):\n    def __getitem__(self, k):\n        return 100\nc = C('aab')\nreturn c.most_common(), list(c.elements()), c.total(), repr(c), c['a']",
  "from collections import Counter\nclass C(Counter):\n    def __iter__(self):\n        return iter(['q'])\nc = C('aab')\nreturn c.most_common(), list(c.elements()), c.total(), repr(c)",
  "from collections import Counter\nclass C(Counter):\n    def most_common(self, n=None):\n        return [('z', 1)]\nc = C('aab')\nreturn repr(c), str(c), f'{c}'",
  "from collections import Counter\nclass C(Counter):\n    def most_common(self, n=None):\n        raise TypeError('no')\nc = C('aab')\nreturn repr(c)",
  "from collections import Counter\nclass C(Counter):\n    def most_common(self, n=None):\n        raise ValueError('no')\nc = C('aab')\nreturn repr(c)",
  "from collections import Counter\nclass C(Counter):\n    def __len__(self):\n        return 0\nc = C('aab')\nreturn repr(c)",
  "from collections import Counter\nclass C(Counter):\n    def __bool__(self):\n        return False\nc = C('aab')\nreturn repr(c)",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [('x', 'a'), ('y', 1)]\nc = C('aab')\nreturn repr(c)",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [('x', 'a'), ('y', 1)]\nc = C('aab')\nreturn c.most_common()",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [('x', 2.5)]\nc = C('aab')\nreturn list(c.elements())",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [('x', -2), ('y', 0), ('z', 2)]\nc = C('aab')\nreturn list(c.elements()), c.most_common(2), c.most_common(-1), c.most_common(0)",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return 5\nc = C('aab')\nreturn c.most_common()",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [(1, 2, 3)]\nc = C('aab')\nreturn list(c.elements())",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [(1, 2, 3)]\nc = C('aab')\nreturn c.most_common()",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [1]\nc = C('aab')\nreturn c.most_common()",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [1]\nc = C('aab')\nreturn c.most_common(1)",
  "from collections import Counter\nclass C(Counter):\n    pass\nc = C('aab')\nreturn c.most_common(), c.most_common(1), list(c.elements()), c.total(), repr(c), C(), c.most_common(n=1)",
  "from collections import Counter\nclass C(Counter):\n    def values(self):\n        return ['a', 'b']\nc = C('aab')\nreturn c.total()",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return iter([('a', 3), ('b', 3), ('c', 4)])\nc = C('x')\nreturn c.most_common(), c.most_common(2), list(c.elements())",
  "from collections import Counter\nclass C(Counter):\n    pass\nc = C({'a': 1.5, 'b': 2})\nreturn list(c.elements())",
  "from collections import Counter\nc = Counter({'a': 1.5, 'b': 2})\nreturn list(c.elements())",
  "from collections import Counter\nc = Counter({'a': 2, 'b': 3})\nreturn c.most_common('x')",
  "from collections import Counter\nc = Counter({'a': 2, 'b': 3})\nreturn c.most_common(1.5)",
  "from collections import Counter\nclass C(Counter):\n    pass\nc = C({'a': 2, 'b': 3})\nreturn c.most_common('x')",
  "from collections import Counter\nc = Counter({'a': 2, 'b': 3, 'c': 1})\nreturn c.most_common(True), c.most_common(-5), c.most_common(10)",
  "from collections import Counter\nc = Counter({'a': 'x', 'b': 'y'})\nreturn c.most_common(1), c.most_common()",
  "from collections import Counter\nc = Counter({'a': 'x', 'b': 1})\nreturn c.most_common(1)",
  "from collections import Counter\nlog = []\nclass K:\n    def __init__(self, v): self.v = v\n    def __lt__(self, o):\n        log.append((self.v, o.v))\n        return self.v < o.v\n    def __gt__(self, o):\n        log.append(('gt', self.v, o.v))\n        return self.v > o.v\n    def __eq__(self, o):\n        log.append(('eq', self.v, o.v))\n        return self.v == o.v\n    def __repr__(self): return f'K{self.v}'\nc = Counter({i: K(i % 7) for i in range(20)})\nr = c.most_common(4), c.most_common(1), c.most_common()[:3]\nreturn r, log",
  "from collections import Counter\nc = Counter({'a': 2, 'b': 3, 'c': 1})\nreturn c.most_common(1.0), c.most_common(True), c.most_common(0), c.most_common(-1), c.most_common(False)",
  "from collections import Counter\nc = Counter({'a': 2, 'b': 3, 'c': 1})\nreturn c.most_common(5.5)",
  "from collections import Counter\nc = Counter({'a': 2, 'b': 3, 'c': 1})\nreturn c.most_common(2.5)",
  "from collections import Counter\nc = Counter({'a': 2, 'b': 3, 'c': 1})\nreturn c.most_common(None), c.most_common(n=2)",
  "from collections import Counter\nc = Counter({'a': 2, 'b': 3, 'c': 1})\nreturn c.most_common(1, 2)",
  "from collections import Counter\nc = Counter({'a': 2, 'b': 3, 'c': 1})\nreturn c.most_common(m=2)",
  "from collections import Counter\nc = Counter({'a': 2, 'b': 3, 'c': 1})\nreturn c.elements(1)",
  "from collections import Counter\nc = Counter({'a': 2, 'b': 3, 'c': 1})\nreturn c.total(x=1)",
  "from collections import Counter\nc = Counter({'a': 2, 'b': 3, 'c': 1})\nreturn Counter.most_common(c, 2), list(Counter.elements(c)), Counter.total(c)",
  "from collections import Counter\nreturn Counter.most_common()",
  "from collections import Counter\nc = Counter({'a': 1, 'b': 'x'})\nreturn repr(c)",
  "from collections import Counter\nc = Counter({'a': 1.5, 'b': 2, 'c': True})\nreturn c.total(), repr(c), type(c.elements()).__name__",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [('x',)]\nc = C('a')\ne = c.elements()\nreturn next(e), next(e)",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [('x', 10**30)]\nreturn list(C('a').elements())",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [('x', 'a')]\nreturn list(C('a').elements())",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [5]\nreturn list(C('a').elements())",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return 5\nreturn C('a').elements()",
  "from collections import Counter\nclass C(Counter):\n    def values(self):\n        return 5\nreturn C('a').total()",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return {'k': 1, 'q': 2}\nreturn C('a').most_common(), C('a').most_common(1)",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [{1: 'one'}, {1: 'two'}, {1: 'three'}]\nreturn C('a').most_common(), C('a').most_common(2), C('a').most_common(1)",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [('a', 1), ('b', 'x'), ('c', 2), ('d', 3)]\nreturn C('a').most_common(2)",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [('a', 1), ('b', 'x'), ('c', 2), ('d', 3)]\nreturn C('a').most_common(1)",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [('a', 1), ('b', 'x'), ('c', 2), ('d', 3)]\nreturn C('a').most_common(3)",
  "from collections import Counter\nclass C(Counter):\n    def items(self):\n        return [('a', 1), ('b', 'x'), ('c', 2), ('d', 3)]\nreturn repr(C('a'))",
  "from collections import Counter\nclass C(Counter):\n    def __repr__(self):\n        return 'mine'\nreturn repr(C('a')), str(C('a')), [C('ab')]",
  "from collections import Counter\nclass C(Counter):\n    def most_common(self, n=None):\n        return 5\nreturn repr(C('a'))",
  "from collections import Counter\nclass C(Counter):\n    def most_common(self, n=None):\n        return [(1, 2, 3)]\nreturn repr(C('a'))",
  "from collections import Counter\nc = Counter('abracadabra')\nreturn c.most_common(), c.most_common(3), sorted(c.elements()), c.total(), repr(c), str(c), Counter(), repr(Counter(a=0, b=-1))",
  "from collections import Counter\nc = Counter(a=3, b=2, c=3, d=2, e=1)\nreturn c.most_common(2), c.most_common(3), c.most_common(4), c.most_common(5)",
  "from collections import Counter\nreturn Counter.total(5)",
  "from collections import Counter\nclass C(Counter):\n    pass\nreturn C.most_common(C('aab')), C.total(C('ab')), C.most_common.__qualname__",
  "from collections import Counter\nclass C(Counter):\n    def total(self):\n        return 'mine'\nreturn C.total(C('ab')), C('ab').total(), Counter.total(C('ab'))",
];

it("runs Counter's Python methods through a subclass's overrides as CPython does", () => {
  expect(compareWithCPython(COUNTER_METHODS)).toEqual([]);
  // past 2,500 items heapq.heapify goes row by row (cache_friendly_heapify), comparing in another order; a long run, with time for it.
  // The log keeps the heap's comparisons, the first 5,000: the final sort's are list.sort's (V8's merge order, not CPython's)
  const big = 'from collections import Counter\nc = Counter({i: (i * 7919) % 101 for i in range(2700)})\nreturn c.most_common(5), c.most_common(2600)[-3:], c.most_common(1)';
  const compared = "from collections import Counter\nlog = []\nclass K:\n    def __init__(self, v): self.v = v\n    def __lt__(self, o):\n        if len(log) < 5000: log.append(self.v)\n        return self.v < o.v\n    def __eq__(self, o):\n        return self.v == o.v\nc = Counter({i: K((i * 7919) % 2609) for i in range(2600)})\nr = [k for k, v in c.most_common(2550)][:5]\nreturn r, len(log), sum(i * x for i, x in enumerate(log)) % 1000003";
  expect(compareWithCPython([big, compared], new Engine({ maxMillis: 20_000, maxSteps: 1_000_000 }))).toEqual([]);
});

/**
 * Lay-outs as CPython's best_base finds them: two namedtuples' classes are tuple's (Python code with `__slots__ = ()`) and mix, the
 * first making the instances and the other's fields read as its _tuplegetters; OrderedDict and defaultdict have their own and do not;
 * a class giving tuple, int or bytes a __dict__ has its own too.
 */
const LAYOUTS = [
  "from collections import namedtuple\nA = namedtuple('A', 'x')\nB = namedtuple('B', 'y')\nclass C(A, B):\n    pass\nreturn [t.__name__ for t in C.__mro__], C(1)",
  "from collections import OrderedDict, defaultdict\nclass C(OrderedDict, defaultdict):\n    pass\nreturn C",
  "from collections import OrderedDict, defaultdict\nclass C(defaultdict, OrderedDict):\n    pass\nreturn C",
  "from collections import OrderedDict, Counter\nclass C(OrderedDict, Counter):\n    pass\nreturn [t.__name__ for t in C.__mro__]",
  "from collections import Counter, defaultdict\nclass C(Counter, defaultdict):\n    pass\nreturn [t.__name__ for t in C.__mro__]",
  "from collections import namedtuple\nA = namedtuple('A', 'x')\nclass C(A, tuple):\n    pass\nreturn [t.__name__ for t in C.__mro__]",
  "from collections import namedtuple\nA = namedtuple('A', 'x')\nclass C(tuple, A):\n    pass",
  "from collections import namedtuple\nA = namedtuple('A', 'x')\nclass C(A, list):\n    pass",
  "from collections import namedtuple\nA = namedtuple('A', 'x')\nclass C(A, A):\n    pass",
  "from collections import namedtuple\nA = namedtuple('A', 'x')\nclass B(A):\n    pass\nclass C(B, A):\n    pass\nreturn [t.__name__ for t in C.__mro__], C(5)",
  "from collections import namedtuple, deque\nA = namedtuple('A', 'x')\nclass C(A, deque):\n    pass",
  "from collections import OrderedDict\nclass C(OrderedDict, dict):\n    pass\nreturn [t.__name__ for t in C.__mro__], C(a=1)",
  "from collections import OrderedDict\nclass C(dict, OrderedDict):\n    pass",
  "from collections import defaultdict\nclass C(defaultdict, dict):\n    pass\nreturn [t.__name__ for t in C.__mro__]",
  "from collections import OrderedDict, defaultdict\nclass A(OrderedDict): pass\nclass B(defaultdict): pass\nclass C(A, B):\n    pass",
  "from collections import namedtuple\nA = namedtuple('A', 'x')\nB = namedtuple('B', 'y')\nclass A2(A): pass\nclass B2(B): pass\nclass C(A2, B2):\n    pass\nreturn [t.__name__ for t in C.__mro__]",
  "class T1(tuple): pass\nclass T2(tuple): pass\nclass C(T1, T2): pass\nreturn 1",
  "class T1(tuple):\n    __slots__ = ()\nclass T2(tuple): pass\nclass C(T1, T2): pass\nreturn 1",
  "class T1(int): pass\nclass T2(int): pass\nclass C(T1, T2): pass\nreturn 1",
  "class T1(list): pass\nclass T2(list): pass\nclass C(T1, T2): pass\nreturn 1",
  "class T1(bytes): pass\nclass T2(bytes): pass\nclass C(T1, T2): pass\nreturn 1",
  "class T1(str): pass\nclass T2(str): pass\nclass C(T1, T2): pass\nreturn 1",
  "from collections import namedtuple\nA = namedtuple('A', 'x')\nB = namedtuple('B', 'y')\nclass A2(A):\n    __slots__ = ()\nclass C(A2, B):\n    pass\nreturn [t.__name__ for t in C.__mro__], C(3).y, C(3).x, C._fields",
  "from collections import namedtuple\nA = namedtuple('A', 'x')\nclass A2(A): pass\nclass C(A2, tuple):\n    pass\nreturn [t.__name__ for t in C.__mro__]",
  "from collections import namedtuple\nA = namedtuple('A', 'x')\nclass T(tuple): pass\nclass C(A, T):\n    pass\nreturn [t.__name__ for t in C.__mro__]",
  "from collections import namedtuple\nA = namedtuple('A', 'x')\nB = namedtuple('B', 'x y z')\nclass C(A, B):\n    pass\nc = C(7)\nreturn c.x, c._fields, repr(c), c._asdict(), c._replace(x=2)",
  "from collections import namedtuple\nA = namedtuple('A', 'x')\nB = namedtuple('B', 'x y z')\nclass C(A, B):\n    pass\nreturn C(7).z",
  "from collections import namedtuple\nA = namedtuple('A', 'x y')\nB = namedtuple('B', 'p q')\nclass C(A, B):\n    pass\nreturn C(1, 2).q, C(1, 2).p",
];

it('lays out namedtuple, OrderedDict, defaultdict and variable-size bases as CPython does', () => {
  expect(compareWithCPython(LAYOUTS)).toEqual([]);
});

/** _asdict and _replace are Python functions of a namedtuple's class: P._asdict(p), and super()._asdict() in a subclass's own. */
it("calls a namedtuple class's _asdict and _replace through the class and super() as CPython does", () => {
  expect(compareWithCPython([
    "from collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P._asdict(P(1, 2)), P._replace(P(1, 2), x=3), P._asdict.__qualname__, P._replace.__name__, P._replace.__module__",
    "from collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P._asdict()",
    "from collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P._replace(P(1, 2), 5)",
    "from collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P._replace(P(1, 2), z=5)",
    "from collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P._asdict(P(1, 2), 3)",
    "from collections import namedtuple\nP = namedtuple('P', 'x y')\nclass Q(P):\n    def _asdict(self):\n        return super()._asdict() | {'q': 1}\nreturn Q(1, 2)._asdict(), Q._replace(Q(1, 2), y=0), P._asdict(Q(3, 4)), type(P._replace(Q(1, 2), x=0)).__name__",
    "from collections import namedtuple\nP = namedtuple('P', 'x y')\nclass Q(P):\n    def _replace(self, **kw):\n        return ('mine', super()._replace(**kw))\nreturn Q(1, 2)._replace(x=9)",
    "from collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P._replace(self=P(1, 2))",
  ])).toEqual([]);
});

// CPython makes a subclass of ChainMap or itertools.count; the evaluator does not: refused past any except, not a TypeError a condition could catch
it('refuses a subclass of a type it does not subclass, past any except', () => {
  const engine = new Engine();
  for (const base of ['collections.ChainMap', 'itertools.count']) {
    expect(evaluator(engine, { source: `import collections, itertools\ntry:\n    class S(${base}): pass\nexcept TypeError:\n    return 'caught'\nreturn 1` }).error).toMatch(/^UnsupportedError: a class of a condition may not subclass/);
  }
});
