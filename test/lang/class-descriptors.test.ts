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

/** A condition's own descriptors: __get__, __set__ and __delete__ from instances, classes and super(), in CPython's order and words. */
const OWN_DESCRIPTORS = [
  `class D:\n    def __init__(self):\n        self.store = {}\n    def __get__(self, obj, owner=None):\n        if obj is None:\n            return self\n        return self.store.get(obj.k, 'unset')\n    def __set__(self, obj, v):\n        self.store[obj.k] = v * 2\n    def __delete__(self, obj):\n        del self.store[obj.k]\nclass A:\n    x = D()\n    def __init__(self, k):\n        self.k = k\na = A(1)\nr = [a.x]\na.x = 5\nr.append(a.x)\ndel a.x\nr.append(a.x)\nr.append(type(A.x).__name__)\nreturn r`,
  `class Ten:\n    def __get__(self, obj, objtype=None):\n        return 10\nclass A:\n    x = Ten()\na = A()\na.x = 3\nr = [a.x, A.x]\ndel a.x\nr.append(a.x)\nreturn r`,
  `class Data:\n    def __get__(self, obj, t):\n        return 'data'\n    def __set__(self, obj, v):\n        raise AttributeError('read only!')\nclass A:\n    x = Data()\na = A()\ntry:\n    a.x = 1\nexcept AttributeError as e:\n    return a.x, str(e)`,
  `class OnlySet:\n    def __set__(self, obj, v):\n        obj.seen = v\nclass A:\n    x = OnlySet()\na = A()\nr = [type(a.x).__name__, type(A.x).__name__]\na.x = 4\nr.append(a.seen)\nreturn r`,
  `class OnlyDelete:\n    def __get__(self, obj, t):\n        return 'g'\n    def __delete__(self, obj):\n        obj.deleted = True\nclass A:\n    x = OnlyDelete()\na = A()\ndel a.x\ntry:\n    a.x = 1\nexcept AttributeError as e:\n    return a.x, a.deleted, str(e)`,
  `class OnlySet:\n    def __get__(self, obj, t):\n        return 'g'\n    def __set__(self, obj, v):\n        pass\nclass A:\n    x = OnlySet()\ntry:\n    del A().x\nexcept AttributeError as e:\n    return str(e), e.args`,
  `class D:\n    __set__ = 1\n    def __get__(self, o, t):\n        return 1\nclass A:\n    x = D()\nA().x = 2`,
  `class D:\n    __get__ = None\nclass A:\n    x = D()\nreturn A().x`,
  `class D:\n    @staticmethod\n    def __get__(self, obj, t):\n        return ('static', type(self).__name__, obj is None)\nclass A:\n    x = D()\nreturn A().x, A.x`,
  `class D:\n    @classmethod\n    def __get__(cls, obj, t):\n        return cls.__name__\nclass A:\n    x = D()\nreturn A().x`,
  `class D:\n    def __get__(self, obj, t=None):\n        return 'D'\nclass A:\n    x = D()\nclass B(A):\n    def get(self):\n        return super().x\n    @classmethod\n    def cget(cls):\n        return super().x\nreturn B().get(), B.cget(), B.x, B().x`,
  `class D:\n    def __get__(self, obj, t):\n        return (obj, t)\nclass A:\n    x = D()\nclass B(A):\n    pass\nb = B()\nr = B().x\nreturn r[1].__name__, A.x[1].__name__, B.x[1].__name__, A.x[0]`,
  `class Cached(property):\n    def __get__(self, obj, t=None):\n        if obj is None:\n            return self\n        return ('cached', self.fget(obj))\nclass A:\n    @Cached\n    def v(self):\n        return 3\nreturn A().v, type(A.v).__name__`,
  `class P(property):\n    def __set__(self, obj, v):\n        obj.other = v\nclass A:\n    @P\n    def v(self):\n        return 3\n    @v.deleter\n    def v(self):\n        self.gone = True\na = A()\na.v = 9\ndel a.v\nreturn a.v, a.other, a.gone`,
  `class P(property):\n    pass\nclass A:\n    @P\n    def v(self):\n        return 3\na = A()\ntry:\n    a.v = 1\nexcept AttributeError as e:\n    return a.v, str(e)`,
  `def f(*a):\n    return len(a)\nclass A:\n    g = f\na = A()\na.h = f\nreturn a.g(), a.h(), A.g()`,
  `class A:\n    @staticmethod\n    def s():\n        return 's'\n    @classmethod\n    def c(cls):\n        return cls.__name__\na = A()\na.s2 = A.s\na.c2 = A.c\nreturn a.s2(), a.c2(), a.s(), a.c()`,
  `class D:\n    def __get__(self, obj, t):\n        return lambda: 'from D'\nclass A:\n    f = D()\n    def __init__(self):\n        self.f = lambda: 'own'\nreturn A().f()`,
  `class D:\n    def __get__(self, obj, t):\n        return lambda: 'from D'\n    def __set__(self, obj, v):\n        pass\nclass A:\n    f = D()\n    def __init__(self):\n        self.f = lambda: 'own'\nreturn A().f()`,
  `class D:\n    def __get__(self, obj, t):\n        return 'init?'\nclass A:\n    __init__ = D()\nA()`,
  `class D:\n    def __get__(self, obj, t):\n        return lambda *a: 'called'\nclass A:\n    __call__ = D()\n    __len__ = D()\nreturn A()()`,
  `class D:\n    def __get__(self, obj, t):\n        return lambda: 5\nclass A:\n    __len__ = D()\nreturn len(A())`,
  `class D:\n    def __get__(self, obj, t):\n        raise AttributeError('nope')\nclass A:\n    x = D()\nreturn hasattr(A(), 'x'), getattr(A(), 'x', 'dflt')`,
  `class D:\n    def __get__(self, obj, t):\n        raise ValueError('bad')\nclass A:\n    x = D()\nreturn hasattr(A(), 'x')`,
  `class D:\n    def __get__(self, obj, t):\n        return 'desc'\nclass A:\n    pass\nA.x = D()\na = A()\nreturn a.x, A.x`,
  `class D:\n    def __get__(self, obj, t):\n        return 'desc'\nclass L(list):\n    x = D()\nreturn L([1]).x, L.x`,
  `class D:\n    def __get__(self, obj, t):\n        return 'desc'\nclass Dd(dict):\n    x = D()\nreturn Dd().x, Dd.x`,
  `class D:\n    def __get__(self, obj, t):\n        return obj\nclass S(staticmethod):\n    def __get__(self, obj, t=None):\n        return 'sm-get'\nclass A:\n    @S\n    def f():\n        return 1\nreturn A.f, A().f`,
  `class Desc:\n    def __get__(self, obj, t):\n        return 'meta?'\nclass A:\n    pass\nclass B:\n    a = A\n    d = Desc\nreturn B.a.__name__, B().d.__name__`,
  `class D:\n    def __get__(self, obj, t):\n        return 'desc'\n    def __set__(self, obj, v):\n        obj.seen = v\nclass E(Exception):\n    x = D()\ntry:\n    e = E('m')\n    e.x = 4\n    raise e\nexcept E as e:\n    return e.x, E.x, e.seen`,
  `class D:\n    def __set__(self, obj, v):\n        pass\nclass A:\n    f = D()\na = A()\nreturn type(a.f).__name__`,
  `class D:\n    def __get__(self, obj, t):\n        return obj.k if obj is not None else 'cls'\n    def __set__(self, obj, v):\n        obj.k = v + 1\nclass A:\n    x = D()\nclass B(A):\n    pass\nb = B()\nb.x = 1\nB.x = 5\nreturn b.x, A.x, B.x`,
  `class Typed:\n    def __init__(self, kind):\n        self.kind = kind\n    def __set_name__(self, owner, name):\n        self.name = '_' + name\n    def __get__(self, obj, t=None):\n        return self if obj is None else obj.vals[self.name]\n    def __set__(self, obj, v):\n        if not isinstance(v, self.kind):\n            raise TypeError(f'{self.name[1:]} must be {self.kind.__name__}')\n        obj.vals[self.name] = v\nclass Rec:\n    n = Typed(int)\n    s = Typed(str)\n    def __init__(self, n, s):\n        self.vals = {}\n        self.n, self.s = n, s\nr = Rec(1, 'a')\ntry:\n    r.n = 'x'\nexcept TypeError as e:\n    return r.n, r.s, str(e), type(Rec.n).__name__`,
  `class D:\n    def __get__(self, obj, t):\n        return 'g'\nclass A:\n    x = D()\nclass B(A):\n    x = 3\nreturn B().x, A().x`,
  `class D:\n    def __get__(self, obj, t):\n        return 'g'\nclass M:\n    x = D()\nclass N:\n    x = 2\nclass C(N, M):\n    pass\nclass C2(M, N):\n    pass\nreturn C().x, C2().x`,
  `class D:\n    def __get__(*args):\n        return len(args)\nclass A:\n    x = D()\nreturn A().x, A.x`,
  `class D:\n    def __get__(self, obj):\n        return 1\nclass A:\n    x = D()\nreturn A().x`,
  `class D:\n    def __get__(self, obj, t):\n        return 1\n    def __delete__(self, obj, extra):\n        pass\nclass A:\n    x = D()\ndel A().x`,
  `class D:\n    def __get__(self, obj, t):\n        return t\nclass A:\n    @classmethod\n    def f(cls):\n        return cls\n    x = D()\nclass B(A):\n    pass\nreturn B.f().__name__, B().x.__name__, A.x.__name__`,
  `class D:\n    def __get__(self, obj, t):\n        return 'D'\n    def __set__(self, obj, v):\n        pass\nclass S:\n    def __set__(self, obj, v):\n        pass\nclass N:\n    def __get__(self, obj, t):\n        return 'N'\nclass A:\n    pass\na = A()\na.x = a.y = a.z = 'own'\nA.x, A.y, A.z = D(), S(), N()\nreturn a.x, a.y, a.z`,
];

it("calls a condition's own descriptors as CPython does", () => {
  expect(compareWithCPython(OWN_DESCRIPTORS)).toEqual([]);
});

/** Descriptors that are instances of builtin types' subclasses (int, list, dict, an exception), on classes of every kind of instance. */
const INSTANCE_KINDS = [
  `class N(int):\n    def __get__(self, obj, t):\n        return int(self) + 100\nclass A:\n    x = N(3)\nreturn A().x, A.x`,
  `class L(list):\n    def __get__(self, obj, t):\n        return len(self)\n    def __set__(self, obj, v):\n        self.append(v)\nclass A:\n    x = L([1])\na = A()\na.x = 5\nreturn a.x, A.x`,
  `class E(Exception):\n    def __get__(self, obj, t):\n        return 'exc-desc'\nclass A:\n    x = E('m')\nreturn A().x`,
  `class Dd(dict):\n    def __get__(self, obj, t):\n        return self.get('k')\nclass A:\n    x = Dd(k=9)\nreturn A().x, A.x`,
  `class D:\n    def __get__(self, obj, t):\n        return 'g'\nclass A(int):\n    x = D()\n    def __add__(self, o):\n        return 'added'\nreturn A(1).x, A.x, A(1) + 1`,
  `class D:\n    def __get__(self, obj, t):\n        return 'g'\n    def __set__(self, obj, v):\n        obj.store = v\nclass S(str):\n    x = D()\ns = S('a')\ns.x = 5\nreturn s.x, s.store`,
  `import collections\nclass D:\n    def __get__(self, obj, t):\n        return 'g'\nclass Q(collections.deque):\n    x = D()\nreturn Q().x, Q.x`,
  `from collections import namedtuple\nclass D:\n    def __get__(self, obj, t):\n        return 'g'\nclass P(namedtuple('P', 'a b')):\n    __slots__ = ()\n    x = D()\np = P(1, 2)\nreturn p.x, P.x, p.a`,
];

it('calls descriptors of every kind of instance as CPython does', () => {
  expect(compareWithCPython(INSTANCE_KINDS)).toEqual([]);
});

/** classmethod over a descriptor (3.11's cm_descr_get: a class property), staticmethod over one, and a callable descriptor. */
const WRAPPED = [
  `class A:\n    @classmethod\n    @property\n    def p(cls):\n        return cls.__name__\nclass B(A):\n    pass\nreturn A.p, B.p, A().p, B().p`,
  `class D:\n    def __get__(self, obj, t):\n        return ('D', obj.__name__, t.__name__)\nclass A:\n    d = classmethod(D())\nclass B(A):\n    pass\nreturn A.d, B().d`,
  `class A:\n    s = classmethod(staticmethod(lambda *a: len(a)))\n    c = classmethod(classmethod(lambda *a: [x.__name__ for x in a]))\nreturn A.s(), A().s(), A.c(), A().c()`,
  `class A:\n    s = staticmethod(classmethod(lambda *a: len(a)))\n    p = staticmethod(property(lambda self: 1))\nreturn type(A.s).__name__, type(A.p).__name__`,
  `class A:\n    c = classmethod(len)\nreturn A.c()`,
  `class D:\n    def __get__(self, obj, t):\n        return 'got'\nclass A:\n    s = staticmethod(D())\nreturn type(A.s).__name__, type(A().s).__name__`,
  `class D:\n    def __get__(self, obj, t):\n        return 'got'\n    def __call__(self, *a):\n        return 'called'\nclass A:\n    m = D()\nreturn A.m, A().m`,
  `class A:\n    @classmethod\n    @property\n    def p(cls):\n        return 1\n    @p.setter\n    def p(cls, v):\n        pass\nreturn A.p`,
];

it('binds classmethods and staticmethods of descriptors as CPython 3.11 does', () => {
  expect(compareWithCPython(WRAPPED)).toEqual([]);
});

/** __set_name__ at class creation, in definition order, and its failure wrapped as CPython 3.11 wraps it. */
const SET_NAME = [
  `class D:\n    def __set_name__(self, owner, name):\n        self.name = name\n        self.owner = owner.__name__\n    def __get__(self, obj, t):\n        return (self.name, self.owner)\nclass A:\n    first = D()\n    second = D()\nreturn A().first, A.second`,
  `order = []\nclass D:\n    def __init__(self, tag):\n        self.tag = tag\n    def __set_name__(self, owner, name):\n        order.append((self.tag, name))\nclass A:\n    b = D(1)\n    a = D(2)\n    c = D(3)\nreturn order`,
  `class D:\n    def __set_name__(self, owner, name):\n        raise ValueError('no ' + name)\nclass A:\n    x = D()`,
  `class D:\n    def __set_name__(self, owner, name):\n        raise ValueError('no ' + name)\ntry:\n    class A:\n        x = D()\nexcept RuntimeError as e:\n    return str(e), repr(e.__cause__)`,
  `class D:\n    def __set_name__(self, owner):\n        pass\nclass A:\n    x = D()`,
  `class D:\n    __set_name__ = 5\nclass A:\n    x = D()`,
  `shared = []\nclass D:\n    def __set_name__(self, owner, name):\n        shared.append(name)\nd = D()\nclass A:\n    x = d\n    y = d\nclass B(A):\n    pass\nreturn shared`,
  `class D:\n    def __set_name__(self, owner, name):\n        owner.extra = D()\nclass A:\n    x = D()\nreturn type(A.extra).__name__`,
  `class D:\n    def __set_name__(self, owner, name):\n        self.where = (owner.__name__, name)\nclass A:\n    x = D()\nclass B(A):\n    y = D()\nreturn A.x.where, B.y.where, B.x.where`,
  `class D:\n    def __set_name__(self, owner, name):\n        raise AttributeError('inner')\ntry:\n    class Outer:\n        member = D()\nexcept AttributeError:\n    return 'attr'\nexcept RuntimeError as e:\n    return 'runtime', str(e), str(e.__cause__)`,
  `class P(property):\n    def __set_name__(self, owner, name):\n        self.named = name\nclass A:\n    @P\n    def v(self):\n        return 1\nreturn A().v, A.v.named`,
  `class D:\n    def __set_name__(self, owner, name):\n        pass\nX = type('X', (), {'d': D()})\nreturn X.__name__`,
  `seen = []\nclass D:\n    def __set_name__(self, owner, name):\n        seen.append(name)\nX = type('X', (), {'b': D(), 'a': D()})\nreturn seen`,
];

it('calls __set_name__ as CPython does', () => {
  expect(compareWithCPython(SET_NAME)).toEqual([]);
});

/** A property's name in its errors is prop_name: what __set_name__ told it (a copy keeps it), none for one set after the class was made. */
const PROPERTY_NAMES = [
  "class A:\n    pass\nA.p = property(None, lambda s, v: None)\ntry:\n    A().p\nexcept AttributeError as e:\n    return str(e)",
  "class A:\n    pass\nA.p = property(lambda s: 1)\nr = []\na = A()\ntry:\n    a.p = 2\nexcept AttributeError as e:\n    r.append(str(e))\ntry:\n    del a.p\nexcept AttributeError as e:\n    r.append(str(e))\nreturn r",
  "p = property(None)\nclass A:\n    q = p\nclass B:\n    r = p\ntry:\n    A().q\nexcept AttributeError as e:\n    return str(e)",
  "class A:\n    @property\n    def p(self): return 1\nB = type('B', (), {'q': A.p.setter(None)})\nA.s = A.p.deleter(None)\nr = []\nfor o, n in [(B(), 'q'), (A(), 's')]:\n    try:\n        delattr(o, n)\n    except AttributeError as e:\n        r.append(str(e))\nreturn r",
  "class P(property):\n    pass\nclass A:\n    x = P(None)\nA.y = P(None)\nr = []\nfor n in 'xy':\n    try:\n        getattr(A(), n)\n    except AttributeError as e:\n        r.append(str(e))\nreturn r",
  "class P(property):\n    def __set_name__(self, owner, name):\n        super().__set_name__(owner, name.upper())\nclass A:\n    x = P(None)\ntry:\n    A().x\nexcept AttributeError as e:\n    return str(e)",
  "import uuid\nu = uuid.UUID(int=1)\nclass A:\n    h = uuid.UUID.hex\nreturn A.h.fget(u)[-2:]",
];

it("names a property in its errors as CPython 3.11 does", () => {
  expect(compareWithCPython(PROPERTY_NAMES)).toEqual([]);
});

// a property's __doc__: given, or its getter's taken when it is made (getter_doc), kept or taken anew by its copies; fget, fset and fdel are read-only
const PROPERTY_DOCS = [
  "class A:\n    @property\n    def x(self):\n        'the x'\n        return 1\n    @property\n    def y(self): return 1\n    z = property(lambda s: 1, doc='zz')\nreturn A.x.__doc__, A.y.__doc__, A.z.__doc__",
  "class A:\n    @property\n    def x(self):\n        'the x'\n        return 1\n    a = x.__doc__\n    x.__doc__ = 'd'\n    @x.setter\n    def x(self, v): pass\n    b = x.__doc__\n    @x.getter\n    def x(self): return 2\nreturn A.a, A.b, A.x.__doc__",
  "class A:\n    x = property(lambda s: 1, doc='given')\n    @x.getter\n    def x(self):\n        'own'\n        return 2\n    y = property(lambda s: 1, doc='none')\n    del y.__doc__\n    z = property(lambda s: 1)\n    w = property(lambda s: 1, doc='w')\n    w.__doc__ = None\n    @w.setter\n    def w(self, v): pass\nreturn A.x.__doc__, A.y.__doc__, A.z.__doc__, A.w.__doc__",
  "class A:\n    def g(self):\n        'g doc'\n    x = property(g)\n    g.__doc__ = 'changed'\n    y = x.setter(lambda s, v: 1)\n    def h(self):\n        pass\n    u = x.getter(h)\nreturn A.x.__doc__, A.y.__doc__, A.u.__doc__",
  "class A:\n    def g(self):\n        pass\n    x = property(g, doc='d0')\n    x.__doc__ = 'stored'\n    v = x.setter(lambda s, v: 1)\n    def h(self):\n        pass\n    y = property(h)\n    y.__doc__ = 'stored'\n    w = y.setter(lambda s, v: 1)\nreturn A.v.__doc__, A.w.__doc__",
  "class A:\n    @property\n    def x(self): return 1\nout = []\nfor n in ['fget', 'fset', 'fdel', 'foo']:\n    try:\n        setattr(A.x, n, None)\n    except AttributeError as e:\n        out.append((n, str(e)))\n    try:\n        delattr(A.x, n)\n    except AttributeError as e:\n        out.append((n, str(e)))\nreturn out",
  "import operator\nclass A:\n    x = property(operator.itemgetter(0))\n    y = x.setter(lambda s, v: 1)\nreturn A.x.fget is A.y.fget, A.y.fset is not None",
];

it("reads and sets a property's __doc__ as CPython 3.11 does", () => {
  expect(compareWithCPython(PROPERTY_DOCS)).toEqual([]);
  // a library's property is shared by every condition: its __doc__ stays as it is
  expect(evaluator(new Engine(), { source: `import uuid\nuuid.UUID.hex.__doc__ = 'x'` }).error).toMatch(/^UnsupportedError: setting a library property's '__doc__'/);
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
  // a condition's descriptor whose __get__, __set__, __delete__ or __set_name__ meets itself recurses to the limit: each is a call of its own
  expect(run(`class D:\n    def __get__(self, obj, t):\n        return obj.x\nclass A:\n    x = D()\nreturn A().x`)).toBe('RecursionError: maximum recursion depth exceeded');
  expect(run(`class D:\n    def __get__(self, obj, t):\n        return 1\n    def __set__(self, obj, v):\n        obj.x = v\nclass A:\n    x = D()\nA().x = 1`)).toBe('RecursionError: maximum recursion depth exceeded');
  expect(run(`class D:\n    def __get__(self, obj, t):\n        return 1\n    def __delete__(self, obj):\n        del obj.x\nclass A:\n    x = D()\ndel A().x`)).toBe('RecursionError: maximum recursion depth exceeded');
  // CPython wraps its RecursionError in __set_name__'s RuntimeError; a limit's error here ends the run as it is
  expect(run(`class D:\n    def __set_name__(self, owner, name):\n        class Inner:\n            y = D()\nclass A:\n    x = D()`)).toBe('RecursionError: maximum recursion depth exceeded');
  expect(run(`class D:\n    def __get__(self, obj, t):\n        while True:\n            pass\nclass A:\n    x = D()\nreturn A().x`)).toMatch(/^StepLimitError/);
  // no descriptor reaches a shared class, a module or a builtin type: each store is refused before it
  expect(run(`import calendar\nclass D:\n    def __get__(self, obj, t):\n        return 'hooked'\ncalendar.Calendar.firstweekday = D()`)).toMatch(/^UnsupportedError: cannot set 'calendar.Calendar.firstweekday'/);
  expect(run(`import re\nclass D:\n    def __set__(self, obj, v):\n        pass\nre.x = D()`)).toMatch(/^UnsupportedError: cannot set 're.x'/);
  expect(run(`class D:\n    def __get__(self, obj, t):\n        return 'hooked'\nobject.x = D()`)).toBe("TypeError: cannot set 'x' attribute of immutable type 'object'");
  expect(run(`class D:\n    def __get__(self, obj, t):\n        return 'hooked'\nint.x = D()`)).toBe("TypeError: cannot set 'x' attribute of immutable type 'int'");
  // a class's own dunders are set in its body only
  expect(run(`class D:\n    pass\nD.__get__ = lambda *a: 1`)).toBe("SyntaxError: names with double underscores ('__get__') are not allowed in conditions");
  // a property object reaches no function's internals
  expect(run(`return property(len).fget.__globals__`)).toBe("SyntaxError: '__globals__' is not available in conditions: a function's globals hold CPython's builtins module, whose __import__, open and eval reach the host");
  expect(run(`return getattr(property(), '__get__')`)).toBe("UnsupportedError: names with double underscores ('__get__') are not allowed in conditions");
});
