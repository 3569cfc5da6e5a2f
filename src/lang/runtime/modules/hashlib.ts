/**
 * hashlib: the OpenSSL-backed constructors CPython's hashlib exposes, each value a
 * _hashlib.HASH. node:crypto does the hashing: pure computation over the bytes given,
 * nothing of the host is read. Every byte hashed is paid for as bulk work.
 */
import { createHash, type Hash } from 'node:crypto';
import { bind } from '../args.js';
import { checkedMethods } from '../arity.js';
import { allocItems, charge, work } from '../budget.js';
import { typeErr, valueErr } from '../exceptions.js';
import { bindArgs, Signature } from '../signature.js';
import type { Method, PyTypeSlots } from '../types/protocol.js';
import { registerType } from '../types/table.js';
import { PyBytes, PyDict, PyFunc, PyModule, PyType, type Py } from '../values.js';

/** Python's name -> node's name, digest_size and block_size, as OpenSSL gives them. */
const ALGORITHMS = new Map<string, readonly [node: string, digestSize: number, blockSize: number]>([
  ['md5', ['md5', 16, 64]],
  ['sha1', ['sha1', 20, 64]],
  ['sha224', ['sha224', 28, 64]],
  ['sha256', ['sha256', 32, 64]],
  ['sha384', ['sha384', 48, 128]],
  ['sha512', ['sha512', 64, 128]],
  ['sha3_224', ['sha3-224', 28, 144]],
  ['sha3_256', ['sha3-256', 32, 136]],
  ['sha3_384', ['sha3-384', 48, 104]],
  ['sha3_512', ['sha3-512', 64, 72]],
]);

/** Guaranteed by CPython but not built here (other types, or a digest length to give): refused in the evaluator's words. */
const LEFT_OUT = new Set(['blake2b', 'blake2s', 'shake_128', 'shake_256']);

/**
 * Steps for each state node:crypto makes (a new hash, a copy, the copy a digest finalises):
 * about 1 µs each alone (bench: a loop of copy().digest()), more with the collector, where a step is some 0.5 µs.
 */
const STATE_STEPS = 4;

/** A hash object: its Python name and node's running state. */
export class PyHash {
  constructor(readonly name: string, readonly state: Hash) {}
}

/** The buffer a hash takes: bytes only (the dialect has no bytearray or memoryview). */
function buffer(v: Py): Uint8Array {
  if (v instanceof PyBytes) return v.data;
  if (typeof v === 'string') throw typeErr('Strings must be encoded before hashing');
  throw typeErr('object supporting the buffer API required');
}

function feed(h: PyHash, data: Uint8Array): void {
  work(data.length);
  h.state.update(data);
}

/** The digest so far: of a copy, so that the object can still be updated, as CPython's is. */
function digest(h: PyHash): Buffer {
  charge(STATE_STEPS);
  return h.state.copy().digest();
}

/**
 * _hashlib.new's name lookup: Python's names, and OpenSSL's own spellings of them in any
 * case ('MD5', 'SHA3-256'), which EVP_get_digestbyname accepts.
 */
function lookup(name: string): string {
  if (ALGORITHMS.has(name)) return name;
  const lower = name.toLowerCase();
  // OpenSSL spells SHA-3 with a hyphen: 'SHA3_256' is neither its name nor Python's
  const viaOpenSSL = lower.startsWith('sha3-') ? 'sha3_' + lower.slice(5) : lower.startsWith('sha3_') ? null : lower;
  if (viaOpenSSL !== null && ALGORITHMS.has(viaOpenSSL)) return viaOpenSSL;
  if (LEFT_OUT.has(name)) throw valueErr(`unsupported hash type ${name} (the evaluator has ${[...ALGORITHMS.keys()].slice(0, -1).join(', ')} and sha3_512)`);
  throw valueErr(`unsupported hash type ${name}`);
}

function make(name: string, data: Py): PyHash {
  const bytes = data === undefined ? null : buffer(data);
  charge(STATE_STEPS);
  const h = new PyHash(name, createHash(ALGORITHMS.get(name)![0]));
  if (bytes !== null) feed(h, bytes);
  return h;
}

/** openssl_md5(string=b'', *, usedforsecurity=True) and its siblings: Argument Clinic's words. */
function constructor(name: string): PyFunc {
  const fname = `openssl_${name}`;
  return new PyFunc(fname, (a, k) => {
    if (a.length > 1) throw typeErr(`${fname}() takes at most 1 positional argument (${a.length} given)`);
    if (a.length === 1 && k?.has('string')) throw typeErr(`argument for ${fname}() given by name ('string') and position (1)`);
    const [data] = bind(fname, a, k, ['string', 'usedforsecurity']);
    return make(name, data);
  });
}

/** hashlib.new is Python: __hash_new(name, data=b'', **kwargs), which hands kwargs to _hashlib.new(name, string=b'', *, usedforsecurity=True). */
const NEW_SIGNATURE = new Signature('__hash_new', [{ name: 'name', star: '' }, { name: 'data', star: '' }, { name: 'kwargs', star: '**' }], 'python');
const NEW_DEFAULTS: readonly Py[] = [undefined, new PyBytes(new Uint8Array(0))];

const hashNew = new PyFunc('__hash_new', (a, k) => {
  const [name, data, kwargs] = bindArgs(NEW_SIGNATURE, a, k, NEW_DEFAULTS);
  for (const key of (kwargs as PyDict).m.keys()) {
    // __hash_new passes data by position, so a 'string' keyword always collides with it
    if (key === 'string') throw typeErr("argument for new() given by name ('string') and position (2)");
    if (key !== 'usedforsecurity') throw typeErr(`'${String(key)}' is an invalid keyword argument for new()`);
  }
  if (typeof name !== 'string') throw typeErr('name must be a string');
  const buf = buffer(data);
  const h = make(lookup(name), undefined);
  feed(h, buf);
  return h;
});

export const HASH_TYPE = new PyType('_hashlib.HASH', () => {
  throw typeErr("cannot create '_hashlib.HASH' instances");
});

const METHODS = checkedMethods(
  'HASH',
  new Map<string, Method>([
    ['update', (h: PyHash, [data]) => (feed(h, buffer(data)), null)],
    ['digest', (h: PyHash) => {
      const d = digest(h);
      allocItems(d.length);
      return new PyBytes(new Uint8Array(d));
    }],
    ['hexdigest', (h: PyHash) => digest(h).toString('hex')],
    ['copy', (h: PyHash) => (charge(STATE_STEPS), new PyHash(h.name, h.state.copy()))],
  ]),
  { update: 'one', digest: 'none', hexdigest: 'none', copy: 'none' },
);

const HASH: PyTypeSlots<PyHash> = {
  name: () => '_hashlib.HASH',
  type: HASH_TYPE,
  truthy: () => true,
  len: null,
  iter: null,
  // CPython adds ' @ 0x7f...', an address that differs in every process: left out, as for functions
  repr: (h) => `<${h.name} _hashlib.HASH object>`,
  getattr: (h, attr) => {
    const algorithm = ALGORITHMS.get(h.name)!;
    return attr === 'name' ? h.name : attr === 'digest_size' ? algorithm[1] : attr === 'block_size' ? algorithm[2] : undefined;
  },
  methods: METHODS,
};

registerType(PyHash, HASH);

export const HASHLIB = new PyModule(
  'hashlib',
  new Map<string, Py>([
    ...[...ALGORITHMS.keys()].map((name): [string, Py] => [name, constructor(name)]),
    ['new', hashNew],
  ]),
);
