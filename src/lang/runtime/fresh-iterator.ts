import { callDunder } from './class-operators.js';
import { PyClassException, PyInstance } from './class-values.js';
import { GENERATOR_FUNCTIONS, type PyGenerator } from './generator.js';
import { PyFunc, type Py } from './values.js';

/**
 * iter(v) when v is an instance whose class's `__iter__` is a generator function: the
 * generator that call makes, which nothing but the loop asking holds. Null for any other
 * value, which the loop then walks as usual (its `__iter__` not called here).
 */
export function freshIterator(v: Py): PyGenerator | null {
  if (!(v instanceof PyInstance || v instanceof PyClassException)) return null;
  const fn = v.cls.lookup('__iter__');
  if (!(fn instanceof PyFunc) || !GENERATOR_FUNCTIONS.has(fn)) return null;
  return callDunder(v, '__iter__') as PyGenerator;
}
