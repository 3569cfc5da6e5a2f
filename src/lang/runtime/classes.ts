import { step } from './budget.js';
import { callValue } from './call.js';
import { instanceAttr, PyClass, PyInstance } from './class-values.js';
import { bindAttr, classAttr, PyProperty, propertyStore } from './descriptors.js';
import { AttributeError, pyErr, StopIteration, typeErr, valueErr } from './exceptions.js';
import { pyHashBig } from './hash.js';
import { truthy } from './iteration.js';
import { NOT_IMPLEMENTED, type PyTypeSlots } from './types/protocol.js';
import { registerType } from './types/table.js';
import { PyException, PyFunc, PyIterator, PyType, typeName, type Py } from './values.js';

export { PyClass, PyInstance };

export { CLASS_DUNDERS } from '../dunders.js';

/** `object`: the root every plain class has. `object()` is a bare instance, as a sentinel. */
export const OBJECT_CLASS: PyClass = new PyClass('object', 'object', null, (cls) => (args, kw) => {
  if (args.length > 0 || (kw !== null && kw.size > 0)) throw typeErr('object() takes no arguments');
  return new PyInstance(cls);
});

/** A class statement's class: its bases checked as the evaluator supports them (one class of the condition's, a builtin exception, or object). */
export function makeClass(name: string, qualname: string, bases: Py[]): PyClass {
  if (bases.length > 1) throw typeErr('a class of a condition may have one base class: multiple inheritance is not supported by the evaluator');
  const base: Py = bases.length === 0 ? OBJECT_CLASS : bases[0];
  if (!(base instanceof PyType)) throw typeErr(`bases must be types`);
  if (!(base instanceof PyClass) && !base.isException) throw typeErr(`a class of a condition may not subclass '${base.name}': only its own classes, exception classes and object`);
  return new PyClass(name, qualname, base, (cls) => (args, kw) => instantiate(cls, args, kw));
}

/** Class(...): an instance, then its __init__ (found on the class or a base), which must return None. */
function instantiate(cls: PyClass, args: Py[], kw: Map<string, Py> | null): Py {
  // BaseException.__new__ keeps every argument as args, whatever __init__ does; the builtin
  // base words them (OSError's errno and strerror), and checks them (ExceptionGroup's)
  const self = cls.isException ? exceptionOf(cls, args) : new PyInstance(cls);
  const init = cls.lookup('__init__');
  if (init === undefined) {
    if (cls.isException && kw !== null && kw.size > 0) throw typeErr(`${cls.name}() takes no keyword arguments`);
    if (!cls.isException && (args.length > 0 || (kw !== null && kw.size > 0))) throw typeErr(`${cls.name}() takes no arguments`);
    return self;
  }
  step();
  const r = (init as PyFunc).fn([self, ...args], kw);
  if (r !== null) throw typeErr(`__init__() should return None, not '${typeName(r)}'`);
  return self;
}

function exceptionOf(cls: PyClass, args: Py[]): PyException {
  let base: PyType | null = cls;
  while (base instanceof PyClass) base = base.base;
  const made = base!.fn(args, null) as PyException;
  const e = new PyException(cls, made.args, made.text);
  e.dict = new Map();
  return e;
}

/** `obj.name = v` on an instance of a condition's class (or one of its exceptions); everything else has no attribute to set. */
export function setattr(obj: Py, name: string, v: Py): void {
  step();
  if (storedByProperty(obj, name, v)) return;
  if (obj instanceof PyInstance && obj.cls !== OBJECT_CLASS) obj.dict.set(name, v);
  else if (obj instanceof PyException && obj.dict !== null) obj.dict.set(name, v);
  else if (obj instanceof PyClass && obj !== OBJECT_CLASS) obj.attrs.set(name, v);
  else throw pyErr(AttributeError, `'${typeName(obj)}' object has no attribute '${name}'`);
}

/** `del obj.name`. */
export function delattr(obj: Py, name: string): void {
  step();
  if (storedByProperty(obj, name, undefined)) return;
  const dict = obj instanceof PyInstance ? obj.dict : obj instanceof PyException ? obj.dict : obj instanceof PyClass ? obj.attrs : null;
  if (dict === null || !dict.delete(name)) throw pyErr(AttributeError, obj instanceof PyClass ? `type object '${obj.name}' has no attribute '${name}'` : `'${typeName(obj)}' object has no attribute '${name}'`);
}

/** The class of an instance of a condition's class, or of one of its exceptions. */
const classOfInstance = (obj: Py): PyClass | null =>
  obj instanceof PyInstance ? obj.cls : obj instanceof PyException && obj.type instanceof PyClass ? obj.type : null;

/** A store or delete (v undefined) through a property of the instance's class: done by its setter or deleter. */
function storedByProperty(obj: Py, name: string, v: Py | undefined): boolean {
  const cls = classOfInstance(obj);
  const p = cls?.lookup(name);
  if (!(p instanceof PyProperty)) return false;
  propertyStore(p, obj, cls!, name, v);
  return true;
}

/**
 * super() in a method: the attributes of the classes after `cls`, for `self`. Of a builtin
 * base only __init__ is reachable: BaseException's keeps its arguments as args, object's
 * takes none.
 */
export class PySuper {
  constructor(readonly cls: PyClass, readonly self: Py) {}
}

function superAttr(sup: PySuper, name: string): Py {
  const base = sup.cls.base;
  if (base instanceof PyClass && base !== OBJECT_CLASS) {
    const v = base.lookup(name);
    if (v !== undefined) return bindAttr(v, sup.self, classOfInstance(sup.self)!, name);
  }
  if (name === '__init__') {
    const self = sup.self;
    return new PyFunc('__init__', (args, kw) => {
      if (kw !== null && kw.size > 0) throw typeErr(`${base?.name ?? 'object'}.__init__() takes no keyword arguments`);
      if (self instanceof PyException) self.args = args;
      else if (args.length > 0) throw typeErr('object.__init__() takes exactly one argument (the instance to initialize)');
      return null;
    }, 'method');
  }
  throw pyErr(AttributeError, `'super' object has no attribute '${name}'`);
}

const SUPER: PyTypeSlots<PySuper> = {
  name: () => 'super',
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => `<super: <class '${v.cls.name}'>, <${v.cls.name} object>>`,
  getattr: superAttr,
};

/** Calls the instance's own dunder method, or answers undefined when its class has none. */
function dunder(v: PyInstance, name: string, args: Py[] = []): Py | undefined {
  const fn = v.cls.lookup(name);
  if (fn === undefined) return undefined;
  if (fn === null) throw typeErr(`'${v.cls.name}' object is not ${name === '__hash__' ? 'hashable' : 'callable'}`);
  return callValue(bindAttr(fn, v, v.cls, name), args, null);
}

const hasOwn = (v: PyInstance, name: string) => v.cls.lookup(name) !== undefined;

function stringResult(s: Py, name: string): string {
  if (typeof s !== 'string') throw typeErr(`${name} returned non-string (type ${typeName(s)})`);
  return s;
}

/** The identity a plain instance hashes and files by, as object's: a number per instance. */
const ids = new WeakMap<object, number>();
let nextId = 1;
const identity = (v: object) => ids.get(v) ?? (ids.set(v, nextId), nextId++);

/** Whether instances are unhashable: __eq__ without __hash__ sets __hash__ to None, as CPython's type_new does; or __hash__ = None. */
function unhashable(v: PyInstance): boolean {
  const h = v.cls.lookup('__hash__');
  return h === null || (h === undefined && hasOwn(v, '__eq__'));
}

function userHash(v: PyInstance): bigint {
  if (unhashable(v)) throw typeErr(`unhashable type: '${v.cls.name}'`);
  const h = dunder(v, '__hash__');
  if (h === undefined) return BigInt(identity(v));
  if (typeof h !== 'number' && typeof h !== 'boolean' && typeof h !== 'bigint') throw typeErr('__hash__ method should return an integer');
  // a huge int is reduced as hash(int) reduces it
  return pyHashBig(h);
}

/** The slots of an instance of a plain class: each asks the class's dunder method, or answers as object does. */
const INSTANCE: PyTypeSlots<PyInstance> = {
  name: (v) => v.cls.name,
  truthy: (v) => (hasOwn(v, '__len__') ? instanceLen(v) !== 0 : true),
  len: instanceLen,
  iter: (v) => {
    const it = dunder(v, '__iter__');
    if (it === undefined) throw typeErr(`'${v.cls.name}' object is not iterable`);
    if (it instanceof PyIterator) return { [Symbol.iterator]: () => it.it };
    if (it instanceof PyInstance && hasOwn(it, '__next__')) return nextLoop(it);
    throw typeErr(`iter() returned non-iterator of type '${typeName(it)}'`);
  },
  repr: (v) => {
    const s = dunder(v, '__repr__');
    // object's repr shows the address, which differs in every process: shown without it, as functions are
    return s === undefined ? `<${v.cls.qualname} object>` : stringResult(s, '__repr__');
  },
  str: (v, repr) => {
    const s = dunder(v, '__str__');
    return s === undefined ? repr(v) : stringResult(s, '__str__');
  },
  hash: userHash,
  // without __eq__ instances are equal only to themselves, whatever __hash__ says: filed by identity (after
  // __hash__ ran, as CPython runs it); with it, equal instances must hash alike, so the hash files them
  key: (v) => {
    const h = userHash(v);
    return hasOwn(v, '__eq__') ? `\u0000${v.cls.qualname}#${h}` : v;
  },
  eq: (a, b) => {
    const r = dunder(a, '__eq__', [b]);
    return r === undefined ? NOT_IMPLEMENTED : truthy(r);
  },
  // only __lt__ is defined: a > b is asked as b < a, which is how CPython reflects it
  compare: (a, b) => {
    const lt = dunder(a, '__lt__', [b]);
    if (lt === undefined) return NOT_IMPLEMENTED;
    if (truthy(lt)) return -1;
    return b instanceof PyInstance && hasOwn(b, '__lt__') && truthy(dunder(b, '__lt__', [a])) ? 1 : 0;
  },
  contains: (v, item, eq) => {
    const r = dunder(v, '__contains__', [item]);
    if (r !== undefined) return truthy(r);
    if (!hasOwn(v, '__iter__')) throw typeErr(`argument of type '${v.cls.name}' is not iterable`);
    // no __contains__: a walk of __iter__ with ==, as CPython's
    for (const x of INSTANCE.iter!(v)) {
      step();
      if (x === item || eq(x, item)) return true;
    }
    return false;
  },
  getattr: (v, name) => instanceAttr(v.cls, v.dict, v, name),
};

function instanceLen(v: PyInstance): number {
  const n = dunder(v, '__len__');
  if (n === undefined) throw typeErr(`object of type '${v.cls.name}' has no len()`);
  if (typeof n === 'boolean') return n ? 1 : 0;
  if (typeof n !== 'number') throw typeErr(`'${typeName(n)}' object cannot be interpreted as an integer`);
  if (n < 0) throw valueErr('__len__() should return >= 0');
  return n;
}

/** Iteration by __next__ until it raises StopIteration: a step a value, so a __next__ that never stops meets the step limit. */
function* nextLoop(it: PyInstance): Generator<Py> {
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

/** A condition's class as a value: `<class 'envelope.<locals>.Point'>`; its attributes are its class attributes and methods, unbound. */
const CLASS: PyTypeSlots<PyClass> = {
  name: () => 'type',
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => (v === OBJECT_CLASS ? "<class 'object'>" : `<class '${v.qualname}'>`),
  getattr: (v, name) => {
    if (name === '__qualname__') return v.qualname;
    const attr = v.lookup(name);
    return attr === undefined ? undefined : classAttr(attr, v);
  },
};

registerType(PyInstance, INSTANCE);
registerType(PyClass, CLASS);
registerType(PySuper, SUPER);
