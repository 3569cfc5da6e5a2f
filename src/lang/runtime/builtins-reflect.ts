import { isReadableDunder, UNREADABLE_DUNDERS } from '../dunders.js';
import { getattr as sandboxGetattr } from './attributes.js';
import { INTROSPECTED, introspect } from './introspection.js';
import { attributeName } from './attribute-hooks.js';
import { delattr, setattr } from './classes.js';
import { pyHashBig } from './hash.js';
import { AttributeError, fatalErr, pyErr, typeErr, UnsupportedError } from './exceptions.js';
import { dirLists, dirOf } from './dir.js';
import { idOf } from './identity.js';
import { norm } from './int/int.js';
import { bindArgs, positionalSignature } from './signature.js';
import { hashKey, PyException, PyFunc, PyStrBox, PyTuple, typeName, type Py } from './values.js';


/**
 * getattr(obj, name) as `obj.name` reads it, and nothing more: the sandbox's attributes
 * only (attributes.ts), and no name with double underscores but those a condition may
 * write after a dot, so a string built at run time reaches no further than source can.
 */
export function getattrByName(obj: Py, name: Py): Py {
  // a str subclass's instance is a str (PyUnicode_Check)
  if (name instanceof PyStrBox) name = name.value;
  if (typeof name !== 'string') throw typeErr(`attribute name must be string, not '${typeName(name)}'`);
  if (name.includes('__') && !isReadableDunder(name)) {
    const why = UNREADABLE_DUNDERS.get(name);
    const message = why !== undefined ? `'${name}' is not available in conditions: ${why}` : `names with double underscores ('${name}') are not allowed in conditions`;
    // one CPython has (dir() lists it) is refused past any except, so hasattr cannot answer False for it
    throw dirLists(obj, name) ? fatalErr(UnsupportedError, message) : pyErr(AttributeError, message);
  }
  return INTROSPECTED.has(name) ? introspect(obj, name) : sandboxGetattr(obj, name);
}

// CPython's words for their wrong calls: getattr's are Argument Clinic's, hasattr's too, hash is METH_O
const GETATTR = positionalSignature('getattr', 'clinic', 2, 3);
const HASATTR = positionalSignature('hasattr', 'clinic', 2, 2);
const SETATTR = positionalSignature('setattr', 'clinic', 3, 3);
const DELATTR = positionalSignature('delattr', 'clinic', 2, 2);
const HASH = positionalSignature('hash', 'one', 1, 1);
const VARS = positionalSignature('vars', 'clinic', 0, 1);
const ID = positionalSignature('id', 'one', 1, 1);
const DIR = positionalSignature('dir', 'clinic', 0, 1);

const isAttributeError = (e: unknown): boolean => e instanceof PyException && e.type.isSubclassOf(AttributeError) && !e.fatal;

/** getattr, hasattr, setattr, delattr, vars, id and hash: reflection over what a condition can already reach. */
export const REFLECT_BUILTINS: readonly [string, PyFunc][] = [
  [
    'getattr',
    new PyFunc('getattr', (a, k) => {
      const [obj, name, dflt] = bindArgs(GETATTR, a, k);
      if (dflt === undefined) return getattrByName(obj, name);
      try {
        return getattrByName(obj, name);
      } catch (e) {
        if (isAttributeError(e)) return dflt;
        throw e;
      }
    }),
  ],
  [
    'hasattr',
    new PyFunc('hasattr', (a, k) => {
      const [obj, name] = bindArgs(HASATTR, a, k);
      try {
        getattrByName(obj, name);
        return true;
      } catch (e) {
        if (isAttributeError(e)) return false;
        throw e;
      }
    }),
  ],
  // as `obj.name = value` and `del obj.name` do, the class's __setattr__ and __delattr__ included
  [
    'setattr',
    new PyFunc('setattr', (a, k) => {
      const [obj, name, value] = bindArgs(SETATTR, a, k);
      setattr(obj, attributeName(name), value);
      return null;
    }),
  ],
  [
    'delattr',
    new PyFunc('delattr', (a, k) => {
      const [obj, name] = bindArgs(DELATTR, a, k);
      delattr(obj, attributeName(name));
      return null;
    }),
  ],
  [
    'vars',
    new PyFunc('vars', (a, k) => {
      const [obj] = bindArgs(VARS, a, k);
      // without an argument: the caller's locals, which the compiler answers where it sees the call by name (compile/locals.ts)
      if (obj === undefined) throw fatalErr(UnsupportedError, "vars() without an argument is not available in conditions but called by its name: only then is the caller's frame known");
      try {
        return introspect(obj, '__dict__');
      } catch (e) {
        if (isAttributeError(e)) throw typeErr('vars() argument must have __dict__ attribute');
        throw e;
      }
    }),
  ],
  [
    'dir',
    new PyFunc('dir', (a, k) => {
      const [obj] = bindArgs(DIR, a, k);
      // without an argument: the caller's locals' names, which the compiler answers where it sees the call (compile/locals.ts)
      if (obj === undefined) throw fatalErr(UnsupportedError, "dir() without an argument is not available in conditions but called by its name: only then is the caller's frame known");
      return dirOf(obj);
    }),
  ],
  // locals() called by its name is compiled (compile/locals.ts); called otherwise, its frame is not known
  [
    'locals',
    new PyFunc('locals', (a, k) => {
      if (k !== null && k.size > 0) throw typeErr('locals() takes no keyword arguments');
      if (a.length > 0) throw typeErr(`locals() takes no arguments (${a.length} given)`);
      throw fatalErr(UnsupportedError, "locals() is not available in conditions but called by its name: only then is the caller's frame known");
    }),
  ],
  // a number per object for the run (identity.ts), never an address of the host
  ['id', new PyFunc('id', (a, k) => idOf(bindArgs(ID, a, k)[0]))],
  [
    'hash',
    new PyFunc('hash', (a, k) => {
      const [v] = bindArgs(HASH, a, k);
      // unhashable values raise CPython's TypeError here; a tuple's hash meets its items' own
      // (building its key too would double a deep tuple's cost, in strings for the collector)
      if (!(v instanceof PyTuple)) hashKey(v);
      return norm(pyHashBig(v));
    }),
  ],
];
