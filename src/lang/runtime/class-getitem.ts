import { callValue } from './call.js';
import type { PyClass } from './class-values.js';
import { bindMethod, classAttr } from './descriptors.js';
import { typeErr } from './exceptions.js';
import { GENERIC_ORIGINS, genericAlias } from './types/generic-alias.js';
import { PyFunc, type Py } from './values.js';

/**
 * `A[x]` of a condition's class: its __class_getitem__, a class method whether or not it says so
 * (type_new makes a plain function one), its answer as it is; else a list's, dict's or other
 * generic builtin's subclass is an alias of its own (`L[int]`), as the base's __class_getitem__
 * makes it; else CPython's TypeError.
 */
export function classGetitem(cls: PyClass, key: Py): Py {
  // the first of its order that has one: a generic builtin before Generic (`class E(typing.Deque)`: deque's)
  for (const t of cls.mro) {
    if (GENERIC_ORIGINS.has(t)) return genericAlias(cls, key);
    const fn = 'attrs' in t ? (t as PyClass).attrs.get('__class_getitem__') : undefined;
    if (fn === undefined) continue;
    // PyObject_GetItem passes None by
    if (fn === null) break;
    return callValue(fn instanceof PyFunc && fn.kind === 'function' ? bindMethod(fn, cls) : classAttr(fn, cls, '__class_getitem__'), [key], null);
  }
  throw typeErr(`type '${cls.name}' is not subscriptable`);
}
