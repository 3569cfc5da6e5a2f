import { untimed } from './budget.js';
import { ALIAS_BASE, ALIASES, CJK_UNIFIED, CODES, DIGITS, HANGUL, HEX_NAMED, LEXICON, NAMES, SEQ_BASE, SEQUENCES } from './unicode-names-table.js';

// Unicode character names as CPython 3.11's unicodedata knows them (Unicode 14.0), for
// \N{...} in literals and patterns, the namereplace handler and unicodedata.name/lookup.
// The table (unicode-names-table.ts, made by scripts/unicode-names.py) is decoded on the
// first use only: a condition without a name pays nothing.

const HALF = DIGITS.length >> 1;
/** A digit's value by its char code. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i;

/** Reads the numbers of one of the table's strings: digits below HALF go on, one at or above it ends a number. */
export class Numbers {
  private at = 0;
  constructor(private readonly text: string) {}
  get more(): boolean {
    return this.at < this.text.length;
  }
  next(): number {
    let n = 0;
    for (;;) {
      const d = VALUE[this.text.charCodeAt(this.at++)];
      if (d >= HALF) return n * HALF + d - HALF;
      n = n * HALF + d;
    }
  }
}

/** Runs (start, length less one) as [start, end] pairs. */
function runs(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const r = new Numbers(text); r.more; ) {
    const start = r.next();
    out.push([start, start + r.next()]);
  }
  return out;
}

const within = (rs: [number, number][], cp: number) => rs.some(([a, b]) => a <= cp && cp <= b);
const hex4 = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');

/**
 * The decoded table, as CPython's: no string per name. Each name is its words' numbers in
 * `words` (from starts[i] to starts[i + 1]), its code point codes[i] (ascending), and an
 * open-addressed hash table of its words' numbers finds it by name.
 */
interface Names {
  lexicon: string[];
  wordNumbers: Map<string, number>;
  codes: Int32Array;
  starts: Int32Array;
  words: Int32Array;
  slots: Int32Array;
  aliases: number[];
  sequences: string[];
  hexNamed: [string, [number, number][]][];
  cjk: [number, number][];
}

let names: Names | null = null;

/**
 * The table, decoded once per process (some 35,000 names: 25 ms of CPU, 1 MB), outside the
 * clock of the run that first needs it, which did not cause the work.
 */
function table(): Names {
  return names ?? untimed(decode);
}

/** FNV-1a over a name's word numbers. */
function hashWords(words: ArrayLike<number>, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ words[k], 0x01000193);
  return h >>> 0;
}

function decode(): Names {
  const lexicon = LEXICON.split(' ');
  const wordNumbers = new Map(lexicon.map((w, i) => [w, i]));
  const spans = runs(CODES);
  const count = spans.reduce((n, [a, b]) => n + b - a + 1, 0);
  const codes = new Int32Array(count);
  const starts = new Int32Array(count + 1);
  let words = new Int32Array(count * 6);
  const text = new Numbers(NAMES);
  let i = 0;
  let at = 0;
  for (const [start, end] of spans) {
    for (let cp = start; cp <= end; cp++, i++) {
      const shared = text.next();
      const more = text.next();
      if (at + shared + more > words.length) {
        const grown = new Int32Array(words.length * 2);
        grown.set(words);
        words = grown;
      }
      // the words shared with the name before, then its own
      if (i > 0) words.copyWithin(at, starts[i - 1], starts[i - 1] + shared);
      at += shared;
      for (let n = 0; n < more; n++) words[at++] = text.next();
      codes[i] = cp;
      starts[i + 1] = at;
    }
  }
  const slots = new Int32Array(1 << Math.ceil(Math.log2(count * 2))).fill(-1);
  const mask = slots.length - 1;
  for (let k = 0; k < count; k++) {
    let h = hashWords(words, starts[k], starts[k + 1]) & mask;
    while (slots[h] !== -1) h = (h + 1) & mask;
    slots[h] = k;
  }
  const aliases: number[] = [];
  for (const r = new Numbers(ALIASES); r.more; ) aliases.push(r.next());
  const sequences: string[] = [];
  for (const r = new Numbers(SEQUENCES); r.more; ) {
    let s = '';
    for (let n = r.next(); n > 0; n--) s += String.fromCodePoint(r.next());
    sequences.push(s);
  }
  const hexNamed = HEX_NAMED.map(([prefix, rs]): [string, [number, number][]] => [prefix, runs(rs)]);
  return (names = { lexicon, wordNumbers, codes, starts, words: words.subarray(0, at), slots, aliases, sequences, hexNamed, cjk: runs(CJK_UNIFIED) });
}

/** The code point of a name of the table (in capitals), or undefined. */
function byName(n: Names, upper: string): number | undefined {
  const parts = upper.split(' ');
  const numbers = new Int32Array(parts.length);
  for (let j = 0; j < parts.length; j++) {
    const w = n.wordNumbers.get(parts[j]);
    if (w === undefined) return undefined;
    numbers[j] = w;
  }
  const mask = n.slots.length - 1;
  for (let h = hashWords(numbers, 0, numbers.length) & mask; n.slots[h] !== -1; h = (h + 1) & mask) {
    const k = n.slots[h];
    const from = n.starts[k];
    if (n.starts[k + 1] - from !== numbers.length) continue;
    let j = 0;
    while (j < numbers.length && n.words[from + j] === numbers[j]) j++;
    if (j === numbers.length) return n.codes[k];
  }
  return undefined;
}

/** The name of the table for a code point, or undefined. */
function byCode(n: Names, cp: number): string | undefined {
  let lo = 0;
  let hi = n.codes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (n.codes[mid] < cp) lo = mid + 1;
    else if (n.codes[mid] > cp) hi = mid - 1;
    else return Array.from(n.words.subarray(n.starts[mid], n.starts[mid + 1]), (w) => n.lexicon[w]).join(' ');
  }
  return undefined;
}

// Hangul syllables are named by their jamo's short names (Unicode's chapter 3.12), as CPython names them.
const [HANGUL_FIRST] = runs(HANGUL)[0];
const L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI', 'YU', 'EU', 'YI', 'I'];
const T = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B', 'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H'];
const HANGUL_COUNT = L.length * V.length * T.length;
const HANGUL_PREFIX = 'HANGUL SYLLABLE ';
const CJK_PREFIX = 'CJK UNIFIED IDEOGRAPH-';

/** CPython's find_syllable: the longest short name at `at`, case-sensitive; [index, length], -1 for none. */
function syllable(name: string, at: number, column: string[]): [number, number] {
  let best = -1;
  let len = -1;
  column.forEach((s, i) => {
    if (s.length > len && name.startsWith(s, at)) [best, len] = [i, s.length];
  });
  return [best, Math.max(len, 0)];
}

/** Only ASCII letters change, as CPython's Py_TOUPPER: 'ß' must not become 'SS' and find a name. */
const asciiUpper = (s: string) => s.replace(/[a-z]+/g, (w) => w.toUpperCase());

/**
 * The code point a name names, as CPython's _getcode finds it: Hangul syllables and CJK
 * unified ideographs by rule (their prefixes and Hangul's short names case-sensitive, the
 * ideograph's 4 or 5 hex digits capital), every other name and alias in any case. A named
 * sequence is its string with `sequences`, and no name without (so in \N{...}); an alias is no
 * name without `aliases` (ucd_3_2_0 has none).
 */
export function lookupName(name: string, sequences: boolean, aliases = true): number | string | null {
  if (name.startsWith(HANGUL_PREFIX)) {
    let at = HANGUL_PREFIX.length;
    const parts = [L, V, T].map((column) => {
      const [i, len] = syllable(name, at, column);
      at += len;
      return i;
    });
    if (parts.includes(-1) || at !== name.length) return null;
    return HANGUL_FIRST + (parts[0] * V.length + parts[1]) * T.length + parts[2];
  }
  const n = table();
  if (name.startsWith(CJK_PREFIX)) {
    const digits = name.slice(CJK_PREFIX.length);
    if (!/^[0-9A-F]{4,5}$/.test(digits)) return null;
    const cp = parseInt(digits, 16);
    return within(n.cjk, cp) ? cp : null;
  }
  const upper = asciiUpper(name);
  const cp = byName(n, upper) ?? hexNamed(n, upper);
  if (cp === undefined) return null;
  if (cp >= SEQ_BASE) return sequences ? n.sequences[cp - SEQ_BASE] : null;
  if (cp >= ALIAS_BASE) return aliases ? n.aliases[cp - ALIAS_BASE] : null;
  return cp;
}

/** A name such as CJK COMPATIBILITY IDEOGRAPH-F900: its prefix's, ending in its code point as CPython writes it. */
function hexNamed(n: Names, upper: string): number | undefined {
  const dash = upper.lastIndexOf('-');
  const tail = upper.slice(dash + 1);
  if (!/^[0-9A-F]{4,6}$/.test(tail)) return undefined;
  const cp = parseInt(tail, 16);
  if (hex4(cp) !== tail) return undefined;
  const prefix = upper.slice(0, dash + 1);
  return n.hexNamed.some(([p, rs]) => p === prefix && within(rs, cp)) ? cp : undefined;
}

/**
 * A code point's name, as CPython's _getucname gives it, or null. With `aliases`, as the
 * namereplace handler asks, the private-use code points where CPython keeps aliases and
 * named sequences are named by them too (CPython's own quirk: '\U000f0000' is \N{NULL}).
 */
export function nameOf(cp: number, aliases: boolean): string | null {
  if (cp >= HANGUL_FIRST && cp < HANGUL_FIRST + HANGUL_COUNT) {
    const s = cp - HANGUL_FIRST;
    return HANGUL_PREFIX + L[Math.floor(s / (V.length * T.length))] + V[Math.floor((s % (V.length * T.length)) / T.length)] + T[s % T.length];
  }
  const n = table();
  if (within(n.cjk, cp)) return CJK_PREFIX + hex4(cp);
  if (!aliases && cp >= ALIAS_BASE && cp < SEQ_BASE + n.sequences.length) return null;
  const name = byCode(n, cp);
  if (name !== undefined) return name;
  const family = n.hexNamed.find(([, rs]) => within(rs, cp));
  return family === undefined ? null : family[0] + hex4(cp);
}
