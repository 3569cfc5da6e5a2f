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

it('refuses what would hook how classes are made, in clear words', () => {
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  // a class statement would call the base's metaclass, as metaclass= does
  expect(error(`class M(type):\n    pass\nX = M('X', (), {})\nclass Y(X):\n    pass`)).toBe("TypeError: a class of a condition may not subclass 'X', whose metaclass is 'M': make it by calling the metaclass");
  expect(error(`class M(type):\n    pass\nX = M('X', (), {})\nreturn type('Y', (X,), {})`)).toBe("TypeError: a class of a condition may not subclass 'X', whose metaclass is 'M': make it by calling the metaclass");
  // __call__ would decide what calling each of its classes makes
  expect(error(`class M(type):\n    def __call__(cls):\n        return 1`)).toBe("TypeError: a subclass of type in a condition may define only __new__, __init__, __repr__, __str__, __match_args__: '__call__' is not supported");
  expect(error(`class M(type):\n    pass\nclass C(metaclass=M):\n    pass`)).toBe("SyntaxError: a class statement in a condition takes no metaclass but type: call a subclass of type instead, as M('X', (A,), {})");
  expect(error(`class M(type):\n    pass\nclass C(**{'metaclass': M}):\n    pass`)).toBe("UnsupportedError: a class statement in a condition takes no metaclass but type (metaclass=M): call a subclass of type instead, as M('X', (A,), {})");
});

it('holds hostile metaclasses to the limits', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error(`class M(type):\n    def __init__(cls, *a):\n        M('X', (), {})\nM('X', (), {})`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  expect(error(`class M(type):\n    def __repr__(cls):\n        return repr(cls)\nreturn repr(M('X', (), {}))`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  // a chain of classes, each made from the last, pays for its order as any class does
  expect(error(`class M(type):\n    pass\nX = M('X', (), {})\nfor i in range(100000):\n    X = M('X', (X,), {})\nreturn X`)).toMatch(/^(StepLimitError|MemoryError)/);
});
