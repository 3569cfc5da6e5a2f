import { callValue } from './call.js';
import type { PyClass } from './class-values.js';
import { bindAttr } from './descriptors.js';
import { typeErr } from './exceptions.js';
import { PyStrBox, typeName, type Py } from './values.js';

/** What __repr__, __str__ or the like returned, a str: a str subclass's instance is one (PyUnicode_Check), its value. */
export function stringResult(s: Py, name: string): string {
  if (s instanceof PyStrBox) return s.value;
  if (typeof s !== 'string') throw typeErr(`${name} returned non-string (type ${typeName(s)})`);
  return s;
}

/** `cls`'s own __repr__ or __str__ (a class of its order's) called on `v`, its answer a str; undefined where none defines it. */
export function classString(v: Py, cls: PyClass, name: '__repr__' | '__str__'): string | undefined {
  const fn = cls.lookup(name);
  return fn === undefined ? undefined : stringResult(callValue(bindAttr(fn, v, cls, name), [], null), name);
}
