import { PyBytes } from '../values.js';
import type { Codec } from './codec.js';
import { wellFormed } from './codec.js';
import { BYTE_ENCODERS_INLINE, DecodeFailures, encodeWith, type CharEncoder, type Handler } from './errors.js';
import { allAscii } from './single-byte.js';
import { ByteSink, codePoints, StrSink } from './sinks.js';

const ENCODER: CharEncoder = {
  name: 'utf-8',
  reason: 'surrogates not allowed',
  can: (cp) => cp < 0xd800 || cp > 0xdfff,
  put: (cp, out) => {
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) (out.push(0xc0 | (cp >> 6)), out.push(0x80 | (cp & 0x3f)));
    else if (cp < 0x10000) (out.push(0xe0 | (cp >> 12)), out.push(0x80 | ((cp >> 6) & 0x3f)), out.push(0x80 | (cp & 0x3f)));
    else (out.push(0xf0 | (cp >> 18)), out.push(0x80 | ((cp >> 12) & 0x3f)), out.push(0x80 | ((cp >> 6) & 0x3f)), out.push(0x80 | (cp & 0x3f)));
  },
  runs: true,
  unit: 1,
  inline: new Set([...BYTE_ENCODERS_INLINE, 'surrogatepass']),
};

/** What CPython's UTF-8 decoder does itself. */
const DECODER_INLINE: ReadonlySet<Handler> = new Set(['ignore', 'replace', 'surrogateescape']);

const encoder = new TextEncoder();
// ignoreBOM: a BOM is a character to UTF-8 (utf-8-sig drops it itself)
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A short str with no lone surrogate, in a loop (TextEncoder costs 1.5 µs a call, whatever the length); null at a lone surrogate. */
function encodeShort(s: string): Uint8Array | null {
  const out = new Uint8Array(s.length * 3);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out[n++] = c;
    else if (c < 0x800) (out[n++] = 0xc0 | (c >> 6)), (out[n++] = 0x80 | (c & 0x3f));
    else if (c < 0xd800 || c > 0xdfff) (out[n++] = 0xe0 | (c >> 12)), (out[n++] = 0x80 | ((c >> 6) & 0x3f)), (out[n++] = 0x80 | (c & 0x3f));
    else {
      const low = s.charCodeAt(i + 1);
      if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return null;
      const cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
      i++;
      (out[n++] = 0xf0 | (cp >> 18)), (out[n++] = 0x80 | ((cp >> 12) & 0x3f)), (out[n++] = 0x80 | ((cp >> 6) & 0x3f)), (out[n++] = 0x80 | (cp & 0x3f));
    }
  }
  return out.slice(0, n);
}

function encodeUtf8(s: string, how: () => Handler): Uint8Array {
  const short = s.length < 1024 ? encodeShort(s) : null;
  if (short !== null) return short;
  // nearly all text has no lone surrogate, and then JavaScript's encoder writes what CPython's does
  if (s.length >= 1024 && wellFormed(s)) return encoder.encode(s);
  const out = new ByteSink();
  encodeWith(ENCODER, s, codePoints(s), how, out);
  return out.bytes();
}

/** How many bytes from i form a valid prefix of a UTF-8 sequence, and how long the sequence must be (0: invalid start). */
function utf8Sequence(d: Uint8Array, i: number): { need: number; valid: number } {
  const b = d[i];
  if (b < 0x80) return { need: 1, valid: 1 };
  const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (need === 0) return { need: 0, valid: 0 };
  let valid = 1;
  for (let k = 1; k < need && i + k < d.length; k++) {
    const c = d[i + k];
    // the second byte's range excludes overlong forms, surrogates and code points past U+10FFFF
    const lo = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
    const hi = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
    if (c < lo || c > hi) break;
    valid++;
  }
  return { need, valid };
}

/** UTF-8 with CPython's UnicodeDecodeError positions and reasons. */
function decodeUtf8(d: Uint8Array, how: () => Handler, object: () => PyBytes): string {
  // short ASCII, as most log fields are: TextDecoder costs 0.4 µs a call
  if (d.length < 1024 && allAscii(d)) return String.fromCharCode.apply(null, d as unknown as number[]);
  try {
    return strictDecoder.decode(d);
  } catch {
    // an error somewhere: decoded again, byte by byte, for its position and handler
  }
  const failures = new DecodeFailures('utf-8', d, how, object, DECODER_INLINE);
  const out = new StrSink();
  for (let i = 0; i < d.length; ) {
    const { need, valid } = utf8Sequence(d, i);
    if (need !== 0 && valid === need) {
      let cp = need === 1 ? d[i] : d[i] & (0xff >> (need + 1));
      for (let k = 1; k < need; k++) cp = (cp << 6) | (d[i + k] & 0x3f);
      out.push(cp);
      i += need;
    } else if (need === 0) i = failures.fail(out, i, i + 1, 'invalid start byte');
    else if (i + valid >= d.length) i = failures.fail(out, i, d.length, 'unexpected end of data');
    else i = failures.fail(out, i, i + valid, 'invalid continuation byte');
  }
  return out.str();
}

export const UTF_8: Codec = { encode: encodeUtf8, decode: decodeUtf8 };

const BOM = [0xef, 0xbb, 0xbf];

/** utf-8-sig: a BOM written first, and dropped when read; its errors are utf_8's, on the bytes after the BOM. */
export const UTF_8_SIG: Codec = {
  encode: (s, how) => {
    const body = encodeUtf8(s, how);
    const out = new Uint8Array(body.length + 3);
    out.set(BOM);
    out.set(body, 3);
    return out;
  },
  decode: (d, how, object) => {
    if (d.length < 3 || d[0] !== BOM[0] || d[1] !== BOM[1] || d[2] !== BOM[2]) return decodeUtf8(d, how, object);
    const rest = d.subarray(3);
    return decodeUtf8(rest, how, () => new PyBytes(rest.slice()));
  },
};
