/**
 * How Python values live in JavaScript:
 *   int -> number while a safe integer, else bigint (int/int.ts)   float -> PyFloat   complex -> PyComplex
 *   bool -> boolean    None -> null    str -> string    list -> Array
 *   tuple -> PyTuple   dict -> PyDict  set -> PySet     callables -> PyFunc
 * Floats are boxed so that int and float stay distinct (str(5 / 1) == '5.0').
 */
import { Probe, RESTART } from './dict-probe.js';
import { pyHashBig } from './hash.js';
import { hashKey, isEqKey, LONG_KEY } from './keys.js';
import { PyFrozenSet, PySet } from './pyset.js';
import { PyTuple } from './scalars.js';
import { OBJECT } from './types/object.js';
import { slotsOf } from './types/table.js';

export { hashKey, MAX_NESTING, payItems, setPayItems, setUnhashable } from './keys.js';
export { PyFrozenSet, PySet };
export { ELLIPSIS, EMPTY_BYTES, EMPTY_TUPLE, freshBytes, latin1, sharedBytes, PyBytes, PyComplex, PyEllipsis, PyFloat, PyIntBox, PyIntFlag, PyRange, PyStrBox, PyTuple, rangeIdentity, tupleOf } from './scalars.js';
export type Py = any;

/** Set by introspection.ts, whose dicts are instances' attributes: a long str key stored into one of them throws. */
let checkLongStore: (d: PyDict, key: string) => void = () => {};
export const setCheckLongStore = (f: typeof checkLongStore): void => void (checkLongStore = f);

/** A Python dict: insertion-ordered, keys compared as Python compares them. */
export class PyDict {
  /** Normalised key -> value. */
  readonly m: Map<unknown, Py>;
  /** Normalised key -> the key as first inserted, only where the two differ (floats, bools, tuples). */
  k: Map<unknown, Py> | null = null;
  /**
   * How many keys are instances told apart by their class's __eq__ (keys.ts isEqKey), each
   * filed under itself: while any is, every lookup probes as CPython's does (dict-probe.ts).
   */
  eqStored = 0;
  /** The hashes for such lookups: made at the first, then kept up until the dict is cleared (so always there while eqStored > 0). */
  probe: Probe | null = null;
  constructor(m?: Map<unknown, Py>) {
    this.m = m ?? new Map();
  }
  get(key: Py): Py {
    if (this.eqStored === 0) {
      if (typeof key === 'string' && key.length < LONG_KEY) return this.m.get(key);
      if (!isEqKey(key)) return this.m.get(hashKey(key));
    }
    const nk = this.find(key, pyHashBig(key));
    return nk === undefined ? undefined : this.m.get(nk);
  }
  set(key: Py, value: Py): void {
    if (this.probe === null) {
      if (typeof key === 'string' && key.length < LONG_KEY) {
        this.m.set(key, value);
        return;
      }
      if (!isEqKey(key)) {
        const nk = hashKey(key);
        if (nk !== key && !this.m.has(nk)) this.keep(nk, key);
        this.m.set(nk, value);
        return;
      }
    }
    // insertdict: the key's hash once, a lookup, then the value replaced or a new entry (the key first put stays)
    const h = pyHashBig(key);
    const found = this.find(key, h);
    if (found !== undefined) this.m.set(found, value);
    else this.insertNew(key, h, value);
  }
  /** A dict of names and values (keyword arguments), filed as setStr files them. */
  static ofNames(names: ReadonlyMap<string, Py>): PyDict {
    const d = new PyDict();
    for (const [k, v] of names) d.setStr(k, v);
    return d;
  }
  /** A str key's entry, put by a builder that meets no other kind (json): into the table itself, a long one as set() files it. */
  setStr(key: string, value: Py): void {
    if (key.length < LONG_KEY) this.m.set(key, value);
    else this.set(key, value);
  }
  /** dict.setdefault: the key's value, else `dflt` put under it, with one lookup. */
  setDefault(key: Py, dflt: Py): Py {
    if (this.probe !== null || isEqKey(key)) {
      const h = pyHashBig(key);
      const found = this.find(key, h);
      if (found !== undefined) return this.m.get(found);
      this.insertNew(key, h, dflt);
      return dflt;
    }
    const v = this.get(key);
    if (v !== undefined) return v;
    this.set(key, dflt);
    return dflt;
  }
  /** dict.pop: the key's value, its entry removed, with one lookup; undefined when it has none. */
  pop(key: Py): Py {
    const nk = this.eqStored === 0 && !isEqKey(key) ? (typeof key === 'string' && key.length < LONG_KEY ? key : hashKey(key)) : this.find(key, pyHashBig(key));
    if (nk === undefined) return undefined;
    const v = this.m.get(nk);
    if (v !== undefined) this.remove(nk);
    return v;
  }
  private insertNew(key: Py, h: bigint, value: Py): void {
    const eq = isEqKey(key);
    const nk = eq ? key : hashKey(key);
    if (nk !== key) this.keep(nk, key);
    this.m.set(nk, value);
    if (eq) this.eqStored++;
    this.probe!.add(nk, h);
  }
  /** Keeps the key as put beside the key it is filed under; a long str put into an instance's __dict__ is refused there (attribute-names.ts). */
  private keep(nk: unknown, key: Py): void {
    if (typeof key === 'string') checkLongStore(this, key);
    (this.k ??= new Map()).set(nk, key);
  }
  has(key: Py): boolean {
    if (this.eqStored === 0) {
      if (typeof key === 'string' && key.length < LONG_KEY) return this.m.has(key);
      if (!isEqKey(key)) return this.m.has(hashKey(key));
    }
    return this.find(key, pyHashBig(key)) !== undefined;
  }
  delete(key: Py): boolean {
    let nk: unknown;
    if (this.eqStored === 0 && !isEqKey(key)) nk = typeof key === 'string' && key.length < LONG_KEY ? key : hashKey(key);
    else {
      nk = this.find(key, pyHashBig(key));
      if (nk === undefined) return false;
    }
    return this.remove(nk);
  }
  private remove(nk: unknown): boolean {
    this.k?.delete(nk);
    if (!this.m.delete(nk)) return false;
    if (this.probe !== null) {
      if (isEqKey(nk)) this.eqStored--;
      this.probe.remove(nk);
    }
    return true;
  }
  clear(): void {
    this.m.clear();
    this.k = null;
    this.eqStored = 0;
    // a lookup under way (an __eq__ that cleared the dict) starts again
    this.probe?.clear();
    this.probe = null;
  }
  /** The normalised key of the entry equal to `key`, found as CPython's lookdict finds it, or undefined. */
  private find(key: Py, h: bigint): unknown {
    for (;;) {
      this.probe ??= Probe.of(this.m, (nk) => this.key(nk));
      const nk = this.probe.find(key, h, (nk) => this.key(nk));
      if (nk !== RESTART) return nk;
    }
  }
  /** The key as it was put for one equal to `key` (1 where 1 was put and 1.0 is asked), found as get finds it; undefined when none is. */
  storedKey(key: Py): Py {
    const nk = this.filedKey(key);
    return nk === undefined ? undefined : this.key(nk);
  }
  /** The normalised key `key` is filed under, undefined where it is not in the dict. */
  filedKey(key: Py): unknown {
    if (this.eqStored === 0 && !isEqKey(key)) {
      const nk = typeof key === 'string' && key.length < LONG_KEY ? key : hashKey(key);
      return this.m.has(nk) ? nk : undefined;
    }
    return this.find(key, pyHashBig(key));
  }
  /** The Python key for a normalised one. */
  key(nk: unknown): Py {
    return this.k !== null && this.k.has(nk) ? this.k.get(nk) : nk;
  }
  /** The items, each key as Python has it. */
  *entries(): Generator<[Py, Py]> {
    for (const [nk, v] of this.m) yield [this.key(nk), v];
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
  constructor(
    readonly name: string,
    readonly fn: NativeFn,
    readonly kind: 'builtin' | 'function' | 'method' = 'builtin',
    /** A bound method's `__self__` (see PyBoundMethod); undefined for any other function. */
    readonly boundSelf: Py | undefined = undefined,
    /** A bound method's `__func__`: a def's function or a classmethod's callable; undefined for a builtin method, which has none. */
    readonly boundFunc: Py | undefined = undefined,
  ) {}
  /**
   * What a condition's def or lambda made it with, anew in its run (shared-objects.ts's
   * noteRunDef), else null: only such a function takes attributes, and `__defaults__` reads its
   * defaults from here. A field, not a WeakSet or WeakMap: adding each def to one cost a class
   * statement with a method 900 instructions a run, and a def with a default 2,800
   * (bench/instructions).
   */
  runDef: RunDef | null = null;
}

/** A def's or lambda's parameters and their defaults' values (undefined: none), as its statement evaluated them. */
export interface RunDef {
  readonly params: readonly { readonly name: string; readonly star: string }[];
  /** Read by the def's every call: `__defaults__` and `__kwdefaults__` set write into it (def-defaults.ts). */
  readonly defs: Py[];
}

/**
 * A method that knows what it was bound to: `__self__` (the instance, a classmethod's class, a
 * builtin method's value) and `__func__` (boundFunc, undefined for a builtin method). A method
 * made as a plain PyFunc of kind 'method' keeps neither, and `__self__` and `__func__` of it are
 * refused. One class with PyFunc, not a subclass: a second shape of function at every call site
 * cost a class's method calls 65% more instructions (bench/instructions, 'class attributes').
 */
export type PyBoundMethod = PyFunc & { readonly kind: 'method'; readonly boundSelf: Py };

export const isBoundMethod = (v: unknown): v is PyBoundMethod => v instanceof PyFunc && v.kind === 'method' && v.boundSelf !== undefined;
/** A bound method that has a `__func__` (a def's, a classmethod's): CPython's type 'method', not a builtin's. */
export const isDefMethod = (v: unknown): v is PyBoundMethod => isBoundMethod(v) && v.boundFunc !== undefined;

/** A method bound to `self`; `func` its function, or undefined for a builtin method. */
export const boundMethod = (name: string, fn: NativeFn, self: Py, func: Py | undefined): PyBoundMethod => new PyFunc(name, fn, 'method', self, func) as PyBoundMethod;

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
  /** What was handled when it was raised (handling.ts), read as `__context__`: undefined until a raise sets it (to null where ExitStack mends a chain). */
  context: PyException | null | undefined = undefined;
  /** Set by `raise ... from`: read as `__suppress_context__`. */
  suppressContext = false;
  /** The attributes an instance of a condition's exception class was given (self.code = 2). */
  dict: Map<string, Py> | null = null;
  /** The fields of CPython's structs beyond args (an OSError's errno, a group's exceptions): exception-fields.ts. */
  fields: Map<string, Py> | null = null;
  /**
   * str(e) when it was given at the raise; otherwise worded from args when read, as
   * CPython's BaseException.__str__ does (types/exception.ts: calling KeyError needs no
   * repr), and set by the engine when the exception leaves a run, while the run's budget holds.
   */
  constructor(readonly type: PyType, public args: Py[], public text?: string) {}
}

/** A wrong argument's type as Argument Clinic's and getargs' errors name it (_PyArg_BadArgument, converterr): None is 'None'. */
export const argTypeName = (v: Py): string => (v === null ? 'None' : typeName(v));

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
