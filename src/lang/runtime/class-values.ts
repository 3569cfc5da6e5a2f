import { bindAttr, PyProperty } from './descriptors.js';
import { PyType, type NativeFn, type Py } from './values.js';

export { bindMethod } from './descriptors.js';

/**
 * A class a condition defines: a type whose attributes (methods and class attributes)
 * live in its own table, with one base (a class of the condition's, a builtin exception
 * class, or object). Its call makes an instance (classes.ts); exception classes make
 * PyExceptions, so that `except` and the limits treat them as every exception.
 */
export class PyClass extends PyType {
  readonly attrs: Map<string, Py>;
  constructor(name: string, readonly qualname: string, base: PyType | null, make: (cls: PyClass) => NativeFn) {
    const box: { cls?: PyClass } = {};
    super(name, (args, kw) => make(box.cls!)(args, kw), base, base?.isException ?? false);
    box.cls = this;
    this.attrs = new Map();
  }

  /** An attribute of the class or of its bases, nearest first (the method resolution order of single inheritance). */
  lookup(name: string): Py | undefined {
    for (let t: PyType | null = this; t !== null; t = t.base) {
      if (!(t instanceof PyClass)) return undefined;
      const v = t.attrs.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}

/** An instance of a plain class: its attributes by name. */
export class PyInstance {
  readonly dict = new Map<string, Py>();
  constructor(readonly cls: PyClass) {}
}

/**
 * `obj.name` of an instance of a condition's class: a property of the class first (it
 * overrides the instance's own attributes, as a data descriptor does), then its own
 * attribute, else the class's (a method bound).
 */
export function instanceAttr(cls: PyClass, dict: Map<string, Py> | null, self: Py, name: string): Py | undefined {
  const v = cls.lookup(name);
  if (v instanceof PyProperty) return bindAttr(v, self, cls, name);
  const own = dict?.get(name);
  if (own !== undefined) return own;
  return v === undefined ? undefined : bindAttr(v, self, cls, name);
}
