import { callValue } from './call.js';
import { isHooked, isInstance, type HookedValue } from './class-values.js';
import { bindAttr } from './descriptors.js';
import { typeErr } from './exceptions.js';
import { indexValue } from './args.js';
import { bytesPercent, formatBuiltin } from './format.js';
import { hashKey } from './keys.js';
import * as ops from './ops.js';
import { str as strOf } from './repr.js';
import { NOT_IMPLEMENTED, type NotImplemented, type NumberSlots, type PyTypeSlots, type UnarySlots } from './types/protocol.js';
import { slotsOf, typeOf } from './types/table.js';
import { bytesConcat } from './bytes.js';
import { hookedCompare } from './value-compare.js';
import { binaryTurns, builtinOperator, hookedKey, instance, isStr, OPERATORS, setOtherBaseMethod, type Builtin } from './value-dunders.js';
import { PyBytes, PyFloat, PyFunc, PyIntBox, PyIterator, PyStrBox, PyTuple, typeName, type Py } from './values.js';
import { PyByteArray } from './bytearray.js';
import { NOT_IMPLEMENTED_VALUE } from './class-operators.js';
import * as int from './int/index.js';
import type { Int } from './int/index.js';

/**
 * The slots of a bytes, bytearray, complex or datetime type's subclass's instance whose class
 * defines dunders (a hooked value, builtin-subclass.ts and datetime-subclass.ts): a value of its
 * base still, which the base's C code reads as CPython's does (a buffer, the octets bytes.join
 * and b'%s' take, a date's fields), but whose slots ask the class's method where it defines one,
 * as CPython's slot_* functions do, else the base's own slot.
 */

export type BaseKind = 'bytes' | 'bytearray' | 'complex' | 'date' | 'datetime' | 'time' | 'timedelta' | 'decimal' | 'fraction';

/** Such a value: `plain()` is the base's value it stands for (a bytes, a complex, a date, ...), without its class. */
export type HookedBase = HookedValue & { plain(): Py };

const I = instance;
const has = (v: HookedBase, name: string): boolean => v.cls.lookup(name) !== undefined;

/** Whether v is one of these hooked values (an int's, str's or list's is not: their base's turn is value-dunders.ts's). */
const isHookedBase = (v: Py): v is HookedBase => isHooked(v) && typeof (v as { plain?: unknown }).plain === 'function';

/** Whether v is a number as int's and float's own slots take it: theirs, and str's, is builtinOperator's turn. */
const isNumber = (v: Py): boolean => ops.isIntLike(v) || v instanceof PyFloat || v instanceof PyIntBox;

/**
 * The turn of one side's builtin slot, its base's where it is one of these hooked values (or its
 * own type's for a plain value): complex's and the datetime types' nb_* take the values as
 * they are; bytes and bytearray have only nb_remainder (bytes_mod: a bytes on the left), their
 * concatenation and repeat being sq_concat and sq_repeat, asked after every number slot.
 */
function builtinTurn(slot: keyof NumberSlots, kind: BaseKind, base: PyTypeSlots): Builtin {
  const numbers = builtinOperator(slot);
  // bytes_mod and bytearray_mod, whichever side has them: the left operand a bytes (or a bytearray) formats
  const percent = (owner: PyBytes, a: Py, b: Py) => (slot === 'remainder' && a instanceof PyBytes && a.isByteArray() === owner.isByteArray() ? bytesPercent(a, b) : NOT_IMPLEMENTED);
  return (a, b, side) => {
    const owner = side === 'left' ? a : b;
    if (isHookedBase(owner)) return kind !== 'bytes' && kind !== 'bytearray' ? (base.nb?.[slot]?.(a, b) ?? NOT_IMPLEMENTED) : percent(owner as unknown as PyBytes, a, b);
    // int's and float's own slots, and str's % (a str on the left)
    if (isNumber(owner) || isStr(owner)) return numbers(a, b, side);
    // another builtin value's own slot (a timedelta beside a date subclass's instance, a bytes' %)
    if (isInstance(owner) || owner === null || typeof owner !== 'object') return NOT_IMPLEMENTED;
    if (owner instanceof PyBytes) return percent(owner, a, b);
    return typeOf(owner).nb?.[slot]?.(a, b) ?? NOT_IMPLEMENTED;
  };
}

/**
 * sq_concat of the left operand, a bytes or bytearray whose class has no __add__ of its own
 * (a class's __add__ takes that slot's place, as update_one_slot leaves it empty): bytes_concat,
 * which raises for what is not a buffer.
 */
function concat(a: Py, b: Py): Py | NotImplemented {
  if (!(a instanceof PyBytes) || (isHookedBase(a) && has(a, '__add__'))) return NOT_IMPLEMENTED;
  return bytesConcat(a, b);
}

/** sq_repeat of the left operand, else of the right, a bytes whose class has no __mul__ or __rmul__ of its own. */
function repeat(a: Py, b: Py): Py | NotImplemented {
  const repeats = (v: Py) => v instanceof PyBytes && !(isHookedBase(v) && (has(v, '__mul__') || has(v, '__rmul__')));
  // a str, list or tuple on the left repeats by the operator's own words (arith.ts)
  if (typeof a === 'string' || Array.isArray(a) || a instanceof PyTuple) return NOT_IMPLEMENTED;
  const [s, n] = repeats(a) ? [a as PyBytes, b] : repeats(b) ? [b as PyBytes, a] : [null, null];
  if (s === null) return NOT_IMPLEMENTED;
  const count = indexValue(n);
  if (count === undefined) throw typeErr(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  return repeatOf(isHookedBase(s) ? s.plain() : s, count, n);
}

/** bytes_repeat (bytearray's): a bytes or bytearray, whatever the class of the one repeated; past Py_ssize_t, the OverflowError names the count's type. */
const repeatOf = (b: PyBytes, n: Int, by: Py): Py => (ops.indexSized(n, undefined, typeName(by)), slotsOf(b)!.nb!.multiply!(b, n));

/** Each hooked kind's base and plain slots, by its hooked slots: what its own methods below take. */
const KINDS = new Map<PyTypeSlots, [BaseKind, PyTypeSlots]>();
/** Likewise by the slots of the instances whose class defines none of these dunders: super() reaches the base's from theirs too. */
const PLAIN_KINDS = new Map<PyTypeSlots, [BaseKind, PyTypeSlots]>();
const OPERATOR_SLOTS = new Map(OPERATORS.map(([slot, name]) => [name, slot]));

/**
 * The base's own __add__, __rmul__ and the rest, as a slot_nb_* function finds them through the
 * class: bytes' and bytearray's wrap sq_concat (raising for what is not a buffer), sq_repeat (an
 * index) and bytes_mod, and have no other; complex's and the datetime types' their nb_* slots.
 */
function ownMethod(self: Py, name: string, other: Py): Py | NotImplemented {
  const [kind, base] = KINDS.get(typeOf(self)) ?? PLAIN_KINDS.get(typeOf(self))!;
  const reflected = name.startsWith('__r') && OPERATOR_SLOTS.has(name.slice(3, -2));
  const slot = OPERATOR_SLOTS.get(name.slice(reflected ? 3 : 2, -2));
  if (slot === undefined) return NOT_IMPLEMENTED;
  if (kind === 'bytes' || kind === 'bytearray') {
    if (name === '__add__') return bytesConcat(self as PyBytes, other);
    if (name === '__mod__') return bytesPercent(self as PyBytes, other);
    if (name === '__rmod__') return other instanceof PyBytes ? bytesPercent(other, self) : NOT_IMPLEMENTED;
    if (name !== '__mul__' && name !== '__rmul__') return NOT_IMPLEMENTED;
    const n = indexValue(other);
    if (n === undefined) throw typeErr(`'${typeName(other)}' object cannot be interpreted as an integer`);
    return repeatOf((self as HookedBase).plain(), n, other);
  }
  const f = base.nb?.[slot];
  return f === undefined ? NOT_IMPLEMENTED : reflected ? f(other, self) : f(self, other);
}
setOtherBaseMethod(ownMethod);

/** The operators: binary_op1's turns of the class's methods and the bases' slots, then bytes' concatenation and repeat. */
function numbers(kind: BaseKind, base: PyTypeSlots): NumberSlots {
  const bytes = kind === 'bytes' || kind === 'bytearray';
  const out: NumberSlots = {};
  for (const [slot, name] of OPERATORS) {
    const turns = binaryTurns(`__${name}__`, `__r${name}__`, builtinTurn(slot, kind, base));
    const after = !bytes ? undefined : slot === 'add' ? concat : slot === 'multiply' ? repeat : undefined;
    out[slot] = (a, b) => {
      const r = turns(a, b);
      return r !== NOT_IMPLEMENTED || after === undefined ? r : after(a, b);
    };
  }
  return out;
}

/** -v, +v, abs(v): the class's method, else the base's slot (complex's, timedelta's), else CPython's words with the class's name. */
function unary(base: UnarySlots | undefined): UnarySlots {
  const one = (slot: 'negative' | 'positive' | 'absolute' | 'invert', name: string) => (v: HookedBase) => {
    const fn = v.cls.lookup(name);
    if (fn !== undefined) return callValue(bindAttr(fn, v, v.cls, name), [], null);
    const f = base?.[slot];
    if (f === undefined) throw typeErr(slot === 'absolute' ? `bad operand type for abs(): '${v.cls.name}'` : `bad operand type for unary ${name === '__neg__' ? '-' : name === '__pos__' ? '+' : '~'}: '${v.cls.name}'`);
    return f(v);
  };
  return { ...base, negative: one('negative', '__neg__'), positive: one('positive', '__pos__'), absolute: one('absolute', '__abs__'), invert: one('invert', '__invert__') };
}

/**
 * The key dicts and sets file it under (value-dunders.ts hookedKey); a bytearray's base is
 * unhashable, so one with a __hash__ of its class's is told apart from keys of that hash by
 * bytearray's ==, on its octets as they are when it is filed.
 */
function key(v: HookedBase, kind: BaseKind, base: PyTypeSlots): unknown {
  if (kind === 'bytearray' && !has(v, '__hash__')) return unhashable(v);
  if (kind !== 'bytearray' || v.cls.hasEq) return hookedKey(v, (x) => (base.key !== undefined ? base.key(x) : hashKey((x as HookedBase).plain())));
  return `\u0000hashed#${I().hash!(v)}#bytearray:${String(hashKey(new PyBytes((v as unknown as PyBytes).data.slice())))}`;
}

const unhashable = (v: HookedBase): never => {
  throw typeErr(`unhashable type: '${v.cls.name}'`);
};

/** The hooked slots of a subclass of `kind` whose plain instances have `base`'s. */
export function hookedBaseSlots(base: PyTypeSlots, kind: BaseKind): PyTypeSlots<HookedBase> {
  // complex, timedelta, Decimal and Fraction have nb_bool (Fraction's __bool__), which __len__ does not replace; the others' truth is their length, or true
  const nbBool = kind === 'complex' || kind === 'timedelta' || kind === 'decimal' || kind === 'fraction';
  const bytes = kind === 'bytes' || kind === 'bytearray';
  const slots: PyTypeSlots<HookedBase> = {
    ...base,
    truthy: (v) => (has(v, '__bool__') || (!nbBool && has(v, '__len__')) ? I().truthy(v) : base.truthy(v)),
    len: (v) => (has(v, '__len__') || base.len === null ? I().len!(v) : base.len(v)),
    // bytes_iter reads the octets: a class with __getitem__ alone iterates them; a date's __getitem__ makes it iterable (the old protocol)
    iter: (v) => (has(v, '__iter__') || base.iter === null ? I().iter!(v) : base.iter(v)),
    iterator: (v) => (has(v, '__iter__') ? I().iterator!(v) : undefined),
    contains: (v, item, eq) => (has(v, '__contains__') || base.contains === undefined ? I().contains!(v, item, eq) : base.contains(v, item, eq)),
    getitem: (v, k) => (has(v, '__getitem__') || !bytes ? I().getitem!(v, k) : ops.getitem(v.plain(), k)),
    // one slot for both (slot_mp_ass_subscript): bytearray's own __setitem__ or __delitem__ answers the other
    setitem: (v, k, value) => (kind === 'bytearray' && !has(v, '__setitem__') ? base.setitem!(v, k, value) : I().setitem!(v, k, value)),
    delitem: (v, k) => (kind === 'bytearray' && !has(v, '__delitem__') ? base.delitem!(v, k) : I().delitem!(v, k)),
    call: (v, args, kw) => I().call!(v, args, kw),
    // a class body's __eq__ without __hash__ set __hash__ None (finishClass, as type_new); bytearray's __hash__ is None
    hash: (v) => (has(v, '__hash__') ? I().hash!(v) : base.hash === null ? unhashable(v) : base.hash!(v)),
    key: (v) => key(v, kind, base),
    richEq: (a, b, ne) => hookedCompare(a, b, ne ? '!=' : '=='),
    richOrder: (a, b, op) => hookedCompare(a, b, op),
    nb: numbers(kind, base),
    unary: unary(base.unary),
    index: (v) => (has(v, '__index__') ? I().index!(v) : undefined),
    formatsEmpty: true,
    format: (v, spec) => {
      if (has(v, '__format__')) return I().format!(v, spec);
      return spec === '' && base.formatsEmpty !== true ? strOf(v) : base.format !== undefined ? base.format(v, spec) : formatBuiltin(v, spec);
    },
  };
  KINDS.set(slots, [kind, base]);
  PLAIN_KINDS.set(base, [kind, base]);
  return slots;
}

const COMPARISONS: Record<string, string> = { __eq__: '==', __ne__: '!=', __lt__: '<', __le__: '<=', __gt__: '>', __ge__: '>=' };
const UNARY: Record<string, 'negative' | 'positive' | 'absolute'> = { __neg__: 'negative', __pos__: 'positive', __abs__: 'absolute' };

/**
 * base.__name__ bound to an instance of a subclass of bytes, bytearray, complex or a datetime
 * type (hooked or not), as super() reaches it: the base's slot on the instance, whatever its
 * class overrides; undefined for a name the base has not.
 */
export function baseDunder(self: Py, name: string): PyFunc | undefined {
  const t = typeOf(self);
  const found = KINDS.get(t) ?? PLAIN_KINDS.get(t);
  if (found === undefined) return undefined;
  const [kind, base] = found;
  const bytes = kind === 'bytes' || kind === 'bytearray';
  // a slot wrapper's arguments, in its words (super-dunders.ts wrapperArgs, which is above this module)
  const bound = (arity: number, fn: (args: Py[]) => Py) => new PyFunc(name, (args, kw) => {
    if (kw !== null && kw.size > 0) throw typeErr(`wrapper ${name}() takes no keyword arguments`);
    if (args.length !== arity) throw typeErr(`expected ${arity} argument${arity === 1 ? '' : 's'}, got ${args.length}`);
    return fn(args);
  }, 'method');
  const answered = (r: Py | NotImplemented): Py => (r === NOT_IMPLEMENTED ? NOT_IMPLEMENTED_VALUE : r);
  const op = COMPARISONS[name];
  if (op !== undefined) {
    if (op === '==' || op === '!=') return bound(1, ([o]) => {
      const r = base.eq?.(self, o, ops.eq) ?? NOT_IMPLEMENTED;
      return r === NOT_IMPLEMENTED ? NOT_IMPLEMENTED_VALUE : op === '==' ? r : !r;
    });
    return bound(1, ([o]) => {
      const r = base.compare?.(self, o, op) ?? NOT_IMPLEMENTED;
      return r === NOT_IMPLEMENTED ? NOT_IMPLEMENTED_VALUE : op === '<' ? r < 0 : op === '<=' ? r <= 0 : op === '>' ? r > 0 : r >= 0;
    });
  }
  const reflected = name.startsWith('__r') && OPERATOR_SLOTS.has(name.slice(3, -2));
  const slot = OPERATOR_SLOTS.get(name.slice(reflected ? 3 : 2, -2));
  if (slot !== undefined) {
    const has = bytes ? ['__add__', '__mul__', '__rmul__', '__mod__', '__rmod__'].includes(name) : base.nb?.[slot] !== undefined;
    return has ? bound(1, ([o]) => answered(ownMethod(self, name, o))) : undefined;
  }
  const unary = UNARY[name];
  if (unary !== undefined) return base.unary?.[unary] === undefined ? undefined : bound(0, () => base.unary![unary]!(self));
  switch (name) {
    case '__hash__':
      return base.hash === null ? undefined : bound(0, () => int.norm(BigInt(base.hash!(self))));
    case '__bool__':
      return kind === 'complex' || kind === 'timedelta' || kind === 'decimal' || kind === 'fraction' ? bound(0, () => base.truthy(self)) : undefined;
    case '__format__':
      return base.format === undefined ? undefined : bound(1, ([spec]) => {
        if (!isStr(spec)) throw typeErr(`argument must be str, not ${typeName(spec)}`);
        const s = spec instanceof PyStrBox ? spec.value : (spec as string);
        return s === '' ? strOf(self) : base.format!(self, s);
      });
  }
  if (!bytes) return undefined;
  const plain = (): PyBytes => (self as PyBytes).isByteArray() ? new PyByteArray((self as PyBytes).data) : new PyBytes((self as PyBytes).data);
  switch (name) {
    case '__len__':
      return bound(0, () => base.len!(self));
    case '__iter__':
      return bound(0, () => new PyIterator(base.iter!(self)[Symbol.iterator](), kind === 'bytes' ? 'bytes_iterator' : 'bytearray_iterator'));
    case '__contains__':
      return bound(1, ([x]) => base.contains!(self, x, ops.eq));
    case '__getitem__':
      return bound(1, ([k]) => ops.getitem(plain(), k));
    case '__setitem__':
      return kind === 'bytearray' ? bound(2, ([k, v]) => (base.setitem!(self, k, v), null)) : undefined;
    case '__delitem__':
      return kind === 'bytearray' ? bound(1, ([k]) => (base.delitem!(self, k), null)) : undefined;
  }
  return undefined;
}
