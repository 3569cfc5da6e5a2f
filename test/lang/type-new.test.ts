import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** type(name, bases, dict) makes a class as a class statement does: its attributes, methods, bases, MRO and type_new's errors. */
it('makes a class with type() as CPython does', () => {
  expect(compareWithCPython([
    `X = type('X', (), {'a': 1, 'f': lambda self: 2})
x = X()
return repr(X), X.__name__, X.__qualname__, X.a, x.f(), x.a, isinstance(x, X), type(x) is X, X.__mro__, repr(x)[:9]`,
    `class Base:
    def g(self):
        return 'g'
Y = type('Y', (Base,), {'h': lambda self: self.g() + 'h'})
return Y().h(), issubclass(Y, Base), Y.__mro__[1] is Base`,
    `Y = type('Y', (dict,), {'k': 5})
y = Y(a=1)
return y, y.k, isinstance(y, dict)`,
    `def init(self, v):
    self.v = v
P = type('P', (), {'__init__': init, '__repr__': lambda self: 'P(%r)' % self.v, '__eq__': lambda self, o: self.v == o.v, '__hash__': None})
return P(3), P(3) == P(3), P(1).v`,
    `E = type('E', (ValueError,), {})
try:
    raise E('boom')
except ValueError as e:
    return type(e).__name__, str(e), E.__mro__[1].__name__`,
    `I = type('I', (int,), {'double': lambda self: self * 2})
return I(4).double(), I(4) + 1, type(I(4)).__name__`,
    `return type('X', (), {}, 1)`,
    `return type(1, (), {})`,
    `return type('X', [], {})`,
    `return type('X', (), [])`,
    `return type('X', (1,), {})`,
    `return type('X', (), {}, x=1)`,
    `return type('X', (int, str), {})`,
    `return type('X', (bool,), {})`,
    `return type('X', (), {1: 2}).__name__`,
    `return type('a b', (), {}).__name__, type('', (), {}).__name__`,
    `return type('X\\x00', (), {})`,
    `return type(name='X', bases=(), dict={})`,
    `return repr(type('X', (), {}, **{}))`,
    `return type()`,
    `return type(1, 2)`,
    `return type('X', (), None)`,
    `return type('X', (1, 2), {})`,
    `return type('X', (object, object), {})`,
    `return type(b'X', (), {})`,
    `T = type('T', (), {})
T.z = 1
return T.z, T().z`,
    `A = type('A', (), {'x': 1})
B = type('B', (A,), {'y': 2})
C = type('C', (B, A), {})
return [k.__name__ for k in C.__mro__], C().x, C().y`,
    `A = type('A', (), {})
B = type('B', (), {})
return type('C', (A, B, A), {})`,
  ])).toEqual([]);
});

/** The dict's names pass a class body's checks, and the class finishClass's: refused as a class statement is, uncaught. */
it('refuses in type() what a class statement refuses', () => {
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  const only = /^UnsupportedError: a class in a condition may define only __init__, .*: '(__class__|__del__)' is not supported$/;
  expect(error("return type('X', (), {'__class__': 1})")).toMatch(only);
  expect(error("return type('X', (), {'__del__': 1})")).toMatch(only);
  expect(error("return type('X', (), {'a__b': 1})")).toBe("UnsupportedError: names with double underscores ('a__b') are not allowed in conditions");
  // an exception class may define every dunder a class may (the classes merge), through type() too
  expect(error("E = type('E', (Exception,), {'__len__': lambda self: 1})\nreturn len(E())")).toBeUndefined();
  expect(error("import itertools\nreturn type('X', (itertools.count,), {})")).toMatch(/^UnsupportedError: a class of a condition may not subclass 'itertools.count'/);
  // the same words as the class statement's
  expect(error("class X:\n    __del__ = 1")).toBe(error("return type('X', (), {'__del__': 1})")!.replace('UnsupportedError', 'SyntaxError'));
});
