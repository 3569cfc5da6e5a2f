import { strRepr } from '../str-repr.js';
import { bidirectional32, category32 } from '../unicode-data-3-2.js';
import { charProps } from '../unicode-data.js';
import { normalFormOf } from '../unicode-normalize.js';
import { charge } from '../budget.js';
import { pyErr, UnicodeError } from '../exceptions.js';
import { B1, B3, C22, C6, C7, C8, C9 } from './stringprep-table.js';

// RFC 3454's nameprep profile as CPython 3.11's encodings.idna.nameprep applies Lib/stringprep.py's
// tables, on Unicode 3.2 (ucd_3_2_0): characters mapped to nothing or case-folded (B.1, B.2),
// NFKC, then the prohibited characters (C.1.2 to C.9) and the bidirectional rules refused.

const B1_SET = new Set(B1);
const B3_MAP = new Map(Object.entries(B3).map(([cp, to]) => [Number(cp), to]));
const C22_SET = new Set(C22);
const C6_TO_C9 = new Set([...C6, ...C7, ...C8, ...C9]);

/** ucd_3_2_0.normalize('NFKC', s). */
const nfkc32 = (s: string) => (s === '' ? s : (normalFormOf('NFKC', s, true) ?? s));

/**
 * map_table_b3: B.3's exception, else str.lower(), CPython's on Unicode 14.0: a character it does
 * not have is its own lowercase there, where JavaScript's newer tables may map it (U+1C89, U+A7CB).
 */
function mapB3(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return B3_MAP.get(cp) ?? (charProps(cp).category === 'Cn' ? ch : ch.toLowerCase());
}

/** map_table_b2: B.3, and B.3 again after NFKC where that changes the NFKC. */
function mapB2(ch: string): string {
  const al = mapB3(ch);
  const b = nfkc32(al);
  const c = nfkc32(Array.from(b, mapB3).join(''));
  return b !== c ? c : al;
}

/** B.2's mappings met so far, kept across runs as the codec cache is: names repeat their characters, and each costs two normalizations. */
const MAPPED = new Map<number, string>();

/** in_table_c12 to in_table_c9, which nameprep refuses. */
function prohibited(cp: number): boolean {
  const category = category32(cp);
  return (
    (category === 'Zs' && cp !== 0x20) ||
    (cp >= 0x80 && (category === 'Cc' || C22_SET.has(cp))) ||
    category === 'Co' ||
    (cp >= 0xfdd0 && (cp < 0xfdf0 || (cp & 0xffff) >= 0xfffe)) ||
    category === 'Cs' ||
    C6_TO_C9.has(cp)
  );
}

/** encodings.idna.nameprep, with its UnicodeErrors. */
export function nameprep(label: string): string {
  // its mapping, two normalizations and checks: some 5 µs for a short label on this machine, more as it grows
  charge(20 + label.length);
  let out = '';
  for (const ch of label) {
    const cp = ch.codePointAt(0)!;
    if (B1_SET.has(cp)) continue;
    let to = MAPPED.get(cp);
    if (to === undefined) {
      if (MAPPED.size >= 4096) MAPPED.clear();
      MAPPED.set(cp, (to = mapB2(ch)));
    }
    out += to;
  }
  const prepared = nfkc32(out);
  let randAL = 0;
  let left = false;
  const chars = Array.from(prepared);
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    if (prohibited(cp)) throw pyErr(UnicodeError, `Invalid character ${strRepr(ch)}`);
    const bidi = bidirectional32(cp);
    if (bidi === 'R' || bidi === 'AL') randAL++;
    else if (bidi === 'L') left = true;
  }
  if (randAL > 0) {
    if (left) throw pyErr(UnicodeError, 'Violation of BIDI requirement 2');
    const isRandAL = (ch: string) => ['R', 'AL'].includes(bidirectional32(ch.codePointAt(0)!));
    if (!isRandAL(chars[0]) || !isRandAL(chars[chars.length - 1])) throw pyErr(UnicodeError, 'Violation of BIDI requirement 3');
  }
  return prepared;
}
