import { typeErr } from './exceptions.js';
import type { Py, PyDict } from './values.js';

/**
 * A read-only view of a mapping, as CPython's mappingproxy: a class's `__dict__` (the dict is
 * the proxy's own, introspection.ts builds it from the class's table when read, so nothing
 * written through it could reach the class) or `types.MappingProxyType(m)`. Its slots are
 * mappingproxy.ts's; the class is here, a leaf, for dict() to read it as a mapping.
 */
export class PyMappingProxy {
  /** `d`: the dict shown, read directly; null for any other mapping (a dict's subclass, a class with __getitem__), read through its own methods. */
  constructor(readonly d: PyDict | null, readonly mapping: Py = d) {}

  /** mappingproxy_ior: `|=` is refused, where the binary operator would make a dict and rebind the name. */
  pyInplaceOr(_other: Py): never {
    throw typeErr("'|=' is not supported by mappingproxy; use '|' instead");
  }
}
