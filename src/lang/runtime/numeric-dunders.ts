import { indexOf } from './args.js';
import { typeErr } from './exceptions.js';
import { toFloat, type Int } from './int/index.js';
import { intOf } from './numbers.js';
import { callSpecial, hasSpecial } from './special-methods.js';
import { PyComplex, PyFloat, PyIntBox, typeName, type Py } from './values.js';

/**
 * The conversion dunders of a condition's classes, asked as CPython 3.11's abstract.c and
 * builtins ask them: __float__, __int__, __index__ and __trunc__ in PyNumber_Float,
 * PyFloat_AsDouble and PyNumber_Long's orders, __complex__ in complex(), __round__ in
 * round(), __floor__, __ceil__ and __trunc__ in math's. Each answers undefined where the
 * value's class has no turn, and the builtin goes on as for any value. The answers are
 * checked where CPython checks them; a subclass of float, int or complex answered is taken
 * as its base's value (CPython warns that this is deprecated, and takes it).
 */

/** An int or float subclass's instance has its base's nb_float and nb_int: __index__ and __trunc__ are not asked. */
const numberBased = (v: Py): boolean => v instanceof PyFloat || v instanceof PyIntBox;

/** nb_float: the class's __float__, whose answer must be a float. */
function ownFloat(v: Py): number {
  const r = callSpecial(v, '__float__')!;
  if (r instanceof PyFloat) return r.v;
  throw typeErr(`${typeName(v)}.__float__ returned non-float (type ${typeName(r)})`);
}

/** PyNumber_Float's turns of a class (float(), complex()'s parts): __float__, else __index__ made a float. */
export function floatOfClass(v: Py): number | undefined {
  if (hasSpecial(v, '__float__')) return ownFloat(v);
  if (numberBased(v) || !hasSpecial(v, '__index__')) return undefined;
  const n = indexOf(v)!;
  return typeof n === 'bigint' ? toFloat(n) : n;
}

/** PyFloat_AsDouble's turn of a class for a value that is not a float (math's functions, '%f'): __float__; its __index__ is asked after, as before. */
export const asDoubleOfClass = (v: Py): number | undefined => (!(v instanceof PyFloat) && hasSpecial(v, '__float__') ? ownFloat(v) : undefined);

/**
 * PyNumber_Long's turns of a class (int(), '%d'): __int__, whose answer must be an int; else,
 * but for an int or float subclass (their base's nb_int), __index__, then __trunc__, whose
 * answer must be an int or have __index__.
 */
export function intOfClass(v: Py): Int | undefined {
  if (hasSpecial(v, '__int__')) {
    const r = callSpecial(v, '__int__')!;
    const n = intOf(r);
    if (n === undefined) throw typeErr(`__int__ returned non-int (type ${typeName(r)})`);
    return n;
  }
  if (numberBased(v)) return undefined;
  if (hasSpecial(v, '__index__')) return indexOf(v);
  if (!hasSpecial(v, '__trunc__')) return undefined;
  const r = callSpecial(v, '__trunc__')!;
  const n = intOf(r) ?? indexOf(r);
  if (n === undefined) throw typeErr(`__trunc__ returned non-Integral (type ${typeName(r)})`);
  return n;
}

/** PyNumber_Check: whether '%d' takes v as a number at all (nb_index, nb_int or nb_float). */
export const isNumberOfClass = (v: Py): boolean => hasSpecial(v, '__index__') || hasSpecial(v, '__int__') || hasSpecial(v, '__float__');

/** try_complex_special_method: the class's __complex__, whose answer must be a complex. */
export function complexOfClass(v: Py): PyComplex | undefined {
  if (!hasSpecial(v, '__complex__')) return undefined;
  const r = callSpecial(v, '__complex__')!;
  if (r instanceof PyComplex) return r;
  throw typeErr(`__complex__ returned non-complex (type ${typeName(r)})`);
}

/** round(v) and round(v, n): the class's __round__, called without ndigits when it is None, its answer as it is. */
export const roundOfClass = (v: Py, ndigits: Py | undefined): Py | undefined =>
  hasSpecial(v, '__round__') ? callSpecial(v, '__round__', ndigits === undefined || ndigits === null ? [] : [ndigits]) : undefined;

/** math.floor, math.ceil and math.trunc: the class's __floor__, __ceil__ or __trunc__, its answer as it is. */
export const integralOfClass = (v: Py, name: string): Py | undefined => (hasSpecial(v, name) ? callSpecial(v, name) : undefined);
