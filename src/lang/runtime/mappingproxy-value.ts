import type { PyDict } from './values.js';

/**
 * A class's `__dict__`: a read-only view of a dict, as CPython's mappingproxy. The dict is
 * the proxy's own (introspection.ts builds it from the class's table when read), so nothing
 * written through it could reach the class: it has no item assignment, as CPython's has none.
 * Its slots are mappingproxy.ts's; the class is here, a leaf, for dict() to read it as a mapping.
 */
export class PyMappingProxy {
  constructor(readonly d: PyDict) {}
}
