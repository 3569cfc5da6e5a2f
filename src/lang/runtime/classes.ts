import { FINAL_TYPES } from './final-types.js';
import { clinic } from './args.js';
import { bindArgs, positionalSignature } from './signature.js';
import { setSubclassOf } from './arity.js';
import { checkName } from './attribute-names.js';
import { noteDescriptor } from './def-names.js';
import { descriptorStoreError, PySlotWrapper } from './slot-wrapper.js';
import { storeFunctionAttribute } from './method-attributes.js';
import { allocItems, countedCall, runNumber, step, tick } from './budget.js';
import { eq, eqOperator } from './compare.js';
import { callValue } from './call.js';
import { ctorForMeta, eqChanged, instanceAttr, isInstance, newChanged, PyClass, PyClassException, PyClassOfMeta, PyInstance } from './class-values.js';
import { baseNew, builtinNew, exceptionOf } from './builtin-new.js';
import { callWithNew } from './class-call.js';
import { checkAbstract, noteAbstract } from './abstract-check.js';
import { implicitMethods, initSubclass, objectInitSubclass } from './init-subclass.js';
import './construction.js';
import { noteEqClass, setEqKeys } from './keys.js';
import { bindAttr, classAttr, PyProperty, propertyStore } from './descriptors.js';
import { callDunder, eqOf, INSTANCE_NB, INSTANCE_UNARY, NOT_IMPLEMENTED_VALUE, richEquality, richOrder } from './class-operators.js';
import { fieldSet, fieldsInit, hasFields } from './exception-fields.js';
import { AttributeError, BaseExceptionGroup, fatalErr, IndexError, OverflowError, pyErr, StopIteration, typeErr, TypeError_, UnsupportedError, valueErr } from './exceptions.js';
import { pyHashBig } from './hash.js';
import { notDeletable } from './items.js';
import { linearize } from './mro.js';
import { basesNotBuilt, mroMethod, mroOf, OBJECT_CLASS, typeMro } from './object-class.js';
import type { Int } from './int/index.js';
import { indexSized } from './numbers.js';
import { repr, str } from './repr.js';
import { dictBaseAttr, dictBaseClassAttr, dictDunder, dictInit, dictMethod, initOfBase, isDictBase, PyDictInstance } from './dict-subclass.js';
import { baseDunder } from './value-dunders.js';
import { isValueBase, isValueInstance, lateValueDunder, markValueHooks, moduleBases, setClassMethodOf, valueInit, valueMethod, valueNew, valueRepr, type ValueInstance } from './builtin-subclass.js';
import { toList, truthy } from './iteration.js';
import { fromKeys } from './methods-dict.js';
import { NOT_IMPLEMENTED, type PyTypeSlots } from './types/protocol.js';
import { registerType, slotsNamed, slotsOf, typeOf } from './types/table.js';
import { builtinDunderOf, getattr, setObjectAttrs, setTypeDunders } from './attributes.js';
import { BUILTIN_DUNDER_NAMES } from '../dunders.js';
import { attributeName, changeClassAttr, hookedStore, hooksOf, introspectedStore, noteObjectWrapper, objectGetattribute, withAttrHooks } from './attribute-hooks.js';
import { sharedObjectRefusal } from './shared-objects.js';
import { PyRunClassType } from './modules/class-type.js';
import { argsSetTo, baseRepr, EXCEPTION, exceptionStr } from './types/exception.js';
import { valueDunder, wrapperArgs } from './super-dunders.js';
import { objectInitExcess, unboundAttr, wrapper as slotWrapper } from './super-unbound.js';
import { PySlice } from './slice.js';
import { argTypeName, PyDict, PyException, PyFunc, PyIntBox, PyIterator, PyStrBox, PyTuple, PyType, typeName, type Py } from './values.js';
import { stringResult } from './string-dunders.js';
import { classGetitem } from './class-getitem.js';
import { setOrigClassStore } from './types/generic-alias.js';
import { noteSubclass } from './subclasses.js';
import { descriptorStore } from './descriptor-store.js';
import { setNames } from './set-name.js';
import { checkSlotLayouts, makeSlots, noDictStore, withoutDict } from './slots.js';
import { isClassName, renameClass } from './class-rename.js';

export { OBJECT_CLASS, PyClass, PyInstance };

export { CLASS_DUNDERS } from '../dunders.js';

/**
 * The builtin exceptions whose instances hold fields of their own (CPython's solid bases,
 * by __basicsize__): two bases of unrelated ones cannot make one class.
 */
const LAYOUTS = new Set(['BaseException', 'AttributeError', 'BaseExceptionGroup', 'ExceptionGroup', 'ImportError', 'NameError', 'OSError', 'StopIteration', 'SyntaxError', 'SystemExit', 'UnicodeDecodeError', 'UnicodeEncodeError', 'UnicodeTranslateError']);

export function layoutOf(t: PyType): PyType | null {
  for (const b of mroOf(t)) {
    // a C type written as a class (types.SimpleNamespace) lays its instances out as its own
    if (b instanceof PyClass && b.cType) return b;
    if (b instanceof PyClass) continue;
    if (b.isException ? LAYOUTS.has(b.name) : isDict(b) || DICT_LAYOUTS.has(b.name) || (isValueBase(b) && !writtenOver(b))) return b;
  }
  return null;
}

/**
 * CPython's solid_base of a base: its builtin's lay-out, but a class that gives a variable-size
 * builtin (tuple, int, bytes) a __dict__ (no `__slots__ = ()`) lays its instances out anew, so
 * two such classes cannot make one (extra_ivars' stricter rule where tp_itemsize is set).
 */
function solidOf(t: PyType): PyType | null {
  const l = layoutOf(t);
  if (l === null || !(t instanceof PyClass) || !VARIABLE_SIZE.has(l.name)) return l;
  return [...t.mro].reverse().find((c) => c instanceof PyClass && c !== OBJECT_CLASS && !c.attrs.has('__slots__')) ?? l;
}

const VARIABLE_SIZE = new Set(['tuple', 'int', 'bytes']);

/** OrderedDict and defaultdict are C types with fields beyond dict's (Counter is Python code, dict's lay-out): two of them cannot make one class. */
const DICT_LAYOUTS = new Set(['collections.OrderedDict', 'collections.defaultdict']);

/** A module's type written in Python over a builtin value type (a namedtuple's, over tuple): the builtin's lay-out, so two of them mix. */
const writtenOver = (t: PyType): boolean => moduleBases.isBase(t) && t.base !== null && !moduleBases.isBase(t.base) && isValueBase(t.base);

/** builtins.dict (a leaf cannot import builtins.ts): a builtin type a class may subclass, as the exceptions and builtin-subclass.ts's. */
const isDict = (t: PyType): boolean => t.name === 'dict' && !(t instanceof PyClass) && !t.isException;

/** Whether a class's instances are dicts (dict-subclass.ts). */
const dictBased = (cls: PyClass): boolean => cls.mro.some(isDict);


/**
 * The library's classes CPython writes in Python, which have no lay-out of their own and so
 * mix with any base there, while the evaluator makes their instances as values of their own
 * (wrapper-subclass.ts): two such bases are refused in words of their own, not CPython's.
 */
const PYTHON_WRITTEN = new Set(['contextlib.suppress', 'contextlib.nullcontext']);

/**
 * A class statement's class: its bases checked as the evaluator supports them (classes of
 * the condition's, builtin exceptions, or object), and ordered by C3 as CPython orders them.
 */
export function makeClass(name: string, qualname: string, given: Py[], meta: PyClass | null = null): PyClass {
  const bases = given.length === 0 ? [OBJECT_CLASS] : given;
  for (const base of bases) {
    if (!(base instanceof PyType)) throw typeErr(`bases must be types`);
    // a class statement and type() found the metaclass already (metaclass.ts): this is for the runtime's own classes
    if (base instanceof PyClassOfMeta && (meta === null || !meta.isSubclassOf(base.meta))) throw typeErr('metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
    if (!(base instanceof PyClass) && !base.isException && FINAL_TYPES.has(base.name)) throw typeErr(`type '${base.name}' is not an acceptable base type`);
    // enum's metaclass refuses a flag type with members, before the type is made
    if (base.name === 're.RegexFlag' && !(base instanceof PyClass)) throw typeErr(`<enum '${name}'> cannot extend <flag 'RegexFlag'>`);
    if (base.name === 'uuid.SafeUUID' && !(base instanceof PyClass)) throw typeErr(`<enum '${name}'> cannot extend <enum 'SafeUUID'>`);
    // CPython would make the subclass: no TypeError a condition could catch and go on from
    if (base.name.startsWith('ipaddress.')) throw fatalErr(UnsupportedError, `a class of a condition may not subclass '${base.name}': its subclasses are not built in the evaluator`);
    // past FINAL_TYPES, CPython makes the subclass (collections.ChainMap's, itertools.count's): refused past any except
    if (!(base instanceof PyClass) && !base.isException && !isDictBase(base) && !isValueBase(base) && !moduleBases.isPlainBase(base)) throw fatalErr(UnsupportedError, `a class of a condition may not subclass '${base.name}': only its own classes, exception classes, dict, list, tuple, set, frozenset, float, int, str, bytes, bytearray, complex, datetime.date, datetime.datetime, datetime.time, datetime.timedelta, datetime.tzinfo, collections.Counter, collections.OrderedDict, collections.defaultdict, collections.deque, a namedtuple's class, functools.partial, contextlib.suppress, contextlib.nullcontext, staticmethod, classmethod, property, type and object`);
  }
  const types = bases as PyType[];
  // the solid bases must lie on one line of inheritance, as CPython's best_base checks
  let layout: PyType | null = null;
  for (const base of types) {
    if (base instanceof PyClass && !base.isException && !dictBased(base) && base.valueBase === null && !base.fromCType) continue;
    const l = solidOf(base);
    if (l === null || layout === l || layout?.isSubclassOf(l)) continue;
    if (layout !== null && !l.isSubclassOf(layout)) {
      // CPython makes a class of two bases it writes in Python: refused past any except
      if (PYTHON_WRITTEN.has(l.name) || PYTHON_WRITTEN.has(layout.name)) throw fatalErr(UnsupportedError, `a class of a condition may not subclass both '${layout.name}' and '${l.name}': each makes instances of its own`);
      throw typeErr('multiple bases have instance lay-out conflict');
    }
    layout = l;
  }
  checkSlotLayouts(types);
  const mro = linearize(types, mroOf);
  allocItems(mro.length);
  const make = (c: PyClass) => (args: Py[], kw: Map<string, Py> | null) => instantiate(c, args, kw);
  const cls = meta === null ? new PyClass(name, qualname, types, mro, make) : new (ctorForMeta(meta))(name, qualname, types, mro, metaCall, meta);
  const builtin = layout instanceof PyClass ? layoutOf(layout) : layout;
  if (builtin !== null && (isDict(builtin) || DICT_LAYOUTS.has(builtin.name))) cls.dictBased = true;
  // the nearest module type over that lay-out makes the instances (of two namedtuples' bases, the first's)
  if (builtin !== null && isValueBase(builtin)) cls.valueBase = mro.find((t): t is PyType => t !== undefined && !(t instanceof PyClass) && moduleBases.isBase(t) && t.isSubclassOf(builtin)) ?? builtin;
  noteSubclass(cls);
  return cls;
}

/**
 * Once the class body has run: its slots are made, a subclass of a builtin value type may
 * define only the dunders its instances' slots ask; then its descriptors' __set_name__ and its
 * bases' __init_subclass__ are called (with the statement's keywords), in type_new's order.
 */
export function finishClass(cls: PyClass, kw: Map<string, Py> | null = null): void {
  makeSlots(cls);
  implicitMethods(cls);
  cls.bodyNames = new Set(cls.attrs.keys());
  // type_ready: a class whose body defines __eq__ but not __hash__ gets __hash__ = None in its own
  // namespace, once; an __eq__ set later leaves the hash as it is (object's, or a base's)
  if (cls.attrs.has('__eq__') && !cls.attrs.has('__hash__')) cls.attrs.set('__hash__', null);
  cls.attrHooks = hooksOf(cls);
  // from now on a tuple or frozenset key may hold one of its instances (keys.ts)
  if (cls.hasEq) noteEqClass();
  if (cls.valueBase !== null) markValueHooks(cls, cls.valueBase);
  setNames(cls);
  initSubclass(cls, kw);
}

/**
 * A module's class written as one (abc's), made as the modules are, before the engine registers
 * the builtin types a class may derive from (makeClass's checks): its bases taken as given, the
 * builtin its instances are (`valueBase`), and its metaclass.
 */
export function moduleClass(name: string, bases: PyType[], valueBase: PyType | null, meta: PyClass | null = null): PyClass {
  const mro = linearize(bases, mroOf);
  const make = (c: PyClass) => (args: Py[], kw: Map<string, Py> | null) => instantiate(c, args, kw);
  const cls = meta === null ? new PyClass(name, name, bases, mro, make) : new (ctorForMeta(meta))(name, name, bases, mro, metaCall, meta);
  cls.valueBase = valueBase;
  return cls;
}

/** Class(...) of a class a metaclass made: the metaclass's __call__, where it defines one (type_call's through it: `super().__call__(...)`), else type's. */
const metaCall = (c: PyClass) => (args: Py[], kw: Map<string, Py> | null): Py => {
  const call = (c as PyClassOfMeta).meta.lookup('__call__');
  return call === undefined ? metaInstantiate(c, args, kw) : callValue(bindAttr(call, c, (c as PyClassOfMeta).meta, '__call__'), args, kw);
};

/**
 * type.__call__ of a class a metaclass made: object.__new__ refuses an abstract one
 * (abstract-check.ts; BaseException's, dict's and the value types' make it). Only a metaclass's
 * classes are asked here (ABCMeta's, and a plain class may not be given __abstractmethods__):
 * the check kept out of instantiate, which every plain class's call runs, cost it 5% there.
 */
export function metaInstantiate(c: PyClass, args: Py[], kw: Map<string, Py> | null): Py {
  if (!c.isException && !c.dictBased && c.valueBase === null && !c.hasNew && c.attrs.has('__abstractmethods__')) {
    // object_new refuses arguments a class with neither __init__ nor __new__ takes before it asks whether it is abstract: Mapping(1)
    if ((args.length > 0 || (kw !== null && kw.size > 0)) && c.lookup('__init__') === undefined && !c.mro.some(moduleBases.isPlainBase)) throw typeErr(`${c.name}() takes no arguments`);
    checkAbstract(c);
  }
  return instantiate(c, args, kw);
}

/** Class(...): an instance, then its __init__ (found on the class or a base), which must return None. */
export function instantiate(cls: PyClass, args: Py[], kw: Map<string, Py> | null): Py {
  if (cls.valueBase !== null) return instantiateValue(cls, cls.valueBase, args, kw);
  if (cls.hasNew) return callWithNew(cls, args, kw);
  // BaseException.__new__ keeps every argument as args, whatever __init__ does; the builtin
  // base words them (OSError's errno and strerror), and checks them (ExceptionGroup's)
  const self = cls.isException ? exceptionOf(cls, args, kw) : cls.dictBased ? new PyDictInstance(cls) : new PyInstance(cls);
  const init = cls.lookup('__init__');
  if (init === undefined && self instanceof PyDictInstance) return initOfBase(self, args, kw), self;
  if (init === undefined) {
    // the bases with fields took their keywords (NameError's name) or refused them already
    if (cls.isException && kw !== null && kw.size > 0 && !hasFields(cls)) throw typeErr(`${cls.name}() takes no keyword arguments`);
    // tzinfo's tp_new is not object's, so object_init lets arguments by
    if (!cls.isException && (args.length > 0 || (kw !== null && kw.size > 0)) && !cls.mro.some(moduleBases.isPlainBase)) throw typeErr(`${cls.name}() takes no arguments`);
    return self;
  }
  // bound as any attribute: a staticmethod, a property or a value that is no function is called as CPython calls it
  const r = callValue(bindAttr(init, self, cls, '__init__'), args, kw);
  if (r !== null) throw typeErr(`__init__() should return None, not '${typeName(r)}'`);
  return self;
}

/**
 * Class(...) of a builtin type's subclass, as type_call: __new__ (the class's, called with the
 * class first, or the base's), then, if that made an instance of the class, __init__ (the
 * class's, or the base's: list's and set's fill it, the others' take what __new__ took).
 */
function instantiateValue(cls: PyClass, base: PyType, args: Py[], kw: Map<string, Py> | null): Py {
  const make = cls.lookup('__new__');
  const self = make === undefined ? valueNew(base, cls, args, kw) : callValue(make, [cls, ...args], kw);
  if (classOfInstance(self)?.isSubclassOf(cls) !== true) return self;
  const init = cls.lookup('__init__');
  if (init === undefined) return valueInit(base, self, args, kw), self;
  const r = callValue(bindAttr(init, self, cls, '__init__'), args, kw);
  if (r !== null) throw typeErr(`__init__() should return None, not '${typeName(r)}'`);
  return self;
}

/**
 * A store on or delete from a class whose metaclass has its own __setattr__ or __delattr__: only a
 * runtime-written metaclass may (enum's EnumType, which refuses to reassign a member).
 */
function metaStore(obj: PyClassOfMeta, hook: string, args: Py[]): boolean {
  const f = obj.meta.lookup(hook);
  if (f === undefined) return false;
  callValue(bindAttr(f, obj, obj.meta, hook), args, null);
  return true;
}

/**
 * How type_repr and object_repr name a class (introspection.ts's, which reads the `__module__`
 * set on it): set there, as introspection.ts imports this module.
 */
let reprName: (cls: PyClass) => string = (cls) => cls.name;
export const setReprName = (f: (cls: PyClass) => string): void => void (reprName = f);

/** `obj.name = v`: the instance's class's __setattr__ takes it where it has one (attribute-hooks.ts). */
// ga_call: what a condition's class's alias makes keeps it (list[int]() passes the AttributeError by)
setOrigClassStore((obj, alias) => {
  try {
    setattr(obj, '__orig_class__', alias);
  } catch (e) {
    if (!(e instanceof PyException) || e.fatal || !(e.type.isSubclassOf(AttributeError) || e.type.isSubclassOf(TypeError_))) throw e;
  }
});

export function setattr(obj: Py, name: string, v: Py): void {
  step();
  const cls = classOfInstance(obj);
  // a class's own __setattr__ is given the name as a str, filed nowhere (its object.__setattr__ refuses a long one)
  if (cls !== null && hookedStore(obj, cls, name, v)) return;
  if (obj instanceof PyClassOfMeta && metaStore(obj, '__setattr__', [name, v])) return;
  if (introspectedStore(obj, name, v)) return;
  objectSetattr(obj, name, v, cls);
}

/**
 * object.__setattr__: the store on an instance of a condition's class (or one of its exceptions); everything else has no attribute to set.
 * A long name is refused (checkName) only where a table of names would file it: a value with no
 * place for it answers CPython's AttributeError, and a def's __dict__ is a dict, which files it by digest.
 */
export function objectSetattr(obj: Py, name: string, v: Py, cls = classOfInstance(obj)): void {
  // a module's class a metaclass made (abc.ABC) is shared, before its metaclass's store would take it
  if (obj instanceof PyClassOfMeta && obj.module !== null) throw notSettable(obj, name);
  if (storedByProperty(obj, cls, name, v)) return;
  if ((obj instanceof PyInstance && obj.cls !== OBJECT_CLASS) || obj instanceof PyDictInstance || (isValueInstance(obj) && ownSetattr(obj) === undefined)) {
    if (obj.cls.attrs.has('__slots__') && withoutDict(obj.cls)) noDictStore(obj.cls, name);
    checkName(name);
    obj.dict.set(name, v);
  } else if (obj instanceof PyException && ownAttr(obj, name)) obj.dict!.set(name, v);
  else if (obj instanceof PyException && name === 'args') setArgs(obj, v);
  else if (obj instanceof PyException && setChainField(obj, name, v)) return;
  else if (obj instanceof PyException && fieldSet(obj, name, v)) return;
  // a builtin exception's instance has a __dict__ too (e = KeyError(); e.note = 1)
  else if (obj instanceof PyException) (obj.dict ??= new Map()).set(checkName(name), v);
  // a module's class written as one (calendar's) is shared by every condition: refused below, as its functions are
  else if (obj instanceof PyClass && obj !== OBJECT_CLASS && sharedObjectRefusal(obj, name) === undefined) {
    // type's __mro__ is a read-only member (type_members): a store went into the class's namespace, unread, and answered None
    if (name === '__mro__') throw pyErr(AttributeError, 'readonly attribute');
    checkName(name);
    if (name === '__abstractmethods__' && !(obj instanceof PyClassOfMeta)) throw fatalErr(UnsupportedError, `setting '__abstractmethods__' is built only on a class a metaclass made (abc.ABCMeta's): '${obj.name}' is a plain class`);
    if (name === '__abstractmethods__') noteAbstract();
    changeClassAttr(obj, name, () => (isClassName(name) ? renameClass(obj, name, v) : obj.attrs.set(name, v)));
    if (name === '__new__') newChanged();
    if (name === '__eq__') lateEq();
    lateValueDunder(obj, name);
  }
  else if (obj instanceof PyRunClassType) obj.store(checkName(name), v);
  // its own store checks a name it files (setFunctionAttr, partialSetattr)
  else if (ownSetattr(obj) !== undefined) ownSetattr(obj)!(obj, name, v);
  // a def of the condition keeps what is set on it in its __dict__ (method-attributes.ts)
  else if (storeFunctionAttribute(obj, name, v)) return;
  else throw notSettable(obj, name);
}

/**
 * Whether a condition's exception class has an attribute of this name of its own (`args = 5`):
 * found before BaseException's descriptors, it sends a store to the instance's attributes.
 */
const ownAttr = (e: PyException, name: string): boolean => e.type instanceof PyClass && e.type.lookup(name) !== undefined;

/**
 * `e.args = v`, as BaseException_set_args: any iterable, kept as a tuple. str(e) is worded from
 * it anew, but where CPython's __str__ reads the fields the constructor set (exception-fields.ts's, a group's message).
 */
function setArgs(e: PyException, v: Py): void {
  const args = toList(v);
  if (!e.type.isSubclassOf(BaseExceptionGroup)) e.text = undefined;
  e.args = args;
  argsSetTo(args, v);
}

/** `e.__cause__ = c`, `e.__context__ = c` and `e.__suppress_context__ = b`, as BaseException's getset and member descriptors check them; false for another name. */
function setChainField(e: PyException, name: string, v: Py): boolean {
  switch (name) {
    case '__cause__':
    case '__context__': {
      if (v !== null && !(v instanceof PyException)) throw typeErr(`exception ${name === '__cause__' ? 'cause' : 'context'} must be None or derive from BaseException`);
      if (name === '__context__') e.context = v;
      else {
        e.cause = v;
        e.suppressContext = true;
      }
      return true;
    }
    case '__suppress_context__':
      if (typeof v !== 'boolean') throw typeErr('attribute value type must be bool');
      e.suppressContext = v;
      return true;
  }
  return false;
}

/** A builtin type's own tp_setattro (functools.partial's), or undefined. */
const ownSetattr = (obj: Py) => (obj !== null && typeof obj === 'object' ? slotsOf(obj)?.setattr : undefined);

/**
 * A store or delete refused: on a builtin type, CPython's TypeError; on a module or what CPython
 * would let a condition change in one (shared-objects.ts), a refusal, since one module object
 * serves every condition a worker runs and would carry state between them.
 */
function notSettable(obj: Py, name: string): PyException {
  const shared = sharedObjectRefusal(obj, name);
  if (shared !== undefined) return shared;
  if (isMember(obj, name)) return pyErr(AttributeError, 'readonly attribute');
  if (obj instanceof PyType || obj === OBJECT_CLASS) return typeErr(`cannot set '${name}' attribute of immutable type '${obj.name}'`);
  if (obj instanceof PySlotWrapper) return descriptorStoreError(obj, name);
  return readOnlyDunder(obj, name) ?? pyErr(AttributeError, `'${typeName(obj)}' object has no attribute '${name}'`);
}

/** A slice's or a range's start, stop and step: members, read-only to a store and a delete (range cannot be subclassed: its type's name tells it, small or big). */
const isMember = (obj: Py, name: string): boolean => (name === 'start' || name === 'stop' || name === 'step') && (obj instanceof PySlice || typeName(obj) === 'range');

/** A builtin value's dunder method (builtin-dunders.ts) is its type's attribute, which a store or delete on the value meets: read-only, as PyObject_GenericSetAttr says. */
function readOnlyDunder(obj: Py, name: string): PyException | undefined {
  if (!BUILTIN_DUNDER_NAMES.has(name)) return undefined;
  try {
    if (builtinDunderOf(obj, name) === undefined) return undefined;
  } catch {
    return undefined;
  }
  return pyErr(AttributeError, `'${typeName(obj)}' object attribute '${name}' is read-only`);
}

/** `del obj.name`: the instance's class's __delattr__ takes it where it has one (attribute-hooks.ts). */
export function delattr(obj: Py, name: string): void {
  step();
  const cls = classOfInstance(obj);
  if (cls !== null && hookedStore(obj, cls, name, undefined)) return;
  if (obj instanceof PyClassOfMeta && metaStore(obj, '__delattr__', [name])) return;
  if (introspectedStore(obj, name, undefined)) return;
  objectDelattr(obj, name, cls);
}

/** object.__delattr__: the delete itself. */
export function objectDelattr(obj: Py, name: string, cls = classOfInstance(obj)): void {
  if (obj instanceof PyClassOfMeta && obj.module !== null) throw notSettable(obj, name);
  if (storedByProperty(obj, cls, name, undefined)) return;
  if (obj instanceof PyException && !ownAttr(obj, name) && name === 'args') throw typeErr('args may not be deleted');
  if (obj instanceof PyException && !ownAttr(obj, name) && (name === '__cause__' || name === '__context__')) throw typeErr(`${name} may not be deleted`);
  if (obj instanceof PyException && !ownAttr(obj, name) && name === '__suppress_context__') throw typeErr("can't delete numeric/char attribute");
  if (obj instanceof PyException && !ownAttr(obj, name) && fieldSet(obj, name, undefined)) return;
  // a condition's class loses its own attribute, as a heap type does; a builtin or a module's shared class is refused
  if ((obj instanceof PyType && !(obj instanceof PyRunClassType) && !(obj instanceof PyClass)) || obj === OBJECT_CLASS || sharedObjectRefusal(obj, name) !== undefined) throw notSettable(obj, name);
  // type_set_name and type_set_qualname: check_set_special_type_attr's words, of a heap type too
  if (obj instanceof PyClass && (name === '__name__' || name === '__qualname__')) throw typeErr(`cannot delete '${name}' attribute of immutable type '${obj.name}'`);
  if (obj instanceof PyClass && name === '__mro__') throw pyErr(AttributeError, 'readonly attribute');
  if (ownSetattr(obj) !== undefined) return ownSetattr(obj)!(obj, name, undefined);
  if (storeFunctionAttribute(obj, name, undefined)) return;
  if (name === '__new__' && obj instanceof PyClass) newChanged();
  if (name === '__eq__' && obj instanceof PyClass) lateEq();
  if ((obj instanceof PyInstance || obj instanceof PyDictInstance || isValueInstance(obj)) && obj.cls.attrs.has('__slots__') && withoutDict(obj.cls)) noDictStore(obj.cls, name);
  const dict = obj instanceof PyInstance || obj instanceof PyDictInstance || isValueInstance(obj) ? obj.dict : obj instanceof PyException ? obj.dict : obj instanceof PyClass ? obj.attrs : null;
  if (obj instanceof PySlotWrapper) throw descriptorStoreError(obj, name);
  if (isMember(obj, name)) throw pyErr(AttributeError, 'readonly attribute');
  if (dict === null && !(obj instanceof PyRunClassType)) {
    const readOnly = readOnlyDunder(obj, name);
    if (readOnly !== undefined) throw readOnly;
  }
  if (obj instanceof PyRunClassType ? !obj.store(name, undefined) : dict === null || !dict.delete(name)) throw pyErr(AttributeError, obj instanceof PyClass || obj instanceof PyRunClassType ? `type object '${obj.name}' has no attribute '${name}'` : `'${typeName(obj)}' object has no attribute '${name}'`);
  // a hook deleted from the class
  if (obj instanceof PyClass) changeClassAttr(obj, name, () => undefined);
  if (obj instanceof PyClass) lateValueDunder(obj, name);
}

/** The class of an instance of a condition's class, or of one of its exceptions. */
export const classOfInstance = (obj: Py): PyClass | null =>
  obj instanceof PyInstance || obj instanceof PyDictInstance || isValueInstance(obj) ? obj.cls : obj instanceof PyException && obj.type instanceof PyClass ? obj.type : null;

/** A store or delete (v undefined) through a data descriptor of the instance's class (a condition's, a property's setter or deleter, a slot), or an attribute of a module's base (a namedtuple's field). */
function storedByProperty(obj: Py, cls: PyClass | null, name: string, v: Py | undefined): boolean {
  const p = cls?.lookup(name);
  if (p === undefined && cls?.valueBase != null && moduleBases.isBase(cls.valueBase)) return moduleBases.store!(obj as ValueInstance, name, v);
  if (p !== undefined && descriptorStore(p, obj, v)) return true;
  if (!(p instanceof PyProperty)) return false;
  propertyStore(p, obj, cls!, name, v);
  return true;
}

/**
 * super() in a method: the attributes of the classes after `cls` in the method resolution
 * order of `self`'s class. Of a builtin base only __init__ is reachable: BaseException's
 * keeps its arguments as args, object's takes none.
 */
export class PySuper {
  /** `self` undefined: an unbound super, `super(A)`, whose attributes are only the super object's own. */
  constructor(
    readonly cls: PyClass,
    readonly self: Py | undefined,
  ) {}
}


function superAttr(sup: PySuper & { self: Py }, name: string): Py {
  // in a classmethod, super() is of the class itself; in a metaclass's method, of the class as the metaclass's instance
  const onClass = sup.self instanceof PyClass && !(sup.self instanceof PyClassOfMeta && sup.self.meta.isSubclassOf(sup.cls));
  const owner = onClass ? (sup.self as PyClass) : classOfInstance(sup.self)!;
  const mro = owner.mro;
  const at = mro.indexOf(sup.cls);
  if (at < 0) throw typeErr('super(type, obj): obj must be an instance or subtype of type');
  // super(UserDict, self).update: a mixin the evaluator puts in the class, which CPython finds further on, in collections.abc's classes
  if (sup.cls instanceof PyClass && sup.cls.module !== null && basesNotBuilt(sup.cls) !== undefined) {
    const own = sup.cls.attrs.get(name);
    if (own === null || (own instanceof PyFunc && !own.name.startsWith(`${sup.cls.name}.`))) throw notPastUnbuilt(sup.cls, name);
  }
  let found: Py | undefined;
  for (let i = at + 1; i < mro.length; i++) {
    const t = mro[i];
    tick();
    if (t instanceof PyClass && t !== OBJECT_CLASS) {
      const v = t.attrs.get(name);
      if (v !== undefined) return onClass ? classAttr(v, owner, name) : bindAttr(v, sup.self, owner, name);
    } else if (!onClass && t instanceof PyRunClassType && (found = t.attrs.get(name)) !== undefined) {
      // a namedtuple type's own (_asdict, _replace: Python functions of its class), bound to the instance
      return bindAttr(found, sup.self, owner, name);
    } else if (t === owner.valueBase && (found = baseClassMethod(owner, t, name)) !== undefined) {
      // classmethod's __get__ binds to the class, in an instance method too: super().from_bytes(...) makes the subclass's
      return found;
    } else if ((t === OBJECT_CLASS || t.isException || (name === '__new__' && !(t instanceof PyClass))) && (found = name === '__new__' ? builtinNew(t) : name === '__init_subclass__' && t === OBJECT_CLASS ? objectInitSubclass(owner) : undefined) !== undefined) {
      // a builtin type's __new__ (a static method: object's, the exceptions', dict's, ...), object's __init_subclass__ bound to the class
      return found;
    } else if (onClass) {
      // the base's __new__ (a static method: the class comes first); its other attributes as through the type, unbound
      const v = name === '__new__' && isValueBase(t) ? baseNew(t) : unboundAttr(t, name, owner, objectDunder);
      if (v !== undefined) return v;
    } else if (isValueBase(t) && isValueInstance(sup.self)) {
      // the base's __new__, __init__ and methods, on the instance as that base's value
      if (name === '__new__') return baseNew(t);
      const self = sup.self;
      // list's, set's, bytearray's and some modules' types' (deque's, property's, suppress's) fill the instance; the others' is object's, which takes no arguments once __init__ is the class's own
      if (name === '__init__') return t.name === 'list' || t.name === 'set' || t.name === 'bytearray' || (moduleBases.isBase(t) && moduleBases.init(t) !== undefined) ? new PyFunc('__init__', (args, kw) => valueInit(t, self, args, kw), 'method') : builtinInit(t, self);
      if (name === '__repr__') return new PyFunc('__repr__', () => valueRepr(self), 'method');
      // str's __str__ is its value, datetime's types' their own; the others' is object's, repr(self), the class's __repr__ included
      if (name === '__str__') return new PyFunc('__str__', () => (self instanceof PyStrBox ? self.value : moduleBases.isInstance(self) ? moduleBases.str(self) : repr(self)), 'method');
      // list's, set's and bytearray's __hash__ is None
      if (name === '__hash__' && (t.name === 'list' || t.name === 'set' || t.name === 'bytearray')) return null;
      const m = (name.startsWith('__') ? valueDunder(self, t.name, name) : undefined) ?? valueMethod(self, name);
      if (m !== undefined) return m;
      // int's, str's and float's dunders, on the value: what a subclass's own __eq__ or __add__ falls back to
      const d = t.name === 'int' || t.name === 'str' || t.name === 'float' ? baseDunder(self, t.name, name) : undefined;
      if (d !== undefined) return d;
    } else if (sup.self instanceof PyDictInstance && isDictBase(t) && !isDict(t)) {
      // Counter's, OrderedDict's or defaultdict's __init__ and methods; dict's come next in the order
      const m = dictBaseAttr(t, sup.self, name);
      if (m !== undefined) return m;
    } else if (sup.self instanceof PyDictInstance && isDict(t)) {
      // dict's methods, on the instance as a dict; its __hash__ is None
      if (name === '__init__') return new PyFunc('__init__', (args, kw) => dictInit(sup.self as PyDictInstance, args, kw), 'method');
      if (name === '__hash__') return null;
      const m = dictMethod(sup.self, name) ?? dictDunder(sup.self, name);
      if (m !== undefined) return m;
    } else if (moduleBases.isPlainBase(t)) {
      // tzinfo's utcoffset, dst, tzname and fromutc; its __init__ is object's
      const m = name === '__init__' ? builtinInit(t, sup.self) : moduleBases.plainMethod(sup.self, name);
      if (m !== undefined) return m;
    } else if (name === '__init__') {
      return builtinInit(t, sup.self);
    } else if (t.isException && sup.self instanceof PyException && (name === '__str__' || name === '__repr__')) {
      // BaseException's (and its subclasses': KeyError's, OSError's), whatever the class's
      const e = sup.self;
      return new PyFunc(name, (args, kw) => (wrapperArgs(name, args, kw, 0), name === '__str__' ? exceptionStr(e, repr, str) : baseRepr(e, repr)), 'method');
    } else if (t === OBJECT_CLASS) {
      const m = objectDunder(sup.self, name);
      if (m !== undefined) return m;
    }
  }
  // super(UserDict, self).nothing: CPython's order goes on through collections.abc's classes, which are not built
  if (basesNotBuilt(sup.cls) !== undefined) throw notPastUnbuilt(sup.cls, name);
  throw pyErr(AttributeError, `'super' object has no attribute '${name}'`);
}

const notPastUnbuilt = (cls: PyType, name: string): PyException =>
  fatalErr(UnsupportedError, `super(${cls.name}, ...).${name} is not available in conditions: it is looked up in ${basesNotBuilt(cls)}, which the evaluator does not build`);

/**
 * A builtin base's class method (or datetime's class attribute) read through the subclass cls:
 * datetime's make cls's instances, fromhex and from_bytes call cls with the base's answer, as
 * CPython's do, and maketrans is static; undefined for the base's other attributes.
 */
function baseClassMethod(cls: PyClass, base: PyType, name: string): Py | undefined {
  if (moduleBases.isBase(base)) return slotsNamed(base.name)?.methods?.has(name) === true ? undefined : moduleBases.classAttr(cls, base, name);
  const made = slotsNamed(base.name)?.classMethods?.get(name);
  if (made === undefined) return undefined;
  // meth_get__qualname__: a class method's is its class's (F.fromhex), the static maketrans's its base's
  const qualname = `${name === 'maketrans' ? base.name : cls.qualname}.${name}`;
  return noteDescriptor(new PyFunc(name, (args, kw) => {
    // fromhex is METH_O: a wrong call's words name the subclass ("B.fromhex() takes exactly one argument"); not cached, the name is the run's
    if (name === 'fromhex' && (kw !== null || args.length !== 1)) bindArgs(positionalSignature(name, 'one', 1, 1, cls.qualname), args, kw);
    return name === 'maketrans' ? made(args, kw) : callValue(cls, [made(args, kw)], null);
  }, 'method'), qualname);
}

// a builtin method called on an instance of a condition's subclass (a dict's, a deque's) words its errors with the subclass's name
setSubclassOf((self) => {
  const cls = (self as { cls?: unknown } | null)?.cls;
  return cls instanceof PyClass ? cls.qualname : undefined;
});
setClassMethodOf((cls, name) => (cls.valueBase !== null && !moduleBases.isBase(cls.valueBase) ? baseClassMethod(cls, cls.valueBase, name) : undefined));

/**
 * object's dunders, as super() reaches them past the classes that define their own: == by
 * identity (else NotImplemented), != as the inverse of type(self)'s __eq__, the orderings
 * NotImplemented, the identity hash, `<C object>`, str as repr(self), and format with no spec.
 */
export function objectDunder(self: Py, name: string): PyFunc | undefined {
  const method = (arity: number, fn: (args: Py[]) => Py) => new PyFunc(name, (args, kw) => fn(wrapperArgs(name, args, kw, arity)), 'method');
  switch (name) {
    case '__eq__':
      return method(1, ([o]) => (o === self ? true : NOT_IMPLEMENTED_VALUE));
    case '__ne__':
      return method(1, ([o]) => {
        // a builtin value's == is its type's (object_richcompare asks tp_richcompare): identity where it has none
        const own = isInstance(self) ? undefined : typeOf(self).eq;
        const r = isInstance(self) ? eqOf(self, o) : own !== undefined ? own(self, o, eq) : self === o ? true : NOT_IMPLEMENTED;
        return r === NOT_IMPLEMENTED ? NOT_IMPLEMENTED_VALUE : !truthy(r);
      });
    case '__lt__':
    case '__le__':
    case '__gt__':
    case '__ge__':
      return method(1, () => NOT_IMPLEMENTED_VALUE);
    case '__hash__':
      return self instanceof PyInstance || self instanceof PyClassException ? method(0, () => identity(self)) : undefined;
    case '__repr__':
      return method(0, () => {
        const cls = classOfInstance(self);
        return `<${cls !== null ? reprName(cls) : typeName(self)} object>`;
      });
    case '__str__':
      return method(0, () => repr(self));
    // object's attribute access, past the instance's class's hooks (attribute-hooks.ts): object.__setattr__(self, name, value)
    case '__getattribute__':
      return method(1, ([n]) => objectGetattribute(self, attributeName(n)));
    case '__setattr__':
      // wrap_setattr unpacks its two with PyArg_UnpackTuple, named "": its words start with a space
      return new PyFunc(name, (args, kw) => {
        if (kw !== null && kw.size > 0) throw typeErr(`wrapper ${name}() takes no keyword arguments`);
        if (args.length !== 2) throw typeErr(` expected 2 arguments, got ${args.length}`);
        return objectStore(self, args[0], args[1]), null;
      }, 'method');
    case '__delattr__':
      return method(1, ([n]) => (objectStore(self, n, undefined), null));
    case '__format__':
      return method(1, ([given]) => {
        // a str subclass's instance is its str
        const spec = given instanceof PyStrBox ? given.value : given;
        // _PyArg_BadArgument's words: None by name
        if (typeof spec !== 'string') throw typeErr(`__format__() argument must be str, not ${argTypeName(spec)}`);
        if (spec !== '') throw typeErr(`unsupported format string passed to ${typeName(self)}.__format__`);
        return str(self);
      });
    default:
      return undefined;
  }
}

/**
 * object.__setattr__ and __delattr__ (value undefined): not of a type, whose own (type's) they
 * would pass by, in hackcheck's words; on anything else the store itself, so a module or a
 * shared class refuses it as `x.name = v` does.
 */
function objectStore(self: Py, name: Py, v: Py | undefined): void {
  if (self instanceof PyType) throw typeErr(`can't apply this ${v === undefined ? '__delattr__' : '__setattr__'} to ${typeName(self)} object`);
  typeStore(self, name, v);
}

/** type.__setattr__ and __delattr__ (type_setattro): the store on the class itself, past its metaclass's own hooks, as object's is on an instance. */
function typeStore(self: Py, name: Py, v: Py | undefined): void {
  const n = attributeName(name);
  if (introspectedStore(self, n, v)) return;
  if (v === undefined) objectDelattr(self, n);
  else objectSetattr(self, n, v);
}

// object.__getattribute__, __setattr__ and __delattr__: unbound through any type that does not define its own (one object each, as
// `A.__setattr__ is object.__setattr__`), bound on any other value
const OBJECT_ATTRIBUTE_METHODS = new Map<string, Py | undefined>([['__getattribute__', undefined], ['__setattr__', undefined], ['__delattr__', undefined]]);
// type's own __getattribute__, __setattr__ and __delattr__ (type_getattro, type_setattro), read through type or a metaclass that defines none
const TYPE_ATTRIBUTE_METHODS = new Map<string, Py>();
// `type` itself is the one builtin type of that name (metaclass.ts, which knows it, imports this module)
const isTypeType = (t: PyType): boolean => t.name === 'type' && !(t instanceof PyClass);
const isMetaclass = (t: PyType): boolean => isTypeType(t) || (t instanceof PyClass && t.mro.some(isTypeType));
function typeAttributeMethod(name: string): Py {
  let m = TYPE_ATTRIBUTE_METHODS.get(name);
  if (m === undefined) {
    TYPE_ATTRIBUTE_METHODS.set(name, (m = slotWrapper('type', name, (self) => self instanceof PyType, (self, args, kw) => {
      if (kw !== null && kw.size > 0) throw typeErr(`wrapper ${name}() takes no keyword arguments`);
      // wrap_setattr unpacks its two with PyArg_UnpackTuple, named "": its words start with a space
      if (name === '__setattr__' && args.length !== 2) throw typeErr(` expected 2 arguments, got ${args.length}`);
      if (name !== '__setattr__' && args.length !== 1) throw typeErr(`expected 1 argument, got ${args.length}`);
      if (name === '__getattribute__') return objectGetattribute(self, attributeName(args[0]));
      return typeStore(self, args[0], name === '__setattr__' ? args[1] : undefined), null;
    })));
  }
  return m;
}
setTypeDunders((_type, name) => {
  if (!OBJECT_ATTRIBUTE_METHODS.has(name)) return undefined;
  if (isMetaclass(_type)) return typeAttributeMethod(name);
  let m = OBJECT_ATTRIBUTE_METHODS.get(name);
  if (m === undefined) {
    OBJECT_ATTRIBUTE_METHODS.set(name, (m = unboundAttr(OBJECT_CLASS, name, OBJECT_CLASS, objectDunder)));
    noteObjectWrapper(m);
  }
  return m;
});
setObjectAttrs((obj, name) => (OBJECT_ATTRIBUTE_METHODS.has(name) ? objectDunder(obj, name) : undefined));

/** The __init__ of a builtin base, as super() finds it: BaseException's keeps its arguments as args, object's takes none. */
function builtinInit(t: PyType, self: Py): PyFunc {
  return new PyFunc('__init__', (args, kw) => {
    if (self instanceof PyException) return fieldsInit(t, self, args, kw, self.type instanceof PyClass && self.type.lookup('__init__') !== undefined), null;
    // object_init: arguments are refused by the instance's class's rule (a class with a __new__ of its own and no __init__ lets them by)
    if (args.length > 0 || (kw !== null && kw.size > 0)) objectInitExcess(self);
    return null;
  }, 'method');
}

const SUPER: PyTypeSlots<PySuper> = {
  name: () => 'super',
  truthy: () => true,
  len: null,
  iter: null,
  // super_repr: the object's type's name, or NULL for an unbound one
  repr: (v) => `<super: <class '${v.cls.name}'>, ${v.self === undefined ? 'NULL' : `<${v.self instanceof PyType ? v.self.name : typeName(v.self)} object>`}>`,
  getattr: (v, name) => {
    if (v.self === undefined) throw pyErr(AttributeError, `'super' object has no attribute '${name}'`);
    return superAttr(v as PySuper & { self: Py }, name);
  },
};

const dunder = callDunder;

/** An __eq__ set on or deleted from a class after it was made: every class's hasEq is asked again, and a tuple key may now hold an instance told apart by it (keys.ts). */
function lateEq(): void {
  eqChanged();
  noteEqClass();
}

/**
 * C types' reprs written here (types.SimpleNamespace's), by their slot wrapper: an instance's repr
 * calls one as CPython calls tp_repr, not by binding the wrapper and calling that, whose frames
 * ran JavaScript's stack out at some 450 namespaces each in a list (CPython's limit: 498).
 */
const ownReprs = new Map<Py | undefined, [type: PyClass, repr: (v: PyInstance) => string]>();
export const setOwnRepr = (wrapper: Py, type: PyClass, repr: (v: PyInstance) => string): void => void ownReprs.set(wrapper, [type, repr]);

/** An instance whose slots are INSTANCE's: of a plain class, or of an exception class (whose name, attributes, repr and str are an exception's). */
type Plain = PyInstance | PyClassException;

const hasOwn = (v: Plain, name: string) => v.cls.lookup(name) !== undefined;

/**
 * What the class's __iter__ returned, checked as an iterator (a PyIterator, or an instance whose
 * class has __next__); undefined where the class has no __iter__. `__iter__ = None`: not
 * iterable, as slot_tp_iter answers a None there.
 */
function ownIterator(v: Plain): PyIterator | Plain | undefined {
  if (v.cls.lookup('__iter__') === null) throw typeErr(`'${v.cls.name}' object is not iterable`);
  const it = dunder(v, '__iter__');
  if (it === undefined || it instanceof PyIterator) return it;
  if ((it instanceof PyInstance || it instanceof PyClassException) && hasOwn(it, '__next__')) return it;
  throw typeErr(`iter() returned non-iterator of type '${typeName(it)}'`);
}

/** The identity a plain instance hashes and files by, as object's: a number per instance. */
let nextId = 1;
const identity = (v: Plain) => v.hashId || (v.hashId = nextId++);

/**
 * hash(v): __hash__ = None (which finishClass set where the class body defined __eq__ without
 * __hash__, as CPython's type_new does) makes instances unhashable. __hash__ is looked up
 * once: a set of instances hashes each twice (its key, then its slot).
 */
const userHash = (v: Plain): bigint | number => hashBy(v, v.cls.lookup('__hash__'));

function hashBy(v: Plain, fn: Py | undefined): bigint | number {
  if (fn === null) throw typeErr(`unhashable type: '${v.cls.name}'`);
  // a number, not a BigInt: a set of instances hashes each twice
  if (fn === undefined) return identity(v);
  const answer = callValue(bindAttr(fn, v, v.cls, '__hash__'), [], null);
  // an int subclass's instance is an int (PyLong_Check)
  const h = answer instanceof PyIntBox ? answer.value : answer;
  if (typeof h !== 'number' && typeof h !== 'boolean' && typeof h !== 'bigint') throw typeErr('__hash__ method should return an integer');
  // slot_tp_hash: an int within Py_hash_t is the hash as it is (so that hash(x) == hash(y) where
  // __hash__ returns hash(y)), -1 but -2; only a larger one is reduced as hash(int) reduces it
  const n = typeof h === 'boolean' ? (h ? 1 : 0) : h;
  if (typeof n === 'number') return n === -1 ? -2 : n;
  return n >= -(1n << 63n) && n < 1n << 63n ? (n === -1n ? -2n : n) : pyHashBig(n);
}

/**
 * The run's instances with __eq__, by hash: in each list, the first of every group that
 * __eq__ finds equal. Two instances whose hashes agree are one dict key or set member only
 * when __eq__ says so, as CPython's dict compares a key with those its hash meets (here
 * with every earlier one of that hash: __eq__ is taken to be an equivalence). Each
 * comparison is a call of the condition's __eq__, paid as one.
 */
const byHash = new Map<bigint, Plain[]>();
let byHashRun = -1;

function equalityKey(v: Plain, h: bigint): string {
  if (byHashRun !== runNumber()) {
    byHash.clear();
    byHashRun = runNumber();
  }
  let group = byHash.get(h);
  if (group === undefined) byHash.set(h, (group = []));
  let i = 0;
  // the key filed first is asked, as a dict asks its stored key: stored == new
  while (i < group.length && group[i] !== v && !eqOperator(group[i], v)) i++;
  if (i === group.length) group.push(v);
  return `\u0000instance#${h}#${i}`;
}

// dicts and sets tell apart the keys of one hash by their classes' __eq__ (dict-probe.ts)
setEqKeys((v) => isInstance(v) && v.cls.hasEq, eqOperator);

/** The slots of an instance of a plain class: each asks the class's dunder method, or answers as object does. */
export const INSTANCE: PyTypeSlots<Plain> = {
  name: (v) => v.cls.name,
  truthy: (v) => {
    const b = dunder(v, '__bool__');
    if (b === undefined) return hasOwn(v, '__len__') ? instanceLen(v) !== 0 : true;
    if (typeof b !== 'boolean') throw typeErr(`__bool__ should return bool, returned ${typeName(b)}`);
    return b;
  },
  len: instanceLen,
  iter: (v) => {
    const it = ownIterator(v);
    if (it === undefined) {
      if (hasOwn(v, '__getitem__')) return indexLoop(v);
      throw typeErr(`'${v.cls.name}' object is not iterable`);
    }
    return it instanceof PyIterator ? { [Symbol.iterator]: () => it.it } : nextLoop(it);
  },
  // iter(v) itself: what __iter__ returned (a generator, a list_iterator), as CPython's iter() answers it
  iterator: ownIterator,
  repr: (v) => {
    const own = ownReprs.get(v.cls.lookup('__repr__'));
    // another class's instance (`__repr__ = types.SimpleNamespace.__repr__`) is the wrapper's TypeError, by the call below
    if (own !== undefined && v instanceof PyInstance && v.cls.isSubclassOf(own[0])) {
      // the call's step, as callValue charges it
      step();
      return own[1](v);
    }
    const s = dunder(v, '__repr__');
    // object's repr shows the address, which differs in every process: shown without it, as functions are
    return s === undefined ? `<${reprName(v.cls)} object>` : stringResult(s, '__repr__');
  },
  str: (v, repr) => {
    const s = dunder(v, '__str__');
    return s === undefined ? repr(v) : stringResult(s, '__str__');
  },
  hash: userHash,
  index: (v) => {
    const n = dunder(v, '__index__');
    if (n === undefined || typeof n === 'number' || typeof n === 'bigint') return n;
    if (typeof n === 'boolean') return n ? 1 : 0;
    // an int subclass's instance is an int (CPython warns that this is deprecated, and takes it)
    if (n instanceof PyIntBox) return n.value;
    throw typeErr(`__index__ returned non-int (type ${typeName(n)})`);
  },
  // without __eq__ instances are equal only to themselves, whatever __hash__ says: filed by identity (after
  // __hash__ ran, as CPython runs it); with it, by their hash and __eq__
  // object's hash is the identity, which no other instance shares: filed by identity, whatever __eq__ (set late) says
  key: (v) => {
    const fn = v.cls.lookup('__hash__');
    const h = hashBy(v, fn);
    return fn !== undefined && hasOwn(v, '__eq__') ? equalityKey(v, BigInt(h)) : v;
  },
  eq: (a, b) => {
    const r = richEquality(a, b, false);
    return r === NOT_IMPLEMENTED ? r : truthy(r);
  },
  richEq: richEquality,
  richOrder,
  nb: INSTANCE_NB,
  unary: INSTANCE_UNARY,
  formatsEmpty: true,
  format: (v, spec) => {
    const s = dunder(v, '__format__', [spec]);
    // object.__format__, a C method CPython counts toward its recursion limit: str(v), and no spec
    if (s === undefined && spec === '') return countedCall(() => str(v));
    if (s === undefined) throw typeErr(`unsupported format string passed to ${v.cls.name}.__format__`);
    if (s instanceof PyStrBox) return s.value;
    if (typeof s !== 'string') throw typeErr(`__format__ must return a str, not ${typeName(s)}`);
    return s;
  },
  getitem: (v, key) => {
    const r = dunder(v, '__getitem__', [key]);
    if (r === undefined) throw typeErr(`'${v.cls.name}' object is not subscriptable`);
    return r;
  },
  // one slot for both (slot_mp_ass_subscript): a class with either method lacks the other by its name
  setitem: (v, key, value) => {
    if (dunder(v, '__setitem__', [key, value]) !== undefined) return;
    if (hasOwn(v, '__delitem__')) throw pyErr(AttributeError, '__setitem__');
    throw typeErr(`'${v.cls.name}' object does not support item assignment`);
  },
  delitem: (v, key) => {
    if (dunder(v, '__delitem__', [key]) !== undefined) return;
    if (hasOwn(v, '__setitem__')) throw pyErr(AttributeError, '__delitem__');
    throw notDeletable(v, key);
  },
  call: (v, args, kw) => {
    const fn = v.cls.lookup('__call__');
    if (fn === undefined) throw typeErr(`'${v.cls.name}' object is not callable`);
    return callValue(bindAttr(fn, v, v.cls, '__call__'), args, kw);
  },
  contains: (v, item, eq) => {
    const r = dunder(v, '__contains__', [item]);
    if (r !== undefined) return truthy(r);
    if (!hasOwn(v, '__iter__') && !hasOwn(v, '__getitem__')) throw typeErr(`argument of type '${v.cls.name}' is not iterable`);
    // no __contains__: a walk of __iter__ with ==, as CPython's
    for (const x of INSTANCE.iter!(v)) {
      step();
      if (x === item || eq(x, item)) return true;
    }
    return false;
  },
  // a tzinfo subclass's instance has tzinfo's methods after its class's
  getattr: withAttrHooks((v, name) => {
    const attr = instanceAttr(v.cls, v.dict, v, name);
    return attr !== undefined ? attr : moduleBases.plainMethod(v, name);
  }),
};

function instanceLen(v: Plain): number {
  return Number(lenOfInstance(v));
}

/** len() of an instance, exact: a length past 2**53 is a BigInt, as any such int. */
export function lenOfInstance(v: Plain): Int {
  const answer = dunder(v, '__len__');
  if (answer === undefined) throw typeErr(`object of type '${v.cls.name}' has no len()`);
  // an int subclass's instance is an int (PyLong_Check)
  const n = answer instanceof PyIntBox ? answer.value : answer;
  if (typeof n === 'boolean') return n ? 1 : 0;
  if (typeof n !== 'number' && typeof n !== 'bigint') throw typeErr(`'${typeName(n)}' object cannot be interpreted as an integer`);
  // slot_sq_length: the sign first, then the size
  if (n < 0) throw valueErr('__len__() should return >= 0');
  indexSized(n, OverflowError, typeName(answer));
  return n;
}

/** Iteration by __next__ until it raises StopIteration: a step a value, so a __next__ that never stops meets the step limit. */
function* nextLoop(it: Plain): Generator<Py> {
  for (;;) {
    let x: Py;
    try {
      x = dunder(it, '__next__');
    } catch (e) {
      if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(StopIteration)) return;
      throw e;
    }
    yield x;
  }
}

/** The old sequence protocol: __getitem__(0), (1), ... until IndexError or StopIteration, a step a value. */
function* indexLoop(v: Plain): Generator<Py> {
  for (let i = 0; ; i++) {
    let x: Py;
    try {
      x = dunder(v, '__getitem__', [i]);
    } catch (e) {
      if (e instanceof PyException && !e.fatal && (e.type.isSubclassOf(IndexError) || e.type.isSubclassOf(StopIteration))) return;
      throw e;
    }
    yield x;
  }
}

/**
 * A condition's class as a value: `<class 'Point'>`, as type_repr prints a class of the module
 * 'builtins' (the envelope's globals have no `__name__`), by its name; a module's class by its
 * module and qualified name. Its attributes are its class attributes and methods, unbound.
 */
export const CLASS: PyTypeSlots<PyClass> = {
  name: () => 'type',
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => (v === OBJECT_CLASS ? "<class 'object'>" : `<class '${reprName(v)}'>`),
  // A[x]: its __class_getitem__ (class-getitem.ts)
  getitem: classGetitem,
  getattr: (v, name) => {
    if (name === '__qualname__') return v.qualname;
    // a copy a read, paid for as any list built: 1,000 classes deep is 1,000 items
    if (name === '__mro__') return new PyTuple(typeMro(v));
    const attr = v.lookup(name);
    // type.mro(), unless the class names an attribute so (a metaclass's is type's, unbound)
    if (attr === undefined && name === 'mro') return (v.valueBase !== null && moduleBases.isBase(v.valueBase) ? moduleBases.classAttr(v, v.valueBase, name) : undefined) ?? mroMethod(v);
    // the base's class methods, through a subclass, before its methods (float's fromhex is both)
    const classMethod = attr === undefined && v.valueBase !== null && !moduleBases.isBase(v.valueBase) ? baseClassMethod(v, v.valueBase, name) : undefined;
    if (classMethod !== undefined) return classMethod;
    // the base's methods, unbound, through a subclass of list, tuple or set: L.append
    if (attr === undefined && v.valueBase !== null && slotsNamed(v.valueBase.name)?.methods?.has(name) === true) return getattr(v.valueBase, name);
    // datetime's class methods and constants, through a subclass: today() makes an instance of it
    if (attr === undefined && v.valueBase !== null && moduleBases.isBase(v.valueBase)) return moduleBases.classAttr(v, v.valueBase, name);
    // Counter's, OrderedDict's or defaultdict's, through their subclass
    const fromBase = attr === undefined && v.dictBased ? dictBaseClassAttr(v, name) : undefined;
    if (fromBase !== undefined) return fromBase;
    // dict's classmethod, through a dict subclass: cls() (its __init__ with no arguments), then the keys
    if (attr === undefined && name === 'fromkeys' && v.dictBased) return noteDescriptor(new PyFunc('fromkeys', (args, kw) => {
      const [keys, value = null] = clinic('fromkeys', args, kw, 1, 2);
      return fromKeys(callValue(v, [], null) as PyDict, keys, value);
    }, 'method'), `${v.qualname}.fromkeys`);
    return attr === undefined ? undefined : classAttr(attr, v, name);
  },
};

registerType(PyInstance, INSTANCE);
registerType(PyClassException, { ...INSTANCE, name: EXCEPTION.name, getattr: withAttrHooks<PyClassException>(EXCEPTION.getattr!), repr: EXCEPTION.repr, str: EXCEPTION.str });
registerType(PyClass, CLASS);
registerType(PySuper, SUPER);
