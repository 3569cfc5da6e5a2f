import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** @property (with setter and deleter), @staticmethod, @classmethod, as decorators and as calls, read from instances, classes and super(). */
const DESCRIPTORS = [
  `class C:\n    __init__ = 5\nC()`,
  `class C:\n    @property\n    def __init__(self):\n        return lambda: None\nC()`,
  `class C:\n    @staticmethod\n    def __init__(x):\n        pass\nreturn type(C(1)).__name__`,
  `class C:\n    __init__ = None\nC()`,
  `class C:\n    @classmethod\n    def __init__(cls, v):\n        cls.v = v\nreturn C(3).v`,
  `class C:\n    @staticmethod\n    def f(x):\n        return x * 2\n    g = staticmethod(lambda x: x + 1)\n    h = g(1)\nreturn C.f(2), C.h, callable(staticmethod(len)), callable(classmethod(len)), callable(property())`,
  `class C:\n    def __init__(self):\n        self._x = 1\n    @property\n    def x(self):\n        return self._x\n    @x.setter\n    def x(self, v):\n        self._x = v * 2\n    @x.deleter\n    def x(self):\n        self._x = 'gone'\nc = C()\na = c.x\nc.x = 5\nb = c.x\ndel c.x\nreturn a, b, c.x, type(C.x).__name__, C.x.fget.__name__, C.x.fdel is None`,
  `class C:\n    @property\n    def x(self):\n        return 1\nc = C()\nc.x = 2`,
  `class C:\n    @property\n    def x(self):\n        return 1\ndel C().x`,
  `class C:\n    y = property()\nreturn C().y`,
  `class C:\n    n = 0\n    @staticmethod\n    def s(a, b=2):\n        return a + b\n    @classmethod\n    def make(cls, v):\n        return cls.__name__, v\nclass D(C):\n    pass\nreturn C.s(1), C().s(1, 3), C.make(1), D.make(2), D().make(3)`,
  `class C:\n    def getx(self):\n        return 'gx'\n    def setx(self, v):\n        self.seen = v\n    x = property(getx, setx)\nc = C()\nc.x = 9\nreturn c.x, c.seen`,
  `return staticmethod(), classmethod(1, 2)`,
  `return property(1, 2, 3, 4, 5)`,
  `return classmethod(len)`,
  `class C:\n    @property\n    def x(self):\n        return self.x\nreturn C().x`,
  `class C:\n    @classmethod\n    def f(cls):\n        return cls\n    @staticmethod\n    def g():\n        return 'g'\nreturn C.f() is C, C().f() is C, C.g(), C().g()`,
  `class P:\n    @property\n    def area(self):\n        return self.w * self.h\n    def __init__(self, w, h):\n        self.w, self.h = w, h\nclass Q(P):\n    @property\n    def area(self):\n        return super().area + 1\nreturn Q(2, 3).area`,
  `class C:\n    @property\n    def x(self):\n        return 1\nc = C()\nreturn hasattr(c, 'x'), getattr(c, 'x')`,
  `class C:\n    x = property(lambda self: 5)\nreturn C().x, isinstance(C.x, property)`,
  `class C:\n    pass\nc = C()\nc.x = 1\nC.x = property(lambda self: 2)\nreturn c.x`,
  `class C:\n    @staticmethod\n    def __repr__():\n        return 'S'\nreturn repr(C())`,
  `class C:\n    __len__ = 5\nreturn len(C())`,
  `class E(Exception):\n    @property\n    def code(self):\n        return 42\ntry:\n    raise E('x')\nexcept E as e:\n    return e.code`,
];

it('binds properties, static methods and class methods as CPython does', () => {
  expect(compareWithCPython(DESCRIPTORS)).toEqual([]);
});

/** A class's decorators: evaluated before the class, applied after it, nearest first; what they return is bound. */
const DECORATORS = [
  `def deco(c):\n    c.tag = 'x'\n    return c\n@deco\nclass C:\n    pass\nreturn C.tag, type(C()).__name__`,
  `def deco(c):\n    return 5\n@deco\nclass C:\n    pass\nreturn C`,
  `log2 = []\ndef a(c):\n    log2.append('a')\n    return c\ndef b(c):\n    log2.append('b')\n    return c\n@a\n@b\nclass C:\n    pass\nreturn log2`,
  `@5\nclass C:\n    pass`,
  `def deco(c):\n    return lambda: 'made'\n@deco\nclass C:\n    pass\nreturn C()`,
];

it('applies class decorators as CPython does', () => {
  expect(compareWithCPython(DECORATORS)).toEqual([]);
});

it('shows descriptors without the address CPython prints', () => {
  const engine = new Engine();
  const source = `class C:\n    @staticmethod\n    def s():\n        pass\n    p = property()\nreturn C.p, staticmethod(C.s), classmethod(len)`;
  expect(evaluator(engine, { source }).repr).toBe('(<property object>, <staticmethod(<function envelope.<locals>.C.s>)>, <classmethod(<built-in function len>)>)');
});

it('holds hostile descriptors to the limits', () => {
  // the step and recursion limits are the defaults; the clock's is widened, so that a loaded machine does not end a run first
  const engine = new Engine({ maxMillis: 10_000 });
  const run = (source: string) => evaluator(engine, { source }).error;
  // a getter or setter that reads or writes itself recurses to the limit
  expect(run(`class C:\n    @property\n    def x(self):\n        return self.x\nreturn C().x`)).toBe('RecursionError: maximum recursion depth exceeded');
  expect(run(`class C:\n    @property\n    def x(self):\n        return 1\n    @x.setter\n    def x(self, v):\n        self.x = v\nC().x = 1`)).toBe('RecursionError: maximum recursion depth exceeded');
  // a getter that loops meets the step limit
  expect(run(`class C:\n    @property\n    def x(self):\n        while True:\n            pass\nreturn C().x`)).toMatch(/^StepLimitError/);
  // a decorator that returns odd values: the name is bound to them, nothing more
  expect(evaluator(engine, { source: `@len\nclass C:\n    pass\nreturn C` }).error).toBe("TypeError: object of type 'type' has no len()");
  expect(evaluator(engine, { source: `def d(c):\n    return d\n@d\n@d\nclass C:\n    pass\nreturn C is d` }).repr).toBe('True');
  // a property object reaches no function's internals
  expect(run(`return property(len).fget.__globals__`)).toBe("SyntaxError: '__globals__' is not available in conditions: a function's globals hold CPython's builtins module, whose __import__, open and eval reach the host");
  expect(run(`return getattr(property(), '__get__')`)).toBe("AttributeError: names with double underscores ('__get__') are not allowed in conditions");
});
