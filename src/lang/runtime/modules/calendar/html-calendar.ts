/** calendar.HTMLCalendar: months and years as HTML tables, with CSS classes a condition may change on its instance. */
import { getattr } from '../../attributes.js';
import { runNumber } from '../../budget.js';
import { makeClass } from '../../classes.js';
import { PyClassValue } from '../../descriptors.js';
import { percentFormat } from '../../format.js';
import { add, eqValue, getitem, iterate, truthy } from '../../ops.js';
import { PyFunc, PyTuple, typeName, type Py } from '../../values.js';
import { PyInstance } from '../../class-values.js';
import { AttributeError, pyErr } from '../../exceptions.js';
import { CALENDAR } from './calendar-class.js';
import { def } from './methods.js';
import { DAY_ABBR, MONTH_NAME } from './names.js';
import { callMethod, callMethodKw, max, min, range, unpack } from './py.js';

export const HTML_CALENDAR = makeClass('HTMLCalendar', 'HTMLCalendar', [CALENDAR]);
HTML_CALENDAR.module = 'calendar';

const fmt = (format: string, ...args: Py[]): string => percentFormat(format, args.length === 1 ? args[0] : new PyTuple(args));
const join = (items: Py[]): Py => callMethod('', 'join', items);

for (const [name, value] of [['cssclass_noday', 'noday'], ['cssclass_month_head', 'month'], ['cssclass_month', 'month'], ['cssclass_year_head', 'year'], ['cssclass_year', 'year']]) HTML_CALENDAR.attrs.set(name, value);

/**
 * cssclasses (and cssclasses_weekday_head, the same list) is a list on the class in CPython,
 * which a condition could change for every condition after it: here each run has its own
 * list, read through a property, and an instance's own value (`cal.cssclasses = [...]`)
 * comes first, as it would in CPython.
 */
let classesRun = -1;
let classes: Py[] = [];
function cssclasses(): Py[] {
  if (classesRun !== runNumber()) {
    classesRun = runNumber();
    classes = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  }
  return classes;
}
function perRun(name: string): PyClassValue {
  const own = (self: Py): Map<string, Py> | null => (self instanceof PyInstance ? self.dict : null);
  return new PyClassValue(
    // the instance's own, None included (`??` passed a None by, to the class's list)
    new PyFunc(name, (a) => {
      const mine = own(a[0])?.get(name);
      return mine !== undefined ? mine : cssclasses();
    }),
    new PyFunc(name, (a) => (own(a[0])?.set(name, a[1]), null)),
    new PyFunc(name, (a) => {
      if (own(a[0])?.delete(name) !== true) throw pyErr(AttributeError, `'${typeName(a[0])}' object has no attribute '${name}'`);
      return null;
    }),
    cssclasses,
  );
}
HTML_CALENDAR.attrs.set('cssclasses', perRun('cssclasses'));
HTML_CALENDAR.attrs.set('cssclasses_weekday_head', perRun('cssclasses_weekday_head'));

def(HTML_CALENDAR, 'HTMLCalendar', 'formatday', ['day', 'weekday'], (self, day, weekday) =>
  truthy(eqValue(day, 0))
    ? fmt('<td class="%s">&nbsp;</td>', getattr(self, 'cssclass_noday'))
    : fmt('<td class="%s">%d</td>', getitem(getattr(self, 'cssclasses'), weekday), day),
);

def(HTML_CALENDAR, 'HTMLCalendar', 'formatweek', ['theweek'], (self, theweek) => {
  const days: Py[] = [];
  for (const item of iterate(theweek)) {
    const [d, wd] = unpack(item, 2);
    days.push(callMethod(self, 'formatday', d, wd));
  }
  return fmt('<tr>%s</tr>', join(days));
});

def(HTML_CALENDAR, 'HTMLCalendar', 'formatweekday', ['day'], (self, day) =>
  fmt('<th class="%s">%s</th>', getitem(getattr(self, 'cssclasses_weekday_head'), day), getitem(DAY_ABBR, day)),
);

def(HTML_CALENDAR, 'HTMLCalendar', 'formatweekheader', [], (self) => {
  const names: Py[] = [];
  for (const i of iterate(callMethod(self, 'iterweekdays'))) names.push(callMethod(self, 'formatweekday', i));
  return fmt('<tr>%s</tr>', join(names));
});

def(HTML_CALENDAR, 'HTMLCalendar', 'formatmonthname', ['theyear', 'themonth', ['withyear', true]], (self, theyear, themonth, withyear) => {
  const s = truthy(withyear) ? fmt('%s %s', getitem(MONTH_NAME, themonth), theyear) : fmt('%s', getitem(MONTH_NAME, themonth));
  return fmt('<tr><th colspan="7" class="%s">%s</th></tr>', getattr(self, 'cssclass_month_head'), s);
});

def(HTML_CALENDAR, 'HTMLCalendar', 'formatmonth', ['theyear', 'themonth', ['withyear', true]], (self, theyear, themonth, withyear) => {
  const v: Py[] = [];
  v.push(fmt('<table border="0" cellpadding="0" cellspacing="0" class="%s">', getattr(self, 'cssclass_month')));
  v.push('\n');
  v.push(callMethodKw(self, 'formatmonthname', [theyear, themonth], new Map([['withyear', withyear]])));
  v.push('\n');
  v.push(callMethod(self, 'formatweekheader'));
  v.push('\n');
  for (const week of iterate(callMethod(self, 'monthdays2calendar', theyear, themonth))) {
    v.push(callMethod(self, 'formatweek', week));
    v.push('\n');
  }
  v.push('</table>');
  v.push('\n');
  return join(v);
});

def(HTML_CALENDAR, 'HTMLCalendar', 'formatyear', ['theyear', ['width', 3]], (self, theyear, width) => {
  const v: Py[] = [];
  width = max(width, 1);
  v.push(fmt('<table border="0" cellpadding="0" cellspacing="0" class="%s">', getattr(self, 'cssclass_year')));
  v.push('\n');
  v.push(fmt('<tr><th colspan="%d" class="%s">%s</th></tr>', width, getattr(self, 'cssclass_year_head'), theyear));
  for (const i of range(1, 13, width)) {
    // the months in this row
    const months = range(i, min(add(i, width), 13));
    v.push('<tr>');
    for (const m of months) {
      v.push('<td>');
      v.push(callMethodKw(self, 'formatmonth', [theyear, m], new Map([['withyear', false]])));
      v.push('</td>');
    }
    v.push('</tr>');
  }
  v.push('</table>');
  return join(v);
});

def(HTML_CALENDAR, 'HTMLCalendar', 'formatyearpage', ['theyear', ['width', 3], ['css', 'calendar.css'], ['encoding', null]], (self, theyear, width, css, encoding) => {
  // sys.getdefaultencoding()
  if (encoding === null) encoding = 'utf-8';
  const v: Py[] = [];
  v.push(fmt('<?xml version="1.0" encoding="%s"?>\n', encoding));
  v.push('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n');
  v.push('<html>\n');
  v.push('<head>\n');
  v.push(fmt('<meta http-equiv="Content-Type" content="text/html; charset=%s" />\n', encoding));
  if (css !== null) v.push(fmt('<link rel="stylesheet" type="text/css" href="%s" />\n', css));
  v.push(fmt('<title>Calendar for %d</title>\n', theyear));
  v.push('</head>\n');
  v.push('<body>\n');
  v.push(callMethod(self, 'formatyear', theyear, width));
  v.push('</body>\n');
  v.push('</html>\n');
  return callMethod(join(v), 'encode', encoding, 'xmlcharrefreplace');
});
