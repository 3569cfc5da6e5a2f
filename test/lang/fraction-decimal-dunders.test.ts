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
  "from decimal import Decimal as D\nreturn D(1).__add__(True), D(1).__radd__(False), D(2).__mul__(F) if False else D(2).__rpow__(2)",
  "from decimal import Decimal as D, getcontext, localcontext, Inexact\nwith localcontext() as c:\n    c.prec = 3\n    c.traps[Inexact] = True\n    try:\n        D(1).__truediv__(3)\n    except Inexact as e:\n        return 'trap', type(e).__name__",
  "from decimal import Decimal as D, getcontext\ngetcontext().prec = 3\ngetcontext().clear_flags()\nreturn D('1.2345').__add__(0), D('1.2345').__radd__(0), D('1.2345').__pow__(2), D('1.2345').__neg__(), getcontext().flags",
  "from decimal import Decimal as D\nreturn D(1).__eq__(1.0), D(1).__lt__(1.5), D(1).__hash__() == hash(1), D('1.1').__hash__() == hash(D('1.10'))",
  "from decimal import Decimal as D, FloatOperation, getcontext\ngetcontext().traps[FloatOperation] = True\nreturn D(1).__lt__(1.5)",
  "from decimal import Decimal as D, FloatOperation, getcontext\ngetcontext().traps[FloatOperation] = True\nreturn D(1).__eq__(1.5)",
  "from decimal import Decimal as D\nreturn D(7).__divmod__(0)",
  "from decimal import Decimal as D\nreturn D(7).__rdivmod__(2.0), D(7).__rtruediv__('1')",
  "from decimal import Decimal as D\nreturn D('sNaN').__hash__()",
  "from decimal import Decimal as D\nreturn D('NaN').__bool__(), D('-0').__bool__(), D('-0').__neg__(), D('sNaN').__repr__()",
  "from decimal import Decimal as D\nreturn D.__pow__(D(2), 3, None), D.__rpow__(D(2), 3, 7), D(2).__rpow__(3, None)",
  "from decimal import Decimal as D\nreturn D(3).__rpow__(D(2), 1.5)",
  "from decimal import Decimal as D\nreturn D(2).__pow__(D('0.5'), 7)",
  "from decimal import Decimal as D\nreturn D.__int__(1)",
  "from decimal import Decimal as D\nreturn D.__float__()",
  "from decimal import Decimal as D\nreturn D(1).__int__(2)",
  "from decimal import Decimal as D\nreturn repr(D(1).__int__)[:36], repr(D.__int__), type(D.__int__).__name__, D('7.9').__int__(), D('-7.9').__float__(), D.__int__(D('1e3')), D('NaN').__float__()",
  "from decimal import Decimal as D\nreturn D('sNaN').__float__()",
  "from decimal import Decimal as D\nreturn D('Inf').__int__()",
  "from decimal import Decimal as D\nclass M(D):\n    pass\nreturn '%d %.2f %s' % (D('5.7'), D('2.5'), D(1)), '%d %.2f' % (M('5.7'), M('2.5')), int(M('3.9')), float(M('0.5')), M('3.9').__int__(), D.__int__(M('8.1'))",
  "from decimal import Decimal as D\nclass M(D):\n    def __int__(self):\n        return 42\n    def __float__(self):\n        return 1.5\nreturn int(M('3.9')), float(M(1)), '%d %f' % (M(1), M(1)), super(M, M('3.9')).__int__(), D.__float__(M('0.25'))",
  "import itertools\nfrom decimal import Decimal as D\nc = itertools.count(D('1.5'), D(1))\nreturn next(c), next(c), repr(c)",
  "import math\nfrom decimal import Decimal as D\nreturn int(D('12.7')), float(D('1e400')), math.floor(D('2.5')), round(D('2.5')), complex(D('1.5')), pow(D(2), 3, 5)",
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

const FRACTION = [
  "from fractions import Fraction\nreturn Fraction(1,3).__add__(Fraction(1,6)), Fraction(1,3).__radd__(1), Fraction(7,3).__round__(), Fraction(1,3).__floor__()",
  "from fractions import Fraction as F\nreturn F(1).__add__('a'), F(1).__radd__('a'), F(1).__add__(1.5), F(1).__radd__(1.5), F(1, 2).__add__(1j), F(1,2).__rsub__(2j)",
  "from fractions import Fraction as F\nfrom decimal import Decimal as D\nreturn F(1).__add__(D(1)), F(1).__radd__(D(1)), F(1).__eq__(D(1)), F(1).__lt__(D(2)), F(1).__ge__(D(2)), F(1).__mul__(D(2))",
  "from fractions import Fraction as F\nreturn [getattr(F(7, 3), n)(2) for n in ['__add__','__sub__','__mul__','__truediv__','__floordiv__','__mod__','__divmod__','__pow__','__radd__','__rsub__','__rmul__','__rtruediv__','__rfloordiv__','__rmod__','__rdivmod__','__rpow__']]",
  "from fractions import Fraction as F\nreturn [getattr(F(-7, 3), n)(2.5) for n in ['__add__','__sub__','__mul__','__truediv__','__floordiv__','__mod__','__divmod__','__pow__','__radd__','__rsub__','__rmul__','__rtruediv__','__rfloordiv__','__rmod__','__rdivmod__']]",
  "from fractions import Fraction as F\nreturn F(1,2).__pow__(F(1,2)), F(4).__rpow__(2), F(1,2).__rpow__(4), F(-1, 2).__rpow__(F(4)), F(2).__pow__(-2), F(-2,3).__pow__(-3), F(2).__rpow__(1.5)",
  "from fractions import Fraction as F\nreturn F(-7,3).__neg__(), F(-7,3).__abs__(), F(-7,3).__pos__(), F(-7,3).__int__(), F(-7,3).__trunc__(), F(-7,3).__floor__(), F(-7,3).__ceil__(), F(-7,3).__float__(), F(-7,3).__complex__(), F(0).__bool__(), F(1,9).__bool__()",
  "from fractions import Fraction as F\nreturn F(5,2).__round__(), F(7,2).__round__(), F(12345,1000).__round__(2), F(12345,1000).__round__(-1), F(1,3).__round__(None), F(12345, 100).__round__(F(1))",
  "from fractions import Fraction as F\nreturn F(1,3).__hash__(), F(5).__hash__(), F(-1).__hash__(), F(1,2).__hash__() == hash(0.5), F(1,3).__repr__(), F(1,3).__str__(), F(4).__str__()",
  "from fractions import Fraction as F\nreturn F(1,3).__eq__(F(1,3)), F(1).__eq__(1), F(1).__eq__(1.0), F(1).__eq__(1+0j), F(1).__eq__(1j), F(1).__eq__('1'), F(1).__eq__(float('nan')), F(1).__ne__(1), F(1).__ne__('a'), F(1).__ne__(2)",
  "from fractions import Fraction as F\nreturn F(1).__lt__(2), F(1).__le__(1), F(1).__gt__(0.5), F(1).__ge__(float('inf')), F(1).__lt__(float('nan')), F(1).__lt__('a'), F(1).__lt__(1j), F(1).__gt__(float('-inf'))",
  "from fractions import Fraction as F\nreturn F.__add__(F(1,3), 1), F.__radd__(F(1,3), 1), F.__lt__(F(1), 2), F.__round__(F(5,2)), F.__round__(F(12345,1000), 1), F.__repr__(F(1,3)), F.__neg__(F(1))",
  "from fractions import Fraction as F\nreturn F.__add__()",
  "from fractions import Fraction as F\nreturn F(1).__add__()",
  "from fractions import Fraction as F\nreturn F(1).__radd__(1, 2)",
  "from fractions import Fraction as F\nreturn F(1).__floor__(1)",
  "from fractions import Fraction as F\nreturn F.__round__()",
  "from fractions import Fraction as F\nreturn F(1).__round__(1, 2)",
  "from fractions import Fraction as F\nreturn F(1).__add__(b=1)",
  "from fractions import Fraction as F\nreturn F(1).__add__(a=1)",
  "from fractions import Fraction as F\nreturn F(1).__repr__(1)",
  "from fractions import Fraction as F\nreturn F(1).__deepcopy__()",
  "from fractions import Fraction as F\nreturn F(1).__float__(1)",
  "from fractions import Fraction as F\nreturn F(1).__complex__(1)",
  "from fractions import Fraction as F\nreturn F.__ne__(F(1))",
  "from fractions import Fraction as F\nreturn F(1).__ne__()",
  "from fractions import Fraction as F\nreturn F(1).__pow__(1,2)",
  "from fractions import Fraction as F\nreturn pow(F(2), 3, 5)",
  "from fractions import Fraction as F\nreturn F(7,3).__int__(str)",
  "from fractions import Fraction as F\nreturn F(7,3).__int__(1)",
  "from fractions import Fraction as F\nreturn F(1).__copy__(), F(1).__deepcopy__({}), F(1,3).__round__(ndigits=2)",
  "from fractions import Fraction as F\nreturn repr(F(1).__add__), repr(F(1).__round__), F.__add__.__qualname__, F.__float__.__qualname__, F(1).__add__.__func__ is F.__add__, F.__add__ is F.__add__",
  "from fractions import Fraction as F\nclass G(F):\n    pass\ng = G(1, 3)\nreturn g.__add__(1), type(g.__add__(1)), g.__repr__(), G.__repr__(g), F.__repr__(g), type(g.__copy__()), type(g.__deepcopy__({})), g.__neg__(), type(g.__pos__()), g.__eq__(G(1,3)), g.__hash__() == hash(F(1,3)), g.__round__(2)",
  "from fractions import Fraction as F\nclass G(F):\n    def __add__(self, o):\n        return ('mine', super().__add__(o))\n    def __radd__(self, o):\n        return ('rmine', super().__radd__(o))\n    def __repr__(self):\n        return 'G!' + super().__repr__()\n    def __lt__(self, o):\n        return ('lt', super().__lt__(o))\nreturn G(1,3) + 1, 1 + G(1,3), G(1,3).__add__(2), F.__add__(G(1,3), 2), repr(G(1,2)), G(1,2) < 1, super(G, G(1,4)).__sub__(1), F.__radd__(G(1,3), 1)",
  "from fractions import Fraction as F\nfrom decimal import Decimal as D\nreturn D(1).__eq__(F(1)), D(1).__lt__(F(3,2)), D('NaN').__eq__(F(1)), D('Inf').__gt__(F(10**30))",
  "from fractions import Fraction as F\nreturn F(10**30, 7).__floordiv__(F(3, 10**20)), F(10**30, 7).__rmod__(10**40), F(1,3).__rdivmod__(F(7, 2))",
  "from fractions import Fraction as F\nreturn F(1).__index__",
  "from fractions import Fraction as F\nreturn F.__add__(1, 2), F.__radd__(1, 2), F.__sub__(True, 0.5), F.__rsub__(3, 1j), F.__floor__(7), F.__ceil__(7), F.__round__(7), F.__round__(7, 2), F.__round__(15, -1), F.__add__(1, 'a'), F.__mul__(2, F(1, 3))",
  "from fractions import Fraction as F\nreturn F(1).__round__('x')",
  "from fractions import Fraction as F\nreturn F(1).__round__(1.5)",
  "from fractions import Fraction as F\nreturn F(1, 0).__add__(1)",
  "from fractions import Fraction as F\nreturn F(1).__truediv__(0)",
  "from fractions import Fraction as F\nreturn F(1).__rtruediv__(F(0)), F(0).__rtruediv__(1)",
  "from fractions import Fraction as F\nreturn F(0).__rtruediv__(1)",
  "from fractions import Fraction as F\nreturn F(0).__pow__(-1)",
  "from fractions import Fraction as F\nreturn F(1).__mod__(0)",
  "from fractions import Fraction as F\nreturn F(1).__rpow__(None)",
  "from fractions import Fraction as F\nreturn F(1, 2).__pow__('a')",
  "from fractions import Fraction as F\nreturn F(1, 2).__pow__(None)",
  "from fractions import Fraction as F\nreturn F(1).__lt__(None), F(1).__eq__(None), F(1).__eq__(True), F(2).__gt__(True)",
  "from fractions import Fraction as F\nreturn F(1,2).__add__(b=F(1,2)), F(1,2).__radd__(a=1), F(1,2).__round__(ndigits=None), F(1,2).__deepcopy__(memo=None)",
  "from fractions import Fraction as F\nreturn F(1).__add__(1, c=2)",
  "from fractions import Fraction as F\nreturn F.__add__.__name__, F.__radd__.__name__, F.__round__.__name__, F(1).__add__.__name__, type(F.__add__).__name__, type(F(1).__add__).__name__, F.__rtruediv__.__qualname__",
];

it("calls Fraction's dunders by name as CPython does", () => {
  expect(compareWithCPython(FRACTION.map((source) => ({ source })))).toEqual([]);
});

it("refuses Fraction's dunders on what fractions.py would read otherwise, fatally", () => {
  const engine = new Engine();
  for (const source of ['from fractions import Fraction\nreturn Fraction.__neg__(1)', 'from fractions import Fraction\nreturn Fraction.__add__(1.5, 1)', "from fractions import Fraction\ntry:\n    Fraction.__round__('x')\nexcept Exception:\n    return 'caught'"]) {
    expect(evaluator(engine, { source }).error).toMatch(/^UnsupportedError: Fraction\.__\w+__\(\) of a '\w+' is not available in conditions/);
  }
});

it("holds Fraction's dunders to the limits, as its operators", () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  for (const [source, error] of <[string, RegExp][]>[
    ['from fractions import Fraction\nreturn Fraction(10**4000, 3).__pow__(5000)', /^(StepLimitError|MemoryError)/],
    ['from fractions import Fraction\nreturn Fraction(10**4000, 3).__pow__(50).__floor__() > 0', /^(StepLimitError|MemoryError|$)/],
    ['from fractions import Fraction\nreturn Fraction(1, 3).__round__(10**7)', /^(StepLimitError|MemoryError)/],
    ['from fractions import Fraction\nf = Fraction.__add__\nx = Fraction(1, 3)\nwhile True:\n    f(x, 1)', /^StepLimitError: condition exceeded its (time )?budget/],
    ['from fractions import Fraction\nx = Fraction(1, 3)\nwhile True:\n    x = x.__add__(Fraction(1, 7))', /^(StepLimitError|MemoryError)/],
  ]) {
    const t0 = performance.now();
    const got = evaluator(engine, { source });
    expect(got.error ?? '').toMatch(error);
    expect(performance.now() - t0).toBeLessThan(8000);
  }
});
