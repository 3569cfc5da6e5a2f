/**
 * dataclass(slots=True), as Lib/dataclasses.py's _add_slots: a new class made by the class's
 * metaclass from a copy of its namespace, with `__slots__` the field names its bases' slots do
 * not name already (and `__weakref__` for weakref_slot), the fields' class attributes, `__dict__`
 * and `__weakref__` left out; its `__qualname__` set afterwards. The methods dataclass() wrote
 * keep the first class, as CPython's closures and `__class__` cells do (a frozen class's
 * `__setattr__` and a method's `super()` meet the new class as another). A frozen one gets
 * `_dataclass_getstate` and `_dataclass_setstate`, for pickle.
 */
import { getattr } from '../../attributes.js';
import { step } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { objectSetattr, PyInstance, setattr } from '../../classes.js';
import { PyClass, PyClassOfMeta } from '../../class-values.js';
import { renameClass } from '../../class-rename.js';
import { AttributeError, typeErr } from '../../exceptions.js';
import { introspect } from '../../introspection.js';
import * as ops from '../../ops.js';
import { bindArgs, Signature } from '../../signature.js';
import { fileSharedObject } from '../../shared-objects.js';
import { PyDict, PyException, PyFunc, PyStrBox, PyTuple, type Py } from '../../values.js';
import { fieldAttr, plainFields } from './field.js';

const builtin = (name: string): Py => BUILTINS.get(name)!;

/** The plain fields of a dataclass, in order, as fields(cls) reads them. */
const fieldsOf = (cls: Py): PyInstance[] => plainFields(getattr(cls, '__dataclass_fields__'));

const GETSTATE_SIG = new Signature('_dataclass_getstate', [{ name: 'self', star: '' }], 'python');
/** _dataclass_getstate(self): the fields' values, a list. */
const GETSTATE = new PyFunc('_dataclass_getstate', (a, k) => {
  const [self] = bindArgs(GETSTATE_SIG, a, k);
  return fieldsOf(self).map((f) => getattr(self, fieldAttr(f, 'name') as string));
}, 'function');

const SETSTATE_SIG = new Signature('_dataclass_setstate', [{ name: 'self', star: '' }, { name: 'state', star: '' }], 'python');
/** _dataclass_setstate(self, state): each field set by object.__setattr__ (the class may be frozen), zipped with state. */
const SETSTATE = new PyFunc('_dataclass_setstate', (a, k) => {
  const [self, state] = bindArgs(SETSTATE_SIG, a, k);
  // zip(fields(self), state): a field first, then the state's next value
  const values = ops.iterate(state)[Symbol.iterator]();
  for (const f of fieldsOf(self)) {
    step();
    const r = values.next();
    if (r.done === true) break;
    objectSetattr(self, fieldAttr(f, 'name') as string, r.value);
  }
  return null;
}, 'function');
fileSharedObject(GETSTATE, 'dataclasses._dataclass_getstate');
fileSharedObject(SETSTATE, 'dataclasses._dataclass_setstate');

/** _get_slots: a class's own `__slots__`, a str as one name, an iterable but an iterator taken whole. */
function slotsOf(t: Py, into: Set<Py>): void {
  // a builtin type's namespace names no __slots__ (and a module's type that a dataclass may derive from either)
  if (!(t instanceof PyClass)) return;
  const given = t.attrs.get('__slots__');
  if (given === undefined || given === null) return;
  if (typeof given === 'string' || given instanceof PyStrBox) {
    into.add(given instanceof PyStrBox ? given.value : given);
    return;
  }
  if (hasAttr(given, '__next__')) throw typeErr(`Slots of '${t.name}' cannot be determined`);
  for (const n of ops.iterate(given)) {
    step();
    into.add(n instanceof PyStrBox ? n.value : n);
  }
}

function hasAttr(obj: Py, name: string): boolean {
  try {
    getattr(obj, name);
    return true;
  } catch (e) {
    if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(AttributeError)) return false;
    throw e;
  }
}

/** _add_slots(cls, is_frozen, weakref_slot): the new class. */
export function addSlots(cls: PyClass, frozen: boolean, weakrefSlot: boolean): Py {
  if (cls.attrs.has('__slots__')) throw typeErr(`${cls.name} already specifies __slots__`);
  const clsDict = callValue(builtin('dict'), [introspect(cls, '__dict__')], null) as PyDict;
  const names = fieldsOf(cls).map((f) => fieldAttr(f, 'name'));
  // the slots of the bases between the class and object
  const inherited = new Set<Py>();
  for (let i = 1; i < cls.mro.length - 1; i++) slotsOf(cls.mro[i], inherited);
  const slots = [...names, ...(weakrefSlot ? ['__weakref__'] : [])].filter((n) => !inherited.has(n));
  clsDict.set('__slots__', new PyTuple(slots));
  for (const n of names) {
    step();
    clsDict.delete(n);
  }
  clsDict.delete('__dict__');
  clsDict.delete('__weakref__');
  // ABCMeta computes it anew for the new class (type_new would store the copy's, then _abc_init replace it)
  clsDict.delete('__abstractmethods__');
  const qualname = cls.qualname;
  const meta = callValue(builtin('type'), [cls], null);
  const made = callValue(meta, [cls.name, introspect(cls, '__bases__'), clsDict], null);
  // cls.__qualname__ = qualname: type's setter, but through a metaclass's own __setattr__ (a store on a class a metaclass made misses type's setter here)
  if (made instanceof PyClass && !(made instanceof PyClassOfMeta && made.meta.lookup('__setattr__') !== undefined)) renameClass(made, '__qualname__', qualname);
  else setattr(made, '__qualname__', qualname);
  if (frozen) {
    if (!clsDict.has('__getstate__')) setattr(made, '__getstate__', GETSTATE);
    if (!clsDict.has('__setstate__')) setattr(made, '__setstate__', SETSTATE);
  }
  return made;
}
