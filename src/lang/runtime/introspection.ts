import { hasOwnAttrs, ownTable } from './own-attrs.js';
import type { Stmt } from '../ast.js';
import { descriptorStoreError, PySlotWrapper } from './slot-wrapper.js';
import { propertyDoc, PyProperty, setGetterDoc } from './descriptors.js';
import { MODULE_TYPES } from './module-types.js';
import { INTROSPECTION_DUNDERS } from '../dunders.js';
import { allocEntries, allocItems, step } from './budget.js';
import { hookedStore, introspectedRead, setIntrospection } from './attribute-hooks.js';
import { classOfInstance, layoutOf, OBJECT_CLASS, objectDelattr, objectSetattr, PyClass, PyInstance, setReprName } from './classes.js';
import { PyClassOfMeta } from './class-values.js';
import { setInstanceDict } from './instance-dict.js';
import { slotDescriptors, withoutDict } from './slots.js';
import { AttributeError, attrErr, fatalErr, missingAttr, pyErr, PyTypeOfBases, typeErr, UnsupportedError } from './exceptions.js';
import { PyGetSetDescriptor, PyMappingProxy } from './mappingproxy.js';
import { mroOf, refuseAbcOrder, writtenBases } from './object-class.js';
import { annotationsDict, annotationsUnknown, setAnnotations } from './function-annotations.js';
import { PyRunClassType } from './modules/class-type.js';
import { isRunClass, subclassesOf } from './subclasses.js';
import { definedInPython, isRunDef, sharedObjectRefusal } from './shared-objects.js';
import { defDict, dictToSet, moduleOfFunction, setDefDict, setMethodTypeOf } from './method-attributes.js';
import { setAttributesTypeOf } from './attributes.js';
import { declaredDefaults, readDefaults, setDefaults } from './def-defaults.js';
import { isBoundMethod, type PyBoundMethod, PyDict, setCheckLongStore, PyException, PyFunc, PyModule, PyTuple, PyType, typeName, type Py } from './values.js';
import { checkName } from './attribute-names.js';

/**
 * The introspection dunders a condition may read (INTROSPECTION_DUNDERS, readable): a value's class, an
 * instance's or class's namespace, a class's or function's docstring and module, a class's
 * bases and subclasses, a function's defaults. Each reaches only what the condition could
 * name already, or a copy: a class's namespace is a read-only proxy of a dict of its own, a
 * builtin type lists no subclasses (they would be other conditions' classes), and nothing
 * CPython reads from its own workings (docstrings of builtins, code objects, globals) is given.
 * The compiler sends these names here (compile/expressions.ts), so other attributes pay nothing.
 */
export const INTROSPECTED: ReadonlySet<string> = new Set(INTROSPECTION_DUNDERS);

/** type(v), and the builtins by name, as builtins.ts has them (it reaches this module through getattr): set there. */
let classOf: (v: Py) => PyType = () => {
  throw new Error('introspection.ts: builtins.ts has not set type()');
};
let builtins: ReadonlyMap<string, Py> = new Map();
export function setBuiltins(typeOf: (v: Py) => PyType, table: ReadonlyMap<string, Py>): void {
  classOf = typeOf;
  setMethodTypeOf(typeOf);
  setAttributesTypeOf(typeOf);
  builtins = table;
}

/** A builtin by its name (round, reversed), as builtins.ts has it: for the modules below builtins.ts. */
export const builtinNamed = (name: string): Py | undefined => builtins.get(name);

/** A body's docstring: its first statement, when that is a string literal, as CPython takes it; else null. */
export function docstring(body: readonly Stmt[]): string | null {
  const first = body[0];
  return first !== undefined && first.k === 'Expr' && first.value.k === 'Const' && typeof first.value.v === 'string' ? first.value.v : null;
}

/** The docstrings of a condition's classes and functions, for those that have one (the others' is None). */
const DOCS = new WeakMap<object, string | null>();
export const noteDoc = (o: object, doc: string | null): void => void DOCS.set(o, doc);
/**
 * A class type() made of a dict: the name its `__module__` and `__doc__` came after there ('' for
 * first; `__module__` where the dict had none, after its last name, as type_new appends it), where
 * its namespace shows them.
 */
const PLACES = new WeakMap<object, { module: string | null; doc: string }>();
/** A class type() made of a condition's dict without `__module__`, none set since: its namespace has none. */
const moduleless = (cls: PyClass): boolean => PLACES.get(cls)?.module === null && setOn(cls, '__module__') === undefined;
export function notePlaces(cls: PyClass, module: string | null, doc: string): void {
  PLACES.set(cls, { module, doc });
}
/** What the evaluator does not give, where CPython would: an UnsupportedError that no `except` catches, as for a module's attribute. */
const notBuilt = (what: string, why: string): PyException => fatalErr(UnsupportedError, `${what} is not available in conditions: ${why}`);

/** `obj.name` for a name of INTROSPECTED: through the instance's class's __getattribute__ and __getattr__ where it has them. */
export function introspect(obj: Py, name: string): Py {
  const cls = classOfInstance(obj);
  return cls === null ? plainIntrospect(obj, name) : introspectedRead(obj, cls, name, plainIntrospect);
}

/** object.__getattribute__'s answer for a name of INTROSPECTED. */
function plainIntrospect(obj: Py, name: string): Py {
  switch (name) {
    case '__class__':
      return classOf(obj);
    case '__dict__':
      return namespace(obj);
    case '__doc__':
    case '__module__':
      // a bound method's are its function's (method_get_doc, method_getattro)
      if (isBoundMethod(obj) && obj.boundFunc !== undefined) return introspect(obj.boundFunc, name);
      // a partial's own (its __dict__'s, which update_wrapper fills), found before its type's: the type's module is functools
      if (isPartial(obj) && obj.attrs?.get(name) !== undefined) return obj.attrs.get(name)!;
      if (isPartial(obj) && name === '__module__') return 'functools';
      return name === '__doc__' ? docOf(obj) : moduleOf(obj);
    case '__bases__':
      if (!(obj instanceof PyType)) throw attrErr(obj, name);
      refuseAbcOrder(obj, name);
      return new PyTuple(basesOf(obj));
    case '__base__':
      if (!(obj instanceof PyType)) throw attrErr(obj, name);
      refuseAbcOrder(obj, name);
      return baseOf(obj);
    case '__subclasses__':
      if (!(obj instanceof PyType)) throw attrErr(obj, name);
      return subclassesMethod(obj);
    case '__annotations__':
      return annotationsOfValue(obj);
    default:
      return defaultsOf(obj, name);
  }
}

/**
 * `__annotations__`: a def's dict (func_get_annotations); a condition's class's own entry, made
 * `{}` and filed in its namespace where its body annotated nothing (type_get_annotations, which
 * never reads a base's); an instance's own or its class order's entry, as any attribute.
 */
export function annotationsOfValue(obj: Py): Py {
  if (isDef(obj) && annotationsUnknown(obj)) throw notBuilt(`'${obj.name}.__annotations__'`, 'functools.wraps copied them from a bound method, which does not keep its function in the evaluator');
  if (isDef(obj)) return annotationsDict(obj);
  if (obj instanceof PyClass && isRunClass(obj)) {
    const own = obj.attrs.get('__annotations__');
    if (own !== undefined) return own;
    const d = new PyDict();
    objectSetattr(obj, '__annotations__', d);
    return d;
  }
  // a namedtuple's type made by typing.NamedTuple keeps its own
  const kept = obj instanceof PyRunClassType ? obj.attrs.get('__annotations__') : undefined;
  if (kept !== undefined) return kept;
  if (obj instanceof PyType) throw missingAttr(`type object '${obj instanceof PyClass ? obj.shownName : obj.name}' has no attribute '__annotations__'`, '__annotations__', obj);
  // method_getattro: a bound method's is its function's; a builtin method has none
  if (isBoundMethod(obj)) return boundFunctionAttr(obj, '__annotations__');
  if (obj instanceof PyFunc && obj.kind === 'method') throw notBuilt("'__annotations__' of a bound method", 'a bound method does not keep its function in the evaluator');
  if (obj instanceof PyModule) throw notBuilt(`'${obj.name}.__annotations__'`, "a module's namespace is shared by every condition");
  const cls = classOfInstance(obj);
  if (cls !== null) {
    const own = instanceOwn(obj, '__annotations__');
    if (own !== undefined) return own;
    const found = cls.lookup('__annotations__');
    if (found !== undefined) return found;
  }
  throw attrErr(obj, '__annotations__');
}

/** `f.__annotations__ = v` on a def: a dict, or None (and `del`) for none (func_set_annotations). */
function setDefAnnotations(fn: PyFunc, v: Py | undefined): void {
  step();
  if (v !== undefined && v !== null && !(v instanceof PyDict)) throw typeErr('__annotations__ must be set to a dict object');
  setAnnotations(fn, v ?? null);
}

/** An instance's own attribute of a name its class's namespace holds too (`__doc__`, `__module__`): found first, as CPython's non-data entries are. */
const instanceOwn = (obj: Py, name: string): Py | undefined => (obj as { dict: Map<string, Py> | null }).dict?.get(name);
/** The instance's own value (None included), else its class's. */
const orClass = (own: Py | undefined, ofClass: () => Py): Py => (own !== undefined ? own : ofClass());

/** `__dict__`: an instance's attributes as a dict that is them, a condition's class's as a mappingproxy. */
function namespace(obj: Py): Py {
  if (obj instanceof PyClass) {
    if (!isRunClass(obj)) throw notBuilt(`'${obj.shownName}.__dict__'`, obj === OBJECT_CLASS ? "object's attributes are not objects of the evaluator" : "a module's classes are shared by every condition");
    return new PyMappingProxy(classNamespace(obj));
  }
  if (obj instanceof PyType) throw notBuilt(`'${obj.name}.__dict__'`, "a builtin type's attributes are not objects of the evaluator");
  // a def's attributes (what is set on it); a module's function is shared by every condition
  if (isRunDef(obj)) return defDict(obj);
  if (isBoundMethod(obj) && obj.boundFunc !== undefined && isRunDef(obj.boundFunc)) return defDict(obj.boundFunc);
  // a partial's attributes (pto->dict, made at the first read, after which partial() no longer takes it apart)
  if (isPartial(obj)) return liveDict((obj.attrs ??= new Map()));
  if (obj instanceof PyFunc && !(obj instanceof PyType) && sharedObjectRefusal(obj, '__dict__') !== undefined) throw notBuilt(`'${obj.name}.__dict__'`, "a module's functions are shared by every condition");
  if (obj instanceof PyFunc && obj.kind === 'function') throw notBuilt(`'${obj.name}.__dict__'`, "this wrapper's attributes are not kept as CPython's are");
  if (obj instanceof PyModule) throw notBuilt(`'${obj.name}.__dict__'`, "a module's namespace is shared by every condition, and CPython's holds __builtins__, __loader__ and __spec__, which reach the host");
  const cls = classOfInstance(obj);
  if (cls !== null) {
    // `__slots__ = ()` through the class's order leaves its instances none, but an exception's (BaseException has one)
    if (cls === OBJECT_CLASS || (!cls.isException && withoutDict(cls))) throw attrErr(obj, '__dict__');
    return liveDict((obj as { dict: Map<string, Py> }).dict);
  }
  // a builtin exception's instance has a __dict__ too (e = KeyError(); e.note = 1)
  if (obj instanceof PyException) return liveDict((obj.dict ??= new Map()));
  // a Counter's, an OrderedDict's, a ChainMap's (Python classes of Lib/collections)
  if (hasOwnAttrs(obj)) return liveDict(ownTable(obj));
  throw attrErr(obj, '__dict__');
}

/** The dict that is an instance's attributes: one per table, so that a key it files in a way of its own (1.0 for 1) is found again. */
const LIVE = new WeakMap<Map<string, Py>, PyDict>();
export function liveDict(attrs: Map<string, Py>): PyDict {
  let d = LIVE.get(attrs);
  if (d === undefined) LIVE.set(attrs, (d = new PyDict(attrs)));
  return d;
}

// an instance's names are filed as they are, not by a long str's digest as a dict's keys
setCheckLongStore((d, key) => {
  if (LIVE.get(d.m as Map<string, Py>) === d) checkName(key);
});

/**
 * A condition's class's namespace as type_new leaves it: `__module__` first, the docstring,
 * the body's names, then the `__dict__` and `__weakref__` its instances gain (where no base
 * gave them), then `__doc__` None where the body had no docstring. A copy: the proxy
 * over it writes nothing back.
 */
export function classNamespace(cls: PyClass): PyDict {
  // a copy a read, paid for as any dict built: a class of 50,000 attributes is 50,000 entries
  allocEntries(cls.attrs.size + 4);
  const d = new PyDict();
  // a class statement's `__module__` comes first, then its docstring; type()'s where its dict had them
  const places = PLACES.get(cls);
  const doc = DOCS.get(cls);
  let moduleSet = false;
  let docSet = doc === undefined;
  const setModule = () => ((moduleSet = true), d.set('__module__', orClass(setOn(cls, '__module__'), () => CONDITION_MODULE)));
  const setDoc = () => ((docSet = true), d.set('__doc__', orClass(setOn(cls, '__doc__'), () => doc!)));
  // a class statement's body sets up `__annotations__` before it stores its docstring
  const docAfter = places?.doc ?? (cls.attrs.keys().next().value === '__annotations__' && cls.bodyNames?.has('__annotations__') ? '__annotations__' : '__module__');
  const place = (after: string) => {
    if (!moduleSet && (places === undefined ? '' : places.module) === after) setModule();
    if (!docSet && docAfter === after) setDoc();
  };
  place('');
  if (moduleSet) place('__module__');
  // type_new's own come after the body's names, before what was set later (its __hash__ = None, a decorator's)
  const body = cls.bodyNames;
  let added = false;
  for (const [k, v] of cls.attrs) {
    if (k === '__module__' || k === '__doc__') continue;
    if (!added && body !== null && !body.has(k)) {
      // a name type() placed them after that is gone since: where it was
      if (!moduleSet && places?.module !== null) setModule();
      if (!docSet) setDoc();
      added = typeNewNames(cls, d, doc);
    }
    d.set(k, v);
    place(k);
    if (k === places?.module) place('__module__');
  }
  // type() of a dict without `__module__` where the caller's globals have no `__name__` (a condition's) stores none
  if (!moduleSet && places?.module !== null) setModule();
  if (!docSet) setDoc();
  if (!added) typeNewNames(cls, d, doc);
  return d;
}

/** The `__dict__` and `__weakref__` type_new adds where the class names no __slots__ and its best base's instances lack them, then `__doc__` None where the body had no docstring. */
function typeNewNames(cls: PyClass, d: PyDict, doc: Py | undefined): true {
  const base = baseOf(cls) as PyType;
  // a class with __slots__ of its own: where they name them (type_new_descriptors)
  const slotted = cls.attrs.has('__slots__');
  const named = slotDescriptors(cls);
  if (slotted ? named.dict : !withoutDict(cls) && !mroOf(base).some(givesDict)) d.set('__dict__', descriptor(cls, '__dict__'));
  if (slotted ? named.weak : !withoutDict(cls) && !mroOf(base).some(givesWeakref)) d.set('__weakref__', descriptor(cls, '__weakref__'));
  if (doc === undefined) d.set('__doc__', orClass(setOn(cls, '__doc__'), () => null));
  return true;
}

/** A class's getset_descriptor of this name, one a class as in CPython (`C.__dict__['__dict__'] is C.__dict__['__dict__']`). */
const DESCRIPTORS = new WeakMap<PyClass, Map<string, PyGetSetDescriptor>>();
function descriptor(cls: PyClass, name: string): PyGetSetDescriptor {
  let own = DESCRIPTORS.get(cls);
  if (own === undefined) DESCRIPTORS.set(cls, (own = new Map()));
  let d = own.get(name);
  if (d === undefined) own.set(name, (d = new PyGetSetDescriptor(name, cls.name)));
  return d;
}

/** Whether a base's instances have a __dict__ already: a condition's class's (but for `__slots__ = ()`), an exception's, these builtin and module types'. */
const givesDict = (t: PyType): boolean => (t instanceof PyClass ? t !== OBJECT_CLASS && !t.attrs.has('__slots__') : t.isException || WITH_DICT.has(t.name));
/** The types CPython's library writes in Python, whose instances have both already. */
const IN_PYTHON = ['Counter', 'contextlib.suppress', 'contextlib.nullcontext'];
const WITH_DICT = new Set(['type', 'functools.partial', 'collections.OrderedDict', 'staticmethod', 'classmethod', ...IN_PYTHON]);

/**
 * Whether a base's instances take weak references already, or never may (type_new adds
 * `__weakref__` only over a base of fixed size without it): a condition's class's (but for
 * `__slots__ = ()`), and these builtin and module types'.
 */
const givesWeakref = (t: PyType): boolean => (t instanceof PyClass ? t !== OBJECT_CLASS && !t.cType && !t.attrs.has('__slots__') : WEAKREF_OR_SIZED.has(t.name));
const WEAKREF_OR_SIZED = new Set(['set', 'frozenset', 'type', 'collections.deque', 'collections.OrderedDict', 'functools.partial', 'int', 'tuple', 'bytes', ...IN_PYTHON]);

/** The functions whose `__doc__` update_wrapper copied from one of CPython's objects, which the evaluator does not carry. */
const DOC_UNKNOWN = new WeakSet<object>();
export const markDocUnknown = (f: PyFunc): void => void DOC_UNKNOWN.add(f);

/** The library's defs that have no docstring in CPython (Flag.__or__): their `__doc__` is None, not refused as a docstring of CPython's. */
const UNDOCUMENTED = new WeakSet<object>();
export const noteUndocumented = (f: PyFunc): void => void UNDOCUMENTED.add(f);

/** `__doc__`: a condition's class's or function's docstring, or None; CPython's docstrings of its own objects are not the evaluator's to give. */
function docOf(obj: Py): Py {
  if (obj instanceof PyFunc && UNDOCUMENTED.has(obj)) return null;
  // a wrapper functools.update_wrapper gave a docstring of CPython's (lru_cache(len)): refused as that docstring is, till one is set
  if (DOC_UNKNOWN.has(obj as object) && setOn(obj, '__doc__') === undefined) throw notBuilt(`'${(obj as PyFunc).name}.__doc__'`, "it is a docstring of CPython's, which the evaluator does not carry");
  // a def of CPython's library (a module's function, its classes' methods) has its docstring there: refused below
  if (isRunClass(obj) || (isDef(obj) && moduleOfFunction(obj) === undefined)) return orClass(setOn(obj, '__doc__'), () => DOCS.get(obj) ?? null);
  // a namedtuple's type, and its fields' getters: their own docstrings, which namedtuple writes
  if (obj !== null && typeof obj === 'object' && 'ownDoc' in obj) return (obj as { ownDoc(): Py }).ownDoc();
  const cls = classOfInstance(obj);
  if (cls !== null && isRunClass(cls)) return orClass(instanceOwn(obj, '__doc__'), () => docOf(cls));
  // an instance of a library's class written as one that set its own (types.DynamicClassAttribute's), found before its class's
  const own = cls !== null ? instanceOwn(obj, '__doc__') : undefined;
  if (own !== undefined) return own;
  // a condition's property (a library's, whose getter is CPython's, is refused below)
  if (obj instanceof PyProperty && obj.name !== undefined && cls === null) return propertyDoc(obj);
  const what = obj instanceof PyType ? obj.name : obj instanceof PyModule ? obj.name : obj instanceof PyFunc ? obj.name : typeName(obj);
  throw notBuilt(`'${what}.__doc__'`, "the evaluator does not carry CPython's docstrings");
}

/**
 * The module a condition's classes are made in: CPython's class body reads `__name__`, which
 * the original's exec'd namespace (shared/oracle's, the tests' scripts/cpython-cases.py) does not
 * define, so it finds the builtins module's; a def's module is that namespace's `__name__`, None.
 * The classes' reprs follow the same namespace (`<class 'X'>` of type()).
 */
const CONDITION_MODULE = 'builtins';

/**
 * How type_repr and object_repr name a class: by its module and `__qualname__`, or, where its
 * module is 'builtins' (a condition's class: above) or no str, by its name alone (tp_name).
 */
export function reprName(cls: PyClass): string {
  const module = moduleless(cls) ? null : moduleOf(cls);
  return typeof module === 'string' && module !== 'builtins' ? `${module}.${cls.qualname}` : cls.name;
}
setReprName(reprName);

/**
 * `__module__` of a class whose namespace has none (type_new's caller had no `__name__`): type's
 * own, a data descriptor, raises, unless its metaclass's order has a class with a `__module__`
 * before type (a condition's metaclass: 'builtins'), which is no data descriptor: then the
 * class's bases' `__module__` comes first, as type_getattro reads them, else the metaclass's.
 */
function inheritedModule(cls: PyClass): Py {
  const metaFrom = cls instanceof PyClassOfMeta ? cls.meta.mro.find((t) => !(t instanceof PyClass) || !moduleless(t)) : undefined;
  if (!(metaFrom instanceof PyClass)) throw pyErr(AttributeError, '__module__');
  const from = cls.mro.find((t) => t instanceof PyClass && t !== OBJECT_CLASS && !moduleless(t));
  return moduleOf(from ?? metaFrom);
}

/** `__module__`: where a class or function was defined (a condition's: above), a builtin in its module. */
function moduleOf(obj: Py): Py {
  if (obj instanceof PyClass) {
    if (obj === OBJECT_CLASS) return 'builtins';
    // type_module: a class without `__module__` in its namespace has none
    if (moduleless(obj)) return inheritedModule(obj);
    return orClass(setOn(obj, '__module__'), () => obj.module ?? CONDITION_MODULE);
  }
  // a module's type that names its module (urllib.parse's results)
  if (obj instanceof PyType && typeof (obj as { moduleName?: string }).moduleName === 'string') return (obj as { moduleName?: string }).moduleName!;
  if (obj instanceof PyType) return obj.name.includes('.') ? obj.name.slice(0, obj.name.lastIndexOf('.')) : (MODULE_TYPES.get(obj.name) ?? 'builtins');
  if (isDef(obj)) return orClass(setOn(obj, '__module__'), () => moduleOfFunction(obj) ?? null);
  if (obj instanceof PyFunc && builtins.get(obj.name) === obj) return 'builtins';
  const cls = classOfInstance(obj);
  // an instance's is the first its class's order has in a namespace (a type() class of a condition's may have none)
  if (cls !== null) return orClass(instanceOwn(obj, '__module__'), () => {
    if (!moduleless(cls)) return moduleOf(cls);
    const from = cls.mro.find((t) => t instanceof PyClass && t !== OBJECT_CLASS && !moduleless(t));
    if (from === undefined) throw attrErr(obj, '__module__');
    return moduleOf(from);
  });
  if (obj instanceof PyFunc) throw notBuilt(`'${obj.name}.__module__'`, "a builtin function's module is not recorded by the evaluator");
  throw attrErr(obj, '__module__');
}


/** A type's bases: a condition's class's as written (object where none was), a builtin's one base. */
function basesOf(t: PyType): PyType[] {
  if (t instanceof PyClass) return t === OBJECT_CLASS ? [] : [...t.bases];
  if (t instanceof PyTypeOfBases) return t.order.filter((b, i) => i === 0 || !t.order[0].isSubclassOf(b));
  return [...(writtenBases(t) ?? [t.base ?? OBJECT_CLASS])];
}

/**
 * `__base__`, CPython's best_base: the base whose instances' lay-out is the most derived,
 * the first such (for plain classes, the first base); object's is None.
 */
function baseOf(t: PyType): Py {
  if (t === OBJECT_CLASS) return null;
  if (!(t instanceof PyClass)) return t.base ?? OBJECT_CLASS;
  let best: PyType | null = null;
  let bestLayout: PyType | null = null;
  for (const b of t.bases) {
    const l = layoutOf(b);
    if (best === null || (l !== null && l !== bestLayout && (bestLayout === null || l.isSubclassOf(bestLayout)))) {
      best = b;
      bestLayout = l;
    }
  }
  return best;
}

/** `C.__subclasses__`: bound, as CPython's method; only a condition's class lists its own. */
function subclassesMethod(t: PyType): PyFunc {
  return new PyFunc('__subclasses__', (args, kw) => {
    // a metaclass finds type's method first in its own order, unbound (type.__subclasses__(X) would list X's)
    if (t instanceof PyClass && t.mro.some((b) => b.name === 'type' && !(b instanceof PyClass)) && args.length === 0) throw typeErr('unbound method type.__subclasses__() needs an argument');
    // METH_NOARGS's words: keywords first
    const name = `${t instanceof PyClass ? t.qualname : t.name}.__subclasses__()`;
    if (kw !== null && kw.size > 0) throw typeErr(`${name} takes no keyword arguments`);
    if (args.length > 0) throw typeErr(`${name} takes no arguments (${args.length} given)`);
    if (!isRunClass(t)) throw notBuilt(`'${t instanceof PyClass ? t.shownName : t.name}.__subclasses__()'`, "a builtin type's or a module's class's subclasses would be other conditions' classes too");
    const subclasses = subclassesOf(t as PyClass);
    allocItems(subclasses.length);
    return [...subclasses];
  }, 'method');
}

/** A bound method's attribute, as method_getattro reads it from its function (a builtin method has none: CPython's AttributeError). */
function boundFunctionAttr(m: PyBoundMethod, name: string): Py {
  if (m.boundFunc === undefined) throw attrErr(m, name);
  return introspect(m.boundFunc, name);
}

/** `__defaults__` and `__kwdefaults__` of a def or lambda: a tuple and a dict, or None where it has none. */
function defaultsOf(obj: Py, name: string): Py {
  // a def of CPython's library (json.dumps, calendar.Calendar.__init__) has its defaults there, which the evaluator does not record
  if (obj instanceof PyFunc && !(obj instanceof PyType) && obj.runDef === null && obj.kind !== 'method' && (moduleOfFunction(obj) !== undefined || definedInPython(obj))) {
    throw notBuilt(`'${obj.name}.${name}'`, "the defaults of CPython's library functions are not recorded by the evaluator");
  }
  if (!(obj instanceof PyFunc) || obj instanceof PyType || obj.kind !== 'function') {
    if (isBoundMethod(obj)) return boundFunctionAttr(obj, name);
    if (obj instanceof PyFunc && obj.kind === 'method' && !(obj instanceof PyType)) throw notBuilt(`'${name}' of a bound method`, 'a bound method does not keep its function in the evaluator');
    throw obj instanceof PyType ? missingAttr(`type object '${obj.name}' has no attribute '${name}'`, name, obj) : attrErr(obj, name);
  }
  // a def or lambda of the condition's: the tuple and the dict it keeps, which a store changes (def-defaults.ts)
  if (obj.runDef !== null) return readDefaults(obj, obj.runDef, name as '__defaults__' | '__kwdefaults__');
  // functools' lru_cache wrapper is a C type with neither (singledispatch's wrapper is a def, with None)
  if (typeName(obj) === 'functools._lru_cache_wrapper') throw attrErr(obj, name);
  // a function of the runtime's made as a def's: the defaults it declared (a dataclass's __init__), else none
  return declaredDefaults(obj, name as '__defaults__' | '__kwdefaults__') ?? null;
}

/** `obj.name = v` (v undefined: `del obj.name`) for a name of INTROSPECTED. */
export function setIntrospected(obj: Py, name: string, v: Py | undefined): void {
  const cls = classOfInstance(obj);
  if (cls !== null && hookedStore(obj, cls, name, v)) return;
  plainSetIntrospected(obj, name, v);
}

/** object.__setattr__'s store (v undefined: __delattr__'s) for a name of INTROSPECTED. */
function plainSetIntrospected(obj: Py, name: string, v: Py | undefined): void {
  if (obj instanceof PySlotWrapper) throw descriptorStoreError(obj, name);
  if (obj instanceof PyProperty && name === '__doc__' && classOfInstance(obj) === null) return storePropertyDoc(obj, v);
  // a module's function is shared by every condition: its __doc__, __module__ and the rest are not changed for the next
  const refused = obj instanceof PyFunc && !(obj instanceof PyType) && !isRunDef(obj) ? sharedObjectRefusal(obj, name) : undefined;
  if (refused !== undefined) throw refused;
  if (name === '__doc__' || name === '__module__') return setEntry(obj, name, v);
  if (name === '__class__' && v !== undefined) return setClass(obj, v);
  if (name === '__class__') throw typeErr("can't delete __class__ attribute");
  if (name === '__annotations__' && isDef(obj)) return setDefAnnotations(obj, v);
  if (name === '__annotations__') return v === undefined ? objectDelattr(obj, name) : objectSetattr(obj, name, v);
  if (name === '__dict__' && isRunDef(obj)) return setDefDict(obj, v);
  if ((name === '__defaults__' || name === '__kwdefaults__') && isRunDef(obj)) return setDefaults(obj, obj.runDef!, name, v);
  if (name === '__dict__' && isPartial(obj)) return setPartialDict(obj, v);
  // a C type's __dict__ is a read-only member (namespace_members' T_OBJECT READONLY), its subclasses' too
  if (name === '__dict__' && classOfInstance(obj)?.fromCType === true) throw pyErr(AttributeError, 'readonly attribute');
  if (name === '__dict__' && !(obj instanceof PyModule) && !isDef(obj)) return setInstanceDict(obj, v, () => void namespace(obj), (d) => LIVE.set(d.m as Map<string, Py>, d));
  throw notBuilt(`${v === undefined ? 'deleting' : 'setting'} '${name}'`, 'only reading it is built');
}

/**
 * A functools.partial (modules/functools.ts, which this module may not import: it imports this
 * one's importers): the one function that `flattens`, with its attributes' table.
 */
type Partial = PyFunc & { attrs: Map<string, Py> | null; flattens(): boolean };
const isPartial = (v: Py): v is Partial => v instanceof PyFunc && typeof (v as { flattens?: unknown }).flattens === 'function';

/** `p.__dict__ = d` on a partial: d's table becomes its attributes (an OrderedDict's, which keeps an order apart, is refused as on an instance). */
function setPartialDict(p: Partial, v: Py | undefined): void {
  const d = dictToSet(v);
  if (d.m.constructor !== Map) throw notBuilt(`setting '__dict__' to a '${typeName(d)}'`, "only a dict or a dict subclass's instance");
  p.attrs = d.m as Map<string, Py>;
  LIVE.set(p.attrs, d);
}

/** `__doc__` and `__module__` set on a condition's class or def (the class's table is left as its body made it, which the slots read). */
const SET = new WeakMap<object, Map<string, Py>>();
const setOn = (o: Py, name: string): Py | undefined => SET.get(o)?.get(name);

/** A def's or lambda's function, not a builtin's. */
const isDef = (v: Py): v is PyFunc => v instanceof PyFunc && !(v instanceof PyType) && v.kind === 'function';

/**
 * `__doc__` and `__module__`: an entry of an instance's own namespace; set on a condition's
 * class (type_set_doc, type_set_module: not deleted) or def; refused elsewhere as any
 * attribute is (a builtin type's TypeError, a module's or its classes' read-only refusal).
 */
function setEntry(obj: Py, name: string, v: Py | undefined): void {
  // a class a metaclass made is an instance of it too, but its __doc__ and __module__ are type's, filed below as any class's
  if (classOfInstance(obj) !== null && !(obj instanceof PyClass)) return v === undefined ? objectDelattr(obj, name) : objectSetattr(obj, name, v);
  if (!isRunClass(obj) && !isDef(obj)) return v === undefined ? objectDelattr(obj, name) : objectSetattr(obj, name, v);
  step();
  if (v === undefined && isRunClass(obj)) throw typeErr(`cannot delete '${name}' attribute of immutable type '${(obj as PyClass).name}'`);
  if (v === undefined) throw notBuilt(`deleting '${name}' of a function`, 'only setting it is built');
  let own = SET.get(obj);
  if (own === undefined) SET.set(obj, (own = new Map()));
  own.set(name, v);
}

// property_init's _PyObject_LookupAttr(fget, '__doc__'): none where it has no such attribute
setGetterDoc((fget) => {
  try {
    return introspect(fget, '__doc__');
  } catch (e) {
    if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(AttributeError)) return null;
    throw e;
  }
});

/** property's __doc__, a writable member: a condition's property keeps it; a library's is shared by every condition. */
function storePropertyDoc(p: PyProperty, v: Py | undefined): void {
  if (p.name === undefined) throw notBuilt("setting a library property's '__doc__'", 'it is shared by every condition');
  step();
  p.doc = v ?? null;
  p.docMode = 'stored';
}

/** object_set_class: between two of a condition's plain classes, whose instances are alike. */
function setClass(obj: Py, to: Py): void {
  step();
  if (!(to instanceof PyType)) throw typeErr(`__class__ must be set to a class, not '${typeName(to)}' object`);
  const from = classOf(obj);
  // a builtin type is immutable in CPython (as object is), which refuses either side so
  if (!(from instanceof PyClass) || from === OBJECT_CLASS || from.cType || !(to instanceof PyClass) || to === OBJECT_CLASS || to.cType) throw typeErr('__class__ assignment only supported for mutable types or ModuleType subclasses');
  if (!(obj instanceof PyInstance) || !plain(from) || !plain(to)) {
    if (layoutOf(from) !== layoutOf(to)) throw layoutDiffers(from, to);
    throw notBuilt("setting '__class__' of this instance", "only an instance of a condition's plain class changes class in the evaluator");
  }
  if (withoutDict(from) !== withoutDict(to)) throw layoutDiffers(from, to);
  (obj as { cls: PyClass }).cls = to;
}

const layoutDiffers = (from: PyType, to: PyType) => typeErr(`__class__ assignment: '${to.name}' object layout differs from '${from.name}'`);

/** A class whose instances are plain ones: no builtin or module base of any kind in its order, but object. */
const plain = (cls: PyClass): boolean => cls.mro.every((t) => t === OBJECT_CLASS || isRunClass(t)) && !cls.dictBased && cls.valueBase === null && !cls.isException;

setIntrospection({ names: INTROSPECTED, get: plainIntrospect, set: plainSetIntrospected });
