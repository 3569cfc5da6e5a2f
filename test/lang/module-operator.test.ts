import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** The in-place operators as functions (the statement's own `+=`, a list extended in place), countOf, indexOf, setitem, delitem, call and methodcaller. */
it('answers the rest of operator as CPython does', () => {
  expect(compareWithCPython([
    "import operator\nl = [1]\nr = operator.iadd(l, [2])\nreturn r is l, l, operator.iadd(1, 2), operator.isub(5, 2), operator.imul('ab', 2), operator.itruediv(7, 2), operator.ifloordiv(7, 2), operator.imod(7, 3), operator.ipow(2, 10), operator.iand(6, 3), operator.ior(6, 3), operator.ixor(6, 3), operator.ilshift(1, 4), operator.irshift(32, 2)",
    "import operator\ns = {1}\nt = operator.ior(s, {2})\nd = {'a': 1}\noperator.ior(d, {'b': 2})\nreturn s, t is s, d",
    "import operator\nreturn operator.iadd(1, 'a')",
    "import operator\nreturn operator.imatmul(1, 2)",
    "import operator\nreturn operator.iadd(1)",
    "import operator\nreturn operator.iconcat([1], (2,)), operator.iconcat('a', 'b')",
    "import operator\nreturn operator.iconcat(1, 2)",
    "import operator\nreturn operator.concat(1, 2)",
    "import operator\nreturn operator.countOf([1, 2, 1, 1.0, True], 1), operator.countOf('abca', 'a'), operator.indexOf([3, 4, 5], 5), operator.indexOf('abc', 'c')",
    "import operator\nreturn operator.indexOf([1], 2)",
    "import operator\nreturn operator.countOf(1, 2)",
    "import operator\nn = float('nan')\nreturn operator.countOf([n, n], n), operator.indexOf([1, n], n)",
    "import operator\nd = {'a': 1, 'b': 2}\noperator.delitem(d, 'a')\nr = operator.setitem(d, 'c', 3)\nreturn d, r",
    "import operator\nreturn operator.delitem({}, 'x')",
    "import operator\nreturn operator.setitem([], 0, 1)",
    "import operator\nreturn operator.setitem([], 0)",
    "import operator\nf = operator.methodcaller('split', ',', maxsplit=1)\nreturn f('a,b,c'), repr(f), repr(operator.methodcaller('upper')), operator.methodcaller('count', 'a')('banana')",
    "import operator\nreturn operator.methodcaller()",
    "import operator\nreturn operator.methodcaller(1)",
    "import operator\nreturn operator.methodcaller('nope')(1)",
    "import operator\nreturn operator.methodcaller('upper')()",
    "import operator\nreturn operator.methodcaller('upper')('a', 'b')",
    "import operator\nreturn operator.methodcaller('upper')(x=1)",
    "import operator\nreturn type(operator.methodcaller('x')).__name__, repr(type(operator.methodcaller('x')))",
    "import operator\nreturn operator.call(len, 'abc'), operator.call(dict, a=1), operator.call(max, 1, 2, key=lambda x: -x)",
    "import operator\nreturn operator.call()",
    "import operator\nclass P:\n    def __init__(self):\n        self.q = P2()\nclass P2:\n    z = 5\n    def m(self, a, b=2):\n        return a + b\nreturn operator.attrgetter('q.z')(P()), operator.attrgetter('q.z', 'q')(P())[0], operator.methodcaller('m', 1, b=10)(P2())",
    "import operator\nreturn operator.truth([]), operator.not_(0), operator.is_(None, None), operator.is_not(1, None)",
    "import operator\nreturn repr(operator.methodcaller('f', 'a', 1, k=[1], j='x'))",
  ])).toEqual([]);
});

// concat and iconcat take what PySequence_Concat takes: a type with sq_concat, or an instance whose class has __getitem__; a range, a view, a function can't be concatenated
it('concatenates with operator.concat and iconcat as CPython does', () => {
  expect(compareWithCPython(["import operator, collections\nclass S:\n    def __getitem__(s, i):\n        if i > 1:\n            raise IndexError\n        return i\n    def __add__(s, o): return 'added'\nclass N:\n    def __add__(s, o): return 'added'\nclass L(list):\n    pass\nclass T(str):\n    pass\nr = []\nfor a, b in [([1], (2,)), ('a', 1), (range(2), range(2)), (S(), S()), (S(), [1]), (N(), [1]), ([1], S()), (collections.deque([1]), [2]), (b'a', 'b'), (memoryview(b'a'), b'b'), ({}.keys(), [1]), (1, 2), ({}, {}), (L([1]), [2]), (T('a'), 'b'), (bytearray(b'a'), b'b'), ((1,), (2,)), (None, []), (len, [1]), (1.5, 2), ({1}, {2})]:\n    for f in [operator.concat, operator.iconcat]:\n        try:\n            r.append(f(a, b))\n        except Exception as e:\n            r.append((type(e).__name__, str(e)))\nreturn r\n"])).toEqual([]);
});

// length_hint: len() first, then a class's __length_hint__ (its TypeError and NotImplemented the default), a range iterator's count; what a list iterator has left is not kept, so refused
it('answers operator.length_hint as CPython does, and refuses it for an iterator whose hint is not kept', () => {
  expect(compareWithCPython(["import operator, itertools\nclass H:\n    def __init__(self, v):\n        self.v = v\n    def __length_hint__(self):\n        if isinstance(self.v, Exception):\n            raise self.v\n        return self.v\nclass L:\n    def __len__(self):\n        raise TypeError('no')\n    def __length_hint__(self):\n        return 7\nr = []\nfor o in [[1, 2], 'abc', {}, None, 5, len, H(3), H(NotImplemented), H(-1), H(2.5), H(TypeError('t')), H(ValueError('v')), H(2**70), L(), iter(range(5)), iter(range(2**70)), (x for x in 'ab'), map(len, []), zip(), enumerate([]), itertools.count(), itertools.chain([1]), range(10**30), b'ab', {1, 2}]:\n    for d in [(), (4,), (-2,), (2.0,), (2**70,), (True,)]:\n        try:\n            r.append(operator.length_hint(o, *d))\n        except Exception as e:\n            r.append((type(e).__name__, str(e)))\nreturn r", "import operator\nr = []\nfor a, k in [((), {}), ((1, 2, 3), {}), (([],), {'default': 1}), ((), {'obj': []})]:\n    try:\n        r.append(operator.length_hint(*a, **k))\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r, repr(operator.length_hint)"])).toEqual([]);
  expect(evaluator(new Engine(), { source: 'import operator\nreturn operator.length_hint(iter([1, 2, 3]))' }).error).toMatch(/^UnsupportedError: operator\.length_hint of a list_iterator is not available/);
});

// a getter's repr is made of its parts' reprs when it is asked for, as CPython's: methodcaller made them when it was built
it("writes a getter's repr from what it holds now, once, and (...) met inside itself", () => {
  expect(compareWithCPython([
    "import operator\nl = []\nm = operator.methodcaller('x', l, k=l)\nl.append(1)\nreturn repr(m)",
    "import operator\nclass A:\n    n = 0\n    def __repr__(self):\n        A.n += 1\n        return 'A'\nm = operator.methodcaller('x', A(), b=A())\nreturn A.n, repr(m), A.n",
    "import operator\nl = []\nm = operator.methodcaller('x', l)\nl.append(m)\nreturn repr(m)",
    "import operator\nclass S(str):\n    def __repr__(self):\n        return 'S!'\nreturn repr(operator.methodcaller(S('x'), 1, a=2, b='c'))",
    "import operator\nreturn repr(operator.itemgetter(1, 'a', [1])), repr(operator.attrgetter('a.b', 'c'))",
    "import operator\nl = []\ng = operator.itemgetter(l)\nl.append(g)\na = operator.attrgetter('x')\nreturn repr(g), repr(a), repr([g, g])",
  ])).toEqual([]);
});
