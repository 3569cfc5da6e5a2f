import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython } from '../support/cpython.js';

/** Comprehensions, generator expressions, lambdas and calls. */
const CASES = [
  `return [c for c in text if c.isdigit()]`, `return len([c for c in text if c.isdigit()]) > 5`, `return any(w in text for w in ["park", "AMBIENT_LOAD"])`,
  `return [x * y for x in range(3) for y in range(3) if x != y]`, `return [[y for y in range(x)] for x in range(3)]`, `return {x % 3 for x in range(10)}`,
  `return {k: v for k, v in zip('abc', range(3)) if v}`, `return sum(x * x for x in range(10))`, `return list(x for x in 'ab')`, `g = (x for x in [1, 2])\nreturn next(g), next(g), next(g, 'end')`,
  `g = (x for x in [])\nreturn next(g)`, `x = 'outer'\nl = [x for x in 'ab']\nreturn x`, `return [i for i in range(3)][-1]`, `return all(c.isalpha() for c in 'abc')`,
  `return max((len(w), w) for w in text.split())`, `return sorted(text.split(), key=lambda w: (-len(w), w))[:3]`, `f = lambda x, y=2: x * y\nreturn f(3), f(3, 3), f(y=1, x=5)`,
  `f = lambda *a, **k: (a, k)\nreturn f(1, 2, z=3)`, `f = lambda x: x\nreturn f()`, `f = lambda x: x\nreturn f(1, 2)`, `f = lambda x: x\nreturn f(y=1)`,
  `n = 10\nf = lambda x: x + n\nn = 20\nreturn f(1)`, `fs = [lambda: i for i in range(3)]\nreturn [f() for f in fs]`, `fs = [lambda i=i: i for i in range(3)]\nreturn [f() for f in fs]`,
  `fact = lambda n: 1 if n <= 1 else n * fact(n - 1)\nreturn fact(10)`, `args = [1, 2]\nreturn max(*args, 0)`, `kw = {'reverse': True}\nreturn sorted([1, 3, 2], **kw)`,
  `return list(map(str, [1, 2]))`, `return list(map(lambda a, b: a + b, [1, 2], [10, 20]))`, `return int('5') + len(str(123))`,
  `return callable(len), callable(1)`, `return abs(-2)(1)`, `return 'abc'()`, `return [1, 2, 3][0:2].pop()`, `return ''.join(sorted(set('mississippi')))`,
  `return list(zip(*[(1, 'a'), (2, 'b')]))`, `return dict(zip(['a', 'b'], [1, 2]))`, `return list(enumerate([]))`, `return [*range(3), *'ab']`, `return (*[1, 2],)`,
  `return {**{'a': 1}, **{'a': 2}}`, `return sum([[1], [2]], [])`, `e = enumerate('ab')\nreturn next(e), list(e)`, `it = iter([1, 2])\nreturn next(it), list(it)`,
  `r = reversed('abc')\nreturn ''.join(r)`, `return list(filter(lambda x: x > 1, [1, 2, 3]))`, `return min('bca'), max('bca')`, `return round(sum(map(float, ['1.5', '2.25'])), 1)`,
];

it('evaluates comprehensions and functions as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/** Keyword-only lambda parameters (a bare *), CPython's words for wrong calls, `__name__` of types and functions, unpacking non-iterables. */
const SIGNATURES = [
  `import json\nreturn (lambda: 1).__name__, len.__name__, str.lower.__name__, 'a'.upper.__name__, KeyError.__name__, type(1).__name__, json.__name__, json.dumps.__name__`,
  `return (5).__name__`, `return 'a'.__name__`, `try:\n    {}['x']\nexcept Exception as e:\n    return type(e).__name__`,
  `a, b = 5`, `a, *b = None`, `[a] = 1.5`, `for a, b in [1]:\n    pass`, `a, b = {'x': 1, 'y': 2}\nreturn a, b`,
  `return (lambda *, k: k)(k=2)`, `return (lambda *, k: k)()`, `return (lambda a, *, k=3: a + k)(1)`, `return (lambda *, a, b: 1)()`, `return (lambda x, *, a: 1)()`,
  `return (lambda *, k: k)(1, k=2)`, `return (lambda *a, k=1, j: (a, k, j))(1, 2, j=3)`, `return (lambda a=1, *, k: (a, k))(k=2)`, `f = lambda *: 1`, `f = lambda *, : 1`,
  `return (lambda *, k, **kw: (k, kw))(k=1, z=2)`, `return (lambda *, k: k)(z=1)`, `return (lambda a, b=1: 0)(1, 2, 3)`, `return (lambda a: 0)(1, 2)`, `return (lambda: 0)(1)`,
  `return (lambda a, b: 0)(1, 2, 3)`, `return (lambda a=1, b=2: 0)(1, 2, 3)`, `return (lambda a, *, k, j: 0)(1, 2, k=1, j=2)`, `return (lambda a, *, k=1: 0)(1, 2, k=5)`, `return (lambda *, k: 0)(1, 2)`,
];

it('binds lambda signatures and names functions as CPython does', () => {
  expect(compareWithCPython(SIGNATURES)).toEqual([]);
});

/** Builtins at their edges: min/max with key and default, sum's start, zip's strict, range methods, conversions. */
it('calls builtins at their edges as CPython does', () => {
  const exprs = ["min([3, 1, 2], key=lambda x: -x)", "max([], default=None)", "max([], key=len)", "min(1)", "min('abc')", "max([1, 2], [3])", "max(1, 2, key=None)", "min([(1, 'b'), (1, 'a')])",
    "sum(['a'], '')", "sum([[1], [2]], [])", "sum([0.1] * 10)", "sum(range(5), 10)", "sum([1, 2.5, True])", "sum([], start=3)", "sum(x for x in range(4))",
    "list(enumerate('ab', -1))", "list(enumerate('ab', start=5))", "list(zip('ab', 'xyz'))", "list(zip('ab', 'xyz', strict=True))", "list(zip())", "list(map(lambda a, b: a + b, 'ab', 'xyz'))",
    "list(filter(None, [0, '', None, 'x', [], [0]]))", "list(filter(lambda x: x > 1, range(4)))", "any(x > 2 for x in range(3))", "all([])", "all([1, 0])", "any([])",
    "abs(True)", "abs(-0.0)", "round(True)", "round(2.675, 2)", "round(0.5)", "round(1.5)", "round(-2.5)", "round(7, -1)", "round(15, -1)", "round(1e300, 2)", "round(2.5, None)",
    "pow(2, 10, 1000)", "pow(2, -1)", "pow(0, 0)", "pow(2.0, 0.5)", "pow(-8, 1/3)", "divmod(-7, 2)", "divmod(7, -2.0)", "isinstance(True, (int, str))", "isinstance(1, bool)", "isinstance([], (list,))",
    "list(range(10, 0, -3))", "range(0, 10, 3)[-1]", "range(5)[1:3]", "range(5).index(3)", "range(0, 10, 2).count(4)", "range(5).index(9)", "range(5).index('a')", "range(5).index(2.0)", "range(0).index(True)", "range(3).count(True)", "list(zip('ab', 'a', 'ab', strict=True))", "list(zip('a', 'ab', 'abc', strict=True))", "zip('a', x=2)", "zip('a', strict=1, x=2)", "3.0 in range(5)", "list(reversed(range(3)))", "len(range(-5))", "range(1, 10)[::2]",
    "list(reversed('abc'))", "list(reversed({'a': 1, 'b': 2}))", "next(iter([]), 'dflt')", "next(iter('a'))", "list(iter([1, 2]))", "chr(0x10ffff)", "chr(0x110000)", "ord('😀')", "ord('')",
    "hex(-255)", "oct(-8)", "bin(-5)", "hex(0)", "bool([0])", "bool(0.0)", "bool('False')", "str([1, [2, (3,)]])", "repr({'a': [1, {'b': None}]})", "type('x') == str", "type(1) is int",
    "callable(len)", "callable(1)", "len({'a': 1})", "len(range(3, 1))", "list({1: 2}.items())", "tuple('ab')", "dict([('a', 1)], b=2)", "set()", "int(True)", "float(True)",
    "str(None)", "str(1e16)", "str(1e-5)", "str(-0.0)", "repr(1.0)", "str(123456789012345678.0)", "float('1e16')", "int(2.9)", "int(-2.9)", "int('  -7  ')", "abs(-2**53)", "max('b', 'a', 'c')",
    "sorted('bca', reverse=True)", "sorted([3, 1], key=None)", "sorted({'b': 1, 'a': 2}.items(), key=lambda kv: kv[1])", "min([], default=[])", "list(map(str, [1, 2]))", "list(zip([1], [2], [3]))"];
  expect(compareWithCPython(exprs.map((e) => `return ${e}`), new Engine(), true)).toEqual([]);
});

/**
 * `f(*x)` and `f(**x)` of what is no iterable or mapping, in CPython's words: the function named as _PyObject_FunctionStr names
 * it where x is the only positional argument, `Value after *` where it extends a list; a mapping's keys() and [k]; a keyword twice.
 */
const STAR_ARGUMENTS = [
  "def f(*a, **k): pass\nf(*None)",
  "def f(*a, **k): pass\nf(**None)",
  "def f(*a, **k): pass\nf(1, *5)",
  "def f(*a, **k): pass\nf(**[1])",
  "class A:\n    def m(self, *a): pass\nA().m(*None)",
  "class A:\n    def m(self, *a, **k): pass\nA().m(**None)",
  "class A:\n    @classmethod\n    def m(cls, *a): pass\nA.m(*None)",
  "class A:\n    @staticmethod\n    def m(*a): pass\nA.m(*None)",
  "len(*None)",
  "len(**None)",
  "print(*None)",
  "\"\".join(*None)",
  "\"\".join(**None)",
  "class A:\n    pass\nA(*None)",
  "class A:\n    pass\nA(**None)",
  "int(*None)",
  "int(**None)",
  "def f(*a): pass\ndef g():\n    def h(): pass\n    return h\ng()(*None)",
  "(lambda *a: 1)(*None)",
  "(lambda **a: 1)(**None)",
  "import functools\nfunctools.partial(len)(*None)",
  "import math\nmath.sqrt(*None)",
  "def f(*a, **k): pass\nf(*[1], **{'a': 1}, **None)",
  "def f(*a, **k): pass\nf(**{'a': 1}, **{'a': 2})",
  "def f(*a, **k): pass\nf(**{1: 2})",
  "len(**{1: 2})",
  "class A:\n    def __init__(self, *a): pass\nA(*None)",
  "def f(*a, **k): pass\nclass M:\n    def keys(self): return ['a']\n    def __getitem__(self, k): return 1\nreturn f(**M())",
  "def f(*a, **k): pass\nf(*1.5)",
  "def f(*a, **k): pass\nx = f\nx(*None)",
  "import collections\ncollections.Counter(*None)",
  "class E(Exception): pass\nE(*None)",
  "KeyError(*None)",
  "def f(*a, **k): pass\nf(**None, x=1)",
  "def f(*a): pass\ndef g(): return f(*None)\ng()",
  "class A:\n    def m(self, *a): pass\na = A()\nm = a.m\nm(*None)",
  "class A:\n    def m(self, *a): pass\nA.m(A(), *None)",
  "isinstance(*None)",
  "dict(**None)",
  "sorted([], **None)",
  "[*None]",
  "(*None,)",
  "{*None}",
  "[1, *None]",
  "class A:\n    def __getitem__(self, i): raise TypeError(\"mine\")\nreturn [*A()]",
  "class A:\n    def __getitem__(self, i): raise TypeError(\"mine\")\ndef f(*a): pass\nf(*A())",
  "class A:\n    def __iter__(self): return 5\ndef f(*a): pass\nf(*A())",
  "class A:\n    pass\ndef f(*a): pass\nf(1, *A())",
  "def f(**k): pass\nclass M:\n    def keys(self): raise AttributeError(\"x\")\nf(**M())",
  "def f(**k): pass\nclass M:\n    def keys(self): return [\"a\"]\n    def __getitem__(self, k): raise KeyError(\"zz\")\nf(**M())",
  "def f(**k): pass\nclass M:\n    def keys(self): return [\"a\"]\n    def __getitem__(self, k): raise KeyError(\"zz\", 1)\nf(**M())",
  "def f(**k): pass\nf(**{\"a\": 1}, a=2)",
  "def f(**k): pass\nf(a=2, **{\"a\": 1})",
  "def f(**k): pass\nclass M:\n    def keys(self): return [1]\n    def __getitem__(self, k): return 2\nf(**M())",
  "def f(**k): return k\nclass D(dict):\n    def keys(self): return [\"a\"]\n    def __getitem__(self, k): return 5\nreturn f(**D(b=1))",
  "def f(*a, **k): return a, k\ndef g():\n    x = yield\n    return f(*x)\nit = g()\nnext(it)\ntry:\n    it.send(None)\nexcept TypeError as e:\n    return str(e)",
  "def f(*a, **k): return a, k\ndef g():\n    x = yield\n    return f(**x)\nit = g()\nnext(it)\ntry:\n    it.send(None)\nexcept TypeError as e:\n    return str(e)",
  "def g():\n    x = yield\n    return {*x}\nit = g()\nnext(it)\nit.send(None)",
  "def g():\n    x = yield\n    return [*x]\nit = g()\nnext(it)\nit.send(None)",
  "def f(*a, **k): return a, k\ndef g():\n    x = yield\n    return f(**{'a': 1}, a=(yield))\nit = g()\nnext(it)\nnext(it)\nit.send(2)",
  "import datetime\ndatetime.date(*None)",
  "import operator\noperator.itemgetter(1)(*None)",
  "return (lambda *a, **k: (a, k))(*'ab', **{'x': 1}), (lambda *a: a)(*[1], *(2,), 3)",
  "def f(*a, **k): pass\nf(*[1], *None)",
  "def f(*a, **k): pass\nf(*None, *[1])",
  "def f(*a, **k): pass\nclass M:\n    def keys(self): return ['a', 'b']\n    def __getitem__(self, k): return k * 2\nreturn (lambda **k: k)(**M())",
];

it('words a call\'s * and ** arguments as CPython does', () => {
  expect(compareWithCPython(STAR_ARGUMENTS)).toEqual([]);
});

// reversed() of a sequence without __reversed__ (str, tuple, bytes) is a reversed object; a list's, a deque's, a dict's their own iterators
it("names reversed()'s iterators as CPython does", () => {
  expect(compareWithCPython(["import collections\nclass S:\n    def __len__(self):\n        return 2\n    def __getitem__(self, i):\n        return i\nobjs = [reversed([1]), reversed('ab'), reversed((1,)), reversed(range(3)), reversed({}), reversed({}.keys()), reversed({}.values()), reversed({}.items()), reversed(b'ab'), reversed(bytearray(b'a')), reversed(S()), reversed(collections.deque()), reversed(collections.OrderedDict()), reversed(memoryview(b'ab'))]\nreturn [type(o).__name__ for o in objs]", "r = reversed('abc')\nnext(r)\nreturn list(r), list(r)\n"])).toEqual([]);
});

// enumerate: an empty **{} is no keyword at all, and the start is made an index before the iterable is iterated (enum_new_impl)
it('takes enumerate()\'s arguments as CPython does', () => {
  expect(compareWithCPython(["r = []\nfor a, k in [((0.1, {'a': 1}), {}), ((0.1,), {'start': 'x'}), ((5, 2.0), {}), (([1], 2**70), {}), (('ab', True), {}), (('ab',), {'start': -3}), ((None, None), {})]:\n    try:\n        r.append(list(enumerate(*a, **k)))\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r\n"])).toEqual([]);
});
