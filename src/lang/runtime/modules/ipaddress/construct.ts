/**
 * The constructors, as IPv4Address.__init__, IPv4Network.__init__ and IPv4Interface.__init__
 * take their argument (and the IPv6 ones): an int, a packed bytes, a (address, mask) tuple, or
 * anything else by its str(); and ip_address, ip_network, ip_interface, which try IPv4 and then
 * IPv6, catching only AddressValueError and NetmaskValueError.
 */
import { PyByteArray } from '../../bytearray.js';
import { charge } from '../../budget.js';
import { AttributeError, IndexError, pyErr } from '../../exceptions.js';
import { hashKey } from '../../keys.js';
import { intOf } from '../../numbers.js';
import * as ops from '../../ops.js';
import { repr, str } from '../../repr.js';
import { PyBytes, PyException, PyStrBox, PyTuple, typeName, type Py } from '../../values.js';
import { checkInt, fromString, invalidNetmask, prefixFromString, stringOf, valueError } from './parse.js';
import { AddressValueError, BITS, IPAddr, IPNet, NetmaskValueError, addressError, maskOf, type Version } from './values.js';
import { toDecimal } from '../../int/text.js';

const isBytes = (v: Py): v is PyBytes => v instanceof PyBytes && !(v instanceof PyByteArray);

/** IPv4Address(address) / IPv6Address(address) */
export function address(v: Version, a: Py): IPAddr {
  charge(2);
  const n = intOf(a);
  if (n !== undefined) {
    const ip = BigInt(n);
    checkInt(v, ip);
    return new IPAddr(v, ip, null);
  }
  if (isBytes(a)) {
    const want = v === 4 ? 4 : 16;
    if (a.data.length !== want) throw addressError(`${repr(a)} (len ${a.data.length} != ${want}) is not permitted as an IPv${v} address`);
    let ip = 0n;
    for (const b of a.data) ip = (ip << 8n) | BigInt(b);
    return new IPAddr(v, ip, null);
  }
  let s = str(a);
  if (s.includes('/')) throw addressError(`Unexpected '/' in ${repr(a)}`);
  let scope: string | null = null;
  if (v === 6) {
    const at = s.indexOf('%');
    if (at >= 0) {
      scope = s.slice(at + 1);
      if (scope === '' || scope.includes('%')) throw addressError(`Invalid IPv6 address: "${repr(s)}"`);
      s = s.slice(0, at);
    }
  }
  return new IPAddr(v, fromString(v, s), scope);
}

/** _split_addr_prefix: the address and the mask (the max prefix length where none is given). */
function splitAddrPrefix(v: Version, a: Py): [Py, Py] {
  if (intOf(a) !== undefined || isBytes(a)) return [a, BITS[v]];
  if (a instanceof PyTuple) {
    if (a.items.length > 1) {
      if (a.items.length > 2) throw valueError('too many values to unpack (expected 2)');
      return [a.items[0], a.items[1]];
    }
    if (a.items.length === 0) throw pyErr(IndexError, 'tuple index out of range');
    return [a.items[0], BITS[v]];
  }
  const parts = str(a).split('/');
  if (parts.length > 2) throw addressError(`Only one '/' permitted in ${repr(a)}`);
  return parts.length === 2 ? [parts[0], parts[1]] : [parts[0], BITS[v]];
}

/** _make_netmask(arg): the prefix length. */
function prefixOf(v: Version, mask: Py): number {
  const n = intOf(mask);
  if (n !== undefined) {
    if (!(ops.truthy(ops.leValue(0, n)) && ops.truthy(ops.leValue(n, BITS[v])))) throw invalidNetmask(toDecimal(n));
    return Number(n);
  }
  if (typeof mask === 'string') return prefixFromString(v, mask);
  if (mask instanceof PyStrBox) return prefixFromString(v, mask.value);
  // `arg not in cls._netmask_cache`, then arg.isascii()
  hashKey(mask);
  throw pyErr(AttributeError, `'${typeName(mask)}' object has no attribute 'isascii'`);
}

/** IPv4Network(address, strict) / IPv6Network */
export function network(v: Version, a: Py, strict: Py): IPNet {
  const [addr, mask] = splitAddrPrefix(v, a);
  return networkOf(v, addr, mask, strict);
}

function networkOf(v: Version, addr: Py, mask: Py, strict: Py): IPNet {
  let na = address(v, addr);
  const prefix = prefixOf(v, mask);
  const m = maskOf(v, prefix);
  if ((na.ip & m) !== na.ip) {
    if (ops.truthy(strict)) throw valueError(`${stringOf(v, na.ip)}${na.scope ? `%${na.scope}` : ''}/${prefix} has host bits set`);
    na = new IPAddr(v, na.ip & m, null);
  }
  return new IPNet(v, na, prefix);
}

/** A network of an int and a prefix length known good: self.__class__((int, prefixlen)). */
export const netOf = (v: Version, ip: bigint, prefix: number): IPNet => new IPNet(v, new IPAddr(v, ip, null), prefix);

/** IPv4Interface(address) / IPv6Interface */
export function iface(v: Version, a: Py): IPAddr {
  const [addr, mask] = splitAddrPrefix(v, a);
  const at = address(v, addr);
  const net = networkOf(v, addr, mask, false);
  return new IPAddr(v, at.ip, at.scope, net);
}

const caught = (e: unknown): boolean => e instanceof PyException && !e.fatal && (e.type === AddressValueError || e.type === NetmaskValueError);

/** ip_address, ip_network, ip_interface: IPv4, else IPv6, else the ValueError. */
export function either<T>(make: (v: Version) => T, a: Py, what: string): T {
  for (const v of [4, 6] as const) {
    try {
      return make(v);
    } catch (e) {
      if (!caught(e)) throw e;
    }
  }
  throw valueError(`${repr(a)} does not appear to be an IPv4 or IPv6 ${what}`);
}
