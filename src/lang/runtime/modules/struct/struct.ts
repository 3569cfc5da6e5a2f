/**
 * The struct module, as CPython 3.11's Modules/_struct.c has it on x86-64 Linux: pack,
 * unpack, calcsize, iter_unpack, pack_into and unpack_from, their _struct.Struct objects and
 * struct.error. pack_into writes into a bytearray or a writable memoryview, as
 * PyBUF_WRITABLE lets it. Every value made is paid for and within the size limit, before it
 * is made: a format of a huge count packs nothing it was not given, and unpacks nothing a
 * buffer does not hold.
 */
import { bind, clinic, indexArg, noArgs, one } from '../../args.js';
import { checkedMethods } from '../../arity.js';
import { allocItems, tick, work } from '../../budget.js';
import { bufferOf } from '../../bytes-like.js';
import { PyByteArray } from '../../bytearray.js';
import { encodeText } from '../../bytes.js';
import { pyErr, typeErr } from '../../exceptions.js';
import { hashKey } from '../../keys.js';
import { PyMemoryView } from '../../memoryview.js';
import type { Method, PyTypeSlots } from '../../types/protocol.js';
import { registerType } from '../../types/table.js';
import { latin1, PyBytes, PyFunc, PyIterator, PyModule, PyStrBox, PyTuple, PyType, tupleOf, typeName, type Py } from '../../values.js';
import { packOne, unpackOne } from './codes.js';
import { STRUCT_ERROR } from './error.js';
import { parseFormat, type Layout } from './format.js';

const structErr = (message: string) => pyErr(STRUCT_ERROR, message);

/** A _struct.Struct: its format as given (str or bytes, read as str) and its layout. */
export class PyStruct {
  constructor(readonly format: string, readonly layout: Layout) {}
  get size(): number {
    // a size past the safe integers is one no buffer has: its packs and unpacks are refused by the limits first
    return Number(this.layout.size);
  }
}

/** Struct.__init__'s format: a str (encoded as ASCII: CPython's UnicodeEncodeError otherwise) or bytes. */
function formatText(v: Py): string {
  if (typeof v === 'string' || v instanceof PyStrBox) {
    const s = typeof v === 'string' ? v : v.value;
    if (!ASCII.test(s)) encodeText('Struct', s, 'ascii');
    return s;
  }
  if (v instanceof PyBytes && !v.isByteArray()) return latin1(v.data);
  throw typeErr(`Struct() argument 1 must be a str or bytes object, not ${typeName(v)}`);
}

const ASCII = /^[\x00-\x7f]*$/;

/** _struct's cache of Structs by format (MAXCACHE, cleared when full): they are immutable, so every run may share them. */
const cache = new Map<string, PyStruct>();
const MAXCACHE = 100;
const MAX_CACHED = 256;

function makeStruct(v: Py): PyStruct {
  const format = formatText(v);
  return new PyStruct(format, cached(v, format).layout);
}

function cached(v: Py, format: string): PyStruct {
  const key = `${typeof v === 'string' || v instanceof PyStrBox ? 's' : 'b'}${format}`;
  let s = cache.get(key);
  if (s === undefined) {
    s = new PyStruct(format, parseFormat(format));
    // a long format's layout is not kept past its run: a hundred of them would hold the worker's memory
    if (format.length > MAX_CACHED) return s;
    if (cache.size >= MAXCACHE) cache.clear();
    cache.set(key, s);
  }
  return s;
}

/** cache_struct_converter: the module functions look the format up in a dict first, so an unhashable one is refused as a key. */
function structOf(v: Py): PyStruct {
  if (typeof v === 'string') {
    const s = cache.get(`s${v}`);
    if (s !== undefined) return s;
  }
  if (typeof v !== 'string' && !(v instanceof PyStrBox) && !(v instanceof PyBytes && !v.isByteArray())) hashKey(v);
  return cached(v, formatText(v));
}

/** How many values the format takes, as a number where it is one (a count past 2**53 matches no call). */
const itemCount = (s: PyStruct): number => Number(s.layout.len);

function packInto(s: PyStruct, out: Uint8Array, at: number, values: Py[], from: number): void {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { mode, codes } = s.layout;
  let k = from;
  for (const code of codes) {
    for (let r = 0, o = at + code.offset; r < code.repeat; r++, o += code.size) {
      tick();
      packOne(view, o, code.c, mode, code.size, values[k++]);
    }
  }
}

/** s_pack: the values, as many as the format's items. */
function pack(s: PyStruct, values: Py[], fname = 'pack'): PyBytes {
  if (values.length !== itemCount(s)) throw structErr(`${fname} expected ${s.layout.len} items for packing (got ${values.length})`);
  allocItems(s.size);
  const out = new Uint8Array(s.size);
  packInto(s, out, 0, values, 0);
  return new PyBytes(out);
}

function unpackAt(s: PyStruct, data: Uint8Array, at: number): PyTuple {
  allocItems(itemCount(s));
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const { mode, codes } = s.layout;
  const items: Py[] = [];
  for (const code of codes) {
    if (code.c === 's' || code.c === 'p') work(code.size);
    for (let r = 0, o = at + code.offset; r < code.repeat; r++, o += code.size) {
      tick();
      items.push(unpackOne(view, o, code.c, mode, code.size));
    }
  }
  return tupleOf(items);
}

/** A bytes-like argument (Py_buffer): CPython's words for another value. */
function readable(v: Py): Uint8Array {
  const octets = bufferOf(v);
  if (octets === null) throw typeErr(`a bytes-like object is required, not '${typeName(v)}'`);
  return octets;
}

/** PyBUF_WRITABLE: a bytearray, or a memoryview of one that is not read-only and is contiguous. */
function writable(v: Py): Uint8Array {
  if (v instanceof PyByteArray) return v.data;
  if (v instanceof PyMemoryView && !v.live().readonly && v.cContiguous) return v.raw();
  throw typeErr(`argument must be read-write bytes-like object, not ${typeName(v)}`);
}

function unpack(s: PyStruct, buffer: Py): PyTuple {
  const data = readable(buffer);
  if (data.length !== s.size) throw structErr(`unpack requires a buffer of ${s.layout.size} bytes`);
  return unpackAt(s, data, 0);
}

/** unpack_from(buffer, offset=0): a negative offset counts from the end. */
function unpackFrom(s: PyStruct, buffer: Py, offsetArg: Py): PyTuple {
  const data = readable(buffer);
  let offset = offsetArg === undefined ? 0 : indexArg(offsetArg);
  const size = s.size;
  if (offset < 0) {
    if (offset + size > 0) throw structErr(`not enough data to unpack ${s.layout.size} bytes at offset ${offset}`);
    if (offset + data.length < 0) throw structErr(`offset ${offset} out of range for ${data.length}-byte buffer`);
    offset += data.length;
  }
  if (data.length - offset < size) throw structErr(`unpack_from requires a buffer of at least ${BigInt(s.layout.size) + BigInt(offset)} bytes for unpacking ${s.layout.size} bytes at offset ${offset} (actual buffer size is ${data.length})`);
  return unpackAt(s, data, offset);
}

/** pack_into(buffer, offset, *values). */
function packIntoArgs(s: PyStruct, args: Py[]): null {
  if (args.length < 1) throw structErr('pack_into expected buffer argument');
  if (args.length < 2) throw structErr('pack_into expected offset argument');
  if (args.length - 2 !== itemCount(s)) throw structErr(`pack_into expected ${s.layout.len} items for packing (got ${args.length - 2})`);
  const out = writable(args[0]);
  let offset = indexArg(args[1]);
  const size = s.size;
  if (offset < 0) {
    if (offset + size > 0) throw structErr(`no space to pack ${s.layout.size} bytes at offset ${offset}`);
    if (offset + out.length < 0) throw structErr(`offset ${offset} out of range for ${out.length}-byte buffer`);
    offset += out.length;
  }
  if (out.length - offset < size) throw structErr(`pack_into requires a buffer of at least ${BigInt(s.layout.size) + BigInt(offset)} bytes for packing ${s.layout.size} bytes at offset ${offset} (actual buffer size is ${out.length})`);
  // s_pack_internal zeroes the struct's octets first: pads are zeros, and a value refused halfway leaves those before it packed
  work(size);
  out.fill(0, offset, offset + size);
  packInto(s, out, offset, args, 2);
  return null;
}

/** A _struct.unpack_iterator: an iterator (next() takes it), of its own type. */
export class PyUnpackIterator extends PyIterator {}

/**
 * The buffer read a struct's size at a time. CPython holds its Py_buffer until the iterator is
 * freed, which refcounting does as soon as it is dropped (a loop left by `break`): nothing is
 * held here, since nothing here frees an iterator when it is dropped.
 */
function unpackIterator(s: PyStruct, data: Uint8Array): PyUnpackIterator {
  let at = 0;
  return new PyUnpackIterator({
    next(): IteratorResult<Py> {
      if (at + s.size > data.length) return { done: true, value: undefined };
      const t = unpackAt(s, data, at);
      at += s.size;
      return { done: false, value: t };
    },
  }, '_struct.unpack_iterator');
}

function iterUnpack(s: PyStruct, buffer: Py): PyUnpackIterator {
  if (s.size === 0) throw structErr('cannot iteratively unpack with a struct of length 0');
  const data = readable(buffer);
  if (data.length % s.size !== 0) throw structErr(`iterative unpacking requires a buffer of a multiple of ${s.layout.size} bytes`);
  return unpackIterator(s, data);
}

export const STRUCT_TYPE = new PyType('_struct.Struct', (a, k) => {
  const [format] = bind('Struct', a, k, ['format'], 1);
  return makeStruct(format);
});

export const UNPACK_ITERATOR_TYPE = new PyType('_struct.unpack_iterator', () => {
  throw typeErr("cannot create '_struct.unpack_iterator' instances");
});

const STRUCT_METHODS = checkedMethods(
  'Struct',
  new Map<string, Method>([
    ['pack', (s: PyStruct, a, k) => {
      if (k !== null && k.size > 0) throw typeErr('Struct.pack() takes no keyword arguments');
      return pack(s, a);
    }],
    ['pack_into', (s: PyStruct, a, k) => {
      if (k !== null && k.size > 0) throw typeErr('Struct.pack_into() takes no keyword arguments');
      return packIntoArgs(s, a);
    }],
    ['unpack', (s: PyStruct, [buffer]) => unpack(s, buffer)],
    ['unpack_from', (s: PyStruct, a, k) => {
      const [buffer, offset] = bind('unpack_from', a, k, ['buffer', 'offset'], 1);
      return unpackFrom(s, buffer, offset);
    }],
    ['iter_unpack', (s: PyStruct, [buffer]) => iterUnpack(s, buffer)],
  ]),
  { pack: 'own', pack_into: 'own', unpack: 'one', unpack_from: 'own', iter_unpack: 'one' },
);

const STRUCT: PyTypeSlots<PyStruct> = {
  name: () => '_struct.Struct',
  type: STRUCT_TYPE,
  truthy: () => true,
  len: null,
  iter: null,
  // CPython 3.11 adds ' at 0x7f...', an address that differs in every process: left out, as for functions
  repr: () => '<_struct.Struct object>',
  getattr: (s, attr) => (attr === 'format' ? s.format : attr === 'size' ? s.layout.size : undefined),
  methods: STRUCT_METHODS,
};

registerType(PyStruct, STRUCT);

registerType(PyUnpackIterator, {
  name: () => '_struct.unpack_iterator',
  type: UNPACK_ITERATOR_TYPE,
  truthy: () => true,
  len: null,
  iter: (v: PyUnpackIterator) => ({ [Symbol.iterator]: () => v.it }),
  repr: () => '<_struct.unpack_iterator object>',
});

const fn = (name: string, f: (a: Py[], k: Map<string, Py> | null) => Py): [string, PyFunc] => [name, new PyFunc(name, f)];

/** The METH_FASTCALL functions that take no keywords: "_struct.pack() takes no keyword arguments". */
function noKeywords(name: string, k: Map<string, Py> | null): void {
  if (k !== null && k.size > 0) throw typeErr(`_struct.${name}() takes no keyword arguments`);
}

const UNPACK_FROM = ['format', 'buffer', 'offset'];

export const STRUCT_MODULE = new PyModule(
  'struct',
  new Map<string, Py>([
    fn('pack', (a, k) => {
      noKeywords('pack', k);
      if (a.length === 0) throw typeErr('missing format argument');
      return pack(structOf(a[0]), a.slice(1));
    }),
    fn('pack_into', (a, k) => {
      noKeywords('pack_into', k);
      if (a.length === 0) throw typeErr('missing format argument');
      return packIntoArgs(structOf(a[0]), a.slice(1));
    }),
    fn('unpack', (a, k) => {
      const [format, buffer] = clinic('unpack', a, k, 2, 2, '_struct');
      return unpack(structOf(format), buffer);
    }),
    fn('unpack_from', (a, k) => {
      if (a.length === 0) throw typeErr('unpack_from() takes at least 1 positional argument (0 given)');
      const [format, buffer, offset] = bind('unpack_from', a, k, UNPACK_FROM, 2, undefined, { posOnly: 1, kwOnly: 0 });
      return unpackFrom(structOf(format), buffer, offset);
    }),
    fn('iter_unpack', (a, k) => {
      const [format, buffer] = clinic('iter_unpack', a, k, 2, 2, '_struct');
      return iterUnpack(structOf(format), buffer);
    }),
    fn('calcsize', (a, k) => structOf(one('calcsize', a, k, '_struct')).layout.size),
    fn('_clearcache', (a, k) => (noArgs('_clearcache', a, k, '_struct'), cache.clear(), null)),
    ['Struct', STRUCT_TYPE],
    ['error', STRUCT_ERROR],
  ]),
);
