import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** super() past a class's own dunders: object's, an exception base's, and a builtin value base's, as CPython 3.11 answers them. */
const OBJECT = [
  `class C:\n    def __eq__(self, o):\n        return super().__eq__(o)\nc = C()\nreturn c == c, C() == C(), c != c, C() != C()`,
  `class C:\n    def m(self, o):\n        return super().__ne__(o)\nc = C()\nreturn c.m(c), c.m(C())`,
  `class C:\n    def __eq__(self, o):\n        return 'eq!'\n    def m(self, o):\n        return super().__ne__(o)\nreturn C().m(1)`,
  `class C:\n    def __eq__(self, o):\n        return NotImplemented\n    def m(self, o):\n        return super().__ne__(o)\nreturn C().m(1)`,
  `class C:\n    def m(self, o):\n        return super().__lt__(o), super().__le__(o), super().__gt__(o), super().__ge__(o)\nreturn C().m(C())`,
  `class C:\n    def __lt__(self, o):\n        return super().__lt__(o)\nreturn C() < C()`,
  `class C:\n    def __hash__(self):\n        return super().__hash__()\nc = C()\nreturn hash(c) == hash(c), len({c, c}), len({C(), C()})`,
  `class C:\n    def __eq__(self, o):\n        return True\n    def __hash__(self):\n        return super().__hash__()\nc = C()\nreturn hash(c) == hash(c), c in {c}`,
  `class C:\n    def __repr__(self):\n        r = super().__repr__()\n        return r.startswith('<') and ' object' in r\n    def __str__(self):\n        return 'S:' + str(super().__str__())\nreturn repr(C()), str(C())`,
  `class C:\n    def __format__(self, spec):\n        return super().__format__(spec)\n    def __str__(self):\n        return 'txt'\nreturn format(C()), f'{C()}', f'{C():}'`,
  `class S(str):\n    pass\nclass C:\n    def __str__(self):\n        return "txt"\n    def __format__(self, spec):\n        return super().__format__(S(spec))\nclass I(int):\n    def f(self, spec):\n        return super().__format__(S(spec))\nreturn format(C()), I(5).f('>3')`,
  `class C:\n    def __format__(self, spec):\n        return super().__format__(spec)\nreturn f'{C():>4}'`,
  `class C:\n    def __format__(self, spec):\n        return super().__format__(5)\nreturn format(C())`,
  `class C:\n    def m(self):\n        return super().__len__()\nreturn C().m()`,
  `class C:\n    def m(self):\n        return super().__eq__()\nreturn C().m()`,
  `class C:\n    def m(self):\n        return super().__hash__(1)\nreturn C().m()`,
  `class C:\n    def m(self):\n        return super().__bool__()\nreturn C().m()`,
  `class A:\n    def __eq__(self, o):\n        return 'A'\nclass B(A):\n    def __eq__(self, o):\n        return super().__eq__(o)\nclass D(B):\n    pass\nreturn D() == 1`,
  `class A:\n    pass\nclass B(A):\n    def __eq__(self, o):\n        return super().__eq__(o)\nb = B()\nreturn b == b, b == B()`,
  // an exception class: BaseException's str and repr, then object's
  `class E(Exception):\n    def __str__(self):\n        return 'E:' + super().__str__()\n    def __repr__(self):\n        return 'R:' + super().__repr__()\nreturn str(E('a')), repr(E('a', 2)), str(E()), repr(E())`,
  `class E(KeyError):\n    def __str__(self):\n        return super().__str__() + '!'\nreturn str(E('k')), str(E(1, 2))`,
  `class E(OSError):\n    def __str__(self):\n        return super().__str__() + '!'\nreturn str(E(2, 'gone', 'f'))`,
  `class E(Exception):\n    def __eq__(self, o):\n        return super().__eq__(o)\n    def __hash__(self):\n        return super().__hash__()\ne = E()\nreturn e == e, E() == E(), e != E(), hash(e) == hash(e)`,
  `class E(Exception):\n    def m(self):\n        return super().__len__()\nreturn E().m()`,
  // builtin value bases
  `class T(tuple):\n    def m(self):\n        return super().__len__(), super().__getitem__(1), super().__contains__(2), super().__add__((9,)), super().__mul__(2), super().__rmul__(2)\nreturn T((1, 2, 3)).m()`,
  `class T(tuple):\n    def m(self, o):\n        return super().__eq__(o), super().__lt__(o), super().__ne__(o)\nreturn T((1, 2)).m((1, 2)), T((1, 2)).m([1, 2]), T((1,)).m((2,))`,
  `class T(tuple):\n    def m(self):\n        return super().__add__([1])\nreturn T().m()`,
  `class T(tuple):\n    def m(self):\n        return super().__mul__('a')\nreturn T().m()`,
  `class T(tuple):\n    def m(self):\n        return super().__hash__() == hash(tuple(self)), list(super().__iter__()), type(super().__iter__()).__name__\nreturn T((1, 'a')).m()`,
  `class L(list):\n    def m(self):\n        return super().__getitem__(0), super().__getitem__(slice(1, None)), super().__len__(), super().__contains__(3), super().__add__([7]), super().__eq__([1, 2, 3]), super().__lt__([2])\nreturn L([1, 2, 3]).m()`,
  `class L(list):\n    def m(self):\n        super().__setitem__(0, 'x')\n        super().__delitem__(1)\n        super().__setitem__(slice(0, 0), [5, 6])\n        return self, type(self).__name__, len(self)\nreturn L([1, 2, 3]).m()`,
  `class L(list):\n    def m(self):\n        return super().__hash__\nreturn L().m()`,
  `class L(list):\n    def m(self):\n        return super().__hash__()\nreturn L().m()`,
  `class L(list):\n    def m(self):\n        return super().__add__((1,))\nreturn L().m()`,
  `class L(list):\n    def m(self):\n        return super().__getitem__('a')\nreturn L([1]).m()`,
  `class L(list):\n    def m(self):\n        return super().__getitem__(5)\nreturn L([1]).m()`,
  `class L(list):\n    def m(self):\n        return super().__bool__()\nreturn L([1]).m()`,
  `class L(list):\n    def m(self):\n        return super().__format__('')\nreturn L([1]).m()`,
  `class I(int):\n    def m(self):\n        return super().__add__(1), super().__radd__(2), super().__sub__(True), super().__mul__(I(3)), super().__add__(1.5), super().__add__('x'), super().__truediv__(2), super().__floordiv__(2), super().__mod__(3), super().__pow__(2), super().__divmod__(3), super().__rsub__(10)\nreturn I(7).m()`,
  `class I(int):\n    def m(self):\n        return super().__and__(3), super().__or__(8), super().__xor__(1), super().__lshift__(2), super().__rshift__(1), super().__rlshift__(1), super().__neg__(), super().__pos__(), super().__abs__(), super().__bool__(), super().__index__(), super().__hash__() == hash(7)\nreturn I(7).m(), I(-7).m()[6:9]`,
  `class I(int):\n    def m(self):\n        return super().__eq__(7), super().__eq__(7.0), super().__lt__(8), super().__ge__('a'), super().__format__('>4'), super().__format__('x')\nreturn I(7).m()`,
  `class I(int):\n    def m(self):\n        return super().__floordiv__(0)\nreturn I(7).m()`,
  `class I(int):\n    def m(self):\n        return super().__len__()\nreturn I(7).m()`,
  `class F(float):\n    def m(self):\n        return super().__add__(1), super().__add__(0.5), super().__radd__(2), super().__mul__('a'), super().__eq__(2), super().__eq__(2.0), super().__lt__(3), super().__neg__(), super().__abs__(), super().__bool__(), super().__format__('.3f'), super().__divmod__(0.75), super().__rtruediv__(1)\nreturn F(2.0).m()`,
  `class F(float):\n    def m(self):\n        return super().__and__(1)\nreturn F(2.0).m()`,
  `class F(float):\n    def m(self):\n        return super().__divmod__(0)\nreturn F(2.0).m()`,
  `class S(str):\n    def __repr__(self):\n        return 'R'\n    def m(self):\n        return super().__str__(), super().__len__(), super().__getitem__(1), super().__contains__('b'), super().__add__('!'), super().__mul__(2), super().__eq__('abc'), super().__lt__('b'), super().__eq__(1), super().__format__('>5'), super().__rmod__(1), list(super().__iter__()), super().__hash__() == hash('abc')\nreturn S('abc').m()`,
  `class S(str):\n    def m(self):\n        return super().__add__(1)\nreturn S('a').m()`,
  `class S(str):\n    def m(self):\n        return super().__mod__(1), super().__mod__((2, 3))\nreturn S('<%s>').m()`,
  `class S(str):\n    def m(self):\n        return super().__contains__(1)\nreturn S('a').m()`,
  `class S(str):\n    def m(self):\n        return super().__rmod__('<%s>')\nreturn S('a').m()`,
  `class S(str):\n    def m(self):\n        return super().__mul__(1.5)\nreturn S('a').m()`,
  `class S(set):\n    def m(self):\n        return super().__len__(), super().__contains__(1), super().__or__({3}), super().__and__({1, 5}), super().__sub__({1}), super().__xor__(frozenset({2, 9})), super().__ror__({4}), super().__or__([1]), super().__eq__({1, 2}), super().__le__({1, 2, 3}), super().__lt__([1])\nreturn S({1, 2}).m()`,
  `class S(set):\n    def m(self):\n        return super().__hash__\nreturn S().m()`,
  `class S(frozenset):\n    def m(self):\n        return super().__hash__() == hash(frozenset(self)), type(super().__or__({5})).__name__, sorted(super().__iter__())\nreturn S({1, 2}).m()`,
  `class D(dict):\n    def m(self):\n        return super().__hash__, super().__len__(), super().__eq__({'a': 1}), super().__lt__({})\nreturn D(a=1).m()`,
  // hostile: a base's dunder that re-enters the class through its own
  `class L(list):\n    def __repr__(self):\n        return 'L' + super().__repr__()\n    def m(self):\n        return super().__contains__(self)\nl = L([1])\nl.append(l)\nreturn l.m(), repr(l)`,
  `class T(tuple):\n    def m(self, n):\n        return super().__mul__(n)\nreturn len(T((1,)).m(10 ** 30))`,
];

it("reaches object's and the builtin bases' dunders through super() as CPython does", () => {
  expect(compareWithCPython(OBJECT)).toEqual([]);
});

it('holds hostile super() calls to the limits', () => {
  // a time budget far past what these take, so that on a loaded machine each ends at the limit it meets, not the clock
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  for (const [source, error] of <[string, RegExp][]>[
    // each list dunder copies the list, paid for: 100,000 writes to a list of 100,000 stop at the budget
    [`class L(list):\n    def m(self):\n        for i in range(100000):\n            super().__setitem__(0, i)\nL(range(100000)).m()`, /^StepLimitError: condition exceeded its (time )?budget/],
    [`class S(str):\n    def m(self):\n        return super().__mul__(10 ** 9)\nS('ab').m()`, /^MemoryError: condition built a value of/],
    [`class T(tuple):\n    def m(self):\n        return super().__add__(self)\nt = T(range(600000))\nt.m()`, /^MemoryError: condition built a value of/],
    [`class E(Exception):\n    def __eq__(self, o):\n        return self == o\nE() == E()`, /^RecursionError: maximum recursion depth exceeded/],
    [`class E(Exception):\n    def __iter__(self):\n        while True:\n            yield 1\nlist(E())`, /^(StepLimitError|MemoryError)/],
  ]) {
    const t0 = performance.now();
    expect(evaluator(engine, { source }).error).toMatch(error);
    expect(performance.now() - t0).toBeLessThan(8000);
  }
});
