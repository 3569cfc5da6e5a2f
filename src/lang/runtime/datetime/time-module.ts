/** The time module's kernel: struct_time, gmtime, strftime, strptime, time() and time_ns(). */
import { nowNanos } from './clock.js';
import { glibcStrftime, type Tm } from './strftime.js';
import type { Real } from './timedelta.js';
import { strptime } from './strptime.js';
import { checkTmYear, civilFields, timeTFloor } from './timestamp.js';

/** struct_time: its nine fields (Monday 0, the day of the year from 1), and tm_zone and tm_gmtoff. */
export type StructTime = Tm;

const FIELDS = ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst'];

export function structTimeFields(t: StructTime): number[] {
  return [t.year, t.mon, t.mday, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst];
}

export function structTimeRepr(t: StructTime): string {
  const v = structTimeFields(t);
  return `time.struct_time(${FIELDS.map((f, i) => `${f}=${v[i]}`).join(', ')})`;
}

/** time.gmtime(secs): whole seconds, floored (_PyTime_ROUND_FLOOR), exactly. */
export function gmtime(secs?: Real | bigint): StructTime {
  const s = secs === undefined ? nowNanos() / 1000000000n : timeTFloor(secs);
  const f = civilFields(s);
  checkTmYear(f.year);
  return { year: f.year, mon: f.month, mday: f.day, hour: f.hour, min: f.minute, sec: f.second, wday: f.wday, yday: f.yday, isdst: 0, zone: 'GMT', gmtoff: 0 };
}

/** time.strftime(format, t): glibc's, t's own zone and offset for %Z and %z. */
export function timeStrftime(format: string, t: StructTime): string {
  return glibcStrftime(format, t);
}

/** time.strptime: the fields, tm_isdst -1 unless a zone name was matched; the zone and offset parsed, or null. */
export function timeStrptime(data: unknown, format: unknown = '%a %b %d %H:%M:%S %Y'): StructTime & { parsedZone: string | null; parsedGmtoff: number | null } {
  const p = strptime(data, format);
  return {
    year: p.year, mon: p.month, mday: p.day, hour: p.hour, min: p.minute, sec: p.second, wday: p.weekday, yday: p.julian,
    isdst: p.isdst, zone: p.tzname ?? '', gmtoff: p.gmtoff ?? 0, parsedZone: p.tzname ?? null, parsedGmtoff: p.gmtoff ?? null,
  };
}

/** time.time(): seconds since the epoch as a float. */
export function time(): number {
  return Number(nowNanos()) / 1e9;
}

/** time.time_ns(): an int past 2**53, a BigInt here (the runtime decides how to give it). */
export function timeNs(): bigint {
  return nowNanos();
}
