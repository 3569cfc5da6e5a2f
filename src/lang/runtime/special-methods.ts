import type { Py } from './values.js';

/**
 * _PyObject_LookupSpecial and its call, as the builtins below the classes ask them (float(),
 * int(), round(), math's, '%d'): a condition's instance's own dunder, found on its class. The
 * classes set the two functions (class-operators.ts), so that this module needs nothing of
 * theirs; before that no value has a class of a condition's.
 */
let lookup: (v: object, name: string) => Py | undefined = () => undefined;
let call: (v: object, name: string, args: Py[]) => Py | undefined = () => undefined;

export function setSpecial(has: typeof lookup, called: typeof call): void {
  lookup = has;
  call = called;
}

/** What v's class (or a class of its order) holds as `name`, where v is an instance of a condition's class; else undefined. */
export const specialOf = (v: Py, name: string): Py | undefined => (v !== null && typeof v === 'object' ? lookup(v, name) : undefined);

/** Whether v is an instance of a condition's class whose class defines `name`. */
export const hasSpecial = (v: Py, name: string): boolean => specialOf(v, name) !== undefined;

/** v's own `name` called with args (a step and a frame, as any call of the condition's); undefined where its class defines none. */
export const callSpecial = (v: Py, name: string, args: Py[] = []): Py | undefined => (v !== null && typeof v === 'object' ? call(v, name, args) : undefined);
