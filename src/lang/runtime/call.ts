import { step } from './budget.js';
import { typeErr } from './exceptions.js';
import { PyFunc, typeName, type Py } from './values.js';

/** fn(args): any callable value; TypeError for the rest. A leaf, so that methods (sort's key) and modules can call back. */
export function callValue(fn: Py, args: Py[], kw: Map<string, Py> | null): Py {
  if (fn instanceof PyFunc) {
    step();
    return fn.fn(args, kw);
  }
  throw typeErr(`'${typeName(fn)}' object is not callable`);
}
