/**
 * dataclass(), as Lib/dataclasses.py's _process_class: the fields are the bases' (through the
 * class's order, nearest last) then the class's own annotations in order; each is a Field
 * (the class attribute's, or one made of the default), ClassVar and InitVar ones told apart
 * by their annotation; then the methods asked for are written into the class where it has none
 * of its own, with CPython's checks and words.
 */
import { allocEntries, step } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { makeClass, OBJECT_CLASS, objectDelattr, objectSetattr, PyInstance } from '../../classes.js';
import { PyClass } from '../../class-values.js';
import { AttributeError, fatalErr, pyErr, typeErr, UnsupportedError, valueErr } from '../../exceptions.js';
import { introspect, setIntrospected } from '../../introspection.js';
import * as ops from '../../ops.js';
import { repr } from '../../repr.js';
import { bindArgs, Signature } from '../../signature.js';
import { fileSharedObject } from '../../shared-objects.js';
import { PyDict, PyException, PyFunc, PyTuple, PyType, typeName, type Py } from '../../values.js';
import { CLASS_VAR } from '../typing/module.js';
import { aliasOf } from '../typing/forms.js';
import { FIELD, FIELD_CLASS, FIELD_CLASSVAR, FIELD_INITVAR, fieldAttr, INIT_VAR, KW_ONLY, makeField, MISSING, typeRepr } from './field.js';
import { cmpFn, frozenFns, hashFn, initFn, reprFn } from './methods.js';
import { addSlots } from './slots.js';
import { PyMember } from '../../slots.js';

const PARAM_NAMES = ['init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen'];
/** _DataclassParams: the decorator's arguments, `_DataclassParams(init=True,repr=True,...)`. */
function paramsObject(values: Py[]): PyInstance {
  const p = new PyInstance(DATACLASS_PARAMS);
  PARAM_NAMES.forEach((n, i) => p.dict.set(n, values[i]));
  return p;
}

const DATACLASS_PARAMS = makeClass('_DataclassParams', '_DataclassParams', [OBJECT_CLASS]);
DATACLASS_PARAMS.module = 'dataclasses';
fileSharedObject(DATACLASS_PARAMS, 'dataclasses._DataclassParams');
DATACLASS_PARAMS.attrs.set('__repr__', new PyFunc('_DataclassParams.__repr__', (a) => `_DataclassParams(${PARAM_NAMES.map((n) => `${n}=${repr((a[0] as PyInstance).dict.get(n) ?? null)}`).join(',')})`, 'function'));

const isField = (v: Py): v is PyInstance => v instanceof PyInstance && v.cls === FIELD_CLASS;
const isClassVar = (t: Py): boolean => t === CLASS_VAR || aliasOf(t)?.origin === CLASS_VAR;
const isInitVar = (t: Py): boolean => t === INIT_VAR || (t instanceof PyInstance && t.cls === INIT_VAR);

/** The class's fields table, where it is a dataclass (`__dataclass_fields__` through its order). */
export function fieldsTable(cls: Py): PyDict | undefined {
  if (!(cls instanceof PyClass)) return undefined;
  const v = cls.lookup('__dataclass_fields__');
  return v instanceof PyDict ? v : undefined;
}

/** _get_field: the Field of an annotated name. */
function getField(cls: PyClass, name: string, type: Py, kwOnly: boolean): PyInstance {
  step();
  // a name of a base's __slots__ is its member descriptor, no default (types.MemberDescriptorType)
  const member = cls.lookup(name);
  const found = member instanceof PyMember ? undefined : member;
  let f: PyInstance;
  if (found !== undefined && isField(found)) f = found;
  else f = makeField(found === undefined ? MISSING : found, MISSING, true, true, null, true, null, MISSING);
  f.dict.set('name', name);
  f.dict.set('type', type);
  f.dict.set('_field_type', FIELD);
  if (isClassVar(type)) f.dict.set('_field_type', FIELD_CLASSVAR);
  else if (isInitVar(type)) f.dict.set('_field_type', FIELD_INITVAR);
  const kind = fieldAttr(f, '_field_type');
  if (kind !== FIELD && fieldAttr(f, 'default_factory') !== MISSING) throw typeErr(`field ${name} cannot have a default factory`);
  if (kind === FIELD || kind === FIELD_INITVAR) {
    if (fieldAttr(f, 'kw_only') === MISSING) f.dict.set('kw_only', kwOnly);
  } else if (fieldAttr(f, 'kw_only') !== MISSING) throw typeErr(`field ${name} is a ClassVar but specifies kw_only`);
  // a default whose class has no hash (list, dict, set, a mutable dataclass) would be shared by every instance
  const d = fieldAttr(f, 'default');
  if (kind === FIELD && d !== MISSING && unhashableType(d)) throw valueErr(`mutable default ${repr(callValue(BUILTINS.get('type')!, [d], null))} for field ${name} is not allowed: use default_factory`);
  return f;
}

/** `type(v).__hash__ is None`: a tuple's type has one, whatever it holds; otherwise hash() tells. */
function unhashableType(v: Py): boolean {
  if (v instanceof PyTuple || v === null || typeof v !== 'object') return false;
  if (v instanceof PyInstance) return v.cls.lookup('__hash__') === null;
  try {
    callValue(BUILTINS.get('hash')!, [v], null);
    return false;
  } catch (e) {
    if (e instanceof PyException && !e.fatal && e.type.name === 'TypeError') return true;
    throw e;
  }
}

interface Options {
  init: boolean;
  repr: boolean;
  eq: boolean;
  order: boolean;
  unsafeHash: boolean;
  frozen: boolean;
  matchArgs: boolean;
  kwOnly: boolean;
  slots: boolean;
  weakrefSlot: boolean;
  given: Py[];
}

/** Sets a method unless the class's own namespace has the name (_set_new_attribute): whether it had. */
function setNew(cls: PyClass, name: string, v: Py): boolean {
  if (cls.attrs.has(name)) return true;
  objectSetattr(cls, name, v);
  return false;
}

export function processClass(cls: Py, o: Options): Py {
  if (!(cls instanceof PyClass) || cls.module !== null || cls === OBJECT_CLASS) {
    // _process_class reads cls.__module__ first, and the first store is __dataclass_params__
    if (cls instanceof PyClass && cls !== OBJECT_CLASS) throw fatalErr(UnsupportedError, "dataclass() of a module's class is not available in conditions: its namespace is shared by every condition");
    if (cls instanceof PyType) throw typeErr(`cannot set '__dataclass_params__' attribute of immutable type '${cls.name}'`);
    throw pyErr(AttributeError, `'${typeName(cls)}' object has no attribute '__module__'`);
  }
  // the first store, as _process_class makes it
  objectSetattr(cls, '__dataclass_params__', paramsObject(o.given));
  const fields = new Map<string, PyInstance>();
  let anyFrozenBase = false;
  let hasDataclassBases = false;
  // the bases' fields, the farthest first (cls.__mro__[-1:0:-1])
  for (let i = cls.mro.length - 1; i >= 1; i--) {
    const b = cls.mro[i];
    const table = fieldsTable(b);
    if (table === undefined || !(b instanceof PyClass) || !b.attrs.has('__dataclass_fields__')) continue;
    hasDataclassBases = true;
    for (const f of table.m.values()) {
      step();
      if (isField(f)) fields.set(fieldAttr(f, 'name') as string, f);
    }
    const params = b.lookup('__dataclass_params__');
    if (params instanceof PyInstance && ops.truthy(params.dict.get('frozen') ?? false)) anyFrozenBase = true;
  }
  const own = cls.attrs.get('__annotations__');
  const annotations = own instanceof PyDict ? own : new PyDict();
  const ownFields: PyInstance[] = [];
  let kwOnly = o.kwOnly;
  let kwOnlySeen = false;
  for (const [k, type] of annotations.m) {
    const n = annotations.key(k);
    step();
    // `_: KW_ONLY` is no field: those after it are keyword-only
    if (type === KW_ONLY || (type instanceof PyInstance && type.cls === KW_ONLY.cls)) {
      if (kwOnlySeen) throw typeErr(`${repr(n)} is KW_ONLY, but KW_ONLY has already been specified`);
      kwOnlySeen = true;
      kwOnly = true;
      continue;
    }
    ownFields.push(getField(cls, n as string, type, kwOnly));
  }
  for (const f of ownFields) {
    const n = fieldAttr(f, 'name') as string;
    fields.set(n, f);
    // the class attribute that was a Field becomes the default, or goes
    const attr = cls.attrs.get(n);
    if (attr !== undefined && isField(attr)) {
      if (fieldAttr(f, 'default') === MISSING) objectDelattr(cls, n);
      else objectSetattr(cls, n, fieldAttr(f, 'default'));
    }
  }
  for (const [n, v] of cls.attrs) if (isField(v) && !annotations.m.has(n)) throw typeErr(`${repr(n)} is a field but has no type annotation`);
  if (hasDataclassBases) {
    if (anyFrozenBase && !o.frozen) throw typeErr('cannot inherit non-frozen dataclass from a frozen one');
    if (!anyFrozenBase && o.frozen) throw typeErr('cannot inherit frozen dataclass from a non-frozen one');
  }
  allocEntries(fields.size);
  const table = new PyDict();
  for (const [n, f] of fields) table.set(n, f);
  objectSetattr(cls, '__dataclass_fields__', table);

  // __hash__ as the class had it before: its own, or None that __eq__ put there
  const classHash = cls.attrs.get('__hash__');
  const hasExplicitHash = classHash !== undefined && !(classHash === null && cls.attrs.has('__eq__'));
  const all = [...fields.values()];
  const plain = all.filter((f) => fieldAttr(f, '_field_type') === FIELD);
  if (o.init) {
    const initFields = all.filter((f) => fieldAttr(f, '_field_type') !== FIELD_CLASSVAR);
    const std = initFields.filter((f) => ops.truthy(fieldAttr(f, 'init')) && !ops.truthy(fieldAttr(f, 'kw_only')));
    const kw = initFields.filter((f) => ops.truthy(fieldAttr(f, 'init')) && ops.truthy(fieldAttr(f, 'kw_only')));
    let seenDefault = false;
    for (const f of std) {
      if (fieldAttr(f, 'default') !== MISSING || fieldAttr(f, 'default_factory') !== MISSING) seenDefault = true;
      else if (seenDefault) throw typeErr(`non-default argument ${repr(fieldAttr(f, 'name'))} follows default argument`);
    }
    const hasPostInit = cls.lookup('__post_init__') !== undefined;
    setNew(cls, '__init__', initFn(cls, initFields, std, kw, o.frozen, hasPostInit, o.slots));
  }
  if (o.repr) setNew(cls, '__repr__', reprFn(cls, plain));
  const compared = plain.filter((f) => ops.truthy(fieldAttr(f, 'compare')));
  if (o.eq) setNew(cls, '__eq__', cmpFn(cls, '__eq__', compared, (a, b) => ops.eqValue(a, b)));
  if (o.order) {
    const ops4: [string, (a: Py, b: Py) => Py][] = [['__lt__', ops.ltValue], ['__le__', ops.leValue], ['__gt__', ops.gtValue], ['__ge__', ops.geValue]];
    for (const [n, f] of ops4) {
      if (setNew(cls, n, cmpFn(cls, n, compared, f))) throw typeErr(`Cannot overwrite attribute ${n} in class ${cls.name}. Consider using functools.total_ordering`);
    }
  }
  if (o.frozen) {
    const [setFn, delFn] = frozenFns(cls, plain);
    for (const [n, f] of [['__setattr__', setFn], ['__delattr__', delFn]] as const) if (setNew(cls, n, f)) throw typeErr(`Cannot overwrite attribute ${n} in class ${cls.name}`);
  }
  // _hash_action's table, by (unsafe_hash, eq, frozen, has_explicit_hash)
  const hashed = plain.filter((f) => (fieldAttr(f, 'hash') === null ? ops.truthy(fieldAttr(f, 'compare')) : ops.truthy(fieldAttr(f, 'hash'))));
  if (o.unsafeHash) {
    if (hasExplicitHash) throw typeErr(`Cannot overwrite attribute __hash__ in class ${cls.name}`);
    objectSetattr(cls, '__hash__', hashFn(cls, hashed));
  } else if (o.eq && o.frozen && !hasExplicitHash) objectSetattr(cls, '__hash__', hashFn(cls, hashed));
  else if (o.eq && !o.frozen && !hasExplicitHash) objectSetattr(cls, '__hash__', null);
  if (o.init && o.matchArgs) {
    const names = all.filter((f) => fieldAttr(f, '_field_type') !== FIELD_CLASSVAR && ops.truthy(fieldAttr(f, 'init')) && !ops.truthy(fieldAttr(f, 'kw_only'))).map((f) => fieldAttr(f, 'name'));
    setNew(cls, '__match_args__', new PyTuple(names));
  }
  // the docstring inspect.signature would word, where the class has none
  if (introspect(cls, '__doc__') === null) setIntrospected(cls, '__doc__', docOf(cls, o.init));
  if (o.weakrefSlot && !o.slots) throw typeErr('weakref_slot is True but slots is False');
  return o.slots ? addSlots(cls, o.frozen, o.weakrefSlot) : cls;
}

/** `P(x: int, y: int = 0)`: the class's name and its __init__'s signature without self, as dataclasses sets __doc__. */
function docOf(cls: PyClass, init: boolean): string {
  const table = fieldsTable(cls)!;
  if (!init || !(cls.attrs.get('__init__') instanceof PyFunc)) return `${cls.name}()`;
  const parts: string[] = [];
  const kw: string[] = [];
  for (const f of table.m.values()) {
    if (!isField(f) || fieldAttr(f, '_field_type') === FIELD_CLASSVAR || !ops.truthy(fieldAttr(f, 'init'))) continue;
    const t = fieldAttr(f, 'type');
    // inspect.formatannotation: typing's objects by their repr without `typing.`
    const annotation = t instanceof PyInstance && t.cls.module === 'typing' ? repr(t).replaceAll('typing.', '') : typeof t === 'string' ? repr(t) : typeRepr(t);
    const d = fieldAttr(f, 'default_factory') !== MISSING ? '<factory>' : fieldAttr(f, 'default') !== MISSING ? repr(fieldAttr(f, 'default')) : null;
    const text = `${fieldAttr(f, 'name') as string}: ${annotation}${d === null ? '' : ` = ${d}`}`;
    (ops.truthy(fieldAttr(f, 'kw_only')) ? kw : parts).push(text);
  }
  if (kw.length > 0) parts.push('*', ...kw);
  return `${cls.name}(${parts.join(', ')})`;
}

const DATACLASS_SIG = new Signature('dataclass', ['cls', '', 'init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen', 'match_args', 'kw_only', 'slots', 'weakref_slot'].map((name) => ({ name, star: name === '' ? ('*' as const) : ('' as const) })), 'python', { posOnly: 1 });

/** dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False) */
export const DATACLASS = new PyFunc('dataclass', (a, k) => {
  const v = bindArgs(DATACLASS_SIG, a, k, [null, undefined, true, true, true, false, false, false, true, false, false, false]);
  const [cls, , init, repr_, eq, order, unsafeHash, frozen, matchArgs, kwOnly, slots, weakrefSlot] = v;
  const t = ops.truthy;
  const o: Options = { init: t(init), repr: t(repr_), eq: t(eq), order: t(order), unsafeHash: t(unsafeHash), frozen: t(frozen), matchArgs: t(matchArgs), kwOnly: t(kwOnly), slots: t(slots), weakrefSlot: t(weakrefSlot), given: [init, repr_, eq, order, unsafeHash, frozen] };
  const wrap = (c: Py): Py => {
    if (o.order && !o.eq) throw valueErr('eq must be true if order is true');
    return processClass(c, o);
  };
  if (cls === null) return new PyFunc('dataclass.<locals>.wrap', (wa, wk) => wrap(bindArgs(WRAP_SIG, wa, wk)[0]), 'function');
  return wrap(cls);
}, 'function');
const WRAP_SIG = new Signature('dataclass.<locals>.wrap', [{ name: 'cls', star: '' }], 'python');
