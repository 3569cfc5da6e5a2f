import { checkKeyword, checkName } from '../attribute-names.js';
import { bind, clinic } from '../args.js';
import { allocEntries, allocItems, checkSize, step, work } from '../budget.js';
import { callValue } from '../call.js';
import { AttributeError, fatalErr, pyErr, typeErr, UnsupportedError } from '../exceptions.js';
import { isIterable, iterate } from '../iteration.js';
import * as ops from '../ops.js';
import { repr, str } from '../repr.js';
import { FUNCTION } from '../types/callable.js';
import { registerType } from '../types/table.js';
import { type NativeFn, type Py, PyDict, PyFunc, PyTuple, PyType, tupleOf } from '../values.js';

/** functools.reduce(function, iterable[, initial]): a left fold, one step per item. */
const reduce: NativeFn = (a, k) => {
  const [f, items, initial] = clinic('reduce', a, k, 2, 3);
  let acc: Py = initial;
  let empty = initial === undefined;
  if (!isIterable(items)) throw typeErr('reduce() arg 2 must support iteration');
  for (const x of iterate(items)) {
    step();
    if (empty) {
      acc = x;
      empty = false;
    } else acc = callValue(f, [acc, x], null);
  }
  if (empty) throw typeErr('reduce() of empty iterable with no initial value');
  return acc;
};

/**
 * A functools.partial object: callable, with its func, args and keywords to read (keywords
 * the very dict its calls read, as CPython's), and a __dict__ of the attributes set on it.
 * A subclass's instance (wrapper-subclass.ts) is one, whose call asks its class first.
 */
export class PyPartial extends PyFunc {
  /** The attributes set on it, once one was (CPython's pto->dict, made at the first store). */
  attrs: Map<string, Py> | null = null;
  constructor(readonly func: PyFunc, readonly args: PyTuple, readonly keywords: PyDict, call: NativeFn = (a, kw) => partialCall(func, args, keywords, a, kw)) {
    super('partial', call);
  }
  /** Whether partial_new takes its parts apart: a subclass's instance with a __call__ of its own calls otherwise. */
  flattens(): boolean {
    return this.attrs === null;
  }
}

/** partial_call: the stored arguments, then the call's; the call's keywords override the stored ones. */
export function partialCall(func: PyFunc, args: PyTuple, keywords: PyDict, a: Py[], kw: Map<string, Py> | null): Py {
  let merged: Map<string, Py> | null = null;
  // the stored arguments passed again at each call, as spread() pays for f(*l): a partial may hold a million
  if (args.items.length > 0) work(args.items.length * 4);
  if (keywords.m.size > 0 || (kw !== null && kw.size > 0)) {
    // a condition may have grown p.keywords: each call copies it into a map, then the callee into its **kwargs, as f(**d) does
    const n = keywords.m.size + (kw === null ? 0 : kw.size);
    allocEntries(n);
    work(n * 8);
    merged = new Map();
    for (const [nk, v] of keywords.m) {
      const key = keywords.key(nk);
      // a key a condition put in p.keywords
      if (typeof key !== 'string') throw typeErr('keywords must be strings');
      checkKeyword(key);
      merged.set(key, v);
    }
    for (const [key, v] of kw ?? []) merged.set(key, v);
  }
  return callValue(func, [...args.items, ...a], merged);
}

const READONLY = new Set(['func', 'args', 'keywords']);

function keywordsDict(kw: Iterable<[Py, Py]>): PyDict {
  const d = new PyDict();
  for (const [key, v] of kw) d.set(key, v);
  return d;
}

/**
 * partial_new's parts of functools.partial(func, *args, **keywords): a partial of a partial is
 * flattened, as partial_new does, when it calls as a partial does and has no attributes set.
 */
export function partialParts(a: Py[], k: Map<string, Py> | null): [PyFunc, PyTuple, PyDict] {
  if (a.length === 0) throw typeErr("type 'partial' takes at least one argument");
  // a slice, not `[f, ...stored] = a`, whose iterator protocol took 28 ms over 300,000 arguments
  const f = a[0];
  const stored = a.slice(1);
  if (!(f instanceof PyFunc)) throw typeErr('the first argument must be callable');
  if (f instanceof PyPartial && f.flattens()) {
    // the inner partial's arguments and keywords copied: paid for, as partial(p) of a partial of 100,000 arguments is
    allocItems(f.args.items.length + stored.length);
    allocEntries(f.keywords.m.size + (k?.size ?? 0));
    return [f.func, tupleOf([...f.args.items, ...stored]), keywordsDict([...f.keywords.m].map(([nk, v]): [Py, Py] => [f.keywords.key(nk), v]).concat([...(k ?? [])]))];
  }
  return [f, tupleOf(stored), keywordsDict(k ?? [])];
}

export const PARTIAL = new PyType('functools.partial', (a, k) => new PyPartial(...partialParts(a, k)));

/** The partials whose repr is being made: met again inside, each is `...`, as Py_ReprEnter has it. */
const inRepr = new Set<PyPartial>();

/**
 * The reprs of a partial's arguments and keywords (name=value), each made apart as partial_repr
 * makes them: paid for (an eighth of a step each, as a container's item) and the whole held to the
 * size limit as it grows, where a repr() of each apart pays for no int and counts nothing
 * (partial(f, *range(999999)): 8 MB in 90 ms, unpaid).
 */
export function argumentReprs(p: { args: PyTuple; keywords: PyDict }, parts: string[] = []): string[] {
  work((p.args.items.length + p.keywords.m.size) * 4);
  let size = 0;
  // loops, not map(): a partial of a partial nested 997 deep is CPython's limit, and each frame here is one of JavaScript's stack at every level
  for (const v of p.args.items) {
    const text = repr(v);
    checkSize((size += text.length + 2));
    parts.push(text);
  }
  for (const [nk, v] of p.keywords.m) {
    const text = `${str(p.keywords.key(nk))}=${repr(v)}`;
    checkSize((size += text.length + 2));
    parts.push(text);
  }
  return parts;
}

/** partial_repr: the type's name, the function, then the arguments, then the keywords as name=value. */
export function partialRepr(p: PyPartial, typeName: string): string {
  if (inRepr.has(p)) return '...';
  inRepr.add(p);
  try {
    return `${typeName}(${argumentReprs(p, [repr(p.func)]).join(', ')})`;
  } finally {
    inRepr.delete(p);
  }
}

/** partial's members func, args and keywords, then its __dict__. */
export function partialAttr(p: PyPartial, name: string): Py | undefined {
  if (name === 'func') return p.func;
  if (name === 'args') return p.args;
  if (name === 'keywords') return p.keywords;
  return p.attrs?.get(name);
}

/** A store or delete (v undefined) on a partial: its members are read-only. */
export function partialSetattr(p: PyPartial, name: string, v: Py | undefined, typeName: string): void {
  if (READONLY.has(name)) throw pyErr(AttributeError, 'readonly attribute');
  if (v !== undefined) (p.attrs ??= new Map()).set(checkName(name), v);
  else if (p.attrs?.delete(name) !== true) throw pyErr(AttributeError, `'${typeName}' object has no attribute '${name}'`);
}

registerType(PyPartial, {
  ...FUNCTION,
  name: () => 'functools.partial',
  type: PARTIAL,
  repr: (p: PyPartial) => partialRepr(p, 'functools.partial'),
  getattr: partialAttr,
  setattr: (p: PyPartial, name, v) => partialSetattr(p, name, v, 'functools.partial'),
});

/** What cmp_to_key(mycmp) wraps each value in: ordered and compared by mycmp's sign. */
class CmpKey {
  constructor(public value: Py, readonly cmp: Py) {}
}

function other(b: Py): CmpKey {
  if (b instanceof CmpKey) return b;
  throw typeErr('other argument must be K instance');
}

const sign = (k: CmpKey, other: CmpKey): number => {
  const r = callValue(k.cmp, [k.value, other.value], null);
  // functools_cmp_to_key compares mycmp's answer with 0 by Python's own rules
  return ops.lt(r, 0) ? -1 : ops.gt(r, 0) ? 1 : 0;
};

registerType(CmpKey, {
  name: () => 'functools.KeyWrapper',
  truthy: () => true,
  len: null,
  iter: null,
  hash: null,
  eq: (a: CmpKey, b: Py) => sign(a, other(b)) === 0,
  compare: (a: CmpKey, b: Py) => sign(a, other(b)),
  // keyobject's one member: the value it wraps
  getattr: (k: CmpKey, name: string) => (name === 'obj' ? k.value : undefined),
  setattr: (k: CmpKey, name: string, v: Py | undefined) => {
    if (name !== 'obj') throw pyErr(AttributeError, `'functools.KeyWrapper' object has no attribute '${name}'`);
    // CPython's del leaves the member NULL, which its comparisons then hand to mycmp
    if (v === undefined) throw fatalErr(UnsupportedError, "deleting a cmp_to_key wrapper's 'obj' is not available in conditions: the evaluator does not build it");
    k.value = v;
  },
});

/** functools.cmp_to_key(mycmp): a key function for sorted, min and max. */
const cmpToKey: NativeFn = (a, k) => {
  const [cmp] = bind('cmp_to_key', a, k, ['mycmp'], 1);
  return new PyFunc('functools.KeyWrapper', (args, kw) => new CmpKey(bind('K', args, kw, ['obj'], 1)[0], cmp));
};

export const REDUCE = new PyFunc('reduce', reduce);
export const CMP_TO_KEY = new PyFunc('cmp_to_key', cmpToKey);
