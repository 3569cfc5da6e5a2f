/** calendar.TextCalendar: months and years as plain text, as the Unix program cal prints them. */
import { inplace } from '../../../compile/operators.js';
import { makeClass } from '../../classes.js';
import { percentFormat } from '../../format.js';
import { add, eqValue, geValue, getitem, getslice, iterate, len, mul, sub, toList, truthy } from '../../ops.js';
import { repr } from '../../repr.js';
import { valueErr } from '../../exceptions.js';
import { PyTuple, type Py } from '../../values.js';
import { CALENDAR } from './calendar-class.js';
import { def } from './methods.js';
import { DAY_ABBR, DAY_NAME, MONTH_NAME } from './names.js';
import { callMethod, enumerate, max, min, range, unpack } from './py.js';

export const TEXT_CALENDAR = makeClass('TextCalendar', 'TextCalendar', [CALENDAR]);
TEXT_CALENDAR.module = 'calendar';

const plusEquals = inplace('+');
const timesEquals = inplace('*');
const join = (sep: string, items: Py[]): Py => callMethod(sep, 'join', items);
const center = (s: Py, width: Py): Py => callMethod(s, 'center', width);
const rstrip = (s: Py): Py => callMethod(s, 'rstrip');
/** `(f(k) for k in items)`: run as it is read. */
function* each(items: Py[], f: (k: Py) => Py): Generator<Py> {
  for (const k of items) yield f(k);
}

/** formatstring(cols, colwidth, spacing): the columns centred and joined by `spacing` spaces. */
export function formatstring(cols: Iterable<Py>, colwidth: Py, spacing: Py): Py {
  spacing = timesEquals(spacing, ' ');
  // cols may be a generator of the caller's, run only now, as CPython's join runs it
  const centred: Py[] = [];
  for (const c of cols) centred.push(center(c, colwidth));
  return join(spacing as string, centred);
}

def(TEXT_CALENDAR, 'TextCalendar', 'prweek', ['theweek', 'width'], (self, theweek, width) => (callMethod(self, 'formatweek', theweek, width), null));

def(TEXT_CALENDAR, 'TextCalendar', 'formatday', ['day', 'weekday', 'width'], (_self, day, _weekday, width) =>
  // '%2i': single-digit days right-aligned
  center(truthy(eqValue(day, 0)) ? '' : percentFormat('%2i', day), width),
);

def(TEXT_CALENDAR, 'TextCalendar', 'formatweek', ['theweek', 'width'], (self, theweek, width) => {
  const days: Py[] = [];
  for (const item of iterate(theweek)) {
    const [d, wd] = unpack(item, 2);
    days.push(callMethod(self, 'formatday', d, wd, width));
  }
  return join(' ', days);
});

def(TEXT_CALENDAR, 'TextCalendar', 'formatweekday', ['day', 'width'], (_self, day, width) => {
  const names = truthy(geValue(width, 9)) ? DAY_NAME : DAY_ABBR;
  return center(getslice(getitem(names, day), null, width, null), width);
});

def(TEXT_CALENDAR, 'TextCalendar', 'formatweekheader', ['width'], (self, width) => {
  const names: Py[] = [];
  for (const i of iterate(callMethod(self, 'iterweekdays'))) names.push(callMethod(self, 'formatweekday', i, width));
  return join(' ', names);
});

def(TEXT_CALENDAR, 'TextCalendar', 'formatmonthname', ['theyear', 'themonth', 'width', ['withyear', true]], (_self, theyear, themonth, width, withyear) => {
  let s = getitem(MONTH_NAME, themonth);
  if (truthy(withyear)) s = percentFormat('%s %r', new PyTuple([s, theyear]));
  return center(s, width);
});

def(TEXT_CALENDAR, 'TextCalendar', 'prmonth', ['theyear', 'themonth', ['w', 0], ['l', 0]], (self, theyear, themonth, w, l) => (callMethod(self, 'formatmonth', theyear, themonth, w, l), null));

def(TEXT_CALENDAR, 'TextCalendar', 'formatmonth', ['theyear', 'themonth', ['w', 0], ['l', 0]], (self, theyear, themonth, w, l) => {
  w = max(2, w);
  l = max(1, l);
  let s = callMethod(self, 'formatmonthname', theyear, themonth, sub(mul(7, add(w, 1)), 1));
  s = rstrip(s);
  s = plusEquals(s, mul('\n', l));
  s = plusEquals(s, rstrip(callMethod(self, 'formatweekheader', w)));
  s = plusEquals(s, mul('\n', l));
  for (const week of iterate(callMethod(self, 'monthdays2calendar', theyear, themonth))) {
    s = plusEquals(s, rstrip(callMethod(self, 'formatweek', week, w)));
    s = plusEquals(s, mul('\n', l));
  }
  return s;
});

def(TEXT_CALENDAR, 'TextCalendar', 'formatyear', ['theyear', ['w', 2], ['l', 1], ['c', 6], ['m', 3]], (self, theyear, w, l, c, m) => {
  w = max(2, w);
  l = max(1, l);
  c = max(2, c);
  const colwidth = sub(mul(add(w, 1), 7), 1);
  const v: Py[] = [];
  v.push(rstrip(center(repr(theyear), add(mul(colwidth, m), mul(c, sub(m, 1))))));
  v.push(mul('\n', l));
  const header = callMethod(self, 'formatweekheader', w);
  for (const pair of enumerate(callMethod(self, 'yeardays2calendar', theyear, m))) {
    const [i, row] = (pair as PyTuple).items;
    // the months in this row
    const months = [...range(add(mul(m, i), 1), min(add(mul(m, add(i, 1)), 1), 13))];
    v.push(mul('\n', l));
    v.push(rstrip(formatstring(each(months, (k) => callMethod(self, 'formatmonthname', theyear, k, colwidth, false)), colwidth, c)));
    v.push(mul('\n', l));
    v.push(rstrip(formatstring(each(months, () => header), colwidth, c)));
    v.push(mul('\n', l));
    // the most weeks a month of this row has
    const cals = toList(row);
    if (cals.length === 0) throw valueErr('max() arg is an empty sequence');
    let height = 0;
    for (const cal of cals) height = Math.max(height, len(cal));
    for (const j of range(height)) {
      const weeks: Py[] = [];
      for (const cal of cals) weeks.push(truthy(geValue(j, len(cal))) ? '' : callMethod(self, 'formatweek', getitem(cal, j), w));
      v.push(rstrip(formatstring(weeks, colwidth, c)));
      v.push(mul('\n', l));
    }
  }
  return join('', v);
});

def(TEXT_CALENDAR, 'TextCalendar', 'pryear', ['theyear', ['w', 0], ['l', 0], ['c', 6], ['m', 3]], (self, theyear, w, l, c, m) => (callMethod(self, 'formatyear', theyear, w, l, c, m), null));
