/**
 * What a condition sets on its own def or lambda (`f.calls = 0`, `f.__dict__`, `__name__`,
 * functools.wraps), against CPython 3.11 (runtime/method-attributes.ts). A def is made anew in
 * each run, so what it holds ends with its run; a module's function is shared and takes nothing
 * (shared-objects.test.ts). A partial's `__dict__` too.
 */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const DEFS = [
  'def f(): return 1\nf.x = 1\nreturn [f.x, f.__dict__]',
  "def g(): pass\ng.__dict__['y'] = 2\nreturn g.y, vars(g), 'y' in dir(g), dir(g)[-1]",
  "g = lambda: 1\ng.z = 3\ndel g.z\nreturn hasattr(g, 'z'), g.__dict__",
  "def f(): pass\nsetattr(f, 'k', [1])\nreturn vars(f), getattr(f, 'k'), getattr(f, 'q', 5)",
  'def f(): pass\ndel f.k',
  'def f(): pass\nreturn f.nope',
  // the attribute a function keeps across its own calls: the common use
  "def counter():\n    counter.n = getattr(counter, 'n', 0) + 1\n    return counter.n\ncounter(); counter()\nreturn counter()",
  // __dict__ itself: the same dict at every read, replaced by a dict, never deleted
  "def f(): pass\nf.__dict__ = {'a': 1}\nf.b = 2\nd = f.__dict__\nreturn d, f.__dict__ is d, f.a",
  'def f(): pass\nf.__dict__ = 1',
  'def f(): pass\ndel f.__dict__',
  'import collections\nclass D(dict): pass\ndef f(): pass\nf.__dict__ = D(a=1)\nreturn f.a, type(f.__dict__).__name__',
  // a key that is no str sorts against the names in dir(), as CPython's does
  'def f(): pass\nf.__dict__[1] = 2\nreturn dir(f)',
  "def f(): pass\nf.__dict__[1] = 2\nf.a = 3\nreturn f.__dict__, [k for k in dir(f) if not k.startswith('__')]",
  // __name__ and __qualname__ are two fields
  "def f(): pass\nf.__qualname__ = 'Q'\nf.__name__ = 'N'\nreturn f.__qualname__, f.__name__, f.__dict__, repr(f)[:11]",
  "def f(): pass\nsetattr(f, '__name__', 'Z')\nreturn f.__name__, getattr(f, '__name__'), f.__qualname__",
  'def f(): pass\nf.__name__ = 3',
  'def f(): pass\ndel f.__qualname__',
  "def f(): pass\nf.__doc__ = 'd'\nf.__module__ = 'm'\nreturn f.__doc__, f.__module__, f.__dict__",
  // a method's attributes are its function's; a method takes none of its own
  "class A:\n    def m(self): return 1\nA.m.tag = 'x'\na = A()\nreturn a.m.tag, A.m.__dict__, a.m.__dict__, a.m.__dict__ is A.m.__dict__",
  'class A:\n    def m(self): return 1\nreturn A().m.nope',
  "class A:\n    @staticmethod\n    def s(): pass\nA.s.k = 1\nreturn A.s.k, A().s.__dict__",
  // functools.wraps copies the wrapped def's __doc__ and __dict__, and sets __wrapped__
  "import functools\ndef deco(fn):\n    @functools.wraps(fn)\n    def w(*a): return fn(*a)\n    return w\n@deco\ndef h(x):\n    'doc of h'\n    return x\nh.calls = 0\nreturn h.__doc__, h.__name__, h.__qualname__, h.__wrapped__.__name__, sorted(h.__dict__), h.__module__",
  'import functools\ndef inner(): pass\ninner.tag = 7\ninner.__dict__[3] = 4\ndef outer(): pass\nfunctools.update_wrapper(outer, inner)\nreturn outer.tag, outer.__dict__[3], sorted(k for k in outer.__dict__ if isinstance(k, str))',
  "import functools\ndef inner(): pass\ninner.tag = 7\nclass W:\n    def __call__(self): pass\nw = functools.update_wrapper(W(), inner)\nreturn w.tag, sorted(vars(w))",
  'import copy\ndef f(): pass\nf.a = [1]\ng = copy.deepcopy(f)\nreturn g is f, g.a',
  'len.x = 1',
  // a partial's __dict__: made at the first read, after which partial() no longer takes it apart
  "import functools\np = functools.partial(print)\np.x = 1\nreturn p.x, p.__dict__",
  'import functools\np = functools.partial(print, 1)\nd = p.__dict__\nq = functools.partial(p, 2)\nr = functools.partial(functools.partial(print, 1), 2)\nreturn q.func is p, q.args, d is p.__dict__, r.args',
  "import functools\np = functools.partial(print, 1)\np.__dict__ = {'a': 1}\np.b = 2\nreturn p.a, p.__dict__",
  'import functools\np = functools.partial(print, 1)\np.__dict__ = 3',
  'import functools\np = functools.partial(print, 1)\ndel p.__dict__',
];

it('keeps what a condition sets on its own def as CPython does', () => {
  expect(compareWithCPython(DEFS)).toEqual([]);
});

it("ends with the run: the next run's def has none of it", () => {
  const engine = new Engine();
  const source = "def f(): pass\nseen = hasattr(f, 'k'), dict(f.__dict__), f.__name__\nf.k = 1\nf.__dict__['j'] = 2\nf.__name__ = 'renamed'\nreturn seen";
  for (let i = 0; i < 3; i++) expect(evaluator(engine, { source }).repr).toBe("(False, {}, 'f')");
});

it("refuses a store on a module's function, which every condition shares, and a builtin's docstring wraps copied", () => {
  const engine = new Engine();
  for (const source of ['import re\nre.sub.x = 1', 'import enum\nenum.unique.__dict__', "import json\nsetattr(json.dumps, '__name__', 'x')", 'import functools\n@functools.wraps(len)\ndef w(*a):\n    return len(*a)\nreturn w.__doc__']) {
    expect(evaluator(engine, { source }).error).toMatch(/^UnsupportedError: /);
  }
});

/** A def's or a classmethod's bound method is of type 'method' (PyMethod), a builtin's of 'builtin_function_or_method'. */
const METHODS = [
  "class A:\n    def m(self): return 1\nm = A().m\nreturn type(m).__name__, repr(type(m)), type(m).__qualname__",
  "class A:\n    def m(self): return 1\n    @classmethod\n    def c(cls): pass\nreturn type(A.c).__name__, type(A().m) is type(A.c), type(A.m).__name__",
  "class A:\n    def m(self): return 1\nreturn type([].append).__name__, type(len).__name__, type(A().m) is type(len), isinstance(A().m, type(len))",
  "class A:\n    def m(self): return 1\nA().m + 1",
  "class A:\n    def m(self): return 1\nreturn sorted([A().m, 1])",
  "class A:\n    def m(self): return 1\na = A()\na.m.tag = 'x'",
  // method_new: type(a.m)(f, obj) binds f to obj
  "class A:\n    def m(self): return self\na = A()\nM = type(a.m)\nb = M(lambda s, x: (s is a, x), a)\nreturn b(5), type(b).__name__, b.__self__ is a",
  "class A:\n    def m(self): return self\ntype(A().m)(1, 2)",
  "class A:\n    def m(self): return self\ntype(A().m)(len, None)",
  "class A:\n    def m(self): return self\ntype(A().m)(len)",
  "class A:\n    def m(self): return self\ntype(A().m)(len, 1, x=2)",
  "class A:\n    def m(self): return self\nclass B(type(A().m)): pass",
  'def f(): pass\nclass B(type(f)): pass',
  'class B(type(len)): pass',
  // method_repr: its function's __qualname__ and its instance's repr
  "class A:\n    def __repr__(self): return 'AA'\n    def m(self): return self\n    @classmethod\n    def c(cls): pass\nreturn repr(A().m), repr(A.c), str(A().m)",
  "class A:\n    def __repr__(self): return 'AA'\n    m = classmethod(len)\nreturn repr(A.m), repr(A().m)",
  "class A:\n    def __repr__(self): return 'AA'\n    def m(self): pass\nA.m.__qualname__ = 'Q'\nreturn repr(A().m)",
];

it("types a def's method as 'method' and prints it as CPython does", () => {
  expect(compareWithCPython(METHODS)).toEqual([]);
});
