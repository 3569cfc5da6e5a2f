/**
 * bisect, as CPython 3.11's _bisect (C) has it: the sequence read with PySequence_Size and
 * PySequence_GetItem (a class's __len__ and __getitem__ are called), each probe compared with
 * `<` through the operators (a class's __lt__, once a probe), the key called once a probe, and
 * insort's insert a list's own or the sequence's `insert` method.
 */
import { bind, indexArg, indexValue } from '../args.js';
import { checkSize, tick, work } from '../budget.js';
import { callValue } from '../call.js';
import { getattr } from '../attributes.js';
import { classOfInstance } from '../classes.js';
import { OverflowError, pyErr, typeErr, valueErr } from '../exceptions.js';
import { PyHookedCollection } from '../hooked-collection.js';
import { PyMemoryView } from '../memoryview.js';
import { PyDeque } from './collections/deque.js';
import * as ops from '../ops.js';
import { PyBytes, PyDict, PyFunc, PyModule, PyRange, PyTuple, typeName, type Py } from '../values.js';

/** The builtin types with sq_item, besides list and str (a bytearray is a PyBytes). */
const SEQUENCES = [PyTuple, PyRange, PyBytes, PyMemoryView, PyDeque, PyHookedCollection];

const NAMES = ['a', 'x', 'lo', 'hi', 'key'] as const;

/** `hi` as _Py_convert_optional_to_ssize_t reads it: None, or an int within Py_ssize_t. */
function optionalIndex(v: Py): number {
  if (v === undefined || v === null) return -1;
  const n = indexValue(v);
  if (n === undefined) throw typeErr(`argument should be integer or None, not '${typeName(v)}'`);
  if (typeof n === 'bigint') throw pyErr(OverflowError, "cannot fit 'int' into an index-sized integer");
  return n;
}

/** `lo` and `hi` as Argument Clinic reads them: Py_ssize_t, and hi None (or -1) for len(a). */
function bounds(a: Py, lo: Py, hi: Py): [number, number] {
  const low = lo === undefined ? 0 : indexArg(lo);
  const high = optionalIndex(hi);
  if (low < 0) throw valueErr('lo must be non-negative');
  return [low, high === -1 ? ops.len(a) : high];
}

/** PySequence_GetItem: a sequence's item; a mapping or a value without items is refused in its words. */
function itemAt(a: Py, i: number): Py {
  if (Array.isArray(a) || typeof a === 'string' || SEQUENCES.some((t) => a instanceof t) || classOfInstance(a)?.lookup('__getitem__') !== undefined) return ops.getitem(a, i);
  if (a instanceof PyDict) throw typeErr(`${typeName(a)} is not a sequence`);
  throw typeErr(`'${typeName(a)}' object does not support indexing`);
}

/** internal_bisect_right and internal_bisect_left: `x < a[mid]` (right) or `a[mid] < x` (left). */
function search(a: Py, x: Py, lo: number, hi: number, key: Py, right: boolean): number {
  while (lo < hi) {
    tick();
    // (lo + hi) / 2 as size_t: no overflow for indexes below 2**63
    const mid = Math.floor((lo + hi) / 2);
    let item = itemAt(a, mid);
    if (key !== null && key !== undefined) item = callValue(key, [item], null);
    const below = right ? ops.truthy(ops.ltValue(x, item)) : ops.truthy(ops.ltValue(item, x));
    if (below === right) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const bisectFn = (name: string, right: boolean): PyFunc =>
  new PyFunc(name, (args, kw) => {
    const [a, x, lo, hi, key] = bind(name, args, kw, NAMES, 2, undefined, { kwOnly: 1 });
    const [low, high] = bounds(a, lo, hi);
    return search(a, x, low, high, key, right);
  });

const insortFn = (name: string, right: boolean): PyFunc =>
  new PyFunc(name, (args, kw) => {
    const [a, x, lo, hi, key] = bind(name, args, kw, NAMES, 2, undefined, { kwOnly: 1 });
    const [low, high] = bounds(a, lo, hi);
    const hasKey = key !== null && key !== undefined;
    const index = search(a, hasKey ? callValue(key, [x], null) : x, low, high, key, right);
    // PyList_CheckExact: a list itself, not a subclass's instance
    if (Array.isArray(a) && a.constructor === Array) {
      // PyList_Insert: the index is within the list (a hi past its end may have put it beyond)
      const at = Math.min(index, a.length);
      checkSize(a.length + 1);
      work(a.length - at);
      a.splice(at, 0, x);
    } else callValue(getattr(a, 'insert'), [index, x], null);
    return null;
  });

const bisectRight = bisectFn('bisect_right', true);
const insortRight = insortFn('insort_right', true);

/** Lib/bisect.py: `bisect` and `insort` are the same objects as bisect_right and insort_right. */
export const BISECT = new PyModule(
  'bisect',
  new Map<string, Py>([
    ['bisect_left', bisectFn('bisect_left', false)],
    ['bisect_right', bisectRight],
    ['bisect', bisectRight],
    ['insort_left', insortFn('insort_left', false)],
    ['insort_right', insortRight],
    ['insort', insortRight],
  ]),
);

