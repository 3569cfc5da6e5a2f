/**
 * calendar.IllegalMonthError and IllegalWeekdayError: classes written in Python in CPython,
 * ValueErrors whose __init__ keeps the number (without passing it on: args is still what
 * BaseException.__new__ kept) and whose __str__ words it.
 */
import { getattr } from '../../attributes.js';
import { makeClass, setattr } from '../../classes.js';
import type { PyClass } from '../../class-values.js';
import { ValueError } from '../../exceptions.js';
import { percentFormat } from '../../format.js';
import { bindArgs, Signature } from '../../signature.js';
import { PyFunc, type PyException, type Py } from '../../values.js';
import { call } from './py.js';

const self = { name: 'self', star: '' } as const;

function illegal(name: string, field: string, words: string): PyClass {
  const cls = makeClass(name, name, [ValueError]);
  cls.module = 'calendar';
  const init = new Signature(`${name}.__init__`, [self, { name: field, star: '' }], 'python');
  const str = new Signature(`${name}.__str__`, [self], 'python');
  cls.attrs.set('__init__', new PyFunc(`${name}.__init__`, (a, k) => {
    const [me, value] = bindArgs(init, a, k);
    setattr(me, field, value);
    return null;
  }, 'function'));
  cls.attrs.set('__str__', new PyFunc(`${name}.__str__`, (a, k) => percentFormat(words, getattr(bindArgs(str, a, k)[0], field)), 'function'));
  return cls;
}

export const ILLEGAL_MONTH_ERROR = illegal('IllegalMonthError', 'month', 'bad month number %r; must be 1-12');
export const ILLEGAL_WEEKDAY_ERROR = illegal('IllegalWeekdayError', 'weekday', 'bad weekday number %r; must be 0 (Monday) to 6 (Sunday)');

/** `raise IllegalMonthError(month)`, made as a condition's call makes it. */
export const illegalMonth = (month: Py): PyException => call(ILLEGAL_MONTH_ERROR, month) as PyException;
export const illegalWeekday = (weekday: Py): PyException => call(ILLEGAL_WEEKDAY_ERROR, weekday) as PyException;
