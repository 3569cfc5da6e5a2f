/** datetime.date as a Python type: the kernel's DateRec with its slots. */
import { bind, bindParsed, noArgs, one, positional } from '../../args.js';
import { noteDescriptor } from '../../def-names.js';
import { checkedMethods } from '../../arity.js';
import { fromIsoCalendar, fromOrdinal, isoWeekday, toOrdinal, weekday, type DateRec } from '../../datetime/calendar.js';
import { dateAddDays, makeDate, replaceDate, subDates } from '../../datetime/datetime.js';
import { dateFromIsoformat } from '../../datetime/fromisoformat.js';
import { ctime, dateIsoformat, dateRepr } from '../../datetime/isoformat.js';
import { datetimeStrftime, timetuple } from '../../datetime/strftime.js';
import { dateFromTimestamp } from '../../datetime/timestamp.js';
import { typeErr } from '../../exceptions.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../../types/protocol.js';
import { registerType, registerTypeObject, typeOf } from '../../types/table.js';
import { PyFunc, typeName, type Py } from '../../values.js';
import { structTime } from '../time.js';
import { dateHash } from './hash.js';
import { isoCalendarDate } from './iso-calendar.js';
import { nowFields, realArg } from './now.js';
import { PyClassType } from '../class-type.js';
import { fieldKeywords, intField, isoField, requiredField, PyDate, PyDateTime, PyTimedelta, strArg } from './values.js';

const date = (d: ReturnType<typeof makeDate>) => new PyDate(d);
const DATE_FIELDS = ['year', 'month', 'day'];

export const DATE_TYPE = new PyClassType('datetime.date', (a, kw) => {
  // the C format "iii" has no name: its errors say 'function'
  // none required of bind: each is converted before the next is found missing, and all before an unknown keyword
  const known = fieldKeywords(kw, DATE_FIELDS);
  const [year, month, day] = bind('', a, known, DATE_FIELDS);
  const fields = [requiredField(year, 'year', 1), requiredField(month, 'month', 2), requiredField(day, 'day', 3)] as const;
  if (known !== kw) bind('', a, kw, DATE_FIELDS);
  return date(makeDate(...fields));
});

/** fromordinal(ordinal) of date and datetime, positional only ("i:fromordinal"): the date. */
export const ordinalArgs = (a: Py[], kw: Map<string, Py> | null): DateRec => fromOrdinal(intField(positional('fromordinal', a, kw, 1)[0]));

/** fromisocalendar(year, week, day) of date and datetime: the date. */
export function isoCalendarArgs(a: Py[], kw: Map<string, Py> | null): DateRec {
  // "iii:fromisocalendar"
  const [year, week, day] = bindParsed('fromisocalendar', a, kw, ['year', 'week', 'day'], 3, isoField) as number[];
  return fromIsoCalendar(year, week, day);
}

// meth_get__qualname__ of one bound to date (a subclass reaches them through moduleBases.classAttr)
const classMethod = (name: string, f: (a: Py[], kw: Map<string, Py> | null) => Py) => noteDescriptor(new PyFunc(name, f, 'method'), `date.${name}`);
DATE_TYPE.attrs
  .set('today', classMethod('today', (a, kw) => (noArgs('today', a, kw, 'date'), date(nowFields(null)))))
  .set('fromisoformat', classMethod('fromisoformat', (a, kw) => date(dateFromIsoformat(one('fromisoformat', a, kw, 'date')))))
  .set('fromordinal', classMethod('fromordinal', (a, kw) => date(ordinalArgs(a, kw))))
  .set('fromisocalendar', classMethod('fromisocalendar', (a, kw) => date(isoCalendarArgs(a, kw))))
  .set('fromtimestamp', classMethod('fromtimestamp', (a, kw) => date(dateFromTimestamp(realArg(one('fromtimestamp', a, kw, 'date'))))))
  .set('min', date(makeDate(1, 1, 1)))
  .set('max', date(makeDate(9999, 12, 31)))
  .set('resolution', new PyTimedelta({ days: 1, seconds: 0, microseconds: 0 }));

type Fields = (v: any) => Parameters<typeof datetimeStrftime>[0];

/**
 * __format__(spec), a non-empty one, and strftime: shared by date, time and datetime. A
 * datetime's (`aware`) makes its timetuple first, asking dst(), and hands itself to its zone.
 */
export const strftimeOf = (fields: Fields, aware = false) => (v: any, spec: string): string => {
  const dt = fields(v);
  return aware ? datetimeStrftime(dt, spec, timetuple(dt, v), v) : datetimeStrftime(dt, spec);
};

/** strftime(format). */
export const strftimeMethod = (fields: Fields, aware = false): Method => {
  const format = strftimeOf(fields, aware);
  return (v, a, kw) => format(v, strArg('strftime', bind('strftime', a, kw, ['format'], 1)[0]));
};

const METHODS = checkedMethods('date', new Map<string, Method>([
  ['weekday', (v: PyDate) => weekday(v.d)],
  ['isoweekday', (v: PyDate) => isoWeekday(v.d)],
  ['isoformat', (v: PyDate) => dateIsoformat(v.d)],
  ['ctime', (v: PyDate) => ctime(v.d)],
  ['toordinal', (v: PyDate) => toOrdinal(v.d)],
  ['isocalendar', (v: PyDate) => isoCalendarDate(v.d)],
  ['timetuple', (v: PyDate) => structTime(timetuple({ ...v.d, hour: 0, minute: 0, second: 0, microsecond: 0, tz: null, fold: 0 }), false)],
  ['strftime', strftimeMethod((v: PyDate) => ({ ...v.d, hour: 0, minute: 0, second: 0, microsecond: 0, tz: null, fold: 0 }))],
  ['replace', (v: PyDate, a, kw) => {
    const [year, month, day] = bind('replace', a, kw, ['year', 'month', 'day']);
    return date(replaceDate(v.d, { year: intField(year, v.d.year), month: intField(month, v.d.month), day: intField(day, v.d.day) }));
  }],
]), { weekday: 'none', isoweekday: 'none', isoformat: 'none', ctime: 'none', toordinal: 'none', isocalendar: 'none', timetuple: 'none', strftime: 'own', replace: 'own' });

function add(a: Py, b: Py): Py {
  const [d, delta] = a instanceof PyDate ? [a, b] : [b, a];
  return delta instanceof PyTimedelta ? date(dateAddDays(d.d, delta.d.days)) : NOT_IMPLEMENTED;
}

function subtract(a: Py, b: Py): Py {
  if (!(a instanceof PyDate)) return NOT_IMPLEMENTED;
  if (b instanceof PyTimedelta) return date(dateAddDays(a.d, -b.d.days));
  if (b instanceof PyDate) return new PyTimedelta(subDates(a.d, b.d));
  return NOT_IMPLEMENTED;
}

/**
 * Whether a datetime's comparison goes before a date's, as CPython's reflected-first rule has it
 * when b's type is a subclass of a's (a datetime and a date), and refuses. Otherwise (a subclass of
 * date against one of datetime) 3.11's date_richcompare takes the datetime as its date.
 */
function datetimeFirst(a: PyDate, b: PyDateTime): boolean {
  // a datetime subclass's hooked instance (base-dunders.ts) whose turn came first asked its class's method, not datetime_richcompare
  if ((b as { hooks?: boolean }).hooks === true) return false;
  const type = (v: Py) => typeOf(v).classOf?.(v) ?? typeOf(v).type!;
  return type(b).isSubclassOf(type(a));
}

const dateOf = (v: PyDate | PyDateTime): DateRec => (v instanceof PyDate ? v.d : v.dt);

export const DATE: PyTypeSlots<PyDate> = {
  name: () => 'datetime.date',
  type: DATE_TYPE,
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => dateRepr(v.d),
  str: (v) => dateIsoformat(v.d),
  hash: (v) => dateHash(v.d),
  key: (v) => `\u0000date ${toOrdinal(v.d)}`,
  eq: (a, b) => (b instanceof PyDate || (b instanceof PyDateTime && !datetimeFirst(a, b)) ? toOrdinal(a.d) === toOrdinal(dateOf(b)) : NOT_IMPLEMENTED),
  compare(a, b) {
    // a datetime is a date in CPython, but refuses to be ordered as one (datetime_richcompare, which names the types)
    if (b instanceof PyDateTime && datetimeFirst(a, b)) throw typeErr(`can't compare ${typeName(b)} to ${typeName(a)}`);
    return b instanceof PyDate || b instanceof PyDateTime ? Math.sign(toOrdinal(a.d) - toOrdinal(dateOf(b))) : NOT_IMPLEMENTED;
  },
  nb: { add, subtract },
  // the class's attributes through an instance too: date(2024, 1, 1).max, d.today()
  getattr: (v, name) => (name === 'year' ? v.d.year : name === 'month' ? v.d.month : name === 'day' ? v.d.day : DATE_TYPE.attrs.get(name)),
  // __format__: strftime of the spec
  format: strftimeOf((v: PyDate) => ({ ...v.d, hour: 0, minute: 0, second: 0, microsecond: 0, tz: null, fold: 0 })),
  methods: METHODS,
};

registerType(PyDate, DATE);
// its methods through the type, unbound: datetime.date.isoformat(d), super().isoformat(d) in a subclass's classmethod
registerTypeObject('datetime.date', DATE);

