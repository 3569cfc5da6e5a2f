/**
 * id(): an identity number per object, made anew for each run, so no count passes from one
 * condition to the next and nothing tells a host address. Objects keep theirs while they live
 * (a WeakMap); ints, strs, bools and None are JavaScript values here, which have no identity
 * (README: `is` between ints or strs compares values), so an equal one is given the same number,
 * as `is` answers True between them.
 */
import { allocEntries, runNumber } from './budget.js';
import type { Py } from './values.js';

let objects = new WeakMap<object, number>();
let values = new Map<unknown, number>();
let idsRun = -1;
let nextId = 0;

/** CPython's numbers are 16-aligned addresses in this range; these only look alike. */
const BASE = 140_000_000_000;

export function idOf(x: Py): number {
  if (idsRun !== runNumber()) {
    objects = new WeakMap();
    values = new Map();
    idsRun = runNumber();
    nextId = 0;
  }
  const scalar = x === null || typeof x !== 'object';
  let id = scalar ? values.get(x) : objects.get(x);
  if (id === undefined) {
    // an entry kept for the run: a million ids of distinct ints hold a million entries
    allocEntries(1);
    id = BASE + 16 * nextId++;
    if (scalar) values.set(x, id);
    else objects.set(x, id);
  }
  return id;
}
