import type { PyTuple } from '../values.js';
import type { PyTypeSlots } from './protocol.js';

export const TUPLE: PyTypeSlots<PyTuple> = {
  name: () => 'tuple',
  truthy: (v) => v.items.length !== 0,
  len: (v) => v.items.length,
  iter: (v) => v.items,
};
