import { chargeSteps } from './budget.js';
import { SPACES } from './py-space.js';
import { UNICODE, type Repertoire } from './re-translate.js';
import { CLASS_14 } from './unicode-since-14-table.js';

// Python's Unicode \d (str.isdecimal: Nd), \w (str.isalnum() or '_': letters and numbers)
// and \s (str.isspace()) in a JS expression: as sets of UTF-16 units for a subject within the
// BMP, whose characters are single units, and as code points under the u flag beyond it,
// Unicode 14.0's as CPython 3.11 has them (unicode-14.ts).

const NOT_SPACES = '\\x00-\\x08\\x0e-\\x1b!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\uffff';

const hex = (c: number) => '\\u' + c.toString(16).padStart(4, '0');

let bmp: Record<string, string> | null = null;

/**
 * A CLASS_14 set's part within the BMP, spelt as UTF-16 units, and that part's complement
 * (which holds the surrogates: a lone one is no \\w, as in CPython).
 */
function bmpPart(set: string): [string, string] {
  const found: [number, number][] = [];
  for (const m of set.matchAll(/\\u\{([0-9a-f]+)\}(?:-\\u\{([0-9a-f]+)\})?/g)) {
    const a = parseInt(m[1], 16);
    if (a <= 0xffff) found.push([a, Math.min(parseInt(m[2] ?? m[1], 16), 0xffff)]);
  }
  const spell = (a: number, b: number) => (a === b ? hex(a) : hex(a) + '-' + hex(b));
  let not = '';
  let next = 0;
  for (const [a, b] of found) {
    if (a > next) not += spell(next, a - 1);
    next = b + 1;
  }
  if (next <= 0xffff) not += spell(next, 0xffff);
  return [found.map(([a, b]) => spell(a, b)).join(''), not];
}

/**
 * The sets for a subject within the BMP, read from CPython's ranges once (some 1.5 ms; a scan
 * of the BMP's characters took 7-25 ms): the engine makes them when it starts
 * (regex-engine.ts), so that no condition's run pays for them.
 */
export function bmpSets(): Record<string, string> {
  if (bmp === null) {
    const [d, D] = bmpPart(CLASS_14.DECIMAL);
    const [w, W] = bmpPart(CLASS_14.WORD);
    bmp = { d, D, w, W, s: SPACES, S: NOT_SPACES };
  }
  return bmp;
}

/** Under the u flag, CPython's tables (unicode-since-14-table.ts): V8's properties are Unicode 17's. */
const ASTRAL: Record<string, string> = {
  d: CLASS_14.DECIMAL, D: CLASS_14.NOT_DECIMAL, w: CLASS_14.WORD, W: CLASS_14.NOT_WORD, s: SPACES, S: NOT_SPACES + '\\u{10000}-\\u{10ffff}',
};

/**
 * Python's Unicode \b and \B, by its \w, where JS's are ASCII's. Lookarounds of one character
 * cost the same at every position as JS's \b: the expression analysed keeps \b, as an anchor.
 */
const BOUNDARY = `(?:(?<=[${UNICODE.w}])(?![${UNICODE.w}])|(?<![${UNICODE.w}])(?=[${UNICODE.w}]))`;
const NOT_BOUNDARY = `(?:(?<=[${UNICODE.w}])(?=[${UNICODE.w}])|(?<![${UNICODE.w}])(?![${UNICODE.w}]))`;

/**
 * Steps charged per 1,000 characters the sets add to an expression: V8 takes some 0.2 ms to
 * compile a set of units (a \\w within the BMP adds some 4,900 characters), 0.7 ms a set of
 * code points (some 12,900).
 */
const SET_STEPS: Record<'bmp' | 'astral', number> = { bmp: 100, astral: 120 };

/**
 * The expression to run for a translation's source: UNICODE's stand-ins replaced by the real
 * sets and, unless the pattern is ASCII's (re.A), \b and \B by Unicode's (four sets each).
 * What the sets add is paid before it is built: 3,000 \b spelt out beyond the BMP are 150 MB.
 */
export function realise(source: string, repertoire: Repertoire, asciiWords: boolean): string {
  if (repertoire === 'ascii') return source;
  const sets = repertoire === 'bmp' ? bmpSets() : ASTRAL;
  // escapes read two characters at a time, so that \\b (a backslash, then b) stays text
  let out = asciiWords ? source : source.replace(/\\[\s\S]/g, (e) => (e === '\\b' ? BOUNDARY : e === '\\B' ? NOT_BOUNDARY : e));
  if (!out.includes('\\u')) return out;
  const kinds = ['d', 'w', 's', 'D', 'W', 'S'].map((k): [string, string[]] => [k, out.split(UNICODE[k])]);
  const added = kinds.reduce((n, [k, pieces]) => n + (pieces.length - 1) * (sets[k].length - UNICODE[k].length), 0);
  chargeSteps((SET_STEPS[repertoire] * added) / 1000);
  for (const [k] of kinds) if (out.includes(UNICODE[k])) out = out.split(UNICODE[k]).join(sets[k]);
  return out;
}
