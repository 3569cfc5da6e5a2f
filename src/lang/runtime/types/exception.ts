import { groupMethod } from '../exception-group-split.js';
import { one } from '../args.js';
import { countedCall, nestingRoom, step, tooDeep } from '../budget.js';
import { callValue } from '../call.js';
import { instanceAttr, PyClass } from '../class-values.js';
import { bindAttr } from '../descriptors.js';
import { fieldGet, fieldStr, hasFields } from '../exception-fields.js';
import { BaseExceptionGroup, KeyError, typeErr } from '../exceptions.js';
import { PyException, PyFunc, PyStrBox, PyTuple, tupleOf, typeName, type Py } from '../values.js';
import type { ItemRepr, PyTypeSlots } from './protocol.js';

/** Each exception's args as one tuple, read as often as asked (`e.args is e.args`): by the array, which setting args replaces. */
const ARGS = new WeakMap<Py[], PyTuple>();

function argsTuple(args: Py[]): PyTuple {
  let t = ARGS.get(args);
  if (t === undefined) ARGS.set(args, (t = tupleOf(args.slice())));
  return t;
}

/** `e.args = t` of a tuple keeps t itself, as PySequence_Tuple answers an exact tuple: args is the new array of its items. */
export function argsSetTo(args: Py[], t: Py): void {
  if (t instanceof PyTuple && t.constructor === PyTuple) ARGS.set(args, t);
}

/** An exception instance: its type is its class (KeyError, ...). */
export const EXCEPTION: PyTypeSlots<PyException> = {
  name: (v) => v.type.name,
  truthy: () => true,
  len: null,
  iter: null,
  getattr: exceptionAttr,
  repr: (v, item) => ownDunder(v, '__repr__') ?? baseRepr(v, item),
  str: (v, repr, str) => ownDunder(v, '__str__') ?? exceptionStr(v, repr, str),
};

/**
 * `e.name`: a condition's class's own attribute or property first (found before the base's
 * descriptors in the order: `args = 5` in the class body is what e.args reads), then
 * BaseException's and its subclasses' own (`raise ... from c` shows c only here), then the
 * instance's attributes.
 */
function exceptionAttr(v: PyException, name: string): Py | undefined {
  if (v.type instanceof PyClass && v.type.lookup(name) !== undefined) return instanceAttr(v.type, v.dict, v, name);
  switch (name) {
    case 'args':
      return argsTuple(v.args);
    case '__cause__':
      return v.cause;
    case '__context__':
      return v.context ?? null;
    case '__suppress_context__':
      return v.suppressContext;
    case 'with_traceback':
      // BaseException_with_traceback: a condition has no traceback to give (no __traceback__), so None only
      return new PyFunc(name, (args, kw) => {
        if (one(name, args, kw, 'BaseException') !== null) throw typeErr('__traceback__ must be a traceback or None');
        return v;
      }, 'method');
    case 'add_note':
      return new PyFunc(name, (args, kw) => addNote(v, one(name, args, kw, 'BaseException')), 'method');
  }
  const field = fieldGet(v, name);
  if (field !== undefined) return field;
  const method = v.type.isSubclassOf(BaseExceptionGroup) ? groupMethod(v, name) : undefined;
  if (method !== undefined) return method;
  return v.type instanceof PyClass ? instanceAttr(v.type, v.dict, v, name) : v.dict?.get(name);
}

/** BaseException.add_note: a str appended to the list __notes__, made on the first note. */
function addNote(v: PyException, note: Py): null {
  if (typeof note !== 'string' && !(note instanceof PyStrBox)) throw typeErr(`note must be a str, not '${typeName(note)}'`);
  const dict = (v.dict ??= new Map());
  let notes = dict.get('__notes__');
  if (notes === undefined) dict.set('__notes__', (notes = []));
  if (!Array.isArray(notes)) throw typeErr('Cannot add note: __notes__ is not a list');
  notes.push(note);
  return null;
}

/** BaseException.__repr__, whatever the class's: its class's name (_PyType_Name's, after the module's: error('x') of struct.error) and its arguments. */
// BaseException_repr: one argument's repr, or the args tuple's itself, whose repr meets it again as (...)
export const baseRepr = (v: PyException, item: ItemRepr): string =>
  v.type.name.slice(v.type.name.lastIndexOf('.') + 1) + (v.args.length === 0 ? '()' : v.args.length === 1 ? `(${item(v.args[0])})` : item(argsTuple(v.args)));

/** A condition's exception class's own __str__ or __repr__, which must return a str; undefined when it has none. */
function ownDunder(v: PyException, name: '__str__' | '__repr__'): string | undefined {
  if (!(v.type instanceof PyClass)) return undefined;
  const fn = v.type.lookup(name);
  if (fn === undefined) return undefined;
  const s: Py = callValue(bindAttr(fn, v, v.type, name), [], null);
  if (typeof s !== 'string') throw typeErr(`${name} returned non-string (type ${typeName(s)})`);
  return s;
}

/** str(e) of a chain of this many exceptions answers at the envelope's level, one more raises. */
const STR_NESTING = 998;

/**
 * BaseException.__str__, worded when read: the text given at the raise, or KeyError's key
 * as repr, one argument as str, several as a tuple.
 */
export function exceptionStr(v: PyException, repr: ItemRepr, str: ItemRepr): string {
  // ValueError(ValueError(...)) is the innermost one's text: walked (a step every 8 levels), not
  // recursed. Each level is one of PyObject_Str's recursive calls, so a chain too long, or one
  // that holds itself (`e.args = (e,)`), is CPython's RecursionError. Nothing is kept: an inner
  // one's args may change before the next str.
  const room = nestingRoom(STR_NESTING);
  let e = v;
  for (let n = 1; e.text === undefined && e.args.length === 1 && !e.type.isSubclassOf(KeyError) && e.args[0] instanceof PyException && !hasFields(e.type); n++) {
    const inner: PyException = e.args[0];
    // a condition's class words its own
    if (inner.type instanceof PyClass && inner.type.lookup('__str__') !== undefined) return str(inner);
    // a level's checks take some 10-15 ns here: a tick (a 32nd of a step) let str() of a chain 990 deep, in a
    // loop, run 30-40 ms on the 100,000 steps; CPython's PyObject_Str call a level is some 40 ns
    if ((n & 7) === 0) step();
    if (n >= room) throw tooDeep('while getting the str of an object');
    e = inner;
  }
  return e.text ?? ownText(e, repr, str);
}

function ownText(e: PyException, repr: ItemRepr, str: ItemRepr): string {
  // OSError's and the codec errors' own __str__, of their fields
  const fields = fieldStr(e, repr, str);
  if (fields !== undefined) return fields;
  const args = e.args;
  if (args.length === 0) return '';
  // KeyError_str's PyObject_Repr, as BaseException_str's of its args below, runs a level below its own PyObject_Str
  if (args.length === 1) return e.type.isSubclassOf(KeyError) ? countedCall(() => repr(args[0]), 'while getting the str of an object') : str(args[0]);
  // str(self.args), the tuple's repr as one: each item paid for and the whole kept within the size limit,
  // where a repr of each apart paid for no int and counted none (Exception(*range(999999)): 8 MB, 87 ms)
  return countedCall(() => repr(argsTuple(args)), 'while getting the str of an object');
}
