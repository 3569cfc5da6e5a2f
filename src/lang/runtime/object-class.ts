import { allocItems } from './budget.js';
import { PyClass, PyInstance } from './class-values.js';
import { fatalErr, PyTypeOfBases, typeErr, UnsupportedError } from './exceptions.js';
import { PyFunc, type PyType } from './values.js';

/** `object`: the root every plain class has. `object()` is a bare instance, as a sentinel. */
export const OBJECT_CLASS: PyClass = new PyClass('object', 'object', [], [undefined], (cls) => (args, kw) => {
  if (args.length > 0 || (kw !== null && kw.size > 0)) throw typeErr('object() takes no arguments');
  return new PyInstance(cls);
});

/** A generic NamedTuple's bases, tuple and Generic as written (namedtuple.ts), whose orders are each itself and object. */
export const writtenBases = (t: PyType): readonly PyType[] | undefined => (t as { writtenBases?: readonly PyType[] | null }).writtenBases ?? undefined;

/** A base's method resolution order, itself first: a condition's class has its own; a builtin type's is its bases', then object. */
export function mroOf(t: PyType): readonly PyType[] {
  if (t instanceof PyClass) return t.mro;
  if (t instanceof PyTypeOfBases) return [t, ...t.order, OBJECT_CLASS];
  // a module's type of several bases that is not an exception's (urllib.parse's results): its order given, as PyTypeOfBases'
  const order = (t as { basesOrder?: readonly PyType[] }).basesOrder ?? writtenBases(t);
  if (order !== undefined) return [t, ...order, OBJECT_CLASS];
  const out: PyType[] = [];
  // a module's type may have a class written as one for its base (calendar's), whose order ends it
  for (let b: PyType | null = t; b !== null; b = b.base) {
    if (b instanceof PyClass) return [...out, ...b.mro];
    out.push(b);
  }
  out.push(OBJECT_CLASS);
  return out;
}

/**
 * Module types whose bases CPython has in collections.abc (ChainMap's MutableMapping, Mapping,
 * ...), which the evaluator does not build: their order and bases are refused, not given short.
 * isinstance and issubclass of the type itself hold as its own order answers them.
 */
const ABC_BASED = new WeakMap<PyType, string>();
/** A module's type whose bases (`what`: "typing's _BaseGenericAlias and _Final") the evaluator does not build. */
export const fileBasesNotBuilt = (t: PyType, what: string): void => void ABC_BASED.set(t, what);
export const fileAbcBased = (t: PyType, bases: string): void => fileBasesNotBuilt(t, `collections.abc's ${bases}`);
/** The bases not built of a type so filed, else undefined. */
export const basesNotBuilt = (t: PyType): string | undefined => ABC_BASED.get(t);
/** A type by its module's name too: a module's class written as one keeps its module apart (`collections.UserDict`). */
const qualified = (t: PyType): string => (t instanceof PyClass && t.module !== null ? `${t.module}.${t.name}` : t.name);
export function refuseAbcOrder(t: PyType, what: string): void {
  const bases = ABC_BASED.get(t);
  if (bases !== undefined) throw fatalErr(UnsupportedError, `'${qualified(t)}.${what}' is not available in conditions: its bases are ${bases}, which the evaluator does not build`);
}

/** `T.__mro__` of any type, a copy a read, paid for as any list built: 1,000 classes deep is 1,000 items. */
export function typeMro(t: PyType): PyType[] {
  refuseAbcOrder(t, '__mro__');
  const mro = mroOf(t);
  // a condition's subclass of one (`class D(UserDict)`): its own bases are right, its order is not
  for (const c of mro) {
    const bases = ABC_BASED.get(c);
    if (bases === undefined) continue;
    throw fatalErr(UnsupportedError, `'${qualified(t)}.__mro__' is not available in conditions: it holds ${qualified(c)}, whose bases are ${bases}, which the evaluator does not build`);
  }
  allocItems(mro.length);
  return mro.slice();
}

/** `T.mro()`, bound to T. */
export function mroMethod(t: PyType): PyFunc {
  const name = t instanceof PyClass ? t.qualname : t.name;
  return new PyFunc('mro', (args, kw) => {
    if (args.length > 0 || (kw !== null && kw.size > 0)) throw typeErr(`${name}.mro() takes no ${args.length > 0 ? `arguments (${args.length} given)` : 'keyword arguments'}`);
    return typeMro(t);
  }, 'method');
}
