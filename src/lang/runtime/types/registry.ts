import { PyDict, PyException, PyFloat, PyFunc, PyIterator, PyModule, PyRange, PySet, PyTuple, PyType, PyView, type Py } from '../values.js';
import { BOOL } from './bool.js';
import { FUNCTION, MODULE, TYPE } from './callable.js';
import { DICT } from './dict.js';
import { EXCEPTION } from './exception.js';
import { FLOAT } from './float.js';
import { INT } from './int.js';
import { ITERATOR } from './iterator.js';
import { LIST } from './list.js';
import { NONE } from './none.js';
import { OBJECT } from './object.js';
import type { PyTypeSlots } from './protocol.js';
import { RANGE } from './range.js';
import { SET } from './set.js';
import { STR } from './str.js';
import { registerType, slotsOf } from './table.js';
import { TUPLE } from './tuple.js';
import { VIEW } from './view.js';

/**
 * The type of every value represented by a class, by its class (table.ts): one Map lookup,
 * not a chain of instanceof tests. To add a type (issues 11, 12: datetime, Counter, a
 * class, ...): write its class and its slots (protocol.ts) in types/<name>.ts, and add
 * its registerType line here; repr, str, ==, <, hash, json, the operators, `in`, getattr,
 * its methods, type() and isinstance() then ask it. A type whose module imports the
 * operators (ops.ts, compare.ts: they import this registry) calls registerType at the end
 * of its own module instead, as test/support/point-type.ts does, so that no import cycle
 * forms; its values exist only once that module ran. A primitive representation, as
 * bigint, goes in typeOf's switch instead.
 */
registerType(PyFloat, FLOAT);
registerType(PyTuple, TUPLE);
registerType(PyDict, DICT);
registerType(PySet, SET);
registerType(PyRange, RANGE);
registerType(PyView, VIEW);
registerType(PyIterator, ITERATOR);
registerType(PyFunc, FUNCTION);
registerType(PyType, TYPE);
registerType(PyModule, MODULE);
registerType(PyException, EXCEPTION);

export { registerType };

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
      if (Array.isArray(v)) return LIST;
      return slotsOf(v) ?? OBJECT;
    default:
      return OBJECT;
  }
}
