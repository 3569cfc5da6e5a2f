import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/**
 * The numeric, in-place and conversion dunders of a condition's classes (class-inplace.ts,
 * numeric-dunders.ts, sequence-dunders.ts, class-getitem.ts), asked where CPython 3.11 asks
 * them and in its order, their answers checked in its words; and the rule for other dunders:
 * one of no meaning to CPython is a plain class attribute, one of a protocol not built is refused.
 */

/** Each expression's value, or its error's type and words, so that one case holds many. */
const TRY = `def t(f):\n    try:\n        return f()\n    except Exception as e:\n        return type(e).__name__ + ': ' + str(e)\n`;

const IN_PLACE = [
  // without __iadd__, a builtin base's in-place change comes before the class's __add__, as its nb_inplace_add slot does
  `${TRY}class L(list):
    def __add__(self, o):
        return 'add'
l = L([1]); l0 = l; l += [2]
class I(int):
    def __add__(self, o):
        return ('add', o)
i = I(1); i += 5
class S(set):
    def __or__(self, o):
        return 'or'
s = S({1}); s |= {2}
class D(dict):
    def __or__(self, o):
        return 'or'
d = D(a=1); d |= {'b': 2}
return [l, l is l0, i, s, d]
`,
  `${TRY}class V:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __isub__(self, o):
        return NotImplemented
    def __sub__(self, o):
        return ('sub', o)
    def __imul__(self, o):
        return 'imul'
    def __ipow__(self, o):
        return NotImplemented
    def __repr__(self):
        return f'V({self.v})'
x = V(1)
y = x
x += 5
r = [x is y, x]
x -= 2
r.append(x)
z = V(2)
z *= 3
r.append(z)
w = V(0)
r.append(t(lambda: exec_pow(w)))
def exec_pow(w):
    w **= 2
    return w
r.append(t(lambda: exec_pow(V(1))))
return r`,
  `${TRY}class A:
    pass
def g(op):
    a = A()
    if op == '+=': a += 1
    elif op == '-=': a -= 1
    elif op == '*=': a *= 1
    elif op == '/=': a /= 1
    elif op == '//=': a //= 1
    elif op == '%=': a %= 1
    elif op == '**=': a **= 1
    elif op == '@=': a @= 1
    elif op == '&=': a &= 1
    elif op == '|=': a |= 1
    elif op == '^=': a ^= 1
    elif op == '<<=': a <<= 1
    elif op == '>>=': a >>= 1
    return a
return [t(lambda: g(op)) for op in ['+=', '-=', '*=', '/=', '//=', '%=', '**=', '@=', '&=', '|=', '^=', '<<=', '>>=']]`,
  `log = []
class C:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return 'C%d' % self.n
    def __iadd__(self, o): log.append(('iadd', o)); return 'iadd'
    def __isub__(self, o): log.append(('isub', o)); return 'isub'
    def __imul__(self, o): log.append(('imul', o)); return 'imul'
    def __itruediv__(self, o): log.append(('itruediv', o)); return 'itruediv'
    def __ifloordiv__(self, o): log.append(('ifloordiv', o)); return 'ifloordiv'
    def __imod__(self, o): log.append(('imod', o)); return 'imod'
    def __ipow__(self, o): log.append(('ipow', o)); return 'ipow'
    def __imatmul__(self, o): log.append(('imatmul', o)); return 'imatmul'
    def __iand__(self, o): log.append(('iand', o)); return 'iand'
    def __ior__(self, o): log.append(('ior', o)); return 'ior'
    def __ixor__(self, o): log.append(('ixor', o)); return 'ixor'
    def __ilshift__(self, o): log.append(('ilshift', o)); return 'ilshift'
    def __irshift__(self, o): log.append(('irshift', o)); return 'irshift'
res = []
for i in range(13):
    c = C(i)
    d = {'k': C(i)}
    l = [C(i)]
    if i == 0: c += 1; d['k'] += 1; l[0] += 1
    if i == 1: c -= 1; d['k'] -= 1; l[0] -= 1
    if i == 2: c *= 1; d['k'] *= 1; l[0] *= 1
    if i == 3: c /= 1; d['k'] /= 1; l[0] /= 1
    if i == 4: c //= 1; d['k'] //= 1; l[0] //= 1
    if i == 5: c %= 1; d['k'] %= 1; l[0] %= 1
    if i == 6: c **= 1; d['k'] **= 1; l[0] **= 1
    if i == 7: c @= 1; d['k'] @= 1; l[0] @= 1
    if i == 8: c &= 1; d['k'] &= 1; l[0] &= 1
    if i == 9: c |= 1; d['k'] |= 1; l[0] |= 1
    if i == 10: c ^= 1; d['k'] ^= 1; l[0] ^= 1
    if i == 11: c <<= 1; d['k'] <<= 1; l[0] <<= 1
    if i == 12: c >>= 1; d['k'] >>= 1; l[0] >>= 1
    res.append((c, d, l))
class H:
    pass
h = H()
h.a = C(1)
h.a += 2
class K(C):
    def __iadd__(self, o):
        return ('K', super().__iadd__(o))
k = K(0)
k += 'x'
return res, log, h.a, k`,
  `${TRY}class D(dict):
    def __ior__(self, o):
        return NotImplemented
class E(dict):
    def __ior__(self, o):
        r = super().__ior__(o)
        return (r is self, dict(r))
class Z(set):
    def __isub__(self, o):
        return NotImplemented
d = D(a=1); d0 = d; d |= {'b': 2}
e = E(a=1); e |= {'b': 2}
z = Z({1, 2}); z0 = z; z -= {1}
return [d, type(d).__name__, d is d0, d0, e, z, type(z).__name__, z0]`,
  `${TRY}class L(list):
    def __iadd__(self, o):
        return 'mine'
class M(list):
    def __iadd__(self, o):
        r = super().__iadd__(o)
        return r
    def __imul__(self, o):
        return super().__imul__(o)
class N(list):
    def __iadd__(self, o):
        return NotImplemented
l = L([1]); l += [2]
m = M([1]); m += (2, 3); m2 = m
m *= 2
n = N([1]); n += [2]
class I(int):
    def __iadd__(self, o):
        return I(int(self) + o * 10)
    def __repr__(self):
        return 'I' + str(int(self))
i = I(1); i += 2
class S(str):
    def __imul__(self, o):
        return NotImplemented
s = S('ab'); s *= 2
class R:
    def __radd__(self, o):
        return 'radd'
    def __iadd__(self, o):
        return 'iadd'
q = 5
q += R()
class T(set):
    def __ior__(self, o):
        r = super().__ior__(o)
        return (r is self, r, super().__ior__([1]))
st = T({1}); st |= {2}
return l, m, m is m2, type(m).__name__, n, type(n).__name__, i, s, type(s).__name__, q, st`,
];

const CONVERSIONS = [
  // a dunder set to None is None called (vectorcall_method); PyObject_GetItem passes a None __class_getitem__ by, PyObject_LengthHint takes its TypeError as no hint
  `${TRY}class N:
    __iadd__ = None
    __float__ = None
    __int__ = None
    __round__ = None
    __floor__ = None
    __complex__ = None
    __invert__ = None
    __class_getitem__ = None
    __length_hint__ = None
    def __iter__(self):
        return iter([1])
def ia():
    n = N()
    n += 1
import math
return [t(ia), t(lambda: float(N())), t(lambda: int(N())), t(lambda: round(N())), t(lambda: math.floor(N())), t(lambda: complex(N())), t(lambda: ~N()), t(lambda: N[1]), t(lambda: list(N()))]`,
  // every math and cmath function that takes a float, and the builtins that take none
  `${TRY}class A:
    def __float__(self):
        return 2.0
    def __index__(self):
        return 3
import math, statistics
return [t(lambda: math.isnan(A())), t(lambda: math.fsum([A(), A()])), t(lambda: math.hypot(A(), A())), t(lambda: math.pow(A(), 2)), t(lambda: math.log(A())), t(lambda: math.isclose(A(), 2.0)), t(lambda: math.copysign(1, A())), t(lambda: math.ldexp(A(), 2)), t(lambda: math.frexp(A())), t(lambda: math.modf(A())), t(lambda: math.atan2(A(), 1)), t(lambda: math.dist([A()], [0])), t(lambda: math.prod([A()])), t(lambda: math.factorial(A())), t(lambda: math.gcd(A(), 6)), t(lambda: math.isqrt(A())), t(lambda: math.fmod(A(), 1.5)), t(lambda: math.remainder(A(), 1.5)), t(lambda: math.nextafter(A(), 3)), t(lambda: math.ulp(A())), t(lambda: math.degrees(A())), t(lambda: math.log(A(), 2)), t(lambda: math.log2(A())), t(lambda: math.log10(A())), t(lambda: math.exp(A())), t(lambda: math.erf(A())), t(lambda: math.gamma(A())), t(lambda: math.comb(A(), 2)), t(lambda: math.sqrt(A())), t(lambda: math.fabs(A())), t(lambda: math.isfinite(A())), t(lambda: math.cbrt(A()) if hasattr(math, 'cbrt') else 0)]`,
  `${TRY}class F:
    def __float__(self):
        return 0.5
import math, cmath
return [t(lambda: math.isnan(F())), t(lambda: math.fsum([F(), F()])), t(lambda: math.hypot(F(), F())), t(lambda: math.log(F())), t(lambda: math.dist([F()], [0])), t(lambda: math.factorial(F())), t(lambda: math.ldexp(F(), 2)), t(lambda: math.frexp(F())), t(lambda: math.modf(F())), t(lambda: math.isclose(F(), 0.5)), t(lambda: cmath.exp(F())), t(lambda: cmath.isclose(F(), 0.5)), t(lambda: cmath.rect(F(), 0)), t(lambda: cmath.log(F(), F())), t(lambda: divmod(F(), 1)), t(lambda: pow(F(), 2)), t(lambda: '%.2f|%e|%g|%d' % (F(), F(), F(), F())), t(lambda: f'{F():.2f}'), t(lambda: sum([F()])), t(lambda: round(F())), t(lambda: int(F())), t(lambda: complex(F(), F())), t(lambda: complex(1, F())), t(lambda: float(F()) + 1), t(lambda: math.ceil(F())), t(lambda: math.floor(F())), t(lambda: math.trunc(F()))]
`,
  `${TRY}class A:
    def __init__(self, f=1.5, i=3, c=2j):
        self.f, self.i, self.c = f, i, c
    def __float__(self):
        return self.f
    def __int__(self):
        return self.i
    def __complex__(self):
        return self.c
import math, cmath
out = [float(A()), int(A()), complex(A()), t(lambda: float(A('x'))), t(lambda: int(A(i=2.5))), t(lambda: complex(A(c=1.0)))]
out += [math.sqrt(A(4.0)), t(lambda: math.sqrt(A(4))), math.floor(A(2.5)), math.ceil(A(2.5)), t(lambda: math.trunc(A())), cmath.sqrt(A(c=4j)), cmath.phase(A(c=1j))]
out += ['%d' % A(i=7), '%f' % A(2.5), '%i|%u' % (A(), A()), t(lambda: '%x' % A()), '%e' % A(), '%g' % A(f=0.5), t(lambda: '%d' % A(i='s')), t(lambda: '%f' % A('s'))]
out += [float(A(True and 2.0)), int(A(i=True)), type(int(A(i=True))).__name__, t(lambda: format(A(), 'f')), round(A()) if hasattr(A, 'x') else 0]
class F(float):
    def __float__(self):
        return 9.0
    def __int__(self):
        return 9
class I(int):
    def __float__(self):
        return 8.0
    def __int__(self):
        return 8
    def __index__(self):
        return 7
out += [float(F(1.0)), int(F(1.5)), math.sqrt(F(4.0)), '%d' % F(1.5), '%f' % F(2.0), float(I(1)), int(I(1)), math.sqrt(I(4)), '%d' % I(3), '%f' % I(3), '%x' % I(3), complex(I(2)), complex(F(2.0)), math.floor(I(3)), math.floor(F(3.5))]
return out`,
  `${TRY}class X:
    def __index__(self):
        return 5
class T:
    def __trunc__(self):
        return 4
class TI:
    def __trunc__(self):
        return X()
class TB:
    def __trunc__(self):
        return 'x'
class B(bytes):
    def __index__(self):
        return 3
class U(str):
    def __trunc__(self):
        return 12
class UI(str):
    def __int__(self):
        return 13
import math
return [int(X()), float(X()), complex(X()), int(T()), t(lambda: float(T())), int(TI()), t(lambda: int(TB())), int(B(b'42')), float(B(b'42')), int(U('5')), int(UI('5')), t(lambda: int(U('5'), 10)), t(lambda: math.trunc(T())), t(lambda: '%d' % T()), t(lambda: complex(T())), math.floor(X()), t(lambda: round(X())), t(lambda: math.trunc(X()))]`,
  `${TRY}class A:
    def __invert__(self):
        return 'inv'
class B:
    pass
class I(int):
    def __invert__(self):
        return 'I-inv'
    def __neg__(self):
        return ('neg', super().__invert__())
class J(int):
    def __neg__(self):
        return 'neg'
class F(float):
    def __neg__(self):
        return 'neg'
class Fi(float):
    def __invert__(self):
        return 'Fi'
class Ex(Exception):
    def __invert__(self):
        return 'exc'
return ~A(), t(lambda: ~B()), ~I(3), -I(3), ~J(3), t(lambda: ~F(1.5)), -J(2), ~Fi(1.0), ~Ex(), t(lambda: ~(~A()))`,
];

const ROUNDING = [
  `\${TRY}import math
class I(int):
    def __float__(self):
        return ('f', super().__float__())
    def __int__(self):
        return ('i', super().__int__())
    def __trunc__(self):
        return ('t', super().__trunc__())
    def __floor__(self):
        return ('fl', super().__floor__())
    def __ceil__(self):
        return ('c', super().__ceil__())
    def __invert__(self):
        return ('inv', super().__invert__())
class F(float):
    def __float__(self):
        return ('f', super().__float__())
    def __int__(self):
        return ('i', super().__int__())
    def __trunc__(self):
        return ('t', super().__trunc__())
    def __floor__(self):
        return ('fl', super().__floor__())
    def __ceil__(self):
        return ('c', super().__ceil__())
    def __invert__(self):
        return super().__invert__()
return [t(lambda: float(I(3))), t(lambda: int(I(3))), math.trunc(I(3)), math.floor(I(3)), math.ceil(I(3)), ~I(3), t(lambda: float(F(2.5))), t(lambda: int(F(-2.5))), math.trunc(F(-2.5)), math.floor(F(-2.5)), math.ceil(F(-2.5)), t(lambda: ~F(1.0))]`,
  `${TRY}class R:
    def __round__(self, *a):
        return ('round', a)
    def __floor__(self):
        return 'floor'
    def __ceil__(self):
        return ['ceil']
    def __trunc__(self):
        return None
class I(int):
    def __round__(self, n=None):
        return ('I', n)
class F(float):
    def __round__(self, n=None):
        return ('F', n)
    def __floor__(self):
        return 'Ffloor'
import math
return [round(R()), round(R(), 2), round(R(), None), round(R(), ndigits=1), round(I(5)), round(I(5), -1), round(F(2.5)), round(F(2.5), 1), math.floor(R()), math.ceil(R()), math.trunc(R()), math.floor(F(2.5)), math.ceil(F(2.5)), t(lambda: round(object())), round(True), int(R()) if False else 1, t(lambda: int(R()))]`,
];

const SEQUENCES = [
  `${TRY}class S:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * 10
class Rv:
    def __reversed__(self):
        return iter([3, 2, 1])
class Rn:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
class Ro:
    def __reversed__(self):
        return 'not an iterator'
class G:
    def __getitem__(self, i):
        return i
class It:
    def __iter__(self):
        return iter([1, 2])
class L(list):
    def __reversed__(self):
        return iter(['L'])
class St(set):
    def __reversed__(self):
        return 'set-rev'
class Sh(S):
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i == 1: raise IndexError
        return i
return [list(reversed(S(3))), list(reversed(Rv())), t(lambda: reversed(Rn())), reversed(Ro()), t(lambda: reversed(G())), t(lambda: reversed(It())), list(reversed(L([1, 2]))), reversed(St()), list(reversed(Sh(0))), t(lambda: reversed(S(-1)))]`,
  `${TRY}class H:
    def __init__(self, h):
        self.h = h
    def __iter__(self):
        return iter([1, 2])
    def __length_hint__(self):
        if isinstance(self.h, Exception): raise self.h
        return self.h
class HL(H):
    def __len__(self):
        raise TypeError('no len')
return [t(lambda: list(H(h))) for h in [5, 0, -1, 'x', 2.0, NotImplemented, TypeError('t'), ValueError('v'), 2**63, -2**63, 2**64, True]] + [t(lambda: tuple(H(-1))), t(lambda: sorted(H('x'))), t(lambda: list(HL(-1))), t(lambda: list(HL(3)))]`,
  `${TRY}class A:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
class B(A):
    pass
class C:
    @classmethod
    def __class_getitem__(cls, item):
        return ('C', item)
class D:
    @staticmethod
    def __class_getitem__(item):
        return ('D', item)
class L(list):
    pass
class Dd(dict):
    pass
class P:
    pass
return [A[int], B[1, 2], C['x'], D[()], L[int], Dd[str, int], t(lambda: P[int]), t(lambda: A()[0]), t(lambda: object[int]), L[int]([1])]`,
];

const PLAIN = [
  `X = type('X', (), {'__iadd__': lambda s, o: ('i', o), '__float__': lambda s: 1.5, '__version__': 2})
x = X()
x += 1
return x, float(X())`,
  // a class body's own dunder names in its comprehensions, lambdas and loops
  `class A:
    __x__ = [__y__ * 2 for __y__ in range(3)]
    f = lambda self, __p__=4: __p__
    for __i__ in range(2):
        pass
    __w__ = __i__
return A.f(A()), A().f(), [A.x] if False else 0`,
  `class A:
    __version__ = '1.0'
    __post_init__ = 5
    __foo__ = lambda self: 3
    __proto__ = 'p'
    __defineGetter__ = 1
    __sizeof__ = 7
    def __idivmod__(self, o):
        return 1
    x = __version__ + '!'
a = A()
return a.x, A.x, type('T', (), {'__version__': 1, '__constructor__': 2, 'y': 3})().y
`,
];

it('asks __iadd__ and the other in-place dunders on a name, an attribute, a subscript, a builtin base, through super(), with NotImplemented falling back', () => {
  expect(compareWithCPython(IN_PLACE)).toEqual([]);
});

it('asks __float__, __int__, __index__, __trunc__, __complex__ and __invert__ where float(), int(), complex(), math, cmath and % formatting do', () => {
  expect(compareWithCPython(CONVERSIONS)).toEqual([]);
});

it('asks __round__, __floor__, __ceil__ and __trunc__ in round() and math, their answers as they are', () => {
  expect(compareWithCPython(ROUNDING)).toEqual([]);
});

it('asks __reversed__, __length_hint__ and __class_getitem__ as reversed(), list() and A[x] do', () => {
  expect(compareWithCPython(SEQUENCES)).toEqual([]);
});

it('keeps a dunder of no meaning to CPython as a plain class attribute, in a class body and through type()', () => {
  expect(compareWithCPython(PLAIN)).toEqual([]);
});

it('refuses the dunders of protocols it does not build, in a class body and through type(), and reads no plain dunder', () => {
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  for (const name of ['__del__', '__aenter__', '__await__', '__fspath__']) {
    expect(error(`class C:\n    def ${name}(self, *a):\n        pass`)).toMatch(new RegExp(`^SyntaxError: a class in a condition may define only __init__, .*: '${name}' is not supported$`));
    expect(error(`return type('X', (), {'${name}': 1})`)).toMatch(new RegExp(`^UnsupportedError: a class in a condition may define only __init__, .*: '${name}' is not supported$`));
  }
  // what a class body's namespace holds or reads in CPython: its module, qualname, doc, the builtins module's names
  for (const name of ['__module__', '__qualname__', '__doc__', '__dict__', '__class__', '__name__', '__builtins__', '__import__', '__debug__', '__annotations__']) {
    expect(error(`class C:\n    ${name} = 1`)).toMatch(new RegExp(`'${name}' is not supported$`));
    expect(error(`class C:\n    x = ${name}`)).toMatch(new RegExp(`'${name}' is not supported$`));
  }
  // a plain dunder is an attribute of the class body: read after a dot, it stays refused, as every dunder but READABLE_DUNDERS
  expect(error(`class C:\n    __version__ = 1\nreturn C.__version__`)).toBe("SyntaxError: names with double underscores ('__version__') are not allowed in conditions");
  expect(error(`class C:\n    __version__ = 1\nreturn getattr(C, '__version__')`)).toBe("UnsupportedError: names with double underscores ('__version__') are not allowed in conditions");
  expect(error(`class C:\n    x = [].__sizeof__`)).toMatch(/^SyntaxError: .*'__sizeof__'/);
  expect(error(`__version__ = 1`)).toBe("SyntaxError: names with double underscores ('__version__') are not allowed in conditions");
  expect(error(`class C:\n    def f(self):\n        __version__ = 1`)).toBe("SyntaxError: names with double underscores ('__version__') are not allowed in conditions");
  // a builtin base whose slots would pass a class's dunders by takes a plain one, which hooks nothing
  expect(error(`import collections\nclass D(collections.deque):\n    __version__ = 1\nreturn D([1])`)).toBeUndefined();
  expect(error(`import collections\nclass D(collections.deque):\n    def __iadd__(self, o):\n        return 1`)).toMatch(/^UnsupportedError: a subclass of collections.deque in a condition may define only .*'__iadd__' is not supported$/);
});

it('runs each dunder as a call of its own: one that recurses or loops ends at the limits', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const run = (source: string) => evaluator(engine, { source }).error;
  expect(run(`class A:\n    def __iadd__(self, o):\n        self += o\n        return self\na = A()\na += 1`)).toMatch(/^RecursionError/);
  expect(run(`class A:\n    def __float__(self):\n        return float(self)\nreturn float(A())`)).toMatch(/^RecursionError/);
  expect(run(`class A:\n    def __int__(self):\n        while True:\n            pass\nreturn int(A())`)).toMatch(/^StepLimitError/);
  expect(run(`import math\nclass A:\n    def __floor__(self):\n        return math.floor(self)\nreturn math.floor(A())`)).toMatch(/^RecursionError/);
  expect(run(`class A:\n    def __round__(self, n=None):\n        return round(self, n)\nreturn round(A())`)).toMatch(/^RecursionError/);
  expect(run(`class A:\n    def __reversed__(self):\n        return reversed(self)\nreturn reversed(A())`)).toMatch(/^RecursionError/);
  expect(run(`class A:\n    def __reversed__(self):\n        while True:\n            yield 1\nreturn list(reversed(A()))`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(run(`class A:\n    def __class_getitem__(cls, k):\n        return cls[k]\nreturn A[1]`)).toMatch(/^RecursionError/);
  expect(run(`class A:\n    def __iter__(self):\n        return iter([])\n    def __length_hint__(self):\n        return list(self)\nreturn list(A())`)).toMatch(/^RecursionError/);
  expect(run(`class A:\n    def __complex__(self):\n        return complex(self)\nreturn complex(A())`)).toMatch(/^RecursionError/);
  expect(run(`class A:\n    def __invert__(self):\n        return ~self\nreturn ~A()`)).toMatch(/^RecursionError/);
  // a huge answer is paid for as any: a hint past the list's limit only sizes CPython's list, and the list stays empty
  expect(evaluator(engine, { source: `class A:\n    def __iter__(self):\n        return iter([])\n    def __length_hint__(self):\n        return 2**62\nreturn list(A())` }).repr).toBe('[]');
  expect(run(`class L(list):\n    def __iadd__(self, o):\n        return super().__iadd__(o)\nl = L([0])\nwhile True:\n    l += l`)).toMatch(/^(StepLimitError|MemoryError)/);
  expect(run(`class L(list):\n    def __imul__(self, o):\n        return super().__imul__(o)\nl = L([0])\nl *= 10**12`)).toMatch(/^MemoryError/);
}, 120_000);
