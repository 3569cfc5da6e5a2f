import { untimed } from './budget.js';
import { DECOMPOSITIONS, EXCLUDED, NUMERICS, PROPS, RECORDS, TAGS, VALUES } from './unicode-data-table.js';
import { Numbers } from './unicode-names.js';

// The per-character properties of CPython 3.11's unicodedata (Unicode 14.0), for its
// category() to numeric() and for normalize(). The table (unicode-data-table.ts, made by
// scripts/unicode-data.py) is decoded on first use only: a condition without them pays nothing.

/** What unicodedata answers for one code point but its decomposition and numeric value. */
export interface CharProps {
  readonly category: string;
  readonly bidirectional: string;
  readonly combining: number;
  readonly eastAsianWidth: string;
  readonly mirrored: number;
  /** The quick checks of NFD, NFC, NFKD and NFKC, two bits each from the lowest: 0 yes, 1 no, 2 maybe. */
  readonly quickCheck: number;
}

/** A numeric value: the float, and whether the character is a digit and a decimal too. */
export interface NumericValue {
  readonly value: number;
  readonly digit: boolean;
  readonly decimal: boolean;
}

interface Data {
  records: CharProps[];
  /** Each code point's record number (there are some 340), as blocks[BLOCK * blockOf[cp >> SHIFT] + (cp & MASK)]. */
  blockOf: Uint16Array;
  blocks: Uint16Array;
  /** Each record's combining class, for normalize's inner loops. */
  combiningOf: Uint8Array;
  tags: string[];
  /** A code point's decomposition: its tag's number (0: canonical), then its code points. */
  decompositions: Map<number, number[]>;
  numerics: Map<number, NumericValue>;
  /** The canonical pairs NFC composes: by first, by second, the composite. */
  pairs: Map<number, Map<number, number>>;
}

let data: Data | null = null;

/** The table, decoded once per process, outside the clock of the run that first needs it, which did not cause the work. */
function table(): Data {
  return data ?? untimed(decode);
}

function decode(): Data {
  const records = RECORDS.split(';').map((r): CharProps => {
    const [category, bidirectional, combining, eastAsianWidth, mirrored, quickCheck] = r.split(',');
    return { category, bidirectional, combining: Number(combining), eastAsianWidth, mirrored: Number(mirrored), quickCheck: Number(quickCheck) };
  });
  const { blockOf, blocks } = twoStage();
  let cp = 0;
  const decompositions = new Map<number, number[]>();
  cp = 0;
  for (const r = new Numbers(DECOMPOSITIONS); r.more; ) {
    cp += r.next();
    const entry = [r.next()];
    for (let n = r.next(); n > 0; n--) entry.push(r.next());
    decompositions.set(cp, entry);
  }
  const values = VALUES.split(' ').map(Number);
  const numerics = new Map<number, NumericValue>();
  cp = 0;
  for (const r = new Numbers(NUMERICS); r.more; ) {
    cp += r.next();
    const n = r.next();
    numerics.set(cp, { value: values[Math.floor(n / 3)], digit: n % 3 > 0, decimal: n % 3 === 2 });
  }
  const excluded = new Set<number>();
  cp = 0;
  for (const r = new Numbers(EXCLUDED); r.more; ) excluded.add((cp += r.next()));
  const pairs = new Map<number, Map<number, number>>();
  for (const [composite, [tag, first, second, more]] of decompositions) {
    if (tag !== 0 || second === undefined || more !== undefined || excluded.has(composite)) continue;
    pairs.set(first, (pairs.get(first) ?? new Map<number, number>()).set(second, composite));
  }
  const combiningOf = Uint8Array.from(records, (r) => r.combining);
  return (data = { records, blockOf, blocks, combiningOf, tags: TAGS.split(' '), decompositions, numerics, pairs });
}

/** CPython's index1/index2 split of the record numbers: blocks of 128 code points, each distinct block kept once (some 150 KB for 2.2 MB). */
const SHIFT = 7;
const BLOCK = 1 << SHIFT;
const MASK = BLOCK - 1;

function twoStage(): { blockOf: Uint16Array; blocks: Uint16Array } {
  const blockOf = new Uint16Array(0x110000 >> SHIFT);
  let blocks = new Uint16Array(BLOCK * 64);
  let count = 0;
  // the blocks kept: those of one record by it, the others by a hash of their contents
  const uniform = new Map<number, number>();
  const mixed = new Map<number, number[]>();
  const block = new Uint16Array(BLOCK);
  let at = 0;
  let n = 0;
  /** The block's number, kept if it is new. */
  const keep = (found: number | undefined): number => {
    if (found !== undefined) return found;
    if ((count + 1) * BLOCK > blocks.length) {
      const grown = new Uint16Array(blocks.length * 2);
      grown.set(blocks);
      blocks = grown;
    }
    blocks.set(block, count * BLOCK);
    return count++;
  };
  const equal = (b: number) => {
    for (let k = 0; k < BLOCK; k++) if (blocks[b * BLOCK + k] !== block[k]) return false;
    return true;
  };
  for (const r = new Numbers(PROPS); r.more; ) {
    const record = r.next();
    for (let left = r.next() + 1; left > 0; ) {
      const fill = Math.min(left, BLOCK - at);
      block.fill(record, at, at + fill);
      left -= fill;
      if ((at += fill) < BLOCK) continue;
      if (fill === BLOCK) {
        const b = keep(uniform.get(record));
        uniform.set(record, b);
        blockOf[n++] = b;
      } else {
        let h = 0x811c9dc5;
        for (let k = 0; k < BLOCK; k++) h = Math.imul(h ^ block[k], 0x01000193);
        const same = mixed.get(h) ?? [];
        const b = keep(same.find(equal));
        if (!same.includes(b)) mixed.set(h, [...same, b]);
        blockOf[n++] = b;
      }
      at = 0;
    }
  }
  return { blockOf, blocks: blocks.slice(0, count * BLOCK) };
}

const recordOf = (d: Data, cp: number) => d.blocks[(d.blockOf[cp >> SHIFT] << SHIFT) + (cp & MASK)];

/** A code point's category, bidirectional class, combining class, east Asian width and mirroring. */
export function charProps(cp: number): CharProps {
  const d = table();
  return d.records[recordOf(d, cp)];
}

/** A code point's combining class. */
export function combiningClass(cp: number): number {
  const d = table();
  return d.combiningOf[recordOf(d, cp)];
}

/** A code point's quick checks (CharProps' quickCheck). */
export function quickChecks(cp: number): number {
  const d = table();
  return d.records[recordOf(d, cp)].quickCheck;
}

const hex4 = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');

/** unicodedata.decomposition's text: '<compat> 0066 0069', '0065 0301', or '' (Hangul syllables' too, as in CPython). */
export function decompositionText(cp: number): string {
  const d = table();
  const entry = d.decompositions.get(cp);
  if (entry === undefined) return '';
  const tag = d.tags[entry[0]];
  return (tag === '' ? [] : [tag]).concat(entry.slice(1).map(hex4)).join(' ');
}

/** A code point's decomposition of one level (its tag's number, then its code points), canonical only unless `compat`; undefined if none. */
export function decompositionOf(cp: number, compat: boolean): number[] | undefined {
  const entry = table().decompositions.get(cp);
  return entry === undefined || (entry[0] !== 0 && !compat) ? undefined : entry;
}

/** A code point's numeric value, if it has one. */
export function numericOf(cp: number): NumericValue | undefined {
  return table().numerics.get(cp);
}

/** The primary composite of a canonical pair, or undefined. */
export function composite(first: number, second: number): number | undefined {
  return table().pairs.get(first)?.get(second);
}

/** Whether a code point is the first of some canonical pair. */
export function composesFirst(cp: number): boolean {
  return table().pairs.has(cp);
}
