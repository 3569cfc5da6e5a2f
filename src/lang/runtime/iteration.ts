import { allocItems, checkClock, checkSize, paidTick, step, work } from './budget.js';
import { cpChars, cpLen } from './codepoints.js';
import { typeErr, TypeError_ } from './exceptions.js';
import { itemsBeyondMemory, widthArg } from './sizes.js';
import { ITERATOR } from './types/iterator.js';
import { registerType, typeOf } from './types/table.js';
import { PyException, PyIterator, PyRange, PyTuple, typeName, type Py } from './values.js';
import { PyInstance } from './class-values.js';
import { lengthHintOfClass } from './sequence-dunders.js';
import { lateOwner } from './late-hooks.js';

// Truth, length and iteration of every value.

export function truthy(v: Py): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return v.length !== 0;
    case 'number':
      return v !== 0;
  }
  if (v === null || v === undefined) return false;
  return typeOf(v).truthy(v);
}

/** Whether iterate(v) walks v rather than raising. */
export function isIterable(v: Py): boolean {
  return typeOf(v).iter !== null;
}

/**
 * A condition's plain instance's iterator got now (PyObject_GetIter), as bytes() and bytearray()
 * get it, its TypeError in the caller's words; another value as it is, refused where not iterable.
 */
export function iterableOr(v: Py, refused: () => PyException): Py {
  if (!(v instanceof PyInstance)) {
    if (!isIterable(v)) throw refused();
    return v;
  }
  try {
    return new PyIterator(iterate(v)[Symbol.iterator](), 'iterator');
  } catch (e) {
    if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(TypeError_)) throw refused();
    throw e;
  }
}

/** What a `for` loop walks over. */
export function iterate(v: Py): Iterable<Py> {
  // a list subclass's instance whose class got an __iter__ after it was made asks it (late-hooks.ts)
  if (Array.isArray(v) && lateOwner(v, '__iter__') === undefined) return v;
  const iter = typeOf(v).iter;
  if (iter === null) throw typeErr(`'${typeName(v)}' object is not iterable`);
  return iter(v);
}

/** An iterator that counts what it gave. */
class Counted implements Iterator<Py> {
  taken = 0;
  constructor(private readonly inner: Iterator<Py>) {}
  next(): IteratorResult<Py> {
    const r = this.inner.next();
    if (r.done !== true) this.taken++;
    return r;
  }
}

/**
 * A range's iterator (iter() and reversed() of a range): what it has left is known, as its
 * __length_hint__ is in CPython, so list(reversed(range(2**62))) is refused before it is walked.
 */
export class PyRangeIterator extends PyIterator {
  constructor(private readonly counted: Counted, private readonly size: number | bigint, name: string) {
    super(counted, name);
  }

  /** `range` is a PyRange or a range of BigInts (types/big-range.ts, above this module). */
  static of(range: Py, name: string): PyRangeIterator {
    return new PyRangeIterator(new Counted(iterate(range)[Symbol.iterator]()), (range as { length: number | bigint }).length, name);
  }

  get left(): number | bigint {
    return typeof this.size === 'bigint' ? this.size - BigInt(this.counted.taken) : this.size - this.counted.taken;
  }
}
registerType(PyRangeIterator, ITERATOR);

/** A range's length, or a range iterator's, known before it is walked, or -1 for any other value. */
function rangeLength(v: Py): number {
  if (v instanceof PyRange) return v.length;
  // past Py_ssize_t, CPython's OverflowError as list() reads the length hint (max() reads none
  // and would walk for ever: the error ends it at once, as for max(range(10**30)) above)
  if (v instanceof PyRangeIterator) return Number(widthArg(v.left));
  // a range of BigInts (types/big-range.ts, above this module) too: len() is CPython's OverflowError past Py_ssize_t
  return v !== null && typeof v === 'object' && typeof v.length === 'bigint' ? Number(len(v)) : -1;
}

/**
 * PyObject_LengthHint, which list(), tuple(), sorted() and [*x] take before they walk v: the
 * __len__ of a condition's class (an instance carries its class as `cls`; this module is below
 * class-values.ts) is called, and its errors but a TypeError raised, so that one answering -1
 * is CPython's ValueError there too; then its __length_hint__.
 */
export function lengthHint(v: Py): void {
  const cls = v !== null && typeof v === 'object' ? (v as { cls?: { lookup?(name: string): unknown } }).cls : undefined;
  if (typeof cls?.lookup !== 'function') return;
  if (cls.lookup('__len__') !== undefined) {
    try {
      len(v);
      return;
    } catch (e) {
      if (!(e instanceof PyException) || e.fatal || !e.type.isSubclassOf(TypeError_)) throw e;
    }
  }
  // then the class's __length_hint__ (sequence-dunders.ts)
  lengthHintOfClass(v);
}

/** out.extend(v) for a display's starred item ([*x], (*x,)): paid for, within the size limit. */
export function spread(out: Py[], v: Py): void {
  if ((Array.isArray(v) || v instanceof PyTuple) && lateOwner(v, '__iter__') === undefined) {
    const items: Py[] = Array.isArray(v) ? v : v.items;
    allocItems(out.length + items.length);
    // f(*l) of a million items then passes a million arguments: some 35 ns an item in all, four times a copy
    work(items.length * 3);
    // and looks at the clock as it copies: where fresh memory is slow to map, 300,000 pushes took 30 ms
    for (let i = 0; i < items.length; i++) {
      paidTick();
      out.push(items[i]);
    }
    return;
  }
  if (typeof v === 'string') allocItems(out.length + v.length);
  lengthHint(v);
  const known = rangeLength(v);
  if (known >= 0) {
    // [*range(2**62)]: list_extend preallocates, CPython's MemoryError past memory
    itemsBeyondMemory(out.length + known);
    checkSize(out.length + known);
  }
  for (const x of iterate(v)) {
    out.push(x);
    if ((out.length & 1023) === 0) checkSize(out.length);
  }
}

/** A fresh list of what v yields, within the size limit. */
export function toList(v: Py): Py[] {
  if (Array.isArray(v) && lateOwner(v, '__iter__') === undefined) {
    allocItems(v.length);
    return v.slice();
  }
  if (typeof v === 'string') {
    allocItems(v.length);
    return cpChars(v);
  }
  if (v instanceof PyTuple && lateOwner(v, '__iter__') === undefined) {
    allocItems(v.items.length);
    return v.items.slice();
  }
  if (v instanceof PyRange) {
    // by arithmetic, not a generator's million resumptions (50 ms for list(range(10**6)))
    const n = v.length;
    itemsBeyondMemory(n);
    allocItems(n);
    // filled in place, not pushed (a fresh million-item array's growth took 100 ms where new memory is slow to map), with a look at the clock every 65,536 items
    const out: Py[] = new Array(n);
    for (let i = 0, x = v.start; i < n; i++, x += v.step) {
      if ((i & 0xffff) === 0xffff) checkClock();
      out[i] = x;
    }
    return out;
  }
  // the size is known: refuse a huge range before walking it (the walk pays per item)
  const known = rangeLength(v);
  if (known >= 0) {
    // list(range(2**62)) is CPython's MemoryError: its preallocation past memory
    itemsBeyondMemory(known);
    checkSize(known);
  }
  const out: Py[] = [];
  for (const x of iterate(v)) {
    out.push(x);
    if ((out.length & 1023) === 0) {
      checkSize(out.length);
      step();
    }
  }
  checkSize(out.length);
  return out;
}

export function len(v: Py): number {
  if (Array.isArray(v) && lateOwner(v, '__len__') === undefined) return v.length;
  if (typeof v === 'string') return cpLen(v);
  const n = typeOf(v).len;
  if (n === null) throw typeErr(`object of type '${typeName(v)}' has no len()`);
  return n(v);
}
