/**
 * binascii, as CPython 3.11's Modules/binascii.c has it, for what base64 needs and users call:
 * hexlify/b2a_hex (bytes.hex's separators), unhexlify/a2b_hex, b2a_base64, a2b_base64 (its
 * lenient and strict modes, word for word), crc32 (zlib's) and crc_hqx, Error and Incomplete.
 * Every input is walked and every output allocated through the budget, as bytes' methods are.
 */
import { bind, clinic, intArg, one } from '../args.js';
import { allocItems, charge } from '../budget.js';
import { bufferOf } from '../bytes-like.js';
import { hex } from '../bytes-methods.js';
import { Exception, pyErr, typeErr, valueErr, ValueError } from '../exceptions.js';
import { bindArgs, keywordSignature } from '../signature.js';
import { truthy } from '../ops.js';
import { PyBytes, PyException, PyFunc, PyModule, PyStrBox, PyType, typeName, type Py } from '../values.js';

const exceptionClass = (name: string, base: PyType): PyType => {
  const t: PyType = new PyType(name, (args, kw) => {
    // BaseException.__init__'s, as neither has an __init__ of its own
    if (kw !== null && kw.size !== 0) throw typeErr(`${name}() takes no keyword arguments`);
    return new PyException(t, args);
  }, base, true);
  return t;
};

/** binascii.Error (a ValueError) and binascii.Incomplete. */
export const BINASCII_ERROR = exceptionClass('Error', ValueError);
export const INCOMPLETE = exceptionClass('Incomplete', Exception);

export const binasciiErr = (message: string): PyException => pyErr(BINASCII_ERROR, message);

/** A Py_buffer argument (the b2a functions): a bytes-like object. */
export function bufferArg(v: Py): Uint8Array {
  const octets = bufferOf(v);
  if (octets !== null) return octets;
  throw typeErr(`a bytes-like object is required, not '${typeName(v)}'`);
}

/** ascii_buffer_converter (the a2b functions): a bytes-like object, or a str of ASCII characters alone. */
export function asciiArg(v: Py): Uint8Array {
  const s = v instanceof PyStrBox ? v.value : v;
  if (typeof s === 'string') {
    charge(s.length / 32);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) throw valueErr('string argument should contain only ASCII characters');
      out[i] = c;
    }
    return out;
  }
  const octets = bufferOf(v);
  if (octets !== null) return octets;
  throw typeErr(`argument should be bytes, buffer or ASCII string, not '${typeName(v)}'`);
}

/** Fresh bytes of `octets`, their size within the limit and paid for first. */
function bytesOf(n: number, fill: (out: Uint8Array) => void): PyBytes {
  allocItems(n);
  const out = new Uint8Array(n);
  fill(out);
  return new PyBytes(out);
}

/** b2a_base64: standard base64, a newline after it unless asked not to. */
export function b2aBase64(data: Uint8Array, newline: boolean): PyBytes {
  const text = Buffer.from(data.buffer, data.byteOffset, data.length);
  const n = Math.ceil(data.length / 3) * 4 + (newline ? 1 : 0);
  return bytesOf(n, (out) => {
    out.set(Buffer.from(text.toString('base64'), 'latin1'));
    if (newline) out[n - 1] = 10;
  });
}

/** The base64 alphabet's values, 64 (none) for every other octet. */
const A2B = new Uint8Array(256).fill(64);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => (A2B[c.charCodeAt(0)] = i));

/** binascii_a2b_base64_impl: other characters skipped (or refused in strict mode), decoding ends at a padded quad. */
export function a2bBase64(data: Uint8Array, strict: boolean): PyBytes {
  charge(data.length / 32);
  const out = new Uint8Array(Math.floor((data.length + 3) / 4) * 3);
  let at = 0;
  if (strict && data.length > 0 && data[0] === 61) throw binasciiErr('Leading padding not allowed');
  let quad = 0;
  let left = 0;
  let pads = 0;
  let padding = false;
  decode: {
    for (let i = 0; i < data.length; i++) {
      const ch = data[i];
      if (ch === 61) {
        padding = true;
        if (quad >= 2 && quad + ++pads >= 4) {
          if (strict && i + 1 < data.length) throw binasciiErr('Excess data after padding');
          break decode;
        }
        continue;
      }
      const v = A2B[ch];
      if (v >= 64) {
        if (strict) throw binasciiErr('Only base64 data is allowed');
        continue;
      }
      if (strict && padding) throw binasciiErr('Discontinuous padding not allowed');
      pads = 0;
      switch (quad) {
        case 0:
          quad = 1;
          left = v;
          break;
        case 1:
          quad = 2;
          out[at++] = ((left << 2) | (v >> 4)) & 0xff;
          left = v & 0x0f;
          break;
        case 2:
          quad = 3;
          out[at++] = ((left << 4) | (v >> 2)) & 0xff;
          left = v & 0x03;
          break;
        default:
          quad = 0;
          out[at++] = ((left << 6) | v) & 0xff;
          left = 0;
      }
    }
    if (quad === 1) throw binasciiErr(`Invalid base64-encoded string: number of data characters (${Math.floor(at / 3) * 4 + 1}) cannot be 1 more than a multiple of 4`);
    if (quad !== 0) throw binasciiErr('Incorrect padding');
  }
  allocItems(at);
  return new PyBytes(out.slice(0, at));
}

/** hexlify(data, sep=..., bytes_per_sep=1): bytes.hex's digits and separators, as bytes. */
export function hexlify(fname: string, args: Py[], kw: Map<string, Py> | null): PyBytes {
  const [data, sep, per] = bind(fname, args, kw, ['data', 'sep', 'bytes_per_sep'], 1);
  const octets = bufferArg(data);
  const given = new Map<string, Py>();
  if (sep !== undefined) given.set('sep', sep);
  if (per !== undefined) given.set('bytes_per_sep', per);
  // bytes made, not a str: a separator of any latin-1 character or octet (_Py_strhex_impl's return_bytes)
  const text = hex(new PyBytes(octets), [], given.size === 0 ? null : given, 0xff);
  return bytesOf(text.length, (out) => out.set(Buffer.from(text, 'latin1')));
}

const hexValue = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);

/** unhexlify(hexstr): pairs of hex digits, nothing else. */
export function unhexlify(data: Uint8Array): PyBytes {
  charge(data.length / 32);
  if (data.length % 2 !== 0) throw binasciiErr('Odd-length string');
  return bytesOf(data.length / 2, (out) => {
    for (let i = 0; i < out.length; i++) {
      const hi = hexValue(data[2 * i]);
      const lo = hexValue(data[2 * i + 1]);
      if (hi < 0 || lo < 0) throw binasciiErr('Non-hexadecimal digit found');
      out[i] = (hi << 4) | lo;
    }
  });
}

const CRC32_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** zlib's crc32, continuing from `crc`. */
function crc32(data: Uint8Array, crc: number): number {
  charge(data.length / 32);
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC32_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const CRC_HQX_TABLE = new Uint16Array(256).map((_, n) => {
  let c = n << 8;
  for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
  return c;
});

/** binascii's crc_hqx: CRC-CCITT (XMODEM), continuing from `crc`. */
function crcHqx(data: Uint8Array, crc: number): number {
  charge(data.length / 32);
  let c = crc & 0xffff;
  for (let i = 0; i < data.length; i++) c = ((c << 8) & 0xff00) ^ CRC_HQX_TABLE[((c >> 8) ^ data[i]) & 0xff];
  return c;
}

/** Argument Clinic's `unsigned_int(bitwise=True)`, PyLong_AsUnsignedLongMask: any int (or __index__), its low 32 bits. */
function crcArg(v: Py): number {
  const n = intArg(v);
  return typeof n === 'bigint' ? Number(BigInt.asUintN(32, n)) : n >>> 0;
}

const A2B_BASE64 = keywordSignature('a2b_base64', ['data', 'strict_mode'], 1, undefined, { posOnly: 1, kwOnly: 1 });
const B2A_BASE64 = keywordSignature('b2a_base64', ['data', 'newline'], 1, undefined, { posOnly: 1, kwOnly: 1 });

const fn = (name: string, f: (a: Py[], k: Map<string, Py> | null) => Py): [string, PyFunc] => [name, new PyFunc(name, f)];
const dropStar = (v: Py[]): Py[] => [v[0], v[2]];

export const BINASCII = new PyModule(
  'binascii',
  new Map<string, Py>([
    fn('hexlify', (a, k) => hexlify('hexlify', a, k)),
    fn('b2a_hex', (a, k) => hexlify('b2a_hex', a, k)),
    fn('unhexlify', (a, k) => unhexlify(asciiArg(one('unhexlify', a, k, 'binascii')))),
    fn('a2b_hex', (a, k) => unhexlify(asciiArg(one('a2b_hex', a, k, 'binascii')))),
    fn('b2a_base64', (a, k) => {
      const [data, newline] = dropStar(bindArgs(B2A_BASE64, a, k));
      return b2aBase64(bufferArg(data), newline === undefined || truthy(newline));
    }),
    fn('a2b_base64', (a, k) => {
      const [data, strict] = dropStar(bindArgs(A2B_BASE64, a, k));
      return a2bBase64(asciiArg(data), strict !== undefined && truthy(strict));
    }),
    fn('crc32', (a, k) => {
      const [data, crc] = clinic('crc32', a, k, 1, 2, 'binascii');
      return crc32(bufferArg(data), crc === undefined ? 0 : crcArg(crc));
    }),
    fn('crc_hqx', (a, k) => {
      const [data, crc] = clinic('crc_hqx', a, k, 2, 2, 'binascii');
      return crcHqx(bufferArg(data), crcArg(crc));
    }),
    ['Error', BINASCII_ERROR],
    ['Incomplete', INCOMPLETE],
  ]),
);
