/** The time module: the clock (time, time_ns, monotonic) and struct_time (gmtime, localtime, mktime, strptime, strftime) on the kernel. */
import { bind, clinic, noArgs, positional } from '../args.js';
import { checkSize } from '../budget.js';
import { monotonicNanos } from '../datetime/clock.js';
import type { Tm } from '../datetime/strftime.js';
import { gmtime, structTimeFields, time, timeNs, timeStrftime, timeStrptime } from '../datetime/time-module.js';
import { OverflowError, pyErr, typeErr, valueErr } from '../exceptions.js';
import { norm } from '../int/index.js';
import { isIterable, toList } from '../iteration.js';
import { TUPLE_METHODS } from '../methods-list.js';
import { TYPE } from '../types/callable.js';
import { TUPLE } from '../types/tuple.js';
import type { PyTypeSlots } from '../types/protocol.js';
import { registerType } from '../types/table.js';
import { bindArgs, positionalSignature } from '../signature.js';
import { PyDict, PyFloat, PyFunc, PyIntBox, PyModule, PyRange, PyStrBox, PyTuple, PyType, typeName, type NativeFn, type Py } from '../values.js';
import { TUPLE as TUPLE_TYPE } from '../builtins.js';
import { realArg } from './datetime/now.js';

/**
 * time.struct_time: a tuple of its nine visible fields, with their names, and tm_zone and
 * tm_gmtoff as attributes only. A structseq: its fields hold any value it was made from.
 */
export class PyStructTime extends PyTuple {
  constructor(items: Py[], readonly zone: Py, readonly gmtoff: Py) {
    super(items);
  }
}

/** A struct_time of the kernel's fields; `zoned` keeps its zone and offset (gmtime), else they are None, as for a 9-tuple (timetuple()). */
export function structTime(tm: Tm, zoned: boolean): PyStructTime {
  return new PyStructTime(structTimeFields(tm), zoned ? tm.zone : null, zoned ? tm.gmtoff : null);
}

const NAMES = ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst'];

/** struct_time's type, for its class attributes (COUNTS). */
class StructTimeType extends PyType {}

/** structseq_new: struct_time(sequence, dict=None), 9 to 11 items, the hidden ones also from dict. */
const STRUCT_TIME_TYPE = new StructTimeType('time.struct_time', (a, k) => {
  const [seq, dict] = bind('structseq', a, k, ['sequence', 'dict'], 1);
  if (!isIterable(seq)) throw typeErr('constructor requires a sequence');
  // a long range is not made a list just to be found too long, but one past the size limit could not be made
  if (seq instanceof PyRange && seq.length > 11) {
    checkSize(seq.length);
    throw typeErr(`time.struct_time() takes an at most 11-sequence (${seq.length}-sequence given)`);
  }
  const items = toList(seq);
  if (dict !== undefined && !(dict instanceof PyDict)) throw typeErr('time.struct_time() takes a dict as second arg, if any');
  if (items.length < 9) throw typeErr(`time.struct_time() takes an at least 9-sequence (${items.length}-sequence given)`);
  if (items.length > 11) throw typeErr(`time.struct_time() takes an at most 11-sequence (${items.length}-sequence given)`);
  const hidden = (i: number, name: string): Py => (i < items.length ? items[i] : dict instanceof PyDict ? (dict.get(name) ?? null) : null);
  return new PyStructTime(items.slice(0, 9), hidden(9, 'tm_zone'), hidden(10, 'tm_gmtoff'));
}, TUPLE_TYPE);

/** structseq's class attributes, read through an instance too. */
const COUNTS = new Map([['n_fields', 11], ['n_sequence_fields', 9], ['n_unnamed_fields', 0]]);

registerType(StructTimeType, { ...TYPE, getattr: (_t, name) => COUNTS.get(name) });

const STRUCT_TIME: PyTypeSlots<PyStructTime> = {
  ...TUPLE,
  name: () => 'time.struct_time',
  type: STRUCT_TIME_TYPE,
  repr: (v, item) => `time.struct_time(${NAMES.map((n, i) => `${n}=${item(v.items[i])}`).join(', ')})`,
  getattr(v, name) {
    const i = NAMES.indexOf(name);
    if (i >= 0) return v.items[i];
    if (name === 'tm_zone') return v.zone;
    if (name === 'tm_gmtoff') return v.gmtoff;
    return COUNTS.get(name);
  },
  methods: TUPLE_METHODS,
};
registerType(PyStructTime, STRUCT_TIME);

/** PyLong_AsLong: a C long. */
function cLong(x: Py): number {
  // an int subclass's instance (re's flags too) is taken as its int, as PyLong_Check has it
  if (x instanceof PyIntBox) x = x.value;
  if (typeof x === 'boolean') return Number(x);
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') {
    if (x >= -(1n << 63n) && x < 1n << 63n) return Number(x);
    throw pyErr(OverflowError, 'Python int too large to convert to C long');
  }
  throw typeErr(`'${typeName(x)}' object cannot be interpreted as an integer`);
}

/** PyArg_ParseTuple's "i": a C long, then within a C int. */
function cInt(x: Py): number {
  const n = cLong(x);
  if (n > 0x7fffffff) throw pyErr(OverflowError, 'signed integer is greater than maximum');
  if (n < -0x80000000) throw pyErr(OverflowError, 'signed integer is less than minimum');
  return n;
}

/** gettmarg (Modules/timemodule.c): a struct_time or a 9-tuple of C ints, a struct_time's zone and offset too; no range checked. */
function tmFields(v: Py, fname: string): { f: number[]; zone: string; gmtoff: number } {
  if (!(v instanceof PyTuple)) throw typeErr('Tuple or struct_time argument required');
  if (v.items.length !== 9) throw typeErr(`${fname}(): illegal time tuple argument`);
  const f = v.items.map(cInt);
  // a struct_time's tm_zone and tm_gmtoff, where not None
  const zone = v instanceof PyStructTime && v.zone !== null ? v.zone : '';
  if (typeof zone !== 'string') throw typeErr('bad argument type for built-in operation');
  const gmtoff = v instanceof PyStructTime && v.gmtoff !== null ? cLong(v.gmtoff) : 0;
  // tm_year is year - 1900, a C int too
  if (f[0] < -0x80000000 + 1900) throw pyErr(OverflowError, 'year out of range');
  return { f, zone, gmtoff };
}

/** gettmarg and checktm: the fields in range. */
function tmArg(v: Py): Tm {
  const { f, zone, gmtoff } = tmFields(v, 'strftime');
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
  return { year, mon, mday, hour, min, sec, wday: (((wday + 1) % 7) + 6) % 7, yday, isdst: Math.max(-1, Math.min(1, isdst)), zone, gmtoff };
}

const floorDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : -((-a + b - 1n) / b));

/** Days from 1970-01-01 to the first of a month (Hinnant's days_from_civil), for a year of any size. */
function daysFromCivil(y: bigint, m: bigint): bigint {
  if (m <= 2n) y -= 1n;
  const era = floorDiv(y, 400n);
  const yoe = y - era * 400n;
  const doy = (153n * ((m + 9n) % 12n) + 2n) / 5n;
  return era * 146097n + yoe * 365n + yoe / 4n - yoe / 100n + doy - 719468n;
}

/** The year of a day since 1970-01-01 (Hinnant's civil_from_days). */
function yearOfDay(days: bigint): bigint {
  const z = days + 719468n;
  const era = floorDiv(z, 146097n);
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  return yoe + era * 400n + (mp >= 10n ? 1n : 0n);
}

/**
 * time.mktime(t) where local time is UTC: glibc's mktime, which normalises every field (month
 * 13, second -1), ignores tm_wday and tm_yday, and for a tm_isdst above 0 in a zone with no
 * summer time takes the hour summer time would add; a year past a C int is its error.
 */
function mktime(v: Py): number {
  const [year, mon, mday, hour, min, sec, , , isdst] = tmFields(v, 'mktime').f.map(BigInt);
  const y = BigInt(year) + floorDiv(mon - 1n, 12n);
  const m = mon - 1n - floorDiv(mon - 1n, 12n) * 12n + 1n;
  const t = (daysFromCivil(y, m) + mday - 1n) * 86400n + hour * 3600n + min * 60n + sec - (isdst > 0n ? 3600n : 0n);
  const tmYear = yearOfDay(floorDiv(t, 86400n)) - 1900n;
  if (tmYear < -(1n << 31n) || tmYear >= 1n << 31n) throw pyErr(OverflowError, 'mktime argument out of range');
  return Number(t);
}

// METH_O: "time.mktime() takes exactly one argument (0 given)"
const MKTIME = positionalSignature('mktime', 'one', 1, 1, 'time');

const fn = (name: string, f: NativeFn): [string, PyFunc] => [name, new PyFunc(name, f)];

export const TIME_MODULE = new PyModule(
  'time',
  new Map<string, Py>([
    // METH_NOARGS, and METH_VARARGS for the others: "time.time() takes no arguments (1 given)", "gmtime() takes at most 1 argument (2 given)"
    fn('time', (a, k) => (noArgs('time', a, k, 'time'), new PyFloat(time()))),
    fn('time_ns', (a, k) => (noArgs('time_ns', a, k, 'time'), norm(timeNs()))),
    fn('monotonic', (a, k) => (noArgs('monotonic', a, k, 'time'), new PyFloat(Number(monotonicNanos()) / 1e9))),
    fn('gmtime', (a, k) => {
      const [secs = null] = positional('gmtime', a, k, 0, 1);
      return structTime(gmtime(secs === null ? undefined : realArg(secs)), true);
    }),
    // the server's local time is UTC: gmtime's fields, with the zone's name as localtime gives it
    fn('localtime', (a, k) => {
      const [secs = null] = positional('localtime', a, k, 0, 1);
      return structTime({ ...gmtime(secs === null ? undefined : realArg(secs)), zone: 'UTC' }, true);
    }),
    fn('mktime', (a, k) => new PyFloat(mktime(bindArgs(MKTIME, a, k)[0]))),
    fn('strptime', (a, k) => {
      // a str subclass's instance is read as its str
      const [s, format] = clinic('strptime', a, k, 1, 2).map((x) => (x instanceof PyStrBox ? x.value : x));
      // a zone or offset the format did not parse is None
      const tm = timeStrptime(s, format);
      return new PyStructTime(structTimeFields(tm), tm.parsedZone, tm.parsedGmtoff);
    }),
    fn('strftime', (a, k) => {
      let [format, t] = positional('strftime', a, k, 1, 2);
      // a str subclass's instance is taken as its str, as PyUnicode_Check has it
      if (format instanceof PyStrBox) format = format.value;
      if (typeof format !== 'string') throw typeErr(`strftime() argument 1 must be str, not ${typeName(format)}`);
      return timeStrftime(format, t === undefined ? gmtime() : tmArg(t));
    }),
    ['struct_time', STRUCT_TIME_TYPE],
    // the local zone is UTC (README, "Local time is UTC"): CPython's values under TZ=UTC
    ['timezone', 0],
    ['altzone', 0],
    ['daylight', 0],
    ['tzname', new PyTuple(['UTC', 'UTC'])],
  ]),
);
