/**
 * re.RegexFlag: re.I and its kin are ints (`re.I == 2`, arithmetic, dict keys, flags
 * arguments) that print by their names (`re.IGNORECASE|re.MULTILINE`), as CPython 3.11's
 * IntFlag does. `| & ^ ~` between flags and ints stay flags; other arithmetic gives ints.
 */
import { formatValue } from './format.js';
import * as ops from './ops.js';
import { NOT_IMPLEMENTED, type BinarySlot, type PyTypeSlots } from './types/protocol.js';
import { registerType } from './types/table.js';
import { keyErr, typeErr } from './exceptions.js';
import { bindArgs, Signature } from './signature.js';
import { ENUM_TYPE, INT_FLAG, INT_FLAG_ORDER, PyEnumType } from './modules/foreign-bases.js';
import { PyIntFlag, typeName, type Py } from './values.js';

/** The members in the order RegexFlag defines them, which its repr follows. */
const MEMBERS: readonly (readonly [string, number])[] = [
  ['ASCII', 256], ['IGNORECASE', 2], ['LOCALE', 4], ['UNICODE', 32], ['MULTILINE', 8], ['DOTALL', 16], ['VERBOSE', 64], ['TEMPLATE', 1], ['DEBUG', 128],
];
const ALL = 511;

/** The module's names for them: the long ones and their letters. */
export const FLAG_NAMES: readonly (readonly [string, number])[] = [
  ['NOFLAG', 0], ['A', 256], ['ASCII', 256], ['I', 2], ['IGNORECASE', 2], ['L', 4], ['LOCALE', 4], ['U', 32], ['UNICODE', 32],
  ['M', 8], ['MULTILINE', 8], ['S', 16], ['DOTALL', 16], ['X', 64], ['VERBOSE', 64], ['T', 1], ['TEMPLATE', 1], ['DEBUG', 128],
];

/** Flag.__repr__ with the global_enum names: its members' names, then any other bits in hex. */
function flagRepr(f: PyIntFlag): string {
  const v = f.value;
  if (v === 0) return 're.NOFLAG';
  const names = MEMBERS.filter(([, bit]) => (v & bit) !== 0).map(([name]) => 're.' + name);
  const rest = v & ~ALL;
  if (rest !== 0) names.push('0x' + rest.toString(16));
  return names.join('|');
}

/** Flag's _name_ of a value: its members' names in RegexFlag's order, then any other bits in hex (its _numeric_repr_); NOFLAG's for 0. */
function flagName(v: number): string {
  if (v === 0) return 'NOFLAG';
  const names = MEMBERS.filter(([, bit]) => (v & bit) !== 0).map(([name]) => name);
  const rest = v & ~ALL;
  if (rest !== 0) names.push('0x' + rest.toString(16));
  return names.join('|');
}

/** The members, as EnumType's iteration gives them (NOFLAG, of no bit, is an alias). */
const memberList = (): Py[] => MEMBERS.map(([, bit]) => new PyIntFlag(bit));

/** An enum's class: `<flag 'RegexFlag'>`, its members as attributes (re.RegexFlag.IGNORECASE), of IntFlag's bases. */
class PyFlagType extends PyEnumType {}

const ENUM_CALL = new Signature('EnumType.__call__', ['value', 'names', '', 'module', 'qualname', 'type', 'start', 'boundary'].map((name) => ({ name, star: name === '' ? '*' : '' })), 'python');
const ENUM_CALL_DEFAULTS = [undefined, null, undefined, null, null, null, 1, null];

/** RegexFlag(value): a member's value, or any int (its boundary keeps unknown bits). */
export const REGEX_FLAG_TYPE = new PyFlagType('re.RegexFlag', INT_FLAG, INT_FLAG_ORDER, true, (a, k) => {
  // EnumType.__call__ is written in Python; its other parameters make a new enum, which the evaluator does not
  const [value, ...others] = k === null && a.length === 1 ? a : bindArgs(ENUM_CALL, a, k, ENUM_CALL_DEFAULTS);
  const n = others.every((v) => v === null || v === undefined || v === 1) ? ops.intOf(value) : undefined;
  if (n === undefined || typeof n === 'bigint') throw typeErr(`the evaluator's re.RegexFlag() takes one int of at most 53 bits`);
  return new PyIntFlag(n);
});

registerType(PyFlagType, {
  name: () => 'EnumType',
  type: ENUM_TYPE,
  truthy: () => true,
  repr: () => "<flag 'RegexFlag'>",
  // EnumType's container methods over RegexFlag's members
  len: () => MEMBERS.length,
  iter: () => memberList(),
  getitem: (_t, key) => {
    const member = FLAG_NAMES.find(([n]) => n === key);
    if (member === undefined) throw keyErr(key);
    return new PyIntFlag(member[1]);
  },
  contains: (_t, item) => {
    if (!(item instanceof PyIntFlag)) throw typeErr(`unsupported operand type(s) for 'in': '${typeName(item)}' and 'EnumType'`);
    return FLAG_NAMES.some(([n]) => n === flagName(item.value));
  },
  getattr: (_t, name) => {
    const member = FLAG_NAMES.find(([n]) => n === name);
    return member === undefined ? undefined : new PyIntFlag(member[1]);
  },
} satisfies PyTypeSlots<PyFlagType>);

/**
 * `| & ^` keep a flag when the other operand is an int too; a bool on the left answers
 * first, as an int (RegexFlag is not bool's subclass, so its reflected method waits).
 */
function bitwise(op: '&' | '|' | '^'): BinarySlot {
  return (a, b) => {
    const x = ops.intOf(a);
    const y = ops.intOf(b);
    if (x === undefined || y === undefined) return NOT_IMPLEMENTED;
    const r = ops.bitop(op, x, y);
    return typeof r === 'number' && typeof a !== 'boolean' ? new PyIntFlag(r) : r;
  };
}

/** Other arithmetic is int's, on the value, with numbers; anything else is refused naming RegexFlag. */
function asInt(f: (a: Py, b: Py) => Py): BinarySlot {
  return (a, b) => {
    const x = a instanceof PyIntFlag ? a.value : a;
    const y = b instanceof PyIntFlag ? b.value : b;
    if (ops.num(x) === undefined || ops.num(y) === undefined) return NOT_IMPLEMENTED;
    return f(x, y);
  };
}

const value = (v: PyIntFlag) => v.value;

const SLOTS: PyTypeSlots<PyIntFlag> = {
  name: () => 'RegexFlag',
  type: REGEX_FLAG_TYPE,
  truthy: (v) => v.value !== 0,
  len: null,
  iter: null,
  repr: flagRepr,
  // a member's name and value (Enum's properties)
  getattr: (v, name) => (name === 'name' ? flagName(v.value) : name === 'value' ? v.value : name === '_name_' ? flagName(v.value) : name === '_value_' ? v.value : undefined),
  // RegexFlag's __str__ is object's, so str() and f-strings give the repr too
  str: flagRepr,
  hash: (v) => BigInt(v.value),
  // its int's key: {2: 'x'}[re.I]
  key: value,
  eq: (a, b) => {
    const n = ops.num(b);
    return n === undefined ? NOT_IMPLEMENTED : a.value === n;
  },
  compare: (a, b) => {
    const n = ops.num(b);
    return n === undefined ? NOT_IMPLEMENTED : a.value < n ? -1 : a.value > n ? 1 : 0;
  },
  json: value,
  // a non-empty spec formats the int (f'{re.I:d}'); an empty one gives str, the names
  format: (v, spec) => formatValue(v.value, spec),
  nb: {
    and: bitwise('&'),
    or: bitwise('|'),
    xor: bitwise('^'),
    add: asInt(ops.add),
    subtract: asInt(ops.sub),
    multiply: asInt(ops.mul),
    truediv: asInt(ops.truediv),
    floordiv: asInt(ops.floordiv),
    remainder: asInt(ops.mod),
    power: asInt(ops.pow),
    lshift: asInt((a, b) => ops.bitop('<<', a, b)),
    rshift: asInt((a, b) => ops.bitop('>>', a, b)),
  },
  unary: {
    negative: (v: PyIntFlag) => ops.neg(v.value),
    positive: value,
    absolute: (v: PyIntFlag) => Math.abs(v.value),
    // the members it does not have, within RegexFlag's bits (Flag's KEEP boundary)
    invert: (v: PyIntFlag) => new PyIntFlag(ALL & ~v.value),
  },
};

registerType(PyIntFlag, SLOTS);
