import { OverflowError, pyErr, valueErr } from '../exceptions.js';
import { allocItems, work } from '../budget.js';
import { linearNs, pay, payLinear } from './cost.js';
import { big, norm, type Int } from './int.js';
import { bitLength, bitsBound } from './size.js';

const INT32 = 2 ** 31;
const isInt32 = (n: Int): n is number => typeof n === 'number' && n >= -INT32 && n < INT32;

export function lshift(a: Int, n: Int): Int {
  if (n < 0) throw valueErr('negative shift count');
  if (a === 0) return 0;
  if (typeof a === 'number' && typeof n === 'number' && n < 64) {
    const r = a * 2 ** n;
    if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) return r;
  }
  // 1 << 10**9 is refused before it is made
  const bits = bitsBound(a) + Number(n);
  pay(linearNs(bits), bits);
  return norm(big(a) << big(n));
}

/** a >> n, rounded towards minus infinity (-1 >> 100 == -1), as BigInt's >> is. */
export function rshift(a: Int, n: Int): Int {
  if (n < 0) throw valueErr('negative shift count');
  if (typeof a === 'number') return n >= 64 ? (a < 0 ? -1 : 0) : Math.floor(a / 2 ** Number(n)) + 0;
  payLinear(bitsBound(a));
  // a shift past the int's size leaves its sign
  if (typeof n === 'bigint' || n > bitsBound(a)) return a < 0n ? -1 : 0;
  return norm(a >> BigInt(n));
}

// BigInt's & | ^ ~ act on negatives as on infinite two's complement, as Python's do.

export function and(a: Int, b: Int): Int {
  if (isInt32(a) && isInt32(b)) return a & b;
  payLinear(Math.max(bitsBound(a), bitsBound(b)));
  return norm(big(a) & big(b));
}

export function or(a: Int, b: Int): Int {
  if (isInt32(a) && isInt32(b)) return a | b;
  payLinear(Math.max(bitsBound(a), bitsBound(b)));
  return norm(big(a) | big(b));
}

export function xor(a: Int, b: Int): Int {
  if (isInt32(a) && isInt32(b)) return a ^ b;
  payLinear(Math.max(bitsBound(a), bitsBound(b)));
  return norm(big(a) ^ big(b));
}

/** ~a == -a - 1. */
export function invert(a: Int): Int {
  if (typeof a === 'number') return -a - 1;
  payLinear(bitsBound(a));
  return norm(~a);
}

export function bit_length(a: Int): number {
  if (typeof a === 'bigint') pay(4 * linearNs(bitsBound(a)));
  return bitLength(a);
}

const NIBBLE_ONES = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

/** Ones in the binary digits of |a|. */
export function bit_count(a: Int): number {
  if (typeof a === 'bigint') pay(8 * linearNs(bitsBound(a)));
  const hex = (a < 0 ? -big(a) : big(a)).toString(16);
  let ones = 0;
  for (let i = 0; i < hex.length; i++) ones += NIBBLE_ONES[parseInt(hex[i], 16)];
  return ones;
}

export type ByteOrder = 'big' | 'little';

export function checkOrder(order: string): void {
  if (order !== 'big' && order !== 'little') throw valueErr("byteorder must be either 'little' or 'big'");
}

/** int.to_bytes(length, byteorder, signed=...): the bytes, or CPython's OverflowError when they cannot hold a. */
export function to_bytes(a: Int, length: Int, order: string, signed = false): Uint8Array {
  checkOrder(order);
  if (length < 0) throw valueErr('length argument must be non-negative');
  if (!signed && a < 0) throw pyErr(OverflowError, "can't convert negative int to unsigned");
  // (0).to_bytes(10**9) is refused by the size limit before it exists
  const n = Number(length);
  allocItems(n);
  // asUintN and the hex digits are as long as the n bytes, not as a: (-1).to_bytes(10**6, 'big', signed=True) is 8,000,000 bits
  payLinear(Math.max(bitsBound(a), 8 * n));
  // a signed n-byte int holds [-2**(8n-1), 2**(8n-1)): ~a is -a - 1
  const magnitude = a < 0 ? ~big(a) : big(a);
  // CPython lets -1 through in no bytes at all: (-1).to_bytes(0, 'big', signed=True) == b''
  if (a !== 0 && !(a === -1 && signed) && bitLength(magnitude) > 8 * n - (signed ? 1 : 0)) throw pyErr(OverflowError, 'int too big to convert');
  const hex = BigInt.asUintN(8 * n, big(a)).toString(16).padStart(2 * n, '0');
  // the octets from the hex digits natively: a slice and a parseInt for each took 85-370 ms a million bytes
  // copied out: a small Buffer is a view of node's shared pool, which a bytes must not hold
  const out = new Uint8Array(n);
  out.set(Buffer.from(hex, 'hex'));
  if (order === 'little') out.reverse();
  return out;
}

/** int.from_bytes(bytes, byteorder, signed=...). */
export function from_bytes(bytes: ArrayLike<number>, order: string, signed = false): Int {
  checkOrder(order);
  if (bytes.length === 0) return 0;
  // the copy and its hex digits (native: 20 ms a million bytes, where a digit at a time took 400), then BigInt's parse
  allocItems(bytes.length);
  work(bytes.length);
  const octets = bytes instanceof Uint8Array ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) : Buffer.from(Array.from(bytes));
  const u = BigInt('0x' + (order === 'big' ? octets : Buffer.from(octets).reverse()).toString('hex'));
  return norm(signed ? BigInt.asIntN(bytes.length * 8, u) : u);
}
