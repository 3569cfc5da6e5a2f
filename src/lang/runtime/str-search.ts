import { charge } from './budget.js';

// JS searches strings by UTF-16 unit, CPython by code point. The two agree but where the
// needle starts with a lone low surrogate or ends with a lone high one: JS then finds it
// inside a surrogate pair, i.e. inside one character ('😀'.find('\ude00') is 1 in JS's
// terms, -1 in CPython's). Such needles are rare, so the native search runs first and its
// answer stands unless it splits a pair; only then are the matches walked (KMP, linear).

const isHigh = (c: number) => (c & 0xfc00) === 0xd800;
const isLow = (c: number) => (c & 0xfc00) === 0xdc00;

/** Whether a match of sub could split a pair: sub starts with a low surrogate or ends with a high one. */
export const mayCut = (sub: string): boolean => sub.length > 0 && (isLow(sub.charCodeAt(0)) || isHigh(sub.charCodeAt(sub.length - 1)));

/** Whether sub, found at unit i of s, cuts one of s's pairs. charCodeAt past either end is NaN, no surrogate. */
const cuts = (s: string, sub: string, i: number): boolean =>
  (isLow(sub.charCodeAt(0)) && isHigh(s.charCodeAt(i - 1))) || (isHigh(sub.charCodeAt(sub.length - 1)) && isLow(s.charCodeAt(i + sub.length)));

/** KMP's failure table of sub (a non-empty string). */
function failures(sub: string): Int32Array {
  const f = new Int32Array(sub.length);
  for (let i = 1, k = 0; i < sub.length; i++) {
    while (k > 0 && sub.charCodeAt(i) !== sub.charCodeAt(k)) k = f[k - 1];
    if (sub.charCodeAt(i) === sub.charCodeAt(k)) k++;
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
  const f = failures(sub);
  const m = sub.length;
  let i = from;
  for (let k = 0; i < to; i++) {
    while (k > 0 && s.charCodeAt(i) !== sub.charCodeAt(k)) k = f[k - 1];
    if (s.charCodeAt(i) === sub.charCodeAt(k)) k++;
    if (k === m) {
      const at = i - m + 1;
      if (!cuts(s, sub, at) && !take(at)) break;
      k = f[k - 1];
    }
  }
  charge((i - from + m) >> 5);
}

/** s.indexOf(sub, from) by code points: the first match at or after unit `from` that cuts no pair. */
export function indexOfCp(s: string, sub: string, from = 0): number {
  const i = s.indexOf(sub, from);
  if (i < 0 || !mayCut(sub) || !cuts(s, sub, i)) return i;
  let found = -1;
  walk(s, sub, i + 1, s.length, (at) => ((found = at), false));
  return found;
}

/** Whether s holds sub as CPython's `in` finds it. */
export function includesCp(s: string, sub: string): boolean {
  return s.includes(sub) && (!mayCut(sub) || indexOfCp(s, sub) >= 0);
}

/**
 * The last start at or before unit `from` of a match of sub that cuts no pair; `native` is
 * the caller's unit search (which has the same answer where no pair is cut).
 */
export function lastIndexOfCp(s: string, sub: string, from: number, native: (s: string, sub: string, from: number) => number): number {
  const i = native(s, sub, from);
  if (i < 0 || !mayCut(sub) || !cuts(s, sub, i)) return i;
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

/** s.startsWith(p) by code points. */
export const startsWithCp = (s: string, p: string): boolean => s.startsWith(p) && !(isHigh(p.charCodeAt(p.length - 1)) && isLow(s.charCodeAt(p.length)));

/** s.endsWith(p) by code points. */
export const endsWithCp = (s: string, p: string): boolean => s.endsWith(p) && !(isLow(p.charCodeAt(0)) && isHigh(s.charCodeAt(s.length - p.length - 1)));
