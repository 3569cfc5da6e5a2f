import { PyFloat, PyRange, PyTuple, rangeIdentity, type Py } from './values.js';

/**
 * CPython 3.11's hash() on 64-bit builds (Python/pyhash.c, Objects/tupleobject.c), as a
 * signed 64-bit BigInt: sets lay their members out by it, so it decides the order in
 * which a set iterates, prints and converts to a list. Ints, bools, floats and tuples
 * hash as in CPython. Strings hash with a random key per process there unless
 * PYTHONHASHSEED is set; here, as with PYTHONHASHSEED=0 (SipHash-1-3, zero key). None
 * hashes by its address: its low 16 bits are the same in every run of Debian 12's
 * python3.11, and only they choose a slot in tables of up to 65,536.
 */
const MODULUS = (1n << 61n) - 1n;
const HASH_BITS = 61n;
const U64 = (1n << 64n) - 1n;
const INF = 314159n;
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;
const NONE_HASH = 0x7f4bf245bben;

export function pyHash(v: Py): bigint {
  switch (typeof v) {
    case 'number':
      return intHash(v);
    case 'boolean':
      return v ? 1n : 0n;
    case 'string':
      return stringHash(v);
  }
  if (v === null) return NONE_HASH;
  if (v instanceof PyFloat) return floatHash(v.v);
  if (v instanceof PyTuple) return tupleHash(v.items);
  if (v instanceof PyRange) return tupleHash(rangeIdentity(v));
  // views, iterators, functions, modules: by address in CPython, so in no fixed order there either
  return 0n;
}

/** |n| <= 2**53 < 2**61 - 1: an int is its own hash, but -1 is reserved for errors. */
function intHash(n: number): bigint {
  if (Number.isInteger(n)) return n === -1 ? -2n : BigInt(n);
  return floatHash(n);
}

/** _Py_HashDouble: the float's value modulo 2**61 - 1, so that 2.0 hashes as 2. */
function floatHash(x: number): bigint {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 0n : x > 0 ? INF : -INF;
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return intHash(x);
  let [m, e] = frexp(Math.abs(x));
  let h = 0n;
  while (m !== 0) {
    h = ((h << 28n) & MODULUS) | (h >> (HASH_BITS - 28n));
    m *= 268435456; // 2**28
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    h += BigInt(y);
    if (h >= MODULUS) h -= MODULUS;
  }
  const shift = BigInt(e >= 0 ? e % 61 : 60 - ((-1 - e) % 61));
  h = ((h << shift) & MODULUS) | (h >> (HASH_BITS - shift));
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}

/** frexp: x = m * 2**e with 0.5 <= m < 1, for finite x > 0. */
function frexp(x: number): [number, number] {
  let e = Math.floor(Math.log2(x)) + 1;
  // in two steps: 2 ** 1073 alone would overflow for the smallest subnormals
  const half = Math.trunc(e / 2);
  let m = x * 2 ** -half * 2 ** (half - e);
  while (m < 0.5) (m *= 2), e--;
  while (m >= 1) (m /= 2), e++;
  return [m, e];
}

/** tuplehash: xxHash's mixing over the items' hashes. */
function tupleHash(items: Py[]): bigint {
  let acc = XXPRIME_5;
  for (const item of items) {
    const lane = BigInt.asUintN(64, pyHash(item));
    acc = (acc + lane * XXPRIME_2) & U64;
    acc = ((acc << 31n) | (acc >> 33n)) & U64;
    acc = (acc * XXPRIME_1) & U64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & U64;
  return acc === U64 ? 1546275796n : BigInt.asIntN(64, acc);
}

/** _Py_HashBytes over the string's PEP 393 form: 1, 2 or 4 little-endian bytes a code point. */
function stringHash(s: string): bigint {
  if (s.length === 0) return 0n;
  const points = Array.from(s, (c) => c.codePointAt(0)!);
  const max = Math.max(...points);
  const width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const bytes = new Uint8Array(points.length * width);
  for (let i = 0; i < points.length; i++) for (let b = 0; b < width; b++) bytes[i * width + b] = (points[i] >> (8 * b)) & 0xff;
  const h = BigInt.asIntN(64, siphash13(bytes));
  return h === -1n ? -2n : h;
}

const rotl = (x: bigint, b: bigint) => ((x << b) | (x >> (64n - b))) & U64;

/** SipHash-1-3 with the zero key (pyhash.c's siphash13). */
function siphash13(data: Uint8Array): bigint {
  let v0 = 0x736f6d6570736575n;
  let v1 = 0x646f72616e646f6dn;
  let v2 = 0x6c7967656e657261n;
  let v3 = 0x7465646279746573n;
  const round = () => {
    v0 = (v0 + v1) & U64;
    v2 = (v2 + v3) & U64;
    v1 = rotl(v1, 13n) ^ v0;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v1) & U64;
    v0 = (v0 + v3) & U64;
    v1 = rotl(v1, 17n) ^ v2;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = rotl(v2, 32n);
  };
  const word = (at: number, n: number) => {
    let w = 0n;
    for (let i = n - 1; i >= 0; i--) w = (w << 8n) | BigInt(data[at + i]);
    return w;
  };
  const full = data.length - (data.length % 8);
  for (let at = 0; at < full; at += 8) {
    const m = word(at, 8);
    v3 ^= m;
    round();
    v0 ^= m;
  }
  const last = (BigInt(data.length & 0xff) << 56n) | word(full, data.length - full);
  v3 ^= last;
  round();
  v0 ^= last;
  v2 ^= 0xffn;
  round();
  round();
  round();
  return v0 ^ v1 ^ v2 ^ v3;
}
