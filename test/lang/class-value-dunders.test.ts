import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/**
 * Subclasses of int and str with dunders of their own: every operator, len, in, iteration,
 * ==/ordering, hash (dict keys, sets), truth, format and calls ask the class as CPython's
 * slots do, in CPython's order, and the base's C code passes it by where CPython's does.
 */

/** Each expression's value, or its error's type and words, so that one case holds many. */
const TRY = `def t(f):\n    try:\n        return f()\n    except Exception as e:\n        return type(e).__name__ + ': ' + str(e)\n`;

const BINARY = ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'matmul', 'and', 'or', 'xor', 'lshift', 'rshift', 'divmod'];
const SYMBOL: Record<string, string> = { add: '+', sub: '-', mul: '*', truediv: '/', floordiv: '//', mod: '%', pow: '**', matmul: '@', and: '&', or: '|', xor: '^', lshift: '<<', rshift: '>>' };
const apply = (op: string, a: string, b: string) => (op === 'divmod' ? `divmod(${a}, ${b})` : `${a} ${SYMBOL[op]} ${b}`);

/**
 * For each binary operator, a class defining __op__, __rop__, both, or one that answers
 * NotImplemented, against ints, floats, bools, strs, lists, the class itself, a subclass, and a
 * plain class's instance with its own methods: whose method is asked, and in which order.
 */
function binaryCases(base: 'int' | 'str' | 'float'): string[] {
  const value = base === 'int' ? '6' : base === 'float' ? '6.5' : "'ab'";
  const others = ['3', '2.5', 'True', "'xy'", '[1]', 'X(2)', 'S(4)', 'P()', base === 'str' ? "'%s'" : '-2', '0'];
  return BINARY.flatMap((op) =>
    [
      `    def __${op}__(self, o):\n        log.append(('${op}', type(self).__name__, o))\n        return ('${op}', o)\n`,
      `    def __r${op}__(self, o):\n        log.append(('r${op}', type(self).__name__, o))\n        return ('r${op}', o)\n`,
      `    def __${op}__(self, o):\n        log.append('${op}')\n        return NotImplemented\n    def __r${op}__(self, o):\n        log.append('r${op}')\n        return NotImplemented\n`,
    ].map((body) => {
      const exprs = others.flatMap((o) => [apply(op, 'X(' + value + ')', o), apply(op, o, 'X(' + value + ')')]);
      return `${TRY}log = []\nclass X(${base}):\n${body}    def __repr__(self):\n        return 'X'\nclass S(X):\n    def __r${op}__(self, o):\n        log.append('S.r${op}')\n        return 'S'\nclass P:\n    def __${op}__(self, o):\n        log.append('P')\n        return NotImplemented\n    def __r${op}__(self, o):\n        log.append('P.r')\n        return NotImplemented\n    def __repr__(self):\n        return 'P'\nreturn [(t(lambda: ${exprs.join('), t(lambda: ')})), log]`;
    }),
  );
}

/** ==, !=, <, <=, >, >= by a class defining one of them (answering a value, or NotImplemented), against numbers, strs and subclasses, in sorted, min, max, in and list.index. */
function comparisonCases(base: 'int' | 'str' | 'float'): string[] {
  const value = base === 'int' ? '2' : base === 'float' ? '2.0' : "'b'";
  const others = base !== 'str' ? ['2', '3', '2.0', 'True', "'b'", 'X(2)', 'S(3)', 'P()'] : ["'b'", "'c'", '2', 'X(\'b\')', "S('a')", 'P()'];
  const ops = ['==', '!=', '<', '<=', '>', '>='];
  const names: Record<string, string> = { '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };
  return ops.flatMap((own) =>
    ['("' + names[own] + '", type(o).__name__)', 'NotImplemented'].map((answer) => {
      const exprs = others.flatMap((o) => ops.flatMap((op) => [`X(${value}) ${op} ${o}`, `${o} ${op} X(${value})`]));
      return `${TRY}class X(${base}):\n    def __${names[own]}__(self, o):\n        return ${answer}\n    __hash__ = None\nclass S(X):\n    pass\nclass P:\n    def __repr__(self):\n        return 'P'\nreturn [t(lambda: ${exprs.join('), t(lambda: ')})]`;
    }),
  );
}

/** The other dunders, each defined alone, through every builtin route that asks it or passes it by. */
const DUNDERS = [
  // len, truth and iteration
  `${TRY}class I(int):\n    def __len__(self):\n        return 3\nx = I(0)\nreturn t(lambda: len(x)), bool(x), bool(I(5)), t(lambda: list(x)), t(lambda: 1 in x)`,
  `${TRY}class U(str):\n    def __len__(self):\n        return 0\nu = U('abc')\nreturn len(u), bool(u), not u, 'yes' if u else 'no', list(u), u.upper(), u[1:], u.center(7), '%5s' % u, f'{u:>6}', ''.join([u, u]), u * 2, u == 'abc', sorted([u, 'b'])`,
  `${TRY}class U(str):\n    def __bool__(self):\n        return False\nu = U('abc')\nreturn bool(u), len(u), [u] if u else [], any([u]), all([u]), list(filter(None, [u, 'x']))`,
  `${TRY}class I(int):\n    def __bool__(self):\n        return True\nreturn bool(I(0)), not I(0), I(0) or 'other', I(0) and 'and', [x for x in [I(0)] if x]`,
  `${TRY}class I(int):\n    def __bool__(self):\n        return 1\nreturn t(lambda: bool(I(0)))`,
  `${TRY}class I(int):\n    def __iter__(self):\n        return iter(range(self))\nreturn list(I(3)), tuple(I(2)), sum(I(4)), sorted(I(3), reverse=True), t(lambda: 2 in I(3)), [*I(2)], dict.fromkeys(I(2)), max(I(3)), set(I(2))`,
  `${TRY}class I(int):\n    def __getitem__(self, k):\n        if k >= self:\n            raise IndexError(k)\n        return k * 10\nx = I(3)\nreturn list(x), x[1], t(lambda: x[5]), 20 in x, t(lambda: x[1:2]), t(lambda: len(x))`,
  `${TRY}class U(str):\n    def __getitem__(self, k):\n        return ('item', k)\nu = U('abc')\nreturn u[0], u[-1], u[1:], u[::2], u['k'], list(u), ''.join(u), 'b' in u, u.find('c'), u.split('b'), u.index('c')`,
  `${TRY}class U(str):\n    def __iter__(self):\n        yield 'it'\nu = U('ab')\nreturn list(u), [c for c in u], tuple(u), ''.join(u), '-'.join([u, u]), 'a' in u, u.count('a'), sorted(u), max(u), set(u), dict.fromkeys(u), str(u), u + u, len(u), next(iter(u))`,
  `${TRY}class U(str):\n    def __contains__(self, x):\n        return x == 'magic'\nu = U('abc')\nreturn 'a' in u, 'magic' in u, 'a' not in u, t(lambda: 1 in u), u.find('a'), u.count('b'), 'ab' in U('xabx'), 'abc'.startswith(u)`,
  `${TRY}class I(int):\n    def __contains__(self, x):\n        return x > self\nreturn 5 in I(3), 1 in I(3), 1 not in I(3)`,
  `${TRY}class I(int):\n    pass\nclass J(int):\n    def __iter__(self):\n        return iter([1])\nreturn t(lambda: 1 in I(3)), t(lambda: list(I(3))), t(lambda: len(J(3))), t(lambda: J(1)[0]), t(lambda: J(1)()), t(lambda: 1 in J(2))`,
  // hash, keys and sets
  `${TRY}class I(int):\n    def __hash__(self):\n        return 5\nx = I(1)\nd = {x: 'a'}\nreturn hash(x), d.get(1), d.get(I(1)), d.get(5), x in {1}, 1 in {x}, len({x, I(1), 1, 5}), {x: 0} == {1: 0}, sorted({x, 2})`,
  `${TRY}class I(int):\n    def __hash__(self):\n        return hash(int(self))\nreturn {I(1): 'a'}[1], {1: 'b'}[I(1)], len({I(1), 1, True, 1.0}), hash(I(-1)), hash(I(2**70)) == hash(2**70)`,
  `${TRY}class I(int):\n    def __hash__(self):\n        return 2**100\nclass J(int):\n    def __hash__(self):\n        return -1\nclass K(int):\n    def __hash__(self):\n        return True\nreturn hash(I(1)), hash(J(1)), hash(K(5)), {I(1): 0}, {J(3), J(3)}, {K(5): 1}.get(1)`,
  `${TRY}class I(int):\n    def __hash__(self):\n        return 'h'\nreturn t(lambda: hash(I(1))), t(lambda: {I(1)}), t(lambda: {I(1): 0})`,
  `${TRY}class I(int):\n    def __hash__(self):\n        raise ValueError('no hash')\nreturn t(lambda: hash(I(1))), t(lambda: {I(1)}), t(lambda: I(1) in {1: 0}), t(lambda: {}.get(I(1)))`,
  `${TRY}class I(int):\n    __hash__ = None\nclass J(int):\n    def __eq__(self, o):\n        return int(self) == o\nclass K(J):\n    def __hash__(self):\n        return 0\nreturn t(lambda: hash(I(1))), t(lambda: {I(1)}), t(lambda: hash(J(1))), t(lambda: {J(2): 0}), hash(K(1)), t(lambda: {K(1), K(2)}), I(1) == 1, J(1) == 1`,
  `${TRY}class U(str):\n    def __eq__(self, o):\n        return str.lower(self) == str.lower(o)\n    def __hash__(self):\n        return hash(str.lower(self))\nd = {U('Key'): 1}\nd[U('KEY')] = 2\nd['key'] = 3\nreturn d, len(d), U('a') in {'A'}, 'a' in {U('A')}, U('A') in ['a'], ['x', 'a'].index(U('A')), {U('X'), U('x'), 'x'}`,
  `${TRY}class U(str):\n    def __hash__(self):\n        return 1\nd = {U('a'): 1, U('b'): 2}\nreturn d, d.get('a'), d.get(U('a')), 'a' in d, len({U('a'), 'a', U('a')})`,
  // equality and order in containers and builtins
  `${TRY}class I(int):\n    def __eq__(self, o):\n        log.append(o)\n        return NotImplemented\n    __hash__ = None\nlog = []\nx = I(2)\nr = [x == 2, 2 == x, x != 2, [x] == [2], (x,) == (2,), x in [1, 2], [1, 2].count(x), [3, 2].index(x), {2: 0} == {2: x}]\nreturn r, log`,
  `${TRY}class I(int):\n    def __eq__(self, o):\n        return True\n    __hash__ = None\nx = I(1)\nreturn x == 5, 5 == x, x != 5, [x] == [9], x in [7], [7, 8].index(x), [4, x].count(4), 'x' == x, None == x, x == x, [x] == [x]`,
  `${TRY}class I(int):\n    def __lt__(self, o):\n        log.append((int(self), o if not isinstance(o, I) else int(o)))\n        return int(self) > int(o)\nlog = []\nr = sorted([I(1), I(3), I(2)])\nreturn [int(v) for v in r], int(min(I(1), I(3))), int(max(I(1), I(3))), len(log) > 0, sorted([I(2), I(1)], reverse=True), I(1) < I(2), I(1) > I(2)`,
  `${TRY}class U(str):\n    def __lt__(self, o):\n        return len(self) < len(o)\nreturn sorted([U('ccc'), U('a'), U('bb')]), min(U('zz'), U('a')), max([U('a'), U('bb')]), U('b') < 'aa', 'aa' > U('b'), U('b') <= 'aa', U('aa') >= 'b'`,
  `${TRY}class I(int):\n    def __gt__(self, o):\n        return 'gt'\nreturn 1 < I(0), I(0) > 1, 1 > I(0), 1.5 < I(0), True < I(0), bool([1] < [I(0)]), bool((1, 2) < (1, I(0))), t(lambda: 'a' < I(0)), t(lambda: I(0) < 'a')`,
  `${TRY}class I(int):\n    def __le__(self, o):\n        return NotImplemented\n    def __ge__(self, o):\n        return NotImplemented\nreturn t(lambda: I(1) <= 2), t(lambda: 2 >= I(1)), t(lambda: I(1) <= 'a'), t(lambda: I(1) >= I(2))`,
  // unary operators, __index__, __format__, __call__, items
  `${TRY}class I(int):\n    def __neg__(self):\n        return 'neg'\n    def __pos__(self):\n        return 'pos'\n    def __abs__(self):\n        return 'abs'\nx = I(-3)\nreturn -x, +x, abs(x), ~x, -(-x), t(lambda: -I(2) + 1), int(x), x * 1, type(~x).__name__`,
  `${TRY}class U(str):\n    def __neg__(self):\n        return 'neg'\nreturn -U('a'), t(lambda: +U('a')), t(lambda: abs(U('a'))), t(lambda: ~U('a'))`,
  `${TRY}class I(int):\n    def __index__(self):\n        return 0\nx = I(2)\nreturn [1, 2, 3][x], 'abc'[x], 'abcd'[x:], hex(x), bin(x), range(x), list(range(10))[slice(x)]`,
  `${TRY}class U(str):\n    def __index__(self):\n        return 1\nreturn [1, 2, 3][U('z')], 'abc'[U('z'):], t(lambda: hex(U('z'))), t(lambda: range(U('z'))), (1, 2)[U('q')]`,
  `${TRY}class U(str):\n    def __index__(self):\n        return 'x'\nreturn t(lambda: [1][U('z')])`,
  `${TRY}class I(int):\n    def __format__(self, spec):\n        return '<' + spec + '>'\nx = I(7)\nreturn f'{x}', f'{x:>4}', f'{x!r}', f'{x!s}', format(x), format(x, 'x'), '{}'.format(x), '{:d}'.format(x), '%d' % x, '%s' % x, str(x), repr(x)`,
  `${TRY}class U(str):\n    def __format__(self, spec):\n        return spec * 2\nu = U('v')\nreturn f'{u}', f'{u:ab}', format(u, 'z'), '{0:q}'.format(u), '%s' % u, str(u), u + ''`,
  `${TRY}class I(int):\n    def __format__(self, spec):\n        return 5\nreturn t(lambda: f'{I(1)}'), t(lambda: format(I(1), 'd'))`,
  `${TRY}class I(int):\n    def __call__(self, *a, **k):\n        return int(self) + sum(a), k\nx = I(10)\nreturn x(1, 2), x(z=1), callable(x), callable(I), list(map(x, [1, 2])), sorted([3, 1], key=x)`,
  `${TRY}class U(str):\n    def __call__(self):\n        return self.upper()\nreturn U('a')(), callable(U('a')), callable('a'), t(lambda: U('a')(1))`,
  `${TRY}class I(int):\n    def __setitem__(self, k, v):\n        log.append((k, v))\n    def __delitem__(self, k):\n        log.append(('del', k))\nlog = []\nx = I(1)\nx[0] = 1\nx[1:2] = 'ab'\ndel x[3]\ndel x[::2]\nreturn log, t(lambda: x[0])`,
  `${TRY}class U(str):\n    def __setitem__(self, k, v):\n        self.set = (k, v)\nu = U('a')\nu[0] = 'b'\nreturn u.set, u, t(lambda: [u.pop()])`,
  // super() reaches the base's dunders on the value
  `${TRY}class I(int):\n    def __add__(self, o):\n        return ('mine', super().__add__(o))\n    def __eq__(self, o):\n        return super().__eq__(o) or o == 'one'\n    def __hash__(self):\n        return super().__hash__()\n    def __lt__(self, o):\n        return super().__lt__(o)\nx = I(1)\nreturn x + 1, x + 1.5, x + 'a', x == 1, x == 'one', x == 2, hash(x), {x: 0}[1], x < 2, t(lambda: x < 'a'), sorted([I(3), I(1)])`,
  `${TRY}class I(int):\n    def f(self):\n        return [super().__radd__(1), super().__sub__(2), super().__rsub__(2), super().__mul__('ab'), super().__neg__(), super().__abs__(), super().__bool__(), super().__index__(), super().__format__('03'), super().__format__(''), super().__ne__(5), super().__ge__(5), super().__truediv__(2), super().__rpow__(2), super().__divmod__(2), super().__rdivmod__(9), super().__and__(3), super().__rlshift__(1), super().__add__(1.5), super().__hash__(), super().__pos__(), t(lambda: super().__len__())]\n    def __str__(self):\n        return 'I!'\nreturn I(-5).f(), t(lambda: I(1).g())`,
  `${TRY}class I(int):\n    def f(self):\n        return super().__matmul__(1)\nreturn t(lambda: I(1).f())`,
  `${TRY}class U(str):\n    def f(self):\n        return [super().__add__('x'), t(lambda: super().__add__(1)), super().__mul__(2), super().__rmul__(2), t(lambda: super().__mul__('a')), super().__mod__(()), super().__rmod__('q'), super().__rmod__(5), super().__len__(), list(super().__iter__()), super().__contains__('b'), t(lambda: super().__contains__(1)), super().__getitem__(0), super().__getitem__(slice(1, None)), super().__eq__('ab'), super().__eq__(1), super().__lt__('b'), super().__hash__() == hash('ab'), super().__format__('>4'), t(lambda: super().__bool__()), t(lambda: super().__neg__()), t(lambda: super().__radd__('x'))]\n    def __len__(self):\n        return 99\nreturn U('ab').f()`,
  `${TRY}class U(str):\n    def __eq__(self, o):\n        return super().__eq__(o.lower() if isinstance(o, str) else o)\n    def __hash__(self):\n        return super().__hash__()\n    def __getitem__(self, k):\n        return super().__getitem__(k).upper()\n    def __iter__(self):\n        return super().__iter__()\nu = U('ab')\nreturn u == 'AB', u == 1, u[0], u[0:], list(u), {u: 1}['ab']`,
  `${TRY}class I(int):\n    def f(self):\n        return super().__add__(1, 2)\n    def g(self):\n        return super().__hash__(1)\n    def h(self):\n        return super().__add__(o=1)\nreturn t(lambda: I(1).f()), t(lambda: I(1).g()), t(lambda: I(1).h())`,
  // json, str.join, isinstance and the base's C methods pass the dunders by
  `${TRY}import json\nclass I(int):\n    def __str__(self):\n        return 'S'\n    def __repr__(self):\n        return 'R'\n    def __format__(self, s):\n        return 'F'\n    def __index__(self):\n        return 0\n    def __eq__(self, o):\n        return False\n    __hash__ = None\nx = I(3)\nreturn json.dumps(x), json.dumps([x, {'a': x}]), int(x), float(x), round(x), x.bit_length(), x.to_bytes(1, 'big'), isinstance(x, int), [10, 20, 30, 40][x], range(5)[x], hex(x), '%d' % x, '%x' % x, f'{x:d}'`,
  `${TRY}import json\nclass U(str):\n    def __len__(self):\n        return 0\n    def __iter__(self):\n        return iter('zz')\n    def __getitem__(self, k):\n        return 'q'\n    def __eq__(self, o):\n        return True\n    def __hash__(self):\n        return 0\n    def __add__(self, o):\n        return 'added'\nu = U('ab')\nreturn json.dumps(u), json.dumps({u: u}), '-'.join([u, 'c']), u.join(['1', '2']), str(u), repr(u), u.upper(), u.replace('a', 'x'), 'xabx'.split(u), u.encode(), int(U('12')), float(U('1.5')), u + 'c', 'c' + u, ord(U('a')), u.startswith('a'), 'ab'.endswith(u)`,
  `${TRY}import re\nclass U(str):\n    def __getitem__(self, k):\n        return 'q'\n    def __len__(self):\n        return 0\n    def __iter__(self):\n        return iter('')\nu = U('a1b2')\nreturn re.findall(r'\\d', u), re.sub('a', 'x', u), re.match('a', u).group(), u.isalnum(), u.split('1'), u.partition('1'), u.zfill(6), u.title()`,
  // a dunder given by a value that is not a function, a staticmethod, a property or inherited from a mixin
  `${TRY}class M:\n    def __len__(self):\n        return 4\n    def __eq__(self, o):\n        return 'M'\nclass I(M, int):\n    pass\nclass U(M, str):\n    pass\nreturn len(I(1)), I(1) == 2, len(U('ab')), U('ab') == 'ab', t(lambda: hash(I(1))), isinstance(I(1), M)`,
  `${TRY}class I(int):\n    __len__ = lambda self: 6\n    __call__ = staticmethod(lambda: 'static')\n    __neg__ = len\nreturn len(I(1)), I(1)(), t(lambda: -I(1))`,
  `${TRY}class I(int):\n    __eq__ = 5\nreturn t(lambda: I(1) == 1), t(lambda: I(1) != 1)`,
  `${TRY}class I(int):\n    def __add__(self, o):\n        return self.n + o\n    @property\n    def n(self):\n        return int(self) * 100\nreturn I(2) + 1, 1 + I(2), sum([I(1), I(2)])`,
  // the base's own __hash__ kept beside an __eq__ of the class's, as CPython code writes it
  `${TRY}class I(int):\n    def __eq__(self, o):\n        return NotImplemented\n    __hash__ = int.__hash__\nclass U(str):\n    def __eq__(self, o):\n        return str(self).lower() == str(o).lower()\n    __hash__ = str.__hash__\nclass F(float):\n    def __eq__(self, o):\n        return False\n    __hash__ = float.__hash__\nclass W(str):\n    __hash__ = int.__hash__\nreturn I(1) == I(1), I(1) in {I(1)}, {I(1): 0}.get(I(1)), hash(I(5)), {U('b'): 1}.get('b'), hash(U('x')) == hash('x'), hash(F(1.5)) == hash(1.5), {F(2.0)}, t(lambda: hash(W('a')))`,
  // in-place operators fall back to the binary ones
  `${TRY}class I(int):\n    def __add__(self, o):\n        return I(int(self) + o + 100)\n    def __repr__(self):\n        return f'I({int(self)})'\nx = I(1)\nx += 1\ny = 1\ny += I(1)\nz = I(1)\nz *= 3\nreturn x, y, z, type(z).__name__`,
  `${TRY}class U(str):\n    def __add__(self, o):\n        return U(str(self) + '+' + o)\n    def __mul__(self, n):\n        return 'times'\nu = U('a')\nu += 'b'\nv = U('c')\nv *= 2\nreturn u, type(u).__name__, v`,
  // match and the base's own methods
  `${TRY}class I(int):\n    def __eq__(self, o):\n        return o == 'lit'\n    __hash__ = None\ndef m(x):\n    match x:\n        case 1:\n            return 'one'\n        case 'lit':\n            return 'lit'\n        case I():\n            return 'I'\nreturn m(I(1)), m(1)`,
  `${TRY}class U(str):\n    def __len__(self):\n        return 2\n    def __getitem__(self, k):\n        return 'g'\ndef m(x):\n    match x:\n        case [a, b]:\n            return 'seq'\n        case 'abc':\n            return 'abc'\n        case str(s):\n            return 'str', s\nreturn m(U('abc')), m(U('zz'))`,
];

/** float subclasses: the same slots, past the operators' fast paths for floats. */
const FLOATS = [
  `${TRY}class F(float):\n    def __eq__(self, o):\n        return 'eq'\n    def __hash__(self):\n        return 3\nx = F(1.5)\nreturn x == 1.5, 1.5 == x, x != 1.5, [x] == [1.5], x in [2], hash(x), {x: 1}, x + 1, type(x + 1).__name__, -x, abs(x), x > 1, sorted([F(2.5), x])`,
  `${TRY}class F(float):\n    def __neg__(self):\n        return 'neg'\n    def __pos__(self):\n        return 'pos'\n    def __abs__(self):\n        return 'abs'\n    def __bool__(self):\n        return False\nx = F(-1.5)\nreturn -x, +x, abs(x), bool(x), not x, x * 2, round(x), int(x), float(x), t(lambda: ~x), json.dumps(x), '%.2f' % x, f'{x:.1f}', format(x, 'e')`,
  `${TRY}class F(float):\n    def __format__(self, spec):\n        return 'F' + spec\n    def __index__(self):\n        return 1\n    def __len__(self):\n        return 4\n    def __call__(self, y):\n        return y * 2\n    def __getitem__(self, k):\n        return k\nx = F(0.5)\nreturn f'{x}', f'{x:>3}', format(x, 'g'), [10, 20][x], 'abc'[x:], len(x), x(4), x['k'], callable(x), t(lambda: list(x)[:3]) if False else x[2], t(lambda: hex(x))`,
  `${TRY}class F(float):\n    def __lt__(self, o):\n        return 'lt'\n    def __hash__(self):\n        return 2**80\nreturn F(1) < 2, 2 > F(1), F(1) > 2, 1 < F(2), t(lambda: F(1) < 'a'), hash(F(1)), {F(1), F(1)}, F(1) in {1.0}, sorted([F(3), F(1)], key=float)`,
  `${TRY}class F(float):\n    def __add__(self, o):\n        return ('mine', super().__add__(o))\n    def __eq__(self, o):\n        return super().__eq__(o)\n    def __hash__(self):\n        return super().__hash__()\n    def f(self):\n        return [super().__radd__(1), super().__sub__(True), super().__truediv__(2), super().__rpow__(2), super().__divmod__(2), super().__neg__(), super().__abs__(), super().__bool__(), super().__format__('.2f'), super().__format__(''), super().__lt__(5), super().__mul__('ab'), super().__hash__() == hash(-2.5)]\n    def g(self):\n        return super().__and__(1)\n    def h(self):\n        return super().__index__()\nx = F(-2.5)\nreturn x + 1, x + 'a', x == -2.5, {x: 0}[-2.5], x.f(), t(x.g), t(x.h)`,
  `${TRY}class F(float):\n    def __divmod__(self, o):\n        return 'dm'\n    def __rdivmod__(self, o):\n        return 'rdm'\n    def __pow__(self, o):\n        return 'pw'\nreturn divmod(F(7), 2), divmod(2, F(7)), F(2) ** 2, pow(F(2), 2), 2 ** F(2), divmod(F(7), F(2))`,
  `${TRY}class F(float):\n    def __eq__(self, o):\n        return True\nreturn t(lambda: hash(F(1))), t(lambda: {F(1)}), F(1) == 'x', float('nan') == F(0)`,
  `${TRY}class F(float):\n    def __len__(self):\n        return -1\nreturn t(lambda: len(F(1))), bool(F(1)), bool(F(0))`,
];

/** What hostile dunders meet: CPython's errors for bad answers, the limits for loops and recursion. */
const HOSTILE = [
  `${TRY}class I(int):\n    def __len__(self):\n        return -1\nclass J(int):\n    def __len__(self):\n        return 2**64\nclass K(int):\n    def __len__(self):\n        return 'x'\nclass L(int):\n    def __len__(self):\n        return 2**63 - 1\nclass M(int):\n    def __len__(self):\n        return 1.5\nreturn t(lambda: len(I(0))), t(lambda: len(J(0))), t(lambda: len(K(0))), t(lambda: len(L(0))), t(lambda: len(M(0))), t(lambda: bool(I(1)))`,
  `${TRY}class U(str):\n    def __len__(self):\n        return -1\nclass V(str):\n    def __len__(self):\n        return 2**64\nclass W(str):\n    def __len__(self):\n        return None\nreturn t(lambda: len(U('a'))), t(lambda: bool(U('a'))), t(lambda: len(V('a'))), t(lambda: bool(V('a'))), t(lambda: len(W('a'))), t(lambda: bool(W('')))`,
  `${TRY}class I(int):\n    def __eq__(self, o):\n        lst.clear()\n        return False\n    __hash__ = None\nlst = [1, 2, 3]\nreturn t(lambda: I(1) in lst), lst, t(lambda: lst.count(I(5)))`,
  `${TRY}class I(int):\n    def __eq__(self, o):\n        d.clear()\n        return True\n    def __hash__(self):\n        return 1\nd = {1: 'a'}\nreturn t(lambda: d[I(1)]), d`,
  `${TRY}class I(int):\n    def __eq__(self, o):\n        d[len(d) + 100] = 0\n        return False\n    def __hash__(self):\n        return 1\nd = {1: 'a'}\nreturn t(lambda: d.get(I(1))), len(d)`,
  `${TRY}class I(int):\n    def __lt__(self, o):\n        raise ValueError('no order')\nreturn t(lambda: sorted([I(1), I(2)])), t(lambda: min(I(1), I(2))), t(lambda: I(1) < 2), t(lambda: 2 > I(1)), t(lambda: [I(1)] < [I(2)])`,
  `${TRY}class I(int):\n    def __bool__(self):\n        raise KeyError('b')\nreturn t(lambda: bool(I(1))), t(lambda: not I(1)), t(lambda: [x for x in [I(1)] if x])`,
  `${TRY}class I(int):\n    def __iter__(self):\n        return 5\nclass J(int):\n    def __iter__(self):\n        return self\nreturn t(lambda: list(I(1))), t(lambda: list(J(1)))`,
  `class U(str):\n    def __getitem__(self, k):\n        return self[k]\nreturn (U('a')[0])`,
  `class U(str):\n    def __eq__(self, o):\n        return self == o\n    __hash__ = None\nreturn (U('a') == 'a')`,
  `class I(int):\n    def __add__(self, o):\n        return self + o\nreturn (I(1) + 1)`,
  `class I(int):\n    def __radd__(self, o):\n        return o + self\nreturn (1 + I(1))`,
  `class I(int):\n    def __iter__(self):\n        return iter(self)\nreturn (list(I(1)))`,
  `class I(int):\n    def __hash__(self):\n        return hash(self)\nreturn (hash(I(1)))`,
  `${TRY}class I(int):\n    def __repr__(self):\n        return 'I'\nclass H:\n    def __hash__(self):\n        return I(7)\n    def __len__(self):\n        return I(3)\nclass J(int):\n    def __len__(self):\n        return I(-1)\n    def __hash__(self):\n        return I(2**70)\nreturn hash(H()), len(H()), bool(H()), t(lambda: len(J(1))), hash(J(1)), {H()} != set()`,
  `${TRY}class I(int):\n    def __index__(self):\n        return self\nclass U(str):\n    def __index__(self):\n        return self\nreturn [5, 6][I(1)], t(lambda: [5, 6][U('a')])`,
];

/** Each of these cases runs some hundred operators: a time budget for a loaded machine, the step budget as it is. */
const patient = () => new Engine({ maxMillis: 10_000, requestMillis: 10_000 });

it('runs every binary operator of int, str and float subclasses as CPython does', () => {
  expect(compareWithCPython([...binaryCases('int'), ...binaryCases('str'), ...binaryCases('float')], patient())).toEqual([]);
});

it('compares int, str and float subclasses by their own methods as CPython does', () => {
  expect(compareWithCPython([...comparisonCases('int'), ...comparisonCases('str'), ...comparisonCases('float')], patient())).toEqual([]);
});

it('asks the other dunders of int and str subclasses where CPython does, and passes them by where its C code does', () => {
  expect(compareWithCPython(DUNDERS, patient())).toEqual([]);
});

it('asks the dunders of float subclasses as CPython does', () => {
  expect(compareWithCPython(FLOATS.map((c) => `import json\n${c}`), patient())).toEqual([]);
});

it('meets hostile dunders of int and str subclasses with CPython\'s errors', () => {
  expect(compareWithCPython(HOSTILE)).toEqual([]);
});

it('holds dunders that loop or grow to the limits', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const run = (source: string) => evaluator(engine, { source }).error;
  expect(run(`class I(int):\n    def __iter__(self):\n        while True:\n            yield self\nreturn list(I(1))`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(run(`class I(int):\n    def __getitem__(self, k):\n        return k\nreturn list(I(1))`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(run(`class U(str):\n    def __eq__(self, o):\n        while True:\n            pass\nreturn U('a') == 'a'`)).toMatch(/^StepLimitError/);
  expect(run(`class I(int):\n    def __hash__(self):\n        return 10 ** 100000\ns = set()\nfor i in range(100000):\n    s.add(I(i))\nreturn len(s)`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(run(`class U(str):\n    def __add__(self, o):\n        return U(str(self) * 2)\nu = U('ab')\nwhile True:\n    u = u + ''`)).toMatch(/^(StepLimitError|MemoryError)/);
  // each key of one hash asks __eq__ of those before it: paid for as calls
  expect(run(`class I(int):\n    def __eq__(self, o):\n        return False\n    def __hash__(self):\n        return 0\nreturn len({I(i) for i in range(100000)})`)).toMatch(/^StepLimitError/);
}, 120_000);
