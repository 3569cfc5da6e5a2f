/**
 * A condition's subclasses of datetime.tzinfo: plain classes (their instances are plain, with
 * tzinfo's methods after the class's own), whose instances are a datetime's or time's zone.
 * The kernel asks their utcoffset, dst, tzname and fromutc through here, as Python calls paid
 * from the run's budget, and checks the answers as call_tzinfo_method and call_tzname do.
 */
import { getattr } from './attributes.js';
import { callValue } from './call.js';
import { classOfInstance } from './classes.js';
import { PyInstance } from './class-values.js';
import type { DateTime } from './datetime/datetime.js';
import { setZoneCalls, type UserZone } from './datetime/zone.js';
import { pyErr, typeErr, ValueError } from './exceptions.js';
import { setTzinfoInstances, TZINFO_METHODS, TZINFO_TYPE } from './modules/datetime/tzinfo.js';
import { PyDateTime, PyTimedelta } from './modules/datetime/values.js';
import { repr } from './repr.js';
import { PyFunc, PyStrBox, typeName, type Py, type PyType } from './values.js';

/** What the zone's method is given: None, the value itself, or a record the kernel made (a copy with the other fold, a result), as a datetime. */
const argValue = (arg: unknown): Py => (arg === null || arg instanceof PyDateTime ? arg : new PyDateTime(arg as DateTime));

const call = (z: UserZone, name: string, args: Py[]): Py => callValue(getattr(z.obj as Py, name), args, null);

/** utcoffset() and dst(): None, or a timedelta strictly within a day. */
function offsetAnswer(name: string, r: Py): Py {
  if (r === null) return null;
  if (!(r instanceof PyTimedelta)) throw typeErr(`tzinfo.${name}() must return None or timedelta, not '${typeName(r)}'`);
  const { days, seconds, microseconds } = r.d;
  if ((days === -1 && seconds === 0 && microseconds < 1) || days < -1 || days >= 1) {
    throw pyErr(ValueError, 'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).');
  }
  return r;
}

/** tzname(): None, or a str (a str subclass's instance too, as PyUnicode_Check has it). */
function nameAnswer(r: Py): Py {
  if (r === null || typeof r === 'string' || r instanceof PyStrBox) return r;
  throw typeErr(`tzinfo.tzname() must return None or a string, not '${typeName(r)}'`);
}

setZoneCalls({
  ask(z, method, arg) {
    const r = call(z, method, [argValue(arg)]);
    return method === 'tzname' ? nameAnswer(r) : offsetAnswer(method, r);
  },
  delta: (v) => (v as PyTimedelta).d,
  text: (v) => (v instanceof PyStrBox ? v.value : (v as string)),
  repr: (z) => repr(z.obj as Py),
  fromutc: (z, dt) => call(z, 'fromutc', [new PyDateTime(dt)]),
});

setTzinfoInstances((v) => classOfInstance(v)?.isSubclassOf(TZINFO_TYPE) === true);

export const isTzinfoBase = (t: PyType): boolean => t === TZINFO_TYPE;

/** tzinfo's method `name` bound to an instance of a class deriving from it (which defines no such attribute), or undefined. */
export function tzinfoMethod(v: Py, name: string): Py | undefined {
  if (!(v instanceof PyInstance) || !v.cls.isSubclassOf(TZINFO_TYPE)) return undefined;
  const m = TZINFO_METHODS.get(name);
  return m === undefined ? undefined : new PyFunc(name, (args, kw) => m(v, args, kw), 'method');
}
