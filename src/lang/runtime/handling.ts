import { tick } from './budget.js';
import { toPyException } from './trap.js';
import { PyException } from './values.js';

/**
 * The exception an `except` clause, a `finally` run by an exception, or a `with`'s `__exit__`
 * is handling, which a bare `raise` raises again and a new exception takes as `__context__`.
 * CPython keeps it in the thread's state, not in a frame: a function called from the clause
 * sees it too. A generator keeps its own while suspended (generator.ts), as CPython's
 * gi_exc_state.
 */
export const handling: { exc: PyException | null } = { exc: null };

/**
 * Implicit chaining, as _PyErr_SetObject does at every raise: x, raised while `handled` is
 * handled, takes it as its `__context__`, and a link back to x in handled's chain is cut, so
 * that no chain is a cycle. A link walked is a step: a chain is as long as a condition made it.
 */
export function chain(x: PyException, handled: PyException | null): void {
  if (handled === null || handled === x) return;
  // a cycle a condition made (`a.__context__ = b`) stops the walk, as Floyd's algorithm finds it there
  let slow = handled;
  let toggle = false;
  for (let o = handled; o.context != null; ) {
    tick();
    if (o.context === x) {
      o.context = null;
      break;
    }
    o = o.context;
    if (o === slow) break;
    if (toggle) slow = slow.context!;
    toggle = !toggle;
  }
  x.context = handled;
}

/**
 * What leaves a clause (or a `finally`, an `__exit__`) that handled `handled`: an exception
 * the runtime raised in it has no context yet (a `raise` statement chains as it raises), and
 * takes the one it was raised under. Answers err, to be thrown.
 */
export function chainLeaving(err: unknown, handled: PyException): unknown {
  if (err instanceof PyException && !err.fatal && err.context === undefined) chain(err, handled);
  return err;
}

/** An exception caught by an `except` while another is handled: raised under it, if nothing chained it yet. */
export function chainCaught(e: PyException): void {
  if (e.context === undefined && handling.exc !== null) chain(e, handling.exc);
}

/**
 * What an `except`, a `finally` or an `__exit__` takes of an error thrown in its body: the
 * Python exception (trap.ts), chained under what is handled; a limit's error (fatal) is thrown
 * on, since no clause may catch it.
 */
export function caught(err: unknown): PyException {
  const exc = toPyException(err);
  if (exc.fatal) throw exc;
  chainCaught(exc);
  return exc;
}

/** `raise ... from cause`, and _PyErr_FormatFromCause's errors: cause and context, and `__suppress_context__` set. */
export function fromCause(e: PyException, cause: PyException | null, context: boolean): PyException {
  e.cause = cause;
  if (context && cause !== null) e.context = cause;
  e.suppressContext = true;
  return e;
}

/** `run` as a `finally` run by exc runs (CPython 3.11 pushes exc as handled there): a bare `raise` in it raises exc again. */
export function whileHandling<T>(exc: PyException, run: () => T): T {
  const outer = handling.exc;
  handling.exc = exc;
  try {
    return run();
  } catch (err) {
    throw chainLeaving(err, exc);
  } finally {
    handling.exc = outer;
  }
}
