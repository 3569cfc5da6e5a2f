/**
 * mappingproxy: a read-only view of a dict, as a dict view's `mapping` is (dictview_mapping):
 * it reads the dict as it is now, refuses item stores and deletes, and its methods are the dict's.
 */
import { callValue } from '../call.js';
import { getattr } from '../attributes.js';
import * as ops from '../ops.js';
import type { PyDict } from '../values.js';
import type { Method, PyTypeSlots } from './protocol.js';
import { registerType } from './table.js';

export class PyMappingProxy {
  constructor(readonly mapping: PyDict) {}
}

/** The proxy's methods: the mapping's own, called on it (mappingproxy_get and the rest). */
const forward = (name: string): Method => (p: PyMappingProxy, args, kw) => callValue(getattr(p.mapping, name), args, kw);

const SLOTS: PyTypeSlots<PyMappingProxy> = {
  name: () => 'mappingproxy',
  truthy: (p) => ops.truthy(p.mapping),
  len: (p) => ops.len(p.mapping),
  iter: (p) => ops.iterate(p.mapping),
  repr: (p, item) => `mappingproxy(${item(p.mapping)})`,
  str: (p, _repr, str) => str(p.mapping),
  // mappingproxy has no hash of its own: its type's is None in effect here
  hash: null,
  // mappingproxy_richcompare: the mapping's comparison
  eq: (p, other, eq) => eq(p.mapping, other instanceof PyMappingProxy ? other.mapping : other),
  contains: (p, item) => ops.contains(p.mapping, item),
  getitem: (p, key) => ops.getitem(p.mapping, key),
  methods: new Map(['get', 'keys', 'values', 'items', 'copy'].map((n) => [n, forward(n)])),
};
registerType(PyMappingProxy, SLOTS);
