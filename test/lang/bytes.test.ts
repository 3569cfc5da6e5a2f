import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, cpython, evaluator } from '../support/cpython.js';

/** bytes, str.encode and bytes.decode for UTF-8 and ASCII, int.to_bytes and int.from_bytes. */
const CASES = [
  `return text.encode(), text.encode('ascii'), 'é€😀'.encode(), 'é€😀'.encode('utf-8'), 'x'.encode('UTF8'), 'x'.encode(encoding='us-ascii')`,
  `return 'é'.encode('ascii')`, `return 'aéé'.encode('ascii')`, `return 'a€b'.encode('ascii')`, `return '\\ud800'.encode()`, `return 'é'.encode('ascii', 'ignore'), 'é'.encode('ascii', 'replace')`,
  `return 'a'.encode(errors='bogus')`, `return 'a'.encode(5)`, `return 'a'.encode('utf-8', 'strict', 1)`,
  `return b'caf\\xc3\\xa9'.decode(), b'abc'.decode('ascii'), 'é€😀'.encode().decode('utf-8')`, `return b'\\xff'.decode()`, `return b'\\xc3'.decode()`, `return b'\\xc3('.decode()`,
  `return b'a\\xe9b'.decode()`, `return b'\\xed\\xa0\\x80'.decode()`, `return b'\\xf4\\x90\\x80\\x80'.decode()`, `return b'\\xc0\\xaf'.decode()`, `return b'\\xe2\\x82'.decode()`, `return b'\\xe2\\x82(x'.decode()`, `return b'\\xf0\\x9f\\x98'.decode()`, `return b'\\x80'.decode('ascii')`,
  `return b'\\xffa\\xc3'.decode('utf-8', 'replace'), b'\\xffa'.decode('ascii', 'ignore')`, `try:\n    b'\\xff'.decode()\nexcept UnicodeDecodeError as e:\n    return e.args, isinstance(e, ValueError)`,
  `try:\n    'é'.encode('ascii')\nexcept UnicodeError as e:\n    return e.args, type(e).__name__`,
  `return repr(b'\\x00a\\'"\\\\\\n\\x7f\\x80'), repr(b"it's"), str(b'a'), b'', bytes(), bytes(3), bytes([65, 66]), bytes('hé', 'utf-8'), bytes(b'x')`,
  `return bytes('x')`, `return bytes([256])`, `return bytes([-1])`, `return bytes(-1)`, `return bytes(['a'])`, `return bytes(1, 'utf-8')`, `return bytes('x', 'utf-8', 'strict', 1)`,
  `b = 'hello'.encode()\nreturn len(b), list(b), b + b'!', b * 2, 3 * b'ab', b'ell' in b, 108 in b, b == b'hello', b != 'hello', b < b'help', bool(b''), b.hex(), b.startswith(b'he'), b.endswith((b'x', b'lo'))`,
  `return 'x' in b'x'`, `return 300 in b'x'`, `return b'a' + 'b'`, `return hash(b'abc') == hash('abc'), {b'k': 1}[b'k'], len({b'a', b'a', b'b'})`, `return sorted([b'b', b'a', b'ab'])`,
  `return type(b'').__name__, isinstance(b'', bytes), json.dumps(b'x')`, `data['b'] = b'x'\nreturn True`,
  `return (1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (-1).to_bytes(2, 'big', signed=True), (5).to_bytes(), (0).to_bytes(0, 'big')`,
  `return (256).to_bytes(1, 'big')`, `return (-1).to_bytes(1, 'big')`, `return (1).to_bytes(1, 'middle')`, `return (1).to_bytes(-1, 'big')`,
  `return int.from_bytes(b'\\x04\\x00', 'big'), int.from_bytes(b'\\x04\\x00', 'little'), int.from_bytes(b'\\xff\\xff', 'big', signed=True), int.from_bytes(b'')`, `return int.from_bytes('ab', 'big')`,
  `match b'ab':\n    case bytes(x):\n        return x`,
];

it('encodes, decodes and handles bytes as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

// the native paths taken for speed (latin-1 and hex through Buffer, octet loops, memcmp, repeat by doubling): every octet, every shape
it('makes, joins, compares and cases every octet as CPython does', () => {
  expect(compareWithCPython([
    'b = bytes(range(256))\nreturn b.swapcase(), b.title(), b.upper(), b.lower(), b.hex(), bytes.fromhex(b.hex()) == b, str(b)',
    "return b'hello wORLD 1a2B'.title(), b'aB\\xe9c'.swapcase(), b''.title(), b'x'.swapcase(), b\"they're\".title()",
    "return bytes(300).hex(':', 7), bytes(range(70)).hex('-', -5), (b'\\x01' * 65).hex(' ', 64), bytes.fromhex('0aFf'), bytes.fromhex(''), bytes.fromhex('0a ff')",
    "return bytes.fromhex('abc')", "return bytes.fromhex('zz' * 40)",
    "return b'-'.join([b'ab', b'', b'c']), b''.join([]), b'xy'.join([b'a']), b', '.join([b'a' * 70] * 3), b'ab' * 0, b'ab' * -3, b'abc' * 5, 3 * b'', b'a' * 1",
    "return b'-'.join([b'a', 'b'])",
    "a = bytes(range(200)) * 3\nb = bytes(range(200)) * 3 + b'\\x00'\nreturn a == a[:], a < b, b < a, a[:-1] < a, b'\\xff' > b'\\x01' * 100, b'' < b'\\x00', sorted([b'b', b'\\x80', b'a' * 80, b''])",
    "return b'%s|%5s|%-4b|%c|%c' % (b'x', b'ab', b'y', 65, b'z'), b'%(k)s' % {b'k': b'v'}, '%s%%%d' % ('a', 1), '%(a)s %(b)r' % {'a': 1, 'b': 'x'}",
    "return '%s %s' % (1,)", "return '%s' % (1, 2)", "return b'%s' % 1", "return '%(a' % {}", "return '%y' % 1", "return '100%' % ()",
  ])).toEqual([]);
});

it('refuses bytes past the size limit', () => {
  const engine = new Engine();
  expect(evaluator(engine, { source: `return bytes(10**9)` }).error).toMatch(/^MemoryError/);
  expect(evaluator(engine, { source: `return b'ab' * 10**9` }).error).toMatch(/^MemoryError/);
});

/** bytes as a sequence of ints: indexes, slices, iteration, `in`; its search, split, strip, case and hex methods; bytes(n) and bytes(ints) with their errors. */
it('indexes, searches and splits bytes as CPython does', () => {
  expect(compareWithCPython([
    "return b'abc'[0], b'abc'[-1], b'abc'[True]",
    "return b'abc'[3]",
    "return b'abc'[-4]",
    "return b'abc'['a']",
    "return b'abc'[1.0]",
    "return b'abc'[10**30]",
    "return b'abc'[2**60]",
    "return b'abcdef'[1:4], b'abcdef'[::-1], b'abcdef'[::2], b'abcdef'[10:], b'abcdef'[-2:], b'abcdef'[1:10**30]",
    "return list(b'ab\\xff'), [c for c in b'xy'], len(b'abc'), len(b'')",
    "return 97 in b'abc', 98 in b'', b'bc' in b'abc', b'' in b'a', b'x' in b'abc'",
    "return 256 in b'a'",
    "return 'a' in b'a'",
    "return b'a,b,,c'.split(b','), b' a  b \\t c\\n'.split(), b'a b c'.split(None, 1), b'a,b,c'.split(b',', maxsplit=1), b''.split(), b''.split(b',')",
    "return b'a,b,c'.rsplit(b',', 1), b'  a b  c '.rsplit(None, 1), b' a b '.rsplit(), b'a\\x1cb\\x85c\\xa0d'.split()",
    "return b'a'.split(b'')",
    "return b'a'.split('a')",
    "return b'a b'.split(sep=None, maxsplit=0), b'  a b  '.split(maxsplit=0), b'  a b  '.rsplit(maxsplit=0)",
    "return b'  xx  '.strip(), b'xxaxx'.strip(b'x'), b'  a '.lstrip(), b'  a '.rstrip(), b'\\x85a\\xa0'.strip(), b'abc'.strip(b'')",
    "return b'a'.strip('a')",
    "return b'a'.strip(None), b'a'.strip(b'a', b'b')",
    "return b'aaa'.replace(b'a', b'b'), b'aaa'.replace(b'a', b'bb', 2), b'abc'.replace(b'', b'-'), b'abc'.replace(b'', b'-', 2), b''.replace(b'', b'x'), b'abc'.replace(b'x', b'y'), b'aaa'.replace(b'a', b'', -1)",
    "return b'a'.replace('a', b'b')",
    "return b'a'.replace(b'a', b'b', count=1)",
    "return b'hello'.find(b'l'), b'hello'.rfind(b'l'), b'hello'.find(108), b'hello'.find(b'l', 3), b'hello'.find(b'l', -2, -1), b'hello'.find(b''), b'hello'.find(b'', 10), b'hello'.find(b'', 5), b'hello'.rfind(b''), b'hello'.find(b'z')",
    "return b'hello'.find('l')",
    "return b'hello'.find(300)",
    "return b'hello'.find(b'l', 'a')",
    "return b'hello'.index(b'l'), b'hello'.rindex(b'l'), b'hello'.index(104)",
    "return b'hello'.index(b'z')",
    "return b'hello'.rindex(b'z')",
    "return b'hello'.count(b'l'), b'aaaa'.count(b'aa'), b'abc'.count(b''), b'abc'.count(b'', 1), b'abc'.count(b'', 5), b'hello'.count(108), b'hello'.count(b'l', None, 3)",
    "return b'Hello World'.upper(), b'Hello World'.lower(), b'caf\\xc3\\xa9'.upper(), b'hELLO wORLD'.swapcase(), b'hello world'.capitalize(), b'hello world'.title(), b\"they're bill's\".title(), b'HELLO'.capitalize()",
    "return b','.join([b'a', b'b']), b''.join([]), b'-'.join(x for x in [b'x', b'y'])",
    "return b','.join([b'a', 'b'])",
    "return b','.join(5)",
    "return b','.join([1])",
    "return b'\\x00\\xff'.hex(), b'abc'.hex('-'), b'abcdef'.hex(':', 2), b'abcdef'.hex(':', -2), b'abcde'.hex(':', 2), b'abcde'.hex(':', -2), b'abc'.hex(b'.'), b''.hex('-'), b'abc'.hex(sep='_', bytes_per_sep=5), b'abcd'.hex('-', 0)",
    "return b'abc'.hex('--')",
    "return b'abc'.hex(1)",
    "return b'abc'.hex('\\xe9')",
    "return bytes.fromhex('de ad BE ef'), bytes.fromhex(''), bytes.fromhex(' 01 ')",
    "return bytes.fromhex('0g')",
    "return bytes.fromhex('012')",
    "return bytes.fromhex(b'01')",
    "return bytes.fromhex('0 1')",
    "return b'abc'.startswith(b'a'), b'abc'.startswith((b'x', b'ab')), b'abc'.endswith(b'bc'), b'abc'.startswith(b'b', 1), b'abc'.endswith(b'b', 0, 2), b'abc'.startswith(b'', 3), b'abc'.startswith(b'', 4), b'abc'.endswith(b'c', -1)",
    "return b'abc'.startswith('a')",
    "return b'123'.isdigit(), b''.isdigit(), b'abc'.isalpha(), b'ab1'.isalnum(), b' \\t'.isspace(), b'ABC1'.isupper(), b'abc'.islower(), b'\\xe9'.isalpha(), b'a\\x80'.isascii(), b'ab'.isascii()",
    "return b'a=b=c'.partition(b'='), b'a=b=c'.rpartition(b'='), b'abc'.partition(b'x'), b'abc'.rpartition(b'x')",
    "return b'a'.partition(b'')",
    "return b'prefix-x'.removeprefix(b'prefix-'), b'x.txt'.removesuffix(b'.txt'), b'abc'.removeprefix(b'z')",
    "return bytes(3), bytes([1, 2, 255]), bytes(range(3)), bytes(b'ab'), bytes(), bytes('\u00e9', 'utf-8'), bytes(True)",
    "return bytes(-1)",
    "return bytes(10**30)",
    "return bytes(1.5)",
    "return bytes(None)",
    "return bytes([256])",
    "return bytes([-1])",
    "return bytes([10**30])",
    "return bytes(['a'])",
    "return bytes([1.0])",
    "return bytes('a')",
    "return b'ab' * 2, 3 * b'x', b'a' + b'b', b'a' < b'b', b'a' == 'a', hash(b'ab') == hash(b'ab')",
    "return str.upper(b'x') if False else bytes.upper(b'abc'), bytes.split(b'a b')",
    "return bytes.upper('abc')",
    "return type(b'a'[0]).__name__, type(b'ab'[:1]).__name__, sorted(b'cab'), max(b'abc'), sum(b'\\x01\\x02')",
    "return b'abc'.decode(), b'abc'[1:].decode('ascii')",
  ])).toEqual([]);
});

/** What a bytes method makes is within the size limit, refused before it is made; a walk of one is paid for. */
it('keeps bytes within the limits', () => {
  // the clock out of the way: each loop ends at the step budget, soon
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const t0 = performance.now();
  // past memory, CPython's bare MemoryError (tested against it in sizes-past-memory.test.ts)
  expect(evaluator(engine, { source: 'return bytes(2**62)' }).error).toBe('MemoryError: ');
  for (const body of ['bytes(10**9)', "b'ab'.replace(b'', b'x' * 10**6)", "b'x' * 10**5 + b'y'.join([b'x' * 10**5] * 10)", "(b'x' * 600000).hex(':')", "b'a' * 10**6 + b'a'"]) {
    expect(evaluator(engine, { source: `return ${body}` }).error, body).toMatch(/^MemoryError: condition built a value of \d+ items; the limit is 1000000$/);
  }
  for (const body of ["b = b'a ' * 400000\nwhile True:\n    b.split()", "b = b'x' * 10**6\nwhile True:\n    b.find(b'y')", "b = b'x' * 10**6\nwhile True:\n    b.upper()", "b = b'x' * 10**6\nwhile True:\n    b[::-1]"]) {
    expect(evaluator(engine, { source: body }).error, body).toMatch(/^StepLimitError/);
  }
  expect(evaluator(engine, { source: 'return bytes(10**30)' }).error).toBe("OverflowError: cannot fit 'int' into an index-sized integer");
  expect(performance.now() - t0).toBeLessThan(5000);
});

/** The escaping error handlers: backslashreplace both ways, xmlcharrefreplace when encoding (decoding is CPython's TypeError). */
it('escapes what a codec cannot take as CPython does', () => {
  expect(compareWithCPython([
    `return 'aé€😀b'.encode('ascii', 'backslashreplace'), 'aé€😀b'.encode('ascii', errors='xmlcharrefreplace'), 'é'.encode('utf-8', 'backslashreplace')`,
    `return 'a\\ud800x\\udfffb'.encode('utf-8', 'backslashreplace'), '\\udc80'.encode('utf-8', 'xmlcharrefreplace'), bytes('\\x7f\\x80', 'ascii', 'backslashreplace')`,
    `return b'a\\xff\\xc3(\\xe2\\x82'.decode('utf-8', 'backslashreplace'), b'\\x80\\xffz'.decode('ascii', 'backslashreplace'), b'ok'.decode('ascii', 'xmlcharrefreplace')`,
    `return b'\\xff'.decode('utf-8', 'xmlcharrefreplace')`,
    `return b'\\xf0\\x9f\\x98'.decode(errors='backslashreplace'), len(b'\\xff'.decode('ascii', 'backslashreplace'))`,
    `return 'é'.encode('ascii', 'backslashreplace ')`,
  ])).toEqual([]);
});


/** bytes' center, ljust, rjust, zfill and expandtabs: str's padding on the octets, bytes' words for a bad fill. */
it('pads bytes as CPython does', () => {
  expect(compareWithCPython([
    "return b'ab'.center(6, 'x')",
    "return b'ab'.center(6, b'xy')",
    "return b'ab'.ljust(6, 5)",
    "return b'ab'.center('6')",
    "return b'ab'.zfill('a')",
    "return b'ab'.expandtabs('a')",
    "return b'ab'.center()",
    "return b'ab'.zfill()",
    "return b'-3'.zfill(5), b'+x'.zfill(1), b''.zfill(3), b'\\xe9'.zfill(3)",
    "return b'a\\tb\\n\\tc\\r\\t'.expandtabs(tabsize=4), b'\\t\\xe9\\t'.expandtabs(), b'a\\tb'.expandtabs(0), b'a\\tb'.expandtabs(-1)",
    "return b'ab'.center(2**63)",
    "return b'ab'.center(7, b'\\xff'), b'abc'.center(6, b'*'), b'ab'.ljust(5), b'ab'.rjust(5, b'0'), b'ab'.center(-3), b'abc'.center(2)",
    "return b'ab'.expandtabs(x=3)",
    "return b'ab'.zfill(x=3)",
    "return b'ab'.center(3, fillchar=b'x')",
  ])).toEqual([]);
});

/** bytes % args: %s and %b take bytes, %r and %a are ascii(), %c a byte, keys are bytes; CPython's errors. */
it('formats bytes with % as CPython does', () => {
  expect(compareWithCPython([
    "return b'%d' % 5, b'%s' % b'x', b'%x' % 255, b'%5.2f' % 3.14159, b'%r' % '\u00e9', b'%a' % b'\\xff', b'%-4d|' % 7",
    "return b'%s and %d' % (b'a', 2), b'%(a)s=%(b)d' % {b'a': b'k', b'b': 3}, b'%c%c' % (65, b'z'), b'%05.1f%%' % 2.25, b'%#x %#o %X %e %g' % (255, 8, 255, 1.5, 1e20)",
    "return b'%s' % 'x'",
    "return b'%b' % 5",
    "return b'%c' % 256",
    "return b'%c' % b'ab'",
    "return b'%c' % 'a'",
    "return b'%d %d' % 1",
    "return b'%d' % (1, 2)",
    "return b'%(a)s' % {'a': 1}",
    "return b'%(a)s' % 5",
    "return b'%z' % 5",
    "return b'%\\xe9' % 5",
    "return b'%' % ()",
    "return b'%d' % 'x'",
    "return b'%x' % 1.5",
    "return b'%.3s|%5s|%-5b|' % (b'abcdef', b'ab', b'x')",
    "return b'%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159)",
    "return b'\\xe9%s\\xff' % (b'\\x00',)",
    "return b'%s' % [1]",
    "return b'%d' % 10**30, b'%x' % -255, b'%i' % True, b'%r' % [b'a', 'b']",
    "return b'%s' % (b'a' * 1000)",
    "return b'' % (), b'abc' % {}, b'abc' % []",
    "return b'abc' % 5",
    "return b'%\\x01' % 5",
    "return b'%(\\xe9)s' % {b'\\xe9': b'ok'}",
    "return b'%(x)s' % {b'y': 1}",
    "return b'%s %s' % (b'a',)",
  ])).toEqual([]);
});

// found by a seeded differential fuzz: bytes' formatfloat words the TypeError its own way, str's % says 'must be real number'
it("refuses a value that is not a number for bytes' %f, %e and %g in their words", () => {
  expect(compareWithCPython([
    "return b'%f' % 's'", "return b'%e' % [1]", "return b'%g' % None", "return b'%.2f %e' % (b'', 1)", "return '%g' % None", "return b'%d' % 's'",
  ])).toEqual([]);
});

it('has every public method CPython gives bytes and bytearray', () => {
  // the names from CPython's dir() at test time, each read from a value and from the type
  const [names] = cpython([{ source: "return [(t, n) for t in ('bytes', 'bytearray') for n in dir(eval(t)) if not n.startswith('_')]" }]);
  const pairs = [...names.repr!.matchAll(/\('(\w+)', '(\w+)'\)/g)].map((m) => [m[1], m[2]]);
  expect(pairs.length).toBeGreaterThan(90);
  const engine = new Engine();
  const missing = pairs.flatMap(([type, name]) =>
    [`return ${type}().${name} is not None`, `return ${type}.${name} is not None`].filter((source) => evaluator(engine, { source }).repr !== 'True'),
  );
  expect(missing).toEqual([]);
});

it('splits lines, translates and tells titles of bytes as CPython does (and reads keepends as a C int, str too)', () => {
  expect(compareWithCPython([
    `return 'a'.splitlines(2**31)`,
    `return 'a'.splitlines(1.5)`,
    `return 'a\\nb'.splitlines('x')`,
    `return 'a\\nb'.splitlines(None)`,
    `return 'a\\nb'.splitlines(-2**31)`,
    `return 'a\\nb'.splitlines(10**30)`,
    `return b'ab\\ncd\\r\\nef\\rg'.splitlines(), b'ab\\ncd\\r\\n'.splitlines(True), b''.splitlines(), b'\\n'.splitlines(), b'\\r\\r\\n\\n'.splitlines(keepends=True), b'a\\x0bb\\x0cc\\x1cd\\x85e'.splitlines(), b'x\\r'.splitlines(1), b'x\\n\\r'.splitlines(False)`,
    `return bytearray(b'a\\nb\\r\\n').splitlines(), bytearray(b'a\\nb\\r\\n').splitlines(keepends=True), memoryview(b'x').tobytes().splitlines()`,
    `return b'a'.splitlines(1.5)`,
    `return b'a'.splitlines(None)`,
    `return b'a'.splitlines(10**30)`,
    `return b'a\\nb'.splitlines(2**31)`,
    `return b'a'.splitlines(x=1)`,
    `return b'a'.splitlines(1, 2)`,
    `return b'a'.splitlines(keepends=True, x=1)`,
    `return b'a\\nb'.splitlines('x')`,
    `t = bytes.maketrans(b'abc', b'xyz')
return len(t), t[97:100], b'abcabd'.translate(t), b'abcabd'.translate(t, b'b'), b'abcabd'.translate(None, b'ab'), b'abc'.translate(None), b'abc'.translate(t, delete=b'c'), b'hello'.translate(None, delete=bytearray(b'l'))`,
    `t = bytearray.maketrans(bytearray(b'a'), memoryview(b'b'))
return type(t).__name__, t[97], bytearray(b'aa').translate(t), type(bytearray(b'aa').translate(None)).__name__, b''.maketrans(b'', b'') == bytes(range(256)), bytearray(b'x').maketrans(b'x', b'y')[120]`,
    `b = b'abc'
return b.translate(None) is b, b.translate(bytes(range(256))) is b, b.translate(None, b'') is b, b.translate(None, b'z') is b`,
    `return b'a'.translate('x')`,
    `return b'a'.translate(b'x')`,
    `return b'a'.translate(None, 'a')`,
    `return b'a'.translate()`,
    `return b'a'.translate(table=None)`,
    `return b'a'.translate(None, delete=1)`,
    `return b'a'.translate(None, b'', 1)`,
    `return b'a'.translate(None, x=1)`,
    `return b'a'.translate(bytearray(256), b'')`,
    `return bytes.maketrans(b'a', b'bc')`,
    `return bytes.maketrans('a', b'b')`,
    `return bytes.maketrans(b'a', 'b')`,
    `return b''.maketrans(b'a')`,
    `return bytes.maketrans(b'a', b'b', b'c')`,
    `return bytes.maketrans(b'a', to=b'b')`,
    `return bytes.maketrans()`,
    `return bytearray.maketrans(1, 2)`,
    `return [bytes(x).istitle() for x in [b'A', b'Ab Cd', b'AB', b'aB', b'', b'1A', b'A1a', b'1', b'\\xe9A', b'A\\xe9a', b'Ab-Cd', b"They'Re", b'a', b' A ']], bytearray(b'Ab').istitle()`,
    `return b'x'.istitle(1)`,
    `b = bytes(range(256)) * 4
return b.istitle(), b.title().istitle(), b.translate(bytes(range(255, -1, -1)))[:10], len(b.splitlines()), b.splitlines(True)[:3]`,
    `return bytes.maketrans.__name__, b''.translate.__name__`,
  ])).toEqual([]);
});

// found by a seeded differential fuzz: Argument Clinic converts both of hex()'s arguments before the separator is checked
it("reads hex()'s bytes_per_sep before its separator, as CPython does", () => {
  expect(compareWithCPython([
    "out = []\nfor b in [b'abc', bytearray(b'abcd'), memoryview(b'ab')]:\n    for a in [('xy', 'q'), ({1}, 'q'), ('x', 2), (b':', -1), ('xy', 2), (1, 2), ('\u00e9', 1), ('x', 2.0), (':', 2**31), (':', -2**31 - 1), (':', -2**31)]:\n        try:\n            out.append(b.hex(*a))\n        except Exception as e:\n            out.append((type(e).__name__, str(e)))\nreturn out",
  ])).toEqual([]);
});
