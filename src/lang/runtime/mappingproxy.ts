import { getattr } from './attributes.js';
import { countedCall } from './budget.js';
import { callValue } from './call.js';
import { keyErr } from './exceptions.js';
import * as ops from './ops.js';
import { PyMappingProxy } from './mappingproxy-value.js';
import { DICT } from './types/dict.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from './types/protocol.js';
import { registerType } from './types/table.js';
import { PyDict } from './values.js';

/**
 * What CPython's mappingproxy offers of dict's methods: the reading ones, on the dict it shows,
 * or called on any other mapping by name (mappingproxy_get and the rest call the mapping's own).
 */
const METHODS = new Map<string, Method>(['keys', 'values', 'items', 'get', 'copy'].map((name) => [name, (v: PyMappingProxy, args, kw) =>
  v.d !== null ? DICT.methods!.get(name)!(v.d, args, kw) : countedCall(() => callValue(getattr(v.mapping, name), args, kw))]));

/**
 * Any other mapping is read a level down, each level a countedCall toward the recursion limit, so
 * that proxies in proxies end in RecursionError, never the host's stack: CPython counts one for a
 * method call and str (its words below), and walks len, [] and | in C.
 */
const MAPPINGPROXY: PyTypeSlots<PyMappingProxy> = {
  name: () => 'mappingproxy',
  // no nb_bool: its length (mappingproxy_len), the mapping's
  truthy: (v) => (v.d !== null ? v.d.size !== 0 : countedCall(() => ops.len(v.mapping)) !== 0),
  hash: null,
  len: (v) => (v.d !== null ? v.d.size : countedCall(() => ops.len(v.mapping))),
  iter: (v) => (v.d !== null ? DICT.iter!(v.d) : countedCall(() => ops.iterate(v.mapping))),
  repr: (v, item) => `mappingproxy(${item(v.mapping)})`,
  str: (v, _repr, str) => (v.d !== null ? str(v.d) : countedCall(() => str(v.mapping), 'while getting the str of an object')),
  // mappingproxy_richcompare: the mapping's comparison, with whatever is on the other side
  eq: (a, b, eq) => {
    // a level of the comparison's own count (compare.ts), as PyObject_RichCompare's in CPython
    if (a.d === null) return eq(a.mapping, b);
    return b instanceof PyMappingProxy ? eq(a.d, b.mapping) : b instanceof PyDict ? eq(a.d, b) : NOT_IMPLEMENTED;
  },
  contains: (v, item) => (v.d !== null ? v.d.has(item) : countedCall(() => ops.contains(v.mapping, item))),
  getitem: (v, key) => {
    if (v.d === null) return countedCall(() => ops.getitem(v.mapping, key));
    const value = v.d.get(key);
    if (value === undefined) throw keyErr(key);
    return value;
  },
  // mappingproxy_or: the mappings' |, a new dict for two dicts
  nb: {
    or: (a, b) => {
      const x = a instanceof PyMappingProxy ? a.mapping : a;
      const y = b instanceof PyMappingProxy ? b.mapping : b;
      return x instanceof PyDict && y instanceof PyDict && x.constructor === PyDict ? DICT.nb!.or!(x, y) : countedCall(() => ops.bitop('|', x, y));
    },
  },
  methods: METHODS,
};

/**
 * The entry CPython's type_new puts in a class's dict for the `__dict__` and `__weakref__` its
 * instances gain: a getset_descriptor, shown as `<attribute '__dict__' of 'C' objects>`. It
 * is shown and compared by identity here, and reads nothing.
 */
export class PyGetSetDescriptor {
  constructor(readonly name: string, readonly owner: string) {}
}

const GETSET: PyTypeSlots<PyGetSetDescriptor> = {
  name: () => 'getset_descriptor',
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v) => `<attribute '${v.name}' of '${v.owner}' objects>`,
};

export { PyMappingProxy };
registerType(PyMappingProxy, MAPPINGPROXY);
registerType(PyGetSetDescriptor, GETSET);
