import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { clockLifted, compareWithCPython, evaluator } from '../support/cpython.js';

/**
 * Subclasses of list, tuple, set and frozenset with dunders of their own: every operator, len,
 * in, iteration, ==/ordering, hash (dict keys, sets), truth, format and calls ask the class as
 * CPython's slots do, in CPython's order, and the base's C code passes it by where CPython's does
 * (== and + read a list's items, '%' a tuple's, set(s), s | t and s.union(t) a set's members).
 */

/** Each expression's value, or its error's type and words, so that one case holds many. */
const TRY = `def t(f):\n    try:\n        return f()\n    except Exception as e:\n        return type(e).__name__ + ': ' + str(e)\n`;

const BINARY = ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'matmul', 'and', 'or', 'xor', 'lshift', 'rshift', 'divmod'];
const SYMBOL: Record<string, string> = { add: '+', sub: '-', mul: '*', truediv: '/', floordiv: '//', mod: '%', pow: '**', matmul: '@', and: '&', or: '|', xor: '^', lshift: '<<', rshift: '>>' };
const apply = (op: string, a: string, b: string) => (op === 'divmod' ? `divmod(${a}, ${b})` : `${a} ${SYMBOL[op]} ${b}`);

type Base = 'list' | 'tuple';
const VALUE: Record<Base, string> = { list: '[1, 2]', tuple: '(1, 2)' };

/**
 * For each binary operator, a class defining __op__, __rop__, both answering NotImplemented, or
 * only __eq__ (the base's concatenation and repeat then), against numbers, strs, lists, tuples,
 * the class itself, a subclass, a plain subclass of the base and a plain class's instance.
 */
function binaryCases(base: Base): string[] {
  const others = ['3', '2.5', 'True', "'xy'", '[1]', '(1,)', `X(${VALUE[base]})`, 'S([4])', 'B([5])', 'P()', '0', '-1'];
  return BINARY.flatMap((op) =>
    [
      `    def __${op}__(self, o):\n        log.append(('${op}', type(self).__name__, o))\n        return ('${op}', o)\n`,
      `    def __r${op}__(self, o):\n        log.append(('r${op}', type(self).__name__, o))\n        return ('r${op}', o)\n`,
      `    def __${op}__(self, o):\n        log.append('${op}')\n        return NotImplemented\n    def __r${op}__(self, o):\n        log.append('r${op}')\n        return NotImplemented\n`,
      `    def __eq__(self, o):\n        return NotImplemented\n    __hash__ = None\n`,
    ].map((body) => {
      const exprs = others.flatMap((o) => [apply(op, `X(${VALUE[base]})`, o), apply(op, o, `X(${VALUE[base]})`)]);
      return `${TRY}log = []\nclass X(${base}):\n${body}    def __repr__(self):\n        return 'X'\nclass S(X):\n    def __r${op}__(self, o):\n        log.append('S.r${op}')\n        return 'S'\nclass B(${base}):\n    pass\nclass P:\n    def __${op}__(self, o):\n        log.append('P')\n        return NotImplemented\n    def __r${op}__(self, o):\n        log.append('P.r')\n        return NotImplemented\n    def __repr__(self):\n        return 'P'\nreturn [(t(lambda: ${exprs.join('), t(lambda: ')})), log]`;
    }),
  );
}

/** ==, !=, <, <=, >, >= by a class defining one of them (answering a value, or NotImplemented), against lists, tuples, numbers and subclasses, in sorted, min, max, in and list.index. */
function comparisonCases(base: Base): string[] {
  const others = ['[1, 2]', '[1, 3]', '(1, 2)', '(0,)', '2', "'b'", `X(${VALUE[base]})`, 'S([1])', 'B([1, 2])', 'P()'];
  const ops = ['==', '!=', '<', '<=', '>', '>='];
  const names: Record<string, string> = { '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };
  return ops.flatMap((own) =>
    ['("' + names[own] + '", type(o).__name__)', 'NotImplemented'].map((answer) => {
      const exprs = others.flatMap((o) => ops.flatMap((op) => [`X(${VALUE[base]}) ${op} ${o}`, `${o} ${op} X(${VALUE[base]})`]));
      return `${TRY}class X(${base}):\n    def __${names[own]}__(self, o):\n        return ${answer}\nclass S(X):\n    pass\nclass B(${base}):\n    pass\nclass P:\n    def __repr__(self):\n        return 'P'\nreturn [t(lambda: ${exprs.join('), t(lambda: ')})]`;
    }),
  );
}

const DUNDERS = [
  // len, truth and iteration
  `${TRY}class L(list):\n    def __len__(self):\n        return 5\nx = L([1, 2])\nreturn len(x), bool(x), bool(L()), list(x), x[1], x == [1, 2], t(lambda: x[4]), 2 in x, sorted(x), x.count(1), repr(x), str(x)`,
  `${TRY}class T(tuple):\n    def __len__(self):\n        return 0\nx = T((1, 2))\nreturn len(x), bool(x), not x, 'y' if x else 'n', list(x), x[0], x + (3,), x * 2, x == (1, 2), hash(x) == hash((1, 2)), {x: 1}[(1, 2)], repr(x)`,
  `${TRY}class L(list):\n    def __bool__(self):\n        return False\nx = L([1])\nreturn bool(x), len(x), [x] if x else [], any([x]), all([x]), list(filter(None, [x, [2]]))`,
  `${TRY}class L(list):\n    def __iter__(self):\n        return iter(['it'])\nx = L([1, 2])\nreturn list(x), tuple(x), [a for a in x], sorted(x), set(x), dict.fromkeys(x), max(x), [*x], x[0], len(x), 1 in x, x == [1, 2], repr(x), list(reversed(x)), x.index(2), x.copy(), next(enumerate(x))`,
  `${TRY}class T(tuple):\n    def __iter__(self):\n        yield 'a'\n        yield 'b'\nx = T((1, 2, 3))\nreturn list(x), tuple(x), ''.join(x), '-'.join(T(('p', 'q'))), x[0], len(x), 3 in x, x == (1, 2, 3), repr(x), sum(T((1, 2))) if False else None, dict(zip(x, x)), min(x)`,
  `${TRY}class L(list):\n    def __getitem__(self, k):\n        return ('g', k)\nx = L([1, 2, 3])\nreturn x[0], x[-1], x[1:], x[::2], x['k'], list(x), 2 in x, len(x), x == [1, 2, 3], x.pop(), x, t(lambda: [10, 20][x])`,
  `${TRY}class T(tuple):\n    def __getitem__(self, k):\n        if isinstance(k, int) and k > 1:\n            raise IndexError(k)\n        return k\nx = T((7, 8, 9))\nreturn x[0], x[1:2], list(x), list(reversed(x)), t(lambda: x[5]), x.index(8), x.count(9)`,
  `${TRY}class L(list):\n    def __contains__(self, x):\n        return x == 'magic'\nx = L([1])\nreturn 1 in x, 'magic' in x, 1 not in x, x.count(1), x.index(1), [1] == x`,
  `${TRY}class T(tuple):\n    def __contains__(self, x):\n        return 1 / 0\nreturn t(lambda: 1 in T((1,))), T((1,)).count(1)`,
  // hash, keys and sets
  `${TRY}class T(tuple):\n    def __hash__(self):\n        return 5\nx = T((1, 2))\nd = {x: 'a'}\nreturn hash(x), d.get((1, 2)), d.get(T((1, 2))), x in {(1, 2)}, (1, 2) in {x}, len({x, T((1, 2)), (1, 2)}), {x: 0} == {(1, 2): 0}`,
  `${TRY}class L(list):\n    def __hash__(self):\n        return 7\nx = L([1])\nreturn hash(x), {x: 1}[x], t(lambda: {x: 1}[L([1])]), len({x, L([1])}), x in {x}, t(lambda: hash([1]))`,
  `${TRY}class L(list):\n    def __eq__(self, o):\n        return True\nclass T(tuple):\n    def __eq__(self, o):\n        return True\nreturn t(lambda: hash(L())), t(lambda: {L()}), t(lambda: hash(T())), t(lambda: {T(): 0}), L() == 5, [L()] == [9], T() in [1], [4, 5].index(T())`,
  `${TRY}class L(list):\n    def __hash__(self):\n        raise ValueError('no')\nclass M(list):\n    def __hash__(self):\n        return 'h'\nclass N(list):\n    def __hash__(self):\n        return 2**100\nreturn t(lambda: hash(L())), t(lambda: {L()}), t(lambda: hash(M())), t(lambda: {M(): 0}), hash(N()), {N(): 1}`,
  `${TRY}class L(list):\n    pass\nclass T(tuple):\n    def __lt__(self, o):\n        return True\nreturn t(lambda: hash(L())), hash(T((1,))) == hash((1,)), {T((1,)): 2}[(1,)], t(lambda: {L(): 0})`,
  // equality and order in containers and builtins
  `${TRY}class L(list):\n    def __eq__(self, o):\n        log.append(o)\n        return NotImplemented\nlog = []\nx = L([2])\nr = [x == [2], [2] == x, x != [2], [x] == [[2]], (x,) == ([2],), x in [[1], [2]], [[1], [2]].count(x), [[3], [2]].index(x), x == (2,), x == L([2])]\nreturn r, log`,
  `${TRY}class T(tuple):\n    def __lt__(self, o):\n        log.append(1)\n        return len(self) > len(o)\nlog = []\nreturn sorted([T((1,)), T((1, 2, 3)), T((1, 2))]), min(T((1,)), T((1, 2))), max([T((1,)), T((2, 2))]), T((1,)) < (1, 2), (1, 2) > T((1,)), len(log) > 0, sorted([(1,), T((1, 2))])`,
  `${TRY}class L(list):\n    def __gt__(self, o):\n        return 'gt'\nreturn [1] < L([0]), L([0]) > [1], [1] > L([0]), t(lambda: 1 < L()), t(lambda: L() < 1), bool([[1]] < [L([0])]), t(lambda: L() < ())`,
  // unary operators, __index__, __format__, __call__, items
  `${TRY}class L(list):\n    def __neg__(self):\n        return 'neg'\n    def __pos__(self):\n        return 'pos'\n    def __abs__(self):\n        return 'abs'\nx = L([1])\nreturn -x, +x, abs(x), t(lambda: ~x), t(lambda: -L() + 1), x * 2, type(x * 2).__name__`,
  `${TRY}class T(tuple):\n    pass\nclass U(tuple):\n    def __repr__(self):\n        return 'U'\n    def __neg__(self):\n        return 1\nreturn t(lambda: -U()), t(lambda: +U()), t(lambda: abs(U())), t(lambda: -T())`,
  `${TRY}class L(list):\n    def __index__(self):\n        return 1\nx = L([5])\nreturn [1, 2, 3][x], 'abc'[x:], hex(x), bin(x), range(x), (1, 2)[x], t(lambda: 2 ** x)`,
  `${TRY}class T(tuple):\n    def __index__(self):\n        return 'x'\nreturn t(lambda: [1][T()])`,
  `${TRY}class L(list):\n    def __format__(self, spec):\n        return '<' + spec + '>'\nx = L([7])\nreturn f'{x}', f'{x:>4}', f'{x!r}', f'{x!s}', format(x), format(x, 'x'), '{}'.format(x), '%s' % x, '%r' % (x,), str(x), repr(x)`,
  `${TRY}class T(tuple):\n    def __eq__(self, o):\n        return False\nx = T((1,))\nreturn f'{x}', t(lambda: f'{x:>9}'), t(lambda: format(x, 's'))`,
  `${TRY}class L(list):\n    def __format__(self, spec):\n        return 5\nreturn t(lambda: f'{L()}'), t(lambda: format(L(), 'd'))`,
  `${TRY}class L(list):\n    def __call__(self, *a, **k):\n        return len(self) + sum(a), k\nx = L([1, 2])\nreturn x(1, 2), x(z=1), callable(x), callable(L), list(map(x, [1, 2])), sorted([3, 1], key=x), callable([])`,
  `${TRY}class L(list):\n    def __setitem__(self, k, v):\n        log.append((k, v))\n    def __delitem__(self, k):\n        log.append(('del', k))\nlog = []\nx = L([1, 2, 3])\nx[0] = 9\nx[1:2] = 'ab'\ndel x[2]\ndel x[::2]\nx.append(4)\nx.insert(0, 0)\nx.extend([5])\nx.sort()\nreturn log, x, x.pop(), x`,
  `${TRY}class L(list):\n    def __setitem__(self, k, v):\n        super().__setitem__(k, v * 10)\nx = L([1, 2, 3])\nx[0] = 5\ndel x[1]\nx[0:1] = [7]\nreturn x`,
  `${TRY}class L(list):\n    def __delitem__(self, k):\n        log.append(k)\nclass T(tuple):\n    def __setitem__(self, k, v):\n        log.append((k, v))\nclass U(tuple):\n    def __eq__(self, o):\n        return False\nlog = []\nx = L([1, 2])\nx[0] = 3\ndel x[0]\ny = T((1,))\ny[0] = 2\nreturn x, log`,
  `${TRY}class T(tuple):\n    def __setitem__(self, k, v):\n        pass\ndef d(x):\n    del x[0]\nclass U(tuple):\n    def __len__(self):\n        return 1\ndef s(x):\n    x[0] = 1\nreturn t(lambda: d(T((1,)))), t(lambda: s(U((1,)))), t(lambda: d(U((1,))))`,
  // super() reaches the base's dunders on the value
  `${TRY}class L(list):\n    def __len__(self):\n        return super().__len__() * 10\n    def __getitem__(self, k):\n        return super().__getitem__(k) * 2\n    def __eq__(self, o):\n        return super().__eq__(o) or o == 'any'\n    def __contains__(self, x):\n        return super().__contains__(x) or x == 'z'\n    def __iter__(self):\n        return super().__iter__()\n    def __add__(self, o):\n        return ('mine', super().__add__(o))\n    def __mul__(self, n):\n        return L(super().__mul__(n))\n    __hash__ = None\nx = L([1, 2])\nreturn len(x), x[0], x[0:1], x == [1, 2], x == 'any', x == [1], 'z' in x, 2 in x, list(x), x + [3], t(lambda: x + (3,)), x * 2, type(x * 2).__name__, t(lambda: x * 'a')`,
  `${TRY}class T(tuple):\n    def __hash__(self):\n        return super().__hash__() + 1\n    def __lt__(self, o):\n        return super().__lt__(o)\n    def __repr__(self):\n        return 'T' + super().__repr__()\nx = T((1, 2))\nreturn hash(x) == hash((1, 2)) + 1, x < (1, 3), t(lambda: x < [1]), repr(x), str(x), [x]`,
  // json, str.join, '%', isinstance and the base's methods pass the dunders by or ask them as CPython's C code does
  `${TRY}import json\nclass L(list):\n    def __len__(self):\n        return 0\n    def __getitem__(self, k):\n        return 'q'\n    def __eq__(self, o):\n        return False\n    __hash__ = None\n    def __repr__(self):\n        return 'R'\nx = L(['a', 'b'])\nreturn json.dumps(x), json.dumps({'k': x}), '-'.join(x), isinstance(x, list), type(x).__name__, x.index('b'), x.count('a'), sorted(x), x.copy(), list(x), tuple(x), str(x), [x], '%s' % x, x[:]`,
  `${TRY}import json\nclass T(tuple):\n    def __iter__(self):\n        return iter(['it'])\n    def __len__(self):\n        return 9\n    def __getitem__(self, k):\n        return 'g'\nx = T(('a', 'b'))\nreturn json.dumps(x), '%s-%s' % x, t(lambda: '%s' % x), '-'.join(x), isinstance(x, tuple), x.count('a'), x.index('b'), str(x), repr([x]), t(lambda: '%(a)s' % x), '{}{}'.format(*x)`,
  `${TRY}class L(list):\n    def __iter__(self):\n        return iter([5])\nl = [0]\nl += L([1, 2])\nm = [0]\nm.extend(L([1, 2]))\nn = [0, 1, 2]\nn[0:1] = L([8, 9])\na, = L([1, 2])\ndef f(*args):\n    return args\nreturn l, m, n, a, f(*L([1, 2])), t(lambda: dict(L([(1, 2)]))), max(L([1, 2])), [1, 2] == L([1, 2]), L([1, 2]) + [3], [3] + L([1, 2])`,
  // in-place operators
  `${TRY}class L(list):\n    def __add__(self, o):\n        return L(list(self) + list(o) + ['+'])\n    def __repr__(self):\n        return 'L' + super().__repr__()\nx = L([1])\ny = x\nx += [2]\nz = L([1])\nw = z\nz *= 2\nreturn x, y, x is y, z, w, z is w, type(z).__name__`,
  `${TRY}class L(list):\n    def __eq__(self, o):\n        return False\nx = L([1])\ny = x\nx += (2, 3)\nx *= 2\nz = [0]\nz += L([4])\nreturn x, x is y, type(x).__name__, z`,
  `${TRY}class T(tuple):\n    def __eq__(self, o):\n        return False\nx = T((1,))\ny = x\nx += (2,)\nz = T((1,))\nz *= 2\nreturn x, x is y, type(x).__name__, z, type(z).__name__`,
  // match, unpacking and the base's constructors
  `${TRY}class L(list):\n    def __len__(self):\n        return 2\n    def __iter__(self):\n        return iter(['a', 'b'])\ndef m(x):\n    match x:\n        case [p, q]:\n            return 'two', p, q\n        case [*r]:\n            return 'any', r\n        case L():\n            return 'L'\nreturn m(L([1, 2, 3])), m(L()), m([1, 2])`,
  `${TRY}class T(tuple):\n    def __eq__(self, o):\n        return o == 'lit'\n    __hash__ = None\ndef m(x):\n    match x:\n        case (1, 2):\n            return 'pair'\n        case 'lit':\n            return 'lit'\n        case T():\n            return 'T'\nreturn m(T((1, 2))), m(T()), m((1, 2))`,
  `${TRY}class L(list):\n    def __init__(self, *a):\n        super().__init__(a)\n    def __eq__(self, o):\n        return 'eq'\nclass T(tuple):\n    def __new__(cls, *a):\n        return super().__new__(cls, a)\n    def __eq__(self, o):\n        return 'eq'\nx = L(1, 2)\ny = T(3, 4)\nreturn x, y, len(x), len(y), x[0], y[1], isinstance(y, T), type(x).__name__`,
  // a dunder given by a mixin, a lambda, a staticmethod or a property
  `${TRY}class M:\n    def __len__(self):\n        return 4\n    def __eq__(self, o):\n        return 'M'\nclass L(M, list):\n    pass\nclass T(M, tuple):\n    pass\nreturn len(L([1])), L() == 2, len(T((1,))), T() == (), t(lambda: hash(T())), isinstance(L(), M)`,
  `${TRY}class L(list):\n    __len__ = lambda self: 6\n    __call__ = staticmethod(lambda: 'static')\n    __neg__ = len\nreturn len(L([1])), L()(), t(lambda: -L([1]))`,
  `${TRY}class T(tuple):\n    def __getitem__(self, k):\n        return self.n + k\n    @property\n    def n(self):\n        return len(self) * 100\nreturn T((1, 2))[1], list(T((1, 2)))`,
  // a class's __len__ is asked first by list(), tuple(), sorted() and [*x] (a length hint), not by set() or a loop; the base's methods, json, reversed, isinstance
  `${TRY}class L(list):\n    def __len__(self):\n        return -1\n    def __iter__(self):\n        return iter([7])\nx = L([1])\nreturn t(lambda: list(x)), t(lambda: tuple(x)), t(lambda: sorted(x)), t(lambda: [*x]), t(lambda: set(x)), t(lambda: [a for a in x]), t(lambda: ''.join(L(['a']))), t(lambda: [1] + x)`,
  `${TRY}class L(list):\n    def __len__(self):\n        raise ValueError('v')\n    def __iter__(self):\n        return iter([7])\nx = L([1])\nreturn t(lambda: list(x)), t(lambda: tuple(x)), t(lambda: sorted(x)), t(lambda: [*x]), t(lambda: set(x)), t(lambda: bool(x)), t(lambda: min(x))`,
  `${TRY}class L(list):\n    def __iter__(self):\n        return iter([3, 1])\nx = L([5, 6])\nx.extend(x)\ny = L([1])\ny += y\nreturn x, y, sorted(x, key=lambda v: -v), list(map(str, x)), list(zip(x, x)), dict(enumerate(x)), any(x), sum(x)`,
  `${TRY}class T(tuple):\n    def __len__(self):\n        return 1\nx = T((1, 2))\ndef f(*a):\n    return a\nreturn f(*x), isinstance(x, (list, tuple)), isinstance([], T), issubclass(T, tuple), t(lambda: 1 in x), x.count(2), tuple(x), type(x[:]).__name__, x[:] == (1, 2), max(x), str(x), '%s' % (x,)`,
  `${TRY}class L(list):\n    def __getitem__(self, k):\n        return 'g'\n    def __len__(self):\n        return 3\nclass T(tuple):\n    def __getitem__(self, k):\n        return 'g'\n    def __len__(self):\n        return 3\nreturn list(reversed(L([1]))), list(reversed(T((1,)))), L([1]).pop(), t(lambda: L().pop()), L([3, 1]).index(1), T((5,)).index(5)`,
  `${TRY}class L(list):\n    def __eq__(self, o):\n        return False\n    __hash__ = None\nx = L([1, 2])\nx.sort(reverse=True)\nx.reverse()\nx.remove(1)\nx.clear()\nreturn x, type(x).__name__, x == [], [] == x, x != [], x is x`,
  `${TRY}class L(list):\n    def __init__(self, n):\n        super().__init__(range(n))\n    def __len__(self):\n        return 100\nx = L(3)\nreturn x, len(x), list(x), x.copy(), x[1], x[-1], t(lambda: L())`,
  `${TRY}class L(list):\n    def __contains__(self, v):\n        return True\nclass T(tuple):\n    def __iter__(self):\n        return iter([1, 2, 3])\nreturn 5 in L(), 5 not in L(), t(lambda: 3 in T()), any(v == 3 for v in T())`,
  `${TRY}import json\nclass L(list):\n    def __iter__(self):\n        return iter([1, {'a': 2}])\nclass T(tuple):\n    def __iter__(self):\n        raise ValueError('no')\nreturn json.dumps(L([9])), json.dumps([L([9])]), t(lambda: json.dumps(T((1,)))), json.dumps({'k': L()}, sort_keys=True)`,
  `${TRY}class L(list):\n    def __eq__(self, o):\n        return 'x'\n    def __repr__(self):\n        return 'L!'\nreturn f'{L()!r}', str(L()), repr([L()]), '%r' % L(), format(L(), ''), t(lambda: format(L(), 'x'))`,
  // the base's own dunders as class attributes, as CPython code writes them beside an __eq__
  `${TRY}class T(tuple):\n    def __eq__(self, o):\n        return str(self) == str(o)\n    __hash__ = tuple.__hash__\nclass F(frozenset):\n    def __eq__(self, o):\n        return NotImplemented\n    __hash__ = frozenset.__hash__\nclass L(list):\n    __len__ = list.__len__\n    __eq__ = list.__eq__\nclass S(set):\n    __or__ = set.__or__\n    __contains__ = frozenset.__contains__\nclass U(tuple):\n    __len__ = list.__len__\nd = {T((1,)): 1}\nreturn d.get((1,)), hash(T((2,))) == hash((2,)), hash(F({1})) == hash(frozenset({1})), {F({1}): 2}.get(F({1})), len(L([1, 2])), L([1]) == [1], S({1}) | {2}, t(lambda: 1 in S({1})), t(lambda: len(U()))`,
  // json's walk of a class's __iter__, augmented subscripts, unpacking, the builtins that walk, an __eq__ that raises, set's update of a subclass's members
  `${TRY}import json\nclass L(list):\n    def __iter__(self):\n        yield self\nreturn t(lambda: json.dumps(L()))`,
  `${TRY}class L(list):\n    def __getitem__(self, k):\n        return 1\n    def __setitem__(self, k, v):\n        log.append((k, v))\nlog = []\nx = L([1, 2])\nx[0] += 5\nx[0:1] += [3]\ndel x[:]\nreturn log, x`,
  `${TRY}class T(tuple):\n    def __iter__(self):\n        return iter([1, 2])\na, b = T((5, 6, 7))\nc, *d = T((5,))\nreturn a, b, c, d, t(lambda: [x for x, in T(((1,),))])`,
  `${TRY}class L(list):\n    def __iter__(self):\n        return iter([(1, 2)])\n    def __len__(self):\n        return 7\nreturn dict(L()), list(enumerate(L())), list(zip(L(), L())), {k: v for k, v in L()}, min(L()), sum(L(), ()), any(L()), all(L()), frozenset(L())`,
  `${TRY}class L(list):\n    def __eq__(self, o):\n        raise KeyError('eq')\nreturn t(lambda: L() == []), t(lambda: [] == L()), t(lambda: L() in [[]]), t(lambda: [L()].index([])), t(lambda: [[]].count(L())), t(lambda: L() != [])`,
  `${TRY}class S(set):\n    def __iter__(self):\n        return iter([3, 4])\nx = S({1})\nx.update(S({2}))\ny = set()\ny.update(S({5}))\nz = {7}\nz |= S({8})\nreturn sorted(x), sorted(y), sorted(z), S({1}).issubset([1]), S({1}).union([2]), sorted(S({1}).union(S({9})))`,
];

/** What hostile dunders meet: CPython's errors for bad answers, the limits for loops and recursion. */
const HOSTILE = [
  `${TRY}class L(list):\n    def __len__(self):\n        return -1\nclass J(list):\n    def __len__(self):\n        return 2**64\nclass K(list):\n    def __len__(self):\n        return 'x'\nclass M(tuple):\n    def __len__(self):\n        return 1.5\nreturn t(lambda: len(L())), t(lambda: bool(L())), t(lambda: len(J())), t(lambda: bool(J())), t(lambda: len(K())), t(lambda: bool(K())), t(lambda: len(M())), t(lambda: list(K([1])))`,
  `${TRY}class L(list):\n    def __eq__(self, o):\n        lst.clear()\n        return False\n    __hash__ = None\nlst = [1, 2, 3]\nx = L([1])\nreturn t(lambda: x in lst), lst, t(lambda: lst.count(x)), t(lambda: x == [1])`,
  `${TRY}class L(list):\n    def __eq__(self, o):\n        self.append(len(self))\n        return len(self) > 3\n    __hash__ = None\nx = L()\nreturn x == 1, x == 2, x == 3, x, [x] == [[]], x`,
  `${TRY}class L(list):\n    def __lt__(self, o):\n        raise ValueError('no order')\nreturn t(lambda: sorted([L([1]), L([2])])), t(lambda: min(L(), L())), t(lambda: L() < []), t(lambda: [] > L()), t(lambda: [L()] < [L()])`,
  `${TRY}class L(list):\n    def __bool__(self):\n        raise KeyError('b')\nreturn t(lambda: bool(L())), t(lambda: not L()), t(lambda: [x for x in [L()] if x])`,
  `${TRY}class L(list):\n    def __iter__(self):\n        return 5\nclass M(tuple):\n    def __iter__(self):\n        return self\nreturn t(lambda: list(L([1]))), t(lambda: list(M((1,)))), t(lambda: [*L()]), t(lambda: 1 in L([1]))`,
  `class L(list):\n    def __getitem__(self, k):\n        return self[k]\nreturn (L([1])[0])`,
  `class L(list):\n    def __eq__(self, o):\n        return self == o\n    __hash__ = None\nreturn (L([1]) == [1])`,
  `class T(tuple):\n    def __add__(self, o):\n        return self + o\nreturn (T() + ())`,
  `class L(list):\n    def __iter__(self):\n        return iter(self)\nreturn (list(L([1])))`,
  `class T(tuple):\n    def __hash__(self):\n        return hash(self)\nreturn (hash(T()))`,
  `class L(list):\n    def __len__(self):\n        return len(self)\nreturn (len(L()))`,
  `${TRY}class L(list):\n    def __repr__(self):\n        return super().__repr__() + '!'\nx = L([1])\nx.append(x)\ny = L()\ny.append([y])\nreturn repr(x), str([x]), repr(y)`,
  `${TRY}class L(list):\n    def __eq__(self, o):\n        return False\nx = L([1])\nx.append(x)\nreturn repr(x), t(lambda: x == x), x.count(x), t(lambda: [x] == [x])`,
];

/** For each of set's operators and a few others, a set or frozenset subclass defining __op__, __rop__, both answering NotImplemented, or only __eq__, against sets, frozensets, views, lists and each other. */
function setBinaryCases(base: 'set' | 'frozenset'): string[] {
  const others = ['{1, 3}', 'frozenset({2})', '{}.keys()', '[1]', '3', `X({1, 2})`, 'S({4})', 'B({5})', 'P()'];
  return ['or', 'and', 'sub', 'xor', 'add', 'mul'].flatMap((op) =>
    [
      `    def __${op}__(self, o):\n        log.append(('${op}', type(self).__name__, o))\n        return ('${op}', o)\n`,
      `    def __r${op}__(self, o):\n        log.append(('r${op}', type(self).__name__, o))\n        return ('r${op}', o)\n`,
      `    def __${op}__(self, o):\n        log.append('${op}')\n        return NotImplemented\n    def __r${op}__(self, o):\n        log.append('r${op}')\n        return NotImplemented\n`,
      `    def __eq__(self, o):\n        return NotImplemented\n    __hash__ = None\n`,
    ].map((body) => {
      const exprs = others.flatMap((o) => [apply(op, 'X({1, 2})', o), apply(op, o, 'X({1, 2})')]);
      return `${TRY}log = []\nclass X(${base}):\n${body}    def __repr__(self):\n        return 'X'\nclass S(X):\n    def __r${op}__(self, o):\n        log.append('S.r${op}')\n        return 'S'\nclass B(${base}):\n    pass\nclass P:\n    def __${op}__(self, o):\n        log.append('P')\n        return NotImplemented\n    def __r${op}__(self, o):\n        log.append('P.r')\n        return NotImplemented\n    def __repr__(self):\n        return 'P'\nreturn [(t(lambda: ${exprs.join('), t(lambda: ')})), log]`;
    }),
  );
}

function setComparisonCases(base: 'set' | 'frozenset'): string[] {
  const others = ['{1, 2}', '{1}', 'frozenset({1, 2, 3})', '{}.keys()', '[1, 2]', '2', 'X({1, 2})', 'S({1})', 'B({1, 2})', 'P()'];
  const ops = ['==', '!=', '<', '<=', '>', '>='];
  const names: Record<string, string> = { '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };
  return ops.flatMap((own) =>
    ['("' + names[own] + '", type(o).__name__)', 'NotImplemented'].map((answer) => {
      const exprs = others.flatMap((o) => ops.flatMap((op) => [`X({1, 2}) ${op} ${o}`, `${o} ${op} X({1, 2})`]));
      return `${TRY}class X(${base}):\n    def __${names[own]}__(self, o):\n        return ${answer}\nclass S(X):\n    pass\nclass B(${base}):\n    pass\nclass P:\n    def __repr__(self):\n        return 'P'\nreturn [t(lambda: ${exprs.join('), t(lambda: ')})]`;
    }),
  );
}

const SETS = [
  `${TRY}class S(set):\n    def __len__(self):\n        return 5\n    def __iter__(self):\n        return iter([9])\ns = S({1, 2})\nreturn len(s), bool(s), bool(S()), list(s), sorted(s), set(s), frozenset(s), {1} | s, s | {3}, set().union(s), s == {1, 2}, {1, 2} == s, s.issubset({1, 2}), {1, 2, 3}.issuperset(s), 1 in s, 9 in s, repr(s), str(s), type(s | {3}).__name__, type(s.copy()).__name__, max(s), [*s], t(lambda: tuple(S({1})))`,
  `${TRY}class F(frozenset):\n    def __iter__(self):\n        return iter(['it'])\n    def __contains__(self, x):\n        return x == 'magic'\nf = F({1, 2})\nreturn list(f), 'magic' in f, 1 in f, f == {1, 2}, hash(f) == hash(frozenset({1, 2})), {f: 1}.get(frozenset({1, 2})), len(f), repr(f), f | {3}, type(f | {3}).__name__, f & frozenset({1}), {1, 2} - f, sorted(f), repr(F())`,
  `${TRY}class S(set):\n    def __contains__(self, x):\n        return 1 / 0\nclass T(set):\n    def __bool__(self):\n        return False\nreturn t(lambda: 1 in S({1})), S({1}) == {1}, bool(T({1})), len(T({1})), not T({1}), [1] if T({1}) else []`,
  `${TRY}class F(frozenset):\n    def __hash__(self):\n        return 5\nclass G(frozenset):\n    def __eq__(self, o):\n        return True\nclass S(set):\n    def __hash__(self):\n        return 7\nf = F({1})\nd = {f: 'a'}\nreturn hash(f), d.get(frozenset({1})), d.get(F({1})), len({f, F({1}), frozenset({1})}), t(lambda: hash(G())), t(lambda: {G()}), hash(S({1})), {S({1}): 1}[S({1})], len({S(), S()}), t(lambda: hash(set()))`,
  `${TRY}class S(set):\n    pass\nclass F(frozenset):\n    def __lt__(self, o):\n        return True\nclass H(set):\n    def __hash__(self):\n        raise ValueError('no')\nreturn t(lambda: hash(S())), hash(F({1})) == hash(frozenset({1})), {F({1}): 2}[frozenset({1})], t(lambda: hash(H())), t(lambda: {H()}), F() < F(), sorted([F({2}), F({1})])`,
  `${TRY}class S(set):\n    def __eq__(self, o):\n        log.append(o)\n        return NotImplemented\nlog = []\nx = S({2})\nr = [x == {2}, {2} == x, x != {2}, [x] == [{2}], x in [{1}, {2}], [{3}, {2}].index(x), x == frozenset({2}), x == S({2}), x == [2]]\nreturn r, log`,
  `${TRY}class S(set):\n    def __neg__(self):\n        return 'neg'\n    def __index__(self):\n        return 1\n    def __call__(self, *a):\n        return a\n    def __format__(self, spec):\n        return '<' + spec + '>'\n    def __getitem__(self, k):\n        return ('g', k)\n    def __setitem__(self, k, v):\n        log.append((k, v))\nlog = []\ns = S({1})\ns[3] = 4\nreturn -s, t(lambda: +s), [5, 6][s], s(1, 2), callable(s), f'{s:x}', format(s), s[0], s[1:], log, t(lambda: abs(s)), list(s)`,
  `${TRY}class S(set):\n    def __or__(self, o):\n        return 'or'\n    def __repr__(self):\n        return 'S' + super().__repr__()\nx = S({1})\ny = x\nx |= {2}\nz = S({1})\nz |= {3}\nw = S({1})\nw -= {1}\nreturn x, x is y, type(x).__name__, z, w`,
  `${TRY}class S(set):\n    def __or__(self, o):\n        return 'or'\nx = S({1})\nx |= [2]\nf = frozenset({1})\nclass F(frozenset):\n    def __eq__(self, o):\n        return False\ng = F({1})\nh = g\ng |= {2}\nreturn x, g, g is h, type(g).__name__`,
  `${TRY}class S(set):\n    def __len__(self):\n        return super().__len__() * 10\n    def __contains__(self, x):\n        return super().__contains__(x) or x == 'z'\n    def __iter__(self):\n        return super().__iter__()\n    def __or__(self, o):\n        return ('mine', super().__or__(o))\n    def __eq__(self, o):\n        return super().__eq__(o)\n    __hash__ = None\nx = S({1, 2})\nreturn len(x), 'z' in x, 2 in x, sorted(x), x | {3}, x == {1, 2}, x == [1], t(lambda: x | [3])`,
  `${TRY}class S(set):\n    def __init__(self, *a):\n        super().__init__(a)\n    def __eq__(self, o):\n        return 'eq'\nclass F(frozenset):\n    def __new__(cls, *a):\n        return super().__new__(cls, a)\n    def __len__(self):\n        return 0\nx = S(1, 2)\ny = F(3, 4)\nreturn sorted(x), sorted(y), len(y), isinstance(y, frozenset), isinstance(x, set), type(x).__name__, x.add(5), sorted(x), y.union({1}) == {1, 3, 4}`,
  `${TRY}import json\nclass S(set):\n    def __iter__(self):\n        return iter([1])\nreturn t(lambda: json.dumps(S({1}))), repr(S({1, 2})), str([S({3})]), repr(S())`,
  `${TRY}class S(set):\n    def __iter__(self):\n        return iter([])\nclass T(set):\n    def __len__(self):\n        return -1\n    def __iter__(self):\n        return iter([1])\nx = T({1})\nreturn repr(S({1})), t(lambda: repr(x)), t(lambda: len(x)), t(lambda: bool(x)), t(lambda: list(x)), set(x), t(lambda: sorted(x))`,
  `${TRY}class S(set):\n    def __eq__(self, o):\n        return False\nx = S({1})\nx.add(frozenset(x))\nreturn len(x), t(lambda: x == x), x.issubset(x), sorted(x, key=str)[0]`,
  `${TRY}class S(set):\n    def __iter__(self):\n        while True:\n            yield 1\nreturn len(S({1, 2})), S({1}) == {1}, sorted(S({1}) | {2}), S({5}).pop(), 5 in S({5})`,
  `class S(set):\n    def __iter__(self):\n        return iter(self)\nreturn (list(S()))`,
  `class F(frozenset):\n    def __hash__(self):\n        return hash(self)\nreturn (hash(F()))`,
  `class S(set):\n    def __len__(self):\n        return len(self)\nreturn (bool(S()))`,
  `${TRY}class S(set):\n    def __eq__(self, o):\n        others.clear()\n        return False\n    __hash__ = None\nothers = [{1}, {2}]\nx = S({2})\nreturn t(lambda: x in others), others, x == {2}, {2} == x`,
  `${TRY}class F(frozenset):\n    def __eq__(self, o):\n        d.clear()\n        return True\n    def __hash__(self):\n        return hash(frozenset(self))\nd = {frozenset({1}): 'a'}\nreturn t(lambda: d[F({1})]), d`,
  `${TRY}class S(set):\n    def __len__(self):\n        return 2**64\nclass T(set):\n    def __len__(self):\n        return 'x'\n    def __bool__(self):\n        return 1\nreturn t(lambda: len(S())), t(lambda: bool(S())), t(lambda: repr(S({1}))), t(lambda: len(T())), t(lambda: bool(T())), t(lambda: sorted(T({1})))`,
];

/** Each of these cases runs some hundred operators: a time budget for a loaded machine, the step budget as it is. */
const patient = () => new Engine({ maxMillis: 10_000, requestMillis: 10_000 });

it('runs every binary operator of list and tuple subclasses as CPython does', () => {
  expect(compareWithCPython([...binaryCases('list'), ...binaryCases('tuple')], patient())).toEqual([]);
});

it('compares list and tuple subclasses by their own methods as CPython does', () => {
  expect(compareWithCPython([...comparisonCases('list'), ...comparisonCases('tuple')], patient())).toEqual([]);
});

it('asks the other dunders of list and tuple subclasses where CPython does, and passes them by where its C code does', () => {
  expect(compareWithCPython(DUNDERS, patient())).toEqual([]);
});

it('meets hostile dunders of list and tuple subclasses with CPython\'s errors', () => {
  expect(compareWithCPython(HOSTILE)).toEqual([]);
});

it('holds dunders of list, tuple and set subclasses that loop, nest or grow to the limits', () => {
  // a time budget far past what these take, so that on a loaded machine each ends at the limit it meets, not the clock
  const engine = clockLifted();
  const run = (source: string) => evaluator(engine, { source }).error;
  expect(run(`class L(list):\n    def __iter__(self):\n        while True:\n            yield self\nreturn list(L())`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(run(`class T(tuple):\n    def __getitem__(self, k):\n        while True:\n            pass\nreturn T((1,))[0]`)).toMatch(/^StepLimitError/);
  expect(run(`class L(list):\n    def __eq__(self, o):\n        while True:\n            pass\nreturn L() == []`)).toMatch(/^StepLimitError/);
  expect(run(`class L(list):\n    def __len__(self):\n        return 10 ** 100000\nreturn len(L())`)).toMatch(/^(StepLimitError|MemoryError|OverflowError|ValueError)/);
  expect(run(`class L(list):\n    def __add__(self, o):\n        return L(list(self) * 2)\nx = L([1])\nwhile True:\n    x = x + []`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(run(`class L(list):\n    def __eq__(self, o):\n        return False\nx = L([1])\nwhile True:\n    x += x`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(run(`class L(list):\n    def __eq__(self, o):\n        return False\nx = L([1])\nx *= 10 ** 12`)).toMatch(/^MemoryError/);
  // each key of one hash asks __eq__ of those before it: paid for as calls
  expect(run(`class T(tuple):\n    def __eq__(self, o):\n        return False\n    def __hash__(self):\n        return 0\nreturn len({T((i,)) for i in range(100000)})`)).toMatch(/^StepLimitError/);
  expect(run(`class S(set):\n    def __iter__(self):\n        while True:\n            yield self\nreturn repr(S({1}))`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(run(`class S(set):\n    def __contains__(self, x):\n        return x in self\nreturn 1 in S()`)).toMatch(/^RecursionError/);
  // 5,000 hooked instances deep: the recursion limit, as CPython's for repr and ordering, never the host's stack
  expect(run(`class L(list):\n    def __len__(self):\n        return 1\na = L()\nb = L()\nfor i in range(5000):\n    a = L([a])\n    b = L([b])\nreturn a < b`)).toMatch(/^RecursionError/);
  expect(run(`class F(frozenset):\n    def __len__(self):\n        return 1\na = F()\nfor i in range(5000):\n    a = F({a})\nreturn repr(a)`)).toMatch(/^RecursionError/);
  expect(run(`class T(tuple):\n    def __len__(self):\n        return 1\na = T()\nfor i in range(5000):\n    a = T((a,))\nreturn repr(a)`)).toMatch(/^RecursionError/);
  // a list nested in itself many times over: its repr is bounded
  expect(run(`class L(list):\n    def __eq__(self, o):\n        return False\nx = L()\nfor i in range(20):\n    x.append(x)\nreturn repr(x)`)).toBeUndefined();
}, 600_000);

it('runs the operators of set and frozenset subclasses and compares them as CPython does', () => {
  expect(compareWithCPython([...setBinaryCases('set'), ...setBinaryCases('frozenset'), ...setComparisonCases('set'), ...setComparisonCases('frozenset')], patient())).toEqual([]);
});

it('asks the other dunders of set and frozenset subclasses where CPython does, and passes them by where its C code does', () => {
  expect(compareWithCPython(SETS, patient())).toEqual([]);
});
