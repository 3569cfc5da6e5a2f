/**
 * The getattr and setattr slots of a library class whose instances keep their own attributes
 * (own-attrs.ts): read from the instance's table after the type's methods, stored there unless
 * the class answers the name itself.
 */
import { lookupAttr } from './attributes.js';
import { fileOwnAttrs, setOwnAttr, type OwnAttrs } from './own-attrs.js';
import type { Py, PyType } from './values.js';

export function ownAttrSlots<T extends OwnAttrs>(ctor: abstract new (...a: never[]) => T, type: PyType) {
  fileOwnAttrs(ctor);
  // the class's own answer (a method, a dunder, a property), which a name not yet stored here is
  const classHas = (v: T & Py, name: string): boolean => v.attrs?.has(name) !== true && lookupAttr(v, name) !== undefined;
  return {
    getattr: (v: T, name: string): Py | undefined => v.attrs?.get(name),
    setattr: (v: T, name: string, value: Py | undefined): void => setOwnAttr(v as T & Py, type, name, value, (n) => classHas(v as T & Py, n)),
  };
}
