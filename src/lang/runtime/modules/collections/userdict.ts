/**
 * collections.UserDict, Lib/collections/__init__.py's class written as one (as calendar's are):
 * a dict kept in the instance's `data`, each method reaching self's others as the Python does,
 * so a condition's subclass that overrides __setitem__ has the constructor, update() and
 * setdefault() store through it. MutableMapping's and Mapping's mixins (update, pop, get, ...) are
 * collections.abc's own functions, put in the class itself (keys, items, values and == its own,
 * under Mapping's names), since its order, which would reach them, is refused (object-class.ts's fileAbcBased).
 */
import { inplace } from '../../../compile/operators.js';
import { getattr, lookupAttr } from '../../attributes.js';
import { step } from '../../budget.js';
import { NOT_IMPLEMENTED_VALUE } from '../../class-operators.js';
import { finishClass, makeClass, OBJECT_CLASS, setattr } from '../../classes.js';
import { PyClassMethod } from '../../descriptors.js';
import { keyErr } from '../../exceptions.js';
import { fileAbcBased } from '../../object-class.js';
import * as ops from '../../ops.js';
import { PyDict, type Py } from '../../values.js';
import { call, callMethod } from '../calendar/py.js';
import { COPY_MODULE } from '../copy.js';
import { defIn, pyDef } from '../python-def.js';
import { PyChainView } from './chainmap-views.js';
import { fileMappingClass, isMapping } from './abc-instances.js';
import { MAPPING, MUTABLE_MAPPING } from '../collections-abc/mapping.js';
import { builtin, classOf, copyByNew, dataOf } from './user-data.js';

export const USERDICT = makeClass('UserDict', 'UserDict', [OBJECT_CLASS]);
USERDICT.module = 'collections';

const isUserDict = (v: Py): boolean => ops.truthy(call(builtin('isinstance'), v, USERDICT));
const ior = inplace('|');

const def = defIn(USERDICT, 'UserDict');

def('__init__', ['dict', '/', '**kwargs'], { dict: null }, (self, dict, kwargs) => {
  setattr(self, 'data', new PyDict());
  if (dict !== null) callMethod(self, 'update', dict);
  if (ops.truthy(kwargs)) callMethod(self, 'update', kwargs);
  return null;
});
def('__len__', [], {}, (self) => call(builtin('len'), dataOf(self)));
def('__getitem__', ['key'], {}, (self, key) => {
  const data = dataOf(self);
  if (ops.contains(data, key)) return ops.getitem(data, key);
  const cls = classOf(self);
  if (lookupAttr(cls, '__missing__') !== undefined) return call(getattr(cls, '__missing__'), self, key);
  throw keyErr(key);
});
def('__setitem__', ['key', 'item'], {}, (self, key, item) => (ops.setitem(dataOf(self), key, item), null));
def('__delitem__', ['key'], {}, (self, key) => (ops.delitem(dataOf(self), key), null));
def('__iter__', [], {}, (self) => call(builtin('iter'), dataOf(self)));
def('__contains__', ['key'], {}, (self, key) => ops.contains(dataOf(self), key));
def('__repr__', [], {}, (self) => call(builtin('repr'), dataOf(self)));
// __or__ and __ror__: a new instance of self's class from the two dicts' |, for a UserDict or a dict only
def('__or__', ['other'], {}, (self, other) => {
  if (isUserDict(other)) return call(classOf(self), ops.bitop('|', dataOf(self), dataOf(other)));
  if (other instanceof PyDict) return call(classOf(self), ops.bitop('|', dataOf(self), other));
  return NOT_IMPLEMENTED_VALUE;
});
def('__ror__', ['other'], {}, (self, other) => {
  if (isUserDict(other)) return call(classOf(self), ops.bitop('|', dataOf(other), dataOf(self)));
  if (other instanceof PyDict) return call(classOf(self), ops.bitop('|', other, dataOf(self)));
  return NOT_IMPLEMENTED_VALUE;
});
def('__ior__', ['other'], {}, (self, other) => {
  setattr(self, 'data', ior(dataOf(self), isUserDict(other) ? dataOf(other) : other));
  return self;
});
def('__copy__', [], {}, (self) => copyByNew(self, (data) => callMethod(data, 'copy')));
def('copy', [], {}, (self) => {
  if (classOf(self) === USERDICT) return call(USERDICT, callMethod(dataOf(self), 'copy'));
  // a subclass's: copy.copy(self) with data emptied for the while, then updated from self
  const data = dataOf(self);
  let c: Py;
  try {
    setattr(self, 'data', new PyDict());
    c = call(COPY_MODULE.attrs.get('copy')!, self);
  } finally {
    setattr(self, 'data', data);
  }
  callMethod(c, 'update', self);
  return c;
});
// @classmethod fromkeys(cls, iterable, value=None): cls(), each key stored by d[key] = value
const fromkeys = pyDef('UserDict.fromkeys', ['cls', 'iterable', 'value'], { value: null }, (cls, iterable, value) => {
  const d = call(cls);
  for (const key of ops.iterate(iterable)) (step(), ops.setitem(d, key, value));
  return d;
});
USERDICT.attrs.set('fromkeys', new PyClassMethod(fromkeys));

// Mapping's mixins: get is Mapping's own function, as in CPython (`UserDict.get is Mapping.get`)
USERDICT.attrs.set('get', MAPPING.attrs.get('get')!);
def('keys', [], {}, (self) => new PyChainView('KeysView', self), 'Mapping');
def('items', [], {}, (self) => new PyChainView('ItemsView', self), 'Mapping');
def('values', [], {}, (self) => new PyChainView('ValuesView', self), 'Mapping');
def('__eq__', ['other'], {}, (self, other) => {
  if (!isMapping(other)) return NOT_IMPLEMENTED_VALUE;
  return ops.eqValue(call(builtin('dict'), callMethod(self, 'items')), call(builtin('dict'), callMethod(other, 'items')));
}, 'Mapping');
// Mapping.__reversed__ = None: reversed() finds the instance not reversible
USERDICT.attrs.set('__reversed__', null);

// MutableMapping's mixins: its own functions, which reach self's __getitem__, __setitem__ and __delitem__
for (const name of ['pop', 'popitem', 'clear', 'update', 'setdefault']) USERDICT.attrs.set(name, MUTABLE_MAPPING.attrs.get(name)!);

finishClass(USERDICT);
fileMappingClass(USERDICT);
fileAbcBased(USERDICT, 'MutableMapping, Mapping, Collection, Sized, Iterable and Container');
