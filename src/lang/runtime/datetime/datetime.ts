/**
 * date, time and datetime as plain records, with CPython's checks, arithmetic and
 * comparisons (Modules/_datetimemodule.c). Time zones are fixed offsets (timezone); a
 * naive datetime is taken as the server's local time, which is UTC.
 */
import { OverflowError, pyErr, TypeError_, ValueError } from '../exceptions.js';
import { checkDate, checkTime, fromOrdinal, MAXORDINAL, ordToYmd, toOrdinal, type DateRec, type TimeRec } from './calendar.js';
import { divmod } from './exact.js';
import { compare as compareDelta, fromMicros, toMicros, ZERO, type Delta } from './timedelta.js';
import { makeTimezone, UTC, type Tz } from './timezone.js';
import { offsetOf, UserZone, type Zone } from './zone.js';

export interface TimeOfDay extends TimeRec {
  readonly tz: Zone | null;
  readonly fold: number;
}

export interface DateTime extends DateRec, TimeOfDay {}

export function makeDate(year: number, month: number, day: number): DateRec {
  return checkDate(year, month, day);
}

function checkFold(fold: number): void {
  if (fold !== 0 && fold !== 1) throw pyErr(ValueError, 'fold must be either 0 or 1');
}

export function makeTime(hour = 0, minute = 0, second = 0, microsecond = 0, tz: Zone | null = null, fold = 0): TimeOfDay {
  const t = checkTime(hour, minute, second, microsecond);
  checkFold(fold);
  return { hour: t.hour, minute: t.minute, second: t.second, microsecond: t.microsecond, tz, fold };
}

export function makeDateTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, microsecond = 0, tz: Zone | null = null, fold = 0): DateTime {
  const d = checkDate(year, month, day);
  const t = checkTime(hour, minute, second, microsecond);
  checkFold(fold);
  return { year: d.year, month: d.month, day: d.day, hour: t.hour, minute: t.minute, second: t.second, microsecond: t.microsecond, tz, fold };
}

/** replace(): the changed fields checked again, as a new value would be. */
export function replaceDateTime(dt: DateTime, changes: Partial<DateTime>): DateTime {
  const v = { ...dt, ...changes };
  return makeDateTime(v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond, v.tz, v.fold);
}

export function replaceDate(d: DateRec, changes: Partial<DateRec>): DateRec {
  const v = { ...d, ...changes };
  return makeDate(v.year, v.month, v.day);
}

export function replaceTime(t: TimeOfDay, changes: Partial<TimeOfDay>): TimeOfDay {
  const v = { ...t, ...changes };
  return makeTime(v.hour, v.minute, v.second, v.microsecond, v.tz, v.fold);
}

const US_PER_DAY = 86400000000n;
const dateOutOfRange = () => pyErr(OverflowError, 'date value out of range');

/** Microseconds since 0001-01-01T00:00 of the wall-clock fields (no offset applied). */
export function wallMicros(dt: DateTime): bigint {
  return BigInt(toOrdinal(dt)) * US_PER_DAY + BigInt(((dt.hour * 60 + dt.minute) * 60 + dt.second) * 1000000 + dt.microsecond);
}

/** The wall-clock fields of a microsecond count (inverse of wallMicros), or "date value out of range". */
export function fromWallMicros(us: bigint, tz: Zone | null, fold = 0): DateTime {
  const [days, rest] = divmod(us, US_PER_DAY);
  return fromDayMicros(Number(days), Number(rest), tz, fold);
}

/** The wall-clock fields of a day's ordinal and a microsecond of that day (0 <= t < a day's). */
function fromDayMicros(ordinal: number, t: number, tz: Zone | null, fold: number): DateTime {
  if (ordinal < 1 || ordinal > MAXORDINAL) throw dateOutOfRange();
  const d = ordToYmd(ordinal);
  const micro = t % 1000000;
  const secs = (t - micro) / 1000000;
  // the fields written out: V8 spreads `{ ...d, hour, ... }` onto a record by its slow path, some 60 times the cost
  return { year: d.year, month: d.month, day: d.day, hour: Math.floor(secs / 3600), minute: Math.floor(secs / 60) % 60, second: secs % 60, microsecond: micro, tz, fold };
}

/** A day's microseconds, as a double. */
const DAY_US = 86400e6;

/**
 * dt + sign * delta, in doubles, which hold it exactly (a day count below 2**31, a day's
 * microseconds below 2**37): through BigInts, wallMicros' and fromWallMicros' divmod, it took
 * some 10 µs (`d += t` in a loop: 20 ms per 1,000 steps, past the clock).
 */
function shifted(dt: DateTime, delta: Delta, sign: 1 | -1): DateTime {
  let days = toOrdinal(dt) + sign * delta.days;
  let us = ((dt.hour * 60 + dt.minute) * 60 + dt.second) * 1000000 + dt.microsecond + sign * (delta.seconds * 1000000 + delta.microseconds);
  const carry = Math.floor(us / DAY_US);
  days += carry;
  us -= carry * DAY_US;
  return fromDayMicros(days, us, dt.tz, 0);
}

export function addDelta(dt: DateTime, delta: Delta): DateTime {
  return shifted(dt, delta, 1);
}

export function subDelta(dt: DateTime, delta: Delta): DateTime {
  return shifted(dt, delta, -1);
}

/**
 * datetime - datetime: wall clocks, less the offsets when the zones differ (datetime_subtract:
 * each value's utcoffset() asked, the left's first, unless both hold the same tzinfo). `aArg`
 * and `bArg` are the Python values, handed to a tzinfo's utcoffset.
 */
export function subDateTimes(a: DateTime, b: DateTime, aArg: unknown = a, bArg: unknown = b): Delta {
  let diff = wallMicros(a) - wallMicros(b);
  if (a.tz !== b.tz) {
    const oa = offsetOf(a.tz, aArg);
    const ob = offsetOf(b.tz, bArg);
    if ((oa === null) !== (ob === null)) throw pyErr(TypeError_, "can't subtract offset-naive and offset-aware datetimes");
    if (oa !== null) diff -= toMicros(oa) - toMicros(ob!);
  }
  return fromMicros(diff);
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

function verdict(sign: number, op: CompareOp): boolean {
  switch (op) {
    case '==': return sign === 0;
    case '!=': return sign !== 0;
    case '<': return sign < 0;
    case '<=': return sign <= 0;
    case '>': return sign > 0;
    case '>=': return sign >= 0;
  }
}

const sameOffset = (x: Delta | null, y: Delta | null): boolean => (x === null ? y === null : y !== null && compareDelta(x, y) === 0);

/** A naive and an aware value: unequal, and unordered. */
function mixed(op: CompareOp, what: string): number {
  if (op === '==' || op === '!=') return 1;
  throw pyErr(TypeError_, `can't compare offset-naive and offset-aware ${what}`);
}

function sign(d: bigint): number {
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/**
 * PEP 495's exception to == (pep495_eq_exception): an aware value whose tzinfo answers another
 * offset for its other fold is equal to nothing else. A timezone answers one offset for both.
 */
function foldAmbiguous(dt: DateTime, offset: Delta | null): boolean {
  if (!(dt.tz instanceof UserZone)) return false;
  // get_flip_fold_offset: a copy of the value with the other fold (arg is the value itself, with its class, only for this fold)
  const flipped = offsetOf(dt.tz, { ...dt, fold: 1 - dt.fold });
  return flipped !== offset && !sameOffset(flipped, offset);
}

/** datetime_richcompare as a sign: the fields as they are when the zones or offsets agree, else the UTC instants. */
export function orderDateTimes(a: DateTime, b: DateTime, op: CompareOp, aArg: unknown = a, bArg: unknown = b): number {
  if (a.tz === b.tz) return sign(wallMicros(a) - wallMicros(b));
  const oa = offsetOf(a.tz, aArg);
  const ob = offsetOf(b.tz, bArg);
  let diff: number;
  if (sameOffset(oa, ob)) diff = sign(wallMicros(a) - wallMicros(b));
  // datetime_subtract, which asks both offsets again
  else if (oa !== null && ob !== null) diff = compareDelta(subDateTimes(a, b, aArg, bArg), ZERO);
  else return mixed(op, 'datetimes');
  if ((op === '==' || op === '!=') && diff === 0 && (foldAmbiguous(a, oa) || foldAmbiguous(b, ob))) diff = 1;
  return diff;
}

export function compareDateTimes(a: DateTime, b: DateTime, op: CompareOp, aArg: unknown = a, bArg: unknown = b): boolean {
  return verdict(orderDateTimes(a, b, op, aArg, bArg), op);
}

function timeMicros(t: TimeOfDay): number {
  return ((t.hour * 60 + t.minute) * 60 + t.second) * 1000000 + t.microsecond;
}

/** time_richcompare as a sign: utcoffset() of each (given None); the offsets' microseconds are not counted, as there. */
export function orderTimes(a: TimeOfDay, b: TimeOfDay, op: CompareOp): number {
  if (a.tz === b.tz) return Math.sign(timeMicros(a) - timeMicros(b));
  const oa = offsetOf(a.tz, null);
  const ob = offsetOf(b.tz, null);
  if (sameOffset(oa, ob)) return Math.sign(timeMicros(a) - timeMicros(b));
  if (oa === null || ob === null) return mixed(op, 'times');
  const secs = (t: TimeOfDay, o: Delta) => t.hour * 3600 + t.minute * 60 + t.second - o.days * 86400 - o.seconds;
  return Math.sign(secs(a, oa) - secs(b, ob)) || Math.sign(a.microsecond - b.microsecond);
}

export function compareTimes(a: TimeOfDay, b: TimeOfDay, op: CompareOp): boolean {
  return verdict(orderTimes(a, b, op), op);
}

export function compareDates(a: DateRec, b: DateRec, op: CompareOp): boolean {
  return verdict(Math.sign(toOrdinal(a) - toOrdinal(b)), op);
}

/** date + timedelta: whole days only. */
export function dateAddDays(d: DateRec, days: number): DateRec {
  const ordinal = toOrdinal(d) + days;
  if (ordinal < 1 || ordinal > MAXORDINAL) throw dateOutOfRange();
  return fromOrdinal(ordinal);
}

export function subDates(a: DateRec, b: DateRec): Delta {
  return { days: toOrdinal(a) - toOrdinal(b), seconds: 0, microseconds: 0 };
}

/**
 * astimezone's first half: the value in UTC, with timezone.utc. A naive value, or one whose
 * utcoffset() is None, is local time: UTC on the server.
 */
export function utcOf(dt: DateTime, arg: unknown = dt): DateTime {
  const offset = offsetOf(dt.tz, arg) ?? checkLocal(dt);
  return fromWallMicros(wallMicros(dt) - toMicros(offset), UTC);
}

/**
 * A local value's offset (UTC's), once local_to_seconds has probed the local time a day before
 * it (a day after at fold=1): on a value within a day of the calendar's ends that time's year is
 * 0 or 10000, which CPython's utc_to_seconds refuses.
 */
export function checkLocal(dt: DateTime): Delta {
  const ordinal = toOrdinal(dt);
  if (dt.fold === 0 && ordinal === 1) throw pyErr(ValueError, 'year 0 is out of range');
  if (dt.fold === 1 && ordinal === MAXORDINAL) throw pyErr(ValueError, 'year 10000 is out of range');
  return ZERO;
}

/**
 * astimezone(tz) to a timezone: from UTC to tz's wall clock (timezone.fromutc). Without tz, the
 * local zone: timezone(timedelta(0), 'UTC') on the server. A tzinfo's is tzinfo-subclass.ts's.
 */
export function astimezone(dt: DateTime, tz: Tz | null, arg: unknown = dt): DateTime {
  const target = tz ?? LOCAL;
  if (dt.tz === target) return dt;
  return fromWallMicros(wallMicros(utcOf(dt, arg)) + toMicros(target.offset), target);
}

/** The server's local zone as astimezone() names it: UTC, by the name its tzname gives. */
export const LOCAL: Tz = makeTimezone(ZERO, 'UTC');

/** datetime.combine(date, time). */
export function combine(d: DateRec, t: TimeOfDay, tz: Zone | null = t.tz): DateTime {
  return { year: d.year, month: d.month, day: d.day, hour: t.hour, minute: t.minute, second: t.second, microsecond: t.microsecond, tz, fold: t.fold };
}

