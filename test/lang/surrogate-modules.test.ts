import fc from 'fast-check';
import { expect, it } from 'vitest';
import { clockLifted, compareWithCPython } from '../support/cpython.js';
import { announceSeed } from '../support/fuzz-seed.js';

/**
 * Lone surrogates through the stdlib modules that read and write strs on their own (widths,
 * chunks, parsers, tables): a lone high surrogate is held as its unit twice (codepoints.ts),
 * so a module that counts units, splits a JS string into characters or runs a 'u' pattern
 * over it reads one character as two, or a lone high and a lone low as the pair '😀'.
 */
const TEXTWRAP = [
  // widths in code points, long words cut between code points, chunks as CPython's patterns make them
  "import textwrap\ns = 'ab ' + chr(0xd83d) * 3 + ' cd ' + chr(0xd83d) + '\\udc00' + ' ef'\nreturn textwrap.wrap(s, 4), textwrap.wrap(s, 3), [len(x) for x in textwrap.wrap(s, 5)]",
  "import textwrap\ns = chr(0xd83d) * 10\nreturn textwrap.wrap(s, 3), textwrap.fill(s, 4), textwrap.wrap('x' + s + '-ab-cd', 5)",
  "import textwrap\nreturn textwrap.wrap('ab\\ud835\\udc00-cd', 3), textwrap.wrap('a\\ud835\\udc00\\ud835\\udc00-cd', 2), textwrap.wrap('x\\ud835\\udc00--y ab', 3)",
  "import textwrap\ns = '😀\\ud83d \\ude00😀 ' * 4\nreturn textwrap.shorten(s, 12), textwrap.shorten(s, 9, placeholder='\\ud83d..'), textwrap.wrap(s, 6, max_lines=2, placeholder='\\ud83d')",
  "import textwrap\nreturn textwrap.wrap('\\ud83d' * 5 + '-' + '\\ud83d' * 5, 6), textwrap.wrap('ab-' + '\\ud83d' * 7, 5), textwrap.wrap('\\ud83d\\ude00' * 4, 3, break_on_hyphens=False)",
  "import textwrap\nw = textwrap.TextWrapper(width=4, initial_indent='\\ud83d\\ud83d', subsequent_indent='\\ud83d')\nreturn w.wrap('abc def ghi'), w.fill('\\ud83d\\ud83d\\ud83d \\ud83d\\ud83d'), textwrap.dedent('  \\ud83dx\\n  \\ud83dy\\n'), textwrap.indent('a\\nb', '\\ude00\\ud83d')",
];

const HTML = [
  // a name of html5 (a condition's own) is up to 32 code points, and its prefixes are cut between code points
  "import html.entities, html\nhtml.entities.html5['qq\\ud83d'] = '?'\nreturn html.unescape('&qq\\ud83d\\ude00'), html.unescape('&qq\\ud83d\\ud83d;'), html.unescape('&#xd83d;&#55357;&#x1f600;'), html.escape('\\ud83d<\\ude00>&')",
  "import html.entities, html\nhtml.entities.html5['q' + '\\ud83d' * 20 + ';'] = '!'\nhtml.entities.html5['r' + '\\ud83d' * 40] = '?'\nreturn html.unescape('&q' + '\\ud83d' * 20 + ';'), html.unescape('&r' + '\\ud83d' * 40 + ';') == '&r' + '\\ud83d' * 40 + ';', html.unescape('&q' + '\\ud83d' * 19 + ';')",
];

const DATETIME = [
  // a directive is the code point after '%'; re's positions count code points
  "import datetime\nout = []\nfor f in ['😀%Y%Y', '\\ud83d%Y%Y', '\\ud83d\\ude00 %Y%Y', '%😀', '%\\ud83d\\ude00', '%\\ude00', '%Y%\\udbff']:\n    try:\n        out.append(datetime.datetime.strptime('2024', f))\n    except Exception as e:\n        out.append(repr(e))\nreturn out",
  // fromisoformat: any character where a separator is looked for (7, 8 or 10), a surrogate there too
  "import datetime\nout = []\nfor s in ['2024-05-06😀07:08', '2024-05-06\\ud83d07:08', '2024W01😀07:08', '2024W01\\ud83d07:08', '2024W01é07:08', '2024W017\\ud83d07:08', '2024-W01\\ud83d07:08', '2024-W01é07:08', '20240506\\ud83d07:08', '20240506😀07:08', '2024-05-06\\ud83d\\ude00', '2024-05-06😀', '2024-05-06\\ud83d', '2024-05-06😀07:08😀', '2024-05-06é07:08é', '2024-05-06\\ude0007', '2024-W01-1\\ud83d07', '2024W011😀07']:\n    try:\n        out.append(datetime.datetime.fromisoformat(s))\n    except Exception as e:\n        out.append(repr(e))\nreturn out",
];

const FORMAT = [
  // a spec's type is one code point; %-format's index counts code points; _decimal encodes its spec as UTF-8 first
  "import decimal\nout = []\nfor f in [lambda: format('x', '\\ud83d'), lambda: format(1, '\\ud83d'), lambda: format(2, ',\\ud83d'), lambda: format(2.5, '\\ud83d'), lambda: format(2j, '\\ud83d'), lambda: '😀%\\ud83d' % 1, lambda: '\\ud83d\\ud83d%\\ude00' % 1, lambda: '😀%😀' % 1, lambda: '😀%5%' % 1]:\n    try:\n        out.append(f())\n    except Exception as e:\n        out.append(repr(e))\nreturn out",
  "return format(0xd83d, '>3c'), '{:*^5c}'.format(0xd83d), format(0x1f600, '<4c'), '%3c|%-3c' % (0xd83d, 0xd83d), format(0xde00, '^4c')",
  "import datetime\nd = datetime.datetime(2024, 5, 6, 7, 8)\nout = []\nfor s in ['\\ud83d', '😀', '\\ude00', '\\ud83d\\ude00']:\n    try:\n        out.append(d.isoformat(s))\n    except Exception as e:\n        out.append(repr(e))\nreturn out",
  "import decimal\nout = []\nfor s in ['\\ud83d>5', 'x\\udc00', '😀>5', '>5\\ud83d\\ude00']:\n    try:\n        out.append(format(decimal.Decimal('1.5'), s))\n    except Exception as e:\n        out.append(repr(e))\nreturn out",
];

// a loaded machine's first regular expressions beyond ASCII can take longer than a run's wall time
const untimed = clockLifted();

it('wraps strs holding lone surrogates as CPython does (textwrap)', () => {
  expect(compareWithCPython(TEXTWRAP, untimed)).toEqual([]);
});

it('unescapes names holding lone surrogates as CPython does (html)', () => {
  expect(compareWithCPython(HTML, untimed)).toEqual([]);
});

it('reads formats and ISO strings holding lone surrogates as CPython does (datetime)', () => {
  expect(compareWithCPython(DATETIME, untimed)).toEqual([]);
});

const ALPHABET = ['a', 'b', 'Z', 'W', ' ', '-', ':', '%', '%Y', '%m', '\\t', '\\n', 'é', '\\u0301', '😀', '𝐀', '\\ud83d', '\\ud835', '\\udbff', '\\ude00', '\\udc00', '.', '&', '#', '0', '9'];

type Op = (v: { s: string; t: string; c: string; n: number }) => string;
const OPS: Op[] = [
  ({ s, n }) => `import textwrap\nreturn textwrap.wrap(${s} * 2, ${n}), textwrap.fill(${s}, ${n + 1}, break_long_words=${n % 2 === 0 ? 'True' : 'False'})`,
  ({ s, t, c, n }) => `import textwrap\nreturn textwrap.shorten(${s} + ' ' + ${t}, ${n + 5}, placeholder=${c} or '..'), textwrap.wrap(${s}, ${n}, max_lines=2, placeholder=${c} + '.')`,
  ({ s, t, c, n }) => `import textwrap\nreturn textwrap.wrap(${s}, ${n + 3}, initial_indent=${c}, subsequent_indent=${t}[:2], break_on_hyphens=False, drop_whitespace=${n > 3 ? 'True' : 'False'})`,
  ({ s, t, c }) => `import textwrap\nreturn textwrap.dedent(${s}), textwrap.indent(${s}, ${c}), textwrap.indent(${t}, ${c}, lambda l: len(l) > 2)`,
  ({ s, n }) => `import textwrap\nreturn textwrap.wrap(${s}, ${n}, fix_sentence_endings=True, expand_tabs=False, replace_whitespace=False)`,
  ({ s, t, c }) => `import html\nreturn html.unescape('&' + ${s} + ';' + ${t}), html.unescape('&amp' + ${s} + '&#' + ${c} + ';'), html.escape(${s} + '<"' + ${t})`,
  ({ s }) => `import datetime\ntry:\n    return datetime.datetime.strptime('2024' + ${s}, '%Y' + ${s})\nexcept Exception as e:\n    return repr(e)`,
  ({ t, c }) => `import datetime\ntry:\n    return datetime.datetime.strptime(${t} + '05' + ${c}, ${t} + '%m' + ${c} + '%')\nexcept Exception as e:\n    return repr(e)`,
  ({ s, t, c }) => `import datetime\nd = datetime.datetime(2024, 5, 6, 7, 8, 9)\nreturn d.strftime(${s} + '%Y' + ${t} + '%' + ${c}), format(d.date(), ${s} + '%d')`,
  ({ s, c }) => `import datetime\nout = []\nfor s in ['2024-05-06' + ${c} + '07:08', '2024W01' + ${c} + '07', '20240506' + ${c} + '07' + ${c}, ${s}, '2024-05-06T07' + ${c}]:\n    try:\n        out.append(datetime.datetime.fromisoformat(s))\n    except Exception as e:\n        out.append(repr(e))\nreturn out`,
  ({ s, c }) => `from fractions import Fraction\nfrom decimal import Decimal\nout = []\nfor s in [${s}, '1' + ${c}, ${c} + '2/3', '1.5' + ${c}]:\n    for f in (Fraction, Decimal, float, int):\n        try:\n            out.append(f(s))\n        except Exception as e:\n            out.append(type(e).__name__)\nreturn out`,
  ({ s, t }) => `import unicodedata as u\nreturn [(u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c), u.mirrored(c), u.decomposition(c), u.name(c, None), u.numeric(c, -1)) for c in ${s}], [u.normalize(f, ${s}) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')], [u.is_normalized(f, ${t}) for f in ('NFC', 'NFKD')]`,
];

const seed = announceSeed('lone surrogates in modules');
const literal = (most: number) => fc.array(fc.constantFrom(...ALPHABET), { maxLength: most }).map((a) => `'${a.join('')}'`);

it('reads format specs holding lone surrogates as CPython does (format, %, Decimal)', () => {
  expect(compareWithCPython(FORMAT, untimed)).toEqual([]);
});

it('agrees with CPython on 1,200 random module calls on strs of lone surrogates, astral and other characters', () => {
  const programs = fc
    .sample(fc.tuple(literal(14), literal(6), literal(2), fc.integer({ min: 1, max: 8 }), fc.nat(OPS.length - 1)), { numRuns: 1200, seed })
    .map(([s, t, c, n, op]) => OPS[op]({ s, t, c, n }));
  expect(compareWithCPython(programs, untimed)).toEqual([]);
});
