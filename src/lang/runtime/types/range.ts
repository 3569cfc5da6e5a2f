import { tick } from '../budget.js';
import type { PyRange } from '../values.js';
import type { PyTypeSlots } from './protocol.js';

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
};
