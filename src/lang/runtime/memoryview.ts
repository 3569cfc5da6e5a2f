/**
 * memoryview, as Objects/memoryobject.c has it: a window on a bytes' or a bytearray's octets,
 * read and (over a bytearray) written in place as items of a struct format, laid out in any
 * number of dimensions up to 64 (a cast's shape), sliced along the first into further windows
 * on the same octets, cast between a byte format and another. Native formats are x86-64's and arm64's, little-endian (what every machine the
 * evaluator builds for has). A view of a bytearray fixes its size until it is released, by
 * release() or the end of a `with` block, as CPython's exports do.
 */
import { bind, indexValue } from './args.js';
import { checkedMethods } from './arity.js';
import { allocItems, tick, work } from './budget.js';
import { bufferOf } from './bytes-like.js';
import { BYTES, encodeText } from './bytes.js';
import { PyByteArray, sliceLength } from './bytearray.js';
import { NativeContextManager } from './context-managers.js';
import { BufferError, IndexError, indexErr, NotImplementedError, pyErr, typeErr, valueErr } from './exceptions.js';
import { pyHashBig } from './hash.js';
import { sliceIndices } from './items.js';
import { contiguity, copyShape, cStrides, MAX_NDIM, walkRows } from './memoryview-layout.js';
import { indexSized, intOf } from './numbers.js';
import { ELLIPSIS } from './scalars.js';
import { PySlice } from './slice.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from './types/protocol.js';
import { registerType, registerTypeObject, typeOf } from './types/table.js';
import { PyInstance } from './class-values.js';
import { argTypeName, EMPTY_TUPLE, freshBytes, latin1, type Py, PyBytes, PyFloat, PyTuple, sharedBytes, typeName } from './values.js';

/** struct's native formats that memoryview.cast takes, by their item size (x86-64 and arm64 Linux). */
const ITEM_SIZES: ReadonlyMap<string, number> = new Map([
  ['c', 1], ['b', 1], ['B', 1], ['?', 1], ['h', 2], ['H', 2], ['i', 4], ['I', 4], ['l', 8], ['L', 8],
  ['q', 8], ['Q', 8], ['n', 8], ['N', 8], ['P', 8], ['f', 4], ['d', 8],
]);
const BYTE_FORMATS = new Set(['B', 'b', 'c']);
/** The integer formats' signedness and bits. */
const INTEGERS: ReadonlyMap<string, [signed: boolean, bits: number]> = new Map([
  ['b', [true, 8]], ['B', [false, 8]], ['h', [true, 16]], ['H', [false, 16]], ['i', [true, 32]], ['I', [false, 32]],
  ['l', [true, 64]], ['L', [false, 64]], ['q', [true, 64]], ['Q', [false, 64]], ['n', [true, 64]], ['N', [false, 64]], ['P', [false, 64]],
]);

const released = () => valueErr('operation forbidden on released memoryview object');
const zeroDim = () => typeErr('invalid indexing of 0-dim memory');
const readOnly = () => typeErr('cannot modify read-only memory');

export class PyMemoryView extends NativeContextManager {
  isReleased = false;
  /** The hash and the dict key, kept once computed: CPython answers the hash after release too. */
  hashed: { hash: bigint; key: string } | null = null;
  /** How many items, the product of the shape. */
  readonly items: number;
  /** The first dimension's stride where a slice's step took it past the safe integers, as .strides shows it; strides[0] is 0 then, never read for the one item or none. */
  wideStride: bigint | null = null;
  /** Whether the items lie in C order, and in Fortran order, with no gaps (init_flags). */
  readonly cContiguous: boolean;
  readonly fContiguous: boolean;

  /** Items of `format` at `start` in obj's octets, laid out by `shape` and `strides` (octets, one a dimension; none for a 0-dim view's one item). */
  constructor(readonly obj: PyBytes, readonly start: number, readonly shape: readonly number[], readonly strides: readonly number[], readonly format: string, readonly readonly: boolean) {
    super();
    if (obj instanceof PyByteArray) obj.exports++;
    this.items = shape.reduce((a, b) => a * b, 1);
    const { c, f } = contiguity(shape, strides, this.itemsize);
    this.cContiguous = c;
    this.fContiguous = f;
  }

  get itemsize(): number {
    return ITEM_SIZES.get(this.format)!;
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** len(): the first dimension's, 1 for a 0-dim view (memory_length). */
  get length(): number {
    return this.shape.length === 0 ? 1 : this.shape[0];
  }

  /** The same view on the same octets, read-only or not. */
  copy(readonly = this.readonly): PyMemoryView {
    const view = new PyMemoryView(this.obj, this.start, this.shape, this.strides, this.format, readonly);
    view.wideStride = this.wideStride;
    return view;
  }

  /** The view itself, or CPython's ValueError once released. */
  live(): this {
    if (this.isReleased) throw released();
    return this;
  }

  release(): void {
    if (this.isReleased) return;
    this.isReleased = true;
    if (this.obj instanceof PyByteArray) this.obj.exports--;
  }

  enter(): Py {
    return this.live();
  }

  exit(): Py {
    this.release();
    return false;
  }

  /** The octets in C order: the underlying ones where C-contiguous, else copied. */
  octets(): Uint8Array {
    return this.live().cContiguous ? this.raw() : this.ordered('C');
  }

  /** The octets from the first item on, as memcpy takes them from a contiguous view. */
  raw(): Uint8Array {
    return this.obj.data.subarray(this.start, this.start + this.items * this.itemsize);
  }

  /** The octets copied item by item in C or Fortran order (PyBuffer_ToContiguous). */
  ordered(order: 'C' | 'F'): Uint8Array {
    const d = this.obj.data;
    const size = this.itemsize;
    allocItems(this.items * size);
    const out = new Uint8Array(this.items * size);
    let o = 0;
    walkRows(this.start, this.shape, this.strides, order, (from, step, n) => {
      // an octet at a time: a subarray an item took 100 ms for a million
      for (let k = 0; k < n; k++, from += step) for (let j = 0; j < size; j++) out[o++] = d[from + j];
    });
    return out;
  }

  pyBuffer(strict: boolean): Uint8Array | null {
    if (!this.cContiguous || this.isReleased) {
      if (!strict) return null;
      if (this.isReleased) throw released();
      throw pyErr(BufferError, 'memoryview: underlying buffer is not C-contiguous');
    }
    return this.octets();
  }

  pyOctets(): Uint8Array {
    return this.octets();
  }

  /** The octet offset of item i of a view of one dimension. */
  at(i: number): number {
    return this.start + i * this.strides[0];
  }

  /** m[lo:hi:st]: a view of the same octets, its first dimension sliced (init_slice). */
  pyGetSlice(lo: Py, hi: Py, st: Py): PyMemoryView {
    if (this.live().ndim === 0) throw zeroDim();
    const [start, stop, step] = sliceIndices(lo, hi, st, this.shape[0]);
    // init_slice's Py_ssize_t product, wrapped as it wraps: past the safe integers only for a step that leaves one item or none
    let stride: number | bigint = this.strides[0] * step;
    if (this.wideStride !== null || !(Math.abs(stride) <= Number.MAX_SAFE_INTEGER)) stride = BigInt.asIntN(64, (this.wideStride ?? BigInt(this.strides[0])) * exactStep(st));
    const wide = typeof stride === 'bigint' && !(stride >= -MAX_SAFE && stride <= MAX_SAFE);
    const view = new PyMemoryView(this.obj, this.at(start), [sliceLength(start, stop, step), ...this.shape.slice(1)], [wide ? 0 : Number(stride), ...this.strides.slice(1)], this.format, this.readonly);
    if (wide) view.wideStride = stride as bigint;
    return view;
  }

  /** m[lo:hi:st] = value: a bytes-like object of the same format and length, into a view of one dimension. */
  pySetSlice(lo: Py, hi: Py, st: Py, value: Py): void {
    if (this.live().readonly) throw readOnly();
    if (this.ndim === 0) throw zeroDim();
    if (this.ndim > 1) throw pyErr(NotImplementedError, 'memoryview slice assignments are currently restricted to ndim = 1');
    const target = this.pyGetSlice(lo, hi, st);
    target.release();
    const src = value instanceof PyMemoryView ? value.live() : null;
    const octets = src !== null ? src.octets() : bufferOf(value);
    if (octets === null) throw typeErr(`a bytes-like object is required, not '${typeName(value)}'`);
    if ((src?.format ?? 'B') !== this.format || (src !== null && src.ndim !== 1) || octets.length !== target.items * this.itemsize) throw valueErr('memoryview assignment: lvalue and rvalue have different structures');
    // copied first: the source may overlap the target
    const copy = octets.slice();
    work(copy.length);
    const size = this.itemsize;
    const d = this.obj.data;
    for (let k = 0, o = 0; k < target.items; k++) for (let j = 0, to = target.at(k); j < size; j++) d[to + j] = copy[o++];
  }

  pyDelSlice(): never {
    if (this.live().readonly) throw readOnly();
    throw typeErr('cannot delete memory');
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const SSIZE_MAX = 2n ** 63n - 1n;

/** A slice's step as PySlice_Unpack reads it, exactly (sliceIndices' is a double): 1 for None, clamped to a Py_ssize_t; sliceIndices has refused what is not an index, and 0. */
function exactStep(st: Py): bigint {
  if (st === null) return 1n;
  const n = BigInt(indexValue(st)!);
  return n > SSIZE_MAX ? SSIZE_MAX : n < -SSIZE_MAX ? -SSIZE_MAX : n;
}

/** memoryview(object): a view of a bytes, a bytearray or another view. */
export function makeMemoryView(args: Py[], kw: Map<string, Py> | null): PyMemoryView {
  const [object] = bind('memoryview', args, kw, ['object'], 1);
  if (object instanceof PyMemoryView) return object.live().copy();
  if (object instanceof PyBytes) return new PyMemoryView(object, 0, [object.data.length], [1], 'B', !(object instanceof PyByteArray));
  throw typeErr(`memoryview: a bytes-like object is required, not '${typeName(object)}'`);
}

/** A DataView of each octets' array, made once: tolist() reads a million items through it. */
const DATA_VIEWS = new WeakMap<Uint8Array, DataView>();
function dataView(d: Uint8Array): DataView {
  let view = DATA_VIEWS.get(d);
  if (view === undefined) DATA_VIEWS.set(d, (view = new DataView(d.buffer, d.byteOffset, d.byteLength)));
  return view;
}

/** The item at octet offset `o`, as struct unpacks it. */
function unpack(m: PyMemoryView, o: number): Py {
  const d = m.obj.data;
  switch (m.format) {
    case 'B':
      return d[o];
    case 'c':
      return sharedBytes(d.slice(o, o + 1));
    case '?':
      return d[o] !== 0;
  }
  const view = dataView(d);
  switch (m.format) {
    case 'f':
      return new PyFloat(view.getFloat32(o, true));
    case 'd':
      return new PyFloat(view.getFloat64(o, true));
  }
  const [signed, bits] = INTEGERS.get(m.format)!;
  if (bits === 8) return signed ? view.getInt8(o) : d[o];
  if (bits === 16) return signed ? view.getInt16(o, true) : view.getUint16(o, true);
  if (bits === 32) return signed ? view.getInt32(o, true) : view.getUint32(o, true);
  const n = signed ? view.getBigInt64(o, true) : view.getBigUint64(o, true);
  return Number.isSafeInteger(Number(n)) ? Number(n) : n;
}

/** The item `v` written at octet offset `o`, as struct packs it: CPython's words for a value of the wrong type or out of range. */
function pack(m: PyMemoryView, o: number, v: Py): void {
  const d = m.obj.data;
  const view = dataView(d);
  const f = m.format;
  const invalid = (what: 'type' | 'value') => (what === 'type' ? typeErr : valueErr)(`memoryview: invalid ${what} for format '${f}'`);
  if (f === 'c') {
    if (!(v instanceof PyBytes) || v instanceof PyByteArray) throw invalid('type');
    if (v.data.length !== 1) throw invalid('value');
    d[o] = v.data[0];
    return;
  }
  if (f === '?') {
    d[o] = typeOf(v).truthy(v) ? 1 : 0;
    return;
  }
  if (f === 'f' || f === 'd') {
    const x = v instanceof PyFloat ? v.v : typeof v === 'number' || typeof v === 'boolean' ? Number(v) : typeof v === 'bigint' ? Number(v) : null;
    if (x === null) throw invalid('type');
    if (f === 'f') view.setFloat32(o, x, true);
    else view.setFloat64(o, x, true);
    return;
  }
  // an int, or an int subclass's instance
  const i = intOf(v);
  if (i === undefined) throw invalid('type');
  const [signed, bits] = INTEGERS.get(f)!;
  const n = BigInt(i);
  const lo = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const hi = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  if (n < lo || n > hi) throw invalid('value');
  if (bits === 64) view.setBigUint64(o, BigInt.asUintN(64, n), true);
  else for (let k = 0; k < bits / 8; k++) d[o + k] = Number((BigInt.asUintN(bits, n) >> BigInt(8 * k)) & 0xffn);
}

/** An index along dimension `dim` (lookup_dimension): the octets it moves by, in memoryobject.c's words for one out of bounds. */
function lookup(m: PyMemoryView, dim: number, index: Py): number {
  // an int read already, or a tuple's item, whose __index__ is called here, once
  const key = indexValue(index)!;
  let i = typeof key === 'bigint' ? indexSized(key, IndexError, typeName(index)) : Number(key);
  const n = m.shape[dim];
  if (i < 0) i += n;
  if (!(i >= 0 && i < n)) throw indexErr(`index out of bounds on dimension ${dim + 1}`);
  return i * m.strides[dim];
}

/** An int, a bool, re's flags, or a class's __index__ (_PyIndex_Check): the class's is looked up, not called, as it is called once, to read the index. */
const isIndex = (key: Py): boolean => (key instanceof PyInstance ? key.cls.lookup('__index__') !== undefined : !(key instanceof PyTuple) && indexValue(key) !== undefined);

/** The octet offset of the item a key names, or what CPython raises for it; `store` words it for an assignment (memory_subscript, memory_ass_sub). */
function offsetOf(m: PyMemoryView, key: Py, store: boolean): number {
  if (m.ndim === 0) {
    if ((key instanceof PyTuple && key.items.length === 0) || (store && key === ELLIPSIS)) return m.start;
    throw zeroDim();
  }
  if (isIndex(key)) {
    // an assignment refuses before it reads the index; a read after (memory_ass_sub, memory_subscript)
    if (store && m.ndim > 1) throw pyErr(NotImplementedError, 'sub-views are not implemented');
    const index = indexValue(key)!;
    // PyNumber_AsSsize_t names the key's type, not its __index__'s int's
    if (typeof index === 'bigint') indexSized(index, IndexError, typeName(key));
    if (m.ndim > 1) throw pyErr(NotImplementedError, 'multi-dimensional sub-views are not implemented');
    return m.start + lookup(m, 0, index);
  }
  if (key instanceof PyTuple && key.items.every(isIndex)) {
    // ptr_from_tuple
    const n = key.items.length;
    if (n < m.ndim) throw pyErr(NotImplementedError, 'sub-views are not implemented');
    if (n > m.ndim) throw typeErr(`cannot index ${m.ndim}-dimension view with ${n}-element tuple`);
    let o = m.start;
    for (let dim = 0; dim < n; dim++) o += lookup(m, dim, key.items[dim]);
    return o;
  }
  if (key instanceof PyTuple && key.items.every((k) => k instanceof PySlice)) {
    throw pyErr(NotImplementedError, store ? 'memoryview slice assignments are currently restricted to ndim = 1' : 'multi-dimensional slicing is not implemented');
  }
  throw typeErr('memoryview: invalid slice key');
}

/** m.cast(format[, shape]): a view of the same octets as items of another format, one of the two a byte format; of one dimension, or the shape's from one (memoryview_cast_impl). */
function cast(m: PyMemoryView, args: Py[], kw: Map<string, Py> | null): PyMemoryView {
  const [format, shape] = bind('cast', args, kw, ['format', 'shape'], 1);
  if (typeof format !== 'string') throw typeErr(`cast() argument 'format' must be str, not ${argTypeName(format)}`);
  m.live();
  if (!m.cContiguous) throw typeErr('memoryview: casts are restricted to C-contiguous views');
  if ((shape !== undefined || m.ndim !== 1) && m.shape.includes(0)) throw typeErr('memoryview: cannot cast view with zeros in shape or strides');
  // the shape's own checks come first; its items after the format's (cast_to_ND)
  let dims: Py[] | null = null;
  if (shape !== undefined) {
    dims = Array.isArray(shape) ? shape : shape instanceof PyTuple ? shape.items : null;
    if (dims === null) throw typeErr('shape must be a list or a tuple');
    if (dims.length > MAX_NDIM) throw valueErr(`memoryview: number of dimensions must not exceed ${MAX_NDIM}`);
    if (m.ndim !== 1 && dims.length !== 1) throw typeErr('memoryview: cast must be 1D -> ND or ND -> 1D');
  }
  // PyUnicode_AsASCIIString: its UnicodeEncodeError for a format that is not ASCII
  encodeText('cast', format, 'ascii');
  const f = format.startsWith('@') ? format.slice(1) : format;
  const size = ITEM_SIZES.get(f);
  if (size === undefined || f.length !== 1) throw valueErr("memoryview: destination format must be a native single character format prefixed with an optional '@'");
  if (!BYTE_FORMATS.has(m.format) && !BYTE_FORMATS.has(f)) throw typeErr('memoryview: cannot cast between two non-byte formats');
  const nbytes = m.items * m.itemsize;
  if (nbytes % size !== 0) throw typeErr('memoryview: length is not a multiple of itemsize');
  let dest = [nbytes / size];
  if (dims !== null) {
    const { shape: cast, len } = copyShape(dims, size);
    if (len !== BigInt(nbytes)) throw typeErr('memoryview: product(shape) * itemsize != buffer size');
    dest = cast;
  }
  return new PyMemoryView(m.obj, m.start, dest, cStrides(dest, size), f, m.readonly);
}

/** m.hex(sep, bytes_per_sep): bytes.hex of its octets. */
function hex(m: PyMemoryView, args: Py[], kw: Map<string, Py> | null): Py {
  return BYTES.methods!.get('hex')!(new PyBytes(m.octets()), args, kw);
}

/** tolist(): the items, in lists nested one a dimension; a 0-dim view's one item. */
function tolist(m: PyMemoryView, dim = 0, start = m.start): Py {
  if (dim === m.ndim) return (tick(), unpack(m, start));
  const n = m.shape[dim];
  allocItems(n);
  const out = new Array<Py>(n);
  // an item may be a BigInt or a float made: the clock is looked at as they come
  for (let k = 0, o = start; k < n; k++, o += m.strides[dim]) out[k] = tolist(m, dim + 1, o);
  return out;
}

/** Each item's octet offset in C order. */
function offsets(m: PyMemoryView): number[] {
  allocItems(m.items);
  const out: number[] = [];
  walkRows(m.start, m.shape, m.strides, 'C', (from, step, n) => {
    for (let k = 0; k < n; k++, from += step) out.push(from);
  });
  return out;
}

const METHODS = checkedMethods('memoryview', new Map<string, Method>([
  ['tobytes', (m: PyMemoryView, args, kw) => {
    const [order] = bind('tobytes', args, kw, ['order']);
    if (order !== undefined && order !== null && typeof order !== 'string') throw typeErr(`tobytes() argument 'order' must be str or None, not ${typeName(order)}`);
    if (order !== undefined && order !== null && !/^[CFA]$/.test(order)) throw valueErr("order must be 'C', 'F' or 'A'");
    m.live();
    // PyBuffer_ToContiguous: the octets as they lie where they already lie in the order asked ('A': either)
    const asIs = order === 'F' ? m.fContiguous : order === 'A' ? m.cContiguous || m.fContiguous : m.cContiguous;
    const octets = asIs ? m.raw() : m.ordered(order === 'F' ? 'F' : 'C');
    allocItems(octets.length);
    return freshBytes(octets.slice());
  }],
  ['tolist', (m: PyMemoryView) => tolist(m.live())],
  ['hex', (m: PyMemoryView, args, kw) => hex(m.live(), args, kw)],
  ['release', (m: PyMemoryView) => (m.release(), null)],
  ['cast', cast],
  ['toreadonly', (m: PyMemoryView) => m.live().copy(true)],
]), { tobytes: 'own', tolist: 'none', hex: 'own', release: 'none', cast: 'own', toreadonly: 'none' });

/** equiv_shape: as many dimensions, of the same lengths up to the first empty one. */
function sameShape(a: PyMemoryView, b: PyMemoryView): boolean {
  if (a.ndim !== b.ndim) return false;
  for (let i = 0; i < a.ndim; i++) {
    if (a.shape[i] !== b.shape[i]) return false;
    if (a.shape[i] === 0) break;
  }
  return true;
}

/** The items of two views compared as struct unpacks them. */
function sameItems(a: PyMemoryView, b: PyMemoryView): boolean {
  if (!sameShape(a, b)) return false;
  // one format but a float's (NaN is not NaN, -0.0 is 0.0): the octets themselves
  if (a.format === b.format && a.format !== 'f' && a.format !== 'd') {
    const x = a.octets();
    const y = b.octets();
    work(x.length);
    return Buffer.compare(x, y) === 0;
  }
  const x = a.ndim === 1 ? null : offsets(a);
  const y = b.ndim === 1 ? null : offsets(b);
  for (let k = 0; k < a.items; k++) {
    tick();
    const p = comparable(unpack(a, x === null ? a.at(k) : x[k]));
    const q = comparable(unpack(b, y === null ? b.at(k) : y[k]));
    // an int and a float equal by value (1n == 1 holds, as Python's 2**60 == 2.0**60), a 'c' item only another
    // eslint-disable-next-line eqeqeq
    if (typeof p === 'string' || typeof q === 'string' ? p !== q : !(p == q)) return false;
  }
  return true;
}

/** An item as == compares it: a number or BigInt, or for 'c' a string no number equals. */
function comparable(v: Py): number | bigint | string {
  return v instanceof PyFloat ? v.v : v instanceof PyBytes ? `c${v.data[0]}` : typeof v === 'boolean' ? Number(v) : v;
}

/** memory_hash: the hash of its octets as bytes, for a read-only view of a hashable object in a byte format; and its key, a bytes' for format 'B' (they are ==). */
function hashed(m: PyMemoryView): { hash: bigint; key: string } {
  if (m.hashed !== null) return m.hashed;
  m.live();
  if (!m.readonly) throw valueErr('cannot hash writable memoryview object');
  if (!BYTE_FORMATS.has(m.format)) throw valueErr("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
  // the object's own hash is asked first (a read-only view of a bytearray)
  if (m.obj instanceof PyByteArray) throw typeErr("unhashable type: 'bytearray'");
  const octets = m.octets();
  work(octets.length);
  const text = latin1(octets);
  return (m.hashed = { hash: pyHashBig(text), key: keyPrefix(m) + text });
}

/** What a key's octets are read as: a bytes' for format 'B' in one dimension (they are ==); else the format and the shape == compares, up to its first empty dimension. */
function keyPrefix(m: PyMemoryView): string {
  if (m.format === 'B' && m.ndim === 1) return '\u0000bytes';
  const empty = m.shape.indexOf(0);
  return `\u0000memoryview${m.format}(${(empty < 0 ? m.shape : m.shape.slice(0, empty + 1)).join(',')})`;
}

/** The items of a view of one dimension, read as they are reached: released between two, the next is CPython's ValueError. */
function* items(m: PyMemoryView): Generator<Py> {
  for (let k = 0; k < m.live().shape[0]; k++) yield unpack(m.live(), m.at(k));
}

const MEMORYVIEW: PyTypeSlots<PyMemoryView> = {
  name: () => 'memoryview',
  truthy: (m) => m.live().length !== 0,
  len: (m) => m.live().length,
  // memory_iter refuses at iter(), before any item
  iter: (m) => {
    if (m.live().ndim === 0) throw zeroDim();
    if (m.ndim > 1) throw pyErr(NotImplementedError, 'multi-dimensional sub-views are not implemented');
    return items(m);
  },
  // a walk of the items, as _PySequence_IterSearch: iter's TypeError (a 0-dim view's) in its own words
  contains: (m, item, eq) => {
    if (m.live().ndim === 0) throw typeErr("argument of type 'memoryview' is not iterable");
    for (const x of MEMORYVIEW.iter!(m)) {
      tick();
      if (eq(x, item)) return true;
    }
    return false;
  },
  // CPython adds the address, which differs in every process: left out, as for functions
  repr: (m) => (m.isReleased ? '<released memory>' : '<memory>'),
  hash: (m) => hashed(m).hash,
  key: (m) => hashed(m).key,
  eq: (a, b) => {
    // identity decides only for a released view (memory_richcompare): a live one compares its items, NaN unequal to itself
    if (a.isReleased || (b instanceof PyMemoryView && b.isReleased)) return a === b;
    if (b instanceof PyMemoryView) return sameItems(a, b);
    if (b instanceof PyBytes) {
      // a view made for the comparison alone, released at once: a bytearray's size stays free
      const other = new PyMemoryView(b, 0, [b.data.length], [1], 'B', true);
      try {
        return sameItems(a, other);
      } finally {
        other.release();
      }
    }
    return NOT_IMPLEMENTED;
  },
  getitem: (m, key) => {
    if (m.live().ndim === 0 && key === ELLIPSIS) return m;
    if (key instanceof PySlice) return m.pyGetSlice(key.start, key.stop, key.step);
    return unpack(m, offsetOf(m, key, false));
  },
  setitem: (m, key, value) => {
    if (m.live().readonly) throw readOnly();
    if (key instanceof PySlice) return m.pySetSlice(key.start, key.stop, key.step, value);
    pack(m, offsetOf(m, key, true), value);
  },
  delitem: (m) => m.pyDelSlice(),
  getattr: (m, name) => {
    switch (name) {
      case 'obj':
        return m.live().obj;
      case 'nbytes':
        return m.live().items * m.itemsize;
      case 'readonly':
        return m.live().readonly;
      case 'itemsize':
        return m.live().itemsize;
      case 'format':
        return m.live().format;
      case 'ndim':
        return m.live().ndim;
      case 'shape':
        return new PyTuple([...m.live().shape]);
      case 'strides':
        return new PyTuple(m.live().wideStride === null ? [...m.strides] : [m.wideStride, ...m.strides.slice(1)]);
      case 'suboffsets':
        return (m.live(), EMPTY_TUPLE);
      case 'c_contiguous':
        return m.live().cContiguous;
      case 'f_contiguous':
        return m.live().fContiguous;
      case 'contiguous':
        return m.live().cContiguous || m.fContiguous;
      default:
        return undefined;
    }
  },
  methods: METHODS,
};

registerType(PyMemoryView, MEMORYVIEW);
registerTypeObject('memoryview', MEMORYVIEW);
