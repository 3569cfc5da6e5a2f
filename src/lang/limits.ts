/** Every bound a condition runs under. Frozen: a run cannot loosen its own limits. */
export interface Limits {
  /**
   * Loop iterations plus calls a single run may take. A regular expression search, which
   * cannot be interrupted, is charged before it starts at what it may cost (a step is
   * about 0.5 µs; runtime/re.ts): n/32 steps for n characters, plus n·m/1024 for a
   * pattern of m positions, n²·m/1024 (n³·m/1024 with a backreference to a repeat) when
   * a search may restart a backtracked repeat at every position, or n·m/4 (8 times that
   * when repeats nest) on V8's linear-time engine. That is the only limit on subjects.
   */
  readonly maxSteps: number;
  /** Largest str, list, dict or set a run may build (characters or items). */
  readonly maxSize: number;
  /** Nested calls of lambdas a run may make. */
  readonly maxRecursion: number;
  /**
   * Wall-clock budget of one run in milliseconds, checked every few hundred steps. Half
   * of the 100 ms promise, since one bulk operation (a 10**6-item list) runs unchecked.
   */
  readonly maxMillis: number;
  /**
   * Wall-clock budget in milliseconds of one request: every condition of an /eval, every
   * payload of an /eval/batch, compiling included. What is left when it runs out is
   * answered with StepLimitError, so one request cannot hold a worker for long.
   */
  readonly requestMillis: number;
  /** Characters of condition source the parser accepts. */
  readonly maxSourceLength: number;
  /**
   * Syntax-tree nodes the parser builds for one condition. The compiler makes a closure or
   * more for each, and a compiled condition stays cached: this bounds both.
   */
  readonly maxNodes: number;
  /** Compiled conditions kept in the LRU cache. */
  readonly cacheSize: number;
  /** Bytes the LRU cache may keep, as estimated by cache-weight.ts. */
  readonly cacheBytes: number;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxSteps: 100_000,
  maxSize: 1_000_000,
  maxRecursion: 200,
  maxMillis: 50,
  requestMillis: 1_000,
  maxSourceLength: 100_000,
  maxNodes: 20_000,
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
