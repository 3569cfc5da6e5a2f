import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/**
 * Comparisons of a condition's classes: each operator by its own method (a class with only
 * __lt__ has no <=), reflected in CPython's order, NotImplemented, answers that are not
 * bools, and dict keys and set members whose hashes agree told apart by __eq__.
 */
const COMPARISONS = [
  `class S:\n    def __init__(self, n):\n        self.n = n\n    def __lt__(self, o):\n        return self.n < o.n\nreturn S(1) < S(2), S(2) > S(1), sorted([S(3), S(1)])[0].n`,
  `class S:\n    def __init__(self, n):\n        self.n = n\n    def __lt__(self, o):\n        return self.n < o.n\nreturn S(1) <= S(2)`,
  `class S:\n    def __init__(self, n):\n        self.n = n\n    def __lt__(self, o):\n        return self.n < o.n\nreturn S(1) >= S(2)`,
  `class S:\n    def __init__(self, n):\n        self.n = n\n    def __le__(self, o):\n        return self.n <= o.n\n    def __ge__(self, o):\n        return self.n >= o.n\n    def __gt__(self, o):\n        return self.n > o.n\nreturn S(1) <= S(1), S(1) >= S(2), S(2) > S(1), S(1) < S(2)`,
  `class S:\n    def __lt__(self, o):\n        return NotImplemented\nreturn S() < S()`,
  `class S:\n    def __lt__(self, o):\n        return NotImplemented\nreturn S() < 1`,
  `class V:\n    def __init__(self, n):\n        self.n = n\n    def __eq__(self, o):\n        return self.n == o.n\n    def __hash__(self):\n        return 1\nreturn len({V(1), V(2), V(1)}), {V(1): 'a', V(2): 'b'}[V(2)], V(3) in {V(1): 0}`,
  `class V:\n    def __init__(self, n):\n        self.n = n\n    def __eq__(self, o):\n        return False\n    def __hash__(self):\n        return 1\nv = V(1)\nreturn v == v, v != v, v in [v], len({v, v}), {v: 1}[v]`,
  `class V:\n    def __ne__(self, o):\n        return 'ne!'\nreturn V() != V(), V() == V()`,
  `class V:\n    def __eq__(self, o):\n        return NotImplemented\nv = V()\nreturn v == v, v != v, V() == V(), V() != 1`,
  `class A:\n    def __eq__(self, o):\n        return 'A'\nclass B(A):\n    def __eq__(self, o):\n        return 'B'\nreturn A() == B(), B() == A(), A() != B()`,
  `class T:\n    def __lt__(self, o):\n        return True\nreturn (1, T()) < (1, T()), [T()] < [T()], max(T(), T()) is not None`,
  `class C:\n    def __lt__(self, o):\n        return True\nimport datetime\nreturn C() < datetime.date(2020, 1, 1), datetime.date(2020, 1, 1) > C()`,
  `class R:\n    def __lt__(self, o):\n        return 'lt!'\n    def __eq__(self, o):\n        return ['eq']\n    def __ne__(self, o):\n        return 0\n    __hash__ = None\nreturn R() < R(), R() == R(), R() != R(), 1 < 2 < R(), 1 < 0 < R(), R() < R() < 5, R() > 3`,
  `class R:\n    def __gt__(self, o):\n        return 0\nreturn 1 < R() < 3`,
  `class V:\n    def __init__(self, n):\n        self.n = n\n    def __eq__(self, o):\n        return isinstance(o, V) and self.n % 3 == o.n % 3\n    def __hash__(self):\n        return 7\n    def __repr__(self):\n        return f'V{self.n}'\ns = {V(1), V(2), V(4), V(5), V(3)}\nd = {}\nfor i in range(9):\n    d[V(i)] = d.get(V(i), 0) + 1\nreturn sorted(s, key=lambda v: v.n), d, V(7) in s, V(6) in s`,
];

it('compares instances as CPython does', () => {
  expect(compareWithCPython(COMPARISONS)).toEqual([]);
});

/** The other dunders: arithmetic and its reflection, unary operators, __bool__, items, __call__, __format__. */
const OPERATORS = [
  `class C:\n    def __eq__(self, o):\n        raise KeyError('e')\n    def __hash__(self):\n        return 1\nd = {C(): 1}\ntry:\n    d[C()] = 2\nexcept KeyError as e:\n    return 'caught', len(d)`,
  `class C:\n    def __lt__(self, o):\n        raise ValueError('no')\ntry:\n    sorted([C(), C(), C()])\nexcept ValueError:\n    return 'ok'`,
  `class C:\n    def __add__(self, o):\n        return NotImplemented\n    def __radd__(self, o):\n        return NotImplemented\nclass D:\n    def __radd__(self, o):\n        return 'D'\nreturn C() + D()`,
  `class C:\n    def __call__(self, *a, **k):\n        return a, k\nreturn C()(1, x=2), C()(*[1, 2], **{'y': 3})`,
  `class A:\n    pass\nclass B(A):\n    pass\nreturn isinstance(B(), (int, A)), issubclass(B, (A, int)), issubclass(B, B), B.__mro__[1] is A`,
  `class P:\n    def __init__(self):\n        self._v = 0\n    v = property(lambda s: s._v, lambda s, x: setattr(s, '_v', x))\nreturn P().v`,
  `class C:\n    @property\n    def p(self):\n        return 1\n    @p.getter\n    def p(self):\n        return 2\nreturn C().p`,
  `@staticmethod\ndef f():\n    return 1\nreturn type(f).__name__`,
  `class C:\n    pass\nC.m = lambda self: 'dyn'\nC.s = staticmethod(lambda: 'st')\nC.c = classmethod(lambda cls: cls.__name__)\nreturn C().m(), C().s(), C.c(), C().c()`,
  `class N:\n    def __init__(self, v):\n        self.v = v\n    def __lt__(self, o):\n        return self.v < o.v\n    def __eq__(self, o):\n        return self.v == o.v\n    __hash__ = None\nreturn max(N(1), N(3)).v, min([N(5), N(2)]).v, N(1) in [N(1)], sorted([N(3), N(1), N(2)], reverse=True)[0].v`,
  `class V:\n    def __init__(self, n):\n        self.n = n\n    def __eq__(self, o):\n        return isinstance(o, V) and self.n == o.n\n    def __hash__(self):\n        return self.n % 2\ns = set()\nfor i in range(6):\n    s.add(V(i % 3))\nreturn len(s), sorted(v.n for v in s), V(2) in s, {V(1): 'a'} == {V(1): 'a'}, s - {V(0)} == {V(1), V(2)}`,
  `class M:\n    def __format__(self, spec):\n        return 'F' + spec\n    def __str__(self):\n        return 'S'\nreturn f'{M()}', format(M()), '{}'.format(M()), f'{M()!s}', f'{M():>3}', str(M())`,
  `class M:\n    def __str__(self):\n        return 'S'\nreturn f'{M()}', format(M()), '{}'.format(M()), f'{M()!r:>3}' != ''`,
  `class C:\n    def __init__(self):\n        self.i = 0\n    def __next__(self):\n        self.i += 1\n        if self.i > 2:\n            raise StopIteration\n        return self.i\nc = C()\nreturn next(c), next(c), next(c, 'end')`,
  `class C:\n    def __next__(self):\n        raise StopIteration('done')\nreturn next(C())`,
  `class C:\n    def __add__(self, o):\n        return NotImplemented\n    def __radd__(self, o):\n        return 'r'\nreturn C() + C()`,
  `class N:\n    def __init__(self, v):\n        self.v = v\n    def __add__(self, o):\n        return N(self.v + (o.v if isinstance(o, N) else o))\n    def __radd__(self, o):\n        return N(o + self.v)\n    def __sub__(self, o):\n        return N(self.v - o)\n    def __rsub__(self, o):\n        return N(o - self.v)\n    def __mul__(self, o):\n        return N(self.v * o)\n    def __rmul__(self, o):\n        return N(self.v * o * 10)\n    def __neg__(self):\n        return N(-self.v)\n    def __abs__(self):\n        return N(abs(self.v))\n    def __pos__(self):\n        return 'pos'\nx = N(2)\nx += 3\nreturn (N(1) + N(2)).v, (N(1) + 5).v, (5 + N(1)).v, (10 - N(3)).v, (N(3) - 1).v, (2 * N(3)).v, (N(3) * 2).v, (-N(4)).v, abs(N(-4)).v, +N(1), x.v, sum([N(1), N(2)]).v`,
  `class N:\n    def __add__(self, o):\n        return NotImplemented\nreturn N() + 1`,
  `class N:\n    pass\nreturn N() + 1`,
  `class N:\n    pass\nreturn -N()`,
  `class N:\n    pass\nreturn abs(N())`,
  `class A:\n    def __add__(self, o):\n        return 'A+'\n    def __radd__(self, o):\n        return 'A.r'\nclass B(A):\n    def __radd__(self, o):\n        return 'B.r'\nreturn A() + B(), B() + A(), A() + A()`,
  `class P:\n    def __truediv__(self, o):\n        return 'div'\n    def __floordiv__(self, o):\n        return 'fdiv'\n    def __mod__(self, o):\n        return 'mod'\n    def __pow__(self, o):\n        return 'pow'\n    def __rpow__(self, o):\n        return 'rpow'\n    def __and__(self, o):\n        return 'and'\n    def __or__(self, o):\n        return 'or'\n    def __ror__(self, o):\n        return 'ror'\n    def __xor__(self, o):\n        return 'xor'\n    def __lshift__(self, o):\n        return 'ls'\n    def __rshift__(self, o):\n        return 'rs'\n    def __matmul__(self, o):\n        return 'mm'\n    def __divmod__(self, o):\n        return 'dm'\n    def __rdivmod__(self, o):\n        return 'rdm'\np = P()\nreturn p / 1, p // 1, p % 1, p ** 2, 2 ** p, pow(p, 2), p & 1, p | 1, 1 | p, p ^ 1, p << 1, p >> 1, p @ 1, divmod(p, 1), divmod(1, p)`,
  `class B:\n    def __init__(self, v):\n        self.v = v\n    def __bool__(self):\n        return self.v\nreturn bool(B(True)), 'y' if B(False) else 'n', not B(True), len([x for x in [B(True), B(False)] if x])`,
  `class B:\n    def __bool__(self):\n        return 1\nreturn bool(B())`,
  `class B:\n    def __bool__(self):\n        return False\n    def __len__(self):\n        return 5\nreturn bool(B()), len(B())`,
  `class G:\n    def __init__(self):\n        self.d = {}\n    def __getitem__(self, k):\n        return self.d.get(k, k * 2)\n    def __setitem__(self, k, v):\n        self.d[k] = v\n    def __delitem__(self, k):\n        del self.d[k]\ng = G()\ng['a'] = 1\ng['b'] = 2\ng['b'] += 5\ndel g['a']\nreturn g[3], g['b'], g.d`,
  `class G:\n    pass\nreturn G()[0]`,
  `class G:\n    pass\nG()[0] = 1`,
  `class G:\n    pass\ndel G()[0]`,
  `class G:\n    def __getitem__(self, i):\n        if i >= 3:\n            raise IndexError(i)\n        return i * 10\nreturn list(G()), 5 in G(), 10 in G()`,
  `class F:\n    def __init__(self, k):\n        self.k = k\n    def __call__(self, x, y=1):\n        return self.k * x + y\nf = F(3)\nreturn f(2), f(2, y=0), callable(f), callable(F), list(map(f, [1, 2])), sorted([3, 1, 2], key=F(-1))`,
  `class F:\n    pass\nreturn F()()`,
  `class F:\n    def __call__(self):\n        pass\nreturn F()(1)`,
  `class Money:\n    def __init__(self, v):\n        self.v = v\n    def __format__(self, spec):\n        return f'\${self.v:{spec}}'\nreturn f'{Money(3):.2f}', format(Money(2), '>5'), '{:x}'.format(Money(255))`,
  `class M:\n    pass\nreturn f'{M():>5}'`,
  `class M:\n    def __format__(self, spec):\n        return 5\nreturn f'{M():x}'`,
  `return NotImplemented, type(NotImplemented).__name__`,
  `class N:\n    def __radd__(self, o):\n        return 'r'\nreturn [1] + N(), 'a' + N(), 1.5 + N()`,
  `class G:\n    def __getitem__(self, i):\n        if i >= 3:\n            raise IndexError(i)\n        return i * 10\nreturn list(G()), 5 in G(), 10 in G()`,
  `class G:\n    def __getitem__(self, i):\n        return i\nreturn list(zip(G(), 'abc'))`,
  // what a dunder answers may be an int or str subclass's instance: an int or a str to its slot
  `class I(int):\n    pass\nclass S(str):\n    pass\nclass A:\n    def __len__(self):\n        return I(3)\n    def __repr__(self):\n        return S('r')\n    def __str__(self):\n        return S('s')\n    def __format__(self, spec):\n        return S('f' + spec)\nclass D(dict):\n    def __len__(self):\n        return I(2)\n    def __repr__(self):\n        return S('d')\nreturn len(A()), bool(A()), repr(A()), repr([A()]), str(A()), f'{A()}', '%s' % A(), format(A(), 'x'), f'{A():y}', len(D()), bool(D()), repr(D()), repr([D()])`,
  // the value's truth is asked once the body has returned: its methods still read the body's names, as CPython's cells keep them
  `n = 0\nclass A:\n    def __bool__(self):\n        return n == 0\n    def __repr__(self):\n        return 'A'\ndata['k'] = 1\nreturn A()`,
  `def helper():\n    return 0\nclass A:\n    def __len__(self):\n        return helper()\n    def __repr__(self):\n        return 'A'\nreturn A()`,
  `class I(int):\n    pass\nclass A:\n    def __len__(self):\n        return I(-1)\nreturn len(A())`, `class I(int):\n    pass\nclass A:\n    def __len__(self):\n        return I(2**70)\nreturn len(A())`,
];

it('runs the operators of instances as CPython does', () => {
  expect(compareWithCPython(OPERATORS)).toEqual([]);
});

it('holds hostile dunders to the limits', () => {
  // the step and recursion limits are the defaults; the clock's is widened, so that a loaded machine does not end a run first
  const engine = new Engine({ maxMillis: 10_000 });
  const run = (source: string) => evaluator(engine, { source }).error;
  const recursion = 'RecursionError: maximum recursion depth exceeded';
  // each dunder calling itself through its operator
  expect(run(`class C:\n    def __bool__(self):\n        return bool(self)\nreturn bool(C())`)).toBe(recursion);
  expect(run(`class C:\n    def __add__(self, o):\n        return self + o\nreturn C() + 1`)).toBe(recursion);
  expect(run(`class C:\n    def __radd__(self, o):\n        return o + self\nreturn 1 + C()`)).toBe(recursion);
  expect(run(`class C:\n    def __call__(self):\n        return self()\nreturn C()()`)).toBe(recursion);
  expect(run(`class C:\n    def __getitem__(self, k):\n        return self[k]\nreturn C()[0]`)).toBe(recursion);
  expect(run(`class C:\n    def __le__(self, o):\n        return self <= o\nreturn C() <= C()`)).toBe(recursion);
  expect(run(`class C:\n    def __ne__(self, o):\n        return self != o\nreturn C() != C()`)).toBe(recursion);
  expect(run(`class C:\n    def __format__(self, s):\n        return format(self, s)\nreturn f'{C():x}'`)).toBe(recursion);
  // an __eq__ that recurses while a set files the instance
  expect(run(`class V:\n    def __eq__(self, o):\n        return self == o\n    def __hash__(self):\n        return 1\nreturn {V(), V()}`)).toBe(recursion);
  // a sequence by __getitem__ that never ends, and a __hash__ that loops
  expect(run(`class G:\n    def __getitem__(self, i):\n        return i\nfor x in G():\n    pass`)).toMatch(/^StepLimitError/);
  expect(run(`class H:\n    def __eq__(self, o):\n        return False\n    def __hash__(self):\n        while True:\n            pass\nreturn {H()}`)).toMatch(/^StepLimitError/);
  // 100,000 unequal instances of one hash: each one filed asks __eq__ of all before it, a call each
  expect(run(`class V:\n    def __eq__(self, o):\n        return False\n    def __hash__(self):\n        return 1\nreturn len({V() for i in range(100000)})`)).toMatch(/^StepLimitError/);
  expect(run(`class C:\n    pass\nreturn C()[1:2]`)).toBe("TypeError: 'C' object is not subscriptable");
  // NotImplemented is a value, not a way out of the JSON round trip
  expect(run(`data['x'] = NotImplemented\nreturn True`)).toBe('TypeError: Object of type NotImplementedType is not JSON serializable');
});

/** An __eq__ or __lt__ recursing through a container's comparison: CPython's RecursionError says "in comparison" there, not through the operator alone. */
it('words a recursion through a comparison as CPython does', () => {
  const eqBy = (body: string) => `class A:\n    def __eq__(self, o):\n        return ${body}\nreturn A() == A()`;
  expect(compareWithCPython([
    eqBy('[self] == [o]'), eqBy('(self,) == (o,)'), eqBy('{1: self} == {1: o}'), eqBy('self == o'), eqBy('[self] != [o]'),
    `class A:\n    def __lt__(self, o):\n        return [self] < [o]\nreturn A() < A()`,
    `class A:\n    def __eq__(self, o):\n        return [self] == [o]\nreturn A() in [A()]`,
    // a recursion of its own inside an __eq__ a list asks: plain words
    `def f(n):\n    return f(n + 1)\nclass A:\n    def __eq__(self, o):\n        return f(0)\nreturn [A()] == [A()]`,
  ])).toEqual([]);
});

/** slot_sq_length: __len__'s int is checked for its sign, then for fitting Py_ssize_t. */
it('answers a __len__ past an index-sized integer as CPython does', () => {
  const bodies = ['10**30', '-10**30', '2**63', '2**62', '-1', 'True', "'3'", '2.0'].flatMap((n) => [
    `class A:\n    def __len__(self):\n        return ${n}\nreturn len(A())`,
    `class A:\n    def __len__(self):\n        return ${n}\nreturn bool(A())`,
  ]);
  expect(compareWithCPython(bodies)).toEqual([]);
});

/** Builtin types, exceptions and object take no attributes: CPython's TypeError, for a store and a delete. */
it('refuses to set attributes of builtin types as CPython does', () => {
  const targets = ['int', 'str', 'list', 'dict', 'float', 'object', 'type', 'ValueError', 'datetime.datetime', 'datetime.timedelta', 'collections.deque', 'collections.OrderedDict'];
  const bodies = targets.flatMap((t) => [`import datetime, collections\n${t}.x = 1`, `import datetime, collections\ndel ${t}.x`]);
  bodies.push('int.real = 1', 'del int.real', 'try:\n    int.x = 1\nexcept TypeError as e:\n    return str(e)');
  expect(compareWithCPython(bodies)).toEqual([]);
});

/** iter(v) answers what `__iter__` returned (a generator, a list_iterator), and a subclass's instance without one its base's iterator. */
const ITERATORS = [
  'class A:\n    def __iter__(self):\n        yield 1\nreturn type(iter(A())).__name__',
  'class A:\n    def __iter__(self):\n        return iter([1, 2])\nreturn type(iter(A())).__name__',
  'class A:\n    def __iter__(self):\n        return 5\niter(A())',
  'class A:\n    def __getitem__(self, i):\n        if i > 2: raise IndexError\n        return i\nreturn type(iter(A())).__name__, list(iter(A()))',
  'class It:\n    def __init__(self): self.n = 0\n    def __next__(self):\n        self.n += 1\n        if self.n > 2: raise StopIteration\n        return self.n\nclass A:\n    def __iter__(self):\n        return It()\ni = iter(A())\nreturn type(i).__name__, next(i), list(A())',
  "class D(dict):\n    def __iter__(self):\n        yield 'x'\nclass E(dict): pass\nreturn type(iter(D(a=1))).__name__, type(iter(E(a=1))).__name__, list(D(a=1))",
  'class L(list):\n    def __iter__(self):\n        yield 7\nclass M(list): pass\nreturn type(iter(L([1]))).__name__, list(L([1])), type(iter(M([1]))).__name__',
  "class S(str):\n    def __iter__(self):\n        yield 'q'\nreturn type(iter(S('ab'))).__name__, list(S('ab'))",
  'class T(tuple):\n    def __iter__(self):\n        return iter([9])\nreturn type(iter(T((1,)))).__name__, list(T((1,)))',
  'class E(Exception):\n    def __iter__(self):\n        yield 1\nreturn type(iter(E())).__name__',
  // `__iter__ = None`: not iterable, in iter(), a for loop and list()
  "class A:\n    __iter__ = None\nr = []\nfor f in [lambda: iter(A()), lambda: [x for x in A()], lambda: list(A())]:\n    try:\n        f()\n    except TypeError as e:\n        r.append(str(e))\nreturn r",
  "class S(str): pass\nclass F(frozenset): pass\nclass B(bytes): pass\nreturn [type(iter(x)).__name__ for x in [S('ab'), S('é'), frozenset(), F(), B(b'a'), b'a', bytearray(b'a'), set(), (1,), range(3), {}.items(), 'é']]",
];

it('answers iter() with what __iter__ returned, as CPython does', () => {
  expect(compareWithCPython(ITERATORS)).toEqual([]);
});
