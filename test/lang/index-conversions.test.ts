import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/**
 * A class's __index__ where the conversions ask it: int() and float() before a str subclass's
 * text, complex() for any class, %o %x %X of a float subclass; math.trunc asks __trunc__ alone.
 */
const CALLS = ['int(s)', 'float(s)', 'complex(s)', 'complex(1, s)', 'int(s, 10)', 'operator.index(s)', 'math.floor(s)', 'math.ceil(s)', 'round(s)', 'math.trunc(s)', 'hex(s)', "'%d' % s", "'%x' % s", "'%o' % s", "'%e' % s", '[1, 2, 3][s:]'];
const CASES = [
  ...['str', 'float', 'int', 'object'].flatMap((base) =>
    ['7', '2**70', "'x'", 'True', '-3', '1 / 0'].flatMap((ret) =>
      CALLS.map((call) => `import operator\nimport math\nclass S(${base}):\n    def __index__(self):\n        return ${ret}\ns = S(${{ str: "'12'", float: '12.5', int: '12', object: '' }[base]})\nreturn ${call}`),
    ),
  ),
  "import math\nclass F(float):\n    pass\nreturn '%x' % F(2.5)",
  "import math\nreturn math.trunc('x')", 'import math\nreturn math.trunc(1j)', 'import math\nreturn math.trunc(None)', 'import math\nreturn math.trunc(2.5), math.trunc(True), math.trunc(-2**70)',
  "class I(int):\n    pass\nimport math\nreturn math.trunc(I(5))", "class S(str):\n    pass\nreturn int(S(' 12 ')), float(S('1e3')), complex(S('1+2j'))",
];

it("asks a class's __index__ where CPython's conversions do", () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});
