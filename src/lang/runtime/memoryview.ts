/**
 * memoryview, as Objects/memoryobject.c has it for one dimension: a window on a bytes' or a
 * bytearray's octets, read and (over a bytearray) written in place as items of a struct
 * format, sliced into further windows on the same octets, cast between a byte format and
 * another. Native formats are x86-64's and arm64's, little-endian (what every machine the
 * evaluator builds for has). A view of a bytearray fixes its size until it is released, by
 * release() or the end of a `with` block, as CPython's exports do.
 */
import { bind, indexValue } from './args.js';
import { checkedMethods } from './arity.js';
import { allocItems, tick, work } from './budget.js';
import { bufferOf } from './bytes-like.js';
import { BYTES } from './bytes.js';
import { PyByteArray, sliceLength } from './bytearray.js';
import { NativeContextManager } from './context-managers.js';
import { BufferError, IndexError, indexErr, NotImplementedError, OverflowError, pyErr, typeErr, valueErr } from './exceptions.js';
import { pyHashBig } from './hash.js';
import { sliceIndices } from './items.js';
import { indexSized, intOf } from './numbers.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from './types/protocol.js';
import { registerType, registerTypeObject, typeOf } from './types/table.js';
import { EMPTY_TUPLE, freshBytes, latin1, type Py, PyBytes, PyFloat, PyTuple, sharedBytes, typeName } from './values.js';

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

export class PyMemoryView extends NativeContextManager {
  isReleased = false;
  /** The hash and the dict key, kept once computed: CPython answers the hash after release too. */
  hashed: { hash: bigint; key: string } | null = null;

  /** `count` items of `format`, `stride` octets apart from `start` in obj's octets. */
  constructor(readonly obj: PyBytes, readonly start: number, readonly count: number, readonly stride: number, readonly format: string, readonly readonly: boolean) {
    super();
    if (obj instanceof PyByteArray) obj.exports++;
  }

  get itemsize(): number {
    return ITEM_SIZES.get(this.format)!;
  }

  get contiguous(): boolean {
    return this.count <= 1 || this.stride === this.itemsize;
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

  /** The octets in order: the underlying ones where contiguous, else copied. */
  octets(): Uint8Array {
    const d = this.live().obj.data;
    const size = this.itemsize;
    if (this.contiguous) return d.subarray(this.start, this.start + this.count * size);
    allocItems(this.count * size);
    const out = new Uint8Array(this.count * size);
    // an octet at a time: a subarray an item took 100 ms for a million
    for (let k = 0, o = 0; k < this.count; k++) for (let j = 0, from = this.start + k * this.stride; j < size; j++) out[o++] = d[from + j];
    return out;
  }

  pyBuffer(strict: boolean): Uint8Array | null {
    if (!this.contiguous || this.isReleased) {
      if (!strict) return null;
      if (this.isReleased) throw released();
      throw pyErr(BufferError, 'memoryview: underlying buffer is not C-contiguous');
    }
    return this.octets();
  }

  pyOctets(): Uint8Array {
    return this.octets();
  }

  /** The octet offset of item i. */
  at(i: number): number {
    return this.start + i * this.stride;
  }

  /** m[lo:hi:st]: a view of the same octets. */
  pyGetSlice(lo: Py, hi: Py, st: Py): PyMemoryView {
    const [start, stop, step] = sliceIndices(lo, hi, st, this.live().count);
    return new PyMemoryView(this.obj, this.at(start), sliceLength(start, stop, step), this.stride * step, this.format, this.readonly);
  }

  /** m[lo:hi:st] = value: a bytes-like object of the same format and length. */
  pySetSlice(lo: Py, hi: Py, st: Py, value: Py): void {
    if (this.live().readonly) throw typeErr('cannot modify read-only memory');
    const target = this.pyGetSlice(lo, hi, st);
    target.release();
    const src = value instanceof PyMemoryView ? value.live() : null;
    const octets = src !== null ? src.octets() : bufferOf(value);
    if (octets === null) throw typeErr(`a bytes-like object is required, not '${typeName(value)}'`);
    if ((src?.format ?? 'B') !== this.format || octets.length !== target.count * this.itemsize) throw valueErr('memoryview assignment: lvalue and rvalue have different structures');
    // copied first: the source may overlap the target
    const copy = octets.slice();
    work(copy.length);
    const size = this.itemsize;
    const d = this.obj.data;
    for (let k = 0, o = 0; k < target.count; k++) for (let j = 0, to = target.at(k); j < size; j++) d[to + j] = copy[o++];
  }

  pyDelSlice(): never {
    throw typeErr('cannot delete memory');
  }
}

/** memoryview(object): a view of a bytes, a bytearray or another view. */
export function makeMemoryView(args: Py[], kw: Map<string, Py> | null): PyMemoryView {
  const [object] = bind('memoryview', args, kw, ['object'], 1);
  if (object instanceof PyMemoryView) {
    const m = object.live();
    return new PyMemoryView(m.obj, m.start, m.count, m.stride, m.format, m.readonly);
  }
  if (object instanceof PyBytes) return new PyMemoryView(object, 0, object.data.length, 1, 'B', !(object instanceof PyByteArray));
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

/** An index into the view's items, in memoryobject.c's words. */
function itemIndex(m: PyMemoryView, index: Py): number {
  // an int, re's flags, or a class's __index__
  const key = indexValue(index);
  if (key === undefined) throw typeErr('memoryview: invalid slice key');
  let i = typeof key === 'bigint' ? indexSized(key, IndexError) : Number(key);
  if (i < 0) i += m.count;
  if (!(i >= 0 && i < m.count)) throw indexErr('index out of bounds on dimension 1');
  return i;
}

/** m.cast(format[, shape]): a view of the same octets as items of another format; one of the two formats a byte format. */
function cast(m: PyMemoryView, args: Py[], kw: Map<string, Py> | null): PyMemoryView {
  const [format, shape] = bind('cast', args, kw, ['format', 'shape'], 1);
  if (typeof format !== 'string') throw typeErr(`cast() argument 'format' must be str, not ${typeName(format)}`);
  m.live();
  if (!m.contiguous) throw typeErr('memoryview: casts are restricted to C-contiguous views');
  // the shape's own checks come first, as memoryview_cast_impl's; its items after the format's (cast_to_ND)
  let dims: Py[] | null = null;
  if (shape !== undefined) {
    if (m.count === 0) throw typeErr('memoryview: cannot cast view with zeros in shape or strides');
    dims = Array.isArray(shape) ? shape : shape instanceof PyTuple ? shape.items : null;
    if (dims === null) throw typeErr('shape must be a list or a tuple');
    if (dims.length > MAX_NDIM) throw valueErr(`memoryview: number of dimensions must not exceed ${MAX_NDIM}`);
  }
  const f = format.startsWith('@') ? format.slice(1) : format;
  const size = ITEM_SIZES.get(f);
  if (size === undefined || f.length !== 1) throw valueErr("memoryview: destination format must be a native single character format prefixed with an optional '@'");
  if (!BYTE_FORMATS.has(m.format) && !BYTE_FORMATS.has(f)) throw typeErr('memoryview: cannot cast between two non-byte formats');
  const nbytes = m.count * m.itemsize;
  if (nbytes % size !== 0) throw typeErr('memoryview: length is not a multiple of itemsize');
  const count = nbytes / size;
  if (dims !== null) {
    if (shapeProduct(dims) * BigInt(size) !== BigInt(nbytes)) throw typeErr('memoryview: product(shape) * itemsize != buffer size');
    // a shape of one dimension is the cast's own; none or more make a view the evaluator does not have
    if (dims.length !== 1) throw pyErr(NotImplementedError, `memoryview.cast with a shape: the evaluator's memoryviews have one dimension, of ${count} items here`);
  }
  return new PyMemoryView(m.obj, m.start, count, size, f, m.readonly);
}

const MAX_NDIM = 64;
const SSIZE_MAX = 2n ** 63n - 1n;

/** The items of a cast's shape multiplied, each checked as copy_shape checks it. */
function shapeProduct(dims: Py[]): bigint {
  let len = 1n;
  for (const x of dims) {
    const n = intOf(x);
    if (n === undefined) throw typeErr('memoryview.cast(): elements of shape must be integers');
    const item = BigInt(n);
    if (item > SSIZE_MAX || item < -SSIZE_MAX - 1n) throw pyErr(OverflowError, 'Python int too large to convert to C ssize_t');
    if (item <= 0n) throw valueErr('memoryview.cast(): elements of shape must be integers > 0');
    if (item > SSIZE_MAX / len) throw valueErr('memoryview.cast(): product(shape) > SSIZE_MAX');
    len *= item;
  }
  return len;
}

/** m.hex(sep, bytes_per_sep): bytes.hex of its octets. */
function hex(m: PyMemoryView, args: Py[], kw: Map<string, Py> | null): Py {
  return BYTES.methods!.get('hex')!(new PyBytes(m.octets()), args, kw);
}

const METHODS = checkedMethods('memoryview', new Map<string, Method>([
  ['tobytes', (m: PyMemoryView, args, kw) => {
    const [order] = bind('tobytes', args, kw, ['order']);
    if (order !== undefined && order !== null && !(typeof order === 'string' && /^[CFA]$/.test(order))) throw valueErr("order must be 'C', 'F' or 'A'");
    const octets = m.octets();
    allocItems(octets.length);
    return freshBytes(octets.slice());
  }],
  ['tolist', (m: PyMemoryView) => {
    allocItems(m.live().count);
    const out = new Array<Py>(m.count);
    // an item may be a BigInt or a float made: the clock is looked at as they come
    for (let k = 0; k < m.count; k++) (tick(), (out[k] = unpack(m, m.at(k))));
    return out;
  }],
  ['hex', (m: PyMemoryView, args, kw) => hex(m.live(), args, kw)],
  ['release', (m: PyMemoryView) => (m.release(), null)],
  ['cast', cast],
  ['toreadonly', (m: PyMemoryView) => {
    m.live();
    return new PyMemoryView(m.obj, m.start, m.count, m.stride, m.format, true);
  }],
]), { tobytes: 'own', tolist: 'none', hex: 'own', release: 'none', cast: 'own', toreadonly: 'none' });

/** The items of two views compared as struct unpacks them. */
function sameItems(a: PyMemoryView, b: PyMemoryView): boolean {
  if (a.count !== b.count) return false;
  // one format but a float's (NaN is not NaN, -0.0 is 0.0): the octets themselves
  if (a.format === b.format && a.format !== 'f' && a.format !== 'd') {
    const x = a.octets();
    const y = b.octets();
    work(x.length);
    return Buffer.compare(x, y) === 0;
  }
  for (let k = 0; k < a.count; k++) {
    tick();
    const p = comparable(unpack(a, a.at(k)));
    const q = comparable(unpack(b, b.at(k)));
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
  return (m.hashed = { hash: pyHashBig(text), key: (m.format === 'B' ? '\u0000bytes' : `\u0000memoryview${m.format}`) + text });
}

const MEMORYVIEW: PyTypeSlots<PyMemoryView> = {
  name: () => 'memoryview',
  truthy: (m) => m.live().count !== 0,
  len: (m) => m.live().count,
  // released between two items, the next is CPython's ValueError
  iter: function* (m) {
    for (let k = 0; k < m.live().count; k++) yield unpack(m.live(), m.at(k));
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
      const other = new PyMemoryView(b, 0, b.data.length, 1, 'B', true);
      try {
        return sameItems(a, other);
      } finally {
        other.release();
      }
    }
    return NOT_IMPLEMENTED;
  },
  getitem: (m, key) => unpack(m.live(), m.at(itemIndex(m, key))),
  setitem: (m, key, value) => {
    if (m.live().readonly) throw typeErr('cannot modify read-only memory');
    pack(m, m.at(itemIndex(m, key)), value);
  },
  delitem: () => {
    throw typeErr('cannot delete memory');
  },
  getattr: (m, name) => {
    switch (name) {
      case 'obj':
        return m.live().obj;
      case 'nbytes':
        return m.live().count * m.itemsize;
      case 'readonly':
        return m.live().readonly;
      case 'itemsize':
        return m.live().itemsize;
      case 'format':
        return m.live().format;
      case 'ndim':
        return (m.live(), 1);
      case 'shape':
        return new PyTuple([m.live().count]);
      case 'strides':
        return new PyTuple([m.live().stride]);
      case 'suboffsets':
        return (m.live(), EMPTY_TUPLE);
      case 'c_contiguous':
      case 'f_contiguous':
      case 'contiguous':
        return m.live().contiguous;
      default:
        return undefined;
    }
  },
  methods: METHODS,
};

registerType(PyMemoryView, MEMORYVIEW);
registerTypeObject('memoryview', MEMORYVIEW);
