/**
 * The `__name__` set on a condition's def, where it no longer is the last part of its
 * `__qualname__` (func_set_name: CPython keeps the two apart); and the `__qualname__` of a
 * method descriptor made unbound (`list.append`, descr_get_qualname's `list.append`). A module
 * of its own, below both attributes.ts, which reads the one and sets the other, and
 * method-attributes.ts, which does the reverse.
 */
import type { PyFunc } from './values.js';

const NAMES = new WeakMap<PyFunc, string>();

/** The `__name__` set on f, else undefined (its name is its qualified name's last part). */
export const assignedName = (f: PyFunc): string | undefined => NAMES.get(f);

export const assignName = (f: PyFunc, name: string): void => void NAMES.set(f, name);

const QUALNAMES = new WeakMap<PyFunc, string>();

/** The `__qualname__` of a builtin type's method read unbound (`list.append`), else undefined. */
export const descriptorQualname = (f: PyFunc): string | undefined => QUALNAMES.get(f);

/** f, a builtin type's method read through the type, answers this `__qualname__`. */
export function noteDescriptor(f: PyFunc, qualname: string): PyFunc {
  QUALNAMES.set(f, qualname);
  return f;
}
