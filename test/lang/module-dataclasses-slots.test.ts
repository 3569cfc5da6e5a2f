/** dataclass(slots=True) and make_dataclass against CPython 3.11's Lib/dataclasses.py (_add_slots, make_dataclass), and the `__slots__` and `__dict__` they leave. */
import { expect, it } from 'vitest';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { Engine } from '../../src/lang/index.js';

/** The step and memory limits alone: a cold first run on a loaded machine may pass the 50 ms clock. */
const unclocked = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
const run = (source: string, engine = unclocked): string => {
  const r = evaluator(engine, { source });
  return r.error ?? r.repr ?? '';
};

const DC = 'from dataclasses import dataclass, field, fields, asdict, astuple, replace, make_dataclass, InitVar, KW_ONLY, FrozenInstanceError\n';

it('makes a dataclass with slots as CPython does', () => {
  expect(compareWithCPython([
    `${DC}@dataclass(slots=True)\nclass P:\n    x: int\n    y: int = 0\np = P(1)\nr = [repr(p), P.__slots__, p.__slots__, '__dict__' in dir(P), '__weakref__' in dir(P), P.__qualname__, P.__module__, type(P.x).__name__, repr(P.x), repr(P.y), P.__doc__, p.y, P(2, 3) == P(2, 3), P.__match_args__]\ntry:\n    p.z = 1\nexcept AttributeError as e:\n    r.append(str(e))\ntry:\n    vars(p)\nexcept TypeError as e:\n    r.append(str(e))\ntry:\n    p.__dict__\nexcept AttributeError as e:\n    r.append(str(e))\nreturn r`,
    `${DC}@dataclass(slots=True)\nclass P:\n    x: int\n    y: int = 0\nreturn list(P.__dict__)`,
    `${DC}@dataclass(slots=True)\nclass P:\n    '''doc'''\n    x: int\nreturn list(P.__dict__), P.__doc__`,
    `${DC}@dataclass(slots=True, frozen=True)\nclass F:\n    x: int\nf = F(1)\nr = [hash(f) == hash((1,)), sorted(F.__dict__)]\nfor act in [lambda: setattr(f, 'x', 2), lambda: setattr(f, 'y', 2), lambda: delattr(f, 'y'), lambda: delattr(f, 'x')]:\n    try:\n        act()\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r`,
    `${DC}@dataclass(slots=True, frozen=True)\nclass F:\n    x: int\n    y: list\nf = F(1, [2])\nd = F.__dict__\nr = [d['__getstate__'](f), d['__getstate__'].__name__, d['__setstate__'].__qualname__]\nd['__setstate__'](f, [5, 6, 7])\nimport copy\ng = copy.deepcopy(f)\nreturn r, f, g, g.y is f.y, copy.copy(f)`,
    `${DC}@dataclass(slots=True, frozen=True)\nclass F:\n    x: int\n    def __getstate__(self):\n        return 'mine'\nreturn F.__dict__['__getstate__'](F(1)), F.__dict__['__setstate__'].__name__`,
    `${DC}try:\n    @dataclass(slots=True)\n    class Q:\n        __slots__ = ('x',)\n        x: int\nexcept TypeError as e:\n    return str(e)`,
    `${DC}@dataclass(slots=True)\nclass B:\n    a: int\n@dataclass(slots=True)\nclass C(B):\n    b: int\nc = C(1,2)\nclass S:\n    __slots__ = ('a',)\n@dataclass(slots=True)\nclass D(S):\n    a: int\n    b: int\nreturn repr(c), C.__slots__, C.__mro__, repr(D(1, 2)), D.__slots__, C.__bases__, isinstance(c, B)`,
    `${DC}@dataclass(slots=True)\nclass E:\n    x: int\n    def m(self):\n        return super().__repr__()\nr = []\ntry:\n    E(1).m()\nexcept TypeError as e:\n    r.append(str(e))\nreturn r, E.m.__qualname__, E.__init__.__qualname__`,
    `${DC}@dataclass(slots=True, order=True, kw_only=True)\nclass P:\n    x: int\n    y: list = field(default_factory=list)\np = P(x=1)\nreturn p, p < P(x=2), P.__match_args__, P.__doc__, hasattr(P, 'y'), p.y`,
    `${DC}@dataclass(slots=True, weakref_slot=True)\nclass P:\n    x: int = 1\n@dataclass(slots=True, weakref_slot=True)\nclass Q(P):\n    y: int = 2\nreturn P(), '__weakref__' in dir(P), P.__slots__, sorted(P.__dict__), Q(), Q.__slots__`,
    `${DC}@dataclass(weakref_slot=True)\nclass P:\n    x: int = 1`,
    `${DC}class B:\n    pass\n@dataclass(slots=True, weakref_slot=True)\nclass P(B):\n    x: int = 1`,
    `${DC}class B:\n    pass\n@dataclass(slots=True)\nclass P(B):\n    x: int = 1\np = P()\np.q = 5\nreturn p.q, P.__slots__, vars(p)`,
    `${DC}class A:\n    def __init_subclass__(cls, **kw):\n        A.seen = getattr(A, 'seen', 0) + 1\n@dataclass(slots=True)\nclass P(A):\n    x: int = 1\nreturn A.seen, P()`,
    `${DC}class B:\n    __slots__ = iter(['a'])\ntry:\n    @dataclass(slots=True)\n    class P(B):\n        x: int = 1\nexcept TypeError as e:\n    return str(e)`,
    `${DC}class B:\n    __slots__ = 'x'\nclass C:\n    __slots__ = {'a': 'doc', 'b': 'doc'}\n@dataclass(slots=True)\nclass P(B):\n    x: int\n    y: int = 0\n@dataclass(slots=True)\nclass Q(C):\n    a: int\n    c: int = 0\nreturn P.__slots__, P(1), Q.__slots__, Q(1)`,
    `${DC}@dataclass(slots=True)\nclass P:\n    x: int = field(default=5, init=False)\n    y: list = field(default_factory=list, init=False)\np = P()\nreturn p.x, P.x, repr(p), p.y`,
    `${DC}from typing import ClassVar\n@dataclass(slots=True)\nclass P:\n    x: int\n    c: ClassVar[int] = 4\n    i: InitVar[int] = 0\n    def __post_init__(self, i):\n        self.x += i\nreturn P(1, 2), P.__slots__, P.c`,
    `${DC}@dataclass(slots=True, eq=False, repr=False, init=False)\nclass P:\n    x: int = 3\np = P()\ntry:\n    p.x\nexcept AttributeError as e:\n    return str(e), P.__slots__`,
    `${DC}@dataclass(slots=True)\nclass P:\n    x: int\n    def __repr__(self):\n        return 'mine'\n    @property\n    def twice(self):\n        return self.x * 2\nreturn repr(P(2)), P(2).twice`,
    `${DC}from abc import ABC, abstractmethod\n@dataclass(slots=True)\nclass P(ABC):\n    x: int\n    @abstractmethod\n    def f(self): ...\ntry:\n    P(1)\nexcept TypeError as e:\n    return str(e), type(P).__name__`,
    `${DC}@dataclass(slots=True, frozen=True)\nclass P:\n    x: int = 1\n    y: str = 'a'\np = P()\nreturn asdict(p), astuple(p), replace(p, x=3), [f.name for f in fields(P)], {p: 1}`,
    `${DC}@dataclass(slots=True, frozen=True)\nclass P:\n    x: int\n@dataclass(slots=True, frozen=True)\nclass Q(P):\n    y: int\nq = Q(1, 2)\ntry:\n    q.y = 4\nexcept Exception as e:\n    return repr(q), type(e).__name__, str(e)`,
    `${DC}@dataclass(slots=True)\nclass P:\n    x: int\np = P(1)\ndel p.x\ntry:\n    p.x\nexcept AttributeError as e:\n    return str(e)`,
    `${DC}class M(type):\n    def __call__(cls, *a, **k):\n        return ('called', super().__call__(*a, **k))\n@dataclass(slots=True)\nclass P(metaclass=M):\n    x: int\n    y: list = field(default_factory=list)\nreturn type(P).__name__, P(1), P.__slots__, P.__qualname__`,
    `${DC}class M(type):\n    def __new__(m, name, bases, ns, **kw):\n        ns['extra'] = len(ns)\n        return super().__new__(m, name, bases, ns)\n@dataclass(slots=True)\nclass P(metaclass=M):\n    x: int\nreturn P.extra, P(1)`,
    `${DC}@dataclass(slots=True, frozen=True)\nclass F:\n    x: int\n    y: int\nf = F(1, 2)\nseen = []\ndef gen():\n    for v in [10, 20, 30]:\n        seen.append(v)\n        yield v\nF.__dict__['__setstate__'](f, gen())\nr = [repr(f), seen]\nF.__dict__['__setstate__'](f, [7])\nreturn r, f, F.__dict__['__getstate__'](f)`,
    `${DC}@dataclass\nclass P:\n    x: int\nQ = dataclass(slots=True)(P)\nr = [Q is P, Q.__slots__, Q(1), P(1), Q.__init__ is P.__init__]\ntry:\n    dataclass(slots=True)(Q)\nexcept TypeError as e:\n    r.append(str(e))\nreturn r`,
  ])).toEqual([]);
});

it('makes a dataclass of make_dataclass as CPython does', () => {
  expect(compareWithCPython([
    `${DC}P = make_dataclass('P', ['x', ('y', int), ('z', int, field(default=3))])\nreturn P.__module__, P.__qualname__, repr(P), repr(P(1, 2)), P.__doc__, P.__annotations__, [f.name for f in fields(P)], list(P.__dict__)`,
    `${DC}r = []\nfor fs in [['x', 'x'], ['class'], ['1a'], [3], [('a',)], [('a', int, 1, 2)], [('a b', int)], ['x', ('x', int)], [('None', int)], 5, [['x', int]], [{'a': 1, 'b': 2}], ['_'], ['_x'], ['é'], [(3, int)], [('x' * 50, int, 1, 2)]]:\n    try:\n        r.append(repr(make_dataclass('A', fs)))\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r`,
    `${DC}def f(self):\n    return self.x * 2\nP = make_dataclass('P', [('x', int)], namespace={'double': f, 'k': 7}, frozen=True, order=True)\np = P(3)\nreturn p.double(), P.k, p < P(4), hash(p) == hash((3,)), repr(p)`,
    `${DC}@dataclass\nclass B:\n    a: int = 0\nP = make_dataclass('P', [('x', int, 5)], bases=(B,))\nreturn repr(P()), P.__mro__, P.__bases__, P.__doc__`,
    `${DC}P = make_dataclass('P', ['x', 'y'], slots=True)\np = P(1, 2)\ntry:\n    p.z = 3\nexcept AttributeError as e:\n    return str(e), P.__slots__, repr(p), P.__qualname__, P.__module__, list(P.__dict__)`,
    `${DC}r = []\nfor kw in [dict(bases=[object]), dict(bases=5), dict(namespace=5), dict(order=True, eq=False), dict(weakref_slot=True), dict(zz=1)]:\n    try:\n        r.append(repr(make_dataclass('A', ['x'], **kw)))\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r`,
    `${DC}r = []\nfor a in [(), ('A',), (3, []), ('A', [], 3)]:\n    try:\n        r.append(repr(make_dataclass(*a)))\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r`,
    `${DC}class M(type):\n    pass\nclass N(type):\n    def __new__(m, *a):\n        return super().__new__(m, *a)\nclass B(metaclass=M):\n    pass\nclass C(metaclass=N):\n    pass\nreturn make_dataclass('Q', ['x'], bases=(B,)).__module__, make_dataclass('Q', ['x'], bases=(C,)).__module__, type(make_dataclass('Q', ['x'], bases=(C,)))`,
    `${DC}P = make_dataclass('P', ['x'], namespace={'__module__': 'mm', '__qualname__': 'a.P', '__doc__': 'hello'})\nreturn P.__module__, P.__qualname__, repr(P), P.__doc__, repr(P(1))`,
    `${DC}P = make_dataclass('P', (n for n in 'abc'), kw_only=True)\nreturn repr(P(a=1, b=2, c=3)), P.__match_args__, P.__doc__`,
    `${DC}P = make_dataclass('P', [])\nreturn repr(P()), P() == P(), make_dataclass('P', ['x'], namespace={'__post_init__': lambda self: setattr(self, 'y', self.x + 1)})(1).y`,
    `${DC}P = make_dataclass('P', ['x'])\nQ = make_dataclass('Q', ['y'], bases=(P,))\nimport dataclasses\nreturn repr(Q(1, 2)), dataclasses.is_dataclass(Q), asdict(Q(1, 2))`,
    `${DC}class S(str):\n    pass\nP = make_dataclass(S('P'), [S('x'), (S('y'), int)])\nreturn repr(P(1, 2)), P.__annotations__`,
    `${DC}import abc\nP = make_dataclass('P', ['x'], bases=(abc.ABC,))\nT = abc.ABCMeta('T', (), {})\nreturn P.__module__, repr(P), repr(P(1)), type(P).__name__, repr(T), '__module__' in T.__dict__, T.__module__`,
  ])).toEqual([]);
});

it('reads __slots__ and lays a class namespace out as CPython does', () => {
  expect(compareWithCPython([
    "class P:\n    __slots__ = ('x', 'y')\nclass Q(P):\n    pass\nclass R:\n    pass\nreturn P.__slots__, P().__slots__, getattr(P, '__slots__'), Q.__slots__, hasattr(R, '__slots__'), hasattr(R(), '__slots__')",
    "class P:\n    __slots__ = 'x'\nreturn P.__slots__, P().__slots__, type(P.x)",
    'return int.__slots__', 'return (1).__slots__', 'import collections\nreturn collections.OrderedDict.__slots__',
    "import collections\nreturn hasattr(collections.Counter(), '__slots__')", 'import datetime\nreturn datetime.date(2020, 1, 1).__slots__',
    "class E(Exception):\n    pass\nreturn hasattr(E, '__slots__')",
    'import datetime\nclass D(datetime.date):\n    __slots__ = (\'q\',)\nreturn D(2020, 1, 1).__slots__',
    "class P:\n    __slots__ = ('x', '__weakref__')\nclass Q:\n    __slots__ = ('x', '__dict__')\nclass R:\n    __slots__ = ('__dict__', 'x', '__weakref__')\nreturn list(P.__dict__), list(Q.__dict__), list(R.__dict__), '__weakref__' in dir(P), '__dict__' in dir(Q), '__weakref__' in dir(Q)",
    "T = type('T', (), {'a': 1})\nT.b = 2\nr = [list(T.__dict__), repr(T), repr(T())[:9]]\nfor f in [lambda: T.__module__, lambda: T().__module__, lambda: type('U', (T,), {'__module__': 'm'})().__module__]:\n    try:\n        r.append(f())\n    except AttributeError as e:\n        r.append(str(e))\nclass V(T):\n    pass\nreturn r, V.__module__, V().__module__",
    "T = type('T', (), {'__doc__': 'd', 'a': 1})\nreturn list(T.__dict__), T.__doc__",
    "T = type('T', (), {'a': 1, '__module__': 'm', 'b': 2, '__doc__': 'd', 'c': 3})\nreturn list(T.__dict__), T.__doc__",
    "T = type('T', (), {'__doc__': None, 'a': 1})\nreturn list(T.__dict__), T.__doc__, list(type('U', (), {}).__dict__)",
    "class T:\n    'doc'\n    a = 1\n    x: int\nclass U:\n    a = 1\n    x: int\nreturn list(T.__dict__), list(U.__dict__)",
  ])).toEqual([]);
  // the modules' classes and types that CPython gives __slots__ (or that are not known to have none): refused, where they would be answered wrongly
  for (const read of ['import dataclasses\nreturn dataclasses.Field.__slots__', 'import uuid\nreturn uuid.UUID(int=1).__slots__', 'import fractions\nreturn fractions.Fraction(1).__slots__', "import collections\nreturn collections.namedtuple('N', 'a').__slots__", 'import enum\nclass E(enum.Enum):\n    A = 1\nreturn E.A.__slots__', 'import abc\nclass A(abc.ABC):\n    pass\nreturn hasattr(A, "__slots__")']) {
    expect(run(read)).toMatch(/^UnsupportedError: '[\w.]+\.__slots__' is not available in conditions/);
  }
});

it('stays within the limits for hostile slots and make_dataclass', () => {
  const t = performance.now();
  for (const source of [
    `${DC}return make_dataclass('A', ['f%d' % i for i in range(10**6)])`,
    `${DC}return make_dataclass('A', ('f%d' % i for i in range(10**6)), slots=True)`,
    `${DC}return make_dataclass('A', ['x' * 10**7])`,
    `${DC}return make_dataclass('x' * 10**7, ['a'])`,
    `${DC}class B:\n    __slots__ = ['s%d' % i for i in range(10**6)]\n@dataclass(slots=True)\nclass A(B):\n    x: int\nreturn A.__slots__`,
    `${DC}def forever():\n    i = 0\n    while True:\n        i += 1\n        yield 'f%d' % i\nreturn make_dataclass('A', forever())`,
  ]) expect(run(source)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(performance.now() - t).toBeLessThan(30_000);
  // thousands of fields: CPython's answer, or the budget's error
  const many = `${DC}A = make_dataclass('A', ['f%d' % i for i in range(3000)], slots=True, frozen=True)\na = A(*range(3000))\nreturn len(A.__slots__), a.f2999, len(astuple(a)), hash(a) == hash(tuple(range(3000)))`;
  expect(run(many)).toMatch(/^(\(3000, 2999, 3000, True\)|StepLimitError)/);
});

it('leaves nothing of one run for the next on one engine', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const source = `${DC}@dataclass(slots=True, frozen=True)\nclass P:\n    x: int\nQ = make_dataclass('Q', ['y'], namespace={'k': []}, slots=True)\nhad = [hasattr(P, 'z'), Q.k[:], hasattr(P.__dict__['__getstate__'], 'mark')]\nQ.k.append(1)\nP.z = 1\nreturn had, P.z, P.__slots__, Q.__slots__, Q.k`;
  expect([run(source, engine), run(source, engine)]).toEqual(Array(2).fill("([False, [], False], 1, ('x',), ('y',), [1])"));
  // the module's own functions a slots class holds are shared by every run: no store reaches them
  for (const store of ["P.__dict__['__getstate__'].mark = 1", "P.__dict__['__setstate__'].mark = 1", 'make_dataclass.mark = 1']) {
    expect(run(`${DC}@dataclass(slots=True, frozen=True)\nclass P:\n    x: int\n${store}\nreturn 1`, engine)).toMatch(/^UnsupportedError: cannot set '(dataclasses\.|make_dataclass\.mark)/);
  }
  expect(run(`${DC}@dataclass(slots=True, frozen=True)\nclass P:\n    x: int\nreturn hasattr(P.__dict__['__getstate__'], 'mark'), hasattr(make_dataclass, 'mark')`, engine)).toBe('(False, False)');
});
