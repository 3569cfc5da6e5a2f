/** datetime.time as a Python type: the kernel's TimeOfDay with its slots. */
import { bind, one } from '../../args.js';
import { checkedMethods } from '../../arity.js';
import { compareTimes, makeTime, orderTimes, replaceTime, type CompareOp, type TimeOfDay } from '../../datetime/datetime.js';
import { timeFromIsoformat } from '../../datetime/fromisoformat.js';
import { timeIsoformat, timeRepr } from '../../datetime/isoformat.js';
import { toMicros } from '../../datetime/timedelta.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../../types/protocol.js';
import { registerType, registerTypeObject } from '../../types/table.js';
import { PyFunc } from '../../values.js';
import { strftimeMethod, strftimeOf } from './date.js';
import { hashOffset, timeHash } from './hash.js';
import { PyClassType } from '../class-type.js';
import { tzArg, tzValue, zoneAnswer as answer } from './tzinfo.js';
import { intField, PyTime, PyTimedelta, strArg } from './values.js';

const time = (t: TimeOfDay) => new PyTime(t);

export const TIME_TYPE = new PyClassType('datetime.time', (a, kw) => {
  // the C format "|iiiiO$i" has no name: its errors say 'function'
  const [hour, minute, second, microsecond, tzinfo, fold] = bind('', a, kw, ['hour', 'minute', 'second', 'microsecond', 'tzinfo', 'fold'], 0, undefined, { kwOnly: 1 });
  return time(makeTime(intField(hour), intField(minute), intField(second), intField(microsecond), tzArg(tzinfo), intField(fold)));
});
TIME_TYPE.attrs
  .set('fromisoformat', new PyFunc('fromisoformat', (a, kw) => time(timeFromIsoformat(one('fromisoformat', a, kw, 'time'))), 'method'))
  .set('min', time(makeTime()))
  .set('max', time(makeTime(23, 59, 59, 999999)))
  .set('resolution', new PyTimedelta({ days: 0, seconds: 0, microseconds: 1 }));

const METHODS = checkedMethods('time', new Map<string, Method>([
  ['isoformat', (v: PyTime, a, kw) => {
    const [timespec = 'auto'] = bind('isoformat', a, kw, ['timespec']);
    return timeIsoformat(v.t, strArg('isoformat', timespec));
  }],
  ['strftime', strftimeMethod((v: PyTime) => ({ ...v.t, year: 1900, month: 1, day: 1 }))],
  ['replace', (v: PyTime, a, kw) => {
    const [hour, minute, second, microsecond, tzinfo, fold] = bind('replace', a, kw, ['hour', 'minute', 'second', 'microsecond', 'tzinfo', 'fold']);
    const t = v.t;
    return time(replaceTime(t, {
      hour: intField(hour, t.hour), minute: intField(minute, t.minute), second: intField(second, t.second), microsecond: intField(microsecond, t.microsecond),
      tz: tzinfo === undefined ? t.tz : tzArg(tzinfo), fold: intField(fold, t.fold),
    }));
  }],
  // a time's tzinfo is asked with None
  ['utcoffset', (v: PyTime) => answer(v.t.tz, 'utcoffset', null)],
  ['dst', (v: PyTime) => answer(v.t.tz, 'dst', null)],
  ['tzname', (v: PyTime) => answer(v.t.tz, 'tzname', null)],
]), { isoformat: 'own', strftime: 'own', replace: 'own', utcoffset: 'none', dst: 'none', tzname: 'none' });

const timeMicros = (t: TimeOfDay): bigint => BigInt(((t.hour * 60 + t.minute) * 60 + t.second) * 1000000 + t.microsecond);

export const TIME: PyTypeSlots<PyTime> = {
  name: () => 'datetime.time',
  type: TIME_TYPE,
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => timeRepr(v.t),
  str: (v) => timeIsoformat(v.t),
  hash: timeHash,
  key: (v) => {
    const offset = hashOffset(v);
    return offset === null ? `\u0000time naive ${timeMicros(v.t)}` : `\u0000time aware ${timeMicros(v.t) - toMicros(offset)}`;
  },
  eq: (a, b) => (b instanceof PyTime ? compareTimes(a.t, b.t, '==') : NOT_IMPLEMENTED),
  compare: (a, b, op) => (b instanceof PyTime ? orderTimes(a.t, b.t, op as CompareOp) : NOT_IMPLEMENTED),
  getattr(v, name) {
    const t = v.t;
    switch (name) {
      case 'hour': return t.hour;
      case 'minute': return t.minute;
      case 'second': return t.second;
      case 'microsecond': return t.microsecond;
      case 'tzinfo': return tzValue(t.tz);
      case 'fold': return t.fold;
    }
    // the class's attributes through an instance too: time(1).max
    return TIME_TYPE.attrs.get(name);
  },
  // __format__: strftime of the spec
  format: strftimeOf((v: PyTime) => ({ ...v.t, year: 1900, month: 1, day: 1 })),
  methods: METHODS,
};

registerType(PyTime, TIME);
// its methods through the type, unbound: datetime.time.isoformat(d), super().isoformat(d) in a subclass's classmethod
registerTypeObject('datetime.time', TIME);
