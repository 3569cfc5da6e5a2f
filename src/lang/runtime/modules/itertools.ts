/**
 * itertools: every function returns a lazy iterator, as in CPython, and each item it yields
 * is charged one step (and the tuples it builds as items), so that an infinite count() or
 * permutations(range(100)) ends at the step limit, not in a hung worker.
 */
import { bind, clinic, indexArg, indexValue } from '../args.js';
import { allocItems, chargeSteps, checkSize, step, tick, work } from '../budget.js';
import { callValue } from '../call.js';
import { isNumeric } from '../numbers.js';
import { isNumberOfClass } from '../numeric-dunders.js';
import { typeErr, valueErr } from '../exceptions.js';
import * as ops from '../ops.js';
import { repr } from '../repr.js';
import { TYPE } from '../types/callable.js';
import { ITERATOR } from '../types/iterator.js';
import type { PyTypeSlots } from '../types/protocol.js';
import { protocolMethod, registerType } from '../types/table.js';
import { PyComplex, PyFunc, PyIntBox, PyIterator, PyModule, PyTuple, PyType, tupleOf, type NativeFn, type Py } from '../values.js';

/** The module's types (classes in CPython: itertools.islice, itertools.count, ...), by their qualified name, which their iterators carry. */
const TYPES = new Map<string, PyType>();
/** itertools.name as a type: calling it makes its iterator, which isinstance finds of it. */
function itertoolsType(name: string, fn: NativeFn): PyType {
  const t = new PyType(`itertools.${name}`, fn);
  TYPES.set(t.name, t);
  return t;
}

/** An iterator one of the module's types made: of that type, found by its name. */
class Made extends PyIterator {}
const typed = (slots: PyTypeSlots<PyIterator>): PyTypeSlots<PyIterator> => ({ ...slots, classOf: (v) => TYPES.get(v.name)! });
registerType(Made, typed(ITERATOR));

const iter = (v: Py): Iterator<Py> => (v instanceof PyIterator ? v.it : ops.iterate(v)[Symbol.iterator]());
/** A tuple of n items picked by `at`, paid for before it is built. */
const tuple = (n: number, at: (i: number) => Py): PyTuple => {
  allocItems(n);
  const items = new Array(n);
  for (let i = 0; i < n; i++) items[i] = at(i);
  return tupleOf(items);
};
const noKeywords = (name: string, k: Map<string, Py> | null): void => {
  if (k !== null && k.size > 0) throw typeErr(`${name}() takes no keyword arguments`);
};

/** PyNumber_AsSsize_t with its error cleared, as islice_new reads its arguments: -1 for what is no index or is past Py_ssize_t. */
function ssizeOr(v: Py): number {
  const n = indexValue(v);
  return n === undefined || (typeof n === 'bigint' && (n >= 2n ** 63n || n < -(2n ** 63n))) ? -1 : Number(n);
}

const isliceWords = (what: string): string => `${what} for islice() must be None or an integer: 0 <= x <= sys.maxsize.`;

function* islice(it: Iterator<Py>, start: number, stop: number, stride: number): Generator<Py> {
  let next = start;
  for (let i = 0; i < stop; i++) {
    if (i > next) next += stride;
    const r = it.next();
    if (r.done) return;
    step();
    if (i === next) yield r.value;
  }
}

const isliceFn: NativeFn = (a, k) => {
  noKeywords('islice', k);
  const [src, ...rest] = clinic('islice', a, k, 2, 4);
  // islice_new's order: the stop (-1 is its error), then start's and stop's range, then the step, then the iterable
  let start = 0;
  let stop = Infinity;
  let stride = 1;
  if (rest.length > 1 && rest[0] !== null) start = ssizeOr(rest[0]);
  const stopArg = rest.length === 1 ? rest[0] : rest[1];
  if (stopArg !== null) {
    stop = ssizeOr(stopArg);
    if (stop === -1) throw valueErr(isliceWords('Stop argument'));
  }
  if (rest.length === 3 && rest[2] !== null) stride = ssizeOr(rest[2]);
  if (start < 0 || stop < -1) throw valueErr(isliceWords('Indices'));
  if (stride < 1) throw valueErr('Step for islice() must be a positive integer or None.');
  return new Made(islice(iter(src), start, stop, stride), 'itertools.islice');
};

function* chain(sources: Iterator<Py>): Generator<Py> {
  for (let s = sources.next(); !s.done; s = sources.next()) {
    const it = iter(s.value);
    for (let r = it.next(); !r.done; r = it.next()) {
      step();
      yield r.value;
    }
  }
}

/** chain, with its alternate constructor chain.from_iterable as an attribute. */
class ChainType extends PyType {}
const CHAIN = new ChainType('itertools.chain', (a, k) => {
  noKeywords('chain', k);
  return new Made(chain(a.slice()[Symbol.iterator]()), 'itertools.chain');
});
TYPES.set(CHAIN.name, CHAIN);
const FROM_ITERABLE = new PyFunc('from_iterable', (a, k) => new Made(chain(iter(clinic('from_iterable', a, k, 1)[0])), 'itertools.chain'), 'method');
registerType(ChainType, { ...TYPE, getattr: (_t, name) => (name === 'from_iterable' ? FROM_ITERABLE : undefined) });

// a group's type, which the module does not name
itertoolsType('_grouper', (a) => {
  // its parent must be a groupby, whose state the evaluator keeps in a closure: none is made through the type
  throw typeErr(a.length === 2 ? "cannot create 'itertools._grouper' instances" : `_grouper expected 2 arguments, got ${a.length}`);
});

/** groupby as itertoolsmodule.c keeps it: a group yields only while it is the current one. */
function groupby(it: Iterator<Py>, keyfunc: Py): Iterator<Py> {
  let tgtkey: Py = undefined;
  let currkey: Py = undefined;
  let currvalue: Py = undefined;
  let current: object | null = null;
  const advance = (): boolean => {
    const r = it.next();
    if (r.done) return false;
    step();
    currkey = keyfunc === null ? r.value : callValue(keyfunc, [r.value], null);
    currvalue = r.value;
    return true;
  };
  const grouper = (key: Py): Iterator<Py> => {
    const self = {
      next(): IteratorResult<Py> {
        if (current !== self) return { done: true, value: undefined };
        if (currvalue === undefined && !advance()) return { done: true, value: undefined };
        if (!ops.eq(key, currkey)) return { done: true, value: undefined };
        const v = currvalue;
        currvalue = undefined;
        currkey = undefined;
        return { done: false, value: v };
      },
    };
    return self;
  };
  return {
    next(): IteratorResult<Py> {
      current = null;
      for (;;) {
        if (currkey === undefined) {
          /* nothing read yet */
        } else if (tgtkey === undefined || !ops.eq(tgtkey, currkey)) break;
        if (!advance()) return { done: true, value: undefined };
      }
      tgtkey = currkey;
      const g = grouper(tgtkey);
      current = g;
      return { done: false, value: new PyTuple([tgtkey, new Made(g, 'itertools._grouper')]) };
    },
  };
}

function* pairwise(it: Iterator<Py>): Generator<Py> {
  let prev = it.next();
  if (prev.done) return;
  for (let r = it.next(); !r.done; r = it.next()) {
    step();
    yield new PyTuple([prev.value, r.value]);
    prev = r;
  }
}

function* accumulate(it: Iterator<Py>, func: Py, initial: Py): Generator<Py> {
  let total: Py = initial;
  if (total !== null) yield total;
  for (let r = it.next(); !r.done; r = it.next()) {
    step();
    total = total === null ? r.value : func === null ? ops.add(total, r.value) : callValue(func, [total, r.value], null);
    yield total;
  }
}

/** combinations(pool, r): indices in lexicographic order, as the recipe in the docs. */
function* combinations(pool: Py[], r: number): Generator<Py> {
  const n = pool.length;
  if (r > n) return;
  const idx = Array.from({ length: r }, (_, i) => i);
  for (;;) {
    step();
    yield tuple(r, (i) => pool[idx[i]]);
    let i = r - 1;
    while (i >= 0 && idx[i] === i + n - r) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
  }
}

function* permutations(pool: Py[], r: number): Generator<Py> {
  const n = pool.length;
  if (r > n) return;
  const idx = Array.from({ length: n }, (_, i) => i);
  const cycles = Array.from({ length: r }, (_, i) => n - i);
  step();
  yield tuple(r, (i) => pool[idx[i]]);
  for (;;) {
    let i = r - 1;
    for (; i >= 0; i--) {
      step();
      cycles[i]--;
      if (cycles[i] === 0) {
        idx.push(...idx.splice(i, 1));
        cycles[i] = n - i;
      } else {
        const j = n - cycles[i];
        [idx[i], idx[j]] = [idx[j], idx[i]];
        yield tuple(r, (i) => pool[idx[i]]);
        break;
      }
    }
    if (i < 0) return;
  }
}

/** product(*pools, repeat=times): the pools repeated by index, not copied. */
function* product(pools: Py[][], times: number): Generator<Py> {
  if (pools.some((p) => p.length === 0) && times > 0) return;
  const n = pools.length * times;
  allocItems(n);
  const pool = (p: number): Py[] => pools[p % pools.length];
  const idx = new Array<number>(n).fill(0);
  for (;;) {
    step();
    yield tuple(n, (p) => pool(p)[idx[p]]);
    let p = n - 1;
    while (p >= 0 && ++idx[p] === pool(p).length) idx[p--] = 0;
    if (p < 0) return;
  }
}

/**
 * PyNumber_Check, what count() takes: an int, float or complex, or an object with __index__, __int__
 * or __float__ (a class's, or a module type's: decimal.Decimal, fractions.Fraction). Not float(v),
 * which a big int overflows.
 */
const isNumber = (v: Py): boolean =>
  isNumeric(v) || v instanceof PyComplex || v instanceof PyIntBox || isNumberOfClass(v) ||
  (v !== null && typeof v === 'object' && ['__index__', '__int__', '__float__'].some((name) => protocolMethod(v, name) !== undefined));

/** count(start, step): its next value kept in sight, for its repr (`count(5)`, `count(5, 2)`). */
class Count implements Iterator<Py> {
  constructor(public n: Py, readonly stride: Py) {}
  next(): IteratorResult<Py> {
    step();
    const value = this.n;
    this.n = ops.add(value, this.stride);
    return { done: false, value };
  }
}

class PyCount extends Made {
  constructor(readonly count: Count) {
    super(count, 'itertools.count');
  }
}

// count_repr: the step is left out when it is the int 1
registerType(PyCount, { ...typed(ITERATOR), repr: ({ count: c }: PyCount) => (ops.intOf(c.stride) === 1 ? `count(${repr(c.n)})` : `count(${repr(c.n)}, ${repr(c.stride)})`) });

/** repeat(object, times): what is left of times kept in sight, for its repr (`repeat('a', 2)`). */
class Repeat implements Iterator<Py> {
  constructor(readonly obj: Py, public left: number) {}
  next(): IteratorResult<Py> {
    if (this.left === 0) return { done: true, value: undefined };
    step();
    this.left--;
    return { done: false, value: this.obj };
  }
}

class PyRepeat extends Made {
  constructor(readonly repeat: Repeat) {
    super(repeat, 'itertools.repeat');
  }
}

// repeat_repr: the count is left out when there is none
registerType(PyRepeat, { ...typed(ITERATOR), repr: ({ repeat: r }: PyRepeat) => (r.left === Infinity ? `repeat(${repr(r.obj)})` : `repeat(${repr(r.obj)}, ${r.left})`) });

function* takewhile(pred: Py, it: Iterator<Py>): Generator<Py> {
  for (let r = it.next(); !r.done; r = it.next()) {
    step();
    if (!ops.truthy(callValue(pred, [r.value], null))) return;
    yield r.value;
  }
}

function* dropwhile(pred: Py, it: Iterator<Py>): Generator<Py> {
  let dropping = true;
  for (let r = it.next(); !r.done; r = it.next()) {
    step();
    if (dropping && ops.truthy(callValue(pred, [r.value], null))) continue;
    dropping = false;
    yield r.value;
  }
}

function* zipLongest(its: (Iterator<Py> | null)[], fill: Py): Generator<Py> {
  let active = its.length;
  if (active === 0) return;
  for (;;) {
    checkSize(its.length);
    const row: Py[] = [];
    for (let i = 0; i < its.length; i++) {
      // an item of every iterator, each paid as it is taken, with a look at the clock every 1,024 (a row of 300,000 took 10 ms)
      tick();
      const it = its[i];
      const r = it === null ? null : it.next();
      if (r === null || r.done) {
        if (r !== null && r.done) {
          its[i] = null;
          if (--active === 0) return;
        }
        row.push(fill);
      } else row.push(r.value);
    }
    step();
    yield new PyTuple(row);
  }
}

function* starmap(func: Py, it: Iterator<Py>): Generator<Py> {
  for (let r = it.next(); !r.done; r = it.next()) {
    step();
    const args = ops.toList(r.value);
    yield callValue(func, args, null);
  }
}

function* compress(data: Iterator<Py>, selectors: Iterator<Py>): Generator<Py> {
  for (;;) {
    const d = data.next();
    if (d.done) return;
    const s = selectors.next();
    if (s.done) return;
    step();
    if (ops.truthy(s.value)) yield d.value;
  }
}

/** filterfalse(None, it) keeps the falsy items, as filter(None, it) the truthy ones. */
function* filterfalse(pred: Py, it: Iterator<Py>): Generator<Py> {
  for (let r = it.next(); !r.done; r = it.next()) {
    step();
    if (!ops.truthy(pred === null ? r.value : callValue(pred, [r.value], null))) yield r.value;
  }
}

/** cycle(it): the first pass saves what it yields, the later ones walk the saved items (none: it stops). */
function* cycle(it: Iterator<Py>): Generator<Py> {
  const saved: Py[] = [];
  for (let r = it.next(); !r.done; r = it.next()) {
    step();
    saved.push(r.value);
    yield r.value;
  }
  if (saved.length === 0) return;
  for (;;) for (const v of saved) {
    step();
    yield v;
  }
}

/** combinations_with_replacement(pool, r): non-decreasing indices in lexicographic order, as the recipe in the docs. */
function* combinationsWithReplacement(pool: Py[], r: number): Generator<Py> {
  const n = pool.length;
  if (n === 0 && r > 0) return;
  const idx = new Array<number>(r).fill(0);
  for (;;) {
    step();
    yield tuple(r, (i) => pool[idx[i]]);
    let i = r - 1;
    while (i >= 0 && idx[i] === n - 1) i--;
    if (i < 0) return;
    idx.fill(idx[i] + 1, i);
  }
}

/**
 * tee's shared buffer, a chain of links as tee's data objects are: each iterator holds the link
 * it reads next, and a link every iterator passed is garbage. Each item is read from the source
 * once, a step, by whichever iterator reaches it first.
 */
interface TeeLink {
  value?: Py;
  next?: TeeLink;
}

/** An iterator of a tee over `source`, at the link `at`. */
class TeeReader implements Iterator<Py> {
  constructor(readonly source: Iterator<Py>, public at: TeeLink) {}
  next(): IteratorResult<Py> {
    const link = this.at;
    if (link.next === undefined) {
      const r = this.source.next();
      if (r.done) return r;
      step();
      link.value = r.value;
      link.next = {};
    }
    this.at = link.next!;
    return { done: false, value: link.value };
  }
}

/** tee's iterators, by their reader: tee() of one copies its place. */
const TEES = new WeakMap<Made, TeeReader>();

function teeIterator(reader: TeeReader): Made {
  const made = new Made(reader, 'itertools._tee');
  TEES.set(made, reader);
  return made;
}

/** tee(iterable, n=2): n iterators of one source; a tee's iterator given is the first, and the others copy its place, as tee_copy does. */
const teeFn: NativeFn = (a, k) => {
  noKeywords('itertools.tee', k);
  const [src, count = 2] = clinic('tee', a, k, 1, 2);
  const n = indexArg(count);
  if (n < 0) throw valueErr('n must be >= 0');
  allocItems(n);
  // and each iterator made, an object of its own and a generator, at 1.6 µs: 300,000 took 360-490 ms, unpaid
  chargeSteps(n * 4);
  if (n === 0) return tupleOf([]);
  const first = src instanceof Made && TEES.has(src) ? src : teeIterator(new TeeReader(iter(src), {}));
  const { source, at } = TEES.get(first)!;
  return tuple(n, (i) => (i === 0 ? first : teeIterator(new TeeReader(source, at))));
};

/** r for combinations and permutations: a non-negative int. */
function length(v: Py): number {
  const r = indexArg(v);
  if (r < 0) throw valueErr('r must be non-negative');
  return r;
}

const fn = (name: string, f: NativeFn): [string, PyType] => [name, itertoolsType(name, f)];

export const ITERTOOLS = new PyModule(
  'itertools',
  new Map<string, Py>([
    ['islice', itertoolsType('islice', isliceFn)],
    ['chain', CHAIN],
    fn('groupby', (a, k) => {
      const [src, key = null] = bind('groupby', a, k, ['iterable', 'key'], 1);
      return new Made(groupby(iter(src), key), 'itertools.groupby');
    }),
    fn('pairwise', (a, k) => new Made(pairwise(iter(clinic('pairwise', a, k, 1)[0])), 'itertools.pairwise')),
    fn('accumulate', (a, k) => {
      // accumulate(iterable, func=None, *, initial=None)
      const [src, func = null, initial = null] = bind('accumulate', a, k, ['iterable', 'func', 'initial'], 1, undefined, { kwOnly: 1 });
      return new Made(accumulate(iter(src), func, initial), 'itertools.accumulate');
    }),
    fn('combinations', (a, k) => {
      const [src, r] = bind('combinations', a, k, ['iterable', 'r'], 2);
      // r is converted as the arguments are parsed, before the iterable is walked; its sign is looked at after
      const n = indexArg(r);
      const pool = ops.toList(src);
      return new Made(combinations(pool, length(n)), 'itertools.combinations');
    }),
    fn('permutations', (a, k) => {
      const [src, r = null] = bind('permutations', a, k, ['iterable', 'r'], 1);
      const pool = ops.toList(src);
      // permutations_new takes an int only (PyLong_Check), after the pool is made
      if (r !== null && ops.intOf(r) === undefined) throw typeErr('Expected int as r');
      return new Made(permutations(pool, r === null ? pool.length : length(r)), 'itertools.permutations');
    }),
    fn('product', (a, k) => {
      let times = 1;
      for (const [name, v] of k ?? []) {
        if (name !== 'repeat') throw typeErr(`'${name}' is an invalid keyword argument for product()`);
        times = indexArg(v);
      }
      if (times < 0) throw valueErr('repeat argument cannot be negative');
      return new Made(product(a.map((v) => ops.toList(v)), times), 'itertools.product');
    }),
    fn('count', (a, k) => {
      const [start = 0, stride = 1] = bind('count', a, k, ['start', 'step']);
      for (const v of [start, stride]) if (!isNumber(v)) throw typeErr('a number is required');
      // count_new's fast mode, an int start and the int step 1, counts in a C ssize_t: True or an int subclass's instance starts a plain int
      const fast = ops.intOf(start) !== undefined && ops.intOf(stride) === 1;
      return new PyCount(new Count(fast ? ops.intOf(start)! : start, stride));
    }),
    fn('repeat', (a, k) => {
      const [obj, times] = bind('repeat', a, k, ['object', 'times'], 1);
      return new PyRepeat(new Repeat(obj, times === undefined ? Infinity : Math.max(0, indexArg(times))));
    }),
    fn('takewhile', (a, k) => {
      noKeywords('takewhile', k);
      const [pred, src] = clinic('takewhile', a, k, 2);
      return new Made(takewhile(pred, iter(src)), 'itertools.takewhile');
    }),
    fn('dropwhile', (a, k) => {
      noKeywords('dropwhile', k);
      const [pred, src] = clinic('dropwhile', a, k, 2);
      return new Made(dropwhile(pred, iter(src)), 'itertools.dropwhile');
    }),
    fn('zip_longest', (a, k) => {
      let fill: Py = null;
      for (const [name, v] of k ?? []) {
        if (name !== 'fillvalue') throw typeErr('zip_longest() got an unexpected keyword argument');
        fill = v;
      }
      // an iterator made for every argument, paid as zip's are: zip_longest(*rows) of 300,000 rows
      work(a.length * 8);
      return new Made(zipLongest(a.map(iter), fill), 'itertools.zip_longest');
    }),
    fn('compress', (a, k) => {
      const [data, selectors] = bind('compress', a, k, ['data', 'selectors'], 2);
      return new Made(compress(iter(data), iter(selectors)), 'itertools.compress');
    }),
    fn('filterfalse', (a, k) => {
      noKeywords('filterfalse', k);
      const [pred, src] = clinic('filterfalse', a, k, 2);
      return new Made(filterfalse(pred, iter(src)), 'itertools.filterfalse');
    }),
    fn('cycle', (a, k) => {
      noKeywords('cycle', k);
      return new Made(cycle(iter(clinic('cycle', a, k, 1)[0])), 'itertools.cycle');
    }),
    fn('combinations_with_replacement', (a, k) => {
      const [src, r] = bind('combinations_with_replacement', a, k, ['iterable', 'r'], 2);
      const n = indexArg(r);
      const pool = ops.toList(src);
      return new Made(combinationsWithReplacement(pool, length(n)), 'itertools.combinations_with_replacement');
    }),
    ['tee', new PyFunc('tee', teeFn)],
    fn('_tee', (a, k) => {
      noKeywords('_tee', k);
      return teeFn([clinic('_tee', a, k, 1)[0], 1], null).items[0];
    }),
    fn('starmap', (a, k) => {
      noKeywords('starmap', k);
      const [func, src] = clinic('starmap', a, k, 2);
      return new Made(starmap(func, iter(src)), 'itertools.starmap');
    }),
  ]),
);
