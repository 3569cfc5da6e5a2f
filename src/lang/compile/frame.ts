import { fatalErr, nameErr, UnboundLocalError, UnsupportedError, pyErr } from '../runtime/exceptions.js';
import { REFUSED_BUILTINS } from '../runtime/refused-builtins.js';
import { PyException, type Py } from '../runtime/values.js';

/** A compiled expression. */
export type Ev = (f: Frame) => Py;
/** A compiled statement; it answers how control leaves it. */
export type Ex = (f: Frame) => number;

/** How control leaves a statement. */
export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;

/** The variables of one function activation: the condition's envelope, a lambda or a comprehension. */
export class Frame {
  ret: Py = null;
  constructor(readonly s: Py[], readonly up: Frame | null, readonly g: Py[]) {}
}



/** Unbinds every slot: a loop V8 inlines, where Array#fill is a call that costs more than a run of a small condition. */
export function clearSlots(slots: Py[]): void {
  for (let i = 0; i < slots.length; i++) slots[i] = undefined;
}

/** Reading a variable that holds no value: CPython's error for a local or a global, or a builtin the sandbox refuses. */
export function unbound(name: string, local: boolean): PyException {
  if (local) return pyErr(UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
  const why = REFUSED_BUILTINS.get(name);
  return why === undefined ? nameErr(name) : fatalErr(UnsupportedError, `'${name}' is not available in conditions: ${why}`);
}
