import { allocEntries, checkSize, tick, work } from './budget.js';
import { copyMap } from './copy.js';
import { contains, eq } from './compare.js';
import { iterate } from './iteration.js';
import { PyDict, PyFrozenSet, PySet, PyTuple, PyView, type Py } from './values.js';

/**
 * Set algebra as CPython does it (setobject.c, and dictobject.c's dictviews_*):
 * `| & - ^` and the subset comparisons between sets, and between keys or items views
 * and any iterable, on either side. Sets with anything but a set or a view are not set
 * operations (`{1} | [1]` is a TypeError); values views are not set-like at all.
 * Each operation takes CPython's path (which set is copied, which is walked, which
 * member is kept), because that decides the new set's layout and so its order.
 */
export type SetOp = '|' | '&' | '-' | '^';

/** set_update_internal: s |= other for a set (merged), a dict (its keys, one resize first) or any iterable. */
export function setUpdateFrom(s: PySet, other: Py): void {
  if (other instanceof PySet) {
    allocEntries(s.size + other.size);
    s.merge(other);
  } else {
    if (other instanceof PyDict) s.reserve(other.m.size);
    for (const x of iterate(other)) {
      tick();
      s.add(x);
      if ((s.size & 1023) === 0) checkSize(s.size);
    }
  }
  checkSize(s.size);
}

/** s.copy(): a new set with the same layout, paid for first. */
export function copyOf(s: PySet): PySet {
  allocEntries(s.size);
  return s.copy();
}

/** set(v): make_new_set. */
export function setOf(v: Py): PySet {
  const out = new PySet();
  setUpdateFrom(out, v);
  return out;
}

/** s.union(*others) and s | other. */
export function union(s: PySet, others: Py[]): PySet {
  const out = copyOf(s);
  for (const other of others) if (other !== s) setUpdateFrom(out, other);
  return out;
}

/** set_intersection: the smaller set is walked; from an iterable, members found in s. */
function intersection(s: PySet, other: Py): PySet {
  if (s === other) return copyOf(s);
  const out = new PySet();
  if (other instanceof PySet) {
    const [big, small] = other.size > s.size ? [other, s] : [s, other];
    // each member looked up, and may be placed: paid as a copy's entries are (a walk's 32nd of a step was a tenth of it)
    allocEntries(small.size);
    for (const [nk, v, hi, lo] of small.entries()) if (big.hasEntry(nk, v, hi, lo)) out.addEntry(nk, v, hi, lo);
    return out;
  }
  for (const x of iterate(other)) {
    if (s.has(x)) {
      out.add(x);
      if (out.size >= s.size) break;
    }
  }
  return out;
}

/** s.intersection(*others) and s & other. */
export function intersectionOf(s: PySet, others: Py[]): PySet {
  if (others.length === 0) return copyOf(s);
  let out = s;
  for (const other of others) out = intersection(out, other);
  return out;
}

/** set_difference_update_internal: s -= other, in place. */
export function differenceUpdate(s: PySet, other: Py): void {
  if (s === other) return s.clear();
  if (other instanceof PySet) {
    // a much larger other: only the members the two share need removing
    const from = other.size >> 3 > s.size ? intersection(s, other) : other;
    work(from.size);
    for (const [nk, v, hi, lo] of from.entries()) s.discardEntry(nk, v, hi, lo);
  } else {
    for (const x of iterate(other)) s.discard(x);
  }
  s.purgeDummies();
}

/** set_difference: a copy when other is small or not a set or dict; otherwise s walked into a new set. */
function difference(s: PySet, other: Py): PySet {
  const otherSize = other instanceof PySet ? other.size : other instanceof PyDict ? other.m.size : -1;
  if (otherSize < 0 || s.size >> 2 > otherSize) {
    const out = copyOf(s);
    differenceUpdate(out, other);
    return out;
  }
  const out = new PySet();
  // each member looked up, and may be placed, as intersection's
  allocEntries(s.size);
  for (const [nk, v, hi, lo] of s.entries()) if (!(other as PySet | PyDict).has(v)) out.addEntry(nk, v, hi, lo);
  return out;
}

/** s.difference(*others) and s - other. */
export function differenceOf(s: PySet, others: Py[]): PySet {
  if (others.length === 0) return copyOf(s);
  const out = difference(s, others[0]);
  for (let i = 1; i < others.length; i++) differenceUpdate(out, others[i]);
  return out;
}

/** set_symmetric_difference_update: s ^= other, in place; each member of other removed or added. */
export function symmetricUpdate(s: PySet, other: Py): void {
  if (s === other) return s.clear();
  if (other instanceof PyDict) {
    for (const k of iterate(other)) if (!s.discard(k)) s.add(k);
  } else {
    const o = other instanceof PySet ? other : setOf(other);
    // each member removed or placed, as intersection's
    allocEntries(o.size);
    for (const [nk, v, hi, lo] of o.entries()) if (!s.discardEntry(nk, v, hi, lo)) s.addEntry(nk, v, hi, lo);
  }
  checkSize(s.size);
}

/** set_symmetric_difference: a set of other, updated with s. */
export function symmetricDifference(s: PySet, other: Py): PySet {
  const out = setOf(other);
  symmetricUpdate(out, s);
  return out;
}

/**
 * Whether v is a set subclass's instance whose class defines dunders (builtin-subclass.ts
 * PyHookedSet, marked as class-values.ts isHooked reads it; this module is below that one):
 * its class's __or__ and the rest are asked before set's own operation (set-dunders.ts).
 */
const hooked = (v: Py): boolean => v instanceof PySet && (v as { hooks?: boolean }).hooks === true;

/** a op b, or undefined when these operands make no set operation (the caller's TypeError), or a hooked set's class is to be asked first. */
export function setOperator(op: SetOp, a: Py, b: Py): PySet | undefined {
  // a view on the right answers a hooked set on the left only after its class did not
  return hooked(a) || (hooked(b) && a instanceof PySet) ? undefined : setAlgebra(op, a, b);
}

/** a op b between two sets, or a view and any iterable, whatever their classes; undefined for other operands. */
export function setAlgebra(op: SetOp, a: Py, b: Py): PySet | undefined {
  if (a instanceof PySet && b instanceof PySet) return setOperation(op, a, b);
  const viewA = a instanceof PyView && a.kind !== 'values';
  if (!viewA && !(b instanceof PyView && b.kind !== 'values')) return undefined;
  // a view on either side: the other operand may be any iterable (dictviews_*)
  if (op === '&') return viewA ? intersectView(a as PyView, b) : intersectView(b as PyView, a);
  if (op === '^' && a instanceof PyView && b instanceof PyView && a.kind === 'items' && b.kind === 'items') return itemsXor(a.dict, b.dict);
  const out = viewToSet(a);
  if (op === '|') setUpdateFrom(out, b);
  else if (op === '-') differenceUpdate(out, b);
  else symmetricUpdate(out, b);
  return out;
}

/** set_or, set_and, set_sub, set_xor of two sets, whatever their classes: a set of the left operand's base type. */
export function setOperation(op: SetOp, a: PySet, b: PySet): PySet {
  const r = op === '|' ? union(a, [b]) : op === '&' ? intersection(a, b) : op === '-' ? difference(a, b) : symmetricDifference(a, b);
  // the left operand's type: frozenset | set is a frozenset, set | frozenset a set
  return a instanceof PyFrozenSet ? PyFrozenSet.adopt(r) : r;
}

/** s op= other, in place, for two sets: set_ior, set_iand, set_isub, set_ixor. */
export function setInPlace(op: SetOp, s: PySet, other: PySet): PySet {
  if (op === '|') setUpdateFrom(s, other);
  else if (op === '&') s.swap(intersection(s, other));
  else if (op === '-') differenceUpdate(s, other);
  else symmetricUpdate(s, other);
  return s;
}

/** dictviews_to_set: a keys view as a set of its dict (the dict path), anything else as set(v). */
function viewToSet(v: Py): PySet {
  return setOf(v instanceof PyView && v.kind === 'keys' ? v.dict : v);
}

/**
 * view & other (_PyDictView_Intersect): the members of other found in the view, so a
 * list of unhashable values is fine against an items view. Against a set at least as
 * large, the set's own intersection with the view (an exact set only, PySet_CheckExact: a
 * frozenset's or a subclass's members are the ones kept); against a larger view, the view
 * walked is the smaller one.
 */
function intersectView(view: PyView, other: Py): PySet {
  if (other instanceof PySet && other.constructor === PySet && view.dict.m.size <= other.size) return intersection(other, view);
  if (other instanceof PyView && other.kind !== 'values' && other.dict.m.size > view.dict.m.size) [view, other] = [other, view];
  const out = new PySet();
  for (const x of iterate(other)) {
    tick();
    if (contains(view, x)) out.add(x);
  }
  checkSize(out.size);
  return out;
}

/** dictitems_xor: pairs of b not equal in a, then what is left of a. */
function itemsXor(a: PyDict, b: PyDict): PySet {
  const rest = copyMap(a.m);
  const out = new PySet();
  for (const [nk, v] of b.m) {
    tick();
    if (rest.has(nk) && eq(rest.get(nk), v)) rest.delete(nk);
    else out.add(new PyTuple([b.key(nk), v]));
  }
  for (const [nk, v] of rest) {
    tick();
    out.add(new PyTuple([a.key(nk), v]));
  }
  checkSize(out.size);
  return out;
}

/** s.isdisjoint(other) for a set or a view: no member of other is in s. */
export function isDisjoint(s: PySet | PyView, other: Py): boolean {
  // a native walk: each member looked up is paid (a set of 100,000 was walked for two steps)
  for (const x of iterate(other)) {
    tick();
    if (contains(s, x)) return false;
  }
  return true;
}
