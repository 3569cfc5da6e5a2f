import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** complex: literals, the constructor, arithmetic, hashing, printing and formatting, as CPython 3.11. */
const CASES = [
  // literals and their folding
  `return 1j, 2.5J, 09j, 1_0j, 1e5j, .5j, 0j, -0j, 1 + 2j, 1 - 2j, -1 - 2j, (-0.0 + 0j), 1e16j, 1e-5j, 1e300j * 10`,
  `return type(1j).__name__, isinstance(1j, complex), isinstance(1, complex), type(1j) is complex, 1j.real, 1j.imag, (1+2j).conjugate(), (3-4j).real`,
  `x = 1+2j\ny = 1+2j\nreturn x is y, (-1j) is (-1j), (2*1j) is (2*1j), (1.5+0.5) is (1.5+0.5), 1j*1j is 1j*1j, (1/2.0) is (1/2.0), (1+2j) is (1+2.0j), (1+2j) is complex(1, 2), -0.0 is 0.0, 1j.real, {1+2j, 3-1j, -2j, 1.5*1j}`,
  `x = 1j\nreturn x.imag.is_integer(), 1j is 1j, repr(1j), str(2+3j), f'{1+2j}', f'{1j!r}', ascii(-1j)`,
  // the constructor
  `return complex(), complex(1), complex(1.5, 2), complex(1, 2.5), complex(True, False), complex(1j, 1j), complex(1+2j, 3+4j), complex(real=1, imag=2), complex(imag=3)`,
  `return complex('1+2j'), complex(' ( 1-2j ) '), complex('j'), complex('-J'), complex('+j'), complex('1+j'), complex('1-j'), complex('infj'), complex('-nanj'), complex('nan+nanj'), complex('1e500j'), complex('1.j'), complex('.5j'), complex('1e+5-1e-5j'), complex('1_0j'), complex('١+٢j'), complex('  7  ')`,
  `return complex('1 + 2j')`, `return complex('(1+2j')`, `return complex('1+2j)')`, `return complex('')`, `return complex('()')`, `return complex('1+2jj')`, `return complex('0x1j')`, `return complex('1e')`, `return complex('1__0j')`, `return complex('_1j')`, `return complex('1_j')`,
  `return complex('1', 2)`, `return complex(1, '2')`, `return complex([])`, `return complex(1, [])`, `return complex(None)`, `return complex(b'1')`, `return complex(1, 2, 3)`, `return complex(x=1)`,
  `return complex(10**400)`, `return complex(1, 10**400)`, `return 1j + 10**400`, `return complex(2**53 + 1) == 2**53 + 1, complex(2**53) == 2**53, 2**53 + 1 == complex(2**53)`,
  // arithmetic
  `a = 1+2j\nb = 3-4j\nreturn a + b, a - b, a * b, a / b, -a, +a, abs(b), a + 1, 1 + a, a - 1.5, 1.5 - a, a * 2, 2 * a, a / 2, 2 / a, True + a`,
  `return 1j ** 2, (1+1j) ** 3, (1+1j) ** -3, (2+0j) ** 0.5, 2 ** 1j, 1j ** 1j, (1+1j) ** 100, (1+1j) ** 101, (1+1j) ** 100.5, 0j ** 0, 0j ** 2, 1j ** 0j, pow(1+1j, 2)`,
  `return (-8) ** 0.5, (-8.0) ** (1/3), (-1) ** 0.5, (-2) ** 1.5, (-2.5) ** -0.5, (-8) ** 2.0, (-2.0) ** 3, (-1.0) ** 1e300, (-0.5) ** float('inf'), (-1) ** float('inf'), (-2.0) ** float('nan'), float('-inf') ** 0.5, float('-inf') ** -3`,
  `return 1j / 0`, `return 1j / 0j`, `return 1 / 0j`, `return 0j ** -1`, `return 0j ** 1j`, `return 0j ** (-1+0j)`, `return 1j // 1`, `return 1j % 2`, `return divmod(1j, 1)`, `return pow(1j, 2, 3)`, `return pow(2, 1j, 3)`,
  `return complex(1e308, 1e308) ** 1000`, `return (1+1j) ** (10**100)`, `return (1+1j) ** (10**400)`, `return abs(complex(1e308, 1e308))`, `return complex(1e308, 1e308) * 10`, `return complex(float('inf'), 0) ** 2`,
  `return abs(complex(float('inf'), float('nan'))), abs(complex(float('nan'), 1)), abs(3+4j), abs(-0j), abs(complex(1e-320, 1e-320))`,
  `return (1e308+1e308j) / (1e-308+1e-308j), (1+2j) / (1e-310+0j), complex(1, float('nan')) / (1+1j), (1+1j) / complex(float('nan'), 0), (1+1j) / complex(0, float('inf')), 2 * complex(float('inf'), 0)`,
  // comparison, truth, hashing
  `return 1j == 1j, 1+0j == 1, 1+0j == 1.0, 1j == 1, 1j != 1j, 1 == 1+0j, 2.5 == complex(2.5), 1j == 'j', [1j] == [1j], (1+0j) in [1], 1 in [1+0j], 0j == False, 1+0j == True`,
  // a NaN part: the operator compares even the same object, a container's item is itself first
  `z = complex(float('nan'), 0)\nw = complex(0, float('nan'))\nreturn z == z, z != z, w == w, w != w, [z] == [z], z in [z]`,
  `return 1j < 2j`, `return 1j < 1`, `return 1 >= 1j`, `return sorted([1j, 2j])`, `return max(1j, 2)`,
  `return bool(0j), bool(1j), bool(complex(0, -0.0)), bool(complex(float('nan'), 0)), not 0j`,
  `return hash(1j), hash(1+0j) == hash(1), hash(2.5+0j) == hash(2.5), hash(-1+0j), hash(1+2j), hash(complex(-1.5, 3.25)), hash(complex(1e300, -1e300)), hash(complex(float('inf'), 1))`,
  `return {1: 'a'}[1+0j], {1j: 'b'}[1j], len({1, 1+0j, 1.0, True}), {1j, 2j, 3j, 1+1j, -1j, 0j, 4+0j}, {1+0j: 1, 1: 2}, frozenset({2j, 1j})`,
  // printing
  `return [complex(0, -0.0), complex(-0.0, 0), complex(-0.0, -0.0), complex(1, -0.0), complex(float('nan'), float('inf')), complex(float('-inf'), float('nan')), complex(1e16, 1e-5), complex(123456789012345678, 0.1), complex(1.5, 1e100)]`,
  // format
  `z = 1.5-2.25j\nreturn format(z, ''), format(z, '20'), format(z, '<20'), format(z, '^20'), format(z, '*>20'), format(z, '.2f'), format(z, 'e'), format(z, '.3E'), format(z, 'g'), format(z, '+.1f'), format(z, ' g'), format(z, '.3'), format(1j, '10'), format(1j, 'f'), format(-1j, ''), format(1e20+1e20j, ',.0f'), format(1234.5+1j, '_g'), format(complex(float('nan'), float('inf')), 'F')`,
  `return f'{1+2j:>12}', f'{3j:.2f}', f'{-0.0-0.0j:z.1f}', f'{2+3j:#.0f}', f'{1+1j:n}', f'{1e-5+1j:.2g}', f'{-0.0+1j}', f'{complex(-0.0, 1):10}'`,
  `return format(1j, '010')`, `return format(1j, '=10')`, `return format(1j, 'd')`, `return format(1j, '%')`, `return format(1j, 's')`, `return format(1j, '0<10')`, `return format(1j, 'x<010')`, `return '%s %r' % (1j, 2j)`, `return '%f' % 1j`, `return '%d' % 1j`,
  // conversions that refuse a complex, and json
  `return float(1j)`, `return int(1j)`, `return round(1j)`, `return json.dumps(1j)`, `data['z'] = 1j\nreturn True`, `import math\nreturn math.sqrt(1j)`, `import math\nreturn math.floor(1+0j)`, `return 1j & 1`, `return ~1j`, `return [1, 2][1j]`, `return 'a' * 1j`, `return sum([1j, 2, 3.5])`, `return 1j.foo`,
  // patterns
  `match 1+2j:\n    case 1+2j:\n        return 'hit'\n    case _:\n        return 'miss'`, `match -1j:\n    case -1j:\n        return 'hit'`, `match 2.0:\n    case 2+0j:\n        return 'hit'`,
  // an int subclass's instance (an IntEnum's, IntFlag's member) is an int to complex's arithmetic and ==
  `import enum\nclass I(int):\n    pass\nclass N(enum.IntEnum):\n    A = 2\nclass P(enum.IntFlag):\n    R = 4\nreturn 1j + I(2), I(2) + 1j, 1j * N.A, N.A * 1j, 1j / N.A, N.A ** 1j, 1j ** N.A, N.A == 2 + 0j, 2j == I(0), 1j + P.R, {1 + 0j: 'c'}[I(1)], abs(1j * I(2))`,
  `class I(int):\n    def __radd__(self, o):\n        return 'mine'\n    def __add__(self, o):\n        return 'add'\nreturn 1j + I(2), I(2) + 1j, 1j * I(3), complex(I(4), I(5))`,
];

it('handles complex numbers as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

// complex_pow: c_powi for integral exponents up to 100, _Py_c_pow otherwise (through hypot, pow, atan2, exp,
// log, cos and sin); glibc's cos sets EDOM for an infinite phase, which complex_pow reports as ZeroDivisionError
const POWERS = [
  `return (-1)**complex(1e308, 0.5)`, `return (-1+0j)**1e308`, `return complex(-1, 0)**complex(1e308, 0)`, `return (1j)**complex(2e308 / 2e308, 1)`,
  `return 0j ** 0j, 0j ** 0, 0j ** 1, 0j ** 2.5, 1j ** 0`, `return 0j ** -1`, `return 0j ** 1j`, `return 0j ** -2.5`,
  `return (1e200+1e200j) ** 1.5`, `return (1e200+1e200j) ** 2`, `return (1e-200+1e-200j) ** 3`, `return (1e-200+1e-200j) ** -2`, `return (2+3j) ** 300`,
  `return (2+3j) ** (0.5+0.25j), 1j ** 0.5, (-8) ** (1/3), (1+1j) ** 101, (1+1j) ** -101.5, 2 ** (1+1j), (-2.5) ** 0.5, (3-4j) ** 1.5, (0.5+0.5j) ** -0.75j`,
  `return (1+2j) ** 100, (1+2j) ** -100, (1.5-0.5j) ** 99, 1j ** 2.0, (1+1j) ** 100.5, 10 ** 0.5j, (-1) ** 0.1, (-1e-5) ** 1.5, (-1e5) ** 0.33`,
];

it('raises complex powers as complex_pow does', () => {
  expect(compareWithCPython(POWERS)).toEqual([]);
});

/** Chosen to be slow, huge or odd: each answered as CPython answers it, and quickly. */
const HOSTILE = [
  `return complex(1e308, 1e308) ** 1000`, `return (1+1j) ** (10**100)`, `return (1+1j) ** (10**400)`, `return complex(10**400, 1)`, `return (2**1024) * 1j`, `return 1j ** (2**2000)`,
  `return complex('1' * (10**6 - 1) + 'j')`, `return complex('1' * (10**6 - 1))`, `return complex('-' + '1' * 499990 + 'e-499999j')`, `return complex('(' + ' ' * 499990 + '1j)')`,
  `return complex('1' * 999990 + 'x')`, `return complex('1' * 999990 + '+')`, `return complex('+' * 999990)`, `return complex('(' * 999990)`, `return complex('1_' * 499990 + '1j')`, `return complex('١' * 10000 + 'j')`,
  `return f'{1e300+1e300j:,.400f}'[:20]`, `return hash(complex(float('nan'), 1)) == hash(complex(float('nan'), 1))`,
  `z = 1+1j\nfor i in range(1000):\n    z = z * (1+1e-9j) / (1-1e-9j)\nreturn z`, `return sum(complex(i, -i) for i in range(10**3))`, `return len({complex(i, i) for i in range(200)})`,
];

/** What CPython takes seconds and a gigabyte for: the size limit refuses it first. */
const REFUSED = [`return format(1j, '1000000000')`, `return format(1j, '.1000000000f')`, `return format(-1j, '>999999999')`];

it('answers hostile complex numbers as CPython does, each within 500 ms', () => {
  const engine = new Engine();
  for (const source of [...HOSTILE, ...REFUSED]) {
    const started = performance.now();
    const outcome = evaluator(engine, { source });
    expect(performance.now() - started, source).toBeLessThan(500);
    if (REFUSED.includes(source)) expect(outcome.error, source).toMatch(/^MemoryError/);
  }
  expect(compareWithCPython(HOSTILE, engine)).toEqual([]);
});

