import { indexValue } from './args.js';
import { instanceAttrOr, isHooked, type PyClass } from './class-values.js';
import { typeErr } from './exceptions.js';
import { isListLike, isTupleLike, openCollection, PyHookedCollection } from './hooked-collection.js';
import { hookedSlots } from './hooked-slots.js';
import { hashKey } from './keys.js';
import * as ops from './ops.js';
import { NOT_IMPLEMENTED, type ItemRepr, type NotImplemented, type NumberSlots, type PyTypeSlots } from './types/protocol.js';
import { typeOf } from './types/table.js';
import { binaryTurns, hookedKey, instance, isStr, OPERATORS, strFormat } from './value-dunders.js';
import { pyHashBig } from './hash.js';
import { boundMethod, PyTuple, typeName, type Py } from './values.js';
import { classString } from './string-dunders.js';
import { withAttrHooks } from './attribute-hooks.js';

/**
 * The slots of a list or tuple subclass's hooked instance (hooked-collection.ts): the class's
 * method where it defines one (hooked-slots.ts), else the base's own slot on the list or tuple
 * it holds, as the slot the subclass inherits reads the items: len(), in, x[i], iteration and
 * == of a class with __getitem__ alone do not call it.
 */

type Box = PyHookedCollection;

const I = instance;
const has = (v: { readonly cls: PyClass }, name: string): boolean => v.cls.lookup(name) !== undefined;
const isList = (v: Box): boolean => Array.isArray(v.value);

/**
 * sq_concat of the left operand, a list or tuple (a subclass's instance included) whose class has
 * no __add__ of its own, which CPython tries after every number slot declined: the right one
 * must be of its base (PyList_Check), read item by item.
 */
function concat(a: Py, b: Py): Py | NotImplemented {
  const list = isListLike(a);
  if ((!list && !isTupleLike(a)) || (a instanceof PyHookedCollection && has(a, '__add__'))) return NOT_IMPLEMENTED;
  const kind = list ? 'list' : 'tuple';
  if (!(list ? isListLike(b) : isTupleLike(b))) throw typeErr(`can only concatenate ${kind} (not "${typeName(b)}") to ${kind}`);
  return ops.add(openCollection(a), openCollection(b));
}

/** sq_repeat of the left operand, else of the right, a list or tuple whose class has no __mul__ or __rmul__ of its own. */
function repeat(a: Py, b: Py): Py | NotImplemented {
  const repeats = (v: Py) => (isListLike(v) || isTupleLike(v)) && !(v instanceof PyHookedCollection && (has(v, '__mul__') || has(v, '__rmul__')));
  // a str or bytes on the left repeats by the operator's own words (arith.ts)
  if (!repeats(a) && (typeof a === 'string' || !repeats(b))) return NOT_IMPLEMENTED;
  const [s, n] = repeats(a) ? [a, b] : [b, a];
  const count = indexValue(n);
  if (count === undefined) throw typeErr(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  return ops.mul(openCollection(s), count);
}

/** str's own %, the one number slot of a builtin a list or tuple may meet: the left operand a str (a str subclass's whose class did not take its place too). */
function strRemainder(a: Py, b: Py, side: 'left' | 'right'): Py | NotImplemented {
  if (side !== 'left' || !isStr(a) || (isHooked(a) && (has(a as Box, '__mod__') || has(a as Box, '__rmod__')))) return NOT_IMPLEMENTED;
  return strFormat(a, b);
}

/** The operators: the turns of the class's methods (list and tuple have no number slot), then concatenation and repeat. */
function numbers(): NumberSlots {
  const out: NumberSlots = {};
  for (const [slot, name] of OPERATORS) {
    const turns = binaryTurns(`__${name}__`, `__r${name}__`, slot === 'remainder' ? strRemainder : () => NOT_IMPLEMENTED);
    const after = slot === 'add' ? concat : slot === 'multiply' ? repeat : undefined;
    out[slot] = (a, b) => {
      const r = turns(a, b);
      return r !== NOT_IMPLEMENTED || after === undefined ? r : after(a, b);
    };
  }
  return out;
}

/** The instances whose base repr is being made: met again inside, each is [...] or (...), as Py_ReprEnter has it. */
const inRepr = new Set<Box>();

/**
 * list_repr and tuple_repr: the items as they are held, whatever __iter__ or __getitem__ say,
 * each by `item`, the walk of the repr it is in, which holds the nesting to its limit.
 */
export function collectionRepr(v: Box, item: ItemRepr): string {
  if (inRepr.has(v)) return isList(v) ? '[...]' : '(...)';
  inRepr.add(v);
  try {
    if (Array.isArray(v.value)) return `[${v.value.map((x) => item(x)).join(', ')}]`;
    const items = v.value.items;
    return items.length === 1 ? `(${item(items[0])},)` : `(${items.map((x) => item(x)).join(', ')})`;
  } finally {
    inRepr.delete(v);
  }
}

/** A list subclass's instance with a __hash__ of its own: keys of that hash told apart by list's ==, on its items as they are when it is filed. */
function listKey(v: Box): unknown {
  const h = I().hash!(v);
  return `\u0000hashed#${h}#list:${String(hashKey(new PyTuple(v.value as Py[])))}`;
}

const unhashable = (v: Box): never => {
  throw typeErr(`unhashable type: '${v.cls.name}'`);
};

export const COLLECTION_SLOTS: PyTypeSlots<Box> = {
  name: (v) => v.cls.name,
  classOf: (v) => v.cls,
  ...hookedSlots<Box>({
    truthy: (v) => ops.truthy(v.value),
    len: (v) => ops.len(v.value),
    // list_iter and tuple's read the items: a class with __getitem__ alone iterates them
    iter: (v) => ops.iterate(v.value),
    contains: (v, item) => ops.contains(v.value, item),
    getitem: (v, key) => ops.getitem(v.value, key),
    // a tuple has neither: a plain instance's TypeError
    setitem: (v, key, value) => (isList(v) ? ops.setitem(v.value, key, value) : I().setitem!(v, key, value)),
    delitem: (v, key) => (isList(v) ? ops.delitem(v.value, key) : I().delitem!(v, key)),
    // list's __hash__ is None; tuple's hashes the items
    hash: (v) => (isList(v) ? unhashable(v) : pyHashBig(v.value)),
    key: (v) => (isList(v) && has(v, '__hash__') && !v.cls.hasEq ? listKey(v) : hookedKey(v, (x) => (isList(x as Box) ? unhashable(x as Box) : hashKey((x as Box).value)))),
    nb: numbers(),
    repr: collectionRepr,
  }),
  str: (v, repr) => classString(v, v.cls, '__str__') ?? repr(v),
  // the C encoder reads a list or tuple through PySequence_Fast, which walks a subclass's __iter__
  json: (v) => ops.toList(v),
  getattr: withAttrHooks((v, name) => instanceAttrOr(v, name, collectionMethod)),
};

/** A method of the base, bound to the list or tuple the instance holds: what l.append reaches when the class has none of that name. */
export function collectionMethod(v: Box, name: string): Py | undefined {
  const base = typeOf(v.value);
  const m = base.methods?.get(name) ?? base.methodsOf?.(v.value)?.get(name);
  if (m !== undefined) return boundMethod(name, (args, kw) => m(v.value, args, kw), v, undefined);
  return base.getattr?.(v.value, name);
}
