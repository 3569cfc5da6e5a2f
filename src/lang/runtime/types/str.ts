import { cpIterable, cpLen } from '../codepoints.js';
import { STR_METHODS } from '../methods-str.js';
import type { PyTypeSlots } from './protocol.js';

/** str: a JS string (UTF-16 units), measured and iterated by code point. */
export const STR: PyTypeSlots<string> = {
  name: () => 'str',
  truthy: (v) => v.length !== 0,
  len: cpLen,
  iter: cpIterable,
  getattr: undefined,
  methods: STR_METHODS,
  // str.maketrans through the type: a static method, it needs no receiver
  classMethods: new Map([['maketrans', (args, kw) => STR_METHODS.get('maketrans')!('', args, kw)]]),
};
