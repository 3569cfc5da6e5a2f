/**
 * A library's descriptor written in Python in CPython (functools.cached_property,
 * partialmethod): what it answers when read from an instance or from the class, asked by
 * descriptors.ts's bindAttr and classAttr as CPython asks its __get__.
 */
import type { PyClass } from './class-values.js';
import type { Py } from './values.js';

export abstract class NativeDescriptor {
  /** Read from `self`, an instance of `cls`, under `name`. */
  abstract get(self: Py, cls: PyClass, name: string): Py;
  /** Read from the class itself: __get__(None, cls). */
  abstract fromClass(cls: PyClass): Py;
}
