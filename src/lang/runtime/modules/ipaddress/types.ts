/**
 * The six classes' type objects and slots: IPv4Address, IPv6Address, their Interface
 * subclasses, IPv4Network and IPv6Network. Their values are immutable here: setting an
 * attribute that CPython would let a condition set is refused (UnsupportedError).
 */
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { AttributeError, fatalErr, pyErr, typeErr, UnsupportedError } from '../../exceptions.js';
import { norm } from '../../int/int.js';
import { intOf } from '../../numbers.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../../types/protocol.js';
import { registerType } from '../../types/table.js';
import { PyFunc, PyIterator, PyTuple, type Py } from '../../values.js';
import { PyClassType } from '../class-type.js';
import { fileSharedObject } from '../../shared-objects.js';
import { getattr } from '../../attributes.js';
import { PyProperty } from '../../descriptors.js';
import { pyDef } from '../python-def.js';
import { binder } from './args.js';
import { address, iface, network } from './construct.js';
import { packedOf } from './functions.js';
import { addressExclude, compareNetworks, contains, getitem, hosts, hostsGenerator, isSubnetOf, iterNet, numAddresses, overlaps, subnets, supernet } from './network.js';
import { eqDispatch, hashOf, isIP, keyOf, orderDispatch, type Order } from './order.js';
import { classNameOf, explodedOf, FLAGS, flagOf, reprOf, reversePointerOf, strOf, type Flag } from './properties.js';
import { stringOf } from './parse.js';
import { ALL_ONES, BITS, IPAddr, IPNet, broadcastOf, hostmaskOf, maskOf, type Version } from './values.js';

const ADDRESS_INIT = { 4: binder('IPv4Address.__init__', ['self', 'address'], [undefined, undefined]), 6: binder('IPv6Address.__init__', ['self', 'address'], [undefined, undefined]) };
const IFACE_INIT = { 4: binder('IPv4Interface.__init__', ['self', 'address'], [undefined, undefined]), 6: binder('IPv6Interface.__init__', ['self', 'address'], [undefined, undefined]) };
const NETWORK_INIT = { 4: binder('IPv4Network.__init__', ['self', 'address', 'strict'], [undefined, undefined, true]), 6: binder('IPv6Network.__init__', ['self', 'address', 'strict'], [undefined, undefined, true]) };

/** A class of ipaddress.py's the module does not name (_BaseV4, _BaseAddress, ...): in the classes' __mro__, not callable here. */
const privateClass = (name: string, base: PyClassType | null): PyClassType =>
  new PyClassType(`ipaddress.${name}`, () => {
    throw fatalErr(UnsupportedError, `ipaddress.${name} is not available in conditions: it is a private base class of ipaddress's`);
  }, base);
/** Each class's bases as one chain, its __mro__ (IPv4Network: _BaseV4, _BaseNetwork, _IPAddressBase, object). */
const basesOf = (v: Version, kind: 'Address' | 'Network'): PyClassType => privateClass(`_BaseV${v}`, privateClass(`_Base${kind}`, privateClass('_IPAddressBase', null)));

const addressType = (v: Version) => new PyClassType(`ipaddress.IPv${v}Address`, (a, kw) => address(v, ADDRESS_INIT[v]([null, ...a], kw)[1]), basesOf(v, 'Address'));
export const IPV4_ADDRESS = addressType(4);
export const IPV6_ADDRESS = addressType(6);
const ifaceType = (v: Version, base: PyClassType) => new PyClassType(`ipaddress.IPv${v}Interface`, (a, kw) => iface(v, IFACE_INIT[v]([null, ...a], kw)[1]), base);
export const IPV4_INTERFACE = ifaceType(4, IPV4_ADDRESS);
export const IPV6_INTERFACE = ifaceType(6, IPV6_ADDRESS);
const networkType = (v: Version) => new PyClassType(`ipaddress.IPv${v}Network`, (a, kw) => {
  const [, addr, strict] = NETWORK_INIT[v]([null, ...a], kw);
  return network(v, addr, strict);
}, basesOf(v, 'Network'));
export const IPV4_NETWORK = networkType(4);
export const IPV6_NETWORK = networkType(6);

const typeOfAddr = (x: IPAddr): PyClassType => (x.net !== null ? (x.v === 4 ? IPV4_INTERFACE : IPV6_INTERFACE) : x.v === 4 ? IPV4_ADDRESS : IPV6_ADDRESS);

const plain = (v: Version, ip: bigint): IPAddr => new IPAddr(v, ip, null);
const isFlag = (name: string): name is Flag => (FLAGS as readonly string[]).includes(name);

/** A holds for `op` three-way order, as compare slots answer. */
const orderGiving = (holds: boolean, op: string): number => (op === '<' ? (holds ? -1 : 0) : op === '<=' ? (holds ? 0 : 1) : op === '>' ? (holds ? 1 : 0) : holds ? 0 : -1);

function eqSlot(a: IPAddr | IPNet, b: Py) {
  if (!isIP(b)) return NOT_IMPLEMENTED;
  return eqDispatch(a, b);
}

function compareSlot(a: IPAddr | IPNet, b: Py, op: string) {
  if (!isIP(b)) return NOT_IMPLEMENTED;
  const r = orderDispatch(a, op as Order, b);
  if (r === NOT_IMPLEMENTED) return r;
  return orderGiving(r, op);
}

/** Attributes both kinds answer alike. */
function common(x: IPAddr | IPNet, name: string): Py | undefined {
  switch (name) {
    case 'version':
    case '_version':
      return x.v;
    case 'max_prefixlen':
    case '_max_prefixlen':
      return BITS[x.v];
    case '_ALL_ONES':
      return norm(ALL_ONES[x.v]);
    case 'exploded':
      return explodedOf(x);
    case 'compressed':
      return strOf(x);
    case 'reverse_pointer':
      return reversePointerOf(x);
  }
  if (isFlag(name)) return flagOf(x, name);
  return undefined;
}

function addressAttr(x: IPAddr, name: string): Py | undefined {
  switch (name) {
    case '_ip':
      return norm(x.ip);
    case 'packed':
      return packedOf(x.v, x.ip);
  }
  if (x.v === 6) {
    switch (name) {
      case 'scope_id':
      case '_scope_id':
        return x.scope;
      case 'ipv4_mapped':
        return x.ip >> 32n !== 0xffffn ? null : plain(4, x.ip & 0xffffffffn);
      case 'teredo':
        return x.ip >> 96n !== 0x20010000n ? null : new PyTuple([plain(4, (x.ip >> 64n) & 0xffffffffn), plain(4, ~x.ip & 0xffffffffn)]);
      case 'sixtofour':
        return x.ip >> 112n !== 0x2002n ? null : plain(4, (x.ip >> 80n) & 0xffffffffn);
    }
  }
  const n = x.net;
  if (n !== null) {
    switch (name) {
      case 'ip':
        return plain(x.v, x.ip);
      case 'network':
        return n;
      case '_prefixlen':
        return n.prefix;
    }
    const masked = maskAttr(x.v, n.prefix, () => stringOf(x.v, x.ip), name);
    if (masked !== undefined) return masked;
  }
  return common(x, name);
}

/** An interface's and a network's masks and their texts (`with_netmask`: the address's text, then the mask's); undefined for another name. */
function maskAttr(v: Version, prefix: number, text: () => string, name: string): Py | undefined {
  switch (name) {
    case 'netmask':
      return plain(v, maskOf(v, prefix));
    case 'hostmask':
      return plain(v, hostmaskOf(v, prefix));
    case 'with_prefixlen':
      return `${text()}/${prefix}`;
    case 'with_netmask':
      return `${text()}/${stringOf(v, maskOf(v, prefix))}`;
    case 'with_hostmask':
      return `${text()}/${stringOf(v, hostmaskOf(v, prefix))}`;
  }
  return undefined;
}

function networkAttr(n: IPNet, name: string): Py | undefined {
  switch (name) {
    case 'network_address':
      return n.addr;
    case 'broadcast_address':
      return plain(n.v, broadcastOf(n));
    case 'prefixlen':
    case '_prefixlen':
      return n.prefix;
    case 'num_addresses':
      return numAddresses(n);
  }
  return maskAttr(n.v, n.prefix, () => strOf(n.addr), name) ?? common(n, name);
}

const FORMAT = BUILTINS.get('format')!;

/** _BaseAddress.__format__ for a non-empty spec. */
function formatAddress(x: IPAddr, spec: string): string {
  if (spec.endsWith('s')) return callValue(FORMAT, [strOf(x), spec], null) as string;
  const m = /^(#?)(_?)([xbnX])$/.exec(spec);
  if (m === null) throw typeErr(`unsupported format string passed to ${classNameOf(x)}.__format__`);
  const [, alternate, grouping, given] = m;
  const base = given === 'n' ? (x.v === 4 ? 'b' : 'x') : given;
  let padlen = base === 'b' ? BITS[x.v] : BITS[x.v] / 4;
  if (grouping) padlen += padlen / 4 - 1;
  if (alternate) padlen += 2;
  return callValue(FORMAT, [norm(x.ip), `${alternate}0${padlen}${grouping}${base}`], null) as string;
}

const immutable = (x: IPAddr | IPNet, name: string) => fatalErr(UnsupportedError, `setting ${classNameOf(x)}.${name} is not available in conditions: ipaddress values are immutable in the evaluator`);

const ADDRESS_SLOTS: PyTypeSlots<IPAddr> = {
  name: classNameOf,
  classOf: typeOfAddr,
  truthy: () => true,
  len: null,
  iter: null,
  repr: reprOf,
  str: strOf,
  hash: hashOf,
  key: keyOf,
  eq: eqSlot,
  compare: compareSlot,
  format: formatAddress,
  nb: {
    add: (a, b) => {
      if (!(a instanceof IPAddr)) return NOT_IMPLEMENTED;
      const n = intOf(b);
      if (n === undefined) return NOT_IMPLEMENTED;
      const ip = norm(a.ip + BigInt(n));
      return a.net !== null ? iface(a.v, ip) : address(a.v, ip);
    },
    subtract: (a, b) => {
      if (!(a instanceof IPAddr)) return NOT_IMPLEMENTED;
      const n = intOf(b);
      if (n === undefined) return NOT_IMPLEMENTED;
      const ip = norm(a.ip - BigInt(n));
      return a.net !== null ? iface(a.v, ip) : address(a.v, ip);
    },
  },
  getattr: addressAttr,
  setattr: (x, name) => {
    if (x.net === null && name !== '_ip' && name !== '_scope_id' && !(x.v === 6 && name === '_scope_id')) {
      if (addressAttr(x, name) !== undefined || name === 'scope_id' || name === 'ipv4_mapped' || name === 'teredo' || name === 'sixtofour') throw pyErr(AttributeError, `property '${name}' of '${classNameOf(x)}' object has no setter`);
      throw pyErr(AttributeError, `'${classNameOf(x)}' object has no attribute '${name}'`);
    }
    throw immutable(x, name);
  },
  methods: new Map<string, Method>([['__int__', (x: IPAddr) => norm(x.ip)]]),
};

const NET_METHODS = {
  hosts: binder('_BaseNetwork.hosts', ['self'], [undefined]),
  subnets: binder('_BaseNetwork.subnets', ['self', 'prefixlen_diff', 'new_prefix'], [undefined, 1, null]),
  supernet: binder('_BaseNetwork.supernet', ['self', 'prefixlen_diff', 'new_prefix'], [undefined, 1, null]),
  overlaps: binder('_BaseNetwork.overlaps', ['self', 'other'], [undefined, undefined]),
  subnet_of: binder('_BaseNetwork.subnet_of', ['self', 'other'], [undefined, undefined]),
  supernet_of: binder('_BaseNetwork.supernet_of', ['self', 'other'], [undefined, undefined]),
  address_exclude: binder('_BaseNetwork.address_exclude', ['self', 'other'], [undefined, undefined]),
  compare_networks: binder('_BaseNetwork.compare_networks', ['self', 'other'], [undefined, undefined]),
};

const generator = (g: Generator<Py>): PyIterator => new PyIterator(g, 'generator');

const NETWORK_SLOTS: PyTypeSlots<IPNet> = {
  name: classNameOf,
  classOf: (n) => (n.v === 4 ? IPV4_NETWORK : IPV6_NETWORK),
  truthy: () => true,
  len: null,
  iter: iterNet,
  iterator: (n) => generator(iterNet(n)),
  repr: reprOf,
  str: strOf,
  hash: hashOf,
  key: keyOf,
  eq: eqSlot,
  compare: compareSlot,
  contains: (n, item) => contains(n, item),
  getitem,
  getattr: (n, name) => (name === 'is_site_local' && n.v === 4 ? undefined : networkAttr(n, name)),
  // a bound method of the class's function (`<bound method _BaseNetwork.subnets of ...>`); a /31's or /32's hosts is an attribute of its own in CPython
  pyFunctions: (n, name) => {
    if (name === 'hosts' && n.prefix >= BITS[n.v] - 1) return undefined;
    const f = (n.v === 4 ? IPV4_NETWORK : IPV6_NETWORK).attrs.get(name);
    return f instanceof PyFunc ? f : undefined;
  },
  setattr: (x, name) => {
    throw immutable(x, name);
  },
  methods: new Map<string, Method>([
    ['hosts', (n: IPNet, a, kw) => {
      NET_METHODS.hosts([n, ...a], kw);
      const h = hosts(n);
      return Array.isArray(h) ? h : generator(h);
    }],
    ['subnets', (n: IPNet, a, kw) => {
      const [, diff, newPrefix] = NET_METHODS.subnets([n, ...a], kw);
      return generator(subnets(n, diff, newPrefix));
    }],
    ['supernet', (n: IPNet, a, kw) => {
      const [, diff, newPrefix] = NET_METHODS.supernet([n, ...a], kw);
      return supernet(n, diff, newPrefix);
    }],
    ['overlaps', (n: IPNet, a, kw) => overlaps(n, NET_METHODS.overlaps([n, ...a], kw)[1])],
    ['subnet_of', (n: IPNet, a, kw) => isSubnetOf(n, NET_METHODS.subnet_of([n, ...a], kw)[1])],
    ['supernet_of', (n: IPNet, a, kw) => isSubnetOf(NET_METHODS.supernet_of([n, ...a], kw)[1], n)],
    ['address_exclude', (n: IPNet, a, kw) => generator(addressExclude(n, NET_METHODS.address_exclude([n, ...a], kw)[1]))],
    ['compare_networks', (n: IPNet, a, kw) => compareNetworks(n, NET_METHODS.compare_networks([n, ...a], kw)[1])],
  ]),
};

registerType(IPAddr, ADDRESS_SLOTS);
registerType(IPNet, NETWORK_SLOTS);
// classes written in Python, which take attributes in CPython: refused as shared classes, not as immutable types
for (const t of [IPV4_ADDRESS, IPV6_ADDRESS, IPV4_INTERFACE, IPV6_INTERFACE, IPV4_NETWORK, IPV6_NETWORK]) {
  fileSharedObject(t, t.name);
  for (let b = t.base; b !== null; b = b.base) fileSharedObject(b, b.name);
}

// ---------------------------------------------------------------- the classes' own attributes

const ADDRESS_PROPERTIES = ['exploded', 'compressed', 'reverse_pointer', 'version', 'max_prefixlen', 'packed', 'is_private', 'is_global', 'is_multicast', 'is_unspecified', 'is_loopback', 'is_link_local', 'is_reserved'];
const V6_PROPERTIES = ['is_site_local', 'scope_id', 'ipv4_mapped', 'teredo', 'sixtofour'];
const IFACE_PROPERTIES = ['ip', 'with_prefixlen', 'with_netmask', 'with_hostmask'];
const NETWORK_PROPERTIES = ['exploded', 'compressed', 'reverse_pointer', 'version', 'max_prefixlen', 'with_prefixlen', 'with_netmask', 'with_hostmask', 'num_addresses', 'prefixlen', 'is_private', 'is_global', 'is_multicast', 'is_unspecified', 'is_loopback', 'is_link_local', 'is_reserved'];
const NETWORK_FUNCTIONS: [string, string[], Record<string, Py>][] = [
  ['hosts', ['self'], {}], ['subnets', ['self', 'prefixlen_diff', 'new_prefix'], { prefixlen_diff: 1, new_prefix: null }],
  ['supernet', ['self', 'prefixlen_diff', 'new_prefix'], { prefixlen_diff: 1, new_prefix: null }], ['overlaps', ['self', 'other'], {}], ['subnet_of', ['self', 'other'], {}],
  ['supernet_of', ['self', 'other'], {}], ['address_exclude', ['self', 'other'], {}], ['compare_networks', ['self', 'other'], {}],
];

/** `@property def name(self)`, read through the instance's own slots. */
const property = (cls: string, name: string): PyProperty => new PyProperty(pyDef(`${cls}.${name}`, ['self'], {}, (self) => getattr(self, name)), null, null, null);

function fillClass(t: PyClassType, v: Version, properties: string[], functions: typeof NETWORK_FUNCTIONS): void {
  const cls = t.name.slice('ipaddress.'.length);
  t.attrs.set('_version', v);
  t.attrs.set('_max_prefixlen', BITS[v]);
  t.attrs.set('_ALL_ONES', norm(ALL_ONES[v]));
  for (const name of properties) t.attrs.set(name, property(cls, name));
  for (const [name, params, defaults] of functions) {
    const qualname = name === 'hosts' && v === 6 ? 'IPv6Network.hosts' : `_BaseNetwork.${name}`;
    // hosts() through the class is the generator, which a /31's or /32's instance attribute hides
    const body = name === 'hosts' ? (self: Py) => (self instanceof IPNet ? generator(hostsGenerator(self)) : callValue(getattr(self, name), [], null)) : (self: Py, ...rest: Py[]) => callValue(getattr(self, name), rest, null);
    t.attrs.set(name, pyDef(qualname, params, defaults, body));
  }
}
fillClass(IPV4_ADDRESS, 4, ADDRESS_PROPERTIES, []);
fillClass(IPV6_ADDRESS, 6, [...ADDRESS_PROPERTIES, ...V6_PROPERTIES], []);
fillClass(IPV4_INTERFACE, 4, [...ADDRESS_PROPERTIES, ...IFACE_PROPERTIES], []);
fillClass(IPV6_INTERFACE, 6, [...ADDRESS_PROPERTIES, ...V6_PROPERTIES, ...IFACE_PROPERTIES], []);
fillClass(IPV4_NETWORK, 4, NETWORK_PROPERTIES, NETWORK_FUNCTIONS);
fillClass(IPV6_NETWORK, 6, [...NETWORK_PROPERTIES, 'is_site_local'], NETWORK_FUNCTIONS);
IPV4_NETWORK.attrs.set('_address_class', IPV4_ADDRESS);
IPV6_NETWORK.attrs.set('_address_class', IPV6_ADDRESS);
