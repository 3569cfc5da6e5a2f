import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { random } from '../../src/bench/workload.js';
import { Engine } from '../../src/lang/index.js';
import { UNICODEDATA } from '../../src/lang/runtime/modules/unicodedata.js';
import { repr } from '../../src/lang/runtime/repr.js';
import type { Py, PyFunc } from '../../src/lang/runtime/values.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { announceSeed } from '../support/fuzz-seed.js';

// unicodedata's properties and normalize() against CPython 3.11's (Unicode 14.0): every code
// point, thousands of random strings, every error's words, and hostile sizes.

const python = (script: string, input = '') => execFileSync('python3', ['-c', script], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
/** The module's own function, called as a condition's call reaches it. */
const fn = (name: string) => (...args: Py[]): Py => (UNICODEDATA.attrs.get(name) as PyFunc).fn(args, null);
const ud = (body: string) => `import unicodedata\nreturn unicodedata.${body}`;

const PROPERTIES = ['category', 'bidirectional', 'combining', 'east_asian_width', 'mirrored', 'decomposition', 'decimal', 'digit', 'numeric'];

describe('the per-character properties', () => {
  it("are CPython's for every code point from 0 to 0x10FFFF", () => {
    // each property's answers for all code points, one text per property (repr, None without a value)
    const script = `import json, unicodedata as u
out = {}
for f in ${JSON.stringify(PROPERTIES)}:
    g = getattr(u, f)
    call = (lambda c: g(c, None)) if f in ('decimal', 'digit', 'numeric') else g
    out[f] = '\\x1f'.join(repr(call(chr(c))) for c in range(0x110000))
print(json.dumps(out))`;
    const want: Record<string, string> = JSON.parse(python(script));
    for (const name of PROPERTIES) {
      const f = fn(name);
      const takesDefault = ['decimal', 'digit', 'numeric'].includes(name);
      const got: string[] = [];
      for (let cp = 0; cp < 0x110000; cp++) got.push(repr(takesDefault ? f(String.fromCodePoint(cp), null) : f(String.fromCodePoint(cp))));
      const expected = want[name].split('\x1f');
      const first = got.findIndex((g, cp) => g !== expected[cp]);
      expect(first === -1 ? 'all agree' : `${name}(chr(0x${first.toString(16)})): ${got[first]}, CPython ${expected[first]}`).toBe('all agree');
    }
  }, 120_000);

  it('in conditions: their values, defaults and errors', () => {
    const calls = [
      "category('a')", "category('\\U0001f600')", "category('\\ud800')", "category(chr(0x10ffff))", "category('\\u0378')", 'category()', "category('ab')", 'category(5)',
      "category('')", "category('a', 'b')", "category(chr='a')", 'category(b"a")',
      "bidirectional('\\u05d0')", "bidirectional('\\u0378')", "bidirectional('')", 'bidirectional(None)', "combining('\\u0301')", 'combining([])',
      "east_asian_width('\\uff01')", "east_asian_width('\\u4e00')", "east_asian_width('x', 'y')", "mirrored('(')", "mirrored('a')", 'mirrored(1.5)',
      "decomposition('\\xe9')", "decomposition('\\ufb01')", "decomposition('\\uac00')", "decomposition('a')", "decomposition('\\U0002f800')", 'decomposition(0)',
      "decimal('7')", "decimal('\\u0667')", "decimal('\\xb2')", "decimal('\\xb2', -1)", "decimal('x', None)", 'decimal()', "decimal('1', 2, 3)", 'decimal(1)',
      "decimal('12')", "decimal(chr='1')", "digit('\\xb2')", "digit('\\u2460')", "digit('\\u2460', 'no')", "digit('\\xbd')", "digit('')", 'digit(None, 1)',
      "numeric('\\xbd')", "numeric('\\u2153')", "numeric('\\u5146')", "numeric('\\U0001f10c')", "numeric('7')", "numeric('a')", "numeric('a', 0)", 'numeric()',
      "numeric('\\u0f33')", "numeric('\\U00012432')", "numeric(default=1)",
      "normalize('NFC', 'e\\u0301')", "normalize('NFD', '\\xe9')", "normalize('NFKC', '\\ufb01\\xbd')", "normalize('NFKD', '\\ufdfa')", "normalize('NFC', '')",
      "normalize('NFX', '')", "normalize('NFX', 'a')", "normalize('nfc', 'a')", "normalize('NFC ', 'a')", "normalize(1, 'a')", "normalize('NFC', 1)", "normalize('NFX', 1)",
      "normalize('NFC')", "normalize('NFC', 'a', 'b')", "normalize(form='NFC', unistr='a')", "normalize(b'NFC', 'a')", "normalize('NFC', '\\ud800\\u0301')",
      "is_normalized('NFC', 'e\\u0301')", "is_normalized('NFD', 'e\\u0301')", "is_normalized('NFX', '')", "is_normalized('NFX', 'a')", "is_normalized('NFKC', '\\xbd')",
      "is_normalized(None, 'a')", "is_normalized('NFC')", "is_normalized('NFC', '')",
      'unidata_version', 'name(None)', "normalize('NFC', None)",
    ];
    expect(compareWithCPython(calls.map(ud))).toEqual([]);
    // a str subclass is a str to them, as in CPython
    expect(compareWithCPython([
      "import unicodedata as u\nclass S(str): pass\nreturn u.category(S('a')), u.name(S('a')), u.numeric(S('\\xbd')), u.normalize(S('NFD'), S('\\xe9')), u.is_normalized('NFC', S('a'))",
      "import unicodedata as u\nclass S(str): pass\nreturn u.category(S('ab'))",
      // normalize answers its argument itself where the quick check finds it normalized, as CPython does
      "import unicodedata as u\nclass S(str): pass\nreturn [[type(u.normalize(f, S(s))).__name__ for s in ('a', '', '\\u0301', '\\xe9', '\\uac00')] for f in ('NFC', 'NFD', 'NFKC', 'NFKD')], type(u.normalize('NFX', S(''))).__name__",
      "from unicodedata import normalize, category\nreturn [category(c) for c in normalize('NFD', 'Ça été')]",
    ])).toEqual([]);
  });

  it('in conditions, for a sample of code points', () => {
    const rand = random(announceSeed('unicodedata properties'));
    const sources = Array.from({ length: 300 }, () => {
      const cp = Math.floor(rand() * 0x110000);
      return `import unicodedata as u\nc = chr(${cp})\nreturn [f(c) for f in (u.category, u.bidirectional, u.combining, u.east_asian_width, u.mirrored, u.decomposition)], u.decimal(c, None), u.digit(c, None), u.numeric(c, None)`;
    });
    expect(compareWithCPython(sources)).toEqual([]);
  });
});

/** Characters normalization treats apart, to draw random strings from. */
const POOL = [
  // ASCII, Latin-1 and precomposed Latin
  ...'aeAEoOnNcCuUsSzZ ,.1', '\xe9', '\xc7', '\xf1', '\u1e08', '\u01d5', '\u0226', '\u212b', '\xc5',
  // combining marks of several classes, and ones that compose (ccc 230, 220, 202, 1, 7, 9, 240, 234)
  '\u0301', '\u0300', '\u0308', '\u0304', '\u0327', '\u0316', '\u031b', '\u0345', '\u0334', '\u093c', '\u094d', '\u035c', '\u035d', '\u0342', '\u0313',
  // composition exclusions, singletons and non-starter decompositions
  '\u0344', '\u0340', '\u0958', '\u2adc', '\ufb1d', '\u0f73', '\u0f71', '\u0f72', '\u0f75', '\u0f81', '\u0f80', '\u2126', '\u212a', '\u1f71', '\u0374',
  // starters that compose with starters (Indic, Sinhala) and their composites
  '\u0b47', '\u0b3e', '\u0b56', '\u0b57', '\u0dd9', '\u0dcf', '\u0dca', '\u0ddf', '\u09c7', '\u09be', '\u0cc6', '\u0cd5', '\u0cc2',
  // Hangul: syllables (LV and LVT), jamo L, V, T, the T base and the ends of the ranges
  '\uac00', '\uac01', '\ud7a3', '\uae4c', '\u1100', '\u1112', '\u1113', '\u1161', '\u1175', '\u1176', '\u11a7', '\u11a8', '\u11c2', '\u11c3',
  // compatibility: ligatures, fractions, widths, circled, super- and subscripts, Arabic presentation forms
  '\ufb01', '\xbd', '\u2153', '\uff21', '\uff76', '\uff9e', '\u2460', '\xb2', '\u2082', '\ufdfa', '\ufe70', '\u3371', '\u1e9b', '\u03d3', '\u2000', '\u0149', '\u017f',
  // beyond the BMP: musical symbols (excluded), Kaithi and Chakma (compose), CJK compatibility
  '\u{1d15e}', '\u{1d160}', '\u{1d1bb}', '\u{11099}', '\u{110ba}', '\u{1109a}', '\u{11131}', '\u{11127}', '\u{1112e}', '\u{2f800}', '\u{1f600}',
];

/** Up to 11 characters: of the pool, or with `anywhere` sometimes any code point but a surrogate (a lone one next to another would pair in JS). */
function randomString(rand: () => number, anywhere: boolean): string {
  let s = '';
  for (let n = Math.floor(rand() * 12); n > 0; n--) {
    if (!anywhere || rand() < 0.9) s += POOL[Math.floor(rand() * POOL.length)];
    else {
      const cp = Math.floor(rand() * 0x110000);
      s += String.fromCodePoint(cp >= 0xd800 && cp < 0xe000 ? cp + 0x800 : cp);
    }
  }
  return s;
}

const FORMS = ['NFC', 'NFD', 'NFKC', 'NFKD'];
const NORMALIZE_SCRIPT = `import sys, json, unicodedata as u
print(json.dumps([[u.normalize(f, s) for f in ${JSON.stringify(FORMS)}] + [u.is_normalized(f, s) for f in ${JSON.stringify(FORMS)}] for s in json.load(sys.stdin)]))`;

describe('normalize and is_normalized', () => {
  it("agree with CPython's on 4,000 random strings, in every form", () => {
    const rand = random(announceSeed('unicodedata.normalize'));
    const strings = Array.from({ length: 4000 }, () => randomString(rand, true));
    // each character of the pool alone and after a base, and every pair of the pool
    for (const c of POOL) strings.push(c, `a${c}`, `${c}\u0301`);
    for (const a of POOL) for (const b of POOL) strings.push(a + b);
    const want: (string | boolean)[][] = JSON.parse(python(NORMALIZE_SCRIPT, JSON.stringify(strings)));
    const normalize = fn('normalize');
    const isNormalized = fn('is_normalized');
    const wrong = strings.flatMap((s, i) => {
      const got = [...FORMS.map((f) => normalize(f, s)), ...FORMS.map((f) => isNormalized(f, s))];
      return JSON.stringify(got) === JSON.stringify(want[i]) ? [] : [`${JSON.stringify(s)}: ${JSON.stringify(got)}, CPython ${JSON.stringify(want[i])}`];
    });
    expect(wrong.slice(0, 10)).toEqual([]);
  }, 60_000);

  it('agree in conditions too', () => {
    const rand = random(announceSeed('unicodedata.normalize in conditions'));
    const sources = Array.from({ length: 150 }, () => {
      const s = JSON.stringify(randomString(rand, true));
      return `import unicodedata as u\ns = ${s}\nreturn [u.normalize(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')], [u.is_normalized(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')]`;
    });
    expect(compareWithCPython(sources)).toEqual([]);
  });
});

describe('hostile sizes', () => {
  const big = new Engine({ maxSteps: 10 ** 8, maxMillis: 60_000 });
  /** A run's answer and how long it took, in ms. */
  const timed = (engine: Engine, source: string) => {
    const t0 = performance.now();
    const out = evaluator(engine, { source });
    return { out, ms: performance.now() - t0 };
  };

  it("a long run of combining marks is reordered in linear time (CPython's insertion sort is quadratic), as CPython orders it", () => {
    // 999,998 marks of two classes in the worst order for an insertion sort: CPython would take hours
    const { out, ms } = timed(big, "import unicodedata as u\ns = u.normalize('NFD', 'a' + '\\u0301\\u0316' * 499_999)\nreturn len(s), s == 'a' + '\\u0316' * 499_999 + '\\u0301' * 499_999, u.normalize('NFC', s)[:3] == '\\xe1\\u0316\\u0316'");
    expect(out).toEqual({ repr: '(999999, True, True)', data: {} });
    // some 200 ms unloaded; a quadratic sort would take hours
    expect(ms).toBeLessThan(10_000);
    // the same, small enough for CPython's sort: the same order
    expect(compareWithCPython(["import unicodedata as u\ns = 'a' + '\\u0301\\u0316\\u0300\\u031b\\u0345' * 2_000 + 'b\\u0327'\nreturn [u.normalize(f, s) for f in ('NFC', 'NFD')]"], big)).toEqual([]);
  }, 30_000);

  it('10**6 characters: normalized in good time with the budget for it, refused at once without', () => {
    // 510,000 characters, whose NFKD (840,000) is within the size limit
    const text = "'Ça été\\u0301\\u0316 한국어 ﬁ ½ ' * 30_000";
    for (const form of FORMS) {
      const { out, ms } = timed(big, `import unicodedata as u\nr = u.normalize('${form}', ${text})\nreturn len(r), r[::997], r.count('\\u0301'), r.count('\\u1112')`);
      const [want] = JSON.parse(python(`import unicodedata as u, json\nr = u.normalize('${form}', ${text})\nprint(json.dumps([repr((len(r), r[::997], r.count('\\u0301'), r.count('\\u1112')))]))`));
      expect(out).toEqual({ repr: want, data: {} });
      expect(ms, form).toBeLessThan(10_000);
      // with the default budget, refused before the work
      const refused = timed(new Engine(), `import unicodedata as u\nreturn u.normalize('${form}', ${text})`);
      expect(refused.out.error).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
      expect(refused.ms).toBeLessThan(3_000);
    }
  }, 120_000);

  it('NFKD that grows 18 times stops at the size limit as it grows; text already normalized passes at the cost of a scan', () => {
    const { out, ms } = timed(big, "import unicodedata as u\nreturn u.normalize('NFKD', '\\ufdfa' * 900_000)");
    // refused near the limit, not once 16 million characters were made
    expect(Number(/^MemoryError: condition built a value of (\d+) items/.exec(out.error ?? '')?.[1])).toBeLessThanOrEqual(2_200_000);
    expect(ms).toBeLessThan(5_000);
    expect(evaluator(new Engine({ maxMillis: 60_000 }), { source: "import unicodedata as u\ns = 'Waiting up to 2.430 seconds' * 37_000\nreturn len(u.normalize('NFC', s)), u.is_normalized('NFKD', s)" })).toEqual({
      repr: '(999000, True)',
      data: {},
    });
    // what a character decomposes into is charged, not the character alone: 180,000 characters of 10,000 pass the default steps
    expect(evaluator(new Engine({ maxMillis: 60_000 }), { source: "import unicodedata as u\nreturn len(u.normalize('NFKC', '\\ufdfa' * 10_000))" }).error).toBe(
      'StepLimitError: condition exceeded its budget of 100000 steps',
    );
    expect(evaluator(new Engine({ maxMillis: 60_000 }), { source: "import unicodedata as u\nreturn len(u.normalize('NFKC', '\\ufdfa' * 1_000))" }).repr).toBe('18000');
    // 999,999 Hangul syllables are their own NFC by the quick check, though their NFD would pass the size limit
    const hangul = "import unicodedata as u\ns = '\uac00\ud7a3' * 499_999\nreturn len(u.normalize('NFC', s)), u.is_normalized('NFKC', s), u.is_normalized('NFD', s)";
    expect(compareWithCPython([hangul], big)).toEqual([]);
    // within the default steps (the time limit lifted: seven others load this machine's two cores)
    expect(evaluator(new Engine({ maxMillis: 60_000 }), { source: hangul }).repr).toBe('(999998, True, False)');
  }, 30_000);
});

describe('the table', () => {
  it('is what scripts/unicode-data.py writes from this python3', () => {
    const script = fileURLToPath(new URL('../../scripts/unicode-data.py', import.meta.url));
    const table = fileURLToPath(new URL('../../src/lang/runtime/unicode-data-table.ts', import.meta.url));
    expect(execFileSync('python3', [script], { encoding: 'utf8', maxBuffer: 1 << 24 }) === readFileSync(table, 'utf8')).toBe(true);
  });
});
