import { clinic } from './args.js';
import { allocItems } from './budget.js';
import { isValueBase, isValueInstance, PyListInstance, PySetInstance, valueInit, valueRepr } from './builtin-subclass.js';
import { callValue } from './call.js';
import { NOT_IMPLEMENTED_VALUE } from './class-operators.js';
import { truthy } from './iteration.js';
import { isInstance, PyClass } from './class-values.js';
import { dictInit, dictUnboundDunder } from './dict-subclass.js';
import { fieldsInit } from './exception-fields.js';
import { fatalErr, typeErr, UnsupportedError } from './exceptions.js';
import { getattr } from './attributes.js';
import { fromKeys } from './methods-dict.js';
import { OBJECT_CLASS } from './object-class.js';
import { repr, str } from './repr.js';
import { valueDunder, wrapperArgs } from './super-dunders.js';
import { FUNCTION } from './types/callable.js';
import { baseRepr, exceptionStr } from './types/exception.js';
import { registerType, slotsNamed, typeOf } from './types/table.js';
import { baseDunder } from './value-dunders.js';
import { PySlotWrapper } from './slot-wrapper.js';
import { PyDict, PyException, PyFloat, PyFrozenSet, PyFunc, PyIntBox, PySet, PyStrBox, PyTuple, PyType, typeName, type Py } from './values.js';

/**
 * super() in a classmethod: its object is the class, so a builtin base's attribute is reached
 * as through the type (descr_get with no instance): a dunder unbound, the instance its first
 * argument (`super().__add__(x, 1)`), a method unbound, dict.fromkeys bound to the class.
 */

/** Their types, which make nothing, as CPython's. */
const descriptorType = (name: string) => new PyType(name, () => {
  throw typeErr(`cannot create '${name}' instances`);
});
const WRAPPER_DESCRIPTOR = descriptorType('wrapper_descriptor');
const METHOD_DESCRIPTOR = descriptorType('method_descriptor');

registerType(PySlotWrapper, {
  ...FUNCTION,
  name: (v: PySlotWrapper) => (v.method ? 'method_descriptor' : 'wrapper_descriptor'),
  classOf: (v: PySlotWrapper) => (v.method ? METHOD_DESCRIPTOR : WRAPPER_DESCRIPTOR),
  repr: (v: PySlotWrapper) => `<${v.method ? 'method' : 'slot wrapper'} '${v.name}' of '${v.of}' objects>`,
  // descr_get_qualname: the type's __qualname__, without its module (deque.append)
  getattr: (v: PySlotWrapper, name: string) => (name === '__qualname__' ? `${v.of.slice(v.of.lastIndexOf('.') + 1)}.${v.name}` : name === '__objclass__' ? v.objclass : undefined),
});

/** The dunders CPython defines as methods rather than slots (METH_COEXIST, or no slot at all). */
const METHOD_DUNDERS: Record<string, ReadonlySet<string>> = {
  list: new Set(['__getitem__']),
  dict: new Set(['__getitem__', '__contains__']),
  set: new Set(['__contains__']),
  frozenset: new Set(['__contains__']),
};

/** The unbound dunder of type `of`: its first argument the instance, checked as CPython's descriptor checks it, then the bound dunder called with the rest. */
export function wrapper(of: PyType | string, name: string, accepts: (self: Py) => boolean, call: (self: Py, args: Py[], kw: Map<string, Py> | null) => Py): PySlotWrapper {
  const ofName = typeof of === 'string' ? of : of.name;
  const method = name === '__format__' || METHOD_DUNDERS[ofName]?.has(name) === true;
  return new PySlotWrapper(ofName, name, (args, kw) => {
    // a method descriptor words its checks as descr_check does, a slot wrapper as wrapperdescr_call does
    if (args.length === 0) throw typeErr(method ? `unbound method ${ofName}.${name}() needs an argument` : `descriptor '${name}' of '${ofName}' object needs an argument`);
    const self = args[0];
    if (!accepts(self)) throw typeErr(method ? `descriptor '${name}' for '${ofName}' objects doesn't apply to a '${typeName(self)}' object` : `descriptor '${name}' requires a '${ofName}' object but received a '${typeName(self)}'`);
    // the methods among them take one argument (METH_O), and word its count so
    if (method && kw !== null && kw.size > 0) throw typeErr(`${ofName}.${name}() takes no keyword arguments`);
    if (method && args.length !== 2) throw typeErr(`${ofName}.${name}() takes exactly one argument (${args.length - 1} given)`);
    return call(self, args.slice(1), kw);
  }, method);
}

/** Whether v is an instance of the builtin type t, its subclasses' instances (and bool for int) included. */
function instanceOf(v: Py, t: PyType): boolean {
  if (typeName(v) === t.name || (typeof v === 'boolean' && t.name === 'int')) return true;
  const slots = typeOf(v);
  return (slots.classOf?.(v) ?? slots.type)?.isSubclassOf(t) === true;
}

/** A value of each base, to ask whether the base has a dunder at all (the bound tables answer by name). */
const SAMPLES: Record<string, () => Py> = {
  int: () => 0, float: () => new PyFloat(0), str: () => '', list: () => [], tuple: () => new PyTuple([]), set: () => new PySet(), frozenset: () => new PyFrozenSet(),
};

/** A value base's dunder bound to self, as super() in an instance method reaches it, or undefined. */
function boundValueDunder(base: string, self: Py, name: string): PyFunc | undefined {
  return valueDunder(self as never, base, name) ?? (base === 'int' || base === 'str' || base === 'float' ? baseDunder(self, base, name) : undefined);
}

/** The base's repr of a value or of its subclass's instance, whatever the class's __repr__ says. */
function reprAsBase(self: Py): string {
  if (self instanceof PyIntBox || self instanceof PyStrBox) return repr(self.value);
  if (typeof self === 'boolean') return self ? '1' : '0';
  if (self instanceof PyFloat && self.constructor !== PyFloat) return repr(new PyFloat(self.v));
  return isValueInstance(self) ? valueRepr(self) : repr(self);
}

/** list.__init__ and set.__init__ on a plain value: emptied, then filled, the new items made first. */
function plainInit(base: PyType, self: Py, args: Py[], kw: Map<string, Py> | null): null {
  if (self instanceof PyListInstance || self instanceof PySetInstance) return valueInit(base, self, args, kw);
  const made = base.fn(args, kw);
  if (Array.isArray(self)) {
    allocItems((made as Py[]).length);
    self.length = 0;
    for (const x of made as Py[]) self.push(x);
  } else {
    (self as PySet).clear();
    (self as PySet).merge(made as PySet);
  }
  return null;
}

/** A list, tuple, set, frozenset, int, float or str base's attribute, through the type; undefined where the base has none. */
function valueBaseAttr(t: PyType, name: string): Py | undefined {
  const base = t.name;
  const is = (self: Py) => instanceOf(self, t);
  const dunder = name.startsWith('__') && name.endsWith('__');
  if (!dunder) return slotsNamed(base)?.methods?.has(name) === true ? getattr(t, name) : undefined;
  // list's and set's __hash__ is None
  if (name === '__hash__' && (base === 'list' || base === 'set')) return null;
  if (name === '__init__') return base === 'list' || base === 'set' ? wrapper(t, name, is, (self, args, kw) => plainInit(t, self, args, kw)) : undefined;
  if (name === '__repr__') return wrapper(t, name, is, (self, args, kw) => (wrapperArgs(name, args, kw, 0), reprAsBase(self)));
  // str's __str__ is its value; the others' is object's
  if (name === '__str__') return base === 'str' ? wrapper(t, name, is, (self, args, kw) => (wrapperArgs(name, args, kw, 0), self instanceof PyStrBox ? self.value : self)) : undefined;
  // a base of no sample here (one subclassable later) has its dunders refused in words, not passed by as missing
  if (SAMPLES[base] === undefined) throw fatalErr(UnsupportedError, `super() in a classmethod of a subclass of ${base} in a condition reaches only its __new__ and methods: '${name}' is not built`);
  if (boundValueDunder(base, SAMPLES[base](), name) === undefined) return undefined;
  return wrapper(t, name, is, (self, args, kw) => callValue(boundValueDunder(base, self, name)!, args, kw));
}

/** dict's attribute through the type: its dunders unbound, fromkeys bound to the class (cls() first, as dict_fromkeys calls it), its methods unbound. */
function dictAttr(t: PyType, name: string, owner: PyClass): Py | undefined {
  const is = (self: Py) => self instanceof PyDict && instanceOf(self, t);
  switch (name) {
    case '__hash__':
      return null;
    case '__init__':
      return wrapper(t, name, is, (self, args, kw) => dictInit(self as PyDict, args, kw));
    case '__repr__':
      return wrapper(t, name, is, (self, args, kw) => (wrapperArgs(name, args, kw, 0), repr(plainDict(self as PyDict))));
    case '__lt__':
    case '__le__':
    case '__gt__':
    case '__ge__':
      return wrapper(t, name, is, (_self, args, kw) => (clinic(name, args, kw, 1, 1), NOT_IMPLEMENTED_VALUE));
    case 'fromkeys':
      return new PyFunc('fromkeys', (args, kw) => {
        const [keys, value = null] = clinic('fromkeys', args, kw, 1, 2);
        return fromKeys(callValue(owner, [], null) as PyDict, keys, value);
      }, 'method');
  }
  if (dictUnboundDunder(name) !== undefined) return wrapper(t, name, is, dictUnboundDunder(name)!);
  return slotsNamed('dict')?.methods?.has(name) === true ? getattr(t, name) : undefined;
}

/** A dict subclass's items as a plain dict, whose repr is dict's whatever the class's. */
function plainDict(d: PyDict): PyDict {
  if (d.constructor === PyDict) return d;
  allocItems(d.m.size);
  const copy = new PyDict();
  for (const [nk, v] of d.m) copy.set(d.key(nk), v);
  return copy;
}

/** The exceptions whose own __str__ CPython defines; the others' is BaseException's. */
export const OWN_STR = new Set(['KeyError', 'OSError', 'SyntaxError', 'ImportError', 'UnicodeEncodeError', 'UnicodeDecodeError', 'UnicodeTranslateError']);

/** An exception base's __str__ (its own or BaseException's) and BaseException's __repr__, unbound. */
function exceptionAttr(t: PyType, name: string): Py | undefined {
  if (name === '__init__') {
    return wrapper(t, name, (self) => self instanceof PyException && self.type.isSubclassOf(t), (self, args, kw) => {
      const e = self as PyException;
      fieldsInit(t, e, args, kw, e.type instanceof PyClass && e.type.lookup('__init__') !== undefined);
      return null;
    });
  }
  if (name !== '__str__' && name !== '__repr__') return undefined;
  let of: PyType = t;
  // the first type of t's chain that defines it
  while (of.base !== null && !(name === '__str__' && OWN_STR.has(of.name))) of = of.base;
  const is = (self: Py) => self instanceof PyException && self.type.isSubclassOf(of);
  return wrapper(of, name, is, (self, args, kw) => (wrapperArgs(name, args, kw, 0), name === '__str__' ? exceptionStr(self as PyException, repr, str) : baseRepr(self as PyException, repr)));
}

/** object's dunders, unbound: bound to their first argument by `bound` (classes.ts's objectDunder). */
function objectAttr(name: string, bound: (self: Py, name: string) => PyFunc | undefined): Py | undefined {
  if (name === '__init__') return wrapper('object', name, () => true, (self, args, kw) => {
    if ((kw !== null && kw.size > 0) || args.length > 0) objectInitExcess(self);
    return null;
  });
  // != of a builtin value: its type's == inverted, as object_richcompare asks tp_richcompare
  if (name === '__ne__') return wrapper('object', name, () => true, (self, args, kw) => {
    const [o] = wrapperArgs(name, args, kw, 1);
    const kind = kindOf(self);
    if (kind === undefined) return callValue(bound(self, name)!, [o], null);
    const r = callValue(boundValueDunder(kind, self, '__eq__')!, [o], null);
    return r === NOT_IMPLEMENTED_VALUE ? r : !truthy(r);
  });
  // a value with no identity of its own here (an int, a str) has no object.__hash__ to give
  const sample = name === '__hash__' ? undefined : bound(null, name);
  if (sample === undefined && name !== '__hash__') return undefined;
  return wrapper('object', name, () => true, (self, args, kw) => {
    const m = bound(self, name);
    if (m === undefined) throw fatalErr(UnsupportedError, `object.__hash__() of a '${typeName(self)}' is not built in a condition`);
    return callValue(m, args, kw);
  });
}

/** The value base a builtin value is of (a subclass's instance included), by its representation, or undefined. */
function kindOf(v: Py): string | undefined {
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyIntBox) return 'int';
  if (typeof v === 'string' || v instanceof PyStrBox) return 'str';
  if (Array.isArray(v)) return 'list';
  if (v instanceof PyFloat) return 'float';
  if (v instanceof PyTuple) return 'tuple';
  return v instanceof PyFrozenSet ? 'frozenset' : v instanceof PySet ? 'set' : undefined;
}

/**
 * object.__init__ given arguments (object_init): refused where the instance's type has an
 * __init__ of its own (object's words) or no __new__ of its own (its class's), passed otherwise.
 */
export function objectInitExcess(self: Py): void {
  const message = (of: string) => `${of}.__init__() takes exactly one argument (the instance to initialize)`;
  if (self instanceof PyException) throw typeErr(message('object'));
  const cls = isInstance(self) || isValueInstance(self) ? (self as { cls: PyClass }).cls : null;
  if (cls !== null) {
    if (cls.lookup('__init__') !== undefined) throw typeErr(message('object'));
    if (cls.lookup('__new__') === undefined && !cls.mro.some((b) => !(b instanceof PyClass) && b !== OBJECT_CLASS)) throw typeErr(message(cls.name));
    return;
  }
  if (Array.isArray(self) || self instanceof PyDict || self instanceof PyException || (self instanceof PySet && !(self instanceof PyFrozenSet))) throw typeErr(message('object'));
}

/**
 * The attribute `name` of the builtin type t, one of the bases of owner's order, as super()
 * in a classmethod of owner reaches it; undefined where t has none (the order goes on).
 */
export function unboundAttr(t: PyType, name: string, owner: PyClass, objectDunder: (self: Py, name: string) => PyFunc | undefined): Py | undefined {
  if (t === OBJECT_CLASS) return objectAttr(name, objectDunder);
  if (isValueBase(t)) return valueBaseAttr(t, name);
  if (t.isException) return exceptionAttr(t, name);
  // a module's dict-based types (Counter, OrderedDict) are not dict itself
  return t.name === 'dict' && !('attrs' in t) ? dictAttr(t, name, owner) : undefined;
}
