/**
 * `__self__`, `__func__` and `__wrapped__` of functions and methods, as CPython 3.11 answers them:
 * a bound method's instance (or a classmethod's class) and function, a builtin method's value,
 * a C module function's module, and the `__wrapped__` that functools.update_wrapper or the
 * condition set on a def. Each is a value the condition could name already: nothing here hands
 * out the builtins module (`len.__self__`), which conditions cannot reach, nor a module CPython
 * keeps apart (`operator.add.__self__` is `_operator`); those, and the methods the evaluator
 * makes without keeping their instance (a plain PyFunc of kind 'method'), are refused.
 */
import { getattr } from './attributes.js';
import { step } from './budget.js';
import { assignName, descriptorQualname } from './def-names.js';
import { AttributeError, attrErr, fatalErr, missingAttr, pyErr, typeErr, UnsupportedError } from './exceptions.js';
import { definedInPython, isRunDef, sharedObjectRefusal, typeInCPython } from './shared-objects.js';
import { PyClass } from './class-values.js';
import { PyClassMethod, PyProperty, PyStaticMethod } from './descriptors.js';
import { isBoundMethod, PyDict, PyFunc, PyStrBox, PyModule, PyType, typeName, type Py, type PyException } from './values.js';

/** The modules whose every function is, in CPython 3.11, a C function of that very module: its `__self__` is the module. */
const C_MODULES: readonly string[] = ['math', 'cmath', 'time', 'binascii', 'zlib', 'unicodedata'];

/** The function's module, for those of C_MODULES. */
const MODULE_OF = new WeakMap<PyFunc, PyModule>();
/** The modules' and the builtins' functions that are C functions in CPython, by qualified name. */
const C_FUNCTIONS = new WeakMap<PyFunc, string>();
/** The modules' functions that CPython defines in Python (shared-objects.ts's table): of type 'function' there. */
const PYTHON_FUNCTIONS = new WeakSet<PyFunc>();
/** The builtins' functions: their `__self__` is the builtins module. */
const BUILTIN_FUNCTIONS = new WeakSet<PyFunc>();

const isPlainFunc = (v: Py): v is PyFunc => v instanceof PyFunc && !(v instanceof PyType);

/** Files the modules' and the builtins' functions, once, when the modules are made (after shared-objects.ts has filed its own). */
export function fileModuleFunctions(modules: ReadonlyMap<string, PyModule>, builtins: ReadonlyMap<string, Py>): void {
  for (const [name, v] of builtins) {
    if (!isPlainFunc(v) || typeInCPython(v) !== undefined) continue;
    BUILTIN_FUNCTIONS.add(v);
    C_FUNCTIONS.set(v, name);
  }
  for (const [module, m] of modules) {
    for (const [name, v] of m.attrs) {
      if (!isPlainFunc(v) || C_FUNCTIONS.has(v) || PYTHON_FUNCTIONS.has(v) || typeInCPython(v) !== undefined) continue;
      if (v.kind === 'function' || definedInPython(v)) PYTHON_FUNCTIONS.add(v);
      else C_FUNCTIONS.set(v, `${module}.${name}`);
      if (C_MODULES.includes(module) && !PYTHON_FUNCTIONS.has(v)) MODULE_OF.set(v, m);
    }
  }
  // the functions CPython writes in Python (a module's, and its classes' methods): their module, where they were defined
  for (const [module, m] of modules) {
    for (const v of m.attrs.values()) {
      if (isPlainFunc(v) && v.kind === 'function' && !DEFINED_IN.has(v)) DEFINED_IN.set(v, module);
      if (!(v instanceof PyClass)) continue;
      for (const a of v.attrs.values()) {
        const f = a instanceof PyStaticMethod || a instanceof PyClassMethod ? a.fn : a instanceof PyProperty ? a.fget : a;
        if (isPlainFunc(f) && f.kind === 'function' && !DEFINED_IN.has(f)) DEFINED_IN.set(f, typeof v.module === 'string' ? v.module : module);
      }
    }
  }
}

/** The module a module's function of kind 'function' (a def in CPython's library) was defined in, by its `__module__`. */
const DEFINED_IN = new WeakMap<PyFunc, string>();
export const moduleOfFunction = (f: PyFunc): string | undefined => DEFINED_IN.get(f);
/** f, a function CPython writes in Python, was defined in this module (a class the scan above does not reach: Fraction's property getters, numbers.Real's among them). */
export const noteDefinedIn = (f: PyFunc, module: string): void => void DEFINED_IN.set(f, module);

const notBuilt = (what: string, why: string): PyException => fatalErr(UnsupportedError, `${what} is not available in conditions: ${why}`);

/**
 * The attributes set on a def or lambda of the condition (`f.calls = 0`, `__wrapped__` by
 * functools.update_wrapper): its `__dict__`, made at the first store or read. A def is made anew
 * in each run (compile/functions.ts), so what it holds ends with its run; a module's function,
 * shared by every condition, takes none (shared-objects.ts).
 */
const OWN = new WeakMap<PyFunc, PyDict>();

/** A def's `__dict__`, the same dict at every read, so that a store through it is an attribute. */
export function defDict(f: PyFunc): PyDict {
  let d = OWN.get(f);
  if (d === undefined) OWN.set(f, (d = new PyDict()));
  return d;
}

/** The dict `obj.__dict__ = d` sets (d undefined: `del`), checked as PyObject_GenericSetDict checks it: a dict or a dict subclass's instance. */
export function dictToSet(d: Py | undefined): PyDict {
  step();
  if (d === undefined) throw typeErr('cannot delete __dict__');
  if (!(d instanceof PyDict)) throw typeErr(`__dict__ must be set to a dictionary, not a '${typeName(d)}'`);
  return d;
}

/** `f.__dict__ = d` on a def: d becomes its attributes. */
export const setDefDict = (f: PyFunc, d: Py | undefined): void => void OWN.set(f, dictToSet(d));

/** An attribute set on a def of the condition, or undefined. */
export const ownAttribute = (f: PyFunc, name: string): Py | undefined => (f.runDef !== null ? OWN.get(f)?.get(name) : undefined);

/**
 * `obj.name = v` (v undefined: `del obj.name`) on a function: on a def of the condition, kept in
 * its `__dict__`; on a method, CPython's errors for the names of METHOD_ATTRIBUTES (its members
 * are read-only); on a module's function, the refusal for those; whether it was done.
 */
export function storeFunctionAttribute(obj: Py, name: string, v: Py | undefined): boolean {
  const member = METHOD_ATTRIBUTES.has(name) && name !== '__qualname__';
  if (isBoundMethod(obj)) {
    if (!member) return false;
    if (obj.boundFunc !== undefined && name !== '__wrapped__') throw pyErr(AttributeError, 'readonly attribute');
    if (obj.boundFunc === undefined && name === '__self__') throw pyErr(AttributeError, `attribute '__self__' of 'builtin_function_or_method' objects is not writable`);
    return false;
  }
  if (!isRunDef(obj)) {
    // a module's function, shared: refused, not kept for the next condition to read
    const refused = member ? sharedObjectRefusal(obj, name) : undefined;
    if (refused !== undefined) throw refused;
    return false;
  }
  step();
  if (name === '__name__' || name === '__qualname__') renameDef(obj, name, v);
  else if (v !== undefined) defDict(obj).set(name, v);
  else if (OWN.get(obj)?.delete(name) !== true) throw attrErr(obj, name);
  return true;
}

/** func_set_name and func_set_qualname: a str (v undefined, a `del`, is not one). */
export function renameDef(f: PyFunc, attr: '__name__' | '__qualname__', v: Py | undefined): void {
  if (v instanceof PyStrBox) v = v.value;
  if (typeof v !== 'string') throw typeErr(`${attr} must be set to a string object`);
  if (attr === '__name__') assignName(f, v);
  else (f as { name: string }).name = v;
}

/** The keys of a def's `__dict__` (for dir()). */
export const ownFunctionAttributes = (f: PyFunc): readonly Py[] => OWN.get(f)?.keyList() ?? [];

/** The names answered here: these three, and a bound method's `__qualname__`, its function's. */
export const METHOD_ATTRIBUTES: ReadonlySet<string> = new Set(['__self__', '__func__', '__wrapped__', '__qualname__']);

/** type(v), as builtins.ts has it (it reaches this module through getattr): set by introspection.ts's setBuiltins. */
let typeOfValue: (v: Py) => PyType = () => {
  throw new Error('method-attributes.ts: builtins.ts has not set type()');
};
export const setMethodTypeOf = (f: (v: Py) => PyType): void => void (typeOfValue = f);

/**
 * meth_get__qualname__ of a builtin method bound to a value or a type: the `__qualname__` of the
 * type it is bound to (the value's own type, a subclass's too: `L().append` is
 * 'envelope.<locals>.L.append'), a dot and its name; bound to a module, its name.
 */
function builtinMethodQualname(f: PyFunc & { readonly boundSelf: Py }): Py {
  const self = f.boundSelf;
  const own = f.name.slice(f.name.lastIndexOf('.') + 1);
  if (self instanceof PyModule) return own;
  const type = self instanceof PyType ? self : typeOfValue(self);
  const q = getattr(type, '__qualname__');
  return typeof q === 'string' ? `${q}.${own}` : own;
}

/**
 * `f.__self__`, `f.__func__` or `f.__wrapped__` of a function or method (types/callable.ts's getattr):
 * the value, undefined where CPython has none (its AttributeError follows), or a refusal where the
 * evaluator cannot tell.
 */
export function methodAttribute(f: PyFunc, name: string): Py | undefined {
  if (name === '__qualname__') {
    if (isBoundMethod(f)) return f.boundFunc !== undefined ? getattr(f.boundFunc, name) : builtinMethodQualname(f);
    const descriptor = descriptorQualname(f);
    if (descriptor !== undefined) return descriptor;
    // a builtin's or a module's function: defined at its module's top level, so its name (len, json.dumps's 'dumps')
    return C_FUNCTIONS.has(f) || PYTHON_FUNCTIONS.has(f) ? f.name : undefined;
  }
  if (isBoundMethod(f)) {
    if (name === '__self__') return f.boundSelf;
    // a builtin method has neither
    if (f.boundFunc === undefined) return undefined;
    if (name === '__func__') return f.boundFunc;
    // method_getattro: any other name is the function's
    return getattr(f.boundFunc, name);
  }
  if (f.kind === 'function') return ownAttribute(f, name);
  // zip, functools.partial: types in CPython
  const type = typeInCPython(f);
  if (type !== undefined) throw missingAttr(`type object '${type}' has no attribute '${name}'`, name, f);
  if (f.kind === 'method') throw notBuilt(`'${name}' of this method`, 'the evaluator made it without keeping what it is bound to');
  // a module's function CPython writes in Python is a function there, which has none of these
  if (PYTHON_FUNCTIONS.has(f)) throw missingAttr(`'function' object has no attribute '${name}'`, name, f);
  const qualified = C_FUNCTIONS.get(f);
  if (qualified === undefined) throw notBuilt(`'${name}' of this function`, 'the evaluator does not record what CPython binds it to');
  if (name !== '__self__') return undefined;
  const module = MODULE_OF.get(f);
  if (module !== undefined) return module;
  if (BUILTIN_FUNCTIONS.has(f)) throw notBuilt(`'${qualified}.__self__'`, "it is the builtins module, which conditions cannot reach (it holds __import__, open and eval)");
  throw notBuilt(`'${qualified}.__self__'`, "it is a module CPython keeps apart from the one the condition imported (a C module's, as _operator's), which conditions cannot reach");
}
