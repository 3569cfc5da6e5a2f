import { callValue } from './call.js';
import { isInstance } from './class-values.js';
import { bindAttr } from './descriptors.js';
import { typeErr } from './exceptions.js';
import { PyBytes, typeName, type Py } from './values.js';

/**
 * v.__bytes__() of a condition's class, as bytes(v) and b'%s' % v look it up
 * (_PyObject_LookupSpecial): its answer, which must be a bytes (a subclass's instance too), or
 * undefined where the class has none.
 */
export function classBytes(v: Py): PyBytes | undefined {
  if (!isInstance(v)) return undefined;
  const fn = v.cls.lookup('__bytes__');
  if (fn === undefined) return undefined;
  const r = callValue(bindAttr(fn, v, v.cls, '__bytes__'), [], null);
  if (!(r instanceof PyBytes) || r.isByteArray()) throw typeErr(`__bytes__ returned non-bytes (type ${typeName(r)})`);
  return r;
}
