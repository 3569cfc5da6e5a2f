import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** f-strings, str.format and format(): conversions and the format-spec mini-language. */
const CASES = [
  `return f"{log['Array']}:{log['Line']}"`, `x = 3.14159\nreturn f'{x:.2f}'`, `return f'{1/3!r}'`, `return f'{"q"!r} {"q"!s}'`, `x = 5\nreturn f'{x=}'`,
  `x = 5\nreturn f'{x = }'`, `x = 2.5\nreturn f'{x=:.3f}'`, `return f'{{literal}} {1+1}'`, `return f'{"a" + "b":>6}'`, `return f'{42:08.3f}'`,
  `w = 6\nreturn f'{3.5:{w}.2f}|'`, `return f'{1234567:,}'`, `return f'{1234567.891:,.2f}'`, `return f'{0.25:%}'`, `return f'{0.25:.1%}'`,
  `return f'{255:x} {255:X} {255:#x} {5:b} {8:o} {65:c}'`, `return f'{-5:+d} {5:+d} {5: d}'`, `return f'{"x":*^7}'`, `return f'{12:=+6}'`,
  `return f'{3:03}'`, `return f'{1e20:g} {1e-5:g} {123456789:g} {0.0001234:g}'`, `return f'{1.5:e} {1.5:E}'`, `return f'{2:.3}'`,
  `return f'{123.456:.3}'`, `return f'{3.0}'`, `return f'{None} {True} {[1, "a"]}'`, `return f'{True:>5}'`, `return f'{True:d}'`,
  `return f'{"abc":.2}'`, `return f'{5:s}'`, `return f'{"x":d}'`, `return f'{2.5:d}'`, `return f'''multi
{1 +
 1}'''`, `return f'{"nested {}"}'`, `return f'{text[:4]}'`, `return f"{log.get('Thread', 'none')!r}"`,
  `return '{} and {}'.format(1, 'b')`, `return '{1}{0}'.format('a', 'b')`, `return '{name}!'.format(name='x')`, `return '{0[k]}'.format({'k': 9})`,
  `return '{:>5}|{:<5}|{:^5}'.format('a', 'b', 'c')`, `return '{:.3f}'.format(2)`, `return '{!r}'.format('x')`, `return '{}'.format()`,
  `return '{0} {}'.format(1, 2)`, `return '{{}}'.format()`, `return format(0.5, '.0f') + format(1.5, '.0f') + format(2.5, '.0f')`,
  `return format(0.125, '.2f')`, `return format(0.375, '.2f')`, `return format(1e16, '.2f')`, `return format(-0.0, '.1f')`, `return format(12, '')`,
  `return format(1234, '08,')`, `return format(3, '.2%')`, `return format(float('inf'), 'f')`, `return format(float('nan'), '.2f')`,
  `return format(1.0e-5, '.3g')`, `return format(100000.0, 'g')`, `return format(1e6, 'g')`, `return format(0.1, '.20f')`, `return format(5, '#b')`,
  `return format(-255, '#x')`, `return format(1234.5, '_.1f')`, `return format(123456789, '_')`, `return format('x', '5')`, `return format(1.0, '.0e')`,
];

it('formats values as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/**
 * Format specs across types: the 0 flag fills with zeros whatever the alignment, the z
 * flag (PEP 682), and what CPython refuses (a separator with 's' or 'x', a sign or # for a str).
 */
const SPECS = ['', ',', '_', ',s', '>8,', '=5', '+', '-', ' ', '#', '05', '<05', '^07', '>05', '.2', 'x', 'd', '%', '10_', ',x', '_x', ',c', ',n', '_b', ',%', ',d', '_o', ',b', '08,',
  '+08.2f', '*^9', '0=8', 'z', '.0%', '#x', '#o', '_X', ',e', '=+8', 'z.2f', 'z.0f', '+z.1e', 'z,.3f', ' z08.1f', 'z%'];
const SPEC_VALUES = ["'ab'", '5', '-1234.5', 'True', '0.1', '-0.0', '-0.001', '-0.04'];

it('applies format specs to every type as CPython does', () => {
  expect(compareWithCPython(SPEC_VALUES.flatMap((v) => SPECS.map((s) => `return format(${v}, '${s}')`)))).toEqual([]);
});

it('prints large floats with their exact digits', () => {
  expect(compareWithCPython([
    `return '%+d' % 1e22, '%05.1f' % -1e22, '%i' % 1e22, '{:f}'.format(1e22), '{:.2f}'.format(1.5e300), '%d' % 2.5e16, '{:,.0f}'.format(1e22), format(1e22, 'f'), format(1e21, '.3f'), '%x' % 1e22`,
    `return round(1e22, -2), round(1.5e300, 2), '%.1f' % 1e21, '%.0f' % -9.999999999999999e20, '%d' % -1e300`,
    // past 2**53 and below 1e21: a float's exact digits, which String() rounds
    `return '%+d' % (1000001.5 ** 3), '%d' % 2.0 ** 60, '%i' % -(2.0 ** 53 + 2), '%d' % 9.999999999999999e20`,
  ])).toEqual([]);
});

/** f-strings, str.format and % at their edges: nested specs sharing the numbering, =, conversions, attributes, exact digits at any precision, and CPython's errors. */
it('formats at the edges as CPython does', () => {
  const exprs = ["f'{x:{w}}'", "f'{x:>{w}.{p}f}'", "f'{x=}'", "f'{x = }'", "f'{x=:.2f}'", "f'{x!r:^{w}}'", "f'{{}}{x}'", "f'{x:}'", "f'{s[0]}{d[\"k\"]}'", "f'{s!s:*<6}'",
    "f'{x:%}'", "f'{x:,.2f}'", "f'{n:#010b}'", "f'{n:+}'", "f'{n: d}'", "f'{n:c}'", "f'{s:.{p}}'", "f'{d}'", "f'{l!a}'", "f'{3.0:g}'", "f'{1e20:g}'", "f'{123456789:e}'", "f'{0.000012345:g}'",
    "'{0}{1}{0}'.format(s, x)", "'{}{}'.format(1)", "'{0}{}'.format(1, 2)", "'{a[1]}'.format(a=l)", "'{a.real}'.format(a=x)", "'{0[k]}'.format(d)", "'{:{}}'.format(x, w)", "'{!x}'.format(1)",
    "'{'.format(1)", "'}'.format(1)", "'{0:{1}{2}}'.format(x, '>', w)", "'{x}{y}'.format(**d2)", "'{:d}'.format(2.5)", "'{:s}'.format(5)", "'{:=^10}'.format('a')", "'{:<}'.format('a')",
    "format(x, '')", "format(s)", "format(n, 'x')", "format(None)", "format(None, '>5')", "format([1], '')", "format([1], '>5')", "'{:>5}'.format(None)", "'%-5d|%5.1f|%s' % (n, x, s)",
    "'%(k)s %(k)r' % d", "'%s' % (1, 2)", "'%s %s' % 'ab'", "'%c%c' % (65, 'B')", "'%5.3s|' % 'abcdef'", "'%x %X %o' % (255, 255, 8)", "'%#x %#o' % (255, 8)", "'%e' % 0", "'%g' % 1e-5", "'%.0f' % 0.5", "'%.0f' % 1.5",
    "'%' % ()", "'%z' % 1", "'%d' % 1.9", "'%i' % True", "'%s' % None", "'%r' % 'a'", "'%5%' % ()", "'%*d' % (5, 3)", "'%.*f' % (2, 3.14159)", "'%(k)s' % {'k': 1}", "'%s %(k)s' % {'k': 1}"];
  const src = (e: string) => `x = 3.14159\nw = 9\np = 2\nn = 42\ns = 'abc'\nl = [1, 'é']\nd = {'k': 'v'}\nd2 = {'x': 1, 'y': 2}\nreturn ${e}`;
  expect(compareWithCPython(exprs.map(src))).toEqual([]);
  expect(compareWithCPython([`return '%.1e' % 0.125, '%.2e' % 1.125, '{:.0e}'.format(2.5), '%.150f' % 0.1, format(0.1, '.120e'), '%.3g' % 0.0001235, '%.1g' % 0.25, '%.0e' % 9.5, '%.2e' % 9.995, '%.110f' % 2.5e-100`,
    `return '{!x}'.format(1)`, `return '{!}'.format(1)`, `return '{0!rs}'.format(1)`, `return '{:{:{}}}'.format(1, 2, 3)`, `return '{0.real}'.format(5)`, `return '{0.nope}'.format(5)`,
    `return '%z' % (1,)`, `return '%' % (1,)`, `return '%(a' % {'a': 1}`, `return '%5' % (1,)`, `return '%.' % (1,)`, `return 'ab %y' % (1,)`, `return '{:{}}'.format(3.14159, 9)`, `return '{:{}.{}f}'.format(3.14159, 9, 2)`,
  ])).toEqual([]);
});

/** g and the alternate form across magnitudes: the exponent keeps its zeros, # keeps the point; % in printf converts nothing. */
it('formats floats in g and the alternate form as CPython does', () => {
  const vals = ['5.714285714285714e+20', '1e22', '9.995e22', '1e-10', '1.5e-20', '100.0', '1e10', '123456789.0', '0.0001', '0.00001', '1e20', '1.000e30', '2.5', '0.0', '-0.0', '1e100', '7e-100'];
  const specs = ['#.0e', '#.0f', '#.0%', '#', '#.0', '#g', '.3g', 'g', '.1g', '.10g', '#.3g', 'G', '.0g', '.2', '', '.15g', '.17g', 'n'];
  const printf = (sp: string) => (sp.endsWith('%') ? `'%${sp}' % ()` : `'%${sp.replace('n', 'g')}' % ${'${v}'}`);
  expect(compareWithCPython(vals.flatMap((v) => specs.map((sp) => `return format(${v}, '${sp}'), ${printf(sp).replace('${v}', v)}`)))).toEqual([]);
  expect(compareWithCPython([`return '%5%' % (1,)`, `return '%5%' % ()`, `return '%-5%|' % ()`, `return '%.2%' % (1,)`, `return '%#%' % ()`, `return '%%' % ()`, `return '%(a)%' % {'a': 1}`])).toEqual([]);
});

/** A key's value is the arguments from there on (unicode_format_arg_parse), and any mapping by PyMapping_Check's rule is subscripted by the key. */
it('takes a keyed directive and what follows it as CPython does', () => {
  expect(compareWithCPython([
    // a key counts its parentheses, as unicode_format_arg_parse does
    "return '%((a))s' % {'(a)': 1}, '%(a(b)c)s' % {'a(b)c': 2}, '%(())s|%()s' % {'()': 3, '': 4}",
    "return '%((a)s' % {'(a': 1}",
    "return '%(a' % {}",
    "return '%(a)' % {'a': 1}",
    "return '%(a)5.2f|%(b)-4d|' % {'a': 3.14159, 'b': 7}",
    "return b'%((a))s' % {b'(a)': b'x'}",
    "return '%(a)s %(a)r' % {'a': 'q'}, '%%(a)s' % {}, '%s%%' % 5",
    "return '%(x)*d' % {'x': 5}",
    "return '%(a)s %s' % {'a': 1}",
    "return '%s %(a)s' % {'a': 1}",
    "return '%(a)s %%' % {'a': 1}",
    "return '%(a)s %*d' % {'a': 1}",
    "return '%(a)*d' % {'a': 5}",
    "return '%(a).*f' % {'a': 2}",
    "return '%(a)s %.*f' % {'a': 1}",
    "return '%(a)s %s' % ({'a': 1},)",
    "return b'%(a)s %s' % {b'a': b'x'}",
    "return '%(a)%' % {'a': 1}",
    "return '%(b)%' % {'a': 1}",
    "return '%(a)5%' % {'a': 1}",
    "return '%(a)s' % {'a': 1, 'b': 2}",
    "return '%s %s' % {'a': 1}",
    "return '%(a)s %(b)s %(a)r' % {'a': 'x', 'b': 2}",
    "return '%(a)c' % {'a': 65}",
    "return '%(a)s %s' % []",
    "class M(dict):\n    def __missing__(self, k):\n        return k * 2\nreturn '%(ab)s-%(c)d' % M(c=3)",
    "class C:\n    def __getitem__(self, k):\n        return k * 2\nreturn ['%(a)s' % C(), '%s' % C() != '']",
    "class C:\n    def __getitem__(self, k):\n        return k * 2\nreturn '%s %s' % C()",
    "class D:\n    pass\nreturn '%(a)s' % D()",
    "return '%(a)s' % range(3)",
    "return '%(a)s' % 'xy'",
    "return b'%(a)s' % b'xy'",
    "return '%(a)s' % b'xy'",
    "return '%s %s' % [1]",
    "return b'%(a)s' % [1]",
    "return '%(a)s' % memoryview(b'ab')",
  ])).toEqual([]);
});

/** %c and format(n, 'c') out of range: CPython's OverflowError, never a JavaScript error (found by the hostile fuzz). */
it('formats %c at its edges as CPython does', () => {
  expect(compareWithCPython(["'%c' % -1", "'%c' % (-10**6)", "'%c' % 0x110000", "'%c' % 0x10ffff", "'%c' % True", "'%c' % 1.5", "'%c' % 'ab'", "'%c' % ''", "'%c' % '😀'", "'%5c' % 65", "format(-1, 'c')", "'{:c}'.format(0x110000)", "format(True, 'c')", "format(1.5, 'c')"].map((e) => `return ${e}`))).toEqual([]);
});

/** printf-style '%.f': a '.' with no digits is a precision of 0 in CPython; %o %x %X of a non-number want "an integer". */
it("reads '%.f' as precision 0 and words %x's wrong type as CPython does", () => {
  expect(compareWithCPython([
    `return '%.f' % 1.5, '%.e' % 1.5, '%.d' % 7, '%.s|' % 'abc', '%5.s|' % 'abc', '%-8.g|' % 2.5, '%.r' % [1], '%(k).f' % {'k': 2.5}, '%.*f' % (1, 2.25)`,
    `return b'%.f' % 1.5, b'%5.s|' % b'abc', b'%.x' % 255`,
    `return '%.'`, `return '%.' % 1`, `return '%5.' % 1`, `return '%.z' % 1`, `return '%.%' % ()`,
    `return '%x' % None`, `return '%o' % 'a'`, `return '%X' % 1j`, `return '%d' % None`, `return '%i' % 'a'`, `return '%u' % []`, `return b'%x' % None`, `return b'%d' % None`,
  ])).toEqual([]);
});

/** The '%' type of inf and nan keeps its '%', and a float whose hundredfold overflows is 'inf%' (it was V8's 'Infinity%'). */
it("formats an infinite percentage as CPython does", () => {
  expect(compareWithCPython([
    `return format(1e307, '%'), format(1e308, '.2%'), f'{1e308:%}', '{:.0%}'.format(-1e308), format(1.7976931348623157e+308, '#%'), format(1.7976931348623157e+308, '+#7.12%')`,
    `return format(1.7976931348623157e+308, '*<-07.12%'), format(1.7976931348623157e+308, '010%'), format(1.7976931348623157e+308, '0=12,%'), format(-1.7976931348623157e+308, '012,%')`,
    `return format(float('inf'), '%'), format(float('-inf'), '%'), format(float('nan'), '.3%'), format(float('-inf'), '<-#,.2%'), format(float('inf'), '010%'), format(float('nan'), '010,%'), format(float('inf'), '#%')`,
    `return format(1.7976931348623157e+306, '%'), format(1.7976931348623157e+306, ',.0%'), format(-0.0, '%'), format(1e-320, '%')`,
  ])).toEqual([]);
});

/** str.format reads a field as parse_field does: a key in brackets may hold '{' '}' ':' '!', and each malformed field has CPython's own words. */
it("parses str.format's fields and words their errors as CPython does", () => {
  const fields = ["'{0[}'", "'{0[0]x}'", "'{0.}'", "'{0[]}'", "'{0[}]}'", "'{0[{]}'", "'{0[!]}'", "'{0[:]}'", "'{a{b}'", "'{0!r'", "'{0!'", "'{0!}'", "'{0!rx}'", "'{0!é}'", "'{0!\\x01}'", "'{x!q}'", "'{0:{'", "'{0:{}'", "'{0.real }'", "'{0.é}'", "'{٠}'", "'{0[٠]}'", "'{99999999999999999999}'", "'{0[99999999999999999999]}'", "'{0..real}'", "'{0[0]'", "'{0]'", "'{[}'", "'{0:'", "'{'", "'{0}{'", "'{0[0]!s:>{1}}'", "'{0:{1[0]}}'"];
  expect(compareWithCPython(fields.map((f) => `args = ['ab', 5, 3, 1]\nd = {'a': {'b': 7}, '}': 1, '{': 2, '!': 3, ':': 4, ']': 5, '٠': 8, '': 9}\nout = []\nfor call in (lambda: ${f}.format(*args), lambda: ${f}.format(d, x=d), lambda: ${f}.format_map(d)):\n    try:\n        out.append(call())\n    except Exception as e:\n        out.append((type(e).__name__, str(e)))\nreturn out`))).toEqual([]);
});

// a character that is no conversion is refused after the key, the *s and the argument are taken ('%z' % () has not enough arguments); a str format shows one outside ' '..'~' as '?'
it("refuses an unknown % conversion where and in the words CPython does", () => {
  expect(compareWithCPython(["r = []\nfor f, a in [('%z', ()), ('%z', (1,)), ('%z%s', ()), ('%%%z', ()), ('%(a)z', {'a': 1}), ('%(a)z', {}), ('%5z', ()), ('%*z', ()), ('%*z', (1,)), ('%.*z', (1, 2)), ('%.*z', ('x', 2)), ('%*z', (1.5, 2)), ('%z', []), ('%y %s', (1, 2)), ('%-5.3y', 1), ('%\\u20ac', 1), ('%\\u20ac', ()), ('%5', ()), ('%(a', {}), ('%', ()), ('%.', 1)]:\n    try:\n        r.append(f % a)\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\n    try:\n        r.append(f.encode() % a)\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r", "r = []\nfor c in ['\\x00', '\\x01', '\\x1e', '\\x1f', ' ', '~', '\\x7f', '\\x80', '\\xe9', '\\u20ac', '\\U0001f600', '\\ud800']:\n    for a in [1, ()]:\n        try:\n            r.append(('%' + c) % a)\n        except Exception as e:\n            r.append((type(e).__name__, str(e)))\n        try:\n            r.append(('%' + c).encode('latin-1') % a if c < '\\x80' else None)\n        except Exception as e:\n            r.append((type(e).__name__, str(e)))\nreturn r\n"])).toEqual([]);
});
