/** Past this length a constant is rarely a key or compared whole, and internalizing it would hash it all. */
const MAX_INTERNALIZED = 64;

/**
 * The constants of one source internalized, at most: each gives V8 a new hidden class, 1.5 µs, and
 * a source of 9,000 distinct literals spent 13 ms of its 45 ms compile on them. A condition names
 * a few dozen; past this, the rest compare as slices.
 */
export const MAX_INTERNALIZED_PER_SOURCE = 256;

/**
 * V8's internalized copy of a short string constant (the copy property names use). A string
 * literal is a slice of the condition's source; compared with a log's key or value, or used
 * as a Map key, it went through V8's character-by-character comparison, in part a runtime
 * call. Internalized, like JSON.parse's keys, it compares by address.
 */
export function internalized(s: string): string {
  return s.length <= MAX_INTERNALIZED ? Object.keys({ [s]: 0 })[0] : s;
}
