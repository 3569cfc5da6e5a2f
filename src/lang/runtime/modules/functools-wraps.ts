/**
 * functools.update_wrapper and wraps, as Lib/functools.py runs them: each name of `assigned`
 * read from the wrapped object and set on the wrapper, each of `updated` merged, then
 * __wrapped__, on a def of the condition as on any wrapper that keeps attributes (a partial,
 * lru_cache's, an instance). A module's function or a builtin is refused as a store on it is.
 */
import { PySlotWrapper } from '../slot-wrapper.js';
import { getattr } from '../attributes.js';
import { step } from '../budget.js';
import { callValue } from '../call.js';
import { setattr } from '../classes.js';
import { AttributeError, fatalErr, pyErr, typeErr, UnsupportedError } from '../exceptions.js';
import { iterate } from '../iteration.js';
import { isRunDef, sharedObjectRefusal } from '../shared-objects.js';
import { defDict, moduleOfFunction, renameDef } from '../method-attributes.js';
import { introspect, markDocUnknown, setIntrospected } from '../introspection.js';
import { markAnnotationsUnknown } from '../function-annotations.js';
import { Signature, bindArgs } from '../signature.js';
import { isBoundMethod, isDefMethod, PyDict, PyException, PyFunc, PyType, tupleOf, typeName, type Py } from '../values.js';
import { PyPartial } from './functools.js';
import { WrapperFunc } from './functools-function.js';

export const WRAPPER_ASSIGNMENTS = tupleOf(['__module__', '__name__', '__qualname__', '__doc__', '__annotations__']);
export const WRAPPER_UPDATES = tupleOf(['__dict__']);

/** A bound method's annotations, which the evaluator cannot read: the wrapper's are marked not known. */
const UNKNOWN_ANNOTATIONS = new PyFunc('<annotations not known>', () => null);

/** A docstring the evaluator cannot give, read from the wrapped object: never stored, the wrapper's __doc__ is marked not known. */
const UNKNOWN_DOC = new PyFunc('<docstring not known>', () => null);
/** The refusal UNKNOWN_DOC stands for, given where the wrapper keeps no mark. */
const unknownDoc = (wrapped: Py): PyException => fatalErr(UnsupportedError, `'${wrapped instanceof PyFunc ? wrapped.name : typeName(wrapped)}.__doc__' is not available in conditions: the evaluator does not carry CPython's docstrings`);

/** getattr(obj, name), or undefined where that is an AttributeError (update_wrapper's `except AttributeError: pass`). */
function attrOrNone(obj: Py, name: string): Py | undefined {
  // a function's module, which nothing else reads: a condition's functions have none (the envelope's globals have no __name__)
  // (a def's or classmethod's bound method answers its function's, as getattr does)
  if (name === '__module__' && obj instanceof PyFunc && !(obj instanceof PyType) && !isDefMethod(obj)) return obj.kind === 'function' ? (moduleOfFunction(obj) ?? null) : 'builtins';
  try {
    // a def's annotations are kept by introspection.ts; the other names as before
    if (name === '__annotations__' && obj instanceof PyFunc && obj.kind === 'method' && !(obj instanceof PyType) && !(isBoundMethod(obj))) return UNKNOWN_ANNOTATIONS;
    return name === '__annotations__' || name === '__doc__' ? introspect(obj, name) : getattr(obj, name);
  } catch (e) {
    // a docstring of CPython's (len's, json.dumps's), which the evaluator does not carry: a function wrapper's is marked not known
    if (name === '__doc__' && e instanceof PyException && e.fatal && e.type === UnsupportedError) return UNKNOWN_DOC;
    if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(AttributeError)) return undefined;
    throw e;
  }
}

/** A def's or a decorator's function: its name is what __name__ and __qualname__ set. */
const isFunction = (w: Py): w is PyFunc => w instanceof PyFunc && w.kind === 'function' && !(w instanceof PyType);

/** setattr(wrapper, attr, value) as far as the wrapper keeps it. */
function assign(wrapper: Py, attr: string, value: Py): void {
  const refused = sharedObjectRefusal(wrapper, attr);
  if (refused !== undefined) throw refused;
  // a bound method's annotations are its function's, which it does not keep here: where the wrapper keeps others, not set
  if (value === UNKNOWN_ANNOTATIONS && !isFunction(wrapper)) return;
  if (isFunction(wrapper)) {
    if (attr === '__name__' || attr === '__qualname__') renameDef(wrapper, attr, value);
    else if (attr === '__annotations__' && value === UNKNOWN_ANNOTATIONS) markAnnotationsUnknown(wrapper);
    else if (attr === '__annotations__') setIntrospected(wrapper, attr, value);
    else if (wrapper instanceof WrapperFunc) setattr(wrapper, attr, value);
    else if (attr === '__doc__' || attr === '__module__') setIntrospected(wrapper, attr, value);
    else setattr(wrapper, attr, value);
    return;
  }
  // a def's bound method has no __module__ of its own to set (method_getattro only reads its function's): setattr's AttributeError
  if (wrapper instanceof PyFunc && !(wrapper instanceof PyType) && !(wrapper instanceof PyPartial) && !(wrapper instanceof PySlotWrapper) && !isDefMethod(wrapper)) {
    // a builtin's __module__ is writable (m_module, a member), its other attributes not
    if (attr === '__module__') return;
    if (attr === '__name__' || attr === '__qualname__' || attr === '__doc__') throw pyErr(AttributeError, `attribute '${attr}' of '${typeName(wrapper)}' objects is not writable`);
  }
  setattr(wrapper, attr, value);
}

/** The attributes an object keeps (its __dict__), where it keeps any. */
function ownAttrs(obj: Py): Map<Py, Py> | null {
  if (obj instanceof WrapperFunc || obj instanceof PyPartial) return obj.attrs;
  if (isRunDef(obj)) return new Map(defDict(obj).entries());
  const dict = obj !== null && typeof obj === 'object' && !(obj instanceof PyFunc) ? (obj as { dict?: unknown }).dict : undefined;
  return dict instanceof Map ? (dict as Map<string, Py>) : null;
}

const UPDATE_WRAPPER_SIG = new Signature('update_wrapper', ['wrapper', 'wrapped', 'assigned', 'updated'].map((name) => ({ name, star: '' as const })), 'python');

function updateWrapper(wrapper: Py, wrapped: Py, assigned: Py = WRAPPER_ASSIGNMENTS, updated: Py = WRAPPER_UPDATES): Py {
  for (const attr of iterate(assigned)) {
    step();
    if (typeof attr !== 'string') throw typeErr(`attribute name must be string, not '${typeName(attr)}'`);
    const value = attrOrNone(wrapped, attr);
    if (value === UNKNOWN_DOC) {
      // a module's function, shared: refused before any mark, which the next condition would find
      const refused = sharedObjectRefusal(wrapper, attr);
      if (refused !== undefined) throw refused;
      // a def's or functools' function wrapper answers a refusal at a read of its __doc__; any other is refused now
      if (!isFunction(wrapper)) throw unknownDoc(wrapped);
      if (wrapper instanceof WrapperFunc) wrapper.attrs?.delete('__doc__');
      markDocUnknown(wrapper);
    } else if (value !== undefined) assign(wrapper, attr, value);
  }
  for (const attr of iterate(updated)) {
    step();
    if (typeof attr !== 'string') throw typeErr(`attribute name must be string, not '${typeName(attr)}'`);
    if (attr !== '__dict__') {
      callValue(getattr(getattr(wrapper, attr), 'update'), [attrOrNone(wrapped, attr) ?? new PyDict()], null);
      continue;
    }
    const from = ownAttrs(wrapped);
    // functools' own wrappers keep their attributes apart (their __dict__ is not built): each set on it
    if (wrapper instanceof WrapperFunc) {
      for (const [name, v] of from ?? []) {
        step();
        if (typeof name === 'string') assign(wrapper, name, v);
      }
      continue;
    }
    // wrapper.__dict__.update(wrapped.__dict__): into the dict itself, past the wrapper's __setattr__ and
    // properties (a hook that stored again into the dict being read looped till the budget ended it)
    const into = isRunDef(wrapper) ? defDict(wrapper) : introspect(wrapper, '__dict__');
    if (from === null || from.size === 0) continue;
    const entries = new PyDict();
    for (const [name, v] of from) {
      step();
      entries.set(name, v);
    }
    callValue(getattr(into, 'update'), [entries], null);
  }
  if (isFunction(wrapper) && !(wrapper instanceof WrapperFunc)) setattr(wrapper, '__wrapped__', wrapped);
  else assign(wrapper, '__wrapped__', wrapped);
  return wrapper;
}

export const UPDATE_WRAPPER = new PyFunc('update_wrapper', (a, k) => {
  const [wrapper, wrapped, assigned, updated] = bindArgs(UPDATE_WRAPPER_SIG, a, k, [undefined, undefined, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES]);
  return updateWrapper(wrapper, wrapped, assigned, updated);
}, 'function');

/** update_wrapper(wrapper, wrapped) with the defaults: lru_cache's and singledispatch's. */
export const updateWrapperOf = (wrapper: Py, wrapped: Py): Py => updateWrapper(wrapper, wrapped);

const WRAPS_SIG = new Signature('wraps', ['wrapped', 'assigned', 'updated'].map((name) => ({ name, star: '' as const })), 'python');

/** wraps(wrapped, assigned=..., updated=...): partial(update_wrapper, wrapped=..., assigned=..., updated=...), as Lib/functools.py has it. */
export const WRAPS = new PyFunc('wraps', (a, k) => {
  const [wrapped, assigned, updated] = bindArgs(WRAPS_SIG, a, k, [undefined, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES]);
  const keywords = new PyDict();
  keywords.set('wrapped', wrapped);
  keywords.set('assigned', assigned);
  keywords.set('updated', updated);
  return new PyPartial(UPDATE_WRAPPER, tupleOf([]), keywords);
}, 'function');
