import { INSTANCE_UNARY } from './class-operators.js';
import type { HookedValue } from './class-values.js';
import type { ItemEq, ItemRepr, NumberSlots, PyTypeSlots } from './types/protocol.js';
import { hookedCompare } from './value-compare.js';
import { instance } from './value-dunders.js';
import type { Py } from './values.js';
import { classString } from './string-dunders.js';

/**
 * What a builtin base answers for a slot its subclass's class takes no dunder for: the slot
 * the subclass inherits (list_length, set_contains, tuple_hash, ...). Absent: the base has
 * no such slot, and a plain instance's answer (its TypeError) is given.
 */
export interface BaseSlots<V> {
  truthy(v: V): boolean;
  len(v: V): number;
  iter(v: V): Iterable<Py>;
  contains(v: V, item: Py, eq: ItemEq): boolean;
  getitem?(v: V, key: Py): Py;
  setitem?(v: V, key: Py, value: Py): void;
  delitem?(v: V, key: Py): void;
  /** Asked when the class has neither __hash__ nor __eq__ of its own. */
  hash(v: V): bigint | number;
  /** The key dicts and sets file an instance under: the class's __hash__ and __eq__ weighed against the base's (keys.ts). */
  key(v: V): unknown;
  /** The binary operators, each the turns of the class's methods then the base's own. */
  nb: NumberSlots;
  repr(v: V, item: ItemRepr): string;
}

const I = instance;
const has = (v: HookedValue, name: string): boolean => v.cls.lookup(name) !== undefined;

/**
 * The slots of a builtin subclass's hooked instance whose base answers as `base` does: each
 * asks the class's method where it (or a class of its order) defines one, as CPython's slot_*
 * functions do, else the base's. A call, -x, __index__ and __format__, which the collections
 * have no slot for, are a plain instance's.
 */
export function hookedSlots<V extends HookedValue>(base: BaseSlots<V>): Omit<PyTypeSlots<V>, 'name'> {
  return {
    // a collection's truth is its length: __len__ replaces it, as slot_nb_bool falls back to it
    truthy: (v) => (has(v, '__bool__') || has(v, '__len__') ? I().truthy(v) : base.truthy(v)),
    len: (v) => (has(v, '__len__') ? I().len!(v) : base.len(v)),
    iter: (v) => (has(v, '__iter__') ? I().iter!(v) : base.iter(v)),
    iterator: (v) => (has(v, '__iter__') ? I().iterator!(v) : undefined),
    contains: (v, item, eq) => (has(v, '__contains__') ? I().contains!(v, item, eq) : base.contains(v, item, eq)),
    getitem: (v, key) => (base.getitem !== undefined && !has(v, '__getitem__') ? base.getitem(v, key) : I().getitem!(v, key)),
    // one slot for both (slot_mp_ass_subscript): the base's own __setitem__ or __delitem__ answers the other
    setitem: (v, key, value) => (base.setitem !== undefined && !has(v, '__setitem__') ? base.setitem(v, key, value) : I().setitem!(v, key, value)),
    delitem: (v, key) => (base.delitem !== undefined && !has(v, '__delitem__') ? base.delitem(v, key) : I().delitem!(v, key)),
    call: (v, args, kw) => I().call!(v, args, kw),
    hash: (v) => (has(v, '__hash__') ? I().hash!(v) : base.hash(v)),
    key: base.key,
    richEq: (a, b, ne) => hookedCompare(a, b, ne ? '!=' : '=='),
    richOrder: (a, b, op) => hookedCompare(a, b, op),
    nb: base.nb,
    unary: INSTANCE_UNARY,
    index: (v) => (has(v, '__index__') ? I().index!(v) : undefined),
    formatsEmpty: true,
    format: (v, spec) => I().format!(v, spec),
    repr: (v, item) => classString(v, v.cls, '__repr__') ?? base.repr(v, item),
  };
}

