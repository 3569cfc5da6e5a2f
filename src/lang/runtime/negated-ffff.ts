/**
 * V8's linear-time engine (which also takes over a backtracking search past its backtrack
 * limit) matches every character with a negated set that holds U+FFFF, in an expression
 * without the u flag: `[^\x00-\x40\xea-\uffff]` matched ' '. Within the BMP, Python's \W, \D
 * and \S are spelt as such sets (unicode-classes.ts), so `a*[^\W]+` matched '  é'. Such a set
 * is spelt here as the positive set of the characters it leaves, which both engines read alike.
 */

const HEX = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
const SIMPLE_ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, b: 8, '0': 0 };

/**
 * The expression with each negated set that holds U+FFFF spelt as a positive one, or null
 * where one cannot be: a class escape (\d, \w, \s) inside it, or a case-insensitive expression
 * (whose negated sets are not the complement of a set as written).
 */
export function withoutNegatedFFFF(source: string, ignoreCase: boolean): string | null {
  if (!/\\u[fF]{4}|\uffff/.test(source)) return source;
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\') {
      out += source.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch !== '[') {
      out += ch;
      i++;
      continue;
    }
    const set = readSet(source, i);
    if (set === null) {
      // not a set it can read: left as is when it cannot hold U+FFFF negated
      const end = setEnd(source, i);
      const text = source.slice(i, end);
      if (text.startsWith('[^') && /\\u[fF]{4}|\uffff/.test(text)) return null;
      out += text;
      i = end;
      continue;
    }
    const [negated, ranges, end] = set;
    if (negated && ranges.some(([, hi]) => hi === 0xffff)) {
      if (ignoreCase) return null;
      out += `[${complement(ranges).map(([lo, hi]) => (lo === hi ? HEX(lo) : `${HEX(lo)}-${HEX(hi)}`)).join('')}]`;
    } else out += source.slice(i, end);
    i = end;
  }
  return out;
}

/** Where the set opening at `open` ends (past its `]`). */
function setEnd(source: string, open: number): number {
  let i = open + 1;
  if (source[i] === '^') i++;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** The set opening at `open`: whether negated, its ranges of UTF-16 units, where it ends; null where it holds what is no single unit. */
function readSet(source: string, open: number): [boolean, [number, number][], number] | null {
  let i = open + 1;
  const negated = source[i] === '^';
  if (negated) i++;
  const ranges: [number, number][] = [];
  const unit = (): number | null => {
    const c = source[i];
    if (c !== '\\') {
      i++;
      return c.charCodeAt(0);
    }
    const e = source[i + 1];
    const hex = e === 'u' ? 4 : e === 'x' ? 2 : 0;
    if (hex > 0) {
      const digits = source.slice(i + 2, i + 2 + hex);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) return null;
      i += 2 + hex;
      return parseInt(digits, 16);
    }
    i += 2;
    if (e in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[e];
    // an escaped punctuation character is itself; a letter is a class or unknown
    return /[a-zA-Z0-9]/.test(e) ? null : e.charCodeAt(0);
  };
  while (i < source.length && source[i] !== ']') {
    const lo = unit();
    if (lo === null) return null;
    if (source[i] === '-' && source[i + 1] !== ']' && i + 1 < source.length) {
      i++;
      const hi = unit();
      if (hi === null) return null;
      ranges.push([lo, hi]);
    } else ranges.push([lo, lo]);
  }
  return i < source.length ? [negated, ranges, i + 1] : null;
}

/** The units of 0-0xFFFF in none of the ranges. */
function complement(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= 0xffff) out.push([next, 0xffff]);
  return out;
}
