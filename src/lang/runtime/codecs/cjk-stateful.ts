import { untimedOnce } from '../budget.js';
import { RuntimeError, pyErr } from '../exceptions.js';
import type { PyBytes } from '../values.js';
import { CJK_INLINE, numbers } from './cjk.js';
import { CHARSETS, STATEFUL } from './cjk-tables.js';
import type { Codec } from './codec.js';
import { DecodeFailures, encodeWith, type CharEncoder, type Handler } from './errors.js';
import { ByteSink, codePoints, StrSink } from './sinks.js';

// The multibyte CJK codecs with a state: HZ (~{ and ~} switch between ASCII and GB2312) and
// the ISO-2022 ones (escape sequences designate a character set, SO and SI shift to G1 and
// back), as Modules/cjkcodecs/_codecs_cn.c and _codecs_iso2022.c read and write them. The
// designations' tables come from scripts/cjk-tables.py; the state machines are CPython's.

const ESC = 0x1b;
const SO = 0x0e;
const SI = 0x0f;
const LF = 0x0a;
/** a character set of two bytes, as _codecs_iso2022.c marks it */
const DBCS = 0x80;
const ASCII = 0x42;
const ILLEGAL = 'illegal multibyte sequence';
const INCOMPLETE = 'incomplete multibyte sequence';

interface Charset {
  width: 1 | 2;
  /** by (first byte - 0x20) * 256 + second (or first byte - 0x20): a character, -1 or -2 the bytes that fail, -16 - k the k-th string */
  table: Int32Array;
}

interface Tables {
  /** each designation's escape sequence and character set, in the order the encoder tries them */
  designations: { escape: number[]; g1: boolean; charset: number; set: Charset }[];
  multi: string[];
  /** each character's designation and code, [index, bytes...] */
  code: Map<number, number[]>;
  pairs: Map<number, Map<number, number[]>>;
}

const charsets: (Charset | undefined)[] = [];

function charset(id: number): Charset {
  let set = charsets[id];
  if (set === undefined) {
    const nums = numbers(CHARSETS[id]);
    const [length, common, n] = nums;
    const table = new Int32Array(length).fill(common);
    for (let k = 0, at = -1; k < n; k++) {
      at += nums[3 + k];
      table[at] = nums[3 + n + k];
    }
    charsets[id] = set = { width: length > 96 ? 2 : 1, table };
  }
  return set;
}

/** The character set an escape sequence designates: ESC $ B, ESC $ ( Q, ESC $ ) C, ESC ( J (HZ's ~{ is GB2312's). */
function charsetOf(escape: number[]): number {
  if (escape[0] !== ESC) return 0x41 | DBCS;
  return escape[1] === 0x24 ? escape[escape.length === 3 ? 2 : 3] | DBCS : escape[2];
}

const tables = untimedOnce(build);

function build(module: string): Tables {
  const { escapes, multi, charsets: ids, data } = STATEFUL[module];
  const designations = escapes.map((e, i) => {
    const escape = [...e].map((c) => c.charCodeAt(0));
    const g1 = escape[escape.length - 1] === SO;
    if (g1) escape.pop();
    return { escape, g1, charset: charsetOf(escape), set: charset(ids[i]) };
  });
  const t: Tables = { designations, multi, code: new Map(), pairs: new Map() };
  // the inverse of the tables: the first designation, the first code
  designations.forEach((d, i) => {
    d.set.table.forEach((cp, k) => {
      if (cp >= 0 && !t.code.has(cp)) t.code.set(cp, [i, ...(d.set.width === 2 ? [0x20 + (k >> 8), k & 0xff] : [0x20 + k])]);
    });
  });
  const nums = numbers(data);
  const enc = nums.subarray(1, 1 + nums[0]);
  // [cp, 0] where it refuses, [cp, n, designation, n bytes] where it writes other bytes
  for (let i = 0; i < enc.length; ) {
    const [cp, count] = enc.subarray(i, i + 2);
    if (count === 0) {
      t.code.delete(cp);
      i += 2;
    } else {
      t.code.set(cp, Array.from(enc.subarray(i + 2, i + 3 + count)));
      i += 3 + count;
    }
  }
  const pairs = nums.subarray(2 + nums[0]);
  for (let i = 0; i < pairs.length; i += 5) {
    if (!t.pairs.has(pairs[i])) t.pairs.set(pairs[i], new Map());
    t.pairs.get(pairs[i])!.set(pairs[i + 1], Array.from(pairs.subarray(i + 2, i + 5)));
  }
  return t;
}

/** A fresh encoder's state and its writer: escape sequences and shifts before the codes that need them, and the reset at the end. */
function encoder(module: string, t: Tables): { enc: CharEncoder; reset: (out: ByteSink) => void } {
  const hz = module === 'hz';
  // G0's escape sequence (null: ASCII), G1's, and whether SO (or HZ's ~{) is in force
  let g0: number[] | null = null;
  let g1: number[] | null = null;
  let shifted = false;
  const write = (unit: readonly number[], out: ByteSink) => {
    const d = t.designations[unit[0]];
    if (hz) {
      if (!shifted) (out.push(0x7e), out.push(0x7b));
      shifted = true;
    } else if (d.g1) {
      if (g1 !== d.escape) for (const b of (g1 = d.escape)) out.push(b);
      if (!shifted) out.push(SO);
      shifted = true;
    } else {
      if (shifted) out.push(SI);
      shifted = false;
      if (g0 !== d.escape) for (const b of (g0 = d.escape)) out.push(b);
    }
    for (let k = 1; k < unit.length; k++) out.push(unit[k]);
  };
  const reset = (out: ByteSink) => {
    if (hz) {
      if (shifted) (out.push(0x7e), out.push(0x7d));
    } else {
      if (shifted) out.push(SI);
      if (g0 !== null) (out.push(ESC), out.push(0x28), out.push(ASCII));
    }
    g0 = null;
    shifted = false;
  };
  const enc: CharEncoder = {
    name: module,
    reason: ILLEGAL,
    can: (cp) => cp < 0x80 || t.code.has(cp),
    put: (cp, out) => {
      if (cp >= 0x80) return write(t.code.get(cp)!, out);
      if (hz) {
        reset(out);
        out.push(cp);
        // HZ's ~ is written twice
        if (cp === 0x7e) out.push(cp);
        return;
      }
      if (g0 !== null) (out.push(ESC), out.push(0x28), out.push(ASCII));
      g0 = null;
      if (shifted) out.push(SI);
      shifted = false;
      out.push(cp);
    },
    runs: false,
    unit: 1,
    inline: CJK_INLINE,
  };
  if (t.pairs.size > 0) {
    (enc as { pair?: CharEncoder['pair'] }).pair = (cp, next) => {
      const unit = t.pairs.get(cp)?.get(next & 0xffff);
      if (unit === undefined) return undefined;
      // written here, with what the state needs before it
      return (write(unit, PAIR_OUT), PAIR_OUT.take());
    };
  }
  return { enc, reset };
}

/** Where a pair's bytes are written before encodeWith copies them. */
const PAIR_OUT = Object.assign(new ByteSink(), {
  take(this: ByteSink) {
    const b = Array.from(this.bytes());
    this.length = 0;
    return b;
  },
});

/** The flags of _codecs_iso2022.c's configurations. */
const NO_SHIFT = 1;
const USE_G2 = 2;
const USE_JISX0208_EXT = 4;

/** The character sets a decoder accepts beyond its tables' (iso2022_jp_2's G2 sets, ISO 8859-1 and -7, which only ESC N reads). */
const G2_SETS = [0x41, 0x46];

const isEscEnd = (c: number) => (c >= 0x41 && c <= 0x5a) || c === 0x40;
const isIso2022Esc = (c: number) => c === 0x28 || c === 0x29 || c === 0x24 || c === 0x2e || c === 0x26;

/** ISO 8859-7's upper half where iso2022_jp_2's G2 reads it (_codecs_iso2022.c's ISO8859_7_DECODE), or -1. */
function iso8859_7(c: number): number {
  if (c < 0xa0) return c;
  if (c < 0xc0 && 0x288f3bc9 & (1 << (c - 0xa0))) return c;
  if (c >= 0xb4 && c <= 0xfe && (c >= 0xd4 || 0xbffffd77 & (1 << (c - 0xb4)))) return 0x2d0 + c;
  return c === 0xa1 ? 0x2018 : c === 0xa2 ? 0x2019 : c === 0xaf ? 0x2015 : -1;
}

function decodeIso2022(module: string, t: Tables, d: Uint8Array, failures: DecodeFailures): string {
  const flags = module === 'iso2022_kr' ? 0 : NO_SHIFT | USE_JISX0208_EXT | (module === 'iso2022_jp_2' ? USE_G2 : 0);
  const known = (cs: number) => cs === ASCII || t.designations.some((x) => x.charset === cs) || ((flags & USE_G2) !== 0 && G2_SETS.includes(cs));
  const g = [ASCII, ASCII, ASCII];
  let shifted = false;
  let escThroughout = false;
  const out = new StrSink();
  /** An escape sequence at i: 0 and the state set, else the error's size, or -1 for too few bytes */
  const escape = (i: number): number => {
    const left = d.length - i;
    let k = 1;
    let length = 0;
    for (; k < 16; k++) {
      if (k >= left) return -1;
      if (isEscEnd(d[i + k])) {
        length = k + 1;
        break;
      } else if (flags & USE_JISX0208_EXT && k + 1 < left && d[i + k] === 0x26 && d[i + k + 1] === 0x40) k += 2;
    }
    if (k >= 16) return 1;
    let cs: number;
    let plane: number;
    const [, b2, b3, b4] = d.subarray(i, i + 4);
    if (length === 3) {
      if (b2 === 0x24) [cs, plane] = [b3 | DBCS, 0];
      else {
        cs = b3;
        if (b2 === 0x28) plane = 0;
        else if (b2 === 0x29) plane = 1;
        else if (flags & USE_G2 && b2 === 0x2e) plane = 2;
        else return 3;
      }
    } else if (length === 4) {
      if (b2 !== 0x24) return 4;
      cs = b4 | DBCS;
      if (b3 === 0x28) plane = 0;
      else if (b3 === 0x29) plane = 1;
      else return 4;
    } else if (length === 6) {
      if (!(flags & USE_JISX0208_EXT && d[i + 3] === ESC && d[i + 4] === 0x24 && d[i + 5] === 0x42)) return 6;
      [cs, plane] = [0x42 | DBCS, 0];
    } else return length;
    if (!known(cs)) return length;
    g[plane] = cs;
    return 0;
  };
  for (let i = 0; i < d.length; ) {
    const c = d[i];
    if (escThroughout) {
      // an escape sequence not ISO-2022's: read as Latin-1 to its end
      out.push(c);
      i++;
      if (isEscEnd(c)) escThroughout = false;
      continue;
    }
    let fail = 0;
    if (c === ESC) {
      if (d.length - i < 2) fail = -1;
      else if (isIso2022Esc(d[i + 1])) {
        fail = escape(i);
        if (fail === 0) i += escapeLength(d, i, flags);
      } else if (flags & USE_G2 && d[i + 1] === 0x4e) {
        if (d.length - i < 3) fail = -1;
        else {
          const c3 = d[i + 2];
          const cp = g[2] === 0x41 ? (c3 < 0x80 ? c3 + 0x80 : -1) : g[2] === 0x46 ? iso8859_7(c3 ^ 0x80) : g[2] === ASCII ? (c3 & 0x80 ? -1 : c3) : -2;
          if (cp === -2) throw pyErr(RuntimeError, 'internal codec error');
          if (cp < 0) fail = 3;
          else {
            out.push(cp);
            i += 3;
          }
        }
      } else {
        out.push(ESC);
        escThroughout = true;
        i++;
      }
    } else if ((c === SI || c === SO) && !(flags & NO_SHIFT)) {
      shifted = c === SO;
      i++;
    } else if (c === LF) {
      shifted = false;
      out.push(LF);
      i++;
    } else if (c >= 0x80) fail = 1;
    else {
      const cs = c < 0x20 ? ASCII : shifted ? g[1] : g[0];
      if (cs === ASCII) {
        out.push(c);
        i++;
      } else {
        const set = t.designations.find((x) => x.charset === cs)?.set;
        // a G2 set in G0 or G1 decodes nothing
        const width = set?.width ?? 1;
        if (d.length - i < width) fail = -1;
        else {
          const v = set === undefined ? -1 : set.table[width === 2 ? (c - 0x20) * 256 + d[i + 1] : c - 0x20];
          if (v >= 0) out.push(v);
          else if (v <= -16) out.text(t.multi[-16 - v]);
          else fail = width;
          if (fail === 0) i += width;
        }
      }
    }
    if (fail === -1) i = failures.fail(out, i, d.length, INCOMPLETE);
    else if (fail > 0) i = failures.fail(out, i, i + fail, ILLEGAL);
  }
  return out.str();
}

/** The length of the escape sequence at i that escape() accepted. */
function escapeLength(d: Uint8Array, i: number, flags: number): number {
  for (let k = 1; ; k++) {
    if (isEscEnd(d[i + k])) return k + 1;
    if (flags & USE_JISX0208_EXT && k + 1 < d.length - i && d[i + k] === 0x26 && d[i + k + 1] === 0x40) k += 2;
  }
}

function decodeHz(t: Tables, d: Uint8Array, failures: DecodeFailures): string {
  const gb = t.designations[0].set.table;
  let shifted = false;
  const out = new StrSink();
  for (let i = 0; i < d.length; ) {
    const c = d[i];
    if (c === 0x7e) {
      if (d.length - i < 2) {
        i = failures.fail(out, i, d.length, INCOMPLETE);
        continue;
      }
      const c2 = d[i + 1];
      if (c2 === 0x7e && !shifted) out.push(0x7e);
      else if (c2 === 0x7b && !shifted) shifted = true;
      else if (c2 === 0x7d && shifted) shifted = false;
      // a line continued
      else if (!(c2 === LF && !shifted)) {
        i = failures.fail(out, i, i + 1, ILLEGAL);
        continue;
      }
      i += 2;
    } else if (c & 0x80) i = failures.fail(out, i, i + 1, ILLEGAL);
    else if (!shifted) {
      out.push(c);
      i++;
    } else if (d.length - i < 2) i = failures.fail(out, i, d.length, INCOMPLETE);
    else {
      const v = c < 0x20 ? -1 : gb[(c - 0x20) * 256 + d[i + 1]];
      if (v >= 0) {
        out.push(v);
        i += 2;
      } else i = failures.fail(out, i, i + (v === -2 ? 2 : 1), ILLEGAL);
    }
  }
  return out.str();
}

/** The codec of one of CPython's stateful CJK modules, its tables read on first use. */
export function statefulCodec(module: string): Codec {
  return {
    encode: (s: string, how: () => Handler) => {
      const { enc, reset } = encoder(module, tables(module));
      const out = new ByteSink();
      encodeWith(enc, s, codePoints(s), how, out);
      reset(out);
      return out.bytes();
    },
    decode: (d: Uint8Array, how: () => Handler, object: () => PyBytes) => {
      const t = tables(module);
      const failures = new DecodeFailures(module, d, how, object, CJK_INLINE);
      return module === 'hz' ? decodeHz(t, d, failures) : decodeIso2022(module, t, d, failures);
    },
  };
}

export const STATEFUL_MODULES = Object.keys(STATEFUL);
