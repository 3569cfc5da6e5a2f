import { assignedName } from './def-names.js';
import { step } from './budget.js';
import { callValue } from './call.js';
import { PyClass } from './class-values.js';
import { dataDescriptor } from './data-descriptors.js';
import { checkSlotsRead } from './slots-read.js';
import { PySlotWrapper } from './slot-wrapper.js';
import { mroMethod, typeMro } from './object-class.js';
import { AttributeError, attrErr, missingAttr, typeErr } from './exceptions.js';
import type { Method } from './types/protocol.js';
import { slotsNamed, typeOf } from './types/table.js';
import { boundMethod, PyDict, PyException, PyFunc, PyIntBox, PyModule, PyStrBox, PyTuple, PyType, typeName, type NativeFn, type Py } from './values.js';

export type { Method } from './types/protocol.js';

/** The method table of a value's type (types/*.ts); only these names are reachable as attributes. */
function methodsOf(obj: Py): ReadonlyMap<string, Method> | undefined {
  const type = typeOf(obj);
  return type.methods ?? type.methodsOf?.(obj);
}

/** A functools.partial (modules/functools.ts's PyPartial, which this module cannot import: the two import each other through call.ts). */
const isPartial = (f: PyFunc): boolean => typeof (f as { flattens?: unknown }).flattens === 'function';

/** type(v), as builtins.ts has it (it reaches this module through getattr): set by introspection.ts's setBuiltins. */
let typeObjectOf: (v: Py) => PyType = () => {
  throw new Error('attributes.ts: builtins.ts has not set type()');
};
export const setAttributesTypeOf = (f: (v: Py) => PyType): void => void (typeObjectOf = f);

/** Each builtin type's method descriptors, made once, as its type's dict holds them: `list.append is list.append`. */
const DESCRIPTORS = new WeakMap<PyType, Map<string, PySlotWrapper>>();

/** The method descriptor `name` of t, made on first reading (nothing can be set on one, so every run may share it). */
function methodDescriptor(t: PyType, name: string, call: NativeFn): PySlotWrapper {
  let own = DESCRIPTORS.get(t);
  if (own === undefined) DESCRIPTORS.set(t, (own = new Map()));
  let d = own.get(name);
  if (d === undefined) {
    own.set(name, (d = new PySlotWrapper(t.name, name, call, true)));
    d.objclass = t;
  }
  return d;
}

/** obj.name, outside a call: a bound method, a module member, or a match or pattern attribute. */
export function getattr(obj: Py, name: string): Py {
  if (name === '__slots__') checkSlotsRead(obj);
  if (name === '__name__') {
    // a type, function or module: its name ('lower' for str.lower, as CPython); nothing else has one
    // a condition's class's is its name whole, dots and all (type('a.b', (), {})); a C type's its tp_name's last part
    if (obj instanceof PyClass) return obj.cType ? obj.name.slice(obj.name.lastIndexOf('.') + 1) : obj.name;
    // but a partial, which has none of its own: its __dict__'s, where update_wrapper or the condition set one (partialAttr)
    if (obj instanceof PyFunc && !isPartial(obj)) return assignedName(obj) ?? obj.name.slice(obj.name.lastIndexOf('.') + 1);
    if (obj instanceof PyModule) return obj.name;
  }
  const method = methodsOf(obj)?.get(name);
  if (method !== undefined) return boundMethod(name, (args, kw) => method(obj, args, kw), obj, typeOf(obj).pyFunctions?.(obj, name));
  if (obj instanceof PyType) {
    // a type's class attributes from its slots (a condition's class, datetime.now, timezone.utc)
    const attr = typeOf(obj).getattr?.(obj, name);
    if (attr !== undefined) return attr;
    // a classmethod: bound to the type, it needs no receiver; a condition's class named list is not the builtin's
    const named = obj instanceof PyClass ? undefined : slotsNamed(obj.name);
    const classMethod = named?.classMethods?.get(name);
    if (classMethod !== undefined) return boundMethod(name, classMethod, obj, undefined);
    // bool's methods are int's, inherited: bool.bit_length is int.bit_length, for any int
    if (named !== undefined && obj.name === 'bool' && obj.base !== null && slotsNamed('int')?.methods?.has(name) === true) return getattr(obj.base, name);
    // str.lower and friends, unbound: the receiver comes first, as in sorted(words, key=str.lower)
    const unbound = named?.methods?.get(name);
    // a method the type inherits is its base's descriptor, named for the base (OrderedDict.get is dict.get)
    if (unbound !== undefined && obj.base !== null && slotsNamed(obj.base.name)?.methods?.get(name) === unbound) return getattr(obj.base, name);
    // a method_descriptor, `<method 'append' of 'list' objects>`; whichever type it was read through, its __qualname__ is its own type's
    if (unbound !== undefined) return methodDescriptor(obj, name, (args, kw) => {
      // the method's qualified name: its type's without the module (date.isoformat)
      if (args.length === 0) throw typeErr(`unbound method ${obj.name.slice(obj.name.lastIndexOf('.') + 1)}.${name}() needs an argument`);
      // an instance of a condition's subclass is one too (list.append(l, x) of an L)
      // and a bool is an int (int.bit_length(True))
      if (typeName(args[0]) !== obj.name && !(typeof args[0] === 'boolean' && obj.name === 'int') && typeOf(args[0]).type?.isSubclassOf(obj) !== true && typeOf(args[0]).classOf?.(args[0])?.isSubclassOf(obj) !== true) throw typeErr(`descriptor '${name}' for '${obj.name}' objects doesn't apply to a '${typeName(args[0])}' object`);
      // an int or str subclass's instance is its value to the base's method
      const self = args[0] instanceof PyIntBox || args[0] instanceof PyStrBox ? args[0].value : args[0];
      return unbound(self, args.slice(1), kw);
    });
    if (name === '__mro__') return new PyTuple(typeMro(obj));
    // a builtin type's name without its module's (itertools.chain's is chain)
    if (name === '__qualname__') return obj.name.slice(obj.name.lastIndexOf('.') + 1);
    if (name === 'mro') return mroMethod(obj);
    // None is an answer: list.__hash__
    const builtin = builtinTypeDunder(obj, name);
    if (builtin !== undefined) return builtin;
    const dunder = typeDunder(obj, name);
    if (dunder !== undefined) return dunder;
    const data = dataDescriptor(obj, name);
    if (data !== undefined) return data;
    throw missingAttr(`type object '${obj.name}' has no attribute '${name}'`, name, obj);
  }
  // a type's data attributes (types/*.ts): an int's real, an exception's args, a module's members, ...
  const slots = typeOf(obj);
  const attr = slots.getattr?.(obj, name);
  if (attr !== undefined) return attr;
  // a builtin type's class method, through its value: (3).from_bytes is int.from_bytes, bound to int
  const classMethod = slots.classOf !== undefined ? undefined : slotsNamed(typeName(obj))?.classMethods?.get(name);
  if (classMethod !== undefined) return boundMethod(name, classMethod, typeObjectOf(obj), undefined);
  const dunder = instanceDunder(obj, name);
  if (dunder !== undefined) return dunder;
  const common = objectAttr(obj, name);
  if (common !== undefined) return common;
  const builtin = builtinValueDunder(obj, name);
  if (builtin !== undefined) return builtin;
  throw attrErr(obj, name);
}

/** obj.name, or undefined where it has none (_PyObject_LookupAttr): any other error goes on. */
export function lookupAttr(obj: Py, name: string): Py | undefined {
  try {
    return getattr(obj, name);
  } catch (e) {
    if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(AttributeError)) return undefined;
    throw e;
  }
}

/** Set by construction.ts (a hook, as typeDunder): an instance's __new__, __init__ and __init_subclass__ that its class leaves to its builtin base. */
let instanceDunder: (obj: Py, name: string) => Py | undefined = () => undefined;
export function setInstanceDunders(f: typeof instanceDunder): void {
  instanceDunder = f;
}

/** Set by builtin-dunders.ts (a hook, as typeDunder): a builtin type's dunder methods, through the type (`int.__add__`) and bound to a value (`(5).__add__`), or undefined. */
let builtinTypeDunder: (type: PyType, name: string) => Py | undefined = () => undefined;
let builtinValueDunder: (obj: Py, name: string) => Py | undefined = () => undefined;
export function setBuiltinDunders(ofType: typeof builtinTypeDunder, ofValue: typeof builtinValueDunder): void {
  builtinTypeDunder = ofType;
  builtinValueDunder = ofValue;
}
export const builtinDunderOf = (obj: Py, name: string): Py | undefined => builtinValueDunder(obj, name);

/** Set by classes.ts: object's methods every value has, bound to it (`x.__setattr__`), or undefined. */
let objectAttr: (obj: Py, name: string) => Py | undefined = () => undefined;
export function setObjectAttrs(f: typeof objectAttr): void {
  objectAttr = f;
}
export const objectAttrOf = (obj: Py, name: string): Py | undefined => objectAttr(obj, name);

/**
 * Set by value-dunders.ts and super-dunders.ts (hooks: they reach this module through the
 * operators), each for its types, asked in turn: a builtin type's own dunder, unbound
 * (int.__hash__, the class attribute `__hash__ = tuple.__hash__`).
 */
let typeDunder: (type: PyType, name: string) => Py | undefined = () => undefined;
export function setTypeDunders(f: typeof typeDunder): void {
  const before = typeDunder;
  typeDunder = (type, name) => f(type, name) ?? before(type, name);
}

/**
 * The call `obj.name(...)`, resolved per type once at compile time, so that the hot
 * path is a type test and a direct call, with no bound method allocated.
 */
export function methodCaller(name: string): Method {
  const s = typeOf('').methods?.get(name);
  const l = typeOf([]).methods?.get(name);
  const d = slotsNamed('dict')?.methods?.get(name);
  return (obj, args, kw) => {
    step();
    if (typeof obj === 'string') {
      if (s !== undefined) return s(obj, args, kw);
    } else if (obj instanceof PyDict) {
      if (d !== undefined && obj.constructor === PyDict) return d(obj, args, kw);
      // a dict type of a library's (Counter) has its own table, which getattr reads first: called, with no bound method made
      const m = methodsOf(obj)?.get(name);
      if (m !== undefined) return m(obj, args, kw);
    } else if (Array.isArray(obj)) {
      // a list subclass may override a method, as a dict subclass
      if (l !== undefined && obj.constructor === Array) return l(obj, args, kw);
    } else if (obj instanceof PyModule) {
      const fn = obj.attrs.get(name);
      if (fn !== undefined) return callValue(fn, args, kw);
    } else if (obj !== null && typeof obj === 'object') {
      // match objects and patterns dispatch their own methods, first: they have no type table, and
      // looking for one (a Map by constructor) was 3% of a regex search's condition
      if (typeof obj.pyCall === 'function') {
        const r = obj.pyCall(name, args, kw);
        if (r !== undefined) return r;
      }
      // a type's own method table (types/*.ts), with no bound method allocated
      const m = typeOf(obj).methods?.get(name);
      if (m !== undefined) return m(obj, args, kw);
    }
    return callValue(getattr(obj, name), args, kw);
  };
}
