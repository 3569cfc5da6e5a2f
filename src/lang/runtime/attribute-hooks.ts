/**
 * A condition's class's attribute hooks, `__getattribute__`, `__getattr__`, `__setattr__` and
 * `__delattr__`, asked as CPython's slot_tp_getattr_hook and slot_tp_setattro ask them: on every
 * read of an instance's attribute by name (`x.name`, getattr, hasattr, attrgetter, a class
 * pattern's keyword), store and delete; never by the interpreter's own lookups of special
 * methods (len(), repr(), the operators), which ask the class, as CPython's ask the type.
 * Each hook is a call of the condition's function: a step of the budget and a frame.
 *
 * A class records the hooks of its order when it is made (PyClass.attrHooks), so that the
 * instances of one that defines none take the plain lookup at the cost of a field read.
 */
import { isReadableDunder } from '../dunders.js';
import { getattr, objectAttrOf } from './attributes.js';
import { runNumber } from './budget.js';
import { callValue } from './call.js';
import { PyClass } from './class-values.js';
import { bindAttr } from './descriptors.js';
import { fieldGet, fieldSet } from './exception-fields.js';
import { AttributeError, attrErr, fatalErr, pyErr, typeErr, UnsupportedError } from './exceptions.js';
import { typeOf } from './types/table.js';
import { PyException, PyStrBox, typeName, type Py } from './values.js';

const GET = 1;
const SET = 2;
const DEL = 4;

/** Each hook's bit: __getattribute__ and __getattr__ both take reads. */
const BITS: ReadonlyMap<string, number> = new Map([['__getattribute__', GET], ['__getattr__', GET], ['__setattr__', SET], ['__delattr__', DEL]]);

export const ATTRIBUTE_HOOKS: ReadonlySet<string> = new Set(BITS.keys());

/** The hooks a class's order defines, as bits, for PyClass.attrHooks: asked of every class made, so no iterator is made. */
export function hooksOf(cls: PyClass): number {
  let bits = 0;
  for (const t of cls.mro) {
    if (!(t instanceof PyClass) || t.attrs.size === 0) continue;
    if (t.attrs.has('__getattribute__') || t.attrs.has('__getattr__')) bits |= GET;
    if (t.attrs.has('__setattr__')) bits |= SET;
    if (t.attrs.has('__delattr__')) bits |= DEL;
  }
  return bits;
}

/**
 * The hooks set on a class of this run after it was made (`A.__getattr__ = f`): its subclasses
 * made before have them in their order but not in their bits, so every instance asks its
 * class's order for those while the run lasts.
 */
let lateHooks = 0;
let lateRun = -1;

/** `cls.name = v` or `del cls.name` (by `change`), which may set or remove a hook after the class was made. */
export function changeClassAttr(cls: PyClass, name: string, change: () => void): void {
  const bit = BITS.get(name);
  if (bit === undefined) return change();
  // a metaclass's attribute hooks would be asked of its classes' attributes: not built (builtin-subclass.ts refuses them in its body)
  if (cls.valueBase?.name === 'type') throw fatalErr(UnsupportedError, `a subclass of type in a condition may not define '${name}'`);
  change();
  cls.attrHooks = hooksOf(cls);
  if (lateRun !== runNumber()) lateHooks = 0;
  lateHooks |= bit;
  lateRun = runNumber();
}

/** Whether instances of cls may have the hook of this bit: its own bits, or one set late in this run. */
function mayHook(cls: PyClass, bit: number): boolean {
  if ((cls.attrHooks & bit) !== 0) return true;
  if (lateHooks === 0) return false;
  if (lateRun === runNumber()) return (lateHooks & bit) !== 0;
  lateHooks = 0;
  return false;
}

type Read<T> = (v: T, name: string) => Py | undefined;

/** Each hooked slot's plain lookup, for object.__getattribute__. */
const PLAIN = new Map<Read<never>, Read<never>>();

/**
 * An instance slot table's getattr with its class's __getattribute__ and __getattr__ asked
 * first; a class that defines neither pays a field read.
 */
export function withAttrHooks<T extends { readonly cls: PyClass }>(get: Read<T>): Read<T> {
  const read: Read<T> = (v, name) => {
    if (!mayHook(v.cls, GET)) return plainWithContext(v, name, get);
    try {
      return hookedRead(v, v.cls, name, get);
    } catch (e) {
      throw withContext(e, v as Py, name);
    }
  };
  PLAIN.set(read as Read<never>, get as Read<never>);
  return read;
}

function plainWithContext<T>(v: T, name: string, get: Read<T>): Py | undefined {
  try {
    return get(v, name);
  } catch (e) {
    throw withContext(e, v as Py, name);
  }
}

/**
 * set_attribute_error_context: an AttributeError out of a read by name (a hook's, a property
 * getter's) is given the name and the object, unless it has either already.
 */
function withContext(e: unknown, obj: Py, name: string): unknown {
  if (isAttributeError(e) && fieldGet(e as PyException, 'name') === null && fieldGet(e as PyException, 'obj') === null) {
    fieldSet(e as PyException, 'name', name);
    fieldSet(e as PyException, 'obj', obj);
  }
  return e;
}

/** The plain lookup, object's __getattribute__, __setattr__ and __delattr__ included (every object has them). */
function plainRead<T>(v: T, name: string, get: Read<T>): Py | undefined {
  const found = get(v, name);
  return found !== undefined ? found : objectAttrOf(v as Py, name);
}

const isAttributeError = (e: unknown): boolean => e instanceof PyException && e.type.isSubclassOf(AttributeError) && !e.fatal;

/** slot_tp_getattr_hook: __getattribute__ (or the plain lookup), then, where that raised AttributeError or found nothing, __getattr__. */
function hookedRead<T>(v: T, cls: PyClass, name: string, get: Read<T>): Py | undefined {
  const getattribute = cls.lookup('__getattribute__');
  const fallback = cls.lookup('__getattr__');
  const first = (): Py | undefined => (getattribute === undefined ? plainRead(v, name, get) : callHook(getattribute, v as Py, cls, '__getattribute__', [name]));
  if (fallback === undefined) return first();
  try {
    const found = first();
    if (found !== undefined) return found;
  } catch (e) {
    if (!isAttributeError(e)) throw e;
  }
  return callHook(fallback, v as Py, cls, '__getattr__', [name]);
}

/** object's __getattribute__, __setattr__ and __delattr__ read unbound (classes.ts): slot wrappers, which bind to an instance as a function does. */
const OBJECT_WRAPPERS = new Set<Py>();
export const noteObjectWrapper = (m: Py): void => void OBJECT_WRAPPERS.add(m);

/** A hook called as CPython's call_attribute calls it: bound as any class attribute (a staticmethod, a property, `__setattr__ = object.__setattr__`), then called. */
const callHook = (hook: Py, self: Py, cls: PyClass, name: string, args: Py[]): Py =>
  OBJECT_WRAPPERS.has(hook) ? callValue(hook, [self, ...args], null) : callValue(bindAttr(hook, self, cls, name), args, null);

/**
 * A store or delete (value undefined) on an instance of cls by its class's __setattr__ or
 * __delattr__: whether there was one to take it (else the plain store).
 */
export function hookedStore(obj: Py, cls: PyClass, name: string, value: Py | undefined): boolean {
  const bit = value === undefined ? DEL : SET;
  if (!mayHook(cls, bit)) return false;
  const which = value === undefined ? '__delattr__' : '__setattr__';
  const hook = cls.lookup(which);
  if (hook === undefined) return false;
  callHook(hook, obj, cls, which, value === undefined ? [name] : [name, value]);
  return true;
}

/**
 * An attribute's name given at run time (getattr, setattr, object.__setattr__): a str, and no
 * name with double underscores but those a condition may write after a dot, so that a string
 * built at run time reaches no further than source can.
 */
export function attributeName(name: Py): string {
  // a str subclass's instance is a str (PyUnicode_Check)
  const s = name instanceof PyStrBox ? name.value : name;
  if (typeof s !== 'string') throw typeErr(`attribute name must be string, not '${typeName(name)}'`);
  if (s.includes('__') && !isReadableDunder(s)) throw pyErr(AttributeError, `names with double underscores ('${s}') are not allowed in conditions`);
  return s;
}

/**
 * The names introspection.ts answers (`__class__`, `__dict__`, ...), which the compiler routes
 * past the slot tables: their plain read and store, set by introspection.ts (it imports this
 * module), so that object's methods reach them and a class's hooks are asked of them.
 */
type Introspection = { readonly names: ReadonlySet<string>; get(obj: Py, name: string): Py; set(obj: Py, name: string, v: Py | undefined): void };
let introspection: Introspection | null = null;
export function setIntrospection(i: Introspection): void {
  introspection = i;
}

/** A read of one of those names on an instance of cls: through its class's hooks, as any read by name. */
export function introspectedRead(obj: Py, cls: PyClass, name: string, plain: (obj: Py, name: string) => Py): Py {
  if (!mayHook(cls, GET)) return plain(obj, name);
  try {
    return hookedRead(obj, cls, name, plain)!;
  } catch (e) {
    throw withContext(e, obj, name);
  }
}

/** object.__setattr__ and __delattr__ of one of those names: whether it was one (then stored, past the hooks). */
export function introspectedStore(obj: Py, name: string, v: Py | undefined): boolean {
  if (introspection === null || !introspection.names.has(name)) return false;
  introspection.set(obj, name, v);
  return true;
}

/** object.__getattribute__(obj, name): the plain lookup, past the class's hooks. */
export function objectGetattribute(obj: Py, name: string): Py {
  if (introspection !== null && introspection.names.has(name)) return introspection.get(obj, name);
  const get = PLAIN.get(typeOf(obj).getattr as Read<never>) as Read<Py> | undefined;
  // a value of no hooked slot table has no hooks to pass by
  if (get === undefined) return getattr(obj, name);
  const found = plainRead(obj, name, get);
  if (found === undefined) throw attrErr(obj, name);
  return found;
}
