import type { Int } from '../int/index.js';
import type { NativeFn, Py, PyFunc, PyType } from '../values.js';

/** A method of a type: the receiver, positional and keyword arguments. */
export type Method = (self: any, args: Py[], kw: Map<string, Py> | null) => Py;

/** What a binary slot answers when it does not handle the other operand (Python's NotImplemented). */
export const NOT_IMPLEMENTED: unique symbol = Symbol('NotImplemented');
export type NotImplemented = typeof NOT_IMPLEMENTED;

/**
 * A binary operator's slot, as CPython's nb_add: called with both operands in their
 * order, whichever of the two has the slot (a's first, then b's if a's answered
 * NOT_IMPLEMENTED), so the slot itself tells `x + 1` from `1 + x`.
 */
export type BinarySlot = (a: Py, b: Py) => Py | NotImplemented;

/** The operators a type may define, by CPython's nb_ names (and sq_concat, sq_repeat folded into add and mul). */
export interface NumberSlots {
  add?: BinarySlot;
  subtract?: BinarySlot;
  multiply?: BinarySlot;
  truediv?: BinarySlot;
  floordiv?: BinarySlot;
  remainder?: BinarySlot;
  power?: BinarySlot;
  matmul?: BinarySlot;
  and?: BinarySlot;
  or?: BinarySlot;
  xor?: BinarySlot;
  lshift?: BinarySlot;
  rshift?: BinarySlot;
  /** divmod(a, b): nb_divmod. */
  divmod?: BinarySlot;
}

/** The unary operators a type may define: -v, +v, abs(v) and ~v (nb_negative, nb_positive, nb_absolute, nb_invert). */
export interface UnarySlots {
  negative?: (v: any) => Py;
  positive?: (v: any) => Py;
  absolute?: (v: any) => Py;
  invert?: (v: any) => Py;
}

/**
 * How a slot recurses into what a value holds: given to it by repr.ts or compare.ts
 * rather than imported, so that a type's module stays below them (no import cycle), and
 * depth, cycles and size stay accounted by them.
 */
export type ItemRepr = (x: Py) => string;
export type ItemEq = (x: Py, y: Py) => boolean;

/**
 * What the runtime knows of one Python type, as skulpt keeps it in tp$ slots: one table per
 * type, in a module of its own (types/int.ts, types/dict.ts, ...), found for a value by
 * registry.ts. The primitives' (int, str, bool, None, list) fast paths stay inline in the
 * operators; every value represented by a class is asked through its slots. An optional
 * slot left out gets CPython's default (object's), with CPython's words for the error.
 */
export interface PyTypeSlots<T = any> {
  /** type(v).__name__: a function, as one class may hold several types (views, iterators, exceptions). */
  name(v: T): string;
  /** The type object type(v) answers, which isinstance() matches; absent: the builtin's of its name. */
  type?: PyType;
  /** type(v) where each value carries its own (a namedtuple's class): asked before `type`. */
  classOf?(v: T): PyType;
  /** nb_bool, or sq_length where there is no nb_bool: the value's truth. */
  truthy(v: T): boolean;
  /** sq_length, or null: "object of type 'int' has no len()". */
  len: ((v: T) => number) | null;
  /** tp_iter, or null: "'int' object is not iterable". */
  iter: ((v: T) => Iterable<Py>) | null;
  /** Whether reversed(v) is a TypeError though v is iterable (its class sets __reversed__ to None, or has neither it nor __getitem__: a ChainMap). */
  notReversible?: boolean;
  /** What iter(v) answers where tp_iter makes an object of its own (an enum class's generator), else a lazy iterator of `iter`'s items. */
  iterator?: (v: T) => Py | undefined;
  /** tp_repr; absent: "<X object>". A cycle back to the value is a RecursionError, as for a class's __repr__. */
  repr?(v: T, item: ItemRepr): string;
  /** What repr prints for the value met again inside its own repr (Py_ReprEnter's guard), instead of the RecursionError. */
  reprCycle?: string;
  /** tp_str; absent: repr. */
  str?(v: T, repr: ItemRepr, str: ItemRepr): string;
  /**
   * tp_hash: CPython's hash(v) (it orders a set's members); null: unhashable, "unhashable
   * type: 'X'"; absent: by identity, as object's. A safe integer spares a BigInt where the
   * hash is small (an identity).
   */
  hash?: ((v: T) => bigint | number) | null;
  /**
   * The key under which dicts and sets file v: values that are == share one, across types
   * too (a value equal to a tuple takes the tuple's key, keys.ts's hashKey). Else a string
   * that starts with '\u0000' and the type's name, so that it meets no str's key nor
   * another type's. Absent: v itself, by identity.
   */
  key?(v: T): unknown;
  /**
   * tp_richcompare's ==; absent: identity. Asked for a's type first, then (if it answers
   * NOT_IMPLEMENTED) b's with the operands swapped, as CPython does.
   */
  eq?(a: T, b: Py, eq: ItemEq): boolean | NotImplemented;
  /**
   * tp_richcompare's ordering, three-way (NaN: unordered); NOT_IMPLEMENTED for an operand it
   * does not order, and then b's type is asked with the operands swapped, then "'<' not
   * supported between instances of 'X' and 'Y'".
   */
  compare?(a: T, b: Py, op: string): number | NotImplemented;
  /**
   * tp_richcompare of a type that answers each operator by a method of its own (a
   * condition's class: __lt__, __le__, __gt__, __ge__), called with both operands in their
   * order, whichever of the two has it, before `compare`; its answer may be any value (the
   * operator's value, as the method returned it); NOT_IMPLEMENTED leaves the turn to the
   * other slots, then to CPython's TypeError.
   */
  richOrder?(a: Py, b: Py, op: '<' | '<=' | '>' | '>='): Py | NotImplemented;
  /**
   * == and != of such a type, likewise (with __eq__ and __ne__), asked before `eq` and
   * also for the same object on both sides; NOT_IMPLEMENTED leaves identity to decide.
   */
  richEq?(a: Py, b: Py, ne: boolean): Py | NotImplemented;
  /** sq_contains; absent: a walk of iter with ==, or "argument of type 'X' is not iterable". */
  contains?(v: T, item: Py, eq: ItemEq): boolean;
  /** What json.dumps writes instead (a str, number, list, dict, ...); absent: "Object of type X is not JSON serializable". */
  json?(v: T): Py;
  /** tp's __format__ for a non-empty spec (a datetime's strftime); absent: the spec is parsed as object's, and refused. */
  format?(v: T, spec: string): string;
  /** Whether `format` is asked for the empty spec too (f'{x}', a class's __format__); else that is str(v). */
  formatsEmpty?: boolean;
  /** The binary operators; absent: "unsupported operand type(s) for +: 'X' and 'Y'". */
  nb?: NumberSlots;
  /** nb_index: the int a value stands for as an index or a slice bound (a class's __index__); absent or undefined: it stands for none. */
  index?(v: T): Int | undefined;
  /** The unary operators; absent: "bad operand type for unary -: 'X'". */
  unary?: UnarySlots;
  /** mp_subscript, mp_ass_subscript (a value, or undefined to delete) and tp_call of a type that has them beyond the builtins' own (a condition's class). */
  getitem?(v: T, key: Py): Py;
  setitem?(v: T, key: Py, value: Py): void;
  delitem?(v: T, key: Py): void;
  call?(v: T, args: Py[], kw: Map<string, Py> | null): Py;
  /** tp_getattro for data attributes (a date's year); undefined: none of that name, and then "'X' object has no attribute 'n'". */
  getattr?(v: T, name: string): Py | undefined;
  /** tp_setattro of a builtin type whose values take attributes (functools.partial's); value undefined: a delete. */
  setattr?(v: T, name: string, value: Py | undefined): void;
  /**
   * Methods by name, each checking its arguments against its Signature (arity.ts,
   * signature.ts). A builtin type object that registry.ts names (str, dict, ...) answers
   * them unbound too, the receiver first: sorted(words, key=str.lower).
   */
  methods?: ReadonlyMap<string, Method>;
  /**
   * The methods of `methods` that CPython writes in Python (Counter's, a namedtuple's), each its
   * class's function: read from a value, the method is a bound method of that function
   * (`c.update.__func__ is Counter.update`), though called it runs `methods`' own.
   */
  pyFunctions?(v: T, name: string): PyFunc | undefined;
  /**
   * A subclass's instance's base's methods (a Decimal's, number-subclass.ts), or a type's slots
   * that CPython reads by name as slot wrappers (Decimal's nb_int): not read by getattr, but asked
   * by the protocols that call a module type's dunder after the class's (int(), float(), round(),
   * copy), through protocolMethod.
   */
  baseMethods?: ReadonlyMap<string, Method>;
  /** Methods by the value, where one class holds several types with different ones (the views); asked when `methods` is absent. */
  methodsOf?(v: T): ReadonlyMap<string, Method> | undefined;
  /** Class methods, reached through the type object that registry.ts names: dict.fromkeys, int.from_bytes. */
  classMethods?: ReadonlyMap<string, NativeFn>;
}
