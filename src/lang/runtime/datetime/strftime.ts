/**
 * strftime as CPython calls glibc's on Linux in the C locale: time.strftime's conversions
 * (flags _ - 0 ^ #, a width, the E and O modifiers), and datetime.strftime's own %z, %Z
 * and %f, replaced before glibc sees the format (wrap_strftime).
 */
import { charge, checkSize, tick, work } from '../budget.js';
import { wellFormed } from '../codecs/codec.js';
import { UTF_8 } from '../codecs/utf8.js';
import { pyErr, ValueError } from '../exceptions.js';
import { isoCalendar, toOrdinal, type DateRec } from './calendar.js';
import type { DateTime } from './datetime.js';
import { isZero } from './timedelta.js';
import { EPOCH_ORDINAL } from './timestamp.js';
import { formatOffset } from './timezone.js';
import { dstOf, nameOf, offsetOf } from './zone.js';

/** struct tm, with Python's weekday (Monday 0) and a day of the year from 1. */
export interface Tm {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  wday: number;
  yday: number;
  isdst: number;
  /** tm_zone and tm_gmtoff: what %Z and %z print when isdst >= 0. */
  zone: string;
  gmtoff: number;
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Seconds since the epoch of tm's fields read as UTC (mktime, the server's zone being UTC). */
function epochSeconds(tm: Tm): number {
  const days = toOrdinal({ year: tm.year, month: tm.mon, day: tm.mday }) - EPOCH_ORDINAL;
  return days * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec;
}

/** glibc's %U/%W: weeks of the year starting on `first` (0 Sunday, 1 Monday). */
function weekNumber(tm: Tm, first: number): number {
  const sundayBased = (tm.wday + 1) % 7;
  return Math.floor((tm.yday - 1 + 7 - ((sundayBased - first + 7) % 7)) / 7);
}

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * time.strftime(format, tm). CPython grows its buffer up to 256 times the format's length
 * and answers '' past that (or when glibc writes nothing): so is the result here, which
 * also bounds a huge width's work by the format's length.
 */
export function glibcStrftime(format: string, tm: Tm): string {
  if (format.includes('\0')) throw pyErr(ValueError, 'embedded null character');
  const fmtBytes = utf8Length(format);
  let room = 1024;
  while (room < 256 * fmtBytes) room *= 2;
  work(format.length);
  let out: string | null;
  try {
    out = expand(format, tm, room);
  } catch (e) {
    if (e === TOO_WIDE) return '';
    throw e;
  }
  if (out === null || out.length === 0 || utf8Length(out) >= room) return '';
  return out;
}

/** A piece padded as wide as the room cannot fit: CPython's answer is then '', built without padding it. */
const TOO_WIDE = new Error('strftime piece wider than the room');
let roomNow = 0;

function padTo(width: number): void {
  if (width >= roomNow) throw TOO_WIDE;
  checkSize(width);
}

/**
 * The expanded format, or null once it outgrows `room`. What it writes is paid for as it
 * grows, and held to the size limit (MemoryError, where CPython would build it).
 */
function expand(format: string, tm: Tm, room: number): string | null {
  roomNow = room;
  let out = '';
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    tick();
    if (c !== '%') {
      const next = format.indexOf('%', i);
      const end = next < 0 ? format.length : next;
      out += format.slice(i, end);
      i = end;
    } else {
      const start = i++;
      let pad = '';
      let upcase = false;
      let swapcase = false;
      while (i < format.length && '_-0^#'.includes(format[i])) {
        const f = format[i++];
        if (f === '^') upcase = true;
        else if (f === '#') swapcase = true;
        else pad = f;
      }
      let width = -1;
      if (format[i] >= '0' && format[i] <= '9') {
        width = 0;
        // a width past the room cannot fit: stop counting it there
        while (format[i] >= '0' && format[i] <= '9') width = Math.min(width * 10 + (format.charCodeAt(i++) - 48), room);
      }
      const modifier = format[i] === 'E' || format[i] === 'O' ? format[i++] : '';
      const conv = i < format.length ? format[i++] : '';
      const piece = modifierAllowed(conv, modifier) ? conversion(conv, tm, pad, width, upcase, swapcase, room) : null;
      if (piece === undefined) return null;
      const written = piece ?? badFormat(format.slice(conv === '%' ? i - 1 : start, i), width, pad, upcase || (swapcase && 'bhB'.includes(conv)));
      charge(written.length / 32);
      out += written;
    }
    if (out.length >= room) return null;
    checkSize(out.length);
  }
  return out;
}

/**
 * glibc's bad_format: the text back to the last % (only "%" for a refused %%), padded,
 * upper-cased by ^ (and by # for b, h and B, whose case flags are set before the check).
 */
function badFormat(written: string, width: number, pad: string, upper: boolean): string {
  return padText(upper ? written.toUpperCase() : written, width, pad);
}

/** Which conversions glibc refuses each modifier for (strftime_l.c's "goto bad_format"). */
const NO_MODIFIER = new Set('aADF%');
const NO_E = new Set('bhBdegGHIjklmMSUVwW');
const NO_O = new Set('cCxXY');

function modifierAllowed(conv: string, modifier: string): boolean {
  if (modifier === '') return true;
  if (NO_MODIFIER.has(conv)) return false;
  return modifier === 'E' ? !NO_E.has(conv) : !NO_O.has(conv);
}

function padText(s: string, width: number, pad: string): string {
  if (width > s.length) padTo(width);
  return width > s.length ? (pad === '0' ? '0' : ' ').repeat(width - s.length) + s : s;
}

/**
 * A number as glibc's DO_NUMBER writes it: padded to max(digits, width) with zeros (spaces
 * for _, or by default for %e %k %l), not at all for -, and then to the width with spaces.
 */
function num(n: number, digits: number, pad: string, width: number, spacePad = false): string {
  const s = String(Math.abs(n));
  const sign = n < 0 ? '-' : '';
  if (pad === '-') return padText(sign + s, width, pad);
  const fill = pad === '_' || (spacePad && pad === '') ? ' ' : '0';
  const missing = Math.max(digits, width) - s.length - sign.length;
  if (missing <= 0) return sign + s;
  padTo(width);
  return fill === '0' ? sign + '0'.repeat(missing) + s : ' '.repeat(missing) + sign + s;
}

function text(s: string, pad: string, width: number, upcase: boolean, swap: boolean, swapToLower = false): string {
  // # lower-cases %p and %Z whatever ^ says, and upper-cases names
  const t = swap && swapToLower ? s.toLowerCase() : upcase || swap ? s.toUpperCase() : s;
  return padText(t, width, pad);
}

/** One conversion, null for an unknown one (glibc copies it as written), undefined when a composite outgrew the room. */
function conversion(c: string, tm: Tm, pad: string, width: number, up: boolean, swap: boolean, room: number): string | null | undefined {
  const sub = (f: string) => {
    const s = expand(f, tm, room);
    return s === null ? undefined : padText(up ? s.toUpperCase() : s, width, pad);
  };
  const hour12 = tm.hour % 12 === 0 ? 12 : tm.hour % 12;
  switch (c) {
    case 'a': return text(DAYS[tm.wday].slice(0, 3), pad, width, up, swap);
    case 'A': return text(DAYS[tm.wday], pad, width, up, swap);
    case 'b':
    case 'h': return text(MONTHS[tm.mon - 1].slice(0, 3), pad, width, up, swap);
    case 'B': return text(MONTHS[tm.mon - 1], pad, width, up, swap);
    case 'c': return sub('%a %b %e %H:%M:%S %Y');
    case 'C': return num(Math.floor(tm.year / 100), 1, pad, width);
    case 'd': return num(tm.mday, 2, pad, width);
    case 'D':
    case 'x': return sub('%m/%d/%y');
    case 'e': return num(tm.mday, 2, pad, width, true);
    case 'F': return sub('%Y-%m-%d');
    case 'g': return num(isoYear(tm) % 100, 2, pad, width);
    case 'G': return num(isoYear(tm), 1, pad, width);
    case 'H': return num(tm.hour, 2, pad, width);
    case 'I': return num(hour12, 2, pad, width);
    case 'j': return num(tm.yday, 3, pad, width);
    case 'k': return num(tm.hour, 2, pad, width, true);
    case 'l': return num(hour12, 2, pad, width, true);
    case 'm': return num(tm.mon, 2, pad, width);
    case 'M': return num(tm.min, 2, pad, width);
    case 'n': return padText('\n', width, pad);
    case 'p': return text(tm.hour < 12 ? 'AM' : 'PM', pad, width, false, swap, true);
    case 'P': return padText(tm.hour < 12 ? 'am' : 'pm', width, pad);
    case 'r': return sub('%I:%M:%S %p');
    case 'R': return sub('%H:%M');
    case 's': return num(epochSeconds(tm), 1, pad, width);
    case 'S': return num(tm.sec, 2, pad, width);
    case 't': return padText('\t', width, pad);
    case 'T':
    case 'X': return sub('%H:%M:%S');
    case 'u': return num(tm.wday + 1, 1, pad, width);
    case 'U': return num(weekNumber(tm, 0), 2, pad, width);
    case 'V': return num(isoCalendar(tmDate(tm)).week, 2, pad, width);
    case 'w': return num((tm.wday + 1) % 7, 1, pad, width);
    case 'W': return num(weekNumber(tm, 1), 2, pad, width);
    case 'y': return num(tm.year % 100, 2, pad, width);
    case 'Y': return num(tm.year, 1, pad, width);
    case 'z': {
      if (tm.isdst < 0) return '';
      // glibc writes the sign and the number as two pieces, each padded to the width
      const minutes = Math.trunc(Math.abs(tm.gmtoff) / 60);
      return padText(tm.gmtoff < 0 ? '-' : '+', width, pad) + num(Math.trunc(minutes / 60) * 100 + (minutes % 60), 4, pad, width);
    }
    // tm_zone, or without one (a 9-tuple's, an empty one) tzname[isdst != 0], the server's UTC; nothing for an unknown isdst
    case 'Z': return text(tm.zone !== '' ? tm.zone : tm.isdst < 0 ? '' : 'UTC', pad, width, up, swap, true);
    case '%': return padText('%', width, pad);
    default: return null;
  }
}

const tmDate = (tm: Tm): DateRec => ({ year: tm.year, month: tm.mon, day: tm.mday });
const isoYear = (tm: Tm) => isoCalendar(tmDate(tm)).year;

/** datetime.timetuple(): isdst -1, as dst() of a fixed offset is None. */
/** The struct_time of a value; given `arg` (the datetime), its isdst is by tzinfo.dst(arg), as datetime_timetuple asks it. */
export function timetuple(dt: DateTime, arg?: unknown): Tm {
  const dst = arg === undefined ? null : dstOf(dt.tz, arg);
  const ordinal = toOrdinal(dt);
  return {
    year: dt.year, mon: dt.month, mday: dt.day, hour: dt.hour, min: dt.minute, sec: dt.second,
    wday: (ordinal + 6) % 7, yday: ordinal - toOrdinal({ year: dt.year, month: 1, day: 1 }) + 1, isdst: dst === null ? -1 : isZero(dst) ? 0 : 1, zone: '', gmtoff: 0,
  };
}

/**
 * wrap_strftime reads the whole format as UTF-8 first (PyUnicode_AsUTF8AndSize), and
 * time.strftime encodes it for the locale: a lone surrogate is UTF-8's UnicodeEncodeError,
 * at its position in the format.
 */
export function checkFormatEncodes(format: string): void {
  if (!wellFormed(format)) UTF_8.encode(format, () => 'strict');
}

/**
 * datetime.strftime (date and time call it with their fields and zeros, or 1900-01-01): `tm` is
 * the struct_time made first, `arg` what the zone's utcoffset and tzname are given (None for a
 * time), each asked once, at the first %z and %Z (wrap_strftime).
 */
export function datetimeStrftime(dt: DateTime, format: string, tm: Tm = timetuple(dt), arg: unknown = null): string {
  work(format.length);
  checkFormatEncodes(format);
  // wrap_strftime reads the format as a C string, and hands glibc what it built as one (a tzname's NUL included): each ends at a NUL
  format = beforeNul(format);
  let z: string | undefined;
  let zone: string | undefined;
  let fmt = '';
  let i = 0;
  while (i < format.length) {
    tick();
    const at = format.indexOf('%', i);
    if (at < 0 || at + 1 >= format.length) {
      fmt += format.slice(i);
      break;
    }
    fmt += format.slice(i, at);
    const c = format[at + 1];
    if (c === 'z') fmt += z ??= offsetText(dt, arg);
    else if (c === 'Z') fmt += zone ??= escapePercent(nameOf(dt.tz, arg) ?? '');
    else if (c === 'f') fmt += String(dt.microsecond).padStart(6, '0');
    else fmt += '%' + c;
    i = at + 2;
  }
  return glibcStrftime(beforeNul(fmt), tm);
}

const beforeNul = (s: string): string => (s.includes('\0') ? s.slice(0, s.indexOf('\0')) : s);

function offsetText(dt: DateTime, arg: unknown): string {
  const offset = offsetOf(dt.tz, arg);
  return offset === null ? '' : formatOffset(offset, '');
}

/** A zone's name goes through glibc's strftime as format text: its % doubled. */
const escapePercent = (s: string) => s.replace(/%/g, '%%');
