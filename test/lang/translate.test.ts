import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** str.translate, str.maketrans, isascii, isidentifier, isprintable. */
const CASES = [
  `return str.maketrans('ab', 'cd', 'e')`, `return str.maketrans({'a': 'b', 98: None})`, `return 'x'.maketrans('a', 'b')`, `return text.translate(str.maketrans('aeiou', 'AEIOU'))`,
  `return text.translate(str.maketrans('', '', ' .'))`, `return 'abc'.translate({97: 'xyz', 98: None})`, `return 'abc'.translate([1, 2])`, `return 'abc'.translate({97: 1.5})`,
  `return 'abc'.translate({97: 0x110000})`, `return 'abc'.translate({97: -1})`, `return 'abc'.translate(5)`, `return 'abc'.translate({})`, `return 'abc'.translate()`,
  `return str.maketrans(5)`, `return str.maketrans('ab', 'c')`, `return str.maketrans({'ab': 1})`, `return str.maketrans({1.5: 1})`, `return str.maketrans('a', 5)`,
  `return str.maketrans('a', 'b', 5)`, `return str.maketrans()`, `return str.maketrans('a', 'b', 'c', 'd')`, `return 'é😀x'.translate({233: 'e', 128512: '?'})`, `return str.maketrans('é😀', 'e?')`,
  `return 'abc'.isascii(), ''.isascii(), 'é'.isascii(), '\\x7f'.isascii(), text.isascii()`,
  `return [s.isidentifier() for s in ['a', '_', '1a', 'a1', 'é', 'a b', '', 'if', '_1', 'a-b', '\\u2118', 'x\\u0300', '\\u00b7a', 'a\\u00b7']]`,
  `return [s.isprintable() for s in ['abc', '', ' ', '\\n', '\\t', '\\x7f', 'é', '\\u00a0', '\\u2028', '\\u200b', 'a b', '😀', '\\ufeff', '\\x00']]`,
  `return 'a'.isascii(1)`, `return 'a'.isprintable(1)`,
  // Argument Clinic's words name None as None
  `return str.maketrans('a', None)`, `return str.maketrans('a', 'b', None)`, `return 'x'.maketrans(None, 'a')`,
];

it('translates and classifies strings as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});
