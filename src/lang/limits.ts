/** Every bound a condition runs under. Frozen: a run cannot loosen its own limits. */
export interface Limits {
  /** Loop iterations plus calls a single run may take. */
  readonly maxSteps: number;
  /** Largest str, list, dict or set a run may build (characters or items). */
  readonly maxSize: number;
  /**
   * Longest string a regular expression may search. A pattern that backtracks too much
   * runs on V8's linear-time engine, about 2 µs a character here and not interruptible:
   * this keeps one search inside the time promise.
   */
  readonly maxRegexSubject: number;
  /** Nested calls of lambdas a run may make. */
  readonly maxRecursion: number;
  /**
   * Wall-clock budget of one run in milliseconds, checked every few hundred steps. Half
   * of the 100 ms promise, since one bulk operation (a 10**6-item list) runs unchecked.
   */
  readonly maxMillis: number;
  /** Characters of condition source the parser accepts. */
  readonly maxSourceLength: number;
  /** Nesting of brackets, blocks and operators the parser accepts. */
  readonly maxDepth: number;
  /** Compiled conditions kept in the LRU cache. */
  readonly cacheSize: number;
  /** Bytes the LRU cache may keep, as estimated by cache-weight.ts. */
  readonly cacheBytes: number;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxSteps: 100_000,
  maxSize: 1_000_000,
  maxRegexSubject: 32_768,
  maxRecursion: 200,
  maxMillis: 50,
  maxSourceLength: 100_000,
  maxDepth: 100,
  cacheSize: 10_000,
  cacheBytes: 128 * 2 ** 20,
});

export function makeLimits(overrides: Partial<Limits> = {}): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (!(key in DEFAULT_LIMITS)) throw new RangeError(`unknown limit '${key}'`);
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`limit '${key}' must be a positive integer, got ${value}`);
    (limits as Record<string, number>)[key] = value;
  }
  return Object.freeze(limits);
}
