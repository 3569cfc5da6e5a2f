/**
 * A dunder stored on (or deleted from) a subclass of a builtin type after the class was made, as
 * CPython's type_setattro updates the slots of the class and of its subclasses that do not
 * override it (builtin-subclass.ts lateValueDunder, late-hooks.ts; a plain class's: class-late-dunders.test.ts), against CPython 3.11.
 */
import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** Instances made after the store: made as hooked ones. */
const MADE_AFTER = [
  `class L(list): pass\nL.__len__ = lambda self: 42\nreturn len(L([1, 2, 3]))`,
  `class L(list): pass\nL.__getitem__ = lambda self, i: 'g'\nreturn L([1])[0]`,
  `class L(list): pass\nL.__iter__ = lambda self: iter([9])\nreturn list(L([1, 2])), [a for a in L([1])], sorted(L([3, 4]))`,
  `class L(list): pass\nL.__contains__ = lambda self, o: True\nreturn 5 in L([1])`,
  `class L(list): pass\nL.__eq__ = lambda self, o: True\nreturn L([1]) == [2], [2] == L([1])`,
  `class T(tuple): pass\nT.__len__ = lambda self: 7\nreturn len(T((1,)))`,
  `class I(int): pass\nI.__add__ = lambda s, o: 'added'\nreturn I(1) + 2, 2 + I(1)`,
  `class I(int): pass\nsetattr(I, '__radd__', lambda s, o: 'radd')\nreturn 2 + I(1), I(1) + 2`,
  `class S(str): pass\nS.__len__ = lambda s: 9\nreturn len(S('abc')), S('abc').upper()`,
  `class F(float): pass\nF.__mul__ = lambda s, o: 'mul'\nreturn F(1.5) * 2`,
  `class St(set): pass\nSt.__len__ = lambda s: 11\nreturn len(St({1}))`,
  `class Fs(frozenset): pass\nFs.__contains__ = lambda s, o: o == 'x'\nreturn 'x' in Fs(), 1 in Fs({1})`,
  `class B(bytes): pass\nB.__getitem__ = lambda s, i: 'item'\nreturn B(b'ab')[0]`,
  `class L(list): pass\nclass M(L): pass\nL.__len__ = lambda self: 42\nreturn len(M([1]))`,
  `class L(list): pass\nclass M(L):\n    def __len__(self): return 5\nL.__len__ = lambda self: 42\nreturn len(M([1])), len(L([1]))`,
  `import datetime\nclass D(datetime.date): pass\nD.__sub__ = lambda s, o: 'sub'\nx = D(2020, 1, 1)\nreturn x - x`,
  `import datetime\nclass T(datetime.timedelta): pass\nT.__bool__ = lambda s: False\nreturn bool(T(1))`,
];

it('calls a dunder stored on a builtin subclass after it was made, on instances made after', () => {
  expect(compareWithCPython(MADE_AFTER)).toEqual([]);
});

/** Instances made before the store, of the boxed bases: switched to hooked ones where next met (late-hooks.ts). */
const MADE_BEFORE = [
  "class I(int): pass\nx = I(1)\nI.__add__ = lambda s, o: 'added'\nreturn x + 2, 2 + x, x - 1, x * 3",
  "class I(int): pass\nx = I(5)\nI.__eq__ = lambda s, o: 'eq'\nI.__hash__ = lambda s: 1\nreturn x == 5, x != 5, hash(x), {x: 1}",
  "class I(int): pass\nx = I(5)\nI.__index__ = lambda s: 2\nI.__neg__ = lambda s: 'neg'\nI.__lt__ = lambda s, o: 'lt'\nreturn [0, 1, 2, 3][x], -x, x < 1, abs(x), str(x)",
  "class S(str): pass\nx = S('abc')\nS.__len__ = lambda s: 9\nS.__contains__ = lambda s, o: True\nS.__getitem__ = lambda s, i: 'g'\nS.__iter__ = lambda s: iter('zz')\nreturn len(x), 'q' in x, x[0], list(x), x.upper(), x + 'd'",
  "class S(str): pass\nx = S('abc')\nS.__add__ = lambda s, o: 'plus'\nS.__mod__ = lambda s, o: 'mod'\nS.__format__ = lambda s, spec: 'fmt'\nreturn x + 'd', x % 1, f'{x}', format(x, '>5')",
  "class F(float): pass\nx = F(1.5)\nF.__add__ = lambda s, o: 'fadd'\nF.__bool__ = lambda s: False\nF.__round__ = lambda s, n=None: 'round'\nreturn x + 1, bool(x), round(x), x * 2",
  "class St(set): pass\nx = St({1, 2})\nSt.__len__ = lambda s: 11\nSt.__contains__ = lambda s, o: True\nSt.__iter__ = lambda s: iter([7])\nSt.__or__ = lambda s, o: 'or'\nreturn len(x), 9 in x, list(x), x | {3}, sorted(x)",
  "class Fs(frozenset): pass\nx = Fs({1})\nFs.__hash__ = lambda s: 3\nFs.__eq__ = lambda s, o: True\nreturn hash(x), x == 5, x != 5",
  "class B(bytes): pass\nx = B(b'ab')\nB.__getitem__ = lambda s, i: 'item'\nB.__len__ = lambda s: 3\nB.__add__ = lambda s, o: 'badd'\nreturn x[0], len(x), x + b'c', x.upper()",
  "class BA(bytearray): pass\nx = BA(b'ab')\nBA.__len__ = lambda s: 3\nreturn len(x), x",
  "class C(complex): pass\nx = C(1, 2)\nC.__abs__ = lambda s: 'abs'\nC.__add__ = lambda s, o: 'cadd'\nreturn abs(x), x + 1",
  "import datetime\nclass D(datetime.date): pass\nx = D(2020, 1, 1)\nD.__sub__ = lambda s, o: 'sub'\nD.__lt__ = lambda s, o: 'lt'\nreturn x - x, x < x, x.year",
  "import datetime\nclass DT(datetime.datetime): pass\nx = DT(2020, 1, 1)\nDT.__add__ = lambda s, o: 'add'\nreturn x + datetime.timedelta(1), str(x)",
  "import datetime\nclass T(datetime.timedelta): pass\nx = T(1)\nT.__bool__ = lambda s: False\nT.__neg__ = lambda s: 'neg'\nreturn bool(x), -x, x.days",
  "import datetime\nclass Tm(datetime.time): pass\nx = Tm(1, 2)\nTm.__eq__ = lambda s, o: 'eq'\nreturn x == 1",
  "class I(int):\n    def __add__(self, o): return 'own'\nx = I(1)\ndel I.__add__\nreturn x + 1, I(2) + 1",
  "class I(int): pass\nclass J(I): pass\nx = J(1)\nI.__add__ = lambda s, o: 'base'\nreturn x + 1",
  "class I(int): pass\nclass J(I):\n    def __add__(self, o): return 'J'\nx, y = J(1), I(1)\nI.__add__ = lambda s, o: 'base'\nreturn x + 1, y + 1",
  "class I(int): pass\nx = I(3)\nI.__repr__ = lambda s: 'R'\nI.__str__ = lambda s: 'S'\nreturn repr(x), str(x), x + 1",
  "class I(int): pass\nx = I(1)\nI.__add__ = lambda s, o: 'added'\ndel I.__add__\nreturn x + 1, I(1) + 1",
  "class I(int): pass\nx = I(1)\ntype.__setattr__(I, '__sub__', lambda s, o: 'sub')\nreturn x - 1",
];

it('calls a dunder stored on a builtin subclass after it was made, on its boxed instances made before', () => {
  expect(compareWithCPython(MADE_BEFORE)).toEqual([]);
});

/** A list's or tuple's instances made before the store: asked by the paths that read lists and tuples (late-hooks.ts lateOwner). */
const COLLECTIONS = [
  "class L(list): pass\nx = L([1, 2, 3])\nL.__len__ = lambda self: 42\nreturn len(x), bool(x), x, x[1:], list(x)",
  "class L(list): pass\nx = L([1, 2, 3])\nL.__getitem__ = lambda self, i: 'g'\nreturn x[0], x[1:2], list(x), x",
  "class L(list): pass\nx = L([1, 2])\nL.__iter__ = lambda self: iter([9])\nout = []\nfor a in x:\n    out.append(a)\nreturn list(x), [a for a in x], out, tuple(x), sorted(x), [*x], 1 in x, x",
  "class L(list): pass\nx = L([1, 2])\nL.__contains__ = lambda self, o: True\nreturn 5 in x, 5 not in x, x.count(5)",
  "class L(list): pass\nx = L([1])\nL.__eq__ = lambda self, o: True\nreturn x == [2], [2] == x, x != [2], x == x",
  "class L(list): pass\nx = L([1])\nL.__lt__ = lambda self, o: True\nreturn x < [0], [0] > x",
  "class L(list): pass\nx = L([1])\nL.__add__ = lambda self, o: 'add'\nL.__radd__ = lambda self, o: 'radd'\nL.__mul__ = lambda self, o: 'mul'\nreturn x + [2], [2] + x, x * 2",
  "class L(list): pass\nx = L([1, 2])\nL.__setitem__ = lambda self, k, v: None\nL.__delitem__ = lambda self, k: None\nx[0] = 'z'\ndel x[1]\nreturn x",
  "class L(list): pass\nx = L([1, 2])\nL.__bool__ = lambda self: False\nreturn bool(x), 'y' if x else 'n', not x",
  "class L(list):\n    def __len__(self): return 7\nx = L([1, 2, 3])\ndel L.__len__\nreturn len(x), bool(L())",
  "class B(list): pass\nclass C(B): pass\nx = C([1])\nB.__len__ = lambda self: 42\nreturn len(x), len(B([1, 2]))",
  "class T(tuple): pass\nx = T((1, 2))\nT.__len__ = lambda self: 7\nT.__getitem__ = lambda self, i: 'g'\nT.__contains__ = lambda self, o: True\nreturn len(x), x[0], 9 in x, list(x), x",
  "class T(tuple): pass\nx = T((1, 2))\nT.__iter__ = lambda self: iter('ab')\nT.__eq__ = lambda self, o: 'eq'\nT.__hash__ = lambda self: 5\nreturn list(x), x == (1, 2), hash(x), [a for a in x]",
  "class T(tuple): pass\nx = T((1, 2))\nT.__len__ = lambda self: 3\ntry:\n    x[0] = 1\nexcept TypeError as e:\n    return str(e), len(x)",
  "class L(list): pass\nx = L([3, 1])\nL.__len__ = lambda self: 5\nx.append(2)\nx.sort()\nreturn x, len(x), list.__len__(x), super(L, x).__len__()",
  "class L(list): pass\nx = L([1])\nL.__eq__ = lambda self, o: 'eq'\nL.__lt__ = lambda self, o: 'lt'\nreturn x == [1], [1] == x, x < [0], x != [1]",
  "class T(tuple): pass\nx = T((1, 2))\nT.__eq__ = lambda self, o: 'eq'\nreturn x == (1, 2), (1, 2) == x, x != (1, 2)",
  "class L(list): pass\nx = L([1, 2, 3])\nL.__getitem__ = lambda self, i: i\nreturn x[1:2], x[::2], x[0]",
  "class L(list): pass\nclass M(list): pass\nx, y = L([1]), M([1])\nL.__len__ = lambda self: 42\nreturn len(x), len(y), x == y, [x, y]",
  "class L(list): pass\nx = L([1])\nL.__len__ = lambda self: -1\ntry:\n    len(x)\nexcept ValueError as e:\n    return str(e)",
  "class L(list): pass\nx = L([1])\nL.__iter__ = lambda self: 5\ntry:\n    list(x)\nexcept TypeError as e:\n    return str(e)",
  "class L(list): pass\nx = L([1, 2])\nL.__iter__ = lambda self: iter([7, 8])\na, b = x\nreturn a, b",
  "class L(list): pass\nx = L([1, 2])\nL.__iter__ = lambda self: iter([7, 8])\nreturn sum(x), max(x), list(zip(x, x)), list(enumerate(x)), set(x), dict.fromkeys(x)",
  "class L(list): pass\nx = L(['a', 'b'])\nL.__iter__ = lambda self: iter(['z'])\nreturn ','.join(x), list(map(str, x)), any(x), list(reversed(x))",
  "class T(tuple): pass\nx = T((1, 2))\nT.__iter__ = lambda self: iter([7, 8])\na, b = x\nreturn a, b, sum(x), list(zip(x)), set(x)",
  "class L(list): pass\nx = L([1, 2])\nL.__len__ = lambda self: 5\nL.__getitem__ = lambda self, i: 'g'\nimport json\nreturn json.dumps(x), str(x), x.index(2), x.copy()",
];

it('calls a dunder stored on a list or tuple subclass after it was made, on its instances made before', () => {
  expect(compareWithCPython(COLLECTIONS)).toEqual([]);
});

/** dict and collections' subclasses, whose instances ask their class at each use already. */
const DICTS = [
  "class D(dict): pass\nx = D(a=1)\nD.__getitem__ = lambda self, k: 'g'\nD.__len__ = lambda self: 5\nD.__contains__ = lambda self, k: True\nD.__iter__ = lambda self: iter('zq')\nreturn x['a'], len(x), 'q' in x, list(x)",
  "class D(dict): pass\nx = D(a=1)\nD.__eq__ = lambda self, o: 'eq'\nD.__or__ = lambda self, o: 'or'\nreturn x == {}, x | {}",
  "import collections\nclass C(collections.Counter): pass\nx = C('aab')\nC.__getitem__ = lambda self, k: 'g'\nC.__len__ = lambda self: 9\nreturn x['a'], len(x)",
  "import collections\nclass O(collections.OrderedDict): pass\nx = O(a=1)\nO.__len__ = lambda self: 9\nO.__iter__ = lambda self: iter('q')\nreturn len(x), list(x)",
];

it('calls a dunder stored on a dict subclass after it was made', () => {
  expect(compareWithCPython(DICTS)).toEqual([]);
});
