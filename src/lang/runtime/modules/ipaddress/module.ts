/**
 * The ipaddress module, as CPython 3.11's Lib/ipaddress.py: ip_address, ip_network,
 * ip_interface, the six classes, AddressValueError and NetmaskValueError, and the functions
 * over ranges and lists of networks. Parsing is parse.ts, the constructors construct.ts, the
 * order and hash order.ts, a network's methods network.ts, the classes' slots types.ts.
 */
import { PyFunc, PyIterator, PyModule, type NativeFn, type Py } from '../../values.js';
import { binder } from './args.js';
import { address, either, iface, network } from './construct.js';
import { collapse, mixedTypeKey, packed, summarize } from './functions.js';
import { IPV4_ADDRESS, IPV4_INTERFACE, IPV4_NETWORK, IPV6_ADDRESS, IPV6_INTERFACE, IPV6_NETWORK } from './types.js';
import { AddressValueError, NetmaskValueError } from './values.js';

const IP_ADDRESS = binder('ip_address', ['address'], [undefined]);
const IP_NETWORK = binder('ip_network', ['address', 'strict'], [undefined, true]);
const IP_INTERFACE = binder('ip_interface', ['address'], [undefined]);
const V4_PACKED = binder('v4_int_to_packed', ['address'], [undefined]);
const V6_PACKED = binder('v6_int_to_packed', ['address'], [undefined]);
const SUMMARIZE = binder('summarize_address_range', ['first', 'last'], [undefined, undefined]);
const COLLAPSE = binder('collapse_addresses', ['addresses'], [undefined]);
const MIXED = binder('get_mixed_type_key', ['obj'], [undefined]);

const fn = (name: string, f: NativeFn): [string, PyFunc] => [name, new PyFunc(name, f)];

export const IPADDRESS_MODULE = new PyModule(
  'ipaddress',
  new Map<string, Py>([
    ['IPV4LENGTH', 32],
    ['IPV6LENGTH', 128],
    ['AddressValueError', AddressValueError],
    ['NetmaskValueError', NetmaskValueError],
    fn('ip_address', (a, kw) => {
      const [x] = IP_ADDRESS(a, kw);
      return either((v) => address(v, x), x, 'address');
    }),
    fn('ip_network', (a, kw) => {
      const [x, strict] = IP_NETWORK(a, kw);
      return either((v) => network(v, x, strict), x, 'network');
    }),
    fn('ip_interface', (a, kw) => {
      const [x] = IP_INTERFACE(a, kw);
      return either((v) => iface(v, x), x, 'interface');
    }),
    fn('v4_int_to_packed', (a, kw) => packed(4, V4_PACKED(a, kw)[0])),
    fn('v6_int_to_packed', (a, kw) => packed(6, V6_PACKED(a, kw)[0])),
    fn('summarize_address_range', (a, kw) => {
      const [first, last] = SUMMARIZE(a, kw);
      return new PyIterator(summarize(first, last), 'generator');
    }),
    fn('collapse_addresses', (a, kw) => new PyIterator(collapse(COLLAPSE(a, kw)[0]), 'generator')),
    fn('get_mixed_type_key', (a, kw) => mixedTypeKey(MIXED(a, kw)[0])),
    ['IPv4Address', IPV4_ADDRESS],
    ['IPv4Interface', IPV4_INTERFACE],
    ['IPv4Network', IPV4_NETWORK],
    ['IPv6Address', IPV6_ADDRESS],
    ['IPv6Interface', IPV6_INTERFACE],
    ['IPv6Network', IPV6_NETWORK],
  ]),
);
