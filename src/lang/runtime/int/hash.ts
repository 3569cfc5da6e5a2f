import { payLinear } from './cost.js';
import { norm, type Int } from './int.js';
import { bitsBound } from './size.js';

const MODULUS = 2n ** 61n - 1n;

/**
 * hash(n) as CPython's long_hash: |n| modulo 2**61 - 1 with n's sign, -1 made -2 (-1
 * means an error there). A float with an int's value hashes the same (hash.ts's
 * floatHash). Safe integers are below the modulus: their own hash.
 */
export function hashInt(n: Int): Int {
  if (typeof n === 'number') return n === -1 ? -2 : n;
  payLinear(bitsBound(n));
  const h = n < 0n ? -(-n % MODULUS) : n % MODULUS;
  return h === -1n ? -2 : norm(h);
}
