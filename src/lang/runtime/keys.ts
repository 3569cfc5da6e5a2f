import { createHash, randomBytes } from 'node:crypto';
import { PyFloat, PyRange, PyTuple, rangeIdentity } from './scalars.js';
import { slotsOf } from './types/table.js';
import type { Py, PyException } from './values.js';

/**
 * The normalised key under which dicts and sets store a value: equal Python values
 * (1, 1.0, True) share one key, unhashable values raise TypeError.
 */
export function hashKey(v: Py): unknown {
  switch (typeof v) {
    case 'string':
      return v.length < LONG_KEY ? v : longKey(v);
    case 'number':
    case 'bigint':
      // an int is its own key: a bigint only past 2**53, where no number is an int
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'object':
      if (v === null) return null;
      // an integral float past 2**53 is the int of its value: {2**60: 1}[2.0**60]
      // (a float subclass's instance whose class may define __hash__ or __eq__ is filed by its slot: hooks)
      // a NaN is equal to no float, so only that object finds it (CPython's lookup asks identity first): {n: 1}[n], but not [float('nan')]
      if (v instanceof PyFloat && (v as { hooks?: boolean }).hooks !== true) return Number.isInteger(v.v) && !Number.isSafeInteger(v.v) ? BigInt(v.v) : v.v === v.v ? v.v : v;
      if (v instanceof PyTuple) return tupleKey(v);
      break;
    case 'undefined':
      break;
    default:
      return v;
  }
  // a range is its elements: range(0, 3) == range(3), and all empty ranges are one key
  if (v instanceof PyRange) return '\u0000range' + rangeIdentity(v).join(',');
  // keys and items views are set-like, so unhashable like sets; a values view hashes by identity
  if (v === undefined || Array.isArray(v) || v.pyUnhashable === true) throw unhashable(v);
  // a type's own hash and key (types/*.ts): dicts and sets have none (tp_hash = PyObject_HashNotImplemented)
  const type = slotsOf(v);
  if (type !== undefined) {
    if (type.hash === null) throw unhashable(v);
    if (type.key !== undefined) return type.key(v);
  }
  // every other object (iterators, functions, modules) hashes by identity, as CPython's default
  return v;
}

/**
 * The length from which V8 hashes a string by its length alone (String::kMaxHashCalcLength is
 * 16,383): in a Map, all such keys of one length share a bucket, and a lookup compares their
 * contents one by one. 170 keys of 16,384 units made a lookup 70-220 µs, a run past its budget
 * on the clock. A str (or tuple's key) this long is filed under longKey's digest instead, and
 * the dict keeps the str itself beside it (PyDict.k), as it does for a float or a tuple.
 */
export const LONG_KEY = 16384;

/** Salted per process: no condition can write a short str that is a long one's key (hashlib would make an unsalted one). */
const SALT = randomBytes(16);
/** The last long key made: a loop that asks of one str pays a comparison, a pointer's for the same object, not a digest. */
let lastLong = '';
let lastDigest = '';

/**
 * A long str's key: a digest of its UTF-16 units (lone surrogates included), paid a step per 128
 * units (SHA-256 takes some 2 µs a 1,024 with the digest's own cost, so a step per 256 was the
 * clock's whole rate: two strs looked up in turn spent 31 ms of CPU on 100,000 steps and ended on
 * the clock under load); the memo's answer a step per 256, for the comparison of equal strs.
 */
export function longKey(s: string): string {
  if (s === lastLong) {
    payItems(s.length >> 3);
    return lastDigest;
  }
  payItems(s.length >> 2);
  lastLong = s;
  return (lastDigest = '\u0000#' + createHash('sha256').update(SALT).update(s, 'utf16le').digest('base64'));
}

/**
 * How deep repr, ==, < and json go into a nested value: CPython's recursion
 * limit (1,000 frames) less the frames below a condition's own.
 */
export const MAX_NESTING = 990;

/** The objects met in tuple keys, each numbered once: `String(obj)` was "[object Object]" for every one, so (int,) and (str,) were one key. */
const identities = new WeakMap<object, number>();
let lastIdentity = 0;
function identityOf(o: object): number {
  let id = identities.get(o);
  if (id === undefined) identities.set(o, (id = ++lastIdentity));
  return id;
}

/**
 * A tuple's key: the string of its items' keys, 8 items of work each (in a set, hash.ts pays for
 * the hash as it goes). Walked with a stack, not recursion: CPython's tuplehash has no depth limit.
 */
function tupleKey(t: PyTuple): string {
  const outer: PyTuple[] = [];
  const at: number[] = [];
  let tuple = t;
  let i = 0;
  payItems(tuple.items.length * 8);
  // the tuples inside, paid for a chunk at a time (one step each would be 4 times what they cost)
  let unpaid = 0;
  let out = '\u0000(';
  for (;;) {
    if (i < tuple.items.length) {
      if (i > 0) out += '\u0000,';
      const v = tuple.items[i++];
      if (v instanceof PyTuple) {
        outer.push(tuple);
        at.push(i);
        tuple = v;
        i = 0;
        unpaid += tuple.items.length * 8;
        if (unpaid >= 8192) {
          payItems(unpaid);
          unpaid = 0;
        }
        out += 's\u0000(';
        continue;
      }
      const nk = hashKey(v);
      out += typeof nk === 'string' ? 's' + nk : typeof nk === 'number' || typeof nk === 'bigint' ? 'n' + nk : nk === null ? 'N' : 'o' + identityOf(nk as object);
      continue;
    }
    out += ')';
    if (outer.length === 0) {
      payItems(unpaid);
      return out.length < LONG_KEY ? out : longKey(out);
    }
    tuple = outer.pop()!;
    i = at.pop()!;
  }
}

/**
 * Set by classes.ts (hooks, as unhashable is): whether a key is an instance of a condition's
 * class with an __eq__ of its own, which dicts and sets tell apart from the keys of its hash
 * by calling it (dict-probe.ts), and `stored == key` as their lookups ask it.
 */
export let eqKeyed: (v: object) => boolean = () => false;
export let keysEqual: (stored: Py, key: Py) => boolean = (a, b) => a === b;
export function setEqKeys(keyed: (v: object) => boolean, equal: (stored: Py, key: Py) => boolean): void {
  eqKeyed = keyed;
  keysEqual = equal;
}

/**
 * Whether a dict or set must probe for this key by hash and __eq__ rather than read its
 * normalised key: an instance whose class has its own __eq__, or a tuple or frozenset that
 * holds one at any depth, whose == calls it (tuple_richcompare, set_issubset).
 */
export const isEqKey = (v: Py): boolean => typeof v === 'object' && v !== null && (eqKeyed(v) || (eqClassMade && (v instanceof PyTuple ? tupleHoldsEqKey(v, 0) : holdsEqMembers(v))));

/**
 * Set by classes.ts once a class with __eq__ of its own is made in the process: until then no
 * tuple can hold a key told apart by __eq__, and tuples of plain values are not scanned for one.
 */
let eqClassMade = false;
export function noteEqClass(): void {
  eqClassMade = true;
}

function tupleHoldsEqKey(t: PyTuple, depth: number): boolean {
  // deeper than hashing goes, hashKey's RecursionError answers
  if (depth >= MAX_NESTING) return false;
  const items = t.items;
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (typeof x === 'object' && x !== null && (eqKeyed(x) || (x instanceof PyTuple ? tupleHoldsEqKey(x, depth + 1) : holdsEqMembers(x)))) return true;
  }
  return false;
}

/** Set by pyset.ts (a hook: it imports this module): whether v is a frozenset holding a key told apart by __eq__. */
let holdsEqMembers: (v: object) => boolean = () => false;
export function setHoldsEqMembers(f: (v: object) => boolean): void {
  holdsEqMembers = f;
}

// Set by exceptions.ts; kept here as a hook to avoid a module cycle.
export let unhashable: (v: Py) => PyException = () => {
  throw new Error('exceptions not initialised');
};
/** Set by budget.ts (a hook, as unhashable is: values.ts imports nothing): pays for n items of native work. */
export let payItems: (n: number) => void = () => {};
export function setPayItems(f: (n: number) => void): void {
  payItems = f;
}

export function setUnhashable(f: (v: Py) => PyException): void {
  unhashable = f;
}

