/**
 * heapq, as CPython 3.11 has it: heappush, heappop, heapify, heapreplace and heappushpop are
 * _heapq's C functions (siftdown and siftup, with their checks that a comparison left the list
 * its size), nlargest, nsmallest and merge Lib/heapq.py's Python over them and _heapq's max-heap
 * variants. Items are compared with `<` through the operators, so a class's __lt__ (and a
 * tuple's or list's __eq__ of its items) is called in CPython's order and count.
 */
import { clinic, one } from '../args.js';
import { step, tick } from '../budget.js';
import { BUILTINS, iteratorName } from '../builtins.js';
import { callValue } from '../call.js';
import { getattr } from '../attributes.js';
import { IndexError, pyErr, RuntimeError, StopIteration, typeErr, TypeError_, AttributeError } from '../exceptions.js';
import { PyHookedCollection } from '../hooked-collection.js';
import * as ops from '../ops.js';
import { bindArgs, Signature } from '../signature.js';
import { argTypeName, PyDict, PyException, PyFunc, PyIterator, PyModule, PyTuple, type Py } from '../values.js';
import { PyGenerator, yieldFrom, type GeneratorBody } from '../generator.js';

const less = (a: Py, b: Py): boolean => (tick(), ops.truthy(ops.ltValue(a, b)));

/** Argument Clinic's `object(subclass_of='&PyList_Type')`: a list or a list subclass's instance (an Array too). */
function heapOf(v: Py, fname: string, alone: boolean): Py[] {
  // a list subclass with dunders of its own keeps its items in a list the sifts read directly, as C's PyList_GET_ITEM does
  if (v instanceof PyHookedCollection && Array.isArray(v.value)) return v.value;
  if (!Array.isArray(v)) throw typeErr(`${fname}() argument${alone ? '' : ' 1'} must be list, not ${argTypeName(v)}`);
  return v;
}

const changedSize = () => pyErr(RuntimeError, 'list changed size during iteration');
const outOfRange = () => pyErr(IndexError, 'index out of range');

/** A min-heap's order (`a < b`) or a max-heap's (`b < a`): the comparison each sift makes. */
type Before = (a: Py, b: Py) => boolean;
const MIN: Before = less;
const MAX: Before = (a, b) => less(b, a);

/** siftdown: the item at pos moves up past each parent it comes before. */
function siftdown(heap: Py[], before: Before, startpos: number, pos: number): void {
  const size = heap.length;
  if (pos >= size) throw outOfRange();
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const cmp = before(heap[pos], heap[parentpos]);
    if (size !== heap.length) throw changedSize();
    if (!cmp) break;
    const parent = heap[parentpos];
    heap[parentpos] = heap[pos];
    heap[pos] = parent;
    pos = parentpos;
  }
}

/** siftup: the smaller child moves up to a leaf, then the item there sifts down. */
function siftup(heap: Py[], before: Before, pos: number): void {
  const endpos = heap.length;
  const startpos = pos;
  if (pos >= endpos) throw outOfRange();
  const limit = endpos >> 1;
  while (pos < limit) {
    let childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      const cmp = before(heap[childpos], heap[childpos + 1]);
      if (!cmp) childpos++;
      if (endpos !== heap.length) throw changedSize();
    }
    const child = heap[childpos];
    heap[childpos] = heap[pos];
    heap[pos] = child;
    pos = childpos;
  }
  siftdown(heap, before, startpos, pos);
}

function heappop(heap: Py[], before: Before): Py {
  if (heap.length === 0) throw outOfRange();
  const last = heap.pop();
  if (heap.length === 0) return last;
  const top = heap[0];
  heap[0] = last;
  siftup(heap, before, 0);
  return top;
}

function heapreplace(heap: Py[], item: Py, before: Before): Py {
  if (heap.length === 0) throw outOfRange();
  const top = heap[0];
  heap[0] = item;
  siftup(heap, before, 0);
  return top;
}

/** heapify_internal: bottom-up, or past 2,500 items cache_friendly_heapify's order (the same heap, its comparisons in another order). */
function heapify(heap: Py[], before: Before): void {
  const n = heap.length;
  if (n <= 2500) {
    for (let i = (n >> 1) - 1; i >= 0; i--) siftup(heap, before, i);
    return;
  }
  const m = n >> 1;
  // keep_top_bit(m + 1) - 1: the leftmost node in m's row
  const leftmost = 2 ** Math.floor(Math.log2(m + 1)) - 1;
  const mhalf = m >> 1;
  const sweep = (from: number, to: number) => {
    for (let i = from; i >= to; i--) {
      for (let j = i; ; j >>= 1) {
        siftup(heap, before, j);
        if (!(j & 1)) break;
      }
    }
  };
  sweep(leftmost - 1, mhalf);
  sweep(m - 1, leftmost);
}

const heappush = (heap: Py[], item: Py): null => {
  heap.push(item);
  siftdown(heap, MIN, 0, heap.length - 1);
  return null;
};

function heappushpop(heap: Py[], item: Py): Py {
  if (heap.length === 0) return item;
  if (!less(heap[0], item)) return item;
  if (heap.length === 0) throw outOfRange();
  const top = heap[0];
  heap[0] = item;
  siftup(heap, MIN, 0);
  return top;
}

// ---------------------------------------------------------------- Lib/heapq.py

const SORTED = BUILTINS.get('sorted') as PyFunc;
const MIN_FN = BUILTINS.get('min') as PyFunc;
const MAX_FN = BUILTINS.get('max') as PyFunc;
const RANGE = BUILTINS.get('range') as PyFunc;

const NLARGEST = new Signature('nlargest', [{ name: 'n', star: '' }, { name: 'iterable', star: '' }, { name: 'key', star: '' }], 'python');
const NSMALLEST = new Signature('nsmallest', [{ name: 'n', star: '' }, { name: 'iterable', star: '' }, { name: 'key', star: '' }], 'python');

const iterOf = (v: Py): Iterator<Py> => (v instanceof PyIterator ? v.it : ops.iterate(v)[Symbol.iterator]());

/** `len(iterable)`, or undefined where it raises TypeError or AttributeError (which heapq's try catches). */
function sizeOf(iterable: Py): number | undefined {
  try {
    return ops.len(iterable);
  } catch (err) {
    if (err instanceof PyException && !err.fatal && (err.type.isSubclassOf(TypeError_) || err.type.isSubclassOf(AttributeError))) return undefined;
    throw err;
  }
}

/** nsmallest (largest false) and nlargest (largest true), line by line as Lib/heapq.py writes them. */
function select(args: Py[], kw: Map<string, Py> | null, largest: boolean): Py[] {
  const [n, iterable, key] = bindArgs(largest ? NLARGEST : NSMALLEST, args, kw, [undefined, undefined, null]);
  return selected(n, iterable, key, largest);
}

/** heapq.nlargest(n, iterable, key), as Counter.most_common(n) calls it (counter-python.ts). */
export const nlargest = (n: Py, iterable: Py, key: Py): Py[] => selected(n, iterable, key, true);

function selected(n: Py, iterable: Py, key: Py, largest: boolean): Py[] {
  if (ops.truthy(ops.eqValue(n, 1))) {
    const it = new PyIterator(iterOf(iterable), 'iterator');
    const sentinel = new PyDict();
    const result = callValue(largest ? MAX_FN : MIN_FN, [it], new Map([['default', sentinel], ['key', key]]));
    return result === sentinel ? [] : [result];
  }
  const size = sizeOf(iterable);
  if (size !== undefined && ops.truthy(ops.geValue(n, size))) {
    const sorted = callValue(SORTED, [iterable], new Map<string, Py>(largest ? [['key', key], ['reverse', true]] : [['key', key]]));
    return ops.getslice(sorted, null, n, null);
  }
  const it = iterOf(iterable);
  const orders = iterOf(largest ? callValue(RANGE, [0, ops.neg(n), -1], null) : callValue(RANGE, [n], null));
  const keyed = key !== null;
  // [(elem, i) for i, elem in zip(range(n), it)], or (key(elem), i, elem)
  const result: Py[] = [];
  for (let o = orders.next(); !o.done; o = orders.next()) {
    const r = it.next();
    if (r.done) break;
    step();
    result.push(new PyTuple(keyed ? [callValue(key, [r.value], null), o.value, r.value] : [r.value, o.value]));
  }
  if (result.length === 0) return result;
  const before = largest ? MIN : MAX;
  heapify(result, before);
  let top = (result[0] as PyTuple).items[0];
  let order: Py = largest ? ops.neg(n) : n;
  for (let r = it.next(); !r.done; r = it.next()) {
    step();
    const elem = r.value;
    const k = keyed ? callValue(key, [elem], null) : elem;
    if (largest ? less(top, k) : less(k, top)) {
      heapreplace(result, new PyTuple(keyed ? [k, order, elem] : [elem, order]), before);
      top = (result[0] as PyTuple).items[0];
      order = largest ? ops.sub(order, 1) : ops.add(order, 1);
    }
  }
  callValue(getattr(result, 'sort'), [], largest ? new Map([['reverse', true]]) : null);
  return result.map((t: PyTuple) => t.items[keyed ? 2 : 0]);
}

const MERGE = new Signature('merge', [{ name: 'iterables', star: '*' }, { name: 'key', star: '' }, { name: 'reverse', star: '' }], 'python');

/**
 * merge: each input's [value, order, next] (or [key(value), order, value, next]) in a heap of
 * lists, compared as lists are (values first, by == then <; orders are distinct, so the
 * iterators are never compared).
 */
function* merge(iterables: Py[], key: Py, reversed: Py): GeneratorBody {
  // a generator: nothing, not even `if reverse:`, runs before its first item is asked
  const reverse = ops.truthy(reversed);
  const before = reverse ? MAX : MIN;
  const direction = reverse ? -1 : 1;
  const keyed = key !== null;
  const at = keyed ? 3 : 2;
  const h: Py[][] = [];
  // each input's iterator, by what was given: the last one left is delegated to (`yield from next.__self__`)
  const given = new Map<Iterator<Py>, Py>();
  for (let order = 0; order < iterables.length; order++) {
    // an iterator made and read for each input: merge(*rows) of 300,000 rows took 300 ms, unpaid
    step();
    const it = iterOf(iterables[order]);
    given.set(it, iterables[order]);
    const r = it.next();
    if (r.done) continue;
    h.push(keyed ? [callValue(key, [r.value], null), order * direction, r.value, it] : [r.value, order * direction, it]);
  }
  heapify(h, before);
  while (h.length > 1) {
    for (;;) {
      const s = h[0];
      step();
      // `except StopIteration: _heappop(h)` holds the yield too: one thrown in ends this input
      try {
        yield s[keyed ? 2 : 0];
      } catch (err) {
        if (err instanceof PyException && !err.fatal && err.type.isSubclassOf(StopIteration)) break;
        throw err;
      }
      const r = (s[at] as Iterator<Py>).next();
      if (r.done) break;
      if (keyed) {
        s[0] = callValue(key, [r.value], null);
        s[2] = r.value;
      } else s[0] = r.value;
      heapreplace(h, s, before);
    }
    heappop(h, before);
  }
  if (h.length === 0) return null;
  const s = h[0];
  step();
  yield s[keyed ? 2 : 0];
  const it = s[at] as Iterator<Py>;
  const source = given.get(it)!;
  // its iterator, CPython's gi_yieldfrom meanwhile (a list's list_iterator), which what is sent or thrown reaches
  return yield* yieldFrom(source instanceof PyIterator ? source : new PyIterator(it, iteratorName(source)));
}

const fn = (name: string, f: (a: Py[], k: Map<string, Py> | null) => Py, kind: 'builtin' | 'function' = 'builtin'): [string, PyFunc] => [name, new PyFunc(name, f, kind)];

export const HEAPQ = new PyModule(
  'heapq',
  new Map<string, Py>([
    fn('heappush', (a, k) => {
      const [heap, item] = clinic('heappush', a, k, 2, 2, '_heapq');
      return heappush(heapOf(heap, 'heappush', false), item);
    }),
    fn('heappop', (a, k) => heappop(heapOf(one('heappop', a, k, '_heapq'), 'heappop', true), MIN)),
    fn('heapify', (a, k) => (heapify(heapOf(one('heapify', a, k, '_heapq'), 'heapify', true), MIN), null)),
    fn('heapreplace', (a, k) => {
      const [heap, item] = clinic('heapreplace', a, k, 2, 2, '_heapq');
      return heapreplace(heapOf(heap, 'heapreplace', false), item, MIN);
    }),
    fn('heappushpop', (a, k) => {
      const [heap, item] = clinic('heappushpop', a, k, 2, 2, '_heapq');
      return heappushpop(heapOf(heap, 'heappushpop', false), item);
    }),
    fn('nlargest', (a, k) => select(a, k, true), 'function'),
    fn('nsmallest', (a, k) => select(a, k, false), 'function'),
    fn('merge', (a, k) => {
      const [iterables, key, reverse] = bindArgs(MERGE, a, k, [undefined, null, false]);
      return new PyGenerator(merge((iterables as PyTuple).items, key, reverse), 'merge', true, false);
    }, 'function'),
  ]),
);
