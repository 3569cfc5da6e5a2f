import { work } from '../budget.js';
import { asciiIsCased, asciiLower, extraCases, isCased, lower, upper } from './case.js';
import { inCategory, type Category } from './categories.js';
import type { SetItem } from './tree.js';

// A set as sre_compile's _optimize_charset leaves it: under re.I, its literals and ranges
// mapped to lowercase (and their extra cases) within the BMP, what lies beyond kept aside.

export interface CharSet {
  negate: boolean;
  /** Sorted, disjoint [lo, hi] pairs. */
  ranges: Int32Array;
  cats: Category[];
  /** Ranges beyond the BMP under re.I, sorted and disjoint: a lowercased character in them, or its uppercase. */
  upperRanges: Int32Array;
  unicode: boolean;
}

export type Case = 'none' | 'ascii' | 'unicode';

/** The set and whether it must be tested on a character's lowercase (sre's `hascased`). */
export function makeSet(items: SetItem[], kind: Case, unicode: boolean): [CharSet, boolean] {
  const set: CharSet = { negate: false, ranges: new Int32Array(0), cats: [], upperRanges: new Int32Array(0), unicode };
  const pairs: number[] = [];
  const upperPairs: number[] = [];
  let hascased = false;
  // the BMP's characters marked, within [first, last]
  const map = scratch();
  let first = 0x10000;
  let last = -1;
  const mark = (c: number): boolean => {
    if (c > 0xffff) return false;
    map[c] = 1;
    if (c < first) first = c;
    if (c > last) last = c;
    return true;
  };
  try {
    marks(items, kind, set, pairs, upperPairs, mark, (c) => (hascased ||= c));
    if (last >= 0) {
      work(last - first + 1);
      for (let c = first; c <= last; c++) {
        if (map[c] === 0) continue;
        let d = c;
        while (d < last && map[d + 1] === 1) d++;
        pairs.push(c, d);
        c = d;
      }
    }
  } finally {
    if (last >= 0) map.fill(0, first, last + 1);
  }
  set.ranges = normalise(pairs);
  // one search of them all per character tested, not a walk of every range (a set of 2,000
  // ranges beyond the BMP under re.I took 4 µs a character, charged as an opcode)
  set.upperRanges = normalise(upperPairs);
  return [set, kind !== 'none' && hascased];
}

/** _optimize_charset's walk of the items: literals and ranges marked (lowercased, with their extra cases, under re.I), the rest kept aside. */
function marks(items: SetItem[], kind: Case, set: CharSet, pairs: number[], upperPairs: number[], mark: (c: number) => boolean, cased: (c: boolean) => void): void {
  const fixup = kind === 'unicode' ? lower : asciiLower;
  const isCasedChar = kind === 'unicode' ? isCased : asciiIsCased;
  let hascased = false;
  for (const it of items) {
    if (it.op === 'NEGATE') set.negate = true;
    else if (it.op === 'CATEGORY') set.cats.push(it.cat);
    else if (kind === 'none') pairs.push(it.op === 'LITERAL' ? it.c : it.lo, it.op === 'LITERAL' ? it.c : it.hi);
    else if (it.op === 'LITERAL') {
      const lo = fixup(it.c);
      if (mark(lo)) {
        if (kind === 'unicode') for (const k of extraCases(lo) ?? []) mark(k);
        hascased ||= isCasedChar(it.c);
      } else {
        // beyond the BMP: kept as it is, and tested on the subject's lowercase
        hascased = true;
        pairs.push(it.c, it.c);
      }
    } else {
      const top = Math.min(it.hi, 0xffff);
      work((top - it.lo + 1) * 4);
      for (let c = it.lo; c <= top; c++) {
        const lo = fixup(c);
        mark(lo);
        if (kind === 'unicode') for (const k of extraCases(lo) ?? []) mark(k);
        hascased ||= isCasedChar(c);
      }
      if (it.hi > 0xffff) {
        hascased = true;
        upperPairs.push(it.lo, it.hi);
      }
    }
  }
  cased(hascased);
}

let SCRATCH: Uint8Array | null = null;
/** One BMP-wide map for the sets made under re.I, left cleared by each. */
function scratch(): Uint8Array {
  return (SCRATCH ??= new Uint8Array(0x10000));
}

function normalise(pairs: number[]): Int32Array {
  const idx = [];
  for (let i = 0; i < pairs.length; i += 2) idx.push(i);
  idx.sort((a, b) => pairs[a] - pairs[b]);
  const out: number[] = [];
  for (const i of idx) {
    const lo = pairs[i];
    const hi = pairs[i + 1];
    if (out.length > 0 && lo <= out[out.length - 1] + 1) out[out.length - 1] = Math.max(out[out.length - 1], hi);
    else out.push(lo, hi);
  }
  return Int32Array.from(out);
}

/** sre's charset test of ch (already lowercased when the set is tested so). */
export function inSet(set: CharSet, ch: number): boolean {
  if (inRanges(set.ranges, ch)) return !set.negate;
  for (const cat of set.cats) if (inCategory(cat, ch, set.unicode)) return !set.negate;
  const u = set.upperRanges;
  if (u.length > 0 && (inRanges(u, ch) || inRanges(u, upper(ch)))) return !set.negate;
  return set.negate;
}

/** Whether ch is in one of the sorted, disjoint [lo, hi] pairs: a binary search. */
function inRanges(r: Int32Array, ch: number): boolean {
  let lo = 0;
  let hi = (r.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ch < r[2 * mid]) hi = mid - 1;
    else if (ch > r[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}
