import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** The string module's constants. */
it('has the string constants CPython has', () => {
  const names = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits', 'octdigits', 'punctuation', 'printable', 'whitespace'];
  expect(compareWithCPython([
    ...names.map((n) => `import string\nreturn string.${n}`),
    'from string import digits as d, punctuation\nreturn all(c in d for c in "2024"), "!" in punctuation',
    "import string\nreturn ''.join(c for c in text if c in string.ascii_letters)",
  ])).toEqual([]);
});
