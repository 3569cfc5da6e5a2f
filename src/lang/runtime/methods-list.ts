import { bind, cIntArg, indexArg } from './args.js';
import { checkedMethods, type Arity } from './arity.js';
import { allocItems, checkSize, tick, work } from './budget.js';
import { indexErr, typeErr, valueErr } from './exceptions.js';
import { callValue } from './call.js';
import { compare, contains, eq, iterate, toList } from './ops.js';
import { searchBounds } from './items.js';
import { repr } from './repr.js';
import { PyRange, PyTuple, type Py } from './values.js';
import type { Method } from './attributes.js';

function indexOf(items: Py[], args: Py[], what: string): number {
  const [x, start, end] = args;
  const [a, b] = searchBounds(start, end, items.length);
  for (let i = a; i < b; i++) if ((tick(), eq(items[i], x))) return i;
  throw valueErr(what === 'list' ? `${repr(x)} is not in list` : 'tuple.index(x): x not in tuple');
}

/** sorted() and list.sort(): stable, with key and reverse, comparing as Python compares. */
export function sortItems(items: Py[], args: Py[], kw: Map<string, Py> | null, fname: string): Py[] {
  return sortPaid(items, sortArgs(args, kw, fname, items.length));
}

/** A sort's key and reverse, and its n log n comparisons paid for, each as one item of work. */
function sortArgs(args: Py[], kw: Map<string, Py> | null, fname: string, n: number): [Py | undefined, boolean] {
  // sorted() hands its keywords to list.sort: a wrong one is named sort()'s
  // _PyArg_UnpackKeywords: the count first, then that none is positional
  const given = args.length + (kw?.size ?? 0);
  if (given > 2) throw typeErr(`sort() takes at most 2 ${args.length === 0 ? 'keyword ' : ''}arguments (${given} given)`);
  if (args.length > 0) throw typeErr(`${fname}() takes no positional arguments`);
  const [key, reverse] = bind('sort', args, kw, ['key', 'reverse']);
  // reverse is `bool(accept={int})`, read as a C int (_PyLong_AsInt)
  const rev = reverse === undefined ? 0 : cIntArg(reverse);
  work(n * Math.max(1, Math.ceil(Math.log2(n + 1))));
  return [key, rev !== 0];
}

function sortPaid(items: Py[], [key, rev]: [Py | undefined, boolean]): Py[] {
  // CPython's reverse: reverse, sort ascending (stable), reverse back; so its comparisons,
  // and the first that fails on mixed types, come in this order
  if (key === undefined || key === null) {
    if (rev) items.reverse();
    items.sort((a, b) => compare(a, b, '<'));
    return rev ? items.reverse() : items;
  }
  const keyed = items.map((v) => ({ k: callValue(key, [v], null), v }));
  if (rev) keyed.reverse();
  keyed.sort((a, b) => compare(a.k, b.k, '<'));
  if (rev) keyed.reverse();
  for (let i = 0; i < items.length; i++) items[i] = keyed[i].v;
  return items;
}

/**
 * Whether items were put in the list (push, splice or unshift with items: append, insert, extend,
 * a slice store) until stop(): the emptied list of a sort is watched so, by methods of its own
 * that shadow the array's while it sorts; a sort within the sort of the same list watches on top.
 */
function watchGrowth(l: Py[]): { seen: boolean; stop(): void } {
  const watch = { seen: false, stop: () => {} };
  const names = ['push', 'splice', 'unshift'] as const;
  const before = names.map((n) => Object.getOwnPropertyDescriptor(l, n));
  for (const n of names) {
    const inner = (l as unknown as Record<string, (...a: unknown[]) => unknown>)[n];
    Object.defineProperty(l, n, {
      configurable: true,
      writable: true,
      value(this: Py[], ...a: unknown[]) {
        if (a.length > (n === 'splice' ? 2 : 0)) watch.seen = true;
        return inner.apply(this, a);
      },
    });
  }
  watch.stop = () => names.forEach((n, i) => (before[i] === undefined ? delete (l as unknown as Record<string, unknown>)[n] : Object.defineProperty(l, n, before[i]!)));
  return watch;
}

/** CPython's calling convention for each list method (see arity.ts). */
const LIST_ARITY: Record<string, Arity> = {
  append: 'one', extend: 'one', insert: ['clinic', 2, 2], pop: ['clinic', 0, 1], remove: 'one', index: ['clinic', 1, 3], count: 'one',
  sort: 'own', reverse: 'none', copy: 'none', clear: 'none',
};

export const LIST_METHODS = checkedMethods('list', new Map<string, Method>([
  [
    'append',
    (l, a) => {
      const [x] = a;
      checkSize(l.length + 1);
      l.push(x);
      return null;
    },
  ],
  [
    'extend',
    (l, a) => {
      const [it] = a;
      const items = it === l ? l.slice() : toList(it);
      checkSize(l.length + items.length);
      for (const x of items) l.push(x);
      return null;
    },
  ],
  [
    'insert',
    (l, a) => {
      const [i, x] = a;
      let n = indexArg(i);
      if (n < 0) n = Math.max(0, n + l.length);
      n = Math.min(n, l.length);
      checkSize(l.length + 1);
      // the items after it move up
      work(l.length - n);
      l.splice(n, 0, x);
      return null;
    },
  ],
  [
    'pop',
    (l, a) => {
      const [i] = a;
      if (l.length === 0) throw indexErr('pop from empty list');
      let n = i === undefined ? l.length - 1 : indexArg(i);
      if (n < 0) n += l.length;
      if (n < 0 || n >= l.length) throw indexErr('pop index out of range');
      if (n === l.length - 1) return l.pop();
      work(l.length - n);
      return l.splice(n, 1)[0];
    },
  ],
  [
    'remove',
    (l, a) => {
      const [x] = a;
      for (let i = 0; i < l.length; i++) {
        if ((tick(), eq(l[i], x))) {
          l.splice(i, 1);
          return null;
        }
      }
      throw valueErr('list.remove(x): x not in list');
    },
  ],
  ['index', (l, a) => indexOf(l, a, 'list')],
  ['count', (l, a) => l.filter((x: Py) => (tick(), eq(x, a[0]))).length],
  [
    'sort',
    (l, a, k) => {
      // paid for first: a sort refused for its cost leaves the list as it was, untouched
      const how = sortArgs(a, k, 'sort', l.length);
      // list_sort_impl: the list is empty while its items sort apart; what a key or a comparison
      // puts in it meanwhile is dropped, and then CPython's ValueError
      const items = l.splice(0);
      const grown = watchGrowth(l);
      let modified = false;
      try {
        sortPaid(items, how);
      } finally {
        grown.stop();
        // CPython's test is of the list's allocation, which any item put in sets: one appended then popped counts
        modified = l.length > 0 || grown.seen;
        l.length = 0;
        for (let i = 0; i < items.length; i++) l.push(items[i]);
      }
      if (modified) throw valueErr('list modified during sort');
      return null;
    },
  ],
  [
    'reverse',
    (l) => {
      work(l.length);
      l.reverse();
      return null;
    },
  ],
  ['copy', (l) => (allocItems(l.length), l.slice())],
  [
    'clear',
    (l) => {
      l.length = 0;
      return null;
    },
  ],
]), LIST_ARITY);

/** CPython's calling convention for each tuple method (see arity.ts). */
const TUPLE_ARITY: Record<string, Arity> = {
  index: ['clinic', 1, 3], count: 'one',
};

export const TUPLE_METHODS = checkedMethods('tuple', new Map<string, Method>([
  ['index', (t: PyTuple, a) => indexOf(t.items, a, 'tuple')],
  ['count', (t: PyTuple, a) => t.items.filter((x) => (tick(), eq(x, a[0]))).length],
]), TUPLE_ARITY);

/**
 * range.index and range.count: an int by arithmetic, anything else (2.0, True) by
 * equality as a sequence, as CPython does.
 */
export const RANGE_METHODS = checkedMethods('range', new Map<string, Method>([
  [
    'index',
    (r: PyRange, a) => {
      const [x] = a;
      if (typeof x === 'number' || typeof x === 'boolean') {
        const n = Number(x);
        if (!contains(r, n)) throw valueErr(`${repr(x)} is not in range`);
        return (n - r.start) / r.step;
      }
      // an int past the safe integers is no member of a range of them, and still an int to range_index
      if (typeof x === 'bigint') throw valueErr(`${repr(x)} is not in range`);
      let i = 0;
      for (const v of iterate(r)) {
        if (eq(v, x)) return i;
        i++;
      }
      throw valueErr('sequence.index(x): x not in sequence');
    },
  ],
  [
    'count',
    (r: PyRange, a) => {
      const [x] = a;
      if (typeof x === 'number' || typeof x === 'boolean') return contains(r, Number(x)) ? 1 : 0;
      let n = 0;
      for (const v of iterate(r)) if (eq(v, x)) n++;
      return n;
    },
  ],
]), { index: 'one', count: 'one' });
