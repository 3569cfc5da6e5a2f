/** date.isocalendar()'s answer: datetime.IsoCalendarDate, a tuple (year, week, weekday) with those names. */
import { isoCalendar, type DateRec } from '../../datetime/calendar.js';
import type { PyTypeSlots } from '../../types/protocol.js';
import { registerType } from '../../types/table.js';
import { TUPLE } from '../../types/tuple.js';
import { PyTuple } from '../../values.js';

export class PyIsoCalendarDate extends PyTuple {}

const NAMES = ['year', 'week', 'weekday'];

const ISO_CALENDAR_DATE: PyTypeSlots<PyIsoCalendarDate> = {
  ...TUPLE,
  name: () => 'datetime.IsoCalendarDate',
  repr: (v) => `datetime.IsoCalendarDate(${NAMES.map((n, i) => `${n}=${v.items[i]}`).join(', ')})`,
  getattr: (v, name) => (NAMES.includes(name) ? v.items[NAMES.indexOf(name)] : undefined),
};
registerType(PyIsoCalendarDate, ISO_CALENDAR_DATE);

export function isoCalendarDate(d: DateRec): PyIsoCalendarDate {
  const c = isoCalendar(d);
  return new PyIsoCalendarDate([c.year, c.week, c.weekday]);
}
