import { tick } from '../budget.js';
import { KeyError } from '../exceptions.js';
import { PyException, PyTuple } from '../values.js';
import type { ItemRepr, PyTypeSlots } from './protocol.js';

/** An exception instance: its type is its class (KeyError, ...). */
export const EXCEPTION: PyTypeSlots<PyException> = {
  name: (v) => v.type.name,
  truthy: () => true,
  len: null,
  iter: null,
  // `raise ... from c` shows c only here
  getattr: (v, name) => (name === 'args' ? new PyTuple(v.args) : name === '__cause__' ? v.cause : undefined),
  repr: (v, item) => `${v.type.name}(${v.args.map((x) => item(x)).join(', ')})`,
  str: exceptionStr,
};

/**
 * BaseException.__str__, worded when read: the text given at the raise, or KeyError's key
 * as repr, one argument as str, several as a tuple.
 */
function exceptionStr(v: PyException, repr: ItemRepr, str: ItemRepr): string {
  // ValueError(ValueError(...)) is the innermost one's text: walked (a step a level), not
  // recursed, and kept by each one walked, so that wrapping one more costs one step
  const walked: PyException[] = [];
  let e = v;
  while (e.text === undefined && e.args.length === 1 && e.type !== KeyError && e.args[0] instanceof PyException) {
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
  if (args.length === 1) return e.type === KeyError ? repr(args[0]) : str(args[0]);
  return '(' + args.map((a) => repr(a)).join(', ') + ')';
}
