import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** Each statement's outcome, its error caught and named, so that one case shows several. */
const tryAll = (setup: string, ...attempts: string[]) =>
  `${setup}\nout = []\n${attempts.map((a) => `try:\n    ${a}\n    out.append('ok')\nexcept Exception as e:\n    out.append(type(e).__name__ + ': ' + str(e))`).join('\n')}\nreturn out`;

/** Member descriptors: reading, storing and deleting slots, and what has no slot. */
const MEMBERS = [
  `class A:\n    __slots__ = ('x', 'y')\n    def __init__(self, x):\n        self.x = x\na = A(1)\na.y = 2\nreturn a.x, a.y, A.x, type(A.x).__name__, A.x.__name__, repr(A.y)`,
  tryAll(`class A:\n    __slots__ = ('x',)\n    def f(self):\n        return 1\na = A()`, `a.x`, `a.y = 1`, `a.f = 1`, `del a.f`, `del a.x`, `del a.y`, `getattr(a, 'y')`, `out.append(hasattr(a, 'x'))`, `a.x = 1\n    del a.x\n    del a.x`),
  tryAll(`class A:\n    __slots__ = 'x'\na = A()\na.x = [1]\ndel a.x`, `a.x`, `out.append(A.x)`, `out.append(hasattr(a, 'x'))`, `a.x = 3\n    out.append(a.x)`),
  `class A:\n    __slots__ = ['b', 'a']\na = A()\na.a, a.b = 1, 2\nreturn a.a, a.b, A.a, A.b, A.__name__`,
  `class A:\n    __slots__ = {'b': 'doc b', 'a': 'doc a'}\na = A()\na.a = 1\nreturn a.a, A.b`,
  `class A:\n    __slots__ = iter(['p', 'q'])\na = A()\na.p = 1\nreturn a.p, A.q`,
  `class A:\n    __slots__ = ('x', 'x')\na = A()\na.x = 1\nreturn a.x, A.x`,
  `class A:\n    __slots__ = ('x',)\nclass B(A):\n    __slots__ = ('y',)\nb = B()\nb.x, b.y = 1, 2\ntry:\n    b.z = 3\nexcept AttributeError as e:\n    return b.x, b.y, str(e), B.x, B.y`,
  `class A:\n    __slots__ = ('x',)\nclass B(A):\n    pass\nb = B()\nb.x = 1\nb.z = 2\nreturn b.x, b.z`,
  `class A:\n    __slots__ = ('x',)\nclass B(A):\n    __slots__ = ('x',)\nb = B()\nb.x = 1\nreturn b.x, B.x, A.x`,
  `class A:\n    __slots__ = ('x', '__dict__')\na = A()\na.x = 1\na.z = 2\nreturn a.x, a.z`,
  `class A:\n    __slots__ = ('x', '__weakref__')\na = A()\ntry:\n    a.z = 2\nexcept AttributeError as e:\n    return str(e)`,
  `class A:\n    __slots__ = ()\nclass B(A):\n    __slots__ = ('__dict__',)\nb = B()\nb.q = 1\nreturn b.q`,
  `class A:\n    __slots__ = ('x',)\n    @property\n    def y(self):\n        return self.x * 2\n    @y.setter\n    def y(self, v):\n        self.x = v\na = A()\na.y = 5\nreturn a.x, a.y`,
  `class A:\n    __slots__ = ('x',)\n    def __init__(self):\n        self.x = 0\n    def bump(self):\n        self.x += 1\n        return self.x\na = A()\na.bump()\nreturn a.bump(), [A().bump() for _ in range(3)]`,
  `class A:\n    __slots__ = ('x',)\nclass B(A):\n    def get(self):\n        return super().x\nb = B()\nb.x = 7\nreturn b.get()`,
  `class A:\n    __slots__ = ('x',)\na = A()\nA.x = 5\nreturn a.x, A.x`,
  `class A:\n    __slots__ = ('x',)\na = A()\ndel A.x\ntry:\n    a.x = 1\nexcept AttributeError as e:\n    return str(e)`,
  `class A:\n    __slots__ = ('x',)\nreturn type(A.x)()`,
  `class A:\n    __slots__ = ('x', 'y')\n    def __eq__(self, o):\n        return (self.x, self.y) == (o.x, o.y)\n    def __hash__(self):\n        return hash((self.x, self.y))\na, b = A(), A()\na.x = b.x = 1\na.y = b.y = 2\nreturn a == b, len({a, b})`,
  `class A:\n    __slots__ = ('x',)\nclass B:\n    pass\nB.x = A.x\nb = B()\nout = []\ntry:\n    b.x = 1\nexcept TypeError as e:\n    out.append(str(e))\ntry:\n    b.x\nexcept TypeError as e:\n    out.append(str(e))\ntry:\n    del b.x\nexcept TypeError as e:\n    out.append(str(e))\nreturn out`,
  `class A:\n    __slots__ = ('x',)\nclass B(A):\n    y = A.x\nb = B()\nb.y = 3\nreturn b.x, b.y`,
  `X = type('X', (), {'__slots__': ('a',)})\nx = X()\nx.a = 1\ntry:\n    x.b = 2\nexcept AttributeError as e:\n    return x.a, str(e), repr(X.a)`,
  `X = type('X', (), {'__slots__': ('a',), 'a': 1})`,
  `class A:\n    __slots__ = ('x',)\n    def __init__(self):\n        self.x = 1\nclass B(A):\n    __slots__ = ()\nb = B()\ntry:\n    b.y = 1\nexcept AttributeError as e:\n    return b.x, str(e)`,
  `class A:\n    __slots__ = ('x',)\na = A()\na.x = 1\nb = A()\nreturn getattr(b, 'x', 'unset'), a.x`,
  `class A:\n    __slots__ = 'x', 'y'\n    def __repr__(self):\n        return f'A({self.x}, {getattr(self, "y", None)})'\na = A()\na.x = [1, 2]\nreturn repr(a), [a]`,
];

it('makes member descriptors of __slots__ as CPython does', () => {
  expect(compareWithCPython(MEMBERS)).toEqual([]);
});

/** __slots__ that CPython refuses, in its words and order. */
const REFUSED = [
  `class A:\n    __slots__ = ('x',)\n    x = 1`,
  `class A:\n    __slots__ = ('__slots__',)`,
  `class A:\n    __slots__ = ('__module__',)`,
  `class A:\n    __slots__ = (1,)`,
  `class A:\n    __slots__ = ('ok', None)`,
  `class A:\n    __slots__ = ('1a',)`,
  `class A:\n    __slots__ = ('a b',)`,
  `class A:\n    __slots__ = ('',)`,
  `class A:\n    __slots__ = 3`,
  `class A:\n    __slots__ = ('__dict__', '__dict__')`,
  `class A:\n    __slots__ = ('__weakref__', '__weakref__')`,
  `class A:\n    pass\nclass B(A):\n    __slots__ = ('__dict__',)`,
  `class A:\n    pass\nclass B(A):\n    __slots__ = ('__weakref__',)`,
  `class A(Exception):\n    __slots__ = ('__dict__',)`,
  `class A(int):\n    __slots__ = ('a',)`,
  `class A(int):\n    __slots__ = ('__dict__',)`,
  `class A(tuple):\n    __slots__ = ('a',)`,
  `class A(bytes):\n    __slots__ = ('a',)`,
  `from collections import namedtuple\nclass P(namedtuple('P', 'x')):\n    __slots__ = ('y',)`,
  `class A(int):\n    pass\nclass B(A):\n    __slots__ = ('b',)`,
  `class A:\n    __slots__ = ('a',)\nclass B:\n    __slots__ = ('b',)\nclass C(A, B):\n    pass`,
  `class A:\n    __slots__ = ('a',)\nclass B(A):\n    __slots__ = ('b',)\nclass C(B, A):\n    __slots__ = ('c',)\nc = C()\nc.a, c.b, c.c = 1, 2, 3\nreturn c.a, c.b, c.c`,
  `class A:\n    __slots__ = ('a',)\nclass B:\n    __slots__ = ()\nclass C(A, B):\n    pass\nc = C()\nc.a = 1\nc.z = 2\nreturn c.a, c.z`,
  `class A:\n    __slots__ = ('__dict__',)\nclass B:\n    __slots__ = ('__weakref__',)\nclass C(A, B):\n    __slots__ = ('c',)\nc = C()\nc.c = 1\nc.d = 2\nreturn c.c, c.d`,
];

it('refuses the __slots__ CPython refuses, in its words', () => {
  expect(compareWithCPython(REFUSED)).toEqual([]);
});

/** Slots on subclasses of builtin types, whose instances are the base's values. */
const BUILTIN_BASES = [
  `class S(str):\n    __slots__ = ('tag',)\ns = S('ab')\ns.tag = 1\nreturn s, s.tag, s.upper(), len(s)`,
  `class L(list):\n    __slots__ = ('tag',)\nl = L([1, 2])\nl.tag = 'x'\nl.append(3)\ntry:\n    l.other = 1\nexcept AttributeError as e:\n    return l, l.tag, str(e)`,
  `class D(dict):\n    __slots__ = ('tag',)\nd = D(a=1)\nd.tag = 2\ntry:\n    d.other = 1\nexcept AttributeError as e:\n    return d, d.tag, str(e)`,
  `class F(float):\n    __slots__ = ('unit',)\nf = F(1.5)\nf.unit = 'ms'\nreturn f + 1, f.unit`,
  `class E(Exception):\n    __slots__ = ('code',)\ntry:\n    e = E('boom')\n    e.code = 3\n    e.extra = 4\n    raise e\nexcept E as x:\n    return x.code, x.extra, str(x)`,
  `class S(set):\n    __slots__ = ('__weakref__',)`,
  `class P(tuple):\n    __slots__ = ()\np = P((1, 2))\ntry:\n    p.x = 1\nexcept AttributeError as e:\n    return p, str(e)`,
];

it('gives slots to subclasses of builtin types as CPython does', () => {
  expect(compareWithCPython(BUILTIN_BASES)).toEqual([]);
});

it('holds hostile slots to the limits', () => {
  const engine = new Engine({ maxMillis: 10_000 });
  const run = (source: string) => evaluator(engine, { source });
  // a hundred thousand slots are paid for as the list they come from, and made once
  const many = run(`class A:\n    __slots__ = ['s%d' % i for i in range(100000)]\na = A()\na.s99999 = 1\nreturn a.s99999`);
  expect(many.repr ?? many.error).toMatch(/^(1|MemoryError|StepLimitError)/);
  // a member is paid as a step: a run makes no more than its budget of them, however few names it built
  expect(run(`names = tuple(map('a{}'.format, range(20000)))\nout = []\nfor j in range(10):\n    class A:\n        __slots__ = names\n    out.append(A)\nreturn len(out)`).error).toMatch(/^StepLimitError/);
  // an iterator that never ends meets the step or size limit
  expect(run(`import itertools\nclass A:\n    __slots__ = map(str, itertools.count())`).error).toMatch(/^(StepLimitError|MemoryError)/);
  // a slot's value is kept under a JS symbol: no name reaches it, nor the host's properties
  expect(run(`class A:\n    __slots__ = ('constructor', 'prototype', 'toString')\na = A()\nout = [hasattr(a, n) for n in ('constructor', 'prototype', 'toString')]\na.constructor = 1\nreturn out, a.constructor, repr(A.prototype)`).repr).toBe("([False, False, False], 1, \"<member 'prototype' of 'A' objects>\")");
});
