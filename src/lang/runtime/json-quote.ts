import { singleHighs, unitsToString } from './codepoints.js';

// A str's JSON text. JSON.stringify takes a slow path for a lone surrogate, 90-100 ns each
// (json.dumps('\udc00' * 600000, ensure_ascii=False) held a worker 320 ms on 37,000 steps,
// and a response's million of them 100 ms), and a replace's callback for each non-ASCII
// unit (ensure_ascii) costs as much: such strs are quoted here, a unit at a time (2-4 ns).

/**
 * How a str is written: 'js' as JSON.stringify (a lone surrogate escaped), 'raw' with a lone
 * surrogate's unit kept as it is (json.dumps(ensure_ascii=False)), 'ascii' with every unit
 * outside ' '..'~' escaped (json.dumps' default ensure_ascii).
 */
export type QuoteMode = 'js' | 'raw' | 'ascii';

const SURROGATE_UNIT = /[\uD800-\uDFFF]/;

/** What 'raw' escapes: JSON's own escapes and the control characters. */
const RAW_ESCAPED = /[\x00-\x1f"\\]/;

/** What ensure_ascii escapes: every unit outside ' '..'~'. */
export const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/** JSON.stringify's short escapes, by unit; \u00XX for the other control characters. */
const SHORT: Record<number, number> = { 8: 0x62, 9: 0x74, 10: 0x6e, 12: 0x66, 13: 0x72, 34: 0x22, 92: 0x5c };

const HEX = '0123456789abcdef';

const UTF_16 = new TextDecoder('utf-16le');

/**
 * A str's JSON text as JSON.stringify writes it, each lone surrogate escaped once (a lone high
 * is held doubled, codepoints.ts): json.dumps' text where nothing is kept raw. A short plain one
 * (nearly every key and item) is looked at a unit at a time and quoted as it is, with no call of
 * JSON.stringify: the json row counts 5.7% fewer instructions so. (response-json.ts's quote looks
 * the same way; called through here, the /eval row counted 1.6% more, so it keeps its own.)
 */
export function quoteStr(s: string): string {
  if (s.length <= 64) {
    let i = 0;
    // control characters, quote, backslash and surrogates (a lone one is escaped) stop the look
    for (let c; i < s.length && (c = s.charCodeAt(i)) >= 32 && c !== 34 && c !== 92 && c < 0xd800; i++);
    if (i === s.length) return '"' + s + '"';
  }
  return quoteJson(singleHighs(s));
}

/** s's JSON text in the given mode (see QuoteMode). */
export function quoteJson(s: string, mode: QuoteMode = 'js'): string {
  // none to escape beyond what JSON.stringify writes at its fast pace: its text
  if (mode === 'raw' ? !RAW_ESCAPED.test(s) : !(mode === 'ascii' ? NOT_PRINTABLE_ASCII : SURROGATE_UNIT).test(s)) return mode === 'raw' ? '"' + s + '"' : JSON.stringify(s);
  // a short one (a list's many keys and items) without a buffer's setup
  if (s.length <= 16) return quoteShort(s, mode);
  const out = new Uint16Array(6 * s.length + 2);
  let k = 0;
  out[k++] = 34;
  const top = mode === 'ascii' ? 0x7f : 0xd800;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 34 && c !== 92 && (c < top || (c > 0xdfff && mode !== 'ascii'))) {
      out[k++] = c;
    } else if (mode !== 'ascii' && (c & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // a pair, written as it is
      out[k++] = c;
      out[k++] = s.charCodeAt(++i);
    } else if (mode === 'raw' && c >= 0xd800) {
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
  return mode === 'raw' ? unitsToString(out, k) : UTF_16.decode(out.subarray(0, k));
}

function quoteShort(s: string, mode: QuoteMode): string {
  const top = mode === 'ascii' ? 0x7f : 0xd800;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 34 && c !== 92 && (c < top || (c > 0xdfff && mode !== 'ascii'))) out += s[i];
    else if (mode !== 'ascii' && (c & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) out += s.slice(i, ++i + 1);
    else if (mode === 'raw' && c >= 0xd800) out += s[i];
    else out += SHORT[c] !== undefined ? '\\' + String.fromCharCode(SHORT[c]) : '\\u' + c.toString(16).padStart(4, '0');
  }
  return out + '"';
}
