/**
 * The `__name__` set on a condition's def, where it no longer is the last part of its
 * `__qualname__` (func_set_name: CPython keeps the two apart). A module of its own, below both
 * attributes.ts, which reads it, and method-attributes.ts, which sets it.
 */
import type { PyFunc } from './values.js';

const NAMES = new WeakMap<PyFunc, string>();

/** The `__name__` set on f, else undefined (its name is its qualified name's last part). */
export const assignedName = (f: PyFunc): string | undefined => NAMES.get(f);

export const assignName = (f: PyFunc, name: string): void => void NAMES.set(f, name);
