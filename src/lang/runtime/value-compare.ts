import { callValue } from './call.js';
import { instanceOrder, NOT_IMPLEMENTED_VALUE } from './class-operators.js';
import { isHooked, isInstance, PyClass, type HookedValue } from './class-values.js';
import { isListLike, isTupleLike, openCollection } from './hooked-collection.js';
import { eq, eqValue, geValue, gtValue, leValue, ltValue, neValue, isSetLike, scalarOrder, setHookedCompare, setOrder } from './compare.js';
import { bindAttr } from './descriptors.js';
import { typeErr } from './exceptions.js';
import { NOT_IMPLEMENTED, type NotImplemented } from './types/protocol.js';
import { slotsOf, typeOf } from './types/table.js';
import { PyFloat, PyFrozenSet, PyIntBox, PySet, PyStrBox, PyTuple, typeName, type Py } from './values.js';

/**
 * ==, !=, <, <=, >, >= where either operand is an int, str or float subclass's instance whose
 * class defines dunders (a hooked value), as CPython's do_richcompare runs them: the right
 * operand's turn first when its type is a proper subtype of the left's (a list or tuple
 * subclass's hooked instance likewise), then each side's slot,
 * which is the class's method where it defines one, else its base's comparison (int's,
 * float's or str's, NotImplemented for another kind of value). An __ne__ the class does not
 * define is its base's, not the inverted __eq__: int and str define their own.
 */

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

const DUNDER: Record<CompareOp, string> = { '==': '__eq__', '!=': '__ne__', '<': '__lt__', '<=': '__le__', '>': '__gt__', '>=': '__ge__' };
const SWAPPED: Record<CompareOp, CompareOp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** The builtin type a plain value is, by name, for the subtype test: int (not bool), float or str; null for the others. */
function builtinKind(v: Py): string | null {
  if (typeof v === 'number' || typeof v === 'bigint') return 'int';
  if (typeof v === 'string') return 'str';
  if (v instanceof PyFloat) return v.constructor === PyFloat ? 'float' : null;
  if (Array.isArray(v)) return v.constructor === Array ? 'list' : null;
  if (v instanceof PyTuple) return v.constructor === PyTuple ? 'tuple' : null;
  return v instanceof PySet && (v.constructor === PySet || v.constructor === PyFrozenSet) ? (v instanceof PyFrozenSet ? 'frozenset' : 'set') : null;
}

/** Whether b's type is a proper subtype of a's: CPython then asks b's reflected method first (a comparison's, and binary_op1's). */
export function rightFirst(a: Py, b: Py): boolean {
  if (!isInstance(b)) return false;
  // a list or tuple subclass's instance that is no hooked one has its class too
  const own = isInstance(a) ? a.cls : (a as { cls?: unknown } | null)?.cls;
  if (own instanceof PyClass) return own !== b.cls && b.cls.isSubclassOf(own);
  if (!isHooked(b)) return false;
  const cls = (b as HookedValue).cls;
  const kind = builtinKind(a);
  if (kind !== null) return cls.valueBase!.name === kind;
  // a module's type (datetime's) names its type object; bytes, bytearray and complex are known by their name
  const t = a !== null && typeof a === 'object' ? slotsOf(a) : undefined;
  return t !== undefined && (t.type !== undefined ? cls.isSubclassOf(t.type) : cls.valueBase!.name === t.name(a));
}

/** The builtin type whose comparison x's side is: int's takes ints, float's ints and floats, str's strs. */
function kindOf(v: Py): 'int' | 'float' | 'str' | null {
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyIntBox) return 'int';
  if (v instanceof PyFloat) return 'float';
  return typeof v === 'string' || v instanceof PyStrBox ? 'str' : null;
}

/** x's base's own comparison with y, exact between ints and floats (long_richcompare, float_richcompare, unicode's), lists and tuples item by item; NotImplemented for what it does not take. */
export function baseCompare(x: Py, y: Py, op: CompareOp): Py | NotImplemented {
  // list_richcompare and tuple's: both of the base (PyList_Check), compared item by item, the class's __len__ and __getitem__ passed by
  // set_richcompare: both sets or frozensets, by their members; a keys or items view's takes a set too
  if (x instanceof PySet) return y instanceof PySet ? SET_COMPARE[op](setOrder(x, y)) : NOT_IMPLEMENTED;
  if (isSetLike(x)) return isSetLike(y) ? SET_COMPARE[op](setOrder(x, y)) : NOT_IMPLEMENTED;
  if (isListLike(x) || isTupleLike(x)) return (isListLike(x) ? isListLike(y) : isTupleLike(y)) ? SEQUENCE_COMPARE[op](openCollection(x), openCollection(y)) : NOT_IMPLEMENTED;
  const kx = kindOf(x);
  if (kx === null) return slotCompare(x, y, op);
  const ky = kindOf(y);
  if (ky === null || (kx === 'str') !== (ky === 'str') || (kx === 'int' && ky === 'float')) return NOT_IMPLEMENTED;
  const order = scalarOrder(x, y);
  if (order === undefined) return NOT_IMPLEMENTED;
  return op === '==' ? order === 0 : op === '!=' ? order !== 0 : op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
}

/**
 * x's own tp_richcompare where it is none of the above (bytes', complex's, a date's), by its
 * type's slots: a hooked instance's are its base's, whatever its class defines.
 */
function slotCompare(x: Py, y: Py, op: CompareOp): Py | NotImplemented {
  const t = typeOf(x);
  if (op === '==' || op === '!=') {
    const r = t.eq?.(x, y, eq) ?? NOT_IMPLEMENTED;
    return r === NOT_IMPLEMENTED ? r : op === '==' ? r : !r;
  }
  const order = t.compare?.(x, y, op) ?? NOT_IMPLEMENTED;
  if (order === NOT_IMPLEMENTED) return order;
  return op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
}

const SEQUENCE_COMPARE: Record<CompareOp, (a: Py, b: Py) => Py> = { '==': eqValue, '!=': neValue, '<': ltValue, '<=': leValue, '>': gtValue, '>=': geValue };

const SET_COMPARE: Record<CompareOp, (order: number) => boolean> = { '==': (o) => o === 0, '!=': (o) => o !== 0, '<': (o) => o < 0, '<=': (o) => o <= 0, '>': (o) => o > 0, '>=': (o) => o >= 0 };

/** One side's slot: x op y. */
function slot(x: Py, y: Py, op: CompareOp): Py | NotImplemented {
  if (isHooked(x)) {
    const cls = (x as HookedValue).cls;
    const fn = cls.lookup(DUNDER[op]);
    if (fn === undefined) return baseCompare(x, y, op);
    const r = callValue(bindAttr(fn, x, cls, DUNDER[op]), [y], null);
    return r === NOT_IMPLEMENTED_VALUE ? NOT_IMPLEMENTED : r;
  }
  // a plain instance or a dict subclass's answers by its own methods, or object's
  if (isInstance(x)) return instanceOrder(x, y, op);
  return baseCompare(x, y, op);
}

/** a op b: its value, as the operator gives it (any value a method returned). */
export function hookedCompare(a: Py, b: Py, op: CompareOp): Py {
  const first = rightFirst(a, b);
  if (first) {
    const r = slot(b, a, SWAPPED[op]);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  const r = slot(a, b, op);
  if (r !== NOT_IMPLEMENTED) return r;
  if (!first) {
    const s = slot(b, a, SWAPPED[op]);
    if (s !== NOT_IMPLEMENTED) return s;
  }
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  throw typeErr(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

setHookedCompare(hookedCompare);

