import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';
it('q', () => {
  expect(compareWithCPython([
    `from abc import ABC, abstractmethod\nclass A(ABC):\n    @abstractmethod\n    def f(self): ...\n    @abstractmethod\n    def g(self): ...\nclass B(A):\n    def f(self): return 1\nclass C(B):\n    def g(self): return 2\nr = []\nfor k in (A, B):\n    try:\n        k()\n    except TypeError as e:\n        r.append(str(e))\nreturn r, C().f(), sorted(A.__abstractmethods__), sorted(B.__abstractmethods__), C.__abstractmethods__, type(A).__name__, isinstance(C(), A)`,
    `import abc\nclass A(abc.ABC):\n    pass\nA.register(int)\nclass B(A): pass\nB.register(str)\nreturn isinstance(1, A), issubclass(int, A), issubclass(str, A), issubclass(str, B), issubclass(float, A), isinstance('x', A), A.register(bool), abc.get_cache_token() > 0, issubclass(int, abc.ABC)`,
    `import abc\nclass M(abc.ABCMeta): pass\nclass A(metaclass=M):\n    @property\n    @abc.abstractmethod\n    def p(self): ...\n    @classmethod\n    @abc.abstractmethod\n    def c(cls): ...\n    @staticmethod\n    @abc.abstractmethod\n    def s(): ...\ntry:\n    A()\nexcept TypeError as e:\n    return str(e), type(A).__name__`,
    `import abc\nclass A(abc.ABC):\n    @classmethod\n    def __subclasshook__(cls, C):\n        if hasattr(C, 'quack'): return True\n        return NotImplemented\nclass D:\n    quack = 1\nreturn issubclass(D, A), isinstance(D(), A), issubclass(int, A)`,
    `import abc\nclass A(abc.ABC):\n    x = abc.abstractproperty(lambda self: 1)\n    @abc.abstractclassmethod\n    def c(cls): return 5\ntry:\n    A()\nexcept TypeError as e:\n    return str(e), type(A.__dict__['x']).__name__, A.c()`,
    `import abc\nclass A(abc.ABC): pass\ntry:\n    A.register(5)\nexcept TypeError as e:\n    r = str(e)\nclass B(A): pass\ntry:\n    B.register(A)\nexcept RuntimeError as e:\n    return r, str(e)`,
    `import abc\nX = abc.ABCMeta('X', (), {'f': abc.abstractmethod(lambda self: 1)})\ntry:\n    X()\nexcept TypeError as e:\n    return str(e), type(X).__name__`,
  ])).toEqual([]);
});
