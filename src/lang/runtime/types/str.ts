import type { PyTypeSlots } from './protocol.js';

/** str: a JS string (UTF-16 units). */
export const STR: PyTypeSlots<string> = {
  name: () => 'str',
  truthy: (v) => v.length !== 0,
  len: (v) => v.length,
  iter: (v) => v,
};
