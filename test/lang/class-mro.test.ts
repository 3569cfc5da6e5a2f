import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** Multiple inheritance: C3 order, super() along it, isinstance and issubclass, exception classes of two bases, and CPython's refusals. */
const MRO = [
  `class A:\n    @classmethod\n    def make(cls, v):\n        return (cls.__name__, v)\nclass B(A):\n    @classmethod\n    def make(cls, v):\n        return ('B', super().make(v * 2))\nreturn B.make(1), B().make(2)`,
  `class A:\n    @staticmethod\n    def s(x):\n        return super().f()\nA.s(1)`,
  `class A:\n    @staticmethod\n    def s():\n        return super().f()\nA.s()`,
  `class A:\n    def who(self):\n        return 'A'\nclass B(A):\n    def who(self):\n        return 'B>' + super().who()\nclass C(A):\n    def who(self):\n        return 'C>' + super().who()\nclass D(B, C):\n    def who(self):\n        return 'D>' + super().who()\nreturn D().who(), [k.__name__ for k in D.__mro__], [k.__name__ for k in D.mro()], isinstance(D(), C), issubclass(D, C), issubclass(C, D)`,
  `class A:\n    pass\nclass B(A):\n    pass\nclass C(A, B):\n    pass`,
  `class A:\n    pass\nclass B:\n    pass\nclass X(A, B):\n    pass\nclass Y(B, A):\n    pass\nclass Z(X, Y):\n    pass`,
  `class A:\n    pass\nclass C(A, A):\n    pass`,
  `class A:\n    pass\nclass C(object, A):\n    pass`,
  `class E(OSError, ValueError):\n    pass\nreturn [k.__name__ for k in E.__mro__], str(E(2, 'x')), isinstance(E(), ValueError)`,
  `class E(OSError, ImportError):\n    pass`,
  `class E(KeyError, ValueError):\n    pass\ntry:\n    raise E('x')\nexcept ValueError as e:\n    return str(e), repr(e), e.args`,
  `class Tagged:\n    tag = 't'\n    def describe(self):\n        return f'{self.tag}:{self}'\nclass E(Tagged, Exception):\n    pass\ntry:\n    raise E('boom')\nexcept E as e:\n    return e.describe(), isinstance(e, Tagged), isinstance(e, Exception), [k.__name__ for k in E.__mro__]`,
  `class M:\n    def __init__(self, *a):\n        self.m = True\n        super().__init__(*a)\nclass E(M, Exception):\n    pass\ne = E('a', 'b')\nreturn e.m, e.args`,
  `class A:\n    def __init__(self):\n        self.log = ['A']\n        super().__init__()\nclass B:\n    def __init__(self):\n        self.blog = 'B'\n        super().__init__()\nclass C(A, B):\n    def __init__(self):\n        super().__init__()\nc = C()\nreturn c.log, c.blog`,
  `class A:\n    def __init__(self, x):\n        super().__init__(x)\nclass B(A):\n    pass\nB(1)`,
  `class A:\n    x = 1\nclass B:\n    x = 2\n    y = 3\nclass C(A, B):\n    pass\nreturn C.x, C.y, C().x`,
  `class A:\n    @classmethod\n    def mro(cls):\n        return 'mine'\nreturn A.mro()`,
  `class A:\n    pass\nreturn A.mro(1)`,
  `class A:\n    def f(self):\n        return super().f()\nA().f()`,
  `class A:\n    def f(self):\n        return super().nope\nA().f()`,
  `class E(StopIteration, OSError):\n    pass`,
];

it('orders bases and follows super() as CPython does', () => {
  expect(compareWithCPython(MRO)).toEqual([]);
});

const names = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

/** Wide and deep hierarchies: a diamond of 100 bases, a chain 300 classes deep (CPython takes half a second for 1,000), and an order that fails among 100 bases (CPython's message is cut at 1,000 bytes). */
const LARGE = [
  `class Root:\n    def f(self):\n        return 'root'\n${names(100, (i) => `class B${i}(Root):\n    pass\n`)}class Top(${names(100, (i) => `B${i}, `)}):\n    pass\nreturn len(Top.__mro__), Top.__mro__[-2].__name__, Top().f(), isinstance(Top(), B57)`,
  `class A:\n    def f(self):\n        return 'a'\nk = A\nfor i in range(300):\n    class K(k):\n        pass\n    k = K\nreturn len(k.__mro__), k().f(), issubclass(k, A), hasattr(k(), 'nope')`,
  `${names(100, (i) => `class LongBaseName${i}:\n    pass\n`)}class X(${names(100, (i) => `LongBaseName${i}, `)}):\n    pass\nclass Y(${names(100, (i) => `LongBaseName${99 - i}, `)}):\n    pass\nclass Z(X, Y):\n    pass`,
];

it('orders wide and deep hierarchies as CPython does, within the limits', () => {
  expect(compareWithCPython(LARGE, new Engine({ maxMillis: 20_000 }))).toEqual([]);
});

it('builds a chain 1,000 classes deep within the default limits', () => {
  const source = `class A:\n    def f(self):\n        return 'a'\nk = A\nfor i in range(1000):\n    class K(k):\n        pass\n    k = K\nreturn len(k.__mro__), k().f(), issubclass(k, A), hasattr(k(), 'nope')`;
  // the time limit is the default's 50 ms, scaled for this shared machine; the steps are the default's
  expect(evaluator(new Engine({ maxMillis: 1000 }), { source })).toEqual({ repr: "(1002, 'a', True, False)", data: {} });
});

it('reads a class order, but nothing more of a type', () => {
  const engine = new Engine();
  const run = (source: string) => evaluator(engine, { source });
  expect(run(`class A:\n    pass\nreturn A.__mro__`).repr).toBe("(<class 'A'>, <class 'object'>)");
  // every class in it was a name the condition could reach already
  expect(run(`class E(KeyError):\n    pass\nreturn [c.__name__ for c in E.mro()]`).repr).toBe("['E', 'KeyError', 'LookupError', 'Exception', 'BaseException', 'object']");
  // object's subclasses would be every condition's classes, and CPython's internals
  expect(run(`class A:\n    pass\nreturn A.__mro__[-1].__subclasses__()`).error).toBe("UnsupportedError: 'object.__subclasses__()' is not available in conditions: a builtin type's or a module's class's subclasses would be other conditions' classes too");
  expect(run(`class A:\n    pass\nreturn getattr(A.__mro__[-1], '__subclasses__')()`).error).toBe("UnsupportedError: 'object.__subclasses__()' is not available in conditions: a builtin type's or a module's class's subclasses would be other conditions' classes too");
  expect(run(`class A:\n    pass\nreturn getattr(A, '__weakref__')`).error).toBe("UnsupportedError: names with double underscores ('__weakref__') are not allowed in conditions");
});

it('pays for long orders: 4,000 lookups of a missing attribute 1,000 classes deep, or copies of the order, are over 100,000 steps', () => {
  const engine = new Engine({ maxMillis: 60_000 });
  // unpaid, the walks would take under 40,000 steps, and the run would answer
  const source = `class A:\n    pass\nk = A\nfor i in range(1000):\n    class K(k):\n        pass\n    k = K\nx = k()\nfor i in range(4000):\n    hasattr(x, 'nope')\nreturn True`;
  expect(evaluator(engine, { source }).error).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
  // each read of the order is a copy of it, paid for as a list of its length
  for (const read of ['k.__mro__', 'k.mro()']) {
    const copies = source.replace(`hasattr(x, 'nope')`, read);
    expect(evaluator(engine, { source: copies }).error).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
  }
});

/** The builtin types' orders, as CPython's reprs: a type's bases (bool's int, KeyError's LookupError), then object. */
it('reads a builtin type\'s order as CPython does', () => {
  expect(compareWithCPython([
    `import datetime, collections\nreturn [(t.__mro__, t.mro()) for t in [int, bool, float, str, list, tuple, dict, set, frozenset, bytes, range, complex, object, datetime.datetime, datetime.date, datetime.time, datetime.timedelta, collections.deque]], type.__mro__`,
    `return [(t.__mro__, t.mro()) for t in [Exception, BaseException, KeyError, UnicodeDecodeError, StopIteration, ZeroDivisionError, ConnectionResetError, IndentationError]]`,
    `return issubclass(bool, int), isinstance(True, int), issubclass(int, bool), bool.__mro__[1](7), [c.__name__ for c in KeyError.__mro__]`,
    `class B(dict):\n    pass\nclass E(KeyError):\n    pass\nreturn [c.__name__ for c in B.__mro__], [c.__name__ for c in E.mro()], E.__mro__[1:] == KeyError.__mro__`,
    `return int.mro(1)`,
    `return bool.mro(x=1)`,
    `return int.__mro__.count(int), bool.mro()[1:] == int.mro()`,
  ])).toEqual([]);
});
