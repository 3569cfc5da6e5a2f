import { positional } from './args.js';
import { checkSize, tick } from './budget.js';
import { callValue } from './call.js';
import { INSTANCE_NB, INSTANCE_UNARY, NOT_IMPLEMENTED_VALUE, richEquality, richOrder } from './class-operators.js';
import { instanceAttr, PyDictInstance, PyInstance } from './class-values.js';
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
import { NOT_IMPLEMENTED, type NumberSlots, type PyTypeSlots } from './types/protocol.js';
import { registerType, slotsOfClass } from './types/table.js';
import { PyDict, PyFunc, PyIterator, PyStrBox, typeName, type Py } from './values.js';

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

/** dict.__init__(self, source=(), **kw), as super().__init__ or a class with no __init__ of its own calls it. */
export function dictInit(self: PyDict, args: Py[], kw: Map<string, Py> | null): null {
  if (args.length > 1) throw typeErr(`dict expected at most 1 argument, got ${args.length}`);
  updateDict(self, args[0], kw);
  return null;
}

/** A method of dict, bound to a subclass's instance: what super().get or d.get reaches when the class has none of that name. */
export function dictMethod(self: PyDict, name: string): PyFunc | undefined {
  const m = DICT_METHODS.get(name);
  return m === undefined ? undefined : new PyFunc(name, (args, kw) => m(self, args, kw), 'method');
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

/** dict_subscript: the item, else a subclass's __missing__, else KeyError. */
function subscript(v: PyDict, key: Py): Py {
  const x = v.get(key);
  if (x !== undefined) return x;
  const missing = v instanceof PyDictInstance ? own(v, '__missing__') : undefined;
  if (missing !== undefined) return callValue(missing, [key], null);
  throw keyErr(key);
}

/** The binary operators: the class's methods, then dict's `|` (dict_or) where neither side's answered. */
const NB: NumberSlots = {
  ...INSTANCE_NB,
  or: (a, b) => {
    const r = INSTANCE_NB.or!(a, b);
    return r !== NOT_IMPLEMENTED ? r : DICT.nb!.or!(a, b);
  },
};
function stringResult(s: Py, name: string): string {
  // a str subclass's instance is a str (PyUnicode_Check): its value
  if (s instanceof PyStrBox) return s.value;
  if (typeof s !== 'string') throw typeErr(`${name} returned non-string (type ${typeName(s)})`);
  return s;
}

/** The instances whose repr is being made: met again inside, each is {...}. */
const inRepr = new Set<PyDictInstance>();

const DICT_INSTANCE: PyTypeSlots<PyDictInstance> = {
  ...DICT,
  name: (v) => v.cls.name,
  classOf: (v) => v.cls,
  truthy: (v) => (has(v, '__bool__') || has(v, '__len__') ? instance().truthy(v as Py) : v.m.size !== 0),
  len: (v) => (has(v, '__len__') ? instance().len!(v as Py) : v.m.size),
  iter: (v) => (has(v, '__iter__') ? instance().iter!(v as Py) : walkDict(v, 'keys')),
  contains: (v, item, eq) => (has(v, '__contains__') ? instance().contains!(v as Py, item, eq) : v.has(item)),
  getitem: (v, key) => (has(v, '__getitem__') ? instance().getitem!(v as Py, key) : subscript(v, key)),
  setitem: (v, key, value) => {
    if (has(v, '__setitem__')) return instance().setitem!(v as Py, key, value);
    v.set(key, value);
    checkSize(v.m.size);
  },
  delitem: (v, key) => {
    if (has(v, '__delitem__')) return instance().delitem!(v as Py, key);
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
    const d = a instanceof PyDictInstance ? dictEq(a, b) : dictEq(b, a);
    return d === NOT_IMPLEMENTED ? (ne ? a !== b : a === b) : ne ? !d : d;
  },
  eq: (a, b, items) => {
    if (has(a, '__eq__') || (b instanceof PyDictInstance && has(b, '__eq__'))) {
      const r = richEquality(a, b, false);
      return r === NOT_IMPLEMENTED ? r : truthy(r);
    }
    return DICT.eq!(a, b, items);
  },
  richOrder,
  nb: NB,
  unary: INSTANCE_UNARY,
  call: (v, args, kw) => instance().call!(v as Py, args, kw),
  index: (v) => instance().index!(v as Py),
  formatsEmpty: true,
  format: (v, spec) => instance().format!(v as Py, spec),
  // the class's repr, or dict's: a dict within itself is {...}, as Py_ReprEnter has it
  repr: (v, item) => {
    const fn = own(v, '__repr__');
    if (fn !== undefined) return stringResult(callValue(fn, [], null), '__repr__');
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
  getattr: (v, name) => instanceAttr(v.cls, v.dict, v, name) ?? dictMethod(v, name),
};

registerType(PyDictInstance, DICT_INSTANCE);
