import { untimed } from './budget.js';
import { CHANGED, CORRECTIONS, RECORDS, UNASSIGNED } from './unicode-data-3-2-table.js';
import { charProps } from './unicode-data.js';
import { Numbers } from './unicode-names.js';

// Unicode 3.2 as CPython 3.11's unicodedata.ucd_3_2_0 has it: its Unicode 14.0 tables and what
// 3.2 had otherwise (scripts/unicode-data-3-2.py reads both from CPython), decoded on first use.

/** What 3.2 answers where it differs from 14.0 for a code point it had. */
export interface OldRecord {
  readonly category: string;
  readonly bidirectional: string;
  readonly eastAsianWidth: string;
  readonly mirrored: number;
  /** null: not a decimal */
  readonly decimal: number | null;
}

interface Data {
  /** The first and one past the last code point of each run 3.2 did not have, in order. */
  starts: Int32Array;
  ends: Int32Array;
  changed: Map<number, OldRecord>;
  corrections: Map<number, number>;
}

let data: Data | null = null;

/** The table, decoded once per process, outside the clock of the run that first needs it, which did not cause the work. */
const table = (): Data => data ?? untimed(decode);

function decode(): Data {
  const starts: number[] = [];
  const ends: number[] = [];
  let cp = 0;
  for (const r = new Numbers(UNASSIGNED); r.more; ) {
    starts.push((cp += r.next()));
    ends.push((cp += r.next() + 1));
  }
  const records = RECORDS.split(';').map((r): OldRecord => {
    const [category, bidirectional, eastAsianWidth, mirrored, decimal] = r.split(',');
    return { category, bidirectional, eastAsianWidth, mirrored: Number(mirrored), decimal: decimal === '' ? null : Number(decimal) };
  });
  const changed = new Map<number, OldRecord>();
  cp = 0;
  for (const r = new Numbers(CHANGED); r.more; ) changed.set((cp += r.next()), records[r.next()]);
  const corrections = new Map<number, number>();
  cp = 0;
  for (const r = new Numbers(CORRECTIONS); r.more; ) corrections.set((cp += r.next()), r.next());
  return (data = { starts: Int32Array.from(starts), ends: Int32Array.from(ends), changed, corrections });
}

/** Whether Unicode 3.2 had no such character (CPython's category_changed == 0). */
export function unassigned32(cp: number): boolean {
  const { starts, ends } = table();
  // the last run that starts at or before cp
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= cp) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && cp < ends[lo - 1];
}

/** What 3.2 answers otherwise for a code point it had, if anything. */
export const changed32 = (cp: number): OldRecord | undefined => table().changed.get(cp);

/** The code point 3.2's canonical decomposition gives instead of today's, or 0. */
export const correction32 = (cp: number): number => table().corrections.get(cp) ?? 0;

/** ucd_3_2_0.category(): 'Cn' for what 3.2 did not have. */
export const category32 = (cp: number): string => (unassigned32(cp) ? 'Cn' : (changed32(cp)?.category ?? charProps(cp).category));

/** ucd_3_2_0.bidirectional(): '' for what 3.2 did not have. */
export const bidirectional32 = (cp: number): string => (unassigned32(cp) ? '' : (changed32(cp)?.bidirectional ?? charProps(cp).bidirectional));
