import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** types.new_class: the class made as a class statement of those bases and keywords makes it, `__module__` 'types' (type_new's caller). */
const MADE = [
  "import types\nC = types.new_class('C', (object,), {}, lambda ns: ns.update({'x': 1}))\nreturn C.x, repr(C), C.__module__, C.__qualname__, C.__name__, C.__bases__, list(C.__dict__), C.__doc__\n",
  "import types\nC = types.new_class('C')\nD = types.new_class('D', (C,), None, None)\nreturn repr(C), C.__bases__, C.__mro__, type(C), D.__mro__, isinstance(D(), C)\n",
  "import types\nclass A:\n    def f(self):\n        return 'A'\ndef body(ns):\n    def f(self):\n        return 'C' + super(C, self).f()\n    ns['f'] = f\n    ns['y'] = 2\nC = types.new_class('C', (A,), None, body)\nreturn C().f(), C.y, list(C.__dict__)[:3]\n",
  "import types\ndef body(ns):\n    ns['a'] = 1\n    return 42\nC = types.new_class('C', (), None, body)\nreturn C.a\n",
  "import types\ndef body(ns):\n    raise ValueError('boom')\ntry:\n    types.new_class('C', (), None, body)\nexcept ValueError as e:\n    return str(e)\n",
  "import types\nC = types.new_class('C', (), {}, lambda ns: ns.update({'__qualname__': 'X.C', '__module__': 'm', '__doc__': 'hi'}))\nreturn repr(C), C.__qualname__, C.__doc__, C.__module__\n",
  "import types\nreturn [f.__name__ for f in (types.new_class, types.prepare_class, types.resolve_bases)], type(types.new_class).__name__, types.new_class.__module__, types.prepare_class.__qualname__, types._calculate_meta(type, (int, bool))\n",
];

it('makes classes with types.new_class as CPython does', () => {
  expect(compareWithCPython(MADE)).toEqual([]);
});

/** types.prepare_class: (metaclass, namespace, kwds less 'metaclass'), the metaclass the most derived, its __prepare__ asked. */
const PREPARED = [
  "import types\nreturn types.prepare_class('C', (object,), {}), types.prepare_class('C'), types.prepare_class('C', ()), types.prepare_class('C', [int]), types.prepare_class('C', (int,), None)\n",
  "import types\nkw = {'metaclass': type, 'x': 1}\nr = types.prepare_class('C', (), kw)\nreturn r, kw, r[2] is kw\n",
  "import types\nout = []\nfor k in (5, [('metaclass', type)], {'metaclass': 5}, {1: 2}, {'metaclass': len}, {'metaclass': None}):\n    try:\n        out.append(repr(types.prepare_class('C', (), k)))\n    except Exception as e:\n        out.append(type(e).__name__ + ': ' + str(e))\nreturn out\n",
  "import types\nclass M(type):\n    @classmethod\n    def __prepare__(mcls, name, bases, **kw):\n        return {'seen': (name, bases, kw)}\nreturn types.prepare_class('C', (), {'metaclass': M, 'a': 1}), types.prepare_class('C', (M('B', (), {}),), {'b': 2})\n",
  "import types\nclass M(type):\n    @classmethod\n    def __prepare__(mcls, name, bases):\n        return 5\nout = [types.prepare_class('C', (), {'metaclass': M})]\ntry:\n    types.new_class('C', (), {'metaclass': M})\nexcept TypeError as e:\n    out.append(str(e))\nreturn out\n",
  "import types\nout = []\nfor bases in ('ab', (5,), (True, 1), [int], ()):\n    try:\n        out.append(repr(types.prepare_class('C', bases)))\n    except Exception as e:\n        out.append(type(e).__name__ + ': ' + str(e))\nreturn out\n",
];

it('prepares classes with types.prepare_class as CPython does', () => {
  expect(compareWithCPython(PREPARED)).toEqual([]);
});

/** Metaclasses: popped from kwds or the bases', their __prepare__, __new__, __init__ and __call__, the conflict; the other keywords go to __init_subclass__. */
const METACLASSES = [
  "import types\nclass M(type):\n    pass\nC = types.new_class('C', (), {'metaclass': M})\nD = types.new_class('D', (C,))\nreturn type(C), repr(C), C.__module__, type(D), repr(D)\n",
  "import types\nlog = []\nclass M(type):\n    @classmethod\n    def __prepare__(mcls, name, bases, **kw):\n        log.append(('prep', name, bases, kw))\n        return {'pre': 1}\n    def __new__(mcls, name, bases, ns, **kw):\n        log.append(('new', name, bases, dict(ns), kw))\n        return super().__new__(mcls, name, bases, ns)\n    def __init__(cls, name, bases, ns, **kw):\n        log.append(('init', name, bases, dict(ns), kw))\nC = types.new_class('C', (), {'metaclass': M, 'a': 1}, lambda ns: ns.__setitem__('y', 2))\nreturn C.pre, C.y, repr(C), C.__module__, log\n",
  "import types\nclass B:\n    def __init_subclass__(cls, **kw):\n        cls.kw = kw\n        super().__init_subclass__()\nC = types.new_class('C', (B,), {'flag': True, 'n': 2})\nreturn repr(C), C.kw\n",
  "import types\nclass B:\n    pass\ntry:\n    types.new_class('C', (B,), {'flag': True})\nexcept TypeError as e:\n    return str(e)\n",
  "import types\nclass M1(type): pass\nclass M2(type): pass\nA = M1('A', (), {})\nB = M2('B', (), {})\nout = []\nfor f in (lambda: types.new_class('C', (A, B)), lambda: types.prepare_class('C', (A, B)), lambda: types.new_class('C', (A,), {'metaclass': M2}), lambda: types._calculate_meta(M1, (B,))):\n    try:\n        f()\n    except TypeError as e:\n        out.append(str(e))\nreturn out\n",
  "import types\nclass M1(type): pass\nclass M2(M1): pass\nA = M1('A', (), {})\nB = M2('B', (), {})\nC = types.new_class('C', (A, B))\nD = types.new_class('D', (B,), {'metaclass': M1})\nreturn type(C), type(D), types.prepare_class('E', (A, B))[0]\n",
  "import types\ndef meta(name, bases, ns, **kw):\n    return (name, bases, ns, kw)\nreturn types.new_class('C', (int,), {'metaclass': meta, 'z': 1}, lambda ns: ns.update(q=2))\n",
  "import types\nclass M(type):\n    def __call__(cls, *a, **k):\n        return ('called', a, k)\nC = types.new_class('C', (), {'metaclass': M})\nreturn C(1, z=2), type(C), repr(C)\n",
  "import types\nclass M(type):\n    def __new__(mcls, name, bases, ns, **kw):\n        return 42\nreturn types.new_class('C', (), {'metaclass': M, 'q': 1})\n",
  "import types\nclass M(type):\n    def __new__(mcls, name, bases, ns, **kw):\n        return super().__new__(mcls, name, bases, ns, **kw)\nclass B:\n    def __init_subclass__(cls, **kw):\n        cls.kw = kw\nC = types.new_class('C', (B,), {'metaclass': M, 'q': 1})\nreturn C.kw, repr(C), C.__module__, type(C)\n",
  "import types\nclass NS(dict):\n    pass\nclass M(type):\n    @classmethod\n    def __prepare__(mcls, name, bases):\n        return NS()\ndef body(ns):\n    ns['a'] = 1\nC = types.new_class('C', (), {'metaclass': M}, body)\nreturn C.a, repr(C)\n",
  "import types, abc\nC = types.new_class('C', (abc.ABC,), {}, lambda ns: ns.update(f=abc.abstractmethod(lambda self: 1)))\ntry:\n    C()\nexcept TypeError as e:\n    return str(e), repr(C), type(C), C.__module__\n",
  "import types, typing\nT = typing.TypeVar('T')\nclass P(typing.Protocol[T]):\n    def f(self) -> T: ...\nC = types.new_class('C', (P[int],))\nreturn C.__orig_bases__, C.__bases__, repr(C)\n",
];

it('runs types.new_class through the metaclass as CPython does', () => {
  expect(compareWithCPython(METACLASSES)).toEqual([]);
});

/** Odd and bad arguments, bases with __mro_entries__ (a GenericAlias, Generic[T]), many bases, classes made inside exec_body. */
const ODD = [
  "import types\nout = []\nfor bad in (5, None, 'ab', [int], {int: 1}, (5,)):\n    try:\n        out.append(repr(types.new_class('C', bad)))\n    except Exception as e:\n        out.append(type(e).__name__ + ': ' + str(e))\nreturn out\n",
  "import types\nout = []\nfor body in (5, 'x', None):\n    try:\n        out.append(repr(types.new_class('C', (), None, body)))\n    except Exception as e:\n        out.append(type(e).__name__ + ': ' + str(e))\nreturn out\n",
  "import types\nclass B:\n    def __mro_entries__(self, bases):\n        return (int,)\nb = B()\nC = types.new_class('C', (b,))\nreturn C.__bases__, C.__orig_bases__ == (b,), C.__mro__, C(5) + 1, '__orig_bases__' in C.__dict__\n",
  "import types\nclass B:\n    def __mro_entries__(self, bases):\n        return int\ntry:\n    types.new_class('C', (B(),))\nexcept TypeError as e:\n    return str(e)\n",
  "import types\nC = types.new_class('C', (list[int],))\nreturn C.__bases__, C.__orig_bases__, C([1,2]), repr(C)\n",
  "import types\nfrom typing import Generic, TypeVar\nT = TypeVar('T')\nC = types.new_class('C', (Generic[T],))\nreturn C.__bases__, C.__orig_bases__, C.__parameters__, repr(C[int])\n",
  "import types\nout = []\nfor name in (5, None, b'x'):\n    try:\n        out.append(repr(types.new_class(name)))\n    except Exception as e:\n        out.append(type(e).__name__ + ': ' + str(e))\nreturn out\n",
  "import types\nout = []\nfor k in (5, [('metaclass', type)], {'metaclass': 5}, {1: 2}):\n    try:\n        out.append(repr(types.new_class('C', (), k)))\n    except Exception as e:\n        out.append(type(e).__name__ + ': ' + str(e))\nreturn out\n",
  "import types\nout = []\nfor f in (lambda: types.new_class(), lambda: types.new_class('C', (), {}, None, 5), lambda: types.prepare_class(), lambda: types.new_class('C', nope=1), lambda: types.prepare_class('C', bases=(), kwds={}, x=1)):\n    try:\n        f()\n    except TypeError as e:\n        out.append(str(e))\nreturn out\n",
  "import types\ntry:\n    types.new_class('C', (object,) * 10000)\nexcept TypeError as e:\n    return str(e)\n",
  "import types\nclass B:\n    def __mro_entries__(self, bases):\n        return ()\nC = types.new_class('C', (B(),) * 3000)\nreturn C.__bases__, len(C.__orig_bases__)\n",
  "import types\nreturn len(types.resolve_bases((int,) * 10000)), types.prepare_class('C', (int,) * 10000)[0]\n",
  "import types\ndef body(n):\n    def fill(ns):\n        ns['n'] = n\n        if n:\n            ns['inner'] = types.new_class('D', (), None, body(n - 1))\n    return fill\nC = types.new_class('C', (), None, body(60))\nd = 0\nwhile hasattr(C, 'inner'):\n    C = C.inner\n    d += 1\nreturn d\n",
];

it('answers odd and bad arguments of types.new_class as CPython does', () => {
  expect(compareWithCPython(ODD)).toEqual([]);
});

it('holds types.new_class to the limits, and refuses what it cannot show', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const error = (source: string) => evaluator(engine, { source }).error;
  // an exec_body that calls new_class again, 2,000 deep: the recursion limit, at once
  const t0 = performance.now();
  expect(error(`import types\ndef body(ns):\n    types.new_class('D', (), None, body)\ntypes.new_class('C', (), None, body)`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  expect(performance.now() - t0).toBeLessThan(2_000);
  // a million bases: paid for as they are walked
  expect(error(`import types\nclass B:\n    def __mro_entries__(self, bases):\n        return ()\ntypes.new_class('C', (B(),) * 10**6)`)).toMatch(/^(StepLimitError|MemoryError)/);
  // enum's namespace is the evaluator's own, not CPython's _EnumDict: not shown to a condition
  expect(error(`import types, enum\ntypes.new_class('E', (enum.Enum,), {}, lambda ns: ns.__setitem__('A', 1))`)).toBe("UnsupportedError: types.new_class() with an exec_body of an enum's namespace is not supported: the evaluator's is not CPython's enum._EnumDict");
  expect(error(`import types, enum\ntypes.prepare_class('E', (enum.Enum,))`)).toBe("UnsupportedError: types.prepare_class() of an enum's namespace is not supported: the evaluator's is not CPython's enum._EnumDict");
  // without an exec_body, the namespace is not shown: the enum is made
  expect(evaluator(engine, { source: `import types, enum\nE = types.new_class('E', (enum.Enum,))\nreturn list(E), repr(E)` }).repr).toBe(`([], "<enum 'E'>")`);
});
