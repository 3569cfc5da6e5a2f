import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** numbers' ABCs: CPython's registrations, a condition's subclasses and register(), the abstract methods and numbers.py's mixins. */
const CASES = [
  "import numbers\nfrom fractions import Fraction\nfrom decimal import Decimal\nreturn [(type(v).__name__, [isinstance(v, c) for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)]) for v in (1, True, 1.5, 1j, Fraction(1, 2), Decimal('1.5'), 'x', None)]",
  "import numbers\nreturn [repr(c) for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)], [c.__module__ for c in (numbers.Number, numbers.Integral)], type(numbers.Number).__name__",
  "import numbers\nreturn issubclass(int, numbers.Integral), issubclass(bool, numbers.Real), issubclass(float, numbers.Rational), issubclass(complex, numbers.Real), issubclass(numbers.Integral, numbers.Number)",
  "import numbers\nclass MyNum:\n    pass\nnumbers.Real.register(MyNum)\nreturn isinstance(MyNum(), numbers.Complex), isinstance(MyNum(), numbers.Integral), issubclass(MyNum, numbers.Number)",
  "import numbers\ntry:\n    numbers.Real()\nexcept TypeError as e:\n    return str(e)",
  "import numbers\ntry:\n    numbers.Number()\n    return 'made'\nexcept TypeError as e:\n    return str(e)",
  "import numbers\nclass I(numbers.Integral):\n    def __init__(self, v): self.v = v\n    def __int__(self): return self.v\n    def __pow__(self, e, m=None): return I(self.v ** e)\n    def __lshift__(self, o): return NotImplemented\n    def __rlshift__(self, o): return NotImplemented\n    def __rshift__(self, o): return NotImplemented\n    def __rrshift__(self, o): return NotImplemented\n    def __and__(self, o): return NotImplemented\n    def __rand__(self, o): return NotImplemented\n    def __xor__(self, o): return NotImplemented\n    def __rxor__(self, o): return NotImplemented\n    def __or__(self, o): return NotImplemented\n    def __ror__(self, o): return NotImplemented\n    def __invert__(self): return I(~self.v)\n    def __trunc__(self): return self.v\n    def __floor__(self): return self.v\n    def __ceil__(self): return self.v\n    def __round__(self, n=None): return self.v\n    def __floordiv__(self, o): return I(self.v // int(o))\n    def __rfloordiv__(self, o): return I(int(o) // self.v)\n    def __mod__(self, o): return I(self.v % int(o))\n    def __rmod__(self, o): return I(int(o) % self.v)\n    def __lt__(self, o): return self.v < int(o)\n    def __le__(self, o): return self.v <= int(o)\n    def __add__(self, o): return I(self.v + int(o))\n    def __radd__(self, o): return I(int(o) + self.v)\n    def __neg__(self): return I(-self.v)\n    def __pos__(self): return I(self.v)\n    def __mul__(self, o): return I(self.v * int(o))\n    def __rmul__(self, o): return I(int(o) * self.v)\n    def __truediv__(self, o): return self.v / int(o)\n    def __rtruediv__(self, o): return int(o) / self.v\n    def __rpow__(self, b): return b ** self.v\n    def __abs__(self): return I(abs(self.v))\n    def __eq__(self, o): return self.v == int(o)\n    def __hash__(self): return hash(self.v)\n    def __repr__(self): return f'I({self.v})'\n    def conjugate(self): return self\nx = I(7)\nreturn [operator_index(x) if False else x.__index__(), [1,2,3,4,5,6,7,8][x], float(x), complex(x), x.real, x.imag, x.numerator, x.denominator, x.conjugate(), bool(x), bool(I(0)), x - 2, 10 - x, divmod(x, 2), divmod(20, x), x.__complex__(), numbers.Rational.__float__(x), hex(x)]",
  "import numbers\nclass R(numbers.Rational):\n    pass\ntry:\n    R()\nexcept TypeError as e:\n    return str(e)",
  "import numbers\ntry:\n    numbers.Integral.register(str)\nexcept Exception as e:\n    return type(e).__name__, str(e)\nreturn isinstance('x', numbers.Number)",
  "import numbers\nfrom fractions import Fraction\nreturn issubclass(Fraction, numbers.Real), numbers.Rational in Fraction.__mro__, Fraction.__mro__[1] is numbers.Rational",
  "import numbers\nclass Q:\n    pass\nnumbers.Complex.register(Q)\nreturn isinstance(Q(), numbers.Number)",
  "from fractions import Fraction\nf = Fraction(3, 4)\nreturn hash(f), complex(f), f.real, f.imag, f.conjugate(), bool(f), divmod(f, Fraction(1, 3)), f - 1, 1 - f, float(f), round(f), f.numerator",
  "from fractions import Fraction\nreturn {Fraction(1, 2): 1}[Fraction(2, 4)], Fraction(1,2) == 0.5",
  "import numbers\nreturn numbers.abstractmethod.__name__, numbers.ABCMeta.__name__, numbers.Number.__name__, numbers.Integral.__qualname__",
  "import numbers\ntry:\n    numbers.Integral.register(str)\nexcept Exception as e:\n    return type(e).__name__, str(e)\nreturn isinstance('x', numbers.Number)",
  "import numbers\nclass A(numbers.Real):\n    pass\nclass B(A):\n    pass\nreturn sorted(B.__abstractmethods__) == sorted(numbers.Real.__abstractmethods__), issubclass(B, numbers.Complex), isinstance(1.0, A), numbers.Number.register(complex) is complex",
  "import numbers\ntry:\n    numbers.Integral.register(5)\nexcept TypeError as e:\n    return str(e)",
  "import numbers\ntry:\n    numbers.Real.register(numbers.Number)\nexcept RuntimeError as e:\n    return str(e)",
  "import numbers\nclass F:\n    def __float__(self): return 2.5\nclass X(numbers.Real):\n    __float__ = F.__float__\nX.__abstractmethods__ = frozenset()\nx = X()\nreturn complex(x), x.real if False else 0, hash(numbers.Real) == hash(numbers.Real)",
  "import numbers\nclass N(numbers.Number):\n    pass\nn = N()\ntry:\n    hash(n)\nexcept TypeError as e:\n    return str(e)",
  "import numbers\nreturn dir(numbers), dir(numbers.Complex), dir(numbers.Integral)",
  "import numbers\nclass A(numbers.Rational): pass\nreturn dir(A)",
];

it('answers numbers as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

it("keeps a run's registrations on numbers' classes to itself", () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const run = (source: string) => evaluator(engine, { source });
  expect(run(`import numbers\nnumbers.Integral.register(str)\nclass M(numbers.Real): pass\nM.register(list)\nreturn isinstance('x', numbers.Number), issubclass(list, numbers.Complex)`).repr).toBe('(True, True)');
  expect(run(`import numbers\nreturn isinstance('x', numbers.Number), issubclass(list, numbers.Complex), isinstance(True, numbers.Integral)`).repr).toBe('(False, False, True)');
});
