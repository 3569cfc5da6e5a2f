import { tick } from '../budget.js';
import { pyErr, RuntimeError } from '../exceptions.js';
import { PyTuple, type Py, type PyDict } from '../values.js';
import type { PyTypeSlots } from './protocol.js';

/**
 * A dict walked as CPython's dict iterators walk it: a change of size between two steps
 * is a RuntimeError, and so is a key beyond the number it had (one popped and put back
 * is met again, and without this the walk would not end). Views walk their dict so too.
 */
export function* walkDict(d: PyDict, kind: 'keys' | 'values' | 'items'): Generator<Py> {
  const size = d.m.size;
  let left = size;
  for (const [nk, v] of d.m) {
    tick();
    if (d.m.size !== size) throw pyErr(RuntimeError, 'dictionary changed size during iteration');
    if (left-- === 0) throw pyErr(RuntimeError, 'dictionary keys changed during iteration');
    yield kind === 'keys' ? d.key(nk) : kind === 'values' ? v : new PyTuple([d.key(nk), v]);
  }
  if (d.m.size !== size) throw pyErr(RuntimeError, 'dictionary changed size during iteration');
}

export const DICT: PyTypeSlots<PyDict> = {
  name: () => 'dict',
  truthy: (v) => v.m.size !== 0,
  len: (v) => v.m.size,
  iter: (v) => walkDict(v, 'keys'),
};
