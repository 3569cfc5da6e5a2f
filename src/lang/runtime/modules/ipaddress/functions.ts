/**
 * The module's functions over many values: summarize_address_range (a generator),
 * collapse_addresses (its split and sort at the call, its merge a generator run at the first
 * next(), as _collapse_addresses_internal is), get_mixed_type_key and the packers.
 */
import { allocItems, charge, step, tick, work } from '../../budget.js';
import { AttributeError, pyErr, typeErr } from '../../exceptions.js';
import { NOT_IMPLEMENTED_VALUE } from '../../class-operators.js';
import { intOf } from '../../numbers.js';
import * as ops from '../../ops.js';
import { PyBytes, PyTuple, typeName, type Py } from '../../values.js';
import { netOf } from './construct.js';
import { eqValue, holds, keyOf } from './order.js';
import { strOf } from './properties.js';
import { valueError } from './parse.js';
import { ALL_ONES, BITS, IPAddr, IPNet, broadcastOf, maskOf, type Version } from './values.js';

const bitLength = (n: bigint): number => (n === 0n ? 0 : n.toString(2).length);

/** _count_righthand_zero_bits */
function rightZeros(n: bigint, bits: number): number {
  if (n === 0n) return bits;
  let z = 0;
  while (z < bits && ((n >> BigInt(z)) & 1n) === 0n) z++;
  return z;
}

function* ranges(v: Version, first: bigint, last: bigint): Generator<IPNet> {
  const bits = BITS[v];
  while (first <= last) {
    charge(4);
    const nbits = Math.min(rightZeros(first, bits), bitLength(last - first + 1n) - 1);
    yield netOf(v, first, bits - nbits);
    first += 1n << BigInt(nbits);
    if (first - 1n === ALL_ONES[v]) break;
  }
}

export function* summarize(first: Py, last: Py): Generator<Py> {
  if (!(first instanceof IPAddr && last instanceof IPAddr)) throw typeErr('first and last must be IP addresses, not networks');
  if (first.v !== last.v) throw typeErr(`${strOf(first)} and ${strOf(last)} are not of the same version`);
  if (holds(first, '>', last)) throw valueError('last IP address must be greater than first');
  yield* ranges(first.v, first.ip, last.ip);
}

const sortIP = <T extends IPAddr | IPNet>(xs: T[]): T[] => {
  // a step per comparison: each compares BigInts through the order's dispatch
  work(xs.length * Math.max(1, Math.ceil(Math.log2(xs.length + 1))) * 32);
  return xs.sort((a, b) => (tick(), holds(a, '<', b) ? -1 : holds(b, '<', a) ? 1 : 0));
};

/** _collapse_addresses_internal */
function* collapseInternal(addresses: IPNet[]): Generator<Py> {
  const toMerge = [...addresses];
  const subnets = new Map<string, IPNet>();
  while (toMerge.length > 0) {
    charge(12);
    const net = toMerge.pop()!;
    const sup = net.prefix === 0 ? net : netOf(net.v, net.addr.ip & maskOf(net.v, net.prefix - 1), net.prefix - 1);
    const k = keyOf(sup);
    // (keyOf writes BigInts in decimal: the merge's dearest part)
    const existing = subnets.get(k);
    if (existing === undefined) subnets.set(k, net);
    else if (!eqValue(existing, net)) {
      subnets.delete(k);
      toMerge.push(sup);
    }
  }
  let last: IPNet | null = null;
  for (const net of sortIP([...subnets.values()])) {
    step();
    if (last !== null && broadcastOf(last) >= broadcastOf(net)) continue;
    yield net;
    last = net;
  }
}

export function collapse(addresses: Py): Generator<Py> {
  let ips: IPAddr[] = [];
  const nets: IPNet[] = [];
  for (const ip of ops.iterate(addresses)) {
    step();
    if (ip instanceof IPAddr) {
      if (ips.length > 0 && ips[ips.length - 1].v !== ip.v) throw typeErr(`${strOf(ip)} and ${strOf(ips[ips.length - 1])} are not of the same version`);
      ips.push(ip);
    } else if (ip instanceof IPNet && ip.prefix === BITS[ip.v]) {
      if (ips.length > 0 && ips[ips.length - 1].v !== ip.v) throw typeErr(`${strOf(ip)} and ${strOf(ips[ips.length - 1])} are not of the same version`);
      ips.push(ip.addr);
    } else if (ip instanceof IPNet) {
      if (nets.length > 0 && nets[nets.length - 1].v !== ip.v) throw typeErr(`${strOf(ip)} and ${strOf(nets[nets.length - 1])} are not of the same version`);
      nets.push(ip);
    } else {
      throw pyErr(AttributeError, `'${typeName(ip)}' object has no attribute '_prefixlen'`);
    }
  }
  // sorted(set(ips))
  allocItems(ips.length);
  const seen = new Map<string, IPAddr>();
  for (const ip of ips) {
    tick();
    if (!seen.has(keyOf(ip))) seen.set(keyOf(ip), ip);
  }
  ips = sortIP([...seen.values()]);
  const addrs: IPNet[] = [];
  // _find_address_range, then summarize_address_range of each run
  let i = 0;
  while (i < ips.length) {
    let j = i;
    while (j + 1 < ips.length && ips[j + 1].ip === ips[j].ip + 1n) {
      tick();
      j++;
    }
    const first = ips[i];
    const last = ips[j];
    if (holds(first, '>', last)) throw valueError('last IP address must be greater than first');
    for (const n of ranges(first.v, first.ip, last.ip)) addrs.push(n);
    i = j + 1;
  }
  return collapseInternal([...addrs, ...nets]);
}

export function mixedTypeKey(obj: Py): Py {
  if (obj instanceof IPNet) return new PyTuple([obj.v, obj.addr, new IPAddr(obj.v, maskOf(obj.v, obj.prefix), null)]);
  if (obj instanceof IPAddr) return new PyTuple([obj.v, obj]);
  return NOT_IMPLEMENTED_VALUE;
}

/** v4_int_to_packed / v6_int_to_packed: address.to_bytes(4 or 16) */
export function packed(v: Version, address: Py): PyBytes {
  const n = intOf(address);
  if (n === undefined) throw pyErr(AttributeError, `'${typeName(address)}' object has no attribute 'to_bytes'`);
  const ip = BigInt(n);
  if (ip < 0n || ip > ALL_ONES[v]) throw valueError(`Address negative or too large for IPv${v}`);
  return packedOf(v, ip);
}

export function packedOf(v: Version, ip: bigint): PyBytes {
  const len = v === 4 ? 4 : 16;
  const out = new Uint8Array(len);
  for (let i = len - 1; i >= 0; i--) {
    out[i] = Number(ip & 0xffn);
    ip >>= 8n;
  }
  return new PyBytes(out);
}
