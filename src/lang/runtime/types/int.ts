import type { Int } from '../int/index.js';
import { INT_METHODS, intFromBytes } from '../methods-int.js';
import type { PyTypeSlots } from './protocol.js';

/** int: a JS number while it is a safe integer, a bigint beyond (int/int.ts). */
export const INT: PyTypeSlots<Int> = {
  name: () => 'int',
  truthy: (v) => v !== 0,
  len: null,
  iter: null,
  // an int as a number: itself over 1, with no imaginary part
  getattr: (v, name) => (name === 'real' || name === 'numerator' ? v : name === 'imag' ? 0 : name === 'denominator' ? 1 : undefined),
  methods: INT_METHODS,
  classMethods: new Map([['from_bytes', intFromBytes]]),
};
