import { tick } from '../budget.js';
import { RANGE_METHODS } from '../methods-list.js';
import { num } from '../numbers.js';
import { PyRange, rangeIdentity } from '../values.js';
import { NOT_IMPLEMENTED, type PyTypeSlots } from './protocol.js';

function* rangeIter(r: PyRange): Generator<number> {
  const { start, stop, step: s } = r;
  if (s > 0) {
    for (let i = start; i < stop; i += s) {
      tick();
      yield i;
    }
  } else {
    for (let i = start; i > stop; i += s) {
      tick();
      yield i;
    }
  }
}

export const RANGE: PyTypeSlots<PyRange> = {
  name: () => 'range',
  truthy: (v) => v.length !== 0,
  len: (v) => v.length,
  iter: rangeIter,
  // range_richcompare: the same elements (range(0, 3) == range(3))
  eq: (a, b) => (b instanceof PyRange ? rangeIdentity(a).join() === rangeIdentity(b).join() : NOT_IMPLEMENTED),
  contains(v, item) {
    // a range holds safe integers only (range() refuses more), so no bigint is in one
    const n = typeof item === 'bigint' ? undefined : num(item);
    if (n === undefined || !Number.isInteger(n)) return false;
    const { start, stop, step: s } = v;
    return (s > 0 ? n >= start && n < stop : n <= start && n > stop) && (n - start) % s === 0;
  },
  repr: (v) => (v.step === 1 ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`),
  // range's members, as big-range.ts answers them for a range past the safe integers
  getattr: (v, name) => (name === 'start' ? v.start : name === 'stop' ? v.stop : name === 'step' ? v.step : undefined),
  methods: RANGE_METHODS,
};
