/** datetime.datetime as a Python type: the kernel's DateTime with its slots. */
import { bind, bindParsed, noArgs, one, positional } from '../../args.js';
import { noteDescriptor } from '../../def-names.js';
import { cpUnits } from '../../codepoints.js';
import { checkedMethods } from '../../arity.js';
import { isoWeekday, toOrdinal, weekday } from '../../datetime/calendar.js';
import * as k from '../../datetime/datetime.js';
import { datetimeFromIsoformat } from '../../datetime/fromisoformat.js';
import { ctime, datetimeIsoformat, datetimeRepr, datetimeStr } from '../../datetime/isoformat.js';
import { timetuple } from '../../datetime/strftime.js';
import { strptimeDatetime } from '../../datetime/strptime.js';
import { toMicros } from '../../datetime/timedelta.js';
import { fromTimestamp, timestamp, utcFromTimestamp } from '../../datetime/timestamp.js';
import { fromUtcCall, offsetOf, UserZone } from '../../datetime/zone.js';
import { typeErr } from '../../exceptions.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../../types/protocol.js';
import { registerType, registerTypeObject } from '../../types/table.js';
import { PyFloat, PyFunc, PyStrBox, argTypeName, typeName, type Py } from '../../values.js';
import { DATE_TYPE, isoCalendarArgs, ordinalArgs, strftimeMethod, strftimeOf } from './date.js';
import { structTime } from '../time.js';
import { datetimeHash, hashOffset } from './hash.js';
import { isoCalendarDate } from './iso-calendar.js';
import { nowFields, realArg } from './now.js';
import { PyClassType } from '../class-type.js';
import { tzArg, tzValue, zoneAnswer as answer } from './tzinfo.js';
import { fieldKeywords, intField, requiredField, PyDate, PyDateTime, PyTimedelta, PyTime, strArg } from './values.js';

const datetime = (dt: k.DateTime) => new PyDateTime(dt);
const FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond', 'tzinfo', 'fold'];
// the C format "iii|iiiiO$i": no name, so errors say 'function'; fold keyword-only
const FOLD_KEYWORD_ONLY = { kwOnly: 1 };

export const DATETIME_TYPE = new PyClassType('datetime.datetime', (a, kw) => {
  // none required of bind: each is converted before the next is found missing (requiredField), and all before an unknown keyword
  const known = fieldKeywords(kw, FIELDS);
  const [year, month, day, hour, minute, second, microsecond, tzinfo, fold] = bind('', a, known, FIELDS, 0, undefined, FOLD_KEYWORD_ONLY);
  const fields = [requiredField(year, 'year', 1), requiredField(month, 'month', 2), requiredField(day, 'day', 3), intField(hour), intField(minute), intField(second), intField(microsecond)] as const;
  const foldValue = intField(fold);
  if (known !== kw) bind('', a, kw, FIELDS, 0, undefined, FOLD_KEYWORD_ONLY);
  return datetime(k.makeDateTime(...fields, tzArg(tzinfo), foldValue));
}, DATE_TYPE);

const MIDNIGHT = k.makeTime();

/** A value made from the clock or a timestamp: a tzinfo's UTC time given to its fromutc, whatever that answers. */
const inZone = (dt: k.DateTime): Py => (dt.tz instanceof UserZone ? (fromUtcCall(dt.tz, dt) as Py) : datetime(dt));

// meth_get__qualname__ of one bound to datetime (a subclass reaches them through moduleBases.classAttr)
const classMethod = (name: string, f: (a: Py[], kw: Map<string, Py> | null) => Py) => noteDescriptor(new PyFunc(name, f, 'method'), `datetime.${name}`);
DATETIME_TYPE.attrs
  .set('now', classMethod('now', (a, kw) => inZone(nowFields(tzArg(bind('now', a, kw, ['tz'])[0])))))
  .set('utcnow', classMethod('utcnow', (a, kw) => (noArgs('utcnow', a, kw, 'datetime'), datetime(nowFields(null)))))
  .set('today', classMethod('today', (a, kw) => (noArgs('today', a, kw, 'datetime'), datetime(nowFields(null)))))
  .set('strptime', classMethod('strptime', (a, kw) => {
    // METH_VARARGS, "UU:strptime": positional only
    const [s, format] = positional('strptime', a, kw, 2);
    return datetime(strptimeDatetime(strArg('strptime', s, 1), strArg('strptime', format, 2)));
  }))
  .set('fromisoformat', classMethod('fromisoformat', (a, kw) => datetime(datetimeFromIsoformat(one('fromisoformat', a, kw, 'datetime')))))
  .set('fromtimestamp', classMethod('fromtimestamp', (a, kw) => {
    const [ts, tz] = bind('fromtimestamp', a, kw, ['timestamp', 'tz'], 1);
    // the zone is checked before the timestamp is read
    const zone = tzArg(tz);
    return inZone(fromTimestamp(realArg(ts), zone));
  }))
  .set('utcfromtimestamp', classMethod('utcfromtimestamp', (a, kw) => datetime(utcFromTimestamp(realArg(positional('utcfromtimestamp', a, kw, 1)[0])))))
  // date's class methods, made a datetime at midnight as new_date_subclass_ex makes one for a date's subclass
  .set('fromordinal', classMethod('fromordinal', (a, kw) => datetime(k.combine(ordinalArgs(a, kw), MIDNIGHT))))
  .set('fromisocalendar', classMethod('fromisocalendar', (a, kw) => datetime(k.combine(isoCalendarArgs(a, kw), MIDNIGHT))))
  .set('combine', classMethod('combine', (a, kw) => {
    // "O!O!|O:combine"
    const [d, t, tzinfo] = bindParsed('combine', a, kw, ['date', 'time', 'tzinfo'], 2, (x, i) => {
      if (i === 0 && !(x instanceof PyDate || x instanceof PyDateTime)) throw typeErr(`combine() argument 1 must be datetime.date, not ${argTypeName(x)}`);
      if (i === 1 && !(x instanceof PyTime)) throw typeErr(`combine() argument 2 must be datetime.time, not ${argTypeName(x)}`);
      return x;
    }) as [PyDate | PyDateTime, PyTime, Py];
    return datetime(k.combine(d instanceof PyDate ? d.d : d.dt, t.t, tzinfo === undefined ? t.t.tz : tzArg(tzinfo)));
  }))
  .set('min', datetime(k.makeDateTime(1, 1, 1)))
  .set('max', datetime(k.makeDateTime(9999, 12, 31, 23, 59, 59, 999999)))
  .set('resolution', new PyTimedelta({ days: 0, seconds: 0, microseconds: 1 }));

// date's, inherited: their errors name date
const DATE_METHODS = checkedMethods('date', new Map<string, Method>([
  ['weekday', (v: PyDateTime) => weekday(v.dt)],
  ['isoweekday', (v: PyDateTime) => isoWeekday(v.dt)],
  ['toordinal', (v: PyDateTime) => toOrdinal(v.dt)],
  ['isocalendar', (v: PyDateTime) => isoCalendarDate(v.dt)],
]), { weekday: 'none', isoweekday: 'none', toordinal: 'none', isocalendar: 'none' });

const METHODS = new Map([...DATE_METHODS, ...checkedMethods('datetime', new Map<string, Method>([
  ['timetuple', (v: PyDateTime) => structTime(timetuple(v.dt, v), false)],
  ['utctimetuple', (v: PyDateTime) => {
    // the UTC fields (an aware value less its offset), isdst 0
    const offset = offsetOf(v.dt.tz, v);
    return structTime({ ...timetuple(offset === null ? v.dt : k.subDelta(v.dt, offset)), isdst: 0 }, false);
  }],
  ['isoformat', (v: PyDateTime, a, kw) => {
    // "|Cs:isoformat"
    const [sep = 'T', timespec = 'auto'] = bindParsed('isoformat', a, kw, ['sep', 'timespec'], 0, (x, i) => {
      if (i === 1) return strArg('isoformat', x, 2);
      // a str subclass's instance is taken as its str, as PyUnicode_Check has it
      const s = x instanceof PyStrBox ? x.value : x;
      if (typeof s !== 'string' || s === '' || cpUnits(s, 0) !== s.length) throw typeErr(`isoformat() argument 1 must be a unicode character, not ${argTypeName(x)}`);
      return s;
    }) as [string?, string?];
    return datetimeIsoformat(v.dt, sep, timespec, v);
  }],
  ['strftime', strftimeMethod((v: PyDateTime) => v.dt, true)],
  ['ctime', (v: PyDateTime) => ctime(v.dt, v.dt)],
  ['replace', (v: PyDateTime, a, kw) => {
    const [year, month, day, hour, minute, second, microsecond, tzinfo, fold] = bind('replace', a, kw, FIELDS);
    const dt = v.dt;
    return datetime(k.replaceDateTime(dt, {
      year: intField(year, dt.year), month: intField(month, dt.month), day: intField(day, dt.day),
      hour: intField(hour, dt.hour), minute: intField(minute, dt.minute), second: intField(second, dt.second), microsecond: intField(microsecond, dt.microsecond),
      tz: tzinfo === undefined ? dt.tz : tzArg(tzinfo), fold: intField(fold, dt.fold),
    }));
  }],
  ['timestamp', (v: PyDateTime) => new PyFloat(timestamp(v.dt, v))],
  ['date', (v: PyDateTime) => new PyDate({ year: v.dt.year, month: v.dt.month, day: v.dt.day })],
  ['time', (v: PyDateTime) => new PyTime({ ...v.dt, tz: null })],
  ['timetz', (v: PyDateTime) => new PyTime({ hour: v.dt.hour, minute: v.dt.minute, second: v.dt.second, microsecond: v.dt.microsecond, tz: v.dt.tz, fold: v.dt.fold })],
  ['astimezone', (v: PyDateTime, a, kw) => {
    const tz = tzArg(bind('astimezone', a, kw, ['tz'])[0]);
    if (!(tz instanceof UserZone)) return datetime(k.astimezone(v.dt, tz, v));
    // to its own zone, itself; else in UTC, then tz.fromutc
    return v.dt.tz === tz ? v : inZone({ ...k.utcOf(v.dt, v), tz });
  }],
  ['utcoffset', (v: PyDateTime) => answer(v.dt.tz, 'utcoffset', v)],
  ['dst', (v: PyDateTime) => answer(v.dt.tz, 'dst', v)],
  ['tzname', (v: PyDateTime) => answer(v.dt.tz, 'tzname', v)],
]), {
  timetuple: 'none', isoformat: 'own', strftime: 'own', replace: 'own', timestamp: 'none', date: 'none', time: 'none', timetz: 'none', ctime: 'none',
  astimezone: 'own', utcoffset: 'none', dst: 'none', tzname: 'none', utctimetuple: 'none',
})]);

function add(a: Py, b: Py): Py {
  const [d, delta] = a instanceof PyDateTime ? [a, b] : [b, a];
  return delta instanceof PyTimedelta ? datetime(k.addDelta(d.dt, delta.d)) : NOT_IMPLEMENTED;
}

function subtract(a: Py, b: Py): Py {
  if (!(a instanceof PyDateTime)) return NOT_IMPLEMENTED;
  if (b instanceof PyTimedelta) return datetime(k.subDelta(a.dt, b.d));
  if (b instanceof PyDateTime) return new PyTimedelta(k.subDateTimes(a.dt, b.dt, a, b));
  return NOT_IMPLEMENTED;
}

/** The dict key: equal datetimes share it (aware ones by their UTC instant); naive and aware are never equal. */
function key(v: PyDateTime): string {
  const dt = v.dt;
  const wall = BigInt(toOrdinal(dt)) * 86400000000n + BigInt(((dt.hour * 60 + dt.minute) * 60 + dt.second) * 1000000 + dt.microsecond);
  const offset = hashOffset(v);
  return offset === null ? `\u0000datetime naive ${wall}` : `\u0000datetime aware ${wall - toMicros(offset)}`;
}

export const DATETIME: PyTypeSlots<PyDateTime> = {
  name: () => 'datetime.datetime',
  type: DATETIME_TYPE,
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => datetimeRepr(v.dt),
  str: (v) => datetimeStr(v.dt, v),
  hash: datetimeHash,
  key,
  // a date is never equal to it, and not left to date's comparison, which would compare the days (datetime_richcompare)
  eq: (a, b) => (b instanceof PyDateTime ? k.compareDateTimes(a.dt, b.dt, '==', a, b) : b instanceof PyDate ? false : NOT_IMPLEMENTED),
  compare(a, b, op) {
    if (b instanceof PyDate) throw typeErr(`can't compare ${typeName(a)} to ${typeName(b)}`);
    return b instanceof PyDateTime ? k.orderDateTimes(a.dt, b.dt, op as k.CompareOp, a, b) : NOT_IMPLEMENTED;
  },
  nb: { add, subtract },
  getattr(v, name) {
    const dt = v.dt;
    switch (name) {
      case 'year': return dt.year;
      case 'month': return dt.month;
      case 'day': return dt.day;
      case 'hour': return dt.hour;
      case 'minute': return dt.minute;
      case 'second': return dt.second;
      case 'microsecond': return dt.microsecond;
      case 'tzinfo': return tzValue(dt.tz);
      case 'fold': return dt.fold;
    }
    // the class's attributes through an instance too: datetime.now().max, d.now()
    return DATETIME_TYPE.attrs.get(name);
  },
  // __format__: strftime of the spec
  format: strftimeOf((v: PyDateTime) => v.dt, true),
  methods: METHODS,
};

registerType(PyDateTime, DATETIME);
// its methods through the type, unbound: datetime.datetime.isoformat(d), super().isoformat(d) in a subclass's classmethod
registerTypeObject('datetime.datetime', DATETIME);
