/**
 * The pattern _strptime builds for a format (Lib/_strptime.py: TimeRE, in the C locale),
 * compiled to a list of units that a backtracking matcher without a regex engine runs
 * (strptime-match.ts): Python's pattern text is kept only to word re's errors as re does.
 */
import { tick, work } from '../budget.js';
import { cpUnits } from '../codepoints.js';
import { pyErr, ValueError } from '../exceptions.js';
import { ReError } from '../re-error.js';
import { repr } from '../repr.js';

/** Ends hi, hi - 1, ..., lo: a greedy run's, without a list as long as the run. */
export interface Descending {
  readonly hi: number;
  readonly lo: number;
}

/** Where a unit may end when it starts at `pos`, in the order re's backtracking tries them. */
export type Ends = (s: string, pos: number) => readonly number[] | Descending;

export interface Unit {
  /** The directive's group name; null for literal text and whitespace. */
  readonly name: string | null;
  readonly ends: Ends;
}

const DIGITS = '0123456789';
const DECIMAL = /^\p{Nd}$/u;

/** How many code units a \d takes at i: Python's \d is any Unicode decimal digit, one code point. */
export function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return 1;
  if (!(c >= 128)) return 0;
  const ch = String.fromCodePoint(s.codePointAt(i)!);
  return DECIMAL.test(ch) ? ch.length : 0;
}

/**
 * The value of a Unicode decimal digit: Unicode encodes them in runs of ten from 0 to 9,
 * so it is the count of the digits just before it, modulo 10.
 */
export function digitValue(cp: number): number {
  if (cp <= 57) return cp - 48;
  let k = 0;
  while (DECIMAL.test(String.fromCodePoint(cp - k - 1))) k++;
  return k % 10;
}

/** One alternative: a run of character classes, one character each ('D' is \d). */
function seq(...classes: string[]): (s: string, pos: number) => number {
  return (s, pos) => {
    let p = pos;
    for (const cls of classes) {
      if (cls === 'D') {
        const n = digitAt(s, p);
        if (n === 0) return -1;
        p += n;
      } else {
        const c = s[p];
        if (c === undefined || !cls.includes(c)) return -1;
        p++;
      }
    }
    return p;
  };
}

function alternatives(...alts: ((s: string, pos: number) => number)[]): Ends {
  return (s, pos) => {
    const out: number[] = [];
    for (const a of alts) {
      const end = a(s, pos);
      if (end >= 0) out.push(end);
    }
    return out;
  };
}

const D19 = '123456789';

/** Greedy [0-9]{min,max}: the longest first. */
function digitRun(min: number, max: number): (s: string, pos: number) => number[] {
  return (s, pos) => {
    let n = 0;
    while (n < max && DIGITS.includes(s[pos + n] ?? 'x')) n++;
    const out: number[] = [];
    for (let k = n; k >= min; k--) out.push(pos + k);
    return out;
  };
}

/** [+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z), each greedy part tried first. */
const zoneOffset: Ends = (s, pos) => {
  const out: number[] = [];
  const hours = s[pos] === '+' || s[pos] === '-' ? seq('D', 'D')(s, pos + 1) : -1;
  if (hours >= 0) {
    for (const colon of s[hours] === ':' ? [1, 0] : [0]) {
      const afterMinutes = seq('012345', 'D')(s, hours + colon);
      if (afterMinutes < 0) continue;
      for (const colon2 of s[afterMinutes] === ':' ? [1, 0] : [0]) {
        const afterSeconds = seq('012345', 'D')(s, afterMinutes + colon2);
        if (afterSeconds < 0) continue;
        if (s[afterSeconds] === '.') for (const e of unicodeDigitRun(1, 6)(s, afterSeconds + 1)) out.push(e);
        out.push(afterSeconds);
      }
      out.push(afterMinutes);
    }
  }
  if (s[pos] === 'Z') out.push(pos + 1);
  return out;
};

/** Greedy \d{min,max}: the longest first. */
function unicodeDigitRun(min: number, max: number): (s: string, pos: number) => number[] {
  return (s, pos) => {
    const ends = [pos];
    while (ends.length - 1 < max) {
      const n = digitAt(s, ends[ends.length - 1]);
      if (n === 0) break;
      ends.push(ends[ends.length - 1] + n);
    }
    return ends.slice(min).reverse();
  };
}

/** Case-insensitive names, longest first (the order __seqToRE sorts them in). */
function names(list: string[]): Ends {
  const sorted = [...list].sort((a, b) => b.length - a.length);
  return (s, pos) => {
    const out: number[] = [];
    for (const n of sorted) if (s.slice(pos, pos + n.length).toLowerCase() === n) out.push(pos + n.length);
    return out;
  };
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const ABBR_WEEKDAYS = WEEKDAYS.map((d) => d.slice(0, 3));
export const ABBR_MONTHS = MONTHS.map((m) => m.slice(0, 3));
/** LocaleTime.timezone on a server in UTC: ({'utc', 'gmt'}, {}). */
export const ZONE_NAMES = ['utc', 'gmt'];

interface Directive {
  /** The group's text in Python's pattern: its length places re's error positions. */
  readonly source: string;
  /** Unnamed groups inside it (they take group numbers). */
  readonly innerGroups: number;
  readonly ends: Ends;
}

const DIRECTIVES: Record<string, Directive> = {
  d: { source: '(?P<d>3[0-1]|[1-2]\\d|0[1-9]|[1-9]| [1-9])', innerGroups: 0, ends: alternatives(seq('3', '01'), seq('12', 'D'), seq('0', D19), seq(D19), seq(' ', D19)) },
  f: { source: '(?P<f>[0-9]{1,6})', innerGroups: 0, ends: digitRun(1, 6) },
  H: { source: '(?P<H>2[0-3]|[0-1]\\d|\\d)', innerGroups: 0, ends: alternatives(seq('2', '0123'), seq('01', 'D'), seq('D')) },
  I: { source: '(?P<I>1[0-2]|0[1-9]|[1-9])', innerGroups: 0, ends: alternatives(seq('1', '012'), seq('0', D19), seq(D19)) },
  G: { source: '(?P<G>\\d\\d\\d\\d)', innerGroups: 0, ends: alternatives(seq('D', 'D', 'D', 'D')) },
  j: {
    source: '(?P<j>36[0-6]|3[0-5]\\d|[1-2]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])', innerGroups: 0,
    ends: alternatives(seq('3', '6', '0123456'), seq('3', '012345', 'D'), seq('12', 'D', 'D'), seq('0', D19, 'D'), seq('0', '0', D19), seq(D19, 'D'), seq('0', D19), seq(D19)),
  },
  m: { source: '(?P<m>1[0-2]|0[1-9]|[1-9])', innerGroups: 0, ends: alternatives(seq('1', '012'), seq('0', D19), seq(D19)) },
  M: { source: '(?P<M>[0-5]\\d|\\d)', innerGroups: 0, ends: alternatives(seq('012345', 'D'), seq('D')) },
  S: { source: '(?P<S>6[0-1]|[0-5]\\d|\\d)', innerGroups: 0, ends: alternatives(seq('6', '01'), seq('012345', 'D'), seq('D')) },
  U: { source: '(?P<U>5[0-3]|[0-4]\\d|\\d)', innerGroups: 0, ends: alternatives(seq('5', '0123'), seq('01234', 'D'), seq('D')) },
  W: { source: '(?P<W>5[0-3]|[0-4]\\d|\\d)', innerGroups: 0, ends: alternatives(seq('5', '0123'), seq('01234', 'D'), seq('D')) },
  w: { source: '(?P<w>[0-6])', innerGroups: 0, ends: alternatives(seq('0123456')) },
  u: { source: '(?P<u>[1-7])', innerGroups: 0, ends: alternatives(seq('1234567')) },
  V: { source: '(?P<V>5[0-3]|0[1-9]|[1-4]\\d|\\d)', innerGroups: 0, ends: alternatives(seq('5', '0123'), seq('0', D19), seq('1234', 'D'), seq('D')) },
  y: { source: '(?P<y>\\d\\d)', innerGroups: 0, ends: alternatives(seq('D', 'D')) },
  Y: { source: '(?P<Y>\\d\\d\\d\\d)', innerGroups: 0, ends: alternatives(seq('D', 'D', 'D', 'D')) },
  z: { source: '(?P<z>[+-]\\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)?|(?-i:Z))', innerGroups: 2, ends: zoneOffset },
  A: { source: `(?P<A>${WEEKDAYS.join('|')})`, innerGroups: 0, ends: names(WEEKDAYS) },
  a: { source: `(?P<a>${ABBR_WEEKDAYS.join('|')})`, innerGroups: 0, ends: names(ABBR_WEEKDAYS) },
  B: { source: `(?P<B>${[...MONTHS].sort((a, b) => b.length - a.length).join('|')})`, innerGroups: 0, ends: names(MONTHS) },
  b: { source: `(?P<b>${ABBR_MONTHS.join('|')})`, innerGroups: 0, ends: names(ABBR_MONTHS) },
  p: { source: '(?P<p>am|pm)', innerGroups: 0, ends: names(['am', 'pm']) },
  Z: { source: `(?P<Z>${ZONE_NAMES.join('|')})`, innerGroups: 0, ends: names(ZONE_NAMES) },
};

/** LC_date_time, LC_date and LC_time of the C locale, as LocaleTime finds them. */
const COMPOSITE: Record<string, string> = { c: '%a %b %d %H:%M:%S %Y', x: '%m/%d/%y', X: '%H:%M:%S' };

const REGEX_CHARS = '\\.^$*+?(){}[]|';

/** Python's \s in a str pattern: Unicode whitespace (str.isspace). */
function isPySpace(c: string): boolean {
  return isSpaceCode(c.charCodeAt(0));
}

function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c >= 0x1c;
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** How many of Python's whitespace characters start at pos. */
function spaceRun(s: string, pos: number): number {
  let i = pos;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i - pos;
}

/** Python's IGNORECASE for one character, near enough: equal, or equal once both are lower- or upper-cased. */
function sameIgnoringCase(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();
}

/** A run of literal text: one unit, so a long format of plain text is one step of the search. */
function literal(text: string): Unit {
  return {
    name: null,
    ends: (s, pos) => {
      if (pos + text.length > s.length) return [];
      for (let i = 0; i < text.length; i++) {
        tick();
        if (!sameIgnoringCase(s[pos + i], text[i])) return [];
      }
      return [pos + text.length];
    },
  };
}

const WHITESPACE: Unit = {
  name: null,
  ends: (s, pos) => {
    const n = spaceRun(s, pos);
    work(n);
    return { hi: pos + n, lo: pos + 1 };
  },
};

/** Builds the units, numbering groups and placing them as re would, to raise its errors in its words. */
class Builder {
  readonly units: Unit[] = [];
  /** Length of Python's pattern so far. */
  at = 0;
  private groups = 0;
  private readonly named = new Map<string, number>();
  /** re compiles the pattern once it is whole: a bad directive anywhere is found first. */
  redefinition: string | null = null;

  constructor(private readonly format: string) {}

  /** TimeRE.pattern(format): escape, collapse whitespace, replace each directive. */
  add(format: string): void {
    let i = 0;
    while (i < format.length) {
      const c = format[i];
      tick();
      if (isPySpace(c)) {
        i += spaceRun(format, i);
        this.units.push(WHITESPACE);
        this.at += 3;
        continue;
      }
      if (c !== '%') {
        const start = i;
        while (i < format.length && format[i] !== '%' && !isPySpace(format[i])) {
          tick();
          this.at += REGEX_CHARS.includes(format[i]) ? 2 : 1;
          // a position a code point: a pair or a lone high (held doubled) is one
          i += cpUnits(format, i);
        }
        this.units.push(literal(format.slice(start, i)));
        continue;
      }
      // the directive is the character after %, as escaped and collapsed: \ for a regex character or whitespace
      if (i + 1 >= format.length) throw pyErr(ValueError, `stray % in format '${this.format}'`);
      const d = format.slice(i + 1, i + 1 + cpUnits(format, i + 1));
      const key = REGEX_CHARS.includes(d) || isPySpace(d) ? '\\' : d;
      i += 1 + d.length;
      if (key === '\\') {
        throw pyErr(ValueError, `'%' is a bad directive in format '${this.format}'`);
      }
      if (key === '%') {
        this.units.push(literal('%'));
        this.at += 1;
      } else if (COMPOSITE[key] !== undefined) {
        this.add(COMPOSITE[key]);
      } else if (DIRECTIVES[key] !== undefined) {
        this.directive(key, DIRECTIVES[key]);
      } else {
        throw pyErr(ValueError, `'${key}' is a bad directive in format '${this.format}'`);
      }
    }
  }

  private directive(name: string, d: Directive): void {
    // once re would refuse the pattern, only a bad directive further on can change the error
    if (this.redefinition !== null) return;
    const group = ++this.groups;
    const was = this.named.get(name);
    if (was !== undefined) this.redefinition ??= `redefinition of group name ${repr(name)} as group ${group}; was group ${was} at position ${this.at + 4}`;
    else this.named.set(name, group);
    this.groups += d.innerGroups;
    this.units.push({ name, ends: d.ends });
    this.at += d.source.length;
  }
}

/** The units of a strptime format, or _strptime's ValueError / re's error for a bad one. */
export function compileFormat(format: string): Unit[] {
  const b = new Builder(format);
  b.add(format);
  if (b.redefinition !== null) throw pyErr(ReError, b.redefinition);
  return b.units;
}
