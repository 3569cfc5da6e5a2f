/**
 * timedelta as CPython stores it: days, seconds in 0..86399, microseconds in 0..999999,
 * |days| <= 999999999 (Modules/_datetimemodule.c: delta_new, delta_repr, delta_str and
 * the arithmetic, which works in exact microseconds).
 */
import { OverflowError, pyErr, TypeError_, ZeroDivisionError } from '../exceptions.js';
import { PyFloat, PyIntBox, typeName, type Py } from '../values.js';
import type { Int } from '../int/index.js';
import { divideNearest, divmod, floatToInt, integerRatio, ratioToDouble, toCInt, toInt } from './exact.js';

export interface Delta {
  readonly days: number;
  readonly seconds: number;
  readonly microseconds: number;
}

export const MAX_DELTA_DAYS = 999999999;
export const ZERO: Delta = { days: 0, seconds: 0, microseconds: 0 };
export const DELTA_MIN: Delta = { days: -MAX_DELTA_DAYS, seconds: 0, microseconds: 0 };
export const DELTA_MAX: Delta = { days: MAX_DELTA_DAYS, seconds: 86399, microseconds: 999999 };
export const RESOLUTION: Delta = { days: 0, seconds: 0, microseconds: 1 };

const US_PER_SECOND = 1000000n;
const US_PER_DAY = 86400000000n;

export function toMicros(d: Delta): bigint {
  return BigInt(d.days) * US_PER_DAY + BigInt(d.seconds) * US_PER_SECOND + BigInt(d.microseconds);
}

/** microseconds_to_delta: normalised, with CPython's OverflowErrors for too many days. */
export function fromMicros(us: bigint): Delta {
  const [s, micro] = divmod(us, US_PER_SECOND);
  const [d, sec] = divmod(s, 86400n);
  const days = toCInt(d);
  if (Math.abs(days) > MAX_DELTA_DAYS) throw pyErr(OverflowError, `days=${days}; must have magnitude <= ${MAX_DELTA_DAYS}`);
  return { days, seconds: Number(sec), microseconds: Number(micro) };
}

/** A Python int or float argument: bool is an int, as in CPython. */
export type Real = number | boolean | PyFloat;

export interface DeltaArgs {
  days?: Py;
  seconds?: Py;
  microseconds?: Py;
  milliseconds?: Py;
  minutes?: Py;
  hours?: Py;
  weeks?: Py;
}

/** delta_new's order of accumulation, with each unit in microseconds. */
const UNITS: [keyof DeltaArgs, bigint][] = [
  ['microseconds', 1n], ['milliseconds', 1000n], ['seconds', US_PER_SECOND], ['minutes', 60n * US_PER_SECOND],
  ['hours', 3600n * US_PER_SECOND], ['days', US_PER_DAY], ['weeks', 7n * US_PER_DAY],
];

/** timedelta(...): every argument's whole microseconds exactly, their fractions summed as doubles and rounded once. */
export function makeDelta(args: DeltaArgs): Delta {
  let x = 0n;
  let leftover = 0;
  for (const [name, factor] of UNITS) {
    const given = args[name];
    if (given === undefined) continue;
    // an int subclass's instance (re's flags too) is taken as its int, as PyLong_Check has it
    const v = given instanceof PyIntBox ? given.value : given;
    if (typeof v === 'number' || typeof v === 'boolean') {
      x += BigInt(Number(v)) * factor;
    } else if (v instanceof PyFloat) {
      const whole = Math.trunc(v.v);
      x += floatToInt(whole) * factor;
      const frac = v.v - whole;
      if (frac === 0 || !Number.isFinite(frac)) continue;
      const scaled = Number(factor) * frac;
      const scaledWhole = Math.trunc(scaled);
      x += BigInt(scaledWhole);
      leftover += scaled - scaledWhole;
    } else {
      throw pyErr(TypeError_, `unsupported type for timedelta ${name} component: ${typeName(v)}`);
    }
  }
  if (leftover !== 0) {
    // C's round() is half away from zero; an exact half goes to the even total instead
    let whole = Math.sign(leftover) * Math.round(Math.abs(leftover));
    if (Math.abs(whole - leftover) === 0.5) {
      const odd = Number(x & 1n);
      whole = 2 * (Math.sign((leftover + odd) * 0.5) * Math.round(Math.abs((leftover + odd) * 0.5))) - odd;
    }
    x += BigInt(whole);
  }
  return fromMicros(x);
}

export function add(a: Delta, b: Delta): Delta {
  return fromMicros(toMicros(a) + toMicros(b));
}

export function sub(a: Delta, b: Delta): Delta {
  return fromMicros(toMicros(a) - toMicros(b));
}

export function neg(a: Delta): Delta {
  return fromMicros(-toMicros(a));
}

export function abs(a: Delta): Delta {
  return a.days < 0 ? neg(a) : a;
}

export function mulInt(a: Delta, n: Int | boolean): Delta {
  return fromMicros(toMicros(a) * BigInt(n));
}

/** td * float: exact through the float's integer ratio, rounded half to even. */
export function mulFloat(a: Delta, x: number): Delta {
  const [num, den] = integerRatio(x);
  return fromMicros(divideNearest(toMicros(a) * num, den));
}

const intDivByZero = () => pyErr(ZeroDivisionError, 'integer division or modulo by zero');

/** td / int. */
export function divInt(a: Delta, n: Int | boolean): Delta {
  const d = BigInt(n);
  if (d === 0n) throw intDivByZero();
  return fromMicros(divideNearest(toMicros(a), d));
}

/** td / float. */
export function divFloat(a: Delta, x: number): Delta {
  const [num, den] = integerRatio(x);
  if (num === 0n) throw intDivByZero();
  return fromMicros(divideNearest(toMicros(a) * den, num));
}

/** td / td: a float. */
export function divDelta(a: Delta, b: Delta): number {
  const d = toMicros(b);
  if (d === 0n) throw pyErr(ZeroDivisionError, 'division by zero');
  return ratioToDouble(toMicros(a), d);
}

/** td // int. */
export function floorDivInt(a: Delta, n: Int | boolean): Delta {
  const d = BigInt(n);
  if (d === 0n) throw intDivByZero();
  return fromMicros(divmod(toMicros(a), d)[0]);
}

/** td // td: an int. */
export function floorDivDelta(a: Delta, b: Delta): Int {
  const d = toMicros(b);
  if (d === 0n) throw intDivByZero();
  return toInt(divmod(toMicros(a), d)[0]);
}

export function mod(a: Delta, b: Delta): Delta {
  const d = toMicros(b);
  if (d === 0n) throw pyErr(ZeroDivisionError, 'integer modulo by zero');
  return fromMicros(divmod(toMicros(a), d)[1]);
}

export function divmodDelta(a: Delta, b: Delta): [Int, Delta] {
  const d = toMicros(b);
  if (d === 0n) throw intDivByZero();
  const [q, r] = divmod(toMicros(a), d);
  return [toInt(q), fromMicros(r)];
}

/** -1, 0 or 1. */
export function compare(a: Delta, b: Delta): number {
  return Math.sign(a.days - b.days) || Math.sign(a.seconds - b.seconds) || Math.sign(a.microseconds - b.microseconds);
}

export function isZero(a: Delta): boolean {
  return a.days === 0 && a.seconds === 0 && a.microseconds === 0;
}

export function totalSeconds(a: Delta): number {
  return ratioToDouble(toMicros(a), US_PER_SECOND);
}

/** repr: datetime.timedelta(days=-1, seconds=86399), only the non-zero fields. */
export function deltaRepr(a: Delta): string {
  const parts: string[] = [];
  if (a.days !== 0) parts.push(`days=${a.days}`);
  if (a.seconds !== 0) parts.push(`seconds=${a.seconds}`);
  if (a.microseconds !== 0) parts.push(`microseconds=${a.microseconds}`);
  return `datetime.timedelta(${parts.length === 0 ? '0' : parts.join(', ')})`;
}

/** str: "-1 day, 23:59:59", "2 days, 0:00:00.000001". */
export function deltaStr(a: Delta): string {
  const mm = Math.floor(a.seconds / 60);
  const hh = Math.floor(mm / 60);
  const clock = `${hh}:${pad2(mm % 60)}:${pad2(a.seconds % 60)}${a.microseconds !== 0 ? '.' + String(a.microseconds).padStart(6, '0') : ''}`;
  if (a.days === 0) return clock;
  return `${a.days} day${Math.abs(a.days) !== 1 ? 's' : ''}, ${clock}`;
}

export function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}
