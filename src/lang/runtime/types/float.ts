import type { PyFloat } from '../values.js';
import type { PyTypeSlots } from './protocol.js';

/** float: a PyFloat, boxed so that 5.0 and 5 stay apart. */
export const FLOAT: PyTypeSlots<PyFloat> = {
  name: () => 'float',
  truthy: (v) => v.v !== 0,
  len: null,
  iter: null,
};
