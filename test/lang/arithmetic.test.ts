import { expect, it } from 'vitest';
import fc from 'fast-check';
import { compareWithCPython } from '../support/cpython.js';


/** Numbers with Python's rules: int and float distinct, floor division and modulo toward minus infinity. */
const CASES = [
  'return 7 / 2', 'return 6 / 3', 'return str(5 / 1)', 'return 7 // 2', 'return -7 // 2', 'return 7 // -2', 'return -7 % 3',
  'return 7 % -3', 'return 7.5 // 2', 'return -7.5 % 2', 'return 2 ** 10', 'return 2 ** -1', 'return 2.0 ** 3', 'return (-8) ** 2',
  'return 10 ** 15', 'return 2 ** 53', 'return 3 * 2.5', 'return 1 + True', 'return True + True',
  'return 1 / 0', 'return 1.0 / 0', 'return 1e3 ** 987', 'try:\n    2.0 ** 5000\nexcept OverflowError as e:\n    return e.args, str(e)', 'return 1 // 0', 'return 1 % 0', 'return 1.0 % 0', 'return 0.0 ** -1', 'return 0 ** -1',
  'return -3 ** 2', 'return ~5', 'return 6 & 3', 'return 6 | 3', 'return 6 ^ 3', 'return 1 << 10', 'return 1024 >> 3',
  'return 1 << -1', 'return -(-5)', 'return +True', 'return 0.1 + 0.2', 'return 1e16', 'return 1e-5', 'return 123456789012345678.0',
  'return [0.0001, 9.999999999999999e-05, 1e16 - 2, -1e16, 0.00012345, 1e15 + 0.5, -2.0]',
  'return 1.5e300 * 1e10', 'return float("inf") - float("inf")', 'return -0.0', 'return 0.1 * 3', 'return 2.5 == 2.5', 'return 1 == 1.0',
  'return 1 == True', 'return 0.5 < 1 < 2', 'return 3 > 2 > 2', 'return 1 < "a"', 'return "a" + 1', 'return 1 + "a"', 'return [1] + 1',
  'return "ab" * 3', 'return [0] * 3', 'return 3 * "x"', 'return "a" * 1.5', 'return {} * 2', 'return -"a"', 'return ~1.5',
  'return divmod(-7, 2)', 'return divmod(7.5, 2)', 'return pow(2, 10)', 'return pow(2, 10, 1000)', 'return pow(3, -2, 7) if False else pow(3, 4, 5)',
  'return abs(-3)', 'return abs(-3.5)', 'return abs("a")', 'return round(2.5)', 'return round(3.5)', 'return round(0.125, 2)',
  'return round(2.675, 2)', 'return round(-0.5)', 'return round(1234, -2)', 'return round(1250, -2)', 'return round(7)',
  'return int(3.9)', 'return int(-3.9)', 'return int("42")', 'return int(" -7 ")', 'return int("1_000")', 'return int("2.5")',
  'return int("ff", 16)', 'return int("0x1f", 0)', 'return int(True)', 'return float("2.430")', 'return float(" 1e3 ")',
  'return float("nan") != float("nan")', 'return float("-inf")', 'return float("move")', 'return float(3)', 'return (2.0).is_integer()',
  'return (2.5).is_integer()', 'x = 10\nx += 5\nx -= 3\nx *= 2\nx //= 5\nx **= 2\nx %= 7\nreturn x', 'x = 7\nx /= 2\nreturn x',
  'return hex(255)', 'return oct(8)', 'return bin(-5)', 'return 0x1f + 0o17 + 0b101', 'return 1_000_000',
  'return min(3, 1, 2)', 'return max([1.5, 2, -1])', 'return sum([1, 2.5])',
  'return sum([])', 'return sum(["a"], "")', 'return float("1.0") == 1', 'return 5 % 2 == 1 and 4 % 2 == 0', 'return 1e21', 'return 1.0e-4',
  'return 0.0001', 'return 100.0', 'return 1e15 + 0.3',
];

it('evaluates arithmetic as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/** An int is never -0: JS makes one of 0 * -5, -4 % 2 or -2 // 349, and float(), / and copysign would show it. */
const ZEROS = ['-2 // -349', '0 * -5', '-4 % 2', 'int(-0.5)', 'int(-0.0)', 'round(-0.4)', 'math.floor(-0.0)', 'math.ceil(-0.5)', 'math.trunc(-0.5)', 'divmod(-4, 2)[1]',
  'divmod(-2, -349)[0]', '-0', '0 // -3', 'abs(-0)', 'int("-0")', 'sum([0, -0])', 'False * -1', '-1 * 0', '0 << 3', '-0 >> 1', 'len([]) * -1', 'round(-0.5)', 'round(-0.4, 0)',
  'round(-1, -1)', 'round(-0.04, 1)', 'round(-1.0, -1)', 'round(-0.0, 3)', '7 // 0.1', '-7 // 1e-7', 'divmod(7, 0.1)[0]', '-2.5 % 2.5', '2.5 % -2.5'];

/** Float floor division from fmod, as CPython: 7 // 0.1 is 69.0, not floor(7 / 0.1) == 70. */
const FLOOR = ['7 // 0.1', 'divmod(7, 0.1)', '-7 // 1e-7', 'divmod(-1, 1e-7)', '1e22 // 3.0', '-2.5 // 2.5', 'divmod(-2.5, -0.5)', '0.0 // -3.0', '-0.0 // 3.0', 'divmod(1.0, 0.0)',
  'divmod(1, 0.0)', '1.0 // 0.0', '1.0 % 0.0', 'divmod(5, 2)', 'divmod(-5.5, 2)', '(-1e-300) // 1e300', '5 % -0.3', "divmod(1.5, 'a')", "divmod('a', 2)", 'divmod(None, None)', 'divmod(True, 2)'];

it('divides floats with floor as CPython does', () => {
  expect(compareWithCPython(FLOOR.map((e) => `return ${e}`))).toEqual([]);
});

it('never makes an int of -0', () => {
  expect(compareWithCPython(ZEROS.map((z) => `import math\nx = ${z}\nreturn repr(float(x)), repr(x / 1), math.copysign(1, x)`))).toEqual([]);
});

/** Ints of any size (issue 11): where the evaluator raised OverflowError past 2**53, CPython's answers. */
it('keeps ints past 2**53 exact, literals included', () => {
  const sources = ['2 ** 53', '-(2 ** 53)', '2 ** 53 - 1 + 1', '2 ** 53 + 1', '2 ** 64', '10 ** 20', 'int(1e20)', 'int("9007199254740993")', '9007199254740992 * 2', '1 << 53', '1 << 54', '9007199254740993', '-18446744073709551615', '0x_ffff_ffff_ffff_ffff_ffff', '0o7777777777777777777777', '0b' + '1'.repeat(80)];
  expect(compareWithCPython(sources.map((e) => `return ${e}`))).toEqual([]);
});

/** x ** n for an integral n as CPython computes it, through glibc's pow (libm/pow.ts): bit for bit, also for a negative int exponent. */
it('gives x ** n for an integral n the value CPython gives, bit for bit, in 2,000 cases', () => {
  const base = fc.oneof(fc.integer({ min: -1000, max: 1000 }).map((n) => `${n}.0`), fc.double({ min: -100, max: 100, noNaN: true }).map((x) => (Number.isInteger(x) ? `${x}.0` : String(x))), fc.constantFrom('1.1', '0.1', '2.5', '1e-05', '0.3', '3', '-7', '20'));
  const sources = fc.sample(fc.tuple(base, fc.integer({ min: -40, max: 40 })), { numRuns: 2000, seed: 11 }).map(([x, n]) => `return (${x}) ** ${n}`);
  expect(compareWithCPython(sources)).toEqual([]);
});

/** int() and float() of text: any Unicode decimal digit, underscores only between digits (and after a prefix), bases, and what they refuse. */
const NUMBER_TEXTS = ["'12'", "'  12  '", "'+5'", "'-0'", "'1_000'", "'1__0'", "'_1'", "'0x1f'", "'0x_1f'", "'0b101'", "'0o17'", "'017'", "'١٢٣'", "'１２'", "'1e3'", "'1.5'", "' 1e3 '",
  "'nan'", "'-inf'", "'Infinity'", "'+NaN'", "'1_0.5'", "'.5'", "'5.'", "'1e'", "'0x'", "''", "' '", "'12abc'", "'\\t7\\n'", "'1 2'", "'١.٥'", "'1e-7'", "'9007199254740993'", "'1e400'",
  "'0_0'", "'00'", "'0_1'", "'1_'", "'+-1'", "'𝟘𝟣'", "'০১২'", "'۱۲.۵'", "'ⅷ'"];
const NUMBER_FORMS = ['int(%s)', 'float(%s)', 'int(%s, 0)', 'int(%s, 16)', 'int(%s, 2)', 'int(%s, 36)'];

it('reads numbers from text as CPython does', () => {
  expect(compareWithCPython(NUMBER_TEXTS.flatMap((t) => NUMBER_FORMS.map((f) => `return ${f.replace('%s', t)}`)))).toEqual([]);
});

/** Comparisons: == on a NaN is False but containers compare items by identity first; mixed types; chains; is on shared constants. */
it('compares values as CPython does', () => {
  const exprs = ["[n] == [n]", "n == n", "[n] == [float('nan')]", "(n,) == (n,)", "{'a': n} == {'a': n}", "n in [n]", "n in {n}", "[n].count(n)", "[n].index(n)", "{n: 1}[n]",
    "1 == 1.0 == True", "1 < 2 < 3 > 2", "1 < 'a'", "None < 1", "None == None", "[] == ()", "[1] < [1, 0]", "(1, 'a') < (1, 'b')", "(1, 'a') < (1, 2)", "[1, 2] < [1, 'a']",
    "'a' < 'B'", "'é' > 'z'", "1 is 1", "x is y", "x is not None", "x == y", "True is True", "() is ()", "[] is []", "'ab' == 'a' + 'b'", "1.0 is 1.0",
    "{1, 2} == {2, 1}", "{1: 2} != {1: 2.0}", "{} == dict()", "d.keys() == {'a'}", "d.values() == [1]", "d.items() == {('a', 1)}", "range(3) == range(0, 3)", "range(3) == [0, 1, 2]",
    "0.1 + 0.2 == 0.3", "1e16 + 1 == 1e16", "2 ** 53 == 2.0 ** 53", "9007199254740993 == 9007199254740992.0" , "-0.0 == 0", "float('inf') > 1e308", "float('-inf') < -1e308", "n != n",
    "[1, [2, n]] == [1, [2, n]]", "max([n, 1])", "min([1, n])", "sorted([3, n, 1])", "n > 1 or n < 1", "abs(n) is n", "[x, y].index(y)", "x in [1, 2, 3]", "'' in 'abc'", "'ab' in ['ab']"];
  expect(compareWithCPython(exprs.map((e) => `n = float('nan')\nx = 300\ny = 300\nd = {'a': 1}\nreturn ${e}`))).toEqual([]);
});

/** round(float, n) as CPython's double_round: exact half-to-even at any n, 0.0 (not nan) far left, OverflowError past the largest float, x itself far right. */
it('rounds floats at any number of digits as CPython does', () => {
  expect(compareWithCPython([
    `return [round(1e308, n) for n in (-308, -307, -309, -400, -10**6)], [round(1.5, n) for n in (-10**20, 10**20, 2**63, -2**63)], round(123456789.0, -400), round(-1.5, -400)`,
    `return [round(5e-324, n) for n in (323, 324, 325, 400, 10**6)], round(9.5e307, -307), round(8.5e307, -307), round(1.4e308, -308), round(1e22, -22), round(5e22, -23), round(2.5e-200, 200), round(-0.04, 1), round(0.5, 0), round(-0.5, 0)`,
    `return round(1.7976931348623157e308, -300), round(1.7976931348623157e308, 0), round(1.7976931348623157e308, 5), round(2.675, 2), round(1234.5678, -2), round(-1234.5678, -5), round(0.285, 2), round(1.0000000000000002, 15)`,
    `return round(1.7e308, -308)`, `return round(-1.5e308, -308)`, `return round(1.7976931348623157e308, -305)`,
  ])).toEqual([]);
});

/** pow() with a modulus: each operand's nb_power in ternary_op's order (float's and complex's refusals, a class's __pow__ with three arguments, Decimal's, Fraction's two-argument __pow__). */
const TERNARY_POW = Array.from({ length: 10 }, (_, i) => `class A:
    def __pow__(self, o, m=None):
        return ('pow', o, m)
    def __rpow__(self, o, m=None):
        return ('rpow', o, m)
    def __repr__(self):
        return 'A()'
class I(int):
    pass
from decimal import Decimal
from fractions import Fraction
vals = [2, True, 2.0, 1j, 'a', None, A(), Decimal(2), Fraction(1, 2), I(3)]
x = vals[${i}]
r = []
for y in vals:
    for z in vals:
        try:
            r.append(pow(x, y, z))
        except Exception as e:
            r.append((type(e).__name__, str(e)))
return r`);

it('takes pow() with a modulus through the operands in the order CPython does', () => {
  expect(compareWithCPython(TERNARY_POW)).toEqual([]);
});
