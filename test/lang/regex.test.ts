import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython } from '../support/cpython.js';

/** The re module: Python patterns translated to JavaScript, match objects, flags. */
const CASES = [
  `import re\nm = re.search(r"up to (\\d+\\.\\d+) seconds", text)\nreturn float(m.group(1)) if m else None`,
  `import re\nreturn re.findall(r'\\d+', text)`, `import re\nreturn re.findall(r'(\\w)(\\d)', 'a1 b2')`, `import re\nreturn re.findall(r'(\\d)', 'x1y2')`,
  `import re\nreturn re.findall(r'\\d*', 'a1')`, `import re\nm = re.match(r'(?P<word>\\w+) (?P<rest>.*)', text)\nreturn m.group('word'), m.groupdict(), m.span('rest')`,
  `import re\nreturn re.match('up', text)`, `import re\nreturn re.fullmatch(r'\\w+', 'abc') is not None, re.fullmatch(r'a|ab', 'ab').group()`,
  `import re\nm = re.search(r'(a)(b)?', 'ac')\nreturn m.groups(), m.groups('-'), m.group(0, 1), m.start(1), m.end(), m.lastindex`,
  `import re\nreturn re.sub(r'(\\d+)', r'<\\1>', 'a1b22')`, `import re\nreturn re.sub(r'(?P<n>\\d)', r'\\g<n>\\g<0>', 'a1')`, `import re\nreturn re.sub('x*', '-', 'abxd')`,
  `import re\nreturn re.sub(r'\\d', lambda m: str(int(m.group()) * 2), 'a1b4')`, `import re\nreturn re.subn('a', 'b', 'aaa', count=2)`, `import re\nreturn re.split(r'[,;]\\s*', 'a, b;c')`,
  `import re\nreturn re.split(r'(,)', 'a,b')`, `import re\nreturn re.split(r'\\b', 'a b')`, `import re\nreturn re.split(',', 'a,b,c', maxsplit=1)`, `import re\nreturn re.escape('a.b*c d')`,
  `import re\np = re.compile(r'ACD', re.I)\nreturn p.search(text.lower()).group(), p.pattern, bool(p.flags & re.I)`, `import re\nreturn re.search('^b', 'a\\nb', re.M).group()`,
  `import re\nreturn re.search('a.b', 'a\\nb')`, `import re\nreturn re.search('a.b', 'a\\nb', re.S).group()`, `import re\nreturn re.search('x$', 'ax\\n').span()`,
  `import re\nreturn re.search('x$', 'ax\\ny')`, `import re\nreturn re.findall('^\\w', 'ab\\ncd', re.M)`, `import re\nreturn re.search(r'\\Aab\\Z', 'ab').group()`,
  `import re\nreturn re.search('(?i)acd', text).group()`, `import re\nreturn re.search(r'''(\\d+) # digits\n  \\s+ (\\w+)''', 'x 12  ab', re.X).groups()`,
  `import re\nreturn re.search(r'(?P<q>[\\'"]).*?(?P=q)', 'say "hi" now').group()`, `import re\nreturn re.search(r'(a)\\1', 'xaay').span()`, `import re\nreturn re.search('[', 'x')`,
  `import re\nreturn re.search('a{2,}', 'caaat').group(), re.search('a{,2}', 'aaa').group()`, `import re\nreturn [m.group() for m in re.finditer(r'\\w+', 'ab cd')]`,
  `import re\nreturn re.search(r'\\s+(\\S+)$', text).group(1)`, `import re\nreturn bool(re.search(r'\\bACD\\b', text))`, `import re\nreturn re.search('(?<=up )to', text).start()`,
  `import re\nreturn re.findall(r'[^\\w\\s]', text)`, `import re\nreturn re.search('x', 1)`, `import re\nreturn re.search(r'\\d+', text)[0]`, `import re\nreturn re.sub(r'\\s+', ' ', ' a \\t b ')`,
  `import re\nm = re.search('(x)|(y)', 'y')\nreturn m.group(1), m.span(1)`, `import re\nreturn re.match(r'scan (\\d+), sub-scan (\\d+)', 'scan 12, sub-scan 3').groups()`,
  `import re\nreturn re.findall('a|', 'aba')`, `import re\nreturn re.sub('', '-', 'ab')`, `import re\nreturn re.search(r'\\x41\\u0042', 'AB').group()`, `import re\nreturn re.search(r'[\\d.]+', 'v2.43s').group()`,
];

it('runs regular expressions as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/** Pattern errors in sre_parse's words and positions: groups, repeats, braces. */
const BAD_PATTERNS = ['(', 'a(b', '((a)', ')', 'a)b', '*a', 'a**', 'a*?*', '(*a)', 'a|*b', '^*', 'a{2,1}', 'a{}', 'a{,}', 'x{,2}', '\\\\b+', 'a{2}{3}', '[a', 'a{1,2}?b', 'a+?+',
  '(?:*)', '(?P<n>a)(?P=n)*', '{1}', 'a|{1}', 'a{1', 'a{x}', '(?#c)*', '(?P<n>*)', 'a{3,}', '(a)(?=b)*'];

it('refuses bad patterns with CPython\'s errors, and reads braces as it does', () => {
  expect(compareWithCPython(BAD_PATTERNS.map((p) => `import re\nm = re.search(r'${p}', 'aaab{}{1} x')\nreturn m and m.group(0)`))).toEqual([]);
});

/** sub, split, findall and match objects at their edges; replacement templates checked before any match, as parse_template does. */
it('substitutes, splits and reports matches as CPython does', () => {
  const exprs = ["re.sub(r'(?P<n>\\d)', r'<\\g<n>\\g<0>\\1>', 'a1b2')", "re.sub(r'x*', '-', 'abxd')", "re.sub(r'', '-', 'ab')", "re.split(r'x*', 'axbc')", "re.split(r'(x)|y', 'axbyc')",
    "re.findall(r'(a)(b)?', 'ab a')", "re.findall(r'', 'ab')", "[m.span() for m in re.finditer(r'\\b', 'a b')]", "re.sub(r'a', lambda m: m.group(0).upper(), 'banana', count=2)",
    "re.subn(r'a', 'x', 'banana')", "re.sub(r'(a)', r'\\2', 'a')", "re.sub(r'(a)', r'\\2', 'b')", "re.sub(r'(a)', r'\\g<2>', 'a')", "re.sub(r'(a)', r'\\g<x>', 'a')", "re.sub(r'(a)', r'\\g<>', 'a')", "re.sub(r'(a)', r'a\\g<1', 'a')", "re.sub(r'(a)', r'\\g<-1>', 'a')", "re.sub(r'(a)', r'\\9', 'a')", "re.sub(r'(a)', r'\\0\\012\\b', 'a')", "re.sub(r'(a)', r'\\q', 'a')", "re.sub(r'(a)', 'x\\\\', 'a')", "re.sub(r'a', r'\\', 'a')", "re.sub(r'a', '\\\\n', 'a')", "re.sub(r'a', r'\\n', 'a')", "re.search(r'^b', 'a\\nb', re.M).start()",
    "re.search(r'a.c', 'a\\nc', re.S).group()", "re.match(r'(?i)ABC', 'abc').group()", "re.search(r'\\d+$', '12\\n').group()", "re.fullmatch(r'a|ab', 'ab').group()", "re.search(r'(?<=a)b', 'ab').span()",
    "re.compile(r'(\\w+) (\\w+)').sub(r'\\2 \\1', 'hello world')", "re.split(r'\\s', 'a b  c', maxsplit=1)", "re.escape('a-b.c d')", "re.findall(r'[\\w.]+@[\\w.]+', 'x a@b.c y')",
    "re.match(r'(?P<first>\\w+) (?P<last>\\w+)', 'Jane Doe').groupdict()", "re.sub(r'(?P<x>a)', r'\\g<x>\\g<x>', 'a')", "re.sub('a', 'b', 'aaa', 0)", "re.search(r'a{2,}', 'aaaa').group()",
    "re.search(r'x', 'abc')", "bool(re.match('', ''))", "re.compile('a', re.I).flags", "re.compile(r'(a)(b)').groups", "re.sub(r'\\w', lambda m: '', 'ab')",
    "re.findall(r'\\d+(?:\\.\\d+)?', 'Waiting up to 2.430 seconds or 5')", "re.search(r'up to (\\d+\\.\\d+) seconds', 'Waiting up to 2.430 seconds').group(1)", "re.sub(r'(?m)^', '> ', 'a\\nb')"];
  expect(compareWithCPython(exprs.map((e) => `import re\nreturn ${e}`), new Engine(), true)).toEqual([]);
});
