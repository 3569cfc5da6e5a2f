/** strptime as Lib/_strptime.py does it: match, then the fields resolved as _strptime resolves them. */
import { work } from '../budget.js';
import { pyErr, TypeError_, ValueError } from '../exceptions.js';
import { repr } from '../repr.js';
import { PyStrBox, typeName } from '../values.js';
import { checkDate, fromOrdinal, isLeap, toOrdinal, weekday as weekdayOf } from './calendar.js';
import { makeDateTime, type DateTime } from './datetime.js';
import { matchUnits } from './strptime-match.js';
import { ABBR_MONTHS, ABBR_WEEKDAYS, compileFormat, digitAt, digitValue, MONTHS, WEEKDAYS, ZONE_NAMES } from './strptime-pattern.js';
import { makeDelta } from './timedelta.js';
import { makeTimezone } from './timezone.js';

export interface Parsed {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  julian: number;
  /** tm_isdst: -1, or 0 for a zone name matched. */
  isdst: number;
  tzname: string | null;
  gmtoff: number | null;
  fraction: number;
  gmtoffFraction: number;
}

/**
 * int(s) of a group's text: Unicode decimal digits, with the whitespace %d may match around
 * them; anything else (a colon where %z's slicing expects a digit) is int()'s error.
 */
function int(s: string): number {
  const digits = s.trim();
  let v = 0;
  let i = 0;
  while (i < digits.length) {
    const n = digitAt(digits, i);
    if (n === 0) break;
    v = v * 10 + digitValue(digits.codePointAt(i)!);
    i += n;
  }
  if (digits === '' || i < digits.length) throw pyErr(ValueError, `invalid literal for int() with base 10: ${repr(s)}`);
  return v;
}

function checkArgs(data: unknown, format: unknown): void {
  // _strptime's words: the argument's class, as str(type(arg)) writes it
  [data, format].forEach((arg, index) => {
    // a str subclass's instance is taken as its str, as PyUnicode_Check has it
    if (arg instanceof PyStrBox) arg = arg.value;
    if (typeof arg !== 'string') throw pyErr(TypeError_, `strptime() argument ${index} must be str, not <class '${typeName(arg)}'>`);
  });
}

function julianFromUW(year: number, week: number, dayOfWeek: number, startsMonday: boolean): number {
  let first = weekdayOf({ year, month: 1, day: 1 });
  let dow = dayOfWeek;
  if (!startsMonday) {
    first = (first + 1) % 7;
    dow = (dow + 1) % 7;
  }
  const week0 = (7 - first) % 7;
  if (week === 0) return 1 + dow - first;
  return 1 + week0 + 7 * (week - 1) + dow;
}

function julianFromV(isoYear: number, isoWeek: number, isoWeekday: number): [number, number] {
  const correction = weekdayOf(checkDate(isoYear, 1, 4)) + 1 + 3;
  let ordinal = isoWeek * 7 + isoWeekday - correction;
  let year = isoYear;
  if (ordinal < 1) {
    ordinal += toOrdinal(checkDate(year, 1, 1));
    year -= 1;
    ordinal -= toOrdinal(checkDate(year, 1, 1));
  }
  return [year, ordinal];
}

export function strptime(data: unknown, format: unknown): Parsed {
  checkArgs(data, format);
  const s = data as string;
  const f = format as string;
  // the input is read, not built: paid for, not held to the size limit
  work(f.length + s.length);
  const units = compileFormat(f);
  const positions = matchUnits(units, s);
  if (positions === null) throw pyErr(ValueError, `time data ${repr(s)} does not match format ${repr(f)}`);
  const end = positions[positions.length - 1];
  if (end !== s.length) throw pyErr(ValueError, `unconverted data remains: ${s.slice(end)}`);
  const found = new Map<string, string>();
  units.forEach((u, i) => {
    if (u.name !== null) found.set(u.name, s.slice(positions[i], positions[i + 1]));
  });

  let isoYear: number | null = null;
  let year: number | null = null;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fraction = 0;
  let isdst = -1;
  let gmtoff: number | null = null;
  let gmtoffFraction = 0;
  let isoWeek: number | null = null;
  let weekOfYear: number | null = null;
  let weekStartsMonday = false;
  let weekday: number | null = null;
  let julian: number | null = null;
  // in the order the groups appear, as found.groupdict() gives them
  for (const [key, v] of found) {
    switch (key) {
      case 'y': year = int(v) + (int(v) <= 68 ? 2000 : 1900); break;
      case 'Y': year = int(v); break;
      case 'G': isoYear = int(v); break;
      case 'm': month = int(v); break;
      case 'B': month = MONTHS.indexOf(v.toLowerCase()) + 1; break;
      case 'b': month = ABBR_MONTHS.indexOf(v.toLowerCase()) + 1; break;
      case 'd': day = int(v); break;
      case 'H': hour = int(v); break;
      case 'I': {
        hour = int(v);
        const ampm = (found.get('p') ?? '').toLowerCase();
        if (ampm === '' || ampm === 'am') {
          if (hour === 12) hour = 0;
        } else if (ampm === 'pm' && hour !== 12) hour += 12;
        break;
      }
      case 'M': minute = int(v); break;
      case 'S': second = int(v); break;
      case 'f': fraction = int(v.padEnd(6, '0')); break;
      case 'A': weekday = WEEKDAYS.indexOf(v.toLowerCase()); break;
      case 'a': weekday = ABBR_WEEKDAYS.indexOf(v.toLowerCase()); break;
      case 'w': weekday = int(v) === 0 ? 6 : int(v) - 1; break;
      case 'u': weekday = int(v) - 1; break;
      case 'j': julian = int(v); break;
      case 'U':
      case 'W':
        weekOfYear = int(v);
        weekStartsMonday = key === 'W';
        break;
      case 'V': isoWeek = int(v); break;
      case 'z': [gmtoff, gmtoffFraction] = parseOffset(v); break;
      case 'Z': if (ZONE_NAMES.includes(v.toLowerCase())) isdst = 0; break;
    }
  }
  if (year === null && isoYear !== null) {
    if (isoWeek === null || weekday === null) {
      throw pyErr(ValueError, "ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday directive ('%A', '%a', '%w', or '%u').");
    }
    if (julian !== null) throw pyErr(ValueError, "Day of the year directive '%j' is not compatible with ISO year directive '%G'. Use '%Y' instead.");
  } else if (weekOfYear === null && isoWeek !== null) {
    if (weekday === null) throw pyErr(ValueError, "ISO week directive '%V' must be used with the ISO year directive '%G' and a weekday directive ('%A', '%a', '%w', or '%u').");
    throw pyErr(ValueError, "ISO week directive '%V' is incompatible with the year directive '%Y'. Use the ISO year '%G' instead.");
  }
  let leapYearFix = false;
  if (year === null && month === 2 && day === 29) {
    year = 1904;
    leapYearFix = true;
  } else if (year === null) year = 1900;
  if (julian === null && weekday !== null) {
    if (weekOfYear !== null) julian = julianFromUW(year, weekOfYear, weekday, weekStartsMonday);
    else if (isoYear !== null && isoWeek !== null) [year, julian] = julianFromV(isoYear, isoWeek, weekday + 1);
    if (julian !== null && julian <= 0) {
      year -= 1;
      julian += isLeap(year) ? 366 : 365;
    }
  }
  if (julian === null) {
    julian = toOrdinal(checkDate(year, month, day)) - toOrdinal(checkDate(year, 1, 1)) + 1;
  } else {
    const d = fromOrdinal(julian - 1 + toOrdinal(checkDate(year, 1, 1)));
    ({ year, month, day } = d);
  }
  if (weekday === null) weekday = weekdayOf(checkDate(year, month, day));
  if (leapYearFix) year = 1900;
  return { year, month, day, hour, minute, second, weekday, julian, isdst, tzname: found.get('Z') ?? null, gmtoff, fraction, gmtoffFraction };
}

/** %z's text: Z, or +HH[:]MM[[:]SS[.ffffff]], with _strptime's check of the colons. */
function parseOffset(text: string): [number, number] {
  if (text === 'Z') return [0, 0];
  let z = text;
  if (z[3] === ':') {
    z = z.slice(0, 3) + z.slice(4);
    if (z.length > 5) {
      if (z[5] !== ':') throw pyErr(ValueError, `Inconsistent use of : in ${text}`);
      z = z.slice(0, 5) + z.slice(6);
    }
  }
  const seconds = int(z.slice(1, 3)) * 3600 + int(z.slice(3, 5)) * 60 + int(z.slice(5, 7) || '0');
  const rest = z.slice(8);
  const frac = int(rest + '0'.repeat(6 - rest.length));
  return z[0] === '-' ? [-seconds, -frac] : [seconds, frac];
}

/** datetime.strptime (_strptime_datetime): an offset makes an aware value, named by %Z when there is one. */
export function strptimeDatetime(data: unknown, format: unknown): DateTime {
  const p = strptime(data, format);
  const tz = p.gmtoff === null ? null : makeTimezone(makeDelta({ seconds: p.gmtoff, microseconds: p.gmtoffFraction }), p.tzname || null);
  return makeDateTime(p.year, p.month, p.day, p.hour, p.minute, p.second, p.fraction, tz);
}
