import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/**
 * Decimal's and Fraction's dunders called by name, bound and through the class, as CPython 3.11
 * answers them: NotImplemented for a foreign operand, the reflected ones, comparisons, pow's
 * modulus, the context's precision, a subclass's instance and super(), and CPython's words for
 * a wrong instance or count (modules/decimal/dunders.ts, slot-dunder-calls.ts).
 */
const DECIMAL = [
  "from decimal import Decimal\nreturn Decimal('1.5').__add__(Decimal(2))",
  "from decimal import Decimal\nreturn Decimal(1).__add__(1.5)",
  "from decimal import Decimal\nreturn Decimal(1).__radd__(2), Decimal(1).__rsub__(5), Decimal(7).__rtruediv__(1), Decimal(7).__rfloordiv__(100), Decimal(7).__rmod__(100), Decimal(7).__rdivmod__(100)",
  "from decimal import Decimal\nreturn Decimal(2).__pow__(3), Decimal(2).__pow__(3, 5), Decimal(2).__rpow__(3), Decimal(2).__rpow__(3, 5), Decimal(2).__pow__(3, None)",
  "from decimal import Decimal\nreturn Decimal(2).__pow__(3.0), Decimal(2).__pow__(3, 5.0), Decimal(2).__rpow__('a')",
  "from decimal import Decimal\nreturn Decimal.__add__(Decimal(1), 2), Decimal.__sub__(Decimal(1), 2), Decimal.__mul__(Decimal(3), 2)",
  "from decimal import Decimal\nreturn Decimal.__add__(1, 2)",
  "from decimal import Decimal\nreturn Decimal.__add__()",
  "from decimal import Decimal\nreturn Decimal(1).__add__()",
  "from decimal import Decimal\nreturn Decimal(1).__add__(1, 2)",
  "from decimal import Decimal\nreturn Decimal(1).__add__(x=1)",
  "from decimal import Decimal\nreturn Decimal(1).__pow__()",
  "from decimal import Decimal\nreturn Decimal(1).__pow__(1, 2, 3)",
  "from decimal import Decimal\nreturn Decimal(1).__neg__(), Decimal(-1).__abs__(), Decimal('1.000').__pos__(), Decimal(0).__bool__(), Decimal(3).__bool__()",
  "from decimal import Decimal\nreturn Decimal(1).__neg__(1)",
  "from decimal import Decimal\nreturn Decimal('1.5').__hash__(), Decimal('1.5').__repr__(), Decimal('1.5').__str__(), Decimal('NaN').__repr__()",
  "from decimal import Decimal\nreturn Decimal(1).__lt__(2), Decimal(1).__le__(1), Decimal(1).__gt__(2.5), Decimal(1).__ge__('a'), Decimal(1).__eq__(1.0), Decimal(1).__ne__(1), Decimal(1).__eq__('1')",
  "from decimal import Decimal\nfrom fractions import Fraction\nreturn Decimal(1).__eq__(Fraction(1)), Decimal(1).__lt__(Fraction(3, 2)), Decimal('0.5').__eq__(Fraction(1, 2))",
  "from decimal import Decimal\nreturn Decimal('NaN').__lt__(1)",
  "from decimal import Decimal\nreturn Decimal('NaN').__eq__(1), Decimal('sNaN').__ne__(1)",
  "from decimal import Decimal, getcontext\ngetcontext().prec = 5\nreturn Decimal('1.23456789').__add__(Decimal(1)), Decimal(1).__truediv__(3), Decimal('1.23456789').__pos__(), Decimal('-1.23456789').__abs__()",
  "from decimal import Decimal\nreturn Decimal(1).__truediv__(0)",
  "from decimal import Decimal\nreturn repr(Decimal.__add__), repr(Decimal(1).__add__)[:40], Decimal.__add__ is Decimal.__add__",
  "from decimal import Decimal\nreturn Decimal(1).__divmod__(Decimal('0.3')), Decimal(7).__mod__(-2), Decimal(7).__floordiv__(-2)",
  "from decimal import Decimal\nreturn Decimal(1).__index__",
  "from decimal import Decimal\nreturn Decimal(1).__copy__(), Decimal(1).__deepcopy__({}), Decimal('1.5').__complex__(), Decimal('1.5').__float__(), Decimal('1.5').__int__(), Decimal('2.5').__round__(), Decimal('2.567').__round__(2)",
  "from decimal import Decimal\nreturn Decimal.__pow__(Decimal(2), 10, 7), pow(Decimal(2), 10, 7), pow(2, Decimal(10), 7)",
  "from decimal import Decimal\nreturn pow(Decimal(2), 10, 7.0)",
  "from decimal import Decimal\nclass D(Decimal):\n    pass\nreturn D(1).__add__(2), type(D(1).__add__(2)).__name__, D(1).__radd__(D(2)), Decimal.__add__(D(3), 1), D(2).__repr__(), D(1).__eq__(1)",
  "from decimal import Decimal\nclass D(Decimal):\n    def __add__(self, o):\n        return ('mine', super().__add__(o))\n    def __repr__(self):\n        return 'D!'\nreturn D(1) + 2, D(1).__add__(2), Decimal.__add__(D(1), 2), Decimal.__repr__(D(5)), super(D, D(1)).__sub__(3), D(4).__neg__()",
  "from decimal import Decimal\nreturn Decimal(1).__sub__(1, x=2)",
  "from decimal import Decimal\nreturn Decimal.__lt__(Decimal(1))",
  "from decimal import Decimal\nreturn Decimal.__neg__(1)",
];

it("calls Decimal's dunders by name as CPython does", () => {
  expect(compareWithCPython(DECIMAL.map((source) => ({ source })))).toEqual([]);
});

it("holds Decimal's dunders to the limits, as its operators", () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  for (const [source, error] of <[string, RegExp][]>[
    ['from decimal import Decimal, getcontext\ngetcontext().prec = 10**8\nreturn Decimal(1).__truediv__(3)', /^(StepLimitError|MemoryError)/],
    ['from decimal import Decimal, getcontext\ngetcontext().prec = 10**6\nreturn Decimal(3).__pow__(10**6)', /^(StepLimitError|MemoryError)/],
    ['from decimal import Decimal\nf = Decimal.__add__\nd = Decimal(1)\nwhile True:\n    f(d, 1)', /^StepLimitError: condition exceeded its (time )?budget/],
  ]) {
    const t0 = performance.now();
    const got = evaluator(engine, { source });
    expect(got.error ?? '').toMatch(error);
    expect(performance.now() - t0).toBeLessThan(8000);
  }
});
