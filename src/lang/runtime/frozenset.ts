import { checkedMethods } from './arity.js';
import { tick } from './budget.js';
import { SET_METHODS } from './methods-dict.js';
import { PyFrozenSet } from './pyset.js';
import type { Method, PyTypeSlots } from './types/protocol.js';
import { registerType } from './types/table.js';
import { PySet } from './values.js';

export { PyFrozenSet };

const U64 = (1n << 64n) - 1n;
const shuffle = (h: bigint): bigint => (((h ^ 89869747n) ^ ((h << 16n) & U64)) * 3644798167n) & U64;

/** frozenset_hash (setobject.c): each member's hash shuffled and xored, then mixed with the size. */
function frozensetHash(s: PySet): bigint {
  let h = 0n;
  for (const [, , hi, lo] of s.entries()) {
    tick();
    h ^= shuffle((BigInt(hi) << 32n) | BigInt(lo));
  }
  h ^= ((BigInt(s.size) + 1n) * 1927868237n) & U64;
  h ^= (h >> 11n) ^ (h >> 25n);
  h = (h * 69069n + 907133923n) & U64;
  const signed = BigInt.asIntN(64, h);
  return signed === -1n ? 590923713n : signed;
}

/** The set methods that only read, each answering a frozenset where set's answers a set; copy is the frozenset itself. */
const READING = ['union', 'intersection', 'difference', 'symmetric_difference', 'issubset', 'issuperset', 'isdisjoint'];
const FROZENSET_METHODS: ReadonlyMap<string, Method> = new Map<string, Method>([
  ...READING.map((name): [string, Method] => {
    const m = SET_METHODS.get(name)!;
    return [name, (s, a, k) => {
      const r = m(s, a, k);
      return r instanceof PySet ? PyFrozenSet.of(r) : r;
    }];
  }),
  ['copy', checkedMethods('frozenset', new Map<string, Method>([['copy', (s) => s]]), { copy: 'none' }).get('copy')!],
]);

/** frozenset: a PyFrozenSet, hashable, so a dict key or a set member; == to a set of the same members (compare.ts), shown by repr.ts as sets are. */
const FROZENSET: PyTypeSlots<PyFrozenSet> = {
  name: () => 'frozenset',
  truthy: (v) => v.size !== 0,
  len: (v) => v.size,
  iter: (v) => v.values(),
  hash: frozensetHash,
  // equal frozensets (and sets) have equal members: the key is the members' hash and count
  key: (v) => `\u0000frozenset${frozensetHash(v)}#${v.size}`,
  // set_contains looks an unhashable set up as the frozenset of its members, a frozenset's too
  contains: (v, item) => (item instanceof PySet && !(item instanceof PyFrozenSet) ? v.has(PyFrozenSet.of(item)) : v.has(item)),
  methods: FROZENSET_METHODS,
};

registerType(PyFrozenSet, FROZENSET);
