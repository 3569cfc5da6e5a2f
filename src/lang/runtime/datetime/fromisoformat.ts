/**
 * date/time/datetime.fromisoformat as CPython 3.11's C implementation parses
 * (_datetimemodule.c: parse_isoformat_date, parse_hh_mm_ss_ff, parse_isoformat_time):
 * YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D], any one-character separator, then
 * HH[:MM[:SS[.f+]]] (or without colons), a fraction after '.' or ',' and an offset
 * Z, +HH, +HHMM, +HH:MM[:SS[.ffffff]]. Anything else: "Invalid isoformat string: '...'".
 */
import { work } from '../budget.js';
import { cpCodeAt, cpLen, cpSlice, unitOffset } from '../codepoints.js';
import { pyErr, TypeError_, ValueError } from '../exceptions.js';
import { repr } from '../repr.js';
import { PyStrBox } from '../values.js';
import { checkDate, fromIsoCalendar, type DateRec } from './calendar.js';
import { makeDateTime, makeTime, type DateTime, type TimeOfDay } from './datetime.js';
import { makeDelta } from './timedelta.js';
import { makeTimezone, UTC, type Tz } from './timezone.js';

/** A malformed string: the caller words the error with the whole string. */
class Invalid {}
const INVALID = new Invalid();

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    if (!isDigit(s[i])) throw INVALID;
    v = v * 10 + (s.charCodeAt(i) - 48);
  }
  return v;
}

const invalid = (s: string) => pyErr(ValueError, `Invalid isoformat string: ${repr(s)}`);

/** The argument as a str: a str subclass's instance is read as its str, as PyUnicode_Check has it. */
function strArg(s: unknown): string {
  if (s instanceof PyStrBox) return s.value;
  if (typeof s !== 'string') throw pyErr(TypeError_, 'fromisoformat: argument must be str');
  work(s.length);
  return s;
}

/** Where the date ends (_find_isoformat_datetime_separator). */
function separatorAt(s: string): number {
  const n = s.length;
  if (n === 7) return 7;
  if (s[4] === '-') {
    if (s[5] === 'W') {
      if (n > 8 && s[8] === '-') {
        if (n === 9) throw INVALID;
        if (n > 10 && isDigit(s[10])) return 8;
        return 10;
      }
      return 8;
    }
    return 10;
  }
  if (s[4] === 'W') {
    let i = 7;
    while (i < n && isDigit(s[i])) i++;
    if (i < 9) return i;
    return i % 2 === 0 ? 7 : 8;
  }
  return 8;
}

/** The date part: [year, month, day], or an ISO week date resolved. */
function parseDate(s: string): DateRec {
  const year = digits(s, 0, 4);
  const dash = s[4] === '-';
  let p = dash ? 5 : 4;
  if (s[p] === 'W') {
    p++;
    const week = digits(s, p, 2);
    p += 2;
    let day = 1;
    if (s.length > p) {
      if ((s[p] === '-') !== dash) throw INVALID;
      if (dash) p++;
      day = digits(s, p, 1);
      p++;
    }
    if (p !== s.length) throw INVALID;
    return fromIsoCalendarOrInvalid(year, week, day);
  }
  const month = digits(s, p, 2);
  p += 2;
  if ((s[p] === '-') !== dash) throw INVALID;
  if (dash) p++;
  const day = digits(s, p, 2);
  if (p + 2 !== s.length) throw INVALID;
  return { year, month, day };
}

/** An ISO week out of range is a malformed string, as iso_to_ymd's failure is in C. */
function fromIsoCalendarOrInvalid(year: number, week: number, day: number): DateRec {
  try {
    return fromIsoCalendar(year, week, day);
  } catch {
    throw INVALID;
  }
}

interface Clock {
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
}

/** HH[:?MM[:?SS[{.,}f+]]] over s[from, to): the clock, and whether text is left before `to`. */
function parseClock(s: string, from: number, to: number): [Clock, boolean] {
  const vals = [0, 0, 0];
  let p = from;
  let sep = true;
  for (let i = 0; i < 3; i++) {
    if (p + 2 > to) throw INVALID;
    vals[i] = digits(s, p, 2);
    p += 2;
    const c = s[p];
    p++;
    if (i === 0) sep = c === ':';
    if (p >= to) return [{ hour: vals[0], minute: vals[1], second: vals[2], microsecond: 0 }, p - 1 < to];
    if (sep && c === ':') continue;
    if (c === '.' || c === ',') break;
    if (!sep) p--;
    else throw INVALID;
  }
  // after a dot, or after three fields without one (HHMMSSffffff, HH:MM:SS:ff): the fraction's first six digits
  const take = Math.min(to - p, 6);
  if (take < 1) throw INVALID;
  const microsecond = digits(s, p, take) * 10 ** (6 - take);
  p += take;
  DIGIT_RUN.lastIndex = p;
  DIGIT_RUN.test(s);
  p = Math.min(DIGIT_RUN.lastIndex, to);
  return [{ hour: vals[0], minute: vals[1], second: vals[2], microsecond }, p < to];
}

const ZONE_START = /[-+Z]/g;
const DIGIT_RUN = /[0-9]*/y;

/**
 * A datetime's string as the C parser reads it, one JS unit a byte of its UTF-8: a surrogate
 * at code point 7, 8 or 10 (the first of them), where a separator may be, made 'T'
 * (_sanitize_isoformat_str); a surrogate anywhere else fails to encode. Any other character
 * that is no digit or sign is a separator where the separator is looked for, else invalid.
 */
function utf8Bytes(s: string): string {
  if (cpLen(s) < 7) throw INVALID;
  for (const pos of [7, 8, 10]) {
    if (pos >= cpLen(s)) break;
    const c = cpCodeAt(s, unitOffset(s, pos));
    if (c >= 0xd800 && c <= 0xdfff) {
      s = cpSlice(s, 0, pos) + 'T' + cpSlice(s, pos + 1, cpLen(s));
      break;
    }
  }
  // a lone surrogate (a doubled high is two lone ones to a 'u' pattern)
  if (/\p{Cs}/u.test(s)) throw INVALID;
  return Buffer.from(s, 'utf8').toString('latin1');
}

/** How many bytes a UTF-8 character whose first byte is b takes (the C parser's skip over a separator). */
const utf8Width = (b: number): number => (b < 0x80 ? 1 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf0) === 0xf0 ? 4 : 2);

/** The time part, offset included. */
function parseTime(s: string, from: number): [Clock, Tz | null] {
  ZONE_START.lastIndex = from;
  const tzAt = ZONE_START.test(s) ? ZONE_START.lastIndex - 1 : s.length;
  const [clock, rest] = parseClock(s, from, tzAt);
  if (tzAt === s.length) {
    if (rest) throw INVALID;
    return [clock, null];
  }
  if (s[tzAt] === 'Z') {
    if (tzAt + 1 !== s.length) throw INVALID;
    return [clock, UTC];
  }
  const sign = s[tzAt] === '-' ? -1 : 1;
  const tzLen = s.length - tzAt - 1;
  if (tzLen === 0 || tzLen === 1 || tzLen === 3) throw INVALID;
  const [off, left] = parseClock(s, tzAt + 1, s.length);
  if (left) throw INVALID;
  // a zero offset in seconds is UTC, whatever its microseconds (tzinfo_from_isoformat_results)
  if (off.hour === 0 && off.minute === 0 && off.second === 0) return [clock, UTC];
  const seconds = sign * (off.hour * 3600 + off.minute * 60 + off.second);
  return [clock, makeTimezone(makeDelta({ seconds, microseconds: sign * off.microsecond }))];
}

export function dateFromIsoformat(given: unknown): DateRec {
  const s = strArg(given);
  if (s.length !== 7 && s.length !== 8 && s.length !== 10) throw invalid(s);
  let d: DateRec;
  try {
    d = parseDate(s);
  } catch (e) {
    throw e === INVALID ? invalid(s) : e;
  }
  return checkDate(d.year, d.month, d.day);
}

export function timeFromIsoformat(given: unknown): TimeOfDay {
  const s = strArg(given);
  const t = s.startsWith('T') ? s.slice(1) : s;
  let clock: Clock;
  let tz: Tz | null;
  try {
    if (t.length < 2) throw INVALID;
    [clock, tz] = parseTime(t, 0);
  } catch (e) {
    throw e === INVALID ? invalid(s) : e;
  }
  return makeTime(clock.hour, clock.minute, clock.second, clock.microsecond, tz);
}

export function datetimeFromIsoformat(given: unknown): DateTime {
  const s = strArg(given);
  let d: DateRec;
  let clock: Clock = { hour: 0, minute: 0, second: 0, microsecond: 0 };
  let tz: Tz | null = null;
  try {
    const b = utf8Bytes(s);
    const at = separatorAt(b);
    d = parseDate(b.slice(0, at));
    // the separator is one character, of as many bytes as its first says
    const next = at < b.length ? at + utf8Width(b.charCodeAt(at)) : at;
    if (next < b.length) [clock, tz] = parseTime(b, next);
    else if (at < b.length) throw INVALID;
  } catch (e) {
    throw e === INVALID ? invalid(s) : e;
  }
  return makeDateTime(d.year, d.month, d.day, clock.hour, clock.minute, clock.second, clock.microsecond, tz);
}
