import { describe, expect, it } from 'vitest';
import { random } from '../../src/bench/workload.js';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { announceSeed } from '../support/fuzz-seed.js';

// UTF-7 against CPython 3.11's C codec: bytes out, every name it goes by, and its decoder's
// errors (words, spans, fields) under each error handler.

const engine = new Engine({ maxMillis: 10_000 });

/** Each call's answer or error, so that one error hides no other. */
const each = (calls: string) =>
  `def t(f, *a):\n    try:\n        return f(*a)\n    except (UnicodeError, LookupError, TypeError, ValueError) as e:\n        return type(e).__name__, str(e), e.args, [getattr(e, k, None) for k in ('encoding', 'object', 'start', 'end', 'reason')]\nreturn ${calls}`;

const handlers = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace', 'surrogateescape', 'surrogatepass', 'bogus'];

describe('utf-7', () => {
  it('is found by every name CPython takes', () => {
    const names = ['utf-7', 'UTF7', 'utf_7', 'u7', 'U7', 'unicode-1-1-utf-7', 'unicode_1_1_utf_7', 'csunicode11utf7', 'utf 7'];
    expect(compareWithCPython(names.map((n) => each(`t('a+€'.encode, '${n}'), t(b'+AGE-'.decode, '${n}')`)), engine)).toEqual([]);
  });

  it('encodes set D, set O, whitespace, specials, astral characters and lone surrogates as CPython does', () => {
    const texts = String.raw`['', 'a', '+', '++', 'a+b', '-', '€', '€-', '€a', '€.', '€ ', '€+', 'a€b€c', '😀', '\ud800', '\udc00', '\udfff\ud800', '\x00', '~\\', 'tab\tnl\n\rcr', '!"#$%&*;<=>@[]^_${'`'}{|}', '\x7f\x80\xff', 'é-', 'éé/', 'ab€€€€€€€€', '€😀€', '\U0010ffff-']`;
    expect(compareWithCPython([each(`[t(s.encode, 'utf-7', h) for s in ${texts} for h in ${JSON.stringify(handlers)}]`)], engine)).toEqual([]);
  });

  it("decodes, with CPython's errors and spans under every handler", () => {
    const data = String.raw`[b'', b'a', b'+', b'a+', b'+-', b'+!', b'+\x80', b'+AGE', b'+AGE-', b'+AGEA', b'+AGEA-', b'+AG-', b'+AG', b'+AGF-', b'+AGEAYQ', b'+AGEAYQ-x', b'+2D3cAA-', b'+2D0-', b'+2D0', b'+2D3-', b'+2D0AYQ-', b'+2D0.', b'+2D0+', b'+2D0\x80', b'+3AA-', b'\x80', b'a\xff+AGE\x80', b'+AGE\x80', b'+AGE+AGE-', b'+AGEx', b'+ZZZ-', b'+ZZZZ', b'+/v8-', b'+AAA-', b'~\\', b'+AGE-+', b'+AG\xe9', b'+-+-', b'+A', b'+AB-x', b'a-b']`;
    expect(compareWithCPython([each(`[t(b.decode, 'utf-7', h) for b in ${data} for h in ${JSON.stringify(handlers)}]`)], engine)).toEqual([]);
    expect(compareWithCPython([each("t(bytearray(b'+AG-').decode, 'utf7'), t(str, memoryview(b'+AGE'), 'u7'), t(bytes, '€', 'utf-7'), t(bytearray(b'x+\\xff').decode, 'utf-7', 'replace')")], engine)).toEqual([]);
  });
});

describe('a seeded sample', () => {
  const seed = announceSeed('codecs-utf7');

  it('round-trips random text, and decodes random bytes, as CPython does', () => {
    const rand = random(seed);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const chars = [0x41, 0x2b, 0x2d, 0x2e, 0x20, 0x0a, 0x00, 0x7e, 0x5c, 0x21, 0x7f, 0x80, 0xe9, 0x20ac, 0xfeff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0x1f600, 0x10ffff];
    const bytes = [0x2b, 0x2d, 0x41, 0x42, 0x61, 0x7a, 0x30, 0x2f, 0x2e, 0x20, 0x21, 0x38, 0x32, 0x44, 0x33, 0x63, 0x80, 0xff];
    const sources: string[] = [];
    for (let k = 0; k < 600; k++) {
      const points: number[] = [];
      for (let n = Math.floor(rand() * 8); points.length < n; ) {
        const cp = pick(chars);
        // a high surrogate then a low one are one character here (the README's one difference in strings)
        if (!(cp >= 0xdc00 && cp <= 0xdfff && points.length > 0 && points[points.length - 1] >= 0xd800 && points[points.length - 1] <= 0xdbff)) points.push(cp);
      }
      const text = points.map((cp) => `\\U${cp.toString(16).padStart(8, '0')}`).join('');
      const octets = Array.from({ length: Math.floor(rand() * 10) }, () => `\\x${pick(bytes).toString(16).padStart(2, '0')}`).join('');
      sources.push(each(`t('${text}'.encode, 'utf-7'), t('${text}'.encode('utf-7').decode, 'utf-7'), t(b'${octets}'.decode, 'utf-7', '${pick(handlers)}')`));
    }
    expect(compareWithCPython(sources, engine)).toEqual([]);
  });
});

describe('hostile input', () => {
  it('encodes and decodes a million characters in good time, paid for', () => {
    const e = new Engine({ maxMillis: 20_000, maxSteps: 50_000_000 });
    for (const body of ["len(('€' * 10**6).encode('utf-7').decode('utf-7'))", "len(('a+' * 500000).encode('utf-7').decode('utf-7'))", "len((b'+' * 10**6).decode('utf-7', 'replace'))", "len((b'+AG-' * 250000).decode('utf-7', 'ignore'))", "len((b'+' + b'A' * 999999).decode('utf-7', 'ignore'))"]) {
      const t0 = performance.now();
      const got = evaluator(e, { source: `return ${body}` });
      // tens of milliseconds each; a quadratic path takes seconds
      expect(performance.now() - t0, body).toBeLessThan(3_000);
      expect(got.error ?? got.repr, body).toMatch(/^\d+$|^MemoryError: condition built a value of \d+ items/);
    }
    expect(evaluator(engine, { source: "s = '€' * 10**5\nwhile True:\n    s.encode('utf-7')" }).error).toMatch(/^StepLimitError/);
  });
});
