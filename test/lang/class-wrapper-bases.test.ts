import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** functools.partial subclasses: a partial to every call, flattened by partial_new only without a __call__ of their own. */
const PARTIALS = [
  `import functools\nclass P(functools.partial):\n    pass\np = P(max, 1)\nreturn repr(p), p(5), p.func, p.args, p.keywords, type(p).__name__, isinstance(p, functools.partial), callable(p), [c.__name__ for c in P.__mro__], sorted([3, 1], key=P(abs))`,
  `import functools\nclass P(functools.partial):\n    pass\np = P(max, 1)\nq = P(p, 2)\nr = functools.partial(p, 3)\nreturn type(q).__name__, q.args, q.func, type(r).__name__, r.args, r.func`,
  `import functools\nclass Q(functools.partial):\n    def __call__(self, *a, **k):\n        return ('Q', super().__call__(*a, **k))\nq = Q(max, 1, key=abs)\nq2 = Q(q, 5)\nreturn q(-3), repr(q), q2.func is q, q2.args, functools.partial(q, 9).func is q, q2(0), list(map(q, [-2]))`,
  `import functools\nclass P(functools.partial):\n    def __init__(self, f, *a, **k):\n        self.n = len(a)\np = P(max, 1, 2)\np.tag = 't'\nq = P(p, 3)\nreturn p.n, p.tag, q.func is p, q.args, p(0), q(9)`,
  `import functools\nclass P(functools.partial):\n    pass\np = P(max, 1)\np.func = 1`,
  `import functools\nclass P(functools.partial):\n    pass\ndel P(max, 1).zz`,
  `import functools\nclass P(functools.partial):\n    pass\nreturn P()`,
  `import functools\nclass P(functools.partial):\n    pass\nreturn P(1)`,
  `import functools\nclass P(functools.partial):\n    def __repr__(self):\n        return 'P!' + super().__repr__()\n    def __str__(self):\n        return 's'\nreturn repr(P(len, 'ab')), str(P(len)), f'{P(len)}', [P(len)]`,
  `import functools\nclass P(functools.partial):\n    def __new__(cls, f, *a):\n        return super().__new__(cls, f, *a, extra=1)\np = P(dict, 1)\nreturn p.keywords, type(p).__name__`,
  `import functools\nclass P(functools.partial):\n    def __init__(self, f):\n        super().__init__(f)`,
  `import functools\nclass P(functools.partial):\n    def __call__(self):\n        return super().__call__()\nreturn P(len)()`,
  `import functools\nclass P(functools.partial):\n    x = 5\n    def __call__(self):\n        return self.x\nclass R(P):\n    pass\nreturn R(len)(), R(len).x, R(R(len), 1).func.x`,
];

it('subclasses functools.partial as CPython does', () => {
  expect(compareWithCPython(PARTIALS)).toEqual([]);
});

/** contextlib.suppress and nullcontext subclasses: their state is attributes, as Lib/contextlib.py's; with asks the class's __enter__ and __exit__ first. */
const CONTEXTS = [
  `import contextlib\nclass S(contextlib.suppress):\n    def __exit__(self, *a):\n        r = super().__exit__(*a)\n        print('exit', r)\n        return r\nwith S(KeyError):\n    {}[1]\nwith S(KeyError):\n    pass\nreturn S(KeyError)._exceptions, S()._exceptions, isinstance(S(), contextlib.suppress), type(S()).__name__`,
  `import contextlib\nclass S(contextlib.suppress):\n    def __init__(self):\n        super().__init__(KeyError, ValueError)\nwith S():\n    int('x')\nwith S():\n    raise TypeError('t')`,
  `import contextlib\nclass N(contextlib.nullcontext):\n    def __enter__(self):\n        return ('N', super().__enter__())\nwith N(5) as v:\n    pass\nwith contextlib.nullcontext() as w:\n    pass\nreturn v, N(5).enter_result, N().enter_result, w`,
  `import contextlib\nclass S(contextlib.suppress):\n    def __exit__(self, *a):\n        r = []\n        for args in [(1, 2, 3), (None, None, None), (KeyError, None, None), ()]:\n            try:\n                r.append(super().__exit__(*args))\n            except TypeError as e:\n                r.append(str(e))\n        print(r)\n        return False\nwith S(KeyError):\n    pass`,
  `import contextlib\nclass N(contextlib.nullcontext):\n    def __enter__(self):\n        r = [super().__exit__(1, 2, 3, 4), super().__exit__()]\n        try:\n            super().__enter__(1)\n        except TypeError as e:\n            r.append(str(e))\n        return r\nwith N(1) as r:\n    pass\ntry:\n    N(1, 2)\nexcept TypeError as e:\n    r.append(str(e))\ntry:\n    N(x=2)\nexcept TypeError as e:\n    r.append(str(e))\nreturn r`,
  `import contextlib\nclass S(contextlib.suppress):\n    pass\ns = S(KeyError)\ndel s._exceptions\nwith s:\n    pass\nwith s:\n    {}[1]`,
  `import contextlib\nclass S(contextlib.suppress):\n    pass\ns = S(KeyError)\ns._exceptions = 5\nwith s:\n    {}[1]`,
  `import contextlib\nclass S(contextlib.suppress):\n    @property\n    def _exceptions(self):\n        return (ValueError,)\n    @_exceptions.setter\n    def _exceptions(self, v):\n        print('set', v)\nwith S(KeyError):\n    int('x')\nreturn 1`,
  `import contextlib\nclass S(contextlib.suppress):\n    def __enter__(self):\n        return 'in'\nwith S(ZeroDivisionError) as x:\n    1 / 0\nreturn x`,
  `import contextlib\nclass N(contextlib.nullcontext):\n    def __exit__(self, t, v, tb):\n        return t is KeyError\nwith N():\n    {}[1]\nwith N():\n    [][1]`,
  `import contextlib\nclass S(contextlib.suppress):\n    pass\nreturn S(x=1)`,
];

it('subclasses contextlib.suppress and nullcontext as CPython does', () => {
  expect(compareWithCPython(CONTEXTS)).toEqual([]);
});

/** staticmethod, classmethod and property subclasses: descriptors as their bases are; property's getter, setter and deleter call the subclass. */
const DESCRIPTORS = [
  `class sm(staticmethod):\n    pass\nclass cm(classmethod):\n    pass\nclass D:\n    @sm\n    def f():\n        return 'f'\n    @cm\n    def g(cls):\n        return cls.__name__\nclass E(D):\n    pass\nreturn D.f(), D().f(), D.g(), D().g(), E.g(), callable(sm(len)), callable(cm(len)), type(sm(len)).__name__, isinstance(cm(len), classmethod), sm(len)('ab')`,
  `class sm2(staticmethod):\n    def __init__(self, f):\n        super().__init__(f)\n        self.n = 1\ns = sm2(len)\nreturn s.n, s('abc')`,
  // an __init__ that does not call its base's leaves the callable unset: binding it is CPython's RuntimeError (calling it crashes CPython 3.11)
  `class sm(staticmethod):\n    def __init__(self, f):\n        pass\nclass C:\n    f = sm(len)\nreturn C.f`,
  `class cm(classmethod):\n    def __init__(self, f):\n        pass\nclass C:\n    f = cm(len)\nreturn C().f`,
  `class pp(property):\n    def __init__(self, f):\n        pass\nclass C:\n    x = pp(len)\nreturn C().x`,
  `import contextlib\nclass S(contextlib.suppress):\n    def __init__(self):\n        pass\nwith S():\n    {}[1]`,
  `import contextlib\nclass N(contextlib.nullcontext):\n    def __init__(self):\n        pass\nwith N() as x:\n    pass`,
  `class sm(staticmethod):\n    pass\nreturn sm(len, 1)`,
  `class cm(classmethod):\n    pass\nreturn cm()`,
  `class sm(staticmethod):\n    pass\nreturn sm(f=len)`,
  `class prop(property):\n    def __init__(self, *a):\n        print('init', len(a), a[1:])\n        super().__init__(*a)\nclass C:\n    @prop\n    def x(self):\n        return 1\n    @x.setter\n    def x(self, v):\n        print('set', v)\nc = C()\nc.x = 3\nreturn c.x, type(C.x).__name__, C.x.fset is not None, C.x.fdel, isinstance(C.x, property)`,
  `class pp(property):\n    pass\nclass K:\n    @pp\n    def y(self):\n        return 'y'\n    @y.setter\n    def y(self, v):\n        print('sety', v)\nk = K()\nk.y = 5\ndel k.y`,
  `class pp(property):\n    pass\nclass K:\n    y = pp(lambda self: 'g', doc='d')\n    @y.deleter\n    def y(self):\n        print('del')\n    z = y.getter(lambda self: 'z')\nk = K()\ndel k.y\nreturn k.y, k.z, type(K.z).__name__, K.z.fdel is K.y.fdel`,
  `class pp(property):\n    pass\np = pp(fget=len)\np.tag = 1\nreturn p.fget, p.tag, pp().fget, pp(None, None, None, 'd').fset`,
  `class pp(property):\n    pass\npp().fget = 1`,
  `class pp(property):\n    pass\nreturn pp(1, 2, 3, 4, 5)`,
  `class pp(property):\n    pass\nreturn pp(fx=1)`,
  `class pp(property):\n    pass\nreturn pp().setter()`,
  `class pp(property):\n    pass\nclass C:\n    x = pp()\nreturn C().x`,
  // the common cached-property pattern, through a property's getter
  `class cached(property):\n    def __init__(self, fget):\n        self.name = '_c_' + fget.__name__\n        def get(obj):\n            if self.name not in obj.cache:\n                obj.cache[self.name] = fget(obj)\n            return obj.cache[self.name]\n        super().__init__(get)\nclass C:\n    calls = 0\n    def __init__(self):\n        self.cache = {}\n    @cached\n    def v(self):\n        C.calls += 1\n        return 42\nc = C()\nreturn c.v, c.v, C.calls, type(C.v).__name__`,
  `class pp(property):\n    def __init__(self, fget, fset=None, fdel=None, doc=None, *, tag='t'):\n        super().__init__(fget, fset, fdel, doc)\n        self.tag = tag\nclass C:\n    @pp\n    def x(self):\n        return 1\n    @x.setter\n    def x(self, v):\n        pass\nreturn C.x.tag, C().x`,
];

it('subclasses staticmethod, classmethod and property as CPython does', () => {
  expect(compareWithCPython(DESCRIPTORS)).toEqual([]);
});

it('names the instances of these subclasses as the evaluator names objects, without the address', () => {
  const engine = new Engine();
  const source = `import contextlib\nclass sm(staticmethod):\n    pass\nclass cm(classmethod):\n    pass\nclass pp(property):\n    pass\nclass S(contextlib.suppress):\n    pass\nclass N(contextlib.nullcontext):\n    pass\nreturn sm(len), cm(len), pp(), S(), N()`;
  expect(evaluator(engine, { source }).repr).toBe('(<staticmethod(<built-in function len>)>, <classmethod(<built-in function len>)>, <pp object>, <S object>, <N object>)');
  expect(evaluator(engine, { source: `class sm(staticmethod):\n    def __init__(self, f):\n        pass\nclass cm(classmethod):\n    def __init__(self, f):\n        pass\nreturn sm(len), cm(len)` }).repr).toBe('(<staticmethod(<NULL>)>, <classmethod(<NULL>)>)');
});

it('refuses the dunders their slots would pass by, and descriptors of a condition own, in clear words', () => {
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error(`import functools\nclass P(functools.partial):\n    def __eq__(self, o):\n        return True`)).toBe("UnsupportedError: a subclass of functools.partial in a condition may define only __new__, __init__, __repr__, __str__, __match_args__, __call__, __get__, __set__, __delete__, __set_name__: '__eq__' is not supported");
  expect(error(`class pp(property):\n    def __call__(self):\n        return 1`)).toBe("UnsupportedError: a subclass of property in a condition may define only __new__, __init__, __repr__, __str__, __match_args__, __get__, __set__, __delete__, __set_name__: '__call__' is not supported");
  expect(error(`import contextlib\nclass M:\n    def __len__(self):\n        return 1\nclass S(M, contextlib.suppress):\n    pass`)).toBe("UnsupportedError: a subclass of contextlib.suppress in a condition may define only __new__, __init__, __repr__, __str__, __match_args__, __enter__, __exit__, __get__, __set__, __delete__, __set_name__: '__len__' is not supported");
  // CPython writes suppress and nullcontext in Python, so they mix with any base there; here each makes instances of its own
  expect(error(`import contextlib\nclass X(contextlib.suppress, contextlib.nullcontext):\n    pass`)).toBe("UnsupportedError: a class of a condition may not subclass both 'contextlib.suppress' and 'contextlib.nullcontext': each makes instances of its own");
  expect(error(`import contextlib\nclass X(dict, contextlib.suppress):\n    pass`)).toBe("UnsupportedError: a class of a condition may not subclass both 'dict' and 'contextlib.suppress': each makes instances of its own");
  expect(error(`class X(property, staticmethod):\n    pass`)).toBe('TypeError: multiple bases have instance lay-out conflict');
  // a suppress's or nullcontext's methods are read through super() only, as any dunder
  expect(error(`import contextlib\nreturn contextlib.suppress().__exit__`)).toBe("SyntaxError: names with double underscores ('__exit__') are not allowed in conditions");
});

it("words property's copiers' wrong calls as CPython does", () => {
  expect(compareWithCPython([`return property().setter()`, `return property().getter(1, 2)`, `return property().deleter(f=1)`])).toEqual([]);
});

it('holds hostile subclasses to the limits', () => {
  // a time budget far past what these take, so that on a loaded machine each ends at the limit it meets, not the clock
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const error = (source: string) => evaluator(engine, { source }).error;
  // a __call__, __enter__, __exit__ or __init__ calling itself is a condition's own recursion
  expect(error(`import functools\nclass P(functools.partial):\n    def __call__(self):\n        return self()\nreturn P(len)()`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  expect(error(`import contextlib\nclass S(contextlib.suppress):\n    def __enter__(self):\n        with self:\n            pass\nwith S():\n    pass`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  expect(error(`class pp(property):\n    def __init__(self, f, *a):\n        super().__init__(f)\n        self.setter(f)\npp(len)`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  // a partial of a partial a million deep is flattened when it calls as a partial does, and each call is a step when not
  expect(error(`import functools\nclass P(functools.partial):\n    pass\np = P(len)\nfor i in range(200000):\n    p = P(p)\nreturn p.func, p('ab')`)).toMatch(/^StepLimitError/);
  expect(error(`import functools\nclass P(functools.partial):\n    def __call__(self, *a):\n        return super().__call__(*a)\np = P(len)\nfor i in range(5000):\n    p = P(p)\nreturn p('ab')`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  // arguments past a million are paid for as partial_new copies them
  expect(error(`import functools\nclass P(functools.partial):\n    pass\nreturn len(P(print, *range(10**7)).args)`)).toMatch(/^(MemoryError|StepLimitError)/);
});
