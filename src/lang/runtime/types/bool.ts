import { INT_METHODS, intFromBytes } from '../methods-int.js';
import type { PyTypeSlots } from './protocol.js';

/** bool: a JS boolean. */
export const BOOL: PyTypeSlots<boolean> = {
  name: () => 'bool',
  truthy: (v) => v,
  len: null,
  iter: null,
  // int's, as a bool is an int
  getattr: (v, name) => (name === 'real' || name === 'numerator' ? (v ? 1 : 0) : name === 'imag' ? 0 : name === 'denominator' ? 1 : undefined),
  methods: INT_METHODS,
  // int_from_bytes_impl calls the type with its int when it is not int itself: bool(n)
  classMethods: new Map([['from_bytes', (args, kw) => Boolean(intFromBytes(args, kw))]]),
};
