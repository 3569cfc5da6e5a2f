import type { Py } from '../values.js';
import type { PyTypeSlots } from './protocol.js';

/**
 * The slots of each type represented by a class, by its class: a leaf that keys.ts and
 * hash.ts can read, below the classes (dict, set) that hash what they hold. registry.ts
 * fills it with the builtins' types; registerType adds one.
 */
const BY_CLASS = new Map<unknown, PyTypeSlots>();

/** Makes `slots` the type of every instance of `cls`. */
export function registerType(cls: abstract new (...args: any[]) => unknown, slots: PyTypeSlots): void {
  BY_CLASS.set(cls, slots);
}

/** The type of a value represented by a class, or undefined for one of no registered class. */
export function slotsOf(v: object): PyTypeSlots | undefined {
  return BY_CLASS.get((v as Py).constructor);
}
