import type { PyFunc, PyModule, PyType } from '../values.js';
import type { PyTypeSlots } from './protocol.js';

/** Lambdas ('function') and builtins or bound methods ('builtin_function_or_method'). */
export const FUNCTION: PyTypeSlots<PyFunc> = {
  name: (v) => (v.kind === 'function' ? 'function' : 'builtin_function_or_method'),
  truthy: () => true,
  len: null,
  iter: null,
};

/** Types: int, KeyError, ... (callable too, but their own type is 'type'). */
export const TYPE: PyTypeSlots<PyType> = {
  name: () => 'type',
  truthy: () => true,
  len: null,
  iter: null,
};

/** re, json, math. */
export const MODULE: PyTypeSlots<PyModule> = {
  name: () => 'module',
  truthy: () => true,
  len: null,
  iter: null,
};
