/**
 * `C.__name__ = v` and `C.__qualname__ = v` on a condition's class, as type_set_name and
 * type_set_qualname: the class's own name changes (its instances' type name, the errors
 * naming it, its repr), never its attributes.
 */
import { UTF_8 } from './codecs/utf8.js';
import type { PyClass } from './class-values.js';
import { typeErr, valueErr } from './exceptions.js';
import { PyStrBox, typeName, type Py } from './values.js';

export const isClassName = (name: string): boolean => name === '__name__' || name === '__qualname__';

export function renameClass(cls: PyClass, name: '__name__' | '__qualname__' | string, v: Py): void {
  const s = v instanceof PyStrBox ? v.value : v;
  if (typeof s !== 'string') throw typeErr(`can only assign string to ${cls.name}.${name}, not '${typeName(v)}'`);
  if (name === '__qualname__') {
    cls.qualname = s;
    return;
  }
  checkTypeName(s);
  cls.name = s;
}

/** tp_name is the name as a C string: in UTF-8 (a lone surrogate is UnicodeEncodeError), without NUL (type() checks it too). */
export function checkTypeName(s: string): void {
  if (/[\ud800-\udfff]/.test(s)) UTF_8.encode(s, () => 'strict');
  if (s.includes('\0')) throw valueErr('type name must not contain null characters');
}
