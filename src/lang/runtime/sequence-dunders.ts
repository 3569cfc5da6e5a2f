import { OverflowError, pyErr, typeErr, TypeError_, valueErr } from './exceptions.js';
import { intOf } from './numbers.js';
import { callSpecial, hasSpecial, specialOf } from './special-methods.js';
import { PyException, typeName, type Py } from './values.js';

/**
 * reversed(x)'s turn of a condition's class, as reversed_new asks it first: its __reversed__'s
 * answer, as it is (CPython checks nothing of it); None makes the instance not reversible.
 * Undefined where the class has none, and reversed() goes on as for any value.
 */
export function reversedOfClass(v: Py): Py | undefined {
  const fn = specialOf(v, '__reversed__');
  if (fn === null) throw typeErr(`'${typeName(v)}' object is not reversible`);
  return fn === undefined ? undefined : callSpecial(v, '__reversed__');
}

const SSIZE = 2n ** 63n;

/**
 * PyObject_LengthHint's second step, after a __len__ that is missing or raised a TypeError
 * (list(), tuple(), sorted() ask it before they walk an instance): the class's
 * __length_hint__, whose TypeError or NotImplemented leaves the default. Its answer must be
 * an int within Py_ssize_t, and not negative. A hint only sizes CPython's list in advance, so
 * nothing else of it shows.
 */
export function lengthHintOfClass(v: Py): void {
  if (!hasSpecial(v, '__length_hint__')) return;
  let r: Py;
  try {
    r = callSpecial(v, '__length_hint__')!;
  } catch (e) {
    if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(TypeError_)) return;
    throw e;
  }
  if (typeName(r) === 'NotImplementedType') return;
  const n = intOf(r);
  if (n === undefined) throw typeErr(`__length_hint__ must be an integer, not ${typeName(r)}`);
  if (typeof n === 'bigint' && (n >= SSIZE || n < -SSIZE)) throw pyErr(OverflowError, 'Python int too large to convert to C ssize_t');
  if (n < 0) throw valueErr('__length_hint__() should return >= 0');
}
