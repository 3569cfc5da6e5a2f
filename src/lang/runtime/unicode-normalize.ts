import { allocStr, chargeSteps, checkSize, tick } from './budget.js';
import { unitsToString } from './codepoints.js';
import { correction32, unassigned32 } from './unicode-data-3-2.js';
import { combiningClass, composesFirst, composite, decompositionOf, quickChecks } from './unicode-data.js';

// unicodedata.normalize as CPython 3.11's nfd_nfkd and nfc_nfkc do it (UAX #15 on its
// Unicode 14.0 tables), not String.prototype.normalize, whose tables are V8's newer Unicode.

export type Form = 'NFC' | 'NFD' | 'NFKC' | 'NFKD';

// Hangul syllables decompose and compose by rule (Unicode's chapter 3.12)
const S_BASE = 0xac00;
const L_BASE = 0x1100;
const V_BASE = 0x1161;
const T_BASE = 0x11a7;
const V_COUNT = 21;
const T_COUNT = 28;
const L_COUNT = 19;
const S_COUNT = L_COUNT * V_COUNT * T_COUNT;

/** Strings of these characters only are their own normal form: each character below is its own, none has a combining class or composes with another. */
const UNCHANGED: Record<Form, RegExp> = { NFC: /^[\0-\u02ff]*$/, NFD: /^[\0-\xbf]*$/, NFKC: /^[\0-\x9f]*$/, NFKD: /^[\0-\x9f]*$/ };

/**
 * Steps per character of a decomposition (a step is about 0.5 µs): a code point's lookups,
 * decomposition, ordering and composition took 20 to 400 ns on this loaded machine
 * (bench/unicode-data.ts), so half a step, charged before the work, which cannot be stopped.
 */
const STEPS_PER_CHAR = 0.5;

/** The normal form `form` of s: s itself when CPython's quick check finds it normalized. */
export function normalize(form: Form, s: string): string {
  return normalFormOf(form, s) ?? s;
}

/**
 * The normal form `form` of s, or undefined where CPython's quick check finds s in it (and answers
 * s itself, a str subclass's instance too). `ucd32`: by ucd_3_2_0's decompositions, where CPython
 * makes no quick check and always answers a new str.
 */
export function normalFormOf(form: Form, s: string, ucd32 = false): string | undefined {
  if (!ucd32 && (UNCHANGED[form].test(s) || quickCheck(form, s, true) === YES)) return undefined;
  const compat = form === 'NFKC' || form === 'NFKD';
  const d = new Decomposed(s.length, ucd32);
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    // a pair's units, or a lone high surrogate's two (codepoints.ts)
    i += cp > 0xffff || (cp & 0xfc00) === 0xd800 ? 2 : 1;
    d.add(cp, compat);
  }
  reorder(d.points, d.classes, d.length);
  return fromCodePoints(form === 'NFC' || form === 'NFKC' ? compose(d.points, d.classes, d.length) : d.points.subarray(0, d.length));
}

/** unicodedata.is_normalized: the quick check's answer, or the normal form's where it says maybe (always, for ucd_3_2_0). */
export function isNormalized(form: Form, s: string, ucd32 = false): boolean {
  if (ucd32) return normalFormOf(form, s, true) === s;
  if (UNCHANGED[form].test(s)) return true;
  const answer = quickCheck(form, s, false);
  return answer === MAYBE ? normalize(form, s) === s : answer === YES;
}

const YES = 0;
const NO = 1;
const MAYBE = 2;
/** Where each form's quick check is in a code point's quickChecks. */
const SHIFT: Record<Form, number> = { NFD: 0, NFC: 2, NFKD: 4, NFKC: 6 };

/**
 * CPython's is_normalized_quickcheck: NO at a combining class lower than the one before it or
 * a character that is never in the form, MAYBE at one that may compose with the one before
 * (with `yesOnly`, MAYBE for anything but yes, as normalize asks), else YES.
 */
function quickCheck(form: Form, s: string, yesOnly: boolean): number {
  const shift = SHIFT[form];
  let answer = YES;
  let previous = 0;
  for (let i = 0; i < s.length; ) {
    // paid as it goes: the check may stop at the first character
    tick();
    const cp = s.codePointAt(i)!;
    // a pair's units, or a lone high surrogate's two (codepoints.ts)
    i += cp > 0xffff || (cp & 0xfc00) === 0xd800 ? 2 : 1;
    const combining = combiningClass(cp);
    if (combining !== 0 && previous > combining) return NO;
    previous = combining;
    const check = (quickChecks(cp) >> shift) & 3;
    if (yesOnly && check !== YES) return MAYBE;
    if (check === NO) return NO;
    if (check === MAYBE) answer = MAYBE;
  }
  return answer;
}

/**
 * Full decompositions, in order, with their combining classes, within the size limit as they
 * grow (NFKD makes 18 characters of U+FDFA), each place charged before it is filled: a
 * character's ordering and composition cost what its decomposition makes of it.
 */
class Decomposed {
  points: Int32Array;
  classes: Uint8Array;
  length = 0;

  constructor(
    capacity: number,
    private readonly ucd32: boolean,
  ) {
    chargeSteps(capacity * STEPS_PER_CHAR);
    this.points = new Int32Array(capacity);
    this.classes = new Uint8Array(capacity);
  }

  add(cp: number, compat: boolean): void {
    if (cp >= S_BASE && cp < S_BASE + S_COUNT) {
      const s = cp - S_BASE;
      this.push(L_BASE + Math.floor(s / (V_COUNT * T_COUNT)));
      this.push(V_BASE + Math.floor((s % (V_COUNT * T_COUNT)) / T_COUNT));
      if (s % T_COUNT !== 0) this.push(T_BASE + (s % T_COUNT));
      return;
    }
    if (this.ucd32) {
      // a decomposition corrected since 3.2 is undone (CPython's normalization_3_2_0); a character 3.2 did not have has none
      const old = correction32(cp);
      if (old !== 0) return this.add(old, compat);
      if (unassigned32(cp)) return this.push(cp);
    }
    const d = decompositionOf(cp, compat);
    if (d === undefined) this.push(cp);
    else for (let k = 1; k < d.length; k++) this.add(d[k], compat);
  }

  private push(cp: number): void {
    if (this.length === this.points.length) {
      checkSize(this.length);
      chargeSteps(this.length * STEPS_PER_CHAR);
      const points = new Int32Array(this.length * 2);
      points.set(this.points);
      const classes = new Uint8Array(this.length * 2);
      classes.set(this.classes);
      [this.points, this.classes] = [points, classes];
    }
    this.classes[this.length] = combiningClass(cp);
    this.points[this.length++] = cp;
  }
}

/**
 * The canonical ordering: each run of non-starters sorted by combining class, stably. CPython
 * sorts by insertion, quadratic in a run's length; a counting sort gives the same order.
 */
function reorder(points: Int32Array, classes: Uint8Array, n: number): void {
  for (let i = 0; i < n; ) {
    if (classes[i] === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    let sorted = true;
    for (; j < n && classes[j] !== 0; j++) if (classes[j] < classes[j - 1]) sorted = false;
    if (!sorted && j - i <= 16) insertionSort(points, classes, i, j);
    else if (!sorted) countingSort(points, classes, i, j, COUNTS);
    i = j;
  }
}

/** countingSort's counts, made once: ucd_3_2_0 normalizes every str it is given, however short. */
const COUNTS = new Int32Array(257);

/** A short run, in place, as CPython sorts every run. */
function insertionSort(points: Int32Array, classes: Uint8Array, from: number, to: number): void {
  for (let k = from + 1; k < to; k++) {
    const [cp, c] = [points[k], classes[k]];
    let m = k - 1;
    for (; m >= from && classes[m] > c; m--) {
      points[m + 1] = points[m];
      classes[m + 1] = classes[m];
    }
    points[m + 1] = cp;
    classes[m + 1] = c;
  }
}

/** A long run, stably, in time linear in its length (a run may be the whole string). */
function countingSort(points: Int32Array, classes: Uint8Array, from: number, to: number, counts: Int32Array): void {
  counts.fill(0);
  for (let k = from; k < to; k++) counts[classes[k] + 1]++;
  for (let c = 1; c < 257; c++) counts[c] += counts[c - 1];
  const run = points.slice(from, to);
  for (let k = 0; k < run.length; k++) points[from + counts[classes[from + k]]++] = run[k];
  // the classes follow their characters: sorted, they are the counts' order
  classes.subarray(from, to).sort();
}

/**
 * CPython's nfc_nfkc on a decomposed, ordered string: each character that starts a pair takes
 * the characters after it it composes with, up to the next starter, unless a character it
 * did not take has a combining class as high (it blocks them). Hangul's L V and L V T compose by rule.
 */
function compose(points: Int32Array, classes: Uint8Array, n: number): Int32Array {
  const out = new Int32Array(n);
  let o = 0;
  // the characters composed into one before them
  const taken = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    if (taken[i]) {
      i++;
      continue;
    }
    let code = points[i];
    if (code >= L_BASE && code < L_BASE + L_COUNT && i + 1 < n && points[i + 1] >= V_BASE && points[i + 1] < V_BASE + V_COUNT) {
      code = S_BASE + ((code - L_BASE) * V_COUNT + points[i + 1] - V_BASE) * T_COUNT;
      i += 2;
      if (i < n && points[i] > T_BASE && points[i] < T_BASE + T_COUNT) code += points[i++] - T_BASE;
      out[o++] = code;
      continue;
    }
    if (composesFirst(code)) {
      // the combining class of the last character not taken, 0 while there is none
      let comb = 0;
      for (let j = i + 1; j < n; j++) {
        const next = points[j];
        const c = classes[j];
        if (comb !== 0) {
          if (c === 0) break;
          if (comb >= c) continue;
        }
        const made = composite(code, next);
        if (made === undefined) {
          if (c === 0) break;
          comb = c;
          continue;
        }
        code = made;
        taken[j] = 1;
        if (!composesFirst(code)) break;
      }
    }
    out[o++] = code;
    i++;
  }
  return out.subarray(0, o);
}

/** A str of code points: their UTF-16, made into strings in slices (String.fromCharCode takes its arguments on the stack). */
function fromCodePoints(points: Int32Array): string {
  allocStr(points.length);
  const units = new Uint16Array(points.length * 2);
  let n = 0;
  for (let i = 0; i < points.length; i++) {
    const cp = points[i];
    if (cp >= 0xd800 && cp <= 0xdbff) (units[n++] = cp), (units[n++] = cp);
    else if (cp < 0x10000) units[n++] = cp;
    else {
      units[n++] = 0xd800 + ((cp - 0x10000) >> 10);
      units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    }
  }
  return unitsToString(units, n);
}
