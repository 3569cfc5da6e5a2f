import { tick } from './budget.js';
import { bindAttr, PyProperty } from './descriptors.js';
import { PyType, type NativeFn, type Py } from './values.js';

export { bindMethod } from './descriptors.js';

/**
 * A class a condition defines: a type whose attributes (methods and class attributes)
 * live in its own table, with its bases (classes of the condition's, builtin exception
 * classes, or object) and its method resolution order. Its call makes an instance
 * (classes.ts); exception classes make PyExceptions, so that `except` and the limits
 * treat them as every exception.
 */
export class PyClass extends PyType {
  readonly attrs: Map<string, Py>;
  /** The class, then the order its bases' attributes are looked up in (C3, mro.ts): `C.__mro__`. */
  readonly mro: readonly PyType[];
  /** Whether its instances are dicts (a subclass of dict: dict-subclass.ts). */
  dictBased = false;
  /** The builtin list, tuple, set, frozenset, float, int or str its instances are (builtin-subclass.ts), or null. */
  valueBase: PyType | null = null;
  /** `mro` is the order with its first place left empty (mro.ts), filled here with the class. */
  constructor(name: string, readonly qualname: string, readonly bases: readonly PyType[], mro: (PyType | undefined)[], make: (cls: PyClass) => NativeFn) {
    const box: { cls?: PyClass } = {};
    super(name, (args, kw) => make(box.cls!)(args, kw), bases[0] ?? null, bases.some((b) => b.isException));
    box.cls = this;
    this.attrs = new Map();
    mro[0] = this;
    this.mro = mro as PyType[];
  }

  isSubclassOf(other: PyType): boolean {
    return this.mro.includes(other);
  }

  /** An attribute of the class or of the classes after it in its method resolution order, nearest first. */
  lookup(name: string): Py | undefined {
    for (const t of this.mro) {
      // a long order is paid for as it is walked: 1,000 classes deep, a missing name is 1,000 lookups
      tick();
      if (!(t instanceof PyClass)) continue;
      const v = t.attrs.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}

/** An instance of a plain class: its attributes by name. */
export class PyInstance {
  /** Made at the first use: most instances of a set's or list's worth hold no attribute, and a Map each doubled their GC. */
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  /** object.__hash__'s identity, given at the first hash (0: none yet); a field, not a WeakMap, which cost 2 µs a lookup and its GC. */
  hashId = 0;
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
