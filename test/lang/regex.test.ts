import { expect, it } from 'vitest';
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
