import type { Codec } from './codec.js';
import { DecodeFailures, type Handler } from './errors.js';
import { ByteSink, StrSink } from './sinks.js';

// UTF-7 (RFC 2152) as CPython's _PyUnicode_EncodeUTF7 and PyUnicode_DecodeUTF7Stateful: the
// encoder writes set O and whitespace directly and never fails (a lone surrogate is base64 like
// any other unit); the decoder takes any ASCII but '+' as itself, and its errors name 'utf7'.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Each ASCII byte's base64 value, or -1. */
const FROM_BASE64 = Int8Array.from({ length: 128 }, (_, c) => BASE64.indexOf(String.fromCharCode(c)));

const isBase64 = (c: number) => c < 128 && FROM_BASE64[c] >= 0;

/** The ASCII characters written as themselves: RFC 2152's set D, set O and whitespace (CPython's utf7_category 0, 1 and 2). */
const DIRECT = Uint8Array.from({ length: 128 }, (_, c) => (c !== 0 && c !== 0x2b && c !== 0x5c && c !== 0x7e && c !== 0x7f && (c >= 0x20 || c === 9 || c === 10 || c === 13) ? 1 : 0));

function encode(s: string): Uint8Array {
  const out = new ByteSink();
  let inShift = false;
  let bits = 0;
  // only the bits not yet written are kept (CPython's unsigned long keeps more, which TO_BASE64 masks off)
  let buffer = 0;
  const put = (unit: number) => {
    buffer = ((buffer & 0x3f) << 16) | unit;
    bits += 16;
    while (bits >= 6) out.push(BASE64.charCodeAt((buffer >> (bits -= 6)) & 0x3f));
  };
  // UTF-16 units are what UTF-7 encodes, so a JavaScript string is read as it is, but for a lone high surrogate's second unit (codepoints.ts)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && s.charCodeAt(i + 1) === c) i++;
    const direct = c < 128 && DIRECT[c] === 1;
    if (inShift && direct) {
      if (bits > 0) out.push(BASE64.charCodeAt((buffer << (6 - bits)) & 0x3f));
      bits = 0;
      inShift = false;
      // a base64 character or '-' after the shift would be read as part of it
      if (isBase64(c) || c === 0x2d) out.push(0x2d);
      out.push(c);
    } else if (inShift) put(c);
    else if (c === 0x2b) (out.push(0x2b), out.push(0x2d));
    else if (direct) out.push(c);
    else {
      out.push(0x2b);
      inShift = true;
      put(c);
    }
  }
  if (bits > 0) out.push(BASE64.charCodeAt((buffer << (6 - bits)) & 0x3f));
  if (inShift) out.push(0x2d);
  return out.bytes();
}

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

function decode(d: Uint8Array, how: () => Handler, object: Parameters<Codec['decode']>[2]): string {
  const failures = new DecodeFailures('utf7', d, how, object);
  const out = new StrSink();
  let inShift = false;
  let bits = 0;
  let buffer = 0;
  let surrogate = 0;
  // where the shift sequence in progress (or the last one) began: its errors span from there
  let start = 0;
  for (let i = 0; i < d.length; ) {
    const c = d[i];
    if (inShift) {
      if (isBase64(c)) {
        buffer = (buffer << 6) | FROM_BASE64[c];
        bits += 6;
        i++;
        if (bits < 16) continue;
        const unit = (buffer >> (bits - 16)) & 0xffff;
        bits -= 16;
        buffer &= (1 << bits) - 1;
        if (surrogate !== 0) {
          if (isLow(unit)) {
            out.push(0x10000 + ((surrogate - 0xd800) << 10) + (unit - 0xdc00));
            surrogate = 0;
            continue;
          }
          out.push(surrogate);
          surrogate = 0;
        }
        if (isHigh(unit)) surrogate = unit;
        else out.push(unit);
        continue;
      }
      // leaving the shift sequence
      inShift = false;
      if (bits >= 6) {
        i = failures.fail(out, start, i + 1, 'partial character in shift sequence');
        continue;
      }
      if (bits > 0 && buffer !== 0) {
        i = failures.fail(out, start, i + 1, 'non-zero padding bits in shift sequence');
        continue;
      }
      if (surrogate !== 0 && c < 128 && c !== 0x2b) out.push(surrogate);
      surrogate = 0;
      // '-' ends the sequence and is dropped; any other character ends it and is read
      if (c === 0x2d) i++;
    } else if (c === 0x2b) {
      start = i++;
      if (i < d.length && d[i] === 0x2d) {
        i++;
        out.push(0x2b);
      } else if (i < d.length && !isBase64(d[i])) i = failures.fail(out, start, i + 1, 'ill-formed sequence');
      else {
        inShift = true;
        surrogate = 0;
        bits = 0;
        buffer = 0;
      }
    } else if (c < 128) {
      out.push(c);
      i++;
    } else i = failures.fail(out, i, i + 1, 'unexpected special character');
  }
  // the end in a shift sequence that is not complete
  if (inShift && (surrogate !== 0 || bits >= 6 || (bits > 0 && buffer !== 0))) failures.fail(out, start, d.length, 'unterminated shift sequence');
  return out.str();
}

export const UTF_7: Codec = { encode, decode };
