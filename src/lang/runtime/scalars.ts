import type { Int } from './int/index.js';
import type { Py } from './values.js';

// Immutable values that hash by value, below every module that hashes: floats, complex numbers, tuples, ranges.

export class PyFloat {
  constructor(readonly v: number) {}
}

/** A complex number: two doubles, as CPython's Py_complex (its type: complex/type.ts). */
export class PyComplex {
  constructor(readonly re: number, readonly im: number) {}
}

export class PyTuple {
  constructor(readonly items: Py[]) {}
}

/** The empty tuple: one object, as in CPython (() is (), tuple() is ()). */
export const EMPTY_TUPLE = new PyTuple([]);

/** A tuple of items: () when there are none, as every empty tuple is in CPython. */
export const tupleOf = (items: Py[]): PyTuple => (items.length === 0 ? EMPTY_TUPLE : new PyTuple(items));

export class PyRange {
  constructor(readonly start: number, readonly stop: number, readonly step: number) {}
  get length(): number {
    const { start, stop, step } = this;
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
}

/** range_hash's and range_richcompare's view of a range: its length, then its start and step where they matter. */
export function rangeIdentity(r: PyRange): [number, number | null, number | null] {
  const n = r.length;
  return [n, n === 0 ? null : r.start, n <= 1 ? null : r.step];
}

/** `...`: the one Ellipsis object. */
export class PyEllipsis {
  readonly pyTypeName = 'ellipsis';
  pyRepr(): string {
    return 'Ellipsis';
  }
}

export const ELLIPSIS = new PyEllipsis();

/** A bytes value: immutable octets. What str.encode makes and hashlib digests (its type: bytes.ts). */
export class PyBytes {
  constructor(readonly data: Uint8Array) {}
  /** The octets as a string of one char each (U+0000-U+00FF): how they hash and file as a key. */
  latin1(): string {
    return latin1(this.data);
  }
  /** A value of this one's type holding `data`: what its methods make (a bytearray's are bytearrays, bytearray.ts); b'' is one object. */
  like(data: Uint8Array): PyBytes {
    return freshBytes(data);
  }
  /** A part of this value (a slice, split's pieces): made from octets CPython has, so b'' and one octet are shared objects (sharedBytes). */
  part(data: Uint8Array): PyBytes {
    // an empty part is b'' itself, even of an empty bytes that is not (b'ab' * 0)
    return this.constructor === PyBytes && data.length === this.data.length && data.length > 0 ? this : sharedBytes(data);
  }
  /** Whether it is a bytearray (bytearray.ts), an instance of a condition's subclass of bytes or bytearray by its base: its methods make new objects where bytes' answer one they have. */
  isByteArray(): boolean {
    return false;
  }
  /** This value as a method returns it unchanged: bytes is immutable, so itself; a bytearray answers a copy. */
  unchanged(): PyBytes {
    return this;
  }
}

/** b'': one object, as in CPython, whatever made it (bytes(), b'ab'[2:], ''.encode()). */
export const EMPTY_BYTES = new PyBytes(new Uint8Array(0));

/** The 256 one-octet bytes, made when first asked for. */
const ONE_OCTET: PyBytes[] = [];

/**
 * Bytes holding data, as CPython's PyBytes_FromStringAndSize(str, n) makes them from octets it
 * has: b'' and each one-octet bytes are one object (literals, slices, split's parts, encode).
 * Bytes that CPython allocates first and fills after (upper(), bytes(n), a tuple's octets) are
 * new objects but for b'': freshBytes.
 */
export function sharedBytes(data: Uint8Array): PyBytes {
  if (data.length === 0) return EMPTY_BYTES;
  if (data.length === 1) return (ONE_OCTET[data[0]] ??= new PyBytes(data));
  return new PyBytes(data);
}

/** New bytes holding data, but b'', which is one object: what CPython fills after allocating. */
export const freshBytes = (data: Uint8Array): PyBytes => (data.length === 0 ? EMPTY_BYTES : new PyBytes(data));

/** Octets as a string of one char each (U+0000-U+00FF). */
export function latin1(data: Uint8Array): string {
  // Node's latin-1 decoder, in one native pass: String.fromCharCode over 8,192-octet chunks took
  // 38 ms for a million octets (and a char at a time 75-100 ms), this 1 ms
  // (a short one is cheaper without a Buffer made for it: a char at a time up to 16 octets,
  // 10 ns for one where a spread took 110, then fromCharCode.apply, 4 times the spread's speed)
  if (data.length <= 16) {
    let s = '';
    for (let i = 0; i < data.length; i++) s += String.fromCharCode(data[i]);
    return s;
  }
  if (data.length <= 64) return String.fromCharCode.apply(null, data as unknown as number[]);
  return Buffer.from(data.buffer, data.byteOffset, data.length).toString('latin1');
}

/**
 * An int that is an instance of a subclass of int: re.I and its kin (below), or of a condition's
 * class (builtin-subclass.ts). What needs the int (arithmetic, indexes, int(), formats) takes its value.
 */
export class PyIntBox {
  constructor(readonly value: Int) {}
}

/** A str that is an instance of a condition's subclass of str (builtin-subclass.ts): what needs the str takes its value. */
export class PyStrBox {
  constructor(readonly value: string) {}
}

/** An int with names for its bits: re.I and its kin (re.RegexFlag, an IntFlag). Its type: re-flags.ts. */
export class PyIntFlag extends PyIntBox {
  declare readonly value: number;
  constructor(value: number) {
    super(value);
  }
}
