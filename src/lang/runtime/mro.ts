import { tick } from './budget.js';
import { typeErr } from './exceptions.js';
import type { PyType } from './values.js';

/**
 * The method resolution order of a class with these bases: C3 linearisation, merged as
 * CPython's pmerge (typeobject.c) merges, with its words when there is none. `linearOf`
 * gives a base's own order (itself first). The answer's first place is left for the class
 * itself, so that a chain 1,000 classes deep copies each order once.
 */
export function linearize(bases: readonly PyType[], linearOf: (t: PyType) => readonly PyType[]): (PyType | undefined)[] {
  for (let i = 0; i < bases.length; i++) {
    for (let j = i + 1; j < bases.length; j++) if (bases[i] === bases[j]) throw typeErr(`duplicate base class ${bases[i].name}`);
  }
  // one base: its own order, as the merge would make it
  if (bases.length === 1) return [undefined, ...linearOf(bases[0])];
  const lists = [...bases.map(linearOf), bases];
  const heads = lists.map(() => 0);
  // how many lists hold each class past their head: a class may come next only when none does,
  // so that a candidate is checked at once, not by a walk of every tail (1,000 classes deep is 1,000 walks of 1,000)
  const inTails = new Map<PyType, number>();
  for (const l of lists) {
    for (let k = 1; k < l.length; k++) {
      tick();
      inTails.set(l[k], (inTails.get(l[k]) ?? 0) + 1);
    }
  }
  const out: (PyType | undefined)[] = [undefined];
  for (;;) {
    let next: PyType | undefined;
    let left = 0;
    for (let i = 0; i < lists.length && next === undefined; i++) {
      tick();
      if (heads[i] >= lists[i].length) continue;
      left++;
      const candidate = lists[i][heads[i]];
      if ((inTails.get(candidate) ?? 0) === 0) next = candidate;
    }
    if (next === undefined) {
      if (left === 0) return out;
      throw noOrder(lists, heads);
    }
    out.push(next);
    for (let i = 0; i < lists.length; i++) {
      tick();
      if (heads[i] < lists[i].length && lists[i][heads[i]] === next) {
        heads[i]++;
        // the list's new head leaves its tail
        if (heads[i] < lists[i].length) inTails.set(lists[i][heads[i]], inTails.get(lists[i][heads[i]])! - 1);
      }
    }
  }
}

/** CPython's set_mro_error: the classes at the lists' heads, once each, by __name__ (a module's type without its module), in a buffer of 1,000 bytes. */
function noOrder(lists: readonly (readonly PyType[])[], heads: number[]) {
  const names = new Set<PyType>();
  lists.forEach((l, i) => heads[i] < l.length && names.add(l[heads[i]]));
  const text = `Cannot create a consistent method resolution\norder (MRO) for bases ${[...names].map((t) => t.name.slice(t.name.lastIndexOf('.') + 1)).join(', ')}`;
  return typeErr(text.slice(0, 999));
}
