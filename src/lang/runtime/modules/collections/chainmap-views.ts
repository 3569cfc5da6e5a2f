/**
 * KeysView, ItemsView and ValuesView of a chain map, as _collections_abc's MappingView mixins
 * answer them: each reads the mapping anew (its len, iteration and []), keys and items are sets
 * to ==, &, |, - and ^ (the answers plain sets, as Set._from_iterable makes them).
 */
import { tick } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { contains, eq as eqOf } from '../../compare.js';
import { KeyError } from '../../exceptions.js';
import { getitem } from '../../items.js';
import { iterate, len, toList } from '../../iteration.js';
import { NOT_IMPLEMENTED, type PyTypeSlots } from '../../types/protocol.js';
import { registerType } from '../../types/table.js';
import { PyException, PySet, PyTuple, typeName, type Py } from '../../values.js';

export type ViewKind = 'KeysView' | 'ItemsView' | 'ValuesView';

export class PyChainView {
  constructor(readonly kind: ViewKind, readonly mapping: Py) {}
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
  const [key, value] = toList(x);
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

/** Set.__and__ and the rest, `a` or `b` a view; NOT_IMPLEMENTED for what is no iterable (or no set, for -). */
function setOp(op: '&' | '|' | '-' | '^', a: Py, b: Py): Py {
  const view = isSetView(a) ? a : (b as PyChainView);
  const other = view === a ? b : a;
  const inView = (x: Py): boolean => (tick(), has(view, x));
  if (op === '&') return setOf(toList(other).filter(inView));
  if (op === '|') return setOf([...toList(a), ...toList(b)]);
  const otherSet = setOf(toList(other));
  const notIn = (s: Py) => (x: Py): boolean => (tick(), !contains(s, x));
  if (op === '-') return view === a ? setOf([...items(view)].filter(notIn(otherSet))) : setOf(toList(other).filter((x) => !inView(x)));
  return setOf([...[...items(view)].filter(notIn(otherSet)), ...toList(otherSet).filter((x) => !inView(x))]);
}

const VIEW: PyTypeSlots<PyChainView> = {
  name: (v) => v.kind,
  truthy: (v) => len(v.mapping) !== 0,
  len: (v) => len(v.mapping),
  iter: items,
  // MappingView.__repr__: '{0.__class__.__name__}({0._mapping!r})'
  repr: (v, item) => `${v.kind}(${item(v.mapping)})`,
  contains: has,
  // Set.__eq__ makes __hash__ None (ValuesView keeps object's, which is not given here)
  hash: null,
  eq: (a, b) => {
    if (a.kind === 'ValuesView') return NOT_IMPLEMENTED;
    if (!isSetLike(b)) return NOT_IMPLEMENTED;
    // len(self) == len(other) and self <= other
    if (len(a) !== len(b)) return false;
    for (const x of items(a)) if (!contains(b, x)) return false;
    return true;
  },
  nb: {
    and: (a, b) => (isSetView(a) || isSetView(b) ? setOp('&', a, b) : NOT_IMPLEMENTED),
    or: (a, b) => (isSetView(a) || isSetView(b) ? setOp('|', a, b) : NOT_IMPLEMENTED),
    subtract: (a, b) => (isSetView(a) || isSetView(b) ? setOp('-', a, b) : NOT_IMPLEMENTED),
    xor: (a, b) => (isSetView(a) || isSetView(b) ? setOp('^', a, b) : NOT_IMPLEMENTED),
  },
};

registerType(PyChainView, VIEW);
