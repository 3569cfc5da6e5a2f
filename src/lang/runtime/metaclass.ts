/**
 * A class statement whose class a metaclass other than type makes (`metaclass=M`, a base M
 * made, a base's `__mro_entries__`), as builtin___build_class__ runs it: the bases' entries,
 * the metaclass calculated from the bases (the conflict in CPython's words), `M.__prepare__`'s
 * namespace, the body's names stored into it, then `M(name, bases, namespace, **kw)`. A class
 * statement of plain bases and no metaclass keeps compile/classes.ts's own route, which pays
 * for none of this.
 */
import { tick, work } from './budget.js';
import { callValue } from './call.js';
import { PyClass, PyClassOfMeta } from './class-values.js';
import { classOfInstance } from './classes.js';
import { fatalErr, typeErr, UnsupportedError } from './exceptions.js';
import { repr } from './repr.js';
import { getattr } from './attributes.js';
import { typeInCPython } from './shared-objects.js';
import { delitem, setitem } from './items.js';
import { PyDict, PyTuple, PyType, typeName, type Py } from './values.js';

let TYPE: PyType;
let typeOfValue: (v: Py) => PyType;
/** Set by builtins.ts once `type` is made (a leaf cannot import it). */
export function setMetaclassBuiltins(type: PyType, typeOf: (v: Py) => PyType): void {
  TYPE = type;
  typeOfValue = typeOf;
}

/** `type` itself. */
export const typeOfTypes = (): PyType => TYPE;

/** The type of a class: its metaclass. */
export const metaOf = (t: PyType): PyType => (t instanceof PyClassOfMeta ? t.meta : TYPE);

/** Whether a base asks for this route: a class a metaclass made, or no class (its __mro_entries__, else its type, is asked). */
export const needsMeta = (b: Py): boolean => b instanceof PyClassOfMeta || !(b instanceof PyType);

/** A base that is no class but a value whose class has __mro_entries__. */
export const hasMroEntries = (b: Py): boolean => !(b instanceof PyType) && classOfInstance(b)?.lookup('__mro_entries__') !== undefined;

export const CONFLICT = 'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases';

/** _PyType_CalculateMetaclass: the most derived of meta and the bases' types, each a subclass of the others. */
export function calculateMeta(meta: PyType, bases: readonly Py[]): PyType {
  let winner = meta;
  for (const b of bases) {
    tick();
    const t = b instanceof PyType ? metaOf(b) : typeOfValue(b);
    if (winner.isSubclassOf(t)) continue;
    if (t.isSubclassOf(winner)) {
      winner = t;
      continue;
    }
    throw typeErr(CONFLICT);
  }
  return winner;
}

/**
 * The library's values whose `__mro_entries__` leads to a metaclass of its own, by what that
 * metaclass makes of the class's name, the namespace the body filled and the bases as written
 * (typing.NamedTuple's NamedTupleMeta).
 */
export type ClassForm = (name: string, ns: PyDict, given: readonly Py[], kw: Map<string, Py> | null) => Py;
const CLASS_FORMS = new WeakMap<object, ClassForm>();
export const fileClassForm = (b: object, make: ClassForm): void => void CLASS_FORMS.set(b, make);
/** Whether a value is one of those (its __mro_entries__ not built as an attribute, but by its class form). */
export const hasClassForm = (b: Py): boolean => b !== null && typeof b === 'object' && CLASS_FORMS.has(b);

/** update_bases: each base that is no class but has __mro_entries__ is replaced by the tuple it answers. */
function updateBases(given: Py[]): Py[] {
  let out: Py[] | null = null;
  const orig = new PyTuple(given);
  for (let i = 0; i < given.length; i++) {
    tick();
    const b = given[i];
    if (!hasMroEntries(b)) {
      out?.push(b);
      continue;
    }
    const entries = callValue(getattr(b, '__mro_entries__'), [orig], null);
    if (!(entries instanceof PyTuple)) throw typeErr('__mro_entries__ must return a tuple');
    out ??= given.slice(0, i);
    out.push(...entries.items);
  }
  return out ?? given;
}

/** The namespace's cell setters (the class's `__class__`, its docstring), which type.__new__ calls once the class is made, as type_new reads `__classcell__`. */
const CELLS = new WeakMap<object, (cls: PyClass) => void>();
export const classCellOf = (ns: PyDict): ((cls: PyClass) => void) | undefined => CELLS.get(ns);

/**
 * Whether a namespace takes each of the body's stores as it is made, as CPython's STORE_NAME
 * does: a runtime-written one that rewrites what it is given (enum's _EnumDict, whose auto()
 * values the body's later lines read) says so; for any other, the body's names are stored once
 * it has run, and read from its own frame.
 */
export const storesThrough = (ns: Py): boolean => ns instanceof PyDict && (ns as { storesThrough?: boolean }).storesThrough === true;

/** The body's frame over such a namespace: each store of a name goes into it, and the body then reads back what it kept. */
export function throughNamespace(ns: Py, frame: Py[], slots: readonly (readonly [string, number])[]): Py[] {
  const names = new Map<string, string>();
  for (const [name, slot] of slots) names.set(String(slot), name);
  return new Proxy(frame, {
    set(target, key, value) {
      const name = typeof key === 'string' ? names.get(key) : undefined;
      if (name === undefined) return Reflect.set(target, key, value);
      // `del name` in the body: out of the namespace too
      if (value === undefined) {
        if (target[Number(key)] !== undefined && (ns as PyDict).get(name) !== undefined) delitem(ns, name);
        return Reflect.set(target, key, value);
      }
      setitem(ns, name, value as Py);
      const kept = (ns as PyDict).get(name);
      return Reflect.set(target, key, kept === undefined ? value : kept);
    },
  });
}

/** The body's run: it stores its names into the namespace, and answers what sets the `__class__` cell. */
export type ClassBody = (ns: Py) => (cls: PyClass) => void;

export function buildClass(name: string, qualname: string, given: Py[], kw: Map<string, Py> | null, metaGiven: Py | undefined, body: ClassBody): Py {
  const form = metaGiven === undefined ? classForm(given) : undefined;
  if (form !== undefined) return form(name, formNamespace(qualname, given, body), given, kw);
  const bases = updateBases(given);
  for (const b of bases) {
    // map, filter, zip, enumerate: types CPython subclasses, functions here (whose type would be the metaclass)
    const asType = typeof b === 'object' && b !== null && !(b instanceof PyType) ? typeInCPython(b) : undefined;
    if (asType !== undefined && asType !== 'functools.partial') throw fatalErr(UnsupportedError, `a class of a condition may not subclass '${asType}': it is a function in the evaluator`);
  }
  let meta: Py = metaGiven ?? (bases.length > 0 ? typeOfValue(bases[0]) : TYPE);
  // a metaclass that is no class (a function) is called as it is
  if (meta instanceof PyType) meta = calculateMeta(meta, bases);
  const basesT = bases === given ? new PyTuple(given) : new PyTuple(bases);
  const ns = prepare(meta, name, basesT, kw);
  // the body's first stores, as CPython's compiler emits them
  setitem(ns, '__module__', 'builtins');
  setitem(ns, '__qualname__', qualname);
  const setCell = body(ns);
  if (bases !== given) setitem(ns, '__orig_bases__', new PyTuple(given));
  let set = false;
  if (ns instanceof PyDict) CELLS.set(ns, (cls) => ((set = true), setCell(cls)));
  const cls = callValue(meta, [name, basesT, ns], kw);
  if (!set && cls instanceof PyClass) setCell(cls);
  return cls;
}

/** The class form of the first base that has one (a NamedTuple among the bases), if any. */
function classForm(given: readonly Py[]): ClassForm | undefined {
  for (const b of given) {
    const form = b !== null && typeof b === 'object' ? CLASS_FORMS.get(b) : undefined;
    if (form !== undefined) return form;
  }
  return undefined;
}

/** The namespace a class form's metaclass gets: type's `__prepare__`'s dict, filled as buildClass fills one. */
function formNamespace(qualname: string, given: readonly Py[], body: ClassBody): PyDict {
  const ns = new PyDict();
  setitem(ns, '__module__', 'builtins');
  setitem(ns, '__qualname__', qualname);
  body(ns);
  setitem(ns, '__orig_bases__', new PyTuple([...given]));
  return ns;
}

/** meta.__prepare__(name, bases, **kw), type's an empty dict; its answer must be a mapping (PyMapping_Check: a __getitem__). */
function prepare(meta: Py, name: string, bases: PyTuple, kw: Map<string, Py> | null): Py {
  const own = meta instanceof PyClass ? meta.lookup('__prepare__') : undefined;
  if (own === undefined) return new PyDict();
  const ns = callValue(getattr(meta, '__prepare__'), [name, bases], kw);
  if (!(ns instanceof PyDict) && classOfInstance(ns)?.lookup('__getitem__') === undefined) {
    throw typeErr(`${meta instanceof PyType ? meta.name : '<metaclass>'}.__prepare__() must return a mapping, not ${typeName(ns)}`);
  }
  return ns;
}

/**
 * The body's names start from the namespace's entries (`__prepare__` may fill it). A body reads
 * its other names from the condition's scope, not from the namespace (no LOAD_NAME through a
 * mapping here): an entry the body does not assign is refused, where reading it would differ.
 */
export function prefill(ns: Py, slots: readonly (readonly [string, number])[], frame: { s: Py[] }): void {
  if (!(ns instanceof PyDict) || ns.m.size === 0) return;
  work(ns.m.size);
  for (const [name, slot] of slots) frame.s[slot] = ns.get(name);
  const names = new Set(slots.map(([n]) => n));
  for (const [nk] of ns.m) {
    const key = ns.key(nk);
    if (key === '__module__' || key === '__qualname__' || (typeof key === 'string' && names.has(key))) continue;
    throw fatalErr(UnsupportedError, `a class body in a condition reads only the names it assigns from its metaclass's namespace: '__prepare__' put ${repr(key)} there, which the body does not assign`);
  }
}
