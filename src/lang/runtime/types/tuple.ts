import { tick } from '../budget.js';
import { TUPLE_METHODS } from '../methods-list.js';
import type { PyTuple } from '../values.js';
import type { PyTypeSlots } from './protocol.js';

export const TUPLE: PyTypeSlots<PyTuple> = {
  name: () => 'tuple',
  truthy: (v) => v.items.length !== 0,
  len: (v) => v.items.length,
  iter: (v) => v.items,
  contains(v, item, eq) {
    for (let i = 0; i < v.items.length; i++) {
      tick();
      if (eq(v.items[i], item)) return true;
    }
    return false;
  },
  methods: TUPLE_METHODS,
};
