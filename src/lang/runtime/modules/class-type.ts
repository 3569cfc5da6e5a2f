/** A type with class attributes (datetime.now, timezone.utc, a namedtuple's _fields): they are read through its slots' getattr. */
import { typeRepr } from '../module-types.js';
import type { PyTypeSlots } from '../types/protocol.js';
import { registerType } from '../types/table.js';
import { PyType, type NativeFn, type Py } from '../values.js';

export class PyClassType extends PyType {
  readonly attrs = new Map<string, Py>();
  /**
   * The names a type CPython writes in Python defines over classes of the runtime's (Fraction's
   * over numbers'): a lookup through a condition's subclass stops there, and the type's slots
   * answer, not the abstract methods after it (class-values.ts PyClass.lookup).
   */
  shadows: ReadonlySet<string> | null = null;
  constructor(name: string, fn: NativeFn, base: PyType | null = null) {
    super(name, fn, base);
  }
}

/**
 * A type a condition makes as it runs (a namedtuple's): made anew by each run, never shared
 * with another condition, so its class attributes may be set and deleted, as in CPython.
 */
export class PyRunClassType extends PyClassType {
  /** `T.name = v`, or `del T.name` (v undefined: whether it had one), into its attributes; a namedtuple's type also drops its field's getter. */
  store(name: string, v: Py | undefined): boolean {
    if (v === undefined) return this.attrs.delete(name);
    this.attrs.set(name, v);
    return true;
  }
}

/** Still a type: `type`, `<class 'datetime.datetime'>`; its attributes are its class's. */
const CLASS_TYPE: PyTypeSlots<PyClassType> = {
  name: () => 'type',
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => typeRepr(v.name),
  getattr: (v, name) => v.attrs.get(name),
};
registerType(PyClassType, CLASS_TYPE);
