import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** super() in a classmethod: a builtin base's attributes as through the type, its dunders unbound (the instance first), as CPython 3.11 answers them. */
const classmethod = (base: string, body: string) => `class C(${base}):\n    @classmethod\n    def f(cls):\n        ${body}\nreturn C.f()`;

const BASES: [base: string, value: string][] = [['int', '3'], ['float', '2.5'], ['str', "'ab'"], ['list', '[1, 2]'], ['tuple', '(1, 2)'], ['dict', "{'a': 1}"], ['set', '{1, 2}'], ['frozenset', 'frozenset({1})']];
// read bare: the descriptor's repr (slot wrapper or method), None, or the AttributeError of a name the base has not
const NAMES = ['__eq__', '__ne__', '__lt__', '__repr__', '__str__', '__hash__', '__len__', '__add__', '__mul__', '__or__', '__init__', '__getitem__', '__setitem__', '__contains__', '__iter__', '__bool__', '__format__', '__neg__', '__mod__', '__name__', '__mro__', 'nope'];

const READ = BASES.flatMap(([base]) => NAMES.map((name) => classmethod(base, `return super().${name}`)));

const CALLED = BASES.flatMap(([base, v]) => [
  classmethod(base, `return super().__eq__(${v}, ${v}), super().__ne__(${v}, ${v}), super().__repr__(${v}), super().__hash__ is None or super().__hash__(${v}) == hash(${v})`),
  classmethod(base, `return super().__repr__(C(${v})), super().__eq__(C(${v}), ${v}), super().__str__(C(${v}))`),
  classmethod(base, `return type(super().__repr__).__name__, super().__repr__.__name__, super().__repr__.__qualname__, type(super().__format__).__name__`),
  // the descriptor's checks: no instance, another type's, too many arguments
  classmethod(base, 'return super().__repr__()'),
  classmethod(base, 'return super().__repr__(object())'),
  classmethod(base, `return super().__repr__(${v}, 1)`),
  classmethod(base, 'return super().__eq__(1.5, 2, 3)'),
  classmethod(base, `return super().__eq__(${v})`),
  classmethod(base, `return super().__format__(${v}, '')`),
  classmethod(base, 'return super().__format__(None, "")'),
]);

const MORE = [
  classmethod('int', 'return super().__add__(C(3), 4), super().__neg__(C(3)), super().__new__(cls, 5), super().__format__(3, "x"), super().__repr__(True), super().__add__(True, 2)'),
  classmethod('int', 'return super().__eq__(1.0, 1)'),
  classmethod('int', 'return super().__add__(1, "a"), super().__add__(1, 2.5), super().__floordiv__(7, 2), super().__pow__(2, 100) > 0'),
  classmethod('int', 'return super().__floordiv__(1, 0)'),
  classmethod('int', 'return super().__add__()'),
  classmethod('int', 'return super().__add__(1)'),
  classmethod('int', 'return super().__add__("a", 1)'),
  classmethod('int', 'return super().__add__(1, x=2)'),
  classmethod('int', 'return super().bit_length(255), super().to_bytes(1, 1, "big")'),
  classmethod('float', 'return super().__add__(1, 2.0)'),
  classmethod('float', 'return super().__add__(1.5, 2), super().__divmod__(7.5, 2), super().__bool__(0.0)'),
  classmethod('str', `return super().__mod__('%s!', 'x'), super().__rmod__('x', '%s'), super().__str__(C('q')), super().__format__('ab', '>4'), super().__getitem__('abc', 1), super().__add__('a', C('b')), super().__len__(C('abc')), super().__contains__('abc', 'b')`),
  classmethod('str', 'return super().__str__(1)'),
  classmethod('str', "return super().__str__('a', 'b')"),
  classmethod('str', "return super().__add__('a', 1)"),
  classmethod('str', "return super().__mul__('a', 'b')"),
  classmethod('tuple', 'return super().__getitem__((1, 2, 3), slice(None, None, -1)), super().__mul__((1,), 3), super().__rmul__((1,), 2), super().__lt__((1,), [1]), super().__contains__((1,), 1), super().__len__(C((1, 2)))'),
  classmethod('list', 'l = [1, 2, 3]\n        super().__setitem__(l, 0, 9)\n        super().__delitem__(l, slice(1, 2))\n        r = l[:]\n        super().__init__(l, "ab")\n        return r, l'),
  classmethod('list', 'l = C([1, 2])\n        super().__setitem__(l, 0, 9)\n        super().__init__(l, "xyz")\n        return l, type(l).__name__'),
  classmethod('list', 'return super().__init__([1], 5)'),
  classmethod('list', 'return super().__init__((1,), [])'),
  classmethod('list', 'l = []\n        l.append(l)\n        return super().__repr__(l), super().__eq__(l, l), super().__getitem__([5, 6], -1)'),
  classmethod('list', 'return super().__getitem__([1], "a")'),
  classmethod('list', 'return super().__getitem__()'),
  classmethod('list', 'return super().__getitem__((1,), 0)'),
  classmethod('set', 's = {1}\n        super().__init__(s, "ab")\n        return sorted(s), super().__len__(s), super().__or__(s, {9}) == s | {9}, super().__sub__(s, s)'),
  classmethod('dict', "d = {}\n        super().__setitem__(d, 'a', 1)\n        super().__init__(d, b=2)\n        super().__delitem__(d, 'a')\n        return d, super().__lt__(d, d), list(super().__iter__(d)), super().__or__(d, {'c': 3}), super().__len__(d), super().__contains__(d, 'b')"),
  classmethod('dict', "return super().__getitem__({}, 'x')"),
  classmethod('dict', "return super().__getitem__([], 'x')"),
  classmethod('dict', 'return super().__getitem__()'),
  classmethod('dict', "return super().__delitem__({}, 'x')"),
  classmethod('dict', "return super().__init__({}, 1, 2)"),
  classmethod('dict', "return type(super().fromkeys('ab', 0)).__name__, super().fromkeys('ab', 0), super().get({'a': 1}, 'a'), list(super().keys({'a': 1}))"),
  `class D(dict):\n    def __missing__(self, k):\n        return 9\n    def __repr__(self):\n        return 'R'\n    @classmethod\n    def f(cls):\n        d = cls(a=[1])\n        d['me'] = d\n        return super().__getitem__(d, 'a'), super().__getitem__(d, 'z'), super().__getitem__({}, 'a') if False else 0, super().__repr__(d), repr(d), super().__eq__(d, {'a': [1], 'me': d}), super().__hash__\nreturn D.f()`,
  `class D(dict):\n    def __init__(self, *a):\n        self.made = True\n    @classmethod\n    def f(cls):\n        d = super().fromkeys('xy')\n        return type(d).__name__, d.made, d\nreturn D.f()`,
  `class B(int):\n    pass\nclass C(B):\n    @classmethod\n    def f(cls):\n        return super().__add__(1, 2), super().__repr__(C(5)), super().__repr__\nreturn C.f()`,
  `class M:\n    def __repr__(self):\n        return 'M'\nclass C(M, int):\n    @classmethod\n    def f(cls):\n        return super().__add__(1, 2), super().__str__(5), super().__repr__(C(2))\nreturn C.f()`,
  `class M:\n    @classmethod\n    def g(cls):\n        return super().__add__\nclass C(M, int):\n    pass\nreturn C.g()`,
  // object's, past a plain class
  `class A:\n    @classmethod\n    def f(cls):\n        return super().__eq__(1, 2), super().__ne__(1, 1), super().__ne__(1, 'a'), super().__lt__(1, 2), super().__format__(5, ''), super().__str__(5), super().__init__(3), super().__init__(3, 4), super().__eq__, super().__init__\nreturn A.f()`,
  `class A:\n    @classmethod\n    def f(cls):\n        return super().__init__([], 4)\nreturn A.f()`,
  `class A:\n    @classmethod\n    def f(cls):\n        return super().__init__(cls(), 4)\nreturn A.f()`,
  `class A:\n    def __init__(self):\n        pass\n    @classmethod\n    def f(cls):\n        return super().__init__(cls(), 4)\nreturn A.f()`,
  `class A:\n    @classmethod\n    def f(cls):\n        return super().__format__(5, 'x')\nreturn A.f()`,
  `class A:\n    @classmethod\n    def f(cls):\n        a = cls()\n        return super().__hash__(a) == hash(a), super().__eq__(a, a), super().__ne__(a, cls())\nreturn A.f()`,
  `class A:\n    @classmethod\n    def f(cls):\n        return super().__len__\nreturn A.f()`,
  // an exception base's
  `class E(Exception):\n    @classmethod\n    def f(cls):\n        e = E()\n        super().__init__(e, 1, 2)\n        return super().__str__(ValueError('x')), super().__repr__(KeyError(1)), super().__str__, super().__init__, e.args, super().__str__(e)\nreturn E.f()`,
  `class E(Exception):\n    @classmethod\n    def f(cls):\n        return super().__str__()\nreturn E.f()`,
  `class E(Exception):\n    @classmethod\n    def f(cls):\n        return super().__str__(1)\nreturn E.f()`,
  `class E(Exception):\n    @classmethod\n    def f(cls):\n        return super().__init__(E(), k=1)\nreturn E.f()`,
  `class E(KeyError):\n    @classmethod\n    def f(cls):\n        return super().__str__(KeyError('k')), super().__str__, super().__repr__\nreturn E.f()`,
  `class E(KeyError):\n    @classmethod\n    def f(cls):\n        return super().__str__(ValueError('k'))\nreturn E.f()`,
  `class E(FileNotFoundError):\n    @classmethod\n    def f(cls):\n        return super().__str__(OSError(2, 'gone')), super().__str__\nreturn E.f()`,
];

it('reaches a builtin base through super() in a classmethod as CPython does', () => {
  expect(compareWithCPython([...READ, ...CALLED, ...MORE])).toEqual([]);
});

it('holds hostile unbound dunders to the limits', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  for (const [source, error] of <[string, RegExp][]>[
    [classmethod('list', 'return super().__mul__([0], 10 ** 12)'), /^MemoryError: condition built a value of/],
    [classmethod('str', "return super().__mul__('ab', 10 ** 9)"), /^MemoryError: condition built a value of/],
    [classmethod('int', 'return super().__pow__(10, 10 ** 9)'), /^(MemoryError|StepLimitError)/],
    [classmethod('list', 'l = [0] * 100000\n        for i in range(10 ** 7):\n            super().__setitem__(l, 0, i)'), /^StepLimitError: condition exceeded its (time )?budget/],
    [classmethod('dict', 'd = {}\n        d[1] = d\n        return super().__repr__(d) * 10 ** 8'), /^MemoryError: condition built a value of/],
    [classmethod('list', 'l = []\n        for i in range(10 ** 6):\n            l = [l]\n        return super().__repr__(l)'), /^(RecursionError|MemoryError|StepLimitError)/],
  ]) {
    const t0 = performance.now();
    expect(evaluator(engine, { source }).error).toMatch(error);
    expect(performance.now() - t0).toBeLessThan(8000);
  }
});

/** datetime's types' methods through the type, unbound (datetime.date.isoformat(d)), and so through super() in a subclass's classmethod. */
const UNBOUND_METHODS = [
  "import datetime\nclass D(datetime.date):\n    @classmethod\n    def f(cls, d):\n        return super().isoformat(d)\nreturn D.f(datetime.date(2020, 1, 2)), D.f(D(2021, 3, 4))",
  "import datetime\nclass D(datetime.date):\n    @classmethod\n    def f(cls):\n        return super().today() == datetime.date.today(), type(super().fromordinal(5)).__name__, super().strftime(datetime.date(2020,1,2), '%Y')\nreturn D.f()",
  "import datetime\nclass D(datetime.datetime):\n    @classmethod\n    def f(cls, d):\n        return super().isoformat(d), super().date(d), super().timestamp(d) > 0\nreturn D.f(datetime.datetime(2020, 1, 2, 3, 4))",
  "import datetime\nreturn datetime.date.isoformat(datetime.date(2020, 1, 2)), datetime.time.isoformat(datetime.time(1, 2)), datetime.timedelta.total_seconds(datetime.timedelta(1)), datetime.datetime.weekday(datetime.datetime(2020, 1, 2))",
  "import datetime\ndatetime.date.isoformat(5)",
  "import datetime\ndatetime.date.isoformat()",
  "import datetime\nclass D(datetime.date): pass\nreturn D.isoformat(D(2020, 1, 2)), D.weekday(datetime.date(2020, 1, 2))",
  "import datetime\nclass T(datetime.timedelta):\n    @classmethod\n    def f(cls, t):\n        return super().total_seconds(t)\nreturn T.f(datetime.timedelta(2))",
];

it("reaches datetime's methods through its types and super() as CPython does", () => {
  expect(compareWithCPython(UNBOUND_METHODS)).toEqual([]);
});
