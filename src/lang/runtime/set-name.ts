import { callValue } from './call.js';
import type { PyClass } from './class-values.js';
import { descriptorClass } from './descriptor-get.js';
import { bindAttr, PyProperty } from './descriptors.js';
import { pyErr, RuntimeError } from './exceptions.js';
import { repr } from './repr.js';
import { fromCause } from './handling.js';
import { PyException } from './values.js';

/**
 * type_new_set_names: once the class is made, each attribute whose type defines __set_name__
 * is told its class and name, in the order the body defined them, from a copy of the class's
 * names (a __set_name__ that adds one does not meet it). A failure is CPython 3.11's
 * RuntimeError, caused by it.
 */
export function setNames(cls: PyClass): void {
  // a class whose attributes are functions and plain values (nearly all) copies nothing
  if (!holdsInstances(cls)) return;
  for (const [name, value] of [...cls.attrs]) {
    const type = descriptorClass(value);
    const fn = type?.lookup('__set_name__');
    if (fn === undefined) {
      // property.__set_name__: a condition's property (the library's are shared) takes the name
      if (value instanceof PyProperty && value.name !== undefined) value.name = name;
      continue;
    }
    try {
      callValue(bindAttr(fn, value, type!, '__set_name__'), [cls, name], null);
    } catch (e) {
      if (!(e instanceof PyException) || e.fatal) throw e;
      throw fromCause(pyErr(RuntimeError, `Error calling __set_name__ on '${type!.name}' instance ${repr(name)} in '${cls.name}'`), e, true);
    }
  }
}

function holdsInstances(cls: PyClass): boolean {
  for (const value of cls.attrs.values()) if (descriptorClass(value) !== undefined || value instanceof PyProperty) return true;
  return false;
}
