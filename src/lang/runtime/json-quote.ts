import { unitsToString } from './codepoints.js';

// A str's JSON text. JSON.stringify takes a slow path for a lone surrogate, 90-100 ns each
// (json.dumps('\udc00' * 600000, ensure_ascii=False) held a worker 320 ms on 37,000 steps,
// and a response's million of them 100 ms): a str with a surrogate unit is quoted here, a
// unit at a time (2-4 ns), to the same text.

const SURROGATE_UNIT = /[\uD800-\uDFFF]/;

/** JSON.stringify's short escapes, by unit; \u00XX for the other control characters. */
const SHORT: Record<number, number> = { 8: 0x62, 9: 0x74, 10: 0x6e, 12: 0x66, 13: 0x72, 34: 0x22, 92: 0x5c };

const HEX = '0123456789abcdef';

const UTF_16 = new TextDecoder('utf-16le');

/**
 * JSON.stringify(s), or with `keepLone` a lone surrogate's unit kept as it is rather than
 * escaped (json.dumps(ensure_ascii=False) writes it so).
 */
export function quoteJson(s: string, keepLone = false): string {
  if (!SURROGATE_UNIT.test(s)) return JSON.stringify(s);
  // a short one (a list's many keys and items) without a buffer's setup
  if (s.length <= 16) return quoteShort(s, keepLone);
  const out = new Uint16Array(6 * s.length + 2);
  let k = 0;
  out[k++] = 34;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 34 && c !== 92 && (c & 0xf800) !== 0xd800) {
      out[k++] = c;
    } else if ((c & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // a pair, written as it is
      out[k++] = c;
      out[k++] = s.charCodeAt(++i);
    } else if (keepLone && c >= 0xd800) {
      out[k++] = c;
    } else {
      out[k++] = 92;
      const short = SHORT[c];
      if (short !== undefined) out[k++] = short;
      else {
        out[k++] = 0x75;
        for (let shift = 12; shift >= 0; shift -= 4) out[k++] = HEX.charCodeAt((c >> shift) & 15);
      }
    }
  }
  out[k++] = 34;
  // escaped, the text has no lone surrogate for the decoder to replace, and it is made natively (a sixth of the time)
  return keepLone ? unitsToString(out, k) : UTF_16.decode(out.subarray(0, k));
}

function quoteShort(s: string, keepLone: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 34 && c !== 92 && (c & 0xf800) !== 0xd800) out += s[i];
    else if ((c & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) out += s.slice(i, ++i + 1);
    else if (keepLone && c >= 0xd800) out += s[i];
    else out += SHORT[c] !== undefined ? '\\' + String.fromCharCode(SHORT[c]) : '\\u' + c.toString(16).padStart(4, '0');
  }
  return out + '"';
}
