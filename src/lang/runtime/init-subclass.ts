/**
 * What type_new does with a new class's __new__ and __init_subclass__: a plain function of
 * either name becomes a static method or a class method, and once the class is made, the
 * nearest base's __init_subclass__ is called with the class statement's keywords.
 */
import { tick } from './budget.js';
import { callValue } from './call.js';
import { PyClass } from './class-values.js';
import { classAttr, PyClassMethod, PyStaticMethod } from './descriptors.js';
import { typeErr } from './exceptions.js';
import { OBJECT_CLASS } from './object-class.js';
import { PyFunc, type PyType, type Py } from './values.js';

/** type_new_set_attrs: `__new__` a staticmethod, `__init_subclass__` a classmethod, where the body made them plain functions. */
export function implicitMethods(cls: PyClass): void {
  const make = cls.attrs.get('__new__');
  if (make instanceof PyFunc && make.kind === 'function') cls.attrs.set('__new__', new PyStaticMethod(make));
  const init = cls.attrs.get('__init_subclass__');
  if (init instanceof PyFunc && init.kind === 'function') cls.attrs.set('__init_subclass__', new PyClassMethod(init));
}

/** object.__init_subclass__, bound to cls as a builtin class method: it takes nothing, and says so under cls's name. */
export function objectInitSubclass(cls: PyType): PyFunc {
  return new PyFunc('__init_subclass__', (args, kw) => {
    const name = `${cls instanceof PyClass ? cls.qualname : cls.name}.__init_subclass__`;
    if (kw !== null && kw.size > 0) throw typeErr(`${name}() takes no keyword arguments`);
    if (args.length > 0) throw typeErr(`${name}() takes no arguments (${args.length} given)`);
    return null;
  }, 'method');
}

/** `super(cls, cls).__init_subclass__(**kw)`: the first of its bases' (a call of the condition's, its answer dropped), else object's. */
export function initSubclass(cls: PyClass, kw: Map<string, Py> | null): void {
  initSubclassFrom(cls, 1, [], kw);
}

/** `super(after, cls).__init_subclass__(*args, **kw)` of a library's __init_subclass__ (typing.Generic's): the bases' after `after` in cls's order. */
export function initSubclassAfter(cls: PyClass, after: PyType, args: Py[], kw: Map<string, Py> | null): void {
  initSubclassFrom(cls, cls.mro.indexOf(after) + 1, args, kw);
}

function initSubclassFrom(cls: PyClass, start: number, args: Py[], kw: Map<string, Py> | null): void {
  const mro = cls.mro;
  for (let i = start; i < mro.length; i++) {
    const t = mro[i];
    tick();
    const v = t instanceof PyClass && t !== OBJECT_CLASS ? t.attrs.get('__init_subclass__') : undefined;
    if (v !== undefined) {
      callValue(classAttr(v, cls, '__init_subclass__'), args, kw);
      return;
    }
  }
  if ((kw !== null && kw.size > 0) || args.length > 0) callValue(objectInitSubclass(cls), args, kw);
}
