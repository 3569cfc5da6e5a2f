/**
 * Subclasses of datetime's date, datetime, time and timedelta: each instance is the module's own
 * value (a PyDate, a PyDateTime, ...) carrying its class, as builtin-subclass.ts's are, so that
 * every operator, comparison, key and method takes it as that type. Where CPython's C code makes
 * a value of the instance's class (date + timedelta, the class methods through the subclass,
 * astimezone), it calls the class with the fields, as new_date_subclass_ex and
 * new_datetime_subclass_fold_ex do, so that the class's __new__ and __init__ run; replace makes
 * one without calling it (date_new on the type); the rest answer the base type.
 */
import { callValue } from './call.js';
import { registerModuleBases } from './builtin-subclass.js';
import { instanceAttrOr, type PyClass } from './class-values.js';
import { bindAttr } from './descriptors.js';
import { typeErr, valueErr } from './exceptions.js';
import type { PyClassType } from './modules/class-type.js';
import { DATE, DATE_TYPE } from './modules/datetime/date.js';
import { DATETIME, DATETIME_TYPE } from './modules/datetime/datetime.js';
import { TIME, TIME_TYPE } from './modules/datetime/time.js';
import { TIMEDELTA, TIMEDELTA_TYPE } from './modules/datetime/timedelta.js';
import { tzValue } from './modules/datetime/tzinfo.js';
import { PyDate, PyDateTime, PyTime, PyTimedelta } from './modules/datetime/values.js';
import { UserZone } from './datetime/zone.js';
import { isTzinfoBase, tzinfoMethod } from './tzinfo-subclass.js';
import { subDelta, type DateTime, type TimeOfDay } from './datetime/datetime.js';
import type { DateRec } from './datetime/calendar.js';
import type { Delta } from './datetime/timedelta.js';
import type { BinarySlot, PyTypeSlots } from './types/protocol.js';
import { registerType, slotsOfClass } from './types/table.js';
import { hookedBaseSlots } from './base-dunders.js';
import { PyFunc, PyType, type Py } from './values.js';
import { stringResult } from './string-dunders.js';
import { withAttrHooks } from './attribute-hooks.js';
import { switchWhenHooked } from './late-hooks.js';

class PyDateInstance extends PyDate {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass, d: DateRec) {
    super(d);
  }
}

class PyDateTimeInstance extends PyDateTime {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass, dt: DateTime) {
    super(dt);
  }
}

class PyTimeInstance extends PyTime {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass, t: TimeOfDay) {
    super(t);
  }
}

class PyTimedeltaInstance extends PyTimedelta {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass, d: Delta) {
    super(d);
  }
}

/**
 * An instance whose class defines dunders the operators ask (__eq__, __add__, __len__, ...): a
 * hooked value, whose slots ask the class first (base-dunders.ts); `plain()` is its base's value.
 */
class PyHookedDate extends PyDateInstance {
  declare readonly hooks: true;
  plain(): PyDate {
    return new PyDate(this.d);
  }
}

class PyHookedDateTime extends PyDateTimeInstance {
  declare readonly hooks: true;
  plain(): PyDateTime {
    return new PyDateTime(this.dt);
  }
}

class PyHookedTime extends PyTimeInstance {
  declare readonly hooks: true;
  plain(): PyTime {
    return new PyTime(this.t);
  }
}

class PyHookedTimedelta extends PyTimedeltaInstance {
  declare readonly hooks: true;
  plain(): PyTimedelta {
    return new PyTimedelta(this.d);
  }
}

type DatetimeInstance = PyDateInstance | PyDateTimeInstance | PyTimeInstance | PyTimedeltaInstance;

const isDatetimeInstance = (v: Py): v is DatetimeInstance =>
  v instanceof PyDateInstance || v instanceof PyDateTimeInstance || v instanceof PyTimeInstance || v instanceof PyTimedeltaInstance;

/** The datetime types a class may subclass: timezone is final in CPython (classes.ts refuses it in its words). */
const BASES: ReadonlySet<PyType> = new Set([DATE_TYPE, DATETIME_TYPE, TIME_TYPE, TIMEDELTA_TYPE]);

/** A value of the base made an instance of cls as it is, without calling the class (date_new on a subtype): base.__new__(cls, ...) too. */
function wrap(cls: PyClass, v: Py): Py {
  const hooked = cls.valueHooks;
  if (v instanceof PyDateTime) return new (hooked ? PyHookedDateTime : PyDateTimeInstance)(cls, v.dt);
  if (v instanceof PyDate) return new (hooked ? PyHookedDate : PyDateInstance)(cls, v.d);
  if (v instanceof PyTime) return new (hooked ? PyHookedTime : PyTimeInstance)(cls, v.t);
  if (v instanceof PyTimedelta) return new (hooked ? PyHookedTimedelta : PyTimedeltaInstance)(cls, v.d);
  return v;
}

/**
 * cls called with a value's fields, as CPython calls a subclass: a date's three, a datetime's
 * eight (seven when `tz` is false, as _strptime's cls(*args)), a time's five. No fold: the paths
 * that call it make fold 0 (arithmetic, combine, fromutc; local time is UTC here).
 */
function viaClass(cls: PyClass, v: Py, tz = true): Py {
  if (v instanceof PyDateTime) {
    const dt = v.dt;
    const args: Py[] = [dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.microsecond];
    if (tz) args.push(tzValue(dt.tz));
    return callValue(cls, args, null);
  }
  if (v instanceof PyDate) return callValue(cls, [v.d.year, v.d.month, v.d.day], null);
  if (v instanceof PyTime) return callValue(cls, [v.t.hour, v.t.minute, v.t.second, v.t.microsecond, tzValue(v.t.tz)], null);
  return v;
}

/**
 * An aware datetime made in UTC, then by tz.fromutc: the class is called for each
 * (datetime_from_timet_and_us, astimezone), the second time the first answer's, which
 * timezone_fromutc checks first (its zone too, except after astimezone, which sets it).
 */
function viaUtc(cls: PyClass, made: PyDateTime, first: DateTime, zoneSet = false): Py {
  const utc = viaClass(cls, new PyDateTime(first));
  if (!(utc instanceof PyDateTime)) throw typeErr('fromutc: argument must be a datetime');
  if (!zoneSet && utc.dt.tz !== made.dt.tz) throw valueErr('fromutc: dt.tzinfo is not self');
  return utc instanceof PyDateTimeInstance ? viaClass(utc.cls, made) : new PyDateTime(made.dt);
}

/** The class methods whose datetime CPython makes from a date's three fields (new_date_subclass_ex). */
const DATE_FIELDS = new Set(['fromordinal', 'fromisocalendar']);

/** A class attribute of a datetime base, read through a subclass: its constants as they are, its class methods making the subclass's instances. */
function classAttr(cls: PyClass, base: PyType, name: string): Py | undefined {
  const attr = (base as PyClassType).attrs.get(name);
  if (!(attr instanceof PyFunc)) return attr;
  return new PyFunc(name, (args, kw) => {
    const r = callValue(attr, args, kw);
    if (!(r instanceof PyDate || r instanceof PyDateTime || r instanceof PyTime)) return r;
    if (r instanceof PyDateTime && DATE_FIELDS.has(name)) return viaClass(cls, new PyDate(r.dt));
    if (r instanceof PyDateTime && name === 'strptime') return viaClass(cls, r, r.dt.tz !== null);
    // now(tz) and fromtimestamp(ts, tz): the UTC time with tz, then tz.fromutc's (a tzinfo's fromutc answered as it did)
    const tz = r instanceof PyDateTime ? r.dt.tz : null;
    if (tz instanceof UserZone) return r;
    if (tz !== null && (name === 'now' || name === 'fromtimestamp')) return viaUtc(cls, r as PyDateTime, { ...subDelta((r as PyDateTime).dt, tz.offset), tz });
    return viaClass(cls, r);
  }, 'method');
}

/** A method of the base bound to the instance: replace keeps its class, astimezone calls it; the others answer the base's values. */
function baseMethod(v: DatetimeInstance, base: PyTypeSlots, name: string): Py | undefined {
  const m = base.methods?.get(name);
  if (m === undefined) {
    // a class attribute read through the instance is the one read through its class: d.today() makes the subclass's value
    if ((base.type as PyClassType | undefined)?.attrs?.has(name) === true) return classAttr(v.cls, base.type!, name);
    return base.getattr?.(v, name);
  }
  if (name === 'replace') return new PyFunc(name, (args, kw) => wrap(v.cls, m(v, args, kw)), 'method');
  if (name === 'astimezone' && v instanceof PyDateTimeInstance) {
    return new PyFunc(name, (args, kw) => {
      const r = m(v, args, kw);
      // to its own zone, itself (datetime_astimezone's NOP); from or to a tzinfo's, what its fromutc answered
      if (r instanceof PyDateTime && r.dt === v.dt) return v;
      const own = v.dt.tz;
      // to a tzinfo's, what its fromutc answered
      if (!(r instanceof PyDateTime) || r.dt.tz instanceof UserZone) return r;
      // from a tzinfo's, its UTC time read back from the answer, so that its utcoffset is asked once
      const first = own === null ? v.dt : own instanceof UserZone ? { ...subDelta(r.dt, r.dt.tz!.offset), tz: own } : { ...subDelta(v.dt, own.offset), tz: own };
      return viaUtc(v.cls, r, first, true);
    }, 'method');
  }
  return new PyFunc(name, (args, kw) => m(v, args, kw), 'method');
}

/** The class's own method `name`, called on v, or undefined where it has none. */
function own(v: DatetimeInstance, name: string, args: Py[]): Py | undefined {
  const fn = v.cls.lookup(name);
  return fn === undefined ? undefined : callValue(bindAttr(fn, v, v.cls, name), args, null);
}

/** The instance's class in place of the base's qualified name: date_repr and its kin print Py_TYPE(self)->tp_name. */
const baseRepr = (base: PyTypeSlots, v: DatetimeInstance): string => (base.repr!(v, () => '') as string).replace(/^datetime\.\w+/, v.cls.name);

/** date + timedelta and date - timedelta of a subclass's instance: the class called with the sum (date_add, datetime_add). */
function keepsClass(slot: BinarySlot | undefined, kind: typeof PyDate | typeof PyDateTime): BinarySlot {
  return (a, b) => {
    const r = slot!(a, b);
    if (!(r instanceof kind)) return r;
    const from = a instanceof kind ? a : b;
    return viaClass((from as DatetimeInstance).cls, r);
  };
}

function register<T extends DatetimeInstance>(cls: abstract new (...args: any[]) => T, base: PyTypeSlots<any>, isoformatArgs: Py[] | null): void {
  registerType(cls, {
    ...base,
    name: (v: T) => v.cls.name,
    classOf: (v: T) => v.cls,
    repr: (v: T) => {
      const s = own(v, '__repr__', []);
      return s === undefined ? baseRepr(base, v) : stringResult(s, '__repr__');
    },
    // date's, datetime's and time's str is the instance's isoformat(), its class's included (date_str)
    str: (v: T, repr, str) => {
      const s = own(v, '__str__', []) ?? (isoformatArgs === null ? undefined : own(v, 'isoformat', isoformatArgs));
      return s === undefined ? base.str!(v, repr, str) : stringResult(s, '__str__');
    },
    // a non-empty spec is the instance's strftime(spec), its class's included (date_format)
    format: base.format === undefined ? undefined : (v: T, spec: string) => {
      const s = spec === '' ? undefined : own(v, 'strftime', [spec]);
      return s === undefined ? base.format!(v, spec) : stringResult(s, 'strftime');
    },
    // a time has no arithmetic, a timedelta subclass's answers timedeltas
    nb: base !== DATE && base !== DATETIME ? base.nb : { ...base.nb, add: keepsClass(base.nb!.add, base === DATE ? PyDate : PyDateTime), subtract: keepsClass(base.nb!.subtract, base === DATE ? PyDate : PyDateTime) },
    // +td of a subclass's instance is a timedelta (timedelta_positive)
    unary: base === TIMEDELTA ? { ...base.unary, positive: (v: PyTimedelta) => new PyTimedelta(v.d) } : base.unary,
    methods: undefined,
    getattr: withAttrHooks((v: T, name: string) => instanceAttrOr(v, name, (v, name) => baseMethod(v, base, name))),
  } satisfies PyTypeSlots<T>);
}

const slotsOfBase = (v: DatetimeInstance): PyTypeSlots<any> =>
  v instanceof PyDateTimeInstance ? DATETIME : v instanceof PyDateInstance ? DATE : v instanceof PyTimeInstance ? TIME : TIMEDELTA;

/** Registered by the engine, once the builtin types are: builtin-subclass.ts and classes.ts, below this module, reach it through registerModuleBases. */
export function registerDatetimeSubclasses(): void {
  register(PyDateInstance, DATE, []);
  register(PyDateTimeInstance, DATETIME, [' ']);
  register(PyTimeInstance, TIME, []);
  register(PyTimedeltaInstance, TIMEDELTA, null);
  for (const [hooked, plain, kind] of [[PyHookedDate, PyDateInstance, 'date'], [PyHookedDateTime, PyDateTimeInstance, 'datetime'], [PyHookedTime, PyTimeInstance, 'time'], [PyHookedTimedelta, PyTimedeltaInstance, 'timedelta']] as const) {
    registerType(hooked, hookedBaseSlots(slotsOfClass(plain)!, kind));
    switchWhenHooked(plain, hooked);
  }
  registerModuleBases({
    isBase: (t) => BASES.has(t),
    isInstance: isDatetimeInstance,
    make: (base, cls, args, kw) => wrap(cls, base.fn(args, kw)),
    method: (v, name) => baseMethod(v as DatetimeInstance, slotsOfBase(v as DatetimeInstance), name),
    // base.__repr__ and base.__str__, as super() reaches them: the base's, whatever the class's isoformat
    repr: (v) => baseRepr(slotsOfBase(v as DatetimeInstance), v as DatetimeInstance),
    str: (v) => slotsOfBase(v as DatetimeInstance).str!(v, () => '', () => ''),
    classAttr,
    // their slots ask the class's dunders (base-dunders.ts)
    hookable: () => true,
    isPlainBase: isTzinfoBase,
    plainMethod: tzinfoMethod,
  });
}
