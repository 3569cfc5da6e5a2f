import { PySet, type Py } from '../runtime/values.js';

/**
 * A frozenset constant as CPython 3.11's compiler makes it: the members added in order,
 * then (merge_consts_recursive) added again, in the first set's order, into a second set,
 * and once more (intern_string_constants) if interning replaced one of its strings.
 */
export function frozenConstant(members: Py[]): PySet {
  let set = new PySet();
  for (const x of members) set.add(x);
  for (let rebuilds = members.some(reinterned) ? 2 : 1; rebuilds > 0; rebuilds--) {
    const again = new PySet();
    for (const x of set.values()) again.add(x);
    set = again;
  }
  return set;
}

/**
 * Whether interning replaces this string constant by another object: an identifier-like
 * string of two or more characters always (the literal is a new object); of one character,
 * only those that the deep-frozen startup modules of CPython 3.11 interned first as their
 * own objects rather than as the one-character singletons (measured one by one).
 */
const reinterned = (v: Py): boolean => typeof v === 'string' && /^[A-Za-z0-9_]+$/.test(v) && (v.length > 1 || 'abcdefhijklmnopqrstvwxyBCLST_'.includes(v));
