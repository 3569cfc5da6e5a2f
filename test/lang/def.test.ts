import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** `def`: parameters through the one binder, closures, recursion, nested defs, nonlocal, global, decorators. */
const CASES = [
  `def f(x, y=2):\n    return x * y\nreturn f(3), f(3, 4), f(y=1, x=5)`,
  `def f(a, *args, k=1, **kw):\n    return a, args, k, kw\nreturn f(1, 2, 3, k=4, z=5)`,
  `def f(*, k):\n    return k\nreturn f(k=2)`, `def f(*, k):\n    return k\nreturn f()`, `def f(*, k):\n    return k\nreturn f(1)`,
  `def f(x):\n    return x\nreturn f()`, `def f(x):\n    return x\nreturn f(1, 2)`, `def f(x):\n    return x\nreturn f(y=1)`, `def f(x):\n    return x\nreturn f(1, x=2)`,
  `def f(a, b=1, *c, d, e=2, **g):\n    return a, b, c, d, e, g\nreturn f(1, 2, 3, d=4, h=5)`, `def f(**kw):\n    return kw\nreturn f(**{'a': 1}, b=2)`,
  `def f():\n    pass\nreturn f()`, `def f():\n    return\nreturn f()`, `def f():\n    x = 1\nreturn f()`, `def f(): return 1\nreturn f()`, `def f(): return 1; return 2\nreturn f()`,
  `def f(x=[]):\n    x.append(1)\n    return x\nf()\nreturn f()`, `n = 5\ndef f(x=n):\n    return x\nn = 6\nreturn f()`,
  `def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\nreturn fact(10)`,
  `def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nreturn [fib(i) for i in range(12)]`,
  `def even(n):\n    return True if n == 0 else odd(n - 1)\ndef odd(n):\n    return False if n == 0 else even(n - 1)\nreturn even(10), odd(7)`,
  `def f():\n    return f()\nreturn f()`, `def f(n):\n    return g(n)\ndef g(n):\n    return f(n)\nreturn f(1)`,
  `def mk():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\ni = mk()\ni()\ni()\nreturn i()`,
  `def mk(k):\n    def g(x):\n        return x * k\n    return g\nreturn mk(2)(5), mk(3)(5)`, `fs = []\nfor i in range(3):\n    def g():\n        return i\n    fs.append(g)\nreturn [h() for h in fs]`,
  `def outer():\n    x = 1\n    def mid():\n        def inner():\n            nonlocal x\n            x = 'set by inner'\n        inner()\n    mid()\n    return x\nreturn outer()`,
  `x = 'envelope'\ndef f():\n    nonlocal x\n    x = 'f'\nf()\nreturn x`, `def f():\n    return text[:7]\nreturn f()`, `def f():\n    return log['Thread']\nreturn f()`,
  `def f():\n    global data\n    data = {'new': 1}\nf()\nreturn True`, `def f():\n    data['k'] = 'v'\nf()\nreturn True`, `def f():\n    global g\n    g = 5\nf()\nreturn g`,
  `def f():\n    data = 1\n    return data\nreturn f(), data`, `def f():\n    print(x)\n    x = 1\nreturn f()`, `def f():\n    def g():\n        return y\n    return g()\nreturn f()`,
  `def f():\n    def g():\n        return y\n    r = g()\n    y = 1\n    return r\nreturn f()`, `def f():\n    return undefined_name\nreturn f()`,
  `def f(x):\n    if x:\n        return 'yes'\n    else:\n        return 'no'\nreturn f(1), f(0)`, `def f(xs):\n    for x in xs:\n        if x > 2:\n            return x\n    return None\nreturn f([1, 2, 3, 4])`,
  `def f():\n    try:\n        return 1 / 0\n    except ZeroDivisionError as e:\n        return str(e)\nreturn f()`, `def f():\n    raise KeyError('k')\ntry:\n    f()\nexcept KeyError as e:\n    return e.args`,
  `def f():\n    try:\n        return 'try'\n    finally:\n        return 'finally'\nreturn f()`, `def f():\n    while True:\n        return 'loop'\nreturn f()`,
  `def f():\n    return [y * 2 for y in range(3)]\nreturn f()`, `def f(n):\n    return sum(x for x in range(n))\nreturn f(10)`, `def f(a):\n    return lambda b: a + b\nreturn f(1)(2)`,
  `def key(w):\n    return (-len(w), w)\nreturn sorted(text.split(), key=key)[:3]`, `def add(a, b):\n    return a + b\nreturn list(map(add, [1, 2], [10, 20]))`,
  `def f(x: int, y: 'str' = 'a') -> bool:\n    return x\nreturn f(1)`, `def f(x: undefined_name):\n    return x\nreturn 1`, `def f(x) -> undefined_name:\n    pass\nreturn 1`,
  `def f():\n    return f.__name__, f.__qualname__\nreturn f()`, `def f():\n    def g():\n        pass\n    return g.__name__, g.__qualname__\nreturn f()`,
  `def f():\n    pass\nreturn type(f).__name__, callable(f), f is f, f == f, bool(f)`, `def f():\n    pass\nreturn {f: 1}[f]`,
  `def deco(fn):\n    return lambda *a: ('decorated', fn(*a))\n@deco\ndef f(x):\n    return x\nreturn f(1)`,
  `def twice(fn):\n    def w(x):\n        return fn(fn(x))\n    return w\n@twice\n@twice\ndef inc(x):\n    return x + 1\nreturn inc(0)`,
  `@undefined_deco\ndef f():\n    pass\nreturn 1`, `order = []\ndef d(n):\n    order.append(n)\n    return lambda fn: fn\n@d(1)\n@d(2)\ndef f():\n    pass\nreturn order`,
  `def f():\n    pass\ndata['f'] = f\nreturn True`, `def f():\n    pass\ndata['fs'] = [f]\nreturn 1`, `def f():\n    pass\nreturn json.dumps(f)`,
  `def f(x):\n    x += 1\n    return x\nn = 1\nf(n)\nreturn n`, `def f(lst):\n    lst.append(1)\nl = []\nf(l)\nreturn l`,
  `def f(a, b):\n    return a - b\nreturn f(*[5, 3]), f(**{'b': 1, 'a': 4})`, `def f(a, a2):\n    pass\nreturn f(1, 2, 3)`, `def f(a=1, b=2):\n    pass\nreturn f(1, 2, 3)`,
  `def f(a, *, b, c):\n    pass\nreturn f(1)`, `def f(a, b, c):\n    pass\nreturn f()`, `def f():\n    pass\nreturn f(x=1)`,
];

it('runs def as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/** Positional-only parameters (before a `/`), in defs, lambdas and methods: a keyword naming one goes to `**kwargs`, or is CPython's error. */
const POSITIONAL_ONLY = [
  `def f(a, /, b): return a\ntry:\n    f(a=1, b=2)\nexcept TypeError as e:\n    return str(e)`,
  `def f(a, b, /, c, **k): return a, b, c, k\nreturn f(1, 2, 3, a=5, b=6), f(1, 2, c=4)`,
  `def g(a, b, /, c): pass\ntry: g(1, 2, 3, a=1, b=2)\nexcept TypeError as e: return str(e)`,
  `def g(a, b, /, c): pass\ntry: g(1, 2, 3, 4, a=5)\nexcept TypeError as e: return str(e)`,
  `def g(a, b, /, c): pass\ntry: g(1, 2, c=3, d=3, a=1)\nexcept TypeError as e: return str(e)`,
  `def g(a, b, /, c): pass\ntry: g(1, 2, d=3)\nexcept TypeError as e: return str(e)`,
  `def g(a, b, /, c): pass\ntry: g()\nexcept TypeError as e: return str(e)`,
  `def g(a, b=2, /, c=3, *, d=4): return a, b, c, d\nreturn g(1), g(1, 5, c=6, d=7), g.__defaults__, g.__kwdefaults__`,
  `f = lambda a, /, b=1: (a, b)\nreturn f(1), f(2, b=3)`,
  `f = lambda a, /: a\ntry:\n    f(a=1)\nexcept TypeError as e:\n    return str(e)`,
  `class A:\n    def m(self, x, /): return x\n    def n(self, /, x): return x\nreturn A().m(5), A().n(x=6), A.m(A(), 7)`,
  `class A:\n    def m(self, x, /): return x\ntry:\n    A().m(x=5)\nexcept TypeError as e:\n    return str(e)`,
  `def f(a, /, *args, b): return a, args, b\nreturn f(1, 2, 3, b=4)`,
  `def f(a, /, **kw): return a, kw\nreturn f(1, a=2)`,
  `import functools\ndef f(a, b, /): return a - b\nreturn functools.partial(f, 10)(3)\n`,
];

it('binds positional-only parameters as CPython does', () => {
  expect(compareWithCPython(POSITIONAL_ONLY)).toEqual([]);
});

/** What does not compile, in CPython's words (the comparison checks the class; the words are checked below). */
const SYNTAX = [
  `def f(x, x):\n    pass`, `def f(a=1, b):\n    pass`, `def f(*):\n    pass`, `def f(**k, a):\n    pass`, `def f()\n    pass`,
  `def f():\n    nonlocal q\n    q = 1`, `nonlocal x`, `def f(x):\n    global x`, `def f(x):\n    nonlocal x`, `def f():\n    x = 1\n    global x`,
  `x = 1\ndef f():\n    print(x)\n    nonlocal x`, `for i in range(3):\n    def f():\n        break`, `def f():\n    global y\n    nonlocal y`, `def 1f(): pass`, `def f(x=): pass`,
  `def f(): pass\nreturn f(`, `@\ndef f(): pass`,
  `def f(/): pass`,
  `def f(a, /, /): pass`,
  `def f(*, a, /): pass`,
  `def f(a=1, /, b): pass`,
  `def f(a, /b): pass`,
  `f = lambda /: 1`,
];

it('refuses what CPython refuses', () => {
  expect(compareWithCPython(SYNTAX)).toEqual([]);
});

it('words the declaration errors as CPython does', () => {
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error(`def f():\n    nonlocal q`)).toBe("SyntaxError: no binding for nonlocal 'q' found");
  expect(error(`def f(x):\n    global x`)).toBe("SyntaxError: name 'x' is parameter and global");
  expect(error(`def f():\n    x = 1\n    global x`)).toBe("SyntaxError: name 'x' is assigned to before global declaration");
  expect(error(`x = 1\ndef f():\n    print(x)\n    nonlocal x`)).toBe("SyntaxError: name 'x' is used prior to nonlocal declaration");
  expect(error(`for i in range(3):\n    def f():\n        break`)).toBe("SyntaxError: 'break' outside loop");
  expect(error(`def f(a, /, /): pass`)).toContain('/ may appear only once');
  expect(error(`def f(*, a, /): pass`)).toContain('/ must be ahead of *');
});

it('shows a def as the lambda repr does: its qualified name, without the address CPython prints', () => {
  const engine = new Engine();
  expect(evaluator(engine, { source: `def f():\n    def g():\n        pass\n    return g\nreturn f(), f` }).repr).toBe('(<function envelope.<locals>.f.<locals>.g>, <function envelope.<locals>.f>)');
});

it('holds recursion through def to the recursion limit, and mutual recursion too', () => {
  const engine = new Engine();
  const run = (source: string) => evaluator(engine, { source });
  expect(run(`def f(n):\n    return f(n + 1)\nreturn f(0)`).error).toBe('RecursionError: maximum recursion depth exceeded');
  expect(run(`def a(n):\n    return b(n)\ndef b(n):\n    return a(n)\ntry:\n    a(1)\nexcept RecursionError:\n    return 'caught'`).error).toBe('RecursionError: maximum recursion depth exceeded');
  // the stack of the host is not what stops it: a deep but bounded recursion runs
  expect(run(`def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nreturn f(150)`).repr).toBe('150');
  // exponential recursion meets the step limit
  expect(run(`def f(n):\n    return 1 if n == 0 else f(n - 1) + f(n - 1)\nreturn f(40)`).error).toMatch(/^StepLimitError/);
});

/** A lambda's and a comprehension's __qualname__ are where they are written: `<locals>` after a function's, not after a class's or a comprehension's. */
it('names lambdas and generator expressions as CPython does', () => {
  expect(compareWithCPython([
    "class C:\n  f = lambda: 0\n  xs = [lambda: 1 for _ in 'a']\n  g = (lambda: (lambda: 0))()\n  gen = (x for x in 'ab')\nreturn C.f.__qualname__, C.xs[0].__qualname__, C.g.__qualname__, C.gen.__qualname__",
    "return [lambda: 0 for _ in 'a'][0].__qualname__, list((lambda: 0) for _ in 'a')[0].__qualname__, [(x for x in 'a') for _ in 'a'][0].__qualname__",
    "return (lambda: (x for x in 'a'))().__qualname__, {k: lambda: 0 for k in 'a'}['a'].__qualname__, {(lambda: 0) for k in 'a'}.pop().__qualname__",
    "class C:\n  def m(self):\n    return [lambda: 0 for _ in 'a'][0], (y for y in 'b'), lambda: 1\nreturn [x.__qualname__ for x in C().m()]",
    'class D:\n  h = lambda self, a: a\nD().h()', 'def g():\n  return lambda *, k: k\ng()()', 'def g():\n  return (lambda: (yield 1))()\nreturn g().__qualname__',
  ])).toEqual([]);
});
