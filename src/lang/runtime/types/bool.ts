import type { PyTypeSlots } from './protocol.js';

/** bool: a JS boolean. */
export const BOOL: PyTypeSlots<boolean> = {
  name: () => 'bool',
  truthy: (v) => v,
  len: null,
  iter: null,
};
