/**
 * Packing and unpacking one value of a struct code, as _struct.c's routines do on x86-64
 * Linux. Which routine a code gets, and so its error's words, follows the module's set-up:
 * native mode has the np_ routines; '<' and '=' (the little-endian table) have them too where
 * the standard size is the native one (all but 'l', 'L', 'f', 'd' and '?'); '>' and '!' have
 * the bp_ routines, whose 'q' and 'Q' go through _PyLong_AsByteArray.
 */
import { NEGATIVE_NAN } from '../../negative-nan.js';
import { indexOf } from '../../args.js';
import { truthy } from '../../iteration.js';
import { EXCEPTION_TYPES, OverflowError, pyErr } from '../../exceptions.js';
import { norm, toFloat } from '../../int/index.js';
import { asDoubleOfClass } from '../../numeric-dunders.js';
import { PyBytes, PyException, PyFloat, PyIntBox, type Py } from '../../values.js';
import { STRUCT_ERROR } from './error.js';
import type { Mode } from './format.js';

const structErr = (message: string) => pyErr(STRUCT_ERROR, message);
const SYSTEM_ERROR = EXCEPTION_TYPES.get('SystemError')!;

/** get_pylong: an int, or a value with __index__; else struct's own TypeError-like error. */
function intArg(v: Py): bigint {
  if (typeof v === 'number') return BigInt(v);
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (v instanceof PyIntBox) return BigInt(v.value);
  const n = indexOf(v);
  if (n === undefined) throw structErr('required argument is not an integer');
  return BigInt(n);
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const ULONG_MAX = 2n ** 64n - 1n;

/** get_long / get_longlong / get_ssize_t: a C long, or "argument out of range". */
function signed(v: Py): bigint {
  const x = intArg(v);
  if (x < LONG_MIN || x > LONG_MAX) throw structErr('argument out of range');
  return x;
}

/** get_ulong / get_ulonglong / get_size_t: negative ints are out of range too. */
function unsigned(v: Py): bigint {
  const x = intArg(v);
  if (x < 0n || x > ULONG_MAX) throw structErr('argument out of range');
  return x;
}

/** _range_error's words, for a code of `size` octets. */
function rangeErr(c: string, size: number, isUnsigned: boolean) {
  const largest = 2n ** BigInt(size * 8) - 1n;
  return structErr(isUnsigned ? `'${c}' format requires 0 <= number <= ${largest}` : `'${c}' format requires ${-(largest >> 1n) - 1n} <= number <= ${largest >> 1n}`);
}

/** The integer a code packs, checked in the words of the routine its mode gives it; wrapped to `size` octets by the caller. */
function packInt(c: string, mode: Mode, size: number, v: Py): bigint {
  const big = mode === '>' || mode === '!';
  switch (c) {
    case 'b': {
      const x = signed(v);
      if (x < -128n || x > 127n) throw structErr('byte format requires -128 <= number <= 127');
      return x;
    }
    case 'B': {
      const x = signed(v);
      if (x < 0n || x > 255n) throw structErr('ubyte format requires 0 <= number <= 255');
      return x;
    }
    case 'h': {
      const x = signed(v);
      if (x < -32768n || x > 32767n) throw big ? rangeErr(c, 2, false) : structErr('short format requires -32768 <= number <= 32767');
      return x;
    }
    case 'H': {
      if (big) {
        const x = unsigned(v);
        if (x > 65535n) throw rangeErr(c, 2, true);
        return x;
      }
      const x = signed(v);
      if (x < 0n || x > 65535n) throw structErr('ushort format requires 0 <= number <= 65535');
      return x;
    }
    case 'i':
    case 'l': {
      const x = signed(v);
      if (size === 4 && (x < -(2n ** 31n) || x >= 2n ** 31n)) throw rangeErr(c, 4, false);
      return x;
    }
    case 'I':
    case 'L': {
      const x = unsigned(v);
      if (size === 4 && x >= 2n ** 32n) throw rangeErr(c, 4, true);
      return x;
    }
    case 'q':
    case 'n': {
      if (!big) return signed(v);
      const x = intArg(v);
      if (x < LONG_MIN || x > LONG_MAX) throw structErr('int too large to convert');
      return x;
    }
    case 'Q':
    case 'N': {
      if (!big) return unsigned(v);
      const x = intArg(v);
      if (x < 0n || x > ULONG_MAX) throw structErr('int too large to convert');
      return x;
    }
    default: {
      // 'P': PyLong_AsVoidPtr takes a negative int as a long long, any other as an unsigned one
      const x = intArg(v);
      if (x < LONG_MIN || x > ULONG_MAX) throw structErr('int too large to convert');
      return x;
    }
  }
}

/** PyFloat_AsDouble, any error of it struct's "required argument is not a float". */
function floatArg(v: Py): number {
  if (v instanceof PyFloat && v.constructor === PyFloat) return v.v;
  if (typeof v === 'number') return v;
  try {
    const own = asDoubleOfClass(v);
    if (own !== undefined) return own;
    if (v instanceof PyFloat) return v.v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    const n = typeof v === 'bigint' ? v : v instanceof PyIntBox ? v.value : indexOf(v);
    if (n !== undefined) return typeof n === 'bigint' ? toFloat(n) : n;
  } catch (e) {
    if (!(e instanceof PyException) || e.fatal) throw e;
  }
  throw structErr('required argument is not a float');
}

const probe = new DataView(new ArrayBuffer(8));

/** copysign(1, x) == -1 for a NaN: its sign bit. */
function nanSign(x: number): number {
  probe.setFloat64(0, x);
  return probe.getUint8(0) >> 7;
}

/** PyFloat_Pack2: IEEE half precision, rounded half to even. */
export function packHalf(x: number): number {
  let sign = 0;
  let e: number;
  let bits: number;
  if (x === 0) {
    sign = Object.is(x, -0) ? 1 : 0;
    e = 0;
    bits = 0;
  } else if (x === Infinity || x === -Infinity) {
    sign = x < 0 ? 1 : 0;
    e = 0x1f;
    bits = 0;
  } else if (x !== x) {
    sign = nanSign(x);
    e = 0x1f;
    bits = 512;
  } else {
    sign = x < 0 ? 1 : 0;
    if (sign) x = -x;
    // frexp, normalised to [1, 2): x = f * 2**exp
    let exp = Math.floor(Math.log2(x));
    if (2 ** exp > x) exp--;
    else if (2 ** (exp + 1) <= x) exp++;
    let f = x / 2 ** exp;
    if (exp >= 16) throw pyErr(OverflowError, 'float too large to pack with e format');
    if (exp < -25) {
      f = 0;
      e = 0;
    } else if (exp < -14) {
      f = f * 2 ** (14 + exp);
      e = 0;
    } else {
      e = exp + 15;
      f -= 1;
    }
    f *= 1024;
    bits = Math.floor(f);
    if (f - bits > 0.5 || (f - bits === 0.5 && bits % 2 === 1)) {
      if (++bits === 1024) {
        bits = 0;
        if (++e === 31) throw pyErr(OverflowError, 'float too large to pack with e format');
      }
    }
  }
  return bits | (e << 10) | (sign << 15);
}

/** PyFloat_Unpack2. */
export function unpackHalf(h: number): number {
  const sign = h >> 15;
  let e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0x1f) return f === 0 ? (sign ? -Infinity : Infinity) : sign ? NEGATIVE_NAN : NaN;
  let x = f / 1024;
  if (e === 0) e = -14;
  else {
    x += 1;
    e -= 15;
  }
  x *= 2 ** e;
  return sign ? -x : x;
}

/** Writes one value of code `c` at `at`; an OverflowError packing an int is struct's error, as s_pack_internal words it. */
export function packOne(view: DataView, at: number, c: string, mode: Mode, size: number, v: Py): void {
  try {
    packValue(view, at, c, mode, size, v);
  } catch (e) {
    if (e instanceof PyException && !e.fatal && e.type === OverflowError && (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyIntBox)) throw structErr('int too large to convert');
    throw e;
  }
}

function packValue(view: DataView, at: number, c: string, mode: Mode, size: number, v: Py): void {
  const little = mode !== '>' && mode !== '!';
  const octets = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  switch (c) {
    case 'c': {
      if (!(v instanceof PyBytes) || v.isByteArray() || v.data.length !== 1) throw structErr('char format requires a bytes object of length 1');
      octets[at] = v.data[0];
      return;
    }
    case 's':
    case 'p': {
      if (!(v instanceof PyBytes)) throw structErr(`argument for '${c}' must be a bytes object`);
      if (c === 's') {
        const n = Math.min(v.data.length, size);
        octets.set(v.data.subarray(0, n), at);
        return;
      }
      const n = Math.min(v.data.length, size - 1);
      if (size === 0) return;
      octets.set(v.data.subarray(0, Math.max(n, 0)), at + 1);
      octets[at] = Math.min(n, 255);
      return;
    }
    case '?':
      octets[at] = truthy(v) ? 1 : 0;
      return;
    case 'e':
      view.setUint16(at, packHalf(floatArg(v)), little);
      return;
    case 'f': {
      const x = floatArg(v);
      const y = Math.fround(x);
      // PyFloat_Pack4, the standard modes' routine, refuses what rounds to an infinity; native's C cast does not
      if (mode !== '@' && (y === Infinity || y === -Infinity) && Number.isFinite(x)) throw pyErr(OverflowError, 'float too large to pack with f format');
      view.setFloat32(at, y, little);
      return;
    }
    case 'd':
      view.setFloat64(at, floatArg(v), little);
      return;
    default: {
      const x = BigInt.asUintN(size * 8, packInt(c, mode, size, v));
      if (size === 8) view.setBigUint64(at, x, little);
      else if (size === 4) view.setUint32(at, Number(x), little);
      else if (size === 2) view.setUint16(at, Number(x), little);
      else octets[at] = Number(x);
    }
  }
}

const SIGNED = new Set(['b', 'h', 'i', 'l', 'q', 'n']);

/** Reads one value of code `c` at `at`. */
export function unpackOne(view: DataView, at: number, c: string, mode: Mode, size: number): Py {
  const little = mode !== '>' && mode !== '!';
  switch (c) {
    case 'c':
    case 's':
      return new PyBytes(new Uint8Array(view.buffer.slice(view.byteOffset + at, view.byteOffset + at + size)));
    case 'p': {
      if (size === 0) throw pyErr(SYSTEM_ERROR, 'Negative size passed to PyBytes_FromStringAndSize');
      const n = Math.min(view.getUint8(at), size - 1);
      return new PyBytes(new Uint8Array(view.buffer.slice(view.byteOffset + at + 1, view.byteOffset + at + 1 + n)));
    }
    case '?':
      return view.getUint8(at) !== 0;
    case 'e':
      return new PyFloat(unpackHalf(view.getUint16(at, little)));
    case 'f':
      return new PyFloat(view.getFloat32(at, little));
    case 'd':
      return new PyFloat(view.getFloat64(at, little));
    default: {
      const signedCode = SIGNED.has(c);
      if (size === 1) return signedCode ? view.getInt8(at) : view.getUint8(at);
      if (size === 2) return signedCode ? view.getInt16(at, little) : view.getUint16(at, little);
      if (size === 4) return signedCode ? view.getInt32(at, little) : view.getUint32(at, little);
      return norm(signedCode ? view.getBigInt64(at, little) : view.getBigUint64(at, little));
    }
  }
}
