import { createHash } from 'node:crypto';
import { PyException } from '../lang/index.js';

/**
 * What the conditions did, in plain numbers: counted on the hot path at the cost of an
 * increment, read only when /metrics is scraped. One set per worker process.
 */
export const outcomes = {
  /** Conditions whose return value was truthy, or falsy. */
  true: 0,
  false: 0,
  /** Conditions that raised, by exception class (SyntaxError for one that does not compile). */
  errors: new Map<string, number>(),
  /** Runs stopped by a limit of the sandbox, by the limit's exception class (StepLimitError, MemoryError, RecursionError). */
  limits: new Map<string, number>(),
};

/**
 * Distinct exception classes counted before the rest are counted as 'other'. Conditions
 * cannot define classes, so the builtin ones (some 40) are all there are: this only makes
 * sure that a label's values stay few whatever a later dialect allows.
 */
const MAX_CLASSES = 64;

const bump = (map: Map<string, number>, key: string) => {
  const label = map.has(key) || map.size < MAX_CLASSES ? key : 'other';
  map.set(label, (map.get(label) ?? 0) + 1);
};

/** A condition that raised: `failure` is a PyException, or the "Class: message" line of a refusal. */
export function countError(failure: PyException | string): void {
  if (typeof failure === 'string') {
    bump(outcomes.errors, failure.slice(0, failure.indexOf(':')));
    return;
  }
  bump(outcomes.errors, failure.type.name);
  // only the sandbox raises fatal exceptions: a condition cannot catch them
  if (failure.fatal) bump(outcomes.limits, failure.type.name);
}

/** --slow-ms: a condition running longer than `ms` is reported; 0 turns the clock off. */
export const slow = {
  ms: 0,
  report: (_fields: { condition: string; numeration: unknown; ms: number }): void => {},
};

/** A condition as logs name it: a digest, not its text, which may hold what a log held. */
export function conditionHash(source: string): string {
  return 'sha256:' + createHash('sha256').update(source).digest('hex').slice(0, 16);
}
