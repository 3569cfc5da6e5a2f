import { positional } from './args.js';
import { checkSize } from './budget.js';
import { keyErr, typeErr, valueErr } from './exceptions.js';
import { copyDict, iterate, setUnion } from './ops.js';
import { hashKey as hashOf, PyDict, PySet, PyTuple, PyView, type Py } from './values.js';
import type { Method } from './attributes.js';

/** dict.update and dict(...): a mapping or an iterable of pairs, then keyword arguments. */
export function updateDict(d: PyDict, source: Py, kw: Map<string, Py> | null): void {
  if (source instanceof PyDict) {
    for (const [nk, v] of source.m) d.set(source.key(nk), v);
  } else if (source !== undefined) {
    let i = 0;
    for (const pair of iterate(source)) {
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

export const DICT_METHODS = new Map<string, Method>([
  [
    'get',
    (d: PyDict, a) => {
      const [key, dflt] = positional('get', a, null, 1, 2);
      const v = d.get(key);
      return v === undefined ? (dflt === undefined ? null : dflt) : v;
    },
  ],
  ['keys', (d: PyDict, a) => (positional('keys', a, null, 0), new PyView('keys', d))],
  ['values', (d: PyDict, a) => (positional('values', a, null, 0), new PyView('values', d))],
  ['items', (d: PyDict, a) => (positional('items', a, null, 0), new PyView('items', d))],
  [
    'setdefault',
    (d: PyDict, a) => {
      const [key, dflt = null] = positional('setdefault', a, null, 1, 2);
      const v = d.get(key);
      if (v !== undefined) return v;
      d.set(key, dflt);
      checkSize(d.m.size);
      return dflt;
    },
  ],
  [
    'pop',
    (d: PyDict, a) => {
      const [key, dflt] = positional('pop', a, null, 1, 2);
      const v = d.get(key);
      if (v === undefined) {
        if (dflt === undefined) throw keyErr(key);
        return dflt;
      }
      d.delete(key);
      return v;
    },
  ],
  [
    'popitem',
    (d: PyDict, a) => {
      positional('popitem', a, null, 0);
      if (d.m.size === 0) throw keyErr('popitem(): dictionary is empty');
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
      const [source] = positional('update', a, null, 0, 1);
      updateDict(d, source, k);
      return null;
    },
  ],
  ['copy', (d: PyDict, a) => (positional('copy', a, null, 0), copyDict(d))],
  [
    'clear',
    (d: PyDict, a) => {
      positional('clear', a, null, 0);
      d.m.clear();
      d.k = null;
      return null;
    },
  ],
]);

function toSet(v: Py): PySet {
  if (v instanceof PySet) return v;
  const s = new PySet();
  for (const x of iterate(v)) s.add(x);
  return s;
}

function combine(s: PySet, args: Py[], op: (acc: PySet, other: PySet) => PySet): PySet {
  let acc = new PySet(new Map(s.m));
  for (const other of args) acc = op(acc, toSet(other));
  return acc;
}

const intersect = (a: PySet, b: PySet) => new PySet(new Map([...a.m].filter(([k]) => b.m.has(k))));
const difference = (a: PySet, b: PySet) => new PySet(new Map([...a.m].filter(([k]) => !b.m.has(k))));
const symmetric = (a: PySet, b: PySet) => {
  const out = difference(a, b);
  for (const [k, v] of b.m) if (!a.m.has(k)) out.m.set(k, v);
  return out;
};

export const SET_METHODS = new Map<string, Method>([
  [
    'add',
    (s: PySet, a) => {
      s.add(positional('add', a, null, 1)[0]);
      checkSize(s.m.size);
      return null;
    },
  ],
  [
    'discard',
    (s: PySet, a) => {
      const [x] = positional('discard', a, null, 1);
      s.m.delete(hashOf(x));
      return null;
    },
  ],
  [
    'remove',
    (s: PySet, a) => {
      const [x] = positional('remove', a, null, 1);
      if (!s.m.delete(hashOf(x))) throw keyErr(x);
      return null;
    },
  ],
  [
    'pop',
    (s: PySet, a) => {
      positional('pop', a, null, 0);
      const first = s.m.entries().next();
      if (first.done) throw keyErr('pop from an empty set');
      s.m.delete(first.value[0]);
      return first.value[1];
    },
  ],
  ['clear', (s: PySet) => (s.m.clear(), null)],
  ['copy', (s: PySet) => new PySet(new Map(s.m))],
  ['union', (s: PySet, a) => combine(s, a, setUnion)],
  ['intersection', (s: PySet, a) => combine(s, a, intersect)],
  ['difference', (s: PySet, a) => combine(s, a, difference)],
  ['symmetric_difference', (s: PySet, a) => combine(s, positional('symmetric_difference', a, null, 1), symmetric)],
  [
    'update',
    (s: PySet, a) => {
      for (const other of a) for (const x of iterate(other)) s.add(x);
      checkSize(s.m.size);
      return null;
    },
  ],
  ['issubset', (s: PySet, a) => [...s.m.keys()].every((k) => toSet(positional('issubset', a, null, 1)[0]).m.has(k))],
  ['issuperset', (s: PySet, a) => [...toSet(positional('issuperset', a, null, 1)[0]).m.keys()].every((k) => s.m.has(k))],
  ['isdisjoint', (s: PySet, a) => ![...toSet(positional('isdisjoint', a, null, 1)[0]).m.keys()].some((k) => s.m.has(k))],
]);
