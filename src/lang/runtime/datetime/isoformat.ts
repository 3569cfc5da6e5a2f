/** isoformat(), str() and repr() of date, time and datetime, as CPython writes them. */
import { pyErr, ValueError } from '../exceptions.js';
import { weekday, type DateRec } from './calendar.js';
import type { DateTime, TimeOfDay } from './datetime.js';
import { pad2 } from './timedelta.js';
import { formatOffset } from './timezone.js';
import { offsetOf, zoneRepr } from './zone.js';

const TIMESPECS = new Set(['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds']);

const DAY_ABBRS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH_ABBRS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ctime() of a date or datetime (format_ctime): "%s %s %2d %02d:%02d:%02d %04d", a date at midnight. */
export function ctime(d: DateRec, t: { hour: number; minute: number; second: number } = { hour: 0, minute: 0, second: 0 }): string {
  return `${DAY_ABBRS[weekday(d)]} ${MONTH_ABBRS[d.month - 1]} ${String(d.day).padStart(2, ' ')} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)} ${String(d.year).padStart(4, '0')}`;
}

export function dateIsoformat(d: DateRec): string {
  return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** HH[:MM[:SS[.fff[fff]]]] by timespec, then the offset of an aware value (utcoffset(arg): None for a time). */
export function timeIsoformat(t: TimeOfDay, timespec = 'auto', arg: unknown = null): string {
  if (!TIMESPECS.has(timespec)) throw pyErr(ValueError, 'Unknown timespec value');
  const spec = timespec === 'auto' ? (t.microsecond !== 0 ? 'microseconds' : 'seconds') : timespec;
  let out = pad2(t.hour);
  if (spec !== 'hours') out += ':' + pad2(t.minute);
  if (spec === 'seconds' || spec === 'milliseconds' || spec === 'microseconds') out += ':' + pad2(t.second);
  if (spec === 'milliseconds') out += '.' + String(Math.floor(t.microsecond / 1000)).padStart(3, '0');
  if (spec === 'microseconds') out += '.' + String(t.microsecond).padStart(6, '0');
  const offset = offsetOf(t.tz, arg);
  if (offset !== null) out += formatOffset(offset, ':');
  return out;
}

export function datetimeIsoformat(dt: DateTime, sep = 'T', timespec = 'auto', arg: unknown = dt): string {
  return dateIsoformat(dt) + sep + timeIsoformat(dt, timespec, arg);
}

export function datetimeStr(dt: DateTime, arg: unknown = dt): string {
  return datetimeIsoformat(dt, ' ', 'auto', arg);
}

export function dateRepr(d: DateRec): string {
  return `datetime.date(${d.year}, ${d.month}, ${d.day})`;
}

/** The trailing fields CPython leaves out when zero: microsecond, then second. */
function clockFields(t: TimeOfDay): string {
  if (t.microsecond !== 0) return `${t.hour}, ${t.minute}, ${t.second}, ${t.microsecond}`;
  if (t.second !== 0) return `${t.hour}, ${t.minute}, ${t.second}`;
  return `${t.hour}, ${t.minute}`;
}

/** datetime_repr: fold, then tzinfo. */
export function datetimeRepr(dt: DateTime): string {
  return `datetime.datetime(${dt.year}, ${dt.month}, ${dt.day}, ${clockFields(dt)}${dt.fold ? ', fold=1' : ''}${dt.tz !== null ? ', tzinfo=' + zoneRepr(dt.tz) : ''})`;
}

/** time_repr: tzinfo, then fold. */
export function timeRepr(t: TimeOfDay): string {
  return `datetime.time(${clockFields(t)}${t.tz !== null ? ', tzinfo=' + zoneRepr(t.tz) : ''}${t.fold ? ', fold=1' : ''})`;
}
