import { KeyError } from '../exceptions.js';
import { PyTuple, type PyException } from '../values.js';
import type { PyTypeSlots } from './protocol.js';

/** An exception instance: its type is its class (KeyError, ...). */
export const EXCEPTION: PyTypeSlots<PyException> = {
  name: (v) => v.type.name,
  truthy: () => true,
  len: null,
  iter: null,
  getattr: (v, name) => (name === 'args' ? new PyTuple(v.args) : undefined),
  repr: (v, item) => `${v.type.name}(${v.args.map((x) => item(x)).join(', ')})`,
  // BaseException.__str__, worded when read: the text given at the raise, or KeyError's key as repr, one argument as str, several as a tuple
  str(v, repr, str) {
    if (v.text !== undefined) return v.text;
    const args = v.args;
    if (args.length === 0) return '';
    if (args.length === 1) return v.type === KeyError ? repr(args[0]) : str(args[0]);
    return '(' + args.map((a) => repr(a)).join(', ') + ')';
  },
};
