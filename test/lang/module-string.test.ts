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

/** Template: substitute, safe_substitute, is_valid and get_identifiers through CPython's pattern, its errors' words and positions, and a subclass's delimiter, idpattern, braceidpattern, flags or pattern. */
it('answers string.Template as CPython does', () => {
  expect(compareWithCPython([
    "from string import Template\nt = Template('$who likes $what, ${who}s and $$5')\nreturn t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'a', 'what': 'b'}), t.substitute({'who': 'a', 'what': 'b'}, what='c'), t.template",
    "from string import Template\nreturn Template('$who likes $what').substitute(who='x')",
    "from string import Template\nreturn Template('$who likes $what').safe_substitute(who='x'), Template('$ and ${bad').safe_substitute(), Template('${a}$b').safe_substitute({'a': 1})",
    "from string import Template\nreturn Template('a\\nbc $ d').substitute()",
    "from string import Template\nreturn Template('$').substitute()",
    "from string import Template\nreturn Template('abc ${').substitute()",
    "from string import Template\nreturn Template('x\\r\\ny\\n\\n  $1').substitute()",
    "from string import Template\nt = Template('$a $b ${a} $$ $c')\nreturn t.get_identifiers(), t.is_valid(), Template('$ x').is_valid(), Template('$Ab_1 $\u00e9').get_identifiers()",
    "from string import Template\nreturn Template('$a').substitute({'a': [1, 2]}), Template('$a').substitute(a=None), Template('$A').substitute(A=1)",
    "from string import Template\nreturn Template('$a').substitute({}, {})",
    "from string import Template\nreturn Template()",
    "from string import Template\nreturn Template(5).substitute()",
    "from string import Template\nreturn Template('$a').substitute(5)",
    "from string import Template\nreturn Template.delimiter, Template.idpattern, Template.braceidpattern, Template.flags, Template.pattern.pattern, Template.pattern.flags",
    "from string import Template\nclass P(Template):\n    delimiter = '%'\nreturn P('%a and $b %%').substitute(a=1), P('%a').get_identifiers()",
    "from string import Template\nclass P(Template):\n    idpattern = r'[a-z]+'\nreturn P('$ab12 ${x}').safe_substitute(ab=1, x=2)",
    "from string import Template\nclass P(Template):\n    braceidpattern = r'[a-z.]+'\nreturn P('${a.b} $a.b').safe_substitute({'a.b': 1, 'a': 2})",
    "from string import Template\nclass P(Template):\n    flags = 0\nreturn P('$Ab $ab').safe_substitute(ab=1, Ab=2)",
    "from string import Template\nclass P(Template):\n    pattern = r'@(?:(?P<escaped>@)|(?P<named>\\w+)|{(?P<braced>\\w+)}|(?P<invalid>))'\nreturn P('@x @@ @{y}').substitute(x=1, y=2)",
    "from string import Template\nclass P(Template):\n    pattern = r'@(?P<other>\\w+)'\nreturn P('@x').substitute(x=1)",
    "from string import Template\nclass P(Template):\n    pattern = r'@(?P<other>\\w+)'\nreturn P('@x').is_valid()",
    "from string import Template\nt = Template('$a')\nt.template = '$b'\nreturn t.substitute(b=3), type(t).__name__, isinstance(t, Template)",
    "import string\nreturn repr(string.Template), string.Template.__qualname__",
    "from string import Template\nd = {'x': 1}\nclass M:\n    def __getitem__(self, k):\n        return k * 2\nreturn Template('$ab ${cd}').substitute(M())",
    "from string import Template\nclass M(dict):\n    def __missing__(self, k):\n        return '?'\nreturn Template('$ab $x').substitute(M(x=1)), Template('$a').substitute({'a': 1}, b=2)",
  ])).toEqual([]);
});
