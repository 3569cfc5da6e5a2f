/** datetime.timezone: a fixed offset from UTC, with an optional name (timezone_new, timezone_str, timezone_repr). */
import { pyErr, ValueError } from '../exceptions.js';
import { repr } from '../repr.js';
import { deltaRepr, isZero, neg, pad2, ZERO, type Delta } from './timedelta.js';

export interface Tz {
  readonly offset: Delta;
  readonly name: string | null;
}

/** timezone.utc: one object, as CPython's singleton (timezone(timedelta(0)) is timezone.utc). */
export const UTC: Tz = { offset: ZERO, name: null };

export function makeTimezone(offset: Delta, name: string | null = null): Tz {
  const { days, seconds, microseconds } = offset;
  if ((days === -1 && seconds === 0 && microseconds < 1) || days < -1 || days >= 1) {
    throw pyErr(ValueError, `offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not ${deltaRepr(offset)}.`);
  }
  if (name === null && isZero(offset)) return UTC;
  return { offset, name };
}

export function timezoneRepr(tz: Tz): string {
  if (tz === UTC) return 'datetime.timezone.utc';
  return `datetime.timezone(${deltaRepr(tz.offset)}${tz.name === null ? '' : ', ' + repr(tz.name)})`;
}

/** tzname() and str(): the name, or "UTC" for a zero offset, else "UTC+01:00" (seconds and microseconds when there are some). */
export function tzName(tz: Tz): string {
  if (tz.name !== null) return tz.name;
  return 'UTC' + (isZero(tz.offset) ? '' : formatOffset(tz.offset, ':'));
}

/** An offset as [+-]HH<sep>MM, then <sep>SS and .ffffff when not zero (format_utcoffset). */
export function formatOffset(offset: Delta, sep: string): string {
  const sign = offset.days < 0 ? '-' : '+';
  const d = offset.days < 0 ? neg(offset) : offset;
  const seconds = d.days * 86400 + d.seconds;
  let out = sign + pad2(Math.floor(seconds / 3600)) + sep + pad2(Math.floor(seconds / 60) % 60);
  if (seconds % 60 !== 0 || d.microseconds !== 0) out += sep + pad2(seconds % 60);
  if (d.microseconds !== 0) out += '.' + String(d.microseconds).padStart(6, '0');
  return out;
}
