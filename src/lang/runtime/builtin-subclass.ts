import { instanceAttrOr, type PyClass } from './class-values.js';
import { fatalErr, typeErr, UnsupportedError } from './exceptions.js';
import { floatRepr, repr } from './repr.js';
import type { ItemRepr, PyTypeSlots } from './types/protocol.js';
import { registerType, slotsOf, slotsOfClass, typeOf } from './types/table.js';
import { formatValue } from './format.js';
import { CLASS_DUNDERS } from '../dunders.js';
import { hookedSlots, instance } from './value-dunders.js';
import { hookedSetRepr, hookedSetSlots } from './set-dunders.js';
import { hookedBaseSlots } from './base-dunders.js';
import { indexValue } from './args.js';
import { COLLECTION_SLOTS, collectionMethod, collectionRepr } from './collection-dunders.js';
import { PyHookedCollection } from './hooked-collection.js';
import { pyHashBig } from './hash.js';
import type { Int } from './int/index.js';
import { isIntLike, isNumeric } from './numbers.js';
import * as ops from './ops.js';
import { NOT_IMPLEMENTED, type BinarySlot } from './types/protocol.js';
import { PyByteArray } from './bytearray.js';
import { bytesRepr } from './bytes.js';
import { complexRepr } from './complex/text.js';
import { boundMethod, EMPTY_TUPLE, hashKey, PyBytes, PyComplex, PyFloat, PyFrozenSet, PyIntBox, PySet, PyStrBox, PyTuple, PyType, typeName, type Py } from './values.js';
import { classString } from './string-dunders.js';
import { ATTRIBUTE_HOOKS, withAttrHooks } from './attribute-hooks.js';
import { subclassesOf } from './subclasses.js';
import { runNumber } from './budget.js';
import { lateOwner, noteLateCollection, setLateSlots, switchWhenHooked } from './late-hooks.js';
import { callDunder, NOT_IMPLEMENTED_VALUE } from './class-operators.js';

/**
 * Instances of a condition's class whose bases include list, tuple, set, frozenset, float, int or str:
 * each is a value of that type as the runtime holds it (an Array, a PyTuple, ...), so that
 * every builtin, operator, fast path and json.dumps takes it as the list or tuple it is, as
 * CPython's C code takes a subclass's instance; it also carries its class and attributes.
 * Results of the base's methods and operators are of the base type, as in CPython (the
 * Array subclass's species is Array: slice, concat and map make plain lists).
 */
export class PyListInstance extends Array<Py> {
  static get [Symbol.species]() {
    return Array;
  }
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass) {
    super();
  }
}

export class PyTupleInstance extends PyTuple {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass, items: Py[]) {
    super(items);
  }
}

export class PySetInstance extends PySet {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass) {
    super();
  }
}

export class PyFrozenSetInstance extends PyFrozenSet {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass) {
    super();
  }
}

export class PyFloatInstance extends PyFloat {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass, v: number) {
    super(v);
  }
}

/** A bytes: its methods' results are bytes, its own value unchanged too (bytes_strip returns self only when exactly bytes). */
export class PyBytesInstance extends PyBytes {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass, data: Uint8Array) {
    super(data);
  }
  unchanged(): PyBytes {
    return new PyBytes(this.data);
  }
}

/** A bytearray, made empty: bytearray.__init__ fills it, as list's does. Its methods' results are bytearrays (PyByteArray.like). */
export class PyByteArrayInstance extends PyByteArray {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass) {
    super(new Uint8Array(0));
  }
}

export class PyComplexInstance extends PyComplex {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass, re: number, im: number) {
    super(re, im);
  }
}

/** An int: not a JS number, which carries no class, but a box that what needs an int opens (PyIntBox, as re.I). */
export class PyIntInstance extends PyIntBox {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass, value: Int) {
    super(value);
  }
}

/** A str: a box likewise, as a JS string carries no class (PyStrBox). */
export class PyStrInstance extends PyStrBox {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass, value: string) {
    super(value);
  }
}

/**
 * An int or str subclass's instance (a float's below) whose class defines dunders the operators
 * ask: another JS class, whose slots ask the class first (value-dunders.ts), so that the others
 * keep their own.
 */
export class PyHookedInt extends PyIntInstance {
  declare readonly hooks: true;
}

export class PyHookedStr extends PyStrInstance {
  declare readonly hooks: true;
}

/** A float subclass's likewise: a PyFloat, which the operators' fast paths pass by for its hooks. */
export class PyHookedFloat extends PyFloatInstance {
  declare readonly hooks: true;
}

/**
 * A set or frozenset subclass's likewise: a PySet still, which set's own C code reads as CPython's
 * does (set(s), s.union(t), s | t between two sets whose classes do not answer), and whose slots
 * ask its class first (set-dunders.ts). A list or tuple subclass's is a box (hooked-collection.ts).
 */
export class PyHookedSet extends PySetInstance {
  declare readonly hooks: true;
}

export class PyHookedFrozenSet extends PyFrozenSetInstance {
  declare readonly hooks: true;
}

/**
 * A bytes, bytearray or complex subclass's likewise: a PyBytes, a PyByteArray or a PyComplex still,
 * which their C code reads as CPython's does (a buffer, b'%s' % x, complex(x)'s parts), and
 * whose slots ask the class first (base-dunders.ts); `plain()` is the value of its base.
 */
export class PyHookedBytes extends PyBytesInstance {
  declare readonly hooks: true;
  plain(): PyBytes {
    return new PyBytes(this.data);
  }
}

export class PyHookedByteArray extends PyByteArrayInstance {
  declare readonly hooks: true;
  plain(): PyByteArray {
    return new PyByteArray(this.data);
  }
  /** b *= n: bytearray's __imul__, which its class cannot replace, before its __mul__ (as its __iadd__ before __add__): n an index. */
  override pyInplaceMul(n: Py): PyByteArray {
    const count = indexValue(n);
    if (count === undefined) throw typeErr(`'${typeName(n)}' object cannot be interpreted as an integer`);
    return super.pyInplaceMul(count)!;
  }
}

export class PyHookedComplex extends PyComplexInstance {
  declare readonly hooks: true;
  plain(): PyComplex {
    return new PyComplex(this.re, this.im);
  }
}

/** An instance of a subclass of a module's value type (datetime's: datetime-subclass.ts): its class and attributes. */
export interface ModuleInstance {
  readonly cls: PyClass;
  readonly dict: Map<string, Py>;
}

/**
 * The value types of modules a class may subclass, as the engine registers them
 * (datetime-subclass.ts, wrapper-subclass.ts, type-subclass.ts, collections' deque and namedtuple
 * types): this file is below the modules, which cannot be imported here. A group leaves out what its
 * bases do not have.
 */
export interface ModuleBases {
  isBase(t: PyType): boolean;
  isInstance(v: Py): boolean;
  /** base.__new__(cls, *args). */
  make(base: PyType, cls: PyClass, args: Py[], kw: Map<string, Py> | null): Py;
  /** base.__init__(self, *args) where the base has its own (deque's, property's, suppress's); none: object's. */
  init?(base: PyType): ((self: ModuleInstance, args: Py[], kw: Map<string, Py> | null) => null) | undefined;
  /** The dunders beyond OWN a subclass may define, which its instances' slots ask (partial's __call__). */
  dunders?(base: PyType): readonly string[];
  /** Whether its subclasses' instances ask a class's every dunder (datetime's types); else only OWN and `dunders`. */
  hookable?(base: PyType): boolean;
  /** A method or field of the base, bound to the instance. */
  method(v: ModuleInstance, name: string): Py | undefined;
  /** `v.name = value` or `del v.name` (value undefined) where the base's own attribute takes it (a namedtuple's field refuses it): whether it did. */
  store?(v: ModuleInstance, name: string, value: Py | undefined): boolean;
  /** base.__repr__ and base.__str__, as super() reaches them. */
  repr(v: ModuleInstance): string;
  str(v: ModuleInstance): string;
  /** A class attribute of the base (a constant, a class method), read through the subclass. */
  classAttr(cls: PyClass, base: PyType, name: string): Py | undefined;
  /** A module's type a plain class may derive from (datetime.tzinfo): its instances are plain ones. */
  isPlainBase?(t: PyType): boolean;
  /** Such a type's method, bound to a plain instance of a class deriving from it, or undefined. */
  plainMethod?(v: Py, name: string): Py | undefined;
}

const registered: ModuleBases[] = [];
const ofBase = (t: PyType): ModuleBases => registered.find((b) => b.isBase(t))!;
const ofInstance = (v: Py): ModuleBases => registered.find((b) => b.isInstance(v))!;

/** Every registered group of module bases as one: each question goes to the group whose base or instance it is. */
export const moduleBases: Required<ModuleBases> = {
  isBase: (t) => {
    for (const b of registered) if (b.isBase(t)) return true;
    return false;
  },
  // asked of every value isValueInstance meets that no builtin subclass's instance is
  isInstance: (v) => {
    for (const b of registered) if (b.isInstance(v)) return true;
    return false;
  },
  make: (base, cls, args, kw) => ofBase(base).make(base, cls, args, kw),
  init: (base) => ofBase(base).init?.(base),
  dunders: (base) => ofBase(base).dunders?.(base) ?? [],
  hookable: (base) => ofBase(base).hookable?.(base) ?? false,
  method: (v, name) => ofInstance(v).method(v, name),
  store: (v, name, value) => ofInstance(v).store?.(v, name, value) ?? false,
  repr: (v) => ofInstance(v).repr(v),
  str: (v) => ofInstance(v).str(v),
  classAttr: (cls, base, name) => ofBase(base).classAttr(cls, base, name),
  isPlainBase: (t) => {
    for (const b of registered) if (b.isPlainBase?.(t) === true) return true;
    return false;
  },
  plainMethod: (v, name) => {
    for (const b of registered) {
      const m = b.plainMethod?.(v, name);
      if (m !== undefined) return m;
    }
    return undefined;
  },
};

export function registerModuleBases(bases: ModuleBases): void {
  registered.push(bases);
}

export type ValueInstance = PyListInstance | PyTupleInstance | PySetInstance | PyFrozenSetInstance | PyFloatInstance | PyIntInstance | PyStrInstance | PyBytesInstance | PyByteArrayInstance | PyComplexInstance | ModuleInstance | PyHookedCollection;

export const isValueInstance = (v: Py): v is ValueInstance =>
  v instanceof PyListInstance || v instanceof PyTupleInstance || v instanceof PySetInstance || v instanceof PyFrozenSetInstance || v instanceof PyFloatInstance || v instanceof PyIntInstance || v instanceof PyStrInstance || v instanceof PyBytesInstance || v instanceof PyByteArrayInstance || v instanceof PyComplexInstance || v instanceof PyHookedCollection || moduleBases.isInstance(v);

/** The builtin types a condition's class may subclass besides dict and the exceptions, by name (a leaf cannot import builtins.ts). */
const VALUE_BASES = new Set(['list', 'tuple', 'set', 'frozenset', 'float', 'int', 'str', 'bytes', 'bytearray', 'complex']);

export const isValueBase = (t: PyType): boolean => (VALUE_BASES.has(t.name) && !t.isException && !('attrs' in t)) || moduleBases.isBase(t);

/**
 * The dunders its instances' slots below ask whatever their class: __new__ and __init__ make them,
 * __repr__, __str__ and __match_args__ are read where they are. A class that defines (or
 * inherits from a mixin) any other makes hooked instances, which the operators hand to its class
 * first, so that the others keep the fast paths.
 */
const OWN = new Set(['__new__', '__init__', '__repr__', '__str__', '__match_args__']);

export function markValueHooks(cls: PyClass, base: PyType): void {
  // past a base written in Python (Fraction), the names it defines are its own, not a hook
  const shadows = (base as { shadows?: ReadonlySet<string> | null }).shadows ?? null;
  let past = false;
  for (const t of cls.mro) {
    if (t === base) past = true;
    if (!('attrs' in t)) continue;
    // a metaclass a module writes (enum.EnumType): its own methods are the runtime's, asked where they are built
    if (base.name === 'type' && t !== cls && (t as PyClass).module !== null) continue;
    for (const name of (t as PyClass).attrs.keys()) {
      // `__slots__ = ()` hooks nothing: it only leaves the instances without attributes of their own (classes.ts); __init_subclass__ is asked when a subclass is made (init-subclass.ts), __class_getitem__ of the class (Generic's, typing.Deque's base)
      if (!name.startsWith('__') || OWN.has(name) || name === '__slots__' || name === '__init_subclass__' || name === '__class_getitem__') continue;
      // a dunder of no meaning to CPython (`__version__`) is a plain attribute: it hooks nothing
      if (!CLASS_DUNDERS.has(name)) continue;
      if (past && shadows?.has(name) === true) continue;
      // attribute hooks are asked by the instances' getattr, setattr and delattr, whatever the base (but a metaclass's, not built)
      if (ATTRIBUTE_HOOKS.has(name) && base.name !== 'type') continue;
      // a module's type whose slots would pass a class's dunder by (deque's, partial's) takes only those it asks
      if (moduleBases.isBase(base) && !moduleBases.hookable(base)) {
        const own = moduleBases.dunders(base);
        // CPython makes the class: refused past any except
        if (!own.includes(name)) throw fatalErr(UnsupportedError, `a subclass of ${base.name} in a condition may define only ${[...OWN, ...own].join(', ')}: '${name}' is not supported`);
        continue;
      }
      cls.valueHooks = true;
    }
  }
}

/**
 * A dunder stored on or deleted from a class after it was made (`L.__len__ = f`, `del L.__eq__`),
 * as type_setattro's update_slot does: the class and every class made on it since that is a
 * builtin subclass is marked again, so that their instances made from now on are hooked ones,
 * whose slots ask the class at each use (a delete leaves them hooked: they ask, find none, and
 * answer as the base does). Instances made before are switched where they are met (late-hooks.ts).
 */
export function lateValueDunder(cls: PyClass, name: string): void {
  if (!CLASS_DUNDERS.has(name) || OWN.has(name)) return;
  const seen = new Set<PyClass>();
  const mark = (c: PyClass): void => {
    if (seen.has(c)) return;
    seen.add(c);
    // a module's type whose slots would pass a class's dunder by (deque's, a namedtuple's) keeps them as they are: its class body is held to what they ask (markValueHooks)
    if (c.valueBase !== null && !c.valueHooks && !(moduleBases.isBase(c.valueBase) && !moduleBases.hookable(c.valueBase))) {
      markValueHooks(c, c.valueBase);
      // its instances made before, Arrays and PyTuples, are asked for by the paths that read lists and tuples (late-hooks.ts)
      if (c.valueHooks && (c.valueBase.name === 'list' || c.valueBase.name === 'tuple') && !moduleBases.isBase(c.valueBase)) noteLateCollection();
    }
    for (const sub of subclassesOf(c)) mark(sub);
  };
  mark(cls);
}

/**
 * base.__new__(cls, *args): the base type makes its value from the arguments (its own
 * checks and words), then it becomes an instance of cls. list and set make an empty one:
 * their __init__ fills it.
 */
export function valueNew(base: PyType, cls: PyClass, args: Py[], kw: Map<string, Py> | null): Py {
  if (moduleBases.isBase(base)) return moduleBases.make(base, cls, args, kw);
  switch (base.name) {
    case 'list':
      return cls.valueHooks ? new PyHookedCollection(cls, []) : new PyListInstance(cls);
    case 'set':
      return new (cls.valueHooks ? PyHookedSet : PySetInstance)(cls);
    case 'tuple':
      return cls.valueHooks ? new PyHookedCollection(cls, base.fn(args, kw) as PyTuple) : new PyTupleInstance(cls, (base.fn(args, kw) as PyTuple).items);
    case 'frozenset': {
      const out = new (cls.valueHooks ? PyHookedFrozenSet : PyFrozenSetInstance)(cls);
      out.merge(base.fn(args, kw) as PySet);
      return out;
    }
    case 'int':
      return new (cls.valueHooks ? PyHookedInt : PyIntInstance)(cls, base.fn(args, kw) as Int);
    case 'str':
      return new (cls.valueHooks ? PyHookedStr : PyStrInstance)(cls, base.fn(args, kw) as string);
    case 'bytes':
      return new (cls.valueHooks ? PyHookedBytes : PyBytesInstance)(cls, (base.fn(args, kw) as PyBytes).data);
    case 'bytearray':
      return new (cls.valueHooks ? PyHookedByteArray : PyByteArrayInstance)(cls);
    case 'complex': {
      const c = base.fn(args, kw) as PyComplex;
      return new (cls.valueHooks ? PyHookedComplex : PyComplexInstance)(cls, c.re, c.im);
    }
    default:
      return new (cls.valueHooks ? PyHookedFloat : PyFloatInstance)(cls, (base.fn(args, kw) as PyFloat).v);
  }
}

/** list.__init__, set.__init__ and bytearray.__init__: emptied, then filled from the iterable; a module's base's its own (deque's); the others' is object's, which takes what __new__ took. */
export function valueInit(base: PyType, self: Py, args: Py[], kw: Map<string, Py> | null): null {
  if (moduleBases.isBase(base)) return moduleBases.init(base)?.(self as ModuleInstance, args, kw) ?? null;
  // a hooked instance's list is the one it holds
  const target = self instanceof PyHookedCollection ? (Array.isArray(self.value) ? self.value : null) : self instanceof PyListInstance ? self : null;
  if (target !== null) {
    // made first, so that an error leaves the list as it was
    const items = args.length === 0 && kw === null ? EMPTY_LIST : (base.fn(args, kw) as Py[]);
    if (target.length !== 0) target.length = 0;
    for (let i = 0; i < items.length; i++) target.push(items[i]);
  } else if (self instanceof PySetInstance) {
    // set_init words its count with the class's name
    if (args.length > 1) throw typeErr(`${self.cls.name} expected at most 1 argument, got ${args.length}`);
    const made = base.fn(args, kw) as PySet;
    self.clear();
    self.merge(made);
  } else if (self instanceof PyByteArrayInstance) {
    // made first, as list's; a memoryview of it not released fixes its size (resize's check)
    const made = base.fn(args, kw) as PyByteArray;
    self.resize(made.data.length);
    self.data.set(made.data);
  }
  return null;
}

/** The base's class method through the class (classes.ts baseClassMethod: F.fromhex makes an F), set there: it imports this module. */
let classMethodOf: (cls: PyClass, name: string) => Py | undefined = () => undefined;
export const setClassMethodOf = (f: (cls: PyClass, name: string) => Py | undefined): void => void (classMethodOf = f);

/** A method of the base type, bound to the instance: what super().append or l.append reaches when the class has none of that name. */
export function valueMethod(v: ValueInstance, name: string): Py | undefined {
  if (moduleBases.isInstance(v)) return moduleBases.method(v, name);
  if (v instanceof PyHookedCollection) return collectionMethod(v, name);
  // a class method of the base, through the instance as through its class: I(3).from_bytes makes an I
  const classMethod = classMethodOf(v.cls, name);
  if (classMethod !== undefined) return classMethod;
  // an int's or str's methods take its value: their slots are a number's and a string's
  if (v instanceof PyIntInstance || v instanceof PyStrInstance) {
    const base = typeOf(v.value);
    const m = base.methods?.get(name);
    return m !== undefined ? boundMethod(name, (args, kw) => m(v.value, args, kw), v, undefined) : base.getattr?.(v.value, name);
  }
  const base = baseSlots(v);
  const m = base.methods?.get(name) ?? base.methodsOf?.(v)?.get(name);
  // frozenset.copy of a subclass's instance is a frozenset, not the instance
  if (m !== undefined) return boundMethod(name, (args, kw) => {
    const r = m(v, args, kw);
    return r === v ? PyFrozenSet.of(v as PyFrozenSetInstance) : r;
  }, v, undefined);
  // a float's real is a float, not the instance (float_float)
  if (v instanceof PyFloatInstance && name === 'real') return new PyFloat(v.v);
  return base.getattr?.(v, name);
}

const EMPTY_LIST: Py[] = [];
const baseSlots = (v: Exclude<ValueInstance, PyIntInstance | PyStrInstance>): PyTypeSlots =>
  v instanceof PyListInstance ? typeOf(EMPTY_LIST) : slotsOf(v instanceof PyTupleInstance ? EMPTY_TUPLE : v instanceof PyFrozenSetInstance ? EMPTY_FROZENSET : v instanceof PySetInstance ? EMPTY_SET : v instanceof PyByteArray ? EMPTY_BYTEARRAY : v instanceof PyBytes ? EMPTY_BYTES : v instanceof PyComplex ? COMPLEX_ZERO : ZERO)!;
const EMPTY_BYTES = new PyBytes(new Uint8Array(0));
const EMPTY_BYTEARRAY = new PyByteArray(new Uint8Array(0));
const COMPLEX_ZERO = new PyComplex(0, 0);
const EMPTY_SET = new PySet();
const EMPTY_FROZENSET = new PyFrozenSet();
const ZERO = new PyFloat(0);

/** base.__repr__(v), as super().__repr__ reaches it: the base's repr, whatever the class's says. */
export function valueRepr(v: ValueInstance): string {
  if (moduleBases.isInstance(v)) return moduleBases.repr(v);
  if (v instanceof PyHookedCollection) return collectionRepr(v, (x) => repr(x));
  if (v instanceof PyHookedSet || v instanceof PyHookedFrozenSet) return hookedSetRepr(v, (x) => repr(x));
  if (v instanceof PyHookedFloat) return floatRepr(v.v);
  return BASE_REPRS.get(v.constructor)!(v, (x) => repr(x));
}

/** The instances whose base repr is being made: met again inside, each is [...] or (...), as Py_ReprEnter has it. */
const inRepr = new Set<ValueInstance>();

/** The slots of the base, with the class's name, type, repr, str and attributes before the base's methods. */
function subclassSlots<T extends ValueInstance>(cls: new (...args: any[]) => T, base: PyTypeSlots, baseRepr: (v: T, item: ItemRepr) => string, cycle: (v: T) => string): void {
  const guarded = (v: T, item: ItemRepr): string => {
    if (inRepr.has(v)) return cycle(v);
    inRepr.add(v);
    try {
      return baseRepr(v, item);
    } finally {
      inRepr.delete(v);
    }
  };
  BASE_REPRS.set(cls, guarded as (v: ValueInstance, item: ItemRepr) => string);
  registerType(cls, {
    ...base,
    ...(cls === (PyListInstance as unknown) || cls === (PyTupleInstance as unknown) ? lateAware(base, cls === (PyListInstance as unknown)) : {}),
    name: (v) => v.cls.name,
    classOf: (v) => v.cls,
    repr: (v, item) => classString(v, v.cls, '__repr__') ?? guarded(v, item),
    str: (v, repr) => classString(v, v.cls, '__str__') ?? repr(v),
    // the class's attributes first, then the base's methods: not the base's method table, which getattr reads before this slot
    methods: undefined,
    methodsOf: undefined,
    classMethods: undefined,
    getattr: withAttrHooks((v: T, name: string) => instanceAttrOr(v, name, valueMethod)),
  } satisfies PyTypeSlots<T>);
}

const BASE_REPRS = new Map<unknown, (v: ValueInstance, item: ItemRepr) => string>();

/**
 * A list's or tuple's slots for its subclass's instances, which ask the class's dunder where it
 * was set after the instance was made (late-hooks.ts): the instance's slot then, with its checks.
 */
function lateAware(base: PyTypeSlots, list: boolean): Partial<PyTypeSlots> {
  const I = instance;
  const { truthy, len, iter, contains, getitem, setitem, delitem, hash } = base;
  return {
    truthy: (v) => (lateOwner(v, '__bool__') ?? lateOwner(v, '__len__')) !== undefined ? I().truthy(v) : truthy(v),
    len: len === null ? null : (v) => (lateOwner(v, '__len__') !== undefined ? I().len!(v) : len(v)),
    iter: iter === null ? null : (v) => (lateOwner(v, '__iter__') !== undefined ? I().iter!(v) : iter(v)),
    iterator: (v) => (lateOwner(v, '__iter__') !== undefined ? I().iterator!(v) : base.iterator?.(v)),
    // the base's own where it has a slot, else list_contains' and tuplecontains' walk of the items, the operators' path for an item (which takes it as a list or tuple once its class has no such dunder), a plain instance's TypeError for a tuple's store
    contains: (v, item, eq) => {
      if (lateOwner(v, '__contains__') !== undefined) return I().contains!(v, item, eq);
      if (contains !== undefined) return contains(v, item, eq);
      for (const x of iter!(v)) if (eq(x, item)) return true;
      return false;
    },
    getitem: (v, key) => (lateOwner(v, '__getitem__') !== undefined ? I().getitem!(v, key) : getitem !== undefined ? getitem(v, key) : ops.getitem(v, key)),
    setitem: (v, key, value) => (lateOwner(v, '__setitem__') !== undefined || !list ? I().setitem!(v, key, value) : setitem !== undefined ? setitem(v, key, value) : ops.setitem(v, key, value)),
    delitem: (v, key) => (lateOwner(v, '__delitem__') !== undefined || !list ? I().delitem!(v, key) : delitem !== undefined ? delitem(v, key) : ops.delitem(v, key)),
    // list's is None; tuple's is hash.ts's own, which takes the instance once its class has no __hash__
    hash: hash === null ? null : (v) => (lateOwner(v, '__hash__') !== undefined ? I().hash!(v) : hash !== undefined ? hash(v) : pyHashBig(v)),
  };
}

const items = (list: readonly Py[], item: ItemRepr) => list.map((x) => item(x)).join(', ');

/** set_repr of a subclass: its name around the members, `S()` when empty. */
const setRepr = (v: PySetInstance | PyFrozenSetInstance, item: ItemRepr) => (v.size === 0 ? `${v.cls.name}()` : `${v.cls.name}({${items(v.values(), item)}})`);

/**
 * An int subclass's operators: int's, on the values, with a number (or, for *, a sequence to
 * repeat); anything else is NotImplemented, so that the error names the class. Results are ints.
 */
function intOperator(f: (a: Py, b: Py) => Py, repeats = false): BinarySlot {
  return (a, b) => {
    const x = a instanceof PyIntBox ? a.value : a;
    const y = b instanceof PyIntBox ? b.value : b;
    if (isNumeric(x) && isNumeric(y)) return f(x, y);
    if (repeats && (isIntLike(x) || isIntLike(y))) return f(x, y);
    return NOT_IMPLEMENTED;
  };
}

const isSequence = (v: Py): boolean => typeof v === 'string' || Array.isArray(v) || v instanceof PyTuple;

const intSlots: PyTypeSlots<PyIntInstance> = {
  name: (v) => v.cls.name,
  classOf: (v) => v.cls,
  truthy: (v) => v.value !== 0 && v.value !== 0n,
  len: null,
  iter: null,
  repr: (v) => classString(v, v.cls, '__repr__') ?? repr(v.value),
  str: (v, repr) => classString(v, v.cls, '__str__') ?? repr(v),
  // as its int: equal to it, in sets and dicts too ({1: 'a'}[I(1)]); == and < open the box (compare.ts)
  hash: (v) => pyHashBig(v.value),
  key: (v) => hashKey(v.value),
  json: (v) => v.value,
  // a non-empty spec formats the int; an empty one is str(v), the class's __str__ included
  format: (v, spec) => formatValue(v.value, spec),
  nb: {
    add: intOperator(ops.add),
    subtract: intOperator(ops.sub),
    multiply: (a, b) => (isSequence(a) || isSequence(b) ? intOperator(ops.mul, true)(a, b) : intOperator(ops.mul)(a, b)),
    truediv: intOperator(ops.truediv),
    floordiv: intOperator(ops.floordiv),
    remainder: intOperator(ops.mod),
    power: intOperator(ops.pow),
    and: intOperator((x, y) => ops.bitop('&', x, y)),
    or: intOperator((x, y) => ops.bitop('|', x, y)),
    xor: intOperator((x, y) => ops.bitop('^', x, y)),
    lshift: intOperator((x, y) => ops.bitop('<<', x, y)),
    rshift: intOperator((x, y) => ops.bitop('>>', x, y)),
  },
  unary: {
    negative: (v: PyIntInstance) => ops.neg(v.value),
    positive: (v: PyIntInstance) => v.value,
    absolute: (v: PyIntInstance) => (v.value < 0 ? ops.neg(v.value) : v.value),
    invert: (v: PyIntInstance) => ops.invert(v.value),
  },
  getattr: withAttrHooks((v, name) => instanceAttrOr(v, name, valueMethod)),
};

const strValue = (v: Py): Py => (v instanceof PyStrBox ? v.value : v);

/** A str subclass's slots: str's, on its value; + and * with strs and counts, % formats; results are strs. */
const strSlots: PyTypeSlots<PyStrInstance> = {
  name: (v) => v.cls.name,
  classOf: (v) => v.cls,
  truthy: (v) => v.value.length !== 0,
  len: (v) => typeOf('').len!(v.value),
  iter: (v) => typeOf('').iter!(v.value),
  repr: (v) => classString(v, v.cls, '__repr__') ?? repr(v.value),
  // str's own str is its value, whatever __repr__ says
  str: (v) => classString(v, v.cls, '__str__') ?? v.value,
  hash: (v) => pyHashBig(v.value),
  // its str's key, a long one's digest as hashKey files it: {'a': 1}[U('a')]
  key: (v) => hashKey(v.value),
  eq: (a, b) => {
    const s = strValue(b);
    return typeof s === 'string' ? a.value === s : NOT_IMPLEMENTED;
  },
  compare: (a, b) => {
    const s = strValue(b);
    return typeof s === 'string' ? ops.compare(a.value, s, '<') : NOT_IMPLEMENTED;
  },
  contains: (v, item) => ops.contains(v.value, item),
  getitem: (v, key) => ops.getitem(v.value, key),
  json: (v) => v.value,
  format: (v, spec) => formatValue(v.value, spec),
  nb: {
    // str's words when the str is on the left: the right operand is not for it
    add: (a, b) => {
      const x = strValue(a);
      const y = strValue(b);
      if (typeof x === 'string' && typeof y === 'string') return ops.add(x, y);
      if (a instanceof PyStrBox) throw typeErr(`can only concatenate str (not "${typeName(b)}") to str`);
      return NOT_IMPLEMENTED;
    },
    multiply: (a, b) => {
      const x = strValue(a);
      const y = strValue(b);
      if (typeof x === 'string' && isIntLike(ops.intOf(y))) return ops.mul(x, ops.intOf(y));
      if (typeof y === 'string' && isIntLike(ops.intOf(x))) return ops.mul(ops.intOf(x), y);
      if (a instanceof PyStrBox) throw typeErr(`can't multiply sequence by non-int of type '${typeName(b)}'`);
      return NOT_IMPLEMENTED;
    },
    // printf-style formatting of the str: U('%s!') % x
    remainder: (a, b) => (a instanceof PyStrBox ? ops.mod(a.value, b) : NOT_IMPLEMENTED),
  },
  getattr: withAttrHooks((v, name) => instanceAttrOr(v, name, valueMethod)),
};

export function registerValueSubclasses(): void {
  setLateSlots(instance, (v, name, other) => {
    const r = callDunder(v as ValueInstance as never, name, [other]);
    return r === NOT_IMPLEMENTED_VALUE ? undefined : r;
  }, runNumber);
  registerType(PyIntInstance, intSlots);
  registerType(PyStrInstance, strSlots);
  registerType(PyHookedInt, hookedSlots(intSlots, 'int'));
  registerType(PyHookedStr, hookedSlots(strSlots, 'str'));
  registerType(PyHookedCollection, COLLECTION_SLOTS);
  subclassSlots(PyListInstance, typeOf(EMPTY_LIST), (v, item) => `[${items(v, item)}]`, () => '[...]');
  subclassSlots(PyTupleInstance, slotsOf(EMPTY_TUPLE)!, (v, item) => (v.items.length === 1 ? `(${item(v.items[0])},)` : `(${items(v.items, item)})`), () => '(...)');
  subclassSlots(PySetInstance, slotsOf(EMPTY_SET)!, setRepr, (v) => `${v.cls.name}(...)`);
  subclassSlots(PyFrozenSetInstance, slotsOf(EMPTY_FROZENSET)!, setRepr, (v) => `${v.cls.name}(...)`);
  subclassSlots(PyFloatInstance, slotsOf(ZERO)!, (v) => floatRepr(v.v), () => '...');
  registerType(PyHookedFloat, hookedSlots(slotsOfClass(PyFloatInstance)!, 'float'));
  // bytes_repr and complex_repr name no class; bytearray_repr names the instance's
  subclassSlots(PyBytesInstance, slotsOf(EMPTY_BYTES)!, (v) => bytesRepr(v), () => '...');
  subclassSlots(PyByteArrayInstance, slotsOf(EMPTY_BYTEARRAY)!, (v) => `${v.cls.name}(${bytesRepr(v, true)})`, () => '...');
  subclassSlots(PyComplexInstance, slotsOf(COMPLEX_ZERO)!, (v) => complexRepr(v.re, v.im), () => '...');
  for (const [hooked, plain, kind] of [[PyHookedBytes, PyBytesInstance, 'bytes'], [PyHookedByteArray, PyByteArrayInstance, 'bytearray'], [PyHookedComplex, PyComplexInstance, 'complex']] as const) {
    registerType(hooked, hookedBaseSlots(slotsOfClass(plain)!, kind));
    BASE_REPRS.set(hooked, BASE_REPRS.get(plain)!);
  }

  registerType(PyHookedSet, hookedSetSlots(slotsOfClass(PySetInstance)!, false));
  registerType(PyHookedFrozenSet, hookedSetSlots(slotsOfClass(PyFrozenSetInstance)!, true));
  // an instance made before a dunder was stored on its class becomes a hooked one where it is next met (late-hooks.ts)
  for (const [plain, hooked] of [[PyIntInstance, PyHookedInt], [PyStrInstance, PyHookedStr], [PyFloatInstance, PyHookedFloat], [PySetInstance, PyHookedSet], [PyFrozenSetInstance, PyHookedFrozenSet], [PyBytesInstance, PyHookedBytes], [PyByteArrayInstance, PyHookedByteArray], [PyComplexInstance, PyHookedComplex]] as const) switchWhenHooked(plain, hooked);
}
