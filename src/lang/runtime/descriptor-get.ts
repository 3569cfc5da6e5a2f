import { callValue } from './call.js';
import type { PyClass } from './class-values.js';
import { PyType, type Py } from './values.js';

/**
 * A condition's descriptor: an instance of a condition's class whose type defines __get__,
 * __set__ or __delete__ (slot_tp_descr_get and slot_tp_descr_set, typeobject.c). Its class is
 * read structurally: class-values.ts imports this module, so it cannot test `instanceof`.
 */
export function descriptorClass(v: Py): PyClass | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const cls = (v as { cls?: unknown }).cls;
  return cls instanceof PyType && 'lookup' in cls ? (cls as PyClass) : undefined;
}

/**
 * `type(v).__get__(v, instance, owner)`, instance None when read through the class, or
 * undefined when v is no condition's descriptor with __get__. The function is called as
 * found, unbound, as slot_tp_descr_get calls it.
 */
export function descriptorGet(v: Py, instance: Py, owner: PyClass): Py | undefined {
  const cls = descriptorClass(v);
  const get = cls?.lookup('__get__');
  return get === undefined ? undefined : callValue(get, [v, instance, owner], null);
}

/**
 * Whether a class attribute comes before the instance's own of its name: a data descriptor
 * (__set__ or __delete__) with __get__, as _PyObject_GenericGetAttrWithDict orders them.
 * One without __get__ is found after the instance's attribute, and is then itself.
 */
export function overridesInstance(v: Py): boolean {
  const cls = descriptorClass(v);
  return cls !== undefined && cls.lookup('__get__') !== undefined && (cls.lookup('__set__') !== undefined || cls.lookup('__delete__') !== undefined);
}
