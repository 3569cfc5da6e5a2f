import { intArg, one } from './args.js';
import { compare } from './compare.js';
import { typeErr, valueErr } from './exceptions.js';
import { norm } from './int/index.js';
import { longIndices } from './types/big-range.js';
import { NOT_IMPLEMENTED, type PyTypeSlots } from './types/protocol.js';
import { registerType } from './types/table.js';
import { PyTuple, type NativeFn, type Py } from './values.js';

/** A slice object: what `x[a:b:c]` hands a class's __getitem__, and `slice(a, b, c)` makes. Its parts are any values, None where absent. */
export class PySlice {
  constructor(readonly start: Py, readonly stop: Py, readonly step: Py) {}
}

/** slice(stop) or slice(start, stop[, step]), positional only. */
export const makeSlice: NativeFn = (args, kw) => {
  if (kw !== null && kw.size > 0) throw typeErr('slice() takes no keyword arguments');
  if (args.length === 0) throw typeErr('slice expected at least 1 argument, got 0');
  if (args.length > 3) throw typeErr(`slice expected at most 3 arguments, got ${args.length}`);
  return args.length === 1 ? new PySlice(null, args[0], null) : new PySlice(args[0], args[1], args[2] ?? null);
};

/** slice.indices(length): the start, stop and step it selects in a sequence of that length, ints of any size. */
function indices(s: PySlice, args: Py[], kw: Map<string, Py> | null): PyTuple {
  const n = BigInt(intArg(one('indices', args, kw, 'slice')));
  if (n < 0n) throw valueErr('length should not be negative');
  return new PyTuple(longIndices(s.start, s.stop, s.step, n).map(norm));
}

const parts = (s: PySlice): PyTuple => new PyTuple([s.start, s.stop, s.step]);

const SLICE: PyTypeSlots<PySlice> = {
  name: () => 'slice',
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v, item) => `slice(${item(v.start)}, ${item(v.stop)}, ${item(v.step)})`,
  // unhashable in 3.11 (hashable from 3.12)
  hash: null,
  // slice_richcompare: as the tuples of their parts, and only with another slice
  eq: (a, b, eq) => (b instanceof PySlice ? eq(a.start, b.start) && eq(a.stop, b.stop) && eq(a.step, b.step) : NOT_IMPLEMENTED),
  compare: (a, b, op) => (b instanceof PySlice ? compare(parts(a), parts(b), op) : NOT_IMPLEMENTED),
  getattr: (v, name) => (name === 'start' ? v.start : name === 'stop' ? v.stop : name === 'step' ? v.step : undefined),
  methods: new Map([['indices', indices]]),
};

registerType(PySlice, SLICE);
