/**
 * hashlib: the OpenSSL-backed constructors CPython's hashlib exposes, each value a
 * _hashlib.HASH (a _hashlib.HASHXOF for shake_128 and shake_256, whose digest takes a
 * length), and blake2b and blake2s (blake2.ts). node:crypto does the hashing here, with the
 * OpenSSL CPython's _hashlib wraps: pure computation over the bytes given, nothing of the host
 * is read. Every byte hashed is paid for as bulk work.
 */
import { createHash, type Hash } from 'node:crypto';
import { bind } from '../args.js';
import { bufferOf } from '../bytes-like.js';
import { checkedMethods } from '../arity.js';
import { indexArg } from '../args.js';
import { allocItems, allocStr, charge, work } from '../budget.js';
import { EXCEPTION_TYPES, MemoryError, pyErr, typeErr, valueErr } from '../exceptions.js';
import { BLAKE2B_TYPE, BLAKE2S_TYPE, newBlake2 } from './blake2.js';
import { bindArgs, Signature } from '../signature.js';
import type { Method, PyTypeSlots } from '../types/protocol.js';
import { registerType } from '../types/table.js';
import { PyBytes, PyDict, PyFunc, PyModule, PyStrBox, PyType, type Py } from '../values.js';

/** Python's name -> node's name, digest_size and block_size, as OpenSSL gives them (a XOF's digest_size is 0). */
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
  ['shake_128', ['shake128', 0, 168]],
  ['shake_256', ['shake256', 0, 136]],
]);

/** The extendable-output functions: their digest takes a length. */
const XOF = new Set(['shake_128', 'shake_256']);

/**
 * OpenSSL's own names that _hashlib.new finds (lower-cased) besides Python's: its SHAKEs, and
 * its blake2 of full digest size, which is a _hashlib.HASH named as Python's.
 */
const OPENSSL_NAMES = new Map([['shake128', 'shake_128'], ['shake-128', 'shake_128'], ['shake256', 'shake_256'], ['shake-256', 'shake_256'], ['blake2b512', 'blake2b'], ['blake2s256', 'blake2s']]);
const OPENSSL_BLAKE2 = new Map<string, readonly [node: string, digestSize: number, blockSize: number]>([['blake2b', ['blake2b512', 64, 128]], ['blake2s', ['blake2s256', 32, 64]]]);

const spec = (name: string) => ALGORITHMS.get(name) ?? OPENSSL_BLAKE2.get(name)!;

/**
 * Steps for each state node:crypto makes (a new hash, a copy, the copy a digest finalises):
 * about 1 µs each alone (bench: a loop of copy().digest()), more with the collector, where a step is some 0.5 µs.
 */
const STATE_STEPS = 4;

/** A hash object: its Python name and node's running state. */
export class PyHash {
  constructor(readonly name: string, readonly state: Hash) {}
}

/** A _hashlib.HASHXOF: a hash whose digest is as long as asked. */
export class PyHashXof extends PyHash {}

/** The buffer a hash takes: a bytes-like object. */
function buffer(v: Py): Uint8Array {
  const octets = bufferOf(v);
  if (octets !== null) return octets;
  if (typeof v === 'string' || v instanceof PyStrBox) throw typeErr('Strings must be encoded before hashing');
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
  // OpenSSL spells SHA-3 with a hyphen and SHAKE without a separator: 'SHA3_256' and 'SHAKE_128' are neither its names nor Python's
  const viaOpenSSL = lower.startsWith('sha3-') ? 'sha3_' + lower.slice(5) : lower.startsWith('sha3_') || lower.startsWith('shake_') ? null : (OPENSSL_NAMES.get(lower) ?? lower);
  if (viaOpenSSL !== null && (ALGORITHMS.has(viaOpenSSL) || OPENSSL_NAMES.has(lower))) return viaOpenSSL;
  throw valueErr(`unsupported hash type ${name}`);
}

function make(name: string, data: Py): PyHash {
  const bytes = data === undefined ? null : buffer(data);
  charge(STATE_STEPS);
  const state = createHash(spec(name)[0]);
  const h = XOF.has(name) ? new PyHashXof(name, state) : new PyHash(name, state);
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
  const [given, data, kwargs] = bindArgs(NEW_SIGNATURE, a, k, NEW_DEFAULTS);
  // a str subclass's instance is read as its str, as PyUnicode_Check has it
  const name = given instanceof PyStrBox ? given.value : given;
  const keywords = (kwargs as PyDict).m;
  // CPython prefers its own blake2 for Python's names, and hands it the keywords
  if (name === 'blake2b' || name === 'blake2s') return newBlake2(name, data, keywords.size === 0 ? null : new Map([...keywords].map(([key, v]) => [String(key), v])));
  for (const key of keywords.keys()) {
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
    const algorithm = spec(h.name);
    return attr === 'name' ? h.name : attr === 'digest_size' ? algorithm[1] : attr === 'block_size' ? algorithm[2] : undefined;
  },
  methods: METHODS,
};

registerType(PyHash, HASH);

export const HASHXOF_TYPE = new PyType('_hashlib.HASHXOF', () => {
  throw typeErr("cannot create '_hashlib.HASHXOF' instances");
}, HASH_TYPE);

const SYSTEM_ERROR = EXCEPTION_TYPES.get('SystemError')!;

/**
 * digest(length) and hexdigest(length): the output is as long as asked, so the size limit
 * refuses a huge one before node makes it, and it is paid for by the byte made.
 */
function xofDigest(h: PyHash, args: Py[], k: Map<string, Py> | null, fname: string, hex: boolean): Py {
  const [length] = bind(fname, args, k, ['length'], 1);
  // a Py_ssize_t: past a safe integer still one, and then past any size limit
  const n = typeof length === 'bigint' && length < 1n << 63n && length >= -(1n << 63n) ? Number(length) : indexArg(length);
  // CPython's PyBytes_FromStringAndSize and PyMem_Malloc, given a negative size
  if (n < 0) throw hex ? pyErr(MemoryError) : pyErr(SYSTEM_ERROR, 'Negative size passed to PyBytes_FromStringAndSize');
  if (hex) allocStr(2 * n);
  else allocItems(n);
  charge(STATE_STEPS);
  const d = h.state.copy({ outputLength: n }).digest();
  return hex ? d.toString('hex') : new PyBytes(new Uint8Array(d));
}

const XOF_METHODS = checkedMethods(
  'HASHXOF',
  new Map<string, Method>([
    ['update', METHODS.get('update')!],
    ['digest', (h: PyHash, a, k) => xofDigest(h, a, k, 'digest', false)],
    ['hexdigest', (h: PyHash, a, k) => xofDigest(h, a, k, 'hexdigest', true)],
    ['copy', (h: PyHash) => (charge(STATE_STEPS), new PyHashXof(h.name, h.state.copy()))],
  ]),
  { update: 'own', digest: 'own', hexdigest: 'own', copy: 'none' },
);

registerType(PyHashXof, { ...HASH, name: () => '_hashlib.HASHXOF', type: HASHXOF_TYPE, repr: (h) => `<${h.name} _hashlib.HASHXOF object>`, methods: XOF_METHODS });

export const HASHLIB = new PyModule(
  'hashlib',
  new Map<string, Py>([
    ...[...ALGORITHMS.keys()].map((name): [string, Py] => [name, constructor(name)]),
    ['blake2b', BLAKE2B_TYPE],
    ['blake2s', BLAKE2S_TYPE],
    ['new', hashNew],
  ]),
);
