import type { PyTypeSlots } from './protocol.js';

/** int: a JS number holding an integer (|n| <= 2**53). */
export const INT: PyTypeSlots<number> = {
  name: () => 'int',
  truthy: (v) => v !== 0,
  len: null,
  iter: null,
};
