import { fatalErr, MemoryError, RecursionError, RuntimeError, pyErr } from './exceptions.js';
import { PyException } from './values.js';

/**
 * What a JS exception thrown inside a run means in Python terms. V8's own limits become
 * the fatal Python errors that enforce them; anything else is a bug of the evaluator,
 * reported as a RuntimeError instead of crashing the process.
 */
export function toPyException(err: unknown): PyException {
  if (err instanceof PyException) return err;
  if (err instanceof RangeError) {
    if (/call stack/i.test(err.message)) return fatalErr(RecursionError, 'maximum recursion depth exceeded');
    if (/invalid (string|array) length|allocation failed/i.test(err.message)) return fatalErr(MemoryError, 'condition built a value too large for memory');
  }
  const e = pyErr(RuntimeError, `internal error of the evaluator: ${err instanceof Error ? err.message : String(err)}`);
  e.fatal = true;
  e.internal = true;
  return e;
}
