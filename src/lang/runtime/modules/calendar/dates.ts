/**
 * Lib/calendar.py's functions of dates (isleap, leapdays, weekday, monthrange, timegm) and
 * its helpers, line for line on the dialect's operators: a float, a bool or a huge int goes
 * where CPython's goes, and fails with its error.
 */
import { inplace } from '../../../compile/operators.js';
import { add, eqValue, floordiv, getitem, getslice, mod, mul, neValue, sub, truthy } from '../../ops.js';
import { PerRun } from '../../per-run.js';
import { PyTuple, type Py } from '../../values.js';
import { DATE_TYPE } from '../datetime/date.js';
import { illegalMonth } from './errors.js';
import { between, call, callMethod, unpack } from './py.js';

/** mdays, a list a condition may change (and then monthrange reads its change, as CPython's does): the run's own. */
export const MDAYS = new PerRun(() => [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
const minusEquals = inplace('-');
/** `a and b()`: a when falsy, else b. */
const and = (a: Py, b: () => Py): Py => (truthy(a) ? b() : a);

export function isleap(year: Py): Py {
  return and(eqValue(mod(year, 4), 0), () => {
    const notCentury = neValue(mod(year, 100), 0);
    return truthy(notCentury) ? notCentury : eqValue(mod(year, 400), 0);
  });
}

export function leapdays(y1: Py, y2: Py): Py {
  y1 = minusEquals(y1, 1);
  y2 = minusEquals(y2, 1);
  const span = (n: number) => sub(floordiv(y2, n), floordiv(y1, n));
  return add(sub(span(4), span(100)), span(400));
}

export function weekday(year: Py, month: Py, day: Py): Py {
  if (!between(1, year, 9999)) year = add(2000, mod(year, 400));
  return callMethod(call(DATE_TYPE, year, month, day), 'weekday');
}

export function monthrange(year: Py, month: Py): PyTuple {
  if (!between(1, month, 12)) throw illegalMonth(month);
  const day1 = weekday(year, month, 1);
  const ndays = add(getitem(MDAYS.current(), month), and(eqValue(month, 2), () => isleap(year)));
  return new PyTuple([day1, ndays]);
}

export const monthlen = (year: Py, month: Py): Py => add(getitem(MDAYS.current(), month), and(eqValue(month, 2), () => isleap(year)));

export const prevmonth = (year: Py, month: Py): [Py, Py] => (truthy(eqValue(month, 1)) ? [sub(year, 1), 12] : [year, sub(month, 1)]);
export const nextmonth = (year: Py, month: Py): [Py, Py] => (truthy(eqValue(month, 12)) ? [add(year, 1), 1] : [year, add(month, 1)]);

/** datetime.date(1970, 1, 1).toordinal() */
const EPOCH_ORD = 719163;

export function timegm(tuple: Py): Py {
  const [year, month, day, hour, minute, second] = unpack(getslice(tuple, null, 6, null), 6);
  const days = sub(add(sub(callMethod(call(DATE_TYPE, year, month, 1), 'toordinal'), EPOCH_ORD), day), 1);
  const hours = add(mul(days, 24), hour);
  const minutes = add(mul(hours, 60), minute);
  return add(mul(minutes, 60), second);
}
