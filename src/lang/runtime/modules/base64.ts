/**
 * base64, as CPython 3.11's Lib/base64.py writes it over binascii: Base64 (standard, URL-safe,
 * altchars, validate), Base32 and Base32hex, Base16, Ascii85 and Base85, encodebytes and
 * decodebytes, with its checks in its order and its words. Each input is walked and each
 * output allocated through the budget, so a huge one ends at the size limit or the budget.
 */
import { allocItems, charge } from '../budget.js';
import { bufferOf, octetsOf } from '../bytes-like.js';
import { AssertionError_, pyErr, typeErr, valueErr } from '../exceptions.js';
import { PyMemoryView } from '../memoryview.js';
import * as ops from '../ops.js';
import { repr } from '../repr.js';
import { bindArgs, Signature, type Parameter } from '../signature.js';
import { PyBytes, PyFunc, PyModule, PyStrBox, typeName, type Py } from '../values.js';
import { a2bBase64, asciiArg, b2aBase64, binasciiErr, bufferArg, hexlify, unhexlify } from './binascii.js';

const bytesOf = (octets: Uint8Array): PyBytes => (allocItems(octets.length), new PyBytes(octets));

/** _bytes_from_decode_data: an ASCII str, bytes or bytearray as they are, another bytes-like object copied. */
function decodeData(v: Py): Uint8Array {
  const s = v instanceof PyStrBox ? v.value : v;
  // binascii's words and base64's are the same for a str beyond ASCII
  if (typeof s === 'string') return asciiArg(s);
  // bytes and bytearray (a PyBytes too) as they are
  const octets = v instanceof PyBytes ? v.data : octetsOf(v);
  if (octets !== null) return octets;
  throw typeErr(`argument should be a bytes-like object or ASCII string, not '${typeName(v)}'`);
}

/** `if not isinstance(s, bytes_types): s = memoryview(s).tobytes()`: the encoders' reading of their argument. */
function encodeData(v: Py): Uint8Array {
  const octets = v instanceof PyBytes ? v.data : octetsOf(v);
  if (octets !== null) return octets;
  throw typeErr(`memoryview: a bytes-like object is required, not '${typeName(v)}'`);
}

/** `assert len(x) == n, repr(x)`. */
function assertLength(given: Py, octets: Uint8Array | null, n: number): void {
  if ((octets === null ? ops.len(given) : octets.length) !== n) throw pyErr(AssertionError_, repr(given));
}

/** bytes.translate(bytes.maketrans(from, to)): each octet of `from` becomes the one of `to` at its place. */
function translate(data: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  const table = new Uint8Array(256).map((_, i) => i);
  for (let i = 0; i < from.length; i++) table[from[i]] = to[i];
  charge(data.length / 32);
  return data.map((c) => table[c]);
}

const PLUS_SLASH = new Uint8Array([43, 47]);
const URLSAFE = new Uint8Array([45, 95]);

/** maketrans's operands: bytes-like objects (a str is "a bytes-like object is required"). */
const makeTransArg = (v: Py): Uint8Array => bufferArg(v);

function b64encode(s: Py, altchars: Py): PyBytes {
  const encoded = b2aBase64(bufferArg(s), false);
  if (altchars === null) return encoded;
  assertLength(altchars, bufferOf(altchars), 2);
  const to = makeTransArg(altchars);
  return new PyBytes(translate(encoded.data, PLUS_SLASH, to));
}

function b64decode(s: Py, altchars: Py, validate: Py): PyBytes {
  let data = decodeData(s);
  if (altchars !== null) {
    const alt = decodeData(altchars);
    assertLength(altchars, alt, 2);
    data = translate(data, alt, PLUS_SLASH);
  }
  return a2bBase64(data, ops.truthy(validate));
}

// ---------------------------------------------------------------- Base32

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B32HEX = '0123456789ABCDEFGHIJKLMNOPQRSTUV';

/** An alphabet's values by octet, -1 for the others. */
const valuesOf = (alphabet: string): Int8Array => {
  const values = new Int8Array(256).fill(-1);
  for (let i = 0; i < alphabet.length; i++) values[alphabet.charCodeAt(i)] = i;
  return values;
};
const B32_VALUES = new Map([[B32, valuesOf(B32)], [B32HEX, valuesOf(B32HEX)]]);
const B32_CHARS = new Map([[B32, Uint8Array.from(B32, (c) => c.charCodeAt(0))], [B32HEX, Uint8Array.from(B32HEX, (c) => c.charCodeAt(0))]]);

function b32encode(alphabet: string, s: Py): PyBytes {
  const data = encodeData(s);
  const quanta = Math.ceil(data.length / 5);
  allocItems(quanta * 8);
  const out = new Uint8Array(quanta * 8);
  const chars = B32_CHARS.get(alphabet)!;
  for (let q = 0; q < quanta; q++) {
    const at = q * 5;
    const octet = (i: number) => (at + i < data.length ? data[at + i] : 0);
    // 40 bits, big endian, as two halves of 20 (a JS shift keeps 32)
    const hi = (octet(0) << 12) | (octet(1) << 4) | (octet(2) >> 4);
    const lo = ((octet(2) & 0xf) << 16) | (octet(3) << 8) | octet(4);
    const o = q * 8;
    out[o] = chars[hi >> 15];
    out[o + 1] = chars[(hi >> 10) & 31];
    out[o + 2] = chars[(hi >> 5) & 31];
    out[o + 3] = chars[hi & 31];
    out[o + 4] = chars[lo >> 15];
    out[o + 5] = chars[(lo >> 10) & 31];
    out[o + 6] = chars[(lo >> 5) & 31];
    out[o + 7] = chars[lo & 31];
  }
  // the padding over the characters of the zeros added: 1 octet left over is 6 of them, 2 are 4, 3 are 3, 4 are 1
  const pad = [0, 6, 4, 3, 1][data.length % 5];
  out.fill(61, out.length - pad);
  return new PyBytes(out);
}

function b32decode(alphabet: string, s: Py, casefold: Py, map01: Py): PyBytes {
  let data = decodeData(s);
  if (data.length % 8 !== 0) throw binasciiErr('Incorrect padding');
  if (map01 !== null) {
    const m = decodeData(map01);
    assertLength(map01, m, 1);
    data = translate(data, new Uint8Array([48, 49]), new Uint8Array([79, m[0]]));
  }
  if (ops.truthy(casefold)) data = data.map((c) => (c >= 97 && c <= 122 ? c - 32 : c));
  const l = data.length;
  let end = l;
  while (end > 0 && data[end - 1] === 61) end--;
  const padchars = l - end;
  // a digit's decoding costs about twice a copied octet's
  charge(l / 16);
  const out = new Uint8Array(Math.ceil(end / 8) * 5);
  const values = B32_VALUES.get(alphabet)!;
  let acc = 0;
  for (let q = 0; q * 8 < end; q++) {
    // the quantum's 5-bit digits as two halves of 20 bits (a JS shift keeps 32); a short last one is read as its digits alone
    const from = q * 8;
    const n = Math.min(8, end - from);
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < n; i++) {
      const v = values[data[from + i]];
      if (v < 0) throw binasciiErr('Non-base32 digit found');
      // acc = (acc << 5) + v, carried from the low half into the high one
      hi = ((hi << 5) | (lo >>> 15)) & 0xfffff;
      lo = ((lo << 5) | v) & 0xfffff;
    }
    acc = hi * 2 ** 20 + lo;
    const o = q * 5;
    out[o] = hi >> 12;
    out[o + 1] = (hi >> 4) & 0xff;
    out[o + 2] = ((hi & 0xf) << 4) | (lo >> 16);
    out[o + 3] = (lo >> 8) & 0xff;
    out[o + 4] = lo & 0xff;
  }
  if (l % 8 !== 0 || ![0, 1, 3, 4, 6].includes(padchars)) throw binasciiErr('Incorrect padding');
  let size = out.length;
  if (padchars !== 0 && out.length > 0) {
    // the last quantum's bits moved up to the top of its 40, of which (43 - 5 * padchars) // 8 octets are data
    let c = acc * 2 ** (5 * padchars);
    const last = new Uint8Array(5);
    for (let i = 4; i >= 0; i--, c = Math.floor(c / 256)) last[i] = c % 256;
    const leftover = Math.floor((43 - 5 * padchars) / 8);
    out.set(last.subarray(0, leftover), out.length - 5);
    size = out.length - 5 + leftover;
  }
  return bytesOf(out.slice(0, size));
}

// ---------------------------------------------------------------- Base16

function b16decode(s: Py, casefold: Py): PyBytes {
  let data = decodeData(s);
  if (ops.truthy(casefold)) data = data.map((c) => (c >= 97 && c <= 122 ? c - 32 : c));
  charge(data.length / 32);
  // re.search(b'[^0-9A-F]', s)
  for (const c of data) if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70))) throw binasciiErr('Non-base16 digit found');
  return unhexlify(data);
}

// ---------------------------------------------------------------- Ascii85 and Base85

const A85 = Uint8Array.from({ length: 85 }, (_, i) => 33 + i);
const B85 = Uint8Array.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~', (c) => c.charCodeAt(0));

/** _85encode: each 4 octets (zeros added) as 5 digits, or `z` (all zeros) and `y` (all spaces) where folded. */
function encode85(data: Uint8Array, chars: Uint8Array, pad: boolean, foldnuls: boolean, foldspaces: boolean): Uint8Array {
  const padding = (4 - (data.length % 4)) % 4;
  const words = (data.length + padding) / 4;
  allocItems(words * 5);
  const out = new Uint8Array(words * 5);
  let at = 0;
  let lastFolded = false;
  for (let w = 0; w < words; w++) {
    // 32 bits, big endian, read as a float: no sign
    let word = 0;
    for (let i = 0; i < 4; i++) word = word * 256 + (data[w * 4 + i] ?? 0);
    lastFolded = (foldnuls && word === 0) || (foldspaces && word === 0x20202020);
    if (lastFolded) out[at++] = word === 0 ? 122 : 121;
    else {
      for (let i = 4; i >= 0; i--, word = Math.floor(word / 85)) out[at + i] = chars[word % 85];
      at += 5;
    }
  }
  if (padding !== 0 && !pad) {
    // the last chunk less its padding's digits; a `z` there was all zeros, written out first
    if (lastFolded && out[at - 1] === 122) {
      out.fill(chars[0], at - 1, at + 4);
      at += 4;
    }
    at -= padding;
  }
  return out.subarray(0, at);
}

function a85encode(b: Py, foldspaces: Py, wrapcol: Py, pad: Py, adobe: Py): PyBytes {
  const digits = encode85(encodeData(b), A85, ops.truthy(pad), true, ops.truthy(foldspaces));
  const framed = ops.truthy(adobe);
  // `<~` first where framed
  let result = digits;
  if (framed) {
    result = new Uint8Array(digits.length + 2);
    result.set([60, 126]);
    result.set(digits, 2);
  }
  let lines = 1;
  let width = result.length;
  if (ops.truthy(wrapcol)) {
    // wrapcol = max(2 if adobe else 1, wrapcol), then range(0, len(result), wrapcol)
    const given = ops.intOf(wrapcol);
    if (given === undefined) throw typeErr(`'${typeName(wrapcol)}' object cannot be interpreted as an integer`);
    width = Math.max(framed ? 2 : 1, Number(given));
    lines = Math.max(1, Math.ceil(result.length / width));
    // the `~>` goes on a line of its own where the last one has no room for it
    if (framed && result.length - (lines - 1) * width + 2 > width) lines++;
  }
  const size = result.length + (lines - 1) + (framed ? 2 : 0);
  allocItems(size);
  const out = new Uint8Array(size);
  let at = 0;
  for (let line = 0; line < lines; line++) {
    if (line > 0) out[at++] = 10;
    const piece = result.subarray(line * width, (line + 1) * width);
    out.set(piece, at);
    at += piece.length;
  }
  if (framed) out.set([126, 62], at);
  return new PyBytes(out);
}

function a85decode(b: Py, foldspaces: Py, adobe: Py, ignorechars: Py): PyBytes {
  let data = decodeData(b);
  if (ops.truthy(adobe)) {
    const n = data.length;
    if (!(n >= 2 && data[n - 2] === 126 && data[n - 1] === 62)) throw valueErr("Ascii85 encoded byte sequences must end with b'~>'");
    data = n >= 4 && data[0] === 60 && data[1] === 126 ? data.slice(2, -2) : data.slice(0, -2);
  }
  const folds = ops.truthy(foldspaces);
  // bytes and bytearray: `x in ignorechars` read from their octets; another container asked through `in`
  const ignored = ignorechars instanceof PyBytes ? new Set(ignorechars.data) : null;
  charge(data.length / 32);
  // at most 4 octets for each `z` or `y`, fewer for digits
  const decoded = new Uint8Array(data.length * 4 + 4);
  let at = 0;
  let acc = 0;
  let digits = 0;
  // the input, then 4 `u`s: a last group of 2 to 4 digits padded out with the highest digit
  for (let i = 0; i < data.length + 4; i++) {
    const x = i < data.length ? data[i] : 117;
    if (x >= 33 && x <= 117) {
      acc = 85 * acc + (x - 33);
      if (++digits === 5) {
        if (acc > 0xffffffff) throw valueErr('Ascii85 overflow');
        decoded[at++] = acc >>> 24;
        decoded[at++] = (acc >>> 16) & 0xff;
        decoded[at++] = (acc >>> 8) & 0xff;
        decoded[at++] = acc & 0xff;
        acc = 0;
        digits = 0;
      }
    } else if (x === 122) {
      if (digits > 0) throw valueErr('z inside Ascii85 5-tuple');
      at += 4;
    } else if (folds && x === 121) {
      if (digits > 0) throw valueErr('y inside Ascii85 5-tuple');
      decoded.fill(32, at, at + 4);
      at += 4;
    } else if (ignored !== null ? ignored.has(x) : ops.contains(ignorechars, x)) continue;
    else throw valueErr(`Non-Ascii85 digit found: ${String.fromCharCode(x)}`);
  }
  // `result[:-padding]`, padding being 4 - len(curr): a group the `u`s completed gives only its real digits' octets
  return bytesOf(decoded.slice(0, at - (4 - digits)));
}

/** The base85 alphabet's values, -1 for every other octet. */
const B85_VALUE = new Int8Array(256).fill(-1);
B85.forEach((c, i) => (B85_VALUE[c] = i));

function b85decode(b: Py): PyBytes {
  const data = decodeData(b);
  // padded with `~`, the highest digit, to a multiple of 5
  const padding = (5 - (data.length % 5)) % 5;
  const n = data.length + padding;
  charge(n / 32);
  const out = new Uint8Array((n / 5) * 4);
  for (let i = 0; i < n; i += 5) {
    let acc = 0;
    for (let j = i; j < i + 5; j++) {
      const v = j < data.length ? B85_VALUE[data[j]] : 84;
      if (v < 0) throw valueErr(`bad base85 character at position ${j}`);
      acc = acc * 85 + v;
    }
    if (acc > 0xffffffff) throw valueErr(`base85 overflow in hunk starting at byte ${i}`);
    const at = (i / 5) * 4;
    out[at] = acc >>> 24;
    out[at + 1] = (acc >>> 16) & 0xff;
    out[at + 2] = (acc >>> 8) & 0xff;
    out[at + 3] = acc & 0xff;
  }
  return bytesOf(out.slice(0, out.length - padding));
}

// ---------------------------------------------------------------- encodebytes and decodebytes

/** _input_type_check: a bytes-like object of single-octet items in one dimension. */
function inputTypeCheck(s: Py): void {
  const isBuffer = s instanceof PyBytes || s instanceof PyMemoryView;
  if (!isBuffer) throw typeErr(`expected bytes-like object, not ${typeName(s)}`);
  if (s instanceof PyMemoryView) {
    if (!['c', 'b', 'B'].includes(s.format)) throw typeErr(`expected single byte elements, not '${s.format}' from memoryview`);
    if (s.ndim !== 1) throw typeErr(`expected 1-D data, not ${s.ndim}-D data from memoryview`);
  }
}

/** MAXBINSIZE: 57 octets a line, 76 characters. */
const LINE_OCTETS = 57;

function encodebytes(s: Py): PyBytes {
  inputTypeCheck(s);
  const data = bufferArg(s);
  const lines = Math.ceil(data.length / LINE_OCTETS);
  allocItems(lines * 77);
  const out = new Uint8Array(Math.ceil(data.length / 3) * 4 + lines);
  let at = 0;
  for (let i = 0; i < data.length; i += LINE_OCTETS) {
    const line = b2aBase64(data.subarray(i, i + LINE_OCTETS), true).data;
    out.set(line, at);
    at += line.length;
  }
  return new PyBytes(out);
}

// ---------------------------------------------------------------- the module

const param = (name: string, star: Parameter['star'] = ''): Parameter => ({ name, star });
const signature = (name: string, ...params: Parameter[]) => new Signature(name, params, 'python');

/** A function written in Python: its parameters, their defaults, and its body over the bound values. */
const pyFn = (sig: Signature, defaults: readonly Py[], body: (...v: Py[]) => Py): [string, PyFunc] => [sig.name, new PyFunc(sig.name, (a, k) => body(...bindArgs(sig, a, k, defaults)), 'function')];

const S = [param('s')];
const B_KW = (name: string, ...kw: string[]) => signature(name, param('b'), param('', '*'), ...kw.map((n) => param(n)));

export const BASE64 = new PyModule(
  'base64',
  new Map<string, Py>([
    pyFn(signature('b64encode', param('s'), param('altchars')), [undefined, null], (s, alt) => b64encode(s, alt)),
    pyFn(signature('b64decode', param('s'), param('altchars'), param('validate')), [undefined, null, false], (s, alt, v) => b64decode(s, alt, v)),
    pyFn(signature('standard_b64encode', ...S), [], (s) => b64encode(s, null)),
    pyFn(signature('standard_b64decode', ...S), [], (s) => b64decode(s, null, false)),
    pyFn(signature('urlsafe_b64encode', ...S), [], (s) => new PyBytes(translate(b64encode(s, null).data, PLUS_SLASH, URLSAFE))),
    pyFn(signature('urlsafe_b64decode', ...S), [], (s) => a2bBase64(translate(decodeData(s), URLSAFE, PLUS_SLASH), false)),
    pyFn(signature('b32encode', ...S), [], (s) => b32encode(B32, s)),
    pyFn(signature('b32decode', param('s'), param('casefold'), param('map01')), [undefined, false, null], (s, c, m) => b32decode(B32, s, c, m)),
    pyFn(signature('b32hexencode', ...S), [], (s) => b32encode(B32HEX, s)),
    pyFn(signature('b32hexdecode', param('s'), param('casefold')), [undefined, false], (s, c) => b32decode(B32HEX, s, c, null)),
    pyFn(signature('b16encode', ...S), [], (s) => {
      const hex = hexlify('hexlify', [s], null).data;
      return new PyBytes(hex.map((c) => (c >= 97 ? c - 32 : c)));
    }),
    pyFn(signature('b16decode', param('s'), param('casefold')), [undefined, false], (s, c) => b16decode(s, c)),
    pyFn(B_KW('a85encode', 'foldspaces', 'wrapcol', 'pad', 'adobe'), [undefined, undefined, false, 0, false, false], (b, _, f, w, p, a) => a85encode(b, f, w, p, a)),
    pyFn(B_KW('a85decode', 'foldspaces', 'adobe', 'ignorechars'), [undefined, undefined, false, false, new PyBytes(new Uint8Array([32, 9, 10, 13, 11]))], (b, _, f, a, i) => a85decode(b, f, a, i)),
    pyFn(signature('b85encode', param('b'), param('pad')), [undefined, false], (b, p) => new PyBytes(encode85(encodeData(b), B85, ops.truthy(p), false, false).slice())),
    pyFn(signature('b85decode', param('b')), [], (b) => b85decode(b)),
    pyFn(signature('encodebytes', ...S), [], (s) => encodebytes(s)),
    pyFn(signature('decodebytes', ...S), [], (s) => (inputTypeCheck(s), a2bBase64(bufferArg(s), false))),
  ]),
);
