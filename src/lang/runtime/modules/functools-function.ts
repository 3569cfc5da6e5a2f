/**
 * What functools' decorators make from a function (lru_cache's wrapper, singledispatch's):
 * callables whose name update_wrapper sets to the wrapped function's, which bind as methods
 * when read from an instance (kind 'function'), and which take attributes of their own, as
 * CPython's carry a __dict__. Each is made in a run and lives in it only.
 */
import { checkName } from '../attribute-names.js';
import { attrErr } from '../exceptions.js';
import { PyFunc, type Py } from '../values.js';

export abstract class WrapperFunc extends PyFunc {
  /** The attributes set on it (CPython's __dict__), once one was. */
  attrs: Map<string, Py> | null = null;
  constructor(wrapped: Py) {
    const box: { self?: WrapperFunc } = {};
    super(wrapped instanceof PyFunc ? wrapped.name : 'wrapper', (a, k) => box.self!.call(a, k), 'function');
    box.self = this;
  }
  abstract call(args: Py[], kw: Map<string, Py> | null): Py;
}

/** Its own attributes, then its qualified name. */
export function functionAttr(w: WrapperFunc, name: string): Py | undefined {
  const own = w.attrs?.get(name);
  if (own !== undefined) return own;
  return name === '__qualname__' ? w.name : undefined;
}

/** A store on it goes to its attributes; a delete of one it has not is CPython's AttributeError. */
export function setFunctionAttr(w: WrapperFunc, name: string, v: Py | undefined): void {
  if (v !== undefined) (w.attrs ??= new Map()).set(checkName(name), v);
  else if (w.attrs?.delete(name) !== true) throw attrErr(w, name);
}
