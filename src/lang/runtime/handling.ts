import type { PyException } from './values.js';

/**
 * The exception an `except` clause (or a `with`'s `__exit__`) is handling, which a bare
 * `raise` raises again. CPython keeps it in the thread's state, not in a frame: a function
 * called from the clause sees it too. A generator keeps its own while suspended
 * (generator.ts), as CPython's gi_exc_state.
 */
export const handling: { exc: PyException | null } = { exc: null };
