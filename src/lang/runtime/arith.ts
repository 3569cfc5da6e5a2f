import { allocItems, allocStr } from './budget.js';
import { setOrOperator, unionOr } from './types/union-type.js';
import { cpLen } from './codepoints.js';
import { complexPower } from './complex/type.js';
import { OverflowError, typeErr, zeroDiv } from './exceptions.js';
import { bytesPercent, percentFormat } from './format.js';
import { bytesConcat } from './bytes.js';
import { pow as libmPow } from './libm.js';
import * as int from './int/index.js';
import { indexSized, intOf, isIntLike, isNumeric, num } from './numbers.js';
import { setOperator } from './sets.js';
import { maxCodePoint, repeatBeyondMemory } from './sizes.js';
import { NOT_IMPLEMENTED, type NumberSlots, type UnarySlots } from './types/protocol.js';
import { slotsOf, typeOf } from './types/table.js';
import { EMPTY_TUPLE, type Py, PyBytes, PyDict, PyException, PyFloat, PyTuple, tupleOf, typeName } from './values.js';
import { isHooked, isInstance, PyDictInstance } from './class-values.js';
import { lateBinary } from './late-hooks.js';
import { rightFirst } from './value-compare.js';

// Python's arithmetic and bitwise operators: ints of any size (the kernel in int/), floats,
// sequences, sets, dicts.

export const intAdd = int.add;

/** Two numbers the operators compute at once: not a float subclass's instance whose class may define the operator (value-dunders.ts). */
const numbers = (a: Py, b: Py): boolean => isNumeric(a) && isNumeric(b) && !isHooked(a) && !isHooked(b);


function unsupported(op: string, a: Py, b: Py): never {
  throw typeErr(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** Each number slot's dunder and its reflection. */
const LATE_NAMES = Object.fromEntries((['add', 'subtract', 'multiply', 'truediv', 'floordiv', 'remainder', 'power', 'matmul', 'and', 'or', 'xor', 'lshift', 'rshift', 'divmod'] as const).map((slot) => {
  const name = slot === 'subtract' ? 'sub' : slot === 'multiply' ? 'mul' : slot === 'remainder' ? 'mod' : slot === 'power' ? 'pow' : slot;
  return [slot, [`__${name}__`, `__r${name}__`]];
})) as Record<keyof NumberSlots, [string, string]>;

/**
 * binary_op1: the operator's slot of a's type, then of b's (types/*.ts), each free to
 * answer NOT_IMPLEMENTED; only values represented by classes have slots.
 */
function viaSlots(slot: keyof NumberSlots, a: Py, b: Py): Py {
  // a list or tuple subclass's instance whose class got the operator after it was made (late-hooks.ts)
  const late = lateBinary(a, b, LATE_NAMES[slot][0], LATE_NAMES[slot][1]);
  if (late !== undefined) return late;
  const ta = typeof a === 'object' && a !== null ? typeOf(a) : undefined;
  const tb = typeof b === 'object' && b !== null ? typeOf(b) : undefined;
  const fa = ta?.nb?.[slot];
  // a dict subclass's slot before dict's, as for any subtype on the right: it asks its __rop__ first, then dict's
  if (b instanceof PyDictInstance && a instanceof PyDict && a.constructor === PyDict) return tb!.nb![slot]!(a, b);
  // and a library subtype's own slot (OrderedDict's |), then dict's: {} | od is an OrderedDict
  const fbFirst = a instanceof PyDict && a.constructor === PyDict && b instanceof PyDict && fa !== undefined ? tb?.nb?.[slot] : undefined;
  if (fbFirst !== undefined && fbFirst !== fa) {
    const r = fbFirst(a, b);
    return r !== NOT_IMPLEMENTED ? r : fa!(a, b);
  }
  // a subclass's hooked instance's slot before a plain instance's, or its base's value's: it asks both sides, and its base's methods where its class has none
  if (isHooked(b) && !isHooked(a) && (isInstance(a) || rightFirst(a, b))) return tb!.nb![slot]?.(a, b) ?? NOT_IMPLEMENTED;
  if (fa !== undefined) {
    const r = fa(a, b);
    // two instances of a condition's classes: a's slot asked both sides' methods already
    if (r !== NOT_IMPLEMENTED || (isInstance(a) && isInstance(b))) return r;
  }
  const fb = tb !== ta ? tb?.nb?.[slot] : undefined;
  return fb !== undefined ? fb(a, b) : NOT_IMPLEMENTED;
}

/** The operator through the slots, or CPython's "unsupported operand type(s)". */
function slotOr(slot: keyof NumberSlots, op: string, a: Py, b: Py): Py {
  const r = viaSlots(slot, a, b);
  return r !== NOT_IMPLEMENTED ? r : unsupported(op, a, b);
}

export function matmul(a: Py, b: Py): Py {
  return slotOr('matmul', '@', a, b);
}

export function add(a: Py, b: Py): Py {
  if (typeof a === 'number' && typeof b === 'number') return int.add(a, b);
  if (typeof a === 'string' && typeof b === 'string') {
    allocStr(a.length + b.length);
    return a + b;
  }
  if (numbers(a, b)) return isIntLike(a) && isIntLike(b) ? int.add(intOf(a)!, intOf(b)!) : new PyFloat(num(a)! + num(b)!);
  const r = viaSlots('add', a, b);
  if (r !== NOT_IMPLEMENTED) return r;
  if (typeof a === 'string') throw typeErr(`can only concatenate str (not "${typeName(b)}") to str`);
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) throw typeErr(`can only concatenate list (not "${typeName(b)}") to list`);
    allocItems(a.length + b.length);
    return a.concat(b);
  }
  if (a instanceof PyTuple) {
    if (!(b instanceof PyTuple)) throw typeErr(`can only concatenate tuple (not "${typeName(b)}") to tuple`);
    // tupleconcat answers an exact tuple itself when the other is empty
    if (b.items.length === 0 && a.constructor === PyTuple) return a;
    if (a.items.length === 0 && b.constructor === PyTuple) return b;
    allocItems(a.items.length + b.items.length);
    return tupleOf(a.items.concat(b.items));
  }
  // bytes' sq_concat, after both nb_add declined (a subclass's hooked instance's slot answered for it)
  if (a instanceof PyBytes && !isHooked(a)) return bytesConcat(a, b);
  return unsupported('+', a, b);
}

export function sub(a: Py, b: Py): Py {
  if (typeof a === 'number' && typeof b === 'number') return int.sub(a, b);
  if (numbers(a, b)) return isIntLike(a) && isIntLike(b) ? int.sub(intOf(a)!, intOf(b)!) : new PyFloat(num(a)! - num(b)!);
  return setOperator('-', a, b) ?? slotOr('subtract', '-', a, b);
}

/** seq * times; `by` is the count as given (an int, or a class with __index__), which CPython's OverflowError names. */
function repeat(seq: Py, times: int.Int, by: Py): Py {
  const count = Math.max(0, indexSized(times, undefined, typeName(by)));
  if (count > 0) {
    const units = typeof seq === 'string' ? seq.length : (Array.isArray(seq) ? seq : seq.items).length;
    repeatBeyondMemory(typeof seq === 'string' ? 'str' : 'items', units, times, () => (typeof seq === 'string' ? cpLen(seq) : units), () => maxCodePoint(seq as string));
  }
  if (typeof seq === 'string') {
    allocStr(seq.length * count);
    return seq.length === 0 ? '' : seq.repeat(count);
  }
  const items: Py[] = Array.isArray(seq) ? seq : seq.items;
  const n = items.length;
  allocItems(n * count);
  // nothing to repeat: [] * 10**10 is [] at once, not ten billion empty turns
  if (n === 0) return Array.isArray(seq) ? [] : EMPTY_TUPLE;
  // tuple_repeat answers an exact tuple itself times one, and () times none
  if (!Array.isArray(seq) && (count === 1 && seq.constructor === PyTuple)) return seq;
  if (!Array.isArray(seq) && count === 0) return EMPTY_TUPLE;
  let out: Py[];
  if (n === 1) out = new Array(count).fill(items[0]);
  else {
    out = [];
    for (let i = 0; i < count; i++) for (let j = 0; j < n; j++) out.push(items[j]);
  }
  return Array.isArray(seq) ? out : new PyTuple(out);
}

const isSeq = (v: Py): boolean => typeof v === 'string' || Array.isArray(v) || v instanceof PyTuple;

/** A repeat count as sequence_repeat takes it: an int, or a class's __index__ (nb_index). */
const countOf = (v: Py): Py => intOf(v) ?? (v !== null && typeof v === 'object' ? slotsOf(v)?.index?.(v) : undefined);

export function mul(a: Py, b: Py): Py {
  if (typeof a === 'number' && typeof b === 'number') return int.mul(a, b);
  if (numbers(a, b)) return isIntLike(a) && isIntLike(b) ? int.mul(intOf(a)!, intOf(b)!) : new PyFloat(num(a)! * num(b)!);
  const r = viaSlots('multiply', a, b);
  if (r !== NOT_IMPLEMENTED) return r;
  if (isSeq(a)) {
    const n = countOf(b);
    if (n !== undefined) return repeat(a, n, b);
    throw typeErr(`can't multiply sequence by non-int of type '${typeName(b)}'`);
  }
  if (isSeq(b)) {
    const n = countOf(a);
    if (n !== undefined) return repeat(b, n, a);
    throw typeErr(`can't multiply sequence by non-int of type '${typeName(a)}'`);
  }
  // bytes' sq_repeat, asked after both nb_multiply: a count from a class's __index__ (b'a' * I(2), I(2) * b'a')
  // (a bytes subclass's hooked instance answered by its own slot: its class's __mul__ took the repeat's place)
  const bytes = a instanceof PyBytes && !isHooked(a) ? a : b instanceof PyBytes && !isHooked(b) ? b : undefined;
  if (bytes !== undefined) {
    const count = bytes === a ? b : a;
    const n = countOf(count);
    // past Py_ssize_t, CPython's OverflowError names the count's own type
    if (n !== undefined) return (indexSized(n, undefined, typeName(count)), slotsOf(bytes)!.nb!.multiply!(bytes, n));
    throw typeErr(`can't multiply sequence by non-int of type '${typeName(count)}'`);
  }
  return unsupported('*', a, b);
}

export function truediv(a: Py, b: Py): Py {
  if (!numbers(a, b)) return slotOr('truediv', '/', a, b);
  // int / int is correctly rounded from the exact quotient, as long_true_divide
  if (isIntLike(a) && isIntLike(b)) return new PyFloat(int.truediv(intOf(a)!, intOf(b)!));
  const x = num(a)!;
  const y = num(b)!;
  if (y === 0) throw zeroDiv('float division by zero');
  return new PyFloat(x / y);
}

export function floordiv(a: Py, b: Py): Py {
  if (!numbers(a, b)) return slotOr('floordiv', '//', a, b);
  if (isIntLike(a) && isIntLike(b)) return int.floordiv(intOf(a)!, intOf(b)!);
  const x = num(a)!;
  const y = num(b)!;
  if (y === 0) throw zeroDiv('float floor division by zero');
  return new PyFloat(floatDivMod(x, y)[0]);
}

/**
 * _float_div_mod: the floor quotient from fmod, which is exact, not floor(x / y), which
 * rounds first: 7 // 0.1 is 69.0 (the true quotient is just under 70). y is not 0.
 */
export function floatDivMod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0) {
    // the remainder takes the sign of the divisor
    if (y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
  } else {
    mod = y < 0 ? -0 : 0;
  }
  let floor: number;
  if (div !== 0) {
    // snap the quotient to the nearest integral value
    floor = Math.floor(div);
    if (div - floor > 0.5) floor += 1;
  } else {
    floor = x / y < 0 || Object.is(x / y, -0) ? -0 : 0;
  }
  return [floor, mod];
}

export function mod(a: Py, b: Py): Py {
  if (typeof a === 'number' && typeof b === 'number') return int.mod(a, b);
  // a str subclass on the right whose class may define __rmod__ is asked first (value-dunders.ts)
  if (typeof a === 'string' && !isHooked(b)) return percentFormat(a, b);
  // likewise a bytes subclass's on either side (base-dunders.ts)
  if (a instanceof PyBytes && !isHooked(a) && !isHooked(b)) return bytesPercent(a, b);
  if (!numbers(a, b)) return slotOr('remainder', '%', a, b);
  if (isIntLike(a) && isIntLike(b)) return int.mod(intOf(a)!, intOf(b)!);
  const x = num(a)!;
  const y = num(b)!;
  if (y === 0) throw zeroDiv('float modulo');
  return new PyFloat(floatDivMod(x, y)[1]);
}

export function pow(a: Py, b: Py): Py {
  if (!numbers(a, b)) return slotOr('power', '** or pow()', a, b);
  // int ** int: exact for b >= 0, glibc's pow of the two as floats for b < 0
  if (isIntLike(a) && isIntLike(b)) return int.pow(intOf(a)!, intOf(b)!);
  return floatPow(num(a)!, num(b)!);
}

const isOddInteger = (y: number): boolean => Math.abs(y) % 2 === 1;

/** float_pow: its special cases, in its order, then libm's pow on a positive base. */
function floatPow(x: number, y: number): Py {
  if (y === 0) return new PyFloat(1);
  if (x !== x) return new PyFloat(x);
  if (y !== y) return new PyFloat(x === 1 ? 1 : y);
  if (y === Infinity || y === -Infinity) {
    const ax = Math.abs(x);
    return new PyFloat(ax === 1 ? 1 : y > 0 === ax > 1 ? Infinity : 0);
  }
  if (x === Infinity || x === -Infinity) return new PyFloat(y > 0 ? (isOddInteger(y) ? x : Infinity) : isOddInteger(y) ? (x < 0 ? -0 : 0) : 0);
  if (x === 0) {
    if (y < 0) throw zeroDiv('0.0 cannot be raised to a negative power');
    return new PyFloat(isOddInteger(y) ? x : 0);
  }
  let negate = false;
  if (x < 0) {
    // a negative number to a fractional power is complex
    if (y !== Math.floor(y)) return complexPower(x, y);
    x = -x;
    negate = isOddInteger(y);
  }
  if (x === 1) return new PyFloat(negate ? -1 : 1);
  const r = libmPow(x, y);
  if (r === Infinity) {
    // float_pow reports ERANGE as an OSError would: args (34, 'Numerical result out of range')
    throw new PyException(OverflowError, [34, 'Numerical result out of range'], "(34, 'Numerical result out of range')");
  }
  return new PyFloat(negate ? -r : r);
}

const BIT_SLOTS = { '&': 'and', '|': 'or', '^': 'xor', '<<': 'lshift', '>>': 'rshift' } as const;

setOrOperator((a, b) => bitop('|', a, b));

/** Bitwise operators: sets, ints of any size through the kernel, and other types' slots (dict |). */
export function bitop(op: '&' | '|' | '^' | '<<' | '>>', a: Py, b: Py): Py {
  // sets, and views on either side: a view on the right takes any iterable on the left ('ab' | d.keys())
  if (op !== '<<' && op !== '>>' && ((typeof a === 'object' && a !== null) || (typeof b === 'object' && b !== null))) {
    const r = setOperator(op, a, b);
    if (r !== undefined) return r;
  }
  if (op === '|' && typeof a === 'object' && typeof b === 'object') {
    const u = unionOr(a, b);
    if (u !== NOT_IMPLEMENTED) return u;
  }
  if (!isIntLike(a) || !isIntLike(b)) return slotOr(BIT_SLOTS[op], op, a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean' && op !== '<<' && op !== '>>') {
    return op === '&' ? a && b : op === '|' ? a || b : a !== b;
  }
  const x = intOf(a)!;
  const y = intOf(b)!;
  switch (op) {
    case '&':
      return int.and(x, y);
    case '|':
      return int.or(x, y);
    case '^':
      return int.xor(x, y);
    case '<<':
      return int.lshift(x, y);
    default:
      return int.rshift(x, y);
  }
}

export function neg(a: Py): Py {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  if (typeof a === 'bigint') return int.neg(a);
  if (typeof a === 'boolean') return a ? -1 : 0;
  if (a instanceof PyFloat && !isHooked(a)) return new PyFloat(-a.v);
  return unarySlot('negative', '-', a);
}

export function pos(a: Py): Py {
  if (typeof a === 'number' || typeof a === 'bigint' || (a instanceof PyFloat && !isHooked(a))) return a;
  if (typeof a === 'boolean') return a ? 1 : 0;
  return unarySlot('positive', '+', a);
}

/** -v, +v, abs(v), ~v of a type with the slot, else CPython's "bad operand type". */
export function unarySlot(slot: keyof UnarySlots, op: string, a: Py): Py {
  const f = typeof a === 'object' && a !== null ? typeOf(a).unary?.[slot] : undefined;
  if (f !== undefined) return f(a);
  throw typeErr(slot === 'absolute' ? `bad operand type for abs(): '${typeName(a)}'` : `bad operand type for unary ${op}: '${typeName(a)}'`);
}

/** divmod(a, b) of values that are not numbers: their types' slots. */
export function divmodSlots(a: Py, b: Py): Py {
  return slotOr('divmod', 'divmod()', a, b);
}

export function invert(a: Py): Py {
  if (isIntLike(a)) return int.invert(intOf(a)!);
  return unarySlot('invert', '~', a);
}
