import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

const CASES = [
  `class M(type):\n    def __new__(mcls, name, bases, ns, **kw):\n        ns['added'] = kw\n        return super().__new__(mcls, name, bases, ns)\n    def __init__(cls, name, bases, ns, **kw):\n        super().__init__(name, bases, ns)\nclass A(metaclass=M, x=1):\n    def f(self):\n        return super().__repr__()[:3]\nclass B(A):\n    pass\nreturn type(A).__name__, type(B).__name__, A.added, B.added, A().f(), A.__qualname__, B.__mro__`,
  `class M(type):\n    @classmethod\n    def __prepare__(mcls, name, bases, **kw):\n        return {'pre': 5}\nclass A(metaclass=M):\n    x = pre + 1\nreturn A.x, A.pre`,
  `class M(type):\n    @classmethod\n    def __prepare__(mcls, name, bases):\n        return 5\nclass A(metaclass=M):\n    pass`,
  `class M(type):\n    def __call__(cls, *a, **k):\n        r = super().__call__(*a, **k)\n        r.made = True\n        return r\nclass A(metaclass=M):\n    def __init__(self, v):\n        self.v = v\na = A(3)\nreturn a.v, a.made`,
  `class M(type):\n    def __instancecheck__(cls, obj):\n        return obj == 5\n    def __subclasscheck__(cls, sub):\n        return sub is int\nclass A(metaclass=M):\n    pass\nreturn isinstance(5, A), isinstance(6, A), isinstance(A(), A), issubclass(int, A), issubclass(str, A), issubclass(A, A), issubclass(3, A), isinstance(5, (str, A))`,
  `class M(type): pass\nclass N(type): pass\nclass A(metaclass=M): pass\nclass B(metaclass=N): pass\nclass C(A, B): pass`,
  `class M(type): pass\nclass A(metaclass=M): pass\nX = type('X', (A,), {})\nreturn type(X).__name__`,
  `class E:\n    def __mro_entries__(self, bases):\n        return (int,)\nclass A(E()):\n    pass\nreturn A.__mro__, A.__orig_bases__[0].__class__.__name__, A(4) + 1`,
  `class E:\n    def __mro_entries__(self, bases):\n        return (int,)\nreturn type('A', (E(),), {})`,
  `def meta(name, bases, ns, **kw):\n    return (name, bases, sorted(ns), kw)\nclass A(int, metaclass=meta, k=1):\n    '''doc'''\n    x = 1\nreturn A`,
  `class M(type):\n    def __new__(mcls, name, bases, ns):\n        return super().__new__(mcls, name, bases, ns)\nclass A(metaclass=M):\n    def __init_subclass__(cls, **kw):\n        cls.kw = kw\nclass B(A, k=2): pass\nreturn B.kw`,
];

it('scratch', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});
