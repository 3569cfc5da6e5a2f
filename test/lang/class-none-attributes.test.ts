import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** Each builtin or library base a class may subclass, and the arguments of one instance. */
const BASES: [base: string, args: string][] = [
  ['dict', '()'], ['list', '()'], ['tuple', '()'], ['set', '()'], ['frozenset', '()'], ['int', '(3)'], ['str', "('s')"],
  ['float', '(1.5)'], ['bytes', "(b'x')"], ['bytearray', '()'], ['complex', '(1j)'], ['datetime.date', '(2020, 1, 1)'],
  ['datetime.timedelta', '(1)'], ['collections.Counter', '()'], ['collections.OrderedDict', '()'],
  ['collections.defaultdict', '()'], ['collections.deque', '()'], ["collections.namedtuple('P', 'a b')", '(1, 2)'],
];

// an attribute that is None is found: the base's methods are asked only for a name the instance and its class lack
it('reads an attribute, class attribute or property that is None on every subclassable base, as CPython does', () => {
  const cases = BASES.map(
    ([base, args]) =>
      `import datetime, collections\nclass C(${base}):\n    k = None\n    @property\n    def p(self):\n        return None\nc = C${args}\nc.x = None\nreturn c.x, c.k, c.p, getattr(c, 'x', 1), hasattr(c, 'x'), getattr(c, 'nope', 2)`,
  );
  expect(compareWithCPython(cases)).toEqual([]);
});

/** A dunder set to None is called where the slot finds it ('NoneType' object is not callable), but hash, `in`, iter and reversed say so of the type. */
it('calls a dunder set to None as CPython does', () => {
  expect(compareWithCPython([
    "class A:\n  __format__ = None\nreturn format(A())",
    "class A:\n  __str__ = None\nreturn str(A())",
    "class A:\n  __repr__ = None\nreturn repr(A())",
    "class A:\n  __len__ = None\nreturn len(A())",
    "class A:\n  __bool__ = None\nreturn bool(A())",
    "class A:\n  __iter__ = None\nreturn list(A())",
    "class A:\n  __contains__ = None\nreturn 1 in A()",
    "class A:\n  __getitem__ = None\nreturn A()[0]",
    "class A:\n  __call__ = None\nreturn A()()",
    "class A:\n  __add__ = None\nreturn A() + 1",
    "class A:\n  __eq__ = None\nreturn A() == 1",
    "class A:\n  __index__ = None\nreturn [1][A()]",
    "class A:\n  __int__ = None\nreturn int(A())",
    "class A:\n  __float__ = None\nreturn float(A())",
    "class A:\n  __neg__ = None\nreturn -A()",
    "class A:\n  __abs__ = None\nreturn abs(A())",
    "class A:\n  __round__ = None\nreturn round(A())",
    "class A:\n  __reversed__ = None\nreturn reversed(A())",
    "class A:\n  __enter__ = None\n  __exit__ = None\nwith A():\n  pass",
    "class A:\n  __lt__ = None\nreturn A() < 1",
    "class A:\n  __getattr__ = None\nreturn A().x",
    "class A:\n  __setitem__ = None\na = A()\na[0] = 1",
    "class A:\n  __hash__ = None\nreturn hash(A())",
    "class A:\n  __str__ = None\nreturn f'{A()}'",
    "class A:\n  __sub__ = None\nreturn 1 - A()",
    "class A:\n  __rsub__ = None\nreturn 1 - A()",
    "class A(int):\n  __add__ = None\nreturn A(1) + 1",
    "class A(str):\n  __len__ = None\nreturn len(A('a'))",
    "class A(list):\n  __contains__ = None\nreturn 1 in A()",
    "class A:\n  __iadd__ = None\na = A()\na += 1",
    "class A:\n  __delitem__ = None\na = A()\ndel a[0]",
    "class A:\n  __next__ = None\n  def __iter__(self): return self\nreturn next(A())",
    "class A:\n  __bool__ = None\n  __len__ = None\nreturn not A()",
    "class A:\n  __ne__ = None\nreturn A() != 1",
    "class A:\n  __format__ = None\nreturn '{}'.format(A())",
    "class A:\n  __trunc__ = None\nimport math\nreturn math.trunc(A())",
    "class A:\n  __floor__ = None\nimport math\nreturn math.floor(A())",
    "class A:\n  __complex__ = None\nreturn complex(A())",
    "class A:\n  __bytes__ = None\nreturn bytes(A())",
    "class A:\n  __class_getitem__ = None\nreturn A[int]",
    "class A:\n  __init_subclass__ = None\nclass B(A): pass\nreturn 1",
    "class A:\n  __dir__ = None\nreturn dir(A())",
    "class A:\n  __sizeof__ = None\nreturn 1",
  ])).toEqual([]);
});
