import type { HookedValue } from './class-values.js';
import { typeErr } from './exceptions.js';
import { pyHashBig } from './hash.js';
import { hookedSlots } from './hooked-slots.js';
import { hashKey } from './keys.js';
import * as ops from './ops.js';
import { setAlgebra, setOperation, type SetOp } from './sets.js';
import { NOT_IMPLEMENTED, type ItemRepr, type NumberSlots, type PyTypeSlots } from './types/protocol.js';
import { binaryTurns, instance, OPERATORS } from './value-dunders.js';
import { PyFrozenSet, PySet, PyView } from './values.js';

/**
 * The slots of a set or frozenset subclass's hooked instance (builtin-subclass.ts PyHookedSet):
 * a PySet still, which set's own C code (set(s), s | t, s.union(t), s <= t) reads member by
 * member as CPython's does by PyAnySet_Check, but whose len(), in, iteration, truth, hash,
 * ==/ordering and operators ask the class first, as its slot_* functions do, then set's own.
 */

type HookedSet = PySet & HookedValue;

const I = instance;
const has = (v: HookedSet, name: string): boolean => v.cls.lookup(name) !== undefined;

const SET_OPERATORS = new Map<string, SetOp>([['or', '|'], ['and', '&'], ['subtract', '-'], ['xor', '^']]);

/** The operators: the turns of the class's methods, each side's builtin turn set's own (set_or takes two sets, else NotImplemented). */
function numbers(): NumberSlots {
  const out: NumberSlots = {};
  for (const [slot, name] of OPERATORS) {
    const op = SET_OPERATORS.get(slot);
    // set_or and the rest take two sets; a view's (dictviews_or) takes any iterable on its left
    out[slot] = binaryTurns(`__${name}__`, `__r${name}__`, (a, b, side) => {
      const owner = side === 'left' ? a : b;
      if (op === undefined || !(owner instanceof PySet || owner instanceof PyView)) return NOT_IMPLEMENTED;
      return (owner instanceof PySet ? (a instanceof PySet && b instanceof PySet ? setOperation(op, a, b) : undefined) : setAlgebra(op, a, b)) ?? NOT_IMPLEMENTED;
    });
  }
  return out;
}

/** The instances whose repr is being made: met again inside, each is S(...), as Py_ReprEnter has it. */
const inRepr = new Set<HookedSet>();

/**
 * set_repr: `S()` when it holds nothing, else its members as its iteration gives them
 * (PySequence_List: the class's __iter__ and __len__ asked), each by `item`, the walk of the
 * repr it is in, which holds the nesting to its limit.
 */
export function hookedSetRepr(v: HookedSet, item: ItemRepr): string {
  if (v.size === 0) return `${v.cls.name}()`;
  if (inRepr.has(v)) return `${v.cls.name}(...)`;
  inRepr.add(v);
  try {
    ops.lengthHint(v);
    return `${v.cls.name}({${ops.toList(v).map((x) => item(x)).join(', ')}})`;
  } finally {
    inRepr.delete(v);
  }
}

const unhashable = (v: HookedSet): never => {
  throw typeErr(`unhashable type: '${v.cls.name}'`);
};

/**
 * The key dicts and sets file it under: with the class's __eq__, told apart by calling it (as a
 * plain instance's); a frozenset's without a __hash__ of the class's, its members' as a
 * frozenset's; with one, that hash beside them, so that keys of one hash are told apart by set's ==.
 */
function setKey(v: HookedSet, frozen: boolean): unknown {
  if (v.cls.hasEq && has(v, '__hash__')) return I().key!(v);
  if (!has(v, '__hash__')) return frozen ? hashKey(PyFrozenSet.of(v)) : unhashable(v);
  const h = BigInt(I().hash!(v));
  const members = PyFrozenSet.of(v);
  const k = hashKey(members);
  return frozen && h === pyHashBig(members) ? k : `\u0000hashed#${h}#set:${String(k)}`;
}

/** The hooked slots of a set (or frozenset) subclass whose plain instances have `base`'s. */
export function hookedSetSlots(base: PyTypeSlots, frozen: boolean): PyTypeSlots<HookedSet> {
  return {
    ...base,
    ...hookedSlots<HookedSet>({
      truthy: (v) => v.size !== 0,
      len: (v) => v.size,
      iter: (v) => base.iter!(v),
      contains: (v, item, eq) => base.contains!(v, item, eq),
      // set's __hash__ is None; frozenset's hashes the members
      hash: (v) => (frozen ? base.hash!(v) : unhashable(v)),
      key: (v) => setKey(v, frozen),
      nb: numbers(),
      repr: hookedSetRepr,
    }),
  };
}
