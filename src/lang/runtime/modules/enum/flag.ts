/**
 * enum's Flag and IntFlag, FlagBoundary (STRICT, CONFORM, EJECT, KEEP) and the module's helpers
 * on bits (bin, show_flag_values), as CPython 3.11's enum.py: a value that no member has is
 * made a pseudo-member by Flag._missing_, named by the members whose bits it holds, and kept in
 * the class's _value2member_map_ as CPython keeps it. The bits of a value are walked within the
 * class's own mask, so a member's iteration is as long as the class's members at most.
 */
import { tick } from '../../budget.js';
import { BUILTINS, isinstance } from '../../builtins.js';
import { PyGenerator } from '../../generator.js';
import { callValue } from '../../call.js';
import { moduleClass, PyInstance } from '../../classes.js';
import { PyClass } from '../../class-values.js';
import { PyClassMethod, PyStaticMethod } from '../../descriptors.js';
import { attrErr, typeErr, valueErr } from '../../exceptions.js';
import { getattr } from '../../attributes.js';
import { NOT_IMPLEMENTED_VALUE } from '../../class-operators.js';
import * as ops from '../../ops.js';
import { repr, str } from '../../repr.js';
import { valueNew } from '../../builtin-subclass.js';
import { big, bit_count, norm, type Int } from '../../int/index.js';
import { payLinear } from '../../int/cost.js';
import { bitLength as exactBits, bitsBound } from '../../int/size.js';
import { PyIntFlag, PyTuple, PyType, typeName, type Py } from '../../values.js';
import { pyDef } from '../python-def.js';
import { classNameOf, classRepr, dataFormat, EnumDict, memberRepr, dataStr, emptyInfo, ENUM, ENUM_TYPE, FLAG, INFO, infoOf, makeEnum, nameOf, pseudoMembers, qualnameOf, REPR_ENUM, setBoundaries, setOwn, STR_ENUM, valueOf, type Info } from './enum.js';
import { fileSharedObject } from '../../shared-objects.js';
import { freeze } from '../frozen-instances.js';

const INT = BUILTINS.get('int') as PyType;
const TYPE = BUILTINS.get('type') as PyType;

/** int.bit_length(), paid for as the int module pays for it. */
const bitLength = (b: bigint): number => {
  const n = norm(b);
  payLinear(bitsBound(n));
  return exactBits(n);
};
/** An operation over a value's bits (|, &, ^, ~), paid for by its size. */
export const payBits = (b: bigint): void => payLinear(bitsBound(norm(b)));

/** enum.bin(num, max_bits=None): two's complement, the sign bit apart. */
function flagBin(num: bigint, maxBits: number | null = null): string {
  const ceiling = 1n << BigInt(bitLength(num));
  const s = num >= 0n ? '0b' + (num + ceiling).toString(2).replace('1', '0') : '0b' + ((~num) ^ (ceiling - 1n + ceiling)).toString(2);
  const sign = s.slice(0, 3);
  let digits = s.slice(3);
  if (maxBits !== null && digits.length < maxBits) digits = (sign[sign.length - 1].repeat(maxBits) + digits).slice(-maxBits);
  return `${sign} ${digits}`;
}

const isInt = (v: Py): boolean => ops.isIntLike(v) && typeof v !== 'boolean' ? true : typeof v === 'boolean';
const toBig = (v: Py): bigint => big(ops.intOf(v) as Int);
const pyInt = (b: bigint): Py => norm(b);

/** The members of a value's bits, by value or in definition order (_iter_member_by_value_, _by_def_; the class's own by default). */
function membersOf(info: Info, value: bigint, byDef = info.byDef): Py[] {
  const f = info.flag!;
  payBits(value);
  payBits(f.mask);
  let v = value & f.mask;
  const out: Py[] = [];
  while (v !== 0n) {
    tick();
    const b = v & -v;
    // _value2member_map_.get(bit): None for a bit only a multi-bit member has (`B = 6` alone: list(P(6)) is [None, None])
    out.push(info.v2m.get(pyInt(b)) ?? null);
    v ^= b;
  }
  // sorted(..., key=lambda m: m._sort_order_) meets that None
  if (byDef && out.includes(null)) throw attrErr(null, '_sort_order_');
  if (byDef) out.sort((a, b) => (ownInt(a, '_sort_order_') - ownInt(b, '_sort_order_')));
  return out;
}
/**
 * A flag class's tables, which Flag's methods read as `cls._flag_mask_` first: what is no flag
 * class (an Enum, None, 5, called unbound) gets that read's AttributeError.
 */
function flagTables(cls: Py): Info {
  const info = cls instanceof PyClass ? INFO.get(cls) : undefined;
  if (info?.flag != null) return info;
  getattr(cls, '_flag_mask_');
  throw typeErr(`${repr(cls)} is not a flag class`);
}

const ownInt = (m: Py, n: string): number => Number((m as PyInstance).dict.get(n) ?? 0);

export let STRICT: Py = null;
export let CONFORM: Py = null;
export let EJECT: Py = null;
export let KEEP: Py = null;

/** Flag._missing_: a pseudo-member of the members in value, as the class's boundary allows. */
function flagMissing(cls: PyClass, value: Py): Py {
  if (!isinstance(value, INT)) throw valueErr(`${repr(value)} is not a valid ${str(getattr(cls, '__qualname__'))}`);
  const info = flagTables(cls);
  const f = info.flag!;
  let v = toBig(value);
  const bound = f.boundary;
  payBits(v);
  payBits(f.mask);
  if (!(~f.allBits <= v && v <= f.allBits) || (v & (f.allBits ^ f.mask)) !== 0n) {
    if (bound === STRICT) {
      const maxBits = Math.max(bitLength(v), bitLength(f.mask));
      throw valueErr(`${classRepr(cls)} invalid value ${repr(value)}\n    given ${flagBin(v, maxBits)}\n  allowed ${flagBin(f.mask, maxBits)}`);
    } else if (bound === CONFORM) v &= f.mask;
    else if (bound === EJECT) return value;
    else if (bound === KEEP) {
      if (v < 0n) {
        const a = f.allBits + 1n;
        const b = 1n << BigInt(bitLength(v));
        v = (a > b ? a : b) + v;
      }
    } else throw valueErr(`${classRepr(cls)} unknown flag boundary ${repr(bound)}`);
  }
  let neg: bigint | null = null;
  if (v < 0n) {
    neg = v;
    v = f.allBits + 1n + v;
  }
  let unknown = v & ~f.mask;
  const aliases = v & ~f.singles;
  const memberValue = v & f.singles;
  if (unknown !== 0n && bound !== KEEP) throw valueErr(`${cls.name}(${repr(pyInt(v))}) -->  unknown values ${repr(pyInt(unknown))} [${flagBin(unknown)}]`);
  const pseudo = info.memberType === OBJECT ? new PyInstance(cls) : valueNew(cls.valueBase!, cls, [pyInt(v)], null);
  setOwn(pseudo, '_value_', pyInt(v));
  if (memberValue !== 0n || aliases !== 0n) {
    const members = membersOf(info, memberValue);
    let combined = 0n;
    for (const m of members) combined |= toBig(valueOf(m));
    if (aliases !== 0n) {
      const seen = new Set(members);
      v = memberValue | aliases;
      for (const pm of info.map.m.values()) {
        tick();
        const pv = toBig(valueOf(pm));
        if (!seen.has(pm) && pv !== 0n && (pv & v) === pv) {
          members.push(pm);
          combined |= pv;
        }
      }
    }
    unknown = v ^ combined;
    let name: Py = members.map((m) => str(nameOf(m))).join('|');
    if (combined === 0n) name = null;
    else if (unknown !== 0n && bound === STRICT) throw valueErr(`${classRepr(cls)}: no members with value ${repr(pyInt(unknown))}`);
    else if (unknown !== 0n) name += `|${str(callValue(getattr(cls, '_numeric_repr_'), [pyInt(unknown)], null))}`;
    setOwn(pseudo, '_name_', name);
  } else setOwn(pseudo, '_name_', null);
  const key = pyInt(v);
  const kept = pseudoMembers(cls, info);
  let made = kept.get(key);
  if (made === undefined) {
    kept.set(key, pseudo);
    made = pseudo;
  }
  if (neg !== null) kept.set(pyInt(neg), made);
  return made;
}

let OBJECT: PyType;

const clsOf = (self: Py): PyClass => callValue(TYPE, [self], null) as PyClass;

/** Flag.__or__, __and__, __xor__ (and their reflections): a member's value, or an int where the class mixes int in. */
function binary(name: string, sym: '|' | '&' | '^', op: (a: bigint, b: bigint) => bigint) {
  return pyDef(`Flag.${name}`, ['self', 'other'], {}, (self, other) => {
    const cls = clsOf(self);
    // called unbound on what is no member (Flag.__or__(1, 2)): the first attribute Lib/enum.py reads of it
    if (!isinstance(self, ENUM)) throw isinstance(other, cls) ? attrErr(other, '_value_') : attrErr(self, '_member_type_');
    const info = infoOf(cls);
    let ov: Py;
    if (isinstance(other, cls)) ov = valueOf(other);
    else if (info.memberType !== OBJECT && isinstance(other, info.memberType)) ov = other;
    else return NOT_IMPLEMENTED_VALUE;
    const sv = valueOf(self);
    // values that are no ints (a str Enum's, called unbound): Python's operator on them, and its TypeError
    if (!ops.isIntLike(sv) || !ops.isIntLike(ov)) return callValue(cls, [ops.bitop(sym, sv, ov)], null);
    const o = toBig(ov);
    const mine = toBig(sv);
    payBits(mine);
    payBits(o);
    return callValue(cls, [pyInt(op(mine, o))], null);
  });
}

function setUp(): void {
  OBJECT = BUILTINS.get('object') as PyType;
  const a = FLAG.attrs;
  a.set('__slots__', new PyTuple([]));
  a.set('_numeric_repr_', BUILTINS.get('repr')!);
  a.set('_generate_next_value_', new PyStaticMethod(pyDef('Flag._generate_next_value_', ['name', 'start', 'count', 'last_values'], {}, (_n, start, count, last) => {
    if (!ops.truthy(count)) return start !== null ? start : 1;
    const lastValue = callValue(BUILTINS.get('max')!, [last], null);
    let high: number;
    try {
      high = Number(ops.intOf(callValue(getattr(lastValue, 'bit_length'), [], null))) - 1;
    } catch {
      throw typeErr(`invalid flag value ${repr(lastValue)}`);
    }
    return pyInt(2n ** BigInt(high + 1));
  })));
  a.set('_missing_', new PyClassMethod(pyDef('Flag._missing_', ['cls', 'value'], {}, (cls, value) => flagMissing(cls as PyClass, value))));
  a.set('__contains__', pyDef('Flag.__contains__', ['self', 'other'], {}, (self, other) => {
    const cls = clsOf(self);
    if (!isinstance(other, cls)) throw typeErr(`unsupported operand type(s) for 'in': '${qualnameOf(other)}' and '${qualnameOf(self)}'`);
    // other._value_ & self._value_ == other._value_: paid for by their sizes, or Python's operators on what is no int
    const ov = valueOf(other);
    const sv = valueOf(self);
    if (!ops.isIntLike(ov) || !ops.isIntLike(sv)) return ops.truthy(ops.eqValue(ops.bitop('&', ov, sv), ov));
    const o = toBig(ov);
    const v = toBig(sv);
    payBits(o);
    payBits(v);
    return (o & v) === o;
  }));
  a.set('__iter__', pyDef('Flag.__iter__', ['self'], {}, (self) => {
    // `self._iter_member_` of what is no flag (Flag.__iter__(Color.RED)): its AttributeError (CPython's as the generator starts)
    if (!isinstance(self, FLAG)) throw attrErr(self, '_iter_member_');
    // a generator, as Flag.__iter__ is (yield from self._iter_member_(self._value_))
    const members = membersOf(infoOf(clsOf(self)), toBig(valueOf(self)));
    return new PyGenerator((function* () {
      // for...of, not yield*: g.throw() or g.close() would reach the array's iterator, which has no throw (a JS TypeError)
      for (const m of members) yield m;
      return null;
    })(), 'Flag.__iter__');
  }));
  a.set('__len__', pyDef('Flag.__len__', ['self'], {}, (self) => {
    // self._value_.bit_count(), paid for as int's (what is no int: its AttributeError)
    const v = valueOf(self);
    return ops.isIntLike(v) ? bit_count(norm(toBig(v))) : callValue(getattr(v, 'bit_count'), [], null);
  }));
  a.set('__str__', pyDef('Flag.__str__', ['self'], {}, (self) => {
    const name = nameOf(self);
    return name === null ? `${classNameOf(self)}(${repr(valueOf(self))})` : `${classNameOf(self)}.${str(name)}`;
  }));
  // Flag's own __repr__ (Enum's words), which IntFlag's members find before Enum's
  a.set('__repr__', pyDef('Flag.__repr__', ['self'], {}, (self) => memberRepr(self, true)));
  // _iter_member_ (by value) and _iter_member_by_def_: generators of the members of a value's bits
  // generators, whose body (`value & cls._flag_mask_`, then the bits) runs at the first next(), as CPython's
  const iterMembers = (byDef: boolean, qualname: string) => (cls: Py, value: Py): PyGenerator => new PyGenerator((function* () {
    // by definition: sorted(cls._iter_member_by_value_(value), ...), which reads that first
    if (byDef) getattr(cls, '_iter_member_by_value_');
    const info = flagTables(cls);
    let v = value;
    if (!ops.isIntLike(v)) {
      // `value & cls._flag_mask_` by Python's operator (its TypeError), then _iter_bits_lsb on what it gave: `num < 0`, `while num:`, `~num`
      v = ops.bitop('&', v, norm(info.flag!.mask));
      if (!ops.isIntLike(v)) {
        if (ops.truthy(ops.lt(v, 0))) throw valueErr(`${repr(v)} is not a positive integer`);
        if (!ops.truthy(v)) return null;
        throw typeErr(`bad operand type for unary ~: '${typeName(v)}'`);
      }
    }
    for (const m of membersOf(info, toBig(v), byDef)) yield m;
    return null;
  })(), qualname);
  const iterByValue = new PyClassMethod(pyDef('Flag._iter_member_by_value_', ['cls', 'value'], {}, iterMembers(false, 'Flag._iter_member_by_value_')));
  a.set('_iter_member_by_value_', iterByValue);
  a.set('_iter_member_', iterByValue);
  a.set('_iter_member_by_def_', new PyClassMethod(pyDef('Flag._iter_member_by_def_', ['cls', 'value'], {}, iterMembers(true, 'Flag._iter_member_by_def_'))));
  a.set('__bool__', pyDef('Flag.__bool__', ['self'], {}, (self) => ops.truthy(valueOf(self))));
  const or = binary('__or__', '|', (x, y) => x | y);
  const and = binary('__and__', '&', (x, y) => x & y);
  const xor = binary('__xor__', '^', (x, y) => x ^ y);
  a.set('__or__', or);
  a.set('__and__', and);
  a.set('__xor__', xor);
  a.set('__ror__', or);
  a.set('__rand__', and);
  a.set('__rxor__', xor);
  a.set('__invert__', pyDef('Flag.__invert__', ['self'], {}, (self) => {
    // `self._inverted_` of what is no member (Flag.__invert__(5)): its AttributeError, where the member's dict was read
    if (!isinstance(self, FLAG)) throw attrErr(self, '_inverted_');
    // re.RegexFlag's members, which keep no dict: their type's ~, the same value
    if (self instanceof PyIntFlag) return ops.invert(self);
    const d = (self as { dict?: Map<string, Py> }).dict!;
    const cached = d.get('_inverted_');
    if (cached !== undefined && cached !== null) return cached;
    const cls = clsOf(self);
    const info = infoOf(cls);
    const v = toBig(valueOf(self));
    const inv = callValue(cls, [pyInt(info.flag!.boundary === EJECT || info.flag!.boundary === KEEP ? ~v : info.flag!.singles & ~v)], null);
    d.set('_inverted_', inv);
    return inv;
  }));
}

export const INT_FLAG = moduleClass('IntFlag', [INT, REPR_ENUM, FLAG], INT, ENUM_TYPE);
INT_FLAG.module = 'enum';
INT_FLAG.attrs.set('__str__', dataStr);
INT_FLAG.attrs.set('__format__', dataFormat);

let FLAG_BOUNDARY: PyClass;

/** Once the builtin types are registered: FlagBoundary made as a StrEnum, then Flag's and IntFlag's tables with their boundaries. */
export function registerFlags(module: Map<string, Py>): void {
  setUp();
  const ns = new EnumDict('FlagBoundary', STR_ENUM);
  for (const n of ['STRICT', 'CONFORM', 'EJECT', 'KEEP']) ns.set(n, n.toLowerCase());
  ns.set('__module__', 'enum');
  FLAG_BOUNDARY = makeEnum(ENUM_TYPE, 'FlagBoundary', 'FlagBoundary', new PyTuple([STR_ENUM]), ns, null, null) as PyClass;
  FLAG_BOUNDARY.module = 'enum';
  // its tables are the class's own in CPython; here the class is every condition's, so they are not shown
  for (const n of ['_member_names_', '_member_map_', '_value2member_map_', '_unhashable_values_']) FLAG_BOUNDARY.attrs.delete(n);
  fileSharedObject(FLAG_BOUNDARY, 'enum.FlagBoundary');
  [STRICT, CONFORM, EJECT, KEEP] = ['STRICT', 'CONFORM', 'EJECT', 'KEEP'].map((n) => FLAG_BOUNDARY.attrs.get(n)!);
  setBoundaries(EJECT);
  FLAG.attrs.set('_boundary_', STRICT);
  INT_FLAG.attrs.set('_boundary_', KEEP);
  for (const t of [FLAG, INT_FLAG]) {
    for (const n of ['_flag_mask_', '_singles_mask_', '_all_bits_']) t.attrs.set(n, 0);
    t.attrs.set('_inverted_', null);
  }
  INFO.set(FLAG, { ...emptyInfo(OBJECT, { boundary: STRICT, mask: 0n, singles: 0n, allBits: 0n }) });
  INFO.set(INT_FLAG, { ...emptyInfo(INT, { boundary: KEEP, mask: 0n, singles: 0n, allBits: 0n }) });
  // shared by every condition: their attributes fixed, as dataclasses.MISSING's
  for (const n of ['STRICT', 'CONFORM', 'EJECT', 'KEEP']) freeze(FLAG_BOUNDARY.attrs.get(n) as unknown as PyInstance, `enum.${n}`);
  module.set('FlagBoundary', FLAG_BOUNDARY);
  module.set('STRICT', STRICT);
  module.set('CONFORM', CONFORM);
  module.set('EJECT', EJECT);
  module.set('KEEP', KEEP);
}

export const FLAG_NAMES: [string, Py][] = [
  ['Flag', FLAG],
  ['IntFlag', INT_FLAG],
  ['show_flag_values', pyDef('show_flag_values', ['value'], {}, (value) => {
    // _iter_bits_lsb: a member's value; `num < 0`, then `~num`, CPython's errors for what is no int
    const num = isinstance(value, ENUM) ? valueOf(value) : value;
    if (ops.lt(num, 0)) throw valueErr(`${repr(value)} is not a positive integer`);
    if (!ops.isIntLike(num)) ops.invert(num);
    let v = toBig(num);
    const out: Py[] = [];
    while (v !== 0n) {
      tick();
      const b = v & -v;
      out.push(pyInt(b));
      v ^= b;
    }
    return out;
  })],
  ['bin', pyDef('bin', ['num', 'max_bits'], { max_bits: null }, (num, maxBits) => {
    // `2 ** (num).bit_length()`: CPython's AttributeError for a float or a str
    callValue(getattr(num, 'bit_length'), [], null);
    const s = flagBin(toBig(num));
    if (maxBits === null) return s;
    const digits = s.slice(4);
    // `len(digits) < max_bits`, then `sign[-1] * max_bits`: their TypeErrors, and the size limits of the str made
    if (!ops.lt(digits.length, maxBits)) return s;
    const fill = ops.mul(s[2], maxBits) as string;
    return `${s.slice(0, 3)} ${(fill + digits).slice(-fill.length)}`;
  })],
];
void isInt;
