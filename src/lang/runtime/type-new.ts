/**
 * type(name, bases, dict): a class made as a class statement makes one (makeClass, then
 * the body's names, then finishClass's checks), with type_new's words for bad arguments.
 * The dict's names pass the parser's checks of a class body's names: a dunder of
 * CLASS_DUNDERS or of no meaning to CPython, no other name with double underscores.
 */
import { CLASS_DUNDERS, PROTOCOL_DUNDERS } from '../dunders.js';
import { checkName as checkAttributeName } from './attribute-names.js';
import { callDepth, work } from './budget.js';
import { checkTypeName } from './class-rename.js';
import { finishClass, makeClass, PyClass } from './classes.js';
import { fatalErr, typeErr, UnsupportedError } from './exceptions.js';
import { argTypeName, PyDict, PyStrBox, PyTuple, typeName, type Py } from './values.js';
import { calculateMeta, classCellOf, hasMroEntries, typeOfTypes } from './metaclass.js';
import { callValue } from './call.js';
import { classAttr } from './descriptors.js';
import { noteDoc, notePlaces, setIntrospected } from './introspection.js';

const TYPE_OF_TYPES = typeOfTypes;

/**
 * type_new stores, where the dict has no `__module__`, its calling frame's `__name__`: a
 * library function written in Python that calls a metaclass (types.new_class's `meta(...)`)
 * names its module, when type_new is reached with no Python frame between (type_call's
 * tp_new); a metaclass's own `__new__` of the condition's is such a frame, and names none.
 */
let caller: { module: string; depth: number } | null = null;
export function withCallerModule<T>(module: string, body: () => T): T {
  const before = caller;
  caller = { module, depth: callDepth() };
  try {
    return body();
  } finally {
    caller = before;
  }
}

export function typeNew(nameV: Py, basesV: Py, dictV: Py, kw: Map<string, Py> | null, meta: PyClass | null = null): Py {
  const name = nameV instanceof PyStrBox ? nameV.value : nameV;
  if (typeof name !== 'string') throw typeErr(`type.__new__() argument 1 must be str, not ${argTypeName(nameV)}`);
  if (!(basesV instanceof PyTuple)) throw typeErr(`type.__new__() argument 2 must be tuple, not ${argTypeName(basesV)}`);
  if (!(dictV instanceof PyDict)) throw typeErr(`type.__new__() argument 3 must be dict, not ${argTypeName(dictV)}`);
  checkTypeName(name);
  // type_new_get_bases: a base that would be replaced by its __mro_entries__ is a class statement's
  if (basesV.items.some((b) => hasMroEntries(b))) throw typeErr(`type() doesn't support MRO entry resolution; use types.new_class()`);
  // _PyType_CalculateMetaclass: the most derived of the given one and the bases' metaclasses, which makes the class
  const asked = meta ?? TYPE_OF_TYPES();
  const winner = calculateMeta(asked, basesV.items);
  if (winner !== asked) {
    // a winner with a __new__ of its own makes the class (type_new hands it winner->tp_new)
    const own = winner instanceof PyClass ? winner.lookup('__new__') : undefined;
    if (own !== undefined) return callValue(classAttr(own, winner as PyClass, '__new__'), [winner, nameV, basesV, dictV], kw);
    meta = winner as PyClass;
  }
  // the names are copied into the class, as a class body's are stored
  work(dictV.m.size);
  const attrs: [string, Py][] = [];
  let qualname = name;
  const special = new Map<string, Py>();
  // the names `__module__` and the docstring follow ('' first), where the class's namespace shows them
  let prev = '';
  let docAfter = '';
  let moduleAfter: string | undefined;
  for (const [nk, v] of dictV.m) {
    const key = dictV.key(nk);
    if (key === '__doc__') docAfter = prev;
    if (key === '__module__') moduleAfter = prev;
    if (typeof key === 'string' && key !== '__qualname__') prev = key;
    // a name that is not a str can be read by no attribute access: nothing to keep
    if (typeof key !== 'string') continue;
    checkAttributeName(key);
    // what a class statement's body stores first (metaclass.ts), and __mro_entries__' original bases
    if (key === '__qualname__') {
      const q = v instanceof PyStrBox ? v.value : v;
      if (typeof q !== 'string') throw typeErr(`type __qualname__ must be a str, not ${typeName(v)}`);
      qualname = q;
      continue;
    }
    if (key === '__module__' || key === '__doc__') {
      special.set(key, v);
      continue;
    }
    // and the annotations its body made (SETUP_ANNOTATIONS), kept in the class's namespace as a plain class's are
    if (key !== '__orig_bases__' && key !== '__annotations__') checkName(key);
    attrs.push([key, v]);
  }
  // a dict without `__module__` (type(), new_class): its caller's, a module's metaclass's __new__ or new_class itself
  if (moduleAfter === undefined) {
    const module = libraryModule(meta) ?? (caller !== null && caller.depth === callDepth() ? caller.module : null);
    if (module !== null) {
      special.set('__module__', module);
      moduleAfter = prev;
    }
  }
  const cls = makeClass(name, qualname, basesV.items, meta);
  for (const [key, v] of attrs) cls.attrs.set(key, v);
  const mod = special.get('__module__');
  if (mod !== undefined && mod !== 'builtins') setIntrospected(cls, '__module__', mod);
  const doc = special.get('__doc__');
  // a str is the class's docstring, as a body's first statement makes it; anything else is stored as set
  // type_new stores `__module__` where the dict has none from its caller's globals' `__name__`, which a condition's have not
  notePlaces(cls, moduleAfter ?? null, docAfter);
  if (typeof doc === 'string' || doc === null) noteDoc(cls, doc);
  else if (doc !== undefined) setIntrospected(cls, '__doc__', doc);
  // a class statement's __class__ cell and docstring, before __init_subclass__ may call its methods (type_new's __classcell__)
  classCellOf(dictV)?.(cls);
  // its bases' __init_subclass__ takes the call's keywords
  finishClass(cls, kw);
  return cls;
}

/**
 * type_new's caller where a module's metaclass's __new__, written in Python there, calls it: its
 * module's `__name__`, the first such __new__ of the metaclass's order (abc.ABCMeta's for typing's
 * _ProtocolMeta or a condition's subclass).
 */
function libraryModule(meta: PyClass | null): string | null {
  if (meta === null) return null;
  const owner = meta.mro.find((t) => t instanceof PyClass && t.module !== null && t.attrs.has('__new__')) as PyClass | undefined;
  return owner?.module ?? meta.module;
}

/** _PyArg_BadArgument's name of what was given: None by itself, else its type's. */

/** The parser's checkName for a class body's names, in its words: a dunder CPython gives no meaning is a plain attribute. */
function checkName(id: string): void {
  if (!id.includes('__') || CLASS_DUNDERS.has(id)) return;
  if (/^__\w+__$/.test(id) && !PROTOCOL_DUNDERS.has(id)) return;
  if (/^__\w+__$/.test(id)) throw fatalErr(UnsupportedError, `a class in a condition may define only ${[...CLASS_DUNDERS].join(', ')}: '${id}' is not supported`);
  throw fatalErr(UnsupportedError, `names with double underscores ('${id}') are not allowed in conditions`);
}
