/**
 * The ipaddress module, as CPython 3.11's Lib/ipaddress.py: ip_address, ip_network,
 * ip_interface, the six classes, AddressValueError and NetmaskValueError, and the functions
 * over ranges and lists of networks. Parsing is parse.ts, the constructors construct.ts, the
 * order and hash order.ts, a network's methods network.ts, the classes' slots types.ts.
 */
import { PyIterator, PyModule, type PyFunc, type Py } from '../../values.js';
import { pyDef } from '../python-def.js';
import { address, either, iface, network } from './construct.js';
import { collapse, mixedTypeKey, packed, summarize } from './functions.js';
import { IPV4_ADDRESS, IPV4_INTERFACE, IPV4_NETWORK, IPV6_ADDRESS, IPV6_INTERFACE, IPV6_NETWORK } from './types.js';
import { AddressValueError, NetmaskValueError } from './values.js';

/** A function of ipaddress.py's: a Python function, as `type(ipaddress.ip_address)` says. */
const fn = (name: string, params: string[], defaults: Readonly<Record<string, Py>>, body: (...args: Py[]) => Py): [string, PyFunc] => [name, pyDef(name, params, defaults, body)];

export const IPADDRESS_MODULE = new PyModule(
  'ipaddress',
  new Map<string, Py>([
    ['IPV4LENGTH', 32],
    ['IPV6LENGTH', 128],
    ['AddressValueError', AddressValueError],
    ['NetmaskValueError', NetmaskValueError],
    fn('ip_address', ['address'], {}, (x) => either((v) => address(v, x), x, 'address')),
    fn('ip_network', ['address', 'strict'], { strict: true }, (x, strict) => either((v) => network(v, x, strict), x, 'network')),
    fn('ip_interface', ['address'], {}, (x) => either((v) => iface(v, x), x, 'interface')),
    fn('v4_int_to_packed', ['address'], {}, (x) => packed(4, x)),
    fn('v6_int_to_packed', ['address'], {}, (x) => packed(6, x)),
    fn('summarize_address_range', ['first', 'last'], {}, (first, last) => new PyIterator(summarize(first, last), 'generator')),
    fn('collapse_addresses', ['addresses'], {}, (addresses) => new PyIterator(collapse(addresses), 'generator')),
    fn('get_mixed_type_key', ['obj'], {}, mixedTypeKey),
    ['IPv4Address', IPV4_ADDRESS],
    ['IPv4Interface', IPV4_INTERFACE],
    ['IPv4Network', IPV4_NETWORK],
    ['IPv6Address', IPV6_ADDRESS],
    ['IPv6Interface', IPV6_INTERFACE],
    ['IPv6Network', IPV6_NETWORK],
  ]),
);
