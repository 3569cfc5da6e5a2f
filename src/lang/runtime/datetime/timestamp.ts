/**
 * POSIX timestamps: datetime.timestamp(), fromtimestamp(ts, tz), utcfromtimestamp(ts) and
 * time.gmtime's conversion. The server's local time is UTC, so a naive value's timestamp
 * and fromtimestamp without tz read fields as UTC, as CPython does on such a server.
 */
import { OverflowError, pyErr, ValueError } from '../exceptions.js';
import { OSError_ } from './errors.js';
import { PyFloat, type PyException } from '../values.js';
import { daysBeforeMonth, MAXYEAR, MINYEAR, ordToYmd, toOrdinal } from './calendar.js';
import { astimezone, checkLocal, subDateTimes, type DateTime } from './datetime.js';
import { totalSeconds, type Real } from './timedelta.js';
import { UTC } from './timezone.js';
import { UserZone, type Zone } from './zone.js';

/** 1970-01-01's ordinal. */
export const EPOCH_ORDINAL = 719163;
const EPOCH: DateTime = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, microsecond: 0, tz: UTC, fold: 0 };

/** timestamp(): an aware value's is `dt - EPOCH` (asking a tzinfo's utcoffset(arg)), a naive one's its fields as local time. */
export function timestamp(dt: DateTime, arg: unknown = dt): number {
  if (dt.tz !== null) return totalSeconds(subDateTimes(dt, EPOCH, arg));
  // local_to_seconds, then a double sum, as datetime_timestamp computes it
  checkLocal(dt);
  const seconds = (toOrdinal(dt) - EPOCH_ORDINAL) * 86400 + dt.hour * 3600 + dt.minute * 60 + dt.second;
  return seconds + dt.microsecond / 1e6;
}

const outOfRange = () => pyErr(OverflowError, 'timestamp out of range for platform time_t');

/** C's time_t: an int64, whole seconds kept exact as a BigInt (a double is off by up to 8 s past 2**53). */
function inTimeT(t: bigint): bigint {
  if (t < -(1n << 63n) || t >= 1n << 63n) throw outOfRange();
  return t;
}

/** _PyTime_ObjectToTime_t with ROUND_FLOOR (gmtime, localtime, date.fromtimestamp): an int as it is, a float floored. */
export function timeTFloor(ts: Real | bigint): bigint {
  if (!(ts instanceof PyFloat)) return inTimeT(BigInt(ts));
  if (Number.isNaN(ts.v)) throw pyErr(ValueError, 'Invalid value NaN (not a number)');
  const whole = Math.floor(ts.v);
  if (!Number.isFinite(whole)) throw outOfRange();
  return inTimeT(BigInt(whole));
}

/** _PyTime_ObjectToTimeval with ROUND_HALF_EVEN: whole seconds and microseconds in 0..999999. */
export function splitTimestamp(ts: Real | bigint): [bigint, number] {
  if (!(ts instanceof PyFloat)) return [inTimeT(BigInt(ts)), 0];
  const d = ts.v;
  if (Number.isNaN(d)) throw pyErr(ValueError, 'Invalid value NaN (not a number)');
  let whole = Math.trunc(d);
  let frac = roundHalfEven((d - whole) * 1e6);
  if (frac >= 1e6) {
    frac -= 1e6;
    whole += 1;
  } else if (frac < 0) {
    frac += 1e6;
    whole -= 1;
  }
  if (!Number.isFinite(whole)) throw outOfRange();
  return [inTimeT(BigInt(whole)), frac];
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** gmtime's fields of whole seconds, with the year's range checked as datetime checks it (glibc fails past a C int year). */
export function utcFields(seconds: bigint, microsecond: number, tz: Zone | null): DateTime {
  const f = civilFields(seconds);
  if (f.year < MINYEAR || f.year > MAXYEAR) {
    checkTmYear(f.year);
    throw yearOutOfRange(f.year);
  }
  return { year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: f.second, microsecond, tz, fold: 0 };
}

/** datetime's words for a year of gmtime's it cannot hold: the year as a C int (tm_year + 1900), which wraps past 2**31 - 1. */
const yearOutOfRange = (year: number) => pyErr(ValueError, `year ${year | 0} is out of range`);

/** glibc's gmtime and localtime fail with EOVERFLOW past a C int's years (tm_year counts from 1900). */
export function checkTmYear(year: number): void {
  if (year - 1900 > 2147483647 || year - 1900 < -2147483648) throw gmtimeOverflow();
}

// PyErr_SetFromErrno: errno and strerror as fields, args the two of them
const gmtimeOverflow = () => OSError_.fn([75, 'Value too large for defined data type'], null) as PyException;

/** The UTC calendar fields of whole seconds since the epoch, for any year (gmtime's). */
export function civilFields(seconds: bigint) {
  // days in BigInts, floored: a time_t's days (under 2**47) and the rest of a day are exact numbers
  const dayCount = seconds / 86400n - (seconds % 86400n < 0n ? 1n : 0n);
  const rest = Number(seconds - dayCount * 86400n);
  const ordinal = Number(dayCount) + EPOCH_ORDINAL;
  const { year, month, day } = ordinalToYmdAnyYear(ordinal);
  const jan1 = ordinal - (day - 1) - daysBeforeMonth(year, month);
  return { year, month, day, hour: Math.floor(rest / 3600), minute: Math.floor(rest / 60) % 60, second: rest % 60, wday: (((ordinal + 6) % 7) + 7) % 7, yday: ordinal - jan1 + 1 };
}

/** ord_to_ymd for any ordinal, years before 1 included (fromtimestamp words them in its error). */
function ordinalToYmdAnyYear(ordinal: number): { year: number; month: number; day: number } {
  // shift by whole 400-year cycles (146097 days) into the positive range
  const cycles = ordinal < 1 ? Math.ceil((1 - ordinal) / 146097) : 0;
  const d = ordToYmd(ordinal + cycles * 146097);
  return { year: d.year - cycles * 400, month: d.month, day: d.day };
}

/**
 * datetime.fromtimestamp(ts, tz): UTC fields then tz's wall clock; a tzinfo's UTC fields carry
 * it, for its fromutc (a Python call, the caller's); without tz, local time (UTC).
 */
export function fromTimestamp(ts: Real | bigint, tz: Zone | null): DateTime {
  const [seconds, us] = splitTimestamp(ts);
  if (tz instanceof UserZone) return utcFields(seconds, us, tz);
  const utc = utcFields(seconds, us, tz === null ? null : UTC);
  if (tz !== null) return astimezone(utc, tz);
  // local time probes a day back for a fold (datetime_from_timet_and_us): before year 1 that fails
  const probe = civilFields(seconds - 86400n).year;
  if (probe < MINYEAR) throw yearOutOfRange(probe);
  return utc;
}

/** date.fromtimestamp(ts): the local (UTC) day of ts floored to whole seconds, with no probe for a fold. */
export function dateFromTimestamp(ts: Real | bigint): DateTime {
  return utcFields(timeTFloor(ts), 0, null);
}

export function utcFromTimestamp(ts: Real | bigint): DateTime {
  const [seconds, us] = splitTimestamp(ts);
  return utcFields(seconds, us, null);
}

