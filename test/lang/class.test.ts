import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const P = `class P:\n    def __init__(self, x, y=0):\n        self.x = x\n        self.y = y\n    def __repr__(self):\n        return f'P({self.x}, {self.y})'\n`;
const E = `class AppError(Exception):\n    def __init__(self, msg, code=1):\n        super().__init__(msg)\n        self.code = code\n`;

/** Plain classes: __init__, methods, class attributes, the dunders the evaluator allows, and CPython's errors around them. */
const PLAIN = [
  `${P}p = P(1, 2)\nreturn p, p.x, p.y, repr(p), str(p), f'{p}', [p], type(p).__name__, isinstance(p, P), isinstance(p, object), isinstance(1, P)`,
  `${P}p = P(1)\np.x += 5\np.z = 'new'\nreturn p.x, p.z, p`, `${P}return P()`, `${P}return P(1, 2, 3)`, `${P}return P(1, q=2)`, `${P}return P(1).nope`, `${P}p = P(1)\ndel p.x\nreturn p.x`, `${P}p = P(1)\ndel p.nope`,
  `class C:\n    n = 0\n    kinds = ['a']\n    def bump(self):\n        C.n += 1\n        return C.n\nc = C()\nc.bump()\nreturn c.bump(), C.n, c.n, C.kinds, c.kinds is C.kinds`,
  `class C:\n    def m(self):\n        return 'm'\nreturn C().m(), C.m(C()), C().m.__name__`, `class C:\n    pass\nreturn C(1)`, `class C:\n    pass\nreturn C(x=1)`, `class C:\n    pass\nc = C()\nc.a = 1\nreturn c.a`,
  `class C:\n    def __init__(self):\n        return 5\nreturn C()`, `class C:\n    def __init__(self):\n        pass\nreturn C(1)`, `class C:\n    x = 1\n    y = x + 1\nreturn C.y`, `class C:\n    x = 1\n    def f(self):\n        return x\nreturn C().f()`,
  `class C:\n    def f(self):\n        return self.g() * 2\n    def g(self):\n        return 21\nreturn C().f()`, `class A:\n    def who(self):\n        return 'A'\n    def hi(self):\n        return 'hi ' + self.who()\nclass B(A):\n    def who(self):\n        return 'B'\nreturn B().hi(), A().hi(), isinstance(B(), A), issubclass(B, A), issubclass(A, B)`,
  `class A:\n    def __init__(self, v):\n        self.v = v\nclass B(A):\n    def __init__(self, v):\n        super().__init__(v * 2)\nreturn B(2).v`, `class A:\n    def f(self):\n        return 'A.f'\nclass B(A):\n    def f(self):\n        return 'B>' + super().f()\nreturn B().f()`,
  `class A:\n    def __init__(self):\n        super().__init__()\n        self.ok = True\nreturn A().ok`, `class A:\n    def __init__(self):\n        super().__init__(1)\nreturn A()`,
  `class V:\n    def __init__(self, n):\n        self.n = n\n    def __eq__(self, o):\n        return isinstance(o, V) and self.n == o.n\nreturn V(1) == V(1), V(1) == V(2), V(1) != V(1), V(1) == 1, 1 == V(1), V(1) in [V(0), V(1)]`,
  `class V:\n    def __init__(self, n):\n        self.n = n\n    def __eq__(self, o):\n        return self.n == o.n\nreturn {V(1)}`, `class V:\n    def __eq__(self, o):\n        return True\nreturn hash(V())`,
  `class V:\n    def __init__(self, n):\n        self.n = n\n    def __eq__(self, o):\n        return self.n == o.n\n    def __hash__(self):\n        return hash(self.n)\nreturn len({V(1), V(1), V(2)}), {V(1): 'a'}[V(1)], hash(V(5))`,
  `class H:\n    def __hash__(self):\n        return 10**15 + 7\nreturn hash(H())`, `class H:\n    def __hash__(self):\n        return 2**100 + 7\nreturn hash(H()), len({H(), H()})`, `class H:\n    def __hash__(self):\n        return 'x'\nreturn hash(H())`, `class H:\n    def __hash__(self):\n        return -1\nreturn hash(H())`, `class H:\n    __hash__ = None\nreturn hash(H())`,
  `class S:\n    def __init__(self, n):\n        self.n = n\n    def __lt__(self, o):\n        return self.n < o.n\n    def __repr__(self):\n        return f'S{self.n}'\nreturn sorted([S(3), S(1), S(2)]), min(S(5), S(4)), max([S(1), S(9)]), S(1) < S(2), S(2) > S(1)`,
  `class S:\n    pass\nreturn sorted([S(), S()])`, `class S:\n    pass\nreturn S() < S()`,
  `class L:\n    def __len__(self):\n        return 3\nreturn len(L()), bool(L())`, `class L:\n    def __len__(self):\n        return 0\nreturn bool(L()), 'yes' if L() else 'no'`, `class L:\n    def __len__(self):\n        return -1\nreturn len(L())`,
  `class L:\n    def __len__(self):\n        return 'x'\nreturn len(L())`, `class L:\n    pass\nreturn len(L())`, `class L:\n    def __len__(self):\n        return True\nreturn len(L())`,
  `class It:\n    def __init__(self, xs):\n        self.xs = xs\n    def __iter__(self):\n        return iter(self.xs)\nreturn list(It([1, 2])), [x * 2 for x in It('ab')], sorted(It([3, 1])), 2 in It([1, 2]), 5 in It([1])`,
  `class C:\n    def __init__(self):\n        self.i = 0\n    def __iter__(self):\n        return self\n    def __next__(self):\n        self.i += 1\n        if self.i > 3:\n            raise StopIteration\n        return self.i\nreturn list(C()), sum(C())`,
  `class C:\n    def __iter__(self):\n        return [1]\nreturn list(C())`, `class C:\n    pass\nreturn list(C())`, `class C:\n    def __iter__(self):\n        return 5\nfor x in C():\n    pass`,
  `class Box:\n    def __contains__(self, x):\n        return x == 'k'\nreturn 'k' in Box(), 'z' in Box(), 'z' not in Box()`, `class C:\n    pass\nreturn 1 in C()`,
  `class T:\n    def __str__(self):\n        return 'T!'\nreturn str(T()), f'{T()}', '%s' % T(), print(T())`, `class T:\n    def __str__(self):\n        return 5\nreturn str(T())`, `class T:\n    def __repr__(self):\n        return None\nreturn repr(T())`,
  // print writes nothing, but calls each value's __str__ as CPython's does
  `class T:\n    def __str__(self):\n        raise ValueError('no')\nprint(T())\nreturn 1`, `n = []\nclass T:\n    def __str__(self):\n        n.append(1)\n        return 'a'\nprint(T(), T(), sep='-')\nprint(T(), end='')\nreturn n`, `class T:\n    def __str__(self):\n        return 5\nprint(1, T())`,
  `class T:\n    def __repr__(self):\n        return 'T'\nreturn [T(), {'k': T()}], str(T())`, `class C:\n    pass\nreturn json.dumps(C())`, `class C:\n    pass\ndata['c'] = C()\nreturn True`, `class C:\n    pass\ndata['c'] = [C]\nreturn True`,
  `class C:\n    pass\nreturn C.__name__, C.__qualname__, type(C).__name__, type(C()) is C, callable(C)`, `class C:\n    def m(self):\n        pass\nreturn C.m.__qualname__`,
  `class C:\n    pass\nreturn C.nope`, `class C:\n    pass\nC.added = 1\nreturn C().added`, `def f():\n    class Local:\n        pass\n    return Local.__qualname__\nreturn f()`,
  `o = object()\nreturn o is o, o == object(), isinstance(o, object), type(o).__name__`, `return object(1)`,
  `return issubclass(bool, int), issubclass(int, object), issubclass(KeyError, LookupError), issubclass(KeyError, (ValueError, Exception))`, `return issubclass(1, int)`, `return issubclass(int, 1)`,
  `class Node:\n    def __init__(self, v, nxt=None):\n        self.v = v\n        self.nxt = nxt\n    def total(self):\n        return self.v + (self.nxt.total() if self.nxt else 0)\nn = None\nfor i in range(50):\n    n = Node(i, n)\nreturn n.total()`,
  `class Counter:\n    def __init__(self):\n        self.seen = {}\n    def add(self, k):\n        self.seen[k] = self.seen.get(k, 0) + 1\n        return self\nc = Counter()\nfor w in text.split():\n    c.add(len(w))\nreturn c.seen`,
  `class C:\n    def __init__(self):\n        self.d = {'a': 1}\ndata['d'] = C().d\nreturn True`, `class C:\n    def m(self, *a, k=1, **kw):\n        return a, k, kw\nreturn C().m(1, 2, k=3, z=4)`, `class C:\n    def m(self, a):\n        return a\nreturn C().m()`,
  `class C:\n    def m(self):\n        return self\nc = C()\nreturn c.m() is c`, `class C:\n    x = [1]\na, b = C(), C()\na.x.append(2)\nreturn b.x`,
];

it('runs plain classes as CPython does', () => {
  expect(compareWithCPython(PLAIN)).toEqual([]);
});

/** Exception classes: __init__, __str__, args, raise and except, repr. */
const EXCEPTIONS = [
  `${E}try:\n    raise AppError('bad', 3)\nexcept AppError as e:\n    return str(e), e.code, e.args, repr(e), type(e).__name__`, `${E}raise AppError('boom', 2)`, `${E}try:\n    raise AppError('x')\nexcept Exception as e:\n    return isinstance(e, AppError), isinstance(e, Exception), e.code`,
  `class MyErr(ValueError):\n    pass\ntry:\n    int('x')\nexcept ValueError:\n    try:\n        raise MyErr('custom')\n    except ValueError as e:\n        return repr(e), str(e), e.args`, `class MyErr(KeyError):\n    pass\nraise MyErr('k')`,
  `class MyErr(Exception):\n    def __str__(self):\n        return 'custom text'\nraise MyErr(1, 2)`, `class MyErr(Exception):\n    def __str__(self):\n        return 'custom text'\ntry:\n    raise MyErr(1)\nexcept MyErr as e:\n    return str(e), repr(e), e.args`,
  `class MyErr(Exception):\n    def __repr__(self):\n        return 'R'\nreturn repr(MyErr()), str(MyErr('s'))`, `class MyErr(Exception):\n    pass\nraise MyErr`, `class MyErr(Exception):\n    pass\nraise MyErr from KeyError('k')`,
  `class Base(Exception):\n    pass\nclass Sub(Base):\n    pass\ntry:\n    raise Sub('s')\nexcept Base as e:\n    return type(e).__name__, issubclass(Sub, Exception), issubclass(Sub, LookupError)`,
  `class E1(Exception):\n    def __init__(self):\n        self.extra = 'no super'\ntry:\n    raise E1()\nexcept E1 as e:\n    return e.args, e.extra, str(e)`, `class E1(Exception):\n    def __init__(self, a):\n        self.a = a\ntry:\n    raise E1('given')\nexcept E1 as e:\n    return e.args, str(e)`,
  `class E(Exception):\n    pass\nreturn E(x=1)`, `class E(Exception):\n    def __init__(self, **kw):\n        super().__init__(kw)\nreturn E(x=1).args`, `class E(OSError):\n    pass\nreturn str(E(2, 'gone')), type(E(2, 'gone')).__name__`,
  `class E(Exception):\n    code = 7\n    def describe(self):\n        return f'{type(self).__name__}[{self.code}]: {self}'\ntry:\n    raise E('m')\nexcept E as e:\n    return e.describe()`, `class E(Exception):\n    pass\ndata['e'] = E('x')\nreturn True`,
  `class E(Exception):\n    pass\nreturn E('a') == E('a'), bool(E()), E('x').args`,
  // its text is worded as it leaves the run, with the condition's names, and read from then on, not worded again
  `msg = 'hi'\nclass E(Exception):\n    def __str__(self):\n        return msg\nraise E()`,
];

it('runs exception classes as CPython does', () => {
  expect(compareWithCPython(EXCEPTIONS)).toEqual([]);
});

it('prints a class as CPython prints one of the module builtins: by its name, or its module and qualified name', () => {
  expect(compareWithCPython([
    'class A: pass\nreturn repr(A), repr([A]), repr(A().__class__), A.__mro__',
    "class A: pass\nA.__name__ = 'B'\nreturn repr(A), A.__qualname__",
    "class A: pass\nA.__module__ = 'mm'\nreturn repr(A), repr(A())[:28]",
    "class A: pass\nA.__qualname__ = 'Q'\nreturn repr(A), repr(A())[:3]",
    "class A: pass\nA.__module__ = 5\nreturn repr(A), repr(A())[:3]",
    'class M(type): pass\nclass A(metaclass=M): pass\nreturn repr(A), repr(M), repr(A())[:3]',
    "import collections\nP = collections.namedtuple('P', 'x')\nclass Q(P): pass\nreturn repr(Q), repr(list.__new__(type('L', (list,), {})))",
    'class E(Exception): pass\nreturn repr(E), repr(E.__mro__)',
    "A = type('A.b', (), {})\nreturn repr(A), repr(A())[:6]",
    "import contextlib\nclass S(contextlib.suppress): pass\nclass P(property): pass\nreturn repr(S())[:3], repr(P())[:3]",
  ])).toEqual([]);
});

it('shows an instance without the address CPython prints, and a class by its name, as a class of the module builtins', () => {
  const engine = new Engine();
  expect(evaluator(engine, { source: `class C:\n    pass\nreturn C(), C, [object()]` }).repr).toBe('(<C object>, <class \'C\'>, [<object object>])');
  // a module set on it: its module and qualified name, as type_repr and object_repr print them
  expect(evaluator(engine, { source: `class C:\n    pass\nC.__module__ = 'm'\nreturn C(), C` }).repr).toBe("(<m.envelope.<locals>.C object>, <class 'm.envelope.<locals>.C'>)");
});

it('refuses the dunders it does not support, in clear words', () => {
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error(`class C:\n    def __del__(self, o):\n        pass`)).toMatch(/^SyntaxError: a class in a condition may define only __init__, __str__, __repr__, .*, __rdivmod__, .*__delattr__(, __\w+__)*: '__del__' is not supported$/);
  expect(error(`__slots__ = ()`)).toBe("SyntaxError: names with double underscores ('__slots__') are not allowed in conditions");
  expect(error(`class C:\n    def f(self):\n        return self.__globals__`)).toBe("SyntaxError: '__globals__' is not available in conditions: a function's globals hold CPython's builtins module, whose __import__, open and eval reach the host");
  expect(error(`class C:\n    def f(self):\n        def __init__(): pass`)).toBe("SyntaxError: names with double underscores ('__init__') are not allowed in conditions");
  expect(error(`class C:\n    pass\nreturn getattr(C(), '__code__')`)).toBe("AttributeError: '__code__' is not available in conditions: code objects and cells are not built by the evaluator");
  expect(error(`import itertools\nclass C(itertools.count):\n    pass`)).toBe("UnsupportedError: a class of a condition may not subclass 'itertools.count': only its own classes, exception classes, dict, list, tuple, set, frozenset, float, int, str, bytes, bytearray, complex, datetime.date, datetime.datetime, datetime.time, datetime.timedelta, datetime.tzinfo, collections.Counter, collections.OrderedDict, collections.defaultdict, collections.deque, a namedtuple's class, functools.partial, contextlib.suppress, contextlib.nullcontext, staticmethod, classmethod, property, type and object");
  // a base that is no class: its type makes the class, as __build_class__ asks it
  expect(error(`class C(5):\n    pass`)).toBe('TypeError: int() takes at most 2 arguments (3 given)');
});

it('holds hostile classes to the limits', () => {
  const engine = new Engine();
  const run = (source: string) => evaluator(engine, { source });
  // recursion through methods, and through __repr__, __eq__, __hash__ and __len__ calling themselves
  expect(run(`class C:\n    def f(self):\n        return self.f()\nreturn C().f()`).error).toBe('RecursionError: maximum recursion depth exceeded');
  expect(run(`class C:\n    def __repr__(self):\n        return repr(self)\nreturn repr(C())`).error).toMatch(/^RecursionError/);
  expect(run(`class C:\n    def __eq__(self, o):\n        return self == o\nreturn C() == C()`).error).toMatch(/^RecursionError/);
  expect(run(`class C:\n    def __hash__(self):\n        return hash(self)\nreturn hash(C())`).error).toMatch(/^RecursionError/);
  expect(run(`class C:\n    def __len__(self):\n        return len(self)\nreturn len(C())`).error).toMatch(/^RecursionError/);
  // __iter__ returning self forever meets the step limit
  expect(run(`class C:\n    def __iter__(self):\n        return self\n    def __next__(self):\n        return 1\nfor x in C():\n    pass`).error).toMatch(/^StepLimitError/);
  expect(run(`class C:\n    def __iter__(self):\n        return self\n    def __next__(self):\n        return 1\nreturn list(C())`).error).toMatch(/^(StepLimitError|MemoryError)/);
  // attribute stores are steps: a loop of them is bounded like any loop
  expect(run(`class C:\n    pass\nc = C()\nwhile True:\n    c.x = 1`).error).toMatch(/^StepLimitError/);
  // many instances kept in data are refused by the JSON round trip, not kept
  expect(run(`class C:\n    pass\ndata['xs'] = [C() for _ in range(1000)]\nreturn True`).error).toBe('TypeError: Object of type C is not JSON serializable');
  // a closure kept in data is refused the same way
  expect(run(`def mk():\n    n = [0]\n    def f():\n        return n\n    return f\ndata['f'] = mk()\nreturn True`).error).toBe('TypeError: Object of type function is not JSON serializable');
});

/** `del C.y` takes the class's own attribute away, as from a heap type; instances then find their base's. */
it('deletes a class attribute of a condition class as CPython does', () => {
  expect(compareWithCPython([
    `class B:\n    y = 1\nclass C(B):\n    y = 2\nc = C()\na = c.y\ndel C.y\nreturn a, c.y, hasattr(C, 'y'), C.y`,
    `class C:\n    y = 2\ndel C.y\nreturn hasattr(C, 'y'), hasattr(C(), 'y')`,
    `class C:\n    def f(self):\n        return 1\nc = C()\na = c.f()\ndel C.f\nreturn a, hasattr(c, 'f')`,
    `class C:\n    @property\n    def p(self):\n        return 1\nc = C()\na = c.p\ndel C.p\nreturn a, hasattr(c, 'p')`,
    `class C:\n    y = 2\nC.y = 3\ndel C.y\nC.y = 4\nreturn C.y`,
    `class C:\n    pass\ndel C.nope`, `class B:\n    y = 1\nclass C(B):\n    pass\ndel C.y`, `class C:\n    y = 2\ndel C.y\ndel C.y`, `class C:\n    y = 2\ndel C().y`,
    `class C:\n    pass\ndel C.__name__`, `class C:\n    pass\ndel C.__qualname__`,
    `class E(Exception):\n    y = 1\ndel E.y\nreturn hasattr(E, 'y')`, `class E(Exception):\n    pass\ndel E.args`,
    `import datetime\nclass D(datetime.date):\n    y = 1\ndel D.y\ndel D.y`, `import datetime\nclass D(datetime.date):\n    pass\ndel D.year`,
    `import calendar\nclass K(calendar.Calendar):\n    pass\nK.z = 1\ndel K.z\ndel K.firstweekday`, 'del int.real', 'del object.x',
  ])).toEqual([]);
  // a module's class is shared by every condition: refused, as a store is (README, "modules are read-only")
  const engine = new Engine();
  for (const source of ['import calendar\ndel calendar.Calendar.firstweekday', 'from collections import Counter\ndel Counter.most_common']) {
    expect(evaluator(engine, { source }).error).toMatch(/^UnsupportedError: cannot set '.*': the modules' classes and functions are read-only/);
  }
  expect(evaluator(engine, { source: 'import calendar\nreturn calendar.Calendar().firstweekday' }).repr).toBe('0');
});

/** list(x) and its kin get x's iterator before its length hint: a class with __len__ alone is not iterable, whatever __len__ answers. */
it('asks for the iterator before the length hint, as CPython does', () => {
  const classes = [
    'class L:\n    def __len__(self):\n        return -1\n', 'class M:\n    def __len__(self):\n        return 3\n',
    'class I:\n    n = 0\n    def __iter__(self):\n        I.n += 1\n        return iter([1, 2])\n    def __len__(self):\n        return -1\n',
    'class G:\n    def __getitem__(self, i):\n        if i > 2:\n            raise IndexError\n        return i\n    def __len__(self):\n        return -5\n',
    'class LL(list):\n    def __len__(self):\n        return -1\n',
  ].join('');
  expect(compareWithCPython(['list', 'tuple', 'sorted', 'set', 'frozenset'].flatMap((f) => ['L', 'M', 'I', 'G', 'LL'].map((c) => `${classes}return ${f}(${c}()), I.n`)))).toEqual([]);
});

/** bytes() and bytearray() word PyObject_GetIter's TypeError as their own. */
it('refuses a class that is not iterable in the words of bytes() and bytearray(), as CPython does', () => {
  const classes = [
    'class L:\n    def __len__(self):\n        return -1\n', 'class T:\n    def __iter__(self):\n        return 5\n',
    'class I:\n    n = 0\n    def __iter__(self):\n        I.n += 1\n        return iter([1, 2])\n', 'class V:\n    def __iter__(self):\n        raise ValueError("v")\n',
    'class G:\n    def __getitem__(self, i):\n        if i > 2:\n            raise IndexError\n        return i\n',
  ].join('');
  expect(compareWithCPython(['bytes', 'bytearray'].flatMap((f) => ['L', 'T', 'I', 'V', 'G'].map((c) => `${classes}return ${f}(${c}()), I.n`)))).toEqual([]);
});

/** `C.__name__ = v` and `C.__qualname__ = v` rename the class, as type_set_name and type_set_qualname: its instances' type name, the errors naming it. */
it('renames a class as CPython does', () => {
  const A = 'class A:\n    pass\n';
  const renamed = `${A}A.__name__ = 'B'\n`;
  expect(compareWithCPython([
    `${renamed}a = A()\nreturn type(a).__name__, A.__name__, A.__qualname__, isinstance(a, A)`,
    `${A}A.__qualname__ = 'X.Y'\nreturn A.__name__, A.__qualname__, type(A()).__qualname__`,
    `${renamed}A() + 1`, `${renamed}A().x`, `${renamed}A.x`, `${renamed}del A.x`, `${renamed}a = A()\ndel a.x`, `${renamed}A(1)`, `${renamed}A()()`, `${renamed}A()[0]`,
    `${renamed}for x in A(): pass`, `${renamed}int(A())`, `${renamed}format(A(), 'x')`, `${renamed}json.dumps(A())`, `${renamed}A() < A()`, `${renamed}len(A())`, `${renamed}-A()`, `${renamed}A() @ 1`,
    `class A:\n    def __eq__(self, o): return True\nA.__name__ = 'B'\nhash(A())`, `class A:\n    __slots__ = ()\nA.__name__ = 'B'\nA().x = 1`, `class A:\n    def __init__(self):\n        super().__init__(1)\nA.__name__ = 'B'\nA()`,
    `class A:\n    def f(self):\n        return type(self).__name__\nA.__name__ = 'Z'\nreturn A().f()`, `class A:\n    pass\nclass B(A):\n    pass\nA.__name__ = 'Z'\nA.__qualname__ = 'Q'\nreturn [c.__name__ for c in B.__mro__], B.__mro__[1].__qualname__, B.__name__`,
    // the name is whole, dots and all, and may be empty; a lone surrogate or a NUL is refused, a str subclass's instance taken
    `${A}A.__name__ = 'a.b'\nreturn A.__name__, type(A()).__name__`, `X = type('a.b', (), {})\nreturn X.__name__, X.__qualname__, type(X()).__name__`, `${A}A.__name__ = ''\nreturn A.__name__, type(A()).__name__`,
    `${A}A.__name__ = 'a\\U0001F600'\nreturn A.__name__`, `${A}A.__name__ = 'a\\ud800'`, `${A}A.__name__ = 'a\\x00b'`, `X = type('a\\ud800', (), {})`, `X = type('a\\x00', (), {})`, `${A}A.__qualname__ = 'a\\ud800\\x00'\nreturn A.__qualname__`,
    `class S(str):\n    pass\n${A}A.__name__ = S('N')\nA.__qualname__ = S('Q')\nreturn A.__name__, A.__qualname__`,
    `${A}A.__name__ = 5`, `${A}A.__qualname__ = 5`, `${renamed}A.__qualname__ = None`, `${renamed}try:\n    A.__name__ = b'x'\nexcept TypeError as e:\n    return str(e), A.__name__`, `${renamed}del A.__name__`,
    `object.__name__ = 'x'`, `int.__name__ = 'x'`, `int.__qualname__ = 'x'`, `KeyError.__name__ = 'x'`,
    // an exception class's name is the error's, as it leaves the run too
    `class E(Exception):\n    pass\nE.__name__ = 'F'\nraise E('boom')`, `class E(KeyError):\n    pass\nE.__name__ = 'F'\nraise E('boom')`, `class E(Exception):\n    pass\nE.__name__ = 'F'\ntry:\n    raise E('boom')\nexcept E as e:\n    return repr(e), str(e), type(e).__name__`,
    `class A:\n    @property\n    def p(self): return 1\nA.__qualname__ = 'Q'\na = A()\na.p = 2`,
    `class L(list):\n    pass\nL.__name__ = 'M'\nreturn type(L()).__name__, L([1])`, `class D(dict):\n    pass\nD.__name__ = 'M'\nreturn type(D()).__name__, D(a=1)`,
    `from collections import Counter\nclass C(Counter):\n    pass\nC.__name__ = 'M'\nreturn repr(C('aab'))`, `from collections import OrderedDict\nclass C(OrderedDict):\n    pass\nC.__name__ = 'M'\nreturn repr(C(a=1))`,
    `from collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    pass\nP.__name__ = 'Q'\nreturn repr(P(1, 2))`, `from collections import deque\nclass D(deque):\n    pass\nD.__name__ = 'Q'\nreturn repr(D([1]))`,
    `import datetime\nclass D(datetime.date):\n    pass\nD.__name__ = 'Q'\nreturn repr(D(2020, 1, 2))`, `import functools\nclass P(functools.partial):\n    pass\nP.__name__ = 'Q'\nreturn repr(P(len))`,
  ])).toEqual([]);
  // a class of the module builtins prints by its name, an instance without its address (see the test above)
  const engine = new Engine();
  expect(evaluator(engine, { source: `${A}A.__qualname__ = 'X.Y'\nA.__name__ = 'B'\nreturn A(), A` }).repr).toBe("(<B object>, <class 'B'>)");
  // a module's class is shared by every condition: refused, as any store into it
  expect(evaluator(engine, { source: 'import calendar\ncalendar.TextCalendar.__name__ = "x"' }).error).toMatch(/^UnsupportedError: cannot set 'calendar.TextCalendar.__name__'/);
});
