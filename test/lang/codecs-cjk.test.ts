import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { random } from '../../src/bench/workload.js';
import { Engine } from '../../src/lang/index.js';
import { CJK, STATEFUL } from '../../src/lang/runtime/codecs/cjk-tables.js';
import { ALIASES } from '../../src/lang/runtime/codecs/tables.js';
import { compareWithCPython, cpythonInBackground, evaluator, type Outcome } from '../support/cpython.js';
import { announceSeed } from '../support/fuzz-seed.js';

// The multibyte CJK codecs (gbk, shift_jis, big5, euc_kr, ...) against CPython 3.11: every
// sequence of their tables both ways, random bytes and strings through every error handler,
// their names, and hostile sizes.

const STATELESS = Object.keys(CJK);
const CODECS = [...STATELESS, ...Object.keys(STATEFUL)];
const HANDLERS = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace', 'surrogateescape', 'surrogatepass'];
const big = new Engine({ maxSteps: 100_000_000, maxMillis: 120_000, maxSize: 10_000_000 });

/** Each call's answer or error, so that one error hides no other. */
const each = (calls: string) =>
  `def t(f, *a):\n    try:\n        return f(*a)\n    except (UnicodeError, LookupError, TypeError, ValueError) as e:\n        return type(e).__name__, str(e), e.args, [getattr(e, k, None) for k in ('encoding', 'object', 'start', 'end', 'reason')]\nreturn ${calls}`;

// Each table is checked in parts, each part a case of its own: a whole table takes CPython more
// than the 2 s scripts/cpython-cases.py allows a case on a loaded machine.
const part = (list: string) => `return ascii(${list})`;

/** Each sequence of one and two bytes (three, four, eight where the codec has them) decoded. */
function decodings(codec: string): string[] {
  const lists = ['[d(bytes([a])) for a in range(256)]', '[d(bytes([a, b])) for a in range(128, 192) for b in range(256)]', '[d(bytes([a, b])) for a in range(192, 256) for b in range(256)]'];
  if (codec.startsWith('euc_j')) lists.push('[d(bytes([0x8f, a, b])) for a in range(128) for b in range(256)]', '[d(bytes([0x8f, a, b])) for a in range(128, 256) for b in range(256)]');
  if (codec === 'gb18030') {
    lists.push('[d(bytes([0x81 + i // 12600, 0x30 + i // 1260 % 10, 0x81 + i // 10 % 126, 0x30 + i % 10])) for i in range(20000)]');
    lists.push('[d(bytes([0x81 + i // 12600, 0x30 + i // 1260 % 10, 0x81 + i // 10 % 126, 0x30 + i % 10])) for i in range(20000, 39420)]');
    lists.push('[d(bytes([a, b, c, x])) for a in (0x80, 0x81, 0x84, 0x85, 0x8e, 0x8f, 0x90, 0xe3, 0xe4, 0xfe, 0xff) for b in (0x2f, 0x30, 0x35, 0x39, 0x3a) for c in range(0x7f, 0x100, 3) for x in (0x2f, 0x30, 0x39, 0x3a)]');
  }
  if (codec === 'euc_kr') lists.push('[d(bytes([0xa4, 0xd4, 0xa4, a, 0xa4, b, 0xa4, c])) for a in range(0xa0, 0x100, 3) for b in range(0xa0, 0x100, 5) for c in range(0xa0, 0x100, 2)]');
  return lists.map(part);
}

/** Each byte, and every two after each escape sequence a stateful codec knows (some after the others'), decoded. */
function escapedDecodings(codec: string): string[] {
  const own = STATEFUL[codec].escapes;
  const others = ['\x1b(B', '\x1b(J', '\x1b(I', '\x1b$A', '\x1b$(C', '\x1b.A', '\x1b.F', '\x1b$)C\x0e', '~{'].filter((e) => !own.includes(e));
  return [
    `[d(bytes([a])) for a in range(256)]`,
    `[d(bytes([a, b])) for a in range(256) for b in range(0, 256, 5)]`,
    ...own.map((e) => `[d(${JSON.stringify(e)}.encode('latin-1') + bytes([a, b])) for a in range(0x20, 0x80) for b in range(256)]`),
    `[d(E.encode('latin-1') + bytes([a, b])) for E in ${JSON.stringify(others)} for a in range(0, 256, 3) for b in range(0, 256, 29)]`,
  ].map(part);
}

/** Every character of the BMP and some beyond encoded, and what was encoded read back. */
const ENCODINGS = ['range(0, 0x4000)', 'range(0x4000, 0x8000)', 'range(0x8000, 0xc000)', 'range(0xc000, 0x10000)', 'range(0x10000, 0x110000, 71)', 'range(0x20000, 0x30000, 3)'].map(
  (points) => `r = [e(chr(c)) for c in ${points}]\nr += [d(x) for x in r if isinstance(x, bytes)]\nreturn ascii(r)`,
);

const tableSource = (codec: string, body: string) =>
  `C = '${codec}'\ndef d(b):\n    try:\n        return b.decode(C)\n    except UnicodeDecodeError as e:\n        return e.start, e.end, e.reason\ndef e(s):\n    try:\n        return s.encode(C)\n    except UnicodeEncodeError as x:\n        return x.start, x.end, x.reason\n${body}`;

/**
 * Every table case, answered by one CPython process started with the first table test (after
 * the first-use test, whose run has a clock): it works through them while the evaluator works
 * through its side of the tests before.
 */
const TABLE_SOURCES = [
  ...STATELESS.flatMap((c) => decodings(c).map((b) => tableSource(c, b))),
  ...Object.keys(STATEFUL).flatMap((c) => escapedDecodings(c).map((b) => tableSource(c, b))),
  ...CODECS.flatMap((c) => ENCODINGS.map((b) => tableSource(c, b))),
];
let tableAnswers: Map<string, Promise<Outcome>> | undefined;

/** What decoding each sequence and encoding each character gives, as one text per part of a codec's table; where it differs from CPython's, the first difference. */
async function tableDifference(codec: string, bodies: string[]): Promise<string | null> {
  for (const body of bodies) {
    const difference = await partDifference(codec, body);
    if (difference !== null) return difference;
  }
  return null;
}

async function partDifference(codec: string, body: string): Promise<string | null> {
  const source = tableSource(codec, body);
  startBackground();
  tableAnswers ??= new Map(cpythonInBackground(TABLE_SOURCES.map((s) => ({ source: s }))).map((answer, i) => [TABLE_SOURCES[i], answer]));
  const got = evaluator(big, { source });
  const want: Outcome = await tableAnswers.get(source)!;
  if (got.repr === want.repr && want.repr !== undefined) return null;
  if (got.repr === undefined || want.repr === undefined) return `${codec}: got ${got.error ?? 'a value'}, CPython ${want.error ?? 'a value'}`;
  let i = 0;
  while (got.repr[i] === want.repr[i]) i++;
  return `${codec} at ${i}: got ${got.repr.slice(i - 60, i + 60)}, CPython ${want.repr.slice(i - 60, i + 60)}`;
}

/** What scripts/cjk-tables.py writes (the slowest part of the file, a minute or more), asked with the first table test, so that it runs beside the rest. */
let writtenTables: Promise<string> | undefined;

function startBackground(): void {
  const script = fileURLToPath(new URL('../../scripts/cjk-tables.py', import.meta.url));
  writtenTables ??= new Promise<string>((resolve, reject) => {
    execFile('python3', [script], { encoding: 'utf8', maxBuffer: 1 << 26 }, (err, out) => (err === null ? resolve(out) : reject(err)));
  });
}

// first in the file: no codec's tables are built yet
describe('first use', () => {
  it("builds a codec's tables outside the run's clock: a run that meets them keeps its whole budget", () => {
    // the 24 tables take half a second to a second to build on a loaded machine; the clock starts in the first loop, and the second looks at it
    const e = new Engine({ maxMillis: 300 });
    const source = `s = 0\nfor i in range(1000):\n    s += i\nfor c in ${JSON.stringify(CODECS)}:\n    b'\\xb0\\xa1'.decode(c, 'replace')\n    '\\u4e00'.encode(c, 'replace')\nfor i in range(1000):\n    s += i\nreturn s`;
    expect(evaluator(e, { source })).toEqual({ repr: '999000', data: {} });
  });
});

describe('every table entry', () => {
  it.each(STATELESS)('%s: decodes every sequence of one and two bytes (three, four, eight where it has them) as CPython', async (codec) => {
    expect(await tableDifference(codec, decodings(codec))).toBeNull();
  }, 120_000);

  it.each(Object.keys(STATEFUL))('%s: decodes every byte and every two after each escape sequence it knows as CPython', async (codec) => {
    expect(await tableDifference(codec, escapedDecodings(codec))).toBeNull();
  }, 120_000);

  it.each(CODECS)('%s: encodes every character of the BMP (and beyond) as CPython, and reads it back', async (codec) => {
    expect(await tableDifference(codec, ENCODINGS)).toBeNull();
  }, 120_000);
});

describe('pairs', () => {
  it.each(CODECS.filter((c) => (CJK[c] ?? STATEFUL[c]).multi.length > 0))("%s: writes two characters as one sequence where CPython does, and each alone where it does", (codec) => {
    const multi = (CJK[codec] ?? STATEFUL[codec]).multi;
    const firsts = [...new Set(multi.map((m) => m[0]))].join('');
    const seconds = [...new Set(multi.map((m) => m[1]))].join('');
    // CPython finds a pair by the second character's low 16 bits: NUL, U+10000 and U+1309A are seconds too
    const all = JSON.stringify(firsts + seconds + 'x\u00e9\u0000\u{10000}\u{1309a}\u{10304}\u{2030c}');
    expect(compareWithCPython([each(`[t((a + b).encode, '${codec}') for a in ${all} for b in ${all}]`), each(`[t((a + b + c).encode, '${codec}', 'backslashreplace') for a in ${all} for b in ${JSON.stringify(firsts)} for c in ${JSON.stringify(seconds)}]`), each(`[t(s.decode, '${codec}') for s in [m.encode('${codec}') for m in ${JSON.stringify(multi)}]]`)], big)).toEqual([]);
  });
});

describe('names and routes', () => {
  it("finds each codec by its module's name and every alias, in any case and punctuation", () => {
    const names = [...CODECS, ...CODECS.map((c) => c.toUpperCase().replace(/_/g, '-')), ...Object.keys(ALIASES).filter((a) => CODECS.includes(ALIASES[a]))];
    expect(compareWithCPython(names.map((n) => each(`t('中日한\\u00e9'.encode, ${JSON.stringify(n)}, 'backslashreplace'), t(b'\\x81\\x40\\xa4\\xa1\\xb0\\xa1a\\xff'.decode, ${JSON.stringify(n)}, 'backslashreplace')`)))).toEqual([]);
  });

  it('takes bytearray and memoryview, raises with the bytes and the str it was given, and words every error as CPython', () => {
    expect(compareWithCPython(CODECS.flatMap((c) => [
      each(`t(bytearray(b'\\xb0\\xa1\\x81').decode, '${c}'), t(str, memoryview(b'\\xb0\\xa1'), '${c}'), t(bytes, '\\u4e00x\\U0001f600', '${c}')`),
      each(`t(b'\\xb0\\xa1\\x81'.decode, '${c}', 'bogus'), t('\\ud800'.encode, '${c}', 'bogus'), t(b'\\x81\\x20'.decode, '${c}', 'xmlcharrefreplace')`),
    ]))).toEqual([]);
  });
});

describe('a seeded sample', () => {
  const seed = announceSeed('cjk codecs');
  const rand = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

  it('decodes random bytes with every handler as CPython', () => {
    // lead bytes, trail bytes of every codec, gb18030's digits, euc_jp's 0x8f, euc_kr's make-up
    // and the stateful ones' escapes, shifts and designations
    const bytes = [0x1b, 0x1b, 0x24, 0x28, 0x29, 0x2e, 0x4e, 0x26, 0x40, 0x41, 0x42, 0x43, 0x44, 0x46, 0x49, 0x4a, 0x4f, 0x50, 0x51, 0x0e, 0x0f, 0x7b, 0x7d, 0x21, 0x00, 0x0a, 0x30, 0x35, 0x39, 0x41, 0x5c, 0x7e, 0x7f, 0x80, 0x81, 0x8e, 0x8f, 0x90, 0xa0, 0xa1, 0xa4, 0xb0, 0xbf, 0xc8, 0xd4, 0xdf, 0xe0, 0xf9, 0xfd, 0xfe, 0xff];
    const sources: string[] = [];
    for (const codec of CODECS) {
      const data = Array.from({ length: 80 }, () => `b'${Array.from({ length: Math.floor(rand() * 16) }, () => `\\x${(rand() < 0.6 ? pick(bytes) : Math.floor(rand() * 256)).toString(16).padStart(2, '0')}`).join('')}'`);
      for (const h of HANDLERS) sources.push(each(`[t(b.decode, '${codec}', '${h}') for b in [${data.join(', ')}]]`));
    }
    expect(compareWithCPython(sources, big)).toEqual([]);
  }, 120_000);

  it('encodes random strings with every handler as CPython', () => {
    // ASCII, Latin-1, Greek, Cyrillic, kana, CJK, Hangul, symbols, private use, lone and escapable surrogates, astral
    const ranges = [[0x20, 0x7f], [0x80, 0x100], [0x391, 0x3ca], [0x410, 0x450], [0x3041, 0x30ff], [0x4e00, 0x9fff], [0xac00, 0xd7a4], [0x2010, 0x2065], [0x2100, 0x2300], [0xe000, 0xe800], [0xff01, 0xffef], [0xd800, 0xd802], [0xdc80, 0xdc82], [0xdcfe, 0xdd00], [0x10000, 0x10004], [0x20000, 0x2a6df], [0x10fffe, 0x110000],
      // JIS X 0213's and HKSCS's pairs: kana, IPA and accented letters, then combining marks
      [0x304b, 0x304c], [0x30ab, 0x30ac], [0xe6, 0xe7], [0x254, 0x255], [0x2e5, 0x2e6], [0x2e9, 0x2ea], [0xca, 0xcb], [0xea, 0xeb], [0x300, 0x305], [0x309a, 0x309b], [0x30c, 0x30d]];
    const sources: string[] = [];
    for (const codec of CODECS) {
      const texts = Array.from({ length: 40 }, () => {
        const points: number[] = [];
        for (let n = Math.floor(rand() * 8); points.length < n; ) {
          const [lo, hi] = pick(ranges);
          const cp = lo + Math.floor(rand() * (hi - lo));
          // a high surrogate then a low one are one character here (the README's one difference in strings)
          if (!(cp >= 0xdc00 && cp <= 0xdfff && points.length > 0 && points[points.length - 1] >= 0xd800 && points[points.length - 1] <= 0xdbff)) points.push(cp);
        }
        return `'${points.map((cp) => `\\U${cp.toString(16).padStart(8, '0')}`).join('')}'`;
      });
      for (const h of HANDLERS) sources.push(each(`[t(s.encode, '${codec}', '${h}') for s in [${texts.join(', ')}]]`));
    }
    expect(compareWithCPython(sources, big)).toEqual([]);
  }, 120_000);
});

describe('hostile input', () => {
  it('encodes and decodes a million characters and bytes in every codec in good time, paid for', () => {
    const e = new Engine({ maxMillis: 20_000, maxSteps: 50_000_000 });
    for (const c of CODECS) {
      for (const body of [
        `s = '中' * 10**6\nreturn len(s.encode('${c}', 'replace').decode('${c}'))`,
        `return len(('\\udc80' * 10**6).encode('${c}', 'ignore'))`,
        `return len((b'\\x81' * 10**6).decode('${c}', 'replace'))`,
        `return len((b'\\xa4\\xd4' * 500000).decode('${c}', 'ignore'))`,
        `return len((b'\\x81\\x30' * 500000).decode('${c}', 'surrogateescape'))`,
        // escape sequences: unterminated, unknown, and designations back and forth
        `return len((b'\\x1b$(' * 333333).decode('${c}', 'replace'))`,
        `return len((b'\\x1b$B\\x30\\x21\\x1b(B~{~}' * 100000).decode('${c}', 'backslashreplace'))`,
        `return len(('\\u4e00a\\uac00\\xe9' * 250000).encode('${c}', 'xmlcharrefreplace'))`,
      ]) {
        const t0 = performance.now();
        const got = evaluator(e, { source: body });
        // tens of milliseconds each; a quadratic or per-character-allocating path takes seconds
        expect(performance.now() - t0, `${c}: ${body}`).toBeLessThan(3_000);
        expect(got.error ?? got.repr, `${c}: ${body}`).toMatch(/^\d+$|^MemoryError: condition built a value of \d+ items; the limit is 1000000$/);
      }
    }
  }, 120_000);

  it('stops a loop of them at the step limit, and refuses replacements past the size limit as they grow', () => {
    const engine = new Engine();
    expect(evaluator(engine, { source: "b = '中文' * 10**4\nwhile True:\n    b.encode('gbk')" }).error).toMatch(/^StepLimitError/);
    expect(evaluator(engine, { source: "b = b'\\xb0\\xa1' * 10**4\nwhile True:\n    b.decode('euc_kr')" }).error).toMatch(/^StepLimitError/);
    const e = new Engine({ maxSteps: 10_000_000, maxMillis: 20_000 });
    for (const body of ["('\\U0010ffff' * 200000).encode('shift_jis', 'namereplace')", "(b'\\x81\\x20' * 300000).decode('big5', 'backslashreplace')"]) {
      const m = /^MemoryError: condition built a value of (\d+) items/.exec(evaluator(e, { source: `return ${body}` }).error ?? '');
      expect(Number(m?.[1]), body).toBeLessThan(1_100_000);
    }
  });
});

describe('the tables', () => {
  it('are what scripts/cjk-tables.py writes from this python3', async () => {
    const table = fileURLToPath(new URL('../../src/lang/runtime/codecs/cjk-tables.ts', import.meta.url));
    startBackground();
    expect((await writtenTables!) === readFileSync(table, 'utf8')).toBe(true);
  }, 300_000);
});
