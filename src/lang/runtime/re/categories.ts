// sre's character categories on code points: \d \s \w and their negations, ASCII's (re.A)
// and Unicode's (str.isdecimal, str.isspace, str.isalnum or '_'), CPython 3.11's own classes (unicode-14.ts).

import { SPACES } from '../py-space.js';
import { DECIMAL_DIGIT, set14 } from '../unicode-14.js';

export type Category = 'DIGIT' | 'NOT_DIGIT' | 'SPACE' | 'NOT_SPACE' | 'WORD' | 'NOT_WORD';

const UNI_DIGIT = new RegExp(DECIMAL_DIGIT, 'u');
const UNI_WORD = new RegExp(set14('WORD'), 'u');
const UNI_SPACE = new RegExp(`[${SPACES}]`);

/** Per BMP character, each Unicode class's answer once asked: bit 1 known, bit 2 digit, 4 word, 8 space. */
const KNOWN = new Uint8Array(0x10000);

function classes(c: number): number {
  if (c < 0x10000) {
    const k = KNOWN[c];
    if (k !== 0) return k;
  }
  const s = String.fromCodePoint(c);
  const k = 1 | (UNI_DIGIT.test(s) ? 2 : 0) | (UNI_WORD.test(s) ? 4 : 0) | (UNI_SPACE.test(s) ? 8 : 0);
  if (c < 0x10000) KNOWN[c] = k;
  return k;
}

export const uniWord = (c: number): boolean => (c < 0x80 ? asciiWord(c) : (classes(c) & 4) !== 0);
export const asciiWord = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
const asciiDigit = (c: number) => c >= 0x30 && c <= 0x39;
const asciiSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/** Whether c is in the category, for a Unicode pattern or an ASCII one (re.A). */
export function inCategory(cat: Category, c: number, unicode: boolean): boolean {
  switch (cat) {
    case 'DIGIT':
      return unicode && c >= 0x80 ? (classes(c) & 2) !== 0 : asciiDigit(c);
    case 'NOT_DIGIT':
      return !inCategory('DIGIT', c, unicode);
    case 'SPACE':
      return unicode && c >= 0x1c ? (classes(c) & 8) !== 0 : asciiSpace(c);
    case 'NOT_SPACE':
      return !inCategory('SPACE', c, unicode);
    case 'WORD':
      return unicode ? uniWord(c) : asciiWord(c);
    case 'NOT_WORD':
      return !inCategory('WORD', c, unicode);
  }
}
