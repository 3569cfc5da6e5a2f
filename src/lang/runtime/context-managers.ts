import { step } from './budget.js';
import { callValue } from './call.js';
import { bindMethod, PyClass, PyInstance } from './class-values.js';
import { typeErr } from './exceptions.js';
import { registerType } from './types/table.js';
import { PyException, typeName, type Py } from './values.js';

/**
 * A context manager the runtime makes (contextlib's): its `__enter__` and `__exit__` in
 * JavaScript. A condition cannot read them as attributes, as it cannot read any dunder.
 */
export abstract class NativeContextManager {
  abstract enter(): Py;
  /** `__exit__(type, value, traceback)`: a truthy answer suppresses the exception. */
  abstract exit(type: Py, value: Py, traceback: Py): Py;
}

/** What `with` calls: the manager's `__enter__`, and its `__exit__` with the exception's type, value and traceback (None three times on a normal exit). */
export interface ContextProtocol {
  enter(): Py;
  exit(type: Py, value: Py, traceback: Py): Py;
}

/**
 * The protocol of `with mgr:`, looked up on mgr's type as CPython 3.11's BEFORE_WITH does:
 * `__enter__` first, then `__exit__`, each missing one a TypeError in CPython's words.
 * Calls of a condition's methods go through callValue, so each is a step and a level of
 * the recursion limit.
 */
export function contextProtocol(mgr: Py): ContextProtocol {
  if (mgr instanceof NativeContextManager) {
    return {
      enter: () => (step(), mgr.enter()),
      exit: (type, value, traceback) => (step(), mgr.exit(type, value, traceback)),
    };
  }
  const cls = mgr instanceof PyInstance ? mgr.cls : mgr instanceof PyException && mgr.type instanceof PyClass ? mgr.type : null;
  const enter = cls?.lookup('__enter__');
  if (cls === null || enter === undefined) throw typeErr(`'${typeName(mgr)}' object does not support the context manager protocol`);
  const exit = cls.lookup('__exit__');
  if (exit === undefined) throw typeErr(`'${typeName(mgr)}' object does not support the context manager protocol (missed __exit__ method)`);
  return {
    enter: () => callValue(bindMethod(enter, mgr), [], null),
    exit: (type, value, traceback) => callValue(bindMethod(exit, mgr), [type, value, traceback], null),
  };
}

/**
 * The traceback `__exit__` is given with an exception. A run has no frames to show, so it
 * is opaque: a truthy object of type `traceback` with no attributes (CPython's has tb_frame,
 * tb_lineno, ...), never None, so that `if tb:` and `tb is None` answer as in CPython.
 */
export class PyTraceback {}

registerType(PyTraceback, {
  name: () => 'traceback',
  truthy: () => true,
  len: null,
  iter: null,
  // CPython adds the address, which differs in every process: left out, as for functions
  repr: () => '<traceback object>',
});
