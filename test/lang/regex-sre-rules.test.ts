import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';
const R = (b: string) => `import re\nreturn ${b}`;

/** sre_parse's rules for group names, conditional groups, repeats, sets and templates, with its words and positions. */
it('checks group names, conditions, repeats and templates as sre_parse does', () => {
  expect(compareWithCPython([
    R(`re.compile('(?P<a>x)(?P<a>y)')`), R(`re.compile('ab(?P<a>x)|(?P<a>y)')`), R(`re.compile('(?P<1a>x)')`), R(`re.compile('(?P<a>x)(?P=b)')`), R(`re.compile('(?P=a)')`),
    R(`re.compile('(?P<a>x')`), R(`re.compile('(?(1)a|b)')`), R(`re.compile('a{1,2}{3}')`), 
    R(`re.compile('x**')`), R(`re.compile('x{3,2}')`), R(`re.compile('(?i)a(?x)')`), R(`re.compile('a{65536}')`), R(`re.compile('a{4294967296}')`),
    R(`re.sub('(a)', r'\\g<0>\\g<1>', 'a')`), R(`re.sub('(a)', r'\\g<2>', 'a')`), R(`re.sub('(a)', r'\\g<-1>', 'a')`), R(`re.sub('(a)', r'\\g<1a>', 'a')`), R(`re.sub('(a)', r'\\g<>', 'a')`),
    R(`re.sub('(a)', r'\\2', 'a')`), R(`re.sub('(a)', r'\\8', 'a')`), R(`re.sub('(a)', r'\\q', 'a')`), R(`re.sub('(a)', r'\\101', 'a')`), R(`re.sub('(a)', '\\\\', 'a')`),
    R(`re.sub('(a)', r'\\g<name>', 'a')`), R(`re.sub('(?P<n>a)', r'\\g<n>-\\g<1>', 'a')`), R(`re.sub('(a)|b', r'[\\1]', 'ab')`), R(`re.sub('(a)', r'\\g<01>', 'a')`), R(`re.sub('(a)', r'\\g<\\u0661>', 'a')`),
    R(`re.compile('(?P<a-b>x)')`), R(`re.compile('(?P<é>x)').groupindex['é']`), R(`re.compile('(?(b)y)')`), R(`re.compile('(?(0)y)')`), R(`re.compile('(?P<>x)')`), R(`re.compile('(?P<a')`), R(`re.compile('[a-\\\\d]')`), R(`re.compile('[z-a]')`), R(`re.compile('\\\\')`),
  ])).toEqual([]);
});
it('checks the ranges of sets as sre_parse does', () => {
  expect(compareWithCPython([
    R(`re.findall('[a-c-e]', 'b-de')`), R(`re.findall('[-a]', '-a')`), R(`re.findall('[a-]', '-a')`), R(`re.findall('[]a]', ']a')`), R(`re.findall('[^]a]', ']ab')`),
    R(`re.findall(r'[\\x41-\\x43]', 'ABCD')`), R(`re.compile(r'[\\x43-\\x41]')`), R(`re.compile(r'[\\w-z]')`), R(`re.compile(r'[a-\\w]')`), R(`re.findall(r'[\\--/]', '-./')`),
    R(`re.findall(r'[\\]-a]', '^_')`), R(`re.findall('[😀-🙏]', '😀a')`), R(`re.compile('[🙏-😀]')`), R(`re.findall(r'[\\t-\\r]', '\\n ')`), R(`re.findall(r'[\\0-\\7]', '\\x03')`),
  ])).toEqual([]);
});
/** Since Python 3.7 an empty match may be followed by a non-empty one at the same position (sre's must_advance), on both engines. */
it('lets a non-empty match follow an empty one where it was, as sre does', () => {
  const patterns = [`'|a'`, `'a|'`, `'(?:)|b'`, `'x*|y'`, `r'\\b|c'`, `'(?=a)|a'`, `'(?<=a)|b'`, `'(?!a)|a'`, `'a??'`, `'(a|)+?b?'`, `'(|a)(|b)'`, `'(?i)|A'`, `'|é'`, `'|😀'`, `'(?>|a)'`, `'(?i)|ſ'`,
    `r'\\d*'`, `'(a*)'`, `'(?:ab)*+'`, `'a*?'`, `'(a|ab)*'`, `'(?:|a)*'`, `'a{0,2}'`, `'(?i:b*)'`, `'a*|b'`];
  const subjects = [`'xax'`, `'aab'`, `'xyxy'`, `'AbA'`, `'é😀a'`, `''`, `'ba ca'`];
  const calls = (p: string, s: string) => [
    `re.findall(${p}, ${s})`, `[m.span() for m in re.finditer(${p}, ${s})]`, `re.sub(${p}, '-', ${s})`, `re.subn(${p}, r'<\\g<0>>', ${s})`,
    `re.split(${p}, ${s})`, `re.sub(${p}, '-', ${s}, count=2)`, `re.split(${p}, ${s}, maxsplit=2)`, `re.findall(${p}, ${s}, re.I)`,
  ];
  expect(compareWithCPython(patterns.flatMap((p) => subjects.flatMap((s) => calls(p, s))).map(R))).toEqual([]);
});
