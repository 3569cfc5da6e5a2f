/**
 * _PyObject_IsAbstract, as modules/abc.ts answers it (it sets this): read by the attributes that
 * report it, a function's, a property's, a classmethod's and a staticmethod's
 * `__isabstractmethod__`, whose modules abc.ts imports. A leaf: it imports types only.
 */
import type { Py } from './values.js';

let isAbstractOf: (v: Py) => boolean = () => false;
export const setIsAbstract = (f: (v: Py) => boolean): void => void (isAbstractOf = f);
export const isAbstractValue = (v: Py): boolean => isAbstractOf(v);
