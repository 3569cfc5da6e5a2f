import { checkSize, work } from './budget.js';
import { contains, iterate } from './ops.js';
import { PySet, PyView, type Py } from './values.js';

/**
 * Set algebra as CPython does it (setobject.c, and dictobject.c's dictviews_*):
 * `| & - ^` and the subset comparisons between sets, and between keys or items views
 * and any iterable, on either side. Sets with anything but a set or a view are not set
 * operations (`{1} | [1]` is a TypeError); values views are not set-like at all.
 */
export type SetOp = '|' | '&' | '-' | '^';

/** A set, or a dict's keys or items view. */
export const isSetLike = (v: Py): v is PySet | PyView => v instanceof PySet || (v instanceof PyView && v.kind !== 'values');

const sizeOf = (v: PySet | PyView): number => (v instanceof PySet ? v.m.size : v.dict.m.size);

/** set(v): a new set of what v yields. */
export function setOf(v: Py): PySet {
  if (v instanceof PySet) return new PySet(new Map(v.m));
  const out = new PySet();
  for (const x of iterate(v)) out.add(x);
  checkSize(out.m.size);
  return out;
}

/** a op b, or undefined when these operands make no set operation (the caller's TypeError). */
export function setOperator(op: SetOp, a: Py, b: Py): PySet | undefined {
  if (a instanceof PySet && b instanceof PySet) return setUpdate(op, new PySet(new Map(a.m)), b);
  const viewA = a instanceof PyView && a.kind !== 'values';
  if (!viewA && !(b instanceof PyView && b.kind !== 'values')) return undefined;
  // a view on either side: the other operand may be any iterable (dictviews_*)
  if (op === '&') return viewA ? intersectView(a as PyView, b) : intersectView(b as PyView, a);
  return setUpdate(op, setOf(a), b);
}

/**
 * s op= other, in place, for any iterable other: what set.update, intersection_update,
 * difference_update and symmetric_difference_update do. (The operators `|= &= -= ^=`
 * take only a set; for anything else the caller falls back to `s op other`.)
 */
export function setUpdate(op: SetOp, s: PySet, other: Py): PySet {
  const o = other instanceof PySet ? other : op === '|' ? null : setOf(other);
  switch (op) {
    case '|':
      if (o !== null) {
        for (const [k, v] of o.m) if (!s.m.has(k)) s.m.set(k, v);
      } else {
        for (const x of iterate(other)) s.add(x);
      }
      break;
    case '&': {
      work(s.m.size);
      const kept = [...s.m].filter(([k]) => o!.m.has(k));
      s.m.clear();
      for (const [k, v] of kept) s.m.set(k, v);
      break;
    }
    case '-':
      work(o!.m.size);
      for (const k of o!.m.keys()) s.m.delete(k);
      break;
    case '^':
      work(o!.m.size);
      for (const [k, v] of o!.m) if (!s.m.delete(k)) s.m.set(k, v);
      break;
  }
  checkSize(s.m.size);
  return s;
}

/**
 * view & other (_PyDictView_Intersect): the members of other found in the view, so a
 * list of unhashable values is fine against an items view. Against a set at least as
 * large, the set's own intersection, which hashes the view's members instead.
 */
function intersectView(view: PyView, other: Py): PySet {
  const out = new PySet();
  if (other instanceof PySet && view.dict.m.size <= other.m.size) {
    for (const x of view) if (other.has(x)) out.add(x);
    return out;
  }
  for (const x of iterate(other)) if (contains(view, x)) out.add(x);
  checkSize(out.m.size);
  return out;
}

/** Whether every member of a is in b. */
function allIn(a: PySet | PyView, b: PySet | PyView): boolean {
  work(sizeOf(a));
  if (a instanceof PySet && b instanceof PySet) {
    for (const k of a.m.keys()) if (!b.m.has(k)) return false;
    return true;
  }
  for (const x of a instanceof PySet ? a.m.values() : a) if (!contains(b, x)) return false;
  return true;
}

/**
 * The subset order of two set-likes as a three-way answer for ==, <, <=, >, >=:
 * 0 equal, -1 a proper subset, 1 a proper superset, NaN neither. Sizes first, as
 * set_richcompare and dictview_richcompare do, so only one containment walk is needed.
 */
export function setOrder(a: PySet | PyView, b: PySet | PyView): number {
  const la = sizeOf(a);
  const lb = sizeOf(b);
  if (la === lb) return allIn(a, b) ? 0 : NaN;
  if (la < lb) return allIn(a, b) ? -1 : NaN;
  return allIn(b, a) ? 1 : NaN;
}

/** s.isdisjoint(other) for a set or a view: no member of other is in s. */
export function isDisjoint(s: PySet | PyView, other: Py): boolean {
  for (const x of iterate(other)) if (contains(s, x)) return false;
  return true;
}
