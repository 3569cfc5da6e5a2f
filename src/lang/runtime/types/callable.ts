import { BUILTIN_DUNDER_NAMES } from '../../dunders.js';
import { missingAttr, typeErr } from '../exceptions.js';
import { PerRun } from '../per-run.js';
import { idOf } from '../identity.js';
import { METHOD_ATTRIBUTES, methodAttribute } from '../method-attributes.js';
import { isBoundMethod, type Py, type PyFunc, type PyModule, type PyType } from '../values.js';
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

/** Lambdas ('function') and builtins or bound methods ('builtin_function_or_method'). */
export const FUNCTION: PyTypeSlots<PyFunc> = {
  name: (v) => (v.kind === 'function' ? 'function' : 'builtin_function_or_method'),
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => (v.kind === 'function' ? `<function ${v.name}>` : `<built-in function ${v.name}>`),
  // a def's or lambda's qualified name: envelope.<locals>.f; a method's instance and function (method-attributes.ts)
  getattr: (v, name) => (v.kind === 'function' && name === '__qualname__' ? v.name : METHOD_ATTRIBUTES.has(name) ? methodAttribute(v, name) : undefined),
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
  repr: (v) => `<class '${v.name}'>`,
};

/** re, json, math. */
export const MODULE: PyTypeSlots<PyModule> = {
  name: () => 'module',
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => `<module '${v.name}'>`,
  getattr(v, name) {
    const member = v.attrs.get(name);
    // a module's dunder methods (__eq__, __repr__) are not built: refused, not missing
    if (member === undefined && BUILTIN_DUNDER_NAMES.has(name)) throw typeErr(`module.${name} is not built in conditions`);
    if (member === undefined) throw missingAttr(`module '${v.name}' has no attribute '${name}'`, name, v);
    return member instanceof PerRun ? member.current() : member;
  },
};
