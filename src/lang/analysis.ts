/** Methods that read a dict without changing it (and whose results share nothing mutable with a flat dict). */
export const READING_METHODS = new Set(['get', 'keys', 'values', 'items', 'copy']);
/**
 * Builtins that only read their arguments and return none of them, when the name resolves
 * to the builtin itself. Not min and max: min(log, data, key=len) returns one of them.
 */
export const READING_BUILTINS = new Set(['len', 'str', 'repr', 'sorted', 'list', 'tuple', 'set', 'dict', 'bool', 'any', 'all', 'isinstance', 'print', 'type']);

/**
 * What a condition does with the envelope's `log` and `data`, as the compiler finds it
 * while resolving each load of those names to the envelope's own binding: a load where the
 * value is only read (log[k], log.get(k), k in log, len(log), for k in log, f'{log}', if log)
 * is a read; every other load, wherever it hides, may change the dict. The engine shares a
 * flat dict with a condition that only reads it.
 */
export class SharedNames {
  private static readonly NAMES = new Set(['log', 'data']);
  private readonly loaded = new Set<string>();
  private readonly changed = new Set<string>();

  /** A load of the envelope's `name`; `reads` when the compiler knows the load only reads it. */
  load(name: string, reads: boolean): void {
    if (!SharedNames.NAMES.has(name)) return;
    this.loaded.add(name);
    if (!reads) this.changed.add(name);
  }

  /** Whether the condition loads the envelope's `name` at all: if not, it cannot reach the value. */
  uses(name: string): boolean {
    return this.loaded.has(name);
  }

  /** Whether the condition may change the value of the envelope's `name`. */
  mayChange(name: string): boolean {
    return this.changed.has(name);
  }
}
