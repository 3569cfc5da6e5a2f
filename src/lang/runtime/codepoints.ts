import { charge, checkClock, runNumber } from './budget.js';

// Python's str counts code points; a JS string counts UTF-16 units. A character beyond
// U+FFFF is a surrogate pair, two units. A lone low surrogate is one unit; a lone HIGH
// surrogate is held as two, the same unit twice ('\ud83d' is "\ud83d\ud83d"), so that
// chr(0xd83d) + chr(0xde00) stays two code points and never becomes the pair '😀'. Read left
// to right, a high unit and the next are one code point (a pair, or a lone high doubled);
// any other unit is one alone. Concatenating encodings encodes the concatenation, so ==,
// hashing of equal strs and dict keys hold. Only strings with a high unit differ, and nearly
// all log text has none, so every helper here first asks `astral` (one native scan) and
// then takes JS's own answer.

const HIGH_UNIT = /[\uD800-\uDBFF]/;

const isHigh = (c: number) => (c & 0xfc00) === 0xd800;

/** The string of one code point: a lone high surrogate doubled (see above). */
export function cpString(cp: number): string {
  return cp >= 0xd800 && cp <= 0xdbff ? String.fromCharCode(cp, cp) : String.fromCodePoint(cp);
}

/** The code point starting at unit u of s (at a code point's start): a lone high's doubled units read as it. */
export function cpCodeAt(s: string, u: number): number {
  // codePointAt joins a high unit only with a low one: a doubled high answers the high
  return s.codePointAt(u)!;
}

/** How many units the code point starting at unit u of s takes: 2 from a high unit. */
export const cpUnits = (s: string, u: number): number => (isHigh(s.charCodeAt(u)) ? 2 : 1);

/** The code points of s, one string each (a JS iteration would split a doubled high). */
export function cpChars(s: string): string[] {
  if (!astral(s)) return Array.from(s);
  const out: string[] = [];
  for (let u = 0; u < s.length; u += cpUnits(s, u)) out.push(s.slice(u, u + cpUnits(s, u)));
  return out;
}

const DOUBLED_HIGH = /([\uD800-\uDBFF])\1/g;

/** Whether s holds a lone high surrogate: two high units side by side are one doubled, or end one. */
export function hasLoneHigh(s: string): boolean {
  if (!astral(s)) return false;
  // a long one is now the held string: its answer is kept with it (re asks it of each subject beyond the BMP)
  if (s.length >= SHORT && s === last) return (lastLoneHigh ??= TWO_HIGHS.test(s));
  return TWO_HIGHS.test(s);
}

const TWO_HIGHS = /[\uD800-\uDBFF]{2}/;

/**
 * s with each lone high surrogate one unit again, as JSON.stringify and the UTF-16 writers
 * want it: a lone high then a lone low become a pair there, as their escapes would in any
 * JSON reader (CPython's json.dumps writes '\\ud83d\\ude00' for both).
 */
export function singleHighs(s: string): string {
  // a high unit's match starts at its code point's start: the regex tries the doubled high's second unit only after its first failed
  return astral(s) ? s.replace(DOUBLED_HIGH, '$1') : s;
}

/**
 * s as a JS 'u' pattern should read it: each lone high surrogate (held doubled) as U+F0000,
 * one character of two units as the doubled high is, where the pattern would read its units
 * as two characters, or its second and a lone low after it as a pair. An offset into the
 * answer is one into s. For patterns that take U+F0000 as Python's re takes a lone
 * surrogate: in none of \w, \s, \d or the classes they name.
 */
export function forUPattern(s: string): string {
  return hasLoneHigh(s) ? s.replace(DOUBLED_HIGH, '\udb80\udc00') : s;
}

/** What a for loop over s yields: s itself (JS's iteration) where no high unit makes them differ. */
export function cpIterable(s: string): Iterable<string> {
  return astral(s) ? cpWalk(s) : s;
}

function* cpWalk(s: string): Generator<string> {
  for (let u = 0; u < s.length; ) {
    const n = cpUnits(s, u);
    yield s.slice(u, u + n);
    u += n;
  }
}

/** The code point numbers of s. */
export function cpCodes(s: string): number[] {
  const out: number[] = [];
  for (let u = 0; u < s.length; u += cpUnits(s, u)) out.push(s.codePointAt(u)!);
  return out;
}

/**
 * Whether unit u of s starts a code point: after a unit other than a high one always; after
 * a run of one high unit, where the run's length is even (its units pair up from its start;
 * a unit before the run is another high's second, or no high, and ends a code point).
 */
export function cpBoundary(s: string, u: number): boolean {
  const h = s.charCodeAt(u - 1);
  if (u <= 0 || u >= s.length || !isHigh(h)) return true;
  let r = u - 1;
  while (r > 0 && s.charCodeAt(r - 1) === h) r--;
  charge((u - r) >> 5);
  return ((u - r) & 1) === 0;
}

// What the last long string looked at was found to be: a loop over text[i] or len(text)
// asks again and again of one string, and must not walk it every time. The scan for a pair
// is not charged: V8 answers it at once for a one-byte string (ASCII and Latin-1 text) and
// at some 0.1 ns a unit for the others, 150 times below a step's price for 32 units. The
// table of where code points start, built in JS, is paid for as any native walk.
const SHORT = 64;
let last = '';
let lastRun = -1;
let lastAstral = false;
let lastStarts: Int32Array | null = null;
let lastLoneHigh: boolean | null = null;

/** A string from which a comparison may take longer than a step between two looks at the clock. */
const LONG = 1 << 14;

/**
 * Whether s is the string a memo made in run `run` holds. JS cannot tell one string object
 * from another: two equal strings (two '😀' * 300000 of one run, or of two runs) compare unit
 * by unit each time, and so may two long ones that differ only at the end. A string under
 * LONG units is held across runs, since each condition of a request reads the same log text
 * (its table is paid for again in each run: starts); a longer one only within its run, so one
 * condition's strings cost nothing in the next, and its uncharged comparison is bounded by a
 * look at the clock after it.
 */
function heldString(s: string, held: string, run: number): boolean {
  if (s.length < LONG) return s === held;
  const same = run === runNumber() && s === held;
  checkClock();
  return same;
}

/** Whether s holds a high surrogate unit (a character beyond the BMP or a lone high), i.e. whether its units and code points differ. */
export function astral(s: string): boolean {
  if (s.length < SHORT) return HIGH_UNIT.test(s);
  // the held object itself: a pointer's comparison (a loop over text[i], len(text))
  return s === last && s.length < LONG ? lastAstral : astralOf(s);
}

function astralOf(s: string): boolean {
  if (heldString(s, last, lastRun)) {
    // the same object from now on: the next look is a pointer's comparison
    last = s;
    return lastAstral;
  }
  last = s;
  lastRun = runNumber();
  lastStarts = null;
  lastLoneHigh = null;
  return (lastAstral = HIGH_UNIT.test(s));
}

/** Where each code point of an astral s starts, in units, and s.length at the end. */
function starts(s: string): Int32Array {
  // astral(s) has just been asked and made s the held object: a pointer's comparison
  return s === last && lastStarts !== null && lastRun === runNumber() ? lastStarts : startsOf(s);
}

function startsOf(s: string): Int32Array {
  // an earlier run's table (each condition of a request reads the same log text): paid for as the walk that would make it, once a run
  if (s === last && lastStarts !== null && s.length < LONG) {
    charge(s.length >> 5);
    lastRun = runNumber();
    return lastStarts;
  }
  charge(s.length >> 5);
  const out = new Int32Array(s.length + 1);
  let k = 0;
  for (let u = 0; u < s.length; u++) {
    out[k++] = u;
    // a pair, or a lone high doubled
    if (isHigh(s.charCodeAt(u))) u++;
  }
  out[k] = s.length;
  const table = out.subarray(0, k + 1);
  if (s.length >= SHORT) {
    last = s;
    lastRun = runNumber();
    lastAstral = true;
    lastStarts = table;
  }
  return table;
}

/** len(s) as CPython counts it. */
export function cpLen(s: string): number {
  return astral(s) ? starts(s).length - 1 : s.length;
}

/**
 * Where each code point of s starts, and s.length at the end, if s holds a character beyond
 * the BMP; else null. An index or a slice needs both the length and the offsets: one look.
 */
export function cpStarts(s: string): Int32Array | null {
  return astral(s) ? starts(s) : null;
}

/** The unit offset where code point cp of s starts (cp <= len(s)). */
export function unitOffset(s: string, cp: number): number {
  return astral(s) ? starts(s)[cp] : cp;
}

/** The code point index of unit offset u of s (u at a code point's start). */
export function cpIndex(s: string, u: number): number {
  if (!astral(s)) return u;
  const t = starts(s);
  // binary search: t is increasing
  let lo = 0;
  let hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Code point i (0 <= i < len) of s, as a string. */
export function cpAt(s: string, i: number): string {
  if (!astral(s)) return s[i];
  const t = starts(s);
  return s.slice(t[i], t[i + 1]);
}

/** s[a:b] by code points (0 <= a <= b <= len). */
export function cpSlice(s: string, a: number, b: number): string {
  if (!astral(s)) return s.slice(a, b);
  const t = starts(s);
  return s.slice(t[a], t[b]);
}

/**
 * s[start:stop:step] by code points, n of them, for a step other than 1 (start and stop as
 * slice.indices gives them): the units gathered in one buffer, where a string a character
 * would leave the collector half a million strings to sweep for '😀' * 500000.
 */
export function cpStep(s: string, start: number, step: number, n: number): string {
  const t = astral(s) ? starts(s) : null;
  const units = new Uint16Array(t === null ? n : 2 * n);
  let k = 0;
  for (let j = 0, i = start; j < n; j++, i += step) {
    if (t === null) units[k++] = s.charCodeAt(i);
    else for (let u = t[i]; u < t[i + 1]; u++) units[k++] = s.charCodeAt(u);
  }
  return unitsToString(units, k);
}

/** The string of the first n UTF-16 units of a buffer, lone surrogates kept (TextDecoder would replace them). */
export function unitsToString(units: Uint16Array, n: number): string {
  let s = '';
  for (let i = 0; i < n; i += 8192) s += String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return s;
}

/**
 * Where a and b first differ within their first n units (n if nowhere): halves compared natively,
 * then units. A walk unit by unit took 2.7 ms over a million-unit common prefix, at every `<`
 * (10,000 comparisons held a worker 650 ms); halving takes 0.03 ms.
 */
function firstDifference(a: string, b: string, n: number): number {
  let lo = 0;
  let hi = n;
  while (hi - lo > 64) {
    const mid = (lo + hi) >>> 1;
    if (a.substring(lo, mid) === b.substring(lo, mid)) lo = mid;
    else hi = mid;
  }
  while (lo < n && a.charCodeAt(lo) === b.charCodeAt(lo)) lo++;
  return lo;
}

/**
 * Units of a str from which a comparison pays for reading it: below, V8 reads two of them in
 * under 0.5 µs, a step's price, and the comparison is paid by its loop or call.
 */
export const LONG_COMPARED = 4096;

/**
 * An == of two strs of `n` units each, about to be made: a step per 1,024 units. V8 compares
 * them at 0.05-0.1 ns a unit (46 µs for a million Latin-1 characters, 86 µs for two-byte ones),
 * but cannot be told that they are one object (CPython's shortcut), so this is paid whatever
 * they are. Unpaid, `t in [s] * 1000` of million-character strs read 10**9 units for 1,000 steps.
 */
export function payEquality(n: number): void {
  charge(n >> 10);
}

/**
 * Python's order of two strs: by code points. JS's `<` orders by units, which puts characters
 * beyond the BMP (surrogate pairs) below U+E000-U+FFFF; they differ only there.
 */
export function compareStr(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  if (n >= LONG_COMPARED) return compareLong(a, b, n);
  if (a === b) return 0;
  const r = a < b ? -1 : 1;
  const i = firstDifference(a, b, n);
  return i === n ? r : orderAt(a, b, i, r);
}

/**
 * Two long strs' order, paid for as an == (payEquality): JS's `<` reads them a unit at a time
 * (300-400 µs a million, where firstDifference's halves take 40-70), so the units where they
 * first differ decide it, as `<` would. Unpaid and through `<`, `s < t` of near-equal
 * million-character strs took 240 µs for a step, and sorted() of 1,000 of them 150 ms.
 */
function compareLong(a: string, b: string, n: number): number {
  payEquality(n);
  if (a === b) return 0;
  const i = firstDifference(a, b, n);
  if (i === n) return a.length < b.length ? -1 : 1;
  return orderAt(a, b, i, a.charCodeAt(i) < b.charCodeAt(i) ? -1 : 1);
}

/** The order of two strs first differing at unit i, whose order by units is r: by code points where they differ. */
function orderAt(a: string, b: string, i: number, r: number): number {
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  // below the surrogates units and code points order alike
  if (x < 0xd800 || y < 0xd800) return r;
  // a difference in a code point's second unit (a pair's or a doubled high's): both start before it
  if (!cpBoundary(a, i)) i--;
  return a.codePointAt(i)! < b.codePointAt(i)! ? -1 : 1;
}

/**
 * Where code point `pos` of `text` is, as re.error and json.JSONDecodeError word it: line
 * text.count('\n', 0, pos) + 1 and column pos - text.rfind('\n', 0, pos).
 */
export function lineAndColumn(text: string, pos: number): [line: number, column: number] {
  const before = pos >= 0 ? cpSlice(text, 0, pos) : '';
  const last = before.lastIndexOf('\n');
  return [before.split('\n').length, pos - (last < 0 ? -1 : cpLen(before.slice(0, last)))];
}
