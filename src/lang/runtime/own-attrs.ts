/**
 * The attributes of an instance of a library class that Lib/collections writes in Python
 * (Counter, OrderedDict, ChainMap): CPython gives each instance a __dict__,
 * so `c.x = 1` is stored there and vars(c) answers it. The table is the instance's own (made at
 * the first store), never the shared type's. A name the class itself has (a method, a dunder)
 * is refused: CPython's instance entry would shadow the method for reads, which the evaluator's
 * method lookup, ahead of any instance table, does not follow.
 */
import { checkName } from './attribute-names.js';
import { step } from './budget.js';
import { attrErr, fatalErr, UnsupportedError } from './exceptions.js';
import type { Py, PyType } from './values.js';

/** A value that keeps its own attributes' table (null until the first store). */
export interface OwnAttrs {
  attrs: Map<string, Py> | null;
}

/** The instance classes so filed: set when their modules load, never per run. */
const KINDS = new Set<unknown>();
export function fileOwnAttrs(ctor: abstract new (...a: never[]) => OwnAttrs): void {
  KINDS.add(ctor);
}

export const hasOwnAttrs = (v: Py): v is Py & OwnAttrs => typeof v === 'object' && v !== null && KINDS.has(v.constructor);

/** The instance's table, made where it had none (`__dict__`, vars()). */
export const ownTable = (v: OwnAttrs): Map<string, Py> => (v.attrs ??= new Map());

/** A store (value undefined: a delete) in the instance's table; `classHas` says whether its type has the name. */
export function setOwnAttr(v: Py & OwnAttrs, type: PyType, name: string, value: Py | undefined, classHas: (name: string) => boolean): void {
  step();
  if (classHas(name)) throw fatalErr(UnsupportedError, `${value === undefined ? 'deleting' : 'setting'} '${type.name.slice(type.name.lastIndexOf('.') + 1)}.${name}' on an instance is not available in conditions: the class's own attribute of that name is read first here`);
  if (value !== undefined) ownTable(v).set(checkName(name), value);
  else if (v.attrs?.delete(name) !== true) throw attrErr(v, name);
}
