/**
 * dir(obj), as CPython's PyObject_Dir runs it: type(obj).__dir__(obj), listed and sorted.
 * object.__dir__ (an instance's own names and its class's), type.__dir__ (a class's names and
 * its bases', walked through __bases__) and module.__dir__ are built here; a condition's class
 * may define __dir__, whose answer, any iterable, is listed and sorted as CPython does. The
 * names CPython keeps in C, of builtin types and modules, are its own, written out by
 * scripts/dir-tables.py (dir-table.ts); a condition's class's are its namespace's.
 * dir() without an argument is the caller's locals' names, compiled where it is called (compile/locals.ts).
 */
import { hasOwnAttrs } from './own-attrs.js';
import { getattr } from './attributes.js';
import { step, work } from './budget.js';
import { callValue } from './call.js';
import { PyClass, PyClassOfMeta } from './class-values.js';
import { bindAttr } from './descriptors.js';
import { classOfInstance, OBJECT_CLASS } from './classes.js';
import { DIR_DIGITS, DIR_ENTRIES, DIR_LEXICON } from './dir-table.js';
import { AttributeError, EXCEPTION_TYPES, fatalErr, UnsupportedError } from './exceptions.js';
import { classNamespace, introspect } from './introspection.js';
import { toList } from './iteration.js';
import { sortItems } from './methods-list.js';
import { isRunClass } from './subclasses.js';
import { isBoundMethod, isDefMethod, PyDict, PyException, PyFunc, PyModule, PyType, type Py } from './values.js';
import { ownFunctionAttributes } from './method-attributes.js';
import { isAbstractValue } from './abstract-marks.js';
import { isRunDef } from './shared-objects.js';
import { PyPartial } from './modules/functools.js';
import { setModuleNamesInCPython } from './types/callable.js';

/** An entry of dir-table.ts read back: its names, in CPython's order (sorted). */
const decoded = new Map<string, readonly string[]>();
function entry(key: string): readonly string[] | undefined {
  let names = decoded.get(key);
  if (names === undefined) {
    const code = DIR_ENTRIES[key];
    if (code === undefined) return undefined;
    const out: string[] = [];
    for (let i = 0; i < code.length; i += 2) out.push(DIR_LEXICON[DIR_DIGITS.indexOf(code[i]) * DIR_DIGITS.length + DIR_DIGITS.indexOf(code[i + 1])]);
    decoded.set(key, (names = out));
  }
  return names;
}

/** Whether CPython 3.11's module `module` has `name` (its dir() lists it): a name it has that the evaluator lacks is refused, not missing. */
const moduleNames = new Map<string, ReadonlySet<string>>();
function inCPythonModule(module: string, name: string): boolean {
  let names = moduleNames.get(module);
  if (names === undefined) moduleNames.set(module, (names = new Set(entry(`module:${module}`) ?? [])));
  return names.has(name);
}
setModuleNamesInCPython(inCPythonModule);

/** The table's key of each type a condition can name: a builtin by its name, a module's type by the module's name for it. Made at the first dir(). */
let named: Map<PyType, string> | null = null;
/** The modules a condition may import and the builtins: set by modules.ts, since builtins.ts reaches this module (no import cycle). */
let MODULES: ReadonlyMap<string, PyModule> = new Map();
let BUILTINS: ReadonlyMap<string, Py> = new Map();
export function fileDirNames(modules: ReadonlyMap<string, PyModule>, builtins: ReadonlyMap<string, Py>): void {
  MODULES = modules;
  BUILTINS = builtins;
}
function keyOf(t: PyType): string | undefined {
  if (named === null) {
    named = new Map();
    for (const [name, v] of [...BUILTINS, ...EXCEPTION_TYPES]) if (v instanceof PyType && !named.has(v)) named.set(v, `builtins.${name}`);
    for (const [m, mod] of MODULES) for (const [name, v] of mod.attrs) if (v instanceof PyType && !named.has(v)) named.set(v, `${m}.${name}`);
  }
  return named.get(t) ?? (DIR_ENTRIES[`type:${t.name}`] !== undefined ? `type:${t.name}` : `type:${t.name.slice(t.name.lastIndexOf('.') + 1)}`);
}

const notBuilt = (what: string, why = "CPython's list of its attributes is not recorded by the evaluator") => fatalErr(UnsupportedError, `dir() of ${what} is not available in conditions: ${why}`);

/** The library's types whose instances answer dir() by a __dir__ of their own, which differs between instances. */
const OWN_DIR = new Set(['re.RegexFlag', 'uuid.SafeUUID', 'functools.GenericAlias', 'contextlib.GenericAlias']);

/** A namedtuple type (collections/namedtuple.ts, told by its shape: that module reaches this one's importers): its class's own names and its fields'. */
interface NamedTupleShape {
  readonly attrs: Map<string, Py>;
  readonly getters: Set<string>;
  readonly fields: string[];
}
const NAMEDTUPLE_NAMESPACE = ['__module__', '__doc__', '__slots__', '_fields', '_field_defaults', '__new__', '_make', '_replace', '__repr__', '_asdict', '__getnewargs__', '__match_args__'];
const isNamedTuple = (t: PyType): t is PyType & NamedTupleShape => 'getters' in t && 'fields' in t && 'attrs' in t;

/** type.__dir__'s merge_class_dict: a class's namespace's names, then each base's, into `into`. */
function mergeClass(t: PyType, into: Set<string>): void {
  step();
  if (isNamedTuple(t)) {
    // Lib/collections' class namespace: __slots__ = (), __module__, the field getters, _make and the rest; then tuple's
    work(t.attrs.size + t.getters.size);
    for (const n of [...NAMEDTUPLE_NAMESPACE, ...t.attrs.keys(), ...t.getters]) into.add(n);
    mergeClass(t.base!, into);
    return;
  }
  const own = t instanceof PyClass && t !== OBJECT_CLASS && (isRunClass(t) || entryOfType(t) === undefined);
  if (!own) {
    const names = entryOfType(t);
    if (names === undefined) throw notBuilt(`'${t.name}'`);
    work(names.length);
    for (const n of names) into.add(n);
    return;
  }
  const ns = classNamespace(t as PyClass);
  for (const k of ns.keyList()) into.add(k as string);
  for (const b of (t as PyClass).bases) mergeClass(b, into);
}

const entryOfType = (t: PyType): readonly string[] | undefined => {
  const key = keyOf(t);
  return key === undefined ? undefined : entry(key);
};

/**
 * A list of names sorted as sorted() sorts them: strs in code point order, at the cost sorted()
 * pays, without its comparisons one by one (a class of 15,000 names through a tower of bases was
 * 60 ms a dir); any other value among them goes through sorted() itself, and its errors.
 */
export function sortedList(names: Py[]): Py[] {
  if (!names.every((n) => typeof n === 'string')) return sortItems(names, [], null, 'sort');
  work(names.length * Math.max(1, Math.ceil(Math.log2(names.length + 1))));
  return (names as string[]).sort(codePointOrder);
}

/** Code point order, where JavaScript's < compares UTF-16 units (U+FFFF after U+10000 there). */
export function codePointOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // a surrogate (the first unit of a code point past U+FFFF) sorts after every unit of U+E000-U+FFFF
    if (x >= 0xd800 && y >= 0xd800) return fold(x) - fold(y);
    return x - y;
  }
  return a.length - b.length;
}
const fold = (u: number): number => (u >= 0xe000 ? u - 0x800 : u + 0x2000);

/** dir(obj). */
export function dirOf(obj: Py): Py[] {
  const cls = classOfInstance(obj);
  // a class whose metaclass has a __dir__ of its own (enum's EnumType: the members)
  const metaDir = obj instanceof PyClassOfMeta ? obj.meta.lookup('__dir__') : undefined;
  if (metaDir !== undefined) return sortedList(toList(callValue(bindAttr(metaDir, obj, (obj as PyClassOfMeta).meta, '__dir__'), [], null)));
  // a condition's class's own __dir__ (its instances'; a class's is its metaclass's, type's)
  if (cls !== null && cls.lookup('__dir__') !== undefined) return sortedList(toList(callValue(getattr(obj, '__dir__'), [], null)));
  if (obj instanceof PyModule) {
    const names = entry(`module:${obj.name}`);
    if (names === undefined) throw notBuilt(`the module '${obj.name}'`);
    work(names.length);
    return [...names];
  }
  const names = new Set<string>();
  if (obj instanceof PyType) mergeClass(obj, names);
  else if (cls === null && !(obj instanceof PyException)) {
    // a builtin value's names are its type's, and a def's its __dict__'s too
    const t = introspect(obj, '__class__');
    // a method that keeps no function and instance apart: refused; a builtin method's names are its type's, a def method's its type's and its function's
    if (obj instanceof PyFunc && obj.kind === 'method' && !isBoundMethod(obj)) throw notBuilt('a bound method', "the evaluator does not keep a method's function and instance apart");
    // but for the types whose own __dir__ answers otherwise: an enum's members (Enum.__dir__), a GenericAlias (its origin's)
    if (t instanceof PyType && OWN_DIR.has(keyOf(t) ?? '')) throw notBuilt(`a '${t.name}' object`);
    if (t instanceof PyType) mergeClass(t, names);
    // a def's __dict__ (what was set on it) first, as object.__dir__ takes it below
    // and a partial's (pto->dict, which object.__dir__ reads, and so makes, as CPython's does)
    // and a Counter's, an OrderedDict's or a ChainMap's (own-attrs.ts)
    // and a def method's, its function's (method_getattro reads __dict__ there)
    const keys = obj instanceof PyPartial ? (introspect(obj, '__dict__') as PyDict).keyList() : isDefMethod(obj) ? functionDictKeys(obj.boundFunc) : obj instanceof PyFunc ? functionKeys(obj) : hasOwnAttrs(obj) ? (introspect(obj, '__dict__') as PyDict).keyList() : [];
    work(keys.length);
    if (keys.length > 0) return sortedList([...new Set<Py>([...keys, ...names])]);
  } else {
    // object.__dir__: obj.__dict__ (a dict, else nothing) and obj.__class__'s names, each read as `obj.name` reads it
    const dict = attributeRead(obj, '__dict__');
    const keys: Py[] = dict instanceof PyDict ? dict.keyList() : [];
    work(keys.length);
    const t = attributeRead(obj, '__class__');
    if (t instanceof PyType) mergeClass(t, names);
    if (obj instanceof PyException) for (const n of exceptionFields(obj)) names.add(n);
    // an instance's own names first, so that a key of another type meets the sort's comparisons as CPython's dict does
    return sortedList([...new Set<Py>([...keys, ...names])]);
  }
  return sortedList([...names]);
}

/**
 * Whether CPython's getattr would find name on obj by its class's names (and a module's),
 * as object.__dir__ lists them, without calling a condition's __dir__: a dunder the dialect
 * does not read is then refused outright, where hasattr would have answered False.
 */
export function dirLists(obj: Py, name: string): boolean {
  if (obj instanceof PyModule && entry(`module:${obj.name}`)?.includes(name)) return true;
  const names = new Set<string>();
  try {
    const t = obj instanceof PyType ? obj : (classOfInstance(obj) ?? introspect(obj, '__class__'));
    if (t instanceof PyType) mergeClass(t, names);
  } catch (e) {
    // a class whose names the evaluator has not recorded: not known to be there
    if (e instanceof PyException && (!e.fatal || e.type === UnsupportedError)) return false;
    throw e;
  }
  return names.has(name);
}

/**
 * The attributes the library's exceptions written in Python set in their __init__, which the
 * evaluator keeps as fields rather than in the instance's __dict__, where it keeps them.
 */
const EXCEPTION_FIELDS: readonly (readonly [string, readonly string[]])[] = [
  ['json.JSONDecodeError', ['msg', 'doc', 'pos', 'lineno', 'colno']],
  ['re.error', ['msg', 'pattern', 'pos', 'lineno', 'colno']],
  ['calendar.IllegalMonthError', ['month']],
  ['calendar.IllegalWeekdayError', ['weekday']],
];
function exceptionFields(e: PyException): string[] {
  keyOf(e.type);
  const out: string[] = [];
  for (const [key, fields] of EXCEPTION_FIELDS) {
    const t = [...named!].find(([, k]) => k === key)?.[0];
    if (t === undefined || !e.type.isSubclassOf(t)) continue;
    // the evaluator's own json.loads and re do not set them: refused, where CPython would list them
    for (const f of fields) {
      if (attributeRead(e, f, true) === undefined) throw notBuilt(`a '${e.type.name}' object`, `the evaluator does not set its '${f}' attribute`);
      out.push(f);
    }
  }
  return out;
}

/** The keys of a method's function's __dict__, as object.__dir__ reads them through the method: none where it has no dict. */
/** A def's own names; a library's abstract method's, the `__isabstractmethod__` CPython's has in its __dict__ (abc's mark here). */
const functionKeys = (f: PyFunc): readonly Py[] => (!isRunDef(f) && !isBoundMethod(f) && isAbstractValue(f) ? ['__isabstractmethod__'] : ownFunctionAttributes(f));

function functionDictKeys(func: Py): Py[] {
  const d = attributeRead(func, '__dict__');
  return d instanceof PyDict ? d.keyList() : [];
}

/** `obj.__dict__` or `obj.__class__` for object.__dir__: an AttributeError leaves it out. */
function attributeRead(obj: Py, name: string, plain = false): Py | undefined {
  try {
    return plain ? getattr(obj, name) : introspect(obj, name);
  } catch (e) {
    if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(AttributeError)) return undefined;
    throw e;
  }
}
