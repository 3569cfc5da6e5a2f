/**
 * bytearray, as Objects/bytearrayobject.c has it: bytes' methods (bytes-methods.ts), whose
 * results are bytearrays, and the ones that change it in place. Its octets grow into spare
 * room, as CPython over-allocates, so that appends take linear time; every octet made is
 * within the size limit and paid for. While a memoryview of it is not released (memoryview.ts)
 * its size is fixed, as ob_exports fixes it.
 */
import { bind, indexArg, indexValue } from './args.js';
import { checkedMethods } from './arity.js';
import { allocItems, charge, checkSize, work } from './budget.js';
import { contiguousOf, octetsOf } from './bytes-like.js';
import { fromhex, MORE_BYTES_ARITIES, MORE_BYTES_METHODS } from './bytes-methods.js';
import { BYTES, bytesRepr, decode, encodeText, textArgs } from './bytes.js';
import { BufferError, IndexError, indexErr, OverflowError, pyErr, typeErr, valueErr } from './exceptions.js';
import { isIterable, iterableOr, toList } from './iteration.js';
import { sliceIndices } from './items.js';
import { indexSized, isNumeric } from './numbers.js';
import { byteArrayBeyondMemory } from './sizes.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from './types/protocol.js';
import { registerType, registerTypeObject } from './types/table.js';
import { PyBytes, PyComplex, PyFunc, PyStrBox, typeName, type Py } from './values.js';

const exported = () => pyErr(BufferError, 'Existing exports of data: object cannot be re-sized');

export class PyByteArray extends PyBytes {
  /** The octets: the start of `room`, replaced when the size changes. */
  declare data: Uint8Array;
  /** Memoryviews of it not yet released: while there are any, its size may not change. */
  exports = 0;
  /** The buffer `data` begins, with room to grow into. */
  private room: Uint8Array;

  /** A bytearray that owns `data` (a new array, shared with nothing). */
  constructor(data: Uint8Array) {
    super(data);
    this.room = data;
  }

  isByteArray(): boolean {
    return true;
  }

  like(data: Uint8Array): PyByteArray {
    return new PyByteArray(data);
  }

  part(data: Uint8Array): PyByteArray {
    return new PyByteArray(data);
  }

  unchanged(): PyByteArray {
    allocItems(this.data.length);
    return new PyByteArray(this.data.slice());
  }

  /** _canresize: a memoryview of it not released fixes its size, in CPython's words. */
  checkResizable(): void {
    if (this.exports > 0) throw exported();
  }

  /** PyByteArray_Resize: the new octets are zeros. */
  resize(n: number): void {
    const len = this.data.length;
    if (n === len) return;
    this.checkResizable();
    if (n > this.room.length) {
      byteArrayBeyondMemory(n);
      allocItems(n);
      // bytearray_resize's over-allocation when it grows a little (an append), exact when much
      const room = new Uint8Array(n <= len + (len >> 3) + 8 ? n + (n >> 3) + (n < 9 ? 3 : 6) : n);
      room.set(this.data);
      this.room = room;
    } else if (n > len) {
      // within the room already made, and still within the size limit
      checkSize(n);
      this.room.fill(0, len, n);
    }
    this.data = this.room.subarray(0, n);
  }

  /** b += x: extended in place by any bytes-like object. */
  pyInplaceAdd(other: Py): PyByteArray {
    const d = contiguousOf(other);
    if (d === null) throw typeErr(`can't concat ${typeName(other)} to bytearray`);
    // CPython holds a buffer of the operand while it resizes: `b += b` is exported then
    if (other === this && d.length > 0) throw exported();
    this.splice(this.data.length, this.data.length, d.slice());
    return this;
  }

  /** b *= n: repeated in place; undefined for an n that is not an int, so that the operator words the error. */
  pyInplaceMul(n: Py): PyByteArray | undefined {
    if (typeof n !== 'number' && typeof n !== 'boolean' && typeof n !== 'bigint') return undefined;
    const times = Math.max(0, indexSized(typeof n === 'boolean' ? Number(n) : n));
    const repeated = BYTES.nb!.multiply!(this, times) as PyBytes;
    this.resize(repeated.data.length);
    this.data.set(repeated.data);
    return this;
  }

  /** b[lo:hi:st] = value, as bytearray_ass_subscript: a bytes-like object or an iterable of ints. */
  pySetSlice(lo: Py, hi: Py, st: Py, value: Py): void {
    // PyNumber_Check's numbers, and str: not the iterables of ints it would otherwise read them as
    if (isNumeric(value) || value instanceof PyComplex || typeof value === 'string') throw typeErr('can assign only bytes, buffers, or iterables of ints in range(0, 256)');
    // a copy: `b[:] = b` reads the octets before they move
    const octets = octetsOf(value)?.slice() ?? makeByteArray([value], null).data;
    const [start, stop, step] = sliceIndices(lo, hi, st, this.data.length);
    if (step === 1) return this.splice(start, Math.max(start, stop), octets);
    const n = sliceLength(start, stop, step);
    if (octets.length === 0) return this.remove(start, step, n);
    if (octets.length !== n) throw valueErr(`attempt to assign bytes of size ${octets.length} to extended slice of size ${n}`);
    work(n);
    for (let k = 0; k < n; k++) this.data[start + k * step] = octets[k];
  }

  /** del b[lo:hi:st]. */
  pyDelSlice(lo: Py, hi: Py, st: Py): void {
    const [start, stop, step] = sliceIndices(lo, hi, st, this.data.length);
    if (step === 1) return this.splice(start, Math.max(start, stop), new Uint8Array(0));
    this.remove(start, step, sliceLength(start, stop, step));
  }

  /** The octets [from, to) replaced by `octets`, the rest moved up or down. */
  splice(from: number, to: number, octets: Uint8Array): void {
    const len = this.data.length;
    const grown = len - (to - from) + octets.length;
    if (grown !== len) {
      const tail = this.data.slice(to);
      work(tail.length);
      this.resize(grown);
      this.data.set(tail, from + octets.length);
    }
    work(octets.length);
    this.data.set(octets, from);
  }

  /** The `n` octets of an extended slice (from `start`, `step` apart) taken out, the rest moved down. */
  private remove(start: number, step: number, n: number): void {
    if (n === 0) return;
    this.checkResizable();
    // the same positions counted upwards
    const first = step > 0 ? start : start + (n - 1) * step;
    const gap = Math.abs(step);
    const d = this.data;
    work(d.length);
    let w = first;
    for (let r = first; r < d.length; r++) if (r > first + (n - 1) * gap || (r - first) % gap !== 0) d[w++] = d[r];
    this.resize(w);
  }
}

/** How many positions a slice selects. */
export function sliceLength(start: number, stop: number, step: number): number {
  return step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
}

/** An int that is one byte (`bytesvalue` of Argument Clinic), in CPython's words otherwise. */
function byteArg(value: Py): number {
  // an int, re's flags, or a class's __index__
  const v = indexValue(value);
  if (v === undefined) throw typeErr(`'${typeName(value)}' object cannot be interpreted as an integer`);
  const n = typeof v === 'bigint' ? -1 : Number(v);
  if (!(n >= 0 && n <= 255)) throw valueErr('byte must be in range(0, 256)');
  return n;
}

/** An index of a bytearray, negative ones from the end. */
function position(b: PyByteArray, index: Py): number {
  return inRange(b, indexOf(index));
}

/** The index as given, before its range is checked. */
function indexOf(index: Py): number {
  const key = indexValue(index);
  if (key === undefined) throw typeErr(`bytearray indices must be integers or slices, not ${typeName(index)}`);
  return typeof key === 'bigint' ? indexSized(key, IndexError) : Number(key);
}

function inRange(b: PyByteArray, index: number): number {
  const i = index < 0 ? index + b.data.length : index;
  if (!(i >= 0 && i < b.data.length)) throw indexErr('bytearray index out of range');
  return i;
}

/** bytearray(), bytearray(n), bytearray(bytes-like), bytearray(iterable of ints), bytearray(str, encoding[, errors]). */
export function makeByteArray(args: Py[], kw: Map<string, Py> | null): PyByteArray {
  const [given, encoding, errors] = bind('bytearray', args, kw, ['source', 'encoding', 'errors']);
  textArgs('bytearray', encoding, errors);
  // a str subclass's instance is encoded as its str
  const source = given instanceof PyStrBox ? given.value : given;
  if (source === undefined) {
    if (encoding !== undefined || errors !== undefined) throw typeErr(encoding !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
    return new PyByteArray(new Uint8Array(0));
  }
  if (typeof source === 'string') {
    if (encoding === undefined) throw typeErr('string argument without an encoding');
    return new PyByteArray(encodeText('bytearray', source, encoding, errors));
  }
  if (encoding !== undefined) throw typeErr('encoding without a string argument');
  if (errors !== undefined) throw typeErr('errors without a string argument');
  // an index before a buffer (a bytes subclass's __index__), as bytearray_init tries them
  const count = indexValue(source);
  const octets = count === undefined ? octetsOf(source) : null;
  if (octets !== null) {
    allocItems(octets.length);
    return new PyByteArray(octets.slice());
  }
  if (count !== undefined) {
    if (typeof count === 'bigint' && (count >= 1n << 63n || count < -(1n << 63n))) throw pyErr(OverflowError, `cannot fit '${typeName(source)}' into an index-sized integer`);
    const n = Number(count);
    if (n < 0) throw valueErr('negative count');
    // (past memory a bare MemoryError, as PyByteArray_Resize's; below, the sandbox's size limit)
    byteArrayBeyondMemory(n);
    allocItems(n);
    return new PyByteArray(new Uint8Array(n));
  }
  const values = toList(iterableOr(source, () => typeErr(`cannot convert '${typeName(source)}' object to bytearray`)));
  allocItems(values.length);
  return new PyByteArray(Uint8Array.from(values, byteArg));
}

/** The methods that change a bytearray in place, and copy. */
const OWN_METHODS = new Map<string, Method>([
  ['append', (b: PyByteArray, [x]) => {
    const n = byteArg(x);
    b.resize(b.data.length + 1);
    b.data[b.data.length - 1] = n;
    return null;
  }],
  ['extend', (b: PyByteArray, [x]) => {
    let octets: Uint8Array;
    if (octetsOf(x) !== null) {
      // a bytes-like object as a slice assignment takes it: contiguous, copied before it grows (`b.extend(b)`)
      const d = contiguousOf(x);
      if (d === null) throw typeErr(`can't set bytearray slice from ${typeName(x)}`);
      octets = d.slice();
    } else {
      if (!isIterable(x)) throw typeErr(`can't extend bytearray with ${typeName(x)}`);
      const items = toList(x);
      allocItems(items.length);
      octets = Uint8Array.from(items, byteArg);
    }
    b.splice(b.data.length, b.data.length, octets);
    return null;
  }],
  ['insert', (b: PyByteArray, [i, x]) => {
    let at = indexArg(i);
    const n = byteArg(x);
    const len = b.data.length;
    if (at < 0) at = Math.max(0, at + len);
    at = Math.min(at, len);
    b.splice(at, at, Uint8Array.of(n));
    return null;
  }],
  ['pop', (b: PyByteArray, [i]) => {
    const len = b.data.length;
    if (len === 0) throw indexErr('pop from empty bytearray');
    let at = i === undefined ? -1 : indexArg(i);
    if (at < 0) at += len;
    if (!(at >= 0 && at < len)) throw indexErr('pop index out of range');
    b.checkResizable();
    const v = b.data[at];
    b.splice(at, at + 1, new Uint8Array(0));
    return v;
  }],
  ['remove', (b: PyByteArray, [x]) => {
    const n = byteArg(x);
    charge(b.data.length / 32);
    const at = b.data.indexOf(n);
    if (at < 0) throw valueErr('value not found in bytearray');
    b.checkResizable();
    b.splice(at, at + 1, new Uint8Array(0));
    return null;
  }],
  ['reverse', (b: PyByteArray) => {
    charge(b.data.length / 32);
    b.data.reverse();
    return null;
  }],
  ['clear', (b: PyByteArray) => (b.resize(0), null)],
  ['copy', (b: PyByteArray) => b.unchanged()],
]);

const BYTEARRAY_METHODS = checkedMethods('bytearray', new Map<string, Method>([['decode', decode], ...MORE_BYTES_METHODS, ...OWN_METHODS]), {
  decode: 'own',
  ...MORE_BYTES_ARITIES,
  append: 'one', extend: 'one', insert: ['clinic', 2, 2], pop: ['clinic', 0, 1], remove: 'one', reverse: 'none', clear: 'none', copy: 'none',
});

/** bytearray_richcompare: against any bytes-like object it can take the octets of; a memoryview it cannot is left to the memoryview. */
function octetsToCompare(other: Py): Uint8Array | null {
  return other instanceof PyBytes ? other.data : contiguousOf(other);
}

/** bytearray.fromhex(string): bytes.fromhex's octets, a bytearray. */
const byteArrayFromhex = (args: Py[], kw: Map<string, Py> | null) => new PyByteArray(fromhex(args, kw, 'bytearray').data);

const BYTEARRAY: PyTypeSlots<PyByteArray> = {
  name: () => 'bytearray',
  truthy: (v) => v.data.length !== 0,
  len: (v) => v.data.length,
  // read at each step, so that a loop that changes it sees the change, as CPython's iterator does
  iter: function* (v) {
    for (let i = 0; i < v.data.length; i++) yield v.data[i];
  },
  repr: (v) => `bytearray(${bytesRepr(v, true)})`,
  hash: null,
  eq: (a, b) => {
    const other = octetsToCompare(b);
    return other === null ? NOT_IMPLEMENTED : a.data.length === other.length && BYTES.compare!(a, new PyBytes(other), '==') === 0;
  },
  compare: (a, b, op) => {
    const other = octetsToCompare(b);
    return other === null ? NOT_IMPLEMENTED : BYTES.compare!(a, new PyBytes(other), op);
  },
  contains: BYTES.contains,
  nb: BYTES.nb,
  setitem: (v, key, value) => {
    // the value is read before the index's range is checked, as bytearray_ass_subscript does
    const index = indexOf(key);
    const octet = byteArg(value);
    v.data[inRange(v, index)] = octet;
  },
  delitem: (v, key) => {
    const i = position(v, key);
    v.checkResizable();
    v.splice(i, i + 1, new Uint8Array(0));
  },
  methods: BYTEARRAY_METHODS,
  classMethods: new Map<string, (args: Py[], kw: Map<string, Py> | null) => Py>([['fromhex', byteArrayFromhex], ['maketrans', (args, kw) => BYTEARRAY_METHODS.get('maketrans')!(new PyByteArray(new Uint8Array(0)), args, kw)]]),
  getattr: (_v, name) => (name === 'fromhex' ? new PyFunc('fromhex', byteArrayFromhex, 'method') : undefined),
};

registerType(PyByteArray, BYTEARRAY);
registerTypeObject('bytearray', BYTEARRAY);
