/**
 * collections.Counter, a dict subclass as in CPython: a PyDict whose missing keys count 0,
 * with Lib/collections/__init__.py's update, subtract, most_common, elements, total and
 * arithmetic. json.dumps and the context's JSON round trip see the dict it is.
 */
import { checkedMethods } from '../../arity.js';
import { getattr } from '../../attributes.js';
import { ownAttrSlots } from '../../own-attrs-slots.js';
import { checkSize, step, tick } from '../../budget.js';
import { copyMap } from '../../copy.js';
import { callValue } from '../../call.js';
import { NotImplementedError, pyErr, typeErr, valueErr } from '../../exceptions.js';
import { delitem, getitem, setitem } from '../../items.js';
import { truthy } from '../../iteration.js';
import { DICT_METHODS } from '../../methods-dict.js';
import * as ops from '../../ops.js';
import { DICT, walkDict } from '../../types/dict.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../../types/protocol.js';
import { registerType, registerTypeObject } from '../../types/table.js';
import { noteDescriptor } from '../../def-names.js';
import { noteDefinedIn } from '../../method-attributes.js';
import { bindArgs, Signature } from '../../signature.js';
import { PyDictInstance } from '../../class-values.js';
import { boundMethod, PyDict, PyFunc, PyTuple, type NativeFn, type Py } from '../../values.js';
import { PyClassType } from '../class-type.js';
import { counterRepr, elements, mostCommon, total } from './counter-python.js';
import { DICT as DICT_TYPE } from '../../builtins.js';

export class PyCounter extends PyDict {
  /** The instance's __dict__ (own-attrs.ts): Counter is a Python class. */
  attrs: Map<string, Py> | null = null;
  /** __missing__: 0, not stored. */
  pyMissing(): Py {
    return 0;
  }
}

/** isinstance(v, Counter): a Counter, or an instance of a condition's subclass of it (dict-subclasses.ts). */
export const isCounter = (v: Py): v is PyDict => v instanceof PyCounter || (v instanceof PyDictInstance && v.cls.isSubclassOf(COUNTER_TYPE));

/** self.get(elem, 0): a count of None is None (`??` made it 0, so None + 1 was 1, not CPython's TypeError). */
function countOf(c: PyDict, key: Py): Py {
  const v = c.get(key);
  return v === undefined ? 0 : v;
}

/** Counter.update / subtract: a mapping's counts added (or taken), or each item of an iterable counted once. */
function count(c: PyCounter, source: Py, kw: Map<string, Py> | null, sign: 1 | -1): void {
  if (source !== undefined && source !== null) {
    if (source instanceof PyDict) {
      // an empty Counter takes a mapping's values as they are (dict.update), else adds them
      const fresh = c.m.size === 0 && sign === 1;
      for (const [nk, v] of source.m) {
        tick();
        const key = source.key(nk);
        // `count + self_get(elem, 0)` (that order: 'y' + 'x'), `self_get(elem, 0) - count`
        c.set(key, fresh ? v : sign === 1 ? ops.add(v, countOf(c, key)) : ops.sub(countOf(c, key), v));
      }
    } else {
      let n = 0;
      for (const x of ops.iterate(source)) {
        // a step an item, as the loop `c[x] += 1` it stands for
        step();
        c.set(x, sign === 1 ? ops.add(countOf(c, x), 1) : ops.sub(countOf(c, x), 1));
        // within the size limit as it grows, not only once it is built
        if ((++n & 1023) === 0) checkSize(c.m.size);
      }
    }
    checkSize(c.m.size);
  }
  if (kw !== null && kw.size > 0) count(c, PyDict.ofNames(kw), null, sign);
}

function counterArgs(name: string, a: Py[]): Py {
  // def update(self, iterable=None, /, **kwds): self counts among the positional arguments
  if (a.length > 1) throw typeErr(`Counter.${name}() takes from 1 to 2 positional arguments but ${a.length + 1} were given`);
  return a[0];
}

/** Counter.fromkeys(cls, iterable, v=None), a classmethod that refuses, once its arguments are bound. */
const FROMKEYS = new Signature('Counter.fromkeys', [{ name: 'cls', star: '' }, { name: 'iterable', star: '' }, { name: 'v', star: '' }], 'python');
const FROMKEYS_DEFAULTS: readonly Py[] = [undefined, undefined, null];

function fromkeys(a: Py[], kw: Map<string, Py> | null): never {
  bindArgs(FROMKEYS, [COUNTER_TYPE, ...a], kw, FROMKEYS_DEFAULTS);
  throw pyErr(NotImplementedError, 'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.');
}

/**
 * heapq.nlargest(1, self.items(), key=_itemgetter(1)): max's walk, the first of the greatest
 * counts, each compared by `count > best` as max compares keys (a class's __gt__ called so).
 * It was 37,000 instructions for a Counter of 14 words through the calls; 25,000 before the
 * Python route (bench/instructions, 'Counter update').
 */
function mostCommonOne(self: PyCounter): PyTuple[] {
  let best: PyTuple | undefined;
  for (const [nk, v] of self.m) {
    step();
    if (best === undefined || ops.gt(v, best.items[1])) best = new PyTuple([self.key(nk), v]);
  }
  return best === undefined ? [] : [best];
}

const COPY = new Signature('Counter.copy', [{ name: 'self', star: '' }], 'python');

const COUNTER_METHODS = checkedMethods('Counter', new Map<string, Method>([
  ['update', (c: PyCounter, a, kw) => (count(c, counterArgs('update', a), kw, 1), null)],
  ['subtract', (c: PyCounter, a, kw) => (count(c, counterArgs('subtract', a), kw, -1), null)],
  // most_common(1) of a Counter itself, whose items() is dict's: nlargest's max(items, key=count), without its calls
  ['most_common', (c, a, kw) => (a.length === 1 && a[0] === 1 && kw === null && c.constructor === PyCounter ? mostCommonOne(c) : mostCommon([c, ...a], kw))],
  ['elements', (c, a, kw) => elements([c, ...a], kw)],
  ['total', (c, a, kw) => total([c, ...a], kw)],
  // def copy(self): a Python method's words for a wrong call
  ['copy', (c: PyCounter, a, kw) => (a.length > 0 || kw !== null ? bindArgs(COPY, [c, ...a], kw, [undefined]) : null, copyCounter(c))],
  ['fromkeys', (_c: PyCounter, a, kw) => fromkeys(a, kw)],
]), { update: 'own', subtract: 'own', most_common: 'own', elements: 'own', total: 'own', copy: 'own', fromkeys: 'own' });

function copyCounter(c: PyDict): PyCounter {
  const out = new PyCounter(copyMap(c.m));
  if (c.k !== null) out.k = copyMap(c.k);
  return out;
}

/**
 * Counter arithmetic: each key of both, combined, kept when positive (Lib/collections: __add__,
 * __sub__, __or__, __and__; & reads only the left's keys). With a subclass's instance on either
 * side, as that Python code reads it: items(), other[elem] (its __missing__) and `elem not in
 * self`, each possibly the class's own.
 */
function combine(f: (x: Py, y: Py) => Py, otherKeys = true) {
  return (a: Py, b: Py): Py => {
    if (!isCounter(a) || !isCounter(b)) return NOT_IMPLEMENTED;
    if (a instanceof PyDictInstance || b instanceof PyDictInstance) return combineAsPython(a, b, f, otherKeys);
    const out = new PyCounter();
    for (const [nk, v] of a.m) {
      tick();
      const key = a.key(nk);
      const r = f(v, countOf(b, key));
      if (ops.gt(r, 0)) out.set(key, r);
    }
    for (const [nk, v] of b.m) {
      tick();
      const key = b.key(nk);
      if (a.has(key)) continue;
      const r = f(0, v);
      if (ops.gt(r, 0)) out.set(key, r);
    }
    return out;
  };
}

function combineAsPython(a: PyDict, b: PyDict, f: (x: Py, y: Py) => Py, otherKeys: boolean): PyCounter {
  const out = new PyCounter();
  for (const [key, v] of pairs(a)) {
    const r = f(v, ops.getitem(b, key));
    if (ops.gt(r, 0)) out.set(key, r);
  }
  if (otherKeys) {
    for (const [key, v] of pairs(b)) {
      if (ops.contains(a, key)) continue;
      const r = f(0, v);
      if (ops.gt(r, 0)) out.set(key, r);
    }
  }
  return out;
}

/** `for elem, count in c.items()`: the class's items() if it has its own, each item unpacked to two. */
function* pairs(c: Py): Generator<[Py, Py]> {
  for (const item of ops.iterate(callValue(getattr(c, 'items'), [], null))) {
    tick();
    const two = ops.toList(item);
    if (two.length !== 2) throw two.length > 2 ? valueErr('too many values to unpack (expected 2)') : valueErr(`not enough values to unpack (expected 2, got ${two.length})`);
    yield [two[0], two[1]];
  }
}

/**
 * Counter.__iadd__, __isub__, __ior__ and __iand__ (Python code): self changed in place item by
 * item, through its class where it is a subclass's instance, then _keep_positive.
 */
export function counterInplace(op: string, self: PyDict, other: Py): Py | undefined {
  if (op !== '+' && op !== '-' && op !== '|' && op !== '&') return undefined;
  if (op === '&') {
    for (const [elem, n] of pairs(self)) {
      const o = getitem(other, elem);
      if (ops.lt(o, n)) setitem(self, elem, o);
    }
  } else {
    for (const [elem, n] of pairs(other)) {
      if (op === '|') {
        if (ops.gt(n, getitem(self, elem))) setitem(self, elem, n);
      } else setitem(self, elem, op === '+' ? ops.add(getitem(self, elem), n) : ops.sub(getitem(self, elem), n));
    }
  }
  // _keep_positive: del self[elem] for each count not > 0
  const nonpositive: Py[] = [];
  for (const [elem, n] of pairs(self)) {
    if (!truthy(ops.gtValue(n, 0))) nonpositive.push(elem);
  }
  for (const elem of nonpositive) delitem(self, elem);
  return self;
}

export const COUNTER_TYPE = new PyClassType('Counter', (a, kw) => {
  const c = new PyCounter();
  count(c, counterArgs('__init__', a), kw, 1);
  return c;
}, DICT_TYPE);
/** Counter.name, a function of Lib/collections, as its def makes it. */
function pythonFunction(name: string, fn: NativeFn): PyFunc {
  const f = noteDescriptor(new PyFunc(`Counter.${name}`, fn, 'function'), `Counter.${name}`);
  noteDefinedIn(f, 'collections');
  return f;
}

/** Counter.fromkeys, a classmethod of Python's: its function, bound to the class where it is read through it. */
export const FROMKEYS_FUNCTION = pythonFunction('fromkeys', (a, kw) => fromkeys(a.slice(1), kw));
COUNTER_TYPE.attrs.set('fromkeys', boundMethod('fromkeys', fromkeys, COUNTER_TYPE, FROMKEYS_FUNCTION));

/** Counter's methods that Lib/collections writes in Python, its class's functions (dict-subclasses.ts adds update, subtract and copy). */
export const COUNTER_FUNCTIONS = new Map<string, PyFunc>();
/** Counter.name, a function of the class: Counter.total(c). */
export function counterFunction(name: string, fn: NativeFn): void {
  const f = pythonFunction(name, fn);
  COUNTER_TYPE.attrs.set(name, f);
  COUNTER_FUNCTIONS.set(name, f);
}
for (const [name, fn] of [['most_common', mostCommon], ['elements', elements], ['total', total]] as const) counterFunction(name, fn);

/**
 * Counter.__le__, __lt__, __ge__ and __gt__ (3.10+): every count of either side compared, a
 * missing one 0; NotImplemented unless both are Counters (a plain dict is not ordered).
 */
export function counterOrder(a: Py, b: Py, op: string): boolean | typeof NOT_IMPLEMENTED {
  if (!isCounter(a) || !isCounter(b)) return NOT_IMPLEMENTED;
  // __lt__ is `self <= other and self != other`, __gt__ likewise with >=
  if (op === '<' || op === '>') return countsAll(a, b, op === '<' ? ops.leValue : ops.geValue) && !countsAll(a, b, ops.eqValue);
  return countsAll(a, b, op === '<=' ? ops.leValue : ops.geValue);
}

/** `all(self[e] <op> other[e] for c in (self, other) for e in c)`: a subclass's counts through its __getitem__. */
function countsAll(a: PyDict, b: PyDict, test: (x: Py, y: Py) => Py): boolean {
  const at = (c: PyDict, key: Py): Py => (c instanceof PyDictInstance ? getitem(c, key) : countOf(c, key));
  for (const c of [a, b]) {
    for (const nk of [...c.m.keys()]) {
      tick();
      const key = c.key(nk);
      if (!truthy(test(at(a, key), at(b, key)))) return false;
    }
  }
  return true;
}

/** Counter.__pos__ and __neg__: the positive counts, or the negated negative ones, compared with 0 as Python compares them; a subclass's through its items(). */
function signed(c: PyCounter, keep: (n: Py) => boolean, value: (n: Py) => Py): PyCounter {
  const out = new PyCounter();
  // a subclass's instance as the Python code reads it: `for elem, count in self.items()`
  if (c instanceof PyDictInstance) {
    for (const [key, n] of pairs(c)) if (keep(n)) out.set(key, value(n));
    return out;
  }
  for (const [nk, n] of c.m) {
    // a step an item, as counting is; the filed key is kept, not hashed again
    step();
    if (!keep(n)) continue;
    out.m.set(nk, value(n));
    const key = c.k?.get(nk);
    if (key !== undefined) (out.k ??= new Map()).set(nk, key);
  }
  return out;
}

export const COUNTER: PyTypeSlots<PyCounter> = {
  ...DICT,
  name: () => 'Counter',
  type: COUNTER_TYPE,
  iter: (v) => walkDict(v, 'keys'),
  repr: counterRepr,
  // Counter.__eq__ (3.10+): a missing key counts 0 on either side; against a plain dict, dict's ==
  eq(a, b, eq) {
    if (!isCounter(b)) return DICT.eq!(a, b, eq);
    for (const c of [a, b]) {
      for (const nk of c.m.keys()) {
        tick();
        const key = c.key(nk);
        if (!eq(countOf(a, key), countOf(b, key))) return false;
      }
    }
    return true;
  },
  // Counter.__le__, __lt__, __ge__, __gt__ (3.10+), a plain Counter on the left (a subclass's instance: dict-subclasses.ts)
  compare(a, b, op) {
    const r = counterOrder(a, b, op);
    if (r === NOT_IMPLEMENTED) return r;
    return op === '<' ? (r ? -1 : 0) : op === '<=' ? (r ? 0 : 1) : op === '>' ? (r ? 1 : 0) : r ? 0 : -1;
  },
  // Counter.__delitem__: a missing key is no error
  delitem: (c, key) => void c.delete(key),
  nb: {
    add: combine(ops.add),
    subtract: combine(ops.sub),
    or: combine((x, y) => (ops.lt(x, y) ? y : x)),
    and: combine((x, y) => (ops.lt(x, y) ? x : y), false),
  },
  unary: {
    positive: (c) => signed(c, (n) => ops.gt(n, 0), (n) => n),
    negative: (c) => signed(c, (n) => ops.lt(n, 0), (n) => ops.sub(0, n)),
  },
  methods: new Map([...DICT_METHODS, ...COUNTER_METHODS]),
  pyFunctions: (_c, name) => COUNTER_FUNCTIONS.get(name),
  ...ownAttrSlots(PyCounter, COUNTER_TYPE),
};

registerType(PyCounter, COUNTER);
// Counter.update and the rest of its own methods, through the class
registerTypeObject('Counter', COUNTER);
