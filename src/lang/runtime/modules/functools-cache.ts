/**
 * functools.lru_cache and cache, as CPython 3.11's C _lru_cache_wrapper: the same keys
 * (lru_cache_make_key: a lone int or str argument is its own key), the same order of
 * lookups, calls and evictions, so hits, misses and a class's __eq__ and __hash__ calls are
 * CPython's. A cache is made by a run's call of lru_cache and lives in that run only; each
 * entry is paid for and held to the size limit, so a cache filled in a loop ends at a limit.
 */
import { bind, noArgs as noArgsOf } from '../args.js';
import { BUILTINS } from '../builtins.js';
import { allocEntries, checkSize } from '../budget.js';
import { callValue } from '../call.js';
import { typeErr } from '../exceptions.js';
import { truthy } from '../iteration.js';
import { Signature, bindArgs } from '../signature.js';
import { PerRun } from '../per-run.js';
import { FUNCTION } from '../types/callable.js';
import { registerType } from '../types/table.js';
import { PyDict, PyFunc, PyIntBox, PyType, tupleOf, type NativeFn, type Py } from '../values.js';
import { namedtuple } from './collections/namedtuple.js';
import { functionAttr, setFunctionAttr, WrapperFunc } from './functools-function.js';

/**
 * functools._CacheInfo, what cache_info() answers: `CacheInfo(hits=0, misses=0, maxsize=128,
 * currsize=0)`. A namedtuple's class takes attributes, so each run has its own (per-run.ts).
 */
export const CACHE_INFO = new PerRun(() => namedtuple.fn(['CacheInfo', ['hits', 'misses', 'maxsize', 'currsize']], new Map([['module', 'functools']])));

/** The marker between a key's positional and keyword arguments (kwd_mark): equal to nothing else. */
const KWD_MARK = new PyFunc('kwd_mark', () => null);

const typeOf = (v: Py): Py => callValue(BUILTINS.get('type'), [v], null);

/** lru_cache_make_key: the arguments, the marker and the keywords' names and values, and with typed their types. */
function makeKey(args: Py[], kw: Map<string, Py> | null, typed: boolean): Py {
  const kwSize = kw?.size ?? 0;
  if (!typed && kwSize === 0) {
    // a lone exact int or str is its own key
    if (args.length === 1 && (typeof args[0] === 'string' || typeof args[0] === 'number' || typeof args[0] === 'bigint')) return args[0];
    return tupleOf(args.slice());
  }
  const key = args.slice();
  if (kw !== null && kwSize > 0) {
    key.push(KWD_MARK);
    for (const [name, v] of kw) key.push(name, v);
  }
  if (typed) {
    for (const v of args) key.push(typeOf(v));
    for (const v of kw?.values() ?? []) key.push(typeOf(v));
  }
  return tupleOf(key);
}

/** A bounded cache's entry: the key and result, its place in the order of use the Set it is in. */
interface Link {
  key: Py;
  result: Py;
}

/** What lru_cache(...)(f) makes: a function of its own type, whose calls look in its cache first. */
export class PyLruCache extends WrapperFunc {
  hits = 0;
  misses = 0;
  /** Key -> result (unbounded) or Link (bounded). */
  readonly cache = new PyDict();
  /** A bounded cache's links, least recently used first. */
  readonly order = new Set<Link>();
  /** `given`: maxsize and typed as lru_cache was given them, which cache_parameters() answers (True, where the cache holds 1). */
  /** `infoType`: what cache_info() calls, the run's CacheInfo where lru_cache made it (null). */
  constructor(readonly func: Py, readonly maxsize: number | null, readonly typed: boolean, readonly given: [Py, Py], readonly infoType: Py = null) {
    super(func);
  }
  call(args: Py[], kw: Map<string, Py> | null): Py {
    if (this.maxsize === 0) {
      // uncached_lru_cache_wrapper
      this.misses++;
      return callValue(this.func, args, kw);
    }
    const key = makeKey(args, kw, this.typed);
    if (this.maxsize === null) {
      // infinite_lru_cache_wrapper: what the call gives is stored, even over what the call stored
      const found = this.cache.get(key);
      if (found !== undefined) {
        this.hits++;
        return found;
      }
      this.misses++;
      const result = callValue(this.func, args, kw);
      this.store(key, result);
      return result;
    }
    const link = this.cache.get(key) as Link | undefined;
    if (link !== undefined) {
      this.order.delete(link);
      this.order.add(link);
      this.hits++;
      return link.result;
    }
    this.misses++;
    const result = callValue(this.func, args, kw);
    // the call itself may have put the key in: that entry stays
    if (this.cache.has(key)) return result;
    if (this.cache.size < this.maxsize || this.order.size === 0) {
      const added = { key, result };
      this.store(key, added);
      this.order.add(added);
      return result;
    }
    // full: the least recently used entry goes, its link reused for the new key
    const oldest = this.order.values().next().value as Link;
    this.order.delete(oldest);
    this.cache.delete(oldest.key);
    oldest.key = key;
    oldest.result = result;
    this.store(key, oldest);
    this.order.add(oldest);
    return result;
  }
  private store(key: Py, v: Py): void {
    checkSize(this.cache.size + 1);
    allocEntries(1);
    this.cache.set(key, v);
  }
  clear(): void {
    this.hits = this.misses = 0;
    this.cache.clear();
    this.order.clear();
  }
}

export const LRU_CACHE_WRAPPER = new PyType('functools._lru_cache_wrapper', (a, k) => {
  // lru_cache_new's own name and checks
  const [func, maxsize, typed, infoType] = bind('lru_cache', a, k, ['user_function', 'maxsize', 'typed', 'cache_info_type'], 4);
  if (!truthy(callValue(BUILTINS.get('callable'), [func], null))) throw typeErr('the first argument must be callable');
  if (maxsize !== null && typeof maxsize !== 'number' && typeof maxsize !== 'bigint' && typeof maxsize !== 'boolean' && !(maxsize instanceof PyIntBox)) throw typeErr('maxsize should be integer or None');
  return makeWrapper(func, maxsize, typed, infoType);
});

function makeWrapper(func: Py, maxsize: Py, typed: Py, infoType: Py = null): PyLruCache {
  if (!truthy(callValue(BUILTINS.get('callable'), [func], null))) throw typeErr('the first argument must be callable');
  const size = maxsize === null ? null : Math.max(0, Number(maxsize instanceof PyIntBox ? maxsize.value : maxsize));
  return new PyLruCache(func, size, truthy(typed), [maxsize, typed], infoType);
}

const noArgs = (name: string, f: (w: PyLruCache) => Py) => (w: PyLruCache) => new PyFunc(name, (a, k) => {
  noArgsOf(name, a, k, '_lru_cache_wrapper');
  return f(w);
}, 'method');

registerType(PyLruCache, {
  ...FUNCTION,
  name: () => 'functools._lru_cache_wrapper',
  type: LRU_CACHE_WRAPPER,
  // CPython adds the address, which differs in every process: left out, as for functions
  repr: () => '<functools._lru_cache_wrapper object>',
  call: (w: PyLruCache, a: Py[], k: Map<string, Py> | null) => w.call(a, k),
  // an attribute set to None is found: undefined, not None, is what is missing
  getattr: (w: PyLruCache, name: string) => {
    const own = functionAttr(w, name);
    return own !== undefined ? own : LRU_METHODS[name]?.(w);
  },
  setattr: setFunctionAttr,
});

const LRU_METHODS: Record<string, (w: PyLruCache) => Py> = {
  cache_info: noArgs('cache_info', (w) => callValue(w.infoType ?? CACHE_INFO.current(), [w.hits, w.misses, w.maxsize, w.cache.size], null)),
  cache_clear: noArgs('cache_clear', (w) => (w.clear(), null)),
  // a lambda in Lib/functools.py, kept in the wrapper's __dict__
  cache_parameters: (w) => new PyFunc('lru_cache.<locals>.decorating_function.<locals>.<lambda>', (a, k) => {
    bindArgs(CACHE_PARAMETERS, a, k);
    const d = new PyDict();
    d.set('maxsize', w.given[0]);
    d.set('typed', w.given[1]);
    return d;
  }, 'function'),
};
const CACHE_PARAMETERS = new Signature('lru_cache.<locals>.decorating_function.<locals>.<lambda>', [], 'python');

/** update_wrapper(wrapper, user_function), set by functools-wraps.ts, which this module cannot import (it reads PyLruCache). */
let updateWrapper: (wrapper: Py, wrapped: Py) => Py = (w) => w;
export const setUpdateWrapper = (f: typeof updateWrapper): void => {
  updateWrapper = f;
};

const decorate = (maxsize: Py, typed: Py): NativeFn => (a, k) => {
  const [func] = bindArgs(DECORATING, a, k);
  return updateWrapper(makeWrapper(func, maxsize, typed), func);
};
const DECORATING = new Signature('lru_cache.<locals>.decorating_function', [{ name: 'user_function', star: '' }], 'python');

const LRU_CACHE_SIG = new Signature('lru_cache', [{ name: 'maxsize', star: '' }, { name: 'typed', star: '' }], 'python');

/** lru_cache(maxsize=128, typed=False), or lru_cache(user_function) itself, as Lib/functools.py reads its arguments. */
export const LRU_CACHE = new PyFunc('lru_cache', (a, k) => {
  let [maxsize, typed] = bindArgs(LRU_CACHE_SIG, a, k, [128, false]);
  // isinstance(maxsize, int): a bool or an int subclass's instance too
  if (typeof maxsize === 'number' || typeof maxsize === 'bigint' || typeof maxsize === 'boolean' || maxsize instanceof PyIntBox) {
    // a negative one is 0 (its sign read as Python compares, a bool's too)
    if (Number(maxsize instanceof PyIntBox ? maxsize.value : maxsize) < 0) maxsize = 0;
  } else if (truthy(callValue(BUILTINS.get('callable'), [maxsize], null)) && typeof typed === 'boolean') {
    return updateWrapper(makeWrapper(maxsize, 128, typed), maxsize);
  } else if (maxsize !== null) throw typeErr('Expected first argument to be an integer, a callable, or None');
  return new PyFunc('lru_cache.<locals>.decorating_function', decorate(maxsize, typed), 'function');
}, 'function');

const CACHE_SIG = new Signature('cache', [{ name: 'user_function', star: '' }], 'python', { posOnly: 1 });

/** cache(user_function, /): lru_cache(maxsize=None)(user_function). */
export const CACHE = new PyFunc('cache', (a, k) => {
  const [func] = bindArgs(CACHE_SIG, a, k);
  return updateWrapper(makeWrapper(func, null, false), func);
}, 'function');

