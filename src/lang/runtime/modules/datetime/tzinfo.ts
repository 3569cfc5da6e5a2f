/**
 * datetime.tzinfo: the abstract base of time zones. Its instances (a bare tzinfo(), or a
 * condition's subclass's, tzinfo-subclass.ts) are a value's zone as a UserZone, whose
 * utcoffset, dst and tzname are asked as Python calls; its own methods are CPython's
 * (tzinfo_nogo, tzinfo_fromutc).
 */
import { checkedMethods } from '../../arity.js';
import { addDelta } from '../../datetime/datetime.js';
import { isZero, sub } from '../../datetime/timedelta.js';
import { askZone, dstOf, offsetOf, UserZone, type Zone, type ZoneMethod } from '../../datetime/zone.js';
import { tzName, type Tz } from '../../datetime/timezone.js';
import { NotImplementedError, pyErr, typeErr, valueErr } from '../../exceptions.js';
import type { Method, PyTypeSlots } from '../../types/protocol.js';
import { registerType } from '../../types/table.js';
import { typeName, type Py } from '../../values.js';
import { PyClassType } from '../class-type.js';
import { PyDateTime, PyTimedelta, PyTimezone, tzObject } from './values.js';

/** A bare `tzinfo()`: it answers none of the questions. */
export class PyTzinfo {}

// tzinfo's tp_new (PyType_GenericNew) takes any arguments, and object_init lets them by
export const TZINFO_TYPE = new PyClassType('datetime.tzinfo', () => new PyTzinfo());

/** Whether v is an instance of a condition's class deriving from tzinfo: set by tzinfo-subclass.ts, above the class machinery. */
let isSubclassInstance: (v: Py) => boolean = () => false;

export function setTzinfoInstances(f: (v: Py) => boolean): void {
  isSubclassInstance = f;
}

/** Whether v is a tzinfo: a bare one, or an instance of a class deriving from it. */
export const isTzinfo = (v: Py): boolean => v instanceof PyTzinfo || isSubclassInstance(v);

/** One UserZone per tzinfo object, so that the kernel's `a.tz === b.tz` is `a.tzinfo is b.tzinfo`. */
const zones = new WeakMap<object, UserZone>();

/** tzinfo=: None, a timezone, or any other tzinfo (check_tzinfo_subclass). */
export function tzArg(v: Py): Zone | null {
  if (v === undefined || v === null) return null;
  if (v instanceof PyTimezone) return v.tz;
  if (isTzinfo(v)) {
    const obj = v as object;
    let z = zones.get(obj);
    if (z === undefined) zones.set(obj, (z = new UserZone(obj)));
    return z;
  }
  throw typeErr(`tzinfo argument must be None or of a tzinfo subclass, not type '${typeName(v)}'`);
}

export const tzValue = (tz: Zone | null): Py => (tz === null ? null : tz instanceof UserZone ? (tz.obj as Py) : tzObject(tz as Tz));

/** utcoffset(), dst() and tzname() of a datetime or time: a timezone's (its dst is None), or the tzinfo's answer, checked, as it gave it. */
export function zoneAnswer(tz: Zone | null, method: ZoneMethod, arg: unknown): Py {
  if (tz === null) return null;
  if (tz instanceof UserZone) return askZone(tz, method, arg) as Py;
  return method === 'utcoffset' ? new PyTimedelta(tz.offset) : method === 'dst' ? null : tzName(tz);
}

const nogo = (name: string): Method => () => {
  throw pyErr(NotImplementedError, `a tzinfo subclass must implement ${name}()`);
};

/**
 * tzinfo.fromutc(dt), the default: dt's wall clock moved by its standard offset
 * (utcoffset() - dst()), then by the dst() of the result.
 */
export function fromutc(self: Py, dt: Py): Py {
  if (!(dt instanceof PyDateTime)) throw typeErr('fromutc: argument must be a datetime');
  const zone = dt.dt.tz;
  if (!(zone instanceof UserZone) || zone.obj !== self) throw valueErr('fromutc: dt.tzinfo is not self');
  const off = offsetOf(zone, dt);
  if (off === null) throw valueErr('fromutc: non-None utcoffset() result required');
  const dst = dstOf(zone, dt);
  if (dst === null) throw valueErr('fromutc: non-None dst() result required');
  const result = new PyDateTime(addDelta(dt.dt, sub(off, dst)));
  const dst2 = dstOf(zone, result);
  if (dst2 === null) throw valueErr('fromutc: tz.dst() gave inconsistent results; cannot convert');
  return isZero(dst2) ? result : new PyDateTime(addDelta(result.dt, dst2));
}

/** tzinfo's methods, on a bare tzinfo and (tzinfo-subclass.ts) on a subclass's instance that does not define its own. */
export const TZINFO_METHODS = checkedMethods('tzinfo', new Map<string, Method>([
  ['utcoffset', nogo('utcoffset')],
  ['dst', nogo('dst')],
  ['tzname', nogo('tzname')],
  ['fromutc', (v, [dt]: Py[]) => fromutc(v, dt)],
]), { utcoffset: 'one', dst: 'one', tzname: 'one', fromutc: 'one' });

const TZINFO: PyTypeSlots<PyTzinfo> = {
  name: () => 'datetime.tzinfo',
  type: TZINFO_TYPE,
  truthy: () => true,
  len: null,
  iter: null,
  repr: () => '<datetime.tzinfo object>',
  methods: TZINFO_METHODS,
};

registerType(PyTzinfo, TZINFO);
