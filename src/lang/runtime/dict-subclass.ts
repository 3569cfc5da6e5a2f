import { positional } from './args.js';
import { noteDescriptor } from './def-names.js';
import { checkSize, tick } from './budget.js';
import { callValue } from './call.js';
import { INSTANCE_NB, INSTANCE_UNARY, NOT_IMPLEMENTED_VALUE, richEquality, richOrder, type Order } from './class-operators.js';
import { instanceAttrOr, type PyClass, PyDictInstance, PyInstance } from './class-values.js';
import { eq } from './compare.js';
import { truthy } from './iteration.js';
import { bindAttr } from './descriptors.js';
import { keyErr, typeErr } from './exceptions.js';
import { unhashable } from './keys.js';
import { DICT_METHODS, setMappingItems, updateDict } from './methods-dict.js';
import { getattr } from './attributes.js';
import { getitem } from './items.js';
import { wrapperArgs } from './super-dunders.js';
import { toList } from './iteration.js';
import { DICT, walkDict } from './types/dict.js';
import { NOT_IMPLEMENTED, type BinarySlot, type ItemRepr, type NumberSlots, type PyTypeSlots, type UnarySlots } from './types/protocol.js';
import { registerType, slotsNamed, slotsOfClass } from './types/table.js';
import { repr } from './repr.js';
import { boundMethod, PyDict, PyFunc, PyIterator, type PyType, type Py } from './values.js';
import { stringResult } from './string-dunders.js';
import { withAttrHooks } from './attribute-hooks.js';

export { PyDictInstance };

/** A plain instance's slots (classes.ts), which a subclass's own dunders are asked through, found at the first use: classes.ts imports this module. */
let instanceSlots: PyTypeSlots | undefined;
const instance = (): PyTypeSlots => (instanceSlots ??= slotsOfClass(PyInstance)!);

// PyDict_Merge of a subclass with its own __iter__: keys() made a list (PyMapping_Keys), then d[k] for each
setMappingItems(function* (d) {
  for (const k of toList(callValue(getattr(d, 'keys'), [], null))) {
    tick();
    yield [k, getitem(d, k)];
  }
});

/**
 * A dict subclass's dunders, as CPython's slots ask them: where the class defines one, the
 * slot is the class's (__getitem__, __len__, __iter__, __eq__, ...); where it does not, dict's
 * own, with __missing__ asked by d[k] alone. dict's C methods (get, pop, setdefault, ==
 * between dicts, repr of the items) read the table without asking the class, as CPython's do.
 */

/**
 * A dict type of a module's that a class may subclass (collections' Counter, OrderedDict and
 * defaultdict, registered by collections/dict-subclasses.ts, above this file): its subclasses'
 * instances are PyDictInstances still, whose slots answer as the base's where the class
 * defines nothing, as its C or Python code does.
 */
export interface DictBase {
  readonly type: PyType;
  /** base.__init__(self, *args, **kw). */
  init(self: PyDictInstance, args: Py[], kw: Map<string, Py> | null): null;
  /** base.__missing__(self, key), where it has one. */
  missing?(self: PyDictInstance, key: Py): Py;
  /** base.__repr__, naming the instance's class. */
  repr(self: PyDictInstance, item: ItemRepr): string;
  /** base.__eq__, where it is not dict's. */
  eq?(a: PyDict, b: Py, eq: (x: Py, y: Py) => boolean): boolean | typeof NOT_IMPLEMENTED;
  /** base.__lt__ and the rest (Counter's), where dict has none: the answer, or NotImplemented. */
  order?(a: Py, b: Py, op: Order): boolean | typeof NOT_IMPLEMENTED;
  /** base.__delitem__, where it is not dict's (Counter's, which lets a missing key be). */
  delitem?(self: PyDictInstance, key: Py): void;
  /** The base's binary and unary operators beyond dict's. */
  nb?: NumberSlots;
  unary?: UnarySlots;
  /** `a op= b` of the base (Counter's +=, OrderedDict's |=), or undefined where dict's or none. */
  inplace?(op: string, self: PyDictInstance, other: Py): Py | undefined;
  /** A method of the base, bound to the instance, or undefined for dict's. */
  method(self: PyDictInstance, name: string): PyFunc | undefined;
  /** cls.fromkeys(...), through the subclass. */
  fromkeys(cls: PyClass, args: Py[], kw: Map<string, Py> | null): Py;
  /** The function of the base's fromkeys where CPython writes it in Python (Counter's classmethod): read through a subclass, it is bound to that class. */
  fromkeysFunction?: PyFunc;
  /** Another attribute of the base's, through the subclass (Counter's Python functions: C.total), or undefined. */
  classAttr?(name: string): Py | undefined;
}

const DICT_BASES = new Map<PyType, DictBase>();

export function registerDictBase(base: DictBase): void {
  DICT_BASES.set(base.type, base);
}

/** Whether a class may take t for a base as it takes dict: dict itself or a registered one. */
export const isDictBase = (t: PyType): boolean => DICT_BASES.has(t) || (t.name === 'dict' && !('attrs' in t) && !t.isException);

/** The nearest registered base of the instance's class (found once a class: its order never changes), or undefined for dict's. */
const basesOfClass = new WeakMap<PyClass, DictBase | null>();
function baseOf(v: PyDictInstance): DictBase | undefined {
  let b = basesOfClass.get(v.cls);
  if (b === undefined) {
    const t = v.cls.mro.find((x) => DICT_BASES.has(x));
    basesOfClass.set(v.cls, (b = t === undefined ? null : DICT_BASES.get(t)!));
  }
  return b ?? undefined;
}

/** The registered base t as super() reaches it from the instance: its __init__ and methods, or undefined where it is dict's. */
export function dictBaseAttr(t: PyType, self: PyDictInstance, name: string): PyFunc | undefined {
  const base = DICT_BASES.get(t);
  if (base === undefined) return undefined;
  if (name === '__init__') return new PyFunc('__init__', (args, kw) => base.init(self, args, kw), 'method');
  if (name === '__repr__') return new PyFunc('__repr__', (args, kw) => (positional('__repr__', args, kw, 0), base.repr(self, (x) => repr(x))), 'method');
  return base.method(self, name);
}

/** Class(...) of a class with no __init__ of its own: its base's. */
export const initOfBase = (self: PyDictInstance, args: Py[], kw: Map<string, Py> | null): null => (baseOf(self)?.init ?? dictInit)(self, args, kw);

/** A class attribute of its registered base, through the class (fromkeys, Counter.total), or undefined. */
export function dictBaseClassAttr(cls: PyClass, name: string): Py | undefined {
  const t = cls.mro.find((x) => DICT_BASES.has(x));
  if (t === undefined) return undefined;
  const base = DICT_BASES.get(t)!;
  // the base's own methods, unbound (O.move_to_end): the descriptor its type gives, named for that type
  if (name !== 'fromkeys') return base.classAttr?.(name) ?? (slotsNamed(t.name)?.methods?.has(name) === true ? getattr(t, name) : undefined);
  const fn = (args: Py[], kw: Map<string, Py> | null): Py => base.fromkeys(cls, args, kw);
  if (base.fromkeysFunction !== undefined) return boundMethod(name, fn, cls, base.fromkeysFunction);
  return noteDescriptor(new PyFunc(name, fn, 'method'), `${cls.qualname}.${name}`);
}

/** `a op= b` of an instance whose base changes it in place, or undefined. */
export const dictInplace = (op: string, a: PyDictInstance, b: Py): Py | undefined => baseOf(a)?.inplace?.(op, a, b);

/** dict.__init__(self, source=(), **kw), as super().__init__ or a class with no __init__ of its own calls it. */
export function dictInit(self: PyDict, args: Py[], kw: Map<string, Py> | null): null {
  if (args.length > 1) throw typeErr(`dict expected at most 1 argument, got ${args.length}`);
  updateDict(self, args[0], kw);
  return null;
}

/** A method of dict, bound to a subclass's instance: what super().get or d.get reaches when the class has none of that name. */
export function dictMethod(self: PyDict, name: string): PyFunc | undefined {
  const m = DICT_METHODS.get(name);
  return m === undefined ? undefined : boundMethod(name, (args, kw) => m(self, args, kw), self, undefined);
}

/** dict's own dunders, as super() reaches them from a subclass's: its table, whatever the class overrides (but __missing__). */
const DICT_DUNDERS: ReadonlyMap<string, [arity: number, fn: (self: PyDict, args: Py[]) => Py]> = new Map<string, [number, (self: PyDict, args: Py[]) => Py]>([
  ['__getitem__', [1, (self, [k]) => subscript(self, k)]],
  ['__setitem__', [2, (self, [k, v]) => (self.set(k, v), checkSize(self.m.size), null)]],
  ['__delitem__', [1, (self, [k]) => {
    if (!self.delete(k)) throw keyErr(k);
    return null;
  }]],
  ['__len__', [0, (self) => self.m.size]],
  ['__iter__', [0, (self) => new PyIterator(walkDict(self, 'keys')[Symbol.iterator](), 'dict_keyiterator')]],
  ['__contains__', [1, (self, [k]) => self.has(k)]],
  ['__eq__', [1, (self, [o]) => notImplemented(dictEq(self, o))]],
  ['__ne__', [1, (self, [o]) => {
    const r = dictEq(self, o);
    return r === NOT_IMPLEMENTED ? NOT_IMPLEMENTED_VALUE : !r;
  }]],
  ['__or__', [1, (self, [o]) => notImplemented(DICT.nb!.or!(self, o))]],
  ['__ror__', [1, (self, [o]) => notImplemented(DICT.nb!.or!(o, self))]],
  // dict_ior: what update() takes, the dict itself the answer
  ['__ior__', [1, (self, [o]) => (updateDict(self, o, null), checkSize(self.m.size), self)]],
]);

const notImplemented = (r: Py): Py => (r === NOT_IMPLEMENTED ? NOT_IMPLEMENTED_VALUE : r);

/** dict's dunder of that name, bound to a subclass's instance (super().__getitem__), or undefined. */
export function dictDunder(self: PyDictInstance, name: string): PyFunc | undefined {
  const entry = DICT_DUNDERS.get(name);
  if (entry === undefined) return undefined;
  const [arity, fn] = entry;
  return new PyFunc(name, (args, kw) => fn(self, positional(name, args, kw, arity)), 'method');
}

/** dict's dunder of that name given its instance (a plain dict or a subclass's) and its other arguments, as dict.__getitem__ takes them, or undefined. */
export function dictUnboundDunder(name: string): ((self: Py, args: Py[], kw: Map<string, Py> | null) => Py) | undefined {
  const entry = DICT_DUNDERS.get(name);
  if (entry === undefined) return undefined;
  const [arity, fn] = entry;
  return (self, args, kw) => fn(self as PyDict, wrapperArgs(name, args, kw, arity));
}

/** Whether the class (or a class of its order before dict) defines the dunder. */
const has = (v: PyDictInstance, name: string): boolean => v.cls.lookup(name) !== undefined;

/** The class's own dunder, bound, or undefined. */
function own(v: PyDictInstance, name: string): Py | undefined {
  const fn = v.cls.lookup(name);
  return fn === undefined ? undefined : bindAttr(fn, v, v.cls, name);
}

/** dict's == of two dicts (dict_richcompare), NotImplemented for any other value. */
const dictEq = (a: PyDict, b: Py): boolean | typeof NOT_IMPLEMENTED => DICT.eq!(a, b, eq);

/** dict_subscript: the item, else a subclass's __missing__ (its class's, else its base's), else KeyError. */
function subscript(v: PyDict, key: Py): Py {
  const x = v.get(key);
  if (x !== undefined) return x;
  if (v instanceof PyDictInstance) {
    const missing = own(v, '__missing__');
    if (missing !== undefined) return callValue(missing, [key], null);
    const base = baseOf(v)?.missing;
    if (base !== undefined) return base(v, key);
  }
  throw keyErr(key);
}

/** The instance's base's == (Counter's, OrderedDict's), else dict's. */
const baseEq = (a: PyDictInstance, b: Py): boolean | typeof NOT_IMPLEMENTED => {
  const f = baseOf(a)?.eq;
  return f === undefined ? dictEq(a, b) : f(a, b, eq);
};

/** A binary slot: the class's methods, then the base's, then dict's where one is given (`{} | C()`: Counter's | answers only Counters). */
function binary(name: keyof NumberSlots, dict?: BinarySlot): BinarySlot {
  return (a, b) => {
    const r = INSTANCE_NB[name]!(a, b);
    if (r !== NOT_IMPLEMENTED) return r;
    const f = baseOf(a instanceof PyDictInstance ? a : (b as PyDictInstance))?.nb?.[name];
    const fromBase = f === undefined ? r : f(a, b);
    return fromBase !== NOT_IMPLEMENTED || dict === undefined ? fromBase : dict(a, b);
  };
}

/** The binary operators: the class's methods, then its base's (Counter's arithmetic), then dict's `|` (dict_or) where neither side's answered. */
const NB: NumberSlots = {
  ...INSTANCE_NB,
  add: binary('add'),
  subtract: binary('subtract'),
  and: binary('and'),
  or: binary('or', DICT.nb!.or!),
};

/** The unary operators: the class's methods, then its base's (Counter's + and -). */
const UNARY: UnarySlots = {
  ...INSTANCE_UNARY,
  negative: (v) => (has(v as PyDictInstance, '__neg__') ? INSTANCE_UNARY.negative!(v) : (baseOf(v as PyDictInstance)?.unary?.negative ?? INSTANCE_UNARY.negative!)(v)),
  positive: (v) => (has(v as PyDictInstance, '__pos__') ? INSTANCE_UNARY.positive!(v) : (baseOf(v as PyDictInstance)?.unary?.positive ?? INSTANCE_UNARY.positive!)(v)),
};

/** The instances whose repr is being made: met again inside, each is {...}. */
const inRepr = new Set<PyDictInstance>();

const DICT_INSTANCE: PyTypeSlots<PyDictInstance> = {
  ...DICT,
  name: (v) => v.cls.name,
  classOf: (v) => v.cls,
  truthy: (v) => (has(v, '__bool__') || has(v, '__len__') ? instance().truthy(v as Py) : v.m.size !== 0),
  len: (v) => (has(v, '__len__') ? instance().len!(v as Py) : v.m.size),
  iter: (v) => (has(v, '__iter__') ? instance().iter!(v as Py) : walkDict(v, 'keys')),
  iterator: (v) => (has(v, '__iter__') ? instance().iterator!(v as Py) : undefined),
  contains: (v, item, eq) => (has(v, '__contains__') ? instance().contains!(v as Py, item, eq) : v.has(item)),
  getitem: (v, key) => (has(v, '__getitem__') ? instance().getitem!(v as Py, key) : subscript(v, key)),
  setitem: (v, key, value) => {
    if (has(v, '__setitem__')) return instance().setitem!(v as Py, key, value);
    v.set(key, value);
    checkSize(v.m.size);
  },
  delitem: (v, key) => {
    if (has(v, '__delitem__')) return instance().delitem!(v as Py, key);
    const base = baseOf(v)?.delitem;
    if (base !== undefined) return base(v, key);
    if (!v.delete(key)) throw keyErr(key);
  },
  // dict's __hash__ is None: hashable only by the class's own
  hash: (v) => {
    if (!has(v, '__hash__')) throw unhashable(v);
    return instance().hash!(v as Py);
  },
  key: (v) => {
    if (!has(v, '__hash__')) throw unhashable(v);
    return instance().key!(v as Py);
  },
  // the class's __eq__ and __ne__ where it has them (a subclass's before a plain dict's), else dict's
  richEq: (a, b, ne) => {
    const r = richEquality(a, b, ne);
    if (r !== NOT_IMPLEMENTED) return r;
    const d = a instanceof PyDictInstance ? baseEq(a, b) : baseEq(b as PyDictInstance, a);
    return d === NOT_IMPLEMENTED ? (ne ? a !== b : a === b) : ne ? !d : d;
  },
  eq: (a, b, items) => {
    if (has(a, '__eq__') || (b instanceof PyDictInstance && has(b, '__eq__'))) {
      const r = richEquality(a, b, false);
      return r === NOT_IMPLEMENTED ? r : truthy(r);
    }
    const f = baseOf(a)?.eq;
    return f === undefined ? DICT.eq!(a, b, items) : f(a, b, items);
  },
  // the class's __lt__ and the rest where it has them, else its base's (Counter's), else either side's base's
  richOrder: (a, b, op) => {
    const r = richOrder(a, b, op);
    if (r !== NOT_IMPLEMENTED) return r;
    for (const v of [a, b]) {
      const order = v instanceof PyDictInstance ? baseOf(v)?.order : undefined;
      if (order !== undefined) return order(a, b, op);
    }
    return r;
  },
  nb: NB,
  unary: UNARY,
  call: (v, args, kw) => instance().call!(v as Py, args, kw),
  index: (v) => instance().index!(v as Py),
  formatsEmpty: true,
  format: (v, spec) => instance().format!(v as Py, spec),
  // the class's repr, or dict's: a dict within itself is {...}, as Py_ReprEnter has it
  repr: (v, item) => {
    const fn = own(v, '__repr__');
    if (fn !== undefined) return stringResult(callValue(fn, [], null), '__repr__');
    const base = baseOf(v);
    if (base !== undefined) return base.repr(v, item);
    if (inRepr.has(v)) return '{...}';
    inRepr.add(v);
    try {
      const parts: string[] = [];
      for (const [nk, value] of v.m) parts.push(item(v.key(nk)) + ': ' + item(value));
      return '{' + parts.join(', ') + '}';
    } finally {
      inRepr.delete(v);
    }
  },
  str: (v, repr) => {
    const fn = own(v, '__str__');
    return fn === undefined ? repr(v) : stringResult(callValue(fn, [], null), '__str__');
  },
  // the class's attributes first, then dict's methods: not dict's method table, which getattr reads before this slot
  methods: undefined,
  classMethods: undefined,
  getattr: withAttrHooks((v, name) => instanceAttrOr(v, name, (v, name) => baseOf(v)?.method(v, name) ?? dictMethod(v, name))),
};

registerType(PyDictInstance, DICT_INSTANCE);
