/**
 * A value's zone: a timezone (a fixed offset, read here) or an instance of a condition's
 * tzinfo subclass, whose utcoffset, dst and tzname are Python calls. tzinfo-subclass.ts makes
 * them (this kernel is below the interpreter) and checks their answers as call_tzinfo_method
 * does. `arg` is what CPython hands them: the datetime itself (a record is made one), or None
 * for a time.
 */
import type { DateTime } from './datetime.js';
import type { Delta } from './timedelta.js';
import { timezoneRepr, tzName, type Tz } from './timezone.js';

/** One per tzinfo object (tzinfo-subclass.ts keeps them), so that `a.tz === b.tz` is Python's `is`. */
export class UserZone {
  constructor(readonly obj: object) {}
}

export type Zone = Tz | UserZone;

export type ZoneMethod = 'utcoffset' | 'dst' | 'tzname';

export interface ZoneCalls {
  /** tzinfo.<method>(arg), its answer checked: None, a timedelta (utcoffset, dst) or a str (tzname), the Python value itself. */
  ask(z: UserZone, method: ZoneMethod, arg: unknown): unknown;
  /** The Delta of a timedelta, or the text of a str, that ask answered. */
  delta(v: unknown): Delta;
  text(v: unknown): string;
  repr(z: UserZone): string;
  /** tz.fromutc(dt), dt a UTC time carrying tz: the Python value it answers. */
  fromutc(z: UserZone, dt: DateTime): unknown;
}

let calls: ZoneCalls | undefined;

export function setZoneCalls(c: ZoneCalls): void {
  calls = c;
}

/** A tzinfo's answer as it gave it (datetime.utcoffset() returns that object). */
export const askZone = (z: UserZone, method: ZoneMethod, arg: unknown): unknown => calls!.ask(z, method, arg);

const askDelta = (z: UserZone, method: ZoneMethod, arg: unknown): Delta | null => {
  const v = calls!.ask(z, method, arg);
  return v === null ? null : calls!.delta(v);
};

/** utcoffset(): None for a naive value, a timezone's offset, or the tzinfo's answer. */
export function offsetOf(tz: Zone | null, arg: unknown): Delta | null {
  if (tz === null) return null;
  return tz instanceof UserZone ? askDelta(tz, 'utcoffset', arg) : tz.offset;
}

/** dst(): a timezone has none. */
export function dstOf(tz: Zone | null, arg: unknown): Delta | null {
  return tz instanceof UserZone ? askDelta(tz, 'dst', arg) : null;
}

export function nameOf(tz: Zone | null, arg: unknown): string | null {
  if (tz === null) return null;
  if (!(tz instanceof UserZone)) return tzName(tz);
  const v = calls!.ask(tz, 'tzname', arg);
  return v === null ? null : calls!.text(v);
}

/** repr(tzinfo), as datetime_repr and time_repr print it. */
export function zoneRepr(tz: Zone): string {
  return tz instanceof UserZone ? calls!.repr(tz) : timezoneRepr(tz);
}

export function fromUtcCall(tz: UserZone, dt: DateTime): unknown {
  return calls!.fromutc(tz, dt);
}
