/**
 * calendar.month_name, month_abbr, day_name and day_abbr: CPython's _localized_month and
 * _localized_day, which ask date.strftime for each name when it is read, as they do. The
 * evaluator's locale is C (see module.ts's LocaleTextCalendar), so the names are C's.
 */
import { tick } from '../../budget.js';
import { getitem, getslice } from '../../ops.js';
import { bindArgs, Signature } from '../../signature.js';
import type { PyTypeSlots } from '../../types/protocol.js';
import { registerType } from '../../types/table.js';
import { fileSharedObject } from '../../shared-objects.js';
import { PyType, type Py } from '../../values.js';
import { DATE_TYPE } from '../datetime/date.js';
import { call, callMethod } from './py.js';

export class LocalizedNames {
  /** The indexes a name is read by: CPython indexes a list of strftime methods, with a list's words for a bad index. */
  private readonly indexes: number[];
  constructor(readonly months: boolean, readonly format: Py) {
    this.indexes = Array.from({ length: months ? 13 : 7 }, (_, i) => i);
  }
  /** The name at a valid index: January 2001 began on a Monday; a month's list starts with a blank. */
  name(i: number): Py {
    tick();
    if (this.months && i === 0) return '';
    const date = this.months ? call(DATE_TYPE, 2001, i, 1) : call(DATE_TYPE, 2001, 1, i + 1);
    return callMethod(date, 'strftime', this.format);
  }
  pyGetItem(key: Py): Py {
    return this.name(getitem(this.indexes, key) as number);
  }
  pyGetSlice(lo: Py, hi: Py, st: Py): Py {
    return (getslice(this.indexes, lo, hi, st) as number[]).map((i) => this.name(i));
  }
  *[Symbol.iterator](): Generator<Py> {
    for (const i of this.indexes) yield this.name(i);
  }
}

const init = (name: string) => new Signature(`${name}.__init__`, [{ name: 'self', star: '' }, { name: 'format', star: '' }], 'python');
const MONTH_INIT = init('_localized_month');
const DAY_INIT = init('_localized_day');
export const LOCALIZED_MONTH = new PyType('calendar._localized_month', (a, k) => new LocalizedNames(true, bindArgs(MONTH_INIT, [null, ...a], k)[1]));
export const LOCALIZED_DAY = new PyType('calendar._localized_day', (a, k) => new LocalizedNames(false, bindArgs(DAY_INIT, [null, ...a], k)[1]));
// classes of Lib/calendar.py, which take attributes in CPython: refused as shared classes, not CPython's TypeError for an immutable type
fileSharedObject(LOCALIZED_MONTH, 'calendar._localized_month');
fileSharedObject(LOCALIZED_DAY, 'calendar._localized_day');

const SLOTS: PyTypeSlots<LocalizedNames> = {
  name: (v) => (v.months ? '_localized_month' : '_localized_day'),
  classOf: (v) => (v.months ? LOCALIZED_MONTH : LOCALIZED_DAY),
  truthy: () => true,
  len: (v) => (v.months ? 13 : 7),
  // the old sequence protocol: __getitem__ from 0 until its IndexError
  iter: (v) => v,
  // CPython adds the address, which differs in every process: left out, as for functions
  repr: (v) => `<calendar.${v.months ? '_localized_month' : '_localized_day'} object>`,
  getattr: (v, name) => (name === 'format' ? v.format : undefined),
};
registerType(LocalizedNames, SLOTS);

export const MONTH_NAME = new LocalizedNames(true, '%B');
export const MONTH_ABBR = new LocalizedNames(true, '%b');
export const DAY_NAME = new LocalizedNames(false, '%A');
export const DAY_ABBR = new LocalizedNames(false, '%a');
