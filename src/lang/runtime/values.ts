/**
 * How Python values live in JavaScript:
 *   int -> number (always an integer, |n| <= 2**53)   float -> PyFloat
 *   bool -> boolean    None -> null    str -> string    list -> Array
 *   tuple -> PyTuple   dict -> PyDict  set -> PySet     callables -> PyFunc
 * Floats are boxed so that int and float stay distinct (str(5 / 1) == '5.0').
 */
import { PySet } from './pyset.js';

export { PySet };
export type Py = any;

export class PyFloat {
  constructor(readonly v: number) {}
}

export class PyTuple {
  constructor(readonly items: Py[]) {}
}

/** The empty tuple: one object, as in CPython (() is (), tuple() is ()). */
export const EMPTY_TUPLE = new PyTuple([]);

/** A Python dict: insertion-ordered, keys compared as Python compares them. */
export class PyDict {
  /** Normalised key -> value. */
  readonly m: Map<unknown, Py>;
  /** Normalised key -> the key as first inserted, only where the two differ (floats, bools, tuples). */
  k: Map<unknown, Py> | null = null;
  constructor(m?: Map<unknown, Py>) {
    this.m = m ?? new Map();
  }
  get(key: Py): Py {
    return this.m.get(typeof key === 'string' ? key : hashKey(key));
  }
  set(key: Py, value: Py): void {
    if (typeof key === 'string') {
      this.m.set(key, value);
      return;
    }
    const nk = hashKey(key);
    if (nk !== key && !this.m.has(nk)) (this.k ??= new Map()).set(nk, key);
    this.m.set(nk, value);
  }
  has(key: Py): boolean {
    return this.m.has(typeof key === 'string' ? key : hashKey(key));
  }
  delete(key: Py): boolean {
    const nk = typeof key === 'string' ? key : hashKey(key);
    this.k?.delete(nk);
    return this.m.delete(nk);
  }
  /** The Python key for a normalised one. */
  key(nk: unknown): Py {
    return this.k !== null && this.k.has(nk) ? this.k.get(nk) : nk;
  }
  keyList(): Py[] {
    const out: Py[] = [];
    for (const nk of this.m.keys()) out.push(this.key(nk));
    return out;
  }
  get size(): number {
    return this.m.size;
  }
}


export type NativeFn = (args: Py[], kw: Map<string, Py> | null) => Py;

/** Anything callable from a condition: builtins, methods bound to a value, lambdas, types. */
export class PyFunc {
  constructor(readonly name: string, readonly fn: NativeFn, readonly kind: 'builtin' | 'function' | 'method' = 'builtin') {}
}

/** A type such as int or KeyError: callable, usable with isinstance and except. */
export class PyType extends PyFunc {
  constructor(name: string, fn: NativeFn, readonly base: PyType | null = null, readonly isException = false) {
    super(name, fn, 'builtin');
  }
  isSubclassOf(other: PyType): boolean {
    for (let t: PyType | null = this; t !== null; t = t.base) if (t === other) return true;
    return false;
  }
}

export class PyRange {
  constructor(readonly start: number, readonly stop: number, readonly step: number) {}
  get length(): number {
    const { start, stop, step } = this;
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
}

/** A module (re, json, math): a fixed table of attributes. */
export class PyModule {
  constructor(readonly name: string, readonly attrs: Map<string, Py>) {}
}

/** dict.keys(), .values() and .items(): live views of a dict, as in Python. */
export class PyView {
  constructor(readonly kind: 'keys' | 'values' | 'items', readonly dict: PyDict) {}
  *[Symbol.iterator](): Generator<Py> {
    const d = this.dict;
    if (this.kind === 'keys') for (const nk of d.m.keys()) yield d.key(nk);
    else if (this.kind === 'values') yield* d.m.values();
    else for (const [nk, v] of d.m) yield new PyTuple([d.key(nk), v]);
  }
}

/** A lazy iterator: generator expressions, map, filter, zip, enumerate, reversed. */
export class PyIterator {
  constructor(readonly it: Iterator<Py>, readonly name = 'generator') {}
}

/** A raised Python exception. Not a JS Error: no stack trace is captured on the hot path. */
export class PyException {
  /** Set for the errors that enforce limits: no `except` clause catches them. */
  fatal = false;
  /** Set for a JavaScript error met in a run: a bug of the evaluator, not of the condition. */
  internal = false;
  constructor(readonly type: PyType, readonly args: Py[], readonly text: string) {}
}

/**
 * The normalised key under which dicts and sets store a value: equal Python values
 * (1, 1.0, True) share one key, unhashable values raise TypeError.
 */
export function hashKey(v: Py): unknown {
  switch (typeof v) {
    case 'string':
    case 'number':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'object':
      if (v === null) return null;
      if (v instanceof PyFloat) return v.v;
      if (v instanceof PyTuple) return tupleKey(v, 0);
      break;
    case 'undefined':
      break;
    default:
      return v;
  }
  // a range is its elements: range(0, 3) == range(3), and all empty ranges are one key
  if (v instanceof PyRange) return '\u0000range' + rangeIdentity(v).join(',');
  // keys and items views are set-like, so unhashable like sets; a values view hashes by identity
  if (v === undefined || Array.isArray(v) || v instanceof PyDict || v instanceof PySet || (v instanceof PyView && v.kind !== 'values')) throw unhashable(v);
  // every other object (views, iterators, functions, modules) hashes by identity, as CPython's default
  return v;
}

/** range_hash's and range_richcompare's view of a range: its length, then its start and step where they matter. */
export function rangeIdentity(r: PyRange): [number, number | null, number | null] {
  const n = r.length;
  return [n, n === 0 ? null : r.start, n <= 1 ? null : r.step];
}

/**
 * How deep repr, ==, <, hashing and json go into a nested value: CPython's recursion
 * limit (1,000 frames) less the frames below a condition's own.
 */
export const MAX_NESTING = 990;

function tupleKey(t: PyTuple, depth: number): string {
  // CPython hashes a tuple of any depth; here past MAX_NESTING is a RecursionError, as its == and repr are
  if (depth >= MAX_NESTING) throw tooDeepToHash();
  // the key is a string made of its items' keys, 8 items of work each (in a set, hash.ts pays for the hash as it goes)
  payItems(t.items.length * 8);
  let out = '\u0000(';
  for (let i = 0; i < t.items.length; i++) out += (i === 0 ? '' : '\u0000,') + tupleKeyPart(t.items[i], depth + 1);
  return out + ')';
}

function tupleKeyPart(v: Py, depth: number): string {
  const nk = v instanceof PyTuple ? tupleKey(v, depth) : hashKey(v);
  return typeof nk === 'string' ? 's' + nk : typeof nk === 'number' ? 'n' + nk : nk === null ? 'N' : 'o' + String(nk);
}

// Set by exceptions.ts; kept here as a hook to avoid a module cycle.
export let unhashable: (v: Py) => PyException = () => {
  throw new Error('exceptions not initialised');
};
/** Set by budget.ts (a hook, as unhashable is: values.ts imports nothing): pays for n items of native work. */
export let payItems: (n: number) => void = () => {};
export function setPayItems(f: (n: number) => void): void {
  payItems = f;
}

export let tooDeepToHash: () => PyException = unhashable as () => PyException;
export function setUnhashable(f: (v: Py) => PyException, deep: () => PyException): void {
  unhashable = f;
  tooDeepToHash = deep;
}

export function typeName(v: Py): string {
  switch (typeof v) {
    case 'string':
      return 'str';
    case 'number':
      return 'int';
    case 'boolean':
      return 'bool';
    case 'object':
      if (v === null) return 'NoneType';
      if (Array.isArray(v)) return 'list';
      if (v instanceof PyDict) return 'dict';
      if (v instanceof PyFloat) return 'float';
      if (v instanceof PyTuple) return 'tuple';
      if (v instanceof PySet) return 'set';
      if (v instanceof PyRange) return 'range';
      if (v instanceof PyType) return 'type';
      if (v instanceof PyFunc) return v.kind === 'function' ? 'function' : 'builtin_function_or_method';
      if (v instanceof PyModule) return 'module';
      if (v instanceof PyIterator) return v.name;
      if (v instanceof PyView) return 'dict_' + v.kind;
      if (v instanceof PyException) return v.type.name;
      if (typeof v.pyTypeName === 'string') return v.pyTypeName;
      return 'object';
    default:
      return 'object';
  }
}
