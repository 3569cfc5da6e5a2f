import { callValue } from './call.js';
import { NOT_IMPLEMENTED_VALUE } from './class-operators.js';
import { isHooked, isInstance, PyClass, PyInstance, type HookedValue, type Instance } from './class-values.js';
import { bindAttr } from './descriptors.js';
import { pyErr, typeErr, ZeroDivisionError } from './exceptions.js';
import { pyHashBig } from './hash.js';
import { hashKey } from './keys.js';
import { isListLike, isTupleLike, openCollection, PyHookedCollection } from './hooked-collection.js';
import { str as strOf } from './repr.js';
import * as ops from './ops.js';
import { baseCompare, hookedCompare, rightFirst, type CompareOp } from './value-compare.js';
import { indexValue } from './args.js';
import { setTypeDunders } from './attributes.js';
import { formatBuiltin, formatValue, percentFormat } from './format.js';
import { NOT_IMPLEMENTED, type BinarySlot, type NotImplemented, type NumberSlots, type PyTypeSlots, type UnarySlots } from './types/protocol.js';
import { slotsOfClass } from './types/table.js';
import { PyFloat, PyFunc, PyIntBox, PyIterator, PySet, PyStrBox, PyTuple, typeName, type Py } from './values.js';
import { setOperation, type SetOp } from './sets.js';

/**
 * The slots of an int, str or float subclass's instance whose class defines dunders (a hooked
 * value): each asks the class's method where it defines one, as CPython's slot_* functions do,
 * else the base's own slot, so that a class with an __eq__ alone still adds as an int. Where
 * the base has no such slot (an int's len, a str's call), a plain instance's answer, with its
 * words naming the class.
 */

/** A plain instance's slots (classes.ts), found at the first use: classes.ts imports builtin-subclass.ts, which imports this. */
let instanceSlots: PyTypeSlots | undefined;
export const instance = (): PyTypeSlots => (instanceSlots ??= slotsOfClass(PyInstance)!);

type Hooked = HookedValue;

/** Whether the class (or one of its order before the base) defines the dunder. */
const has = (v: { readonly cls: PyClass }, name: string): boolean => v.cls.lookup(name) !== undefined;

/** The value the base's own operations take: the int, the str, the float, the list or tuple; a bytes', complex's or date's hooked instance's `plain()` (base-dunders.ts). */
function rawOf(v: Py): Py {
  if (v instanceof PyIntBox || v instanceof PyStrBox || v instanceof PyHookedCollection) return v.value;
  if (v instanceof PyFloat && v.constructor !== PyFloat) return new PyFloat(v.v);
  return isHooked(v) && typeof (v as { plain?: unknown }).plain === 'function' ? (v as { plain(): Py }).plain() : v;
}

/** Whether a value is a number as int's and float's own operators take it (an int subclass's included). */
const isNumber = (v: Py): boolean => ops.isIntLike(v) || v instanceof PyFloat || v instanceof PyIntBox;

/** A builtin slot's answer, asked as the left operand's slot or the right's. */
export type Builtin = (a: Py, b: Py, side: 'left' | 'right') => Py | NotImplemented;

/**
 * What the builtin types' own number slots answer for a op b, on the values their subclasses
 * stand for: int's and float's with numbers; str's % (unicode_mod), the slot of a side that is
 * a str whose class did not take its place, with a str on the left; NotImplemented for the rest
 * (CPython's sequences concatenate and repeat after every slot declined).
 */
function builtinOp(f: (a: Py, b: Py) => Py, remainder: boolean): Builtin {
  return (a, b, side) => {
    const owner = side === 'left' ? a : b;
    // int's slot takes ints alone; float's, ints and floats (float_add's CONVERT_TO_DOUBLE)
    if (owner instanceof PyFloat ? isNumber(a) && isNumber(b) : isInt(owner) && isInt(a) && isInt(b)) return f(rawOf(a), rawOf(b));
    if (remainder && isStr(a) && isStr(owner) && !isSlot(owner, '__mod__', '__rmod__')) return strFormat(a, b);
    return NOT_IMPLEMENTED;
  };
}

/** Whether v's binary slot for the operator is the class's (slot_nb_*): a plain instance's, or a hooked value's whose class defines either method. */
const isSlot = (v: Py, op: string, rop: string): boolean => isInstance(v) && (!isHooked(v) || has(v, op) || has(v, rop));

/** x.name(other) as the slot looks it up: the class's method, else the base's (baseMethod), else none. */
function method(x: Py, name: string, other: Py): Py | NotImplemented {
  const fn = isInstance(x) ? x.cls.lookup(name) : undefined;
  if (fn === undefined) return isHooked(x) ? baseMethod(x, name, other) : NOT_IMPLEMENTED;
  // None called, as vectorcall_method calls what it finds
  if (fn === null) throw typeErr("'NoneType' object is not callable");
  const r = callValue(bindAttr(fn, x, x.cls, name), [other], null);
  return r === NOT_IMPLEMENTED_VALUE ? NOT_IMPLEMENTED : r;
}

/**
 * int's or str's own binary method, self an instance of a subclass: int's answer ints alone
 * (NotImplemented for the rest, a float's included: float's slot answers those); str's __add__,
 * __mul__ and __rmul__ wrap its concatenation and repeat, which raise for what they cannot
 * take, its __mod__ and __rmod__ format, and it has no other.
 */
function baseMethod(self: Py, name: string, other: Py): Py | NotImplemented {
  if (self instanceof PyHookedCollection) return sequenceMethod(self, name, other);
  if (self instanceof PySet) return setMethod(self, name, other);
  if (typeof (self as { plain?: unknown }).plain === 'function') return otherBaseMethod(self, name, other);
  const reflected = name.startsWith('__r') && OPERATOR_NAMES.has(name.slice(3, -2));
  const slot = OPERATOR_NAMES.get(reflected ? name.slice(3, -2) : name.slice(2, -2));
  if (slot === undefined) return NOT_IMPLEMENTED;
  // int's methods take ints, float's numbers
  if (!isStr(self)) return (self instanceof PyFloat ? isNumber(other) : isInt(other)) ? BUILTIN_OPERATORS.get(slot)!(reflected ? other : self, reflected ? self : other, reflected ? 'right' : 'left') : NOT_IMPLEMENTED;
  if (name === '__add__') {
    if (!isStr(other)) throw typeErr(`can only concatenate str (not "${typeName(other)}") to str`);
    return ops.add(rawOf(self), rawOf(other));
  }
  if (name === '__mul__' || name === '__rmul__') {
    const n = indexValue(other);
    if (n === undefined) throw typeErr(`'${typeName(other)}' object cannot be interpreted as an integer`);
    return ops.mul(rawOf(self), n);
  }
  if (name === '__mod__') return strFormat(self, other);
  if (name === '__rmod__') return isStr(other) ? strFormat(other, self) : NOT_IMPLEMENTED;
  return NOT_IMPLEMENTED;
}

/** bytes', bytearray's, complex's and the datetime types' own binary methods (base-dunders.ts, above this module, sets them). */
let otherBaseMethod: (self: Py, name: string, other: Py) => Py | NotImplemented = () => NOT_IMPLEMENTED;
export function setOtherBaseMethod(f: typeof otherBaseMethod): void {
  otherBaseMethod = f;
}

/** list's and tuple's own __add__, __mul__ and __rmul__, the wrappers of their concatenation and repeat; they have no other operator. */
function sequenceMethod(self: PyHookedCollection, name: string, other: Py): Py | NotImplemented {
  if (name === '__add__') {
    const kind = Array.isArray(self.value) ? 'list' : 'tuple';
    if (!(kind === 'list' ? isListLike(other) : isTupleLike(other))) throw typeErr(`can only concatenate ${kind} (not "${typeName(other)}") to ${kind}`);
    return ops.add(self.value, openCollection(other));
  }
  if (name !== '__mul__' && name !== '__rmul__') return NOT_IMPLEMENTED;
  const n = indexValue(other);
  if (n === undefined) throw typeErr(`'${typeName(other)}' object cannot be interpreted as an integer`);
  return ops.mul(self.value, n);
}

/** set's own __or__, __and__, __sub__, __xor__ and their reflections: two sets, else NotImplemented; it has no other operator. */
function setMethod(self: PySet, name: string, other: Py): Py | NotImplemented {
  const reflected = name.startsWith('__r');
  const op = SET_METHODS.get(name.slice(reflected ? 3 : 2, -2));
  if (op === undefined || !(other instanceof PySet)) return NOT_IMPLEMENTED;
  return reflected ? setOperation(op, other, self) : setOperation(op, self, other);
}
const SET_METHODS = new Map<string, SetOp>([['or', '|'], ['and', '&'], ['sub', '-'], ['xor', '^']]);

export const isStr = (v: Py): boolean => typeof v === 'string' || v instanceof PyStrBox;

/** fmt % args; a format with no % is answered by itself, a subclass's instance included, as CPython's writer hands it back. */
export function strFormat(fmt: Py, args: Py): Py {
  const text = rawOf(fmt) as string;
  const r = percentFormat(text, args);
  return r === text && !text.includes('%') ? fmt : r;
}

/**
 * a op b where either is a hooked value, as CPython's binary_op1 and SLOT1BINFULL order the
 * turns: the right operand's __rop__ first when its type is a proper subtype of the left's
 * (and overrides it), the left's __op__, then the right's __rop__; a side without its own
 * method takes its base's turn there. NotImplemented when every turn declined.
 */
export function binaryTurns(op: string, rop: string, builtin: Builtin): BinarySlot {
  // SLOT1BINFULL(self=a, other=b)
  const slot = (a: Py, b: Py): Py | NotImplemented => {
    const same = isInstance(a) && isInstance(b) && a.cls === b.cls;
    let other = !same && isSlot(b, op, rop);
    if (isSlot(a, op, rop)) {
      if (other && rightFirst(a, b) && (b as Instance).cls.lookup(rop) !== (a as Instance).cls.lookup(rop)) {
        const r = method(b, rop, a);
        if (r !== NOT_IMPLEMENTED) return r;
        other = false;
      }
      const r = method(a, op, b);
      if (r !== NOT_IMPLEMENTED || same) return r;
    }
    return other ? method(b, rop, a) : NOT_IMPLEMENTED;
  };
  return (a, b) => {
    const sa = isSlot(a, op, rop);
    const sb = isSlot(b, op, rop);
    // two slot_nb_* are one slot: the left's, which asks both sides
    if (sa && sb) return slot(a, b);
    if (sa) {
      const r = slot(a, b);
      return r !== NOT_IMPLEMENTED ? r : builtin(a, b, 'right');
    }
    if (!sb) {
      const r = builtin(a, b, 'left');
      return r !== NOT_IMPLEMENTED ? r : builtin(a, b, 'right');
    }
    if (rightFirst(a, b)) {
      const r = slot(a, b);
      return r !== NOT_IMPLEMENTED ? r : builtin(a, b, 'left');
    }
    const r = builtin(a, b, 'left');
    return r !== NOT_IMPLEMENTED ? r : slot(a, b);
  };
}

export const OPERATORS: [keyof NumberSlots, string, (a: Py, b: Py) => Py][] = [
  ['add', 'add', ops.add],
  ['subtract', 'sub', ops.sub],
  ['multiply', 'mul', ops.mul],
  ['truediv', 'truediv', ops.truediv],
  ['floordiv', 'floordiv', ops.floordiv],
  ['remainder', 'mod', ops.mod],
  ['power', 'pow', ops.pow],
  ['matmul', 'matmul', ops.matmul],
  ['and', 'and', (x, y) => ops.bitop('&', x, y)],
  ['or', 'or', (x, y) => ops.bitop('|', x, y)],
  ['xor', 'xor', (x, y) => ops.bitop('^', x, y)],
  ['lshift', 'lshift', (x, y) => ops.bitop('<<', x, y)],
  ['rshift', 'rshift', (x, y) => ops.bitop('>>', x, y)],
  ['divmod', 'divmod', numberDivmod],
];

/** divmod of two numbers, as int's and float's nb_divmod. */
function numberDivmod(x: Py, y: Py): Py {
  if (!(x instanceof PyFloat) && !(y instanceof PyFloat)) return new PyTuple([ops.floordiv(x, y), ops.mod(x, y)]);
  const fy = ops.num(y)!;
  if (fy === 0) throw pyErr(ZeroDivisionError, 'float divmod()');
  const [q, r] = ops.floatDivMod(ops.num(x)!, fy);
  return new PyTuple([new PyFloat(q), new PyFloat(r)]);
}

/** The builtin numbers' own slot of each operator, as hookedNumbers makes it (and super().__add__ reaches it). */
const BUILTIN_OPERATORS = new Map<keyof NumberSlots, Builtin>();

/** int's, float's and str's own turn of an operator, as base-dunders.ts asks it of a number beside a bytes', complex's or date's hooked instance. */
export const builtinOperator = (slot: keyof NumberSlots): Builtin => (a, b, side) => BUILTIN_OPERATORS.get(slot)!(a, b, side);

/**
 * The operators: the turns above, then a str's concatenation and repeat, which CPython tries
 * after every number slot declined (sq_concat, sq_repeat), unless the class's own __add__, or
 * __mul__ or __rmul__, took their place; an int's repeat of a sequence is the operator's own
 * (arith.ts opens the int).
 */
function hookedNumbers(str: boolean): NumberSlots {
  const out: NumberSlots = {};
  for (const [slot, name, f] of OPERATORS) {
    // no builtin number has @; & | ^ << >> are int's alone
    const bitwise = slot === 'and' || slot === 'or' || slot === 'xor' || slot === 'lshift' || slot === 'rshift';
    const builtin: Builtin = slot === 'matmul' ? () => NOT_IMPLEMENTED : bitwise ? (a, b) => (isInt(a) && isInt(b) ? f(rawOf(a), rawOf(b)) : NOT_IMPLEMENTED) : builtinOp(f, slot === 'remainder');
    BUILTIN_OPERATORS.set(slot, builtin);
    const turns = binaryTurns(`__${name}__`, `__r${name}__`, builtin);
    const after = !str ? undefined : slot === 'add' ? concat : slot === 'multiply' ? repeat : undefined;
    out[slot] = (a, b) => {
      const r = turns(a, b);
      return r !== NOT_IMPLEMENTED || after === undefined ? r : after(a, b);
    };
  }
  return out;
}

/** sq_concat of the left operand, a str whose class has no __add__ of its own. */
function concat(a: Py, b: Py): Py | NotImplemented {
  if (!isStr(a) || (isHooked(a) && has(a as Hooked, '__add__'))) return NOT_IMPLEMENTED;
  if (!isStr(b)) throw typeErr(`can only concatenate str (not "${typeName(b)}") to str`);
  return ops.add(rawOf(a), rawOf(b));
}

/** sq_repeat of the left operand, else of the right, a str whose class has no __mul__ or __rmul__ of its own. */
function repeat(a: Py, b: Py): Py | NotImplemented {
  const repeats = (v: Py) => isStr(v) && !(isHooked(v) && (has(v as Hooked, '__mul__') || has(v as Hooked, '__rmul__')));
  const [s, n] = repeats(a) ? [a, b] : repeats(b) ? [b, a] : [null, null];
  if (s === null) return NOT_IMPLEMENTED;
  const count = indexValue(n);
  if (count === undefined) throw typeErr(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  return ops.mul(rawOf(s), count);
}

const isInt = (v: Py): boolean => ops.isIntLike(v) || v instanceof PyIntBox;

/** float's -v, +v, abs(v), which the operators compute at once for a plain float: on the value. */
const RAW_UNARY: UnarySlots = {
  negative: (v: Py) => ops.neg(rawOf(v)),
  positive: (v: Py) => rawOf(v),
  absolute: (v: Py) => new PyFloat(Math.abs((v as PyFloat).v)),
};

/** -v, +v, abs(v): the class's method, else the base's (a float's on its value: `raw`). */
function hookedUnary(base: UnarySlots | undefined, raw: boolean): UnarySlots {
  const one = (slot: 'negative' | 'positive' | 'absolute' | 'invert', name: string) => (v: Hooked) => {
    const fn = v.cls.lookup(name);
    if (fn !== undefined) return callValue(bindAttr(fn, v, v.cls, name), [], null);
    const f = base?.[slot] ?? (raw ? RAW_UNARY[slot] : undefined);
    if (f === undefined) throw typeErr(slot === 'absolute' ? `bad operand type for abs(): '${v.cls.name}'` : `bad operand type for unary ${name === '__neg__' ? '-' : name === '__pos__' ? '+' : '~'}: '${v.cls.name}'`);
    return f(v);
  };
  return { ...base, negative: one('negative', '__neg__'), positive: one('positive', '__pos__'), absolute: one('absolute', '__abs__'), invert: one('invert', '__invert__') };
}

/**
 * hash(v) and the key dicts and sets file v under: the class's __hash__ (None makes it
 * unhashable: finishClass set it where the body defined __eq__ without it, as type_new does); with an __eq__ of its own, keys of one hash are
 * told apart by calling it (as a plain instance's); without, by the base's equality, so a
 * __hash__ that agrees with the base's leaves v the same key as its value.
 */
export function hookedKey(v: Hooked, baseKey: (v: Hooked) => unknown): unknown {
  // an __eq__ set after the class was made, without a __hash__, leaves the base's hash and keys (CPython's dict would ask it of the keys of one hash)
  if (v.cls.hasEq && has(v, '__hash__')) return instance().key!(v);
  if (!has(v, '__hash__')) return baseKey(v);
  const h = BigInt(instance().hash!(v));
  const raw = rawOf(v);
  const k = hashKey(raw);
  return h === pyHashBig(raw) ? k : `\u0000hashed#${h}#${typeof k}:${String(k)}`;
}

/** The hooked slots of a subclass of `kind` whose plain instances have `base`'s. */
export function hookedSlots(base: PyTypeSlots, kind: 'int' | 'str' | 'float'): PyTypeSlots<Hooked> {
  const I = instance;
  const str = kind === 'str';
  return {
    ...base,
    // int's and float's truth is their nb_bool, which __len__ does not replace; str's is its length
    truthy: (v) => (has(v, '__bool__') || (str && has(v, '__len__')) ? I().truthy(v) : base.truthy(v)),
    len: (v) => (has(v, '__len__') || base.len === null ? I().len!(v) : base.len(v)),
    // str's own iteration, unless the class has __iter__; an int or float's __getitem__ makes it iterable (the old protocol)
    iter: (v) => (has(v, '__iter__') || base.iter === null ? I().iter!(v) : base.iter(v)),
    iterator: (v) => (has(v, '__iter__') ? I().iterator!(v) : undefined),
    contains: (v, item, eq) => (has(v, '__contains__') || base.contains === undefined ? I().contains!(v, item, eq) : base.contains(v, item, eq)),
    getitem: (v, key) => (has(v, '__getitem__') || base.getitem === undefined ? I().getitem!(v, key) : base.getitem(v, key)),
    setitem: (v, key, value) => I().setitem!(v, key, value),
    delitem: (v, key) => I().delitem!(v, key),
    call: (v, args, kw) => I().call!(v, args, kw),
    hash: (v) => (has(v, '__hash__') ? I().hash!(v) : base.hash ? base.hash(v) : pyHashBig(rawOf(v))),
    key: (v) => hookedKey(v, (x) => (base.key !== undefined ? base.key(x) : hashKey(rawOf(x)))),
    richEq: (a, b, ne) => hookedCompare(a, b, ne ? '!=' : '=='),
    richOrder: (a, b, op) => hookedCompare(a, b, op),
    nb: hookedNumbers(str),
    unary: hookedUnary(base.unary, kind === 'float'),
    // PyNumber_Index takes an int subclass's instance as the int it is; a str or float's asks __index__
    index: (v) => (kind !== 'int' && has(v, '__index__') ? I().index!(v) : base.index?.(v)),
    formatsEmpty: true,
    format: (v, spec) => {
      if (has(v, '__format__')) return I().format!(v, spec);
      return spec === '' ? strOf(v) : base.format !== undefined ? base.format(v, spec) : formatBuiltin(v, spec);
    },
  };
}

const OPERATOR_NAMES = new Map(OPERATORS.map(([slot, name]) => [name, slot]));
const COMPARISONS = new Map<string, CompareOp>([['__eq__', '=='], ['__ne__', '!='], ['__lt__', '<'], ['__le__', '<='], ['__gt__', '>'], ['__ge__', '>=']]);

/** A builtin answer as the method gives it: NotImplemented the value. */
const answered = (r: Py | NotImplemented): Py => (r === NOT_IMPLEMENTED ? NOT_IMPLEMENTED_VALUE : r);

/**
 * int's or str's own dunder, bound to a subclass's instance, as super().__eq__ and the rest reach
 * it: the base's answer on the value, whatever the class overrides; undefined for a name the base
 * has not.
 */
export function baseDunder(self: Py, base: 'int' | 'str' | 'float', name: string): PyFunc | undefined {
  // a slot wrapper's count of arguments, in its words
  const bound = (arity: number, fn: (args: Py[]) => Py) => new PyFunc(name, (args, kw) => {
    if (kw !== null && kw.size > 0) throw typeErr(`wrapper ${name}() takes no keyword arguments`);
    if (args.length !== arity) throw typeErr(arity === 0 ? `expected 0 arguments, got ${args.length}` : `expected 1 argument, got ${args.length}`);
    return fn(args);
  }, 'method');
  const op = COMPARISONS.get(name);
  if (op !== undefined) return bound(1, ([o]) => answered(baseCompare(self, o, op)));
  const reflected = name.startsWith('__r') && OPERATOR_NAMES.has(name.slice(3, -2));
  if (OPERATOR_NAMES.has(reflected ? name.slice(3, -2) : name.slice(2, -2))) {
    // str has no reflected methods but __rmul__ and __rmod__, nor any of the numbers' others
    if (base === 'str' && !['__add__', '__mul__', '__rmul__', '__mod__', '__rmod__'].includes(name)) return undefined;
    if (base !== 'str' && (name === '__matmul__' || name === '__rmatmul__')) return undefined;
    if (base === 'float' && ['and', 'or', 'xor', 'lshift', 'rshift'].includes(reflected ? name.slice(3, -2) : name.slice(2, -2))) return undefined;
    return bound(1, ([o]) => answered(baseMethod(self, name, o)));
  }
  const raw = rawOf(self);
  switch (name) {
    case '__hash__':
      return bound(0, () => {
        const h = pyHashBig(raw);
        return Number.isSafeInteger(Number(h)) ? Number(h) : h;
      });
    case '__format__':
      return bound(1, ([spec]) => {
        if (!isStr(spec)) throw typeErr(`argument must be str, not ${typeName(spec)}`);
        const s = rawOf(spec) as string;
        return s === '' ? strOf(self) : formatValue(raw, s);
      });
  }
  if (base !== 'str') {
    if (name === '__bool__') return bound(0, () => ops.truthy(raw));
    if (name === '__index__' && base === 'int') return bound(0, () => raw);
    if (name === '__neg__') return bound(0, () => ops.neg(raw));
    if (name === '__pos__') return bound(0, () => raw);
    if (name === '__abs__') return bound(0, () => (base === 'float' ? new PyFloat(Math.abs((raw as PyFloat).v)) : raw < 0 ? ops.neg(raw) : raw));
    return undefined;
  }
  if (name === '__len__') return bound(0, () => ops.len(raw));
  if (name === '__iter__') return bound(0, () => new PyIterator((raw as string)[Symbol.iterator](), /^[\x00-\x7f]*$/.test(raw as string) ? 'str_ascii_iterator' : 'str_iterator'));
  if (name === '__contains__') return bound(1, ([x]) => ops.contains(raw, x));
  if (name === '__getitem__') return bound(1, ([k]) => ops.getitem(raw, k));
  return undefined;
}

/** The builtin type whose values (its subclasses' included) int's, str's or float's dunders take, by name. */
function kindOf(v: Py): 'int' | 'str' | 'float' | null {
  if (isInt(v)) return 'int';
  if (isStr(v)) return 'str';
  return v instanceof PyFloat ? 'float' : null;
}

// int.__hash__ and the rest, unbound: a class attribute (`__hash__ = int.__hash__`) binds it as a function does
setTypeDunders((type, name) => {
  const base = type.name;
  if ((base !== 'int' && base !== 'str' && base !== 'float') || type instanceof PyClass || type.isException) return undefined;
  const sample = base === 'int' ? 0 : base === 'str' ? '' : new PyFloat(0);
  if (!name.startsWith('__') || baseDunder(sample, base, name) === undefined) return undefined;
  return new PyFunc(name, (args, kw) => {
    const self = args[0];
    if (self === undefined) throw typeErr(`descriptor '${name}' of '${base}' object needs an argument`);
    if (kindOf(self) !== base) throw typeErr(`descriptor '${name}' requires a '${base}' object but received a '${typeName(self)}'`);
    return callValue(baseDunder(self, base, name)!, args.slice(1), kw);
  }, 'function');
});
