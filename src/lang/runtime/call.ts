import { step } from './budget.js';
import { typeErr } from './exceptions.js';
import { slotsOf } from './types/table.js';
import { PyFunc, typeName, type Py } from './values.js';

/** fn(args): any callable value; TypeError for the rest. A leaf, so that methods (sort's key) and modules can call back. */
export function callValue(fn: Py, args: Py[], kw: Map<string, Py> | null): Py {
  if (fn instanceof PyFunc) {
    step();
    return fn.fn(args, kw);
  }
  // an instance of a condition's class with __call__
  const call = fn !== null && typeof fn === 'object' ? slotsOf(fn)?.call : undefined;
  if (call !== undefined) {
    step();
    return call(fn, args, kw);
  }
  throw typeErr(`'${typeName(fn)}' object is not callable`);
}
