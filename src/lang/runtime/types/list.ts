import { LIST_METHODS } from '../methods-list.js';
import type { Py } from '../values.js';
import type { PyTypeSlots } from './protocol.js';

/** list: a JS Array, walked live as Python walks a list (items appended during a loop are met). */
export const LIST: PyTypeSlots<Py[]> = {
  name: () => 'list',
  truthy: (v) => v.length !== 0,
  len: (v) => v.length,
  iter: (v) => v,
  getattr: undefined,
  methods: LIST_METHODS,
  classMethods: undefined,
};
