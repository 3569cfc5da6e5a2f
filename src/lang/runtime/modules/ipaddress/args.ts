/** Arguments bound as ipaddress.py's functions bind theirs, with CPython's words for a wrong call. */
import { bindArgs, Signature } from '../../signature.js';
import type { Py } from '../../values.js';

/** A function's binder: its parameters ('' for a bare `*`) and their defaults (undefined: required); a method's first is its receiver. */
export function binder(qualname: string, params: string[], defaults: (Py | undefined)[]): (a: Py[], kw: Map<string, Py> | null) => Py[] {
  const signature = new Signature(qualname, params.map((name) => ({ name, star: name === '' ? ('*' as const) : ('' as const) })), 'python');
  return (a, kw) => bindArgs(signature, a, kw, defaults as Py[]);
}
