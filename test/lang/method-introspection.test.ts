/**
 * `__self__`, `__func__` and `__wrapped__` of functions and methods (runtime/method-attributes.ts),
 * and super called under another name (`s = super; s()`, compile/expressions.ts indirectSuper),
 * against CPython 3.11. Functions print with their address in CPython: the cases name them by
 * `__name__` or compare them by identity.
 */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const CLASS = `class C:
    def f(self, x):
        return (self.tag, x)
    @classmethod
    def g(cls, x):
        return (cls.__name__, x)
    @staticmethod
    def h(x):
        return x * 2
    @property
    def p(self):
        return 'p'
    tag = 'c'
`;

/** A bound method's instance and function, a classmethod's class, the descriptors' callables. */
const BOUND = [
  `${CLASS}c = C()\nm = c.f\nreturn m.__self__ is c, m.__func__ is C.f, m.__func__(c, 1), m.__func__.__name__, m.__self__.tag`,
  `${CLASS}c = C()\nreturn c.f.__func__ is c.f.__func__, c.f.__self__ is C().f.__self__, C().f.__func__ is c.f.__func__`,
  `${CLASS}return C.g.__self__ is C, C().g.__self__ is C, C.g.__func__ is C.__dict__['g'].__func__, C.g.__func__(C, 2), C.g.__func__.__name__`,
  `${CLASS}return C.__dict__['g'].__func__.__qualname__, C.__dict__['h'].__func__.__qualname__, C.__dict__['h'].__func__(4), C.__dict__['h'].__func__ is C.h`,
  `${CLASS}return C.__dict__['g'].__wrapped__ is C.__dict__['g'].__func__, C.__dict__['h'].__wrapped__ is C.h`,
  `${CLASS}return staticmethod(len).__func__ is len, classmethod(len).__wrapped__ is len, staticmethod(5).__func__`,
  `${CLASS}return C.h.__self__`,
  `${CLASS}return C.h.__func__`,
  `${CLASS}return C.f.__self__`,
  `${CLASS}return C.f.__func__`,
  `${CLASS}return C().f.__wrapped__`,
  `${CLASS}return C.__dict__['p'].__func__`,
  `${CLASS}return C.__dict__['p'].__self__`,
  `${CLASS}return C.__dict__['p'].fget.__name__`,
  `${CLASS}return C.__dict__['f'].__self__`,
  `${CLASS}return getattr(C().f, '__self__').tag, getattr(C().f, '__func__').__name__, hasattr(C.f, '__self__'), hasattr(C().f, '__func__'), hasattr(C().f, '__wrapped__')`,
  `${CLASS}return type(C().f.__self__).__name__, repr(C().f.__func__(C(), 'x'))`,
  // a subclass's method read from the subclass's instance
  `${CLASS}class D(C):\n    tag = 'd'\nd = D()\nreturn d.f.__func__ is C.f, d.f.__self__ is d, d.f(1), D.g.__self__ is D, D.g(3)`,
  // a bound method's other attributes are its function's (method_getattro)
  `class A:\n    def f(self, x=1, *, y=2) -> int:\n        "doc"\n        pass\nm = A().f\nreturn m.__defaults__, m.__kwdefaults__, m.__annotations__, m.__doc__, m.__module__, m.__name__, m.__qualname__`,
  `class A:\n    @classmethod\n    def f(cls, x=1):\n        "cdoc"\nreturn A.f.__defaults__, A.f.__doc__, A().f.__module__, A.f.__qualname__, A.f.__kwdefaults__`,
  `class A:\n    def f(self):\n        pass\nreturn A().f.__defaults__, A().f.__annotations__`,
  `return [].append.__defaults__`,
  `return [].append.__annotations__`,
  `import functools\nclass A:\n    def f(self, x: int) -> int:\n        pass\n@functools.wraps(A().f)\ndef g():\n    pass\nreturn g.__annotations__, g.__wrapped__.__self__.__class__.__name__, g.__name__, g.__qualname__`,
  // an instance's own attributes of these names are plain attributes
  `class A:\n    pass\na = A()\na.__self__ = 1\na.__func__ = 2\na.__wrapped__ = 3\nreturn a.__self__, a.__func__, a.__wrapped__, sorted(a.__dict__)`,
  `class A:\n    pass\nreturn A().__self__`,
  `class A:\n    pass\nreturn A.__func__`,
  // a method bound to a method's instance, through its __func__
  `class A:\n    def f(self):\n        return self.v\na = A()\na.v = 5\nb = A()\nb.v = 6\nreturn a.f.__func__(b), a.f.__func__ is b.f.__func__, a.f.__self__ is not b.f.__self__`,
];

/** A builtin method's value, a C module's function's module, and what builtins have none of. */
const BUILTIN = [
  `l = [1]\nm = l.append\nm(2)\nreturn m.__self__ is l, l, m.__self__`,
  `s = 'abc'\nreturn s.upper.__self__, s.upper.__self__ is s, 'x'.join.__self__`,
  `d = {'a': 1}\nreturn d.get.__self__ is d, d.items.__self__, (5).bit_length.__self__, (2.5).hex.__self__, b'ab'.hex.__self__, (1, 2).count.__self__`,
  `return dict.fromkeys.__self__, int.from_bytes.__self__, bytes.fromhex.__self__`,
  `import math\nreturn math.sqrt.__self__ is math, math.floor.__self__ is math, math.sqrt.__self__.pi == math.pi`,
  `import time, zlib, binascii, cmath\nreturn time.time.__self__ is time, zlib.crc32.__self__ is zlib, binascii.hexlify.__self__ is binascii, cmath.sqrt.__self__ is cmath`,
  `class L(list):\n    pass\nl = L()\nreturn l.append.__self__ is l, type(l.append.__self__).__name__`,
  `class D(dict):\n    pass\nclass S(str):\n    pass\nd = D()\ns = S('x')\nreturn d.get.__self__ is d, s.upper.__self__ is s, type(s.upper.__self__).__name__`,
  `import re, collections\np = re.compile('a')\nm = p.match('a')\nq = collections.deque()\nreturn p.match.__self__ is p, m.group.__self__ is m, q.append.__self__ is q`,
  `import calendar, string\nc = calendar.TextCalendar()\nt = string.Template('x')\nreturn c.formatday.__self__ is c, c.formatday.__func__ is calendar.TextCalendar.formatday, t.substitute.__self__ is t`,
  `import calendar\nreturn calendar.TextCalendar.formatday.__self__`,
  `import datetime\nd = datetime.date(2020, 1, 2)\nreturn d.isoformat.__self__, d.isoformat.__self__ is d`,
  `return [].append.__func__`,
  `return 'a'.upper.__func__`,
  `return [].append.__wrapped__`,
  `return len.__func__`,
  `return len.__wrapped__`,
  `import math\nreturn math.sqrt.__func__`,
  `import operator\nreturn operator.add.__func__`,
  `import json\nreturn json.dumps.__self__`,
  `import json\nreturn json.loads.__func__`,
  `import re\nreturn re.sub.__wrapped__`,
  `return zip.__self__`,
  `return map.__func__`,
  `return (1).__self__`,
  `return hasattr(len, '__func__'), hasattr([].append, '__self__'), hasattr('a'.upper, '__func__')`,
];

/** functools: wraps and update_wrapper chains, lru_cache's and cache's __wrapped__, partial's none, a def's own. */
const WRAPPED = [
  `import functools\ndef deco(fn):\n    @functools.wraps(fn)\n    def w(*a):\n        return fn(*a)\n    return w\n@deco\n@deco\ndef f(x):\n    return x + 1\nreturn f.__wrapped__.__wrapped__(3), f.__wrapped__.__name__, f.__name__, f.__wrapped__ is not f, f.__wrapped__.__wrapped__.__name__`,
  `import functools\ndef deco(fn):\n    @functools.wraps(fn)\n    def w(*a):\n        return fn(*a)\n    return w\n@deco\n@deco\ndef f(x):\n    return x\nreturn f.__wrapped__.__wrapped__.__wrapped__`,
  `import functools\ndef f(x):\n    return x\ndef g(*a):\n    return f(*a)\nr = functools.update_wrapper(g, f)\nreturn r is g, g.__wrapped__ is f, g.__name__`,
  `import functools\ndef f(x):\n    return x\ndef g(*a):\n    return f(*a)\nfunctools.update_wrapper(g, f, assigned=(), updated=())\nreturn g.__wrapped__ is f, g.__name__`,
  `import functools\n@functools.lru_cache(maxsize=2)\ndef f(x):\n    return x * 3\nreturn f.__wrapped__(2), f.__wrapped__.__name__, f(2), f.cache_info().hits`,
  `import functools\n@functools.cache\ndef g(x):\n    return x\nreturn g.__wrapped__.__name__, g.__wrapped__(5), g.__wrapped__.__wrapped__`,
  `import functools\nreturn functools.partial(len).__wrapped__`,
  `import functools\np = functools.partial(len)\np.__wrapped__ = max\nreturn p.__wrapped__ is max`,
  `def f():\n    pass\ndef g():\n    pass\nf.__wrapped__ = g\nreturn f.__wrapped__ is g, f.__wrapped__.__name__`,
  `def f():\n    pass\nf.__wrapped__ = 1\ndel f.__wrapped__\nreturn hasattr(f, '__wrapped__')`,
  `def f():\n    pass\ndel f.__wrapped__`,
  `def f():\n    pass\nreturn f.__wrapped__`,
  `def f():\n    pass\nreturn f.__self__`,
  `return (lambda: 0).__func__`,
  `def f():\n    pass\nsetattr(f, '__wrapped__', len)\nreturn getattr(f, '__wrapped__') is len`,
  `def f():\n    pass\nf.__self__ = 1\nf.__func__ = 2\nr = (f.__self__, f.__func__, [n for n in dir(f) if n in ('__self__', '__func__')])\ndel f.__self__\nreturn r, hasattr(f, '__self__')`,
  `class A:\n    def f(self):\n        pass\nm = A().f\ntry:\n    m.__self__ = 1\nexcept AttributeError as e:\n    return str(e)`,
  `class A:\n    def f(self):\n        pass\nm = A().f\ndel m.__func__`,
  `[].append.__self__ = 1`,
  `[].append.__func__ = 1`,
  // dir() lists the __wrapped__ a def's __dict__ holds, and a builtin method's type's names
  `def f():\n    pass\na = dir(f)\nf.__wrapped__ = 1\nb = dir(f)\ndel f.__wrapped__\nreturn [x for x in b if x not in a], dir(f) == a`,
  `import functools\ndef f():\n    pass\n@functools.wraps(f)\ndef g():\n    pass\nreturn '__wrapped__' in dir(g), '__wrapped__' in dir(f)`,
  `class L(list):\n    pass\nreturn dir([].append) == dir(len), dir(L().append) == dir(len), dir('a'.upper)[:3], '__self__' in dir({}.get)`,
  // a bound method's other names are its function's
  `import functools\nclass A:\n    @functools.lru_cache\n    def f(self):\n        return 1\nm = A().f\nreturn m.__wrapped__.__name__, m.__func__ is A.f, m()`,
  `import functools\ndef deco(fn):\n    @functools.wraps(fn)\n    def w(*a):\n        return fn(*a)\n    return w\nclass A:\n    @deco\n    def f(self):\n        return 7\nreturn A().f.__wrapped__(None), A().f.__func__.__wrapped__.__name__`,
  `import functools\nclass W:\n    def __call__(self):\n        return 1\nw = W()\ndef f():\n    pass\nfunctools.update_wrapper(w, f)\nreturn w.__wrapped__ is f, w.__name__`,
];

/** super called under another name: CPython's zero-argument super reads its caller's frame. */
const SUPER = [
  `class A:\n    def f(self):\n        return 'A'\nclass B(A):\n    def f(self):\n        s = super\n        return s().f() + 'B'\nreturn B().f()`,
  `class A:\n    def f(self):\n        return 'A'\nclass B(A):\n    def f(self):\n        return (super)().f()\nreturn B().f()`,
  `class A:\n    def f(self):\n        return 'A'\nclass B(A):\n    def f(self):\n        return [super][0]().f()\nreturn B().f()`,
  `class A:\n    def f(self, s):\n        return s()\nreturn A().f(super)`,
  `class A:\n    def f():\n        s = super\n        return s()\nreturn A.f()`,
  `def g(x):\n    return super()\nreturn g(1)`,
  `def g():\n    return super()\nreturn g()`,
  `s = super\nreturn s()`,
  `class A:\n    def f(self):\n        return lambda: super()\nreturn A().f()()`,
  `class A:\n    def f(self):\n        g = lambda x: super()\n        return g(1)\nreturn A().f()`,
  `class A:\n    def f(self):\n        s = super\n        return [s() for _ in 'a']\nreturn A().f()`,
  `class A:\n    def f(self):\n        s = super\n        g = lambda: s()\n        return g()\nreturn A().f()`,
  `class A:\n    def f(self):\n        s = super\n        g = lambda x: s()\n        return g(1)\nreturn A().f()`,
  `class A:\n    def f(self):\n        s = super\n        def g(x):\n            super\n            return s()\n        return g(self)\nreturn type(A().f()).__name__`,
  `class A:\n    def f(self):\n        s = super\n        return s(*())\nreturn A().f().__class__`,
  `class A:\n    def f(self):\n        s = super\n        return s(**{})\nreturn A().f().__class__`,
  `class A:\n    @classmethod\n    def f(cls):\n        s = super\n        return s().__init_subclass__()\nreturn A.f()`,
  `class A:\n    def f(self):\n        s = super\n        def g():\n            yield s()\n        return next(g())\nreturn A().f()`,
  `class A:\n    def f(self):\n        s = super\n        yield s().__class__\nreturn next(A().f())`,
  `class A:\n    x = super()`,
  `class A:\n    s = super\n    x = s()`,
  `class A:\n    def __init__(self):\n        self.v = 1\nclass B(A):\n    def __init__(self):\n        init = super\n        init().__init__()\n        self.w = 2\nb = B()\nreturn b.v, b.w`,
  `class A:\n    def f(self):\n        s = super\n        return s()\nreturn A.f(1)`,
  `class A:\n    def f(self):\n        s = super\n        del self\n        return s()\nreturn A().f()`,
  // a shadowed super is the condition's own callable
  `class A:\n    def f(self):\n        super = lambda: 'mine'\n        return super()\nreturn A().f()`,
];

it('reads __self__ and __func__ of methods as CPython does', () => {
  expect(compareWithCPython(BOUND)).toEqual([]);
});

it("reads builtins' __self__ and __func__ as CPython does", () => {
  expect(compareWithCPython(BUILTIN)).toEqual([]);
});

it('reads and sets __wrapped__ as CPython does', () => {
  expect(compareWithCPython(WRAPPED)).toEqual([]);
});

it('calls super under another name as CPython does', () => {
  expect(compareWithCPython(SUPER)).toEqual([]);
});

/** Methods compare as CPython's method_richcompare and meth_richcompare: the same __self__ (identity) and function; each `a.f` is a new object. */
const EQUALITY = [
  `class A:\n    def f(self): return 1\n    def g(self): return 2\n    @classmethod\n    def c(cls): return 1\na = A()\nb = A()\nreturn a.f == a.f, a.f != a.f, a.f == b.f, a.f == a.g, A.c == A.c, a.c == A.c, a.f in [a.f], {a.f: 1}.get(a.f), len({a.f, a.f, a.g, b.f}), [a.g, a.f].index(a.f), (a.f, 1) in {(a.f, 1)}, {a.f: 1} == {a.f: 1}`,
  `l = []\nd = {}\ns = 'abc'\nreturn len({l.append, l.append, l.extend}), d.get == d.get, d.get == {}.get, s.upper == s.lower, dict.fromkeys == dict.fromkeys, [].append == l.append`,
  `class L(list):\n    def mine(self): pass\nx = L()\nreturn x.append == x.append, x.mine == x.mine, x.append == [].append, len({x.append, x.mine, x.mine})`,
  `class A:\n    def __eq__(self, o): return True\n    def __hash__(self): return 1\n    def f(self): return 1\na = A(); b = A()\nreturn a.f == b.f, a.f == a.f`,
  `import functools\nclass A:\n    def __init__(self): self.h = self.f\n    def f(self): return 1\na = A()\nreturn a.h == a.f, a.h is a.f, a.h == A().h, functools.partial(a.f).func == a.f, a.f == A.f`,
];

it('compares bound methods as CPython does', () => {
  expect(compareWithCPython(EQUALITY)).toEqual([]);
});

it('refuses what would reach past the condition, in clear words', () => {
  const engine = new Engine();
  const run = (source: string) => evaluator(engine, { source }).error ?? evaluator(engine, { source }).repr;
  // the builtins module (CPython's holds __import__, open and eval) and C modules the condition did not import
  expect(run(`return len.__self__`)).toBe("UnsupportedError: 'len.__self__' is not available in conditions: it is the builtins module, which conditions cannot reach (it holds __import__, open and eval)");
  expect(run(`return getattr(max, '__self__')`)).toMatch(/^UnsupportedError: 'max.__self__' is not available in conditions: it is the builtins module/);
  expect(run(`return hasattr(len, '__self__')`)).toMatch(/^UnsupportedError: 'len.__self__' is not available/);
  expect(run(`import operator\nreturn operator.add.__self__`)).toMatch(/^UnsupportedError: 'operator.add.__self__' is not available in conditions: it is a module CPython keeps apart/);
  expect(run(`import functools\nreturn functools.reduce.__self__`)).toMatch(/^UnsupportedError: 'functools.reduce.__self__' is not available in conditions/);
  // super called by a builtin, or as a method: its caller's frame is not known
  const noFrame = "UnsupportedError: super() without arguments is not available in conditions but called by a name or an expression (not as a method, nor by a builtin): only then is the caller's frame known";
  expect(run(`import collections\nclass A:\n    def f(self):\n        return collections.defaultdict(super)[1]\nreturn A().f()`)).toBe(noFrame);
  expect(run(`class A:\n    s = super\n    def f(self):\n        return self.s()\nreturn A().f()`)).toBe(noFrame);
  expect(run(`import functools\nreturn functools.partial(super)()`)).toBe(noFrame);
  // what __self__ answers is a value the condition reached already: no JavaScript behind it
  expect(run(`return [].append.__self__.__class__, 'a'.upper.__self__.__class__`)).toBe("(<class 'list'>, <class 'str'>)");
  for (const name of ['constructor', 'prototype', 'fn', 'self', 'func', 'kind'])
    expect(run(`class A:\n    def f(self):\n        pass\nreturn getattr(A().f, '${name}')`)).toMatch(/^AttributeError: /);
  // a module's function is shared by every condition: no __wrapped__ is set on it
  expect(run(`import json\njson.dumps.__wrapped__ = 1`)).toMatch(/^UnsupportedError: cannot set 'json.dumps.__wrapped__'/);
  expect(run(`import functools\ndef f():\n    pass\nfunctools.update_wrapper(functools.wraps, f)`)).toMatch(/^UnsupportedError: cannot set 'functools.wraps.__module__'/);
  expect(run(`len.__wrapped__ = 1`)).toBe("AttributeError: 'builtin_function_or_method' object has no attribute '__wrapped__'");
  // one run's __wrapped__ is its own: a def is made anew in each run
  expect(run(`def f():\n    pass\nf.__wrapped__ = 1\nreturn f.__wrapped__`)).toBe('1');
  expect(run(`def f():\n    pass\nreturn hasattr(f, '__wrapped__')`)).toBe('False');
});

// functools' wrappers: lru_cache's, a C type, has no __defaults__; singledispatch's, a def, has None
const WRAPPER_DEFAULTS = [
  "import functools\n@functools.lru_cache\ndef f(a, b=2):\n    return a\ntry:\n    f.__defaults__\nexcept AttributeError as e:\n    return str(e)",
  "import functools\n@functools.lru_cache(maxsize=3)\ndef f(a, b=2):\n    return a\nreturn hasattr(f, '__kwdefaults__'), f.__wrapped__.__defaults__, f(1)",
  "import functools\n@functools.singledispatch\ndef g(a, b=2):\n    return a\nreturn g.__defaults__, g.__kwdefaults__",
];

it("answers __defaults__ of functools' wrappers as CPython does", () => {
  expect(compareWithCPython(WRAPPER_DEFAULTS)).toEqual([]);
});

// a builtin type's method read through the type is a method_descriptor, one per type and name;
// bound, it is a builtin method of its value (CPython adds an address, which the re.sub drops)
const A = "import re\nbare = lambda v: re.sub(' at 0x[0-9a-f]+', '', repr(v))\n";
const METHOD_DESCRIPTORS = [
  `${A}return bare(int.bit_length), bare(list.append), type(list.append).__name__, list.append is list.append, list.append == list.append`,
  `${A}return bare([].append), bare((1).bit_length), bare(int.from_bytes), bare(str.maketrans), bare(len), type([].append).__name__`,
  `${A}import datetime\nreturn bare(datetime.date.today), bare(datetime.date.isoformat), datetime.date.isoformat.__qualname__, bare(datetime.datetime.now)`,
  `${A}from collections import OrderedDict, deque\nreturn bare(OrderedDict.move_to_end), bare(deque.append), bare(dict.get), bare(dict.fromkeys), OrderedDict.move_to_end.__qualname__, deque.append.__qualname__`,
  `${A}class D(list):\n    pass\nd = D()\nreturn bare(d.append), bare(D.append), d.append.__self__ is d`,
  `${A}class L(list):\n    f = list.append\nl = L()\nl.f(3)\nreturn l, bare(l.f), l.f.__self__ is l`,
  `${A}class I(int):\n    pass\nfrom decimal import Decimal\nreturn bare(I(3).bit_length), bare(I.from_bytes), bare(True.bit_length), bare(Decimal.from_float), bare(Decimal(1).adjusted)`,
  `${A}p = re.compile('a')\nreturn bare(p.match), bare('x'.upper), bare(b'x'.upper), bare({}.get), bare(set().add)`,
  'return list.append.__objclass__, str.upper.__objclass__, type(int.__format__) is type(list.append)',
  // nothing on a descriptor can be changed: every run shares it
  ...['list.append.__name__ = "x"', 'del list.append.__name__', 'list.append.__qualname__ = "x"', 'list.append.__doc__ = "x"', 'list.append.foo = 1', 'list.append.__defaults__ = (1,)', 'int.__add__.__name__ = "x"', 'list.append.__objclass__ = int', 'import functools\nfunctools.update_wrapper(list.append, len)'].map(
    (store) => `try:\n    ${store.replace('\n', '\n    ')}\nexcept AttributeError as e:\n    return str(e)`,
  ),
];

it('prints and guards builtin methods as CPython does', () => {
  expect(compareWithCPython(METHOD_DESCRIPTORS)).toEqual([]);
});

// Counter's methods are Python functions of its class (Lib/collections): read from a Counter, a
// subclass's instance or super(), each is a bound method of that function; OrderedDict's and
// defaultdict's, C methods, are builtin methods bound to the instance
const COUNTER_METHODS = [
  `${A}from collections import Counter\nc = Counter('abca')\nreturn [(type(getattr(c, n)).__name__, getattr(c, n).__qualname__, bare(getattr(c, n))) for n in ['most_common', 'update', 'subtract', 'elements', 'total', 'copy', 'keys', 'get']]`,
  'from collections import Counter\nc = Counter("ab")\nreturn [(type(getattr(Counter, n)).__name__, getattr(Counter, n).__qualname__, getattr(Counter, n).__module__, getattr(c, n).__func__ is getattr(Counter, n)) for n in ["update", "subtract", "copy", "most_common"]]',
  `${A}from collections import Counter\nclass C(Counter):\n    pass\nc = C('ab')\nreturn [(type(getattr(c, n)).__name__, getattr(c, n).__qualname__, bare(getattr(c, n)), getattr(c, n).__self__ is c) for n in ['most_common', 'update', 'copy', 'keys']], c.update.__func__ is Counter.update`,
  'from collections import Counter\nclass C(Counter):\n    def most_common(self, n=None):\n        m = super().most_common\n        return type(m).__name__, m.__qualname__, m.__self__ is self, m.__func__ is Counter.most_common\nreturn C("aab").most_common()',
  'from collections import Counter\nc = Counter("abca")\nCounter.update(c, "zz")\nCounter.subtract(c, a=1)\nd = Counter.copy(c)\nclass C(Counter):\n    def update(self, *a, **k):\n        return "mine"\ne = C("ab")\nCounter.update(e, "b")\nreturn c, d, e, type(Counter.copy(e)).__name__, repr(c.update), repr(e.update), e.update("x")',
  'from collections import Counter\ntry:\n    Counter.copy()\nexcept TypeError as e:\n    return str(e)',
  'from collections import Counter\nclass C(Counter): pass\nr = []\nfor f in [Counter.fromkeys, C.fromkeys]:\n    try:\n        f("ab")\n    except NotImplementedError as e:\n        r.append(str(e))\n    r.append((repr(f).replace("<class \'__main__.C\'>", "C"), type(f).__name__, f.__qualname__, f.__module__))\nreturn r',
  'from collections import OrderedDict, defaultdict\nclass O(OrderedDict):\n    def move_to_end(self, k, last=True):\n        m = super().move_to_end\n        return type(m).__name__, m.__qualname__, m.__self__ is self\nclass D(defaultdict): pass\no = O(a=1)\nd = D(int)\nreturn o.move_to_end("a"), [(type(m).__name__, m.__qualname__, m.__self__ is x) for x, m in [(o, o.update), (o, o.copy), (o, o.setdefault), (d, d.copy), (o, o.popitem)]]',
  // a library class's repr names its module
  'import collections, json, re, statistics\nreturn [repr(t) for t in (collections.Counter, json.JSONDecodeError, re.error, statistics.StatisticsError, type(collections.Counter()))]',
];

it("binds Counter's Python methods as CPython does", () => {
  expect(compareWithCPython(COUNTER_METHODS)).toEqual([]);
});
