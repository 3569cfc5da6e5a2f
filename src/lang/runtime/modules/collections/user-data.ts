/**
 * What UserDict, UserList and UserString share, as Lib/collections writes them: the wrapped
 * value in the instance's `data`, the instance's class as `self.__class__` reads it, and
 * `__copy__` (UserDict's and UserList's), which makes an instance by __new__ and copies self's
 * __dict__ into it, its data copied as each class copies it.
 */
import { getattr } from '../../attributes.js';
import { BUILTINS } from '../../builtins.js';
import { introspect } from '../../introspection.js';
import * as ops from '../../ops.js';
import type { Py } from '../../values.js';
import { call, callMethod } from '../calendar/py.js';

export const builtin = (name: string): Py => BUILTINS.get(name)!;
export const dataOf = (self: Py): Py => getattr(self, 'data');
export const classOf = (self: Py): Py => introspect(self, '__class__');

/** `__copy__`: no descriptor is run, and `copyData` makes the new instance's data from self's. */
export function copyByNew(self: Py, copyData: (data: Py) => Py): Py {
  const cls = classOf(self);
  const inst = call(getattr(cls, '__new__'), cls);
  const dict = introspect(inst, '__dict__');
  const own = introspect(self, '__dict__');
  callMethod(dict, 'update', own);
  ops.setitem(dict, 'data', copyData(ops.getitem(own, 'data')));
  return inst;
}
