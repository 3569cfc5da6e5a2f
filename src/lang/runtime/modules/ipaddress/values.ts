/**
 * ipaddress's values, as Lib/ipaddress.py (CPython 3.11) holds them: an address (`_ip`, and an
 * IPv6 one's `_scope_id`), an interface (an address with its network: IPv4Interface is a subclass
 * of IPv4Address) and a network (its network_address and prefix length). Immutable: a condition
 * cannot set their attributes here (CPython lets it; see types.ts).
 */
import { PyException, PyType } from '../../values.js';
import { ValueError, pyErr, typeErr } from '../../exceptions.js';

export type Version = 4 | 6;

/** An IPv4Address or IPv6Address, or (net set) an IPv4Interface or IPv6Interface. */
export class IPAddr {
  constructor(readonly v: Version, readonly ip: bigint, readonly scope: string | null, readonly net: IPNet | null = null) {}
}

/** An IPv4Network or IPv6Network: its network_address (an address, which keeps its scope id) and prefix length. */
export class IPNet {
  constructor(readonly v: Version, readonly addr: IPAddr, readonly prefix: number) {}
}

export const BITS = { 4: 32, 6: 128 } as const;
export const ALL_ONES = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n } as const;

/** cls._ip_int_from_prefix(prefixlen) */
export const maskOf = (v: Version, prefix: number): bigint => ALL_ONES[v] ^ (ALL_ONES[v] >> BigInt(prefix));
export const hostmaskOf = (v: Version, prefix: number): bigint => ALL_ONES[v] >> BigInt(prefix);
export const broadcastOf = (n: IPNet): bigint => n.addr.ip | hostmaskOf(n.v, n.prefix);

function exceptionType(name: string): PyType {
  const t: PyType = new PyType(name, (args, kw) => {
    if (kw !== null && kw.size !== 0) throw typeErr(`${name}() takes no keyword arguments`);
    return new PyException(t, args);
  }, ValueError, true);
  return t;
}

/** class AddressValueError(ValueError): A Value Error related to the address. */
export const AddressValueError = exceptionType('AddressValueError');
/** class NetmaskValueError(ValueError): A Value Error related to the netmask. */
export const NetmaskValueError = exceptionType('NetmaskValueError');

export const addressError = (msg: string): PyException => pyErr(AddressValueError, msg);
export const netmaskError = (msg: string): PyException => pyErr(NetmaskValueError, msg);
