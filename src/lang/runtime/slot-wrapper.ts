import { AttributeError, pyErr } from './exceptions.js';
import { PyFunc, type NativeFn, type PyException, type PyType } from './values.js';

/**
 * A builtin type's attribute read through the type: a dunder (`<slot wrapper '__add__' of 'int'
 * objects>`) or a method (`<method 'append' of 'list' objects>`, a method_descriptor). A module
 * of its own, below attributes.ts, which makes the methods, and super-unbound.ts, which makes
 * the dunders and gives the type its slots.
 */
export class PySlotWrapper extends PyFunc {
  /** A descriptor, as CPython's: read from an instance's class, it is bound to the instance (`__hash__ = int.__hash__`). */
  readonly bindsToInstance = true;
  /** Its `__objclass__`, where the maker knows the type and not only its name. */
  objclass: PyType | undefined = undefined;
  constructor(readonly of: string, name: string, fn: NativeFn, readonly method: boolean) {
    super(name, fn, 'builtin');
  }
}

/** A store or `del` of a descriptor's attribute, in CPython's words: its `__name__` and `__objclass__` are read-only members, its `__qualname__`, `__doc__` and `__text_signature__` getters, and it has nothing else. */
export function descriptorStoreError(d: PySlotWrapper, name: string): PyException {
  const type = d.method ? 'method_descriptor' : 'wrapper_descriptor';
  if (name === '__name__' || name === '__objclass__') return pyErr(AttributeError, 'readonly attribute');
  if (name === '__qualname__' || name === '__doc__' || name === '__text_signature__') return pyErr(AttributeError, `attribute '${name}' of '${type}' objects is not writable`);
  return pyErr(AttributeError, `'${type}' object has no attribute '${name}'`);
}
