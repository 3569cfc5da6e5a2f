/**
 * The uuid module, as CPython 3.11's Lib/uuid.py writes it: UUID is a class written in Python
 * (`__slots__ = ('int', 'is_safe', '__weakref__')`), so a condition may subclass it, call its
 * methods unbound and read its properties from the class; each method here does what its
 * Python does, through the runtime's operators (`hex.replace(...)`, `int_(hex, 16)`, `0 <=
 * time_low < 1<<32`, ...), so that an argument of another type fails, or not, in CPython's
 * words, and every string it reads is paid for as those operators pay. uuid3 and uuid5 hash
 * with hashlib's md5 and sha1. SafeUUID is an enum of three members.
 *
 * Refused (UnsupportedError): uuid4, which reads os.urandom (random values, as the `random`
 * module, are not available to conditions); getnode, which reads the host's MAC address; and
 * uuid1 where it would reach either (no `node`: getnode; no `clock_seq`: random.getrandbits).
 * uuid1 with both given reads the clock as time.time_ns() does, which conditions may read.
 */
import { getattr } from '../attributes.js';
import { introspect } from '../introspection.js';
import { runNumber } from '../budget.js';
import { BUILTINS } from '../builtins.js';
import { callValue } from '../call.js';
import { NOT_IMPLEMENTED_VALUE } from '../class-operators.js';
import { finishClass, makeClass, OBJECT_CLASS, objectSetattr, PyInstance } from '../classes.js';
import { PyProperty } from '../descriptors.js';
import { AssertionError_, AttributeError, fatalErr, keyErr, pyErr, typeErr, UnsupportedError, valueErr } from '../exceptions.js';
import { pyHashBig } from '../hash.js';
import { norm } from '../int/int.js';
import * as ops from '../ops.js';
import { PerRun } from '../per-run.js';
import { repr } from '../repr.js';
import { fileSharedObject, sharedObjectRefusal } from '../shared-objects.js';
import { bindArgs } from '../signature.js';
import type { PyTypeSlots } from '../types/protocol.js';
import { registerType } from '../types/table.js';
import { PyFunc, PyModule, PyStrBox, PyTuple, type Py } from '../values.js';
import { ENUM, ENUM_CALL, ENUM_CALL_DEFAULTS, ENUM_TYPE, PyEnumType } from './foreign-bases.js';
import { HASHLIB } from './hashlib.js';
import { unpack } from './calendar/py.js';
import { timeNs } from '../datetime/time-module.js';
import { pyDef } from './python-def.js';

const builtin = (name: string): Py => BUILTINS.get(name)!;
const INT = builtin('int');
const BYTES = builtin('bytes');
const STR = builtin('str');
const HASH = builtin('hash');
const ISINSTANCE = builtin('isinstance');
const call = (f: Py, ...args: Py[]): Py => callValue(f, args, null);
const method = (obj: Py, name: string, ...args: Py[]): Py => callValue(getattr(obj, name), args, null);

// ---------------------------------------------------------------- SafeUUID

/** A member of SafeUUID: `<SafeUUID.safe: 0>`. */
export class PySafeUUID {
  constructor(readonly name: string, readonly value: Py) {}
}

const SAFE = new PySafeUUID('safe', 0);
const UNSAFE = new PySafeUUID('unsafe', -1);
const UNKNOWN = new PySafeUUID('unknown', null);
const MEMBERS = [SAFE, UNSAFE, UNKNOWN];

/** SafeUUID's class, `<enum 'SafeUUID'>`: its members by name, by value when called, and in order when iterated. */
class PySafeUUIDType extends PyEnumType {}


/** SafeUUID(value): the member of that value (by ==, as the enum's value map finds it), else CPython's ValueError. */
export const SAFE_UUID_TYPE: PySafeUUIDType = new PySafeUUIDType('uuid.SafeUUID', ENUM, [ENUM], false, (a, k) => {
  const [, value, names] = bindArgs(ENUM_CALL, [SAFE_UUID_TYPE, ...a], k, ENUM_CALL_DEFAULTS);
  // with names, EnumType.__call__ makes a new enum of SafeUUID's, which has members
  if (names !== null) throw typeErr(`<enum ${repr(value)}> cannot extend <enum 'SafeUUID'>`);
  if (value instanceof PySafeUUID) return value;
  for (const m of MEMBERS) if (m.value === value || (value !== null && m.value !== null && ops.truthy(ops.eqValue(m.value, value)))) return m;
  throw valueErr(`${repr(value)} is not a valid SafeUUID`);
});

registerType(PySafeUUIDType, {
  name: () => 'EnumType',
  type: ENUM_TYPE,
  truthy: () => true,
  len: () => MEMBERS.length,
  iter: () => MEMBERS,
  repr: () => "<enum 'SafeUUID'>",
  getattr: (_t, name) => {
    const member = MEMBERS.find((m) => m.name === name);
    // EnumType.__getattr__ is gone in 3.11: a name no class of its order has is the bare AttributeError of
    // its members' lookup (`SafeUUID.name` too, whose enum property finds no member of that name)
    if (member === undefined && !name.startsWith('_') && name !== 'mro') throw pyErr(AttributeError, name);
    return member;
  },
  // EnumType.__getitem__: cls._member_map_[name]
  getitem: (_t, key) => {
    const member = MEMBERS.find((m) => m.name === key || (key instanceof PyStrBox && m.name === key.value));
    if (member === undefined) throw keyErr(key);
    return member;
  },
} satisfies PyTypeSlots<PySafeUUIDType>);

registerType(PySafeUUID, {
  name: () => 'SafeUUID',
  type: SAFE_UUID_TYPE,
  truthy: () => true,
  len: null,
  iter: null,
  repr: (m) => `<SafeUUID.${m.name}: ${repr(m.value)}>`,
  str: (m) => `SafeUUID.${m.name}`,
  // Enum.__hash__: hash(self._name_)
  hash: (m) => pyHashBig(m.name),
  getattr: (m, name) => (name === 'name' || name === '_name_' ? m.name : name === 'value' || name === '_value_' ? m.value : undefined),
  // a member takes attributes in CPython; here it is shared by every condition, as re's flags are
  setattr: (m, name) => {
    throw sharedObjectRefusal(m, name)!;
  },
} satisfies PyTypeSlots<PySafeUUID>);
for (const m of MEMBERS) fileSharedObject(m, `uuid.SafeUUID.${m.name}`);

// ---------------------------------------------------------------- UUID

export const RESERVED_NCS = 'reserved for NCS compatibility';
export const RFC_4122 = 'specified in RFC 4122';
export const RESERVED_MICROSOFT = 'reserved for Microsoft compatibility';
export const RESERVED_FUTURE = 'reserved for future definition';

export const UUID_CLASS = makeClass('UUID', 'UUID', [OBJECT_CLASS]);
UUID_CLASS.module = 'uuid';
UUID_CLASS.attrs.set('__slots__', new PyTuple(['int', 'is_safe', '__weakref__']));

/** A Python function of UUID (`UUID.__eq__`), put in the class. */
function def(name: string, params: string[], defaults: Readonly<Record<string, Py>>, body: (...args: Py[]) => Py): PyFunc {
  const f = pyDef(`UUID.${name}`, params, defaults, body);
  UUID_CLASS.attrs.set(name, f);
  return f;
}

/** `@property def name(self)`: its getter a function of the class, as `UUID.name.fget`. */
function prop(name: string, get: (self: Py) => Py): void {
  const f = def(name, ['self'], {}, get);
  UUID_CLASS.attrs.set(name, new PyProperty(f, null, null, null));
}

const B128 = 1n << 128n;
/** ~(0xc000 << 48), 0x8000 << 48, ~(0xf000 << 64) */
const CLEAR_VARIANT = ~(0xc000n << 48n);
const RFC_VARIANT = 0x8000n << 48n;
const CLEAR_VERSION = ~(0xf000n << 64n);

const isNone = (v: Py): boolean => v === null || ops.truthy(ops.eqValue(v, null));
/** `lo <= x < hi`, as Python chains it. */
const within = (lo: Py, x: Py, hi: Py): boolean => ops.truthy(ops.leValue(lo, x)) && ops.truthy(ops.ltValue(x, hi));
/** b[start:stop:step] */
const slice = (b: Py, start: Py, stop: Py, step: Py): Py => ops.getslice(b, start, stop, step);

/** object.__setattr__(self, name, v): past UUID.__setattr__, to the slot (or a subclass's descriptor of that name). */
const store = (name: string, self: Py, v: Py): void => objectSetattr(self, name, v);

/** Each field's place, its bound (1 << bits) and its words. */
const FIELD_BITS: readonly [number, number, string][] = [
  [1, 2 ** 32, 'a 32-bit'],
  [2, 2 ** 16, 'a 16-bit'],
  [3, 2 ** 16, 'a 16-bit'],
  [4, 2 ** 8, 'an 8-bit'],
  [5, 2 ** 8, 'an 8-bit'],
  [6, 2 ** 48, 'a 48-bit'],
];

def('__init__', ['self', 'hex', 'bytes', 'bytes_le', 'fields', 'int', 'version', '*', 'is_safe'], { hex: null, bytes: null, bytes_le: null, fields: null, int: null, version: null, is_safe: UNKNOWN }, (self, hexArg, bytesArg, bytesLe, fields, intArg, version, _star, isSafe) => {
  let hex = hexArg;
  let bytes = bytesArg;
  let int = intArg;
  // [hex, bytes, bytes_le, fields, int].count(None) != 4
  let nones = 0;
  for (const v of [hex, bytes, bytesLe, fields, int]) if (isNone(v)) nones++;
  if (nones !== 4) throw typeErr('one of the hex, bytes, bytes_le, fields, or int arguments must be given');
  if (hex !== null) {
    hex = method(method(hex, 'replace', 'urn:', ''), 'replace', 'uuid:', '');
    hex = method(method(hex, 'strip', '{}'), 'replace', '-', '');
    if (ops.len(hex) !== 32) throw valueErr('badly formed hexadecimal UUID string');
    int = call(INT, hex, 16);
  }
  if (bytesLe !== null) {
    if (ops.len(bytesLe) !== 16) throw valueErr('bytes_le is not a 16-char string');
    bytes = ops.add(ops.add(ops.add(slice(bytesLe, 3, null, -1), slice(bytesLe, 5, 3, -1)), slice(bytesLe, 7, 5, -1)), slice(bytesLe, 8, null, null));
  }
  if (bytes !== null) {
    if (ops.len(bytes) !== 16) throw valueErr('bytes is not a 16-char string');
    if (!ops.truthy(call(ISINSTANCE, bytes, BYTES))) throw pyErr(AssertionError_, repr(bytes));
    int = call(getattr(INT, 'from_bytes'), bytes);
  }
  if (fields !== null) {
    if (ops.len(fields) !== 6) throw valueErr('fields is not a 6-tuple');
    // (time_low, ..., node) = fields: read as UNPACK_SEQUENCE reads it, one past six at most
    const parts = unpack(fields, 6);
    for (const [i, bound, bits] of FIELD_BITS) if (!within(0, parts[i - 1], bound)) throw valueErr(`field ${i} out of range (need ${bits} value)`);
    const [timeLow, timeMid, timeHiVersion, clockSeqHiVariant, clockSeqLow, node] = parts;
    const shl = (a: Py, n: number) => ops.bitop('<<', a, n);
    const or = (a: Py, b: Py) => ops.bitop('|', a, b);
    const clockSeq = or(shl(clockSeqHiVariant, 8), clockSeqLow);
    int = or(or(or(or(shl(timeLow, 96), shl(timeMid, 80)), shl(timeHiVersion, 64)), shl(clockSeq, 48)), node);
  }
  if (int !== null) {
    if (!within(0, int, B128)) throw valueErr('int is out of range (need a 128-bit value)');
  }
  if (version !== null) {
    if (!(ops.truthy(ops.leValue(1, version)) && ops.truthy(ops.leValue(version, 5)))) throw valueErr('illegal version number');
    int = ops.bitop('&', int, norm(CLEAR_VARIANT));
    int = ops.bitop('|', int, norm(RFC_VARIANT));
    int = ops.bitop('&', int, norm(CLEAR_VERSION));
    int = ops.bitop('|', int, ops.bitop('<<', version, 76));
  }
  store('int', self, int);
  store('is_safe', self, isSafe);
  return null;
});

/** The slot's own getter, once the class is made: `self.int` of a UUID itself (no subclass's descriptor between). */
let INT_GET: PyFunc | null = null;
/** self.int */
const intOf = (self: Py): Py => (INT_GET !== null && self instanceof PyInstance && self.cls === UUID_CLASS ? INT_GET.fn([self], null) : getattr(self, 'int'));
/** isinstance(v, UUID): a UUID's instance at once, anything else asked as isinstance asks (its __class__ too). */
const isUUID = (v: Py): boolean => (v instanceof PyInstance && v.cls.isSubclassOf(UUID_CLASS)) || ops.truthy(call(ISINSTANCE, v, UUID_CLASS));
/** A true int of the range UUID() makes (not a bool, nor anything a subclass or object.__setattr__ stored): the same answers by JS's own arithmetic. */
const plainInt = (v: Py): v is number | bigint => (typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'bigint' && v >= 0n && v < B128);

def('__getstate__', ['self'], {}, (self) => {
  const state = call(builtin('dict'));
  ops.setitem(state, 'int', intOf(self));
  const safe = getattr(self, 'is_safe');
  if (ops.truthy(ops.neValue(safe, UNKNOWN))) ops.setitem(state, 'is_safe', getattr(safe, 'value'));
  return state;
});

def('__setstate__', ['self', 'state'], {}, (self, state) => {
  store('int', self, ops.getitem(state, 'int'));
  store('is_safe', self, ops.contains(state, 'is_safe') ? call(SAFE_UUID_TYPE, ops.getitem(state, 'is_safe')) : UNKNOWN);
  return null;
});

for (const [name, op] of [['__eq__', '=='], ['__lt__', '<'], ['__gt__', '>'], ['__le__', '<='], ['__ge__', '>=']] as const) {
  def(name, ['self', 'other'], {}, (self, other) => {
    if (!isUUID(other)) return NOT_IMPLEMENTED_VALUE;
    const a = intOf(self);
    const b = intOf(other);
    return op === '==' ? ops.eqValue(a, b) : op === '<' ? ops.ltValue(a, b) : op === '>' ? ops.gtValue(a, b) : op === '<=' ? ops.leValue(a, b) : ops.geValue(a, b);
  });
}

def('__hash__', ['self'], {}, (self) => call(HASH, intOf(self)));
def('__int__', ['self'], {}, (self) => intOf(self));
def('__repr__', ['self'], {}, (self) => ops.mod('%s(%r)', new PyTuple([getattr(introspect(self, '__class__'), '__name__'), call(STR, self)])));
def('__setattr__', ['self', 'name', 'value'], {}, () => {
  throw typeErr('UUID objects are immutable');
});

/** '%032x' % self.int */
const hexOf = (self: Py): Py => {
  const int = intOf(self);
  return plainInt(int) ? int.toString(16).padStart(32, '0') : ops.mod('%032x', int);
};

def('__str__', ['self'], {}, (self) => {
  const hex = hexOf(self);
  if (typeof hex === 'string' && hex.length === 32) return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return ops.mod('%s-%s-%s-%s-%s', new PyTuple([slice(hex, null, 8, null), slice(hex, 8, 12, null), slice(hex, 12, 16, null), slice(hex, 16, 20, null), slice(hex, 20, null, null)]));
});

const shr = (a: Py, n: number): Py => ops.bitop('>>', a, n);
const and = (a: Py, mask: number): Py => ops.bitop('&', a, mask);

prop('bytes', (self) => method(intOf(self), 'to_bytes', 16));
prop('bytes_le', (self) => {
  const bytes = getattr(self, 'bytes');
  return ops.add(ops.add(ops.add(slice(bytes, 3, null, -1), slice(bytes, 5, 3, -1)), slice(bytes, 7, 5, -1)), slice(bytes, 8, null, null));
});
prop('fields', (self) => new PyTuple(['time_low', 'time_mid', 'time_hi_version', 'clock_seq_hi_variant', 'clock_seq_low', 'node'].map((n) => getattr(self, n))));
prop('time_low', (self) => shr(intOf(self), 96));
prop('time_mid', (self) => and(shr(intOf(self), 80), 0xffff));
prop('time_hi_version', (self) => and(shr(intOf(self), 64), 0xffff));
prop('clock_seq_hi_variant', (self) => and(shr(intOf(self), 56), 0xff));
prop('clock_seq_low', (self) => and(shr(intOf(self), 48), 0xff));
prop('time', (self) => ops.bitop('|', ops.bitop('|', ops.bitop('<<', and(getattr(self, 'time_hi_version'), 0x0fff), 48), ops.bitop('<<', getattr(self, 'time_mid'), 32)), getattr(self, 'time_low')));
prop('clock_seq', (self) => ops.bitop('|', ops.bitop('<<', and(getattr(self, 'clock_seq_hi_variant'), 0x3f), 8), getattr(self, 'clock_seq_low')));
prop('node', (self) => and(intOf(self), 0xffffffffffff));
prop('hex', hexOf);
prop('urn', (self) => ops.add('urn:uuid:', call(STR, self)));
prop('variant', (self) => {
  const int = intOf(self);
  if (!ops.truthy(ops.bitop('&', int, norm(0x8000n << 48n)))) return RESERVED_NCS;
  if (!ops.truthy(ops.bitop('&', int, norm(0x4000n << 48n)))) return RFC_4122;
  if (!ops.truthy(ops.bitop('&', int, norm(0x2000n << 48n)))) return RESERVED_MICROSOFT;
  return RESERVED_FUTURE;
});
prop('version', (self) => (ops.truthy(ops.eqValue(getattr(self, 'variant'), RFC_4122)) ? call(INT, and(shr(intOf(self), 76), 0xf)) : null));

finishClass(UUID_CLASS);
INT_GET = (UUID_CLASS.attrs.get('int') as PyProperty).fget as PyFunc;
// the slot CPython's type_new adds for '__weakref__' (dir(UUID) lists it): no weak reference is ever made here, so it reads None
UUID_CLASS.attrs.set('__weakref__', new PyProperty(new PyFunc('__weakref__', () => null), null, null, null));

// ---------------------------------------------------------------- the functions

const UUID_CALL = (kw: [string, Py][]): Py => callValue(UUID_CLASS, [], new Map(kw));

const MD5 = HASHLIB.attrs.get('md5')!;
const SHA1 = HASHLIB.attrs.get('sha1')!;

/** A module function written in Python, by its name. */
const pyFunction = (name: string, params: string[], defaults: Readonly<Record<string, Py>>, body: (...args: Py[]) => Py): [string, PyFunc] => [name, pyDef(name, params, defaults, body)];

/** uuid3 and uuid5: the digest of namespace.bytes + bytes(name, "utf-8"), its first 16 bytes made a UUID of that version. */
function nameBased(hash: Py, version: number, usedForSecurity: boolean) {
  return (namespace: Py, name: Py): Py => {
    const data = ops.add(getattr(namespace, 'bytes'), call(BYTES, name, 'utf-8'));
    const h = usedForSecurity ? call(hash, data) : callValue(hash, [data], new Map([['usedforsecurity', false]]));
    const digest = method(h, 'digest');
    return UUID_CALL([['bytes', slice(digest, null, 16, null)], ['version', version]]);
  };
}

const refused = (what: string, why: string) => fatalErr(UnsupportedError, `uuid.${what} is not available in conditions: ${why}`);

/** _last_timestamp: kept for one run, as each condition's CPython process began with None. */
let lastTimestamp: { run: number; value: Py } | null = null;

function uuid1(node: Py, clockSeq: Py): Py {
  const nanoseconds = norm(timeNs());
  let timestamp = ops.add(ops.floordiv(nanoseconds, 100), norm(0x01b21dd213814000n));
  const last = lastTimestamp !== null && lastTimestamp.run === runNumber() ? lastTimestamp.value : null;
  if (last !== null && ops.truthy(ops.leValue(timestamp, last))) timestamp = ops.add(last, 1);
  lastTimestamp = { run: runNumber(), value: timestamp };
  if (clockSeq === null) throw refused('uuid1() without clock_seq', "CPython draws it with random.getrandbits(14), and random values are not available to conditions (give clock_seq and node)");
  const timeLow = ops.bitop('&', timestamp, 0xffffffff);
  const timeMid = and(shr(timestamp, 32), 0xffff);
  const timeHiVersion = and(shr(timestamp, 48), 0x0fff);
  const clockSeqLow = and(clockSeq, 0xff);
  const clockSeqHiVariant = and(shr(clockSeq, 8), 0x3f);
  if (node === null) throw refused('uuid1() without node', "CPython reads the host's hardware (MAC) address with getnode() (give node and clock_seq)");
  return UUID_CALL([['fields', new PyTuple([timeLow, timeMid, timeHiVersion, clockSeqHiVariant, clockSeqLow, node])], ['version', 1]]);
}

const namespace = (hex: string) => new PerRun(() => call(UUID_CLASS, hex));

export const UUID_MODULE = new PyModule(
  'uuid',
  new Map<string, Py>([
    ['Enum', ENUM],
    ['NAMESPACE_DNS', namespace('6ba7b810-9dad-11d1-80b4-00c04fd430c8') as unknown as Py],
    ['NAMESPACE_OID', namespace('6ba7b812-9dad-11d1-80b4-00c04fd430c8') as unknown as Py],
    ['NAMESPACE_URL', namespace('6ba7b811-9dad-11d1-80b4-00c04fd430c8') as unknown as Py],
    ['NAMESPACE_X500', namespace('6ba7b814-9dad-11d1-80b4-00c04fd430c8') as unknown as Py],
    ['RESERVED_FUTURE', RESERVED_FUTURE],
    ['RESERVED_MICROSOFT', RESERVED_MICROSOFT],
    ['RESERVED_NCS', RESERVED_NCS],
    ['RFC_4122', RFC_4122],
    ['SafeUUID', SAFE_UUID_TYPE],
    ['UUID', UUID_CLASS],
    ['bytes_', BYTES],
    ['int_', INT],
    pyFunction('getnode', [], {}, () => {
      throw refused('getnode()', "it reads the host's hardware (MAC) address");
    }),
    pyFunction('uuid1', ['node', 'clock_seq'], { node: null, clock_seq: null }, uuid1),
    pyFunction('uuid3', ['namespace', 'name'], {}, nameBased(MD5, 3, false)),
    pyFunction('uuid4', [], {}, () => {
      throw refused('uuid4()', 'it reads os.urandom, and random values are not available to conditions (uuid3 and uuid5 make a UUID from a name)');
    }),
    pyFunction('uuid5', ['namespace', 'name'], {}, nameBased(SHA1, 5, true)),
  ]),
);

