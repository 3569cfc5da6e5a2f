import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** __init_subclass__ and a class statement's keywords, as type_new and __build_class__ take them. */
const INIT_SUBCLASS = [
  `seen = []\nclass A:\n    def __init_subclass__(cls, **kw):\n        seen.append((cls.__name__, sorted(kw.items())))\n        super().__init_subclass__()\nclass B(A, x=1):\n    pass\nclass C(B):\n    pass\nclass D(C, y=2, z=3):\n    pass\nreturn seen`,
  `class A:\n    def __init_subclass__(cls, **kw):\n        super().__init_subclass__(**kw)\nclass B(A, flag=1):\n    pass`,
  `class A:\n    def __init_subclass__(cls, **kw):\n        super().__init_subclass__(1)\nclass B(A):\n    pass`,
  `class B(flag=1):\n    pass`,
  `class B(object, flag=1):\n    pass`,
  `class A:\n    def __init_subclass__(cls, **kw):\n        return 5\nclass B(A):\n    pass\nreturn B.__name__`,
  // a registry of plugins, the idiom __init_subclass__ is for
  `registry = {}\nclass Plugin:\n    def __init_subclass__(cls, name=None, **kw):\n        super().__init_subclass__(**kw)\n        registry[name or cls.__name__] = cls\n        cls.tag = name\nclass Csv(Plugin, name='csv'):\n    pass\nclass Json(Plugin):\n    pass\nreturn sorted(registry), Csv.tag, Json.tag, registry['csv'] is Csv`,
  `out = []\nclass D:\n    @classmethod\n    def __init_subclass__(cls, a, b=2):\n        out.append((cls.__name__, a, b))\nclass E(D, a=1):\n    pass\ntry:\n    class F(D):\n        pass\nexcept TypeError as e:\n    out.append(str(e))\nreturn out`,
  `E = 'unbound'\nclass D:\n    def __init_subclass__(cls, **kw):\n        raise ValueError('no ' + cls.__name__)\ntry:\n    class E(D):\n        pass\nexcept ValueError as e:\n    return str(e), E`,
  `class D:\n    __init_subclass__ = 5\nclass E(D):\n    pass`,
  `out = []\nclass D:\n    @staticmethod\n    def __init_subclass__(*a, **kw):\n        out.append((a, kw))\nclass E(D, q=1):\n    pass\nreturn out`,
  // the nearest base's only, each calling on by super()
  `class A:\n    def __init_subclass__(cls):\n        cls.made = True\n        super().__init_subclass__()\nclass B(A):\n    def __init_subclass__(cls):\n        cls.twice = True\n        super().__init_subclass__()\nclass C(B):\n    pass\nreturn C.made, C.twice, hasattr(B, 'twice'), B.made, hasattr(A, 'made')`,
  `class A:\n    def __init_subclass__(cls, **kw):\n        cls.order = [k for k in kw]\nclass M1:\n    pass\nclass B(M1, A, z=1, a=2):\n    pass\nclass C(A, M1, **{'q': 1}, b=2):\n    pass\nreturn B.order, C.order`,
  // a class method by itself, read through the class or an instance, and object's takes nothing
  `class A:\n    def __init_subclass__(cls):\n        pass\nr = [A.__init_subclass__(), A().__init_subclass__()]\ntry:\n    A.__init_subclass__(1)\nexcept TypeError as e:\n    r.append(str(e))\nr.append(object.__init_subclass__())\nfor f in (lambda: object.__init_subclass__(1), lambda: object.__init_subclass__(x=1), lambda: int.__init_subclass__(x=1)):\n    try:\n        f()\n    except TypeError as e:\n        r.append(str(e))\nreturn r`,
  `class A:\n    pass\ntry:\n    A.__init_subclass__(x=1)\nexcept TypeError as e:\n    return str(e)`,
  // the class's own methods and super() work in it: its __class__ cell is set first
  `class A:\n    def __init_subclass__(cls):\n        cls.m()\nclass B(A):\n    @classmethod\n    def m(cls):\n        cls.v = super().m if hasattr(super(), 'm') else 'none'\nreturn B.v`,
  // on subclasses of builtin and library types
  `out = []\nclass E(ValueError):\n    def __init_subclass__(cls, **kw):\n        out.append(('E', cls.__name__, kw))\nclass F(E, k=1):\n    pass\nclass L(list):\n    def __init_subclass__(cls, **kw):\n        out.append(('L', cls.__name__, kw))\nclass M(L, k=2):\n    pass\nclass DD(dict):\n    def __init_subclass__(cls, **kw):\n        out.append(('DD', cls.__name__, kw))\nclass N(DD, k=3):\n    pass\nclass I(int):\n    def __init_subclass__(cls, **kw):\n        out.append(('I', cls.__name__, kw))\nclass J(I, k=4):\n    pass\nreturn out, M([1]) + [2], J(5) + 1, N(a=1), F('x').args`,
  `import collections\nimport functools\nout = []\nclass Q(collections.deque):\n    def __init_subclass__(cls, **kw):\n        out.append(('Q', cls.__name__, kw))\nclass R(Q, k=5):\n    pass\nclass CC(collections.Counter):\n    def __init_subclass__(cls, **kw):\n        out.append(('CC', cls.__name__, kw))\nclass CD(CC, k=6):\n    pass\nclass P(functools.partial):\n    def __init_subclass__(cls, **kw):\n        out.append(('P', cls.__name__, kw))\nclass P2(P, k=7):\n    pass\nreturn out, list(R([1, 2])), CD('aab')['a'], P2(int, '5')()`,
  `import datetime\nout = []\nclass Z(datetime.tzinfo):\n    def __init_subclass__(cls, **kw):\n        out.append(kw)\nclass Z2(Z, k=1):\n    pass\nclass M(type):\n    def __init_subclass__(cls, **kw):\n        out.append(('M', cls.__name__, kw))\nclass M2(M, k=2):\n    pass\nclass A:\n    def __init_subclass__(cls, **kw):\n        out.append(('A', cls.__name__, kw))\nX = M('X', (A,), {}, k=3)\nreturn out, type(X).__name__`,
  // type() passes its keywords on too
  `out = []\nclass A:\n    def __init_subclass__(cls, **kw):\n        out.append((cls.__name__, kw))\nX = type('X', (A,), {}, flag=1)\nY = type('Y', (A,), {'__init_subclass__': lambda cls: out.append('own')})\nZ = type('Z', (Y,), {})\nreturn out`,
  `class A:\n    pass\nreturn type('X', (A,), {}, flag=1)`,
  // *bases and **keywords, with __build_class__'s words for the wrong ones
  `bases = (int,)\nclass Z(*bases):\n    pass\nclass Y(*[], *bases):\n    pass\ndef gen():\n    yield dict\nclass X(*gen()):\n    pass\nreturn Z(3) + 1, Y.__mro__ == (Y, int, object), X(a=1)`,
  `class C(**{1: 2}):\n    pass`,
  `class C(**5):\n    pass`,
  `class C(*5):\n    pass`,
  `class C(*None):\n    pass`,
  `class C(metaclass=type, x=1):\n    pass`,
  `out = []\nclass A:\n    def __init_subclass__(cls, **kw):\n        out.append(kw)\nclass C(A, **{'metaclass': type}, w=1):\n    pass\nclass C2(A, metaclass=type):\n    pass\nreturn out, C.__mro__ == (C, A, object)`,
  `class A:\n    def __init_subclass__(cls, **kw):\n        pass\nd = {'x': 1}\nclass C(A, x=0, **d):\n    pass`,
  `class A:\n    def __init_subclass__(cls, **kw):\n        pass\nclass C(A, **{'x': 0}, **{'x': 1}):\n    pass`,
  `class C(x=1, y):\n    pass`,
  `class C(**{'a': 1}, *()):\n    pass`,
  `class C(x=1, x=2):\n    pass`,
  `class C(A for A in ()):\n    pass`,
  // a class statement among yields: its bases and keywords evaluated in order
  `class A:\n    def __init_subclass__(cls, **kw):\n        cls.kw = kw\ndef g():\n    class B((yield 'base'), k=(yield 'kw'), **(yield 'more')):\n        pass\n    yield B.kw\nit = g()\nr = [next(it), it.send(A), it.send(1), it.send({'m': 2})]\nreturn r`,
  // the order of evaluation: decorators, bases, keywords, body, __init_subclass__, decorators applied
  `out = []\ndef note(x):\n    out.append(x)\n    return x\nclass A:\n    def __init_subclass__(cls, **kw):\n        out.append('init_subclass')\ndef deco(c):\n    out.append('applied')\n    return c\n@note(deco)\nclass B(note(A), k=note(1), **note({'j': 2})):\n    note('body')\nreturn [x if isinstance(x, (str, int, dict)) else 'f' for x in out]`,
];

it('calls __init_subclass__ with a class statement\'s keywords as CPython 3.11 does', () => {
  expect(compareWithCPython(INIT_SUBCLASS)).toEqual([]);
});

/** A metaclass but type, given in each way a class statement takes it, as CPython runs it (class-metaclass.test.ts has the rest). */
const METACLASS_KEYWORDS = [
  `class M(type):\n    pass\nclass C(metaclass=M):\n    pass\nreturn type(C).__name__`,
  `def f(*a):\n    return 1\nclass C(metaclass=f):\n    pass\nreturn C`,
  `class M(type):\n    pass\ntry:\n    class C(**{'metaclass': M}):\n        pass\nexcept BaseException:\n    return 'caught'\nreturn type(C).__name__`,
  `type = int\nclass C(metaclass=type):\n    pass`,
  `class C(**{'metaclass': 5}):\n    pass`,
  `out = []\nclass M(type):\n    def __new__(mcls, name, bases, ns, **kw):\n        out.append(('new', kw))\n        return super().__new__(mcls, name, bases, ns, **kw)\nclass A:\n    def __init_subclass__(cls, **kw):\n        out.append(('init_subclass', kw))\nclass C(A, metaclass=M, w=1):\n    pass\nreturn out`,
];

it('takes a metaclass but type as CPython does', () => {
  expect(compareWithCPython(METACLASS_KEYWORDS)).toEqual([]);
});

it('holds a hostile __init_subclass__ to the limits', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error(`class A:\n    def __init_subclass__(cls):\n        class B(cls):\n            pass\nclass C(A):\n    pass`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  expect(error(`class A:\n    def __init_subclass__(cls):\n        while True:\n            pass\nclass C(A):\n    pass`)).toMatch(/^StepLimitError/);
  // a million keywords or bases are paid for as they are merged or spread
  expect(error(`class A:\n    def __init_subclass__(cls, **kw):\n        pass\nclass C(A, **{str(i): i for i in range(10**6)}):\n    pass`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(error(`class C(*[object] * 10**6):\n    pass`)).toMatch(/^(StepLimitError|MemoryError|TypeError: duplicate base class object)/);
  // the keywords reach the new class's bases only: a shared class stays unwritable from there
  expect(error(`import calendar\nclass A(calendar.TextCalendar, k=1):\n    pass`)).toBe('TypeError: envelope.<locals>.A.__init_subclass__() takes no keyword arguments');
  expect(error(`import calendar\nclass A:\n    def __init_subclass__(cls):\n        calendar.TextCalendar.x = 1\nclass B(A):\n    pass`)).toMatch(/^UnsupportedError: cannot set 'calendar.TextCalendar.x'/);
});
