/**
 * type(name, bases, dict): a class made as a class statement makes one (makeClass, then
 * the body's names, then finishClass's checks), with type_new's words for bad arguments.
 * The dict's names pass the parser's checks of a class body's names: a dunder of
 * CLASS_DUNDERS or of no meaning to CPython, no other name with double underscores.
 */
import { CLASS_DUNDERS, PROTOCOL_DUNDERS } from '../dunders.js';
import { work } from './budget.js';
import { checkTypeName } from './class-rename.js';
import { finishClass, makeClass, type PyClass } from './classes.js';
import { fatalErr, typeErr, UnsupportedError } from './exceptions.js';
import { PyDict, PyStrBox, PyTuple, PyType, typeName, type Py } from './values.js';

export function typeNew(nameV: Py, basesV: Py, dictV: Py, kw: Map<string, Py> | null, meta: PyClass | null = null): PyClass {
  const name = nameV instanceof PyStrBox ? nameV.value : nameV;
  if (typeof name !== 'string') throw typeErr(`type.__new__() argument 1 must be str, not ${given(nameV)}`);
  if (!(basesV instanceof PyTuple)) throw typeErr(`type.__new__() argument 2 must be tuple, not ${given(basesV)}`);
  if (!(dictV instanceof PyDict)) throw typeErr(`type.__new__() argument 3 must be dict, not ${given(dictV)}`);
  checkTypeName(name);
  // _PyType_CalculateMetaclass: a base that is no class has a metaclass that is not type's
  if (basesV.items.some((b) => !(b instanceof PyType))) throw typeErr('metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
  // the names are copied into the class, as a class body's are stored
  work(dictV.m.size);
  const attrs: [string, Py][] = [];
  for (const [nk, v] of dictV.m) {
    const key = dictV.key(nk);
    // a name that is not a str can be read by no attribute access: nothing to keep
    if (typeof key !== 'string') continue;
    checkName(key);
    attrs.push([key, v]);
  }
  // a class statement's: its qualified name is its name here, with no enclosing scope
  const cls = makeClass(name, name, basesV.items, meta);
  for (const [key, v] of attrs) cls.attrs.set(key, v);
  // its bases' __init_subclass__ takes the call's keywords
  finishClass(cls, kw);
  return cls;
}

/** _PyArg_BadArgument's name of what was given: None by itself, else its type's. */
const given = (v: Py): string => (v === null ? 'None' : typeName(v));

/** The parser's checkName for a class body's names, in its words: a dunder CPython gives no meaning is a plain attribute. */
function checkName(id: string): void {
  if (!id.includes('__') || CLASS_DUNDERS.has(id)) return;
  if (/^__\w+__$/.test(id) && !PROTOCOL_DUNDERS.has(id)) return;
  if (/^__\w+__$/.test(id)) throw fatalErr(UnsupportedError, `a class in a condition may define only ${[...CLASS_DUNDERS].join(', ')}: '${id}' is not supported`);
  throw fatalErr(UnsupportedError, `names with double underscores ('${id}') are not allowed in conditions`);
}
