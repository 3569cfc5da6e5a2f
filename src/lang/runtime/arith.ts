import { allocItems, allocStr } from './budget.js';
import { overflow, OverflowError, typeErr, valueErr, zeroDiv } from './exceptions.js';
import { percentFormat } from './format.js';
import { exactPow, num } from './numbers.js';
import { setOperator } from './sets.js';
import { NOT_IMPLEMENTED, type NumberSlots } from './types/protocol.js';
import { typeOf } from './types/registry.js';
import { PyException, PyFloat, PyTuple, typeName, type Py } from './values.js';

// Python's arithmetic and bitwise operators: ints exact within 2**53, floats, sequences, sets, dicts.

/** Largest int the evaluator keeps exact; past it an int operation raises OverflowError. */
export const INT_MAX = 2 ** 53;
const SAFE = Number.MAX_SAFE_INTEGER;

/** An int that is known exact (a float's integral value, a count): within the range or OverflowError. */
export function checkInt(r: number): number {
  if (r > INT_MAX || r < -INT_MAX) throw overflow();
  return r;
}

/** An exact int result computed with BigInt, on the rare path where doubles may round. */
export function exactInt(r: bigint): number {
  if (r > 9007199254740992n || r < -9007199254740992n) throw overflow();
  return Number(r);
}

export function intAdd(a: number, b: number): number {
  const r = a + b;
  return r <= SAFE && r >= -SAFE ? r : exactInt(BigInt(a) + BigInt(b));
}

export function intSub(a: number, b: number): number {
  const r = a - b;
  return r <= SAFE && r >= -SAFE ? r : exactInt(BigInt(a) - BigInt(b));
}

export function intMul(a: number, b: number): number {
  // + 0: an int is never -0 (0 * -5 is -0 in JS, and float() or / would show it)
  const r = a * b + 0;
  return r <= SAFE && r >= -SAFE ? r : exactInt(BigInt(a) * BigInt(b));
}


const isIntLike = (v: Py): boolean => typeof v === 'number' || typeof v === 'boolean';

function unsupported(op: string, a: Py, b: Py): never {
  throw typeErr(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

/**
 * binary_op1: the operator's slot of a's type, then of b's (types/*.ts), each free to
 * answer NOT_IMPLEMENTED; only values represented by classes have slots.
 */
function viaSlots(slot: keyof NumberSlots, a: Py, b: Py): Py {
  const ta = typeof a === 'object' && a !== null ? typeOf(a) : undefined;
  const tb = typeof b === 'object' && b !== null ? typeOf(b) : undefined;
  const fa = ta?.nb?.[slot];
  if (fa !== undefined) {
    const r = fa(a, b);
    if (r !== NOT_IMPLEMENTED) return r;
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
  if (typeof a === 'number' && typeof b === 'number') return intAdd(a, b);
  if (typeof a === 'string' && typeof b === 'string') {
    allocStr(a.length + b.length);
    return a + b;
  }
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return isIntLike(a) && isIntLike(b) ? intAdd(x, y) : new PyFloat(x + y);
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
    allocItems(a.items.length + b.items.length);
    return new PyTuple(a.items.concat(b.items));
  }
  return unsupported('+', a, b);
}

export function sub(a: Py, b: Py): Py {
  if (typeof a === 'number' && typeof b === 'number') return intSub(a, b);
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return isIntLike(a) && isIntLike(b) ? intSub(x, y) : new PyFloat(x - y);
  return setOperator('-', a, b) ?? slotOr('subtract', '-', a, b);
}

function repeat(seq: Py, times: number): Py {
  const count = Math.max(0, times);
  if (typeof seq === 'string') {
    allocStr(seq.length * count);
    return seq.length === 0 ? '' : seq.repeat(count);
  }
  const items: Py[] = Array.isArray(seq) ? seq : seq.items;
  const n = items.length;
  allocItems(n * count);
  // nothing to repeat: [] * 10**10 is [] at once, not ten billion empty turns
  if (n === 0) return Array.isArray(seq) ? [] : seq;
  let out: Py[];
  if (n === 1) out = new Array(count).fill(items[0]);
  else {
    out = [];
    for (let i = 0; i < count; i++) for (let j = 0; j < n; j++) out.push(items[j]);
  }
  return Array.isArray(seq) ? out : new PyTuple(out);
}

const isSeq = (v: Py): boolean => typeof v === 'string' || Array.isArray(v) || v instanceof PyTuple;

export function mul(a: Py, b: Py): Py {
  if (typeof a === 'number' && typeof b === 'number') return intMul(a, b);
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return isIntLike(a) && isIntLike(b) ? intMul(x, y) : new PyFloat(x * y);
  const r = viaSlots('multiply', a, b);
  if (r !== NOT_IMPLEMENTED) return r;
  if (isSeq(a)) {
    if (isIntLike(b)) return repeat(a, y!);
    throw typeErr(`can't multiply sequence by non-int of type '${typeName(b)}'`);
  }
  if (isSeq(b)) {
    if (isIntLike(a)) return repeat(b, x!);
    throw typeErr(`can't multiply sequence by non-int of type '${typeName(a)}'`);
  }
  return unsupported('*', a, b);
}

export function truediv(a: Py, b: Py): Py {
  const x = num(a);
  const y = num(b);
  if (x === undefined || y === undefined) return slotOr('truediv', '/', a, b);
  if (y === 0) throw zeroDiv(isIntLike(a) && isIntLike(b) ? 'division by zero' : 'float division by zero');
  return new PyFloat(x / y);
}

/** Exact floor division of two ints (no rounding through a float quotient). */
function intFloorDiv(x: number, y: number): number {
  const r = x % y;
  const q = (x - r) / y;
  return (r !== 0 && r < 0 !== y < 0 ? q - 1 : q) + 0;
}

/** Python's int %: the remainder takes the sign of the divisor (and is never -0). y is not 0. */
function intMod(x: number, y: number): number {
  const r = x % y;
  return (r !== 0 && r < 0 !== y < 0 ? r + y : r) + 0;
}

export function floordiv(a: Py, b: Py): Py {
  const x = num(a);
  const y = num(b);
  if (x === undefined || y === undefined) return slotOr('floordiv', '//', a, b);
  if (isIntLike(a) && isIntLike(b)) {
    if (y === 0) throw zeroDiv('integer division or modulo by zero');
    return intFloorDiv(x, y);
  }
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
  if (typeof a === 'number' && typeof b === 'number' && b !== 0) return intMod(a, b);
  if (typeof a === 'string') return percentFormat(a, b);
  const x = num(a);
  const y = num(b);
  if (x === undefined || y === undefined) return slotOr('remainder', '%', a, b);
  const ints = isIntLike(a) && isIntLike(b);
  if (y === 0) throw zeroDiv(ints ? 'integer modulo by zero' : 'float modulo');
  if (ints) return intMod(x, y);
  return new PyFloat(floatDivMod(x, y)[1]);
}

export function pow(a: Py, b: Py): Py {
  const x = num(a);
  const y = num(b);
  if (x === undefined || y === undefined) return slotOr('power', '** or pow()', a, b);
  if (isIntLike(a) && isIntLike(b) && y >= 0) {
    let result = 1;
    let base = x;
    let e = y;
    while (e > 0) {
      if (e & 1) result = intMul(result, base);
      e = Math.floor(e / 2);
      if (e > 0) base = intMul(base, base);
    }
    return result;
  }
  if (x === 0 && y < 0) throw zeroDiv('0.0 cannot be raised to a negative power');
  if (x < 0 && !Number.isInteger(y)) throw valueErr('complex results are not supported by the evaluator');
  const r = exactPow(x, y) ?? Math.pow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) {
    // float_pow reports ERANGE as an OSError would: args (34, 'Numerical result out of range')
    throw new PyException(OverflowError, [34, 'Numerical result out of range'], "(34, 'Numerical result out of range')");
  }
  return new PyFloat(r);
}

const BIT_SLOTS = { '&': 'and', '|': 'or', '^': 'xor', '<<': 'lshift', '>>': 'rshift' } as const;

/** Bitwise operators work on the exact int range through BigInt. */
export function bitop(op: '&' | '|' | '^' | '<<' | '>>', a: Py, b: Py): Py {
  // sets, and views on either side: a view on the right takes any iterable on the left ('ab' | d.keys())
  if (op !== '<<' && op !== '>>' && ((typeof a === 'object' && a !== null) || (typeof b === 'object' && b !== null))) {
    const r = setOperator(op, a, b);
    if (r !== undefined) return r;
  }
  if (!isIntLike(a) || !isIntLike(b)) return slotOr(BIT_SLOTS[op], op, a, b);
  const x = num(a)!;
  const y = num(b)!;
  if (typeof a === 'boolean' && typeof b === 'boolean' && op !== '<<' && op !== '>>') {
    return op === '&' ? a && b : op === '|' ? a || b : a !== b;
  }
  const bx = BigInt(x);
  const by = BigInt(y);
  let r: bigint;
  switch (op) {
    case '&':
      r = bx & by;
      break;
    case '|':
      r = bx | by;
      break;
    case '^':
      r = bx ^ by;
      break;
    case '<<':
      if (y < 0) throw valueErr('negative shift count');
      if (y > 64) throw overflow();
      r = bx << by;
      break;
    default:
      if (y < 0) throw valueErr('negative shift count');
      r = bx >> BigInt(Math.min(y, 64));
  }
  return exactInt(r);
}

export function neg(a: Py): Py {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  if (typeof a === 'boolean') return a ? -1 : 0;
  if (a instanceof PyFloat) return new PyFloat(-a.v);
  throw typeErr(`bad operand type for unary -: '${typeName(a)}'`);
}

export function pos(a: Py): Py {
  if (typeof a === 'number' || a instanceof PyFloat) return a;
  if (typeof a === 'boolean') return a ? 1 : 0;
  throw typeErr(`bad operand type for unary +: '${typeName(a)}'`);
}

export function invert(a: Py): Py {
  if (typeof a === 'number' || typeof a === 'boolean') return -num(a)! - 1;
  throw typeErr(`bad operand type for unary ~: '${typeName(a)}'`);
}
