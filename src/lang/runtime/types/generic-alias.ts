/**
 * types.GenericAlias: `list[int]`, `dict[str, int]`, `tuple[int, ...]`, as annotations write
 * them. It prints as written, is == to an alias of the same origin and arguments, calls its
 * origin, and isinstance() refuses it with CPython's TypeError. Nothing is checked against it.
 */
import { runNumber, tick, work } from '../budget.js';
import { idOf } from '../identity.js';
import { PyClass } from '../class-values.js';
import { fatalErr, typeErr, UnsupportedError } from '../exceptions.js';
import { pyHashBig } from '../hash.js';
import { hashKey } from '../keys.js';
import { ELLIPSIS, PyFunc, PyTuple, PyType, type Py } from '../values.js';
import { NOT_IMPLEMENTED, type PyTypeSlots } from './protocol.js';
import { registerType } from './table.js';
import { holdsParameters, parametersOf, substituted } from './type-params.js';

export class PyGenericAlias extends PyFunc {
  /** `unpacked`: `*tuple[int, str]`, as iterating an alias makes it (ga's starred). */
  constructor(readonly origin: PyType, readonly args: readonly Py[], readonly unpacked = false) {
    // calling it calls its origin: list[int]('ab') is ['a', 'b']; a condition's class's instance keeps it as __orig_class__ (ga_call)
    super(origin.name, origin instanceof PyClass ? (a, k) => {
      const obj = origin.fn(a, k);
      keepOrigClass(obj, this);
      return obj;
    } : origin.fn);
  }
}

let keepOrigClass: (obj: Py, alias: PyGenericAlias) => void = () => undefined;
/** classes.ts: ga_call's `obj.__orig_class__ = alias`, an AttributeError or TypeError passed by (a leaf cannot import setattr). */
export const setOrigClassStore = (f: typeof keepOrigClass): void => void (keepOrigClass = f);

/** The types whose __class_getitem__ makes one, added where they are made (int[str] stays "not subscriptable"). */
export const GENERIC_ORIGINS = new Set<PyType>();

/** origin[key]: a tuple key gives the arguments (tuple[()] none). */
export function genericAlias(origin: PyType, key: Py): PyGenericAlias {
  return new PyGenericAlias(origin, key instanceof PyTuple ? key.items : [key]);
}

// ga_new: no keywords, exactly two positional arguments; an origin that is not a type is not built (its repr and key read a type's name)
export const GENERIC_ALIAS_TYPE = new PyType('types.GenericAlias', (a, kw) => {
  if (kw !== null && kw.size > 0) throw typeErr('GenericAlias() takes no keyword arguments');
  if (a.length !== 2) throw typeErr(`GenericAlias expected 2 arguments, got ${a.length}`);
  if (!(a[0] instanceof PyType)) throw fatalErr(UnsupportedError, 'a GenericAlias whose origin is not a type is not available in conditions');
  return genericAlias(a[0], a[1]);
});

/**
 * A type by its module and qualified name, as ga_repr_item gives it (`collections.Counter`), and
 * one of the module builtins by its qualified name alone: a condition's class, whose repr names
 * it by its name (`<class 'L'>`), is `envelope.<locals>.L` here.
 */
function typeText(t: PyType, item: (x: Py) => string): string {
  const text = /^<class '(.*)'>$/.exec(item(t))?.[1] ?? t.name;
  const qualname = (t as { qualname?: unknown }).qualname;
  return text === t.name && typeof qualname === 'string' ? qualname : text;
}

/** ga_repr_item: a type by its name, ... for Ellipsis, an alias as itself, anything else its repr. */
export function argRepr(v: Py, item: (x: Py) => string): string {
  if (v === ELLIPSIS) return '...';
  if (v instanceof PyGenericAlias) return aliasRepr(v, item);
  if (v instanceof PyType) return typeText(v, item);
  return item(v);
}

function aliasRepr(v: PyGenericAlias, item: (x: Py) => string): string {
  return `${v.unpacked ? '*' : ''}${typeText(v.origin, item)}[${v.args.length === 0 ? '()' : v.args.map((a) => argRepr(a, item)).join(', ')}]`;
}

/**
 * Equal aliases share a key: the origin's name and the arguments' keys (a type's by its name).
 * Each argument is a tick: an alias may hold one alias twice (x = dict[x, x] in a loop), so its
 * tree of arguments is exponential in its depth, as CPython's hash walks it.
 */
export function aliasKey(v: PyGenericAlias): string {
  const known = KEYS.get(v);
  if (known !== undefined && known.run === runNumber()) return known.key;
  // kept where no argument's key asked a condition's __hash__ (an alias is immutable, its types' names too)
  let keep = true;
  const part = (a: Py): string => {
    tick();
    if (a instanceof PyGenericAlias) return aliasKey(a);
    // a builtin type by its name; a condition's class by itself (two classes A are two, and a renamed one the same)
    if (a instanceof PyType) return a instanceof PyClass ? '#' + idOf(a) : 't' + a.name;
    if (a === ELLIPSIS) return '...';
    // an int, str, bool or None is its own key; anything else may ask a condition's __hash__
    if (a !== null && typeof a === 'object') keep = false;
    return 'k' + String(hashKey(a));
  };
  const key = `\u0000GenericAlias${v.unpacked ? '*' : ''}${v.origin.name}[${v.args.map(part).join('\u0000,')}]`;
  // the key holds its arguments' keys, copied: an alias nested n deep is a key of n parts
  work(key.length);
  if (keep) KEYS.set(v, { key, run: runNumber() });
  return key;
}

/**
 * Each alias's key, made once a run: a union or a dict of aliases nested deep would make their
 * keys anew at each comparison. A class is named in it by its id of the run (identity.ts), so
 * that no count passes from one condition's run to the next, and the key holds for that run.
 */
const KEYS = new WeakMap<PyGenericAlias, { key: string; run: number }>();

/** ga_getattro's own names; any other is its origin's (`list[int].append` is list.append). */
const OWN = new Set(['__class__', '__origin__', '__args__', '__unpacked__', '__parameters__', '__typing_unpacked_tuple_args__', '__mro_entries__', '__reduce_ex__', '__reduce__', '__copy__', '__deepcopy__']);

/** attributes.ts's getattr, set by it: this leaf reads its origin's attributes without importing it. */
let originAttr: (origin: Py, name: string) => Py = () => undefined as never;
export const setOriginAttr = (f: typeof originAttr): void => {
  originAttr = f;
};

function aliasAttr(v: PyGenericAlias, name: string): Py | undefined {
  if (!OWN.has(name)) return originAttr(v.origin, name);
  if (name === '__origin__') return v.origin;
  if (name === '__args__') return new PyTuple(v.args.slice());
  if (name === '__parameters__') return parametersOf(v, v.args);
  if (name === '__unpacked__') return v.unpacked;
  // `*tuple[int, str]`'s (int, str); None for any other
  if (name === '__typing_unpacked_tuple_args__') return v.unpacked && v.origin.name === 'tuple' && !(v.origin instanceof PyClass) ? new PyTuple(v.args.slice()) : null;
  // __class__ is GenericAlias's, as the generic attributes give it
  return undefined;
}

const SLOTS: PyTypeSlots<PyGenericAlias> = {
  name: () => 'types.GenericAlias',
  type: GENERIC_ALIAS_TYPE,
  truthy: () => true,
  len: null,
  // ga_iter: one item, the alias unpacked (`*tuple[int, str]`)
  iter: (v) => [new PyGenericAlias(v.origin, v.args, true)],
  repr: aliasRepr,
  // CPython's mixes its origin's address in: any hash that equal aliases share will do
  hash: (v) => pyHashBig(aliasKey(v)),
  key: aliasKey,
  eq: (a, b, eq) => {
    if (!(b instanceof PyGenericAlias)) return NOT_IMPLEMENTED;
    return a.origin === b.origin && a.unpacked === b.unpacked && a.args.length === b.args.length && a.args.every((x, i) => (tick(), eq(x, b.args[i])));
  },
  getattr: aliasAttr,
  // ga_getitem: `dict[T, list[T]][int]`, the type variables replaced; none: "is not a generic class"
  getitem: (v, key) => new PyGenericAlias(v.origin, substituted(v, v.args, parametersOf(v, v.args).items, key), v.unpacked),
};

registerType(PyGenericAlias, SLOTS);
holdsParameters(PyGenericAlias);
