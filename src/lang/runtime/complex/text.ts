import { NEGATIVE_NAN } from '../negative-nan.js';
import { floatRepr } from '../repr.js';

/** One part as PyOS_double_to_string(x, 'r', 0) writes it: repr's digits without a '.0' ('1', '1e+16', 'inf'). */
export const partRepr = (x: number): string => {
  const s = floatRepr(x);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
};

/** complex_repr: '1j' with a real part of +0.0, else '(1+2j)'; a NaN part has no sign ('nan', '+nan'). */
export function complexRepr(re: number, im: number): string {
  if (re === 0 && !Object.is(re, -0)) return partRepr(im) + 'j';
  const imText = partRepr(im);
  return `(${partRepr(re)}${imText.startsWith('-') ? '' : '+'}${imText}j)`;
}

// PyOS_string_to_double's numbers: digits with a point and an exponent, inf, infinity, nan
// (no two repeats can share a digit, so a long text backtracks linearly)
const F = String.raw`(?:\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?|inf(?:inity)?|nan)`;
// <float>, <float><signed-float>j, <float><sign>j, <float>j, <sign>j, j
const COMPLEX_TEXT = new RegExp(String.raw`^(?:([+-]?${F})(?:([+-])(${F})?j)?|([+-]?)(${F})?j)$`, 'i');
// an underscore only between two digits (_Py_string_to_number_with_underscores)
const BAD_UNDERSCORE = /(?:^|[^0-9])_|_(?:[^0-9]|$)/;

/** Py_ISSPACE, ASCII's six, for the spaces around the number and inside its brackets: the text's others were made ' ' before (decimalText), and \x1c-\x1f are none. */
const isSpace = (c: number): boolean => (c >= 9 && c <= 13) || c === 0x20;

/** text without the spaces at its ends: [start, end). */
function trim(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/**
 * complex(text), its decimal digits already ASCII: its parts, 'malformed' for CPython's
 * "complex() arg is a malformed string", or 'underscore' for a misplaced underscore. An object,
 * not a pair: V8 makes every NaN in an array of doubles the positive one ('-nanj' kept no sign).
 */
export function parseComplex(text: string): { re: number; im: number } | 'malformed' | 'underscore' {
  if (text.includes('_')) {
    if (BAD_UNDERSCORE.test(text)) return 'underscore';
    text = text.split('_').join('');
  }
  let [start, end] = trim(text, 0, text.length);
  if (text[start] === '(') {
    if (text[end - 1] !== ')' || end - start < 2) return 'malformed';
    [start, end] = trim(text, start + 1, end - 1);
  }
  const m = COMPLEX_TEXT.exec(text.slice(start, end));
  if (m === null) return 'malformed';
  const real = (s: string): number => {
    const t = s.toLowerCase();
    const sign = t.startsWith('-') ? -1 : 1;
    const body = t.replace(/^[+-]/, '');
    return body === 'nan' ? (sign < 0 ? NEGATIVE_NAN : NaN) : body.startsWith('inf') ? sign * Infinity : sign * Number(body);
  };
  if (m[1] !== undefined) return m[2] === undefined ? { re: real(m[1]), im: 0 } : { re: real(m[1]), im: real(m[2] + (m[3] ?? '1')) };
  return { re: 0, im: real(m[4] + (m[5] ?? '1')) };
}
