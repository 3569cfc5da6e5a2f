/**
 * hashlib.blake2b and blake2s: CPython's _blake2 types, with their key, salt, person and
 * tree parameters, the last node's flag included. blake2-core.ts computes (node:crypto's
 * blake2 has neither a key nor a chosen digest size, and no library sets the last node's
 * flag): pure computation over the bytes given. Every byte hashed is paid for as bulk
 * work, as for the other algorithms.
 */
import { bind } from '../args.js';
import { bufferOf } from '../bytes-like.js';
import { checkedMethods } from '../arity.js';
import { allocItems, charge, work } from '../budget.js';
import { OverflowError, pyErr, typeErr, valueErr } from '../exceptions.js';
import { truthy } from '../iteration.js';
import { TYPE } from '../types/callable.js';
import type { Method, PyTypeSlots } from '../types/protocol.js';
import { registerType } from '../types/table.js';
import { PyBytes, PyIntBox, PyStrBox, PyType, typeName, type Py } from '../values.js';
import { Blake2b, Blake2s, type Blake2, type Blake2Params } from './blake2-core.js';

/** Steps for each state made (a new hash, a copy, the copy a digest finalises), as hashlib.ts's. */
const STATE_STEPS = 4;

/** What tells blake2b from blake2s: sizes in bytes, and how node_offset is bounded. */
interface Variant {
  readonly name: 'blake2b' | 'blake2s';
  readonly digestSize: number;
  readonly blockSize: number;
  readonly saltSize: number;
  readonly personSize: number;
  readonly make: (p: Blake2Params) => Blake2;
  /** CPython's bound on node_offset (blake2s keeps 48 bits of it), null for all 64. */
  readonly maxNodeOffset: bigint | null;
}

const BLAKE2B: Variant = { name: 'blake2b', digestSize: 64, blockSize: 128, saltSize: 16, personSize: 16, make: Blake2b.create, maxNodeOffset: null };
const BLAKE2S: Variant = { name: 'blake2s', digestSize: 32, blockSize: 64, saltSize: 8, personSize: 8, make: Blake2s.create, maxNodeOffset: 0xffffffffffffn };

/** A _blake2.blake2b or blake2s object: its variant and running state. */
export class PyBlake2 {
  constructor(readonly variant: Variant, readonly state: Blake2) {}
}

/** One class per type, for each its own slots. */
class PyBlake2b extends PyBlake2 {}
class PyBlake2s extends PyBlake2 {}

const wrap = (v: Variant, state: Blake2): PyBlake2 => new (v === BLAKE2B ? PyBlake2b : PyBlake2s)(v, state);

/** The data a hash takes: a bytes-like object, in CPython's words. */
function data(v: Py): Uint8Array {
  const octets = bufferOf(v);
  if (octets !== null) return octets;
  if (typeof v === 'string' || v instanceof PyStrBox) throw typeErr('Strings must be encoded before hashing');
  throw typeErr('object supporting the buffer API required');
}

/** A Py_buffer argument (key, salt, person). */
function buffer(v: Py): Uint8Array {
  const octets = bufferOf(v);
  if (octets !== null) return octets;
  throw typeErr(`a bytes-like object is required, not '${typeName(v)}'`);
}

/** Argument Clinic's 'int': a C int. */
function cInt(v: Py): number {
  // an int subclass's instance (re's flags too) is taken as its int, as PyLong_Check has it
  if (v instanceof PyIntBox) v = v.value;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && v <= 0x7fffffff && v >= -0x80000000) return v;
  if (typeof v === 'number' || typeof v === 'bigint') throw pyErr(OverflowError, 'Python int too large to convert to C int');
  throw typeErr(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** _blake2's unsigned long and unsigned long long converters: a non-negative int within 64 bits. */
function unsigned(v: Py, tooBig: string): bigint {
  // an int subclass's instance (re's flags too) is taken as its int, as PyLong_Check has it
  if (v instanceof PyIntBox) v = v.value;
  if (typeof v !== 'number' && typeof v !== 'bigint' && typeof v !== 'boolean') throw typeErr(`'${typeName(v)}' object cannot be interpreted as an integer`);
  const n = BigInt(v);
  if (n < 0n) throw valueErr('value must be positive');
  if (n >= 1n << 64n) throw pyErr(OverflowError, tooBig);
  return n;
}

const KEYWORDS = ['digest_size', 'key', 'salt', 'person', 'fanout', 'depth', 'leaf_size', 'node_offset', 'node_depth', 'inner_size', 'last_node', 'usedforsecurity'];

/** blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'', person=b'', fanout=1, ...): checked in CPython's order, parsing first. */
function construct(v: Variant, a: Py[], k: Map<string, Py> | null): PyBlake2 {
  if (a.length > 1) throw typeErr(`${v.name}() takes at most 1 positional argument (${a.length} given)`);
  const [ds, key, salt, person, fanout, depth, leaf, offset, nodeDepth, inner, lastNode] = bind(v.name, [], k, KEYWORDS);
  // parsing: each argument converted in order
  const digestSize = ds === undefined ? v.digestSize : cInt(ds);
  const keyBytes = key === undefined ? new Uint8Array(0) : buffer(key);
  const saltBytes = salt === undefined ? new Uint8Array(0) : buffer(salt);
  const personBytes = person === undefined ? new Uint8Array(0) : buffer(person);
  const fan = fanout === undefined ? 1 : cInt(fanout);
  const dep = depth === undefined ? 1 : cInt(depth);
  const leafSize = leaf === undefined ? 0n : unsigned(leaf, 'Python int too large to convert to C unsigned long');
  const nodeOffset = offset === undefined ? 0n : unsigned(offset, 'int too big to convert');
  const nDepth = nodeDepth === undefined ? 0 : cInt(nodeDepth);
  const innerSize = inner === undefined ? 0 : cInt(inner);
  const last = lastNode !== undefined && truthy(lastNode);
  // then the checks of py_blake2b_new_impl
  if (digestSize < 1 || digestSize > v.digestSize) throw valueErr(`digest_size must be between 1 and ${v.digestSize} bytes`);
  if (saltBytes.length > v.saltSize) throw valueErr(`maximum salt length is ${v.saltSize} bytes`);
  if (personBytes.length > v.personSize) throw valueErr(`maximum person length is ${v.personSize} bytes`);
  if (fan < 0 || fan > 255) throw valueErr('fanout must be between 0 and 255');
  if (dep < 1 || dep > 255) throw valueErr('depth must be between 1 and 255');
  if (leafSize > 0xffffffffn) throw pyErr(OverflowError, 'leaf_size is too large');
  if (v.maxNodeOffset !== null && nodeOffset > v.maxNodeOffset) throw pyErr(OverflowError, 'node_offset is too large');
  if (nDepth < 0 || nDepth > 255) throw valueErr('node_depth must be between 0 and 255');
  if (innerSize < 0 || innerSize > v.digestSize) throw valueErr(`inner_size must be between 0 and is ${v.digestSize}`);
  if (keyBytes.length > v.digestSize) throw valueErr(`maximum key length is ${v.digestSize} bytes`);
  const input = a.length === 1 ? data(a[0]) : null;
  charge(STATE_STEPS);
  const state = v.make({
    digestSize,
    key: keyBytes,
    // zero-padded to their full size, as CPython does
    salt: padded(saltBytes, v.saltSize),
    person: padded(personBytes, v.personSize),
    fanout: fan,
    depth: dep,
    leafSize: Number(leafSize),
    nodeOffset,
    nodeDepth: nDepth,
    innerSize,
    lastNode: last,
  });
  const h = wrap(v, state);
  if (input !== null) feed(h, input);
  return h;
}

function padded(b: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(b);
  return out;
}

function feed(h: PyBlake2, input: Uint8Array): void {
  work(input.length);
  h.state.update(input);
}

function digest(h: PyBlake2): Uint8Array {
  charge(STATE_STEPS);
  return h.state.digest();
}

const hex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

/** blake2b(...) and blake2s(...), with the type each makes and its class constants. */
class Blake2Type extends PyType {
  constructor(readonly variant: Variant) {
    super(`_blake2.${variant.name}`, (a, k) => construct(variant, a, k));
  }
}

/** The type's constants (SALT_SIZE, ...), read through the type or an instance, as CPython's module constants set on the types. */
function constant(v: Variant, name: string): number | undefined {
  if (name === 'SALT_SIZE') return v.saltSize;
  if (name === 'PERSON_SIZE') return v.personSize;
  return name === 'MAX_KEY_SIZE' || name === 'MAX_DIGEST_SIZE' ? v.digestSize : undefined;
}

registerType(Blake2Type, { ...TYPE, getattr: (t, name) => constant((t as Blake2Type).variant, name) });

export const BLAKE2B_TYPE = new Blake2Type(BLAKE2B);
export const BLAKE2S_TYPE = new Blake2Type(BLAKE2S);

/** hashlib.new('blake2b', data, **kwargs): CPython hands the keywords to the builtin constructor. */
export function newBlake2(name: 'blake2b' | 'blake2s', input: Py, k: Map<string, Py> | null): PyBlake2 {
  return construct(name === 'blake2b' ? BLAKE2B : BLAKE2S, [input], k);
}

/** Each type's methods: CPython's words name the type ('blake2b.copy() takes no arguments'). */
function methods(name: string): ReadonlyMap<string, Method> {
  return checkedMethods(
    name,
    new Map<string, Method>([
      ['update', (h: PyBlake2, [input]) => (feed(h, data(input)), null)],
      ['digest', (h: PyBlake2) => {
        const d = digest(h);
        allocItems(d.length);
        return new PyBytes(d);
      }],
      ['hexdigest', (h: PyBlake2) => hex(digest(h))],
      ['copy', (h: PyBlake2) => (charge(STATE_STEPS), wrap(h.variant, h.state.copy()))],
    ]),
    { update: 'one', digest: 'none', hexdigest: 'none', copy: 'none' },
  );
}

function slots(v: Variant, type: PyType): PyTypeSlots<PyBlake2> {
  return {
    name: () => `_blake2.${v.name}`,
    type,
    truthy: () => true,
    len: null,
    iter: null,
    // CPython adds ' at 0x7f...', an address that differs in every process: left out, as for functions
    repr: () => `<_blake2.${v.name} object>`,
    getattr: (h, attr) => (attr === 'name' ? v.name : attr === 'digest_size' ? h.state.digestSize : attr === 'block_size' ? v.blockSize : constant(v, attr)),
    methods: methods(v.name),
  };
}

registerType(PyBlake2b, slots(BLAKE2B, BLAKE2B_TYPE));
registerType(PyBlake2s, slots(BLAKE2S, BLAKE2S_TYPE));
