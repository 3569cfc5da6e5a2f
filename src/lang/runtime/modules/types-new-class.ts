/**
 * types.new_class, types.prepare_class and types._calculate_meta, Lib/types.py's functions run
 * as it writes them (each a def there, so a frame of its own toward the recursion limit): the
 * bases resolved by resolve_bases, the metaclass popped from a copy of kwds or taken from the
 * first base and made the most derived by issubclass, its `__prepare__`'s namespace filled by
 * exec_body, `__orig_bases__` where the bases changed, then `meta(name, bases, ns, **kwds)`,
 * which makes the class through the evaluator's own type_new (its `__init_subclass__`, its
 * metaclass conflict, its words for a bad name, bases or namespace).
 */
import { lookupAttr, getattr } from '../attributes.js';
import { enterCall, exitCall, step } from '../budget.js';
import { BUILTINS } from '../builtins.js';
import { callValue } from '../call.js';
import { fatalErr, typeErr, UnsupportedError } from '../exceptions.js';
import { storesThrough } from '../metaclass.js';
import { getitem, setitem } from '../items.js';
import { iterate, truthy } from '../iteration.js';
import { spreadKeywords } from '../star-args.js';
import { withCallerModule } from '../type-new.js';
import { PyDict, PyType, tupleOf, type Py } from '../values.js';
import { pyDef } from './python-def.js';
import { RESOLVE_BASES } from './types-resolve.js';

const TYPE = BUILTINS.get('type')!;
const DICT = BUILTINS.get('dict')!;
const ISSUBCLASS = BUILTINS.get('issubclass')!;
const typeOf = (v: Py): Py => callValue(TYPE, [v], null);

/** `**kwds` of a dict: its items as a call's keywords, each key a str (else "keywords must be strings"). */
function keywords(kwds: PyDict, callee: string): Map<string, Py> | null {
  if (kwds.m.size === 0) return null;
  const kw = new Map<string, Py>();
  spreadKeywords(kw, kwds, () => callee);
  return kw;
}

/** _calculate_meta(meta, bases): the most derived of meta and the bases' types, by issubclass (a metaclass's __subclasscheck__ asked). */
export const CALCULATE_META = pyDef('_calculate_meta', ['meta', 'bases'], {}, (meta, bases) => {
  let winner = meta;
  for (const base of iterate(bases)) {
    step();
    const baseMeta = typeOf(base);
    if (truthy(callValue(ISSUBCLASS, [winner, baseMeta], null))) continue;
    if (truthy(callValue(ISSUBCLASS, [baseMeta, winner], null))) {
      winner = baseMeta;
      continue;
    }
    throw typeErr('metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
  }
  return winner;
});

/** prepare_class's body: (metaclass, namespace, kwds less 'metaclass'), the given kwds untouched. */
function prepareClass(name: Py, bases: Py, given: Py): [Py, Py, PyDict] {
  // `dict(kwds)`: a copy, of any mapping or iterable of pairs dict() takes
  const kwds = (given === null ? new PyDict() : callValue(DICT, [given], null)) as PyDict;
  let meta: Py;
  const named = kwds.get('metaclass');
  if (named !== undefined) {
    meta = named;
    kwds.delete('metaclass');
  } else meta = truthy(bases) ? typeOf(getitem(bases, 0)) : TYPE;
  if (meta instanceof PyType) meta = callValue(CALCULATE_META, [meta, bases], null);
  let ns: Py = new PyDict();
  // hasattr(meta, '__prepare__'): type's takes any keywords (each a str) and answers an empty dict
  if (meta === TYPE || lookupAttr(meta, '__prepare__') !== undefined) {
    const kw = keywords(kwds, '__prepare__');
    if (meta !== TYPE) ns = callValue(getattr(meta, '__prepare__'), [name, bases], kw);
  }
  return [meta, ns, kwds];
}

/** enum's namespace (metaclass.ts storesThrough) is the evaluator's own, not CPython's _EnumDict (its type, its update(), its `_generate_next_value_`): not shown to a condition. */
function refuseRunNamespace(ns: Py, what: string): void {
  if (storesThrough(ns)) throw fatalErr(UnsupportedError, `${what} of an enum's namespace is not supported: the evaluator's is not CPython's enum._EnumDict`);
}

/** prepare_class(name, bases=(), kwds=None). */
export const PREPARE_CLASS = pyDef('prepare_class', ['name', 'bases', 'kwds'], { bases: tupleOf([]), kwds: null }, (name, bases, given) => {
  const [meta, ns, kwds] = prepareClass(name, bases, given);
  refuseRunNamespace(ns, 'types.prepare_class()');
  return tupleOf([meta, ns, kwds]);
});

/** new_class(name, bases=(), kwds=None, exec_body=None): the class, made as a class statement of those bases and keywords makes it. */
export const NEW_CLASS = pyDef('new_class', ['name', 'bases', 'kwds', 'exec_body'], { bases: tupleOf([]), kwds: null, exec_body: null }, (name, bases, kwds, execBody) => {
  const resolved = callValue(RESOLVE_BASES, [bases], null);
  // prepare_class's frame
  enterCall();
  let prepared: [Py, Py, PyDict];
  try {
    prepared = prepareClass(name, resolved, kwds);
  } finally {
    exitCall();
  }
  const [meta, ns, rest] = prepared;
  if (execBody !== null) {
    refuseRunNamespace(ns, 'types.new_class() with an exec_body');
    callValue(execBody, [ns], null);
  }
  if (resolved !== bases) setitem(ns, '__orig_bases__', bases);
  const kw = keywords(rest, 'new_class');
  // type_new, reached from here through type_call, names this module
  return withCallerModule('types', () => callValue(meta, [name, resolved, ns], kw));
});
