/**
 * typing.overload, get_overloads and clear_overloads, as typing.py 3.11 writes them: `@overload`
 * files the function in _overload_registry under its `__module__`, its `__qualname__` and the
 * line its def starts on, and gives back _overload_dummy; get_overloads lists what is filed for a
 * function's module and qualified name, in the order first filed. The registry is a run's own:
 * emptied when a new run starts, never kept on the shared module.
 */
import { allocItems, runNumber, step } from '../../budget.js';
import { lookupAttr } from '../../attributes.js';
import { fatalErr, NotImplementedError, pyErr, UnsupportedError } from '../../exceptions.js';
import { bindArgs, Signature } from '../../signature.js';
import { PyDict, PyFunc, PyTuple, type Py } from '../../values.js';
import { attrOf, attrOr } from './generic.js';
import { definedInPython } from '../../shared-objects.js';

/** (module, qualname) → the functions filed, by the def statement that made each (its co_firstlineno: the same def run again replaces its entry). */
let run = -1;
let registry = new PyDict();
let filed: Map<object, Py>[] = [];
function current(): PyDict {
  if (run !== runNumber()) {
    run = runNumber();
    registry = new PyDict();
    filed = [];
  }
  return registry;
}

export const OVERLOAD_DUMMY = new PyFunc('_overload_dummy', () => {
  throw pyErr(NotImplementedError, 'You should not call an overloaded function. A series of @overload-decorated functions outside a stub module should always be followed by an implementation that is not @overload-ed.');
}, 'function');

const MISSING = new PyTuple([]);

/** getattr(func, "__func__", func): a classmethod's or staticmethod's function. */
const unwrapped = (func: Py): Py => lookupAttr(func, '__func__') ?? func;

const OVERLOAD_SIG = new Signature('overload', [{ name: 'func', star: '' }], 'python');
export const OVERLOAD = new PyFunc('overload', (a, k) => {
  const [func] = bindArgs(OVERLOAD_SIG, a, k);
  const f = unwrapped(func);
  // `except AttributeError: pass`: what has no __module__, __qualname__ or __code__ is not filed
  const module = attrOr(f, '__module__', MISSING);
  const qualname = module === MISSING ? MISSING : attrOr(f, '__qualname__', MISSING);
  if (qualname === MISSING) return OVERLOAD_DUMMY;
  let line: object | undefined;
  if (f instanceof PyFunc) {
    line = f.runDef?.params;
    // a library function CPython writes in Python (typing.cast, string.Template.substitute) has a __code__ there, and is filed: not here, where the registry is a run's
    if (line === undefined && definedInPython(f)) throw fatalErr(UnsupportedError, `typing.overload of ${attrOf(f, '__module__') as string}.${attrOf(f, '__qualname__') as string} is not available in conditions: the library's functions are not filed in the registry`);
  }
  else if (lookupAttr(f, '__code__') !== undefined) throw fatalErr(UnsupportedError, 'typing.overload of an object with its own __code__ is not available in conditions: code objects are not built');
  if (line === undefined) return OVERLOAD_DUMMY;
  step();
  const reg = current();
  const key = new PyTuple([module, qualname]);
  let at = reg.get(key);
  if (at === undefined) {
    at = filed.length;
    filed.push(new Map());
    reg.set(key, at);
  }
  const entries = filed[at as number];
  if (!entries.has(line)) allocItems(1);
  entries.set(line, func);
  return OVERLOAD_DUMMY;
}, 'function');

const GET_SIG = new Signature('get_overloads', [{ name: 'func', star: '' }], 'python');
export const GET_OVERLOADS = new PyFunc('get_overloads', (a, k) => {
  const [func] = bindArgs(GET_SIG, a, k);
  const f = unwrapped(func);
  const key = new PyTuple([attrOf(f, '__module__'), attrOf(f, '__qualname__')]);
  const at = current().get(key);
  if (at === undefined) return [];
  const found = [...filed[at as number].values()];
  allocItems(found.length);
  return found;
}, 'function');

const CLEAR_SIG = new Signature('clear_overloads', [], 'python');
export const CLEAR_OVERLOADS = new PyFunc('clear_overloads', (a, k) => {
  bindArgs(CLEAR_SIG, a, k);
  current();
  registry = new PyDict();
  filed = [];
  return null;
}, 'function');
