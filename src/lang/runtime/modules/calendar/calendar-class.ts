/**
 * calendar.Calendar: the weeks of a month as dates, day numbers or tuples. Its iter*
 * methods are generators, lazy as CPython's: a bad month raises at the first item.
 * Each method reads `self`'s others as CPython does, so a condition's subclass, or an
 * instance's own attribute, takes their place.
 */
import { getattr } from '../../attributes.js';
import { makeClass, setattr } from '../../classes.js';
import { PyProperty } from '../../descriptors.js';
import { OBJECT_CLASS } from '../../classes.js';
import { add, getslice, iterate, len, mod, sub, toList } from '../../ops.js';
import { PyGenerator } from '../../generator.js';
import { PyTuple, type Py } from '../../values.js';
import { DATE_TYPE } from '../datetime/date.js';
import { monthlen, monthrange, nextmonth, prevmonth } from './dates.js';
import { def } from './methods.js';
import { call, callMethod, enumerate, range, unpack } from './py.js';
import { ITERTOOLS } from '../itertools.js';

const REPEAT = ITERTOOLS.attrs.get('repeat')!;

export const CALENDAR = makeClass('Calendar', 'Calendar', [OBJECT_CLASS]);
CALENDAR.module = 'calendar';

/** A generator of the method's: made at the call, run at the first item, with send, throw and close as CPython's. */
const generator = (name: string, body: () => Generator<Py>): PyGenerator => new PyGenerator(body() as Generator<Py, Py, Py>, `Calendar.${name}`);

const firstweekday = (self: Py): Py => getattr(self, 'firstweekday');

/** `[items[i:i+n] for i in range(0, len(items), n)]` */
function rows(items: Py[], n: Py): Py[] {
  const out: Py[] = [];
  for (const i of range(0, len(items), n)) out.push(getslice(items, i, add(i, n), null));
  return out;
}

def(CALENDAR, 'Calendar', '__init__', [['firstweekday', 0]], (self, fwd) => (setattr(self, 'firstweekday', fwd), null));
def(CALENDAR, 'Calendar', 'getfirstweekday', [], (self) => mod(getattr(self, '_firstweekday'), 7));
def(CALENDAR, 'Calendar', 'setfirstweekday', ['firstweekday'], (self, fwd) => (setattr(self, '_firstweekday', fwd), null));
CALENDAR.attrs.set('firstweekday', new PyProperty(CALENDAR.attrs.get('getfirstweekday')!, CALENDAR.attrs.get('setfirstweekday')!, null, null));

def(CALENDAR, 'Calendar', 'iterweekdays', [], (self) =>
  generator('iterweekdays', function* () {
    for (const i of range(firstweekday(self), add(firstweekday(self), 7))) yield mod(i, 7);
  }),
);

def(CALENDAR, 'Calendar', 'itermonthdates', ['year', 'month'], (self, year, month) =>
  generator('itermonthdates', function* () {
    for (const ymd of iterate(callMethod(self, 'itermonthdays3', year, month))) {
      const [y, m, d] = unpack(ymd, 3);
      yield call(DATE_TYPE, y, m, d);
    }
  }),
);

def(CALENDAR, 'Calendar', 'itermonthdays', ['year', 'month'], (self, year, month) =>
  generator('itermonthdays', function* () {
    const [day1, ndays] = monthrange(year, month).items;
    const before = mod(sub(day1, firstweekday(self)), 7);
    // each by for...of, not yield*: a throw() or close() into the generator would reach the inner iterator, which has no throw (a JS TypeError)
    for (const d of iterate(call(REPEAT, 0, before))) yield d;
    for (const d of range(1, add(ndays, 1))) yield d;
    const after = mod(sub(sub(firstweekday(self), day1), ndays), 7);
    for (const d of iterate(call(REPEAT, 0, after))) yield d;
  }),
);

def(CALENDAR, 'Calendar', 'itermonthdays2', ['year', 'month'], (self, year, month) =>
  generator('itermonthdays2', function* () {
    for (const pair of enumerate(callMethod(self, 'itermonthdays', year, month), firstweekday(self))) {
      const [i, d] = (pair as PyTuple).items;
      yield new PyTuple([d, mod(i, 7)]);
    }
  }),
);

def(CALENDAR, 'Calendar', 'itermonthdays3', ['year', 'month'], (self, year, month) =>
  generator('itermonthdays3', function* () {
    const [day1, ndays] = monthrange(year, month).items;
    const before = mod(sub(day1, firstweekday(self)), 7);
    const after = mod(sub(sub(firstweekday(self), day1), ndays), 7);
    let [y, m] = prevmonth(year, month);
    const end = add(monthlen(y, m), 1);
    for (const d of range(sub(end, before), end)) yield new PyTuple([y, m, d]);
    for (const d of range(1, add(ndays, 1))) yield new PyTuple([year, month, d]);
    [y, m] = nextmonth(year, month);
    for (const d of range(1, add(after, 1))) yield new PyTuple([y, m, d]);
  }),
);

def(CALENDAR, 'Calendar', 'itermonthdays4', ['year', 'month'], (self, year, month) =>
  generator('itermonthdays4', function* () {
    for (const pair of enumerate(callMethod(self, 'itermonthdays3', year, month))) {
      const [i, ymd] = (pair as PyTuple).items;
      const [y, m, d] = unpack(ymd, 3);
      yield new PyTuple([y, m, d, mod(add(firstweekday(self), i), 7)]);
    }
  }),
);

for (const [name, iter] of [['monthdatescalendar', 'itermonthdates'], ['monthdays2calendar', 'itermonthdays2'], ['monthdayscalendar', 'itermonthdays']]) {
  def(CALENDAR, 'Calendar', name, ['year', 'month'], (self, year, month) => rows(toList(callMethod(self, iter, year, month)), 7));
}

for (const [name, month] of [['yeardatescalendar', 'monthdatescalendar'], ['yeardays2calendar', 'monthdays2calendar'], ['yeardayscalendar', 'monthdayscalendar']]) {
  def(CALENDAR, 'Calendar', name, ['year', ['width', 3]], (self, year, width) => {
    const months: Py[] = [];
    for (const i of range(1, 13)) months.push(callMethod(self, month, year, i));
    return rows(months, width);
  });
}
