/**
 * KeysView, ItemsView and ValuesView of a chain map, as _collections_abc's MappingView mixins
 * answer them: each reads the mapping anew (its len, iteration and []), keys and items are sets
 * to ==, &, |, - and ^ (the answers plain sets, as Set._from_iterable makes them).
 */
import { tick } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { contains, eq as eqOf } from '../../compare.js';
import { KeyError, typeErr, valueErr } from '../../exceptions.js';
import { getitem } from '../../items.js';
import { isIterable, iterate, len, toList } from '../../iteration.js';
import { bindArgs, Signature } from '../../signature.js';
import { NOT_IMPLEMENTED, type Method, type NotImplemented, type PyTypeSlots } from '../../types/protocol.js';
import { registerType } from '../../types/table.js';
import { PyException, PySet, PyTuple, typeName, type Py } from '../../values.js';

export type ViewKind = 'KeysView' | 'ItemsView' | 'ValuesView';

export class PyChainView {
  /** Set defines __eq__, so KeysView and ItemsView have no __hash__; ValuesView keeps object's (by identity). */
  readonly pyUnhashable: boolean;
  constructor(readonly kind: ViewKind, readonly mapping: Py) {
    this.pyUnhashable = kind !== 'ValuesView';
  }
}

function* items(v: PyChainView): Iterable<Py> {
  for (const k of iterate(v.mapping)) {
    tick();
    if (v.kind === 'KeysView') yield k;
    else if (v.kind === 'ItemsView') yield new PyTuple([k, getitem(v.mapping, k)]);
    else yield getitem(v.mapping, k);
  }
}

function has(v: PyChainView, x: Py): boolean {
  if (v.kind === 'KeysView') return contains(v.mapping, x);
  if (v.kind === 'ValuesView') {
    for (const k of iterate(v.mapping)) {
      tick();
      const got = getitem(v.mapping, k);
      if (got === x || eqOf(got, x)) return true;
    }
    return false;
  }
  // ItemsView.__contains__: `key, value = item`, then the mapping's value for key, by `is` or ==
  if (!isIterable(x)) throw typeErr(`cannot unpack non-iterable ${typeName(x)} object`);
  const pair = toList(x);
  if (pair.length < 2) throw valueErr(`not enough values to unpack (expected 2, got ${pair.length})`);
  if (pair.length > 2) throw valueErr('too many values to unpack (expected 2)');
  const [key, value] = pair;
  let got: Py;
  try {
    got = getitem(v.mapping, key);
  } catch (e) {
    if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(KeyError)) return false;
    throw e;
  }
  return got === value || eqOf(got, value);
}

/** Set's members: a set, frozenset, a dict's or chain map's keys or items view. */
const isSetLike = (v: Py): boolean => v instanceof PySet || (v instanceof PyChainView && v.kind !== 'ValuesView') || /^dict_(keys|items)$/.test(typeName(v));

const setOf = (items: Py[]): Py => callValue(BUILTINS.get('set')!, [items], null);
const isSetView = (v: Py): v is PyChainView => v instanceof PyChainView && v.kind !== 'ValuesView';

/**
 * Set.__and__ and the rest, `a` or `b` a view: NOT_IMPLEMENTED for what is no iterable. Each is
 * its own reflection (__rand__ = __and__, ...), so the view is `self` whichever side it is on,
 * and an `other` that is no Set is made a set first where the Python does (-, ^).
 */
function setOp(op: '&' | '|' | '-' | '^', a: Py, b: Py): Py {
  const view = isSetView(a) ? a : (b as PyChainView);
  const other = view === a ? b : a;
  if (!isIterable(other)) return NOT_IMPLEMENTED;
  const inView = (x: Py): boolean => (tick(), has(view, x));
  // _from_iterable(value for value in other if value in self)
  if (op === '&') return setOf(toList(other).filter(inView));
  // chain(self, other)
  if (op === '|') return setOf([...items(view), ...toList(other)]);
  const otherSet = isSetLike(other) ? other : setOf(toList(other));
  const notIn = (s: Py) => (x: Py): boolean => (tick(), !contains(s, x));
  const selfLess = (): Py[] => [...items(view)].filter(notIn(otherSet));
  const otherLess = (): Py[] => toList(otherSet).filter((x) => !inView(x));
  if (op === '-') return setOf(view === a ? selfLess() : otherLess());
  // (self - other) | (other - self)
  return setOf([...selfLess(), ...otherLess()]);
}

/** Set.__le__: every item of a in b (a no longer than b). */
function within(a: Py, b: Py): boolean {
  if (len(a) > len(b)) return false;
  for (const x of iterate(a)) if ((tick(), !contains(b, x))) return false;
  return true;
}

/**
 * Set.__lt__, __le__, __gt__ and __ge__ as the three-way subset order compare.ts asks of a slot
 * (0 equal, -1 a proper subset, 1 a proper superset, NaN neither), the other side's operator
 * being this one's reflection; NOT_IMPLEMENTED where the other is no Set.
 */
function order(a: PyChainView, b: Py): number | NotImplemented {
  if (a.kind === 'ValuesView' || !isSetLike(b)) return NOT_IMPLEMENTED;
  const la = len(a);
  const lb = len(b);
  if (la <= lb) return within(a, b) ? (la === lb ? 0 : -1) : NaN;
  return within(b, a) ? 1 : NaN;
}

// Set.isdisjoint(self, other): no item of other in self
const isdisjoint = new Signature('Set.isdisjoint', [{ name: 'self', star: '' }, { name: 'other', star: '' }], 'python');
const SET_METHODS = new Map<string, Method>([
  ['isdisjoint', (v: PyChainView, args: Py[], kw: Map<string, Py> | null) => {
    const [, other] = bindArgs(isdisjoint, [v, ...args], kw, [undefined, undefined]);
    for (const x of iterate(other)) if ((tick(), has(v, x))) return false;
    return true;
  }],
]);

const VIEW: PyTypeSlots<PyChainView> = {
  name: (v) => v.kind,
  truthy: (v) => len(v.mapping) !== 0,
  len: (v) => len(v.mapping),
  iter: items,
  // MappingView.__repr__: '{0.__class__.__name__}({0._mapping!r})'
  repr: (v, item) => `${v.kind}(${item(v.mapping)})`,
  contains: has,
  // Set.__eq__ makes __hash__ None (pyUnhashable); ValuesView keeps object's
  eq: (a, b) => {
    if (a.kind === 'ValuesView') return NOT_IMPLEMENTED;
    if (!isSetLike(b)) return NOT_IMPLEMENTED;
    // len(self) == len(other) and self <= other
    if (len(a) !== len(b)) return false;
    for (const x of items(a)) if (!contains(b, x)) return false;
    return true;
  },
  compare: order,
  // no __reversed__ and no __getitem__: reversed() finds a view not reversible
  notReversible: true,
  methodsOf: (v) => (v.kind === 'ValuesView' ? undefined : SET_METHODS),
  nb: {
    and: (a, b) => (isSetView(a) || isSetView(b) ? setOp('&', a, b) : NOT_IMPLEMENTED),
    or: (a, b) => (isSetView(a) || isSetView(b) ? setOp('|', a, b) : NOT_IMPLEMENTED),
    subtract: (a, b) => (isSetView(a) || isSetView(b) ? setOp('-', a, b) : NOT_IMPLEMENTED),
    xor: (a, b) => (isSetView(a) || isSetView(b) ? setOp('^', a, b) : NOT_IMPLEMENTED),
  },
};

registerType(PyChainView, VIEW);
