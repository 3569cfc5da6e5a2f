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
