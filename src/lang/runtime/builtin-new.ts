/**
 * The builtin types' __new__, as `T.__new__` and super().__new__ reach them: object's, the
 * exceptions' and the value bases', each checked first as CPython's tp_new_wrapper checks its
 * arguments (a type, a subtype of T, and one whose instances T's __new__ may make).
 */
import { abstractSeen, checkAbstract } from './abstract-check.js';
import { isValueBase, moduleBases, valueNew } from './builtin-subclass.js';
import { PyClass, PyClassException, PyDictInstance, PyInstance } from './class-values.js';
import { copyFields, fieldsNew, hasFields } from './exception-fields.js';
import { typeErr } from './exceptions.js';
import { mroOf, OBJECT_CLASS } from './object-class.js';
import { PyException, PyFunc, PyType, typeName, type Py } from './values.js';

/** Whether a class has a __new__ of a condition's, its own or inherited (CPython's slot_tp_new). */
const ownNew = (t: PyType): boolean => t instanceof PyClass && t !== OBJECT_CLASS && t.hasNew;

/**
 * The builtin type whose __new__ makes t's instances (its tp_new): the first builtin type of
 * its order, object for a plain class. The builtin exceptions share BaseException's, but for
 * OSError's and BaseExceptionGroup's own.
 */
function newOwner(t: PyType): PyType {
  const b = mroOf(t).find((x) => !(x instanceof PyClass) || x === OBJECT_CLASS) ?? OBJECT_CLASS;
  if (sharesDictNew(b)) return dictOf(b);
  if (!b.isException) return b;
  let own: PyType = b;
  while (own.base !== null && own.name !== 'OSError' && own.name !== 'BaseExceptionGroup') own = own.base;
  return own;
}

/** Whether a type's instances are those object.__init__ passes by with arguments: it has an __init__ of its own or a builtin base's. */
export const initIsObjects = (t: PyType): boolean => newOwner(t) === OBJECT_CLASS && (!(t instanceof PyClass) || t.lookup('__init__') === undefined);

/**
 * tp_new_wrapper's checks of `T.__new__(subtype, ...)`: a type, a subtype of T, and safe: the
 * first of its classes with no __new__ of a condition's (its staticbase) is made by T's own.
 */
function checkedSubtype(t: PyType, args: Py[]): PyType {
  if (args.length === 0) throw typeErr(`${t.name}.__new__(): not enough arguments`);
  const sub = args[0];
  if (!(sub instanceof PyType)) throw typeErr(`${t.name}.__new__(X): X is not a type object (${typeName(sub)})`);
  if (!mroOf(sub).includes(t)) throw typeErr(`${t.name}.__new__(${sub.name}): ${sub.name} is not a subtype of ${t.name}`);
  const staticBase = mroOf(sub).find((x) => !ownNew(x))!;
  if (newOwner(staticBase) !== newOwner(t)) throw typeErr(`${t.name}.__new__(${sub.name}) is not safe, use ${staticBase.name}.__new__()`);
  return sub;
}

/**
 * object.__new__(cls, ...): a bare instance. Arguments beyond the class are refused as
 * object_new refuses them: where cls has a __new__ of its own (object's words), or no
 * __init__ either (its own: `A() takes no arguments`).
 */
export const OBJECT_NEW = new PyFunc('__new__', (args, kw) => {
  const cls = checkedSubtype(OBJECT_CLASS, args);
  if (args.length > 1 || (kw !== null && kw.size > 0)) {
    if (ownNew(cls)) throw typeErr('object.__new__() takes exactly one argument (the type to instantiate)');
    if (initIsObjects(cls)) throw typeErr(`${cls.name}() takes no arguments`);
  }
  if (abstractSeen && (cls as PyClass).attrs.has('__abstractmethods__')) checkAbstract(cls as PyClass);
  return new PyInstance(cls as PyClass);
}, 'builtin');

/**
 * BaseException.__new__ (OSError's, a group's) of cls: an instance that keeps every argument as
 * args, whatever __init__ does; the builtin base words them (OSError's errno and strerror) and
 * checks them (ExceptionGroup's).
 */
export function exceptionOf(cls: PyClass, args: Py[], kw: Map<string, Py> | null): PyException {
  // the nearest builtin exception in its order makes it (KeyError's str of E(KeyError, ValueError))
  const base = cls.mro.find((t) => !(t instanceof PyClass) && t.isException)!;
  if (hasFields(base)) {
    // BaseException_new keeps the arguments; OSError_new parses them too, unless the class has its own __init__
    const e = new PyClassException(cls, args);
    fieldsNew(e, cls.lookup('__init__') !== undefined, kw);
    return e;
  }
  const made = base.fn(args, null) as PyException;
  const e = new PyClassException(cls, made.args, made.text);
  copyFields(made, e);
  return e;
}

/** A builtin exception type's __new__: of one of its builtin subclasses, that type's instance (BaseException_new takes no keywords to heart). */
function exceptionNew(t: PyType): PyFunc {
  return new PyFunc('__new__', (args, kw) => {
    const cls = checkedSubtype(t, args);
    return cls instanceof PyClass ? exceptionOf(cls, args.slice(1), kw) : cls.fn(args.slice(1), null);
  }, 'builtin');
}

/** The __new__ a module's type defines as a Python function (a namedtuple's `__new__(_cls, x, y)`), filed as the type is made. */
const OWN_NEW = new WeakMap<PyType, PyFunc>();
export const fileTypeNew = (t: PyType, f: PyFunc): void => void OWN_NEW.set(t, f);

/** base.__new__ as super().__new__ reaches it: its first argument the class to make, a subclass of base. */
export function baseNew(base: PyType): PyFunc {
  return OWN_NEW.get(base) ?? valueBaseNew(base);
}

/** A value base's own tuple.__new__-like __new__ (a builtin): the class to make first. */
function valueBaseNew(base: PyType): PyFunc {
  return new PyFunc('__new__', (args, kw) => {
    const cls = args[0];
    const rest = args.slice(1);
    if (cls === undefined) throw typeErr(`${base.name}.__new__(): not enough arguments`);
    if (cls === base) return base.fn(rest, kw);
    if (!(cls instanceof PyType)) throw typeErr(`${base.name}.__new__(X): X is not a type object (${typeName(cls)})`);
    if (!(cls instanceof PyClass) || !cls.isSubclassOf(base)) throw typeErr(`${base.name}.__new__(${cls.name}): ${cls.name} is not a subtype of ${base.name}`);
    return valueNew(base, cls, rest, kw);
  }, 'builtin');
}

/** The builtin types whose __new__ is dict_new: dict, and its library subclasses (`OrderedDict.__new__ is dict.__new__`). */
const DICT_NEW = new Set(['dict', 'collections.OrderedDict', 'collections.defaultdict', 'Counter']);
const sharesDictNew = (t: PyType): boolean => !(t instanceof PyClass) && !t.isException && DICT_NEW.has(t.name);
const dictOf = (t: PyType): PyType => mroOf(t).find((x) => x.name === 'dict' && !(x instanceof PyClass))!;

/** dict_new: an empty dict of the subtype, whatever the other arguments; __init__ fills it. One object, as CPython's. */
let dictNew: PyFunc | undefined;
function dictNewOf(t: PyType): PyFunc {
  const dict = dictOf(t);
  return (dictNew ??= new PyFunc('__new__', (args) => {
    const cls = checkedSubtype(dict, args);
    return cls instanceof PyClass ? new PyDictInstance(cls) : cls.fn([], null);
  }, 'builtin'));
}

/** tzinfo's PyType_GenericNew: a bare instance, whatever the arguments. */
function genericNew(t: PyType): PyFunc {
  return new PyFunc('__new__', (args) => {
    const cls = checkedSubtype(t, args);
    return cls instanceof PyClass ? new PyInstance(cls) : cls.fn([], null);
  }, 'builtin');
}

/** The __new__ of a builtin type t (object, an exception, a value base, dict's and tzinfo's), or undefined for the types a class may not derive from. */
export function builtinNew(t: PyType): PyFunc | undefined {
  if (t === OBJECT_CLASS) return OBJECT_NEW;
  if (t instanceof PyClass) return undefined;
  if (isValueBase(t)) return baseNew(t);
  if (sharesDictNew(t)) return dictNewOf(t);
  if (moduleBases.isPlainBase(t)) return genericNew(t);
  return t.isException ? exceptionNew(t) : undefined;
}

