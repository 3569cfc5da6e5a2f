import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { random } from '../../src/bench/workload.js';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { announceSeed } from '../support/fuzz-seed.js';

// IDNA against CPython 3.11's Lib/encodings/idna.py: nameprep on every code point (stringprep's
// tables on Unicode 3.2), ToASCII and ToUnicode, the four dots, label lengths, and its
// UnicodeErrors as the registry words them (twice, for Punycode's inside it).

const engine = new Engine({ maxMillis: 10_000 });
const big = new Engine({ maxMillis: 30_000, maxSteps: 100_000_000 });

/** Each call's answer or error, so that one error hides no other. */
const each = (calls: string) =>
  `def t(f, *a):\n    try:\n        return f(*a)\n    except (UnicodeError, LookupError, TypeError, ValueError) as e:\n        return type(e).__name__, str(e), e.args, [getattr(e, k, None) for k in ('encoding', 'object', 'start', 'end', 'reason')]\nreturn ${calls}`;

describe('idna', () => {
  it('encodes labels as CPython does: ASCII, nameprep, Punycode, the dots, and the errors of each', () => {
    const texts = String.raw`['', '.', 'a', 'a.', '.a', 'a..b', 'a' * 63, 'a' * 64, 'a' * 63 + '.', 'a' * 64 + '.', 'b.' + 'a' * 64, 'bücher.de', 'Bücher.DE.', 'ü。de．x｡y', 'ü.', '.ü', 'ü..a', 'ü' * 59, 'ü' * 60, 'ü' * 55 + 'a', 'ü' * 200,
      'xn--ü', 'XN--ü', 'xn--a.ü', 'a\u200eb', '\u05d0a', '\u05d0', '\u05d0\u05d1', '\u05d0\u0661', '\u05d01', '1\u05d0', '\u05d0\u0300', 'ａｂｃ．ｄｅ', 'ǅ', 'Ⅻ', '\u3000a', '\ue000', '\ufdd0', '\U0001fffe', '\u0340',
      '\U000e0020', '\u2ff0', 'a\u0301\u0327', '\u1e9b\u0323', 'x\U0001d400y', '😀', '\u0221', '\u9fff', '\u00ad', 'a\u00adb\u00df', 'ß', '\u0130', 'İstanbul', 'ÜBER.Straße', '\ufdfa', '\u2189', '\ud800', 'ü\udcff', '\x00ü', '\x7fü',
      'ü\x00', 'ü ', 'ü\u00a0', 'ü\u3002', '\u3002', 'ü\uff0e\uff0e', 'ﬁ.ü', '\u0385', '\u03d3', '\u1fb7', '\u33c6', '\U0001d7bb', '\u2126', 'K\u212a', '\u0149', '\u0390']`.replace(/\n\s+/g, ' ');
    expect(compareWithCPython([each(`[t(s.encode, 'idna') for s in ${texts}]`), each("t('ü'.encode, 'idna', 'ignore'), t('a'.encode, 'IDNA', 'bogus'), t(bytes, 'bücher', 'idna'), t(bytearray, 'ü.a', 'idna')")], engine)).toEqual([]);
  });

  it('decodes labels as CPython does: ASCII, the ACE prefix, the round trip, and the errors of each', () => {
    const data = String.raw`[b'', b'.', b'a', b'a..b', b'a' * 70, b'xn--bcher-kva.de', b'XN--bcher-kva', b'xn--BCHER-KVA', b'xn--bcher-kva.xn--ls8h.', b'xn--tda.xn--4db', b'xn--ls8h', b'xn--a-9', b'xn--abc-', b'xn--a',
      b'xn--.', b'xn--', b'xn--xn--a-ecp', b'xn--\xff', b'\xff.xn--a', b'\xe9', b'a.\xe9', b'xn--tda.\xe9', b'xn--bcher-kva' + b'a' * 60, b'xn--9999999999a', b'xn--zz', b'xn--a-.', b'xn--4db.xn--tda', b'xn--mnchen-3ya',
      b'xn--ssa', b'xn--zca', b'xn--i-7iq', b'xn--ai-sub', b'xn--1ch', b'xn--a-ecp']`.replace(/\n\s+/g, ' ');
    expect(compareWithCPython([each(`[t(b.decode, 'idna') for b in ${data}]`), each("t(b'a'.decode, 'idna', 'replace'), t(b''.decode, 'idna', 'bogus'), t(str, bytearray(b'xn--tda'), 'idna'), t(str, memoryview(b'xn--a'), 'idna')")], engine)).toEqual([]);
  });

  it('nameprepares every code point of the BMP, and every 7th beyond it, as CPython does', () => {
    // in cases of 8,192 code points, each within CPython's time and the size limit
    const chunks: number[][] = [];
    for (let from = 0; from < 0x10000; from += 0x2000) chunks.push([from, from + 0x2000, 1]);
    for (let from = 0x10000; from < 0x110000; from += 0x2000 * 7) chunks.push([from, Math.min(from + 0x2000 * 7, 0x110000), 7]);
    expect(compareWithCPython(chunks.map(([from, to, by]) => `out = []\nfor c in range(${from}, ${to}, ${by}):\n    try:\n        out.append(chr(c).encode('idna'))\n    except UnicodeError as e:\n        out.append(str(e))\nreturn out`), big)).toEqual([]);
  }, 120_000);
});

describe('a seeded sample', () => {
  const seed = announceSeed('codecs-idna');

  it('round-trips random names, and decodes random labels, as CPython does', () => {
    const rand = random(seed);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const chars = [0x61, 0x41, 0x2d, 0x30, 0x2e, 0x3002, 0xff0e, 0xfc, 0xdf, 0x130, 0xad, 0x5d0, 0x661, 0x301, 0xfb01, 0x4e00, 0x1f600, 0x200e, 0x20, 0xa0, 0x2126, 0xfdfa];
    const bytes = [0x78, 0x6e, 0x2d, 0x2d, 0x61, 0x62, 0x7a, 0x39, 0x30, 0x2e, 0x41, 0x58, 0x4e, 0xe9];
    const sources: string[] = [];
    for (let k = 0; k < 400; k++) {
      const text = Array.from({ length: Math.floor(rand() * 9) }, () => `\\U${pick(chars).toString(16).padStart(8, '0')}`).join('');
      const octets = Array.from({ length: Math.floor(rand() * 12) }, () => `\\x${pick(bytes).toString(16).padStart(2, '0')}`).join('');
      sources.push(each(`t('${text}'.encode, 'idna'), t(lambda: '${text}'.encode('idna').decode('idna')), t(b'${octets}'.decode, 'idna')`));
    }
    expect(compareWithCPython(sources, engine)).toEqual([]);
  });
});

describe('hostile input', () => {
  it('a million characters, or a hundred thousand labels: in good time with the budget for it (CPython takes seconds), a StepLimitError without', () => {
    for (const body of ["('ü' * 10**6).encode('idna')", "('a' * 999999).encode('idna')", "('ü.' * 100000).encode('idna')", "('\\ufdfa.' * 50000).encode('idna')", "(b'xn--tda.' * 50000).decode('idna')", "(b'xn--' + b'9' * 999990 + b'a').decode('idna')", "(b'xn--' + b'a' * 999990).decode('idna')"]) {
      const t0 = performance.now();
      const got = evaluator(big, { source: `try:\n    return len(${body})\nexcept UnicodeError as e:\n    return str(e)[:80]` });
      expect(performance.now() - t0, body).toBeLessThan(10_000);
      expect(got.error ?? got.repr, body).toMatch(/^\d+$|^["'].*["']$|^MemoryError: condition built a value of \d+ items/);
      expect(evaluator(engine, { source: `return len(${body})` }).error, body).toMatch(/^StepLimitError/);
    }
  }, 120_000);
});

describe('the table', () => {
  it('is what scripts/stringprep-tables.py writes from this python3', () => {
    const script = fileURLToPath(new URL('../../scripts/stringprep-tables.py', import.meta.url));
    const table = fileURLToPath(new URL('../../src/lang/runtime/codecs/stringprep-table.ts', import.meta.url));
    expect(execFileSync('python3', [script], { encoding: 'utf8' }) === readFileSync(table, 'utf8')).toBe(true);
  });
});
