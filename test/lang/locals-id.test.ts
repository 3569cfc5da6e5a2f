import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** id(): stable for an object during a run, distinct between objects alive together, an int; CPython's words for a wrong call. */
it('answers id() as CPython does where its numbers do not show', () => {
  expect(compareWithCPython([
    'a = [1]\nreturn id(a) == id(a), type(id(a)), id(a) > 0',
    'a = [1]; b = [1]\nreturn id(a) != id(b), a == b',
    'xs = [object() for _ in range(100)]\nreturn len({id(x) for x in xs})',
    'return id()', 'return id(1, 2)', 'return id(x=1)',
    'return id(None) == id(None), id(True) == id(True), id(True) != id(1), id(()) == id(())',
    'class C: pass\nc = C()\nd = {id(c): c}\nreturn d[id(c)] is c, id(C) == id(C), id(c) != id(C)',
    'a = (1, 2)\nb = a\nreturn id(a) == id(b)',
  ])).toEqual([]);
});

/** locals(), vars() and dir() without an argument: CPython 3.11's snapshot of the frame, in co_localsplusnames's order. */
it('answers locals(), vars() and dir() as CPython does', () => {
  expect(compareWithCPython([
    'return locals()',
    'x = 1\ny = [2]\nreturn locals()',
    'return dir()', 'a = 1\nreturn dir(), vars() == locals()',
    'd = locals()\nx = 1\nreturn d is locals(), d',
    'd = locals()\nd["zz"] = 1\nx = 1\nreturn locals()',
    'x = 1\nd = locals()\ndel x\nreturn locals(), d is locals()',
    'def f(a, b=2, *c, d, **e):\n    z = 1\n    return locals()\nreturn f(1, d=4, q=5)',
    'def f(a):\n    z = a\n    q = 1\n    return locals()\nreturn f(1)',
    'def f():\n    print(b) if 0 else None\n    a = 1\n    b = 2\n    return locals()\nreturn f()',
    'def f():\n    x = 1\n    def g():\n        return x\n    return locals()\nreturn list(f())',
    'def f():\n    x = 1\n    y = 2\n    def g():\n        return locals()\n    return g()\nreturn f()',
    'def f():\n    x = 1\n    y = 2\n    def g():\n        y\n        return locals()\n    return g()\nreturn f()',
    'def f():\n    x = 1\n    def g():\n        def h():\n            return x\n        return sorted(locals())\n    return g()\nreturn f()',
    'def f():\n    b = 1\n    a = 2\n    c = 3\n    g = lambda: (b, a)\n    return list(locals())\nreturn f()',
    'def f(p, q):\n    g = lambda: q\n    r = 1\n    return list(locals())\nreturn f(1, 2)',
    'f = lambda a, b=1: locals()\nreturn f(0)',
    'class A:\n    def m(self):\n        super()\n        return list(locals())\nreturn A().m()',
    'class A:\n    def m(self):\n        x = 1\n        return list(locals())\nreturn A().m()',
    'def f():\n    for i in range(3):\n        pass\n    try:\n        1/0\n    except ZeroDivisionError as e:\n        pass\n    else:\n        w = 1\n    return list(locals())\nreturn f()',
    'def f():\n    try:\n        pass\n    except Exception as e:\n        pass\n    else:\n        w = 1\n    return list(locals())\nreturn f()',
    'def f():\n    import math\n    from math import pi as p\n    k = {a: b for a, b in []}\n    return list(locals())\nreturn f()',
    'def f(n):\n    match n:\n        case [x, *rest]:\n            pass\n        case {"k": v, **kw}:\n            pass\n    return locals()\nreturn f([1, 2]), f({"k": 1, "j": 2})',
    'def f():\n    if (y := 3) > 1:\n        x = y\n    return locals()\nreturn f()',
    'def f():\n    @staticmethod\n    def g(a=1):\n        pass\n    class K:\n        pass\n    return list(locals())\nreturn f()',
    'def f():\n    [y := i for i in range(2)]\n    return locals()\nreturn f()',
    'def f():\n    global q\n    q = 1\n    r = 2\n    return locals()\nreturn f()',
    'def f():\n    def g():\n        nonlocal x\n        x = 5\n        return locals()\n    x = 1\n    return g(), x\nreturn f()',
    'def f():\n    return dir()\nreturn f()',
    'def f():\n    b = 1\n    a = 2\n    return dir()\nreturn f()',
    'def f():\n    def g():\n        yield locals()\n        x = 1\n        yield locals()\n    return list(g())\nreturn f()',
    'def f():\n    x = 1\n    class K:\n        y = x\n    return list(locals())\nreturn f()',
    'def f(*, a, b):\n    return locals()\nreturn f(b=1, a=2)',
    'class A:\n    def m(self):\n        def inner():\n            return super\n        return sorted(locals())\nreturn A().m()',
    'def f():\n    x = 1\n    del x\n    return locals()\nreturn f()',
    'def f():\n    x = 1\n    return (lambda: locals())()\nreturn f()',
    'def f():\n    x = 1\n    return (lambda: (x, locals()))()\nreturn f()',
    'def f():\n    a = 1\n    def g():\n        b = 2\n        def h():\n            return a, b\n        return locals()\n    return sorted(g())\nreturn f()',
    'return id(1.5) == id(1.5), id(2**100) == id(2**100), id("ab") == id("a" + "b"), id(1.5) > 0',
    'x = data\nreturn sorted(locals())',
    'class A:\n    def m(self):\n        return vars()\nreturn list(A().m())',
    'def f():\n    return [sorted(vars(x)) for x in [1]]\nreturn 1',
    'return locals(1)', 'return locals(x=1)', 'return vars(1, 2)', 'return dir(1, 2)',
    'l = locals\nreturn l', 'locals = lambda: 5\nreturn locals()',
    'def f():\n    x = 1\n    locals()["x"] = 2\n    return x\nreturn f()',
    'x = 1\nreturn sorted(locals()), text == locals()["text"]',
  ])).toEqual([]);
});

/** locals() read deep in a recursion, and again and again, stays within the run's limits. */
it('bounds locals() in deep recursion', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error('def f(n):\n    d = locals()\n    return f(n + 1)\nreturn f(0)')).toMatch(/^RecursionError/);
  expect(error('x = list(range(1000))\nwhile True:\n    locals()')).toMatch(/^StepLimitError/);
  // a comprehension's namespace (its '.0' iterator) and a class body's are not kept: refused, never answered otherwise
  expect(error('return [locals() for _ in range(1)]')).toMatch(/^UnsupportedError/);
  expect(error('class A:\n    x = locals()')).toMatch(/^UnsupportedError/);
  expect(error('class A:\n    x = dir()')).toMatch(/^UnsupportedError/);
  expect(error('l = locals\nreturn l()')).toMatch(/^UnsupportedError/);
  expect(error('def f(n, acc):\n    acc.append(locals())\n    return f(n + 1, acc)\nreturn f(0, [])')).toMatch(/^RecursionError/);
  expect(compareWithCPython(['def f(n):\n    if n == 0:\n        return list(locals()), n\n    r = f(n - 1)\n    return r\nreturn f(150)'])).toEqual([]);
});
