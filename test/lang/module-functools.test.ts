import { expect, it } from 'vitest';
import { ConditionError, describeException, Engine, parseJson, PyException, type PyDict } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { nestedUnlikeOriginal } from '../support/original.js';

/** functools.reduce and partial, and the operator module. */
it('answers functools and operator as CPython does', () => {
  expect(compareWithCPython([
    'from functools import reduce\nreturn reduce(lambda a, b: a * b, [1, 2, 3, 4])',
    'from functools import reduce\nreturn reduce(lambda a, b: a + b, [], 10)',
    'from functools import reduce\nreturn reduce(lambda a, b: a + b, [])',
    'from functools import reduce\nreturn reduce(lambda a, b: a + b)',
    'from functools import reduce\nreturn reduce(lambda a, b: a + b, 5)',
    "import functools\nreturn functools.reduce(lambda acc, w: acc + len(w), text.split(), 0)",
    'import functools, operator\nreturn functools.reduce(operator.mul, range(1, 8))',
    "from functools import partial\nf = partial(int, base=16)\nreturn f('ff'), f('10', base=2)",
    'from functools import partial\nadd = partial(lambda a, b, c=0: a + b + c, 1)\nreturn add(2), add(2, c=3), add(2, 3)',
    'from functools import partial\nreturn partial(5)',
    'from functools import cmp_to_key\nreturn sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a))',
    "from functools import cmp_to_key\nwords = text.split()\nreturn sorted(words, key=cmp_to_key(lambda a, b: (len(a) > len(b)) - (len(a) < len(b))))",
    'from functools import cmp_to_key\nk = cmp_to_key(lambda a, b: a - b)\nreturn k(1) < k(2), k(2) == k(2), max([5, 9, 1], key=k), min([5, 9, 1], key=k)',
    'from functools import cmp_to_key\nreturn sorted([1, 2], key=cmp_to_key(lambda a, b: "x"))', 'from functools import cmp_to_key\nreturn sorted([1, 2], key=cmp_to_key(lambda a: 0))',
    'from functools import cmp_to_key\nk = cmp_to_key(lambda a, b: 0)\nreturn k(1) < 5',
    'import operator\nreturn operator.add(1, 2), operator.sub(5, 7), operator.mul("ab", 2), operator.truediv(1, 2), operator.floordiv(-7, 2), operator.mod(-7, 2), operator.pow(2, 10)',
    'import operator\nreturn operator.neg(3), operator.pos(-2.5), operator.abs(-4), operator.invert(5), operator.not_([]), operator.truth("x")',
    'import operator\nreturn operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.rshift(64, 2)',
    'import operator\nreturn operator.eq(1, 1.0), operator.ne("a", "b"), operator.lt(1, 2), operator.le(2, 2), operator.gt("b", "a"), operator.ge(1, 2)',
    'import operator\nreturn operator.contains([1, 2], 2), operator.getitem({"a": 1}, "a"), operator.concat([1], [2]), operator.is_(None, None)',
    'import operator\nreturn operator.add(1, "a")', 'import operator\nreturn operator.concat(1, 2)', 'import operator\nreturn operator.add(1)', 'import operator\nreturn operator.truediv(1, 0)',
    "from operator import itemgetter\nrows = [('b', 2), ('a', 3), ('c', 1)]\nreturn sorted(rows, key=itemgetter(1)), itemgetter(0, 1)(rows[0]), itemgetter('Thread')(log)",
    'from operator import itemgetter\nreturn itemgetter(5)([1])', 'from operator import itemgetter\nreturn itemgetter()',
    "from operator import attrgetter\nreturn attrgetter('real')(3), attrgetter('real', 'imag')(2.5)",
    "from operator import attrgetter\nimport re\nm = re.search(r'(\\d+)', text)\nreturn attrgetter('lastindex')(m)",
    "from operator import attrgetter\nreturn attrgetter('nope')(1)", 'from operator import attrgetter\nreturn attrgetter(1)',
  ])).toEqual([]);
});

/** A partial is functools.partial: named so, shown with what it holds, a partial of a partial flattened. */
it('makes functools.partial objects as CPython does', () => {
  expect(compareWithCPython([
    "import functools\np = functools.partial(int, base=2)\nreturn type(p).__name__, repr(type(p)), p('11'), isinstance(p, functools.partial), callable(p), functools.partial",
    "import functools\nreturn repr(functools.partial(int, '1', base=2)), str(functools.partial(max, 1)), repr(functools.partial(len))",
    "import functools\np = functools.partial(functools.partial(int, '11'), base=2)\nq = functools.partial(p, base=3)\nreturn repr(p), p(), repr(q), q(), q.args, q.keywords, q.func, type(q) is functools.partial",
    'import functools\nreturn functools.partial(int) + 1', 'import functools\nreturn functools.partial(int).x', 'import functools\nreturn functools.partial(int)[0]',
  ])).toEqual([]);
});

/** Attributes set on a partial, kept in its own dict; func, args and keywords read-only, keywords the dict its calls read; one with attributes is not flattened. */
it('keeps attributes set on a functools.partial as CPython does', () => {
  expect(compareWithCPython([
    `from functools import partial
def f(a, b=2):
    return a + b
p = partial(f, 1, b=3)
p.x = 5
return p.x, p(), p.keywords is p.keywords, p.args is p.args, p.args, p.keywords, getattr(p, 'x'), hasattr(p, 'y')`,
    `from functools import partial
def f(a, b=2):
    return a + b
p = partial(f, 1, b=3)
p.keywords['b'] = 10
return p(), p.keywords, repr(p)[:30]`,
    `from functools import partial
p = partial(max, 1)
p.func = 1`,
    `from functools import partial
p = partial(max, 1)
p.args = 1`,
    `from functools import partial
p = partial(max, 1)
p.keywords = 1`,
    `from functools import partial
p = partial(max, 1)
del p.func`,
    `from functools import partial
p = partial(max, 1)
p.x = 1
del p.x
return p.x`,
    `from functools import partial
p = partial(max, 1)
del p.y`,
    `from functools import partial
p = partial(max, 1)
return p.y`,
    `from functools import partial
def f(*a, **k):
    return a, k
p = partial(f, 1, z=0)
q = partial(p, 2, y=1)
p.tag = 'x'
r = partial(p, 3)
return q.func is f, q.args, q.keywords, r.func is p, r.args, r.keywords, r(4, w=5), repr(partial(max, 1, key=len))`,
    `from functools import partial
p = partial(max, 1)
p.x = 1
del p.x
q = partial(p, 2)
return q.func is p`,
    `from functools import partial
p = partial(max, 1)
p.keywords[1] = 2
return p(2)`,
    `from functools import partial
p = partial(sorted, key=len)
p.keywords['reverse'] = True
del p.keywords['key']
return p(['aa', 'b', 'ccc']), repr(p)`,
    `from functools import partial
p = partial(max, 1)
p.x = p
return p.x is p, p(5)`,
    `from functools import partial
partial.x = 1`,
  ])).toEqual([]);
});

/** attrgetter walks the sandbox's getattr: what `x.__class__` cannot reach, a string cannot either. */
it('reaches no attribute through attrgetter that the sandbox hides', () => {
  const engine = new Engine();
  const log = parseJson('{"Text": "x"}') as PyDict;
  // a lambda's own __dict__ is what was set on it, no more (function-attributes.test.ts): {} here
  expect(evaluator(engine, { source: "from operator import attrgetter\nf = lambda: 1\nreturn attrgetter('__dict__')(f)" }).repr).toBe('{}');
  for (const name of ['__init__', '__class__.__dict__', '__globals__', 'fn.__code__', '__code__']) {
    const program = engine.compile(`from operator import attrgetter\nreturn attrgetter('${name}')(lambda: 1)`, 'standard');
    if (program instanceof ConditionError) throw new Error(program.message);
    expect(() => engine.runStandard(program, log, 'x', null as never), name).toThrow(PyException);
  }
});

/**
 * lru_cache and cache as the C wrapper keeps them (a lone int or str its own key, so f(1) and
 * f(1.0) are two entries; typed; the least recently used entry evicted), cache_info,
 * cache_clear and cache_parameters; update_wrapper and wraps, as far as the wrapper keeps
 * attributes, with CPython's errors for a builtin or an int as the wrapper.
 */
it('answers lru_cache, cache, update_wrapper and wraps as CPython does', () => {
  expect(compareWithCPython([
    // an attribute set to None on the wrapper is found (singledispatch's too)
    "import functools\n@functools.lru_cache\ndef f(x):\n    return 1\n@functools.singledispatch\ndef g(x):\n    return 1\nf.extra = None\ng.extra = None\ng.__doc__ = None\nreturn f.extra, g.extra, g.__doc__, getattr(f, 'extra', 'MISSING'), hasattr(g, 'extra')",
    "import functools\n@functools.lru_cache(maxsize=None)\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nreturn fib(80), fib.cache_info(), fib.__name__, fib.__qualname__",
    "import functools\n@functools.lru_cache\ndef f(x):\n    return x * 2\nr = [f(1), f(2), f(1), f(1.0), f(True)]\nreturn r, f.cache_info(), f.cache_parameters()",
    "import functools\n@functools.lru_cache(maxsize=2)\ndef f(x):\n    calls.append(x)\n    return x\ncalls = []\nfor x in [1, 2, 1, 3, 2, 1, 4, 4]:\n    f(x)\nreturn calls, f.cache_info()",
    "import functools\n@functools.lru_cache(maxsize=0)\ndef f(x):\n    return x\nf(1); f(1)\nreturn f.cache_info()",
    "import functools\n@functools.lru_cache(typed=True)\ndef f(x, y=0):\n    return (x, y)\nreturn f(1), f(1.0), f(1, y=2), f(1, y=2), f(y=2, x=1), f.cache_info()",
    "import functools\n@functools.lru_cache()\ndef f(*a, **k):\n    return len(a) + len(k)\nf(1, 2); f(1, 2); f(a=1); f(a=1); f((1, 2))\ninfo = f.cache_info()\nf.cache_clear()\nreturn info, f.cache_info(), info.hits, info[1], type(info).__name__",
    "import functools\n@functools.cache\ndef f(x):\n    return x\nreturn f([1])",
    "import functools\nreturn functools.lru_cache('a')",
    "import functools\nreturn functools.lru_cache(1)(2)",
    "import functools\nreturn functools.cache(1)",
    "import functools\nreturn functools.cache()",
    "import functools\nreturn functools.lru_cache(maxsize=3, typed=False, x=1)",
    "import functools\nf = functools.lru_cache(maxsize=-5)(lambda x: x)\nf(1); f(1)\nreturn f.cache_info(), f.cache_parameters()",
    "import functools\nf = functools.lru_cache(True)(lambda x: x)\nf(1); f(2); f(1)\nreturn f.cache_info(), f.cache_parameters()",
    "import functools\nreturn functools.lru_cache(len, typed=1)",
    "import functools\nreturn type(functools.lru_cache(len)).__name__, functools.lru_cache(len)('abc'), functools.lru_cache(len).__name__",
    "import functools\nclass C:\n    def __init__(self, k):\n        self.k = k\n    @functools.lru_cache(maxsize=None)\n    def m(self, x):\n        return self.k * x\n    def __hash__(self):\n        return 1\n    def __eq__(self, o):\n        return self.k == o.k\na, b = C(2), C(2)\nreturn a.m(3), b.m(3), C.m.cache_info()",
    "import functools\n@functools.lru_cache(maxsize=None)\ndef f(n):\n    return f(n + 1)\nreturn f(0)",
    "import functools\nf = functools.lru_cache()(lambda: 1)\nf()\nf.x = 5\nr = f.x\ndel f.x\nreturn r, f(), f.cache_info()",
    "import functools\nf = functools.lru_cache()(lambda: 1)\ndel f.x",
    "import functools\nreturn functools.lru_cache().__qualname__",
    "import functools\nf = functools.cache(len)\nreturn f.cache_info(1)",
    "import functools\ndef deco(fn):\n    @functools.wraps(fn)\n    def wrapper(*a, **k):\n        return fn(*a, **k)\n    return wrapper\n@deco\ndef hello(x):\n    return x + 1\nreturn hello(1), hello.__name__, hello.__qualname__",
    "import functools\ndef f(): pass\ndef g(): pass\nr = functools.update_wrapper(g, f)\nreturn r is g, g.__name__, g.__qualname__",
    "import functools\ndef f(): pass\nreturn functools.update_wrapper(len, f)",
    "import functools\ndef f(): pass\nreturn functools.update_wrapper(1, f)",
    "import functools\ndef f(): pass\nreturn functools.update_wrapper(int, f)",
    "import functools\ndef f(): pass\nclass C: pass\nc = C()\nfunctools.update_wrapper(c, f)\nreturn c.__name__, c.__qualname__",
    "import functools\ndef f(): pass\np = functools.partial(f)\nfunctools.update_wrapper(p, f)\nreturn p.__qualname__",
    "import functools\ndef f(): pass\ndef g(): pass\nreturn functools.update_wrapper(g, f, assigned=(1,))",
    "import functools\ndef f(): pass\ndef g(): pass\nreturn functools.update_wrapper(g, f, updated=('x',))",
    "import functools\ndef f(): pass\ndef g(): pass\nreturn functools.update_wrapper(g)",
    "import functools\ndef f(): pass\nreturn type(functools.wraps(f)).__name__, functools.wraps(f).keywords['wrapped'] is f, functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES",
    "import functools\ndef f(): pass\ng = functools.lru_cache(f)\ng.tag = 'x'\nh = functools.lru_cache(lambda: 2)\nfunctools.update_wrapper(h, g)\nreturn h.tag, h.__name__",
    "import functools\ndef f(): pass\nreturn functools.wraps(f)(print)",
    "import functools\n@functools.lru_cache(maxsize=3)\ndef f(x):\n    return x\nfor i in range(10):\n    f(i % 5)\nreturn f.cache_info()",
    "import functools\n@functools.lru_cache(typed=1)\ndef f(a, b):\n    return 1\nclass A: pass\nx, y = A(), A()\nf(x, 1); f(y, 1); f(x, 1)\nreturn f.cache_info(), f.cache_parameters()",
    "import functools\nf = functools.lru_cache(maxsize=None)(lambda *a: len(a))\nf(int, str); f(str, int); f(int, str)\nreturn f.cache_info(), len({(int,), (str,)})",
  ])).toEqual([]);
});

/** total_ordering: the missing orderings from the greatest root by name, NotImplemented passed on, `and`/`or` answering an operand as Python's do. */
it('answers total_ordering as CPython does', () => {
  expect(compareWithCPython([
    "import functools\n@functools.total_ordering\nclass V:\n    def __init__(self, v):\n        self.v = v\n    def __eq__(self, o):\n        return self.v == o.v\n    def __lt__(self, o):\n        return self.v < o.v\na, b, c = V(1), V(2), V(1)\nreturn a < b, a > b, a <= c, a >= c, b >= a, a <= b, b <= a, sorted([V(3), V(1), V(2)], reverse=True)[0].v, max([V(3), V(5)]).v",
    "import functools\n@functools.total_ordering\nclass V:\n    def __init__(self, v):\n        self.v = v\n    def __gt__(self, o):\n        return self.v > o.v\na, b = V(1), V(2)\nreturn a < b, a >= b, a <= b, a <= a, b >= b",
    "import functools\n@functools.total_ordering\nclass V:\n    def __init__(self, v):\n        self.v = v\n    def __le__(self, o):\n        if not isinstance(o, V):\n            return NotImplemented\n        return self.v <= o.v\nreturn V(1) < V(2), V(2) > V(1), V(1) >= V(1), V(1) < V(1)",
    "import functools\n@functools.total_ordering\nclass V:\n    def __le__(self, o):\n        return NotImplemented\nreturn V() < 1",
    "import functools\n@functools.total_ordering\nclass V:\n    def __ge__(self, o):\n        return 'yes'\n    def __eq__(self, o):\n        return 'eq'\nreturn V() <= V(), V() > V(), V() < V()",
    "import functools\n@functools.total_ordering\nclass V:\n    def __lt__(self, o):\n        return 0\n    def __eq__(self, o):\n        return []\nreturn V() <= V(), V() > V(), V() >= V()",
    "import functools\n@functools.total_ordering\nclass V:\n    pass",
    "import functools\nreturn functools.total_ordering(object)",
    "import functools\nreturn functools.total_ordering(int) is int, functools.total_ordering(5)",
    "import functools\n@functools.total_ordering\nclass A:\n    def __init__(self, v):\n        self.v = v\n    def __lt__(self, o):\n        return self.v < o.v\nclass B(A):\n    pass\nreturn B(1) > B(0), B(1) >= A(2)",
    "import functools\nreturn functools.total_ordering()",
    "import functools\n@functools.total_ordering\nclass P(tuple):\n    pass\nreturn P((1,)) < P((2,))",
    "import functools\n@functools.total_ordering\nclass A:\n    def __lt__(self, o):\n        return True\n    def __le__(self, o):\n        return False\na = A()\nreturn a < a, a <= a, a > a, a >= a",
  ])).toEqual([]);
});

/** cached_property computes once into the instance's attributes, which come first after; partialmethod binds its function and gives a partial. */
it('answers cached_property and partialmethod as CPython does', () => {
  expect(compareWithCPython([
    "import functools\nclass C:\n    def __init__(self, v):\n        self.v = v\n        self.n = 0\n    @functools.cached_property\n    def sq(self):\n        self.n += 1\n        return self.v ** 2\nc = C(3)\nr = [c.sq, c.sq, c.n]\nc.sq = 100\nr.append(c.sq)\ndel c.sq\nr.append(c.sq)\nr.append(c.n)\nreturn r, type(C.sq).__name__, C.sq.attrname, C.sq.func.__name__",
    "import functools\nclass C:\n    @functools.cached_property\n    def x(self):\n        return [1]\na, b = C(), C()\nreturn a.x is a.x, a.x is b.x, a.x == b.x",
    "import functools\nclass C:\n    @functools.cached_property\n    def x(self):\n        raise ValueError('no')\nc = C()\ntry:\n    c.x\nexcept ValueError as e:\n    r = str(e)\nreturn r, hasattr(c, 'x')",
    "import functools\nreturn functools.cached_property()",
    "import functools\nreturn functools.cached_property(1, 2)",
    "import functools\np = functools.cached_property(len)\nreturn p.attrname, p.func",
    "import functools\nclass D(dict):\n    @functools.cached_property\n    def total(self):\n        return sum(self.values())\nd = D(a=1, b=2)\nreturn d.total, d.total, dict(d)",
    "import functools\nclass C:\n    def __init__(self):\n        self.calls = []\n    def set(self, key, value, flag=False):\n        self.calls.append((key, value, flag))\n        return value\n    set_a = functools.partialmethod(set, 'a')\n    set_b = functools.partialmethod(set, 'b', flag=True)\nc = C()\nreturn c.set_a(1), c.set_b(2), c.set_b(3, flag=False), c.calls, type(c.set_a).__name__",
    "import functools\nclass C:\n    def m(self, *a, **k):\n        return a, sorted(k.items())\n    p = functools.partialmethod(m, 1, x=2)\n    q = functools.partialmethod(p, 3, y=4)\nreturn C().p(9), C().q(8, x=0), C.p(C(), 7)",
    "import functools\nclass C:\n    @staticmethod\n    def s(*a):\n        return a\n    @classmethod\n    def c(cls, *a):\n        return cls.__name__, a\n    ps = functools.partialmethod(s, 1)\n    pc = functools.partialmethod(c, 2)\n    pl = functools.partialmethod(len)\nreturn C().ps(2), C().pc(3), C.ps(5), C.pc(6)",
    "import functools\nclass C:\n    pl = functools.partialmethod(len)\nreturn C().pl()",
    "import functools\nreturn functools.partialmethod(1)",
    "import functools\nreturn functools.partialmethod()",
    "import functools\ndef f(self, a):\n    return a\nreturn repr(functools.partialmethod(f, 1, b=2)).startswith('functools.partialmethod(<function envelope.<locals>.f'), repr(functools.partialmethod(f, 1, b=2)).endswith(', 1, b=2)'), repr(functools.partialmethod(len)), repr(functools.partialmethod(len, k=1))",
    "import functools\ndef f(self, a):\n    return a\npm = functools.partialmethod(f, 1, b=2)\nreturn pm.args, pm.keywords, pm.func is f",
    "import functools\nclass C:\n    def m(self, a, b):\n        return a - b\n    p = functools.partialmethod(m, b=1)\nreturn C().p(5), C().p(a=7), C.p(C(), 3)",
    "import functools\nclass C:\n    def m(self, a):\n        return a\n    p = functools.partialmethod(m, 1)\nreturn C.p()",
  ])).toEqual([]);
});

/** singledispatch and singledispatchmethod: by class and by a def's first annotation (a classmethod's too), the nearest class of the argument's order, CPython's errors. */
it('answers singledispatch as CPython does', () => {
  expect(compareWithCPython([
    "import functools\n@functools.singledispatch\ndef show(x):\n    return 'obj'\n@show.register(int)\ndef _(x):\n    return 'int'\n@show.register\ndef _(x: str):\n    return 'str'\n@show.register\ndef _(x: list, verbose=False):\n    return 'list'\ndef f(x):\n    return 'float'\nr = show.register(float, f)\nreturn show(1), show(True), show('a'), show([1]), show(1.5), show(None), show({}), r is f, show.__name__",
    "import functools\n@functools.singledispatch\ndef f(x):\n    return 'base'\nclass A: pass\nclass B(A): pass\nclass C(B): pass\n@f.register\ndef _(x: A):\n    return 'A'\n@f.register(C)\ndef _(x):\n    return 'C'\nreturn f(A()), f(B()), f(C()), f(1), f.dispatch(B) is f.dispatch(A), f.dispatch(int) is f.dispatch(object)",
    "import functools\n@functools.singledispatch\ndef f(x, *rest, **kw):\n    return ('base', rest, kw)\n@f.register\ndef _(x: int, *rest, **kw):\n    return ('int', rest, kw)\nreturn f(1, 2, k=3), f('a', 2, k=3)",
    "import functools\n@functools.singledispatch\ndef f(x):\n    return 1\nreturn f()",
    "import functools\n@functools.singledispatch\ndef f(x):\n    return 1\ndef _(x):\n    return 2\ntry:\n    f.register(_)\nexcept TypeError as e:\n    return str(e).startswith('Invalid first argument to `register()`: <function envelope.<locals>._'), str(e).endswith('>. Use either `@register(some_class)` or plain `@register` on an annotated function.')",
    "import functools\n@functools.singledispatch\ndef f(x):\n    return 1\n@f.register\ndef _(x: 5):\n    return 2",
    "import functools\n@functools.singledispatch\ndef f(x):\n    return 1\nf.register(1, lambda x: 2)",
    "import functools\n@functools.singledispatch\ndef f(x):\n    return 1\n@f.register\ndef _(x: None):\n    return 'none'\nreturn f(None), f(0)",
    "import functools\n@functools.singledispatch\ndef f(x):\n    return 1\ndef g(x) -> int:\n    return 2\nf.register(g)\nreturn f(5)",
    "import functools\n@functools.singledispatch\ndef f(x):\n    return 1\nclass M(dict): pass\n@f.register(dict)\ndef _(x):\n    return 'dict'\nreturn f(M()), f({}), sorted(k.__name__ for k in f.registry), len(f.registry)",
    "import functools\n@functools.singledispatch\ndef total(x):\n    return x\n@total.register(list)\ndef _(x):\n    return sum(total(i) for i in x)\nreturn total([1, [2, [3, 4]], 5])",
    "import functools\nclass N:\n    @functools.singledispatchmethod\n    def neg(self, arg):\n        return 'no'\n    @neg.register\n    def _(self, arg: int):\n        return -arg\n    @neg.register(bool)\n    def _(self, arg):\n        return not arg\n    @neg.register\n    @classmethod\n    def _(cls, arg: str):\n        return cls.__name__ + arg\nreturn N().neg(3), N().neg(True), N().neg([]), N().neg('x'), N.neg(N(), 2) if False else 0",
    "import functools\nreturn functools.singledispatchmethod(1)",
    "import functools\nreturn functools.singledispatch()",
    "import functools\n@functools.singledispatch\ndef f(x):\n    return 1\nf.extra = 5\nreturn f.extra, type(f).__name__",
    "def g(a: int, b, *c: str, d: float = 1.0, **e: dict) -> bool:\n    return a\nreturn g(3, 4)",
  ])).toEqual([]);
});

/** The names Lib/functools.py imports are its own too. */
it('has namedtuple, GenericAlias and _CacheInfo as CPython does', () => {
  expect(compareWithCPython([
    'import functools\nfunctools._CacheInfo.x = 1\nf = functools.cache(len)\nreturn type(f.cache_info()) is functools._CacheInfo, type(f.cache_info()).x, f.cache_info()',
    "import functools, collections\nreturn functools.namedtuple is collections.namedtuple, functools.namedtuple('P', 'x y')(1, 2), functools.GenericAlias(list, (int,)), functools.GenericAlias(dict, (str, int)) == dict[str, int]",
  ])).toEqual([]);
});

/** A store on functools._CacheInfo (a namedtuple's class, which takes attributes) is the run's own: each run has its own class. */
it('keeps a store on _CacheInfo to its run', () => {
  const engine = new Engine();
  const run = (source: string): unknown => {
    const program = engine.compile(source, 'standard');
    if (program instanceof ConditionError) throw new Error(program.message);
    return engine.runStandard(program, parseJson('{"Text": "x"}') as PyDict, 'x', parseJson('{}')).value;
  };
  expect(run('import functools\nfunctools._CacheInfo.x = 1\nreturn functools._CacheInfo.x')).toBe(1);
  expect((run("import functools\nreturn hasattr(functools._CacheInfo, 'x'), hasattr(type(functools.cache(len).cache_info()), 'x')") as { items: unknown[] }).items).toEqual([false, false]);
});

/** _lru_cache_wrapper, the C type lru_cache makes: its own words for a wrong call, cache_info() a call of the type it was given. */
it('answers _lru_cache_wrapper as CPython does', () => {
  expect(compareWithCPython([
    "import functools\nf = functools._lru_cache_wrapper(len, 2, False, functools._CacheInfo)\nf('ab'); f('ab'); f('abc')\nreturn f.cache_info(), type(f) is functools._lru_cache_wrapper, type(functools.cache(len)) is functools._lru_cache_wrapper",
    "import functools\nreturn functools._lru_cache_wrapper(1, 2, False, None)",
    "import functools\nreturn functools._lru_cache_wrapper(len, 2, False)",
    "import functools\nfunctools._lru_cache_wrapper.x = 1",
    "import functools\nreturn functools._lru_cache_wrapper(len, 2, False, 1, 2)",
    "import functools\nreturn functools._lru_cache_wrapper(len, 'a', False, 1)",
    "import functools\nf = functools._lru_cache_wrapper(len, -3, 0, 1)\nf('a'); f('a')\nreturn f.cache_info()",
  ])).toEqual([]);
});

/** update_wrapper renames a def's function in place: a module's class's method, which every condition reads, is refused as any store on it. */
it("refuses update_wrapper on a module class's method, which stays as it was", () => {
  const engine = new Engine();
  const run = (source: string): unknown => {
    const program = engine.compile(source, 'standard');
    if (program instanceof ConditionError) throw new Error(program.message);
    try {
      return engine.runStandard(program, parseJson('{"Text": "x"}') as PyDict, 'x', parseJson('{}')).value;
    } catch (e) {
      return e instanceof PyException ? describeException(e) : e;
    }
  };
  for (const method of ['string.Template.substitute', 'calendar.Calendar.iterweekdays']) {
    const module = method.split('.')[0];
    expect(run(`import functools, ${module}\ndef f(): pass\ntry:\n    functools.update_wrapper(${method}, f)\nexcept BaseException:\n    pass`)).toMatch(/^UnsupportedError: cannot set '.*__module__': the modules' classes and functions are read-only/);
    expect(run(`import ${module}\nreturn ${method}.__name__`)).toBe(method.split('.')[2]);
  }
});

/** cmp_to_key's K parses (obj) as PyArg_ParseTupleAndKeywords words it, and keeps it as .obj (the 2026 fuzz). */
it('calls and reads a cmp_to_key wrapper as CPython does', () => {
  const call = (args: string) => `import functools\nK = functools.cmp_to_key(lambda a, b: 0)\nreturn K(${args}).obj`;
  expect(compareWithCPython([
    call(''), call('1, 2'), call('obj=1'), call('x=1'), call('1, obj=1'), call('1, 2, 3'), call('1, x=1'), call('obj=1, x=2'), call('[1]'),
    'import functools\nk = functools.cmp_to_key(lambda a, b: a - b)(1)\nk.obj = 5\nreturn k.obj, k < functools.cmp_to_key(lambda a, b: a - b)(3)',
    'import functools\nk = functools.cmp_to_key(lambda a, b: 0)(1)\nk.x = 1',
    'import functools\nk = functools.cmp_to_key(lambda a, b: 0)(1)\ndel k.x',
  ])).toEqual([]);
});

/**
 * partial_repr prints each argument by PyObject_Repr, a level of CPython's limit: the last nesting
 * that answers at the envelope's level of the original's `python3 -c`, and one more. Its reprs
 * counted no level (a partial nested 2,000 deep ran JavaScript's stack out, and one in a list
 * 600 deep answered where CPython raises), and made a frame or two more than a level needs.
 */
const NESTED: [route: string, wrap: string, last: number][] = [
  ["'%r' % (x,)", 'functools.partial(print, x)', 997],
  ['repr(x)', 'functools.partial(print, k=x)', 996],
  ["'{}'.format(x)", 'functools.partial(functools.partial(print, x))', 995],
  ["f'{x}'", 'functools.partial(print, [x])', 498],
  ['str(x)', 'types.SimpleNamespace(a=functools.partial(print, x))', 498],
];

it("prints partials nested as deep as the original's CPython does, at N and N+1", () => {
  expect(nestedUnlikeOriginal(NESTED.map(([route, wrap, last]) => ({
    label: `${route} of ${wrap} ${last} deep and one more`,
    build: `import functools, types\nx = 1\nfor i in range(${last}): x = ${wrap}`,
    wrap,
    walk: route,
  })))).toEqual([]);
}, 60_000);
