/**
 * What an address, interface or network shows of itself: str (an IPv6 address with its %scope),
 * the exploded form and reverse_pointer (both written from str() as ipaddress.py writes them,
 * so an interface's and a network's carry their /prefix), and the is_* flags by
 * _IPv4Constants' and _IPv6Constants' networks.
 */
import { strRepr } from '../../str-repr.js';
import { explodedHex, stringOf, v6FromString } from './parse.js';
import { BITS, IPAddr, IPNet, broadcastOf, maskOf, type Version } from './values.js';

/** str(x) */
export function strOf(x: IPAddr | IPNet): string {
  if (x instanceof IPNet) return `${strOf(x.addr)}/${x.prefix}`;
  const s = stringOf(x.v, x.ip);
  const plain = x.scope ? `${s}%${x.scope}` : s;
  if (x.net === null) return plain;
  return `${x.v === 4 ? s : plain}/${x.net.prefix}`;
}

/** The Python class's name. */
export const classNameOf = (x: IPAddr | IPNet): string => `IPv${x.v}${x instanceof IPNet ? 'Network' : x.net !== null ? 'Interface' : 'Address'}`;

export const reprOf = (x: IPAddr | IPNet): string => `${classNameOf(x)}(${strRepr(strOf(x))})`;

/** exploded: _explode_shorthand_ip_string (IPv6 reparses the str of its address, so a scoped one is its AddressValueError) */
export function explodedOf(x: IPAddr | IPNet): string {
  if (x.v === 4) return strOf(x);
  const ipStr = x instanceof IPNet ? strOf(x.addr) : x.net !== null ? stringOf(6, x.ip) : strOf(x);
  const parts = explodedHex(v6FromString(ipStr));
  return x instanceof IPNet ? `${parts}/${x.prefix}` : x.net !== null ? `${parts}/${x.net.prefix}` : parts;
}

export function reversePointerOf(x: IPAddr | IPNet): string {
  if (x.v === 4) return `${strOf(x).split('.').reverse().join('.')}.in-addr.arpa`;
  return `${[...explodedOf(x)].reverse().filter((c) => c !== ':').join('.')}.ip6.arpa`;
}

type Net = readonly [bigint, number];
const net4 = (s: string, p: number): Net => [BigInt(s.split('.').reduce((a, o) => a * 256 + Number(o), 0)), p];
const net6 = (s: string, p: number): Net => [v6FromString(s), p];
const inNet = (v: Version, ip: bigint, [n, p]: Net): boolean => (ip & maskOf(v, p)) === n;

const V4_PRIVATE: readonly Net[] = [
  net4('0.0.0.0', 8), net4('10.0.0.0', 8), net4('127.0.0.0', 8), net4('169.254.0.0', 16), net4('172.16.0.0', 12), net4('192.0.0.0', 29), net4('192.0.0.170', 31),
  net4('192.0.2.0', 24), net4('192.168.0.0', 16), net4('198.18.0.0', 15), net4('198.51.100.0', 24), net4('203.0.113.0', 24), net4('240.0.0.0', 4), net4('255.255.255.255', 32),
];
const V4_PUBLIC = net4('100.64.0.0', 10);
const V4: Record<string, Net> = { multicast: net4('224.0.0.0', 4), loopback: net4('127.0.0.0', 8), link_local: net4('169.254.0.0', 16), reserved: net4('240.0.0.0', 4) };
const V6_PRIVATE: readonly Net[] = [
  net6('::1', 128), net6('::', 128), net6('::ffff:0:0', 96), net6('100::', 64), net6('2001::', 23), net6('2001:2::', 48), net6('2001:db8::', 32), net6('2001:10::', 28),
  net6('fc00::', 7), net6('fe80::', 10),
];
const V6_RESERVED: readonly Net[] = [
  net6('::', 8), net6('100::', 8), net6('200::', 7), net6('400::', 6), net6('800::', 5), net6('1000::', 4), net6('4000::', 3), net6('6000::', 3), net6('8000::', 3),
  net6('A000::', 3), net6('C000::', 3), net6('E000::', 4), net6('F000::', 5), net6('F800::', 6), net6('FE00::', 9),
];
const V6: Record<string, Net> = { multicast: net6('ff00::', 8), link_local: net6('fe80::', 10), site_local: net6('fec0::', 10) };

const v4Private = (ip: bigint): boolean => V4_PRIVATE.some((n) => inNet(4, ip, n));
const v6Private = (ip: bigint): boolean => ((ip >> 32n) === 0xffffn ? v4Private(ip & 0xffffffffn) : V6_PRIVATE.some((n) => inNet(6, ip, n)));

export const FLAGS = ['is_private', 'is_global', 'is_multicast', 'is_unspecified', 'is_loopback', 'is_link_local', 'is_reserved', 'is_site_local'] as const;
export type Flag = (typeof FLAGS)[number];

/** A plain address's flag (an interface's where it answers as its address), undefined where the class has none (IPv4's is_site_local). */
function addressFlag(v: Version, ip: bigint, flag: Flag): boolean | undefined {
  if (v === 4) {
    switch (flag) {
      case 'is_private':
        return v4Private(ip);
      case 'is_global':
        return !inNet(4, ip, V4_PUBLIC) && !v4Private(ip);
      case 'is_unspecified':
        return ip === 0n;
      case 'is_site_local':
        return undefined;
      default:
        return inNet(4, ip, V4[flag.slice(3)]);
    }
  }
  switch (flag) {
    case 'is_private':
      return v6Private(ip);
    case 'is_global':
      return !v6Private(ip);
    case 'is_unspecified':
      return ip === 0n;
    case 'is_loopback':
      return ip === 1n;
    case 'is_reserved':
      return V6_RESERVED.some((n) => inNet(6, ip, n));
    default:
      return inNet(6, ip, V6[flag.slice(3)]);
  }
}

/** x.is_private and the rest. */
export function flagOf(x: IPAddr | IPNet, flag: Flag): boolean | undefined {
  if (x instanceof IPNet) {
    const na = x.addr.ip;
    const bc = broadcastOf(x);
    if (flag === 'is_private' || flag === 'is_global') {
      const priv = (x.v === 4 ? V4_PRIVATE : V6_PRIVATE).some((n) => inNet(x.v, na, n) && inNet(x.v, bc, n));
      if (flag === 'is_private') return priv;
      return x.v === 4 ? !(inNet(4, na, V4_PUBLIC) && inNet(4, bc, V4_PUBLIC)) && !priv : !priv;
    }
    const a = addressFlag(x.v, na, flag);
    return a === undefined ? undefined : a && addressFlag(x.v, bc, flag)!;
  }
  if (x.net !== null) {
    // IPv4Interface.is_unspecified is `self == IPv4Address('0.0.0.0')`, which no interface is; IPv6Interface's ask its network too
    if (flag === 'is_unspecified') return x.v === 4 ? false : x.ip === 0n && flagOf(x.net, flag)!;
    if (flag === 'is_loopback' && x.v === 6) return x.ip === 1n && flagOf(x.net, flag)!;
  }
  return addressFlag(x.v, x.ip, flag);
}

export const maxPrefixlen = (v: Version): number => BITS[v];
