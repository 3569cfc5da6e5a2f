/** The time module: the clock (time, time_ns, monotonic) and struct_time (gmtime, strptime, strftime) on the kernel. */
import { clinic } from '../args.js';
import { monotonicNanos } from '../datetime/clock.js';
import type { Tm } from '../datetime/strftime.js';
import { gmtime, structTimeFields, structTimeRepr, time, timeNs, timeStrftime, timeStrptime } from '../datetime/time-module.js';
import { typeErr, valueErr } from '../exceptions.js';
import { norm } from '../int/index.js';
import { TUPLE } from '../types/tuple.js';
import type { PyTypeSlots } from '../types/protocol.js';
import { registerType } from '../types/table.js';
import { PyFloat, PyFunc, PyModule, PyTuple, PyType, typeName, type NativeFn, type Py } from '../values.js';
import { realArg } from './datetime/now.js';

/** time.struct_time: a tuple of its nine fields, with their names and tm_zone and tm_gmtoff as attributes. */
export class PyStructTime extends PyTuple {
  constructor(readonly tm: Tm) {
    super(structTimeFields(tm));
  }
}

const NAMES = ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst'];

const STRUCT_TIME_TYPE = new PyType('time.struct_time', () => {
  throw typeErr('time.struct_time() is not supported by the evaluator: use time.gmtime() or time.strptime()');
});

const STRUCT_TIME: PyTypeSlots<PyStructTime> = {
  ...TUPLE,
  name: () => 'time.struct_time',
  type: STRUCT_TIME_TYPE,
  repr: (v) => structTimeRepr(v.tm),
  getattr(v, name) {
    const i = NAMES.indexOf(name);
    if (i >= 0) return v.items[i];
    if (name === 'tm_zone') return v.tm.zone;
    if (name === 'tm_gmtoff') return v.tm.gmtoff;
    return undefined;
  },
};
registerType(PyStructTime, STRUCT_TIME);

/** gettmarg and checktm (Modules/timemodule.c): a struct_time or a 9-tuple of ints, its fields in range. */
function tmArg(v: Py): Tm {
  if (v instanceof PyStructTime) return v.tm;
  if (!(v instanceof PyTuple)) throw typeErr('Tuple or struct_time argument required');
  if (v.items.length !== 9) throw typeErr('strftime(): illegal time tuple argument');
  const f = v.items.map((x) => {
    if (typeof x === 'number' || typeof x === 'boolean') return Number(x);
    throw typeErr(`'${typeName(x)}' object cannot be interpreted as an integer`);
  });
  let [year, mon, mday, hour, min, sec, wday, yday, isdst] = f;
  if (mon === 0) mon = 1;
  else if (mon < 1 || mon > 12) throw valueErr('month out of range');
  if (mday === 0) mday = 1;
  else if (mday < 0 || mday > 31) throw valueErr('day of month out of range');
  if (hour < 0 || hour > 23) throw valueErr('hour out of range');
  if (min < 0 || min > 59) throw valueErr('minute out of range');
  if (sec < 0 || sec > 61) throw valueErr('seconds out of range');
  // C's tm_wday is (wday + 1) % 7, which only a wday below -1 leaves negative
  if ((wday + 1) % 7 < 0) throw valueErr('day of week out of range');
  if (yday === 0) yday = 1;
  else if (yday < 1 || yday > 366) throw valueErr('day of year out of range');
  return { year, mon, mday, hour, min, sec, wday: (((wday + 1) % 7) + 6) % 7, yday, isdst: Math.max(-1, Math.min(1, isdst)), zone: '', gmtoff: 0 };
}

const fn = (name: string, f: NativeFn): [string, PyFunc] => [name, new PyFunc(name, f)];

export const TIME_MODULE = new PyModule(
  'time',
  new Map<string, Py>([
    fn('time', (a, k) => (clinic('time', a, k, 0), new PyFloat(time()))),
    fn('time_ns', (a, k) => (clinic('time_ns', a, k, 0), norm(timeNs()))),
    fn('monotonic', (a, k) => (clinic('monotonic', a, k, 0), new PyFloat(Number(monotonicNanos()) / 1e9))),
    fn('gmtime', (a, k) => {
      const [secs = null] = clinic('gmtime', a, k, 0, 1);
      return new PyStructTime(gmtime(secs === null ? undefined : realArg(secs)));
    }),
    fn('strptime', (a, k) => {
      const [s, format] = clinic('strptime', a, k, 1, 2);
      return new PyStructTime(timeStrptime(s, format));
    }),
    fn('strftime', (a, k) => {
      const [format, t] = clinic('strftime', a, k, 1, 2);
      if (typeof format !== 'string') throw typeErr(`strftime() argument 1 must be str, not ${typeName(format)}`);
      return timeStrftime(format, t === undefined ? gmtime() : tmArg(t));
    }),
    ['struct_time', STRUCT_TIME_TYPE],
  ]),
);
