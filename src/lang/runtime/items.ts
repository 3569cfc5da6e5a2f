import { indexOf } from './args.js';
import { allocItems, allocStr, checkSize, paidTick, work } from './budget.js';
import { IndexError, indexErr, keyErr, typeErr, valueErr } from './exceptions.js';
import { indexSized, isIntLike } from './numbers.js';
import { cpStarts, cpStep } from './codepoints.js';
import { isIterable, toList } from './iteration.js';
import { byteAt } from './bytes-methods.js';
import { PySlice } from './slice.js';
import { makeRange, sliceRange } from './types/big-range.js';
import { genericAlias, GENERIC_ORIGINS } from './types/generic-alias.js';
import { slotsOf } from './types/table.js';
import { PyBytes, PyDict, PyIntBox, PyRange, PyStrBox, PyTuple, PyType, tupleOf, typeName, type Py } from './values.js';
import { isHooked } from './class-values.js';
import { lateOwner, lateSlots } from './late-hooks.js';

// Subscripts: x[i], x[a:b:c], their assignment and deletion.

/** A sequence index, negative ones counted from the end; `what` names it in errors ('list', 'list assignment'). */
function index(i: Py, len: number, what: string, key: Py): number {
  let n: number;
  if (typeof i === 'number') n = i;
  else if (typeof i === 'boolean') n = i ? 1 : 0;
  // past Py_ssize_t CPython cannot fit it; below, it is out of range as any index past the length
  else if (typeof i === 'bigint') n = indexSized(i, IndexError);
  // an int subclass's instance (or re.I): its int
  else if (i instanceof PyIntBox) return index(i.value, len, what, key);
  else {
    // a class's __index__
    const k = indexOf(i);
    if (k === undefined) throw typeErr(`${what.split(' ')[0]} indices must be integers or slices, not ${typeName(key)}`);
    n = indexSized(k, IndexError, typeName(key));
  }
  if (n < 0) n += len;
  if (n < 0 || n >= len) throw indexErr(`${what} index out of range`);
  return n;
}

/** The sequences getslice answers itself; any other value takes a slice object as its key (or is not subscriptable). */
const slicesItself = (obj: Py): boolean =>
  typeof obj === 'string' || Array.isArray(obj) || obj instanceof PyTuple || (obj instanceof PyBytes && !isHooked(obj)) || obj instanceof PyRange || (obj !== null && typeof obj === 'object' && typeof obj.pyGetSlice === 'function');

export function getitem(obj: Py, key: Py): Py {
  // x[slice(a, b, c)] is x[a:b:c], for the sequences; a class's __getitem__ takes the slice object
  if (key instanceof PySlice && slicesItself(obj) && lateOwner(obj, '__getitem__') === undefined) return getslice(obj, key.start, key.stop, key.step);
  if (obj instanceof PyDict) {
    // a condition's dict subclass asks its class (dict-subclass.ts)
    if (obj.constructor !== PyDict && slotsOf(obj)?.getitem !== undefined) return slotsOf(obj)!.getitem!(obj, key);
    const v = obj.get(key);
    if (v !== undefined) return v;
    // dict_subscript: a subclass's __missing__ (Counter, defaultdict)
    const missing = (obj as Py).pyMissing;
    if (missing !== undefined) return missing.call(obj, key);
    throw keyErr(key);
  }
  if (Array.isArray(obj) && lateOwner(obj, '__getitem__') === undefined) return obj[index(key, obj.length, 'list', key)];
  if (typeof obj === 'string') {
    if (!isIntLike(key)) {
      const k = key instanceof PyIntBox ? key.value : indexOf(key);
      if (k === undefined) throw typeErr(`string indices must be integers, not '${typeName(key)}'`);
      return getitem(obj, k);
    }
    // code points: a string without a surrogate pair has one per unit
    const t = cpStarts(obj);
    if (t === null) return obj[index(key, obj.length, 'string', key)];
    const i = index(key, t.length - 1, 'string', key);
    return obj.slice(t[i], t[i + 1]);
  }
  if (obj instanceof PyTuple && lateOwner(obj, '__getitem__') === undefined) return obj.items[index(key, obj.items.length, 'tuple', key)];
  if (obj instanceof PyRange) {
    // an index of any size is out of range of a range of numbers
    if (typeof key === 'bigint') throw indexErr('range object index out of range');
    return obj.start + obj.step * index(key, obj.length, 'range object', key);
  }
  // a bytes subclass's instance whose class may have a __getitem__ of its own asks its slot (base-dunders.ts)
  if (obj instanceof PyBytes) return isHooked(obj) ? slotsOf(obj)!.getitem!(obj, key) : byteAt(obj, key);
  if (obj !== null && typeof obj === 'object' && typeof obj.pyGetItem === 'function') return obj.pyGetItem(key);
  const get = obj !== null && typeof obj === 'object' ? slotsOf(obj)?.getitem : undefined;
  if (get !== undefined) return get(obj, key);
  if (obj instanceof PyType) {
    if (GENERIC_ORIGINS.has(obj)) return genericAlias(obj, key);
    throw typeErr(`type '${obj.name}' is not subscriptable`);
  }
  throw typeErr(`'${typeName(obj)}' object is not subscriptable`);
}

export function setitem(obj: Py, key: Py, value: Py): void {
  if (obj instanceof PyDict) {
    if (obj.constructor !== PyDict && slotsOf(obj)?.setitem !== undefined) return slotsOf(obj)!.setitem!(obj, key, value);
    obj.set(key, value);
    checkSize(obj.m.size);
    return;
  }
  if (Array.isArray(obj) && lateOwner(obj, '__setitem__') === undefined) {
    if (key instanceof PySlice) return setslice(obj, key.start, key.stop, key.step, value);
    obj[index(key, obj.length, 'list assignment', key)] = value;
    return;
  }
  if (obj !== null && typeof obj === 'object') {
    // a bytearray or a memoryview: a slice object is its slice
    if (key instanceof PySlice && typeof obj.pySetSlice === 'function') return obj.pySetSlice(key.start, key.stop, key.step, value);
    if (typeof obj.pySetItem === 'function') return obj.pySetItem(key, value);
  }
  const set = obj !== null && typeof obj === 'object' ? slotsOf(obj)?.setitem : undefined;
  if (set !== undefined) return set(obj, key, value);
  throw typeErr(`'${typeName(obj)}' object does not support item assignment`);
}

export function delitem(obj: Py, key: Py): void {
  if (obj instanceof PyDict) {
    if (obj.constructor !== PyDict && slotsOf(obj)?.delitem !== undefined) return slotsOf(obj)!.delitem!(obj, key);
    if (!obj.delete(key)) throw keyErr(key);
    return;
  }
  if (Array.isArray(obj) && lateOwner(obj, '__delitem__') === undefined) {
    if (key instanceof PySlice) return delslice(obj, key.start, key.stop, key.step);
    const i = index(key, obj.length, 'list assignment', key);
    // the items after it move down
    work(obj.length - i);
    obj.splice(i, 1);
    return;
  }
  if (key instanceof PySlice && obj !== null && typeof obj === 'object' && typeof obj.pyDelSlice === 'function') return obj.pyDelSlice(key.start, key.stop, key.step);
  const del = obj !== null && typeof obj === 'object' ? slotsOf(obj)?.delitem : undefined;
  if (del !== undefined) return del(obj, key);
  if (obj !== null && typeof obj === 'object' && typeof obj.pyDelItem === 'function') return obj.pyDelItem(key);
  throw notDeletable(obj, key);
}

/** PyObject_DelItem's words: an int index goes the sequence's way, which words it shorter. */
export const notDeletable = (obj: Py, key: Py) => typeErr(`'${typeName(obj)}' object ${isIntLike(key) ? "doesn't" : 'does not'} support item deletion`);

const SLICE_INDEX = 'slice indices must be integers or None or have an __index__ method';

function sliceBound(v: Py, words = SLICE_INDEX): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  // a huge bound is clamped to the sequence, as CPython's
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyIntBox) return Number(v.value);
  const k = indexOf(v);
  if (k !== undefined) return Number(k);
  throw typeErr(words);
}

/**
 * The start and end of index() of a list, tuple or deque (_PyEval_SliceIndexNotNone, None
 * refused too), clamped to the sequence as a slice's.
 */
export function searchBounds(start: Py, end: Py, len: number): [number, number] {
  const bound = (v: Py): number | null => {
    if (v === undefined) return null;
    const words = 'slice indices must be integers or have an __index__ method';
    if (v === null) throw typeErr(words);
    return sliceBound(v, words);
  };
  const lo = bound(start);
  const hi = bound(end);
  const [a, b] = sliceIndices(lo, hi, null, len);
  return [a, b];
}

/** Python's slice.indices(): the start, stop and step a slice selects in a sequence of length len. */
export function sliceIndices(lo: Py, hi: Py, st: Py, len: number): [number, number, number] {
  const stepv = sliceBound(st) ?? 1;
  if (stepv === 0) throw valueErr('slice step cannot be zero');
  let start = sliceBound(lo);
  let stop = sliceBound(hi);
  if (stepv > 0) {
    start = start === null ? 0 : start < 0 ? Math.max(0, start + len) : Math.min(start, len);
    stop = stop === null ? len : stop < 0 ? Math.max(0, stop + len) : Math.min(stop, len);
  } else {
    start = start === null ? len - 1 : start < 0 ? Math.max(-1, start + len) : Math.min(start, len - 1);
    stop = stop === null ? -1 : stop < 0 ? Math.max(-1, stop + len) : Math.min(stop, len - 1);
  }
  return [start, stop, stepv];
}

/** How many items slice.indices' start, stop and step pick. */
const countOf = (start: number, stop: number, step: number): number => (step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step)));

function pick<T>(items: ArrayLike<T>, lo: Py, hi: Py, st: Py): T[] {
  const [start, stop, s] = sliceIndices(lo, hi, st, items.length);
  const n = countOf(start, stop, s);
  allocItems(n);
  const out: T[] = new Array(n);
  for (let k = 0, i = start; k < n; k++, i += s) out[k] = items[i];
  return out;
}

/** tuplesubscript: the whole of an exact tuple is itself, and () is one object. */
function sliceTuple(t: PyTuple, lo: Py, hi: Py, st: Py): PyTuple {
  const items = pick(t.items, lo, hi, st);
  return items.length === t.items.length && t.constructor === PyTuple && sliceIndices(lo, hi, st, t.items.length)[2] === 1 ? t : tupleOf(items);
}

/** bytes_subscript: the whole of an exact bytes is itself; a step-1 slice is made from its octets (b'' and one octet shared), another filled in. */
function sliceBytes(b: PyBytes, lo: Py, hi: Py, st: Py): PyBytes {
  const data = Uint8Array.from(pick(b.data, lo, hi, st));
  return sliceIndices(lo, hi, st, b.data.length)[2] === 1 ? b.part(data) : b.like(data);
}

export function getslice(obj: Py, lo: Py, hi: Py, st: Py): Py {
  // a list or tuple subclass's class that got its __getitem__ after the instance was made takes the slice object (late-hooks.ts)
  if (lateOwner(obj, '__getitem__') !== undefined) return lateSlots().getitem!(obj, new PySlice(lo ?? null, hi ?? null, st ?? null));
  if (typeof obj === 'string') {
    const t = cpStarts(obj);
    const len = t === null ? obj.length : t.length - 1;
    if ((st === null || st === undefined || st === 1) && (lo === null || typeof lo === 'number') && (hi === null || typeof hi === 'number')) {
      const [start, stop] = sliceIndices(lo, hi, null, len);
      if (start >= stop) return '';
      allocStr(stop - start);
      return t === null ? obj.slice(start, stop) : obj.slice(t[start], t[stop]);
    }
    const [start, stop, step] = sliceIndices(lo, hi, st, len);
    const n = countOf(start, stop, step);
    allocStr(n);
    return cpStep(obj, start, step, n);
  }
  if (Array.isArray(obj)) return pick(obj, lo, hi, st);
  if (obj instanceof PyTuple) return sliceTuple(obj, lo, hi, st);
  if (obj instanceof PyBytes && !isHooked(obj)) return sliceBytes(obj, lo, hi, st);
  if (obj instanceof PyRange) {
    // a bound or step past the safe integers makes its range of BigInts
    if (typeof lo === 'bigint' || typeof hi === 'bigint' || typeof st === 'bigint') return sliceRange(BigInt(obj.start), BigInt(obj.step), BigInt(obj.length), lo, hi, st);
    const [start, stop, s] = sliceIndices(lo, hi, st, obj.length);
    return makeRange(obj.start + start * obj.step, obj.start + stop * obj.step, obj.step * s);
  }
  if (obj !== null && typeof obj === 'object' && typeof obj.pyGetSlice === 'function') return obj.pyGetSlice(lo, hi, st);
  // a str subclass's slice is a str, unless its class may have a __getitem__ of its own (value-dunders.ts)
  if (obj instanceof PyStrBox && !isHooked(obj)) return getslice(obj.value, lo, hi, st);
  // everything else takes the slice object as a key: a class's __getitem__, a dict (unhashable)
  return getitem(obj, new PySlice(lo, hi, st));
}

export function setslice(obj: Py, lo: Py, hi: Py, st: Py, value: Py): void {
  if (!Array.isArray(obj)) {
    // a bytearray or a memoryview; else the slice object as a key (a class's __setitem__)
    if (obj !== null && typeof obj === 'object' && typeof obj.pySetSlice === 'function') return obj.pySetSlice(lo, hi, st, value);
    return setitem(obj, new PySlice(lo, hi, st), value);
  }
  const [start, stop, s] = sliceIndices(lo, hi, st, obj.length);
  if (!isIterable(value)) throw typeErr(s === 1 ? 'can only assign an iterable' : 'must assign iterable to extended slice');
  const items = toList(value);
  if (s !== 1) {
    // the places by arithmetic, not a copy of every index; counted, as list_ass_subscript counts them, before the value was read
    const n = countOf(start, stop, s);
    if (n !== items.length) throw valueErr(`attempt to assign sequence of size ${items.length} to extended slice of size ${n}`);
    work(n);
    // a list the value's __iter__ shrank: CPython writes past its end; here what is past it is left alone
    for (let k = 0, i = start; k < n; k++, i += s) if (i < obj.length) obj[i] = items[k];
    return;
  }
  allocItems(obj.length + items.length);
  // not splice(start, n, ...items): a call takes some 100,000 arguments at most
  const tail = obj.slice(Math.max(start, stop));
  obj.length = start;
  // with a look at the clock every 1,024 pushes: where fresh memory is slow, a million took 45 ms, three times the charge
  for (let i = 0; i < items.length; i++) (paidTick(), obj.push(items[i]));
  for (let i = 0; i < tail.length; i++) (paidTick(), obj.push(tail[i]));
}

export function delslice(obj: Py, lo: Py, hi: Py, st: Py): void {
  if (!Array.isArray(obj)) {
    if (obj !== null && typeof obj === 'object' && typeof obj.pyDelSlice === 'function') return obj.pyDelSlice(lo, hi, st);
    return delitem(obj, new PySlice(lo, hi, st));
  }
  work(obj.length);
  // the indices removed are a progression, told by arithmetic (a Set of them took 1 µs an index): from the lowest, every |step|-th, n of them
  const [start, stop, s] = sliceIndices(lo, hi, st, obj.length);
  const n = countOf(start, stop, s);
  const step = Math.abs(s);
  const lowest = s > 0 ? start : start + (n - 1) * s;
  const highest = lowest + (n - 1) * step;
  let w = 0;
  for (let r = 0; r < obj.length; r++) if (n === 0 || r < lowest || r > highest || (r - lowest) % step !== 0) obj[w++] = obj[r];
  obj.length = w;
}
