/**
 * functools.singledispatch and singledispatchmethod, as Lib/functools.py: a registry of
 * implementations by class, the first argument's class's method resolution order walked for
 * the nearest, `register` by a class or by a def's first annotation. The registry is the
 * wrapper's own, made in the run that decorates, so no condition sees another's.
 * (CPython's _compose_mro also places abstract base classes of collections.abc, which the
 * dialect does not have: the order here is the class's own.)
 */
import { enterCall, exitCall, step } from '../budget.js';
import { BUILTINS } from '../builtins.js';
import { callValue } from '../call.js';
import type { PyClass } from '../class-values.js';
import { bindMethod, PyClassMethod, PyStaticMethod } from '../descriptors.js';
import { typeErr } from '../exceptions.js';
import { annotationsOf } from '../function-annotations.js';
import { truthy } from '../iteration.js';
import { NativeDescriptor } from '../native-descriptor.js';
import { mroOf, OBJECT_CLASS } from '../object-class.js';
import { repr } from '../repr.js';
import { Signature, bindArgs } from '../signature.js';
import { FUNCTION } from '../types/callable.js';
import { registerType } from '../types/table.js';
import { PyDict, PyFunc, PyType, type Py } from '../values.js';
import { functionAttr, setFunctionAttr, WrapperFunc } from './functools-function.js';
import { updateWrapperOf } from './functools-wraps.js';

const typeOf = (v: Py): Py => callValue(BUILTINS.get('type'), [v], null);


/** One singledispatch function's registry: implementations by class, object's the function decorated. */
class Dispatcher {
  readonly registry = new PyDict();
  /** dispatch_cache: class -> implementation, cleared by each register. */
  private readonly cache = new Map<PyType, Py>();
  constructor(readonly func: Py) {
    this.registry.set(OBJECT_CLASS, func);
  }
  dispatch(cls: Py): Py {
    if (cls instanceof PyType) {
      const cached = this.cache.get(cls);
      if (cached !== undefined) return cached;
    }
    let impl = this.registry.get(cls);
    if (impl === undefined) {
      if (!(cls instanceof PyType)) throw typeErr(`'${repr(cls)}' is not a class`);
      for (const t of mroOf(cls)) {
        step();
        impl = this.registry.get(t);
        if (impl !== undefined) break;
      }
    }
    if (cls instanceof PyType) this.cache.set(cls, impl);
    return impl === undefined ? null : impl;
  }
  /** register(cls, func=None): by a class, later given the function; or by the annotated function itself. */
  register(cls: Py, func: Py): Py {
    if (cls instanceof PyType) {
      if (func === null) return new PyFunc('singledispatch.<locals>.register.<locals>.<lambda>', (a, k) => this.register(cls, bindArgs(LAMBDA, a, k)[0]), 'function');
    } else {
      if (func !== null) throw typeErr(`Invalid first argument to \`register()\`. ${repr(cls)} is not a class or union type.`);
      // a classmethod's or staticmethod's are its function's (it copies them, as functools.wraps would)
      const annotations = annotationsOf(cls instanceof PyClassMethod || cls instanceof PyStaticMethod ? cls.fn : cls);
      if (annotations.length === 0) throw typeErr(`Invalid first argument to \`register()\`: ${repr(cls)}. Use either \`@register(some_class)\` or plain \`@register\` on an annotated function.`);
      func = cls;
      // get_type_hints: None stands for its type
      const [argname, hint] = annotations[0];
      const t = hint === null ? typeOf(null) : hint;
      if (!(t instanceof PyType)) throw typeErr(`Invalid annotation for ${repr(argname)}. ${repr(t)} is not a class.`);
      cls = t;
    }
    step();
    this.registry.set(cls, func);
    this.cache.clear();
    return func;
  }
}
const LAMBDA = new Signature('singledispatch.<locals>.register.<locals>.<lambda>', [{ name: 'f', star: '' }], 'python');
const REGISTER = new Signature('singledispatch.<locals>.register', [{ name: 'cls', star: '' }, { name: 'func', star: '' }], 'python');
const DISPATCH = new Signature('singledispatch.<locals>.dispatch', [{ name: 'cls', star: '' }], 'python');

/** What singledispatch(func) returns: calls go to the implementation for their first argument's class. */
class PySingleDispatch extends WrapperFunc {
  readonly funcname: string;
  constructor(readonly dispatcher: Dispatcher) {
    super(dispatcher.func);
    const f = dispatcher.func;
    this.funcname = f instanceof PyFunc ? f.name.slice(f.name.lastIndexOf('.') + 1) : 'singledispatch function';
  }
  call(args: Py[], kw: Map<string, Py> | null): Py {
    // the wrapper is a function of Lib/functools.py: a frame under the recursion limit
    enterCall();
    try {
      if (args.length === 0) throw typeErr(`${this.funcname} requires at least 1 positional argument`);
      return callValue(this.dispatcher.dispatch(typeOf(args[0])), args, kw);
    } finally {
      exitCall();
    }
  }
}

/** register, dispatch and registry, as the attributes singledispatch sets on its wrapper. */
function dispatcherAttr(d: Dispatcher, name: string): Py | undefined {
  switch (name) {
    case 'register':
      return new PyFunc('singledispatch.<locals>.register', (a, k) => {
        const [cls, func] = bindArgs(REGISTER, a, k, [undefined, null]);
        return d.register(cls, func);
      }, 'function');
    case 'dispatch':
      return new PyFunc('singledispatch.<locals>.dispatch', (a, k) => d.dispatch(bindArgs(DISPATCH, a, k)[0]), 'function');
    case 'registry': {
      // a mappingproxy in CPython, which the dialect does not have: a copy, so that no store reaches the registry
      const copy = new PyDict();
      for (const [nk, v] of d.registry.m) copy.set(d.registry.key(nk), v);
      return copy;
    }
    default:
      return undefined;
  }
}

registerType(PySingleDispatch, {
  ...FUNCTION,
  // an attribute set to None is found: undefined, not None, is what is missing
  getattr: (w: PySingleDispatch, name: string) => {
    const own = functionAttr(w, name);
    return own !== undefined ? own : dispatcherAttr(w.dispatcher, name);
  },
  setattr: setFunctionAttr,
});

const SINGLEDISPATCH = new Signature('singledispatch', [{ name: 'func', star: '' }], 'python');

export const SINGLE_DISPATCH = new PyFunc('singledispatch', (a, k) => {
  const [func] = bindArgs(SINGLEDISPATCH, a, k);
  return updateWrapperOf(new PySingleDispatch(new Dispatcher(func)), func);
}, 'function');

const isCallable = (v: Py): boolean => truthy(callValue(BUILTINS.get('callable'), [v], null));

/** singledispatchmethod(func): read from an instance or its class, a function dispatching on the first argument after self. */
export class PySingleDispatchMethod extends NativeDescriptor {
  readonly dispatcher: Dispatcher;
  constructor(readonly func: Py) {
    super();
    this.dispatcher = new Dispatcher(func);
  }
  private method(obj: Py, cls: PyClass): PyFunc {
    const f = new PyFunc(this.func instanceof PyFunc ? this.func.name : 'singledispatchmethod.__get__.<locals>._method', (args, kw) => {
      enterCall();
      try {
        if (args.length === 0) throw typeErr('singledispatchmethod.__get__.<locals>._method() missing 1 required positional argument');
        const m = this.dispatcher.dispatch(typeOf(args[0]));
        // method.__get__(obj, cls): a def's function bound to obj, a classmethod's to cls, a staticmethod's as it is
        const bound = m instanceof PyClassMethod ? new PyFunc('method', (a, k) => callValue(m.fn, [cls, ...a], k), 'method') : m instanceof PyStaticMethod ? m.fn : obj === null ? m : bindMethod(m, obj);
        return callValue(bound, args, kw);
      } finally {
        exitCall();
      }
    }, 'function');
    return f;
  }
  get(self: Py, cls: PyClass): Py {
    return this.method(self, cls);
  }
  fromClass(cls: PyClass): Py {
    return this.method(null, cls);
  }
}

const SINGLEDISPATCHMETHOD_INIT = new Signature('singledispatchmethod.__init__', [{ name: 'self', star: '' }, { name: 'func', star: '' }], 'python');

export const SINGLE_DISPATCH_METHOD = new PyType('functools.singledispatchmethod', (a, k) => {
  const [, func] = bindArgs(SINGLEDISPATCHMETHOD_INIT, [null, ...a], k);
  if (!isCallable(func) && !(func instanceof PyClassMethod || func instanceof PyStaticMethod || func instanceof NativeDescriptor)) throw typeErr(`${repr(func)} is not callable or a descriptor`);
  return new PySingleDispatchMethod(func);
});

registerType(PySingleDispatchMethod, {
  name: () => 'functools.singledispatchmethod',
  type: SINGLE_DISPATCH_METHOD,
  truthy: () => true,
  len: null,
  iter: null,
  // CPython adds the address, which differs in every process: left out, as for functions
  repr: () => '<functools.singledispatchmethod object>',
  getattr: (m: PySingleDispatchMethod, name: string) => {
    if (name === 'func') return m.func;
    if (name === 'dispatcher') return undefined;
    if (name === 'register') return new PyFunc('register', (a, k) => {
      const [cls, method] = bindArgs(METHOD_REGISTER, [null, ...a], k, [undefined, undefined, null]).slice(1);
      return m.dispatcher.register(cls, method);
    }, 'method');
    return undefined;
  },
});
const METHOD_REGISTER = new Signature('singledispatchmethod.register', [{ name: 'self', star: '' }, { name: 'cls', star: '' }, { name: 'method', star: '' }], 'python');
