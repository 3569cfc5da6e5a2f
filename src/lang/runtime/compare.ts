import { markComparisonCall, nestingRoom, tick, tooDeep, unmarkComparisonCall, work } from './budget.js';
import { compareStr, LONG_COMPARED, payEquality } from './codepoints.js';
import { includesCp } from './str-search.js';
import { typeErr } from './exceptions.js';
import { compareFloat } from './int/index.js';
import { isHooked, isInstance, PyClassException, PyDictInstance, PyInstance } from './class-values.js';
import { intOf } from './numbers.js';
import { truthy } from './iteration.js';
import { NOT_IMPLEMENTED, type PyTypeSlots } from './types/protocol.js';
import { slotsNamed, typeOf } from './types/table.js';
import { lateBinary, lateCollections, lateOwner } from './late-hooks.js';

type Order = '<' | '<=' | '>' | '>=';
import { PyComplex, PyDict, PyFloat, PySet, PyStrBox, PyTuple, PyView, typeName, type Py } from './values.js';

/**
 * Comparison and membership: ==, <, in. Set equality and order need membership, and
 * membership in a list needs equality of its items (sets among them): one module, as
 * the recursion is inherent.
 */
/**
 * The == operator's value. eq below is how containers compare items (PyObject_RichCompareBool:
 * the same object first), so [n] == [n] for a NaN n; but n == n is False (float_richcompare).
 * A condition's class answers by its own __eq__, with any value, returned as it is.
 */
export function eqValue(a: Py, b: Py): Py {
  // two strs: a long pair is paid for first (payEquality)
  if (typeof a === 'string' && typeof b === 'string') return strEq(a, b);
  // the common case first (an int equal to itself): no class to ask, no NaN
  if (a === b && typeof a !== 'object') return true;
  const late = lateBinary(a, b, '__eq__', '__eq__');
  if (late !== undefined) return late;
  const rich = richEqOf(a, b);
  if (rich !== undefined) {
    const r = rich(a, b, false);
    return r === NOT_IMPLEMENTED ? a === b : r;
  }
  return a === b ? !unequalToItself(a) : eq(a, b);
}

/** The != operator's value: a class's __ne__ (or its inverted __eq__), else not ==. */
export function neValue(a: Py, b: Py): Py {
  if (typeof a === 'string' && typeof b === 'string') return !strEq(a, b);
  if (a === b && typeof a !== 'object') return false;
  // list's and tuple's own __ne__ is found before object's, which would invert a late __eq__
  const late = lateBinary(a, b, '__ne__', '__ne__');
  if (late !== undefined) return late;
  if (lateOwner(a, '__eq__') !== undefined || lateOwner(b, '__eq__') !== undefined) return !baseEq(a, b);
  const rich = richEqOf(a, b);
  if (rich !== undefined) {
    const r = rich(a, b, true);
    return r === NOT_IMPLEMENTED ? a !== b : r;
  }
  return a === b ? unequalToItself(a) : !eq(a, b);
}

/**
 * Whether `x == x` is False: a float or a complex holding a NaN (float_richcompare,
 * complex_richcompare), a Decimal NaN, or a live memoryview with such an item (memory_richcompare compares
 * the items, identity only once released), where a container's items are the same object first.
 */
function unequalToItself(x: Py): boolean {
  if (x instanceof PyFloat) return x.v !== x.v;
  if (x instanceof PyComplex) return x.re !== x.re || x.im !== x.im;
  if (typeof x !== 'object' || x === null) return false;
  // memoryview.ts is not imported here (it reaches this module): its type is known by name; a
  // Decimal's, whose NaN's == is False too (a signaling one's signals InvalidOperation), by its
  // == slot, which a subclass's instance shares (number-subclass.ts) under its class's name
  const type = typeOf(x);
  const decimalEq = slotsNamed('decimal.Decimal')?.eq;
  return (type.name(x) === 'memoryview' || (decimalEq !== undefined && type.eq === decimalEq)) && !slotEq(x, x, 0);
}

export const eqOperator = (a: Py, b: Py): boolean => truthy(eqValue(a, b));
export const neOperator = (a: Py, b: Py): boolean => truthy(neValue(a, b));

/**
 * The richEq slot of either operand's type (a condition's class), which asks both in CPython's
 * order. Only instances of a condition's classes have one: the others are passed by with an
 * instanceof, not a type lookup (x == 1.5 of a float took 35% more instructions with two).
 */
function richEqOf(a: Py, b: Py): PyTypeSlots['richEq'] {
  // an int, str or float subclass's instance first: its side's turn falls back to its base's, not object's (value-compare.ts)
  if (isHooked(a)) return typeOf(a).richEq;
  if (isHooked(b)) return typeOf(b).richEq;
  if (a instanceof PyInstance || a instanceof PyDictInstance || a instanceof PyClassException) return typeOf(a).richEq;
  return b instanceof PyInstance || b instanceof PyDictInstance || b instanceof PyClassException ? typeOf(b).richEq : undefined;
}

/**
 * Set by value-compare.ts (a hook, as setEqKeys is: it imports this module): a comparison where
 * either operand is an int, str or float subclass's instance whose class defines dunders.
 */
let hookedCompare: (a: Py, b: Py, op: '==' | '!=' | Order) => Py = () => {
  throw new Error('value-compare.ts is not loaded');
};
export function setHookedCompare(f: typeof hookedCompare): void {
  hookedCompare = f;
}

const IN_COMPARISON = 'in comparison';
/** x == y of two lists nested this deep answers at the envelope's level, one deeper raises (a tuple's, one deeper still: nestingRoom). */
const COMPARE_NESTING = 998;

/** Two strs' ==, a long pair of one length paid for before V8 reads them (payEquality). */
export function strEq(a: string, b: string): boolean {
  if (a.length >= LONG_COMPARED && a.length === b.length) payEquality(a.length);
  return a === b;
}

/**
 * How deep the comparison under way was where a type's own == was asked (slotEq): a namespace's
 * __eq__, which compares its values by eq() again, starts there, as CPython's one limit counts
 * every PyObject_RichCompare on the way (a namespace in a list in turn ran JavaScript's stack out).
 */
let comparisonBase = 0;
export const comparisonDepth = (): number => comparisonBase;

/** a == b for containers' items; `depth` is how many containers deep the comparison is. */
export function eq(a: Py, b: Py, depth = comparisonBase): boolean {
  const ta = typeof a;
  const tb = typeof b;
  // `in`, count, index, remove and a container's == compare strs here: a long pair paid for first
  if (ta === 'string' && tb === 'string') return strEq(a as string, b as string);
  if (a === b) return true;
  // no slot is asked where neither is an object of a class (None is one of no class)
  if ((ta !== 'object' || a === null) && (tb !== 'object' || b === null)) {
    if (ta === 'string' || tb === 'string' || (ta === 'number' && tb === 'number') || a === null || b === null) return false;
  }
  // a subclass's instance whose class may answer by its own __eq__, before its value is read as its base's
  if (isHooked(a) || isHooked(b)) return truthy(hookedCompare(a, b, '=='));
  // a list or tuple subclass's instance whose class got its __eq__ after it was made (late-hooks.ts)
  const late = lateBinary(a, b, '__eq__', '__eq__');
  if (late !== undefined) return truthy(late);
  const order = numberOrder(a, b);
  if (order !== undefined) return order === 0;
  if (Array.isArray(a) && Array.isArray(b)) return seqEq(a, b, depth);
  if (a instanceof PyTuple && b instanceof PyTuple) return seqEq(a.items, b.items, depth);
  // a set equals a set, or a keys or items view, with the same members
  if (isSetLike(a) && isSetLike(b)) return setOrder(a, b) === 0;
  // else their types' eq slots: a list, tuple or set answers NotImplemented to another type, as CPython's
  return slotEq(a, b, depth);
}

/** == through the types' eq slots (types/*.ts): a's, then b's with the operands swapped; else identity, which failed. */
function slotEq(a: Py, b: Py, depth: number): boolean {
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta.eq === undefined && tb.eq === undefined) return false;
  // dict_equal walks one level deeper than list's and tuple's compare for the same nesting
  const room = nestingRoom(COMPARE_NESTING) - (a instanceof PyDict ? 1 : 0);
  const items = (x: Py, y: Py): boolean => {
    if (depth >= room) throw tooDeep(IN_COMPARISON);
    return eq(x, y, depth + 1);
  };
  // an item's class asked by its container: a recursion through it is CPython's "in comparison"
  const mark = depth > 0 && (a instanceof PyInstance || b instanceof PyInstance || a instanceof PyClassException || b instanceof PyClassException) ? markComparisonCall() : undefined;
  const base = comparisonBase;
  comparisonBase = depth;
  try {
    if (ta.eq !== undefined) {
      const r = ta.eq(a, b, items);
      if (r !== NOT_IMPLEMENTED) return r;
    }
    if (tb.eq !== undefined && tb !== ta) {
      const r = tb.eq(b, a, items);
      if (r !== NOT_IMPLEMENTED) return r;
    }
    return false;
  } finally {
    comparisonBase = base;
    if (mark !== undefined) unmarkComparisonCall(mark);
  }
}

/** list_richcompare's and tuplerichcompare's ==, the class's late __eq__ passed by (list.__ne__ answers by it); identity for another kind. */
function baseEq(a: Py, b: Py): boolean {
  const sa = Array.isArray(a) ? a : a instanceof PyTuple ? a.items : undefined;
  const sb = Array.isArray(b) ? b : b instanceof PyTuple ? b.items : undefined;
  return sa !== undefined && sb !== undefined && Array.isArray(a) === Array.isArray(b) ? seqEq(sa, sb, 0) : a === b;
}

function seqEq(a: Py[], b: Py[], depth: number): boolean {
  if (a.length !== b.length) return false;
  if (depth >= nestingRoom(COMPARE_NESTING)) throw tooDeep(IN_COMPARISON);
  for (let i = 0; i < a.length; i++) {
    tick();
    if (!eq(a[i], b[i], depth + 1)) return false;
  }
  return true;
}

/** An order's dunder and its reflection, which a list or tuple subclass's class may have got after its instance was made. */
const LATE_ORDER: Record<string, [string, string]> = { '<': ['__lt__', '__gt__'], '<=': ['__le__', '__ge__'], '>': ['__gt__', '__lt__'], '>=': ['__ge__', '__le__'] };

/** Three-way comparison for <, <=, >, >=; TypeError for values Python cannot order. */
export function compare(a: Py, b: Py, op: string, depth = 0): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareStr(a, b);
  // two plain floats (not a subclass's instance, whose class may order it) before the hooks are looked for
  if (a instanceof PyFloat && b instanceof PyFloat && a.constructor === PyFloat && b.constructor === PyFloat) return a.v < b.v ? -1 : a.v > b.v ? 1 : a.v === b.v ? 0 : NaN;
  if (isHooked(a) || isHooked(b)) return orderGiving(truthy(hookedCompare(a, b, op as Order)), op);
  const late = LATE_ORDER[op] === undefined ? undefined : lateBinary(a, b, LATE_ORDER[op][0], LATE_ORDER[op][1]);
  if (late !== undefined) return orderGiving(truthy(late), op);
  const order = numberOrder(a, b);
  if (order !== undefined) return order;
  const sa = Array.isArray(a) ? a : a instanceof PyTuple ? a.items : undefined;
  const sb = Array.isArray(b) ? b : b instanceof PyTuple ? b.items : undefined;
  if (sa !== undefined && sb !== undefined && Array.isArray(a) === Array.isArray(b)) {
    if (depth >= nestingRoom(COMPARE_NESTING)) throw tooDeep(IN_COMPARISON);
    const n = Math.min(sa.length, sb.length);
    for (let i = 0; i < n; i++) {
      tick();
      if (!eq(sa[i], sb[i], depth + 1)) return compare(sa[i], sb[i], op, depth + 1);
    }
    return sa.length - sb.length;
  }
  if (isSetLike(a) && isSetLike(b)) return setOrder(a, b);
  // a condition's class answers each operator by its own method: its answer as an order that gives it
  const ro = richOrderOf(a, b);
  if (ro !== undefined) {
    const mark = depth > 0 ? markComparisonCall() : undefined;
    let r: Py;
    try {
      r = ro(a, b, op as Order);
    } finally {
      if (mark !== undefined) unmarkComparisonCall(mark);
    }
    if (r !== NOT_IMPLEMENTED) return orderGiving(truthy(r), op);
  }
  return slotOrder(a, b, op);
}

/** The types' own order (types/*.ts): a's, then b's with the operands swapped (a < b as b > a); else CPython's TypeError. */
function slotOrder(a: Py, b: Py, op: string): number {
  const ca = typeOf(a).compare;
  if (ca !== undefined) {
    const r = ca(a, b, op);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  const cb = typeOf(b).compare;
  if (cb !== undefined) {
    const r = cb(b, a, op);
    if (r !== NOT_IMPLEMENTED) return -r;
  }
  // mappingproxy_richcompare: its mapping compared, the other unwrapped only by its own turn (reflected): "'<' ... 'dict' and 'dict'"
  const pa = proxied(a);
  if (pa !== undefined) return compare(pa, b, op);
  const pb = proxied(b);
  if (pb !== undefined) return -compare(pb, a, REFLECTED[op]);
  throw typeErr(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

const REFLECTED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** The dict a mappingproxy reads (types.MappingProxyType's, a class's __dict__), asked only where no order was found: two classes, known by shape. */
const proxied = (v: Py): Py | undefined => (typeName(v) === 'mappingproxy' ? ((v as { mapping?: Py }).mapping ?? (v as { d?: Py }).d) : undefined);

/** The richOrder slot of either operand's type, found as richEqOf finds its. */
function richOrderOf(a: Py, b: Py): PyTypeSlots['richOrder'] {
  if (isHooked(b)) return typeOf(b).richOrder;
  if (isInstance(a)) return typeOf(a).richOrder;
  return isInstance(b) ? typeOf(b).richOrder : undefined;
}

/** A three-way order for which `op` holds, or does not. */
function orderGiving(holds: boolean, op: string): number {
  return op === '<' ? (holds ? -1 : 0) : op === '<=' ? (holds ? 0 : 1) : op === '>' ? (holds ? 1 : 0) : holds ? 0 : -1;
}

const holds = (order: number, op: Order): boolean => (op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0);

/** `a < b` (and the rest) as an expression's value: a condition's class's method answers with any value, returned as it is. */
function orderValue(a: Py, b: Py, op: Order): Py {
  const late = lateBinary(a, b, LATE_ORDER[op][0], LATE_ORDER[op][1]);
  if (late !== undefined) return late;
  const ro = richOrderOf(a, b);
  if (ro === undefined) return holds(compare(a, b, op), op);
  const r = ro(a, b, op);
  return r !== NOT_IMPLEMENTED ? r : holds(slotOrder(a, b, op), op);
}

const rich = (a: Py, b: Py): boolean => isInstance(a) || isInstance(b) || lateCollections();
export const ltValue = (a: Py, b: Py): Py => (typeof a === 'number' && typeof b === 'number' ? a < b : rich(a, b) ? orderValue(a, b, '<') : compare(a, b, '<') < 0);
export const leValue = (a: Py, b: Py): Py => (typeof a === 'number' && typeof b === 'number' ? a <= b : rich(a, b) ? orderValue(a, b, '<=') : compare(a, b, '<=') <= 0);
export const gtValue = (a: Py, b: Py): Py => (typeof a === 'number' && typeof b === 'number' ? a > b : rich(a, b) ? orderValue(a, b, '>') : compare(a, b, '>') > 0);
export const geValue = (a: Py, b: Py): Py => (typeof a === 'number' && typeof b === 'number' ? a >= b : rich(a, b) ? orderValue(a, b, '>=') : compare(a, b, '>=') >= 0);

/**
 * Two numbers' three-way order, exact between an int and a float (2**53 + 1 > 2.0**53),
 * NaN against nan; undefined unless both are numbers.
 */
function numberOrder(a: Py, b: Py): number | undefined {
  const x = intOf(a);
  const y = intOf(b);
  if (x !== undefined) {
    if (y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
    return b instanceof PyFloat ? compareFloat(x, b.v) : undefined;
  }
  if (!(a instanceof PyFloat)) return undefined;
  if (y !== undefined) return -compareFloat(y, a.v);
  return b instanceof PyFloat ? (a.v < b.v ? -1 : a.v > b.v ? 1 : a.v === b.v ? 0 : NaN) : undefined;
}

/** int's, float's and str's own order of two values (their subclasses' instances read as their values), or undefined where neither orders the other. */
export function scalarOrder(a: Py, b: Py): number | undefined {
  const order = numberOrder(a, b);
  if (order !== undefined) return order;
  const x = typeof a === 'string' ? a : a instanceof PyStrBox ? a.value : undefined;
  const y = typeof b === 'string' ? b : b instanceof PyStrBox ? b.value : undefined;
  return x !== undefined && y !== undefined ? compareStr(x, y) : undefined;
}

export const lt = (a: Py, b: Py) => compare(a, b, '<') < 0;
export const le = (a: Py, b: Py) => compare(a, b, '<=') <= 0;
export const gt = (a: Py, b: Py) => compare(a, b, '>') > 0;
export const ge = (a: Py, b: Py) => compare(a, b, '>=') >= 0;

export function contains(container: Py, item: Py): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') {
      // a str subclass's instance is looked for as its str
      if (!(item instanceof PyStrBox)) throw typeErr(`'in <string>' requires string as left operand, not ${typeName(item)}`);
      item = item.value;
    }
    // a search scans the text once per place it may start (V8 has no linear-time guarantee)
    if (container.length > 1024) work(container.length);
    return includesCp(container, item);
  }
  if (Array.isArray(container) && lateOwner(container, '__contains__') === undefined) {
    for (let i = 0; i < container.length; i++) {
      tick();
      if (eq(container[i], item)) return true;
    }
    return false;
  }
  // a type's own membership (types/*.ts), else a walk of what it yields, as PySequence_Contains falls back to
  const type = typeOf(container);
  if (type.contains !== undefined) return type.contains(container, item, eq);
  if (type.iter !== null) {
    for (const x of type.iter(container)) {
      tick();
      if (eq(x, item)) return true;
    }
    return false;
  }
  throw typeErr(`argument of type '${typeName(container)}' is not iterable`);
}

/** A set, or a dict's keys or items view. */
export const isSetLike = (v: Py): v is PySet | PyView => v instanceof PySet || (v instanceof PyView && v.kind !== 'values');

const sizeOf = (v: PySet | PyView): number => (v instanceof PySet ? v.size : v.dict.m.size);

/** Whether every member of a is in b. */
function allIn(a: PySet | PyView, b: PySet | PyView): boolean {
  // a lookup a member
  work(sizeOf(a) * 8);
  if (a instanceof PySet && b instanceof PySet) {
    for (const [nk, v, hi, lo] of a.entries()) if (!b.hasEntry(nk, v, hi, lo)) return false;
    return true;
  }
  for (const x of a instanceof PySet ? a.values() : a) if (!contains(b, x)) return false;
  return true;
}

/**
 * The subset order of two set-likes as a three-way answer for ==, <, <=, >, >=:
 * 0 equal, -1 a proper subset, 1 a proper superset, NaN neither. Sizes first, as
 * set_richcompare and dictview_richcompare do, so only one containment walk is needed.
 */
export function setOrder(a: PySet | PyView, b: PySet | PyView): number {
  const la = sizeOf(a);
  const lb = sizeOf(b);
  if (la === lb) return allIn(a, b) ? 0 : NaN;
  if (la < lb) return allIn(a, b) ? -1 : NaN;
  return allIn(b, a) ? 1 : NaN;
}
