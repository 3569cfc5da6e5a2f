import { checkedMethods } from './arity.js';
import { tick, work } from './budget.js';
import { mulHigh } from './hash.js';
import { SET_ARITY, SET_METHODS } from './methods-dict.js';
import { PyFrozenSet } from './pyset.js';
import type { Method, PyTypeSlots } from './types/protocol.js';
import { registerType } from './types/table.js';
import { PySet } from './values.js';

export { PyFrozenSet };

const U64 = (1n << 64n) - 1n;
/** _shuffle_bits' multiplier, 3644798167. */
const SHUFFLE = 0xd93f34d7;

/**
 * frozenset_hash (setobject.c): each member's hash shuffled and xored, then mixed with the size.
 * The members in uint32 halves, as tuplehash's (BigInt arithmetic and an entry made a member took 300 ns: a hash of
 * 100,000 members 31 ms, paid 3 steps per 100).
 */
function frozensetHash(s: PySet): bigint {
  let accHi = 0;
  let accLo = 0;
  // a member's shuffle is some 30 ns, twice a copied item's: a 32nd of a step now, another at each tick
  work(s.size);
  s.eachHash((hi, lo) => {
    tick();
    // (h ^ 89869747 ^ (h << 16)) * 3644798167, mod 2**64
    const xLo = (lo ^ 89869747 ^ (lo << 16)) >>> 0;
    const xHi = (hi ^ ((hi << 16) | (lo >>> 16))) >>> 0;
    accLo = (accLo ^ Math.imul(xLo, SHUFFLE)) >>> 0;
    accHi = (accHi ^ (mulHigh(xLo, SHUFFLE) + Math.imul(xHi, SHUFFLE))) >>> 0;
  });
  let h = (BigInt(accHi) << 32n) | BigInt(accLo);
  h ^= ((BigInt(s.size) + 1n) * 1927868237n) & U64;
  h ^= (h >> 11n) ^ (h >> 25n);
  h = (h * 69069n + 907133923n) & U64;
  const signed = BigInt.asIntN(64, h);
  return signed === -1n ? 590923713n : signed;
}

/**
 * The set methods that only read, each answering a frozenset where set's answers a set; copy
 * is the frozenset itself. frozenset's own table in CPython: its errors name frozenset.
 */
const READING = ['union', 'intersection', 'difference', 'symmetric_difference', 'issubset', 'issuperset', 'isdisjoint'];
const FROZENSET_METHODS: ReadonlyMap<string, Method> = checkedMethods('frozenset', new Map<string, Method>([
  ...READING.map((name): [string, Method] => {
    const m = SET_METHODS.get(name)!;
    return [name, (s, a, k) => {
      const r = m(s, a, k);
      // the answer is new (copy is not among these), laid out as CPython built it
      return r instanceof PySet && r !== s ? PyFrozenSet.adopt(r) : r;
    }];
  }),
  ['copy', (s) => s],
]), Object.fromEntries([...READING, 'copy'].map((name) => [name, SET_ARITY[name]])));

/** frozenset: a PyFrozenSet, hashable, so a dict key or a set member; == to a set of the same members (compare.ts), shown by repr.ts as sets are. */
const FROZENSET: PyTypeSlots<PyFrozenSet> = {
  name: () => 'frozenset',
  truthy: (v) => v.size !== 0,
  len: (v) => v.size,
  // a snapshot of every member, paid as a copy
  iter: (v) => {
    work(v.size);
    return v.values();
  },
  hash: frozensetHash,
  // equal frozensets (and sets) have equal members: the key is the members' hash and count
  key: (v) => `\u0000frozenset${frozensetHash(v)}#${v.size}`,
  // set_contains looks an unhashable set up as the frozenset of its members, a frozenset's too
  contains: (v, item) => (item instanceof PySet && !(item instanceof PyFrozenSet) ? v.has(PyFrozenSet.of(item)) : v.has(item)),
  methods: FROZENSET_METHODS,
};

registerType(PyFrozenSet, FROZENSET);
