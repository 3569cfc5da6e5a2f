import { BUILTIN_DUNDER_NAMES } from '../../dunders.js';
import { missingAttr, typeErr } from '../exceptions.js';
import { PerRun } from '../per-run.js';
import { METHOD_ATTRIBUTES, methodAttribute } from '../method-attributes.js';
import type { PyFunc, PyModule, PyType } from '../values.js';
import type { PyTypeSlots } from './protocol.js';

/** Lambdas ('function') and builtins or bound methods ('builtin_function_or_method'). */
export const FUNCTION: PyTypeSlots<PyFunc> = {
  name: (v) => (v.kind === 'function' ? 'function' : 'builtin_function_or_method'),
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => (v.kind === 'function' ? `<function ${v.name}>` : `<built-in function ${v.name}>`),
  // a def's or lambda's qualified name: envelope.<locals>.f; a method's instance and function (method-attributes.ts)
  getattr: (v, name) => (v.kind === 'function' && name === '__qualname__' ? v.name : METHOD_ATTRIBUTES.has(name) ? methodAttribute(v, name) : undefined),
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
