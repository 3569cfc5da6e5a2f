/**
 * `except*` (PEP 654), as CPython 3.11's CHECK_EG_MATCH and _PyExc_PrepReraiseStar run it:
 * each clause in turn takes the part of what is left that its types match (a naked exception
 * that matches, wrapped in an ExceptionGroup of its own) and runs with it handled; what the
 * clauses raise and what none matched are raised together at the end: the part re-raised as
 * the original group's projection, the new ones beside it in an ExceptionGroup('', [...]).
 */
import { callValue } from './call.js';
import { isGroup, projection, splitGroup } from './exception-group-split.js';
import { BaseExceptionGroup, typeErr } from './exceptions.js';
import { PyException, PyTuple, PyType, tupleOf, type Py } from './values.js';

/** One clause: its types, evaluated when reached, and its body run with the matched part (what it raised, or null). */
export interface StarClause {
  types(): Py;
  run(match: PyException): PyException | null;
}

/** What the clauses leave to raise for `orig`, or null when they handled it all. */
export function exceptStar(orig: PyException, clauses: readonly StarClause[], matches: (types: Py, e: PyException) => boolean): PyException | null {
  let rest: PyException | null = orig;
  const raised: (PyException | null)[] = [];
  for (const c of clauses) {
    const types = c.types();
    // except's own check of the types first (what matches is asked of orig where nothing is left)
    const full = matches(types, rest ?? orig);
    checkStarTypes(types);
    if (rest === null) continue;
    let match: PyException | null = null;
    if (full) {
      match = isGroup(rest) ? rest : group('', tupleOf([rest]));
      rest = null;
    } else if (isGroup(rest)) {
      const [m, r] = splitGroup(rest, types);
      match = m ?? null;
      rest = r ?? null;
    }
    if (match !== null) {
      const x = c.run(match);
      if (x !== null) raised.push(x);
    }
  }
  raised.push(rest);
  return prepReraise(orig, raised);
}

/** _PyEval_CheckExceptStarTypeValid, beyond except's own check (the matcher makes it): no ExceptionGroup. */
function checkStarTypes(types: Py): void {
  const items = types instanceof PyTuple ? types.items : [types];
  if (items.some((t) => t instanceof PyType && t.isSubclassOf(BaseExceptionGroup))) throw typeErr('catching ExceptionGroup with except* is not allowed. Use except instead.');
}

/** _PyExc_CreateExceptionGroup: BaseExceptionGroup(message, excs), an ExceptionGroup where all are Exceptions; raised as it is, with no context. */
function group(message: string, excs: Py): PyException {
  const g = callValue(BaseExceptionGroup, [message, excs], null) as PyException;
  g.context = null;
  return g;
}

/** is_same_exception_metadata: a part of orig raised again (a bare raise, or the rest) keeps orig's cause, context and notes. */
const sameMetadata = (e: PyException, orig: PyException): boolean =>
  e.cause === orig.cause && (e.context ?? null) === (orig.context ?? null) && e.dict?.get('__notes__') === orig.dict?.get('__notes__');

/** _PyExc_PrepReraiseStar. */
function prepReraise(orig: PyException, excs: (PyException | null)[]): PyException | null {
  // a naked exception: at most one clause ran, so there is one thing to raise at most
  if (!isGroup(orig)) return excs[0];
  const raised: PyException[] = [];
  const reraised: PyException[] = [];
  for (const e of excs) if (e !== null) (sameMetadata(e, orig) ? reraised : raised).push(e);
  const kept = projection(orig, reraised) ?? null;
  if (raised.length === 0) return kept;
  if (kept !== null) raised.push(kept);
  return raised.length > 1 ? group('', raised) : raised[0];
}
