import type { PyException } from '../values.js';
import type { PyTypeSlots } from './protocol.js';

/** An exception instance: its type is its class (KeyError, ...). */
export const EXCEPTION: PyTypeSlots<PyException> = {
  name: (v) => v.type.name,
  truthy: () => true,
  len: null,
  iter: null,
};
