import { inflateSync } from 'node:zlib';
import { untimedOnce } from '../budget.js';
import type { PyBytes } from '../values.js';
import type { Codec } from './codec.js';
import { CJK } from './cjk-tables.js';
import { DecodeFailures, encodeWith, type CharEncoder, type Handler } from './errors.js';
import { allAscii, latin1 } from './single-byte.js';
import { ByteSink, codePoints, StrSink } from './sinks.js';

// The multibyte CJK codecs without state (gbk, shift_jis, big5, euc_kr, ... as CPython's
// Modules/cjkcodecs has them), driven by tables that scripts/cjk-tables.py asks of CPython:
// what each sequence of bytes decodes to, and where the encoder differs from the inverse.

/** A row's outcomes beside a character: CPython's decoder fails over 1 or 2 bytes, or reads on. */
const ILL1 = -1;
const ILL2 = -2;
const NEED = -3;
/** -16 - k: the k-th string of two characters */
const MULTI = -16;

const ILLEGAL = 'illegal multibyte sequence';
const INCOMPLETE = 'incomplete multibyte sequence';

/** The handlers multibytecodec.c runs itself, making no exception object. */
export const CJK_INLINE: ReadonlySet<Handler> = new Set(['ignore', 'replace']);

interface Tables {
  /** by prefix + 1 (0: the first byte's row; a lead byte's; euc_jp's 0x8f and a second byte's) */
  rows: Map<number, Int32Array>;
  multi: string[];
  /** each BMP character's bytes, up to three packed as (count << 24) | bytes; -1 none, -2 in `long` (as are the others') */
  code: Int32Array;
  long: Map<number, number[]>;
  /**
   * the bytes of two characters the encoder writes as one sequence (JIS X 0213's kana with a
   * semi-voiced mark, HKSCS's Ê̄), by the first and the second's low 16 bits, as CPython looks
   * them up: U+1309A pairs as U+309A does, and NUL or U+10000 after a first character is
   * written with it as its own code
   */
  pairs: Map<number, Map<number, number[]>>;
  /** whether bytes below 0x80 decode to the same code points */
  asciiSame: boolean;
  /** gb18030: the character of each four-byte sequence below U+10000, by its index */
  four: Int32Array;
  /** euc_kr: the choseong, jungseong and jongseong index of each byte a1..fe in a make-up sequence, -1 none */
  jamo: Int32Array;
}

/** The deflated varints of scripts/cjk-tables.py, each a difference from the one before. */
export function numbers(data: string): Int32Array {
  const bytes = inflateSync(Buffer.from(data, 'base64'));
  const out = new Int32Array(bytes.length);
  let n = 0;
  let last = 0;
  for (let i = 0; i < bytes.length; ) {
    let z = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[i++];
      z += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    last += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    out[n++] = last;
  }
  return out.subarray(0, n);
}

// tens of milliseconds, once a process: not the condition's work
const tables = untimedOnce(build);

function build(module: string): Tables {
  const { base, multi, data } = CJK[module];
  const nums = numbers(data);
  let at = 0;
  const section = () => {
    const n = nums[at];
    const s = nums.subarray(at + 1, at + 1 + n);
    at += n + 1;
    return s;
  };
  const rowData = section();
  const encoding = section();
  const four = section();
  const jamo = section();
  const pairData = section();
  const rows = new Map(base === null ? [] : tables(base).rows);
  for (let i = 0; i < rowData.length; ) {
    const key = rowData[i];
    const changed = rowData[i + 1];
    if (changed === 0) {
      rows.set(key, rowData.slice(i + 2, i + 258));
      i += 258;
    } else {
      const row = rows.get(key)!.slice();
      for (let k = 0; k < changed; k++) row[rowData[i + 2 + 2 * k]] = rowData[i + 3 + 2 * k];
      rows.set(key, row);
      i += 2 + 2 * changed;
    }
  }
  const t: Tables = { rows, multi, code: new Int32Array(0x10000).fill(-1), long: new Map(), pairs: new Map(), four, jamo, asciiSame: rows.get(0)!.subarray(0, 128).every((v, b) => v === b) };
  inverse(t);
  for (let i = 0; i < encoding.length; ) {
    const cp = encoding[i];
    const count = encoding[i + 1];
    setCode(t, cp, Array.from(encoding.subarray(i + 2, i + 2 + count)));
    i += 2 + count;
  }
  for (let i = 0; i < pairData.length; ) {
    const [first, second, count] = pairData.subarray(i, i + 3);
    if (!t.pairs.has(first)) t.pairs.set(first, new Map());
    t.pairs.get(first)!.set(second, Array.from(pairData.subarray(i + 3, i + 3 + count)));
    i += 3 + count;
  }
  return t;
}

function setCode(t: Tables, cp: number, bytes: number[]): void {
  t.long.delete(cp);
  if (cp >= 0x10000) {
    if (bytes.length > 0) t.long.set(cp, bytes);
  } else if (bytes.length === 0) t.code[cp] = -1;
  else if (bytes.length <= 3) t.code[cp] = (bytes.length << 24) | bytes.reduce((a, b) => (a << 8) | b, 0);
  else {
    t.code[cp] = -2;
    t.long.set(cp, bytes);
  }
}

const encodes = (t: Tables, cp: number) => (cp < 0x10000 ? t.code[cp] !== -1 : t.long.has(cp));

/** Each character's first sequence (rows in order of their prefix, as the script takes them), then gb18030's four bytes and euc_kr's make-up syllables. */
function inverse(t: Tables): void {
  const keys = [...t.rows.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    const row = t.rows.get(key)!;
    const prefix = key === 0 ? [] : key - 1 < 256 ? [key - 1] : [(key - 1) >> 8, (key - 1) & 0xff];
    for (let b = 0; b < 256; b++) if (row[b] >= 0 && !encodes(t, row[b])) setCode(t, row[b], [...prefix, b]);
  }
  for (let i = 0; i < t.four.length; i++) if (!encodes(t, t.four[i])) setCode(t, t.four[i], fourBytes(i));
  if (t.jamo.length > 0) {
    const first = (part: number, index: number) => 0xa1 + t.jamo.subarray(part * 94, part * 94 + 94).indexOf(index);
    for (let cp = 0xac00; cp <= 0xd7a3; cp++) {
      const i = cp - 0xac00;
      if (!encodes(t, cp)) setCode(t, cp, [0xa4, 0xd4, 0xa4, first(0, Math.floor(i / 588)), 0xa4, first(1, Math.floor(i / 28) % 21), 0xa4, first(2, i % 28)]);
    }
  }
}

/** gb18030's four bytes of index i; from U+10000 on, of the character's distance from it, the first byte from 0x90. */
const fourBytes = (i: number, first = 0x81) => [first + Math.floor(i / 12600), 0x30 + (Math.floor(i / 1260) % 10), 0x81 + (Math.floor(i / 10) % 126), 0x30 + (i % 10)];

function encoder(name: string, t: Tables): CharEncoder {
  const gb18030 = t.four.length > 0;
  return {
    name,
    reason: ILLEGAL,
    can: (cp) => encodes(t, cp) || (gb18030 && cp >= 0x10000 && cp <= 0x10ffff),
    put: (cp, out) => {
      const c = cp < 0x10000 ? t.code[cp] : -2;
      if (c >= 0) {
        const count = c >>> 24;
        for (let k = count - 1; k >= 0; k--) out.push((c >>> (8 * k)) & 0xff);
      } else {
        for (const b of t.long.get(cp) ?? fourBytes(cp - 0x10000, 0x90)) out.push(b);
      }
    },
    ...(t.pairs.size > 0 && { pair: (cp: number, next: number) => t.pairs.get(cp)?.get(next & 0xffff) }),
    // multibytecodec.c hands the handler one character at a time
    runs: false,
    unit: 1,
    inline: CJK_INLINE,
  };
}

/**
 * What follows a prefix that has no row: gb18030's four bytes and euc_kr's make-up sequence of
 * eight, read as _codecs_cn.c and _codecs_kr.c read them. Answers where to go on.
 */
function readLong(t: Tables, d: Uint8Array, i: number, out: StrSink, failures: DecodeFailures): number {
  const left = d.length - i;
  if (t.four.length > 0) {
    if (left < 4) return failures.fail(out, i, d.length, INCOMPLETE);
    const [c, c2, c3, c4] = [d[i] - 0x81, d[i + 1] - 0x30, d[i + 2] - 0x81, d[i + 3] - 0x30];
    if (c < 0 || c > 0x7d || c3 < 0 || c3 > 0x7d || c4 < 0 || c4 > 9) return failures.fail(out, i, i + 1, ILLEGAL);
    const lseq = ((c * 10 + c2) * 126 + c3) * 10 + c4;
    if (c < 4 && lseq < t.four.length) out.push(t.four[lseq]);
    else if (c >= 15 && lseq - 15 * 12600 <= 0x10ffff - 0x10000) out.push(0x10000 + lseq - 15 * 12600);
    else return failures.fail(out, i, i + 1, ILLEGAL);
    return i + 4;
  }
  if (left < 8) return failures.fail(out, i, d.length, INCOMPLETE);
  if (d[i + 2] !== 0xa4 || d[i + 4] !== 0xa4 || d[i + 6] !== 0xa4) return failures.fail(out, i, i + 1, ILLEGAL);
  const part = (k: number, b: number) => (b >= 0xa1 && b <= 0xfe ? t.jamo[k * 94 + b - 0xa1] : -1);
  const [cho, jung, jong] = [part(0, d[i + 3]), part(1, d[i + 5]), part(2, d[i + 7])];
  if (cho < 0 || jung < 0 || jong < 0) return failures.fail(out, i, i + 1, ILLEGAL);
  out.push(0xac00 + cho * 588 + jung * 28 + jong);
  return i + 8;
}

function decode(name: string, t: Tables, d: Uint8Array, how: () => Handler, object: () => PyBytes): string {
  const failures = new DecodeFailures(name, d, how, object, CJK_INLINE);
  const out = new StrSink();
  const root = t.rows.get(0)!;
  for (let i = 0; i < d.length; ) {
    let row = root;
    let key = 0;
    for (let k = i; ; ) {
      if (k === d.length) {
        i = failures.fail(out, i, d.length, INCOMPLETE);
        break;
      }
      const b = d[k++];
      const v = row[b];
      if (v >= 0) {
        out.push(v);
        i = k;
        break;
      }
      if (v === NEED) {
        key = key * 256 + b;
        const next = t.rows.get(key + 1);
        if (next !== undefined) {
          row = next;
          continue;
        }
        i = readLong(t, d, i, out, failures);
      } else if (v === ILL1 || v === ILL2) i = failures.fail(out, i, i - v, ILLEGAL);
      else {
        out.text(t.multi[MULTI - v]);
        i = k;
      }
      break;
    }
  }
  return out.str();
}

/** The codec of one of CPython's CJK modules (errors name it by its module: 'gbk', 'shift_jis'), its tables read on first use. */
export function cjkCodec(module: string): Codec {
  let enc: CharEncoder | null = null;
  return {
    encode: (s, how) => {
      const t = tables(module);
      enc ??= encoder(module, t);
      const out = new ByteSink();
      encodeWith(enc, s, codePoints(s), how, out);
      return out.bytes();
    },
    decode: (d, how, object) => {
      const t = tables(module);
      // most read ASCII as itself (shift_jis_2004's 0x5c is '¥')
      if (t.asciiSame && allAscii(d)) return latin1(d);
      return decode(module, t, d, how, object);
    },
  };
}

/** The modules built here. */
export const CJK_MODULES = Object.keys(CJK);
