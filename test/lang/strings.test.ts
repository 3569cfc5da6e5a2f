import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** str literals, methods, slicing, formatting. */
const CASES = [
  `return "Waiting up to 2.430 seconds" in text`, `return 'ACD' in text and not text.endswith('.')`, `return text[:7] == 'Request'`,
  `return text.split()`, `return text.split(' ', 2)`, `return text.rsplit(' ', 2)`, `return 'a,b,,c'.split(',')`, `return ' a  b '.split()`,
  `return 'a b c'.split(None, 1)`, `return ''.split(',')`, `return 'x'.split('')`, `return 'a\\nb\\r\\nc'.splitlines()`, `return 'a\\nb\\n'.splitlines(True)`,
  `return '-'.join(['a', 'b'])`, `return ','.join([1])`, `return '  x  '.strip()`, `return 'xxhixx'.strip('x')`, `return ' x '.lstrip() + '|' + ' x '.rstrip()`,
  `return text.lower()`, `return text.upper()`, `return 'hello world'.title()`, `return "they're bill's".title()`, `return 'hello'.capitalize()`,
  `return text.count('ACD')`, `return 'aaaa'.count('aa')`, `return 'abc'.count('')`, `return text.find('up')`, `return text.find('zz')`, `return text.rfind('o')`,
  `return text.index('up')`, `return text.index('zz')`, `return 'a.b.c'.replace('.', '/')`, `return 'a.b.c'.replace('.', '/', 1)`, `return 'ab'.replace('', '-')`,
  `return 'k=v=w'.partition('=')`, `return 'k=v=w'.rpartition('=')`, `return 'abc'.partition('x')`, `return '123'.isdigit()`, `return '12a'.isdigit()`,
  `return ''.isdigit()`, `return 'abc'.isalpha()`, `return 'ab1'.isalnum()`, `return ' \\t'.isspace()`, `return 'ABC'.isupper()`, `return 'abc1'.islower()`,
  `return '42'.zfill(5)`, `return '-42'.zfill(5)`, `return 'ab'.center(7, '*')`, `return 'ab'.ljust(5) + '|'`, `return 'ab'.rjust(5, '0')`,
  `return text.startswith(('Wait', 'Req'))`, `return text.startswith('up', 8)`, `return text.endswith('moving.')`, `return text[::-1][:5]`,
  `return text[-1]`, `return text[100]`, `return text[2:-2:3]`, `return 'abc'[5:]`, `return 'abcdef'[::2]`, `return 'abcdef'[-2:1:-1]`, `return 'abc'[1:1]`,
  `return len(text)`, `return 'a' 'b' "c"`, `return '''tri\nple'''`, `return r'\\d+\\n'`, `return 'tab\\there'`, `return '\\x41\\u00e9\\101'`,
  `return 'it\\'s'`, `return "say \\"hi\\""`, `return repr('a\\'b')`, `return repr("a'b\\"c")`, `return repr('\\n\\t\\x00')`, `return str(None) + str(True)`,
  `return 'abc' < 'abd'`, `return 'B' < 'a'`, `return 'x' * 0`, `return 'ab' * -1`, `return ord('A') + ord('é')`, `return chr(65) + chr(0x263a)`,
  `return ord('ab')`, `return 'a' in ['a']`, `return 1 in 'abc'`, `return 'ab' in 'xaby'`, `return text.removeprefix('Waiting ')`, `return 'x.txt'.removesuffix('.txt')`,
  `return 'abc'.replace('a', 'b', 1.5)`, `return 'abc'.replace('a', 'b', '2')`, `return 'abc'.replace('a', 'b', True)`, `return 'MiXeD'.swapcase()`, `return 'a\\tb'.expandtabs(4)`, `return 'a\\tb\\n\\tc\\r1234567\\td\\U0001F600\\te'.expandtabs()`, `return '\\t\\tx'.expandtabs(0) + 'ab\\t\\t'.expandtabs(3) + '\\t'.expandtabs(-1) + '\\tend'.expandtabs(1)`, `return 'Straße'.lower()`, `return 'abc'.upper().lower()`, `return 'x'.foo()`,
  `return 'abc'[0] = 'z'`, `s = 'abc'\ns[0] = 'z'\nreturn s`, `return str(1.0) + str(10) + str(-0.5) + str(1e100)`,
  `return ' '.join(reversed(text.split()))`, `return sorted('banana')`, `return list('abc')`, `return 'a b'.split(' ', -1)`, `return 'aXbXc'.split('X', maxsplit=1)`,
  `return '%s-%d-%.2f-%r' % ('a', 3, 2.345, 'q')`, `return '%5s|%-5s|%05d|%+d|%x|%o|%e|%g|%%' % ('a', 'b', 42, 5, 255, 8, 12345.678, 0.0001)`,
  `return '%(a)s and %(b)03d' % {'a': 'x', 'b': 7}`, `return '%s' % (1, 2)`, `return '%d %d' % (1,)`, `return '%d' % 'x'`, `return '%s' % [1, 2]`,
  `return '%.1f %.0f %.3e' % (0.05, 2.5, 123456)`, `return '%c%c' % (65, 'b')`, `return '%10.3f|' % 3.14159`, `return '%-8.3s|' % 'abcdef'`,
];

it('treats strings as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/**
 * Case beyond ASCII, as CPython maps it: titlecase (digraphs, ligatures, ß -> Ss), full case
 * folding, final sigma in context, swapcase leaving titlecase letters; and repr escaping what
 * is not printable (C1 controls, format characters, separators, lone surrogates).
 */
const CASE_WORDS = ["'ǅ ß ﬁ'", "'x中a'", "'hello WORLD'", "'ab1c'", "'ǆemal'", "'ΣΑΣ ΣΑΣ'", "'ΑΣ'", "'ᾳ'", "'ŉ'", "'Ǆ'", "'they\\'re bill\\'s'", "'ǅ'", "''", "'123'",
  "'Ab Cd'", "'ÀÉ'", "'ⓐⓑ'", "'ᏸ'", "'ꭰ'", "'ͅ'", "'İstanbul'"];
const MORE = [
  `return repr('\\x94\\xa0\\xad\\u2028\\u200b\\ue000\\U000e0001 \\u3000é中😀\\x7f\\x00')`, `return [chr(i) for i in range(120, 180)]`, `return repr(chr(0xd800)), repr(chr(0x378)), ascii('é\\x94😀')`,
  `return f'{"é😀"!a}', '{!a}'.format('é\\x94'), '%a' % ('中',), '%5a|' % ('é',), f'{"x"!a:>6}'`,
  `return ' 42  42  42 '.split(None, 1), '  a b  '.rsplit(None, 1), ' a '.split(None, 0), ' a '.rsplit(None, 0)`,
];

it('maps case and escapes characters as CPython does', () => {
  expect(compareWithCPython([...CASE_WORDS.map((w) => `s = ${w}\nreturn s.title(), s.capitalize(), s.isupper(), s.islower(), s.istitle(), s.swapcase(), s.upper(), s.lower(), s.casefold()`), ...MORE])).toEqual([]);
});

/** String methods with arguments at their edges: negative and past-the-end windows, empty separators, maxsplit, line breaks. */
const EDGE_STRINGS = ["'a,b,,c'", "'  xx  '", "'abcabc'", "'l1\\nl2\\r\\nl3\\rl4\\x0bl5\\x1cl6\\u2028l7'", "'a\\tbc\\td\\n\\tx'", "'-42'", "'+7'", "''", "'aaa'"];
const EDGE_CALLS = ["split(',', -1)", "split(',', 0)", "split(',', 1)", "rsplit(',', 1)", "split('')", "split(None, -1)", "strip('a ')", "strip('')", "lstrip('xa ')", "rstrip(None)",
  "replace('a', 'X', 1)", "replace('a', 'X', -1)", "replace('', '.', 2)", "replace('aa', 'b')", "find('b', -3)", "find('b', 1, -1)", "rfind('a', -100, 100)", "index('c', 2)", "count('aa')",
  "count('', 2)", "startswith(('x', 'a'))", "startswith('b', 1)", "endswith('c', 0, -1)", "endswith(())", "partition(',')", "partition('')", "rpartition('a')", "center(10, '*')", "center(9)",
  "ljust(3)", "zfill(6)", "expandtabs()", "expandtabs(2)", "expandtabs(0)", "splitlines()", "splitlines(True)", "count('a', -2)", "find('')", "rfind('')", "index('', 3)", "removeprefix('a')",
  "startswith('', 5)", "endswith('', 3)", "count('', 9)", "find('', 9)", "rfind('', 9)", "startswith(('', 'x'), 9)"];

it('takes string method arguments at their edges as CPython does', () => {
  expect(compareWithCPython(EDGE_STRINGS.flatMap((x) => EDGE_CALLS.map((c) => `return ${x}.${c}`)))).toEqual([]);
});

/** Literals as CPython reads them: number forms with underscores and prefixes, escapes, implicit concatenation, raw and f-strings, identifiers beyond ASCII, and the bad ones. */
it('reads literals as CPython does', () => {
  const exprs = ["1_000", "0x_ff", "1e1_0", "0o17", "0b1_01", "1.e5", ".5", "5.", "0_0", "00", "0.0_1", "1_000.000_1", "0xFF", "0B11", "1E-2", "1e+2", "0e0", "1e309", "1e-400",
    "'\\101\\x41\\u0041\\U00000041'", "'\\0'", "'\\777'", "'\\q'", "r'\\q\\n'", "'a' 'b' \"c\"", "'a' f'{1}' 'b'", "'''x\ny'''", "'\\\\'", "'\\''", "'\"'", "\"'\"", "'\\N{DASH}'",
    "f'{\"a\"}'", "f'{1:{2}}'", "f'{{{1}}}'", "f'{1!r:>3}'", "f'{\"a\" \"b\"}'", "rf'\\n{1}'", "u'x'", "U'é'", "f'{3.14159:.2f}'", "f'''{1}\n'''", "'\\a\\b\\f\\v\\t'",
    "é = 5\nreturn é", "ǅ = 1\nreturn ǅ", "_x1 = 2\nreturn _x1", "x = 07", "x = 1__0", "x = 1_", "x = 0x", "x = 1e", "x = 0b2", "x = 0o8", "x = 09.5", "x = 1.5_"];
  expect(compareWithCPython(exprs.map((e) => (e.includes('\n') || e.startsWith('x =') ? e : `return ${e}`)))).toEqual([]);
});

// long strs ordered past a long common prefix (codepoints.ts firstDifference): by code points where surrogates differ
const LONG_ORDER = [
  "a = 'x' * 3000 + '\\U0001F600' + 'a'\nb = 'x' * 3000 + '\\uffff' + 'a'\nc = 'x' * 3000 + '\\ud83d'\nd = 'x' * 2999 + '\\ue000'\nreturn a < b, b < a, a > c, c < a, sorted([a, b, c, d])[0][-2:], max(a, b) == a, a[:3001] < b[:3001], ('y' * 70 + '\\U0001F600') < ('y' * 70 + '\\uffff')",
  "l = ['a' * 5000 + str(i) for i in range(300)]\nl.reverse()\ns = sorted(l)\nreturn s[0][-3:], s[-1][-3:], min(l)[-3:], max(l)[-3:]",
  "p = '\\U0001F600' * 100\nreturn p + 'a' < p + 'b', p + '\\U0001F601' > p + '\\uffff', (p * 3)[:-1] < p * 3",
];

it('orders strs with long common prefixes by code point as CPython does', () => {
  expect(compareWithCPython(LONG_ORDER)).toEqual([]);
});

/** isspace, isupper, islower and istitle, each one scan of the text: titlecase digraphs, cased marks, uncased letters, lone surrogates, separators. */
const PREDICATE_WORDS = ['', ' ', 'A', 'a', 'Ab', 'AB', 'ab', 'A b', 'Ab Cd', 'Ab cd', 'aB', 'ǅ', 'ǅa', 'ǅA', 'Aǅ', '1A', 'A1b', 'A1B', 'ß', 'Σας', 'ᵃ', 'Aᵃ', 'Ⓐⓐ', '𝐀𝐚', '\\u3000 \\t', '\\x1c\\x1d\\x1e\\x1f\\x85\\xa0', '\\u200b', '\\u180e', ' a', "They\\'re Bill\\'s", 'ǈǈ', 'A\\ud800b', 'A\\ud800B', 'Ⅰⅰ', '\\U0001e922', 'ꭰ', 'ʰ', 'Aͅ', '中A', '中a'];

it('tests isspace, isupper, islower and istitle as CPython does', () => {
  expect(compareWithCPython(PREDICATE_WORDS.map((w) => `s = '${w}'\nreturn s.isspace(), s.isupper(), s.islower(), s.istitle()`))).toEqual([]);
});

it("takes Unicode 14's Numeric_Type=Digit for isdigit, its numeric ideographs for isnumeric, and translate's mapping range, as CPython does", () => {
  expect(compareWithCPython([
    "return [(s, s.isdigit(), s.isnumeric(), s.isdecimal(), s.isalnum()) for s in ['①', '፩', '⑴', '❶', '🄁', 'ⁱ', '\\u2072', '²', '⁰', '五', '兆', '拾', '〇', 'Ⅻ', '½', '٣', 'a1', '五a', '①②', '']]",
    "r = []\nfor v in [2**63, 2**64, -2**64, -1, 0x110000]:\n    try:\n        'a'.translate({97: v})\n    except ValueError as e:\n        r.append(str(e))\nreturn r, 'ab'.translate({97: True, 98: 0x41})",
  ])).toEqual([]);
});

it("strips a number's text as CPython does: ASCII's white space for int, float and complex (others made spaces first), str.isspace()'s for Decimal", () => {
  expect(compareWithCPython(["from decimal import Decimal, Context\nr = []\nfor f in [lambda: int('\\x1c\u0663'), lambda: int('\\x1c\u0663', 11), lambda: int(' \\u3000\u0663\\x85'), lambda: int('\\ufeff1'), lambda: int('\\x1f1'), lambda: int(' 1 '),\n          lambda: float('\\x8528'), lambda: float('28\\x85'), lambda: float('\\ufeff1'), lambda: float('\\x1c1'), lambda: float(' \\u30001.5\\u2028'), lambda: float('\\t1e3\\n'),\n          lambda: complex('\\x1c-1'), lambda: complex('\\x85-1'), lambda: complex(' 1+2j\\u3000'), lambda: complex('\\ufeff1'),\n          lambda: Decimal('\\x1c-1'), lambda: Decimal('\\x85 1.5\\u3000'), lambda: Decimal('\\ufeff1'), lambda: Decimal(' 2 '), lambda: Context().create_decimal('\\x1c1'), lambda: Context().create_decimal('1')]:\n    try:\n        r.append(f())\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r\n"])).toEqual([]);
});

// find, rfind, index, rindex and count convert their bounds before they look at the substring (Argument Clinic's order), as bytes' do
it("reads a search's bounds before its substring, as CPython does", () => {
  const calls = "[('find', 0, 'x'), ('rfind', 0, 1, 'x'), ('index', 'a', 'x'), ('rindex', 'a', None, 'x'), ('count', 0, 'x'), ('count', 'a', 2**70, 'x'), ('find', 1.5, 0)]";
  const cases = ["'abca'", "b'abca'", "bytearray(b'abca')"].map((s) => `r = []\nfor t in ${calls}:\n    try:\n        r.append(getattr(${s}, t[0])(*t[1:]))\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r`);
  expect(compareWithCPython(cases)).toEqual([]);
});
