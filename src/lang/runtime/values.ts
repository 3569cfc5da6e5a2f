/**
 * How Python values live in JavaScript:
 *   int -> number while a safe integer, else bigint (int/int.ts)   float -> PyFloat   complex -> PyComplex
 *   bool -> boolean    None -> null    str -> string    list -> Array
 *   tuple -> PyTuple   dict -> PyDict  set -> PySet     callables -> PyFunc
 * Floats are boxed so that int and float stay distinct (str(5 / 1) == '5.0').
 */
import { hashKey } from './keys.js';
import { PyFrozenSet, PySet } from './pyset.js';
import { PyTuple } from './scalars.js';
import { OBJECT } from './types/object.js';
import { slotsOf } from './types/table.js';

export { hashKey, MAX_NESTING, payItems, setPayItems, setUnhashable } from './keys.js';
export { PyFrozenSet, PySet };
export { ELLIPSIS, EMPTY_TUPLE, PyBytes, PyComplex, PyEllipsis, PyFloat, PyIntBox, PyIntFlag, PyRange, PyStrBox, PyTuple, rangeIdentity } from './scalars.js';
export type Py = any;

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

/** A module (re, json, math): a fixed table of attributes. */
export class PyModule {
  constructor(readonly name: string, readonly attrs: Map<string, Py>) {}
}

/** dict.keys(), .values() and .items(): live views of a dict, as in Python. */
export class PyView {
  constructor(readonly kind: 'keys' | 'values' | 'items', readonly dict: PyDict) {}
  /** Keys and items views are set-like, so unhashable as sets are; a values view hashes by identity. */
  get pyUnhashable(): boolean {
    return this.kind !== 'values';
  }
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
  /** `raise ... from cause`: read as `__cause__`, shown nowhere else. */
  cause: PyException | null = null;
  /** The attributes an instance of a condition's exception class was given (self.code = 2). */
  dict: Map<string, Py> | null = null;
  /**
   * str(e) when it was given at the raise; otherwise worded from args when read, as
   * CPython's BaseException.__str__ does (types/exception.ts: calling KeyError needs no
   * repr), and set by the engine when the exception leaves a run, while the run's budget holds.
   */
  constructor(readonly type: PyType, public args: Py[], public text?: string) {}
}

export function typeName(v: Py): string {
  switch (typeof v) {
    case 'string':
      return 'str';
    case 'number':
    case 'bigint':
      return 'int';
    case 'boolean':
      return 'bool';
    case 'object':
      if (v === null) return 'NoneType';
      if (Array.isArray(v) && v.constructor === Array) return 'list';
      // its type's name (types/*.ts): several types share a class (views, iterators, exceptions)
      return (slotsOf(v) ?? OBJECT).name(v);
    default:
      return 'object';
  }
}
