import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** ../shared, beside the project: third-party fixtures, read in place and never copied. */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));

export function readNdjson(relative: string): unknown[] {
  const path = join(SHARED, relative);
  if (!existsSync(path)) throw new Error(`missing fixture ${path}: the tests need ../shared beside the project`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

export function readNdjsonLines(relative: string): string[] {
  return readFileSync(join(SHARED, relative), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/**
 * Whether an answer matches the expected one: equal, or for an error answer the same
 * exception class and the same condition (messages may differ in wording).
 */
export function sameAnswer(actual: any, expected: any): boolean {
  if (expected?.error === 'Error checking launch condition' && !('detail' in expected)) {
    // the evaluator adds "detail": the exception, which the original did not report
    if (typeof actual?.detail !== 'string') return false;
    const { detail: _detail, ...rest } = actual;
    return JSON.stringify(sortKeys(rest)) === JSON.stringify(sortKeys(expected));
  }
  if (typeof expected?.error === 'string' && 'condition' in expected) {
    return (
      typeof actual?.error === 'string' &&
      actual.error.split(':')[0] === expected.error.split(':')[0] &&
      JSON.stringify(sortKeys(actual.condition)) === JSON.stringify(sortKeys(expected.condition))
    );
  }
  return JSON.stringify(sortKeys(actual)) === JSON.stringify(sortKeys(expected));
}

export function sortKeys(v: any): any {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}
