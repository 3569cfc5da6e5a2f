/** datetime.timezone: a fixed offset, as the kernel's Tz. */
import { bind } from '../../args.js';
import { checkedMethods } from '../../arity.js';
import { typeErr, valueErr } from '../../exceptions.js';
import { addDelta } from '../../datetime/datetime.js';
import { toMicros } from '../../datetime/timedelta.js';
import { makeTimezone, timezoneRepr, tzName, UTC } from '../../datetime/timezone.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../../types/protocol.js';
import { registerType } from '../../types/table.js';
import { argTypeName, PyStrBox, typeName, type Py } from '../../values.js';
import { deltaHash } from './hash.js';
import { PyClassType } from '../class-type.js';
import { TZINFO_TYPE } from './tzinfo.js';
import { PyDateTime, PyTimedelta, PyTimezone, tzObject } from './values.js';

export const TIMEZONE_TYPE = new PyClassType('datetime.timezone', (a, kw) => {
  // PyArg_ParseTupleAndKeywords converts each argument before it looks for a wrong keyword
  if (a.length === 1 && (kw === null || kw.size <= 1) && !(a[0] instanceof PyTimedelta)) throw typeErr(`timezone() argument 1 must be datetime.timedelta, not ${typeName(a[0])}`);
  let [offset, name] = bind('timezone', a, kw, ['offset', 'name'], 1);
  if (!(offset instanceof PyTimedelta)) throw typeErr(`timezone() argument 1 must be datetime.timedelta, not ${typeName(offset)}`);
  // a str subclass's instance is taken as its str, as PyUnicode_Check has it
  if (name instanceof PyStrBox) name = name.value;
  // PyArg_Parse's converterr names None as None, not NoneType
  if (name !== undefined && typeof name !== 'string') throw typeErr(`timezone() argument 2 must be str, not ${argTypeName(name)}`);
  return tzObject(makeTimezone(offset.d, name ?? null));
}, TZINFO_TYPE);
TIMEZONE_TYPE.attrs.set('utc', tzObject(UTC));
TIMEZONE_TYPE.attrs.set('min', tzObject(makeTimezone({ days: -1, seconds: 60, microseconds: 0 })));
TIMEZONE_TYPE.attrs.set('max', tzObject(makeTimezone({ days: 0, seconds: 86340, microseconds: 0 })));

/** utcoffset(dt), tzname(dt), dst(dt): dt is None or a datetime. */
function dtArg(method: string, v: Py): void {
  if (v !== null && !(v instanceof PyDateTime)) throw typeErr(`${method}(dt) argument must be a datetime instance or None, not ${typeName(v)}`);
}

const METHODS = checkedMethods('timezone', new Map<string, Method>([
  ['utcoffset', (v: PyTimezone, [dt]: Py[]) => (dtArg('utcoffset', dt), new PyTimedelta(v.tz.offset))],
  ['tzname', (v: PyTimezone, [dt]: Py[]) => (dtArg('tzname', dt), tzName(v.tz))],
  ['dst', (_: PyTimezone, [dt]: Py[]) => (dtArg('dst', dt), null)],
  // timezone_fromutc: dt's wall clock moved by the offset; dt must be in this very zone
  ['fromutc', (v: PyTimezone, [dt]: Py[]) => {
    if (!(dt instanceof PyDateTime)) throw typeErr('fromutc: argument must be a datetime');
    if (dt.dt.tz !== v.tz) throw valueErr('fromutc: dt.tzinfo is not self');
    return new PyDateTime(addDelta(dt.dt, v.tz.offset));
  }],
]), { utcoffset: 'one', tzname: 'one', dst: 'one', fromutc: 'one' });

export const TIMEZONE: PyTypeSlots<PyTimezone> = {
  name: () => 'datetime.timezone',
  type: TIMEZONE_TYPE,
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => timezoneRepr(v.tz),
  // the class's attributes through an instance too: timezone.utc.max
  getattr: (_, name) => TIMEZONE_TYPE.attrs.get(name),
  str: (v) => tzName(v.tz),
  hash: (v) => deltaHash(v.tz.offset),
  key: (v) => `\u0000timezone ${toMicros(v.tz.offset)}`,
  // timezones are equal by their offsets alone (timezone_richcompare)
  eq: (a, b) => (b instanceof PyTimezone ? toMicros(a.tz.offset) === toMicros(b.tz.offset) : NOT_IMPLEMENTED),
  methods: METHODS,
};

registerType(PyTimezone, TIMEZONE);
