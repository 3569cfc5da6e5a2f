import { keyErr } from './exceptions.js';
import { PyMappingProxy } from './mappingproxy-value.js';
import { DICT } from './types/dict.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from './types/protocol.js';
import { registerType } from './types/table.js';
import { PyDict } from './values.js';

/** What CPython's mappingproxy offers of dict's methods: the reading ones, on the dict it shows. */
const METHODS = new Map<string, Method>(['keys', 'values', 'items', 'get', 'copy'].map((name) => [name, (v: PyMappingProxy, args, kw) => DICT.methods!.get(name)!(v.d, args, kw)]));

const MAPPINGPROXY: PyTypeSlots<PyMappingProxy> = {
  name: () => 'mappingproxy',
  truthy: (v) => v.d.size !== 0,
  hash: null,
  len: (v) => v.d.size,
  iter: (v) => DICT.iter!(v.d),
  repr: (v, item) => `mappingproxy(${item(v.d)})`,
  str: (v, _repr, str) => str(v.d),
  // mappingproxy_richcompare: the dict's comparison, with whatever is on the other side
  eq: (a, b, eq) => (b instanceof PyMappingProxy ? eq(a.d, b.d) : b instanceof PyDict ? eq(a.d, b) : NOT_IMPLEMENTED),
  contains: (v, item) => v.d.has(item),
  getitem: (v, key) => {
    const value = v.d.get(key);
    if (value === undefined) throw keyErr(key);
    return value;
  },
  // mappingproxy_or: the dicts' |, a new dict
  nb: { or: (a, b) => DICT.nb!.or!(a instanceof PyMappingProxy ? a.d : a, b instanceof PyMappingProxy ? b.d : b) },
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
