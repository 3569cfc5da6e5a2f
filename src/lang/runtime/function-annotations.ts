/**
 * A def's annotations, evaluated when the def runs (CPython 3.11 without `from __future__
 * import annotations`), kept by function for what reads them: functools.singledispatch's
 * `register` of an annotated function. A def without annotations keeps nothing.
 */
import type { PyFunc, Py } from './values.js';

const ANNOTATIONS = new WeakMap<PyFunc, readonly (readonly [string, Py])[]>();

/** `names`: the annotated parameters in order, then 'return' if the def has `-> T`. */
export function noteAnnotations(fn: PyFunc, names: readonly string[], values: Py[]): void {
  ANNOTATIONS.set(fn, names.map((name, i) => [name, values[i]] as const));
}

/** Its `__annotations__` as pairs, in order; empty for a function with none. */
export const annotationsOf = (fn: Py): readonly (readonly [string, Py])[] => ANNOTATIONS.get(fn) ?? [];
