import { allocEntries, allocItems, MAX_NESTING, paidTick, tooDeep } from './budget.js';
import { PyDict, PyFloat, PySet, PyTuple, type Py } from './values.js';

/**
 * A copy of a dict's table, paid for and with a look at the clock every 1,024 entries: `new Map(m)`
 * cannot be stopped, and where fresh memory is slow to map it took 25-35 ms for 100,000 entries,
 * three times the model's estimate. The loop is as fast.
 */
export function copyMap<K, V>(m: ReadonlyMap<K, V>): Map<K, V> {
  allocEntries(m.size);
  const out = new Map<K, V>();
  m.forEach((v, k) => {
    paidTick();
    out.set(k, v);
  });
  return out;
}

export function copyDict(d: PyDict): PyDict {
  const out = new PyDict(copyMap(d.m));
  if (d.k !== null) out.k = copyMap(d.k);
  // keys told apart by __eq__ keep their hashes: a copy calls no __hash__
  out.eqStored = d.eqStored;
  if (d.eqStored > 0) out.probe = d.probe!.copy();
  return out;
}

/** A deep copy of JSON-like data (what copy.deepcopy gives for the original's log and data). */
export function deepCopy(v: Py, depth = 0): Py {
  if (v === null || typeof v !== 'object' || v instanceof PyFloat) return v;
  if (depth >= MAX_NESTING) throw tooDeep('while calling a Python object');
  // a request's small data is copied for every run: only a big container is worth a charge
  if (Array.isArray(v)) {
    if (v.length > 32) allocItems(v.length);
    return v.map((x) => deepCopy(x, depth + 1));
  }
  if (v instanceof PyDict) {
    if (v.m.size > 32) allocEntries(v.m.size);
    const out = new PyDict();
    for (const [nk, value] of v.m) out.m.set(nk, deepCopy(value, depth + 1));
    if (v.k !== null) out.k = new Map(v.k);
    return out;
  }
  if (v instanceof PyTuple) {
    // _deepcopy_tuple: the tuple itself when every item's copy is that item
    const items = v.items.map((x) => deepCopy(x, depth + 1));
    return items.every((x, i) => x === v.items[i]) ? v : new PyTuple(items);
  }
  if (v instanceof PySet) {
    allocEntries(v.size);
    return v.copy();
  }
  return v;
}
