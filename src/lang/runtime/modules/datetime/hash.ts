/**
 * CPython's hashes of datetime values (they order a set's members): a naive value hashes its
 * packed bytes (generic_hash, _Py_HashBytes, which a str of the same latin-1 characters
 * hashes alike), an aware one the timedelta of its UTC instant, a timedelta its fields' tuple.
 */
import { pyHashBig } from '../../hash.js';
import { toOrdinal, type DateRec } from '../../datetime/calendar.js';
import type { DateTime } from '../../datetime/datetime.js';
import { offsetOf, UserZone } from '../../datetime/zone.js';
import { PyDateTime, PyTime } from './values.js';
import { fromMicros, sub, toMicros, type Delta } from '../../datetime/timedelta.js';
import { PyTuple } from '../../values.js';

const bytes = (...b: number[]): string => String.fromCharCode(...b);

export const deltaHash = (d: Delta): bigint => pyHashBig(new PyTuple([d.days, d.seconds, d.microseconds]));

export const dateHash = (d: DateRec): bigint => pyHashBig(bytes(d.year >> 8, d.year & 255, d.month, d.day));

const usBytes = (us: number): number[] => [us >> 16, (us >> 8) & 255, us & 255];

/**
 * The offset a hash is of: utcoffset() of the value with fold 0, asked of a tzinfo once per
 * value (datetime_hash and time_hash cache the hash they make). A time's tzinfo is given None.
 */
export function hashOffset(v: PyDateTime | PyTime): Delta | null {
  const r = v instanceof PyDateTime ? v.dt : v.t;
  if (!(r.tz instanceof UserZone)) return offsetOf(r.tz, null);
  if (v.hashOffset === undefined) v.hashOffset = offsetOf(r.tz, v instanceof PyTime ? null : r.fold === 0 ? v : { ...(r as DateTime), fold: 0 });
  return v.hashOffset;
}

export function timeHash(v: PyTime): bigint {
  const t = v.t;
  const offset = hashOffset(v);
  if (offset === null) return pyHashBig(bytes(t.hour, t.minute, t.second, ...usBytes(t.microsecond)));
  const seconds = t.hour * 3600 + t.minute * 60 + t.second;
  return deltaHash(sub(fromMicros(BigInt(seconds) * 1000000n + BigInt(t.microsecond)), offset));
}

export function datetimeHash(v: PyDateTime): bigint {
  const dt = v.dt;
  const offset = hashOffset(v);
  if (offset === null) return pyHashBig(bytes(dt.year >> 8, dt.year & 255, dt.month, dt.day, dt.hour, dt.minute, dt.second, ...usBytes(dt.microsecond)));
  const days = toOrdinal(dt);
  const seconds = dt.hour * 3600 + dt.minute * 60 + dt.second;
  const wall: Delta = { days, seconds, microseconds: dt.microsecond };
  return deltaHash(fromMicros(toMicros(wall) - toMicros(offset)));
}
