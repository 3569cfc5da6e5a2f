import type { Py } from '../values.js';
import { OBJECT } from './object.js';
import type { Method, PyTypeSlots } from './protocol.js';

/**
 * The slots of each type, by how its values are represented: a leaf that the operators,
 * keys.ts and hash.ts read, below every type's module, so that a type may declare methods
 * that call the operators (list.sort compares) without an import cycle. registry.ts fills
 * it with the builtin types, which engine.ts loads before anything runs; registerType adds
 * one more. A JS object's type is found by its class; a primitive's by its typeof, as a
 * CPython object's by its ob_type.
 */
const BY_CLASS = new Map<unknown, PyTypeSlots>();

/** The builtin types a JS primitive (or Array) represents, by the name of their Python type. */
export type Primitive = 'str' | 'int' | 'bool' | 'NoneType' | 'list';

/** A primitive's type before registry.ts ran: a runtime used without it (engine.ts imports it) fails at once, rather than answering as for an object. */
const unregistered = (): never => {
  throw new Error('the builtin types are not registered: import src/lang/runtime/types/registry.ts first (engine.ts does)');
};
const UNREGISTERED: PyTypeSlots = { name: unregistered, truthy: unregistered, len: unregistered, iter: unregistered };

let STR = UNREGISTERED;
let INT = UNREGISTERED;
let BOOL = UNREGISTERED;
let NONE = UNREGISTERED;
let LIST = UNREGISTERED;

/** Makes `slots` the type of every instance of `cls`. */
export function registerType(cls: abstract new (...args: any[]) => unknown, slots: PyTypeSlots): void {
  BY_CLASS.set(cls, slots);
}

/** Makes `slots` the type of a primitive representation: str for JS strings, int for numbers and bigints, ... */
export function registerPrimitive(kind: Primitive, slots: PyTypeSlots): void {
  if (kind === 'str') STR = slots;
  else if (kind === 'int') INT = slots;
  else if (kind === 'bool') BOOL = slots;
  else if (kind === 'NoneType') NONE = slots;
  else LIST = slots;
}

/** The builtin type objects whose methods are reached through them (str.lower unbound, dict.fromkeys), by name. */
const BY_NAME = new Map<string, PyTypeSlots>();

/** Makes the builtin type object called `name` answer `slots`' methods unbound, and its class methods. */
export function registerTypeObject(name: string, slots: PyTypeSlots): void {
  BY_NAME.set(name, slots);
}

/** The slots behind a builtin type object, by its name; undefined for one registerTypeObject did not name. */
export const slotsNamed = (name: string): PyTypeSlots | undefined => BY_NAME.get(name);

/** The slots registered for a class of values, or undefined. */
export const slotsOfClass = (cls: abstract new (...args: any[]) => unknown): PyTypeSlots | undefined => BY_CLASS.get(cls);

/** The type of a value represented by a class, or undefined for one of no registered class. */
export function slotsOf(v: object): PyTypeSlots | undefined {
  return BY_CLASS.get((v as Py).constructor);
}

/** A module type's dunder as a protocol calls it (int(), float(), round(), copy): its own table's, or its subclass's instance's base's. */
export function protocolMethod(v: Py, name: string): Method | undefined {
  // by typeOf, as the callers asked before: None and the primitives have no constructor to file
  const slots = typeOf(v);
  return slots.methods?.get(name) ?? slots.baseMethods?.get(name);
}

/** A value's type: primitives by typeof (the hot path), objects by their class. */
export function typeOf(v: Py): PyTypeSlots {
  switch (typeof v) {
    case 'string':
      return STR;
    case 'number':
    case 'bigint':
      return INT;
    case 'boolean':
      return BOOL;
    case 'object':
      if (v === null) return NONE;
      // a list subclass's instance is an Array of another class (builtin-subclass.ts)
      if (Array.isArray(v)) return v.constructor === Array ? LIST : BY_CLASS.get(v.constructor)!;
      return slotsOf(v) ?? OBJECT;
    default:
      return OBJECT;
  }
}
