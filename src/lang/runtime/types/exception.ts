import { tick } from '../budget.js';
import { callValue } from '../call.js';
import { instanceAttr, PyClass } from '../class-values.js';
import { bindAttr } from '../descriptors.js';
import { EXCEPTION_TYPES, KeyError, StopIteration, typeErr, unicodeErrorField } from '../exceptions.js';
import { PyException, PyTuple, tupleOf, typeName, type Py } from '../values.js';
import type { ItemRepr, PyTypeSlots } from './protocol.js';

const SYSTEM_EXIT = EXCEPTION_TYPES.get('SystemExit')!;
/** SystemExit_init: code is None for no argument, the one argument, or all of them as a tuple. */
const exitCode = (v: PyException): Py => (v.args.length === 0 ? null : v.args.length === 1 ? v.args[0] : argsTuple(v.args));

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
  // `raise ... from c` shows c only here; a condition's exception class adds its attributes and methods
  getattr: (v, name) =>
    name === 'args' ? argsTuple(v.args) : name === '__cause__' ? v.cause : name === 'value' && v.type.isSubclassOf(StopIteration) ? (v.args[0] ?? null) : name === 'code' && v.type.isSubclassOf(SYSTEM_EXIT) ? exitCode(v) : (unicodeErrorField(v, name) ?? (v.type instanceof PyClass ? instanceAttr(v.type, v.dict, v, name) : v.dict?.get(name))),
  repr: (v, item) => ownDunder(v, '__repr__') ?? baseRepr(v, item),
  str: (v, repr, str) => ownDunder(v, '__str__') ?? exceptionStr(v, repr, str),
};

/** BaseException.__repr__, whatever the class's: its class's name and its arguments. */
export const baseRepr = (v: PyException, item: ItemRepr): string => `${v.type.name}(${v.args.map((x) => item(x)).join(', ')})`;

/** A condition's exception class's own __str__ or __repr__, which must return a str; undefined when it has none. */
function ownDunder(v: PyException, name: '__str__' | '__repr__'): string | undefined {
  if (!(v.type instanceof PyClass)) return undefined;
  const fn = v.type.lookup(name);
  if (fn === undefined) return undefined;
  const s: Py = callValue(bindAttr(fn, v, v.type, name), [], null);
  if (typeof s !== 'string') throw typeErr(`${name} returned non-string (type ${typeName(s)})`);
  return s;
}

/**
 * BaseException.__str__, worded when read: the text given at the raise, or KeyError's key
 * as repr, one argument as str, several as a tuple.
 */
export function exceptionStr(v: PyException, repr: ItemRepr, str: ItemRepr): string {
  // ValueError(ValueError(...)) is the innermost one's text: walked (a step a level), not
  // recursed, and kept by each one walked, so that wrapping one more costs one step
  const walked: PyException[] = [];
  let e = v;
  while (e.text === undefined && e.args.length === 1 && !e.type.isSubclassOf(KeyError) && e.args[0] instanceof PyException) {
    tick();
    walked.push(e);
    e = e.args[0];
  }
  const text = e.text ?? ownText(e, repr, str);
  for (const w of walked) w.text = text;
  return text;
}

function ownText(e: PyException, repr: ItemRepr, str: ItemRepr): string {
  const args = e.args;
  if (args.length === 0) return '';
  if (args.length === 1) return e.type.isSubclassOf(KeyError) ? repr(args[0]) : str(args[0]);
  return '(' + args.map((a) => repr(a)).join(', ') + ')';
}
