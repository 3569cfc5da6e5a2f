/**
 * Text to ints and back, as Lib/ipaddress.py's _BaseV4 and _BaseV6 do it: _ip_int_from_string
 * (with each of its AddressValueError's words), _string_from_ip_int (an IPv6 address's longest
 * run of zero hextets compressed), the exploded form, and netmasks given as a prefix length or
 * (IPv4 only) as a dotted netmask or hostmask. Each string is paid for by its length.
 */
import { work } from '../../budget.js';
import { strRepr } from '../../str-repr.js';
import { ALL_ONES, AddressValueError, BITS, addressError, netmaskError, type Version } from './values.js';
import { PyException } from '../../values.js';
import { toDecimal } from '../../int/text.js';
import { norm } from '../../int/int.js';
import { ValueError, pyErr } from '../../exceptions.js';

/** _BaseV4._parse_octet's complaint, or undefined for a good octet. */
function octetError(o: string): string | undefined {
  if (o === '') return 'Empty octet not permitted';
  if (!/^[0-9]+$/.test(o)) return `Only decimal digits permitted in ${strRepr(o)}`;
  if (o.length > 3) return `At most 3 characters permitted in ${strRepr(o)}`;
  if (o !== '0' && o[0] === '0') return `Leading zeros are not permitted in ${strRepr(o)}`;
  const n = Number(o);
  if (n > 255) return `Octet ${n} (> 255) not permitted`;
  return undefined;
}

/** _BaseV4._ip_int_from_string */
export function v4FromString(s: string): bigint {
  work(s.length);
  if (s === '') throw addressError('Address cannot be empty');
  const octets = s.split('.');
  if (octets.length !== 4) throw addressError(`Expected 4 octets in ${strRepr(s)}`);
  let r = 0;
  for (const o of octets) {
    const e = octetError(o);
    if (e !== undefined) throw addressError(`${e} in ${strRepr(s)}`);
    r = r * 256 + Number(o);
  }
  return BigInt(r);
}

/** _BaseV6._parse_hextet's complaint, or its value. */
function hextet(h: string): number | string {
  if (!/^[0-9A-Fa-f]*$/.test(h)) return `Only hex digits permitted in ${strRepr(h)}`;
  if (h.length > 4) return `At most 4 characters permitted in ${strRepr(h)}`;
  if (h === '') return "invalid literal for int() with base 16: ''";
  return parseInt(h, 16);
}

/** _BaseV6._ip_int_from_string */
export function v6FromString(s: string): bigint {
  work(s.length);
  if (s === '') throw addressError('Address cannot be empty');
  const parts = s.split(':');
  if (parts.length < 3) throw addressError(`At least 3 parts expected in ${strRepr(s)}`);
  if (parts[parts.length - 1].includes('.')) {
    let v4: bigint;
    try {
      // IPv4Address(parts.pop())._ip: its own '/' check cannot fire, as the caller split at '/'
      const last = parts.pop()!;
      if (last.includes('/')) throw addressError(`Unexpected '/' in ${strRepr(last)}`);
      v4 = v4FromString(last);
    } catch (e) {
      if (e instanceof PyException && !e.fatal && e.type === AddressValueError) throw addressError(`${e.text} in ${strRepr(s)}`);
      throw e;
    }
    parts.push(((v4 >> 16n) & 0xffffn).toString(16), (v4 & 0xffffn).toString(16));
  }
  if (parts.length > 9) throw addressError(`At most 8 colons permitted in ${strRepr(s)}`);
  let skip: number | null = null;
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i] === '') {
      if (skip !== null) throw addressError(`At most one '::' permitted in ${strRepr(s)}`);
      skip = i;
    }
  }
  let hi: number;
  let lo: number;
  let skipped: number;
  if (skip !== null) {
    hi = skip;
    lo = parts.length - skip - 1;
    if (parts[0] === '') {
      hi -= 1;
      if (hi) throw addressError(`Leading ':' only permitted as part of '::' in ${strRepr(s)}`);
    }
    if (parts[parts.length - 1] === '') {
      lo -= 1;
      if (lo) throw addressError(`Trailing ':' only permitted as part of '::' in ${strRepr(s)}`);
    }
    skipped = 8 - (hi + lo);
    if (skipped < 1) throw addressError(`Expected at most 7 other parts with '::' in ${strRepr(s)}`);
  } else {
    if (parts.length !== 8) throw addressError(`Exactly 8 parts expected without '::' in ${strRepr(s)}`);
    if (parts[0] === '') throw addressError(`Leading ':' only permitted as part of '::' in ${strRepr(s)}`);
    if (parts[parts.length - 1] === '') throw addressError(`Trailing ':' only permitted as part of '::' in ${strRepr(s)}`);
    hi = parts.length;
    lo = 0;
    skipped = 0;
  }
  let r = 0n;
  const take = (h: string): void => {
    const x = hextet(h);
    if (typeof x === 'string') throw addressError(`${x} in ${strRepr(s)}`);
    r = (r << 16n) | BigInt(x);
  };
  for (let i = 0; i < hi; i++) take(parts[i]);
  r <<= BigInt(16 * skipped);
  for (let i = parts.length - lo; i < parts.length; i++) take(parts[i]);
  return r;
}

export const fromString = (v: Version, s: string): bigint => (v === 4 ? v4FromString(s) : v6FromString(s));

/** _BaseV6._compress_hextets */
function compress(hextets: string[]): string[] {
  let bestStart = -1;
  let bestLen = 0;
  let start = -1;
  let len = 0;
  hextets.forEach((h, i) => {
    if (h === '0') {
      len++;
      if (start === -1) start = i;
      if (len > bestLen) {
        bestLen = len;
        bestStart = start;
      }
    } else {
      len = 0;
      start = -1;
    }
  });
  if (bestLen > 1) {
    const end = bestStart + bestLen;
    const out = [...hextets.slice(0, bestStart), '', ...hextets.slice(end)];
    if (end === hextets.length) out.push('');
    if (bestStart === 0) out.unshift('');
    return out;
  }
  return hextets;
}

/** _string_from_ip_int: dotted decimal, or IPv6's compressed hextets. */
export function stringOf(v: Version, ip: bigint): string {
  if (v === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip >> s) & 0xffn)).join('.');
  const hex = ip.toString(16).padStart(32, '0');
  const hextets: string[] = [];
  for (let i = 0; i < 32; i += 4) hextets.push(parseInt(hex.slice(i, i + 4), 16).toString(16));
  return compress(hextets).join(':');
}

/** The eight hextets of four digits each (an exploded IPv6 address). */
export const explodedHex = (ip: bigint): string => ip.toString(16).padStart(32, '0').match(/.{4}/g)!.join(':');

/** _prefix_from_ip_int: the prefix length of a netmask int, or undefined where it mixes zeroes and ones. */
function prefixFromInt(v: Version, n: bigint): number | undefined {
  const bits = BITS[v];
  let zeros = 0;
  if (n === 0n) zeros = bits;
  else while (zeros < bits && ((n >> BigInt(zeros)) & 1n) === 0n) zeros++;
  const prefix = bits - zeros;
  return n >> BigInt(zeros) === (1n << BigInt(prefix)) - 1n ? prefix : undefined;
}

export const invalidNetmask = (shown: string): PyException => netmaskError(`${shown} is not a valid netmask`);

/** _prefix_from_prefix_string, else (IPv4) _prefix_from_ip_string: a netmask's prefix length. */
export function prefixFromString(v: Version, s: string): number {
  work(s.length);
  if (/^[0-9]+$/.test(s)) {
    const n = Number(s);
    if (n <= BITS[v]) return n;
  }
  if (v === 6) throw invalidNetmask(strRepr(s));
  let ip: bigint;
  try {
    ip = v4FromString(s);
  } catch (e) {
    if (e instanceof PyException && !e.fatal) throw invalidNetmask(strRepr(s));
    throw e;
  }
  const p = prefixFromInt(4, ip) ?? prefixFromInt(4, ip ^ ALL_ONES[4]);
  if (p === undefined) throw invalidNetmask(strRepr(s));
  return p;
}

/** _check_int_address */
export function checkInt(v: Version, n: bigint): void {
  if (n < 0n) throw addressError(`${toDecimal(norm(n))} (< 0) is not permitted as an IPv${v} address`);
  if (n > ALL_ONES[v]) throw addressError(`${toDecimal(norm(n))} (>= 2**${BITS[v]}) is not permitted as an IPv${v} address`);
}

export const valueError = (msg: string): PyException => pyErr(ValueError, msg);
