/**
 * date, time and datetime as plain records, with CPython's checks, arithmetic and
 * comparisons (Modules/_datetimemodule.c). Time zones are fixed offsets (timezone); a
 * naive datetime is taken as the server's local time, which is UTC.
 */
import { OverflowError, pyErr, TypeError_, ValueError } from '../exceptions.js';
import { checkDate, checkTime, fromOrdinal, MAXORDINAL, ordToYmd, toOrdinal, type DateRec, type TimeRec } from './calendar.js';
import { divmod } from './exact.js';
import { compare as compareDelta, fromMicros, toMicros, ZERO, type Delta } from './timedelta.js';
import { makeTimezone, type Tz } from './timezone.js';

export interface TimeOfDay extends TimeRec {
  readonly tz: Tz | null;
  readonly fold: number;
}

export interface DateTime extends DateRec, TimeOfDay {}

export function makeDate(year: number, month: number, day: number): DateRec {
  return checkDate(year, month, day);
}

function checkFold(fold: number): void {
  if (fold !== 0 && fold !== 1) throw pyErr(ValueError, 'fold must be either 0 or 1');
}

export function makeTime(hour = 0, minute = 0, second = 0, microsecond = 0, tz: Tz | null = null, fold = 0): TimeOfDay {
  const t = checkTime(hour, minute, second, microsecond);
  checkFold(fold);
  return { ...t, tz, fold };
}

export function makeDateTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, microsecond = 0, tz: Tz | null = null, fold = 0): DateTime {
  const d = checkDate(year, month, day);
  const t = checkTime(hour, minute, second, microsecond);
  checkFold(fold);
  return { ...d, ...t, tz, fold };
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
function wallMicros(dt: DateTime): bigint {
  return BigInt(toOrdinal(dt)) * US_PER_DAY + BigInt(((dt.hour * 60 + dt.minute) * 60 + dt.second) * 1000000 + dt.microsecond);
}

/** The wall-clock fields of a microsecond count (inverse of wallMicros), or "date value out of range". */
function fromWallMicros(us: bigint, tz: Tz | null, fold = 0): DateTime {
  const [days, rest] = divmod(us, US_PER_DAY);
  const ordinal = Number(days);
  if (ordinal < 1 || ordinal > MAXORDINAL) throw dateOutOfRange();
  const d = ordToYmd(ordinal);
  const t = Number(rest);
  const micro = t % 1000000;
  const secs = (t - micro) / 1000000;
  return { ...d, hour: Math.floor(secs / 3600), minute: Math.floor(secs / 60) % 60, second: secs % 60, microsecond: micro, tz, fold };
}

export function addDelta(dt: DateTime, delta: Delta): DateTime {
  return fromWallMicros(wallMicros(dt) + toMicros(delta), dt.tz);
}

export function subDelta(dt: DateTime, delta: Delta): DateTime {
  return fromWallMicros(wallMicros(dt) - toMicros(delta), dt.tz);
}

export function utcOffset(v: { tz: Tz | null }): Delta | null {
  return v.tz === null ? null : v.tz.offset;
}

/** datetime - datetime: wall clocks, less the offsets when the zones differ. */
export function subDateTimes(a: DateTime, b: DateTime): Delta {
  let diff = wallMicros(a) - wallMicros(b);
  if (a.tz !== b.tz) {
    if ((a.tz === null) !== (b.tz === null)) throw pyErr(TypeError_, "can't subtract offset-naive and offset-aware datetimes");
    diff -= toMicros(a.tz!.offset) - toMicros(b.tz!.offset);
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

/** Fields compared as they are when the offsets agree; a naive and an aware value are unequal, and unordered. */
function compareWithOffsets(a: { tz: Tz | null }, b: { tz: Tz | null }, op: CompareOp, fields: () => number, utc: () => number, what: string): boolean {
  const oa = utcOffset(a);
  const ob = utcOffset(b);
  if (a.tz === b.tz || (oa === null && ob === null) || (oa !== null && ob !== null && compareDelta(oa, ob) === 0)) return verdict(fields(), op);
  if (oa !== null && ob !== null) return verdict(utc(), op);
  if (op === '==' || op === '!=') return op === '!=';
  throw pyErr(TypeError_, `can't compare offset-naive and offset-aware ${what}`);
}

export function compareDateTimes(a: DateTime, b: DateTime, op: CompareOp): boolean {
  const fields = () => {
    const d = wallMicros(a) - wallMicros(b);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  };
  return compareWithOffsets(a, b, op, fields, () => compareDelta(subDateTimes(a, b), ZERO), 'datetimes');
}

function timeMicros(t: TimeOfDay): number {
  return ((t.hour * 60 + t.minute) * 60 + t.second) * 1000000 + t.microsecond;
}

export function compareTimes(a: TimeOfDay, b: TimeOfDay, op: CompareOp): boolean {
  const utc = () => Math.sign(timeMicros(a) - Number(toMicros(a.tz!.offset)) - (timeMicros(b) - Number(toMicros(b.tz!.offset))));
  return compareWithOffsets(a, b, op, () => Math.sign(timeMicros(a) - timeMicros(b)), utc, 'times');
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
 * astimezone(tz): from UTC (a naive value is local time: UTC on the server) to tz's wall
 * clock. Without tz, the local zone: timezone(timedelta(0), 'UTC') on the server.
 */
export function astimezone(dt: DateTime, tz: Tz | null): DateTime {
  const target = tz ?? LOCAL;
  if (dt.tz === target) return dt;
  const offset = dt.tz === null ? ZERO : dt.tz.offset;
  const utc = wallMicros(dt) - toMicros(offset);
  return fromWallMicros(utc + toMicros(target.offset), target);
}

/** The server's local zone as astimezone() names it: UTC, by the name its tzname gives. */
export const LOCAL: Tz = makeTimezone(ZERO, 'UTC');

/** datetime.combine(date, time). */
export function combine(d: DateRec, t: TimeOfDay, tz: Tz | null = t.tz): DateTime {
  return { year: d.year, month: d.month, day: d.day, hour: t.hour, minute: t.minute, second: t.second, microsecond: t.microsecond, tz, fold: t.fold };
}

