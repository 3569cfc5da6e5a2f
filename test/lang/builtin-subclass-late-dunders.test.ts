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
