/**
 * Subclasses of the library types whose value wraps another: functools.partial (a function and
 * its arguments), contextlib.suppress and nullcontext, staticmethod, classmethod and property.
 * Each instance is the base's own value (a PyPartial, a PyProperty, ...) carrying its class and
 * attributes, as builtin-subclass.ts's are, so that every call, `with`, class attribute lookup
 * and setter takes it as that type. What CPython's type slots would ask the class for (partial's
 * __call__, suppress's __enter__ and __exit__) is asked first; the other dunders stay refused
 * (builtin-subclass.ts's markValueHooks), and so do __get__, __set__, __delete__ and
 * __set_name__, as for any class: a descriptor of a condition's own would hook every attribute
 * lookup of the interpreter (see Safety).
 */
import { checkName } from './attribute-names.js';
import { reprName } from './introspection.js';
import { type ModuleInstance, registerModuleBases } from './builtin-subclass.js';
import { callValue } from './call.js';
import { setattr } from './classes.js';
import { instanceAttr, type PyClass } from './class-values.js';
import { bindAttr, CLASSMETHOD, COPIERS, PROPERTY, PROPERTY_SLOTS, PyClassMethod, PyProperty, PyStaticMethod, STATICMETHOD, UNINITIALIZED } from './descriptors.js';
import { attrErr, AttributeError, pyErr } from './exceptions.js';
import { NULLCONTEXT, NULLCONTEXT_INIT, NullContext, SUPPRESS, SUPPRESS_INIT, Suppress, suppressExit } from './modules/contextlib.js';
import { PARTIAL, partialAttr, partialCall, partialParts, partialRepr, partialSetattr, PyPartial } from './modules/functools.js';
import { repr } from './repr.js';
import { bindArgs, Signature } from './signature.js';
import type { PyTypeSlots } from './types/protocol.js';
import { registerType, slotsOfClass } from './types/table.js';
import { EMPTY_TUPLE, PyDict, PyFunc, PyTuple, PyType, type NativeFn, type Py } from './values.js';
import { classString } from './string-dunders.js';
import { withAttrHooks } from './attribute-hooks.js';

/** A partial whose call asks its class's __call__ first, as slot_tp_call; partial_new flattens it only without one. */
class PyPartialInstance extends PyPartial {
  constructor(readonly cls: PyClass, func: PyFunc, args: PyTuple, keywords: PyDict) {
    const box: { self?: PyPartialInstance } = {};
    super(func, args, keywords, (a, kw) => box.self!.call(a, kw));
    box.self = this;
  }
  /** partial's own __dict__ (pto->dict), made at the first store: reading an attribute makes none. */
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  override flattens(): boolean {
    return this.attrs === null && this.cls.lookup('__call__') === undefined;
  }
  call(a: Py[], kw: Map<string, Py> | null): Py {
    const own = this.cls.lookup('__call__');
    return own === undefined ? partialCall(this.func, this.args, this.keywords, a, kw) : callValue(bindAttr(own, this, this.cls, '__call__'), a, kw);
  }
}

/**
 * An instance of a subclass of suppress or nullcontext, classes CPython writes in Python: their
 * state is the instance's attributes (`_exceptions`, `enter_result`), which their methods read
 * as any attribute; `with` asks the class's __enter__ and __exit__ first.
 */
class PySuppressInstance extends Suppress {
  readonly dict = new Map<string, Py>();
  constructor(readonly cls: PyClass) {
    super(EMPTY_TUPLE);
  }
  override enter(): Py {
    const r = own(this, '__enter__', []);
    return r === undefined ? null : r;
  }
  override exit(...info: Py[]): Py {
    const r = own(this, '__exit__', info);
    return r === undefined ? suppressExit(() => field(this, '_exceptions'), info[0]) : r;
  }
}

class PyNullContextInstance extends NullContext {
  readonly dict = new Map<string, Py>();
  constructor(readonly cls: PyClass) {
    super(null);
  }
  override enter(): Py {
    const r = own(this, '__enter__', []);
    return r === undefined ? field(this, 'enter_result') : r;
  }
  override exit(...info: Py[]): Py {
    const r = own(this, '__exit__', info);
    return r === undefined ? null : r;
  }
}

/** The class's own dunder's answer, or undefined when the class has none. */
function own(v: ContextInstance, name: string, args: Py[]): Py | undefined {
  const fn = v.cls.lookup(name);
  return fn === undefined ? undefined : callValue(bindAttr(fn, v, v.cls, name), args, null);
}

/** `self.name` as the base's Python code reads it: a property or attribute of the class too. */
function field(v: ContextInstance, name: string): Py {
  const x = instanceAttr(v.cls, v.dict, v, name);
  if (x === undefined) throw attrErr(v, name);
  return x;
}

type ContextInstance = PySuppressInstance | PyNullContextInstance;

class PyStaticMethodInstance extends PyStaticMethod {
  readonly dict = new Map<string, Py>();
  constructor(readonly cls: PyClass) {
    super(UNINITIALIZED);
  }
}

class PyClassMethodInstance extends PyClassMethod {
  readonly dict = new Map<string, Py>();
  constructor(readonly cls: PyClass) {
    super(UNINITIALIZED);
  }
}

class PyPropertyInstance extends PyProperty {
  readonly dict = new Map<string, Py>();
  constructor(readonly cls: PyClass) {
    super(null, null, null, null);
    // a condition's: named by __set_name__ only
    this.name = null;
  }
}

type WrapperInstance = PyPartialInstance | ContextInstance | PyStaticMethodInstance | PyClassMethodInstance | PyPropertyInstance;

const isWrapperInstance = (v: Py): v is WrapperInstance =>
  v instanceof PyPartialInstance || v instanceof PySuppressInstance || v instanceof PyNullContextInstance || v instanceof PyStaticMethodInstance || v instanceof PyClassMethodInstance || v instanceof PyPropertyInstance;

/** base.__new__(cls, *args): partial_new takes the arguments apart; the others' __new__ is object's (or PyType_GenericNew), and __init__ fills the instance. */
function make(base: PyType, cls: PyClass, args: Py[], kw: Map<string, Py> | null): Py {
  if (base === PARTIAL) return new PyPartialInstance(cls, ...partialParts(args, kw));
  if (base === SUPPRESS) return new PySuppressInstance(cls);
  if (base === NULLCONTEXT) return new PyNullContextInstance(cls);
  if (base === STATICMETHOD) return new PyStaticMethodInstance(cls);
  if (base === CLASSMETHOD) return new PyClassMethodInstance(cls);
  return new PyPropertyInstance(cls);
}

type Init = (self: ModuleInstance, args: Py[], kw: Map<string, Py> | null) => null;

/** The bases' __init__: each checks its arguments in its own words, then sets what its methods read. */
const INITS = new Map<PyType, Init>([
  [SUPPRESS, (self, args, kw) => (setattr(self as Py, '_exceptions', bindArgs(SUPPRESS_INIT, [self as Py, ...args], kw)[1]), null)],
  [NULLCONTEXT, (self, args, kw) => (setattr(self as Py, 'enter_result', bindArgs(NULLCONTEXT_INIT, [self as Py, ...args], kw, [undefined, null])[1]), null)],
  [STATICMETHOD, (self, args, kw) => (((self as PyStaticMethodInstance).fn = (STATICMETHOD.fn(args, kw) as PyStaticMethod).fn), null)],
  [CLASSMETHOD, (self, args, kw) => (((self as PyClassMethodInstance).fn = (CLASSMETHOD.fn(args, kw) as PyClassMethod).fn), null)],
  [
    PROPERTY,
    (self, args, kw) => {
      const made = PROPERTY.fn(args, kw) as PyProperty;
      const p = self as PyPropertyInstance;
      p.fget = made.fget;
      p.fset = made.fset;
      p.fdel = made.fdel;
      p.doc = made.doc;
      return null;
    },
  ],
]);

/** The dunders beyond __new__, __init__, __repr__ and __str__ each base's subclass may define: those its slots ask. */
const DUNDERS = new Map<PyType, readonly string[]>([
  [PARTIAL, ['__call__']],
  [SUPPRESS, ['__enter__', '__exit__']],
  [NULLCONTEXT, ['__enter__', '__exit__']],
]);

/** The signatures of suppress's and nullcontext's methods, self counted, as Lib/contextlib.py words a wrong call. */
const SUPPRESS_ENTER = new Signature('suppress.__enter__', [{ name: 'self', star: '' }], 'python');
const SUPPRESS_EXIT = new Signature('suppress.__exit__', ['self', 'exctype', 'excinst', 'exctb'].map((name) => ({ name, star: '' as const })), 'python');
const NULLCONTEXT_ENTER = new Signature('nullcontext.__enter__', [{ name: 'self', star: '' }], 'python');
const NULLCONTEXT_EXIT = new Signature('nullcontext.__exit__', [{ name: 'self', star: '' }, { name: 'excinfo', star: '*' }], 'python');

const method = (name: string, fn: NativeFn): PyFunc => new PyFunc(name, fn, 'method');

/** A method of the base bound to the instance, as super() reaches it past the class's own. */
function baseMethod(v: WrapperInstance, name: string): Py | undefined {
  if (v instanceof PyPartialInstance) return name === '__call__' ? method(name, (a, kw) => partialCall(v.func, v.args, v.keywords, a, kw)) : partialAttr(v, name);
  if (v instanceof PySuppressInstance) {
    if (name === '__enter__') return method(name, (a, kw) => (bindArgs(SUPPRESS_ENTER, [v, ...a], kw), null));
    if (name === '__exit__') return method(name, (a, kw) => suppressExit(() => field(v, '_exceptions'), bindArgs(SUPPRESS_EXIT, [v, ...a], kw)[1]));
  }
  if (v instanceof PyNullContextInstance) {
    if (name === '__enter__') return method(name, (a, kw) => (bindArgs(NULLCONTEXT_ENTER, [v, ...a], kw), field(v, 'enter_result')));
    if (name === '__exit__') return method(name, (a, kw) => (bindArgs(NULLCONTEXT_EXIT, [v, ...a], kw), null));
  }
  if (v instanceof PyPropertyInstance) return propertyAttr(v, name);
  return undefined;
}

/** property's members, and getter, setter and deleter, which call the instance's class as property_copy does: its __init__ runs. */
function propertyAttr(p: PyPropertyInstance, name: string): Py | undefined {
  if (name !== 'getter' && name !== 'setter' && name !== 'deleter') return PROPERTY_SLOTS.getattr!(p, name);
  return method(name, (a, kw) => {
    const [fn] = bindArgs(COPIERS[name], a, kw);
    return callValue(p.cls, [name === 'getter' ? fn : p.fget, name === 'setter' ? fn : p.fset, name === 'deleter' ? fn : p.fdel, p.doc], null);
  });
}

/** What a base's repr is, as super().__repr__ reaches it: partial names the instance's type; the others as their base, or object's. */
function baseRepr(v: WrapperInstance): string {
  if (v instanceof PyPartialInstance) return partialRepr(v, v.cls.name);
  // sm_repr and cm_repr: <NULL> before __init__ gave a callable
  if (v instanceof PyStaticMethodInstance) return `<staticmethod(${v.fn === UNINITIALIZED ? '<NULL>' : repr(v.fn)})>`;
  if (v instanceof PyClassMethodInstance) return `<classmethod(${v.fn === UNINITIALIZED ? '<NULL>' : repr(v.fn)})>`;
  return `<${reprName(v.cls)} object>`;
}

/** Each instance class's slots: the base's, with the class's name, type, repr, str and attributes first. */
function register<T extends WrapperInstance>(cls: abstract new (...args: any[]) => T, base: PyTypeSlots<any>, setattrSlot?: PyTypeSlots<T>['setattr']): void {
  registerType(cls, {
    ...base,
    name: (v: T) => v.cls.name,
    classOf: (v: T) => v.cls,
    repr: (v: T) => classString(v, v.cls, '__repr__') ?? baseRepr(v),
    str: (v: T, r) => classString(v, v.cls, '__str__') ?? r(v),
    getattr: withAttrHooks((v: T, name: string) => {
      // an attribute may be None: null, which ?? would pass by
      const x = instanceAttr(v.cls, v instanceof PyPartialInstance ? v.attrs : v.dict, v, name);
      return x === undefined ? baseMethod(v, name) : x;
    }),
    setattr: setattrSlot,
  } satisfies PyTypeSlots<T>);
}

/** Registered by the engine, once the library's types are: builtin-subclass.ts and classes.ts reach them through registerModuleBases. */
export function registerWrapperSubclasses(): void {
  register(PyPartialInstance, slotsOfClass(PyPartial)!, (v, name, x) => partialSetattr(v, name, x, v.cls.name));
  register(PySuppressInstance, slotsOfClass(Suppress)!);
  register(PyNullContextInstance, slotsOfClass(NullContext)!);
  register(PyStaticMethodInstance, slotsOfClass(PyStaticMethod)!);
  register(PyClassMethodInstance, slotsOfClass(PyClassMethod)!);
  // fget, fset, fdel and doc are read-only members, as property's
  register(PyPropertyInstance, PROPERTY_SLOTS, (v, name, x) => {
    if (name === 'fget' || name === 'fset' || name === 'fdel') throw pyErr(AttributeError, 'readonly attribute');
    if (x !== undefined) v.dict.set(checkName(name), x);
    else if (!v.dict.delete(name)) throw attrErr(v, name);
  });
  registerModuleBases({
    isBase: (t) => t === PARTIAL || INITS.has(t),
    isInstance: isWrapperInstance,
    make,
    init: (base) => INITS.get(base),
    // any instance may be a descriptor, a property's subclass's its own __get__ first (descriptor-get.ts)
    dunders: (base) => [...(DUNDERS.get(base) ?? []), '__get__', '__set__', '__delete__', '__set_name__'],
    method: (v, name) => baseMethod(v as WrapperInstance, name),
    repr: (v) => baseRepr(v as WrapperInstance),
    str: (v) => repr(v as Py),
    classAttr: () => undefined,
  });
}
