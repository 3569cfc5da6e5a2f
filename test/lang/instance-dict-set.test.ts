import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const A = 'class A:\n    pass\n';

/** obj.__dict__ = d: d becomes the instance's attributes, the same object afterwards; CPython's TypeErrors and AttributeErrors elsewhere. */
it("sets and deletes an instance's __dict__ as CPython does", () => {
  expect(compareWithCPython([
    `${A}a = A()\na.x = 1\nd = {'y': 2}\na.__dict__ = d\na.z = 3\nreturn a.y, a.__dict__ is d, vars(a) is d, d, hasattr(a, 'x')`,
    `${A}a = A()\nd = {}\na.__dict__ = d\nd['k'] = [1]\nreturn a.k, dir(a)[-1]`,
    `${A}a = A()\na.__dict__ = 5`,
    `${A}a = A()\na.__dict__ = [('x', 1)]`,
    `${A}a = A()\na.__dict__ = None`,
    `${A}a = A()\na.x = 1\ndel a.__dict__\nreturn a.__dict__, hasattr(a, 'x'), vars(a)`,
    `${A}a = A()\ndel a.__dict__\na.q = 1\nreturn a.q, vars(a)`,
    `e = ValueError()\ne.__dict__ = {'k': 1}\nreturn e.k, e.__dict__`,
    'e = ValueError()\ndel e.__dict__',
    'e = ValueError()\ne.__dict__ = 1',
    'class E(Exception):\n    pass\ne = E()\ne.__dict__ = {"w": 2}\nreturn e.w',
    'class E(Exception):\n    pass\ndel E().__dict__',
    'class S:\n    __slots__ = ("a",)\nS().__dict__ = {}',
    'class S:\n    __slots__ = ("a",)\nS().__dict__ = 5',
    'class S:\n    __slots__ = ("a",)\ndel S().__dict__',
    `${A}import collections\nb = A()\nb.__dict__ = collections.Counter(q=1)\nb.r = 2\nreturn b.q, type(b.__dict__).__name__, b.__dict__`,
    `${A}import collections\nb = A()\nb.__dict__ = collections.defaultdict(int)\nb.r = 2\nreturn b.r, b.__dict__`,
    `${A}A.__dict__ = {}`,
    `${A}del A.__dict__`,
    `${A}b = A()\nb.__dict__ = {1: 2}\nreturn vars(b)`,
    `${A}b = A()\nb.__dict__ = {1: 2}\nreturn dir(b)`,
    'object().__dict__ = {}', '(1).__dict__ = {}', 'x = [1]\nx.__dict__ = {}',
    `${A}setattr(A(), '__dict__', [])`,
    `${A}a = A()\nsetattr(a, '__dict__', {'s': 1})\nreturn a.s`,
    `${A}class D(dict):\n    def __setitem__(self, k, v):\n        raise KeyError(k)\nb = A()\ndd = D(r=1)\nb.__dict__ = dd\nb.s = 2\nreturn b.r, dd, type(vars(b)).__name__`,
    `${A}b = A()\nb.__dict__ = {}\nb.__dict__['x'] = 1\nreturn b.x`,
    'class L(list):\n    pass\nl = L([1])\nl.__dict__ = {"n": 1}\nreturn l.n, l, vars(l)',
    'class I(int):\n    pass\ni = I(4)\ni.__dict__ = {"n": 1}\nreturn i.n, i + 1',
    'class D(dict):\n    pass\nd = D(a=1)\nd.__dict__ = {"n": 1}\nreturn d.n, d, vars(d)',
    'class H:\n    def __setattr__(self, k, v):\n        object.__setattr__(self, "seen", k)\nh = H()\nh.__dict__ = {"a": 1}\nreturn vars(h)',
    `${A}a = A()\nd = {'x': 1}\na.__dict__ = d\nb = A()\nb.__dict__ = d\nb.x = 2\nreturn a.x`,
    `${A}a = A()\na.__dict__ = a.__dict__\na.t = 1\nreturn vars(a)`,
  ])).toEqual([]);
});

/** Hostile stores end within the run's limits. */
it('bounds hostile __dict__ stores', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error(`${A}a = A()\nwhile True:\n    a.__dict__ = {}`)).toMatch(/^StepLimitError/);
  expect(error(`${A}a = A()\nwhile True:\n    del a.__dict__`)).toMatch(/^StepLimitError/);
  // an OrderedDict's order would leave out the names stored past it, as CPython's does: refused
  expect(error(`${A}import collections\nb = A()\nb.__dict__ = collections.OrderedDict(q=1)`)).toMatch(/^UnsupportedError/);
  // a dict holding the instance itself: its repr recurses through __dict__, as CPython's does
  expect(error(`${A}a = A()\na.__dict__ = {'me': a}\nreturn len(str(vars(a))) > 0`)).toBeUndefined();
});
