import type { PyIterator } from '../values.js';
import type { PyTypeSlots } from './protocol.js';

/** Generators, map, filter, zip, enumerate, reversed: a JS iterator, named for what made it. */
export const ITERATOR: PyTypeSlots<PyIterator> = {
  name: (v) => v.name,
  truthy: () => true,
  len: null,
  iter: (v) => ({ [Symbol.iterator]: () => v.it }),
  repr: (v) => `<${v.name} object>`,
};
