import { describe, expect, it } from 'vitest';
import { random } from '../../src/bench/workload.js';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { announceSeed } from '../support/fuzz-seed.js';

// Punycode against CPython 3.11's Lib/encodings/punycode.py: bytes out, and the decoder under
// 'strict', 'replace' and 'ignore' (and the handlers it refuses), its UnicodeErrors as the
// registry words them, and the ASCII codec's errors on its two parts.

const engine = new Engine({ maxMillis: 10_000 });

/** Each call's answer or error, so that one error hides no other. */
const each = (calls: string) =>
  `def t(f, *a):\n    try:\n        return f(*a)\n    except (UnicodeError, LookupError, TypeError, ValueError) as e:\n        return type(e).__name__, str(e), e.args, [getattr(e, k, None) for k in ('encoding', 'object', 'start', 'end', 'reason')]\nreturn ${calls}`;

const handlers = ['strict', 'replace', 'ignore', 'backslashreplace', 'surrogateescape', 'bogus'];

describe('punycode', () => {
  it("encodes as CPython does, whatever the handler's name", () => {
    const texts = String.raw`['', 'a', '-', 'abc', 'bücher', 'ü', 'üü', 'üa', 'aü', 'München-Ost', '日本語', 'пример', 'a\u0080', '\uffff\U0010ffff', '\ud800', 'a\udfffb\ud800é', '😀😀a😀', 'ababüxüyü€z€', 'ÿ' * 50, ''.join(map(chr, range(0x80, 0x200, 3))), 'x' * 30 + 'é' + 'y' * 30]`;
    expect(compareWithCPython([each(`[t(s.encode, 'punycode', h) for s in ${texts} for h in ${JSON.stringify(handlers)}]`)], engine)).toEqual([]);
  });

  it("decodes, with its errors and the ASCII codec's under each handler", () => {
    const data = String.raw`[b'', b'-', b'--', b'a-', b'-a', b'bcher-kva', b'BCHER-KVA', b'ca', b'zz', b'9', b'a-9', b'a-!', b'a-\xe9', b'\xe9-a', b'\xe9\xff-ca', b'a\x80b-ca', b'-\x80', b'abc-ab', b'99999999999999999999999a', b'9999999999a', b'zzzzzzzzzzzzzzzzzza', b'a-aaaaaaaaaa', b'wgv71a119e', b'e1afmkfd', b'ls8h', b'fsq', b'x-ba', b'a-b-c-ca', b'a-.', b'a- ', b'a-z.', b'3ca9ca', b'ca-', b'a-7', b'a-9a9a', b'a-99a', b'xn--bcher-kva', b'5555555555555555555555555555a', b'a' * 40, b'8' * 12 + b'a']`;
    expect(compareWithCPython([each(`[t(b.decode, 'punycode', h) for b in ${data} for h in ${JSON.stringify(handlers)}]`)], engine)).toEqual([]);
    expect(compareWithCPython([each("t(bytearray(b'bcher-kva').decode, 'punycode'), t(str, memoryview(b'-\\xff'), 'punycode', 'replace'), t(bytes, 'bücher', 'punycode'), t(bytearray(b'\\xff-a').decode, 'PUNYCODE')"), each("t(b''.decode, 'punycode', 'bogus'), t(b''.decode, 'no-such-codec'), t(str, b'', 'hex'), t(''.encode, 'no-such-codec'), t(b''.decode, 'x\\x00')")], engine)).toEqual([]);
  });
});

describe('a seeded sample', () => {
  const seed = announceSeed('codecs-punycode');

  it('round-trips random text, and decodes random bytes, as CPython does', () => {
    const rand = random(seed);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const chars = [0x41, 0x61, 0x2d, 0x7a, 0x30, 0x80, 0xe9, 0xfc, 0x20ac, 0x65e5, 0xfeff, 0xd800, 0xdfff, 0x1f600, 0x10ffff];
    const bytes = [0x2d, 0x41, 0x61, 0x7a, 0x5a, 0x30, 0x39, 0x35, 0x61, 0x62, 0x63, 0x2e, 0x80, 0xff];
    const sources: string[] = [];
    for (let k = 0; k < 500; k++) {
      const points: number[] = [];
      for (let n = Math.floor(rand() * 10); points.length < n; ) {
        const cp = pick(chars);
        // a high surrogate then a low one are one character here (the README's one difference in strings)
        if (!(cp >= 0xdc00 && cp <= 0xdfff && points.length > 0 && points[points.length - 1] >= 0xd800 && points[points.length - 1] <= 0xdbff)) points.push(cp);
      }
      const text = points.map((cp) => `\\U${cp.toString(16).padStart(8, '0')}`).join('');
      const octets = Array.from({ length: Math.floor(rand() * 12) }, () => `\\x${pick(bytes).toString(16).padStart(2, '0')}`).join('');
      sources.push(each(`t('${text}'.encode, 'punycode'), t('${text}'.encode('punycode').decode, 'punycode'), t(b'${octets}'.decode, 'punycode', '${pick(handlers.slice(0, 3))}')`));
    }
    expect(compareWithCPython(sources, engine)).toEqual([]);
  });
});

describe('hostile input', () => {
  it('encodes a million characters, all of them distinct, in n log n where CPython is quadratic', () => {
    const e = new Engine({ maxMillis: 20_000, maxSteps: 50_000_000 });
    for (const body of ["len(''.join(map(chr, range(0x80, 0xd800))).encode('punycode'))", "len(('é' * 10**6).encode('punycode'))", "len(''.join(map(chr, range(0xe000, 0x10ffff, 1))).encode('punycode'))"]) {
      const t0 = performance.now();
      const got = evaluator(e, { source: `return ${body}` });
      expect(performance.now() - t0, body).toBeLessThan(5_000);
      expect(got.error ?? got.repr, body).toMatch(/^\d+$|^MemoryError: condition built a value of \d+ items/);
    }
    expect(compareWithCPython(["s = ''.join(map(chr, range(0x80, 0x400)))\nreturn s.encode('punycode').decode('punycode') == s, len(s.encode('punycode')), s.encode('punycode')[-40:]"], e)).toEqual([]);
  });

  it("charges the decoder's quadratic insertions and makes a long number in n log n, so that no input holds the worker", () => {
    const e = new Engine({ maxMillis: 20_000, maxSteps: 50_000_000 });
    // insertions, each a copy of what follows; one number of a hundred thousand digits (CPython's is quadratic, here n log n); digits that never end
    for (const body of ["(b'-' + b'a' * 999999).decode('punycode')", "s.encode('punycode').decode('punycode')", "(b'9' * 10**5 + b'a').decode('punycode', 'replace')", "(b'9' * 10**6).decode('punycode', 'ignore')", "(b'a' * 999998 + b'-9').decode('punycode', 'ignore')"]) {
      for (const en of [engine, e]) {
        const t0 = performance.now();
        const got = evaluator(en, { source: `s = ''.join(map(chr, range(0x10ffff, 0x10ffff - 10**5, -1)))\nreturn len(${body})` });
        expect(performance.now() - t0, body).toBeLessThan(5_000);
        expect(got.error ?? got.repr, body).toMatch(/^\d+$|^StepLimitError/);
      }
    }
    // each character put before all the others: a copy of all of them each time, some 800,000 steps of the 1,100,000 the run takes
    const descending = "s = ''.join(map(chr, range(0x10ffff, 0x10ffff - 40000, -1)))\nreturn s.encode('punycode').decode('punycode') == s";
    expect(evaluator(new Engine({ maxMillis: 20_000, maxSteps: 600_000 }), { source: descending }).error).toMatch(/^StepLimitError/);
    expect(evaluator(new Engine({ maxMillis: 20_000, maxSteps: 1_500_000 }), { source: descending }).repr).toBe('True');
  });
});
