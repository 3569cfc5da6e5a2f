import { typeRepr } from '../module-types.js';
import { BUILTIN_DUNDER_NAMES } from '../../dunders.js';
import { AttributeError, fatalErr, missingAttr, UnsupportedError } from '../exceptions.js';
import { getattr } from '../attributes.js';
import { PerRun } from '../per-run.js';
import { idOf } from '../identity.js';
import { METHOD_ATTRIBUTES, methodAttribute } from '../method-attributes.js';
import { descriptorQualname } from '../def-names.js';
import { isAbstractValue } from '../abstract-marks.js';
import { isRunDef } from '../shared-objects.js';
import { isBoundMethod, isDefMethod, PyException, typeName, type Py, type PyFunc, type PyModule, type PyType } from '../values.js';
import { NOT_IMPLEMENTED, type PyTypeSlots } from './protocol.js';

/**
 * Two bound methods are equal where CPython's method_richcompare (a def's) or meth_richcompare (a
 * builtin's) finds them so: the same `__self__` by identity, and the same function (by == for a
 * def's; a builtin's by its C function, which here is its name on that same value). Each
 * `a.f` is a new object, so `a.f == a.f` was False and `{a.f, a.f}` held two.
 */
const sameMethod = (a: PyFunc, b: Py, eq: (x: Py, y: Py) => boolean): boolean | typeof NOT_IMPLEMENTED => {
  // a def's method and a builtin's are two types in CPython: neither answers the other
  if (!isBoundMethod(a) || !isBoundMethod(b) || (a.boundFunc === undefined) !== (b.boundFunc === undefined)) return NOT_IMPLEMENTED;
  if (a.boundSelf !== b.boundSelf) return false;
  return a.boundFunc === undefined ? a.name === b.name : eq(a.boundFunc, b.boundFunc!);
};

/** method_repr's name of a method's function: its `__qualname__`, else its `__name__`, where either is a str; else '?'. */
function methodName(f: Py): string {
  for (const name of ['__qualname__', '__name__']) {
    try {
      const v = getattr(f, name);
      return typeof v === 'string' ? v : '?';
    } catch (e) {
      if (!(e instanceof PyException) || e.fatal || !e.type.isSubclassOf(AttributeError)) throw e;
    }
  }
  return '?';
}

/**
 * meth_repr: a builtin method bound to a value is `<built-in method append of list object>`, and
 * a class method (bound to its type, or kept in the type's attributes) `of type object`; CPython
 * adds the address.
 */
function builtinRepr(v: PyFunc): string {
  const name = v.name.slice(v.name.lastIndexOf('.') + 1);
  if (isBoundMethod(v)) return `<built-in method ${name} of ${typeName(v.boundSelf)} object>`;
  return v.kind === 'method' && descriptorQualname(v) !== undefined ? `<built-in method ${name} of type object>` : `<built-in function ${v.name}>`;
}

/** Lambdas ('function'), methods of a def or a classmethod ('method'), and builtins and their methods ('builtin_function_or_method'). */
export const FUNCTION: PyTypeSlots<PyFunc> = {
  name: (v) => (v.kind === 'function' ? 'function' : isDefMethod(v) ? 'method' : 'builtin_function_or_method'),
  truthy: () => true,
  len: null,
  iter: null,
  // CPython adds the address to a function's (` at 0x7f...`), which differs in every process: left out here
  repr: (v, item) => (v.kind === 'function' ? `<function ${v.name}>` : isDefMethod(v) ? `<bound method ${methodName(v.boundFunc)} of ${item(v.boundSelf)}>` : builtinRepr(v)),
  // a def's or lambda's qualified name: envelope.<locals>.f; what is set on a def, and a method's instance and
  // function, whose other attributes are the function's (method_getattro) (method-attributes.ts)
  getattr: (v, name) => {
    // the library's abstract methods, shared, hold no attributes: abc's mark is their `__isabstractmethod__`
    if (name === '__isabstractmethod__' && !isRunDef(v) && !isBoundMethod(v) && isAbstractValue(v)) return true;
    if (v.kind === 'function') return name === '__qualname__' ? v.name : methodAttribute(v, name);
    return METHOD_ATTRIBUTES.has(name) || (isBoundMethod(v) && v.boundFunc !== undefined) ? methodAttribute(v, name) : undefined;
  },
  eq: sameMethod,
  // equal methods share a key (their instance's and function's identities); any other function is its own
  key: (v) => (isBoundMethod(v) ? `\u0000method${idOf(v.boundSelf)}${v.boundFunc === undefined ? `.${v.name}` : `:${idOf(v.boundFunc)}`}` : v),
};

/** Types: int, KeyError, ... (callable too, but their own type is 'type'). */
export const TYPE: PyTypeSlots<PyType> = {
  name: () => 'type',
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => typeRepr(v.name),
};

/** Whether CPython's module has the name, where the evaluator's has not (dir.ts, which holds CPython's lists, sets it). */
let inCPythonModule: (module: string, name: string) => boolean = () => false;
export const setModuleNamesInCPython = (f: typeof inCPythonModule): void => void (inCPythonModule = f);

/** A name the module lacks here: refused where CPython's has it (a condition that reads it would have an answer there), else left to the caller's error. */
export function refuseIfInCPython(module: PyModule, name: string): void {
  if (inCPythonModule(module.name, name)) throw fatalErr(UnsupportedError, `'${module.name}.${name}' is not available in conditions: the evaluator does not build it`);
}

/** re, json, math. */
export const MODULE: PyTypeSlots<PyModule> = {
  name: () => 'module',
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => `<module '${v.name}'>`,
  getattr(v, name) {
    const member = v.attrs.get(name);
    // a module's dunder methods (__eq__, __repr__) are not built: refused (fatal), not missing
    if (member === undefined && BUILTIN_DUNDER_NAMES.has(name)) throw fatalErr(UnsupportedError, `'module.${name}' is not available in conditions: the evaluator does not build it`);
    if (member === undefined) {
      refuseIfInCPython(v, name);
      throw missingAttr(`module '${v.name}' has no attribute '${name}'`, name, v);
    }
    return member instanceof PerRun ? member.current() : member;
  },
};
