/**
 * A def's annotations, evaluated when the def runs (CPython 3.11 without `from __future__
 * import annotations`), kept by function for what reads them: `f.__annotations__`,
 * functools.wraps and singledispatch's `register` of an annotated function. A def without
 * annotations keeps nothing until its `__annotations__` is read (then `{}`, as func_get_annotations
 * makes one) or set.
 */
import { allocEntries } from './budget.js';
import { PerRun } from './per-run.js';
import { isRunDef } from './shared-objects.js';
import { PyDict, type PyFunc, type Py } from './values.js';

const ANNOTATIONS = new WeakMap<PyFunc, readonly (readonly [string, Py])[]>();
/** The dict `__annotations__` answers, once read or set: the same one each time, as CPython's. */
const DICTS = new WeakMap<PyFunc, PyDict | null>();

/** `names`: the annotated parameters in order, then 'return' if the def has `-> T`. */
export function noteAnnotations(fn: PyFunc, names: readonly string[], values: Py[]): void {
  ANNOTATIONS.set(fn, names.map((name, i) => [name, values[i]] as const));
}

/** Its `__annotations__` as pairs, in order; empty for a function with none. */
export function annotationsOf(fn: Py): readonly (readonly [string, Py])[] {
  const d = DICTS.get(fn as PyFunc);
  if (d === undefined) return ANNOTATIONS.get(fn as PyFunc) ?? [];
  if (d === null) return [];
  return [...d.m].map(([k, v]) => [d.key(k) as string, v] as const);
}

/** A module's function's dict, by run: `enum.unique.__annotations__['k'] = 1` is seen by that run only. */
const SHARED = new WeakMap<PyFunc, PerRun>();

/** A new dict of the annotations filed for fn. */
function freshDict(fn: PyFunc): PyDict {
  const pairs = ANNOTATIONS.get(fn) ?? [];
  allocEntries(pairs.length);
  const d = new PyDict();
  for (const [k, v] of pairs) d.set(k, v);
  return d;
}

/** `f.__annotations__`: its dict, made on the first read. */
export function annotationsDict(fn: PyFunc): Py {
  // a module's function is shared by every condition: its dict, which a condition may fill, is made anew for each run
  if (!isRunDef(fn)) {
    let own = SHARED.get(fn);
    if (own === undefined) SHARED.set(fn, (own = new PerRun(() => freshDict(fn))));
    return own.current();
  }
  let d = DICTS.get(fn);
  if (d === undefined) DICTS.set(fn, (d = freshDict(fn)));
  // None was set: func_get_annotations makes a new dict in its place
  if (d === null) DICTS.set(fn, (d = new PyDict()));
  return d;
}

/** Defs whose `__annotations__` functools.wraps copied from a bound method, which keeps no function here: not known. */
const UNKNOWN = new WeakSet<PyFunc>();
export const markAnnotationsUnknown = (fn: PyFunc): void => void UNKNOWN.add(fn);
export const annotationsUnknown = (fn: PyFunc): boolean => UNKNOWN.has(fn);

/** `f.__annotations__ = v` (a dict or None; `del` is None); the caller has checked v's type. */
export function setAnnotations(fn: PyFunc, v: PyDict | null): void {
  UNKNOWN.delete(fn);
  DICTS.set(fn, v);
}
