/**
 * A network's methods, as _BaseNetwork writes them: iteration and hosts() (generators, one
 * address at a time, each paid for), [n], `in`, overlaps, subnets() (a generator whose checks
 * run at its first next(), as a generator function's do), supernet, subnet_of, supernet_of,
 * address_exclude (a generator too) and compare_networks.
 */
import { charge } from '../../budget.js';

/** One address or network a generator makes: a BigInt or two and an object, some steps' worth. */
const ITEM = 8;
import { AssertionError_, AttributeError, IndexError, pyErr, typeErr, UnsupportedError, fatalErr } from '../../exceptions.js';
import { norm } from '../../int/int.js';
import { intOf } from '../../numbers.js';
import * as ops from '../../ops.js';
import { str } from '../../repr.js';
import { typeName, type Py } from '../../values.js';
import { netOf } from './construct.js';
import { eqValue, holds, isIP } from './order.js';
import { strOf } from './properties.js';
import { valueError } from './parse.js';
import { BITS, IPAddr, IPNet, broadcastOf, hostmaskOf, maskOf } from './values.js';

const plain = (n: IPNet, ip: bigint): IPAddr => new IPAddr(n.v, ip, null);

/** for x in range(first, last + 1): yield self._address_class(x) */
export function* addresses(n: IPNet, first: bigint, last: bigint): Generator<Py> {
  for (let x = first; x <= last; x++) {
    charge(ITEM);
    yield plain(n, x);
  }
}

export const iterNet = (n: IPNet): Generator<Py> => addresses(n, n.addr.ip, broadcastOf(n));

/** hosts(): a generator, or for a /32 (/128) the list [its address], as __init__ set it. */
export function hosts(n: IPNet): Generator<Py> | Py[] {
  const bits = BITS[n.v];
  if (n.prefix === bits) return [n.addr];
  if (n.prefix === bits - 1) return iterNet(n);
  return hostsGenerator(n);
}

/** The class's own hosts(), which a /31 or /32 (/127, /128) instance's attribute hides: every address but the network's (and IPv4's broadcast). */
export const hostsGenerator = (n: IPNet): Generator<Py> => addresses(n, n.addr.ip + 1n, n.v === 4 ? broadcastOf(n) - 1n : broadcastOf(n));

/** An operand the comparisons below take only as an int here. */
function intArg(v: Py, what: string): bigint {
  const n = intOf(v);
  if (n === undefined) throw fatalErr(UnsupportedError, `ipaddress: ${what} of type '${typeName(v)}' is not supported by the evaluator (an int is)`);
  return BigInt(n);
}

/** self[n] */
export function getitem(net: IPNet, key: Py): Py {
  // `n >= 0`: CPython's TypeError for what cannot be compared with 0
  ops.geValue(key, 0);
  let n = intArg(key, 'an index');
  const na = net.addr.ip;
  const bc = broadcastOf(net);
  if (n >= 0n) {
    if (na + n > bc) throw pyErr(IndexError, 'address out of range');
    return plain(net, na + n);
  }
  n += 1n;
  if (bc + n < na) throw pyErr(IndexError, 'address out of range');
  return plain(net, bc + n);
}

const noAttribute = (v: Py, name: string) => pyErr(AttributeError, `'${typeName(v)}' object has no attribute '${name}'`);

/** other in self */
export function contains(net: IPNet, other: Py): boolean {
  if (!isIP(other)) throw noAttribute(other, '_version');
  if (net.v !== other.v) return false;
  if (other instanceof IPNet) return false;
  return (other.ip & maskOf(net.v, net.prefix)) === net.addr.ip;
}

const inside = (addr: IPAddr, other: Py): boolean => (other instanceof IPNet ? contains(other, addr) : ops.contains(other, addr));

export function overlaps(self: IPNet, other: Py): boolean {
  const bc = plain(self, broadcastOf(self));
  if (inside(self.addr, other) || inside(bc, other)) return true;
  if (!(other instanceof IPNet)) {
    // other.network_address in self
    throw noAttribute(other, 'network_address');
  }
  return contains(self, other.addr) || contains(self, plain(other, broadcastOf(other)));
}

/** _is_subnet_of(a, b) */
export function isSubnetOf(a: Py, b: Py): boolean {
  const unable = () => typeErr(`Unable to test subnet containment between ${str(a)} and ${str(b)}`);
  if (!isIP(a) || !isIP(b)) throw unable();
  if (a.v !== b.v) throw typeErr(`${str(a)} and ${str(b)} are not of the same version`);
  if (!(a instanceof IPNet) || !(b instanceof IPNet)) throw unable();
  return holds(b.addr, '<=', a.addr) && holds(plain(b, broadcastOf(b)), '>=', plain(a, broadcastOf(a)));
}

/** subnets(prefixlen_diff=1, new_prefix=None) */
export function* subnets(self: IPNet, prefixlenDiff: Py, newPrefix: Py): Generator<Py> {
  const bits = BITS[self.v];
  if (self.prefix === bits) {
    yield self;
    return;
  }
  let diffPy = prefixlenDiff;
  if (newPrefix !== null) {
    if (ops.truthy(ops.ltValue(newPrefix, self.prefix))) throw valueError('new prefix must be longer');
    if (ops.truthy(ops.neValue(prefixlenDiff, 1))) throw valueError('cannot set prefixlen_diff and new_prefix');
    diffPy = ops.sub(newPrefix, self.prefix);
  }
  if (ops.truthy(ops.ltValue(diffPy, 0))) throw valueError('prefix length diff must be > 0');
  const diff = intArg(diffPy, 'a prefix length');
  const newPrefixlen = BigInt(self.prefix) + diff;
  if (newPrefixlen > BigInt(bits)) throw valueError(`prefix length diff ${newPrefixlen} is invalid for netblock ${strOf(self)}`);
  const p = Number(newPrefixlen);
  const stepBy = (hostmaskOf(self.v, self.prefix) + 1n) >> diff;
  const end = broadcastOf(self) + 1n;
  for (let a = self.addr.ip; a < end; a += stepBy) {
    charge(ITEM);
    yield netOf(self.v, a, p);
  }
}

/** supernet(prefixlen_diff=1, new_prefix=None) */
export function supernet(self: IPNet, prefixlenDiff: Py, newPrefix: Py): IPNet {
  if (self.prefix === 0) return self;
  let diffPy = prefixlenDiff;
  if (newPrefix !== null) {
    if (ops.truthy(ops.gtValue(newPrefix, self.prefix))) throw valueError('new prefix must be shorter');
    if (ops.truthy(ops.neValue(prefixlenDiff, 1))) throw valueError('cannot set prefixlen_diff and new_prefix');
    diffPy = ops.sub(self.prefix, newPrefix);
  }
  // `self.prefixlen - prefixlen_diff` first: its TypeError for None, as CPython's
  ops.sub(self.prefix, diffPy);
  const diff = intArg(diffPy, 'a prefix length');
  const newPrefixlen = BigInt(self.prefix) - diff;
  if (newPrefixlen < 0n) throw valueError(`current prefixlen is ${self.prefix}, cannot have a prefixlen_diff of ${diff}`);
  if (diff < 0n) throw valueError('negative shift count');
  if (newPrefixlen > BigInt(BITS[self.v])) throw valueError(`${newPrefixlen} is not a valid netmask`);
  return netOf(self.v, self.addr.ip & (maskOf(self.v, self.prefix) << diff), Number(newPrefixlen));
}

/** address_exclude(other): a generator of self's networks that are not other's. */
export function* addressExclude(self: IPNet, other: Py): Generator<Py> {
  if (!isIP(other)) throw noAttribute(other, '_version');
  if (self.v !== other.v) throw typeErr(`${strOf(self)} and ${strOf(other)} are not of the same version`);
  if (!(other instanceof IPNet)) throw typeErr(`${strOf(other)} is not a network object`);
  if (!isSubnetOf(other, self)) throw valueError(`${strOf(other)} not contained in ${strOf(self)}`);
  if (eqValue(other, self)) return;
  const target = netOf(other.v, other.addr.ip, other.prefix);
  const halves = (n: IPNet): [IPNet, IPNet] => {
    const p = n.prefix + 1;
    return [netOf(n.v, n.addr.ip, p), netOf(n.v, n.addr.ip | (1n << BigInt(BITS[n.v] - p)), p)];
  };
  let [s1, s2] = halves(self);
  while (!eqValue(s1, target) && !eqValue(s2, target)) {
    charge(ITEM * 2);
    if (isSubnetOf(target, s1)) {
      yield s2;
      [s1, s2] = halves(s1);
    } else if (isSubnetOf(target, s2)) {
      yield s1;
      [s1, s2] = halves(s2);
    } else {
      throw pyErr(AssertionError_, `Error performing exclusion: s1: ${strOf(s1)} s2: ${strOf(s2)} other: ${strOf(target)}`);
    }
  }
  yield eqValue(s1, target) ? s2 : s1;
}

/** compare_networks(other) */
export function compareNetworks(self: IPNet, other: Py): number {
  if (!isIP(other)) throw noAttribute(other, '_version');
  if (self.v !== other.v) throw typeErr(`${strOf(self)} and ${strOf(other)} are not of the same type`);
  if (!(other instanceof IPNet)) throw noAttribute(other, 'network_address');
  if (holds(self.addr, '<', other.addr)) return -1;
  if (holds(self.addr, '>', other.addr)) return 1;
  if (self.prefix !== other.prefix) return self.prefix < other.prefix ? -1 : 1;
  return 0;
}

export const numAddresses = (n: IPNet): Py => norm(hostmaskOf(n.v, n.prefix) + 1n);
