import { READABLE_DUNDERS } from '../dunders.js';
import { getattr as sandboxGetattr } from './attributes.js';
import { attributeName } from './attribute-hooks.js';
import { delattr, setattr } from './classes.js';
import { pyHashBig } from './hash.js';
import { AttributeError, pyErr, typeErr } from './exceptions.js';
import { norm } from './int/int.js';
import { bindArgs, positionalSignature } from './signature.js';
import { hashKey, PyException, PyFunc, PyStrBox, typeName, type Py } from './values.js';


/**
 * getattr(obj, name) as `obj.name` reads it, and nothing more: the sandbox's attributes
 * only (attributes.ts), and no name with double underscores but those a condition may
 * write after a dot, so a string built at run time reaches no further than source can.
 */
function getattr(obj: Py, name: Py): Py {
  // a str subclass's instance is a str (PyUnicode_Check)
  if (name instanceof PyStrBox) name = name.value;
  if (typeof name !== 'string') throw typeErr(`attribute name must be string, not '${typeName(name)}'`);
  if (name.includes('__') && !READABLE_DUNDERS.has(name)) throw pyErr(AttributeError, `names with double underscores ('${name}') are not allowed in conditions`);
  return sandboxGetattr(obj, name);
}

// CPython's words for their wrong calls: getattr's are Argument Clinic's, hasattr's too, hash is METH_O
const GETATTR = positionalSignature('getattr', 'clinic', 2, 3);
const HASATTR = positionalSignature('hasattr', 'clinic', 2, 2);
const SETATTR = positionalSignature('setattr', 'clinic', 3, 3);
const DELATTR = positionalSignature('delattr', 'clinic', 2, 2);
const HASH = positionalSignature('hash', 'one', 1, 1);

const isAttributeError = (e: unknown): boolean => e instanceof PyException && e.type.isSubclassOf(AttributeError) && !e.fatal;

/** getattr, hasattr, setattr, delattr and hash: reflection over what a condition can already reach. */
export const REFLECT_BUILTINS: readonly [string, PyFunc][] = [
  [
    'getattr',
    new PyFunc('getattr', (a, k) => {
      const [obj, name, dflt] = bindArgs(GETATTR, a, k);
      if (dflt === undefined) return getattr(obj, name);
      try {
        return getattr(obj, name);
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
        getattr(obj, name);
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
    'hash',
    new PyFunc('hash', (a, k) => {
      const [v] = bindArgs(HASH, a, k);
      // unhashable values raise CPython's TypeError here
      hashKey(v);
      return norm(pyHashBig(v));
    }),
  ],
];
