import { bind } from './args.js';
import { bindArgs, Signature } from './signature.js';
import { callValue } from './call.js';
import { descriptorGet } from './descriptor-get.js';
import { isAbstractValue } from './abstract-marks.js';
import { AttributeError, fatalErr, pyErr, RuntimeError, typeErr, UnsupportedError } from './exceptions.js';
import type { PyTypeSlots } from './types/protocol.js';
import { registerType } from './types/table.js';
import type { PyClass } from './class-values.js';
import { NativeDescriptor } from './native-descriptor.js';
import { repr } from './repr.js';
import { PySlotWrapper } from './slot-wrapper.js';
import { boundMethod, PyException, PyFunc, PyType, typeName, type Py } from './values.js';

/**
 * staticmethod, classmethod and property: what a class attribute becomes when read from
 * an instance or the class, as CPython's descriptors (funcobject.c, descrobject.c), after a
 * condition's own descriptor's __get__ (descriptor-get.ts).
 */
export class PyStaticMethod {
  /** Set again by staticmethod.__init__ of a subclass's instance (wrapper-subclass.ts). */
  constructor(public fn: Py) {}
}

export class PyClassMethod {
  constructor(public fn: Py) {}
}

export class PyProperty {
  /**
   * prop_name, which its errors show: what __set_name__ told a condition's property (null
   * until then: one set on a class after it was made has none); undefined for the library's,
   * which CPython's class bodies name, and which are shared, so never told.
   */
  name: Py | null | undefined = undefined;
  /**
   * Where its `__doc__` comes from: 'given' to property() (not None), 'getter' (none given:
   * the getter's docstring, read when asked, as property_init copies it), or 'stored' by a
   * `p.__doc__ = v` or `del`.
   */
  docMode: 'given' | 'getter' | 'stored';
  /** getter_doc, as 3.11's property_init sets it: no doc was given and there is a getter (whose `__doc__` it took, None or not). */
  readonly getterDoc: boolean;
  /** Set again by property.__init__ of a subclass's instance (wrapper-subclass.ts). */
  constructor(public fget: Py, public fset: Py, public fdel: Py, public doc: Py) {
    this.docMode = doc === null ? 'getter' : 'given';
    this.getterDoc = doc === null && fget !== null;
  }
}

/** A getter's `__doc__`, or None where it has none (introspection.ts, which reads it, sets this). */
let getterDocOf: (fget: Py) => Py = () => null;
export const setGetterDoc = (f: typeof getterDocOf): void => void (getterDocOf = f);

/**
 * property_init's copy of the getter's `__doc__`, made now, as CPython makes it: a docstring
 * set on the getter later is not the property's. Where reading it is refused (a library
 * function's docstring, which the evaluator does not carry), it is read, and refused, when asked.
 */
function takeGetterDoc(p: PyProperty): PyProperty {
  if (p.docMode !== 'getter' || p.fget === null) return p;
  try {
    p.doc = getterDocOf(p.fget);
    p.docMode = 'given';
  } catch (e) {
    if (!(e instanceof PyException && e.fatal)) throw e;
  }
  return p;
}

/** A property's `__doc__`: its member prop_doc, as property_init filled it. */
export function propertyDoc(p: PyProperty): Py {
  return p.docMode === 'getter' ? (p.fget === null ? null : getterDocOf(p.fget)) : p.doc;
}

/**
 * The doc a copy is made with (property_copy): None, to take the new getter's, where the
 * property's own came from its getter (getter_doc) and the copy has a getter; else its own.
 */
const copiedDoc = (p: PyProperty, fget: Py): Py => (p.getterDoc && fget !== null ? null : propertyDoc(p));

/** property_descr_get's and _set's AttributeError: the property named where it has a name. */
function missingAccessor(p: PyProperty, name: string, cls: PyClass, what: string) {
  const shown = p.name === undefined ? name : p.name;
  return pyErr(AttributeError, `property ${shown === null ? '' : `${repr(shown)} `}of '${cls.qualname}' object has no ${what}`);
}

/**
 * A library class's attribute that CPython keeps as a plain value on the class (a list), held
 * by the evaluator per run, so that no condition changes it for the next: a property to its
 * instances, and `classValue()` read from the class itself.
 */
export class PyClassValue extends PyProperty {
  constructor(fget: Py, fset: Py, fdel: Py, readonly classValue: () => Py) {
    super(fget, fset, fdel, null);
  }
}

/**
 * What a staticmethod or classmethod of a subclass holds until its __init__ gives it a callable
 * (sm_callable NULL): binding it is CPython's RuntimeError, and so is calling it here, where
 * CPython 3.11 reads the NULL.
 */
export const UNINITIALIZED = new PyFunc('<NULL>', () => {
  throw pyErr(RuntimeError, 'uninitialized staticmethod object');
});

/** The callable a staticmethod or classmethod binds to, once it has one. */
function initialized(fn: Py, kind: string): Py {
  if (fn === UNINITIALIZED) throw pyErr(RuntimeError, `uninitialized ${kind} object`);
  return fn;
}

/** A function found on the class, bound to the instance it was read from: a method. */
export function bindMethod(fn: Py, self: Py): Py {
  // a builtin function stays as it is; a slot wrapper (super-unbound.ts, which imports this module) binds as a def does
  if (!(fn instanceof PyFunc) || (fn.kind !== 'function' && !('bindsToInstance' in fn))) return fn;
  // a method descriptor's is a builtin method bound to self (`<built-in method append of L object>`)
  if (fn instanceof PySlotWrapper && fn.method) return boundMethod(fn.name, (args, kw) => fn.fn([self, ...args], kw), self, undefined);
  // a slot wrapper's is CPython's method-wrapper, which has no __func__: a plain method, which keeps neither
  if (fn.kind !== 'function') return new PyFunc(fn.name, (args, kw) => fn.fn([self, ...args], kw), 'method');
  return boundMethod(fn.name, (args, kw) => fn.fn([self, ...args], kw), self, fn);
}

/** `callable` bound to a first argument, as types.MethodType binds a classmethod's function to its class. */
export function bindTo(fn: Py, first: Py): PyFunc {
  const name = fn instanceof PyFunc ? fn.name : typeName(fn);
  return boundMethod(name, (args, kw) => callValue(fn, [first, ...args], kw), first, fn);
}

/**
 * cm_descr_get (3.11): a classmethod's callable bound to the class, or, when it is a descriptor
 * itself (a property, a staticmethod, a condition's), its own __get__ with the class as both the
 * instance and the owner: `@classmethod @property` is a class property.
 */
function classMethodGet(fn: Py, cls: PyClass, name: string): Py {
  return fn instanceof PyFunc ? bindTo(fn, cls) : bindAttr(fn, cls, cls, name);
}

/**
 * A class attribute read from an instance (`self` of class `cls`): a function becomes a
 * method, a classmethod's function is bound to the class, a staticmethod's is itself, a
 * property calls its getter.
 */
export function bindAttr(v: Py, self: Py, cls: PyClass, name: string): Py {
  if (v instanceof PyFunc) return bindMethod(v, self);
  // a condition's descriptor (a property's subclass too): its own __get__
  const got = descriptorGet(v, self, cls);
  if (got !== undefined) return got;
  if (v instanceof PyStaticMethod) return initialized(v.fn, 'staticmethod');
  if (v instanceof PyClassMethod) return classMethodGet(initialized(v.fn, 'classmethod'), cls, name);
  if (v instanceof PyProperty) {
    if (v.fget === null) throw missingAccessor(v, name, cls, 'getter');
    return callValue(v.fget, [self], null);
  }
  if (v instanceof NativeDescriptor) return v.get(self, cls, name);
  return bindMethod(v, self);
}

/** A class attribute read from the class itself: functions and properties stay as they are. */
export function classAttr(v: Py, cls: PyClass, name: string): Py {
  const got = descriptorGet(v, null, cls);
  if (got !== undefined) return got;
  if (v instanceof PyStaticMethod) return initialized(v.fn, 'staticmethod');
  if (v instanceof PyClassValue) return v.classValue();
  if (v instanceof PyClassMethod) return classMethodGet(initialized(v.fn, 'classmethod'), cls, name);
  if (v instanceof NativeDescriptor) return v.fromClass(cls);
  return v;
}

/** `obj.name = v` or `del obj.name` through a property of the class: its setter or deleter, else CPython's AttributeError. */
export function propertyStore(p: PyProperty, self: Py, cls: PyClass, name: string, v: Py | undefined): void {
  const fn = v === undefined ? p.fdel : p.fset;
  if (fn === null) throw missingAccessor(p, name, cls, v === undefined ? 'deleter' : 'setter');
  callValue(fn, v === undefined ? [self] : [self, v], null);
}

export const STATICMETHOD = new PyType('staticmethod', (args, kw) => {
  if (kw !== null && kw.size > 0) throw typeErr('staticmethod() takes no keyword arguments');
  if (args.length !== 1) throw typeErr(`staticmethod expected 1 argument, got ${args.length}`);
  return new PyStaticMethod(args[0]);
});

export const CLASSMETHOD = new PyType('classmethod', (args, kw) => {
  if (kw !== null && kw.size > 0) throw typeErr('classmethod() takes no keyword arguments');
  if (args.length !== 1) throw typeErr(`classmethod expected 1 argument, got ${args.length}`);
  return new PyClassMethod(args[0]);
});

const PROPERTY_ARGS = ['fget', 'fset', 'fdel', 'doc'];

export const PROPERTY = new PyType('property', (args, kw) => {
  const [fget = null, fset = null, fdel = null, doc = null] = bind('property', args, kw, PROPERTY_ARGS);
  const p = takeGetterDoc(new PyProperty(fget, fset, fdel, doc));
  p.name = null;
  return p;
});

/** property.getter, setter and deleter: METH_O, in its words. */
export const COPIERS = {
  getter: new Signature('getter', [{ name: 'fget', star: '' }], 'one', { owner: 'property' }),
  setter: new Signature('setter', [{ name: 'fset', star: '' }], 'one', { owner: 'property' }),
  deleter: new Signature('deleter', [{ name: 'fdel', star: '' }], 'one', { owner: 'property' }),
};

/** A copy of the property with one function replaced: what `@x.setter` makes. */
function withFn(p: PyProperty, which: 'getter' | 'setter' | 'deleter') {
  return new PyFunc(which, (args, kw) => {
    const [fn] = bindArgs(COPIERS[which], args, kw);
    // property_copy: None keeps the function the property had
    const fget = which === 'getter' && fn !== null ? fn : p.fget;
    const fset = which === 'setter' && fn !== null ? fn : p.fset;
    const fdel = which === 'deleter' && fn !== null ? fn : p.fdel;
    const copy = takeGetterDoc(new PyProperty(fget, fset, fdel, copiedDoc(p, fget)));
    // property_copy keeps prop_name
    copy.name = p.name;
    return copy;
  }, 'method');
}

/**
 * `__func__` of a staticmethod or classmethod (sm_callable, a member: None before its __init__ gave
 * it one), and the `__wrapped__` that 3.10's sm_init sets to the same callable.
 */
function wrapperAttr(v: PyStaticMethod | PyClassMethod, name: string): Py | undefined {
  if (name === '__func__') return v.fn === UNINITIALIZED ? null : v.fn;
  if (name === '__wrapped__' && v.fn !== UNINITIALIZED) return v.fn;
  // cm_get___isabstractmethod__, sm_get___isabstractmethod__
  if (name === '__isabstractmethod__') return v.fn !== UNINITIALIZED && isAbstractValue(v.fn);
  return undefined;
}

const wrapped = (kind: string) => (v: PyStaticMethod | PyClassMethod, item: (x: Py) => string) => `<${kind}(${item(v.fn)})>`;

const STATIC_SLOTS: PyTypeSlots<PyStaticMethod> = {
  name: () => 'staticmethod',
  type: STATICMETHOD,
  truthy: () => true,
  len: null,
  iter: null,
  repr: wrapped('staticmethod'),
  // callable since Python 3.10, as the function it wraps
  call: (v, args, kw) => callValue(v.fn, args, kw),
  getattr: (v, name) => wrapperAttr(v, name),
};

const CLASS_SLOTS: PyTypeSlots<PyClassMethod> = {
  name: () => 'classmethod',
  type: CLASSMETHOD,
  truthy: () => true,
  len: null,
  iter: null,
  repr: wrapped('classmethod'),
  getattr: (v, name) => wrapperAttr(v, name),
};

/** property.__set_name__(owner, name): prop_name, of a condition's property; a library's is shared by every condition. */
function setName(p: PyProperty, args: Py[], kw: Map<string, Py> | null): null {
  if (kw !== null && kw.size > 0) throw typeErr('property.__set_name__() takes no keyword arguments');
  if (args.length !== 2) throw typeErr(`__set_name__() takes 2 positional arguments but ${args.length} were given`);
  if (p.name === undefined) throw fatalErr(UnsupportedError, "cannot name a library's property: it is shared by every condition");
  p.name = args[1];
  return null;
}

export const PROPERTY_SLOTS: PyTypeSlots<PyProperty> = {
  name: () => 'property',
  type: PROPERTY,
  truthy: () => true,
  len: null,
  iter: null,
  // CPython adds the address, which differs in every process: left out, as for functions
  repr: () => '<property object>',
  getattr: (p, name) => {
    switch (name) {
      case 'fget':
        return p.fget;
      case 'fset':
        return p.fset;
      case 'fdel':
        return p.fdel;
      case 'getter':
      case 'setter':
      case 'deleter':
        return withFn(p, name);
      case '__set_name__':
        return boundMethod('__set_name__', (args, kw) => setName(p, args, kw), p, undefined);
      // property_get___isabstractmethod__: any of its functions'
      case '__isabstractmethod__':
        return isAbstractValue(p.fget) || isAbstractValue(p.fset) || isAbstractValue(p.fdel);
    }
    return undefined;
  },
  // fget, fset and fdel are read-only members (property_members); a property has no __dict__
  setattr: (_p, name) => {
    if (name === 'fget' || name === 'fset' || name === 'fdel') throw pyErr(AttributeError, 'readonly attribute');
    throw pyErr(AttributeError, `'property' object has no attribute '${name}'`);
  },
};

registerType(PyStaticMethod, STATIC_SLOTS);
registerType(PyClassMethod, CLASS_SLOTS);
registerType(PyProperty, PROPERTY_SLOTS);
