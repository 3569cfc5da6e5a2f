import { cpLen } from '../codepoints.js';
import type { PyTypeSlots } from './protocol.js';

/** str: a JS string (UTF-16 units), measured and iterated by code point. */
export const STR: PyTypeSlots<string> = {
  name: () => 'str',
  truthy: (v) => v.length !== 0,
  len: cpLen,
  iter: (v) => v,
};
