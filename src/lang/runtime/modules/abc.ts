/**
 * abc: ABCMeta (a subclass of type, as abc.py writes it over _abc's C functions), ABC,
 * abstractmethod and its deprecated class, static and property kin, get_cache_token and
 * update_abstractmethods. A class ABCMeta makes keeps its `__abstractmethods__` (a frozenset of
 * the names still abstract), which object.__new__ refuses to instantiate (abstract-check.ts);
 * `register` files virtual subclasses, which issubclass and isinstance then answer through
 * ABCMeta's __subclasscheck__ and __instancecheck__, through _abc's caches (kept for the run).
 * The registries live on the run's classes; abc.ABC itself is shared by every condition, and
 * registering on it is refused; collections.abc's take the run's registrations apart from the module's.
 */
import { enterCall, exitCall, runNumber, tick, work } from '../budget.js';
import { callValue } from '../call.js';
import { classOfInstance, moduleClass, OBJECT_CLASS, PyClass, setattr } from '../classes.js';
import { PyClassOfMeta } from '../class-values.js';
import { bindAttr, classAttr, CLASSMETHOD, PROPERTY, PyClassMethod, PyProperty, PyStaticMethod, STATICMETHOD } from '../descriptors.js';
import { AssertionError_, AttributeError, fatalErr, pyErr, RuntimeError, typeErr, UnsupportedError } from '../exceptions.js';
import { truthy } from '../iteration.js';
import { PyFrozenSet } from '../pyset.js';
import { mroOf } from '../object-class.js';
import { bindArgs, Signature } from '../signature.js';
import { isRunClass, subclassesOf } from '../subclasses.js';
import { setCollectionFlags } from './collections/abc-instances.js';
import { typeNew } from '../type-new.js';
import { BUILTINS } from '../builtins.js';
import { noteAbstract } from '../abstract-check.js';
import { setIsAbstract } from '../abstract-marks.js';
import { ownAttribute } from '../method-attributes.js';
import { isRunDef } from '../shared-objects.js';
import { ABC as FOREIGN_ABC } from './foreign-bases.js';
import { NOT_IMPLEMENTED_VALUE } from '../class-operators.js';
import { PyDict, PyFunc, PyModule, PyStrBox, PyTuple, PyType, typeName, type Py } from '../values.js';

const TYPE = BUILTINS.get('type') as PyType;

/** A function of abc.py's, its arguments bound by its signature (`register() missing 1 required positional argument: 'subclass'`). */
function fn(qualname: string, params: string[], body: (...args: Py[]) => Py, posOnly = 0): PyFunc {
  // `**name`: the keywords left over, as a dict
  const signature = new Signature(qualname, params.map((p) => (p.startsWith('**') ? { name: p.slice(2), star: '**' as const } : { name: p, star: '' as const })), 'python', { posOnly });
  return new PyFunc(qualname, (a, k) => {
    const args = bindArgs(signature, a, k, params.map(() => undefined));
    // a frame, as abc.py's function is: checks that call each other end at the recursion limit
    enterCall();
    try {
      return body(...args);
    } finally {
      exitCall();
    }
  }, 'function');
}

/**
 * What abstractmethod marked, and the library's abstract methods (numbers', collections.abc's,
 * typing's Supports* protocols'). CPython sets their `__isabstractmethod__`: a def of the
 * condition's holds it in its `__dict__` too, and that is read first; the library's functions are
 * shared and hold no attributes, so reading theirs asks here (abstract-check.ts's hook).
 */
const MARKED = new WeakSet<object>();

/** _PyObject_IsAbstract: a marked function, a property with one, a class or static method of one, an object whose class says so. */
export function isAbstract(v: Py): boolean {
  if (v === null || typeof v !== 'object') return false;
  // a def's own attribute, as the condition last set it (`f.__isabstractmethod__ = False` after abstractmethod)
  const set = isRunDef(v) ? ownAttribute(v, '__isabstractmethod__') : undefined;
  if (set !== undefined) return truthy(set);
  if (MARKED.has(v)) return true;
  const cls = classOfInstance(v);
  const own = cls?.lookup('__isabstractmethod__');
  if (own !== undefined && !(own instanceof PyProperty)) return truthy(own);
  if (v instanceof PyProperty) return isAbstract(v.fget) || isAbstract(v.fset) || isAbstract(v.fdel);
  if (v instanceof PyClassMethod || v instanceof PyStaticMethod) return isAbstract(v.fn);
  return false;
}

/** abstractmethod(funcobj): funcobj, marked (an int or str cannot take the attribute: CPython's AttributeError). */
export function mark(v: Py): Py {
  if (v === null || typeof v !== 'object' || v instanceof PyStrBox) throw pyErr(AttributeError, `'${typeName(v)}' object has no attribute '__isabstractmethod__'`);
  MARKED.add(v);
  return v;
}

/** compute_abstract_methods: the class's own abstract attributes, and its bases' abstract names it has not made concrete. */
export function computeAbstracts(cls: PyClass): void {
  const names: string[] = [];
  work(cls.attrs.size);
  for (const [k, v] of cls.attrs) if (isAbstract(v)) names.push(k);
  for (const base of cls.bases) {
    const inherited = base instanceof PyClass ? base.attrs.get('__abstractmethods__') : undefined;
    if (!(inherited instanceof PyFrozenSet)) continue;
    for (const k of inherited.values()) {
      tick();
      if (typeof k === 'string' && !names.includes(k) && isAbstract(cls.lookup(k) ?? null)) names.push(k);
    }
  }
  const set = new PyFrozenSet();
  for (const k of names) set.add(k);
  noteAbstract();
  cls.attrs.set('__abstractmethods__', set);
}

/**
 * The run's registries: each class's virtual subclasses, and the run's classes made on a shared
 * abstract class (abc.ABC, collections.abc's), whose __subclasses__() cannot hold them, so filed here.
 */
let run = -1;
let registries = new WeakMap<PyClass, PyType[]>();
let runSubclasses = new Map<PyClass, PyClass[]>();
let token = 0;
function thisRun(): void {
  if (run === runNumber()) return;
  run = runNumber();
  registries = new WeakMap();
  runSubclasses = new Map();
  caches = new WeakMap();
  runFlags = new WeakMap();
  token = 0;
}

/**
 * The shared abstract classes (collections.abc's) a condition may register on: its registrations
 * live in the run's registries, beside what the module registered as it loaded (dict on
 * MutableMapping), and their subclasses among the module's own. Filled as the modules load, then fixed.
 */
const OPEN = new WeakSet<PyClass>();
const SHARED_REGISTRY = new Map<PyClass, (() => PyType)[]>();
const SHARED_SUBCLASSES = new Map<PyClass, PyClass[]>();
const push = <K, V>(m: Map<K, V[]>, k: K, v: V): void => void (m.has(k) ? m.get(k)!.push(v) : m.set(k, [v]));
/** A module's abstract class, made: open to registration, and filed under its bases' subclasses. */
export function fileSharedAbstract(cls: PyClass): void {
  OPEN.add(cls);
  for (const b of cls.bases) if (b instanceof PyClass && OPEN.has(b)) push(SHARED_SUBCLASSES, b, cls);
}
/**
 * Py_TPFLAGS_MAPPING and _SEQUENCE, which a match statement's patterns ask: collections.abc's
 * Mapping and Sequence have them (`__abc_tpflags__`), a class the first its order has
 * (inherit_patma_flags), and register() on a class that has one sets it on the class
 * registered (a condition's: a builtin type is immutable), for the run.
 */
type CollectionFlag = 'mapping' | 'sequence';
const FLAGS = new WeakMap<object, CollectionFlag>();
let runFlags = new WeakMap<object, CollectionFlag>();
export const fileCollectionFlag = (cls: PyClass, flag: CollectionFlag): void => void FLAGS.set(cls, flag);
export function collectionFlag(t: PyType): CollectionFlag | undefined {
  thisRun();
  for (const c of mroOf(t)) {
    tick();
    const flag = FLAGS.get(c) ?? runFlags.get(c);
    if (flag !== undefined) return flag;
  }
  return undefined;
}
setCollectionFlags(collectionFlag);
setIsAbstract(isAbstract);

/** A module's register() as it loads (`MutableMapping.register(dict)`), the type read when first asked (a value's type may not be made yet). */
export const registerShared = (cls: PyClass, sub: () => PyType): void => push(SHARED_REGISTRY, cls, sub);

const isType = (v: Py): v is PyType => v instanceof PyType;

export const ABCMETA = moduleClass('ABCMeta', [TYPE], TYPE);
ABCMETA.module = 'abc';

/** ABCMeta.__new__: type.__new__, then the abstract names (_abc_init). */
ABCMETA.attrs.set('__new__', new PyStaticMethod(fn('ABCMeta.__new__', ['mcls', 'name', 'bases', 'namespace', '**kwargs'], (mcls, name, bases, ns, kwargs) => {
  // abc.py's super().__new__(mcls, ...): super_init's check of mcls
  if (!(mcls instanceof PyClass) || !mcls.isSubclassOf(ABCMETA)) throw typeErr('super(type, obj): obj must be an instance or subtype of type');
  const kw = new Map<string, Py>();
  for (const [key, v] of (kwargs as PyDict).m) kw.set(key as string, v);
  const cls = typeNew(name, bases, ns, kw.size === 0 ? null : kw, mcls);
  if (!(cls instanceof PyClass)) return cls;
  computeAbstracts(cls);
  thisRun();
  for (const b of cls.bases) if (b === ABC || (b instanceof PyClass && OPEN.has(b))) push(runSubclasses, b, cls);
  return cls;
}, 4)));

ABCMETA.attrs.set('register', fn('ABCMeta.register', ['cls', 'subclass'], (cls, sub) => {
  if (!isType(sub)) throw typeErr('Can only register classes');
  if (issub(sub, cls)) return sub;
  if (isType(cls) && issub(cls, sub)) throw pyErr(RuntimeError, 'Refusing to create an inheritance cycle');
  if (cls === ABC || !(cls instanceof PyClass) || (cls.module !== null && !OPEN.has(cls))) throw fatalErr(UnsupportedError, `${cls instanceof PyClass && cls.module !== null ? `${cls.module}.${cls.name}` : cls instanceof PyType ? cls.name : typeName(cls)} is shared by every condition: a virtual subclass may be registered on a condition's own abstract class only`);
  thisRun();
  const list = registries.get(cls);
  if (list === undefined) registries.set(cls, [sub]);
  else list.push(sub);
  const flag = collectionFlag(cls);
  if (flag !== undefined && isRunClass(sub)) runFlags.set(sub, flag);
  token++;
  return sub;
}));

/** issubclass(c, t), the metaclass's __subclasscheck__ asked where t has one. */
function issub(c: Py, t: Py): boolean {
  // ABCMeta's own check, as the call would reach it (its frame included): the builtin's argument parsing and binding spared on each class a check walks
  if (t instanceof PyClassOfMeta && t.meta.lookup('__subclasscheck__') === SUBCLASSCHECK) {
    enterCall();
    try {
      return subclassCheck(t, c);
    } finally {
      exitCall();
    }
  }
  return truthy(callValue(ISSUBCLASS, [c, t], null));
}
const ISSUBCLASS = BUILTINS.get('issubclass')!;

/** _abc_instancecheck: the instance's class, and its type where __class__ says otherwise, asked of cls.__subclasscheck__. */
ABCMETA.attrs.set('__instancecheck__', fn('ABCMeta.__instancecheck__', ['cls', 'instance'], (cls, instance) => {
  const meta = cls instanceof PyClassOfMeta ? cls.meta : ABCMETA;
  const check = (c: Py) => truthy(callValue(bindAttr(meta.lookup('__subclasscheck__') ?? SUBCLASSCHECK, cls, meta, '__subclasscheck__'), [c], null));
  const type = callValue(TYPE, [instance], null);
  const declared = classOfInstance(instance) ?? type;
  return check(declared) || (declared !== type && check(type));
}));

const SUBCLASSCHECK = fn('ABCMeta.__subclasscheck__', ['cls', 'subclass'], (cls, sub) => subclassCheck(cls, sub));
ABCMETA.attrs.set('__subclasscheck__', SUBCLASSCHECK);

/**
 * _abc's caches, kept for the run (a shared class's would carry one condition's answers into the
 * next): each class's subclasses found, and those found not to be, the latter forgotten once
 * register() is called anywhere (the cache token moves). CPython's answers hang on them: a
 * __subclasshook__ of a subclass made after a negative answer is not asked again.
 */
interface Caches {
  found: Set<PyType>;
  not: Set<PyType>;
  version: number;
}
let caches = new WeakMap<PyClass, Caches>();
function cachesOf(cls: PyClass): Caches {
  thisRun();
  let c = caches.get(cls);
  if (c === undefined) caches.set(cls, (c = { found: new Set(), not: new Set(), version: token }));
  return c;
}

/** _abc_subclasscheck: its caches, the class's __subclasshook__, its order, its registry, then its subclasses, each asked with issubclass. */
function subclassCheck(cls: Py, sub: Py): boolean {
  if (!isType(sub)) throw typeErr('issubclass() arg 1 must be a class');
  if (!(cls instanceof PyClass)) return false;
  const cache = cachesOf(cls);
  tick();
  if (cache.found.has(sub)) return true;
  if (cache.version < token) {
    cache.not.clear();
    cache.version = token;
  } else if (cache.not.has(sub)) return false;
  const answer = (ok: boolean): boolean => (cache[ok ? 'found' : 'not'].add(sub), ok);
  const hook = cls.lookup('__subclasshook__');
  if (hook !== undefined) {
    const ok = callValue(classAttr(hook, cls, '__subclasshook__'), [sub], null);
    if (ok !== NOT_IMPLEMENTED_VALUE) {
      if (typeof ok !== 'boolean') throw pyErr(AssertionError_, '__subclasshook__ must return either False, True, or NotImplemented');
      return answer(ok);
    }
  }
  // contextlib's classes derive from a stand-in of abc.ABC (foreign-bases.ts), made before this module
  if (mroOf(sub).includes(cls) || (cls === ABC && mroOf(sub).includes(FOREIGN_ABC))) return answer(true);
  for (const r of SHARED_REGISTRY.get(cls) ?? []) if ((tick(), askedByAbc(r(), () => issub(sub, r())))) return answer(true);
  for (const r of registries.get(cls) ?? []) if ((tick(), askedByAbc(r, () => issub(sub, r)))) return answer(true);
  for (const s of SHARED_SUBCLASSES.get(cls) ?? []) if ((tick(), askedByAbc(s, () => issub(sub, s)))) return answer(true);
  for (const s of runSubclasses.get(cls) ?? subclassesOf(cls)) if ((tick(), askedByAbc(s, () => issub(sub, s)))) return answer(true);
  return answer(false);
}

/**
 * The class abc's own walk is asking of (a registered class, a subclass), as abc.py's frame
 * calls issubclass: typing's protocol hook reads it as _allow_reckless_class_checks reads the
 * caller's module, answering NotImplemented there where a condition's own check is refused.
 */
let asking: Py | undefined;
export const abcAsking = (): Py | undefined => asking;
export function askedByAbc<T>(cls: Py | undefined, check: () => T): T {
  const was = asking;
  asking = cls;
  try {
    return check();
  } finally {
    asking = was;
  }
}

/** ABC: a helper class whose metaclass is ABCMeta, with no instance attributes of its own. */
export const ABC = moduleClass('ABC', [OBJECT_CLASS], null, ABCMETA);
ABC.module = 'abc';
ABC.attrs.set('__slots__', new PyTuple([]));
ABC.attrs.set('__abstractmethods__', new PyFrozenSet());

/** abstractclassmethod, abstractstaticmethod and abstractproperty: abc.py's deprecated subclasses of the descriptors, abstract themselves. */
function abstractKind(name: string, base: PyType, wrap: boolean): PyClass {
  const cls = moduleClass(name, [base], base);
  cls.module = 'abc';
  cls.attrs.set('__isabstractmethod__', true);
  if (wrap) {
    cls.attrs.set('__init__', fn(`${name}.__init__`, ['self', 'callable'], (self, callable) => {
      mark(callable);
      (self as PyClassMethod | PyStaticMethod).fn = callable;
      return null;
    }));
  }
  return cls;
}

/**
 * abstractmethod(funcobj) as a condition calls it: `funcobj.__isabstractmethod__ = True`, the store
 * refused where CPython's is (a builtin function, an immutable type) and where a module's object
 * is shared (statistics.mean, a collections.abc class): MARKED outlives the run, so a mark on a
 * shared object would make the next condition's classes abstract.
 */
const ABSTRACTMETHOD = fn('abstractmethod', ['funcobj'], (v) => {
  // the descriptors' __isabstractmethod__ is a getset of their own, read-only
  const descriptor = v instanceof PyProperty ? 'property' : v instanceof PyClassMethod ? 'classmethod' : v instanceof PyStaticMethod ? 'staticmethod' : null;
  if (descriptor !== null) throw pyErr(AttributeError, `attribute '__isabstractmethod__' of '${descriptor}' objects is not writable`);
  setattr(v, '__isabstractmethod__', true);
  return mark(v);
});

const GET_CACHE_TOKEN = new PyFunc('get_cache_token', (a, k) => {
  if (k !== null && k.size > 0) throw typeErr('_abc.get_cache_token() takes no keyword arguments');
  if (a.length > 0) throw typeErr(`_abc.get_cache_token() takes no arguments (${a.length} given)`);
  thisRun();
  return token;
}, 'builtin');

/** update_abstractmethods(cls): the abstract names computed anew, for a class that has them (a class decorator may have filled in methods). */
const UPDATE = fn('update_abstractmethods', ['cls'], (cls) => {
  if (!(cls instanceof PyClass) || !cls.attrs.has('__abstractmethods__')) return cls;
  if (cls.module !== null) throw fatalErr(UnsupportedError, `${cls.module}.${cls.name} is shared by every condition: its abstract methods cannot change`);
  computeAbstracts(cls);
  return cls;
});

export const ABC_MODULE = new PyModule('abc', new Map<string, Py>([
  ['ABCMeta', ABCMETA],
  ['ABC', ABC],
  ['abstractmethod', ABSTRACTMETHOD],
  ['abstractclassmethod', abstractKind('abstractclassmethod', CLASSMETHOD, true)],
  ['abstractstaticmethod', abstractKind('abstractstaticmethod', STATICMETHOD, true)],
  ['abstractproperty', abstractKind('abstractproperty', PROPERTY, false)],
  ['get_cache_token', GET_CACHE_TOKEN],
  ['update_abstractmethods', UPDATE],
]));
