import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const COPY = 'import copy\n';
const both = (setup: string, expr: string) => [`${COPY}${setup}\nreturn ${expr.replace(/COPY/g, 'copy.copy')}`, `${COPY}${setup}\nreturn ${expr.replace(/COPY/g, 'copy.deepcopy')}`];

/** A class's __reduce__ or __reduce_ex__: _reconstruct(x, memo, *rv), with CPython's words for a value of the wrong shape. */
it("copies through a class's __reduce__ and __reduce_ex__ as Lib/copy.py does", () => {
  const A = 'class A:\n    def __init__(self, r):\n        self.r = r\n    def __reduce__(self):\n        return self.r';
  const rvs = ['5', '"abc"', '()', '(list,)', '(list, 5)', '(list, ())', '(list, (), 1, 2, 3, 4)', '[list, ()]', '(list, [[1]])', '(5, ())', '(dict, (), 7)', '(list, (), None, 5)',
    '(dict, (), None, None, 5)', '(dict, (), None, None, [5])', '(dict, (), None, None, [(1, 2, 3)])', '(dict, (), None, None, [(1,)])', '(dict, (), None, None, iter([(1, [2])]))', '(list, (), None, [1], None)', '(list, (), None, iter([[1], [2]]))',
    '(A, (1,), (1, 2, 3))', '(A, (1,), ({"k": 1}, {"s": 2}))', '(A, (1,), (None, 5))', '(A, (1,), [1])', '(A, (1,), {"k": [1]})', '(A, (1,), {1: 2})', '(A, (1,), (None, {1: 2}))', '(A, ([1],), None)', '(A, [[1]])', '(A, (), None)',
    '(dict, {})', '(list, "")', '(A, iter([[3]]))', '(len, ([1, 2],))', '(str, (b"x", "ascii"))'];
  const show = '(lambda y: (type(y).__name__, getattr(y, "__dict__", y)))';
  expect(compareWithCPython([
    ...rvs.flatMap((rv) => both(A, `${show}(COPY(A(${rv})))`)),
    ...both('class B:\n    def __reduce_ex__(self, p):\n        return (B, (), {"p": p})', 'vars(COPY(B()))'),
    ...both('class B:\n    def __reduce_ex__(self, p):\n        return (B, (), {"p": p})\n    def __reduce__(self):\n        return (list, ())', 'vars(COPY(B()))'),
    ...both('class R:\n    def __reduce__(self):\n        raise KeyError("k")', 'COPY(R())'),
    ...both('class R:\n    def __reduce__(self):\n        return "R"', 'COPY(R()) is COPY(R())'),
    ...both('class R:\n    def __reduce__(self, extra):\n        return "R"', 'COPY(R())'),
    ...both('class R:\n    __reduce__ = 5', 'COPY(R())'),
    ...both('class L(list):\n    def __reduce__(self):\n        return (L, (), self.__dict__, iter(self))\nl = L([1, [2]])\nl.t = 3', '(lambda y: (y, vars(y), type(y).__name__, y[1] is l[1]))(COPY(l))'),
    // a shared part and a cycle through a reduce are copied once
    ...both('class P:\n    def __reduce__(self):\n        return (P, (), {"me": self, "x": [1]})', '(lambda y: (y.me is y, type(y).__name__))(COPY(P()))'),
    `${COPY}class A:\n    def __deepcopy__(self, memo):\n        return "deep"\n    def __reduce__(self):\n        return "red"\nreturn copy.deepcopy(A()), copy.copy(A()).__class__.__name__`,
    `${COPY}class A:\n    def __copy__(self):\n        return "c"\n    def __reduce__(self):\n        return (list, ())\nreturn copy.copy(A()), copy.deepcopy(A())`,
    `${COPY}class A:\n    def __reduce_ex__(self, p):\n        return (A, (), None, None, None)\n    def __init__(self):\n        self.x = [1]\na = A()\nb = copy.deepcopy([a, a])\nreturn b[0] is b[1], type(b[0]).__name__`,
    `${COPY}class A(list):\n    def __reduce__(self):\n        return (A, (), None, iter(self))\na = A([[1], 2])\nb = copy.deepcopy(a)\nreturn b, b[0] is a[0], type(b).__name__`,
    `${COPY}class A(dict):\n    def __reduce__(self):\n        return (A, (), None, None, iter(self.items()))\na = A(k=[1])\nb = copy.deepcopy(a)\nreturn b, b["k"] is a["k"]`,
    `${COPY}class A:\n    def __getstate__(self):\n        return {"a": self}\nx = A()\ny = copy.deepcopy(x)\nreturn y.a is y, y is not x`,
    `${COPY}class A:\n    __slots__ = ("a",)\n    def __getnewargs__(self):\n        return ()\nx = A()\nx.a = [1]\ny = copy.deepcopy(x)\nreturn y.a, y.a is x.a`,
    // id() is the memo's key, as in CPython: a __deepcopy__ files its copy under id(self)
    `${COPY}class A:\n    def __init__(self):\n        self.me = self\n    def __deepcopy__(self, memo):\n        r = A.__new__(A)\n        memo[id(self)] = r\n        r.me = copy.deepcopy(self.me, memo)\n        return r\na = A()\nb = copy.deepcopy(a)\nreturn b.me is b, b is not a`,
    `${COPY}x = [[1], (2,)]\nm = {}\ny = copy.deepcopy(x, m)\nreturn id(x) in m, m[id(x)] is y, id(m) in m, m[id(m)][-1] is x, len(m)`,
    `${COPY}class P:\n    def __init__(self, a):\n        self.a = a\n    def __reduce__(self):\n        return (P, (self.a,))\nshared = [1]\nys = copy.deepcopy([P(shared), P(shared), shared])\nreturn ys[0].a is ys[1].a, ys[0].a is ys[2]`,
  ])).toEqual([]);
});

/** object's own reduce asks the class's __getstate__, __getnewargs__ and __getnewargs_ex__; y's __setstate__ takes the state. */
it('reads __getstate__, __setstate__ and __getnewargs__ as object.__reduce_ex__ does', () => {
  const N = 'class N:\n    def __new__(cls, a, b=0):\n        o = object.__new__(cls)\n        o.a = a\n        o.b = b\n        return o';
  expect(compareWithCPython([
    ...both('class G:\n    def __getstate__(self):\n        return {"x": 5}', 'vars(COPY(G()))'),
    ...both('class G:\n    def __getstate__(self):\n        return 7', 'vars(COPY(G()))'),
    ...both('class G:\n    def __getstate__(self):\n        return None\ng = G()\ng.k = 1', 'vars(COPY(g))'),
    ...both('class G:\n    def __getstate__(self):\n        return ({"a": 1}, {"b": [2]})', 'vars(COPY(G()))'),
    ...both('class S:\n    def __setstate__(self, s):\n        self.got = s\n    def __getstate__(self):\n        return [1]', 'vars(COPY(S()))'),
    ...both('class S:\n    def __setstate__(self, s):\n        self.got = s\ns = S()\ns.q = [1]', 'vars(COPY(s))'),
    ...both('class S:\n    def __setstate__(self, s):\n        self.got = s', 'vars(COPY(S()))'),
    ...both(`${N}\n    def __getnewargs__(self):\n        return (self.a,)`, 'vars(COPY(N(3, 4)))'),
    ...both(`${N}\n    def __getnewargs__(self):\n        return 5`, 'COPY(N(3))'),
    ...both(`${N}\n    def __getnewargs__(self):\n        return ([1],)`, '(lambda n: COPY(n).a is n.a)(N(3))'),
    ...both(`${N}\n    def __getnewargs_ex__(self):\n        return ((1,), {"b": 2})`, 'vars(COPY(N(3)))'),
    ...['5', '(1,)', '([], {})', '((), 5)', '((), {1: 2})', '((1, 2, 3), {})'].flatMap((r) => both(`${N}\n    def __getnewargs_ex__(self):\n        return ${r}`, 'COPY(N(3))')),
    ...both('class T:\n    def __getnewargs__(self):\n        return (1,)', 'COPY(T())'),
    ...both('class I(int):\n    def __getnewargs__(self):\n        return (7,)\ni = I(3)\ni.z = 1', '(lambda y: (y, type(y).__name__, vars(y)))(COPY(i))'),
    ...both('class SL:\n    __slots__ = ("a", "b")\ns = SL()\ns.a = [1]', '(lambda y: (y.a, hasattr(y, "b")))(COPY(s))'),
    ...both('class SD:\n    __slots__ = ("a", "__dict__")\ns = SD()\ns.a = 1\ns.z = 2', '(lambda y: (y.a, vars(y)))(COPY(s))'),
    ...both('class SL:\n    __slots__ = ("a",)\n    def __getstate__(self):\n        return (None, {"a": 9})', 'COPY(SL()).a'),
  ])).toEqual([]);
});

/** Hostile reduces end within the run's limits. */
it('bounds hostile reduces', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const error = (source: string) => evaluator(engine, { source }).error;
  // a reduce whose args hold another of its kind, without end
  expect(error(`${COPY}class D:\n    def __reduce__(self):\n        return (D, (D(),))\n    def __init__(self, *a):\n        pass\nreturn copy.deepcopy(D())`)).toMatch(/^RecursionError/);
  expect(error(`${COPY}class D:\n    def __init__(self, n):\n        self.n = n\n    def __reduce__(self):\n        return (D, (D(self.n + 1) if self.n < 10**6 else 0,))\nreturn copy.deepcopy(D(0))`)).toMatch(/^RecursionError/);
  expect(error(`${COPY}import itertools\nclass E:\n    def __reduce__(self):\n        return (list, (), None, itertools.count())\nreturn copy.copy(E())`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(error(`${COPY}import itertools\nclass E:\n    def __reduce__(self):\n        return (dict, (), None, None, zip(itertools.count(), itertools.count()))\nreturn copy.deepcopy(E())`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(error(`${COPY}class E:\n    def __reduce__(self):\n        return (list, range(10**8))\nreturn copy.copy(E())`)).toMatch(/^(StepLimitError|MemoryError|TypeError)/);
  expect(error(`${COPY}class E:\n    def __reduce__(self):\n        return (E, (), {f"a{i}": i for i in range(10**6)})\nreturn copy.copy(E())`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(error(`${COPY}class G:\n    def __getstate__(self):\n        return copy.deepcopy(self)\nreturn copy.deepcopy(G())`)).toMatch(/^RecursionError/);
});
