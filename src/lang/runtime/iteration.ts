import { allocItems, checkSize, step, tick, work } from './budget.js';
import { pyErr, RuntimeError, typeErr } from './exceptions.js';
import { PyDict, PyFloat, PyIterator, PyRange, PySet, PyTuple, PyView, typeName, type Py } from './values.js';

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
  if (v instanceof PyFloat) return v.v !== 0;
  if (Array.isArray(v)) return v.length !== 0;
  if (v instanceof PyDict) return v.m.size !== 0;
  if (v instanceof PySet) return v.size !== 0;
  if (v instanceof PyTuple) return v.items.length !== 0;
  if (v instanceof PyRange) return v.length !== 0;
  if (v instanceof PyView) return v.dict.m.size !== 0;
  return true;
}


function* rangeIter(r: PyRange): Generator<number> {
  const { start, stop, step: s } = r;
  if (s > 0) {
    for (let i = start; i < stop; i += s) {
      tick();
      yield i;
    }
  } else {
    for (let i = start; i > stop; i += s) {
      tick();
      yield i;
    }
  }
}

/**
 * A dict walked as CPython's dict iterators walk it: a change of size between two steps
 * is a RuntimeError, and so is a key beyond the number it had (one popped and put back
 * is met again, and without this the walk would not end).
 */
function* walkDict(d: PyDict, kind: 'keys' | 'values' | 'items'): Generator<Py> {
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

/** A set walked from a snapshot of its order; a change of size between two steps is a RuntimeError, as setiter's. */
function* walkSet(s: PySet): Generator<Py> {
  const size = s.size;
  for (const v of s.values()) {
    tick();
    if (s.size !== size) throw pyErr(RuntimeError, 'Set changed size during iteration');
    yield v;
  }
  if (s.size !== size) throw pyErr(RuntimeError, 'Set changed size during iteration');
}

/** Whether iterate(v) walks v rather than raising. */
export function isIterable(v: Py): boolean {
  return typeof v === 'string' || Array.isArray(v) || v instanceof PyDict || v instanceof PyTuple || v instanceof PyRange || v instanceof PySet || v instanceof PyIterator || v instanceof PyView;
}

/** What a `for` loop walks over. Lists are walked live, as Python does. */
export function iterate(v: Py): Iterable<Py> {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return v;
  if (v instanceof PyDict) return walkDict(v, 'keys');
  if (v instanceof PyTuple) return v.items;
  if (v instanceof PyRange) return rangeIter(v);
  if (v instanceof PySet) return walkSet(v);
  if (v instanceof PyIterator) return { [Symbol.iterator]: () => v.it };
  if (v instanceof PyView) return walkDict(v.dict, v.kind);
  throw typeErr(`'${typeName(v)}' object is not iterable`);
}

/** out.extend(v) for a display's starred item ([*x], (*x,)): paid for, within the size limit. */
export function spread(out: Py[], v: Py): void {
  if (Array.isArray(v) || v instanceof PyTuple) {
    const items: Py[] = Array.isArray(v) ? v : v.items;
    allocItems(out.length + items.length);
    // f(*l) of a million items then passes a million arguments: some 35 ns an item in all, four times a copy
    work(items.length * 3);
    for (let i = 0; i < items.length; i++) out.push(items[i]);
    return;
  }
  if (typeof v === 'string') allocItems(out.length + v.length);
  for (const x of iterate(v)) {
    out.push(x);
    if ((out.length & 1023) === 0) checkSize(out.length);
  }
}

/** A fresh list of what v yields, within the size limit. */
export function toList(v: Py): Py[] {
  if (Array.isArray(v)) {
    allocItems(v.length);
    return v.slice();
  }
  if (typeof v === 'string') {
    allocItems(v.length);
    return Array.from(v);
  }
  if (v instanceof PyTuple) {
    allocItems(v.items.length);
    return v.items.slice();
  }
  // the size is known: refuse a huge range before walking it (the walk pays per item)
  if (v instanceof PyRange) checkSize(v.length);
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
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  if (v instanceof PyDict) return v.m.size;
  if (v instanceof PySet) return v.size;
  if (v instanceof PyTuple) return v.items.length;
  if (v instanceof PyRange) return v.length;
  if (v instanceof PyView) return v.dict.m.size;
  throw typeErr(`object of type '${typeName(v)}' has no len()`);
}
