import { tick, work } from '../budget.js';
import { pyErr, RuntimeError } from '../exceptions.js';
import { SET_METHODS } from '../methods-dict.js';
import { PyFrozenSet, PySet, type Py } from '../values.js';
import type { PyTypeSlots } from './protocol.js';

/** A set walked from a snapshot of its order; a change of size between two steps is a RuntimeError, as setiter's. */
function* walkSet(s: PySet): Generator<Py> {
  const size = s.size;
  // the snapshot is a copy of every member, made at the first step: paid as one (isdisjoint may stop at the first)
  work(size);
  for (const v of s.values()) {
    tick();
    if (s.size !== size) throw pyErr(RuntimeError, 'Set changed size during iteration');
    yield v;
  }
  if (s.size !== size) throw pyErr(RuntimeError, 'Set changed size during iteration');
}

/** set: a PySet, laid out as CPython's setobject.c lays it out (pyset.ts). */
export const SET: PyTypeSlots<PySet> = {
  name: () => 'set',
  truthy: (v) => v.size !== 0,
  len: (v) => v.size,
  iter: walkSet,
  hash: null,
  // set_contains looks an unhashable set up as the frozenset of its members
  contains: (v, item) => (item instanceof PySet && !(item instanceof PyFrozenSet) ? v.has(PyFrozenSet.of(item)) : v.has(item)),
  methods: SET_METHODS,
};
