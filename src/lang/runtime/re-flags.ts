/**
 * re.RegexFlag: re.I and its kin are ints (`re.I == 2`, arithmetic, dict keys, flags
 * arguments) that print by their names (`re.IGNORECASE|re.MULTILINE`), as CPython 3.11's
 * IntFlag does. `| & ^ ~` between flags and ints stay flags; other arithmetic gives ints.
 */
import { formatValue } from './format.js';
import * as ops from './ops.js';
import { NOT_IMPLEMENTED, type BinarySlot, type PyTypeSlots } from './types/protocol.js';
import { registerType } from './types/table.js';
import { fatalErr, keyErr, typeErr, UnsupportedError, valueErr } from './exceptions.js';
import { repr } from './repr.js';
import { bindArgs, Signature } from './signature.js';
import { ENUM_TYPE, INT_FLAG, INT_FLAG_ORDER, PyEnumType } from './modules/foreign-bases.js';
import { KEEP } from './modules/enum/flag.js';
import { PyGenerator } from './generator.js';
import { PyMappingProxy } from './mappingproxy-value.js';
import { PerRun } from './per-run.js';
import { PyDict, PyIntFlag, typeName, type Py } from './values.js';

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

/**
 * A RegexFlag of value v: one object for each value of its members' bits, as CPython keeps one
 * (re.RegexFlag(2) is re.I, (re.I|re.M) is (re.M|re.I)). They are immutable, so every run may
 * share them; other values are made anew (CPython would keep those too, and not between runs).
 */
const INTERNED: PyIntFlag[] = [];
export function regexFlag(v: number): PyIntFlag {
  if (v < 0 || v > ALL) return new PyIntFlag(v);
  return (INTERNED[v] ??= new PyIntFlag(v));
}

/** The bits of v outside RegexFlag's members (v may pass 32 bits: up to 53). */
const unknownBits = (v: number): bigint => BigInt(v) & ~BigInt(ALL);

/** Flag.__repr__ with the global_enum names: its members' names, then any other bits in hex; a value of no member's bit by its number. */
function flagRepr(f: PyIntFlag): string {
  const name = flagName(f.value);
  return name === null ? `re.RegexFlag(${f.value})` : name.split('|').map((n) => (n.startsWith('0x') ? n : 're.' + n)).join('|');
}

/** Flag's _name_ of a value: its members' names in RegexFlag's order, then any other bits in hex (its _numeric_repr_); NOFLAG's for 0, None where no member's bit is set. */
function flagName(v: number): string | null {
  if (v === 0) return 'NOFLAG';
  const names = MEMBERS.filter(([, bit]) => (v & bit) !== 0).map(([name]) => name);
  if (names.length === 0) return null;
  const rest = unknownBits(v);
  if (rest !== 0n) names.push('0x' + rest.toString(16));
  return names.join('|');
}

/** Flag.__iter__: the members of its bits, in RegexFlag's order of definition (its _iter_member_by_def_: ASCII before IGNORECASE). */
const membersOf = (v: number): Py[] => MEMBERS.filter(([, bit]) => (v & bit) !== 0).map(([, bit]) => regexFlag(bit));

/** Flag's class attributes, as a member reads them too: its masks and boundary; _inverted_ is None until `~` caches one in CPython, which a shared member cannot. */
function classAttribute(name: string): Py | undefined {
  switch (name) {
    case '_flag_mask_':
    case '_singles_mask_':
    case '_all_bits_':
      return ALL;
    case '_boundary_':
      return KEEP;
    case '_inverted_':
      return null;
    // the class is every run's: its list is the run's own, so that a condition's change lasts for that run only
    case '_member_names_':
      return MEMBER_NAMES.current();
    // a new proxy each time, as EnumType.__members__ makes one
    case '__members__':
      return new PyMappingProxy(new PyDict(new Map(MEMBERS_MAP.map(([n, bit]) => [n, regexFlag(bit)]))));
  }
  return undefined;
}

const MEMBER_NAMES = new PerRun(() => MEMBERS.map(([n]) => n));

/** EnumType.__members__'s order: NOFLAG, then each member and its letter, as the class body defines them. */
const MEMBERS_MAP: readonly (readonly [string, number])[] = [
  ['NOFLAG', 0],
  ...MEMBERS.flatMap(([n, bit]) => [[n, bit] as const, ...FLAG_NAMES.filter(([letter, b]) => b === bit && letter.length === 1)]),
];

/**
 * Flag._missing_ with the KEEP boundary, as RegexFlag(value) and `~` use it: a value below
 * ~_all_bits_ is made positive within max(_all_bits_ + 1, 2 ** bit_length) (unknown bits kept);
 * then any negative one by _all_bits_ + 1 (RegexFlag(-1) is every member).
 */
function keep(v: bigint): bigint {
  const all = BigInt(ALL);
  let n = v;
  if (n < ~all) {
    const room = 1n << BigInt((-n).toString(2).length);
    n += all + 1n > room ? all + 1n : room;
  }
  if (n < 0n) n += all + 1n;
  return n;
}

/** Flag.__invert__: RegexFlag(~value), which _missing_ makes positive. */
const invert = (v: number): PyIntFlag => regexFlag(Number(keep(~BigInt(v))));

/** The members, as EnumType's iteration gives them (NOFLAG, of no bit, is an alias). */
const memberList = (): Py[] => MEMBERS.map(([, bit]) => regexFlag(bit));

/** An enum's class: `<flag 'RegexFlag'>`, its members as attributes (re.RegexFlag.IGNORECASE), of IntFlag's bases. */
class PyFlagType extends PyEnumType {}

const FLAG_SIZE = 're.RegexFlag values past 53 bits are not built in the evaluator';

/** RegexFlag(n) for any int: _missing_ makes it positive (KEEP); past 53 bits, refused. */
function flagOfInt(n: number | bigint): PyIntFlag {
  const kept = keep(BigInt(n));
  if (kept > BigInt(Number.MAX_SAFE_INTEGER)) throw fatalErr(UnsupportedError, FLAG_SIZE);
  return regexFlag(Number(kept));
}

const ENUM_CALL = new Signature('EnumType.__call__', ['value', 'names', '', 'module', 'qualname', 'type', 'start', 'boundary'].map((name) => ({ name, star: name === '' ? '*' : '' })), 'python');
const ENUM_CALL_DEFAULTS = [undefined, null, undefined, null, null, null, 1, null];

/** RegexFlag(value): a member's value, or any int (its boundary keeps unknown bits). */
export const REGEX_FLAG_TYPE = new PyFlagType('re.RegexFlag', INT_FLAG, INT_FLAG_ORDER, true, (a, k) => {
  // EnumType.__call__ is written in Python; its other parameters make a new enum, which the evaluator does not
  const [value, ...others] = k === null && a.length === 1 ? a : bindArgs(ENUM_CALL, a, k, ENUM_CALL_DEFAULTS);
  if (!others.every((v) => v === null || v === undefined || v === 1)) throw fatalErr(UnsupportedError, 're.RegexFlag() with names, a module or a type makes a new enum, which the evaluator does not build');
  if (value instanceof PyIntFlag) return value;
  const n = ops.isIntLike(value) ? ops.intOf(value) : undefined;
  // Flag._missing_: what is no int is no valid value
  if (n === undefined) throw valueErr(`${repr(value)} is not a valid RegexFlag`);
  return flagOfInt(n);
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
    return regexFlag(member[1]);
  },
  contains: (_t, item) => {
    if (!(item instanceof PyIntFlag)) throw typeErr(`unsupported operand type(s) for 'in': '${typeName(item)}' and 'EnumType'`);
    return FLAG_NAMES.some(([n]) => n === flagName(item.value));
  },
  getattr: (_t, name) => {
    const member = FLAG_NAMES.find(([n]) => n === name);
    return member === undefined ? classAttribute(name) : regexFlag(member[1]);
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
    // Flag.__or__ and its kin: self.__class__(value | other), which _missing_ makes positive (re.I | -1 is every member)
    return typeof a === 'boolean' ? r : flagOfInt(r as number | bigint);
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

/** int.bit_count() of a value (of its absolute value, as Python's). */
const popcount = (v: number): number => [...BigInt(Math.abs(v)).toString(2)].filter((c) => c === '1').length;

const SLOTS: PyTypeSlots<PyIntFlag> = {
  name: () => 'RegexFlag',
  type: REGEX_FLAG_TYPE,
  truthy: (v) => v.value !== 0,
  // Flag.__len__: the value's bit_count()
  len: (v) => popcount(v.value),
  // Flag.__iter__, a generator (`yield from self._iter_member_(self._value_)`)
  iter: (v) => membersOf(v.value),
  iterator: (v) => {
    const members = membersOf(v.value);
    return new PyGenerator((function* () {
      for (const m of members) yield m;
      return null;
    })(), 'Flag.__iter__');
  },
  // Flag.__contains__: another of its flags, whose bits are all set here
  contains: (v, item) => {
    if (!(item instanceof PyIntFlag)) throw typeErr(`unsupported operand type(s) for 'in': '${typeName(item)}' and 'RegexFlag'`);
    return (BigInt(item.value) & BigInt(v.value)) === BigInt(item.value);
  },
  repr: flagRepr,
  // a member's name and value (Enum's properties), and its class's attributes
  getattr: (v, name) => (name === 'name' || name === '_name_' ? flagName(v.value) : name === 'value' || name === '_value_' ? v.value : classAttribute(name)),
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
    invert: (v: PyIntFlag) => invert(v.value),
  },
};

registerType(PyIntFlag, SLOTS);
