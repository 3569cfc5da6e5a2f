import { tick } from './budget.js';
import { overridesInstance } from './descriptor-get.js';
import { bindAttr, PyProperty } from './descriptors.js';
import { PyDict, PyException, PyType, type NativeFn, type Py } from './values.js';

export { bindMethod } from './descriptors.js';

/** Moved on by every store or delete of a class's __new__, which a subclass inherits: each class's hasNew is asked again then. */
let newEpoch = 0;
export const newChanged = (): void => void newEpoch++;

/** Moved on by every store or delete of a class's __eq__ (a subclass inherits it): each class's hasEq is asked again then. */
let eqEpoch = 0;
export const eqChanged = (): void => void eqEpoch++;

/**
 * A class a condition defines: a type whose attributes (methods and class attributes)
 * live in its own table, with its bases (classes of the condition's, builtin exception
 * classes, or object) and its method resolution order. Its call makes an instance
 * (classes.ts); exception classes make PyExceptions, so that `except` and the limits
 * treat them as every exception.
 */
export class PyClass extends PyType {
  /** Its name and qualified name, which a condition may assign (class-rename.ts). */
  declare name: string;
  readonly attrs: Map<string, Py>;
  /** The class, then the order its bases' attributes are looked up in (C3, mro.ts): `C.__mro__`. */
  readonly mro: readonly PyType[];
  /** Whether its instances are dicts (a subclass of dict: dict-subclass.ts). */
  dictBased = false;
  /** The builtin list, tuple, set, frozenset, float, int or str its instances are (builtin-subclass.ts), or null. */
  valueBase: PyType | null = null;
  /** Whether, as such a subclass, it defines a dunder the operators ask (__eq__, __len__, __add__, ...): its instances are hooked ones then. */
  valueHooks = false;
  /** The attribute hooks its order defines, as attribute-hooks.ts's bits (__getattribute__ or __getattr__, __setattr__, __delattr__): 0, the most, costs its instances nothing. */
  attrHooks = 0;
  /** The module of a library's class written as one (calendar's), which its reprs name first: `<class 'calendar.TextCalendar'>`. */
  module: string | null = null;
  /**
   * Whether it stands for one of CPython's static (C) types (types.SimpleNamespace): its name is
   * the type's tp_name ('types.SimpleNamespace', as its errors say it) and its `__name__` the last
   * part; it is immutable, and its instances have a lay-out of their own and no `__weakref__`.
   */
  cType = false;
  /** Whether such a C type is in its order: its instances take that type's lay-out (no `__dict__` to assign, no builtin base of another lay-out). */
  get fromCType(): boolean {
    return this.mro.some((t) => t instanceof PyClass && t.cType);
  }
  /** Whether it (or a class of its order) defines __eq__: kept until any class's __eq__ is set or deleted (eqChanged). */
  private ownEq = false;
  private eqSeen = -1;
  get hasEq(): boolean {
    if (this.eqSeen !== eqEpoch) {
      this.ownEq = this.lookup('__eq__') !== undefined;
      this.eqSeen = eqEpoch;
    }
    return this.ownEq;
  }
  /** The names its body defined, as finishClass found them: type_new's `__dict__`, `__weakref__` and `__doc__` come after them in its namespace (introspection.ts); null for a class made otherwise. */
  bodyNames: ReadonlySet<string> | null = null;
  /** Whether it (or a class of its order) defines __new__, asked at each call: kept until any class's __new__ is set or deleted (newChanged). */
  private newSeen = -1;
  private ownNew = false;
  get hasNew(): boolean {
    if (this.newSeen !== newEpoch) {
      // the order was paid for when the class was made: read again once an epoch, unticked
      this.ownNew = this.mro.some((t) => t instanceof PyClass && t.attrs.has('__new__'));
      this.newSeen = newEpoch;
    }
    return this.ownNew;
  }
  /** `mro` is the order with its first place left empty (mro.ts), filled here with the class. */
  constructor(name: string, public qualname: string, readonly bases: readonly PyType[], mro: (PyType | undefined)[], make: (cls: PyClass) => NativeFn) {
    const box: { cls?: PyClass } = {};
    super(name, (args, kw) => make(box.cls!)(args, kw), bases[0] ?? null, bases.some((b) => b.isException));
    box.cls = this;
    this.attrs = new Map();
    mro[0] = this;
    this.mro = mro as PyType[];
  }

  /** What its reprs and its instances' name it by: its qualified name, after its module's. */
  get shownName(): string {
    return this.module === null ? this.qualname : `${this.module}.${this.qualname}`;
  }

  isSubclassOf(other: PyType): boolean {
    return this.mro.includes(other);
  }

  /** An attribute of the class or of the classes after it in its method resolution order, nearest first. */
  lookup(name: string): Py | undefined {
    for (const t of this.mro) {
      // a long order is paid for as it is walked: 1,000 classes deep, a missing name is 1,000 lookups
      tick();
      if (!(t instanceof PyClass)) {
        // a module's type written in Python (Fraction) defines it: its slots answer
        if ((t as { shadows?: ReadonlySet<string> | null }).shadows?.has(name) === true) return undefined;
        continue;
      }
      const v = t.attrs.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}

/**
 * A class made by calling a condition's subclass of type, its metaclass (`M('X', (), {})`,
 * type-subclass.ts): a class as any other, whose type is the metaclass, which its attributes
 * and methods come from after the class's own. As an instance of the metaclass, its class is
 * the metaclass and its attributes are its class attributes.
 */
export class PyClassOfMeta extends PyClass {
  constructor(name: string, qualname: string, bases: readonly PyType[], mro: (PyType | undefined)[], make: (cls: PyClass) => NativeFn, readonly meta: PyClass) {
    super(name, qualname, bases, mro, make);
  }
  get cls(): PyClass {
    return this.meta;
  }
  get dict(): Map<string, Py> {
    return this.attrs;
  }
}

/**
 * The JS class of the classes a runtime-written metaclass makes (enum's EnumType: its classes
 * are containers of their members), registered with slots of its own; any other metaclass's
 * classes are PyClassOfMeta.
 */
const META_CTORS = new Map<PyType, typeof PyClassOfMeta>();
export const registerMetaCtor = (meta: PyClass, ctor: typeof PyClassOfMeta): void => void META_CTORS.set(meta, ctor);
export function ctorForMeta(meta: PyClass): typeof PyClassOfMeta {
  if (META_CTORS.size !== 0) {
    for (const t of meta.mro) {
      const c = META_CTORS.get(t);
      if (c !== undefined) return c;
    }
  }
  return PyClassOfMeta;
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
 * An instance of a condition's class whose bases include dict: a PyDict, so that every
 * dict operation, isinstance(d, dict), json.dumps and the context's round trip take it as
 * the dict it is, with attributes of its own and its class's methods before dict's
 * (dict-subclass.ts).
 */
export class PyDictInstance extends PyDict {
  readonly dict = new Map<string, Py>();
  /** object.__hash__'s identity, for a class that defines __hash__ (dict's is None). */
  hashId = 0;
  constructor(readonly cls: PyClass) {
    super(dictMap(cls));
  }
}

/** The table a dict subclass's instance keeps, an OrderedDict subclass's its own (set by collections: odict-map.ts), else a Map. */
let dictMap: (cls: PyClass) => Map<unknown, Py> | undefined = () => undefined;
export const setDictMaps = (f: typeof dictMap): void => {
  dictMap = f;
};

/**
 * Whether dict's C code reads this dict through its mapping protocol, keys() then d[k], rather
 * than its table: dict_merge (dict(d), {**d}, f(**d), update, copy, |) does so for a subclass
 * whose __iter__ is its own.
 */
export const readAsMapping = (d: PyDict): d is PyDictInstance => d instanceof PyDictInstance && d.cls.lookup('__iter__') !== undefined;

/**
 * An instance of an int, str or float subclass whose class defines dunders the operators ask
 * (builtin-subclass.ts): a value of its base that the operators hand to its class first. The
 * instances of a subclass that defines none are of another JS class, without the mark, so the
 * paths that take them as their base's values stay as they were.
 */
export interface HookedValue {
  readonly cls: PyClass;
  readonly hooks: true;
  readonly dict: Map<string, Py>;
}

/** Whether v is such a hooked value: a field read, so the comparisons' and operators' other objects pay a missing property at most. */
export const isHooked = (v: Py): boolean => typeof v === 'object' && v !== null && (v as { hooks?: boolean }).hooks === true;

/**
 * An instance of a condition's exception class: a PyException, so that `raise`, `except` and
 * the limits take it as every exception, whose other dunders its class's slots ask as a plain
 * instance's do (classes.ts), raised and caught or not.
 */
export class PyClassException extends PyException {
  override dict: Map<string, Py> = new Map();
  /** object.__hash__'s identity, as a plain instance's. */
  hashId = 0;
  constructor(readonly cls: PyClass, args: Py[], text?: string) {
    super(cls, args, text);
  }
}

/** An instance of a condition's class, a plain one, a dict, an exception or a hooked value: the values whose class's dunders the operators ask. */
export type Instance = PyInstance | PyDictInstance | PyClassException | HookedValue;
export const isInstance = (v: Py): v is Instance => v instanceof PyInstance || v instanceof PyDictInstance || v instanceof PyClassException || isHooked(v);

/**
 * `obj.name` of an instance of a condition's class: a data descriptor of the class first (a
 * property, a slot's member, or a condition's with __get__ and __set__ or __delete__: it
 * overrides the instance's own attributes), then its own attribute, else the class's (a
 * method bound, a descriptor's __get__).
 */
export function instanceAttr(cls: PyClass, dict: Map<string, Py> | null, self: Py, name: string): Py | undefined {
  const v = cls.lookup(name);
  if (v instanceof PyProperty) return bindAttr(v, self, cls, name);
  const own = dict?.get(name);
  // asked only when both exist: a class with no descriptor pays nothing
  if (own !== undefined && (v === undefined || !overridesInstance(v))) return own;
  return v === undefined ? undefined : bindAttr(v, self, cls, name);
}

/** A builtin subclass's instance's attribute, else its base's (`base`): an attribute that is None is found there, not asked of the base. */
export function instanceAttrOr<T extends { cls: PyClass; dict: Map<string, Py> | null }>(v: T, name: string, base: (v: T, name: string) => Py | undefined): Py | undefined {
  const found = instanceAttr(v.cls, v.dict, v, name);
  return found !== undefined ? found : base(v, name);
}
