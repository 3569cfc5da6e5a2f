import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** A subclass of type, called as type is: the class it makes is of that type, and reads its methods and properties. */
const METACLASSES = [
  `class M(type):\n    def hello(cls):\n        return 'hi ' + cls.__name__\n    @property\n    def p(cls):\n        return 'prop ' + cls.__name__\nX = M('X', (), {'a': 1, 'f': lambda self: 'f'})\nreturn type(X).__name__, X.a, X.hello(), isinstance(X, M), isinstance(X, type), X().f(), type(X()).__name__, X.p, hasattr(X(), 'hello'), [c.__name__ for c in M.__mro__], issubclass(M, type), repr(X) == repr(type('X', (), {})), type(X) is M`,
  `class M(type):\n    pass\nr = []\nfor a in [(5,), (), ('X', (), {}, 1)]:\n    try:\n        M(*a)\n    except TypeError as e:\n        r.append(str(e))\ntry:\n    M('X', (), {}, k=1)\nexcept TypeError as e:\n    r.append(str(e))\nreturn r`,
  `class M2(type):\n    def __init__(cls, name, bases, ns):\n        super().__init__(name, bases, ns)\n        cls.registry = [name]\n    def __new__(mcls, name, bases, ns):\n        ns['added'] = 1\n        return super().__new__(mcls, name, bases, ns)\n    def __repr__(cls):\n        return 'M2:' + cls.__name__\nY = M2('Y', (), {})\nZ = M2('Z', (Y,), {})\nY.b = 2\nreturn Y.registry, Y.added, repr(Y), str(Y), Z.registry, type(Z).__name__, Y.b, [Y], Z.b, issubclass(Z, Y)`,
  `class M(type):\n    def __init__(cls, *a):\n        super().__init__(1, 2)\nM('X', (), {})`,
  `class M(type):\n    def __init__(cls, *a):\n        super().__init__('a', (), {}, k=1)\n        cls.ok = 1\nreturn M('X', (), {}).ok, M('X', (int,), {})(5) + 1, M('E', (ValueError,), {})('m').args`,
  `class M(type):\n    @property\n    def n(cls):\n        return cls._n\n    @n.setter\n    def n(cls, v):\n        cls._n = v * 2\nX = M('X', (), {})\nX.n = 4\nreturn X.n, X._n`,
  `class M(type):\n    pass\nclass N(type):\n    pass\nX = M('X', (), {})\nreturn N('Y', (X,), {})`,
  `class M(type):\n    def f(cls):\n        return 'M'\nclass M2(M):\n    def f(cls):\n        return 'M2' + super().f()\nX = M2('X', (), {'g': classmethod(lambda c: c.f())})\nreturn X.f(), X.g(), type(X).__name__, M('Y', (), {}).f()`,
  `class M(type):\n    pass\nreturn M(1, 2, 3)`,
  `class M(type):\n    pass\nreturn M('X', 1, {})`,
  `class M(type):\n    pass\nX = M('X', (), {})\nreturn M('Y', (X,), {}), type(M('Y', (X,), {})).__name__`,
  `class M(type):\n    def __new__(mcls, name, bases, ns):\n        return 5\n    def __init__(cls, *a):\n        print('not called')\nreturn M('X', (), {})`,
  // type.mro through a metaclass is unbound
  `class M(type):\n    pass\nX = M('X', (), {})\nmatch X:\n    case M():\n        r = 'M'\nreturn r, X.mro(), M.mro(X), M.mro(int), type(X)('Y', (), {}).__name__, isinstance(X(), X)`,
  `class M(type):\n    pass\nreturn M.mro()`,
  `class M(type):\n    pass\nreturn M.mro(5)`,
  `class M(type):\n    pass\nreturn M.mro(int, 1)`,
  `M = type('M', (type,), {'tag': 't'})\nX = M('X', (), {})\nreturn X.tag, type(X).__name__`,
];

it('makes classes with a subclass of type as CPython does', () => {
  expect(compareWithCPython(METACLASSES)).toEqual([]);
});

/** metaclass= and a base's metaclass in a class statement, as builtin___build_class__ runs them (runtime/metaclass.ts). */
const CLASS_STATEMENTS = [
  `class M(type):\n    def __new__(mcls, name, bases, ns, **kw):\n        ns['added'] = kw\n        return super().__new__(mcls, name, bases, ns)\n    def __init__(cls, name, bases, ns, **kw):\n        super().__init__(name, bases, ns)\nclass A(metaclass=M, x=1):\n    def f(self):\n        return type(super().__repr__()).__name__\nclass B(A):\n    pass\nreturn type(A).__name__, type(B).__name__, A.added, B.added, A().f(), A.__qualname__, [c.__name__ for c in B.__mro__]`,
  // what the namespace holds when the metaclass is called, in CPython's order
  `def meta(name, bases, ns, **kw):\n    return (name, [b.__name__ for b in bases], list(ns), ns['__qualname__'], kw)\nclass A(int, metaclass=meta, k=1):\n    \'\'\'doc\'\'\'\n    x = 1\n    def f(self): pass\nreturn A`,
  `class M(type):\n    @classmethod\n    def __prepare__(mcls, name, bases, **kw):\n        d = {'x': 5}\n        d['kw'] = kw\n        return d\nclass A(metaclass=M, k=2):\n    x = x + 1\n    kw = kw\n    def __init_subclass__(cls, **kw):\n        pass\nreturn A.x, A.kw`,
  `class M(type):\n    @classmethod\n    def __prepare__(mcls, name, bases):\n        return 5\nclass A(metaclass=M):\n    pass`,
  `class M(type):\n    @classmethod\n    def __prepare__(mcls, name, bases):\n        return super().__prepare__(name, bases)\nclass A(metaclass=M):\n    y = 2\nreturn A.y`,
  `class M(type):\n    def __call__(cls, *a, **k):\n        r = super().__call__(*a, **k)\n        r.made = True\n        return r\nclass A(metaclass=M):\n    def __init__(self, v):\n        self.v = v\nclass B(A):\n    pass\na = B(3)\nreturn a.v, a.made, type(a).__name__`,
  // a singleton by its metaclass
  `class Single(type):\n    _inst = {}\n    def __call__(cls, *a):\n        if cls not in Single._inst:\n            Single._inst[cls] = super().__call__(*a)\n        return Single._inst[cls]\nclass S(metaclass=Single):\n    pass\nreturn S() is S(), type(S).__name__`,
  `class M(type):\n    def __call__(cls):\n        return 42\nclass A(metaclass=M):\n    pass\nreturn A(), type(A).__name__`,
  `class M(type):\n    def __instancecheck__(cls, obj):\n        return obj == 5\n    def __subclasscheck__(cls, sub):\n        return sub is int\nclass A(metaclass=M):\n    pass\nreturn isinstance(5, A), isinstance(6, A), isinstance(A(), A), issubclass(int, A), issubclass(str, A), issubclass(A, A), issubclass(3, A), isinstance(5, (str, A)), issubclass(int, (str, A))`,
  `class M(type):\n    def __instancecheck__(cls, obj):\n        return []\n    def __subclasscheck__(cls, sub):\n        return 'yes'\nclass A(metaclass=M):\n    pass\nreturn isinstance(1, A), issubclass(int, A)`,
  `class M(type):\n    def __instancecheck__(cls, obj):\n        raise ValueError('no')\nclass A(metaclass=M):\n    pass\nisinstance(1, A)`,
  `class M(type):\n    def __instancecheck__(cls, obj):\n        return super().__instancecheck__(obj)\n    def __subclasscheck__(cls, sub):\n        return super().__subclasscheck__(sub)\nclass A(metaclass=M):\n    pass\nclass B(A):\n    pass\nreturn isinstance(B(), A), isinstance(1, A), issubclass(B, A), issubclass(int, A)`,
  `class M(type):\n    def __subclasscheck__(cls, sub):\n        return super().__subclasscheck__(5)\nclass A(metaclass=M):\n    pass\nissubclass(int, A)`,
  `class M(type): pass\nclass N(type): pass\nclass A(metaclass=M): pass\nclass B(metaclass=N): pass\nclass C(A, B): pass`,
  `class M(type): pass\nclass N(M): pass\nclass A(metaclass=M): pass\nclass B(metaclass=N): pass\nclass C(A, B): pass\nclass D(B, A, metaclass=M): pass\nreturn type(C).__name__, type(D).__name__`,
  `class M(type): pass\nclass A(metaclass=M): pass\nclass B(A, metaclass=type): pass\nX = type('X', (A,), {})\nreturn type(B).__name__, type(X).__name__`,
  `class M(type):\n    def __init__(cls, name, bases, ns):\n        cls.inited = name\nclass A(metaclass=M): pass\nX = type('X', (A,), {})\nreturn X.inited`,
  `class M(type):\n    def __new__(mcls, name, bases, ns):\n        return 'made by M'\nclass A(metaclass=M): pass\nreturn A, type('X', (A,), {}) if False else None`,
  `class M(type):\n    def __new__(mcls, name, bases, ns):\n        return super().__new__(mcls, name, bases, ns)\nclass N(M):\n    def __new__(mcls, name, bases, ns):\n        ns['n'] = 1\n        return super().__new__(mcls, name, bases, ns)\nclass A(metaclass=N): pass\nX = M('X', (A,), {})\nreturn type(X).__name__, X.n`,
  `def meta(name, bases, ns):\n    return name\nclass A(metaclass=meta):\n    pass\nclass B(metaclass=lambda *a, **k: k, z=3):\n    pass\nreturn A, B`,
  `class A(metaclass=5):\n    pass`,
  `class A(**{'metaclass': type}):\n    pass\nclass M(type):\n    pass\nclass B(**{'metaclass': M}):\n    pass\nreturn type(A).__name__, type(B).__name__`,
  `class M(type):\n    pass\nclass A(metaclass=M, x=1):\n    pass`,
  `class M(type):\n    def __new__(mcls, name, bases, ns, **kw):\n        return super().__new__(mcls, name, bases, ns, **kw)\nclass A(metaclass=M):\n    def __init_subclass__(cls, **kw):\n        cls.kw = kw\nclass B(A, k=2): pass\nreturn B.kw`,
  // methods and properties of the metaclass, read through its classes; super() and __class__ in a metaclass-made class
  `class M(type):\n    @property\n    def upper(cls):\n        return cls.__name__.upper()\n    def describe(cls):\n        return 'class ' + cls.__name__\nclass A(metaclass=M):\n    def m(self):\n        return super().__init__() is None\nclass B(A): pass\nreturn A.upper, B.describe(), B().m(), hasattr(A(), 'describe')`,
  `class E:\n    def __mro_entries__(self, bases):\n        return (int,)\nclass A(E()):\n    pass\nclass B(E(), str):\n    pass\nreturn [c.__name__ for c in A.__mro__], A.__orig_bases__[0].__class__.__name__, A(4) + 1, [c.__name__ for c in B.__bases__], len(B.__orig_bases__)`,
  `class E:\n    def __mro_entries__(self, bases):\n        return ()\nclass A(E()):\n    pass\nreturn [c.__name__ for c in A.__mro__], hasattr(A, '__orig_bases__'), type(A.__orig_bases__).__name__`,
  `class E:\n    def __mro_entries__(self, bases):\n        return [int]\nclass A(E()):\n    pass`,
  `class E:\n    def __mro_entries__(self, bases):\n        return (int,)\nreturn type('A', (E(),), {})`,
  `class A(5):\n    pass`,
  `class A(1, 'x'):\n    pass`,
  `class M(type):\n    def __new__(mcls, name, bases, ns):\n        return super().__new__(mcls, name, bases, ns)\nclass A(metaclass=M):\n    def f(self):\n        return type(self).__name__\n    def g(self):\n        return type(super().__str__()).__name__\nreturn A().f(), A().g()`,
];

it('runs class statements through their metaclass as CPython does', () => {
  expect(compareWithCPython(CLASS_STATEMENTS)).toEqual([]);
});

/** type's own __setattr__, __delattr__ and __getattribute__ (type_setattro, type_getattro): the store on a class, not object's, which refuses a type. */
const TYPE_ATTRIBUTES = [
  "class A: pass\ntype.__setattr__(A, 'x', 1)\nreturn A.x",
  "class A: pass\ntype.__delattr__(A, 'x')",
  "class A:\n    x = 1\ntype.__delattr__(A, 'x')\nreturn hasattr(A, 'x')",
  "type.__setattr__(int, 'x', 1)",
  "class A: pass\ntype.__setattr__(A(), 'x', 1)",
  "class A: pass\nreturn type.__getattribute__(A, '__name__'), type.__getattribute__(A, 'mro')() == A.mro()",
  'return type.__setattr__ is object.__setattr__, type.__delattr__ is object.__delattr__, type.__getattribute__ is object.__getattribute__',
  "class M(type): pass\nclass A(metaclass=M): pass\nM.__setattr__(A, 'q', 3)\nreturn A.q, M.__setattr__ is type.__setattr__, A.__setattr__ is object.__setattr__",
  "class A: pass\ntype.__setattr__(A, 'x')",
  "class A: pass\ntype.__setattr__(A, 1, 2)",
  "class A: pass\ntype.__setattr__(A, '__name__', 'B')\nreturn A.__name__, repr(A)",
  "class A: pass\ntype.__delattr__(A, 'x', 2)",
  "class A: pass\ntype.__getattribute__(A)",
  'type.__setattr__()',
  "class A: pass\ntype.__setattr__(A, 'x', 1, z=2)",
  "class A: pass\nobject.__setattr__(A, 'x', 1)",
];

it("stores on a class through type's own __setattr__ as CPython does", () => {
  expect(compareWithCPython(TYPE_ATTRIBUTES)).toEqual([]);
  // a module's class is shared by every condition: refused, as `cls.x = 1` is
  expect(evaluator(new Engine(), { source: "import calendar\ntype.__setattr__(calendar.Calendar, 'x', 1)" }).error).toMatch(/^UnsupportedError: cannot set 'calendar.Calendar.x'/);
});

/** A body with annotations, whose class a metaclass makes (enum's, abc's, a condition's): SETUP_ANNOTATIONS's dict in the namespace. */
const ANNOTATED = [
  "class M(type): pass\nclass A(metaclass=M):\n    x: int\n    y: int = 1\nreturn A.__annotations__, A.y",
  "import enum\nclass C(enum.Enum):\n    x: int\n    A = 1\n    B: int = 2\nreturn list(C), C.__annotations__",
  "class M(type):\n    @classmethod\n    def __prepare__(mcs, name, bases):\n        return {'__annotations__': {'pre': 1}}\nclass A(metaclass=M):\n    x: int\nreturn A.__annotations__",
  "class A:\n    pass\nB = type('B', (A,), {'__annotations__': {'x': int}, 'x': 1})\nreturn B.__annotations__, B.x, A.__dict__.get('__annotations__')",
  "import abc\nclass A(abc.ABC):\n    x: int = 3\n    @abc.abstractmethod\n    def f(self): pass\nclass B(A):\n    def f(self): return self.x\nreturn B().f(), A.__annotations__, B.__annotations__ if '__annotations__' in B.__dict__ else None",
  "import dataclasses, abc\n@dataclasses.dataclass\nclass A(abc.ABC):\n    x: int\n    y: str = 'q'\nreturn A(1), A.__annotations__",
];

it('keeps the annotations of a body a metaclass makes the class of, as CPython does', () => {
  expect(compareWithCPython(ANNOTATED)).toEqual([]);
});

it('refuses a namespace the body could not read as CPython does, in clear words', () => {
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  // the body reads only the names it assigns from a prepared namespace (no LOAD_NAME through it)
  expect(error(`class M(type):\n    @classmethod\n    def __prepare__(mcls, name, bases):\n        return {'pre': 5}\nclass A(metaclass=M):\n    x = pre + 1`)).toBe("UnsupportedError: a class body in a condition reads only the names it assigns from its metaclass's namespace: '__prepare__' put 'pre' there, which the body does not assign");
});

it('holds hostile metaclasses to the limits', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error(`class M(type):\n    def __init__(cls, *a):\n        M('X', (), {})\nM('X', (), {})`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  expect(error(`class M(type):\n    def __repr__(cls):\n        return repr(cls)\nreturn repr(M('X', (), {}))`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  // a chain of classes, each made from the last, pays for its order as any class does
  expect(error(`class M(type):\n    pass\nX = M('X', (), {})\nfor i in range(100000):\n    X = M('X', (X,), {})\nreturn X`)).toMatch(/^(StepLimitError|MemoryError)/);
  // a __call__ that calls its class again, an __instancecheck__ or __subclasscheck__ that asks itself
  expect(error(`class M(type):\n    def __call__(cls, *a):\n        return cls(*a)\nclass A(metaclass=M):\n    pass\nA()`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  expect(error(`class M(type):\n    def __instancecheck__(cls, o):\n        return isinstance(o, cls)\nclass A(metaclass=M):\n    pass\nisinstance(1, A)`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  expect(error(`class M(type):\n    def __subclasscheck__(cls, c):\n        return issubclass(c, cls)\nclass A(metaclass=M):\n    pass\nissubclass(int, A)`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  // a chain of metaclasses, each the last one's class: made and called within the limits
  expect(error(`M = type\nfor i in range(100000):\n    M = M('M', (M,), {})\nreturn M`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(evaluator(engine, { source: `M = type\nfor i in range(50):\n    M = M('M', (M,), {})\nclass A(metaclass=M):\n    pass\nclass B(A):\n    pass\nreturn len(type(B).__mro__), isinstance(B(), A)` }).repr).toBe('(52, True)');
  // a prepared namespace of a million names, each refused at once
  expect(error(`class M(type):\n    @classmethod\n    def __prepare__(mcls, name, bases):\n        return dict.fromkeys(range(10**6))\nclass A(metaclass=M):\n    pass`)).toMatch(/^(StepLimitError|MemoryError|UnsupportedError)/);
  // a tuple of a metaclass's classes nested deep: each level paid for
  expect(error(`class M(type):\n    def __instancecheck__(cls, o):\n        return False\nclass A(metaclass=M):\n    pass\nt = (A,) * 1000\nt = (t,) * 1000\nt = (t,) * 1000\nreturn isinstance(1, t)`)).toMatch(/^StepLimitError/);
});

// type_new stores `__module__` from its calling frame's `__name__`, which a condition's has not: a class a
// condition's metaclass makes of a dict without one reads the metaclass's own ('builtins'), its bases' first;
// a module's metaclass's __new__ (abc.ABCMeta's, reached through typing's _ProtocolMeta or a subclass) names its module
const MODULES = [
  "class M(type):\n    pass\nC = M('C', (), {})\nreturn C.__module__, repr(C), '__module__' in C.__dict__",
  "class M(type):\n    def __new__(mcls, name, bases, ns):\n        return super().__new__(mcls, name, bases, ns)\nC = M('C', (), {})\nreturn C.__module__, repr(C)",
  "class B:\n    pass\nB.__module__ = 'mod'\nclass M(type):\n    pass\nC = M('C', (B,), {})\nreturn C.__module__, repr(C), C().__module__",
  "M = type('M', (type,), {})\nC = M('C', (), {})\ntry:\n    return C.__module__\nexcept AttributeError as e:\n    return 'AttributeError', str(e), repr(C)",
  "C = type('C', (), {})\ntry:\n    return C.__module__\nexcept AttributeError as e:\n    return 'AttributeError', str(e), repr(C)",
  "import abc\nclass M(abc.ABCMeta):\n    pass\nC = M('C', (), {})\nreturn repr(C), C.__module__",
  "import abc\nclass M(abc.ABCMeta):\n    def __new__(mcls, *a):\n        return super().__new__(mcls, *a)\nC = M('C', (), {})\nreturn repr(C), C.__module__",
  "import typing\nclass P(typing.Protocol):\n    pass\nC = type(P)('C', (P,), {})\nreturn repr(C), C.__module__",
];

it("gives a class a metaclass made of a dict without __module__ CPython's __module__", () => {
  expect(compareWithCPython(MODULES)).toEqual([]);
});
