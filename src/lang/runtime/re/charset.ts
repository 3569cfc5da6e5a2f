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
  /** Ranges beyond the BMP under re.I: a lowercased character in them, or its uppercase. */
  upperRanges: number[];
  unicode: boolean;
}

export type Case = 'none' | 'ascii' | 'unicode';

/** The set and whether it must be tested on a character's lowercase (sre's `hascased`). */
export function makeSet(items: SetItem[], kind: Case, unicode: boolean): [CharSet, boolean] {
  const set: CharSet = { negate: false, ranges: new Int32Array(0), cats: [], upperRanges: [], unicode };
  const pairs: number[] = [];
  let hascased = false;
  const fixup = kind === 'unicode' ? lower : asciiLower;
  const cased = kind === 'unicode' ? isCased : asciiIsCased;
  let map: Uint8Array | null = null;
  const mark = (c: number): boolean => {
    if (c > 0xffff) return false;
    (map ??= scratch())[c] = 1;
    return true;
  };
  for (const it of items) {
    if (it.op === 'NEGATE') set.negate = true;
    else if (it.op === 'CATEGORY') set.cats.push(it.cat);
    else if (kind === 'none') pairs.push(it.op === 'LITERAL' ? it.c : it.lo, it.op === 'LITERAL' ? it.c : it.hi);
    else if (it.op === 'LITERAL') {
      const lo = fixup(it.c);
      if (mark(lo)) {
        if (kind === 'unicode') for (const k of extraCases(lo) ?? []) mark(k);
        hascased ||= cased(it.c);
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
        hascased ||= cased(c);
      }
      if (it.hi > 0xffff) {
        hascased = true;
        set.upperRanges.push(it.lo, it.hi);
      }
    }
  }
  if (map !== null) {
    const m: Uint8Array = map;
    work(0x10000 / 8);
    for (let c = 0; c < 0x10000; c++) {
      if (m[c] === 0) continue;
      let d = c;
      while (d + 1 < 0x10000 && m[d + 1] === 1) d++;
      pairs.push(c, d);
      c = d;
    }
  }
  set.ranges = normalise(pairs);
  return [set, kind !== 'none' && hascased];
}

let SCRATCH: Uint8Array | null = null;
/** One BMP-wide map, cleared for each set made under re.I. */
function scratch(): Uint8Array {
  SCRATCH ??= new Uint8Array(0x10000);
  return SCRATCH.fill(0);
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
  const r = set.ranges;
  let lo = 0;
  let hi = (r.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ch < r[2 * mid]) hi = mid - 1;
    else if (ch > r[2 * mid + 1]) lo = mid + 1;
    else return !set.negate;
  }
  for (const cat of set.cats) if (inCategory(cat, ch, set.unicode)) return !set.negate;
  const u = set.upperRanges;
  for (let i = 0; i < u.length; i += 2) {
    if (u[i] <= ch && ch <= u[i + 1]) return !set.negate;
    const up = upper(ch);
    if (u[i] <= up && up <= u[i + 1]) return !set.negate;
  }
  return set.negate;
}
