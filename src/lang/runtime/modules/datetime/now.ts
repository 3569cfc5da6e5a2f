/** The clock and timestamps as the datetime types read them. */
import { nowNanos } from '../../datetime/clock.js';
import { astimezone, type DateTime } from '../../datetime/datetime.js';
import type { Real } from '../../datetime/timedelta.js';
import { utcFields } from '../../datetime/timestamp.js';
import { UTC } from '../../datetime/timezone.js';
import { UserZone, type Zone } from '../../datetime/zone.js';
import { typeErr } from '../../exceptions.js';
import { PyFloat, PyIntBox, typeName, type Py } from '../../values.js';

/**
 * now(tz): the server's clock, floored to the microsecond (_PyTime_ROUND_FLOOR), in tz; a
 * tzinfo's UTC fields carry it, for its fromutc (the caller's); local time is UTC.
 */
export function nowFields(tz: Zone | null): DateTime {
  const ns = nowNanos();
  const seconds = ns / 1000000000n;
  const us = Number((ns % 1000000000n) / 1000n);
  if (tz instanceof UserZone) return utcFields(seconds, us, tz);
  const utc = utcFields(seconds, us, tz === null ? null : UTC);
  return tz === null ? utc : astimezone(utc, tz);
}

/** A timestamp: an int (of any size: past time_t is CPython's OverflowError, in timestamp.ts) or a float. */
export function realArg(v: Py): Real | bigint {
  // an int subclass's instance (re's flags too) is taken as its int, as PyLong_Check has it
  if (v instanceof PyIntBox) return v.value;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v instanceof PyFloat) return v;
  throw typeErr(`'${typeName(v)}' object cannot be interpreted as an integer`);
}
