/**
 * The proleptic Gregorian calendar of CPython's datetime module (Modules/_datetimemodule.c):
 * ordinals count days from 0001-01-01 (ordinal 1), years run 1..9999.
 */
import { pyErr, ValueError } from '../exceptions.js';

export const MINYEAR = 1;
export const MAXYEAR = 9999;
/** date(9999, 12, 31).toordinal() */
export const MAXORDINAL = 3652059;

export interface DateRec {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface TimeRec {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly microsecond: number;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month];
}

export function daysBeforeMonth(year: number, month: number): number {
  return DAYS_BEFORE_MONTH[month] + (month > 2 && isLeap(year) ? 1 : 0);
}

export function daysBeforeYear(year: number): number {
  const y = year - 1;
  return y * 365 + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
}

export function toOrdinal(d: DateRec): number {
  return daysBeforeYear(d.year) + daysBeforeMonth(d.year, d.month) + d.day;
}

const DI400Y = 146097;
const DI100Y = 36524;
const DI4Y = 1461;

/** ord_to_ymd: valid for any ordinal >= 1 (the caller checks the range it needs). */
export function ordToYmd(ordinal: number): DateRec {
  let n = ordinal - 1;
  const n400 = Math.floor(n / DI400Y);
  n -= n400 * DI400Y;
  const n100 = Math.floor(n / DI100Y);
  n -= n100 * DI100Y;
  const n4 = Math.floor(n / DI4Y);
  n -= n4 * DI4Y;
  const n1 = Math.floor(n / 365);
  n -= n1 * 365;
  let year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
  if (n1 === 4 || n100 === 4) return { year: year - 1, month: 12, day: 31 };
  // n is the day of the year, from 0; the month is at most one off from n / 32
  let month = (n + 50) >> 5;
  let preceding = daysBeforeMonth(year, month);
  if (preceding > n) {
    month -= 1;
    preceding -= daysInMonth(year, month);
  }
  return { year, month, day: n - preceding + 1 };
}

/** date.fromordinal: "ordinal must be >= 1" below, and the year check above 9999. */
export function fromOrdinal(ordinal: number): DateRec {
  if (ordinal < 1) throw pyErr(ValueError, 'ordinal must be >= 1');
  const d = ordToYmd(ordinal);
  if (d.year > MAXYEAR) throw pyErr(ValueError, `year ${d.year} is out of range`);
  return d;
}

/** Monday is 0. */
export function weekday(d: DateRec): number {
  return (toOrdinal(d) + 6) % 7;
}

export function isoWeekday(d: DateRec): number {
  return weekday(d) + 1;
}

/** The ordinal of the Monday of ISO week 1 of `year`: the week holding the year's first Thursday. */
export function isoWeek1Monday(year: number): number {
  const first = daysBeforeYear(year) + 1;
  const firstWeekday = (first + 6) % 7;
  let monday = first - firstWeekday;
  if (firstWeekday > 3) monday += 7;
  return monday;
}

export interface IsoCalendar {
  readonly year: number;
  readonly week: number;
  readonly weekday: number;
}

export function isoCalendar(d: DateRec): IsoCalendar {
  let year = d.year;
  let monday = isoWeek1Monday(year);
  const today = toOrdinal(d);
  let week = Math.floor((today - monday) / 7);
  if (week < 0) {
    year--;
    monday = isoWeek1Monday(year);
    week = Math.floor((today - monday) / 7);
  } else if (week >= 52 && today >= isoWeek1Monday(year + 1)) {
    year++;
    week = 0;
  }
  return { year, week: week + 1, weekday: ((today - monday) % 7 + 7) % 7 + 1 };
}

/** date.fromisocalendar's checks and answer. */
export function fromIsoCalendar(year: number, week: number, day: number): DateRec {
  if (year < MINYEAR || year > MAXYEAR) throw pyErr(ValueError, `Year is out of range: ${year}`);
  if (week <= 0 || week >= 53) {
    // week 53 exists in a year that starts on a Thursday, or a leap year that starts on a Wednesday
    const first = (daysBeforeYear(year) + 1 + 6) % 7;
    if (!(week === 53 && (first === 3 || (first === 2 && isLeap(year))))) throw pyErr(ValueError, `Invalid week: ${week}`);
  }
  if (day <= 0 || day >= 8) throw pyErr(ValueError, `Invalid day: ${day} (range is [1, 7])`);
  const ordinal = isoWeek1Monday(year) + (week - 1) * 7 + day - 1;
  return fromOrdinal(ordinal);
}

/** check_date_args: CPython's words, in its order. */
export function checkDate(year: number, month: number, day: number): DateRec {
  if (year < MINYEAR || year > MAXYEAR) throw pyErr(ValueError, `year ${year} is out of range`);
  if (month < 1 || month > 12) throw pyErr(ValueError, 'month must be in 1..12');
  if (day < 1 || day > daysInMonth(year, month)) throw pyErr(ValueError, 'day is out of range for month');
  return { year, month, day };
}

/** check_time_args. */
export function checkTime(hour: number, minute: number, second: number, microsecond: number): TimeRec {
  if (hour < 0 || hour > 23) throw pyErr(ValueError, 'hour must be in 0..23');
  if (minute < 0 || minute > 59) throw pyErr(ValueError, 'minute must be in 0..59');
  if (second < 0 || second > 59) throw pyErr(ValueError, 'second must be in 0..59');
  if (microsecond < 0 || microsecond > 999999) throw pyErr(ValueError, 'microsecond must be in 0..999999');
  return { hour, minute, second, microsecond };
}

/** Day of the year, from 1. */
export function dayOfYear(d: DateRec): number {
  return daysBeforeMonth(d.year, d.month) + d.day;
}
