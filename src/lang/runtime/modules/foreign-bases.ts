import { INT } from '../builtins.js';
import { fatalErr, PyTypeOfBases, typeErr, UnsupportedError } from '../exceptions.js';
import { bindArgs, Signature } from '../signature.js';
import { TYPE } from '../types/callable.js';
import { registerType } from '../types/table.js';
import { PyType, type NativeFn, type Py } from '../values.js';
import { ENUM, ENUM_TYPE, FLAG, REPR_ENUM } from './enum/enum.js';
import { INT_FLAG } from './enum/flag.js';

/**
 * The bases CPython gives some module types from modules a condition cannot import (enum,
 * abc, contextlib's abstract classes): type objects with CPython's names, reprs and orders, so
 * that __mro__, isinstance and issubclass answer as CPython's. They make nothing here.
 */

const makesNothing = (name: string) => () => {
  throw typeErr(`${name} cannot be called in a condition: its module cannot be imported`);
};

/** enum's classes, whose type (EnumType) words their repr `<enum 'Enum'>`, or `<flag 'Flag'>` for a Flag. */
export class PyEnumType extends PyTypeOfBases {
  constructor(name: string, base: PyType | null, order: readonly PyType[], readonly flag: boolean, fn?: NativeFn) {
    // EnumType.__call__ of a class with no members: its value looked up among none
    super(name, fn ?? ((args, kw) => {
      const [, , names] = bindArgs(ENUM_CALL, [this, ...args], kw, ENUM_CALL_DEFAULTS);
      if (names !== null) throw fatalErr(UnsupportedError, `${enumRepr(this)} called with names makes a new enum (enum's functional API), which the evaluator does not build`);
      throw typeErr(`${enumRepr(this)} has no members defined`);
    }), base, order, false);
  }
}

/** EnumType.__call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None), as Lib/enum.py binds it. */
export const ENUM_CALL = new Signature('EnumType.__call__', ['cls', 'value', 'names', '', 'module', 'qualname', 'type', 'start', 'boundary'].map((name) => ({ name, star: name === '' ? ('*' as const) : ('' as const) })), 'python');
export const ENUM_CALL_DEFAULTS: readonly Py[] = [undefined, undefined, null, undefined, null, null, null, 1, null];

const enumRepr = (t: PyEnumType) => `<${t.flag ? 'flag' : 'enum'} '${t.name.slice(t.name.lastIndexOf('.') + 1)}'>`;
/** enum.EnumType, the type of an enum's class: the enum module's own, as are IntFlag and its bases (re.RegexFlag's). */
export { ENUM_TYPE };
registerType(PyEnumType, { ...TYPE, name: () => 'EnumType', type: ENUM_TYPE, repr: enumRepr });

export { ENUM, INT_FLAG };
/** The order after IntFlag of an IntFlag's subclass (re.RegexFlag). */
export const INT_FLAG_ORDER: readonly PyType[] = [INT_FLAG, INT, REPR_ENUM, FLAG, ENUM];

/** object.__new__ of a class with an abstract method: refused, in CPython's words. */
// object_new: excess arguments are refused before the abstract methods are looked at
const abstract = (name: string, method: string) => (args: Py[], kw: Map<string, Py> | null) => {
  if (args.length > 0 || (kw !== null && kw.size > 0)) throw typeErr(`${name}() takes no arguments`);
  throw typeErr(`Can't instantiate abstract class ${name} with abstract method ${method}`);
};

/** A class of abc.ABC's, whose type is abc.ABCMeta. */
export class PyAbcType extends PyTypeOfBases {
  constructor(name: string, base: PyType | null, order: readonly PyType[], fn: NativeFn = makesNothing(name)) {
    super(name, fn, base, order, false);
  }
}
registerType(PyAbcType, { ...TYPE, name: () => 'ABCMeta', type: new PyType('abc.ABCMeta', makesNothing('abc.ABCMeta')) });

export const ABC = new PyAbcType('abc.ABC', null, []);
/** contextlib's abstract bases, of abc.ABC. */
export const ABSTRACT_CONTEXT_MANAGER = new PyAbcType('contextlib.AbstractContextManager', ABC, [ABC], abstract('AbstractContextManager', '__exit__'));
export const ABSTRACT_ASYNC_CONTEXT_MANAGER = new PyAbcType('contextlib.AbstractAsyncContextManager', ABC, [ABC], abstract('AbstractAsyncContextManager', '__aexit__'));
