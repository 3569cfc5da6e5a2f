import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

// A condition's instances print without CPython's address here (`<A object>`): the cases below
// name them by __name__ or compare them by identity.

/** `__class__`: what type() answers, of every kind of value. */
const CLASS = [
  `class P:\n    def __init__(self, x):\n        self.x = x\n    def __repr__(self):\n        return f'{self.__class__.__name__}({self.x!r})'\nreturn repr(P(1)), P(2).__class__ is P, type(P(1)) is P(1).__class__, [P(3)]`,
  `return (1).__class__, 'a'.__class__, [].__class__, {}.__class__, None.__class__, (1.5).__class__, True.__class__, (1,).__class__, int.__class__, len.__class__.__name__, (2**80).__class__, b''.__class__, (1j).__class__, {1}.__class__, range(2).__class__`,
  `class E(KeyError):\n    pass\ntry:\n    raise E('k')\nexcept KeyError as e:\n    return e.__class__ is E, e.__class__.__name__, KeyError('x').__class__, ValueError.__class__`,
  `class L(list):\n    pass\nclass I(int):\n    pass\nclass D(dict):\n    pass\nreturn L().__class__ is L, I(3).__class__ is I, D().__class__ is D, I(3).__class__.__mro__[1]`,
  `class A:\n    pass\nreturn getattr(A(), '__class__') is A, hasattr(1, '__class__'), getattr(1, '__class__'), A.__class__, type(A).__class__`,
  `import datetime, collections\nreturn datetime.date(2020, 1, 2).__class__, collections.Counter('ab').__class__.__name__, collections.deque().__class__, (x for x in ()).__class__.__name__, iter([]).__class__.__name__`,
  `def f():\n    pass\nreturn f.__class__.__name__, (lambda: 0).__class__.__name__`,
  // through a generator's own route, where a yield is among the operands
  `def g():\n    x = (yield 1).__class__\n    yield x\ngen = g()\nnext(gen)\nreturn gen.send(5)`,
  `class A:\n    "x"\nclass B:\n    pass\ndef g(a):\n    a.__doc__ += (yield 1)\n    (yield 2).__module__ = 'm'\n    yield a.__doc__\ngen = g(A)\nnext(gen)\ngen.send('y')\nr = gen.send(B)\nreturn r, B.__module__, B.__dict__['__module__'], 'm' in B.__dict__.values()`,
];

/** `__dict__` of instances: a dict that is their attributes, read and written both ways; `vars()`. */
const INSTANCE_DICT = [
  `class A:\n    pass\na = A()\na.x = 1\nd = a.__dict__\nd['y'] = 2\nd.update(z=3)\nreturn a.y, a.z, a.__dict__, sorted(d), d is a.__dict__, d == {'x': 1, 'y': 2, 'z': 3}`,
  `class A:\n    pass\na = A()\na.__dict__['q'] = 5\nx = a.q\ndel a.__dict__['q']\nreturn x, a.__dict__, hasattr(a, 'q')`,
  `class A:\n    def __init__(self):\n        self.a = 1\n        self.b = 2\na = A()\nreturn a.__dict__, len(a.__dict__), list(a.__dict__.items()), vars(a), vars(a) is a.__dict__`,
  `class A:\n    pass\na = A()\na.__dict__[1] = 'one'\na.__dict__[1.0] = 'uno'\nreturn a.__dict__`,
  `class A:\n    pass\na = A()\na.__dict__.clear()\na.k = 1\na.__dict__.pop('k')\nreturn a.__dict__, hasattr(a, 'k')`,
  `class A:\n    pass\na = A()\na.me = a.__dict__\nreturn repr(a.__dict__)`,
  `class A:\n    x = 1\na = A()\na.__dict__['x'] = 2\nreturn a.x, A.x, A().x`,
  `class A:\n    pass\nx = A()\nx.__dict__['__class__'] = 5\nx.__dict__['__dict__'] = 6\nreturn x.__class__ is A, type(x.__dict__).__name__`,
  `class A:\n    def __eq__(self, o):\n        return True\n    def __hash__(self):\n        return 1\nclass B:\n    pass\nb = B()\nb.__dict__[A()] = 1\nb.y = 2\nreturn len(b.__dict__), b.y`,
  `class A:\n    pass\na = A()\na.x = 1\nfor k in a.__dict__:\n    a.y = 2`,
  `class A:\n    pass\na = A()\na.x = [1]\nb = A()\nb.__dict__.update(a.__dict__)\nreturn b.x is a.x, a.__dict__ == b.__dict__, json.dumps(a.__dict__)`,
  `class I(int):\n    def __add__(self, o):\n        return 'added'\ni = I(3)\ni.t = 1\nreturn i.__dict__, i.__class__.__name__, i + 1`,
  `class A:\n    @property\n    def p(self):\n        return 'prop'\na = A()\na.__dict__['p'] = 'own'\nreturn a.p, a.__dict__`,
  `class A:\n    def f(self):\n        return 'method'\na = A()\na.__dict__['f'] = lambda: 'own'\nreturn a.f()`,
  `class A:\n    pass\nfor i in range(3):\n    setattr_ = A()\na = A()\nfor i in range(5):\n    a.__dict__[f'k{i}'] = i\nreturn [getattr(a, f'k{i}') for i in range(5)]`,
  `class E(Exception):\n    pass\ne = E('x')\ne.a = 1\nreturn e.__dict__, e.__class__ is E`,
  `e = KeyError('x')\ne.note = 1\ne.__dict__['more'] = 2\nreturn e.__dict__, e.more`,
  `class D(dict):\n    pass\nd = D(a=1)\nd.attr = 2\nreturn d.__dict__, d`,
  `class I(int):\n    pass\ni = I(5)\ni.tag = 't'\nreturn i.__dict__, i + 1`,
  `class A:\n    __slots__ = ()\nreturn hasattr(A(), '__dict__')`,
  `class A:\n    __slots__ = ()\nA().__dict__`,
  `import collections\nP = collections.namedtuple('P', 'x y')\nclass Q(P):\n    __slots__ = ()\nclass D(dict):\n    __slots__ = ()\nclass E(Exception):\n    __slots__ = ()\nreturn hasattr(Q(1, 2), '__dict__'), hasattr(P(1, 2), '__dict__'), hasattr(D(), '__dict__'), E().__dict__`,
  `(1).__dict__`,
  `[].__dict__`,
  `object().__dict__`,
  `vars(1)`,
  `vars(1, 2)`,
  `vars(x=1)`,
  `class A:\n    pass\nreturn vars(A)['__module__'], list(vars(A))`,
];

/** A class's `__dict__`: a mappingproxy of its namespace, in CPython's order, read-only. */
const CLASS_DICT = [
  `class A:\n    "The A."\n    x = 1\n    def f(self):\n        pass\nreturn list(A.__dict__), A.__dict__['__doc__'], A.__dict__['x'], A.__dict__['__module__']`,
  `class A:\n    x = 1\nreturn list(A.__dict__), A.__dict__['x'], repr(A.__dict__['__dict__']), repr(A.__dict__['__weakref__']), type(A.__dict__).__name__, type(A.__dict__['__dict__']).__name__`,
  `class A:\n    x = 1\nclass B(A):\n    y = 2\nreturn list(B.__dict__), repr(B.__dict__)`,
  `class A:\n    x = 1\n    y = 'two'\nreturn repr(A.__dict__)[:60], str(A.__dict__) == repr(A.__dict__)`,
  `class A:\n    x = 1\nA.__dict__['x'] = 2`,
  `class A:\n    x = 1\ndel A.__dict__['x']`,
  `class A:\n    x = 1\nA.__dict__.update(y=2)`,
  `class A:\n    x = 1\nA.__dict__['nope']`,
  `class A:\n    x = 1\nreturn len(A.__dict__), 'x' in A.__dict__, 'y' in A.__dict__, A.__dict__.get('x'), A.__dict__.get('nope', 9), sorted(A.__dict__.keys()), [v for v in A.__dict__.values() if v == 1], ('x', 1) in A.__dict__.items(), bool(A.__dict__)`,
  `class A:\n    x = 1\nc = A.__dict__.copy()\nc['z'] = 3\nreturn type(c).__name__, 'z' in A.__dict__, sorted(c)`,
  `class A:\n    pass\nreturn A.__dict__ == A.__dict__, A.__dict__ == dict(A.__dict__), dict(A.__dict__) == dict(A.__dict__), A.__dict__['__dict__'] is A.__dict__['__dict__'], A.__dict__ != {}`,
  `class A:\n    x = 1\nproxy = A.__dict__\nA.y = 2\nreturn 'y' in A.__dict__, A.__dict__['y']`,
  `class A:\n    pass\nhash(A.__dict__)`,
  `class A:\n    x = 1\ndef f(**kw):\n    return sorted(kw)\nreturn f(**A.__dict__), sorted({**A.__dict__}), sorted(A.__dict__ | {'z': 0}), sorted({'z': 0} | A.__dict__)`,
  `class A:\n    pass\nA.x = 1\ndel A.x\nreturn list(A.__dict__)`,
  `class C:\n    pass\nclass D(C):\n    __slots__ = ()\nclass F(D):\n    pass\nreturn list(F.__dict__), list(D.__dict__)`,
  `M = type('M', (type,), {})\nX = M('X', (), {'a': 1})\nreturn X.__class__ is M, X.__dict__['a'], X.__doc__, M.__bases__, type(X.__dict__).__name__`,
  `M = type('M', (type,), {})\nM.__subclasses__()`,
  `class E(Exception):\n    pass\nclass L(list):\n    pass\nclass D(dict):\n    pass\nclass I(int):\n    pass\nclass S(set):\n    pass\nclass T(tuple):\n    pass\nclass B(bytes):\n    pass\nclass F(float):\n    pass\nclass St(str):\n    pass\nreturn list(E.__dict__), list(L.__dict__), list(D.__dict__), list(I.__dict__), list(S.__dict__), list(T.__dict__), list(B.__dict__), list(F.__dict__), list(St.__dict__)`,
  `import collections, datetime, functools\nclass A(collections.OrderedDict):\n    pass\nclass B(collections.Counter):\n    pass\nclass C(collections.defaultdict):\n    pass\nclass D(collections.deque):\n    pass\nclass E(datetime.datetime):\n    pass\nclass F(functools.partial):\n    pass\nclass H(datetime.tzinfo):\n    pass\nclass J(collections.namedtuple('P', 'x y')):\n    pass\nclass K(staticmethod):\n    pass\nclass M(property):\n    pass\nclass N(type):\n    pass\nreturn [list(k.__dict__) for k in (A, B, C, D, E, F, H, J, K, M, N)]`,
  `class A:\n    __slots__ = ()\nclass B(A):\n    pass\nclass C:\n    pass\nclass D(C):\n    __slots__ = ()\nreturn list(A.__dict__), list(B.__dict__), list(D.__dict__)`,
  `class M:\n    pass\nclass E(M, Exception):\n    pass\nreturn list(E.__dict__)`,
  `class A:\n    @staticmethod\n    def s():\n        return 1\n    @classmethod\n    def c(cls):\n        return 2\n    @property\n    def p(self):\n        return 3\nreturn [type(A.__dict__[k]).__name__ for k in ('s', 'c', 'p')], A.__dict__['s']()`,
];

/** `__doc__` and `__module__` of a condition's classes, instances and functions, read and set. */
const DOC_AND_MODULE = [
  `class A:\n    "The A."\n    x = 1\nclass B(A):\n    pass\nreturn A.__doc__, A().__doc__, B.__doc__, B().__doc__, A.__module__, A().__module__, B.__module__`,
  `class A:\n    """Many\n    lines."""\nreturn A.__doc__`,
  `class A:\n    x = 'not a docstring'\nclass B:\n    f'{1}'\nclass C:\n    1\n    "late"\nreturn A.__doc__, B.__doc__, C.__doc__`,
  `def f(a, b=2, *args, c, d=4, **kw):\n    "Doc of f."\n    return a\ndef g():\n    pass\ndef h():\n    x = 1\n    "not it"\nreturn f.__doc__, g.__doc__, h.__doc__, f.__module__, g.__module__, (lambda: 0).__doc__, (lambda: 0).__module__`,
  `class A:\n    pass\na = A()\na.__doc__ = 'mine'\na.__module__ = 'm'\nreturn a.__doc__, A.__doc__, a.__module__, A.__module__, a.__dict__`,
  `class A:\n    "doc"\na = A()\na.__doc__ = None\na.__module__ = None\nreturn a.__doc__, A.__doc__, a.__module__, A.__module__`,
  `class A:\n    pass\nA.__doc__ = 'set'\nA.__module__ = 'mod'\nreturn A.__doc__, A().__doc__, A.__module__, list(A.__dict__)`,
  `class A:\n    "doc"\n    x = 1\nA.__doc__ = 'set'\nA.__module__ = 'mod'\nreturn A.__doc__, A().__doc__, A.__module__, list(A.__dict__), A.__dict__['__doc__']`,
  `class A:\n    pass\nA.__doc__ = None\nA.__module__ = None\nreturn A.__doc__, A.__module__, A.__dict__['__module__']`,
  // a class a metaclass made: its own, not lost as its metaclass's instance's attributes
  `class M(type):\n    pass\nclass C(metaclass=M):\n    pass\nC.__module__ = 'x'\nC.__doc__ = 'd'\nD = M('D', (), {'__module__': 'q', '__doc__': 5})\nreturn C.__module__, C.__doc__, D.__module__, D.__doc__, C().__module__`,
  `import enum\nclass C(enum.Enum):\n    A = 1\nC.__module__ = 'x'\nC.__doc__ = 'd'\nreturn C.__module__, C.__doc__, C.A.__module__`,
  `class A:\n    "doc"\ndel A.__doc__`,
  `class A:\n    pass\ndel A.__module__`,
  `class A:\n    pass\na = A()\na.__doc__ = 'x'\ndel a.__doc__\nreturn a.__doc__, a.__dict__`,
  `class A:\n    pass\ndel A().__doc__`,
  `import collections\nclass D(collections.deque):\n    pass\nD.__doc__ = 'x'\nD.__module__ = 'm'\nclass E(D):\n    pass\nclass I(int):\n    pass\nI.__doc__ = 'i'\nclass J(I):\n    pass\nreturn E.__doc__, D.__doc__, E.__module__, J(1) + 1, I.__doc__, list(D.__dict__)`,
  `def f():\n    "old"\nf.__doc__ = 'new'\nf.__module__ = 'm'\nreturn f.__doc__, f.__module__, (lambda: 0).__module__`,
  `object.__doc__ = 'x'`,
  `int.__module__ = 'x'`,
  `del int.__doc__`,
  `class E(Exception):\n    "An error."\ntry:\n    raise E()\nexcept E as e:\n    return e.__doc__, e.__module__, E.__module__`,
  `class A:\n    def m(self):\n        "Method doc."\nreturn A.m.__doc__, A.__dict__['m'].__doc__`,
  `class A:\n    "x" "y"\nclass B:\n    b'bytes'\ndef g():\n    "gen doc"\n    yield 1\nreturn A.__doc__, B.__doc__, g.__doc__, g.__defaults__`,
  `import calendar\nc = calendar.Calendar()\nreturn c.__dict__, calendar.Calendar.__module__, calendar.TextCalendar.__bases__[0].__name__, calendar.Calendar.__base__`,
  `class A:\n    pass\nreturn getattr(A, '__doc__'), getattr(A, '__module__'), hasattr(A(), '__doc__'), hasattr(A, '__module__')`,
  `return int.__module__, KeyError.__module__, object.__module__, type.__module__, len.__module__, isinstance.__module__`,
  `import collections, datetime, re, json, itertools, functools, contextlib, statistics, calendar, time, operator\nreturn [(t.__name__, t.__module__) for t in [collections.OrderedDict, collections.Counter, collections.defaultdict, collections.deque, datetime.date, datetime.datetime, datetime.time, datetime.timedelta, datetime.tzinfo, datetime.timezone, json.JSONDecodeError, re.error, re.RegexFlag, functools.partial, contextlib.suppress, contextlib.nullcontext, statistics.StatisticsError, calendar.Calendar, calendar.TextCalendar, calendar.IllegalMonthError, time.struct_time, operator.itemgetter, itertools.islice, itertools.chain]]`,
  `(1).__module__`,
  `[].__module__`,
];

/** `__bases__`, `__base__` and `__subclasses__()` of a condition's classes and of builtin types. */
const HIERARCHY = [
  `class A:\n    x = 1\nclass B(A):\n    y = 2\nreturn B.__bases__ == (A,), B.__base__ is A, A.__bases__, A.__base__, [c.__name__ for c in A.__subclasses__()], B.__subclasses__()`,
  `class A:\n    pass\nclass B(A):\n    pass\nclass C(A):\n    pass\nclass D(B, C):\n    pass\nreturn [c.__name__ for c in A.__subclasses__()], [c.__name__ for c in D.__bases__], D.__base__.__name__, [c.__name__ for c in B.__subclasses__()], D.__subclasses__()`,
  `class M:\n    pass\nclass E(M, KeyError):\n    pass\nclass F(KeyError, M):\n    pass\nreturn E.__base__, [b.__name__ for b in E.__bases__], F.__base__`,
  `class M:\n    pass\nclass L(M, list):\n    pass\nclass D(M, dict):\n    pass\nreturn L.__base__, D.__base__`,
  `class A:\n    pass\nreturn A.__subclasses__(1)`,
  `class A:\n    pass\nreturn A.__subclasses__(x=1)`,
  `class A:\n    pass\nsubs = [type('K', (A,), {}) for i in range(3)]\nreturn len(A.__subclasses__()), A.__subclasses__() == subs`,
  `class A:\n    pass\nf = A.__subclasses__\nclass B(A):\n    pass\nreturn [c.__name__ for c in f()], f.__name__`,
  `return [(t.__name__, t.__module__, t.__base__.__name__ if t.__base__ else None, [b.__name__ for b in t.__bases__]) for t in [int, str, bool, list, dict, set, frozenset, tuple, bytes, bytearray, memoryview, range, slice, complex, float, type, object, staticmethod, classmethod, property, KeyError, OSError, ExceptionGroup, BaseExceptionGroup, StopIteration, UnicodeDecodeError]]`,
  `import collections, datetime, re, json, functools, statistics, calendar\nreturn [(t.__name__, t.__base__.__name__, [b.__name__ for b in t.__bases__]) for t in [collections.OrderedDict, collections.defaultdict, collections.deque, datetime.date, datetime.datetime, datetime.timezone, json.JSONDecodeError, re.error, functools.partial, statistics.StatisticsError, calendar.Calendar, calendar.TextCalendar, calendar.IllegalMonthError]]`,
  `return (1).__bases__`,
  `def f():\n    pass\nreturn f.__bases__`,
  `return 'a'.__base__`,
  `return [].__subclasses__`,
];

/** `__defaults__` and `__kwdefaults__` of defs and lambdas. */
const DEFAULTS = [
  `def f(a, b=2, *args, c, d=4, **kw):\n    return a\ndef g():\n    pass\ndef h(*, k=1):\n    pass\nreturn f.__defaults__, f.__kwdefaults__, g.__defaults__, g.__kwdefaults__, h.__defaults__, h.__kwdefaults__`,
  `return (lambda x=1, y=[2]: x).__defaults__, (lambda *, z=3: z).__kwdefaults__, (lambda: 0).__defaults__`,
  `def f(x=[]):\n    x.append(1)\n    return x\nf()\nf.__defaults__[0].append(2)\nreturn f(), f.__defaults__`,
  `def f(a, b=1, *, c=2):\n    pass\nreturn f.__defaults__, f.__kwdefaults__ == f.__kwdefaults__`,
  `return len.__defaults__`,
  `return int.__defaults__`,
  `return (1).__kwdefaults__`,
  `class A:\n    def m(self, x=1):\n        pass\nreturn A.m.__defaults__`,
];

it('reads __class__ as type() answers it', () => {
  expect(compareWithCPython(CLASS)).toEqual([]);
});

it("reads and writes an instance's __dict__ as CPython does", () => {
  expect(compareWithCPython(INSTANCE_DICT)).toEqual([]);
});

it("reads a class's __dict__ as a mappingproxy in CPython's order", () => {
  expect(compareWithCPython(CLASS_DICT)).toEqual([]);
});

it('reads and sets __doc__ and __module__ as CPython does', () => {
  expect(compareWithCPython(DOC_AND_MODULE)).toEqual([]);
});

it('reads __bases__, __base__ and __subclasses__() as CPython does', () => {
  expect(compareWithCPython(HIERARCHY)).toEqual([]);
});

it('reads the defaults of defs and lambdas as CPython does', () => {
  expect(compareWithCPython(DEFAULTS)).toEqual([]);
});

/** `x.__class__ = K`: between two of a condition's plain classes; CPython's refusals for the rest. */
const SET_CLASS = [
  `class A:\n    def who(self):\n        return 'a'\nclass B:\n    def who(self):\n        return 'b'\na = A()\na.v = 1\na.__class__ = B\nreturn type(a) is B, isinstance(a, A), a.who(), a.v`,
  `class A:\n    pass\nclass B(A):\n    pass\na = A()\nsetattr_ok = True\na.__class__ = B\nreturn type(a).__name__, isinstance(a, A)`,
  `class A:\n    pass\na = A()\na.__class__ = 5`,
  `class A:\n    pass\na = A()\na.__class__ = int`,
  `class A:\n    pass\na = A()\na.__class__ = object`,
  `class A:\n    pass\n(1).__class__ = A`,
  `class A:\n    pass\nx = []\nx.__class__ = A`,
  `class A:\n    pass\nclass D(dict):\n    pass\na = A()\na.__class__ = D`,
  `class A:\n    pass\nclass E(Exception):\n    pass\na = A()\na.__class__ = E`,
  `class A:\n    pass\nclass S:\n    __slots__ = ()\na = A()\na.__class__ = S`,
  `class A:\n    pass\na = A()\ndel a.__class__`,
  `class A:\n    pass\ndef g():\n    del (yield).__class__\ngen = g()\nnext(gen)\ngen.send(A())`,
  `class A:\n    def f(self):\n        return super().__class__.__name__, super().__class__\nreturn A().f()`,
  `import re\nm = re.match('a', 'a')\nreturn NotImplemented.__class__, Ellipsis.__class__, m.__class__.__name__, log.__class__, text.__class__`,
  `return getattr(1, '__class__', 7), getattr(1, '__dict__', 7), hasattr(1, '__bases__'), hasattr(int, '__bases__')`,
];

it('sets __class__ as CPython does where it is built', () => {
  expect(compareWithCPython(SET_CLASS)).toEqual([]);
});

it('refuses in clear words what it does not build, and what reaches the host', () => {
  const engine = new Engine();
  const run = (source: string) => evaluator(engine, { source }).error ?? evaluator(engine, { source }).repr;
  const notAvailable = (what: string) => new RegExp(`^UnsupportedError: ${what.replace(/[.()[\]]/g, '\\$&')} is not available in conditions: `);
  // CPython's docstrings are its own text: not copied here
  for (const v of ['int', 'len', 'KeyError', "'a'", 'json', 'json.dumps', '[].append']) expect(run(`import json\nreturn ${v}.__doc__`)).toMatch(/^UnsupportedError: '.*\.__doc__' is not available in conditions: the evaluator does not carry CPython's docstrings$/);
  expect(run(`return int.__dict__`)).toMatch(notAvailable("'int.__dict__'"));
  expect(run(`return object.__dict__`)).toMatch(notAvailable("'object.__dict__'"));
  expect(run(`import math\nreturn math.__dict__`)).toMatch(notAvailable("'math.__dict__'"));
  expect(run(`import calendar\nreturn calendar.Calendar.__dict__`)).toMatch(notAvailable("'calendar.Calendar.__dict__'"));
  // a module's function is shared by every condition; a def's __dict__ is its own (function-attributes.test.ts)
  expect(run(`import json\nreturn json.dumps.__dict__`)).toMatch(notAvailable("'dumps.__dict__'"));
  expect(run(`import functools\n@functools.lru_cache\ndef f():\n    pass\nreturn f.__dict__`)).toMatch(notAvailable("'envelope.<locals>.f.__dict__'"));
  expect(run(`return int.__subclasses__()`)).toMatch(notAvailable("'int.__subclasses__()'"));
  expect(run(`import calendar\nreturn calendar.Calendar.__subclasses__()`)).toMatch(notAvailable("'calendar.Calendar.__subclasses__()'"));
  expect(run(`v = vars\nreturn v()`)).toBe("UnsupportedError: vars() without an argument is not available in conditions but called by its name: only then is the caller's frame known");
  expect(run(`import json\njson.dumps.__dict__ = {}`)).toMatch(/^UnsupportedError: cannot set 'json.dumps.__dict__': the modules' classes and functions are read-only/);
  expect(run(`class A:\n    pass\nA.__bases__ = (object,)`)).toBe("UnsupportedError: setting '__bases__' is not available in conditions: only reading it is built");
  // a def's own __defaults__ is set as CPython's (class-late-dunders.test.ts); a module's function's is shared by every condition
  expect(run(`import json\njson.dumps.__defaults__ = (2,)`)).toMatch(/^UnsupportedError: cannot set 'json.dumps.__defaults__': the modules' classes and functions are read-only/);
  // a bound method of a condition's class reads its function's (method-introspection.test.ts); one the evaluator makes without its function is refused
  expect(run(`import datetime\nreturn datetime.date.today.__defaults__`)).toBe("UnsupportedError: '__defaults__' of a bound method is not available in conditions: a bound method does not keep its function in the evaluator");
  expect(run(`class A:\n    pass\nclass L(list):\n    pass\na = L()\na.__class__ = A`)).toBe("TypeError: __class__ assignment: 'A' object layout differs from 'L'");
  expect(run(`class L(list):\n    pass\nclass M(list):\n    pass\na = L()\na.__class__ = M`)).toMatch(notAvailable("setting '__class__' of this instance"));
  // each says why, at compile time and through getattr
  const why = {
    __code__: 'code objects and cells are not built by the evaluator',
    __closure__: 'code objects and cells are not built by the evaluator',
    __globals__: "a function's globals hold CPython's builtins module, whose __import__, open and eval reach the host",
    __builtins__: 'it reaches the host in CPython (the import system and the builtins module)',
    __import__: 'it reaches the host in CPython (the import system and the builtins module)',
    __loader__: 'it reaches the host in CPython (the import system and the builtins module)',
    __spec__: 'it reaches the host in CPython (the import system and the builtins module)',
  };
  for (const [name, reason] of Object.entries(why)) {
    expect(run(`def f():\n    pass\nreturn f.${name}`)).toBe(`SyntaxError: '${name}' is not available in conditions: ${reason}`);
    // a name a function has in CPython (dir() lists it) is refused past any except, so hasattr cannot answer False; another is CPython's AttributeError
    const has = ['__code__', '__closure__', '__globals__', '__builtins__'].includes(name);
    expect(run(`def f():\n    pass\nreturn getattr(f, '${name}')`)).toBe(`${has ? 'Unsupported' : 'Attribute'}Error: '${name}' is not available in conditions: ${reason}`);
  }
  expect(run(`return __builtins__`)).toBe("SyntaxError: '__builtins__' is not available in conditions: it reaches the host in CPython (the import system and the builtins module)");
});

it('lets no shared object be written through the new routes', () => {
  const engine = new Engine();
  const run = (source: string) => evaluator(engine, { source }).error ?? evaluator(engine, { source }).repr;
  // a class's namespace is a copy behind a proxy without item assignment
  expect(run(`import calendar\nreturn type(calendar.Calendar()).__name__, calendar.Calendar().__class__ is calendar.Calendar`)).toBe("('Calendar', True)");
  expect(run(`(1).__class__.x = 1`)).toBe("TypeError: cannot set 'x' attribute of immutable type 'int'");
  expect(run(`import json\njson.dumps.__class__.x = 1`)).toBe("TypeError: cannot set 'x' attribute of immutable type 'builtin_function_or_method'");
  expect(run(`import calendar\ncalendar.Calendar.__doc__ = 'x'`)).toBe("UnsupportedError: cannot set 'calendar.Calendar.__doc__': the modules' classes and functions are read-only in the evaluator (they are shared by every condition)");
  expect(run(`import json\njson.dumps.__doc__ = 'x'`)).toBe("UnsupportedError: cannot set 'json.dumps.__doc__': the modules' classes and functions are read-only in the evaluator (they are shared by every condition)");
  expect(run(`import json\njson.__doc__ = 'x'`)).toBe("UnsupportedError: cannot set 'json.__doc__': modules are read-only in the evaluator (they are shared by every condition)");
  expect(run(`import calendar\nc = calendar.Calendar()\nc.__class__ = calendar.TextCalendar`)).toMatch(/^UnsupportedError: setting '__class__' of this instance is not available in conditions: /);
  expect(run(`import calendar\nclass A:\n    pass\nA().__class__ = calendar.Calendar`)).toMatch(/^UnsupportedError: setting '__class__' of this instance is not available in conditions: /);
  expect(run(`e = KeyError()\ne.__dict__['x'] = 1\nreturn KeyError().__dict__, e.x`)).toBe("({}, 1)");
});

it("lists no other condition's classes among a class's subclasses", () => {
  const engine = new Engine();
  const run = (source: string) => evaluator(engine, { source }).error ?? evaluator(engine, { source }).repr;
  // one condition makes classes on a module's class and on its own; the next sees none of them
  expect(run(`import calendar\nclass A:\n    pass\nclass B(A):\n    pass\nclass C(calendar.Calendar):\n    pass\nreturn len(A.__subclasses__())`)).toBe('1');
  expect(run(`class A:\n    pass\nreturn A.__subclasses__()`)).toBe('[]');
  expect(run(`import calendar\nreturn calendar.Calendar.__subclasses__()`)).toMatch(/^UnsupportedError: 'calendar.Calendar.__subclasses__\(\)' is not available in conditions/);
});

it('pays for what it builds: a namespace read, a subclass list, a class change', () => {
  // the steps, not the default's 50 ms, are what these meet; the time is for a shared machine
  const engine = new Engine({ maxMillis: 20_000 });
  const run = (source: string) => evaluator(engine, { source }).error ?? evaluator(engine, { source }).repr;
  // 100,000 reads of a class's namespace, or of a list of subclasses, each a copy, are past the budget
  expect(run(`class A:\n${Array.from({ length: 200 }, (_, i) => `    a${i} = ${i}\n`).join('')}for i in range(100000):\n    A.__dict__\nreturn True`)).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
  // a copy is paid by its size: 300 reads of a namespace of 20,000 names, which one step each would let by
  expect(run(`A = type('A', (), {f'a{i}': i for i in range(20000)})\nfor i in range(300):\n    A.__dict__\nreturn True`)).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
  expect(run(`class A:\n    pass\nfor i in range(1000):\n    class B(A):\n        pass\nfor i in range(100000):\n    A.__subclasses__()\nreturn True`)).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
  expect(run(`class A:\n    pass\nclass B:\n    pass\na = A()\nwhile True:\n    a.__class__ = B\n    a.__class__ = A`)).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
  // an instance's namespace holding itself prints as a cycle
  expect(run(`class A:\n    pass\na = A()\na.d = a.__dict__\nreturn repr(a.__dict__)`)).toBe(`"{'d': {...}}"`);
});
