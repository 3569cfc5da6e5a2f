import { PyTypeOfBases } from '../exceptions.js';
import { PyDict, PyException, PyFloat, PyFunc, PyIterator, PyModule, PyRange, PySet, PyTuple, PyType, PyView } from '../values.js';
import { BOOL } from './bool.js';
import { FUNCTION, MODULE, TYPE } from './callable.js';
import { DICT } from './dict.js';
import { EXCEPTION } from './exception.js';
import { FLOAT } from './float.js';
import { INT } from './int.js';
import { ITERATOR } from './iterator.js';
import { LIST } from './list.js';
import { NONE } from './none.js';
import { RANGE } from './range.js';
import { SET } from './set.js';
import { STR } from './str.js';
import { registerPrimitive, registerType, registerTypeObject, typeOf } from './table.js';
import { TUPLE } from './tuple.js';
import { VIEW } from './view.js';

/**
 * The builtin types, registered by how their values are represented (table.ts): a class's
 * by its class, one Map lookup rather than a chain of instanceof tests; a primitive's by
 * its typeof. engine.ts imports this module, so the types are in place before anything
 * runs; the operators import table.ts, not this, since the types' methods call them. To add
 * a type (issues 11, 12: datetime, Counter, a class, ...): write its class and its slots
 * (protocol.ts), methods included, in types/<name>.ts, and add its registerType line here;
 * repr, str, ==, <, hash, json, the operators, `in`, getattr, its methods, type() and
 * isinstance() then ask it. A module's own type may instead call registerType at its end,
 * as the modules' types do (datetime, collections); its values exist only once it ran.
 */
// their slots share one shape, absent ones written as undefined, so that the operators' loads of a primitive's slots stay monomorphic
registerPrimitive('str', STR);
registerPrimitive('int', INT);
registerPrimitive('bool', BOOL);
registerPrimitive('NoneType', NONE);
registerPrimitive('list', LIST);
registerType(PyFloat, FLOAT);
registerType(PyTuple, TUPLE);
registerType(PyDict, DICT);
registerType(PySet, SET);
registerType(PyRange, RANGE);
registerType(PyView, VIEW);
registerType(PyIterator, ITERATOR);
registerType(PyFunc, FUNCTION);
registerType(PyType, TYPE);
// a type of several bases (ExceptionGroup, enum.IntFlag) is a type as any other
registerType(PyTypeOfBases, TYPE);
registerType(PyModule, MODULE);
registerType(PyException, EXCEPTION);

// `str.lower` unbound and `dict.fromkeys` through the type object, for these types only
registerTypeObject('str', STR);
registerTypeObject('float', FLOAT);
registerTypeObject('list', LIST);
registerTypeObject('dict', DICT);
registerTypeObject('set', SET);
registerTypeObject('tuple', TUPLE);
registerTypeObject('int', INT);
// bool.from_bytes, its own class method; its other methods are int's (attributes.ts)
registerTypeObject('bool', BOOL);

/** A value's type, for a test that wants the builtin types registered by its import. */
export { typeOf };
