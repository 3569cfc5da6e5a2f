/**
 * make_dataclass, as Lib/dataclasses.py writes it: each field a name ('typing.Any' its type), a
 * (name, type) or a (name, type, spec) pair, the names checked in its order and words; then the
 * class made as types.new_class makes it (the bases' metaclass, its `__prepare__`, the given
 * namespace, the specs as defaults and the annotations stored into it), and dataclass() applied.
 * type_new reads `__module__` from the frame that calls it: types.new_class's (`types`), or a
 * condition's metaclass's `__new__`'s, or a module's metaclass's (abc's: `abc`).
 */
import { getattr } from '../../attributes.js';
import { step } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { PyClass } from '../../class-values.js';
import { fatalErr, typeErr, UnsupportedError, valueErr } from '../../exceptions.js';
import { setitem } from '../../items.js';
import { buildClass, calculateMeta, hasMroEntries, typeOfTypes } from '../../metaclass.js';
import * as ops from '../../ops.js';
import { repr } from '../../repr.js';
import { bindArgs, Signature } from '../../signature.js';
import { isRunClass } from '../../subclasses.js';
import { argTypeName, PyDict, PyFunc, PyStrBox, PyTuple, PyType, typeName, type Py } from '../../values.js';
import { DATACLASS } from './process.js';

const builtin = (name: string): Py => BUILTINS.get(name)!;

/** keyword.kwlist: the hard keywords of CPython 3.11. */
const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

const DATACLASS_KEYWORDS = ['init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen', 'match_args', 'kw_only', 'slots', 'weakref_slot'];
const MAKE_SIG = new Signature('make_dataclass', ['cls_name', 'fields', '', 'bases', 'namespace', ...DATACLASS_KEYWORDS].map((name) => ({ name, star: name === '' ? ('*' as const) : ('' as const) })), 'python');

const strValue = (v: Py): string | undefined => (typeof v === 'string' ? v : v instanceof PyStrBox ? v.value : undefined);

/** make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False) */
export const MAKE_DATACLASS = new PyFunc('make_dataclass', (a, k) => {
  const v = bindArgs(MAKE_SIG, a, k, [undefined, undefined, undefined, new PyTuple([]), null, true, true, true, false, false, false, true, false, false, false]);
  const [clsName, fields, , bases, given] = v;
  const namespace = given === null ? new PyDict() : given;
  const seen = new Set<string>();
  const annotations = new PyDict();
  const defaults = new PyDict();
  for (const item of ops.iterate(fields)) {
    step();
    let name: Py;
    let tp: Py;
    if (strValue(item) !== undefined) {
      name = item;
      tp = 'typing.Any';
    } else {
      const n = callValue(builtin('len'), [item], null);
      if (n === 2) [name, tp] = unpack(item, 2);
      else if (n === 3) {
        let spec: Py;
        [name, tp, spec] = unpack(item, 3);
        setitem(defaults, strValue(name) ?? name, spec);
      } else throw typeErr(`Invalid field: ${repr(item)}`);
    }
    const s = strValue(name);
    if (s === undefined || callValue(getattr(name, 'isidentifier'), [], null) !== true) throw typeErr(`Field names must be valid identifiers: ${repr(name)}`);
    if (KEYWORDS.has(s)) throw typeErr(`Field names must not be keywords: ${repr(name)}`);
    if (seen.has(s)) throw typeErr(`Field name duplicated: ${repr(name)}`);
    seen.add(s);
    // a str subclass's name is kept as the str it is: the fields and the methods dataclass() writes name them by it
    setitem(annotations, s, tp);
  }
  const cls = newClass(clsName, bases, (ns) => {
    callValue(getattr(ns, 'update'), [namespace], null);
    callValue(getattr(ns, 'update'), [defaults], null);
    setitem(ns, '__annotations__', annotations);
  });
  const kw = new Map<string, Py>(DATACLASS_KEYWORDS.map((name, i) => [name, v[5 + i]]));
  return callValue(DATACLASS, [cls], kw);
}, 'function');

/** `name, tp, spec = item`: its items, as many as its len() said, else unpacking's ValueError. */
function unpack(item: Py, n: number): Py[] {
  const out: Py[] = [];
  for (const x of ops.iterate(item)) {
    step();
    if (out.length === n) throw valueErr(`too many values to unpack (expected ${n})`);
    out.push(x);
  }
  if (out.length !== n) throw valueErr(`not enough values to unpack (expected ${n}, got ${out.length})`);
  return out;
}

/**
 * types.new_class(name, bases, {}, exec_body): the metaclass of the bases (type where there are
 * none), its namespace filled by fill, then the class made of it. `__module__` is what type_new
 * reads from its caller's globals: `types`, unless a condition's metaclass's `__new__` calls it.
 */
function newClass(name: Py, bases: Py, fill: (ns: Py) => void): Py {
  if (!(bases instanceof PyTuple)) {
    // resolve_bases iterates them, then type.__new__ refuses what is no tuple
    for (const b of ops.iterate(bases)) {
      step();
      if (hasMroEntries(b)) throw fatalErr(UnsupportedError, 'make_dataclass() with a base that has __mro_entries__ is not supported');
    }
    throw typeErr(`type.__new__() argument 2 must be tuple, not ${typeName(bases)}`);
  }
  if (bases.items.some(hasMroEntries)) throw fatalErr(UnsupportedError, 'make_dataclass() with a base that has __mro_entries__ is not supported');
  const items = bases.items;
  let meta: Py = items.length > 0 ? callValue(builtin('type'), [items[0]], null) : typeOfTypes();
  if (meta instanceof PyType) meta = calculateMeta(meta, items);
  let module: string | null = 'types';
  if (meta !== typeOfTypes()) {
    if (!(meta instanceof PyClass)) throw fatalErr(UnsupportedError, `make_dataclass() with a base whose metaclass is ${repr(meta)} is not supported`);
    // a module's metaclass's __new__ (abc.ABCMeta's, in Python there) calls type_new from its module: type_new() names it
    if (!isRunClass(meta)) module = null;
    // a __new__ of the condition's calls type_new from the condition's frame
    else if (meta.mro.some((t) => t instanceof PyClass && isRunClass(t) && t.attrs.has('__new__'))) module = 'builtins';
  }
  const n = strValue(name);
  if (n === undefined) throw typeErr(`type.__new__() argument 1 must be str, not ${argTypeName(name)}`);
  return buildClass(n, n, [...items], null, meta, (ns) => {
    // the namespace starts empty: new_class's body stores no __module__ or __qualname__
    if (ns instanceof PyDict) {
      ns.delete('__module__');
      ns.delete('__qualname__');
    }
    fill(ns);
    if (module !== null && ns instanceof PyDict && !ns.has('__module__')) ns.set('__module__', module);
    return () => undefined;
  });
}
