/**
 * `obj.__dict__ = d` and `del obj.__dict__` as CPython's subtype_setdict and BaseException's
 * setter run them: d (a dict, or an instance of a dict's subclass) becomes the instance's
 * attributes, the same object `obj.__dict__` and vars(obj) answer afterwards, so a store through
 * either is seen through the other; a deleted one is made anew, empty, at the next use (an
 * exception's may not be deleted). A class's namespace is not writable, a value without a
 * __dict__ has none to set.
 */
import { checkName } from './attribute-names.js';
import { step, work } from './budget.js';
import { PyInstance } from './class-values.js';
import { classOfInstance } from './classes.js';
import { AttributeError, attrErr, fatalErr, pyErr, typeErr, UnsupportedError } from './exceptions.js';
import { hasOwnAttrs } from './own-attrs.js';
import { PyDict, PyException, PyType, typeName, type Py } from './values.js';

/** Sets (d undefined: deletes) the instance's table, which `check` has found it has. */
export function setInstanceDict(obj: Py, d: Py | undefined, check: () => void, adopt: (d: PyDict) => void): void {
  step();
  if (obj instanceof PyType) throw pyErr(AttributeError, "attribute '__dict__' of 'type' objects is not writable");
  if (classOfInstance(obj) === null && !(obj instanceof PyException) && !hasOwnAttrs(obj)) throw attrErr(obj, '__dict__');
  // the getset descriptor first: an instance whose slots leave it no __dict__ has none to set
  check();
  const isException = obj instanceof PyException;
  if (d === undefined && isException) throw typeErr('cannot delete __dict__');
  if (d !== undefined && !(d instanceof PyDict)) throw typeErr(`__dict__ must be set to a dictionary, not a '${typeName(d)}'`);
  // CPython stores into an OrderedDict's table past its order's list, so that iterating it leaves the new names out: not followed here
  if (d !== undefined && d.m.constructor !== Map) throw fatalErr(UnsupportedError, `setting '__dict__' to a '${typeName(d)}' is not available in conditions: only a dict or a dict subclass's instance`);
  // the dict's table becomes the names' table: a long str key is filed there under its digest (keys.ts longKey), refused as a store of it is
  if (d !== undefined && d.k !== null) {
    work(d.k.size);
    for (const key of d.k.values()) if (typeof key === 'string') checkName(key);
  }
  const table = d === undefined ? new Map<string, Py>() : (d.m as Map<string, Py>);
  if (d !== undefined) adopt(d);
  replaceTable(obj, table);
}

/**
 * The instance's own table replaced: the instance classes keep it in a field `attrs`, made at
 * its first use behind a `dict` getter (PyInstance, the builtin types' subclasses'), or in a
 * field `dict` (an exception's, a dict subclass's instance's).
 */
function replaceTable(obj: Py, table: Map<string, Py>): void {
  const o = obj as unknown as { attrs?: Map<string, Py>; dict: Map<string, Py> };
  if (obj instanceof PyInstance || Object.prototype.hasOwnProperty.call(o, 'attrs')) o.attrs = table;
  else o.dict = table;
}
