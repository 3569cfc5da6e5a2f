import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** Each call's answer or its error, in one list: a case shows many outcomes. */
const T = `def t(f):\n    try:\n        return f()\n    except Exception as e:\n        return type(e).__name__ + ': ' + str(e)\n`;

/** __new__ on plain classes as type_call runs it: __new__ with the class first, then __init__ only for an instance of the class. */
const NEW = [
  // the four combinations of __new__ and __init__, and object's excess-argument rules for each
  `${T}class A:\n    pass\nclass N:\n    def __new__(cls, *a, **k):\n        return super().__new__(cls)\nclass I:\n    def __init__(self, *a, **k):\n        pass\nclass NI:\n    def __new__(cls, *a, **k):\n        return super().__new__(cls)\n    def __init__(self, *a, **k):\n        pass\nr = []\nfor C in (A, N, I, NI):\n    r.append(t(lambda: type(C(1)).__name__))\n    r.append(t(lambda: type(C(x=1)).__name__))\n    r.append(t(lambda: type(object.__new__(C, 1)).__name__))\n    r.append(t(lambda: object.__init__(object.__new__(C), 1)))\n    r.append(t(lambda: object.__init__(object.__new__(C), x=1)))\n    r.append(t(lambda: type(object.__new__(C)).__name__))\n    r.append(t(lambda: C.__init__(object.__new__(C), 1)))\nreturn r`,
  `${T}class N:\n    def __new__(cls, *a, **k):\n        return super().__new__(cls, *a, **k)\nclass NI:\n    def __new__(cls, *a, **k):\n        return object.__new__(cls, *a)\n    def __init__(self, *a, **k):\n        super().__init__(*a, **k)\nclass I:\n    def __init__(self, *a, **k):\n        object.__init__(self, *a, **k)\nreturn t(lambda: N(1)), type(N()).__name__, type(NI()).__name__, t(lambda: NI(2)), t(lambda: I(3)), t(lambda: I(k=3)), t(lambda: type(I()).__name__)`,
  // super().__init__ outside __init__: object_init's rule by the instance's class
  `${T}class A:\n    def f(self, *a, **k):\n        return super().__init__(*a, **k)\nclass N:\n    def __new__(cls):\n        return super().__new__(cls)\n    def f(self, *a, **k):\n        return super().__init__(*a, **k)\nclass I:\n    def __init__(self):\n        pass\n    def f(self, *a, **k):\n        return super().__init__(*a, **k)\nimport datetime\nclass Z(datetime.tzinfo):\n    def f(self, *a, **k):\n        return super().__init__(*a, **k)\nreturn [t(lambda: C().f(*a, **k)) for C in (A, N, I, Z) for a, k in (((), {}), ((1,), {}), ((), {'x': 1}))]`,
  // singletons and caches
  `class S:\n    _inst = None\n    def __new__(cls, *a):\n        if cls._inst is None:\n            cls._inst = super().__new__(cls)\n            cls._inst.n = 0\n        return cls._inst\n    def __init__(self, *a):\n        self.n += 1\na = S()\nb = S(1)\nreturn a is b, a.n, S._inst is a`,
  `class Cache:\n    _made = {}\n    def __new__(cls, key):\n        if key not in cls._made:\n            obj = super().__new__(cls)\n            obj.key = key\n            obj.inits = 0\n            cls._made[key] = obj\n        return cls._made[key]\n    def __init__(self, key):\n        self.inits += 1\nx = Cache('a')\ny = Cache('a')\nz = Cache('b')\nreturn x is y, x is z, x.inits, z.inits, sorted(Cache._made)`,
  // what __new__ returns decides whether __init__ runs, and whose: the instance's own class's
  `class A:\n    def __new__(cls, v):\n        if v < 0:\n            return 'negative'\n        if v == 0:\n            return None\n        if v == 1:\n            return object.__new__(B)\n        return super().__new__(cls)\n    def __init__(self, v):\n        self.v = ('A', v)\nclass B(A):\n    def __init__(self, v):\n        self.v = ('B', v)\nclass C:\n    def __init__(self, v):\n        self.v = 'C'\ndef other(cls, v):\n    return object.__new__(C)\nr = [A(-1), A(0), A(1).v, type(A(1)).__name__, A(2).v, B(5).v, type(B(5)).__name__]\nclass D(A):\n    pass\nr.append(D(3).v)\nr.append(type(D(3)).__name__)\nA.__new__ = other\nr.append(hasattr(A(4), 'v'))\nr.append(type(A(4)).__name__)\nr.append(type(D(4)).__name__)\nreturn r`,
  // a __new__ set on a base after its subclass was made, then another: each call asks again
  `class A:\n    pass\nclass B(A):\n    pass\nb1 = type(B()).__name__\nA.__new__ = lambda cls: 5\nr = [b1, B(), A()]\nA.__new__ = staticmethod(lambda cls, *a: ('s', a))\nr.append(B(1, 2))\nreturn r`,
  `class A:\n    def __new__(cls, *a, **k):\n        return super().__new__(cls)\n    def __init__(self, x, y=2):\n        self.s = x + y\nreturn A(1).s, A(1, y=5).s, A(x=3).s`,
  `class P:\n    def __new__(cls, *args):\n        self = super().__new__(cls)\n        self.args = args\n        return self\nclass Q(P):\n    def __new__(cls, *args):\n        return super().__new__(cls, *args[::-1])\nreturn Q(1, 2, 3).args, P().args, type(Q()).__name__`,
  // __new__ is a static method by itself; a staticmethod, a classmethod or a lambda as CPython binds them
  `class A:\n    @staticmethod\n    def __new__(cls):\n        return 'static'\nclass B:\n    @classmethod\n    def __new__(cls, x):\n        return ('cm', x is cls)\nclass C:\n    __new__ = lambda cls, v: v * 2\nreturn A(), B(B), C(21)`,
  `class A:\n    def __new__(cls):\n        return super().__new__(cls)\na = A()\nreturn A.__new__ is a.__new__, type(A.__new__(A)).__name__, type(a.__new__(A)).__name__`,
  `class A:\n    pass\nclass B(A):\n    def __init__(self):\n        pass\nreturn A.__new__ is object.__new__, A.__init__ is object.__init__, type(A.__new__(A)).__name__, B.__new__ is object.__new__, type(object.__new__(object)).__name__`,
  `class A:\n    def __new__(cls):\n        return super().__new__(cls)\n    def __init__(self):\n        return 5\nreturn A()`,
  `class A:\n    def __new__(cls, x):\n        return super().__new__(cls)\nreturn A()`,
  `class A:\n    def __init__(self, x):\n        self.x = x\nclass B(A):\n    def __init__(self, x, y):\n        A.__init__(self, x)\n        self.y = y\nb = B(1, 2)\nreturn b.x, b.y, b.__init__(5, 6), b.x, b.y`,
  // object.__new__'s checks, as tp_new_wrapper's: a type, a subtype, and safe
  `${T}class L(list):\n    def __new__(cls, *a):\n        return super().__new__(cls)\nclass L2(L):\n    pass\nclass E(ValueError):\n    pass\nclass D(dict):\n    pass\nimport datetime\nclass Z(datetime.tzinfo):\n    pass\nreturn [t(lambda: type(object.__new__(T)).__name__) for T in (L, L2, E, D, Z, int, str, type, dict, object, KeyError)]`,
  `${T}return [t(f) for f in (lambda: object.__new__(1), lambda: object.__new__(), lambda: object.__new__(None, 1), lambda: object.__new__(object, 1), lambda: object.__new__(object, x=1), lambda: object.__init__(object(), 1), lambda: object.__init__(), lambda: object.__init__(5), lambda: object.__init__(5, 1), lambda: object.__init__([], 1), lambda: object.__init__({}, 1))]`,
  // a module's class written as one: a bare instance, as CPython makes it, with nothing of the class's __init__
  `${T}import calendar\nc = object.__new__(calendar.TextCalendar)\nreturn type(c).__name__, t(lambda: c.formatmonth(2020, 1)), t(lambda: calendar.TextCalendar.__new__(calendar.TextCalendar).firstweekday)`,
  // the builtin types' own, read through the type
  `${T}return t(lambda: int.__new__(int, '5')), t(lambda: str.__new__(str, 5)), t(lambda: tuple.__new__(tuple, [1])), t(lambda: list.__init__([], 1, 2)), t(lambda: int.__init__(5)), t(lambda: int.__init__(5, 1)), t(lambda: dict.__init__({}, a=1))`,
  `class T(tuple):\n    def __new__(cls, a, b):\n        return tuple.__new__(cls, (a, b))\n    def __init__(self, a, b):\n        self.s = a + b\nt = T(1, 2)\nreturn t, t.s, type(t).__name__, T.__new__(T, 3, 4)`,
  `class L(list):\n    def __init__(self, *a):\n        list.__init__(self, a)\nreturn L(1, 2, 3), len(L(4))`,
  // read from a subclass's instance: its builtin base's, bound
  `${T}class D(dict):\n    pass\nclass L(list):\n    pass\nclass I(int):\n    pass\nd = D(a=1)\nl = L([1])\nreturn t(lambda: d.__init__(b=2)), d, t(lambda: l.__init__([5, 6])), l, t(lambda: I(3).__init__()), t(lambda: D.__init__(d, c=3)), d, t(lambda: type(I.__new__(I, 4)).__name__), t(lambda: L.__new__(L)), t(lambda: D.__init_subclass__())`,
  `${T}class E(KeyError):\n    pass\ne = E('k')\nreturn t(lambda: e.__init__('z')), e.args, t(lambda: E.__init__(e, 'y')), e.args, t(lambda: e.__new__(E, 1).args), t(lambda: getattr(e, '__init_subclass__')()), hasattr(E, '__new__')`,
];

/** __new__ on an exception class: BaseException.__new__ keeps the arguments it is given, BaseException.__init__ the call's. */
const EXCEPTIONS = [
  `class E(Exception):\n    def __new__(cls, *a, **k):\n        return super().__new__(cls, *a, **k)\nr = [E(1, 2).args, str(E('m')), isinstance(E(), Exception)]\ntry:\n    E(x=1)\nexcept TypeError as e:\n    r.append(str(e))\ntry:\n    raise E('boom')\nexcept E as e:\n    r.append(repr(e))\nreturn r`,
  `class E2(ValueError):\n    def __new__(cls, x):\n        return super().__new__(cls, 'changed')\nclass E3(ValueError):\n    def __new__(cls, x):\n        return super().__new__(cls, 'changed')\n    def __init__(self, x):\n        pass\nclass E4(OSError):\n    def __new__(cls, *a):\n        return super().__new__(cls, *a)\ne4 = E4(2, 'x')\nreturn E2('orig').args, E3('orig').args, str(E3('orig')), e4.errno, e4.strerror, type(e4).__name__, str(e4)`,
  `${T}class E3(ValueError):\n    def __init__(self, x):\n        pass\nclass E4(OSError):\n    pass\nreturn t(lambda: ValueError.__new__(E3, 1).args), t(lambda: ValueError.__new__(dict)), t(lambda: ValueError.__new__(1)), t(lambda: ValueError.__new__()), t(lambda: ValueError.__new__(KeyError, 'a').args), t(lambda: ValueError.__new__(OSError, 'a')), t(lambda: Exception.__new__(E4, 'a')), t(lambda: Exception.__init__(E3(1), 5)), t(lambda: type(KeyError.__new__(KeyError, 1)).__name__)`,
  `class K(Exception):\n    def __new__(cls, *a):\n        return 5\nreturn K(1)`,
  // raise of the class calls it: what its __new__ answers must be an exception
  `class E(Exception):\n    def __new__(cls, *a):\n        return 5\ntry:\n    raise E\nexcept TypeError as e:\n    return str(e)`,
  `class E(Exception):\n    def __new__(cls, *a):\n        return super().__new__(cls, 'made')\ntry:\n    raise E\nexcept E as e:\n    return e.args`,
  `class K(Exception):\n    def __new__(cls, *a):\n        return ValueError('other')\nreturn repr(K(1))`,
  `class AppError(Exception):\n    def __init__(self, msg, code):\n        Exception.__init__(self, msg)\n        self.code = code\ntry:\n    raise AppError('bad', 3)\nexcept AppError as e:\n    return e.args, e.code, str(e)`,
  `class E(KeyError):\n    def __new__(cls, key):\n        self = super().__new__(cls, key)\n        self.seen = key\n        return self\ntry:\n    raise E('k')\nexcept KeyError as e:\n    return str(e), e.seen, e.args`,
];

it('calls __new__ on plain classes as CPython 3.11 does', () => {
  expect(compareWithCPython(NEW)).toEqual([]);
});

it('calls __new__ on exception classes as CPython 3.11 does', () => {
  expect(compareWithCPython(EXCEPTIONS)).toEqual([]);
});

it('refuses, in clear words, the __new__ it does not build', () => {
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error(`import collections\nreturn collections.deque.__init__`)).toBe("UnsupportedError: 'collections.deque.__init__' is not available in conditions: the evaluator does not build it");
  expect(error(`return bytearray.__init__`)).toBe("UnsupportedError: 'bytearray.__init__' is not available in conditions: the evaluator does not build it");
  // a builtin value's own: neither an AttributeError CPython would not raise, nor the host's
  expect(error(`return (5).__init__`)).toBe("UnsupportedError: 'int' object.__init__ is not available in conditions: the evaluator does not build it");
  expect(error(`return len.__new__`)).toBe("UnsupportedError: 'builtin_function_or_method' object.__new__ is not available in conditions: the evaluator does not build it");
});

it('holds a hostile __new__ to the limits, and shared classes unwritable', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error(`class A:\n    def __new__(cls):\n        return A()\nreturn A()`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  expect(error(`class A:\n    def __new__(cls):\n        while True:\n            pass\nreturn A()`)).toMatch(/^StepLimitError/);
  expect(error(`class A:\n    def __new__(cls):\n        return object.__new__(cls)\nwhile True:\n    A()`)).toMatch(/^StepLimitError/);
  // a __new__ set and deleted again and again: each class asks again, each store a step
  expect(error(`class A:\n    pass\nclass B(A):\n    pass\nf = lambda cls: 1\nwhile True:\n    A.__new__ = f\n    B()\n    del A.__new__\n    B()`)).toMatch(/^StepLimitError/);
  // __new__ and __init__ each a frame: a chain of them ends at the recursion limit
  expect(error(`class A:\n    def __new__(cls, n):\n        return super().__new__(cls)\n    def __init__(self, n):\n        self.next = A(n - 1) if n else None\nreturn A(5000)`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  // the module's classes and the builtin types stay unwritable through __new__ and __init__
  expect(error(`import calendar\ncalendar.TextCalendar.__new__ = lambda cls: 1`)).toMatch(/^UnsupportedError: cannot set 'calendar.TextCalendar.__new__'/);
  expect(error(`object.__init__ = lambda self: 1`)).toBe("TypeError: cannot set '__init__' attribute of immutable type 'object'");
  expect(error(`int.__new__ = lambda cls: 1`)).toBe("TypeError: cannot set '__new__' attribute of immutable type 'int'");
  expect(error(`del object.__new__`)).toBe("TypeError: cannot set '__new__' attribute of immutable type 'object'");
});
