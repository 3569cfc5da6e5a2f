import { expect, it } from 'vitest';
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
