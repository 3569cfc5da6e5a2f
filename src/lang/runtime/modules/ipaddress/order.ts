/**
 * ==, the orderings and hash, as ipaddress.py's __eq__ and __lt__ answer (total_ordering makes
 * the other three from __lt__), dispatched as CPython's do_richcompare does between these
 * classes: an interface (a subclass of its address class) is asked first against an address.
 * So an address is never == an interface, sorts before every interface of its version, and
 * different versions are a TypeError.
 */
import { typeErr } from '../../exceptions.js';
import { pyHashBig } from '../../hash.js';
import { norm } from '../../int/int.js';
import { NOT_IMPLEMENTED, type NotImplemented } from '../../types/protocol.js';
import { PyTuple, type Py } from '../../values.js';
import { classNameOf, strOf } from './properties.js';
import { IPAddr, IPNet } from './values.js';

type IP = IPAddr | IPNet;
type R = boolean | NotImplemented;
export type Order = '<' | '<=' | '>' | '>=';

export const isIP = (v: Py): v is IP => v instanceof IPAddr || v instanceof IPNet;
/** type(b) is a proper subclass of type(a): b an interface, a an address of its version. */
const subclassOf = (b: IP, a: IP): boolean => b instanceof IPAddr && a instanceof IPAddr && b.net !== null && a.net === null && a.v === b.v;

/** type(a).__eq__(a, b) */
function eqMethod(a: IP, b: Py): R {
  if (a instanceof IPNet) {
    if (!(b instanceof IPNet)) return NOT_IMPLEMENTED;
    return a.v === b.v && eqValue(a.addr, b.addr) && a.prefix === b.prefix;
  }
  if (!(b instanceof IPAddr)) return NOT_IMPLEMENTED;
  let r = a.ip === b.ip && a.v === b.v;
  // IPv6Address.__eq__: the scope ids too
  if (r && a.v === 6) r = a.scope === b.scope;
  if (!r || a.net === null) return r;
  // IPv4Interface.__eq__: self.network == other.network, False where other has none
  return b.net === null ? false : eqValue(a.net, b.net);
}

/** a == b between these classes, with the reflected __eq__ and identity after: NOT_IMPLEMENTED where neither is one. */
export function eqDispatch(a: Py, b: Py): R {
  if (isIP(b) && isIP(a) && subclassOf(b, a)) {
    const r = eqMethod(b, a);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  if (isIP(a)) {
    const r = eqMethod(a, b);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  if (isIP(b)) {
    const r = eqMethod(b, a);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  return isIP(a) || isIP(b) ? a === b : NOT_IMPLEMENTED;
}

export const eqValue = (a: Py, b: Py): boolean => eqDispatch(a, b) === true;

const sameVersion = (a: IP, b: IP): void => {
  if (a.v !== b.v) throw typeErr(`${strOf(a)} and ${strOf(b)} are not of the same version`);
};

/** type(a).__lt__(a, b) */
function ltMethod(a: IP, b: Py): R {
  if (a instanceof IPNet) {
    if (!(b instanceof IPNet)) return NOT_IMPLEMENTED;
    sameVersion(a, b);
    if (!eqValue(a.addr, b.addr)) return a.addr.ip < b.addr.ip;
    // self.netmask < other.netmask: a longer prefix's mask is the larger
    if (a.prefix !== b.prefix) return a.prefix < b.prefix;
    return false;
  }
  if (!(b instanceof IPAddr)) return NOT_IMPLEMENTED;
  sameVersion(a, b);
  const less = a.ip !== b.ip ? a.ip < b.ip : false;
  if (a.net === null) return less;
  // IPv4Interface.__lt__: by network, then address; an address (no network) is less than every interface
  if (b.net === null) return false;
  return ltMethod(a.net, b.net) === true || (eqValue(a.net, b.net) && less);
}

/** type(a).__op__(a, b), __gt__, __le__ and __ge__ as total_ordering makes them from __lt__. */
function opMethod(a: IP, op: Order, b: Py): R {
  const lt = ltMethod(a, b);
  if (lt === NOT_IMPLEMENTED) return lt;
  switch (op) {
    case '<':
      return lt;
    case '>':
      return !lt && !eqValue(a, b);
    case '<=':
      return lt || eqValue(a, b);
    default:
      return !lt;
  }
}

const REFLECTED: Record<Order, Order> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

/** a op b, as do_richcompare asks: NOT_IMPLEMENTED where neither operand's method answers (the caller words the TypeError). */
export function orderDispatch(a: Py, op: Order, b: Py): R {
  let reflectedTried = false;
  if (isIP(a) && isIP(b) && subclassOf(b, a)) {
    reflectedTried = true;
    const r = opMethod(b, REFLECTED[op], a);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  if (isIP(a)) {
    const r = opMethod(a, op, b);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  if (isIP(b) && !reflectedTried) {
    const r = opMethod(b, REFLECTED[op], a);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  return NOT_IMPLEMENTED;
}

/** a op b between two of these, or CPython's TypeError. */
export function holds(a: IP, op: Order, b: IP): boolean {
  const r = orderDispatch(a, op, b);
  if (r === NOT_IMPLEMENTED) throw typeErr(`'${op}' not supported between instances of '${classNameOf(a)}' and '${classNameOf(b)}'`);
  return r;
}

/** hash(x): an address's is hash(hex(ip)); an IPv6 address's hash((ip, scope_id)); an interface's hash((ip, prefixlen, network int)); a network's hash(int ^ netmask). */
export function hashOf(x: IP): bigint {
  if (x instanceof IPNet) {
    const mask = (((1n << BigInt(x.v === 4 ? 32 : 128)) - 1n) >> BigInt(x.prefix)) ^ ((1n << BigInt(x.v === 4 ? 32 : 128)) - 1n);
    return pyHashBig(norm(x.addr.ip ^ mask));
  }
  if (x.net !== null) return pyHashBig(new PyTuple([norm(x.ip), x.net.prefix, norm(x.net.addr.ip)]));
  if (x.v === 6) return pyHashBig(new PyTuple([norm(x.ip), x.scope]));
  return pyHashBig(`0x${x.ip.toString(16)}`);
}

/** The key dicts and sets file x under: == values share one. */
export function keyOf(x: IP): string {
  if (x instanceof IPNet) return `\u0000IPNet${x.v}:${x.addr.ip}%${x.addr.scope ?? ''}/${x.prefix}`;
  const scope = x.v === 6 ? `%${x.scope ?? ''}` : '';
  return x.net === null ? `\u0000IPAddr${x.v}:${x.ip}${scope}` : `\u0000IPIface${x.v}:${x.ip}${scope}/${x.net.prefix}:${x.net.addr.ip}%${x.net.addr.scope ?? ''}`;
}
