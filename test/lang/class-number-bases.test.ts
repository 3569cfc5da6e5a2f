import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/**
 * Subclasses of decimal.Decimal and fractions.Fraction (number-subclass.ts): instances of the
 * class, whose arithmetic answers the base type; a Decimal's repr is 'Decimal(...)', a
 * Fraction's names its class; the class's own dunders, __new__ and __init__ first.
 */
const CASES = [
  "from decimal import Decimal\nclass Money(Decimal):\n    pass\nm = Money('1.5')\nreturn (repr(m), str(m), type(m+1), type(m*m), type(-m), type(abs(m)), type(+m), m == Decimal('1.5'), hash(m)==hash(Decimal('1.5')))",
  "from decimal import Decimal\nclass Money(Decimal):\n    pass\nm = Money('1.5')\nreturn (isinstance(m, Decimal), type(m.quantize(Decimal('0.1'))), type(m.copy_abs()), type(m.normalize()), repr(m.quantize(Decimal('0.1'))), type(m), Money.__mro__)",
  "from decimal import Decimal\nclass Money(Decimal):\n    pass\nm = Money('1.5')\nm.x = 1\nreturn (m.x, m.__dict__, vars(m))",
  "from decimal import Decimal\nclass M2(Decimal):\n    def __new__(cls, v, cur='EUR'):\n        self = super().__new__(cls, v)\n        self.cur = cur\n        return self\n    def __repr__(self): return f'M2({str(self)}, {self.cur})'\nreturn (repr(M2('2.50', 'USD')), M2('1')+M2('2'), f'{M2(\"1.234\"):.2f}', round(M2('2.5')), int(M2('7.9')), float(M2('0.5')), [M2('1')])",
  "from decimal import Decimal\nclass Money(Decimal):\n    pass\nm = Money('1.5')\nreturn (Money.from_float(0.5), type(Money.from_float(0.5)), type(m.from_float(2)), repr(Money.from_float(0.25)))",
  "from decimal import Decimal\nclass Money(Decimal):\n    pass\nm = Money('1.5')\nreturn (type(m.canonical()), m.canonical() is m, type(m.conjugate()), type(m.real), m.real is m, type(Decimal(m)), Decimal(m) is m, type(m.imag))",
  "from decimal import Decimal\nclass Money(Decimal):\n    pass\nm = Money('1.5')\nimport copy\nreturn (repr(Money(m)), type(copy.copy(m)), copy.copy(m) is m, copy.deepcopy(m) is m, type(Money(m)))",
  "from fractions import Fraction\nclass F(Fraction): pass\nf = F(1, 3)\nreturn (repr(f), str(f), type(f+1), type(f*f), type(-f), type(abs(f)), type(+f), f == Fraction(1,3), hash(f) == hash(Fraction(1,3)), isinstance(f, Fraction), F.__mro__)",
  "from fractions import Fraction\nfrom decimal import Decimal\nclass F(Fraction): pass\nf = F(1, 3)\nreturn (repr(F('0.5')), F.from_float(0.5), type(F.from_float(0.5)), type(F.from_decimal(Decimal('0.5'))), type(f.limit_denominator(10)), f.numerator, f.denominator, type(round(f, 2)), type(f ** 2), repr(F.from_float(3)), repr(f.from_float(0.25)))",
  "from fractions import Fraction\nimport copy\nclass F(Fraction): pass\nf = F(1, 3)\nreturn (type(Fraction(f)), Fraction(f) is f, type(F(f)), type(copy.copy(f)), copy.copy(f) is f, type(copy.deepcopy(f)))",
  "from fractions import Fraction\nclass F2(Fraction):\n    def __init__(self, *a): self.tag = 't'\n    def __add__(self, o): return 'added'\nreturn (F2(1,2).tag, F2(1,2)+1, 1+F2(1,2), F2(3).as_integer_ratio(), repr(F2(3)), F2(1,2)-1, type(F2(1,2)*2))",
  "from fractions import Fraction\nclass G(Fraction):\n    def __new__(cls, n, d=1):\n        return super().__new__(cls, n, d)\nreturn (repr(G(2,4)), type(G(2,4)), G(2,4).numerator)",
  "from fractions import Fraction\nfrom decimal import Decimal\nclass F(Fraction): pass\nclass Money(Decimal): pass\nm = Money('1.5')\nreturn (format(F(1,3), ''), f'{m}', str(F(2)), f'{m:.3f}', bool(F(0)), bool(Money(0)), sorted([F(1,2), Fraction(1,3), F(1,4)]), {F(1,2): 1}[Fraction(1,2)], {Money('1'): 2}[1])",
  "from fractions import Fraction\nclass F(Fraction): pass\nf = F(1, 2)\nf.x = 3\ntry:\n    f.numerator = 2\nexcept AttributeError as e:\n    r = str(e)\nreturn (f.x, r, f.__dict__)",
  "from decimal import Decimal\nclass Money(Decimal):\n    def __eq__(self, o): return True\nm = Money('1.5')\ntry:\n    hash(m)\nexcept TypeError as e:\n    r = str(e)\nreturn (m == 5, r, Money('1') + 1, -Money('2'), Money('3') < 4)",
  "from decimal import Decimal\nclass Money(Decimal):\n    def __add__(self, o): return Money(super().__add__(o))\n    def __neg__(self): return 'neg'\n    def __bool__(self): return False\nreturn (type(Money('1') + 1), repr(Money('1') + 1), 1 + Money('1'), -Money('1'), bool(Money('1')), super(Money, Money('2')).__repr__(), Money('2').__add__(3))",
  "from fractions import Fraction\nclass F(Fraction):\n    def __repr__(self): return 'F!' + super().__repr__()\n    def __lt__(self, o): return 'lt'\nreturn (repr(F(1,2)), F(1,2) < 1, 1 > F(1,2), str(F(1,2)), F(1,2) < Fraction(1))",
  "import numbers\nfrom fractions import Fraction\nfrom decimal import Decimal\nclass F(Fraction): pass\nclass Money(Decimal): pass\nreturn (isinstance(F(1), numbers.Rational), isinstance(Money(1), numbers.Number), issubclass(F, numbers.Real), Money(1).__class__, F(1).__class__.__name__, type(Money('2') ** 2), type(divmod(Money(7), 2)[0]), type(F(7) // 2), type(F(7) % 2), type(pow(Money(2), 3, 5)))",
  "import copy\nfrom fractions import Fraction\nfrom decimal import Decimal\nclass F2(Fraction):\n    def __init__(self, *a): self.tag = len(a)\nclass M(Decimal): pass\nm = M('2')\nm.a = [1]\nf = F2(1, 2)\nf.tag = 9\nc = copy.copy(f)\nd = copy.deepcopy(f)\nreturn (c.tag, d.tag, type(c), type(d), copy.copy(m) is m, copy.deepcopy(m) is m, copy.deepcopy([m])[0] is m)",
  "from decimal import Decimal\nclass M(Decimal):\n    def quantize(self, *a): return 'own'\n    def __round__(self, n=None): return 'r'\n    def __float__(self): return 1.25\n    def __int__(self): return 42\nm = M('3.7')\nimport math\nreturn (m.quantize(1), round(m), float(m), int(m), math.floor(m), math.trunc(m), super(M, m).quantize(Decimal(1)), repr(super(M, m).__round__()))",
  "from decimal import Decimal\nclass M(Decimal):\n    x = 5\nclass N(M):\n    def __init__(self, v): self.v2 = v\nn = N('1.25')\nreturn (n.x, n.v2, repr(n), n + n, isinstance(n, M), N.__mro__, n == Decimal('1.25'), n.__dict__)",
  "from decimal import Decimal\nclass M(Decimal):\n    __slots__ = ()\nm = M(2)\ntry:\n    m.y = 1\n    r = 'set'\nexcept AttributeError as e:\n    r = str(e)\nreturn (r, m * 2)",
];

it('subclasses Decimal and Fraction as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/** A subclass's NaN is unequal to itself, as a Decimal's: the == of Decimal's slot, not identity. */
it("compares a subclass's NaN as Decimal's", () => {
  expect(
    compareWithCPython([
      "from decimal import Decimal\nclass M(Decimal): pass\nm = M('NaN')\nreturn (m != m, m == m, [m] == [m], m in [m], m != M('NaN'))",
      "from decimal import Decimal\nclass M(Decimal):\n    def __lt__(self, o): return 'lt'\nm = M('NaN')\nreturn (m != m, m == m, m < m, [m] == [m])",
      "from decimal import Decimal\nclass M(Decimal): pass\nm = M('sNaN')\ntry:\n    return m == m\nexcept Exception as e:\n    return type(e).__name__",
    ]),
  ).toEqual([]);
});

/** Decimal's __format__ words the empty spec itself (f'{m}', format(m)), not through a subclass's __str__. */
it("formats a Decimal subclass's instance with an empty spec as Decimal does", () => {
  expect(
    compareWithCPython([
      "from decimal import Decimal\nclass M(Decimal):\n    def __str__(self): return 'S'\nm = M('1.25')\nreturn (f'{m}', format(m), '{}'.format(m), f'{m:>6}', str(m), '%s' % m, f'{M(\"-sNaN\")}')",
      "from decimal import Decimal\nclass M(Decimal):\n    def __lt__(self, o): return True\n    def __str__(self): return 'S'\nm = M('1.25')\nreturn (f'{m}', f'{m:.1f}', format(m), str(m))",
      "from decimal import Decimal\nclass M(Decimal):\n    def __format__(self, spec): return 'F' + spec\nm = M('1.25')\nreturn (f'{m}', f'{m:x}', format(m), str(m))",
    ]),
  ).toEqual([]);
});
