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
import { TUPLE } from './tuple.js';
import { VIEW } from './view.js';

/**
 * The type of every value represented by a class, by its class: one Map lookup, not a
 * chain of instanceof tests. To add a type (issues 11, 12: bigint, datetime, Counter, ...):
 * write its class and its module types/<name>.ts with its slots, and add its line here
 * (a primitive representation, as bigint, goes in typeOf's switch instead).
 */
const BY_CLASS = new Map<unknown, PyTypeSlots>([
  [PyFloat, FLOAT],
  [PyTuple, TUPLE],
  [PyDict, DICT],
  [PySet, SET],
  [PyRange, RANGE],
  [PyView, VIEW],
  [PyIterator, ITERATOR],
  [PyFunc, FUNCTION],
  [PyType, TYPE],
  [PyModule, MODULE],
  [PyException, EXCEPTION],
]);

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
      return BY_CLASS.get(v.constructor) ?? OBJECT;
    default:
      return OBJECT;
  }
}
