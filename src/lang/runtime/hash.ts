import { bitsBound } from './int/size.js';
import { payItems, unhashable } from './keys.js';
import { PyFloat, PyRange, PyTuple, rangeIdentity } from './scalars.js';
import { lateOwner } from './late-hooks.js';
import { slotsOf } from './types/table.js';
import type { Py } from './values.js';

/**
 * CPython 3.11's hash() on 64-bit builds (Python/pyhash.c, Objects/tupleobject.c): sets
 * lay their members out by it, so it decides the order in which a set iterates, prints
 * and converts to a list. Ints, bools, floats and tuples hash as in CPython. Strings hash
 * with a random key per process there unless PYTHONHASHSEED is set; here, as with
 * PYTHONHASHSEED=0 (SipHash-1-3, zero key). None hashes by its address: its low 16 bits
 * are the same in every run of Debian 12's python3.11, and only they choose a slot in
 * tables of up to 65,536.
 *
 * A hash is two uint32 halves, written into `out`: sets need its low bits and then its
 * upper bits five at a time, and 32-bit arithmetic keeps strings and ints off BigInt.
 */
export interface Hash64 {
  hi: number;
  lo: number;
}

const MODULUS = (1n << 61n) - 1n;
const HASH_BITS = 61n;
const INF = 314159n;
const NONE_HASH = 0x7f4bf245bben;
const TWO_32 = 4294967296;

export function pyHash(v: Py, out: Hash64): void {
  switch (typeof v) {
    case 'number':
      if (Number.isInteger(v)) return intHash(v, out);
      break;
    case 'boolean':
      out.hi = 0;
      out.lo = v ? 1 : 0;
      return;
    case 'string':
      return stringHash(v, out);
    case 'bigint':
      return split(bigIntHash(v), out);
  }
  // a float with an int's value hashes as that int: 2.0 as 2
  // (a float subclass's instance whose class may define __hash__ goes by its slot: hooks)
  if (v instanceof PyFloat && Number.isInteger(v.v) && Math.abs(v.v) <= Number.MAX_SAFE_INTEGER && (v as { hooks?: boolean }).hooks !== true) return intHash(v.v, out);
  // a tuple subclass's instance whose class got its __hash__ late goes by its slot (late-hooks.ts)
  if (v instanceof PyTuple && lateOwner(v, '__hash__') === undefined) return tupleHash(v.items, out);
  if (v instanceof PyRange) return tupleHash(rangeIdentity(v), out);
  const h = bigHash(v);
  if (typeof h === 'number') intHash(h, out);
  else split(h, out);
}

/** The same, as a signed 64-bit BigInt: what hash() prints. */
export function pyHashBig(v: Py): bigint {
  const h = { hi: 0, lo: 0 };
  pyHash(v, h);
  return BigInt.asIntN(64, (BigInt(h.hi) << 32n) | BigInt(h.lo));
}

function split(h: bigint, out: Hash64): void {
  const u = BigInt.asUintN(64, h);
  out.hi = Number(u >> 32n);
  out.lo = Number(u & 0xffffffffn);
}

/** |n| <= 2**53 < 2**61 - 1: an int is its own hash, but -1 is reserved for errors. -0 is 0. */
function intHash(n: number, out: Hash64): void {
  if (n === -1) n = -2;
  out.lo = n >>> 0;
  out.hi = Math.floor(n / TWO_32) >>> 0;
}

/**
 * long_hash past 2**53: |n| modulo 2**61 - 1 with n's sign, as an integral float's
 * (floatHash agrees). The kernel's hashInt, which this module cannot import: values.ts
 * loads it, and the kernel loads the budget, which needs values.ts.
 */
function bigIntHash(n: bigint): bigint {
  // a linear pass, a step per 32 limbs
  payItems(bitsBound(n) / 64);
  const h = n < 0n ? -(-n % MODULUS) : n % MODULUS;
  return h === -1n ? -2n : h;
}

function bigHash(v: Py): bigint | number {
  if (v === null) return NONE_HASH;
  if (v instanceof PyFloat && (v as { hooks?: boolean }).hooks !== true) return floatHash(v.v);
  // a list, dict, set, bytearray or set-like view has none (PyObject_HashNotImplemented): a dict holding an instance that has its own __eq__ looks keys up by this hash
  const slots = typeof v === 'object' ? slotsOf(v) : undefined;
  if (v === undefined || Array.isArray(v) || (v as { pyUnhashable?: boolean }).pyUnhashable === true || slots?.hash === null) throw unhashable(v);
  // a type's own hash (types/*.ts); views, iterators, functions, modules: by address in CPython, so in no fixed order there either
  return slots?.hash?.(v) || 0n;
}

/** _Py_HashDouble: the float's value modulo 2**61 - 1 (integral values past 2**53 included). */
function floatHash(x: number): bigint {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 0n : x > 0 ? INF : -INF;
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

const P1_HI = 0x9e3779b1;
const P1_LO = 0x85ebca87;
const P2_HI = 0xc2b2ae3d;
const P2_LO = 0x27d4eb4f;
const P5_HI = 0x27d4eb2f;
const P5_LO = 0x165667c5;
// XXPRIME_5 ^ 3527539, added to the length at the end
const END_HI = P5_HI;
const END_LO = (P5_LO ^ 3527539) >>> 0;

/** The high 32 bits of the product of two uint32s, from 16-bit pieces (exact in a double). */
export function mulHigh(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const mid1 = a1 * b0;
  const mid2 = a0 * b1;
  const carry = (((a0 * b0) >>> 16) + (mid1 & 0xffff) + (mid2 & 0xffff)) >>> 16;
  return (a1 * b1 + (mid1 >>> 16) + (mid2 >>> 16) + carry) >>> 0;
}

/** One lane into an accumulator: rotl(acc + lane * XXPRIME_2, 31) * XXPRIME_1, mod 2**64, into acc. */
function mix(acc: Hash64, laneHi: number, laneLo: number): void {
  // lane * XXPRIME_2
  let lo = Math.imul(laneLo, P2_LO) >>> 0;
  let hi = (mulHigh(laneLo, P2_LO) + Math.imul(laneHi, P2_LO) + Math.imul(laneLo, P2_HI)) >>> 0;
  // + acc
  const sum = acc.lo + lo;
  lo = sum >>> 0;
  hi = (acc.hi + hi + (sum > 0xffffffff ? 1 : 0)) >>> 0;
  // rotate left by 31
  const rHi = ((hi << 31) | (lo >>> 1)) >>> 0;
  const rLo = ((lo << 31) | (hi >>> 1)) >>> 0;
  // * XXPRIME_1
  acc.lo = Math.imul(rLo, P1_LO) >>> 0;
  acc.hi = (mulHigh(rLo, P1_LO) + Math.imul(rHi, P1_LO) + Math.imul(rLo, P1_HI)) >>> 0;
}

/**
 * tuplehash: xxHash's mixing over the items' hashes, in uint32 halves (BigInt arithmetic
 * cost a microsecond an item, in garbage). A tuple among the items is hashed with a stack
 * of the tuples around it, not by recursion: CPython's tuplehash has no depth limit. The
 * stack is four flat arrays, not an object a level, which a deep tuple would leave to the
 * collector by the hundred thousand.
 */
function tupleHash(items: Py[], out: Hash64): void {
  const outerItems: Py[][] = [];
  const outerAt: number[] = [];
  const outerHi: number[] = [];
  const outerLo: number[] = [];
  const acc: Hash64 = { hi: P5_HI, lo: P5_LO };
  let at = 0;
  // an item's hash; its own (an instance's __hash__) may hash tuples, so not a shared scratch
  const lane: Hash64 = { hi: 0, lo: 0 };
  // the tuples inside are paid for as the items of one are, a chunk at a time
  let nested = 0;
  for (;;) {
    if (at < items.length) {
      // paid (and the clock read) a chunk at a time, before it
      if ((at & 1023) === 0 && items.length > 1024) payItems(8192);
      const item = items[at];
      if (item instanceof PyTuple) {
        // a level is four pushes and pops and a mixing besides its items: a singleton nested 900
        // deep was 300 ns a level unpaid (hash() of it in a loop: 130 ms per 1,000 steps)
        if ((nested += item.items.length + 4) >= 1024) {
          payItems(8 * nested);
          nested = 0;
        }
        outerItems.push(items);
        outerAt.push(at);
        outerHi.push(acc.hi);
        outerLo.push(acc.lo);
        items = item.items;
        at = 0;
        acc.hi = P5_HI;
        acc.lo = P5_LO;
        continue;
      }
      pyHash(item, lane);
    } else {
      // acc + (len ^ (XXPRIME_5 ^ 3527539)); all ones (-1) is reserved for errors
      const sum = acc.lo + ((items.length ^ END_LO) >>> 0);
      lane.lo = sum >>> 0;
      lane.hi = (acc.hi + END_HI + (sum > 0xffffffff ? 1 : 0)) >>> 0;
      if (lane.hi === 0xffffffff && lane.lo === 0xffffffff) {
        lane.hi = 0;
        lane.lo = 1546275796;
      }
      if (outerItems.length === 0) {
        out.hi = lane.hi;
        out.lo = lane.lo;
        // what is left of the tuples inside (none in a flat tuple)
        if (nested > 0) payItems(8 * nested);
        return;
      }
      items = outerItems.pop()!;
      at = outerAt.pop()!;
      acc.hi = outerHi.pop()!;
      acc.lo = outerLo.pop()!;
    }
    mix(acc, lane.hi, lane.lo);
    at++;
  }
}

// ---------------------------------------------------------------- strings

/** The PEP 393 bytes of a string with characters past U+FFFF (4 a code point), for the rare slow path. */
let wide = new Uint8Array(256);

/**
 * _Py_HashBytes over the string's PEP 393 form (1, 2 or 4 little-endian bytes a code
 * point), with SipHash-1-3 and the zero key, in uint32 halves and local variables only.
 */
function stringHash(s: string, out: Hash64): void {
  const length = s.length;
  // a long string's hash is paid for (CPython caches it; a new set of the same string hashes again here)
  if (length > 256) payItems(length);
  if (length === 0) {
    out.hi = out.lo = 0;
    return;
  }
  let max = 0;
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c > max) max = c;
  }
  let width = max < 0x100 ? 1 : 2;
  let n = length * width;
  // code points from a high unit on: a pair's (4 bytes each) or a lone high's, held doubled (2 bytes each, if no pair)
  const fromWide = max >= 0xd800 && /[\ud800-\udbff]/.test(s);
  if (fromWide) {
    // codepoints.ts's reading, inline: hash.ts sits below budget.ts, which codepoints.ts imports
    const points: number[] = [];
    for (let u = 0; u < length; u += (s.charCodeAt(u) & 0xfc00) === 0xd800 ? 2 : 1) points.push(s.codePointAt(u)!);
    width = points.some((c) => c > 0xffff) ? 4 : 2;
    if (wide.length < length * 4) wide = new Uint8Array(length * 8);
    n = 0;
    for (const c of points) {
      wide[n++] = c & 0xff;
      wide[n++] = (c >>> 8) & 0xff;
      if (width === 4) {
        wide[n++] = c >>> 16;
        wide[n++] = 0;
      }
    }
  }
  // the little-endian uint32 at byte offset `at` (a multiple of 4), `count` bytes of it
  const word = (at: number, count: number): number => {
    let w = 0;
    if (fromWide) for (let i = count - 1; i >= 0; i--) w = (w << 8) | wide[at + i];
    else if (width === 1) for (let i = count - 1; i >= 0; i--) w = (w << 8) | s.charCodeAt(at + i);
    else if (width === 2) {
      const u = at >>> 1;
      w = count >= 2 ? s.charCodeAt(u) : 0;
      if (count === 4) w |= s.charCodeAt(u + 1) << 16;
      else if (count === 3) w |= (s.charCodeAt(u + 1) & 0xff) << 16;
      else if (count === 1) w = s.charCodeAt(u) & 0xff;
    } else for (let i = count - 1; i >= 0; i--) w = (w << 8) | wide[at + i];
    return w >>> 0;
  };
  let v0h = 0x736f6d65, v0l = 0x70736575, v1h = 0x646f7261, v1l = 0x6e646f6d; // prettier-ignore
  let v2h = 0x6c796765, v2l = 0x6e657261, v3h = 0x74656462, v3l = 0x79746573; // prettier-ignore
  const words = n >>> 3;
  // one round per 8-byte word, one for the last word (the rest and the length), three to finish
  for (let step = 0; step < words + 4; step++) {
    let mh = 0;
    let ml = 0;
    if (step < words) {
      ml = word(step * 8, 4);
      mh = word(step * 8 + 4, 4);
    } else if (step === words) {
      const rest = n - words * 8;
      ml = rest > 4 ? word(words * 8, 4) : word(words * 8, rest);
      mh = ((rest > 4 ? word(words * 8 + 4, rest - 4) : 0) | ((n & 0xff) << 24)) >>> 0;
    } else if (step === words + 1) {
      v2l ^= 0xff;
    }
    v3h ^= mh;
    v3l ^= ml;
    // SINGLE_ROUND (each sum normalised first: ^ and << give int32)
    let a = v0l >>> 0;
    let t = (a + (v1l >>> 0)) >>> 0;
    v0h = ((v0h >>> 0) + (v1h >>> 0) + (t < a ? 1 : 0)) >>> 0;
    v0l = t;
    a = v2l >>> 0;
    t = (a + (v3l >>> 0)) >>> 0;
    v2h = ((v2h >>> 0) + (v3h >>> 0) + (t < a ? 1 : 0)) >>> 0;
    v2l = t;
    t = v1h;
    v1h = (((v1h << 13) | (v1l >>> 19)) ^ v0h) >>> 0;
    v1l = (((v1l << 13) | (t >>> 19)) ^ v0l) >>> 0;
    t = v3h;
    v3h = (((v3h << 16) | (v3l >>> 16)) ^ v2h) >>> 0;
    v3l = (((v3l << 16) | (t >>> 16)) ^ v2l) >>> 0;
    t = v0h;
    v0h = v0l;
    v0l = t;
    a = v2l;
    t = (a + v1l) >>> 0;
    v2h = (v2h + v1h + (t < a ? 1 : 0)) >>> 0;
    v2l = t;
    a = v0l;
    t = (a + v3l) >>> 0;
    v0h = (v0h + v3h + (t < a ? 1 : 0)) >>> 0;
    v0l = t;
    t = v1h;
    v1h = (((v1h << 17) | (v1l >>> 15)) ^ v2h) >>> 0;
    v1l = (((v1l << 17) | (t >>> 15)) ^ v2l) >>> 0;
    t = v3h;
    v3h = (((v3h << 21) | (v3l >>> 11)) ^ v0h) >>> 0;
    v3l = (((v3l << 21) | (t >>> 11)) ^ v0l) >>> 0;
    t = v2h;
    v2h = v2l;
    v2l = t;
    v0h ^= mh;
    v0l ^= ml;
  }
  out.hi = (v0h ^ v1h ^ v2h ^ v3h) >>> 0;
  out.lo = (v0l ^ v1l ^ v2l ^ v3l) >>> 0;
  // -1 is reserved for errors
  if (out.hi === 0xffffffff && out.lo === 0xffffffff) out.lo = 0xfffffffe;
}
