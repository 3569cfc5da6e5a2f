/** The datetime module a condition imports: its five types, and MINYEAR and MAXYEAR. */
import { MAXYEAR, MINYEAR } from '../../datetime/calendar.js';
import type { PyTypeSlots } from '../../types/protocol.js';
import { registerType } from '../../types/table.js';
import { PyModule, type Py } from '../../values.js';
import { DATE_TYPE } from './date.js';
import { DATETIME_TYPE } from './datetime.js';
import { TIME_TYPE } from './time.js';
import { TIMEDELTA_TYPE } from './timedelta.js';
import { TIMEZONE_TYPE } from './timezone.js';
import { PyClassType } from './values.js';

/** A type with class attributes is still a type: `type`, `<class 'datetime.datetime'>`; its attributes are its class's. */
const CLASS_TYPE: PyTypeSlots<PyClassType> = {
  name: () => 'type',
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => `<class '${v.name}'>`,
  getattr: (v, name) => v.attrs.get(name),
};
registerType(PyClassType, CLASS_TYPE);

export const DATETIME_MODULE = new PyModule(
  'datetime',
  new Map<string, Py>([
    ['datetime', DATETIME_TYPE],
    ['date', DATE_TYPE],
    ['time', TIME_TYPE],
    ['timedelta', TIMEDELTA_TYPE],
    ['timezone', TIMEZONE_TYPE],
    ['MINYEAR', MINYEAR],
    ['MAXYEAR', MAXYEAR],
  ]),
);
