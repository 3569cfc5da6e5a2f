import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** int.bit_length, bit_count and as_integer_ratio (bool's too); float's as_integer_ratio and conjugate. */
const CASES = [
  `return [n.bit_length() for n in [0, 1, -1, 2, 255, 256, -256, 2**31, 2**32, 2**52, -2**53, 2**53]]`, `return [n.bit_count() for n in [0, 1, -1, 255, -255, 2**52 + 1]]`,
  `return True.bit_length(), False.bit_count()`, `return (5).bit_length(1)`, `return int.bit_length(5)`, `return (1.5).bit_length()`, `return int(log['Line']).bit_length()`,
  // as_integer_ratio of ints and floats (Fraction's exact pair), and a float's conjugate: a value, not an AttributeError
  `r = []\nfor f in [lambda: (0.5).as_integer_ratio(), lambda: (1/3).as_integer_ratio(), lambda: float('inf').as_integer_ratio(), lambda: float('nan').as_integer_ratio(), lambda: (-0.0).as_integer_ratio(), lambda: (1e300).as_integer_ratio(), lambda: (5e-324).as_integer_ratio(), lambda: (3.0).conjugate(), lambda: (7).as_integer_ratio(), lambda: True.as_integer_ratio(), lambda: (-2**100).as_integer_ratio(), lambda: float.as_integer_ratio(0.25), lambda: (0.1).as_integer_ratio(1)]:\n    try:\n        r.append(f())\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r`,
  `class I(int):\n    pass\nclass Fl(float):\n    pass\nx = 1.5\nreturn I(5).as_integer_ratio(), type(I(5).as_integer_ratio()[0]), Fl(0.5).as_integer_ratio(), Fl(0.5).conjugate(), type(Fl(0.5).conjugate()), x.conjugate() is x, float.conjugate(2.5)`,
];

it('answers int methods as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/** int(x, base): the base's range before x's type (long_new_impl), a huge base clipped into that range, and a base without x. */
const BASES = [
  "r = []\nfor b in [-1, 1, 37, 0, 2**70, -2**70, 2.0, None, True]:\n    for x in [5, 5.0, '5', b'5', None, [1], bytearray(b'5')]:\n        try:\n            r.append(int(x, b))\n        except Exception as e:\n            r.append((type(e).__name__, str(e)))\nreturn r",
  "r = []\nfor a, k in [((), {'base': 2}), ((), {'base': 2**70}), ((), {'x': 5}), (('5', 2, 3), {}), (('5',), {'base': 10, 'x': 1}), (('5', 10), {'base': 10})]:\n    try:\n        r.append(int(*a, **k))\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r",
];

it("checks int()'s base as CPython does", () => {
  expect(compareWithCPython(BASES)).toEqual([]);
});
