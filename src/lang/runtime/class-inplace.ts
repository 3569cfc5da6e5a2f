import { callOwn, NOT_IMPLEMENTED_VALUE } from './class-operators.js';
import { isInstance } from './class-values.js';
import { NOT_IMPLEMENTED, type NotImplemented } from './types/protocol.js';
import type { Py } from './values.js';

/** The in-place operators' dunders, by operator. */
const NAMES: Record<string, string> = {
  '+': '__iadd__',
  '-': '__isub__',
  '*': '__imul__',
  '/': '__itruediv__',
  '//': '__ifloordiv__',
  '%': '__imod__',
  '**': '__ipow__',
  '@': '__imatmul__',
  '&': '__iand__',
  '|': '__ior__',
  '^': '__ixor__',
  '<<': '__ilshift__',
  '>>': '__irshift__',
};

/**
 * `a op= b` by a's class's own in-place method (__iadd__, ...), as binary_iop1 asks
 * nb_inplace_add before the binary operator: its answer (the value stored back, whatever it
 * is); NOT_IMPLEMENTED where it answered NotImplemented, and then the binary operator follows
 * (__add__ and __radd__, the base's, not the base's in-place change, which the method
 * replaced); undefined where the class has none, and the operator goes on as for any value.
 */
export function classInplace(op: string): (a: Py, b: Py) => Py | NotImplemented | undefined {
  const name = NAMES[op];
  return (a, b) => {
    if (!isInstance(a)) return undefined;
    const r = callOwn(a, name, [b]);
    return r === NOT_IMPLEMENTED_VALUE ? NOT_IMPLEMENTED : r;
  };
}
