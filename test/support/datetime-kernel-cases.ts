/**
 * The datetime kernel's answers in the shape scripts/datetime-kernel-cases.py gives
 * CPython's: one string per case, "!Type: message" for an exception.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beginRun, endRun } from '../../src/lang/runtime/budget.js';
import { DEFAULT_LIMITS } from '../../src/lang/limits.js';
import { describeException, floatRepr, repr } from '../../src/lang/runtime/repr.js';
import { PyException, PyFloat, type Py } from '../../src/lang/runtime/values.js';
import { dayOfYear, fromIsoCalendar, fromOrdinal, isoCalendar, isoWeekday, toOrdinal, weekday } from '../../src/lang/runtime/datetime/calendar.js';
import { addDelta, astimezone, combine, compareDates, compareDateTimes, compareTimes, dateAddDays, makeDate, makeDateTime, makeTime, replaceDate, replaceDateTime, replaceTime, subDates, subDateTimes, subDelta, type CompareOp, type DateTime } from '../../src/lang/runtime/datetime/datetime.js';
import { dateFromIsoformat, datetimeFromIsoformat, timeFromIsoformat } from '../../src/lang/runtime/datetime/fromisoformat.js';
import { dateIsoformat, dateRepr, datetimeIsoformat, datetimeRepr, datetimeStr, timeIsoformat, timeRepr } from '../../src/lang/runtime/datetime/isoformat.js';
import { datetimeStrftime, glibcStrftime } from '../../src/lang/runtime/datetime/strftime.js';
import { strptimeDatetime } from '../../src/lang/runtime/datetime/strptime.js';
import * as td from '../../src/lang/runtime/datetime/timedelta.js';
import { gmtime, structTimeRepr, timeStrftime, timeStrptime } from '../../src/lang/runtime/datetime/time-module.js';
import { fromTimestamp, timestamp, utcFromTimestamp } from '../../src/lang/runtime/datetime/timestamp.js';
import { makeTimezone, timezoneRepr, tzName, type Tz } from '../../src/lang/runtime/datetime/timezone.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/datetime-kernel-cases.py', import.meta.url));

export interface KernelCase {
  op: string;
  args: unknown[];
}

/** A float argument (JSON cannot tell 1.0 from 1). */
export const F = (x: number) => ({ f: Number.isNaN(x) ? 'nan' : x === Infinity ? 'inf' : x === -Infinity ? '-inf' : x });
export type TzArg = [number, number, string | null] | null;
export const DT = (fields: number[], tz: TzArg = null) => ({ dt: fields, tz });

export function cpythonAnswers(cases: KernelCase[]): string[] {
  const input = cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
  const out = execFileSync('python3', [SCRIPT], { input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, PYTHONHASHSEED: '0', TZ: 'UTC' } });
  return out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

function val(v: any): Py {
  if (v !== null && typeof v === 'object' && 'f' in v) return new PyFloat(Number(v.f === 'inf' ? Infinity : v.f === '-inf' ? -Infinity : v.f === 'nan' ? NaN : v.f));
  return v;
}

function tz(t: TzArg): Tz | null {
  return t === null ? null : makeTimezone(td.makeDelta({ seconds: t[0], microseconds: t[1] }), t[2]);
}

function dt(v: any): DateTime {
  const f = v.dt as number[];
  return makeDateTime(f[0], f[1], f[2], f[3] ?? 0, f[4] ?? 0, f[5] ?? 0, f[6] ?? 0, tz(v.tz));
}

const delta = (kw: Record<string, unknown>) => td.makeDelta(Object.fromEntries(Object.entries(kw).map(([k, x]) => [k, val(x)])));

function each(...fs: (() => string)[]): string {
  return fs.map((f) => {
    try {
      return f();
    } catch (e) {
      // an OSError's text is worded from its fields (exception-fields.ts), not kept
      if (e instanceof PyException) return `!${describeException(e)}`;
      throw e;
    }
  }).join(' | ');
}

const pyBool = (b: boolean) => (b ? 'True' : 'False');

function deltaOp(a: td.Delta, op: string, bArg: any): string {
  const b = bArg !== null && typeof bArg === 'object' && !('f' in bArg) ? delta(bArg) : val(bArg);
  const isDelta = typeof b === 'object' && b !== null && 'days' in b;
  const isFloat = b instanceof PyFloat;
  switch (op) {
    case '+': return td.deltaRepr(td.add(a, b));
    case '-': return td.deltaRepr(td.sub(a, b));
    case '*': return td.deltaRepr(isFloat ? td.mulFloat(a, b.v) : td.mulInt(a, b));
    case '/': return isDelta ? floatRepr(td.divDelta(a, b)) : td.deltaRepr(isFloat ? td.divFloat(a, b.v) : td.divInt(a, b));
    case '//': return isDelta ? String(td.floorDivDelta(a, b)) : td.deltaRepr(td.floorDivInt(a, b));
    case '%': return td.deltaRepr(td.mod(a, b));
    case 'divmod': {
      const [q, r] = td.divmodDelta(a, b);
      return `(${q}, ${td.deltaRepr(r)})`;
    }
    case 'cmp': {
      const c = td.compare(a, b);
      return `(${[c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0].map(pyBool).join(', ')})`;
    }
    case 'neg': return `(${td.deltaRepr(td.neg(a))}, ${td.deltaRepr(td.abs(a))})`;
  }
  throw new Error(op);
}

const OPS_ORDER: CompareOp[] = ['==', '!=', '<', '<=', '>', '>='];

const OPS: Record<string, (...args: any[]) => string> = {
  date: (y, m, d) => {
    const x = makeDate(y, m, d);
    const iso = isoCalendar(x);
    return `${dateRepr(x)} ${dateIsoformat(x)} ${toOrdinal(x)} ${weekday(x)} ${isoWeekday(x)} (${iso.year}, ${iso.week}, ${iso.weekday}) ${dayOfYear(x)}`;
  },
  fromordinal: (n) => dateRepr(fromOrdinal(n)),
  fromisocalendar: (y, w, d) => dateRepr(fromIsoCalendar(y, w, d)),
  delta: (kw) => {
    const t = delta(kw);
    return `${td.deltaRepr(t)} ${td.deltaStr(t)} ${floatRepr(td.totalSeconds(t))}`;
  },
  delta_op: (a, op, b) => deltaOp(delta(a), op, b),
  dt_add: (a, kw) => each(() => datetimeRepr(addDelta(dt(a), delta(kw))), () => datetimeRepr(subDelta(dt(a), delta(kw)))),
  dt_sub: (a, b) => td.deltaRepr(subDateTimes(dt(a), dt(b))),
  dt_cmp: (a, b) => each(...OPS_ORDER.map((op) => () => pyBool(compareDateTimes(dt(a), dt(b), op)))),
  astimezone: (a, t) => datetimeRepr(astimezone(dt(a), tz(t))),
  isoformat: (a, sep, spec) => {
    const x = dt(a);
    return each(() => datetimeIsoformat(x, sep, spec), () => datetimeStr(x), () => datetimeRepr(x), () => timeRepr(x), () => timeIsoformat(x, spec), () => dateIsoformat(x));
  },
  fromiso: (kind, s) => (kind === 'date' ? dateRepr(dateFromIsoformat(s)) : kind === 'time' ? timeRepr(timeFromIsoformat(s)) : datetimeRepr(datetimeFromIsoformat(s))),
  strftime: (a, fmt) => pyStrRepr(datetimeStrftime(dt(a), fmt)),
  strptime: (s, fmt) => each(() => datetimeRepr(strptimeDatetime(s, fmt)), () => structTimeRepr(timeStrptime(s, fmt))),
  replace: (a, kw) => {
    const changes: Record<string, unknown> = { ...kw };
    if ('tzinfo' in kw) {
      changes.tz = tz(kw.tzinfo);
      delete changes.tzinfo;
    }
    return datetimeRepr(replaceDateTime(dt(a), changes));
  },
  replace_date: (ymd, kw) => dateRepr(replaceDate(makeDate(ymd[0], ymd[1], ymd[2]), kw)),
  replace_time: (hms, t, kw) => {
    const changes: Record<string, unknown> = { ...kw };
    if ('tzinfo' in kw) {
      changes.tz = tz(kw.tzinfo);
      delete changes.tzinfo;
    }
    return timeRepr(replaceTime(makeTime(hms[0], hms[1], hms[2], hms[3], tz(t)), changes));
  },
  combine: (ymd, hms, t) => datetimeRepr(combine(makeDate(ymd[0], ymd[1], ymd[2]), makeTime(hms[0], hms[1], hms[2], hms[3], tz(t)))),
  date_add: (ymd, days) => each(() => dateRepr(dateAddDays(makeDate(ymd[0], ymd[1], ymd[2]), days)), () => dateRepr(dateAddDays(makeDate(ymd[0], ymd[1], ymd[2]), -days))),
  date_sub: (a, b) => td.deltaRepr(subDates(makeDate(a[0], a[1], a[2]), makeDate(b[0], b[1], b[2]))),
  date_cmp: (a, b) => each(...OPS_ORDER.map((op) => () => pyBool(compareDates(makeDate(a[0], a[1], a[2]), makeDate(b[0], b[1], b[2]), op)))),
  time_cmp: (a, b) => {
    const time = ([[h, m, s, us], t]: [number[], TzArg]) => makeTime(h, m, s, us, tz(t));
    return each(...OPS_ORDER.map((op) => () => pyBool(compareTimes(time(a), time(b), op))));
  },
  time_strftime: (fmt, s, parse) => pyStrRepr(timeStrftime(fmt, timeStrptime(s, parse))),
  strptime_of_strftime: (a, fmt) => datetimeRepr(strptimeDatetime(datetimeStrftime(dt(a), fmt), fmt)),
  timestamp: (a) => floatRepr(timestamp(dt(a))),
  fromts: (ts, t) => each(() => datetimeRepr(fromTimestamp(val(ts), tz(t))), () => datetimeRepr(utcFromTimestamp(val(ts)))),
  gmtime: (secs) => {
    const g = gmtime(val(secs));
    return `${structTimeRepr(g)} ${pyStrRepr(glibcStrftime('%c|%Z|%z|%j|%U|%G', g))}`;
  },
  timezone: (t) => {
    const z = tz(t)!;
    return `${timezoneRepr(z)} ${tzName(z)}`;
  },
};

const pyStrRepr = (s: string) => repr(s);

/** The steps of a run as they are; its clock far away, so that a busy machine's pause does not change an answer. */
const LIMITS = { ...DEFAULT_LIMITS, maxMillis: 10_000 };

/** The kernel's answer, inside a run so that the budget is live. */
export function kernelAnswer(c: KernelCase): string {
  beginRun(LIMITS);
  try {
    return each(() => OPS[c.op](...c.args));
  } finally {
    endRun();
  }
}

/** Every case whose answer differs from CPython's. */
export function mismatches(cases: KernelCase[]): string[] {
  const want = cpythonAnswers(cases);
  return cases.flatMap((c, i) => {
    const got = kernelAnswer(c);
    // the evaluator's ints stop at 2**53: its documented OverflowError where CPython has a big int
    if (got.startsWith('!OverflowError: integer result out of the exact range') && /^-?\d{16,}$/.test(want[i])) return [];
    return got === want[i] ? [] : [`${JSON.stringify(c)}: got ${got}, CPython ${want[i]}`];
  });
}
