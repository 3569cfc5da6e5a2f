import { checkedMethods, type Arity } from './arity.js';
import { PyMappingProxy } from './mappingproxy-value.js';
import { clinicCount } from './signature.js';
import { allocEntries, checkSize, paidTick, tick, work } from './budget.js';
import { keyErr, typeErr, valueErr } from './exceptions.js';
import { setOrder } from './compare.js';
import { copyDict } from './copy.js';
import { callValue } from './call.js';
import { isIterable, iterate, toList } from './iteration.js';
import { lookupAttr } from './attributes.js';
import { getitem } from './items.js';
import { readAsMapping } from './class-values.js';
import { typeOf } from './types/table.js';
import {
  copyOf, differenceOf, differenceUpdate, intersectionOf, isDisjoint, setOf, setUpdateFrom, symmetricDifference, symmetricUpdate, union,
} from './sets.js';
import { PyDict, PySet, PyTuple, PyView, typeName, type Py } from './values.js';
import { isOrdered } from './types/ordered.js';
import type { Method } from './attributes.js';

/** dict.fromkeys(iterable, value) into `out`, which cls() made: each key with the one value. */
export function fromKeys(out: PyDict, iterable: Py, value: Py): PyDict {
  for (const k of iterate(iterable)) {
    tick();
    out.set(k, value);
    if ((out.m.size & 1023) === 0) checkSize(out.m.size);
  }
  checkSize(out.m.size);
  return out;
}

/** cls() for the type of a dict: a plain one, or its subclass called with no arguments, as dict_fromkeys calls it (a class's __init__ runs). */
export function emptyOfType(d: PyDict): PyDict {
  if (d.constructor === PyDict) return new PyDict();
  const slots = typeOf(d);
  return callValue(slots.classOf?.(d) ?? slots.type!, [], null) as PyDict;
}

/** dict.update and dict(...): a mapping or an iterable of pairs, then keyword arguments. */
export function updateDict(d: PyDict, source: Py, kw: Map<string, Py> | null): void {
  let keys: Py | undefined;
  // a class's __dict__ is read as the dict it shows
  if (source instanceof PyMappingProxy && source.d !== null) source = source.d;
  if (source instanceof PyDict && readAsMapping(source)) {
    for (const [k, v] of mappingItems(source)) d.set(k, v);
  } else if (source instanceof PyDict) {
    allocEntries(d.m.size + source.m.size);
    for (const [nk, v] of source.m) {
      paidTick();
      d.set(source.key(nk), v);
    }
  } else if (source !== undefined && (keys = lookupAttr(source, 'keys')) !== undefined) {
    // anything with keys() (a condition's class, a UserDict, decimal's SignalDict): PyMapping_Keys' list of them, then each one's item, as PyDict_Merge reads a mapping
    const got = callValue(keys, [], null);
    if (!isIterable(got)) throw typeErr(`${typeName(source)}.keys() returned a non-iterable (type ${typeName(got)})`);
    for (const k of toList(got)) {
      tick();
      d.set(k, getitem(source, k));
    }
  } else if (source !== undefined) {
    let i = 0;
    for (const pair of iterate(source)) {
      tick();
      if ((i & 1023) === 1023) checkSize(d.m.size);
      const items = Array.isArray(pair) ? pair : pair instanceof PyTuple ? pair.items : typeof pair === 'string' ? [...pair] : null;
      if (items === null) throw typeErr(`cannot convert dictionary update sequence element #${i} to a sequence`);
      if (items.length !== 2) throw valueErr(`dictionary update sequence element #${i} has length ${items.length}; 2 is required`);
      d.set(items[0], items[1]);
      i++;
    }
  }
  if (kw !== null) for (const [k, v] of kw) d.set(k, v);
  checkSize(d.m.size);
}

/**
 * A dict subclass's items as its mapping protocol gives them, keys() then d[k] for each
 * (PyDict_Merge's other way): set by dict-subclass.ts, a hook as keys.ts has them, since the
 * class's methods are reached through modules that import this one.
 */
export let mappingItems: (d: PyDict) => Iterable<[Py, Py]> = (d) => d.entries();
export function setMappingItems(f: (d: PyDict) => Iterable<[Py, Py]>): void {
  mappingItems = f;
}

/** A copy as dict's: a plain dict of the items. */
const copyOfDict = (d: PyDict): PyDict => {
  if (!readAsMapping(d)) return copyDict(d);
  const out = new PyDict();
  updateDict(out, d, null);
  return out;
};

/** CPython's calling convention for each dict method (see arity.ts). */
const DICT_ARITY: Record<string, Arity> = {
  get: ['clinic', 1, 2], keys: 'none', values: 'none', items: 'none', setdefault: ['clinic', 1, 2], pop: ['clinic', 1, 2], popitem: 'none',
  update: 'own', copy: 'none', clear: 'none', fromkeys: ['clinic', 1, 2],
};

export const DICT_METHODS = checkedMethods('dict', new Map<string, Method>([
  [
    'get',
    (d: PyDict, a) => {
      const [key, dflt] = a;
      const v = d.get(key);
      return v === undefined ? (dflt === undefined ? null : dflt) : v;
    },
  ],
  ['keys', (d: PyDict) => new PyView('keys', d)],
  ['values', (d: PyDict) => new PyView('values', d)],
  ['items', (d: PyDict) => new PyView('items', d)],
  [
    'setdefault',
    (d: PyDict, a) => {
      const [key, dflt = null] = a;
      const v = d.setDefault(key, dflt);
      checkSize(d.m.size);
      return v;
    },
  ],
  [
    'pop',
    (d: PyDict, a) => {
      const [key, dflt] = a;
      // _PyDict_Pop: an empty dict answers before the key is hashed; odict_pop hashes it first
      const v = d.m.size === 0 && !isOrdered(d) ? undefined : d.pop(key);
      if (v === undefined) {
        if (dflt === undefined) throw keyErr(key);
        return dflt;
      }
      return v;
    },
  ],
  [
    'popitem',
    (d: PyDict) => {
      if (d.m.size === 0) throw keyErr('popitem(): dictionary is empty');
      // a Map cannot be read from its end: its keys are copied, and paid for (10,000 popitem() of 100,000 keys took 210 ms unpaid)
      work(d.m.size);
      const nk = [...d.m.keys()].pop();
      const key = d.key(nk);
      const v = d.m.get(nk);
      d.delete(key);
      return new PyTuple([key, v]);
    },
  ],
  [
    'update',
    (d: PyDict, a, k) => {
      if (a.length > 1) throw typeErr(clinicCount('update', a.length, 0, 1));
      updateDict(d, a[0], k);
      return null;
    },
  ],
  ['copy', copyOfDict],
  // a classmethod: a new dict of the receiver's type ({}.fromkeys(...), OrderedDict().fromkeys(...))
  ['fromkeys', (d: PyDict, a) => fromKeys(emptyOfType(d), a[0], a.length > 1 ? a[1] : null)],
  [
    'clear',
    (d: PyDict) => {
      d.clear();
      return null;
    },
  ],
]), DICT_ARITY);

/** CPython's calling convention for each set method (see arity.ts). */
export const SET_ARITY: Record<string, Arity> = {
  add: 'one', discard: 'one', remove: 'one', pop: 'none', clear: 'none', copy: 'none', union: 'many',
  intersection: 'many', difference: 'many', symmetric_difference: 'one', update: 'many',
  intersection_update: 'many', difference_update: 'many', symmetric_difference_update: 'one',
  issubset: 'one', issuperset: 'one', isdisjoint: 'one',
};

export const SET_METHODS = checkedMethods('set', new Map<string, Method>([
  [
    'add',
    (s: PySet, a) => {
      s.add(a[0]);
      checkSize(s.size);
      return null;
    },
  ],
  // an unhashable set is looked up as a frozenset, which is never a member here
  ['discard', (s: PySet, a) => (a[0] instanceof PySet || s.discard(a[0]), null)],
  [
    'remove',
    (s: PySet, a) => {
      if (a[0] instanceof PySet || !s.discard(a[0])) throw keyErr(a[0]);
      return null;
    },
  ],
  [
    'pop',
    (s: PySet) => {
      const v = s.pop();
      if (v === undefined) throw keyErr('pop from an empty set');
      return v;
    },
  ],
  ['clear', (s: PySet) => (s.clear(), null)],
  ['copy', (s: PySet) => copyOf(s)],
  ['union', (s: PySet, a) => union(s, a)],
  ['intersection', (s: PySet, a) => intersectionOf(s, a)],
  ['difference', (s: PySet, a) => differenceOf(s, a)],
  ['symmetric_difference', (s: PySet, a) => symmetricDifference(s, a[0])],
  ['update', (s: PySet, a) => (a.forEach((other) => setUpdateFrom(s, other)), null)],
  ['intersection_update', (s: PySet, a) => (s.swap(intersectionOf(s, a)), null)],
  ['difference_update', (s: PySet, a) => (a.forEach((other) => differenceUpdate(s, other)), null)],
  ['symmetric_difference_update', (s: PySet, a) => (symmetricUpdate(s, a[0]), null)],
  ['issubset', (s: PySet, a) => setOrder(s, setOf(a[0])) <= 0],
  ['issuperset', (s: PySet, a) => setOrder(s, setOf(a[0])) >= 0],
  ['isdisjoint', (s: PySet, a) => isDisjoint(s, a[0])],
]), SET_ARITY);

/** The methods of keys and items views beyond their operators. */
const viewMethods = (type: string) => checkedMethods(type, new Map<string, Method>([['isdisjoint', (v: PyView, a) => isDisjoint(v, a[0])]]), { isdisjoint: 'one' });
export const KEYS_METHODS = viewMethods('dict_keys');
export const ITEMS_METHODS = viewMethods('dict_items');
