import { charge, checkSize } from './budget.js';
import { NOT_PRINTABLE } from './unicode-14.js';

/** repr of a str, in a leaf module: the int kernel's error words need it below repr.ts. */

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A code point as repr escapes it: \\xhh, \\uhhhh or \\Uhhhhhhhh. */
export function escapePoint(point: number): string {
  const hex = point.toString(16);
  return point < 0x100 ? '\\x' + hex.padStart(2, '0') : point < 0x10000 ? '\\u' + hex.padStart(4, '0') : '\\U' + hex.padStart(8, '0');
}

export function strRepr(s: string): string {
  // one pass over the text, a character at a time
  if (s.length > 32) charge(s.length >> 2);
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ESCAPES[ch] !== undefined) out += ESCAPES[ch];
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x7f) out += ch;
    else {
      // a code point: a surrogate pair is one character, a lone surrogate (Cs) is never printable
      const pair = c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) < 0xe000;
      const point = pair ? s.codePointAt(i)! : c;
      const text = pair ? s.slice(i, i + 2) : ch;
      if (pair) i++;
      const lone = !pair && c >= 0xd800 && c < 0xe000;
      // a lone high surrogate is held doubled (codepoints.ts): one character
      if (lone && c < 0xdc00) i++;
      if (!lone && (point === 0x20 || !NOT_PRINTABLE.test(text))) out += text;
      else out += escapePoint(point);
    }
  }
  // escapes make up to ten characters of one
  checkSize(out.length + 1);
  return out + quote;
}
