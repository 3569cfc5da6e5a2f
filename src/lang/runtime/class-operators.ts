import { callValue } from './call.js';
import { isInstance, PyDictInstance, type Instance } from './class-values.js';
import { bindAttr } from './descriptors.js';
import { typeErr } from './exceptions.js';
import { truthy } from './iteration.js';
import { NOT_IMPLEMENTED, type NotImplemented, type NumberSlots, type UnarySlots } from './types/protocol.js';
import { registerType } from './types/table.js';
import { setSpecial } from './special-methods.js';
import { PyDict, type PyException, type Py } from './values.js';

/**
 * The operators of a condition's classes: their dunder methods called as CPython's slot_*
 * functions (typeobject.c) call them, with NotImplemented passing the turn to the other
 * operand. Each call is a call of the condition's own function: a step, and a frame under
 * the recursion limit.
 */

/** `NotImplemented`: what a dunder method returns to let the other operand answer. */
export class PyNotImplementedType {}
export const NOT_IMPLEMENTED_VALUE = new PyNotImplementedType();

registerType(PyNotImplementedType, {
  name: () => 'NotImplementedType',
  truthy: () => true,
  len: null,
  iter: null,
  repr: () => 'NotImplemented',
});

/** Calls the instance's dunder method, found on its class; undefined when the class has none. */
export function callDunder(v: Instance, name: string, args: Py[] = []): Py | undefined {
  const fn = v.cls.lookup(name);
  if (fn === undefined) return undefined;
  if (fn === null) throw noneDunder(v, name);
  return callValue(bindAttr(fn, v, v.cls, name), args, null);
}

/**
 * A dunder set to None, as the slot meets it: hash and `in` say so of the type; the others
 * call it, as vectorcall_method does, and None is not callable.
 */
function noneDunder(v: Instance, name: string): PyException {
  if (name === '__hash__') return typeErr(`'${v.cls.name}' object is not hashable`);
  if (name === '__contains__') return typeErr(`'${v.cls.name}' object is not a container`);
  return typeErr("'NoneType' object is not callable");
}

/** callDunder of a slot that calls what it finds: a dunder set to None is None called, as CPython's vectorcall_method calls it. */
export function callOwn(v: Instance, name: string, args: Py[] = []): Py | undefined {
  const fn = v.cls.lookup(name);
  if (fn === undefined) return undefined;
  if (fn === null) throw typeErr("'NoneType' object is not callable");
  return callValue(bindAttr(fn, v, v.cls, name), args, null);
}

// the builtins below the classes ask an instance's conversion dunders through special-methods.ts
setSpecial((v, name) => (isInstance(v) ? v.cls.lookup(name) : undefined), (v, name, args) => (isInstance(v) ? callOwn(v, name, args) : undefined));

/** A dunder's answer, with NotImplemented (or no such method) as the protocol's NOT_IMPLEMENTED. */
function answer(v: Py, name: string, args: Py[]): Py | NotImplemented {
  if (!isInstance(v)) return NOT_IMPLEMENTED;
  const r = callDunder(v, name, args);
  return r === undefined || r === NOT_IMPLEMENTED_VALUE ? NOT_IMPLEMENTED : r;
}

/**
 * Whether b's reflected method goes first: b's class is a proper subclass of a's, as
 * CPython's binary_op1 and do_richcompare ask it.
 */
const reflectedFirst = (a: Py, b: Py): boolean =>
  isInstance(b) && (isInstance(a) ? b.cls !== a.cls && b.cls.isSubclassOf(a.cls) : b instanceof PyDictInstance && a instanceof PyDict);

/** `a op b` through __op__ and b's __rop__, in CPython's order: a BinarySlot for every operand order. */
function binary(name: string): (a: Py, b: Py) => Py | NotImplemented {
  const op = `__${name}__`;
  const rop = `__r${name}__`;
  return (a, b) => {
    const first = reflectedFirst(a, b);
    if (first) {
      const r = answer(b, rop, [a]);
      if (r !== NOT_IMPLEMENTED) return r;
    }
    const r = answer(a, op, [b]);
    if (r !== NOT_IMPLEMENTED) return r;
    // a type's reflected method is not asked for itself: x + x has no __radd__ turn
    if (first || (isInstance(a) && isInstance(b) && a.cls === b.cls)) return NOT_IMPLEMENTED;
    return answer(b, rop, [a]);
  };
}

/** The binary operators' dunder names, by the slot each fills. */
const BINARY: Record<keyof NumberSlots, string> = {
  add: 'add',
  subtract: 'sub',
  multiply: 'mul',
  truediv: 'truediv',
  floordiv: 'floordiv',
  remainder: 'mod',
  power: 'pow',
  matmul: 'matmul',
  and: 'and',
  or: 'or',
  xor: 'xor',
  lshift: 'lshift',
  rshift: 'rshift',
  divmod: 'divmod',
};

export const INSTANCE_NB: NumberSlots = Object.fromEntries(Object.entries(BINARY).map(([slot, name]) => [slot, binary(name)]));

function unary(name: string, op: string): (v: Instance) => Py {
  return (v) => {
    const r = callOwn(v, name);
    if (r === undefined) throw typeErr(op === 'abs()' ? `bad operand type for abs(): '${v.cls.name}'` : `bad operand type for unary ${op}: '${v.cls.name}'`);
    return r;
  };
}

export const INSTANCE_UNARY: UnarySlots = { negative: unary('__neg__', '-'), positive: unary('__pos__', '+'), absolute: unary('__abs__', 'abs()'), invert: unary('__invert__', '~') };

export type Order = '<' | '<=' | '>' | '>=';

const ORDER_DUNDER: Record<Order, string> = { '<': '__lt__', '<=': '__le__', '>': '__gt__', '>=': '__ge__' };
const SWAPPED: Record<Order, Order> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** `a < b` (and the rest) where either is an instance: a's __lt__, b's __gt__, each free to answer NotImplemented; any other answer is the value. */
export function richOrder(a: Py, b: Py, op: Order): Py | NotImplemented {
  const first = reflectedFirst(a, b);
  if (first) {
    const r = answer(b, ORDER_DUNDER[SWAPPED[op]], [a]);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  const r = answer(a, ORDER_DUNDER[op], [b]);
  if (r !== NOT_IMPLEMENTED || first) return r;
  return answer(b, ORDER_DUNDER[SWAPPED[op]], [a]);
}

/** x.__eq__(y) as a class answers it: its own method, else object's (the same object, or NotImplemented). */
export function eqOf(x: Py, y: Py): Py | NotImplemented {
  if (!isInstance(x)) return NOT_IMPLEMENTED;
  const r = answer(x, '__eq__', [y]);
  if (r !== NOT_IMPLEMENTED || x.cls.lookup('__eq__') !== undefined) return r;
  return x === y ? true : NOT_IMPLEMENTED;
}

/** x.__ne__(y): its own method, else object's, which inverts __eq__. */
function neOf(x: Py, y: Py): Py | NotImplemented {
  if (!isInstance(x)) return NOT_IMPLEMENTED;
  if (x.cls.lookup('__ne__') !== undefined) return answer(x, '__ne__', [y]);
  const r = eqOf(x, y);
  return r === NOT_IMPLEMENTED ? r : !truthy(r);
}

/** `a == b` or `a != b` where either is an instance, in do_richcompare's order; NotImplemented leaves identity to decide. */
export function richEquality(a: Py, b: Py, ne: boolean): Py | NotImplemented {
  const of = ne ? neOf : eqOf;
  const first = reflectedFirst(a, b);
  if (first) {
    const r = of(b, a);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  const r = of(a, b);
  if (r !== NOT_IMPLEMENTED || first) return r;
  return of(b, a);
}

/** x op y by one instance's own methods, as its side's turn of a comparison (value-compare.ts): == and != fall back as object's do. */
export function instanceOrder(x: Instance, y: Py, op: '==' | '!=' | Order): Py | NotImplemented {
  if (op === '==') return eqOf(x, y);
  if (op === '!=') return neOf(x, y);
  return answer(x, ORDER_DUNDER[op], [y]);
}
