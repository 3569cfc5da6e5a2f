/**
 * fields, asdict, astuple, replace and is_dataclass, as Lib/dataclasses.py writes them:
 * asdict and astuple recurse through dataclass instances, namedtuples, lists, tuples and dicts
 * (each rebuilt by calling its own type), deep-copying anything else; each level is a frame
 * under the recursion limit, so a cycle ends in RecursionError as in CPython.
 */
import { getattr, lookupAttr } from '../../attributes.js';
import { enterCall, exitCall, step } from '../../budget.js';
import { BUILTINS, isinstance } from '../../builtins.js';
import { callValue } from '../../call.js';
import { PyInstance } from '../../classes.js';
import { PyTypeOfBases, typeErr, valueErr } from '../../exceptions.js';
import { introspect } from '../../introspection.js';
import * as ops from '../../ops.js';
import { repr } from '../../repr.js';
import { bindArgs, Signature } from '../../signature.js';
import { PyDict, PyFunc, PyTuple, PyType, type Py } from '../../values.js';
import { PyGenerator, type GeneratorBody } from '../../generator.js';
import { COPY_MODULE } from '../copy.js';
import { FIELD_CLASSVAR, FIELD_INITVAR, fieldAttr, plainFields } from './field.js';
import { fieldsTable } from './process.js';

const builtin = (name: string): Py => BUILTINS.get(name)!;
const typeOf = (v: Py): Py => callValue(builtin('type'), [v], null);

/** `_is_dataclass_instance`: its type has `__dataclass_fields__`. */
const tableOfInstance = (obj: Py): PyDict | undefined => fieldsTable(typeOf(obj));

/** `getattr(class_or_instance, '__dataclass_fields__')`, or undefined where that is an AttributeError. */
const tableOf = (v: Py): Py | undefined => lookupAttr(v, '__dataclass_fields__');

const FIELDS_SIG = new Signature('fields', [{ name: 'class_or_instance', star: '' }], 'python');
export const FIELDS = new PyFunc('fields', (a, k) => {
  const [v] = bindArgs(FIELDS_SIG, a, k);
  const table = tableOf(v);
  if (table === undefined) throw typeErr('must be called with a dataclass type or instance');
  return new PyTuple(plainFields(table));
}, 'function');

const IS_DATACLASS_SIG = new Signature('is_dataclass', [{ name: 'obj', star: '' }], 'python');
export const IS_DATACLASS = new PyFunc('is_dataclass', (a, k) => {
  const [obj] = bindArgs(IS_DATACLASS_SIG, a, k);
  const cls = obj instanceof PyType || obj instanceof PyTypeOfBases ? obj : typeOf(obj);
  return tableOf(cls) !== undefined;
}, 'function');

/** _asdict_inner and _astuple_inner: `pair` makes a dataclass instance's result from its fields' (name, value) pairs. */
function inner(obj: Py, factory: Py, asDict: boolean): Py {
  enterCall();
  try {
    step();
    const table = tableOfInstance(obj);
    if (table !== undefined) {
      const items: Py[] = [];
      for (const f of plainFields(table)) {
        const value = inner(getattr(obj, fieldAttr(f, 'name') as string), factory, asDict);
        items.push(asDict ? new PyTuple([fieldAttr(f, 'name'), value]) : value);
      }
      return callValue(factory, [items], null);
    }
    if (isinstance(obj, builtin('tuple')) && hasAttr(obj, '_fields')) {
      const items = [...ops.iterate(obj)].map((v) => inner(v, factory, asDict));
      return callValue(typeOf(obj), items, null);
    }
    if (isinstance(obj, builtin('list')) || isinstance(obj, builtin('tuple'))) {
      // a generator, as CPython passes: each item's copy made as the type's constructor reads it
      const it = ops.iterate(obj)[Symbol.iterator]();
      const gen = (function* (): GeneratorBody {
        for (let r = it.next(); !r.done; r = it.next()) yield inner(r.value, factory, asDict);
        return null;
      })();
      return callValue(typeOf(obj), [new PyGenerator(gen, `${asDict ? '_asdict_inner' : '_astuple_inner'}.<locals>.<genexpr>`, false, false)], null);
    }
    if (isinstance(obj, builtin('dict'))) {
      const items = ops.iterate(callValue(getattr(obj, 'items'), [], null))[Symbol.iterator]();
      const gen = (function* () {
        for (let r = items.next(); !r.done; r = items.next()) {
          const [key, v] = [...ops.iterate(r.value)];
          yield new PyTuple([inner(key, factory, asDict), inner(v, factory, asDict)]);
        }
        return null;
      })();
      return callValue(typeOf(obj), [new PyGenerator(gen, `${asDict ? '_asdict_inner' : '_astuple_inner'}.<locals>.<genexpr>`, false, false)], null);
    }
    return callValue(COPY_MODULE.attrs.get('deepcopy')!, [obj], null);
  } finally {
    exitCall();
  }
}

function hasAttr(obj: Py, name: string): boolean {
  return callValue(builtin('hasattr'), [obj, name], null) === true;
}

const ASDICT_SIG = new Signature('asdict', [{ name: 'obj', star: '' }, { name: '', star: '*' }, { name: 'dict_factory', star: '' }], 'python');
export const ASDICT = new PyFunc('asdict', (a, k) => {
  const [obj, , factory] = bindArgs(ASDICT_SIG, a, k, [undefined, undefined, builtin('dict')]);
  if (tableOfInstance(obj) === undefined) throw typeErr('asdict() should be called on dataclass instances');
  return inner(obj, factory, true);
}, 'function');

const ASTUPLE_SIG = new Signature('astuple', [{ name: 'obj', star: '' }, { name: '', star: '*' }, { name: 'tuple_factory', star: '' }], 'python');
export const ASTUPLE = new PyFunc('astuple', (a, k) => {
  const [obj, , factory] = bindArgs(ASTUPLE_SIG, a, k, [undefined, undefined, builtin('tuple')]);
  if (tableOfInstance(obj) === undefined) throw typeErr('astuple() should be called on dataclass instances');
  return inner(obj, factory, false);
}, 'function');

const REPLACE_SIG = new Signature('replace', [{ name: 'obj', star: '' }, { name: 'changes', star: '**' }], 'python', { posOnly: 1 });
/** replace(obj, /, **changes): a new instance of obj's class, the init fields not changed read from obj. */
export const REPLACE = new PyFunc('replace', (a, k) => {
  const [obj, changesDict] = bindArgs(REPLACE_SIG, a, k);
  const table = tableOfInstance(obj);
  if (table === undefined) throw typeErr('replace() should be called on dataclass instances');
  const changes = new Map<string, Py>();
  for (const [nk, v] of (changesDict as PyDict).m) changes.set((changesDict as PyDict).key(nk) as string, v);
  for (const f of table.m.values()) {
    step();
    if (!(f instanceof PyInstance)) continue;
    const kind = fieldAttr(f, '_field_type');
    if (kind === FIELD_CLASSVAR) continue;
    const name = fieldAttr(f, 'name') as string;
    if (!ops.truthy(fieldAttr(f, 'init'))) {
      if (changes.has(name)) throw valueErr(`field ${name} is declared with init=False, it cannot be specified with replace()`);
      continue;
    }
    if (!changes.has(name)) {
      if (kind === FIELD_INITVAR && fieldAttr(f, 'default') === MISSING_VALUE()) throw valueErr(`InitVar ${repr(name)} must be specified with replace()`);
      changes.set(name, getattr(obj, name));
    }
  }
  return callValue(introspect(obj, '__class__'), [], changes);
}, 'function');

import { MISSING } from './field.js';
const MISSING_VALUE = (): Py => MISSING;
