/**
 * collections.abc's Mapping, MutableMapping and the mapping views, their mixins run as
 * _collections_abc.py's run: through the instance's own __getitem__, __iter__ and __setitem__
 * (a condition's subclass's), each loop over its data paid a step an item.
 */
import { getattr, lookupAttr } from '../../attributes.js';
import { step } from '../../budget.js';
import { setattr } from '../../classes.js';
import { NOT_IMPLEMENTED_VALUE } from '../../class-operators.js';
import { PyClassMethod } from '../../descriptors.js';
import { KeyError, keyErr } from '../../exceptions.js';
import * as ops from '../../ops.js';
import { PyDict, PyException, PyFunc, PyIterator, PyTuple, type Py } from '../../values.js';
import { call, callMethod, unpack } from '../calendar/py.js';
import { pairOf } from '../copy-reduce.js';
import { pyDef } from '../python-def.js';
import { builtin, classOf } from '../collections/user-data.js';
import { abcClass, defIn, finishAbc, COLLECTION, SIZED } from './one-trick.js';
import { SET } from './set.js';

const isKeyError = (e: unknown): boolean => e instanceof PyException && !e.fatal && e.type.isSubclassOf(KeyError);
export const isinstance = (v: Py, cls: Py): boolean => ops.truthy(call(builtin('isinstance'), v, cls));
/** `v is value or v == value`, as the mixins compare. */
export const same = (v: Py, value: Py): boolean => v === value || ops.truthy(ops.eqValue(v, value));
/** A lazy generator object over a JS generator, as the mixins' `yield`. */
export const generator = (g: () => Generator<Py>): Py => new PyIterator(g());

export const MAPPING = abcClass('Mapping', [COLLECTION]);
const def = defIn(MAPPING);
def('__getitem__', ['key'], {}, (_self, key) => {
  throw keyErr(key);
}, true);
def('get', ['key', 'default'], { default: null }, (self, key, dflt) => {
  try {
    return ops.getitem(self, key);
  } catch (e) {
    if (!isKeyError(e)) throw e;
    return dflt;
  }
});
def('__contains__', ['key'], {}, (self, key) => {
  try {
    ops.getitem(self, key);
  } catch (e) {
    if (!isKeyError(e)) throw e;
    return false;
  }
  return true;
});
def('keys', [], {}, (self) => call(KEYS_VIEW, self));
def('items', [], {}, (self) => call(ITEMS_VIEW, self));
def('values', [], {}, (self) => call(VALUES_VIEW, self));
def('__eq__', ['other'], {}, (self, other) => {
  if (!isinstance(other, MAPPING)) return NOT_IMPLEMENTED_VALUE;
  return ops.eqValue(call(builtin('dict'), callMethod(self, 'items')), call(builtin('dict'), callMethod(other, 'items')));
});
// a class that defines __eq__ gets __hash__ = None; __reversed__ = None: reversed() refuses a mapping
MAPPING.attrs.set('__hash__', null);
MAPPING.attrs.set('__reversed__', null);
finishAbc(MAPPING);

export const MAPPING_VIEW = abcClass('MappingView', [SIZED], ['_mapping']);
const view = defIn(MAPPING_VIEW);
const mappingOf = (self: Py): Py => getattr(self, '_mapping');
view('__init__', ['mapping'], {}, (self, mapping) => (setattr(self, '_mapping', mapping), null));
view('__len__', [], {}, (self) => ops.len(mappingOf(self)));
view('__repr__', [], {}, (self) => `${getattr(classOf(self), '__name__') as string}(${call(builtin('repr'), mappingOf(self)) as string})`);
finishAbc(MAPPING_VIEW, true);

/** `@classmethod def _from_iterable(cls, it): return set(it)`: a view's set operations answer sets. */
const fromIterableSet = (name: string) => new PyClassMethod(pyDef(`${name}._from_iterable`, ['cls', 'it'], {}, (_cls, it) => call(builtin('set'), it)));

export const KEYS_VIEW = abcClass('KeysView', [MAPPING_VIEW, SET]);
KEYS_VIEW.attrs.set('_from_iterable', fromIterableSet('KeysView'));
defIn(KEYS_VIEW)('__contains__', ['key'], {}, (self, key) => ops.contains(mappingOf(self), key));
defIn(KEYS_VIEW)('__iter__', [], {}, (self) => generator(function* () {
  for (const key of ops.iterate(mappingOf(self))) yield key;
}));
finishAbc(KEYS_VIEW);

export const ITEMS_VIEW = abcClass('ItemsView', [MAPPING_VIEW, SET]);
ITEMS_VIEW.attrs.set('_from_iterable', fromIterableSet('ItemsView'));
defIn(ITEMS_VIEW)('__contains__', ['item'], {}, (self, item) => {
  const [key, value] = unpack(item, 2);
  let v: Py;
  try {
    v = ops.getitem(mappingOf(self), key);
  } catch (e) {
    if (!isKeyError(e)) throw e;
    return false;
  }
  return same(v, value);
});
defIn(ITEMS_VIEW)('__iter__', [], {}, (self) => generator(function* () {
  const m = mappingOf(self);
  for (const key of ops.iterate(m)) yield new PyTuple([key, ops.getitem(m, key)]);
}));
finishAbc(ITEMS_VIEW);

export const VALUES_VIEW = abcClass('ValuesView', [MAPPING_VIEW, COLLECTION]);
defIn(VALUES_VIEW)('__contains__', ['value'], {}, (self, value) => {
  const m = mappingOf(self);
  for (const key of ops.iterate(m)) if ((step(), same(ops.getitem(m, key), value))) return true;
  return false;
});
defIn(VALUES_VIEW)('__iter__', [], {}, (self) => generator(function* () {
  const m = mappingOf(self);
  for (const key of ops.iterate(m)) yield ops.getitem(m, key);
}));
finishAbc(VALUES_VIEW);

export const MUTABLE_MAPPING = abcClass('MutableMapping', [MAPPING]);
const mdef = defIn(MUTABLE_MAPPING);
mdef('__setitem__', ['key', 'value'], {}, (_self, key) => {
  throw keyErr(key);
}, true);
mdef('__delitem__', ['key'], {}, (_self, key) => {
  throw keyErr(key);
}, true);
/** `__marker = object()`: pop's default that says none was given. */
const MARKER = new PyFunc('object', () => null);
mdef('pop', ['key', 'default'], { default: MARKER }, (self, key, dflt) => {
  let value: Py;
  try {
    value = ops.getitem(self, key);
  } catch (e) {
    if (!isKeyError(e) || dflt === MARKER) throw e;
    return dflt;
  }
  ops.delitem(self, key);
  return value;
});
mdef('popitem', [], {}, (self) => {
  let key: Py;
  try {
    key = call(builtin('next'), call(builtin('iter'), self));
  } catch (e) {
    if (!(e instanceof PyException) || e.fatal || e.type.name !== 'StopIteration') throw e;
    // `raise KeyError from None`
    throw Object.assign(new PyException(KeyError, []), { suppressContext: true });
  }
  const value = ops.getitem(self, key);
  ops.delitem(self, key);
  return new PyTuple([key, value]);
});
mdef('clear', [], {}, (self) => {
  try {
    for (;;) (step(), callMethod(self, 'popitem'));
  } catch (e) {
    if (!isKeyError(e)) throw e;
  }
  return null;
});
mdef('update', ['other', '/', '**kwds'], { other: new PyTuple([]) }, (self, other, kwds) => {
  if (isinstance(other, MAPPING)) for (const key of ops.iterate(other)) (step(), ops.setitem(self, key, ops.getitem(other, key)));
  else if (lookupAttr(other, 'keys') !== undefined) for (const key of ops.iterate(callMethod(other, 'keys'))) (step(), ops.setitem(self, key, ops.getitem(other, key)));
  else for (const pair of ops.iterate(other)) (step(), ops.setitem(self, ...pairOf(pair)));
  for (const [key, value] of (kwds as PyDict).entries()) (step(), ops.setitem(self, key, value));
  return null;
});
mdef('setdefault', ['key', 'default'], { default: null }, (self, key, dflt) => {
  try {
    return ops.getitem(self, key);
  } catch (e) {
    if (!isKeyError(e)) throw e;
    ops.setitem(self, key, dflt);
  }
  return dflt;
});
finishAbc(MUTABLE_MAPPING);
