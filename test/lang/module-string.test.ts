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

/** string.capwords, as Lib/string.py writes it: split, capitalize each word, join with sep or a space. */
it('has capwords as CPython has it', () => {
  expect(compareWithCPython([
    "import string\nreturn string.capwords(text)", "import string\nreturn string.capwords('  hello   wORLD\\tfoo\\n')", "import string\nreturn string.capwords('')",
    "import string\nreturn string.capwords('a-b--c', '-')", "import string\nreturn string.capwords('a-b--c', sep='-')", "import string\nreturn string.capwords(s='ǆa ßx ﬁne 1st')",
    "import string\nreturn string.capwords('x', None)", "import string\nreturn string.capwords('ab', 'abc')", "import string\nreturn string.capwords('😀a é😀', '😀')",
    "import string\nreturn string.capwords('a b', '')", "import string\nreturn string.capwords('a b', 1)", "import string\nreturn string.capwords(1)",
    "import string\nreturn string.capwords(b'a b')", "import string\nreturn string.capwords(b'  ')", "import string\nreturn string.capwords()",
    "import string\nreturn string.capwords('a', ' ', 1)", "import string\nreturn string.capwords('a', x=1)", "import string\nreturn string.capwords('a', s='b')",
    "from string import capwords\nreturn capwords.__name__, list(map(capwords, ['a b', 'c']))", "import string\nreturn string.capwords(['a b'])",
  ])).toEqual([]);
});
