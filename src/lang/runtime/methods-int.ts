import { checkedMethods } from './arity.js';
import type { Method } from './attributes.js';
import { bit_count, bit_length } from './int/index.js';

/** int's methods (bool's too, as in CPython); the integer kernel does the work. */
export const INT_METHODS = checkedMethods(
  'int',
  new Map<string, Method>([
    ['bit_length', (n) => bit_length(typeof n === 'boolean' ? Number(n) : n)],
    ['bit_count', (n) => bit_count(typeof n === 'boolean' ? Number(n) : n)],
  ]),
  { bit_length: 'none', bit_count: 'none' },
);
