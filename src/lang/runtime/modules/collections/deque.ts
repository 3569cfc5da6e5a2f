/**
 * collections.deque: two stacks (the front reversed), so that appends and pops at either end
 * cost O(1) amortised, and a hostile loop of appendleft or popleft stays linear.
 */
import { bind, clinic, indexArg, intArg } from '../../args.js';
import { checkedMethods } from '../../arity.js';
import { allocItems, checkSize, tick, work } from '../../budget.js';
import { AttributeError, IndexError, indexErr, OverflowError, pyErr, RuntimeError, typeErr, valueErr } from '../../exceptions.js';
import { indexSized } from '../../numbers.js';
import { searchBounds } from '../../items.js';
import * as ops from '../../ops.js';
import { repr } from '../../repr.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../../types/protocol.js';
import { registerType, registerTypeObject } from '../../types/table.js';
import { PyType, typeName, type Py } from '../../values.js';

export class PyDeque {
  /** Items from the left end inwards, reversed: front[front.length - 1] is the first. */
  front: Py[] = [];
  back: Py[] = [];
  /** CPython's deque->state: every change of the items' places bumps it, and an iterator that sees it move raises. */
  state = 0;
  constructor(public maxlen: number | null) {}
  get length(): number {
    return this.front.length + this.back.length;
  }
  at(i: number): Py {
    const f = this.front.length;
    return i < f ? this.front[f - 1 - i] : this.back[i - f];
  }
  items(): Py[] {
    return [...this.front].reverse().concat(this.back);
  }
  replace(items: Py[]): void {
    this.front = [];
    this.back = items;
  }
  append(v: Py): void {
    this.state++;
    this.back.push(v);
    if (this.maxlen !== null && this.length > this.maxlen) this.popleft();
    checkSize(this.length);
  }
  appendleft(v: Py): void {
    this.state++;
    this.front.push(v);
    if (this.maxlen !== null && this.length > this.maxlen) this.pop();
    checkSize(this.length);
  }
  pop(): Py {
    if (this.back.length === 0) this.rebalance(Math.floor(this.length / 2));
    if (this.back.length === 0) throw indexErr('pop from an empty deque');
    this.state++;
    return this.back.pop();
  }
  popleft(): Py {
    if (this.front.length === 0) this.rebalance(Math.ceil(this.length / 2));
    if (this.front.length === 0) throw indexErr('pop from an empty deque');
    this.state++;
    return this.front.pop();
  }
  /** The empty end takes half of the items, so that each item moves O(1) times between pops. */
  private rebalance(frontLength: number): void {
    const all = this.items();
    allocItems(all.length);
    this.front = all.slice(0, frontLength).reverse();
    this.back = all.slice(frontLength);
  }
  pyGetItem(key: Py): Py {
    return this.at(this.index(key));
  }
  /** deque[i] = v: the slot in whichever stack holds it. */
  pySetItem(key: Py, value: Py): void {
    const i = this.index(key);
    const f = this.front.length;
    if (i < f) this.front[f - 1 - i] = value;
    else this.back[i - f] = value;
  }
  /** del deque[i]: the items after it in its stack move down. */
  pyDelItem(key: Py): void {
    const i = this.index(key);
    this.state++;
    const f = this.front.length;
    if (i < f) {
      work(i);
      this.front.splice(f - 1 - i, 1);
    } else {
      work(this.length - i);
      this.back.splice(i - f, 1);
    }
  }
  /** d[a:b]: a deque takes no slice, in CPython's words. */
  pyGetSlice(): never {
    throw typeErr("sequence index must be integer, not 'slice'");
  }
  /** d += iterable: extend, d itself. */
  pyInplaceAdd(other: Py): PyDeque {
    extend(this, other);
    return this;
  }
  /** d *= n: repeated in place, within maxlen. */
  pyInplaceMul(n: Py): PyDeque {
    const items = repeated(this, n);
    // deque_inplace_repeat leaves d *= 1 alone
    if (items.length !== this.length) this.state++;
    this.replace(items);
    return this;
  }
  private index(key: Py): number {
    if (typeof key !== 'number' && typeof key !== 'boolean' && typeof key !== 'bigint') throw typeErr(`sequence index must be integer, not '${typeName(key)}'`);
    let i = typeof key === 'bigint' ? indexSized(key, IndexError) : Number(key);
    if (i < 0) i += this.length;
    if (i < 0 || i >= this.length) throw indexErr('deque index out of range');
    return i;
  }
}

export function maxlenArg(v: Py): number | null {
  if (v === undefined || v === null) return null;
  if (ops.intOf(v) === undefined) throw typeErr(`an integer is required`);
  const n = indexArg(v);
  if (n < 0) throw valueErr('maxlen must be non-negative');
  return n;
}

/** extend(): the items first (d.extend(d) reads d as it was), each appended. */
function extend(d: PyDeque, it: Py): void {
  for (const x of ops.toList(it)) (tick(), d.append(x));
}

/**
 * d * n's items: within maxlen only the last maxlen of them, so that a huge n with a small
 * maxlen is not made in full; without one, the size limit refuses a huge result first.
 */
function repeated(d: PyDeque, count: Py): Py[] {
  const n = ops.intOf(count);
  if (n === undefined) throw typeErr(`can't multiply sequence by non-int of type '${typeName(count)}'`);
  if (typeof n === 'bigint' && (n >= 1n << 63n || n < -(1n << 63n))) throw pyErr(OverflowError, "cannot fit 'int' into an index-sized integer");
  const items = d.items();
  const times = Math.max(0, Number(n));
  if (items.length === 0 || times === 0) return [];
  const total = items.length * times;
  const keep = d.maxlen === null ? total : Math.min(total, d.maxlen);
  allocItems(keep);
  const out: Py[] = new Array(keep);
  // the last `keep` items of the repetition start at (total - keep) % length, which is -keep's, total being a multiple of length
  const skip = (items.length - (keep % items.length)) % items.length;
  for (let k = 0; k < keep; k++) out[k] = items[(skip + k) % items.length];
  return out;
}

const dequeOf = (maxlen: number | null, items: Py[]): PyDeque => {
  const out = new PyDeque(maxlen);
  out.replace(items);
  return out;
};

export const DEQUE_TYPE = new PyType('collections.deque', (a, kw) => {
  const [iterable, maxlen] = bind('deque', a, kw, ['iterable', 'maxlen']);
  const d = new PyDeque(maxlenArg(maxlen));
  if (iterable !== undefined) for (const x of ops.iterate(iterable)) (tick(), d.append(x));
  return d;
});

const METHODS = checkedMethods('deque', new Map<string, Method>([
  ['append', (d: PyDeque, [v]) => (d.append(v), null)],
  ['appendleft', (d: PyDeque, [v]) => (d.appendleft(v), null)],
  ['pop', (d: PyDeque) => d.pop()],
  ['popleft', (d: PyDeque) => d.popleft()],
  ['extend', (d: PyDeque, [it]) => (extend(d, it), null)],
  ['extendleft', (d: PyDeque, [it]) => {
    for (const x of ops.toList(it)) (tick(), d.appendleft(x));
    return null;
  }],
  // hand-written in 3.11, not Clinic's: its errors name deque.rotate
  ['rotate', (d: PyDeque, a, kw) => {
    const [n = 1] = clinic('deque.rotate', a, kw, 0, 1);
    const by = intArg(n);
    // any ssize_t rotates, reduced modulo the length exactly (10**18 is past a double's integers)
    if (typeof by === 'bigint' && (by >= 1n << 63n || by < -(1n << 63n))) throw pyErr(OverflowError, 'Python int too large to convert to C ssize_t');
    const len = d.length;
    if (len > 1) {
      d.state++;
      const k = typeof by === 'bigint' ? Number(((by % BigInt(len)) + BigInt(len)) % BigInt(len)) : ((by % len) + len) % len;
      const items = d.items();
      allocItems(len);
      d.replace(items.slice(len - k).concat(items.slice(0, len - k)));
    }
    return null;
  }],
  ['clear', (d: PyDeque) => {
    if (d.length > 0) d.state++;
    d.replace([]);
    return null;
  }],
  ['copy', (d: PyDeque) => {
    const out = new PyDeque(d.maxlen);
    allocItems(d.length);
    out.replace(d.items());
    return out;
  }],
  ['count', (d: PyDeque, [v]) => d.items().filter((x) => (tick(), ops.eq(x, v))).length],
  ['index', (d: PyDeque, [v, start, stop]) => {
    const items = d.items();
    // a bound of any size is clamped to the deque, as a slice's
    const [a, b] = searchBounds(start, stop, items.length);
    for (let i = a; i < b; i++) if ((tick(), ops.eq(items[i], v))) return i;
    throw valueErr(`${repr(v)} is not in deque`);
  }],
  ['insert', (d: PyDeque, [at, v]) => {
    const i = indexArg(at);
    if (d.maxlen !== null && d.length >= d.maxlen) throw indexErr('deque already at its maximum size');
    const items = d.items();
    const n = items.length;
    const where = i < 0 ? Math.max(0, i + n) : Math.min(i, n);
    allocItems(n + 1);
    d.state++;
    items.splice(where, 0, v);
    d.replace(items);
    return null;
  }],
  ['remove', (d: PyDeque, [v]) => {
    const items = d.items();
    const i = items.findIndex((x) => (tick(), ops.eq(x, v)));
    if (i < 0) throw valueErr(`${repr(v)} is not in deque`);
    d.state++;
    items.splice(i, 1);
    d.replace(items);
    return null;
  }],
  ['reverse', (d: PyDeque) => (d.replace(d.items().reverse()), null)],
]), {
  append: 'one', appendleft: 'one', pop: 'none', popleft: 'none', extend: 'one', extendleft: 'one', rotate: 'own', clear: 'none', copy: 'none',
  count: 'one', index: ['parse', 1, 3], insert: ['parse', 2, 2], remove: 'one', reverse: 'none',
});

/** dequeiter_next: a change of the deque's state since the iterator began is CPython's RuntimeError, even at the end. */
function iterDeque(d: PyDeque): Iterable<Py> {
  // read when iter() is called, not at the first next() as a generator's body would
  const state = d.state;
  const length = d.length;
  return (function* () {
    for (let i = 0; ; i++) {
      if (d.state !== state) throw pyErr(RuntimeError, 'deque mutated during iteration');
      if (i === length) return;
      yield d.at(i);
    }
  })();
}

/** maxlen is a getset without a setter: a store or delete, on a deque or a subclass's instance, is refused in its words. */
export const maxlenNotWritable = () => pyErr(AttributeError, "attribute 'maxlen' of 'collections.deque' objects is not writable");

export const DEQUE: PyTypeSlots<PyDeque> = {
  name: () => 'collections.deque',
  type: DEQUE_TYPE,
  truthy: (v) => v.length !== 0,
  len: (v) => v.length,
  iter: iterDeque,
  hash: null,
  reprCycle: '[...]',
  repr: (v, item) => `deque(${item(v.items())}${v.maxlen === null ? '' : `, maxlen=${v.maxlen}`})`,
  eq: (a, b, eq) => {
    if (!(b instanceof PyDeque)) return NOT_IMPLEMENTED;
    if (a.length !== b.length) return false;
    // a tick an item, as list's ==: a deque may hold one deque twice, a tree exponential in its depth
    for (let i = 0; i < a.length; i++) if ((tick(), !eq(a.at(i), b.at(i)))) return false;
    return true;
  },
  // deque_richcompare: deques only, item by item, then by length
  compare: (a, b) => {
    if (!(b instanceof PyDeque)) return NOT_IMPLEMENTED;
    for (let i = 0; i < a.length && i < b.length; i++) {
      tick();
      if (!ops.eq(a.at(i), b.at(i))) return ops.lt(a.at(i), b.at(i)) ? -1 : 1;
    }
    return a.length - b.length;
  },
  nb: {
    // deque_concat: the left deque's maxlen
    add: (a, b) => {
      if (!(a instanceof PyDeque)) return NOT_IMPLEMENTED;
      if (!(b instanceof PyDeque)) throw typeErr(`can only concatenate deque (not "${typeName(b)}") to deque`);
      const out = dequeOf(a.maxlen, []);
      extend(out, a.items());
      extend(out, b.items());
      return out;
    },
    multiply: (a, b) => (a instanceof PyDeque ? dequeOf(a.maxlen, repeated(a, b)) : dequeOf((b as PyDeque).maxlen, repeated(b as PyDeque, a))),
  },
  getattr: (v, name) => (name === 'maxlen' ? v.maxlen : undefined),
  setattr: (_v, name) => {
    throw name === 'maxlen' ? maxlenNotWritable() : pyErr(AttributeError, `'collections.deque' object has no attribute '${name}'`);
  },
  methods: METHODS,
};

registerType(PyDeque, DEQUE);
// deque.append unbound, as the type gives it
registerTypeObject('collections.deque', DEQUE);
