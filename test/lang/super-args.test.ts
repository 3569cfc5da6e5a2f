/**
 * super as a builtin: super(C, obj) and super(C, cls) of any class in obj's order, super(C)
 * unbound, the builtin's errors, and super() with no arguments where CPython's reads its
 * frame: the first argument of the function it is called in (a lambda's, a nested def's, a
 * comprehension's iterator), with the class of the body around it, against CPython 3.11.
 */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython } from '../support/cpython.js';

const CASES = [
  `class A:
    def f(self):
        return 'A.f'
class B(A):
    def f(self):
        return 'B' + super(B, self).f()
return B().f()`,
  `class A:
    def __init__(self, x):
        self.x = x
class B(A):
    def __init__(self, x):
        super(B, self).__init__(x * 2)
return B(2).x`,
  `class A:
    @classmethod
    def make(cls):
        return cls.__name__
class B(A):
    @classmethod
    def make(cls):
        return 'B:' + super(B, cls).make()
return B.make()`,
  `class A: pass
class B(A): pass
return repr(super(B, B())).startswith('<super: <class'), repr(super(B))`,
  `return super()`,
  `def f(x):
    return super()
return f(1)`,
  `return super(1, 2)`,
  `class A: pass
return super(A, 1)`,
  `class A: pass
return super(A, 1, 2)`,
  `class A: pass
return super(A, obj=1)`,
  `class A: pass
return super(A).foo`,
  `class A: pass
return type(super(A, A())).__name__, isinstance(super(A, A()), super), super.__name__`,
  `class A:
    def f(self):
        return 1
class B(A):
    pass
class C(B):
    def f(self):
        return super(B, self).f() + 10
return C().f()`,
  `class A:
    def f(self):
        return 1
class B(A):
    def f(self):
        return super(A, self).f()
return B().f()`,
  `class D(dict):
    def __setitem__(self, k, v):
        super(D, self).__setitem__(k, v * 2)
d = D()
d['a'] = 2
return d`,
  `class E(Exception):
    def __init__(self, m):
        super(E, self).__init__('E: ' + m)
return str(E('x'))`,
  `class A: pass
return super(A, A)`,
  `class L(list):
    def append(self, x):
        super(L, self).append(x)
        super(L, self).append(x)
l = L()
l.append(1)
return l`,
  `class A:
    def f(self):
        g = lambda: super(A, self)
        return g()
return type(A().f()).__name__`,
  `super = 5
return super`,
  `return [super() for x in [1]]`,
  `return (lambda: super())()`,
  `return (lambda x: super())(1)`,
  `def f(*a):
    return super()
return f(1)`,
  `def f(a, *, b):
    return super()
return f(1, b=2)`,
  `class A:
    def f(self):
        def g(x):
            return super()
        return g(1)
return A().f()`,
  `class A:
    def f(self):
        return [super() for x in [1]]
return A().f()`,
  `class A:
    def g(self):
        return (lambda: super())()
return A().g()`,
  `class A:
    def i(self):
        return (lambda s=1: super())()
return A().i()`,
  `class A:
    def i(self):
        return (lambda s: super())(self).__class__.__name__
return A().i()`,
  `class A:
    def f(self):
        del self
        return super()
return A().f()`,
  `class A:
    x = super()
return 1`,
  `class A:
    def f(self):
        class B:
            y = super()
        return 1
return A().f()`,
  `class A:
    def f(self):
        class B:
            def g(s):
                return super().__class__.__name__
        return B().g()
return A().f()`,
  `class A:
    def f(*args):
        return super().__class__.__name__
return A().f()`,
  `class A:
    def f(*args):
        return super()
return A.f()`,
  `class A:
    @staticmethod
    def f():
        return super()
return A.f()`,
  `class A:
    @classmethod
    def f(cls):
        return super().__class__.__name__
return A.f()`,
  `class A:
    def f(self):
        return list(super().__class__.__name__ for _ in [1])
return A().f()`,
];

it('calls super with and without arguments as CPython does', () => {
  expect(compareWithCPython(CASES, new Engine({ maxMillis: 10_000 }))).toEqual([]);
});
