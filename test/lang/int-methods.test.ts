import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** int.bit_length and bit_count (bool's too). */
const CASES = [
  `return [n.bit_length() for n in [0, 1, -1, 2, 255, 256, -256, 2**31, 2**32, 2**52, -2**53, 2**53]]`, `return [n.bit_count() for n in [0, 1, -1, 255, -255, 2**52 + 1]]`,
  `return True.bit_length(), False.bit_count()`, `return (5).bit_length(1)`, `return int.bit_length(5)`, `return (1.5).bit_length()`, `return int(log['Line']).bit_length()`,
];

it('answers int methods as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});
