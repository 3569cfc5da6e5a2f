import { fatalErr, UnsupportedError } from './exceptions.js';
import type { PyException } from './values.js';
import { LONG_KEY } from './keys.js';

/**
 * An attribute's name as the tables of attributes file it (JS Maps of names): one of LONG_KEY
 * units or more is refused. V8 files every name of one such length under one hash, so a lookup
 * compares them all: 170 names of 16,384 units made 1,000 getattr take 60 ms, past the clock.
 * Dicts file such strs under a digest (keys.ts); an instance's names cannot be, since dir(),
 * vars() and __dict__ read them back as they are.
 */
export function checkName(name: string): string {
  if (name.length >= LONG_KEY) throw longName(name);
  return name;
}

/** A keyword's name, for the same reason: a call's keywords are a Map of names, and `f(**d)` of 170 such names took 200 ms to file them. */
export function checkKeyword(name: string): void {
  if (name.length >= LONG_KEY) throw longName(name, 'a keyword');
}

function longName(name: string, what = 'an attribute'): PyException {
  return fatalErr(UnsupportedError, `${what} name of ${name.length} characters is not available in conditions: names of ${LONG_KEY} or more are not built`);
}
