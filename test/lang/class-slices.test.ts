import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** slice objects: the builtin, its attributes, indices(), repr, ==, order, and 3.11's unhashability. */
const SLICES = [
  `s = slice(1, 10, 2)\nreturn s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, 2), repr(slice('a', [1], 3.5)), str(slice(2)), f'{slice(2)}', bool(slice(None))`,
  `return slice(1, 10, 2).indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(7), slice(1, 2).indices(10**30), slice(-10**30, 10**30, -3).indices(5), slice(True, None).indices(False)`,
  `return slice(1, 2).indices(-1)`,
  `return slice(1, 'a').indices(3)`,
  `return slice(1, 2).indices('a')`,
  `return slice(1, 2, 0).indices(2)`,
  `return slice(1, 2).indices()`,
  `return slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1, 2) != slice(1, 3), slice(1, 2) == (1, 2, None), slice(1, 2) < slice(1, 3), slice('a') < slice('b'), slice(1) >= slice(1), sorted([slice(3), slice(1), slice(2)])`,
  `return slice(1, 2) < (1,)`,
  `return slice(1, 2) < slice('a')`,
  `return hash(slice(1))`,
  `return {slice(1): 2}`,
  `return {}[1:2]`,
  `d = {}\nd[1:2] = 3`,
  `return slice()`,
  `return slice(1, 2, 3, 4)`,
  `return slice(stop=1)`,
  `import json\nreturn json.dumps(slice(1))`,
  `s = slice(1)\ns.start = 3`,
  `return slice(1).nope`,
  `return type(slice(1)), isinstance(slice(1), slice), slice.__mro__, type(slice(1)) is slice`,
  `return slice(1, 2, 3) in [slice(1, 2, 3)], [slice(1)].count(slice(1)), slice(1) is slice(1)`,
];

/** slice objects as subscripts of the builtin sequences, x[a:b] handed to a class as one, and __index__ as an index or a bound. */
const SUBSCRIPTS = [
  `l = [0, 1, 2, 3, 4, 5]\ns = 'abcdef'\nreturn l[slice(1, 3)], s[slice(None, None, -1)], (1, 2, 3)[slice(1, None)], b'abc'[slice(None, None, 2)], range(10)[slice(2, 8, 3)], s[slice(-2, None)], l[slice(None)]`,
  `l = [0, 1, 2, 3, 4, 5]\nl[slice(1, 3)] = ['a']\nm = list(range(6))\nm[slice(None, None, 2)] = 'xyz'\nn = list(range(6))\ndel n[slice(1, None, 2)]\nreturn l, m, n`,
  `l = [0, 1, 2]\nl[slice(None, None, 2)] = [1]`,
  `return 'abc'[slice(1.5)]`,
  `return [1, 2][1:2, 3]`,
  `return 'ab'[1, 2]`,
  // what is not a sequence and has no __getitem__ is not subscriptable, by a slice or a slice object
  `return (5)[:6]`,
  `return None[1:2]`,
  `x = 5\nreturn x[slice(1, 2)]`,
  `x = 5\nx[1:2] = 3`,
  `x = None\ndel x[::2]`,
  `class C:\n    def __getitem__(self, k):\n        return k\nc = C()\nreturn c[1:2], c[::2], c[:], c[1:2, 3], c[..., 1:], c[1, :2, ::-1], c['a':'b':None], type(c[:]).__name__`,
  `class C:\n    def __init__(self):\n        self.log = []\n    def __setitem__(self, k, v):\n        self.log.append(('set', k, v))\n    def __delitem__(self, k):\n        self.log.append(('del', k))\nc = C()\nc[1:2] = 'x'\nc[::3, 4] = 5\ndel c[:-1]\ndel c[1:2, 3:4]\nreturn c.log`,
  `class C:\n    def __getitem__(self, k):\n        return k\n    def __setitem__(self, k, v):\n        self.last = (k, v)\nc = C()\nc[1:2] += 5\nreturn c.last`,
  `class C:\n    pass\nreturn C()[1:2]`,
  `class C:\n    pass\nc = C()\nc[1:2] = 3`,
  `class C:\n    pass\nc = C()\ndel c[1:2]`,
  `class Seq:\n    def __init__(self, items):\n        self.items = items\n    def __getitem__(self, i):\n        if isinstance(i, slice):\n            return Seq(self.items[i])\n        return self.items[i]\n    def __len__(self):\n        return len(self.items)\ns = Seq(list(range(10)))\nreturn s[2:8:2].items, s[-1], s[::-1][0], list(s[7:]), len(s[i] for i in range(0))`,
  `class I:\n    def __init__(self, n):\n        self.n = n\n    def __index__(self):\n        return self.n\nl = list(range(10))\nreturn l[I(3)], 'abcdef'[I(-1)], (1, 2, 3)[I(0)], l[I(2):I(5)], l[I(1)::I(3)], 'abcdef'[:I(2)], range(10)[I(4)], range(10)[I(1):I(3)], b'xyz'[I(1)], slice(I(1), I(4)).indices(I(10)), [0, 1][I(True)]`,
  `class I:\n    def __index__(self):\n        return 'x'\nreturn [1, 2][I()]`,
  `class I:\n    def __index__(self):\n        return 'x'\nreturn [1, 2][I():]`,
  `class I:\n    def __index__(self):\n        return 10**30\nreturn [1, 2][I()]`,
  `class I:\n    def __index__(self):\n        return 10**30\nreturn [1, 2, 3][-I():I()], 'abc'[:I()]`,
  `class I:\n    def __index__(self):\n        return True\nreturn [1, 2][I()]`,
  `class I:\n    def __index__(self):\n        raise ValueError('no index')\nreturn 'ab'[I()]`,
  `class N:\n    pass\nreturn [1, 2][N()]`,
  `class N:\n    pass\nreturn [1, 2][N():]`,
  `class I:\n    def __init__(self, n):\n        self.n = n\n    def __index__(self):\n        return self.n\nl = [0, 1, 2]\nl[I(1)] = 'x'\ndel l[I(0)]\nreturn l`,
  // a sequence's repeat count and printf-style % take __index__ too, with mainformatlong's words when it raises a TypeError
  `class I:\n    def __init__(self, n):\n        self.n = n\n    def __index__(self):\n        return self.n\nreturn 'ab' * I(2), I(3) * 'ab', [0] * I(2), (1,) * I(2), I(2) * [1], '%x %d %i %o %X %e %f %g %u %c' % (I(255), I(5), I(-5), I(8), I(255), I(5), I(2), I(3), I(7), I(65))`,
  `class I:\n    def __index__(self):\n        return 'a'\nreturn '%x' % I()`, `class I:\n    def __index__(self):\n        return 'a'\nreturn '%d' % I()`, `class I:\n    def __index__(self):\n        return 'a'\nreturn '%e' % I()`,
  // bytes' and bytearray's repeat too, asked after both operands' __mul__/__rmul__; what has no __index__ is sequence_repeat's TypeError
  `class I:\n    def __index__(self):\n        return 2\nb = bytearray(b'ab')\nb *= I()\nreturn b'a' * I(), I() * b'x', bytearray(b'a') * I(), I() * bytearray(b'y'), b`,
  `class I:\n    def __index__(self):\n        return 2\n    def __rmul__(self, o):\n        return 'r'\n    def __mul__(self, o):\n        return 'm'\nreturn b'a' * I(), I() * b'x'`,
  `class X:\n    def __index__(s):\n        return 2**70\nout = []\nfor f in (lambda: 'ab' * X(), lambda: [1] * X(), lambda: b'a' * X(), lambda: X() * (1,), lambda: bytearray(b'a') * X(), lambda: X() * b'a', lambda: 'a' * 2**70):\n    try:\n        f()\n    except OverflowError as e:\n        out.append(str(e))\nreturn out`,
  `class X:\n    pass\nreturn b'a' * X()`, `return None * b'a'`, `return 1.5 * bytearray(b'a')`, `b = bytearray(b'a')\nb *= 1.5\nreturn b`,
  `class I:\n    def __index__(self):\n        return 'a'\nreturn '%c' % I()`, `class I:\n    def __index__(self):\n        raise KeyError('k')\nreturn '%x' % I()`, `class I:\n    def __index__(self):\n        return 'a'\nreturn 'ab' * I()`,
];

it('makes slice objects as CPython 3.11 does', () => {
  expect(compareWithCPython(SLICES)).toEqual([]);
});

it('subscripts with slice objects and __index__ as CPython does', () => {
  expect(compareWithCPython(SUBSCRIPTS)).toEqual([]);
});

/** Slices that nest, hold themselves, or an __index__ that recurses: CPython's RecursionErrors, within the limits. */
it('meets hostile slices with CPython\'s errors', () => {
  const nested = (n: number) => `s = None\nt = None\nfor i in range(${n}):\n    s = slice(s)\n    t = slice(1, t)\n`;
  expect(compareWithCPython([
    `${nested(5000)}return len(repr(s))`,
    `${nested(5000)}return s == slice(s.stop)`,
    `${nested(5000)}return t < slice(1, t)`,
    `s = []\ns.append(slice(s))\nreturn repr(s), s == s`,
    `class I:\n    def __index__(self):\n        return [1][self:]\nreturn [1][I()]`,
    `class I:\n    def __index__(self):\n        return 7\nreturn int(I()), hex(I()), range(I())`,
  ], new Engine({ maxMillis: 10_000 }))).toEqual([]);
  // a slice of a huge list is paid for as the list it makes
  expect(evaluator(new Engine(), { source: `l = list(range(90000))\nfor i in range(100):\n    l[slice(None, None, -1)]\nreturn True` }).error).toMatch(/^StepLimitError/);
});
