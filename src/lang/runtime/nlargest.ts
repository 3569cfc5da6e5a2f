/**
 * heapq.nlargest(n, iterable, key) as Lib/heapq.py runs it, with _heapq's heapify and
 * heapreplace (Modules/_heapqmodule.c): the same calls of key, len(), max() and sorted(), and
 * the same comparisons in the same order, so a key that cannot be ordered fails with CPython's
 * words and a class's __lt__ is called as often. Counter.most_common(n) is this (counter.ts).
 */
import { tick } from './budget.js';
import { BUILTINS } from './builtins.js';
import { callValue } from './call.js';
import { AttributeError, pyErr, RuntimeError, TypeError_ } from './exceptions.js';
import * as ops from './ops.js';
import { PySlice } from './slice.js';
import { PyException, PyTuple, type Py } from './values.js';

const builtin = (name: string): Py => BUILTINS.get(name)!;

export function nlargest(n: Py, iterable: Py, key: Py): Py[] {
  // n == 1: max(), with a default that tells an empty iterable apart
  if (ops.eq(n, 1)) {
    const sentinel: Py[] = [];
    const result = callValue(builtin('max'), [callValue(builtin('iter'), [iterable], null)], new Map([['default', sentinel], ['key', key]]));
    return result === sentinel ? [] : [result];
  }
  // n at least the size: sorted(), highest first, cut at n
  const size = sizeOf(iterable);
  if (size !== undefined && ops.ge(n, size)) {
    return ops.getitem(callValue(builtin('sorted'), [iterable], new Map([['key', key], ['reverse', true]])), new PySlice(null, n, null)) as Py[];
  }
  // the general case: a heap of the n largest as (key, order, item), order falling so that ties keep their first place
  const it = ops.iterate(iterable)[Symbol.iterator]();
  const result: Py[] = [];
  for (const order of ops.iterate(callValue(builtin('range'), [0, ops.neg(n), -1], null))) {
    const next = it.next();
    if (next.done) break;
    result.push(new PyTuple([callValue(key, [next.value], null), order, next.value]));
  }
  if (result.length === 0) return result;
  heapify(result);
  let top = (result[0] as PyTuple).items[0];
  let order = -result.length;
  for (let next = it.next(); !next.done; next = it.next()) {
    const k = callValue(key, [next.value], null);
    if (ops.lt(top, k)) {
      result[0] = new PyTuple([k, order, next.value]);
      siftup(result, 0);
      top = (result[0] as PyTuple).items[0];
      order -= 1;
    }
  }
  // result.sort(reverse=True): the orders differ, so the items themselves are never compared
  return (callValue(builtin('sorted'), [result], new Map([['reverse', true]])) as Py[]).map((t) => (t as PyTuple).items[2]);
}

/** len(iterable), or undefined where it has none (heapq's `except (TypeError, AttributeError)`). */
function sizeOf(iterable: Py): number | undefined {
  try {
    return ops.len(iterable);
  } catch (e) {
    if (e instanceof PyException && !e.fatal && (e.type.isSubclassOf(TypeError_) || e.type.isSubclassOf(AttributeError))) return undefined;
    throw e;
  }
}

/** `a < b` of two heap entries, with _heapq's check that a comparison did not resize the heap. */
function less(heap: Py[], a: Py, b: Py): boolean {
  const size = heap.length;
  tick();
  const r = ops.lt(a, b);
  if (heap.length !== size) throw pyErr(RuntimeError, 'list changed size during iteration');
  return r;
}

/** _heapq's siftdown: the item at pos moved up while it is less than its parent. */
function siftdown(heap: Py[], start: number, pos: number): void {
  while (pos > start) {
    const parent = (pos - 1) >> 1;
    if (!less(heap, heap[pos], heap[parent])) break;
    [heap[parent], heap[pos]] = [heap[pos], heap[parent]];
    pos = parent;
  }
}

/** _heapq's siftup: the smaller child moved up to a leaf, then siftdown. */
function siftup(heap: Py[], pos: number): void {
  const end = heap.length;
  const start = pos;
  const limit = end >> 1;
  while (pos < limit) {
    let child = 2 * pos + 1;
    if (child + 1 < end && !less(heap, heap[child], heap[child + 1])) child += 1;
    [heap[child], heap[pos]] = [heap[pos], heap[child]];
    pos = child;
  }
  siftdown(heap, start, pos);
}

/** _heapq's heapify: bottom up, or past 2,500 items row by row (cache_friendly_heapify), whose comparisons come in another order. */
function heapify(heap: Py[]): void {
  const n = heap.length;
  if (n <= 2500) {
    for (let i = (n >> 1) - 1; i >= 0; i--) siftup(heap, i);
    return;
  }
  const m = n >> 1;
  const leftmost = 2 ** Math.floor(Math.log2(m + 1)) - 1;
  const rows = (from: number, to: number) => {
    for (let i = from; i >= to; i--) {
      for (let j = i; ; j >>= 1) {
        siftup(heap, j);
        if (!(j & 1)) break;
      }
    }
  };
  rows(leftmost - 1, m >> 1);
  rows(m - 1, leftmost);
}
