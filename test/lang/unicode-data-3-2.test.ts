import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { random } from '../../src/bench/workload.js';
import { Engine } from '../../src/lang/index.js';
import { getattr } from '../../src/lang/runtime/attributes.js';
import { callValue } from '../../src/lang/runtime/call.js';
import { UNICODEDATA } from '../../src/lang/runtime/modules/unicodedata.js';
import { repr } from '../../src/lang/runtime/repr.js';
import type { Py } from '../../src/lang/runtime/values.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { announceSeed } from '../support/fuzz-seed.js';

// unicodedata.ucd_3_2_0 against CPython 3.11's: every property of every code point, names both
// ways, normalize() on random strings, and the object's own words.

const python = (script: string, input = '') => execFileSync('python3', ['-c', script], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
const UCD = UNICODEDATA.attrs.get('ucd_3_2_0');
/** The object's method, called as a condition's call reaches it. */
const method = (name: string) => (...args: Py[]): Py => callValue(getattr(UCD, name), args, null);

const PROPERTIES = ['category', 'bidirectional', 'combining', 'east_asian_width', 'mirrored', 'decomposition', 'decimal', 'digit', 'numeric', 'name'];

describe('ucd_3_2_0', () => {
  it("answers CPython's every property for every code point from 0 to 0x10FFFF", () => {
    const script = `import json, unicodedata
u = unicodedata.ucd_3_2_0
out = {}
for f in ${JSON.stringify(PROPERTIES)}:
    g = getattr(u, f)
    call = (lambda c: g(c, None)) if f in ('decimal', 'digit', 'numeric', 'name') else g
    out[f] = '\\x1f'.join(repr(call(chr(c))) for c in range(0x110000))
print(json.dumps(out))`;
    const want: Record<string, string> = JSON.parse(python(script));
    for (const name of PROPERTIES) {
      const f = method(name);
      const takesDefault = ['decimal', 'digit', 'numeric', 'name'].includes(name);
      const expected = want[name].split('\x1f');
      let first = -1;
      for (let cp = 0; cp < 0x110000 && first < 0; cp++) if (repr(takesDefault ? f(String.fromCodePoint(cp), null) : f(String.fromCodePoint(cp))) !== expected[cp]) first = cp;
      expect(first === -1 ? 'all agree' : `${name}(chr(0x${first.toString(16)}))`).toBe('all agree');
    }
  }, 180_000);

  it('normalizes each code point that decomposes in 14.0 (and every 16th of the others) alone in each form as CPython does', () => {
    // a character that decomposes in no version and is no Hangul syllable is its own normal form in both
    const script = `import json, unicodedata
u = unicodedata.ucd_3_2_0
points = [c for c in range(0x110000) if not 0xd800 <= c < 0xe000 and (unicodedata.decomposition(chr(c)) or 0xac00 <= c < 0xd7a4 or c % 16 == 0)]
print(json.dumps({'points': points, **{f: [u.normalize(f, chr(c)) for c in points] for f in ('NFC', 'NFD', 'NFKC', 'NFKD')}}))`;
    const want: Record<string, string[]> & { points: number[] } = JSON.parse(python(script));
    const normalize = method('normalize');
    for (const form of ['NFC', 'NFD', 'NFKC', 'NFKD']) {
      const first = want.points.findIndex((cp, k) => normalize(form, String.fromCodePoint(cp)) !== want[form][k]);
      expect(first === -1 ? 'all agree' : `${form}(chr(0x${want.points[first].toString(16)}))`).toBe('all agree');
    }
  }, 120_000);

  it('looks every name of its table up as CPython does: names 3.2 had, no aliases nor named sequences', () => {
    // every name and alias of 14.0, and the names CPython computes, some in lower case
    const names: string[] = JSON.parse(python(`import json, unicodedata as u
names = [u.name(chr(c)) for c in range(0x110000) if u.name(chr(c), None)]
print(json.dumps(names[::7] + [n.lower() for n in names[::97]] + ['LF', 'NBSP', 'BYTE ORDER MARK', 'KEYCAP NUMBER SIGN', 'CJK UNIFIED IDEOGRAPH-9FFF', 'CJK UNIFIED IDEOGRAPH-2A700', 'CJK UNIFIED IDEOGRAPH-31350', 'HANGUL SYLLABLE GAG', 'BALINESE LETTER AKARA', 'LATIN CAPITAL LETTER GHA', 'no such name', '']))`));
    const script = `import json, sys, unicodedata
u = unicodedata.ucd_3_2_0
def look(n):
    try:
        return u.lookup(n)
    except KeyError as e:
        return str(e)
print(json.dumps([look(n) for n in json.load(sys.stdin)]))`;
    const want: string[] = JSON.parse(python(script, JSON.stringify(names)));
    const lookup = method('lookup');
    const look = (n: string) => {
      try {
        return lookup(n) as string;
      } catch (e) {
        return String((e as { args: Py[] }).args[0] === undefined ? e : repr((e as { args: Py[] }).args[0]));
      }
    };
    const bad = names.map((n, i) => [n, look(n), want[i]]).filter(([, g, w]) => g !== w);
    expect(bad.slice(0, 5)).toEqual([]);
  }, 120_000);
});

describe('in conditions', () => {
  it("has the object's attributes, words and errors", () => {
    const calls = [
      'o.unidata_version', 'type(o).__name__', 'str(type(o))', 'isinstance(o, unicodedata.UCD)', 'type(o) is unicodedata.UCD', 'unicodedata.UCD()', 'o.foo', 'o == o',
      "o.category('\\u1b06')", "o.category('\\u0221')", 'o.category()', 'o.category(1)', "o.category(c='a')", "o.bidirectional('\\u0378')", "o.east_asian_width('\\u0378')",
      "o.name('\\u9fff', None)", 'o.name()', "o.name('a', 1, 2)", "o.lookup('LF')", "o.lookup('KEYCAP NUMBER SIGN')", "o.lookup('CJK UNIFIED IDEOGRAPH-9FFF')", 'o.lookup()', "o.lookup(x='a')",
      "o.lookup(b'LATIN SMALL LETTER A')", "o.lookup('a' * 300)", "o.decimal('\\u00b2', 'none')", "o.decimal('x')", "o.digit('\\u00b2')", "o.numeric('\\u2189', 'none')", "o.numeric('\\u00bd')",
      "o.normalize('NFC', '\\u1b05\\u1b35')", "o.normalize('NFD', '\\U0002f868')", "o.normalize('NFX', '')", "o.normalize('NFX', 'a')", "o.normalize(1, 'a')", "o.normalize('NFC')",
      "o.is_normalized('NFC', 'e\\u0301')", "o.is_normalized('NFD', '\\U0002f868')", "o.is_normalized('NFC', '')", "o.is_normalized('NFKC', '\\u2189')", "o.decomposition('\\u2189')",
      "o.normalize('NFKC', '\\u2189')", "unicodedata.normalize('NFKC', '\\u2189')", "o.decimal('\\u0669')",
      "unicodedata.UCD.category(o, 'a')", "unicodedata.UCD.category('a')", "unicodedata.UCD.category(unicodedata, 'a')", "unicodedata.UCD.lookup(o, 'LF')",
    ];
    const sources = calls.map((c) => `import unicodedata\no = unicodedata.ucd_3_2_0\ntry:\n    return ${c}\nexcept Exception as e:\n    return type(e).__name__, str(e)`);
    expect(compareWithCPython(sources)).toEqual([]);
    // nothing of it is set or deleted, in CPython's words for each kind of attribute
    const stores = ['o.unidata_version = 1', 'del o.unidata_version', 'o.category = 1', 'del o.category', 'o.x = 1', 'del o.x'];
    expect(compareWithCPython(stores.map((st) => `import unicodedata\no = unicodedata.ucd_3_2_0\ntry:\n    ${st}\nexcept AttributeError as e:\n    return str(e)`))).toEqual([]);
    // lookup takes a str or bytes, not another bytes-like object, in the module too
    expect(compareWithCPython(["import unicodedata as u\nout = []\nfor o in (u, u.ucd_3_2_0):\n    for a in [1, bytearray(b'A'), memoryview(b'LATIN SMALL LETTER A'), memoryview(bytearray(b'A')), None, b'LATIN SMALL LETTER A']:\n        try:\n            out.append(o.lookup(a))\n        except TypeError as e:\n            out.append(str(e))\nreturn out"])).toEqual([]);
    // a str subclass's instance: the module answers it, ucd_3_2_0 a new str
    expect(compareWithCPython(["import unicodedata\nclass S(str): pass\nreturn type(unicodedata.normalize('NFC', S('a'))).__name__, type(unicodedata.ucd_3_2_0.normalize('NFC', S('a'))).__name__"])).toEqual([]);
  });
});

describe('normalize', () => {
  const seed = announceSeed('unicode-data-3-2');

  it("agrees with CPython's on random strings of characters 3.2 had, lacked, or decomposed otherwise", () => {
    const rand = random(seed);
    const pool = [0x41, 0x65, 0x301, 0x327, 0x1100, 0x1161, 0x11a8, 0xac00, 0xe9, 0xfb01, 0x2189, 0x1b05, 0x1b35, 0x1b06, 0x2f868, 0x2f874, 0x2f91f, 0x2f95f, 0x2f9bf, 0xf951, 0x9fff, 0x0221, 0x0345, 0x05b0, 0x0f73, 0x1e0a, 0x323, 0x307, 0x1d15e, 0xfdfa];
    const texts = Array.from({ length: 2000 }, () => Array.from({ length: Math.floor(rand() * 8) }, () => String.fromCodePoint(pool[Math.floor(rand() * pool.length)])).join(''));
    const script = `import json, sys, unicodedata
u = unicodedata.ucd_3_2_0
print(json.dumps([[u.normalize(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')] + [u.is_normalized(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')] for s in json.load(sys.stdin)]))`;
    const want: unknown[] = JSON.parse(python(script, JSON.stringify(texts)));
    const normalize = method('normalize');
    const isNormalized = method('is_normalized');
    const forms = ['NFC', 'NFD', 'NFKC', 'NFKD'];
    const got = texts.map((s) => [...forms.map((f) => normalize(f, s)), ...forms.map((f) => isNormalized(f, s))]);
    const bad = texts.map((s, i) => [s, got[i], want[i]]).filter(([, g, w]) => JSON.stringify(g) !== JSON.stringify(w));
    expect(bad.slice(0, 3)).toEqual([]);
  }, 60_000);

  it('10**6 characters: normalized in good time with the budget for it, refused at once without', () => {
    const big = new Engine({ maxSteps: 50_000_000, maxMillis: 20_000 });
    const t0 = performance.now();
    expect(compareWithCPython(["import unicodedata\ns = unicodedata.ucd_3_2_0.normalize('NFKC', '\\u00e9\\u2189a' * 330000)\nreturn len(s), s[:6]"], big)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(20_000);
    // with the default budget, refused before the work: ucd_3_2_0 makes no quick check, so even ASCII is normalized
    const t1 = performance.now();
    expect(evaluator(new Engine(), { source: "import unicodedata\nreturn len(unicodedata.ucd_3_2_0.normalize('NFD', 'a' * 10**6))" }).error).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
    expect(performance.now() - t1).toBeLessThan(2_000);
  }, 60_000);
});

describe('the table', () => {
  it('is what scripts/unicode-data-3-2.py writes from this python3', () => {
    const script = fileURLToPath(new URL('../../scripts/unicode-data-3-2.py', import.meta.url));
    const table = fileURLToPath(new URL('../../src/lang/runtime/unicode-data-3-2-table.ts', import.meta.url));
    expect(execFileSync('python3', [script], { encoding: 'utf8' }) === readFileSync(table, 'utf8')).toBe(true);
  }, 60_000);
});
