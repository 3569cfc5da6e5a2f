/**
 * dataclasses' Field, field(), MISSING, KW_ONLY, InitVar and FrozenInstanceError, as
 * Lib/dataclasses.py defines them. A Field is an instance of a module class whose attributes
 * are its instance's own (a condition may read them, as `fields(C)[0].name`); the module reads
 * them back from that table.
 */
import { PyGenericAlias } from '../../types/generic-alias.js';
import { getattr } from '../../attributes.js';
import { step } from '../../budget.js';
import { callValue } from '../../call.js';
import { makeClass, OBJECT_CLASS, PyInstance } from '../../classes.js';
import type { PyClass } from '../../class-values.js';
import { AttributeError, valueErr } from '../../exceptions.js';
import * as ops from '../../ops.js';
import { PyMappingProxy } from '../../mappingproxy-value.js';
import { mappingProxyOf } from '../../builtins.js';
import { repr } from '../../repr.js';
import { bindArgs, Signature } from '../../signature.js';
import { freeze, guardClass } from '../frozen-instances.js';
import { PyDict, PyFunc, typeName, type Py } from '../../values.js';

/** A class of the module, shown as `dataclasses.Name`. */
function moduleClass(name: string, bases: PyClass[] | [typeof AttributeError] = [OBJECT_CLASS]): PyClass {
  const cls = makeClass(name, name, bases);
  cls.module = 'dataclasses';
  return cls;
}

export const MISSING_TYPE = moduleClass('_MISSING_TYPE');
/** The sentinel for "no default" (`dataclasses.MISSING`). */
export const MISSING = freeze(new PyInstance(MISSING_TYPE), 'dataclasses.MISSING');
guardClass(MISSING_TYPE, 'dataclasses._MISSING_TYPE');
/** _HAS_DEFAULT_FACTORY: an __init__'s default for a field with a default_factory, repr'd `<factory>`. */
const HAS_DEFAULT_FACTORY_CLASS = moduleClass('_HAS_DEFAULT_FACTORY_CLASS');
HAS_DEFAULT_FACTORY_CLASS.attrs.set('__repr__', new PyFunc('_HAS_DEFAULT_FACTORY_CLASS.__repr__', () => '<factory>', 'function'));
export const HAS_DEFAULT_FACTORY = freeze(new PyInstance(HAS_DEFAULT_FACTORY_CLASS), 'dataclasses._HAS_DEFAULT_FACTORY');
guardClass(HAS_DEFAULT_FACTORY_CLASS, 'dataclasses._HAS_DEFAULT_FACTORY_CLASS');
export const KW_ONLY_TYPE = moduleClass('_KW_ONLY_TYPE');
/** `_: KW_ONLY`: the fields after it are keyword-only. */
export const KW_ONLY = freeze(new PyInstance(KW_ONLY_TYPE), 'dataclasses.KW_ONLY');
guardClass(KW_ONLY_TYPE, 'dataclasses._KW_ONLY_TYPE');

/** What a field is: a plain field, a ClassVar (no field of instances) or an InitVar (an __init__ parameter only); repr'd by name. */
export const FIELD_TYPE = moduleClass('_FIELD_BASE');
function fieldKind(name: string): PyInstance {
  const k = new PyInstance(FIELD_TYPE);
  k.dict.set('name', name);
  return freeze(k, `dataclasses.${name}`);
}
export const FIELD = fieldKind('_FIELD');
export const FIELD_CLASSVAR = fieldKind('_FIELD_CLASSVAR');
export const FIELD_INITVAR = fieldKind('_FIELD_INITVAR');
guardClass(FIELD_TYPE, 'dataclasses._FIELD_BASE');
FIELD_TYPE.attrs.set('__repr__', new PyFunc('_FIELD_BASE.__repr__', (a) => (a[0] as PyInstance).dict.get('name')!, 'function'));

export const FROZEN_INSTANCE_ERROR = moduleClass('FrozenInstanceError', [AttributeError]);

export const FIELD_CLASS = moduleClass('Field');

/** A Field's attribute as the module reads it. */
export const fieldAttr = (f: PyInstance, name: string): Py => f.dict.get(name) ?? null;

/** The plain fields of a table, in order (not ClassVar or InitVar ones). */
export function plainFields(table: Py): PyInstance[] {
  const out: PyInstance[] = [];
  for (const f of ops.iterate(callValue(getattr(table, 'values'), [], null))) {
    step();
    if (f instanceof PyInstance && fieldAttr(f, '_field_type') === FIELD) out.push(f);
  }
  return out;
}

const EMPTY_METADATA = new PyMappingProxy(new PyDict());

/** Field.__init__: the parameters as given, metadata behind a read-only proxy. */
export function makeField(default_: Py, factory: Py, init: Py, repr_: Py, hash: Py, compare: Py, metadata: Py, kwOnly: Py): PyInstance {
  step();
  const f = new PyInstance(FIELD_CLASS);
  const d = f.dict;
  d.set('name', null);
  d.set('type', null);
  d.set('default', default_);
  d.set('default_factory', factory);
  d.set('init', init);
  d.set('repr', repr_);
  d.set('hash', hash);
  d.set('compare', compare);
  if (metadata === null) d.set('metadata', EMPTY_METADATA);
  // types.MappingProxyType(metadata): any mapping, a dict read directly, any other through its methods
  else d.set('metadata', mappingProxyOf(metadata));
  d.set('kw_only', kwOnly);
  d.set('_field_type', null);
  return f;
}


FIELD_CLASS.attrs.set('__repr__', new PyFunc('Field.__repr__', (a) => {
  const f = a[0] as PyInstance;
  const shown = ['name', 'type', 'default', 'default_factory', 'init', 'repr', 'hash', 'compare', 'metadata', 'kw_only', '_field_type'];
  return `Field(${shown.map((n) => `${n}=${repr(fieldAttr(f, n))}`).join(',')})`;
}, 'function'));

const FIELD_SIG = new Signature('field', ['', 'default', 'default_factory', 'init', 'repr', 'hash', 'compare', 'metadata', 'kw_only'].map((name) => ({ name, star: name === '' ? ('*' as const) : ('' as const) })), 'python');

/** field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING) */
export const FIELD_FUNCTION = new PyFunc('field', (a, k) => {
  const [, default_, factory, init, repr_, hash, compare, metadata, kwOnly] = bindArgs(FIELD_SIG, a, k, [undefined, MISSING, MISSING, true, true, null, true, null, MISSING]);
  if (default_ !== MISSING && factory !== MISSING) throw valueErr('cannot specify both default and default_factory');
  return makeField(default_, factory, init, repr_, hash, compare, metadata, kwOnly);
}, 'function');

/** `InitVar[T]`: an instance keeping T, `dataclasses.InitVar[int]`. */
export const INIT_VAR = moduleClass('InitVar');
INIT_VAR.attrs.set('__class_getitem__', new PyFunc('InitVar.__class_getitem__', (a) => {
  const v = new PyInstance(INIT_VAR);
  v.dict.set('type', a[1]);
  return v;
}, 'function'));
const INIT_VAR_SIG = new Signature('InitVar.__init__', [{ name: 'self', star: '' }, { name: 'type', star: '' }], 'python');
INIT_VAR.attrs.set('__init__', new PyFunc('InitVar.__init__', (a, k) => {
  const [self, type] = bindArgs(INIT_VAR_SIG, a, k);
  (self as PyInstance).dict.set('type', type);
  return null;
}, 'function'));
INIT_VAR.attrs.set('__repr__', new PyFunc('InitVar.__repr__', (a) => `dataclasses.InitVar[${typeRepr((a[0] as PyInstance).dict.get('type') ?? null)}]`, 'function'));

/** typing._type_repr: a class by its qualified name (its module's before it, but builtins'), `...`, else repr(). */
export function typeRepr(t: Py): string {
  // an alias calls its origin, but prints as written: typing.Union[~T, list[int]]
  if (t instanceof PyGenericAlias) return repr(t);
  if (typeName(t) === 'ellipsis') return '...';
  if (t instanceof PyFunc && 'isSubclassOf' in t) {
    const r = repr(t);
    const m = /^<class '(.*)'>$/.exec(r);
    if (m !== null) return m[1];
  }
  // a def by its name (types.FunctionType); a builtin function (len) by its repr
  if (t instanceof PyFunc && !('isSubclassOf' in t) && typeName(t) === 'function') return t.name;
  return repr(t);
}
