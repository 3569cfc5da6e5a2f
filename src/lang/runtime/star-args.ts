/**
 * A call's `*x` and `**x`, in CPython's words when x is no iterable or mapping (ceval.c's
 * check_args_iterable, LIST_EXTEND and format_kwargs_error), naming the function called as
 * _PyObject_FunctionStr does: `envelope.<locals>.f()`, `len()`, `math.sqrt()`, `str.join()`.
 */
import { checkKeyword } from './attribute-names.js';
import { getattr } from './attributes.js';
import { callValue } from './call.js';
import { PyClass, PyInstance, readAsMapping } from './class-values.js';
import { AttributeError, typeErr } from './exceptions.js';
import { getitem } from './items.js';
import { isIterable, iterate, spread } from './iteration.js';
import { mappingItems } from './methods-dict.js';
import { PyMappingProxy } from './mappingproxy-value.js';
import { str } from './repr.js';
import { allocEntries, work } from './budget.js';
import { PyDict, PyException, PyFunc, PyModule, PyType, typeName, type Py } from './values.js';

/** Each module's and the builtins' functions and types, by their qualified name (filed once, with the modules). */
const qualified = new WeakMap<object, string>();

export function fileFunctionNames(modules: ReadonlyMap<string, PyModule>, builtins: ReadonlyMap<string, Py>): void {
  for (const [name, v] of builtins) if (typeof v === 'object' && v !== null) qualified.set(v, name);
  for (const [module, m] of modules) {
    for (const [name, v] of m.attrs) if ((v instanceof PyFunc) && !qualified.has(v)) qualified.set(v, v instanceof PyType && v.name.includes('.') ? v.name : `${module}.${name}`);
  }
}

/** _PyObject_FunctionStr: `module.qualname()`, or `qualname()` of builtins' (and of the condition's, whose module is builtins where the tests run CPython); str(x) of what has no __qualname__. `receiver`: the value a method was looked up on. */
export function functionStr(f: Py, receiver?: Py): string {
  if (f instanceof PyClass) return `${f.shownName}()`;
  if (typeof f === 'object' && f !== null && qualified.has(f)) return `${qualified.get(f)}()`;
  if (f instanceof PyType) return `${f.name}()`;
  // a partial or an itemgetter has no __qualname__: str() of it
  if (f instanceof PyFunc && f.constructor === PyFunc) {
    // a def's or lambda's name is its qualified name; a builtin method's is its type's and its own
    if (f.kind === 'method' && !f.name.includes('<') && receiver !== undefined && !(receiver instanceof PyModule)) return `${typeName(receiver)}.${f.name}()`;
    return `${f.name}()`;
  }
  return str(f);
}

/** A value LIST_EXTEND and check_args_iterable take for no iterable: no __iter__, no __getitem__. */
const notIterable = (v: Py): boolean => !isIterable(v) || (v instanceof PyInstance && v.cls.lookup('__iter__') === undefined && v.cls.lookup('__getitem__') === undefined);

/**
 * `*v` into a call's (or a list's, a tuple's) items; `callee`, for a call's only positional
 * argument, names the function in the error; null, for a set's (SET_UPDATE), leaves iter()'s.
 */
export function spreadArgs(out: Py[], v: Py, callee?: (() => string) | null): void {
  if (callee !== null && notIterable(v)) throw typeErr(callee === undefined ? `Value after * must be an iterable, not ${typeName(v)}` : `${callee()} argument after * must be an iterable, not ${typeName(v)}`);
  spread(out, v);
}

/**
 * n keywords about to be spread: each placed in the call's map, then in the callee's **kwargs dict
 * (or dict(**d)'s), so paid as two dicts' entries (f(**d) of 10,000 keys takes 1.7 ms; it was paid as a copy, 10 µs).
 */
function payKeywords(n: number): void {
  allocEntries(n);
  work(n * 8);
}

/** `**v` among a call's keyword arguments: a dict's items, or a mapping's keys() and [key] (_PyDict_MergeEx), each key once. */
export function spreadKeywords(m: Map<string, Py>, v: Py, callee: () => string): void {
  let pairs: Iterable<[Py, Py]>;
  // a class's __dict__ is read as the dict it shows
  if (v instanceof PyMappingProxy && v.d !== null) v = v.d;
  if (v instanceof PyDict) {
    payKeywords(v.m.size);
    pairs = readAsMapping(v) ? mappingItems(v) : v.entries();
  } else {
    try {
      const keys = [...iterate(callValue(getattr(v, 'keys'), [], null))];
      payKeywords(keys.length);
      pairs = keys.map((k): [Py, Py] => [k, getitem(v, k)]);
    } catch (e) {
      // an AttributeError from anywhere in the merge, as format_kwargs_error takes it
      if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(AttributeError)) throw typeErr(`${callee()} argument after ** must be a mapping, not ${typeName(v)}`);
      throw e;
    }
  }
  for (const [key, x] of pairs) {
    if (typeof key !== 'string') throw typeErr('keywords must be strings');
    checkKeyword(key);
    if (m.has(key)) throw duplicate(callee, key);
    m.set(key, x);
  }
}

/** A keyword given twice, by name and through `**`. */
export const duplicate = (callee: () => string, key: string): PyException => typeErr(`${callee()} got multiple values for keyword argument '${key}'`);
