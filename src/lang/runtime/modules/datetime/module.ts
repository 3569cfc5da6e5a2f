/** The datetime module a condition imports: its six types, and MINYEAR and MAXYEAR. */
import { MAXYEAR, MINYEAR } from '../../datetime/calendar.js';
import { PyModule, type Py } from '../../values.js';
import { DATE_TYPE } from './date.js';
import { DATETIME_TYPE } from './datetime.js';
import { TIME_TYPE } from './time.js';
import { TIMEDELTA_TYPE } from './timedelta.js';
import { TIMEZONE_TYPE } from './timezone.js';
import { TZINFO_TYPE } from './tzinfo.js';
import { UTC } from '../../datetime/timezone.js';
import { tzObject } from './values.js';

export const DATETIME_MODULE = new PyModule(
  'datetime',
  new Map<string, Py>([
    ['datetime', DATETIME_TYPE],
    ['date', DATE_TYPE],
    ['time', TIME_TYPE],
    ['timedelta', TIMEDELTA_TYPE],
    ['timezone', TIMEZONE_TYPE],
    ['tzinfo', TZINFO_TYPE],
    ['MINYEAR', MINYEAR],
    ['MAXYEAR', MAXYEAR],
    // 3.11's alias of timezone.utc, the same object
    ['UTC', tzObject(UTC)],
  ]),
);
