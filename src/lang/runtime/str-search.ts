import { charge } from './budget.js';
import { cpBoundary, cpUnits } from './codepoints.js';

// JS searches strings by UTF-16 unit, CPython by code point. A character beyond the BMP is a
// pair of units and a lone high surrogate its unit twice (codepoints.ts), so the two agree
// but where the needle starts with a surrogate unit: JS then may find it inside one character
// ('😀'.find('\ude00') is 1 in JS's terms, -1 in CPython's; '😀' is found at unit 1 of
// '\ud83d' + '\ude00', "\ud83d\ud83d\ude00"). A needle that starts on a code point's start
// ends on one too: it is whole characters, read alike from there. Such needles are rare, so
// the native search runs first and its answer stands unless it starts inside a character;
// only then are the matches walked (KMP, linear).

const isSurrogate = (c: number) => (c & 0xf800) === 0xd800;

/** Whether a match of sub could start inside a character: sub starts with a surrogate unit. */
export const mayCut = (sub: string): boolean => sub.length > 0 && isSurrogate(sub.charCodeAt(0));

/** Whether sub, found at unit i of s, starts inside one of s's characters. */
const cuts = (s: string, i: number): boolean => !cpBoundary(s, i);

/** A unit at or before u of s that surely starts a code point: the start of s, or one after a unit other than a high one. */
function sureStart(s: string, u: number): number {
  let r = u;
  while (r > 0 && (s.charCodeAt(r - 1) & 0xfc00) === 0xd800) r--;
  charge((u - r) >> 5);
  return r;
}

/** KMP's failure table of the m units unit(0)..unit(m - 1) (m > 0). */
function failures(m: number, unit: (i: number) => number): Int32Array {
  const f = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i++) {
    while (k > 0 && unit(i) !== unit(k)) k = f[k - 1];
    if (unit(i) === unit(k)) k++;
    f[i] = k;
  }
  return f;
}

/**
 * The starts of sub's matches in s[from:to] that cut no pair, overlapping ones included, in
 * order, until `take` says stop (it answers whether to go on). Linear in what it reads, and
 * paid for that as a native walk, once done: a search that stops at the next match pays only so far.
 */
function walk(s: string, sub: string, from: number, to: number, take: (i: number) => boolean): void {
  const m = sub.length;
  const f = failures(m, (i) => sub.charCodeAt(i));
  let i = from;
  // a code point's start at or before the next match, moved on with the matches: linear
  let c = sureStart(s, from);
  for (let k = 0; i < to; i++) {
    while (k > 0 && s.charCodeAt(i) !== sub.charCodeAt(k)) k = f[k - 1];
    if (s.charCodeAt(i) === sub.charCodeAt(k)) k++;
    if (k === m) {
      const at = i - m + 1;
      while (c < at) c += cpUnits(s, c);
      if (c === at && !take(at)) break;
      k = f[k - 1];
    }
  }
  charge((i - from + m) >> 5);
}

/** s.indexOf(sub, from) by code points: the first match at or after unit `from` that cuts no pair. */
export function indexOfCp(s: string, sub: string, from = 0): number {
  const i = s.indexOf(sub, from);
  if (i < 0 || !mayCut(sub) || !cuts(s, i)) return i;
  let found = -1;
  walk(s, sub, i + 1, s.length, (at) => ((found = at), false));
  return found;
}

/** Whether s holds sub as CPython's `in` finds it. */
export function includesCp(s: string, sub: string): boolean {
  return s.includes(sub) && (!mayCut(sub) || indexOfCp(s, sub) >= 0);
}

/**
 * s.lastIndexOf(sub, from) in linear time: KMP from the right, sub read backwards. V8's
 * lastIndexOf compares at every place (50,000 characters in 100,000 take 1.5 s), so it is
 * kept for needles of up to 32 units. Paid for as a native walk, as far as it read.
 */
export function lastIndexOf(s: string, sub: string, from: number): number {
  const m = sub.length;
  if (m <= 32) return s.lastIndexOf(sub, from);
  // a match lies wholly in s[0:end]
  const end = Math.min(s.length, Math.max(0, from) + m);
  const r = new Int32Array(m);
  for (let j = 0; j < m; j++) r[j] = sub.charCodeAt(m - 1 - j);
  const f = failures(m, (j) => r[j]);
  let i = end - 1;
  let k = 0;
  for (; i >= 0; i--) {
    const c = s.charCodeAt(i);
    while (k > 0 && c !== r[k]) k = f[k - 1];
    if (c === r[k]) k++;
    if (k === m) break;
  }
  charge((end - i + m) >> 5);
  return i;
}

/**
 * The last start at or before unit `from` of a match of sub that cuts no pair; `native` is
 * the caller's unit search (which has the same answer where no pair is cut).
 */
export function lastIndexOfCp(s: string, sub: string, from: number, native: (s: string, sub: string, from: number) => number): number {
  const i = native(s, sub, from);
  if (i < 0 || !mayCut(sub) || !cuts(s, i)) return i;
  let found = -1;
  walk(s, sub, 0, i + sub.length - 1, (at) => ((found = at), true));
  return found;
}

/** The starts of sub's non-overlapping matches in s[from:to] (sub non-empty), leftmost first, as CPython counts and splits. */
function matches(s: string, sub: string, from: number, to: number): number[] {
  const out: number[] = [];
  let end = from;
  walk(s, sub, from, to, (at) => {
    // a match inside the last one taken is skipped
    if (at >= end) {
      out.push(at);
      end = at + sub.length;
    }
    return true;
  });
  return out;
}

/** The starts of sub's non-overlapping matches that cut no pair, taken from the right as str.rsplit takes them, last first. */
export function rmatchesCp(s: string, sub: string): number[] {
  const all: number[] = [];
  walk(s, sub, 0, s.length, (at) => (all.push(at), true));
  const out: number[] = [];
  let end = s.length;
  for (let j = all.length - 1; j >= 0; j--) {
    if (all[j] + sub.length <= end) {
      out.push(all[j]);
      end = all[j];
    }
  }
  return out;
}

/** s.split(sep) by code points (sep non-empty). */
export function splitCp(s: string, sep: string): string[] {
  if (!mayCut(sep)) return s.split(sep);
  let end = 0;
  const parts = matches(s, sep, 0, s.length).map((at) => {
    const part = s.slice(end, at);
    end = at + sep.length;
    return part;
  });
  parts.push(s.slice(end));
  return parts;
}

/** How many times sub (non-empty) is in s[from:to] by code points, without overlaps: str.count. */
export function countCp(s: string, sub: string, from: number, to: number): number {
  if (mayCut(sub)) return matches(s, sub, from, to).length;
  let n = 0;
  for (let i = s.indexOf(sub, from); i >= 0 && i + sub.length <= to; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

/** s.startsWith(p) by code points: p is whole characters read from s's start, as s's are. */
export const startsWithCp = (s: string, p: string): boolean => s.startsWith(p);

/** s.endsWith(p) by code points. */
export const endsWithCp = (s: string, p: string): boolean => s.endsWith(p) && (!mayCut(p) || !cuts(s, s.length - p.length));
