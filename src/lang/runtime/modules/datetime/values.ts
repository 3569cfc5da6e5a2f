/**
 * The datetime module's values: the kernel's records (runtime/datetime/) wrapped in one
 * class per Python type, so that the type registry finds each one's slots by its class.
 */
import type { DateRec } from '../../datetime/calendar.js';
import type { DateTime, TimeOfDay } from '../../datetime/datetime.js';
import type { Delta } from '../../datetime/timedelta.js';
import { UTC, type Tz } from '../../datetime/timezone.js';
import { intArg } from '../../args.js';
import { OverflowError, pyErr, typeErr, ValueError } from '../../exceptions.js';
import { PyException, PyStrBox, argTypeName, type Py } from '../../values.js';

export class PyTimedelta {
  constructor(readonly d: Delta) {}
}

export class PyDate {
  constructor(readonly d: DateRec) {}
}

export class PyTime {
  /** utcoffset() as hash() asked it of a tzinfo's, once per value, as CPython caches the hash (hash.ts). */
  hashOffset: Delta | null | undefined = undefined;
  constructor(readonly t: TimeOfDay) {}
}

export class PyDateTime {
  /** utcoffset() as hash() asked it of a tzinfo's, once per value, as CPython caches the hash (hash.ts). */
  hashOffset: Delta | null | undefined = undefined;
  constructor(readonly dt: DateTime) {}
}

export class PyTimezone {
  constructor(readonly tz: Tz) {}
}

/**
 * A required int field of a constructor's "iii" format: vgetargskeywords converts each argument
 * as it reaches it, so date('a') fails on the 'a' before it finds no month.
 */
export function requiredField(v: Py, name: string, pos: number): number {
  if (v === undefined) throw typeErr(`function missing required argument '${name}' (pos ${pos})`);
  return intField(v);
}

/**
 * A constructor's keywords of its fields alone: vgetargskeywords converts every field before it
 * finds an unknown keyword, so `date(zz=1)` is about the missing year. The caller binds the whole
 * keywords again (for that keyword's error) once the fields are converted, where this differs.
 */
export function fieldKeywords(kw: Map<string, Py> | null, fields: readonly string[]): Map<string, Py> | null {
  if (kw === null || [...kw.keys()].every((k) => fields.includes(k))) return kw;
  return new Map([...kw].filter(([k]) => fields.includes(k)));
}

/** An int field (year, hour, ...): __index__, then a C long, then a C int, as CPython's "i" format reads it, in its words. */
export function intField(v: Py, dflt = 0): number {
  if (v === undefined) return dflt;
  const n = intArg(v);
  if (typeof n === 'bigint' && (n > 0x7fffffffffffffffn || n < -0x8000000000000000n)) throw pyErr(OverflowError, 'Python int too large to convert to C long');
  if (n > 0x7fffffff) throw pyErr(OverflowError, 'signed integer is greater than maximum');
  if (n < -0x80000000) throw pyErr(OverflowError, 'signed integer is less than minimum');
  return Number(n);
}

/** The "iii" of fromisocalendar: any OverflowError of its fields is its ValueError. */
export function isoField(v: Py): number {
  try {
    return intField(v);
  } catch (e) {
    if (e instanceof PyException && e.type === OverflowError) throw pyErr(ValueError, 'ISO calendar component out of range');
    throw e;
  }
}

/** timezone.utc is one object, as CPython's singleton: `timezone(timedelta(0)) is timezone.utc`. */
const UTC_OBJECT = new PyTimezone(UTC);
/** And each other zone one object too, so that `datetime(..., tzinfo=tz).tzinfo is tz`, as CPython keeps the tzinfo it was given. */
const TZ_OBJECTS = new WeakMap<Tz, PyTimezone>();
export function tzObject(tz: Tz): PyTimezone {
  if (tz === UTC) return UTC_OBJECT;
  let obj = TZ_OBJECTS.get(tz);
  if (obj === undefined) TZ_OBJECTS.set(tz, (obj = new PyTimezone(tz)));
  return obj;
}

/** A str argument of a method, in CPython's words for the wrong type. */
export function strArg(fname: string, v: Py, position = 1): string {
  // a str subclass's instance is taken as its str, as PyUnicode_Check has it
  if (v instanceof PyStrBox) v = v.value;
  if (typeof v !== 'string') throw typeErr(`${fname}() argument ${position} must be str, not ${argTypeName(v)}`);
  return v;
}
