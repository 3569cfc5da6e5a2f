import { bind, indexValue } from './args.js';
import { checkedMethods } from './arity.js';
import { bufferOf, contiguousOf, octetsOf } from './bytes-like.js';
import { allocItems, allocStr, charge, work } from './budget.js';
import { fromhex, MORE_BYTES_ARITIES, MORE_BYTES_METHODS } from './bytes-methods.js';
import type { Codec } from './codecs/codec.js';
import { handlerOf, type Handler } from './codecs/errors.js';
import { lookupCodec, throughRegistry } from './codecs/lookup.js';
import { RAW_UNICODE_ESCAPE } from './codecs/escapes.js';
import { IDNA } from './codecs/idna.js';
import { ASCII, LATIN_1 } from './codecs/single-byte.js';
import { wrapCodecError } from './codecs/wrap-error.js';
import { UTF_8 } from './codecs/utf8.js';
import { OverflowError, pyErr, typeErr, valueErr } from './exceptions.js';
import { iterableOr } from './iteration.js';
import { pyHashBig } from './hash.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from './types/protocol.js';
import { registerType, registerTypeObject } from './types/table.js';
import { indexSized, intOf } from './numbers.js';
import { bytesBeyondMemory, repeatBeyondMemory } from './sizes.js';
import { classBytes } from './bytes-dunder.js';
import { isHooked } from './class-values.js';
import { argTypeName, EMPTY_BYTES, freshBytes, PyBytes, PyFunc, PyStrBox, PyTuple, sharedBytes, typeName, type Py } from './values.js';

export { PyBytes };

/** An argument read as a C string: in UTF-8 (a lone surrogate is CPython's UnicodeEncodeError), without NUL. */
function cString(arg: string): void {
  if (!/[\0\ud800-\udfff]/.test(arg)) return;
  UTF_8.encode(arg, () => 'strict');
  if (arg.includes('\0')) throw valueErr('embedded null character');
}

/** An argument's type as argument clinic names it: None, not NoneType. */

/**
 * Encodes or decodes in the codec named, given the encoding and errors arguments of `fn` (str
 * both, a str subclass's instance as its str): what the codec raises is reworded as CPython's
 * registry does.
 */
function runCodec<T>(fn: string, use: 'encode' | 'decode', encoding: Py, errors: Py, run: (codec: Codec, how: () => Handler, errors: string) => T, empty?: T): T {
  const name = encoding instanceof PyStrBox ? encoding.value : encoding;
  const handler = errors instanceof PyStrBox ? errors.value : errors;
  if (typeof name !== 'string') throw typeErr(`${fn}() argument 'encoding' must be str, not ${argTypeName(name)}`);
  if (typeof handler !== 'string') throw typeErr(`${fn}() argument 'errors' must be str, not ${argTypeName(handler)}`);
  // both are read as C strings first: UTF-8, without NUL
  cString(name);
  cString(handler);
  // PyUnicode_Decode answers no bytes before it looks the codec up, whatever its name and handler
  if (empty !== undefined) return empty;
  const codec = lookupCodec(name, use);
  try {
    return run(codec, handlerOf(handler), handler);
  } catch (e) {
    throw throughRegistry(name) ? wrapCodecError(e, use, name) : e;
  }
}

/** s encoded for `fn` (str.encode, bytes(), bytearray()), in any codec codecs/lookup.ts has. */
export function encodeText(fn: string, s: string, encoding: Py = 'utf-8', errors: Py = 'strict'): Uint8Array {
  return encodeWith(fn, s, encoding, errors)[0];
}

/**
 * The codecs whose encoders hand out CPython's one-octet bytes objects: the C ones that finish
 * through _PyBytesWriter, and idna, whose one label is its ASCII encoding.
 */
const WRITERS: ReadonlySet<Codec> = new Set([UTF_8, ASCII, LATIN_1, RAW_UNICODE_ESCAPE, IDNA]);

function encodeWith(fn: string, s: string, encoding: Py, errors: Py): [Uint8Array, Codec] {
  const out = runCodec(fn, 'encode', encoding, errors, (codec, how, given) => {
    charge(s.length);
    return [codec.encode(s, how, given), codec] as [Uint8Array, Codec];
  });
  allocItems(out[0].length);
  return out;
}

/** s encoded as bytes: b'' one object, and one octet too where CPython's codec shares it. */
function encodedBytes(fn: string, s: string, encoding: Py = 'utf-8', errors: Py = 'strict'): PyBytes {
  const [data, codec] = encodeWith(fn, s, encoding, errors);
  return WRITERS.has(codec) ? sharedBytes(data) : freshBytes(data);
}

/** bytes()'s and bytearray()'s encoding and errors, checked by argument clinic before anything else: str, when given. */
export function textArgs(fn: string, encoding: Py | undefined, errors: Py | undefined): void {
  for (const [name, v] of [['encoding', encoding], ['errors', errors]] as const) {
    if (v !== undefined && typeof v !== 'string' && !(v instanceof PyStrBox)) throw typeErr(`${fn}() argument '${name}' must be str, not ${argTypeName(v)}`);
  }
}

/** str.encode(encoding='utf-8', errors='strict'). */
export function encode(s: string, args: Py[], kw: Map<string, Py> | null): PyBytes {
  const [encoding, errors] = bind('encode', args, kw, ['encoding', 'errors']);
  return encodedBytes('encode', s, encoding, errors);
}

/** bytes.decode(encoding='utf-8', errors='strict'), with CPython's UnicodeDecodeError positions and reasons. */
export function decode(b: PyBytes, args: Py[], kw: Map<string, Py> | null): string {
  const [encoding = 'utf-8', errors = 'strict'] = bind('decode', args, kw, ['encoding', 'errors']);
  const out = runCodec('decode', 'decode', encoding, errors, (codec, how, given) => {
    charge(b.data.length);
    // its object is bytes, a bytearray's octets copied, as CPython's codecs make it
    return codec.decode(b.data, how, () => (b.constructor === PyBytes ? b : new PyBytes(b.data.slice())), given);
  }, b.data.length === 0 ? '' : undefined);
  // an escape is four characters a byte
  allocStr(out.length);
  return out;
}

/** bytes(), bytes(n), bytes(iterable of ints), bytes(str, encoding[, errors]), bytes(bytes). */
export function makeBytes(args: Py[], kw: Map<string, Py> | null, items: (v: Py) => Py[]): PyBytes {
  const [given, encoding, errors] = bind('bytes', args, kw, ['source', 'encoding', 'errors']);
  textArgs('bytes', encoding, errors);
  // a class's __bytes__, asked before anything but the encoding (bytes_new), a str subclass's too
  const made = encoding === undefined && errors === undefined ? classBytes(given) : undefined;
  if (made !== undefined) return made;
  // a str subclass's instance is encoded as its str
  const source = given instanceof PyStrBox ? given.value : given;
  if (source === undefined) {
    if (encoding !== undefined || errors !== undefined) throw typeErr(encoding !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
    return EMPTY_BYTES;
  }
  if (typeof source === 'string') {
    if (encoding === undefined) throw typeErr('string argument without an encoding');
    return encodedBytes('bytes', source, encoding, errors);
  }
  if (encoding !== undefined) throw typeErr('encoding without a string argument');
  if (errors !== undefined) throw typeErr('errors without a string argument');
  // bytes itself; a bytearray's or a memoryview's octets copied
  if (source instanceof PyBytes && source.constructor === PyBytes) return source;
  // an int, re's flags, or a class's __index__, before a buffer other than a bytes (a bytearray subclass's __index__)
  const count = source instanceof PyBytes && !source.isByteArray() ? undefined : indexValue(source);
  const octets = count === undefined ? octetsOf(source) : null;
  if (octets !== null) {
    allocItems(octets.length);
    return freshBytes(octets.slice());
  }
  if (count !== undefined) {
    // a count of any size: past Py_ssize_t CPython cannot fit it, below it is refused by the size limit before anything is made
    if (typeof count === 'bigint' && (count >= 1n << 63n || count < -(1n << 63n))) throw pyErr(OverflowError, `cannot fit '${typeName(source)}' into an index-sized integer`);
    const n = Number(count);
    if (n < 0) throw valueErr('negative count');
    bytesBeyondMemory(n);
    allocItems(n);
    return freshBytes(new Uint8Array(n));
  }
  const out = octetsOfItems(items(iterableOr(source, () => typeErr(`cannot convert '${typeName(source)}' object to bytes`))));
  // a tuple's octets are filled into new bytes; a list's and an iterator's go through _PyBytesWriter, which shares one octet
  return source instanceof PyTuple && source.constructor === PyTuple ? freshBytes(out) : sharedBytes(out);
}

/** PyBytes_FromObject's last way, for an iterable's items: each an int in range(256), paid for (bytes([1, 2]), int.from_bytes([1, 2])). */
export function octetsOfItems(values: Py[]): Uint8Array {
  allocItems(values.length);
  const out = new Uint8Array(values.length);
  values.forEach((item, i) => {
    const v = indexValue(item);
    if (v === undefined) throw typeErr(`'${typeName(item)}' object cannot be interpreted as an integer`);
    const n = typeof v === 'bigint' ? -1 : v;
    if (n < 0 || n > 255) throw valueErr('bytes must be in range(0, 256)');
    out[i] = n;
  });
  return out;
}

/** bytes_repr: b'...', with ' as the quote unless only " avoids escaping; bytearray_repr escapes every ' (`bytearray(b"it\\'s")`). */
export function bytesRepr(b: PyBytes, escapeEveryApostrophe = false): string {
  const d = b.data;
  charge(d.length);
  const quote = d.includes(0x27) && !d.includes(0x22) ? '"' : "'";
  let out = 'b' + quote;
  for (const c of d) {
    if (c === quote.charCodeAt(0) || c === 0x5c || (escapeEveryApostrophe && c === 0x27)) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

/** bytes_concat(a, b), a bytes or bytearray on the left: "can't concat" what is not a buffer. */
export function bytesConcat(a: PyBytes, b: Py): PyBytes {
  const other = contiguousOf(b);
  if (other === null) throw typeErr(`can't concat ${typeName(b)} to ${typeName(a)}`);
  return concat(a, other, b);
}

/** a + b, of a's type: bytes_concat answers an exact bytes itself when the other side is empty. */
function concat(a: PyBytes, b: Uint8Array, right: Py): PyBytes {
  if (a.data.length === 0 && right instanceof PyBytes && right.constructor === PyBytes && !a.isByteArray()) return right;
  if (b.length === 0 && a.constructor === PyBytes) return a;
  allocItems(a.data.length + b.length);
  const out = new Uint8Array(a.data.length + b.length);
  out.set(a.data);
  out.set(b, a.data.length);
  return a.like(out);
}

/** bytes_richcompare: octet by octet, then by length (-1, 0 or 1). */
function compareOctets(a: Uint8Array, b: Uint8Array): number {
  work(Math.min(a.length, b.length));
  // memcmp, as CPython's: an octet at a time in JavaScript, 55 ms for two million-octet bytes
  return Buffer.compare(a, b);
}

function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  charge(hay.length);
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

export const BYTES_METHODS = checkedMethods('bytes', new Map<string, Method>([['decode', decode], ...MORE_BYTES_METHODS]), { decode: 'own', ...MORE_BYTES_ARITIES });

export const BYTES: PyTypeSlots<PyBytes> = {
  name: () => 'bytes',
  truthy: (v) => v.data.length !== 0,
  len: (v) => v.data.length,
  iter: (v) => v.data,
  repr: (v) => bytesRepr(v),
  // bytes hash as the str of the same one-byte characters does (both are _Py_HashBytes of the same octets)
  // each pays for the octets it reads, as str's do: 100,000 == of two million-octet bytes held a worker
  hash: (v) => (work(v.data.length), pyHashBig(v.latin1())),
  key: (v) => (work(v.data.length), '\u0000bytes' + v.latin1()),
  // bytes_richcompare takes two bytes: a bytearray's (its class's, a subclass's) answers beside one
  eq: (a, b) => (b instanceof PyBytes && !b.isByteArray() ? a.data.length === b.data.length && compareOctets(a.data, b.data) === 0 : NOT_IMPLEMENTED),
  compare: (a, b) => (b instanceof PyBytes && !b.isByteArray() ? compareOctets(a.data, b.data) : NOT_IMPLEMENTED),
  contains: (v, item) => {
    const sub = bufferOf(item);
    if (sub !== null) return indexOf(v.data, sub) >= 0;
    const byte = indexValue(item);
    if (byte !== undefined) {
      const n = Number(byte);
      if (n < 0 || n > 255) throw valueErr('byte must be in range(0, 256)');
      return v.data.includes(n);
    }
    throw typeErr(`a bytes-like object is required, not '${typeName(item)}'`);
  },
  nb: {
    // sq_concat, which CPython asks after both operands' nb_add: a buffer now, anything else after the other side's turn (bytesConcat);
    // a subclass's hooked instance's is its own slot's, which its class's __add__ takes the place of (base-dunders.ts)
    add: (a, b) => {
      // a hooked instance on the right has its class's nb_add, asked first
      if (!(a instanceof PyBytes) || isHooked(a) || isHooked(b)) return NOT_IMPLEMENTED;
      const other = contiguousOf(b);
      return other === null ? NOT_IMPLEMENTED : concat(a, other, b);
    },
    multiply: (a, b) => {
      const [bytes, count] = a instanceof PyBytes ? [a, b] : [b as PyBytes, a];
      const n = intOf(count);
      if (n === undefined) {
        // a builtin sequence on the right has no nb_multiply to answer first: bytes' sq_repeat refuses it, as CPython's
        if (a instanceof PyBytes && (typeof count === 'string' || Array.isArray(count) || count instanceof PyTuple || (count instanceof PyBytes && !isHooked(count)))) throw typeErr(`can't multiply sequence by non-int of type '${typeName(count)}'`);
        return NOT_IMPLEMENTED;
      }
      const times = Math.max(0, indexSized(n));
      // bytes_repeat answers an exact bytes itself when the product is its own size
      if (bytes.constructor === PyBytes && times * bytes.data.length === bytes.data.length) return bytes;
      if (times > 0) repeatBeyondMemory(typeName(bytes) === 'bytearray' ? 'bytearray' : 'bytes', bytes.data.length, n, () => bytes.data.length, () => 0xff);
      allocItems(bytes.data.length * times);
      const out = new Uint8Array(bytes.data.length * times);
      // bytes_repeat allocates its result: even an empty one is a new object
      if (out.length === 0) return bytes.isByteArray() ? bytes.like(out) : new PyBytes(out);
      // by doubling, as CPython's bytes_repeat: a copy a piece took 30 ms for b'a' * 999999
      out.set(bytes.data);
      for (let done = bytes.data.length; done < out.length; done *= 2) out.copyWithin(done, 0, Math.min(done, out.length - done));
      return bytes.like(out);
    },
  },
  methods: BYTES_METHODS,
  // maketrans, a static method, through the type: it needs no receiver
  classMethods: new Map<string, (args: Py[], kw: Map<string, Py> | null) => Py>([['fromhex', fromhex], ['maketrans', (args, kw) => BYTES_METHODS.get('maketrans')!(new PyBytes(new Uint8Array(0)), args, kw)]]),
  // the class method read through a value, as CPython's classmethod descriptor answers it
  getattr: (_v, name) => (name === 'fromhex' ? new PyFunc('fromhex', fromhex, 'method') : undefined),
};

registerType(PyBytes, BYTES);
registerTypeObject('bytes', BYTES);
