import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

// the module's first use in a worker compiles its code and patterns: done once, before the timed cases
compareWithCPython(["import urllib.parse as p\nreturn p.urlsplit('http://[::1]/a').port, p.quote('é'), p.unquote('%41'), p.parse_qs('a=1'), p.urljoin('http://a/b', 'c')"]);

const NAMES = 'quote, quote_plus, quote_from_bytes, unquote, unquote_plus, unquote_to_bytes, urlencode, parse_qs, parse_qsl, urlsplit, urlunsplit, urlparse, urlunparse, urljoin, urldefrag, SplitResult, ParseResult, ParseResultBytes';
const IMPORT = `from urllib.parse import ${NAMES}\nimport urllib.parse\n`;

/** quote and unquote, their plus and bytes forms, and urlencode, as CPython 3.11 answers them. */
it('quotes and unquotes as CPython does', () => {
  const exprs = [
    `quote('a b/c?d=é&f~_.-')`, `quote('a b/c', safe='')`, `quote('')`, `quote('😀 ü')`, `quote(b'a b\\xff')`, `quote('é', encoding='latin-1')`, `quote('é', encoding='ascii')`, `quote('é', encoding='ascii', errors='replace')`,
    `quote(b'x', encoding='utf-8')`, `quote(b'x', errors='strict')`, `quote(5)`, `quote(None)`, `quote('a/b', safe='é/')`, `quote('a:b', safe=b':')`, `quote('a:b', safe=[58])`, `quote('a:b', safe=['x'])`,
    `quote('\\ud800')`, `quote(bytearray(b'a b'))`, `quote('abc', safe=None)`, `quote()`, `quote('a', '/', None, None, 1)`, `quote('a', bogus=1)`,
    `quote_plus('a b+c/d')`, `quote_plus('a b', safe='/ ')`, `quote_plus(b'a b')`, `quote_plus(bytearray(b'a b'))`, `quote_plus('ab')`, `quote_plus('a b', safe=b'/')`, `quote_plus(3)`, `quote_plus('é ü', encoding='latin-1')`,
    `quote_from_bytes(b'a b/\\x00')`, `quote_from_bytes(b'')`, `quote_from_bytes('abc')`, `quote_from_bytes(b'abc~')`, `quote_from_bytes(b'a&b', '&')`,
    `unquote('a%20b%2Fc%zz%4')`, `unquote('%C3%A9%e2%82%ac')`, `unquote('%C3')`, `unquote('%ff%fe')`, `unquote('é%C3%A9😀%F0%9F%98%80')`, `unquote('%E9', encoding='latin-1')`, `unquote('%E9', errors='strict')`,
    `unquote('%E9', errors='ignore')`, `unquote(b'a%20b')`, `unquote(b'%E9')`, `unquote('')`, `unquote('abc')`, `unquote(5)`, `unquote(None)`, `unquote([])`, `unquote(['%'])`, `unquote(bytearray(b'%41'))`,
    `unquote('%EF%BB%BFx')`, `unquote('%ED%A0%80')`, `unquote('%41%42', 'ascii')`, `unquote('%')`, `unquote('%%')`, `unquote('%4g%41')`,
    `unquote_plus('a+b%2Bc')`, `unquote_plus(b'a+b')`, `unquote_plus('%E9+', encoding='latin-1')`, `unquote_plus(5)`,
    `unquote_to_bytes('a%20b%C3%A9é')`, `unquote_to_bytes(b'%41%zz')`, `unquote_to_bytes('')`, `unquote_to_bytes(b'')`, `unquote_to_bytes(0)`, `unquote_to_bytes(5)`, `unquote_to_bytes(bytearray(b'ab'))`,
    `unquote_to_bytes(bytearray(b'%41'))`, `unquote_to_bytes('\\ud800')`, `unquote_to_bytes([])`,
    `urlencode({'a': 1, 'b': 'x y', 'c': 'é&='})`, `urlencode([('a', 1), ('a', 2)])`, `urlencode({'a': [1, 2]})`, `urlencode({'a': [1, 2]}, doseq=True)`, `urlencode({'a': [1, 2]}, True)`,
    `urlencode({'a': 'x', 'b': b'y z', b'k': 3}, doseq=True)`, `urlencode({'a': (1, 'é')}, doseq=True)`, `urlencode({'a': 5}, doseq=True)`, `urlencode({'a': 'é'}, encoding='latin-1')`, `urlencode({'a': '/ x'}, safe='/')`,
    `urlencode({'a': '/ x'}, quote_via=quote)`, `urlencode({'a b': None, 'c': True})`, `urlencode([])`, `urlencode({})`, `urlencode('abc')`, `urlencode([['a', 1]])`, `urlencode(5)`, `urlencode([('a', 1, 2)])`,
    `urlencode([(1,)])`, `urlencode({'a': 'b'}, quote_via=lambda s, *a: s.upper())`, `urlencode({'a': 'b'}, quote_via=lambda s, *a: 1)`, `urlencode({'a': {1: 2}}, doseq=True)`, `urlencode({'a': ''}, doseq=True)`,
  ];
  expect(compareWithCPython(exprs.map((e) => `${IMPORT}return ${e}`))).toEqual([]);
});

/** urlsplit, urlparse, their reverses, urljoin, urldefrag and the query parsers. */
it('splits, joins and parses as CPython does', () => {
  const exprs = [
    `urlsplit('https://user:pw@Example.COM:8080/a/b;p?q=1&r=2#frag')`, `urlparse('https://user:pw@Example.COM:8080/a/b;p?q=1&r=2#frag')`, `urlparse('http://a/b;x/c;y')`, `urlparse('mailto:a@b.c')`,
    `urlsplit('//host/path')`, `urlsplit('path?q#f', scheme='http')`, `urlsplit('a#b#c?d', allow_fragments=False)`, `urlsplit('')`, `urlsplit(' \\x00http://x/\\ty\\n')`, `urlsplit('HTTP://X')`, `urlsplit('1http://x')`,
    `urlsplit('ht_tp://x')`, `urlsplit('é:x')`, `urlsplit('http:80')`, `urlsplit('x', scheme=' HT ')`, `urlsplit('http://[::1]:80/p')`, `urlsplit('http://[::1/p')`, `urlsplit('http://::1]/p')`, `urlsplit('http://[1.2.3.4]/')`,
    `urlsplit('http://[v1.x]/')`, `urlsplit('http://[vz.x]/')`, `urlsplit('http://[fe80::1%eth0]/')`, `urlsplit('http://[::ffff:1.2.3.4]/')`, `urlsplit('http://[::1::2]/')`, `urlsplit('http://[12345::]/')`,
    `urlsplit('http://[1:2:3:4:5:6:7:8]/')`, `urlsplit('http://[1:2:3:4:5:6:7]/')`, `urlsplit('http://[:1:2:3:4:5:6:7]/')`, `urlsplit('http://[::01.2.3.4]/')`, `urlsplit('http://[fe80::1%]/')`, `urlsplit('http://[]/')`,
    `urlsplit('http://ex\\uff03ample.com/')`, `urlsplit('http://exämple.com/')`, `urlsplit('http://a\\u2100b/')`, `urlsplit(b'http://x/y?z#w')`, `urlsplit(b'http://x', 'ftp')`, `urlsplit(b'http://x', '')`, `urlsplit('x', b'http')`,
    `urlsplit(b'http://\\xe9')`, `urlsplit(5)`, `urlsplit(None)`, `urlsplit([])`, `urlsplit(bytearray(b'x'))`, `urlsplit('x', allow_fragments=[])`, `urlparse(b'http://x/a;b')`, `urlparse('tel:+1;ext=2')`,
    `urlparse('http://x/a;b/c')`, `urlparse('x;y')`, `urlparse('http://x/p;')`,
    `urlunsplit(('http', 'x', 'p', 'q', 'f'))`, `urlunsplit(('', '', '//p', '', ''))`, `urlunsplit(('http', '', 'p', '', ''))`, `urlunsplit(('mailto', '', 'a@b', '', ''))`, `urlunsplit(['a', 'b', 'c', 'd', 'e'])`,
    `urlunsplit((b'http', b'x', b'/p', b'', b''))`, `urlunsplit(('http', 'x', 'p', 'q'))`, `urlunsplit(('http', 'x', 'p', 'q', 'f', 'g'))`, `urlunsplit(())`, `urlunsplit(5)`, `urlunsplit(('http', b'x', '', '', ''))`,
    `urlunsplit(('http', None, '/p', None, None))`, `urlunsplit((None, None, None, None, None))`, `urlunparse(('http', 'x', '/p', 'a', 'q', 'f'))`, `urlunparse(('http', 'x', '/p', '', '', ''))`, `urlunparse(('a', 'b', 'c', 'd', 'e'))`,
    `urlunparse(urlparse('HTTP://x/a;b?c#d'))`, `urlunsplit(urlsplit('http://x:80/?#'))`,
    `urljoin('http://a/b/c/d;p?q', 'g')`, `urljoin('http://a/b/c/d;p?q', './g')`, `urljoin('http://a/b/c/d;p?q', 'g/')`, `urljoin('http://a/b/c/d;p?q', '/g')`, `urljoin('http://a/b/c/d;p?q', '//g')`,
    `urljoin('http://a/b/c/d;p?q', '?y')`, `urljoin('http://a/b/c/d;p?q', 'g?y')`, `urljoin('http://a/b/c/d;p?q', '#s')`, `urljoin('http://a/b/c/d;p?q', ';x')`, `urljoin('http://a/b/c/d;p?q', '')`,
    `urljoin('http://a/b/c/d;p?q', '.')`, `urljoin('http://a/b/c/d;p?q', '..')`, `urljoin('http://a/b/c/d;p?q', '../..')`, `urljoin('http://a/b/c/d;p?q', '../../../g')`, `urljoin('http://a/b/c/d;p?q', '/./g')`,
    `urljoin('http://a/b/c/d;p?q', 'g..')`, `urljoin('http://a/b/c/d;p?q', './../g')`, `urljoin('http://a/b/c/d;p?q', 'g;x=1/../y')`, `urljoin('http://a/b/c/d;p?q', 'http:g')`, `urljoin('http://a/b', 'https://c/d')`,
    `urljoin('', 'x')`, `urljoin('x', '')`, `urljoin(None, 'x')`, `urljoin('http://a/', None)`, `urljoin(b'http://a/b/', b'c')`, `urljoin(b'http://a/', 'c')`, `urljoin('mailto:a', 'b')`, `urljoin('http://a//b//c', 'd')`,
    `urljoin('http://a/b', '#f', allow_fragments=False)`, `urljoin(5, 'x')`, `urljoin('http://a/b/', 'c/./d/../e')`,
    `urldefrag('http://a/b#frag')`, `urldefrag('http://a/b')`, `urldefrag(b'http://a/b#f')`, `urldefrag('http://a/b;p?q#')`, `urldefrag('#x')`, `urldefrag(5)`,
    `parse_qsl('a=1&b=2&a=3')`, `parse_qsl('a=1&&b=&c')`, `parse_qsl('a=1&&b=&c', keep_blank_values=True)`, `parse_qsl('a=1&&b', strict_parsing=True)`, `parse_qsl('a=1&b', strict_parsing=True)`, `parse_qsl('a+b=c+d%20e')`,
    `parse_qsl('a=%E9', encoding='latin-1')`, `parse_qsl('a=%E9')`, `parse_qsl('a=1;b=2', separator=';')`, `parse_qsl('a=1&b=2', max_num_fields=1)`, `parse_qsl('a=1&b=2', max_num_fields=2)`, `parse_qsl('')`,
    `parse_qsl(b'a=1&b=%41')`, `parse_qsl(b'a=%C3%A9')`, `parse_qsl(None)`, `parse_qsl(5)`, `parse_qsl('a=1', separator='')`, `parse_qsl('a=1', separator=None)`, `parse_qsl('a=1', separator=5)`, `parse_qsl('a=1', separator=b'&')`,
    `parse_qsl('a=b=c')`, `parse_qsl('=x')`, `parse_qsl('a=1', max_num_fields='x')`, `parse_qsl('é=ü&😀=%F0%9F%98%80')`,
    `parse_qs('a=1&b=2&a=3')`, `parse_qs('a=&b', keep_blank_values=1)`, `parse_qs(b'x=1&x=2')`, `parse_qs('a=1', bogus=2)`, `parse_qs('a=1&b', True, True)`,
  ];
  expect(compareWithCPython(exprs.map((e) => `${IMPORT}return ${e}`))).toEqual([]);
});

/** The results' attributes, methods and types. */
it('answers the result types as CPython does', () => {
  const bodies = [
    `r = urlsplit('https://user:pw@Example.COM:8080/a?q#f')\nreturn r.scheme, r.netloc, r.path, r.query, r.fragment, r.username, r.password, r.hostname, r.port, r.geturl()`,
    `r = urlparse('http://[FE80::1%ETH0]:443/x')\nreturn r.hostname, r.port, r.params, r.username`, `r = urlsplit('http://u@h')\nreturn r.username, r.password, r.hostname, r.port`,
    `r = urlsplit('http://u:@h:')\nreturn r.username, r.password, r.port`, `return urlsplit('http://h:99999').port`, `return urlsplit('http://h:x1').port`, `return urlsplit('http://h:-1').port`, `return urlsplit('http://h:٣').port`,
    `return urlsplit('http://h:0080').port`, `return urlsplit('http://h:' + '9' * 30).port`, `r = urlsplit('/p')\nreturn r.hostname, r.port, r.username`, `return urlsplit('http://a@b@C').hostname, urlsplit('http://a@b@C').username`,
    `r = urlsplit(b'http://u:p@H:1/p')\nreturn r, r.hostname, r.port, r.username, r.password, r.geturl(), r.decode(), type(r).__name__`, `r = urlsplit('http://x/é')\nreturn r.encode('utf-8'), r.encode()`,
    `r = urlparse('http://x/p;a?q#f')\nreturn r.geturl(), r._replace(path='/z').geturl(), r._asdict(), tuple(r), len(r), r[2], r == ('http', 'x', '/p', 'a', 'q', 'f')`,
    `d = urldefrag('http://x#f')\nreturn d.url, d.fragment, d.geturl(), d, type(d).__name__, d.encode()`, `d = urldefrag(b'http://x#f')\nreturn d.geturl(), d.decode()`, `return urldefrag('http://x').geturl()`,
    `return repr(SplitResult), repr(ParseResultBytes), SplitResult('a', 'b', 'c', 'd', 'e'), SplitResult._fields, ParseResult._make(['a'] * 6).geturl()`, `return SplitResult('a', 'b')`, `return SplitResult._make([1])`,
    `r = urlsplit('http://x')\nreturn r.geturl(1)`, `r = urlsplit('http://x')\nreturn r.nope`, `r = urlsplit('http://x')\nr.scheme = 'y'`, `r = urlsplit('http://x/é')\nreturn r.encode()`,
    `a, b, c, d, e = urlsplit('s://n/p?q#f')\nreturn a + b + c + d + e`, `return isinstance(urlsplit('x'), tuple), hash(urlsplit('x')) == hash(('', '', 'x', '', ''))`, `return urlsplit('http://x') == urlsplit('http://x'), urlsplit('x') < urlsplit('y')`,
    `import urllib\nreturn urllib.parse.quote('a b'), type(urllib.parse).__name__`, `import urllib.parse as up\nreturn up.unquote('%41')`, `from urllib import parse\nreturn parse.urlsplit('x').path`,
    `match urlsplit('http://x/p'):\n    case SplitResult(scheme='http', path=p):\n        return p`,
    `return urllib.parse.quote('/a b', '')`, `return urlsplit('http://x').hostname is None, urlsplit('http://@x').username`,
  ];
  expect(compareWithCPython(bodies.map((b) => `${IMPORT}${b}`))).toEqual([]);
});

/** Hostile inputs (huge, slow, recursive) end in the limits' errors, soon (the bound allows for a loaded machine). */
it.each([
    ["import urllib.parse as p\nreturn len(p.quote('\u00e9' * 200000))", /^(StepLimitError|MemoryError)/],
    ["import urllib.parse as p\nreturn len(p.unquote('%C3%A9' * 160000))", /^(StepLimitError|MemoryError)/],
    ["import urllib.parse as p\nreturn len(p.parse_qsl('a=1&' * 240000))", /^(StepLimitError|MemoryError)/],
    ["import urllib.parse as p\nreturn len(p.urljoin('http://a/' + 'b/' * 400000, '../' * 300000))", /^(StepLimitError|MemoryError)/],
    ["import urllib.parse as p\nreturn len(p.urlencode({str(i): [i] * 10 for i in range(10**5)}, doseq=True))", /^(StepLimitError|MemoryError)/],
    ["import urllib.parse as p\nreturn p.urlsplit('http://[' + ':' * 900000 + ']/')", /^(StepLimitError|ValueError)/],
    ["import urllib.parse as p\nreturn p.urlsplit('http://\\uff03' * 100000)", /^(StepLimitError|ValueError)/],
    ["import urllib.parse as p\nreturn p.urlsplit('http://x/' + '\u00e9' * 900000).hostname", /^('x'|StepLimitError)/],
])('ends %j within the limits', (source, error) => {
  const engine = new Engine();
  const started = performance.now();
  const out = evaluator(engine, { source });
  expect(out.repr ?? out.error).toMatch(error);
  expect(performance.now() - started).toBeLessThan(1500);
});

/** Odd inputs: str subclasses, non-ASCII and odd whitespace, odd option types, codecs and error handlers. */
it('answers odd inputs as CPython does', () => {
  expect(compareWithCPython([
    `import urllib.parse as p\nclass S(str):\n    pass\nreturn p.quote(S('a b')), p.urlsplit(S('http://x/y')), p.unquote(S('%41')), type(p.unquote(S('a'))).__name__`,
    `import urllib.parse as p\nreturn p.quote('a/b c', safe='é c'), p.quote('x', safe=''), p.quote_plus('a+b c', safe='+')`,
    `import urllib.parse as p\nreturn p.urlencode({(1, 2): 'x'}), p.urlencode([(None, None)])`,
    `import urllib.parse as p\nreturn p.parse_qs('a=1;;b=2', separator=';;'), p.parse_qsl('a=1&b=2', separator='&b')`,
    `import urllib.parse as p\nreturn p.urljoin(b'http://a/', 'c'), p.urljoin('http://a/', b'c')`,
    `import urllib.parse as p\nreturn p.urlparse('http://x', scheme=5)`,
    `import urllib.parse as p\nreturn p.urlparse('x', scheme=None), p.urlsplit('x', None)`,
    `import urllib.parse as p\nr = p.urlsplit('http://h%25x:/')\nreturn r.hostname, r.port`,
    `import urllib.parse as p\nreturn p.urlsplit('http://a:b@[::1]:8/').password, p.urlsplit('http://[::1]x:5/').port, p.urlsplit('http://[::1]:5:6/').port`,
    `import urllib.parse as p\nreturn p.urlsplit('http://ÉXAMPLE.com/').hostname, p.urlsplit('http://İ/').hostname`,
    `import urllib.parse as p\nreturn p.urlsplit('javascript:alert(1)'), p.urlsplit('c:\\\\x\\\\y'), p.urlsplit('  //x  '), p.urlsplit('a\\tb:c')`,
    `import urllib.parse as p\nreturn p.urlunsplit(p.urlsplit('file:///etc/x')), p.urlunsplit(('file', '', '/x', '', '')), p.urljoin('file:///a/b', 'c')`,
    `import urllib.parse as p\nreturn p.unquote('%C3%A9', 'latin-1'), p.unquote('%C3%A9', 'utf-16', 'ignore'), p.unquote('%zz%C3', errors='backslashreplace')`,
    `import urllib.parse as p\nreturn p.unquote('%C3%A9', encoding='nope')`,
    `import urllib.parse as p\nreturn p.quote('é', encoding='nope'), 1`,
    `import urllib.parse as p\nreturn p.quote('é', errors='nope')`,
    `import urllib.parse as p\nreturn p.urlencode({'a': 'é'}, encoding='ascii', errors='xmlcharrefreplace')`,
    `import urllib.parse as p\nreturn p.parse_qsl('a=%FF', errors='strict')`,
    `import urllib.parse as p\nreturn p.urldefrag('http://x/#a#b'), p.urldefrag(b'x')`,
    `import urllib.parse as p\nreturn p.SplitResult(1, 2, 3, 4, 5).geturl()`,
    `import urllib.parse as p\nreturn p.SplitResult('http', None, '/a', None, None).geturl(), p.ParseResult('', '', 'x', 'y', '', '').geturl()`,
  ])).toEqual([]);
});

/** Random URLs of schemes, hosts, ports, paths, queries and fragments: split, parsed, joined and put back as CPython does. */
it('splits and joins random URLs as CPython does', () => {
  let seed = 11;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const pick = <T>(xs: T[]): T => xs[rnd(xs.length)];
  const part = () => pick(['', 'http:', 'HTTPS:', 'ftp:', 'mailto:', 'x+y:', 'file:', '1a:', 'tel:']) + pick(['', '//', '//h', '//u:p@H.com:80', '//[::1]:8', '//é.com', '//@:', '//h:x']) +
    pick(['', '/', '/a/b', 'a/b/../c', '/./x;p', ';q', '/a;b/c;d', '..', '../../g', '%41%zz', ' sp ']) + pick(['', '?', '?a=1&b=%20', '?q#', '?x;y']) + pick(['', '#', '#f', '#a#b']);
  const cases: string[] = [];
  for (let i = 0; i < 60; i++) {
    const a = JSON.stringify(part());
    const b = JSON.stringify(part());
    cases.push(`import urllib.parse as p\nr = p.urlsplit(${a})\nq = p.urlparse(${a})\nreturn r, q, r.geturl(), q.geturl(), p.urljoin(${a}, ${b}), p.urldefrag(${b}), p.parse_qsl(r.query, True)`);
    cases.push(`import urllib.parse as p\nr = p.urlsplit(${a})\nreturn r.hostname, r.port, r.username, r.password`);
  }
  expect(compareWithCPython(cases)).toEqual([]);
});

/** Names, modules, types and subclasses: what introspection and a subclass's own __init__ meet. */
it('answers introspection and subclasses as CPython does', () => {
  expect(compareWithCPython([
    `import urllib.parse as p\nreturn type(p.urlsplit('x')).__module__, p.SplitResult.__name__, p.quote.__name__, p.urlsplit('x').__class__.__name__`,
    `import urllib.parse as p\nreturn isinstance(p.urlsplit('x'), p.SplitResult), isinstance(p.urlsplit(b'x'), p.SplitResult), isinstance(p.urlparse('x'), tuple)`,
    `import urllib.parse as p\nr = p.urlsplit('http://a/b')\nreturn r._replace(netloc='c').geturl(), type(r._replace(netloc='c')).__name__, r._replace(netloc='u@h:1').port`,
    `import urllib.parse as p\nreturn p.urlunsplit(p.SplitResult._make(['a', 'b', 'c', 'd', 'e'])), p.SplitResult(scheme='s', netloc='n', path='p', query='q', fragment='f')`,
    `import urllib.parse as p\nreturn str(p.urlsplit('http://x')), f"{p.urlsplit('http://x')}", p.urlsplit('http://x') + ('a',)`,
  ])).toEqual([]);
});
