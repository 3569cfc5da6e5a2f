import type { Int } from '../int/index.js';
import type { PyTypeSlots } from './protocol.js';

/** int: a JS number while it is a safe integer, a bigint beyond (int/int.ts). */
export const INT: PyTypeSlots<Int> = {
  name: () => 'int',
  truthy: (v) => v !== 0,
  len: null,
  iter: null,
};
