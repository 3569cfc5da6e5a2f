/**
 * A condition's subclass of type, a metaclass, called as type is (`M('X', (), {})`, type-new.ts):
 * the class it makes is a PyClassOfMeta, whose type is M and which reads M's methods and
 * properties after its own attributes, as CPython's type_getattro does (M's properties first).
 * M may define __new__ (`super().__new__(mcls, name, bases, ns)`), __init__, __repr__, __str__,
 * and the metaclass hooks: __call__ (classes.ts's metaCall), __prepare__ (metaclass.ts),
 * __instancecheck__ and __subclasscheck__ (builtins' isinstance and issubclass), each reaching
 * type's own through super(). Its attribute hooks (__getattr__, ...) stay refused.
 */
import { BUILTINS, plainIsinstance, plainIssubclass } from './builtins.js';
import { registerModuleBases } from './builtin-subclass.js';
import { CLASS, metaInstantiate } from './classes.js';
import { PyClassOfMeta } from './class-values.js';
import { bindAttr, PyProperty } from './descriptors.js';
import { typeErr } from './exceptions.js';
import { typeMro } from './object-class.js';
import { typeNew } from './type-new.js';
import { registerType } from './types/table.js';
import { PyDict, PyFunc, PyType, typeName, type Py } from './values.js';
import { classString } from './string-dunders.js';

const TYPE = BUILTINS.get('type') as PyType;

/** type.__new__(M, name, bases, dict): type_new's count first, in its words. */
function make(_base: PyType, meta: PyType, args: Py[], kw: Map<string, Py> | null): Py {
  if (args.length !== 3) throw typeErr(`type.__new__() takes exactly 3 arguments (${args.length} given)`);
  return typeNew(args[0], args[1], args[2], kw, meta as PyClassOfMeta['meta']);
}

/** type.__init__: it checks the count, and does nothing. */
function init(_self: unknown, args: Py[], kw: Map<string, Py> | null): null {
  if (kw !== null && kw.size > 0 && args.length === 1) throw typeErr('type.__init__() takes no keyword arguments');
  if (args.length !== 1 && args.length !== 3) throw typeErr('type.__init__() takes 1 or 3 arguments');
  return null;
}

const classRepr = (v: PyClassOfMeta): string => CLASS.repr!(v, () => '');

/** type.mro read through a metaclass: unbound, as a method of type read through a type. */
const UNBOUND_MRO = new PyFunc('mro', (args, kw) => {
  if (args.length === 0) throw typeErr('unbound method type.mro() needs an argument');
  const t = args[0];
  if (!(t instanceof PyType)) throw typeErr(`descriptor 'mro' for 'type' objects doesn't apply to a '${typeName(t)}' object`);
  if (args.length > 1 || (kw !== null && kw.size > 0)) throw typeErr(`type.mro() takes no ${args.length > 1 ? `arguments (${args.length - 1} given)` : 'keyword arguments'}`);
  return typeMro(t);
}, 'builtin');

/** type.__prepare__(name, bases, **kw): a class method answering an empty dict, whatever it is given. */
const PREPARE = new PyFunc('__prepare__', () => new PyDict(), 'method');

/** type's methods a metaclass's own reach through super(), bound to the class: __call__ makes an instance as type_call does, the checks are type's. */
function typeMethod(cls: PyClassOfMeta, name: string): Py | undefined {
  const one = (fn: (v: Py) => boolean) => new PyFunc(name, (a, kw) => {
    if ((kw !== null && kw.size > 0) || a.length !== 1) throw typeErr(`type.${name}() takes exactly one argument (${a.length} given)`);
    return fn(a[0]);
  }, 'method');
  if (name === '__call__') return new PyFunc('__call__', (a, kw) => metaInstantiate(cls, a, kw), 'method');
  if (name === '__instancecheck__') return one((v) => plainIsinstance(v, cls));
  if (name === '__subclasscheck__') return one((v) => plainIssubclass(v, cls));
  return undefined;
}

/** Registered by the engine, once the builtin types are: classes.ts reaches it through registerModuleBases. */
export function registerTypeSubclasses(): void {
  registerType(PyClassOfMeta, {
    ...CLASS,
    name: (v: PyClassOfMeta) => v.meta.name,
    classOf: (v: PyClassOfMeta) => v.meta,
    repr: (v: PyClassOfMeta) => classString(v, v.meta, '__repr__') ?? classRepr(v),
    str: (v: PyClassOfMeta, repr) => classString(v, v.meta, '__str__') ?? repr(v),
    getattr: (v: PyClassOfMeta, name: string) => {
      const fromMeta = v.meta.lookup(name);
      // the metaclass's property is a data descriptor: before the class's own attributes
      if (fromMeta instanceof PyProperty) return bindAttr(fromMeta, v, v.meta, name);
      const own = CLASS.getattr!(v, name);
      return own !== undefined || fromMeta === undefined ? own : bindAttr(fromMeta, v, v.meta, name);
    },
  });
  registerModuleBases({
    isBase: (t) => t === TYPE,
    isInstance: (v) => v instanceof PyClassOfMeta,
    make,
    init: () => init,
    // the metaclass hooks a subclass of type may define (metaclass.ts, builtins' isinstance and issubclass, classes.ts's metaCall)
    dunders: () => ['__call__', '__prepare__', '__instancecheck__', '__subclasscheck__'],
    method: (v, name) => typeMethod(v as PyClassOfMeta, name),
    repr: (v) => classRepr(v as PyClassOfMeta),
    str: (v) => classRepr(v as PyClassOfMeta),
    classAttr: (_cls, _base, name) => (name === 'mro' ? UNBOUND_MRO : name === '__prepare__' ? PREPARE : undefined),
  });
}
