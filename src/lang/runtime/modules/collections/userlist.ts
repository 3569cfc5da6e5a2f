/**
 * collections.UserList, Lib/collections/__init__.py's class written as one (as UserDict is): a
 * list kept in the instance's `data`, each method reaching self's others as the Python does.
 * Sequence's __iter__ and __reversed__, the mixins it does not override, are generators over
 * self[i] put in the class under their own names; its order is refused (fileAbcBased).
 */
import { inplace } from '../../../compile/operators.js';
import { getattr } from '../../attributes.js';
import { step } from '../../budget.js';
import { callValue } from '../../call.js';
import { finishClass, makeClass, OBJECT_CLASS, setattr } from '../../classes.js';
import { IndexError } from '../../exceptions.js';
import { PyGenerator } from '../../generator.js';
import { fileAbcBased } from '../../object-class.js';
import * as ops from '../../ops.js';
import { PySlice } from '../../slice.js';
import { PyDict, PyException, PyTuple, type Py } from '../../values.js';
import { call, callMethod } from '../calendar/py.js';
import { defIn } from '../python-def.js';
import { fileSequenceClass } from './abc-instances.js';
import { builtin, classOf, copyByNew, dataOf } from './user-data.js';

export const USERLIST = makeClass('UserList', 'UserList', [OBJECT_CLASS]);
USERLIST.module = 'collections';

const isinstance = (v: Py, t: Py): boolean => ops.truthy(call(builtin('isinstance'), v, t));
const typeOf = (v: Py): Py => call(builtin('type'), v);
const iadd = inplace('+');
const imul = inplace('*');
const def = defIn(USERLIST, 'UserList');

def('__init__', ['initlist'], { initlist: null }, (self, initlist) => {
  setattr(self, 'data', []);
  if (initlist !== null) {
    // type(initlist) == type(self.data): its items copied into the list in place; a UserList's data sliced; else list(initlist)
    if (ops.truthy(ops.eqValue(typeOf(initlist), typeOf(dataOf(self))))) ops.setslice(dataOf(self), null, null, null, initlist);
    else if (isinstance(initlist, USERLIST)) ops.setslice(dataOf(self), null, null, null, ops.getslice(dataOf(initlist), null, null, null));
    else setattr(self, 'data', call(builtin('list'), initlist));
  }
  return null;
});
def('__repr__', [], {}, (self) => call(builtin('repr'), dataOf(self)));
// __cast, its name mangled: other's data where other is a UserList
def('_UserList__cast', ['other'], {}, (_self, other) => (isinstance(other, USERLIST) ? dataOf(other) : other));
const castOf = (self: Py, other: Py): Py => callMethod(self, '_UserList__cast', other);
def('__lt__', ['other'], {}, (self, other) => ops.ltValue(dataOf(self), castOf(self, other)));
def('__le__', ['other'], {}, (self, other) => ops.leValue(dataOf(self), castOf(self, other)));
def('__eq__', ['other'], {}, (self, other) => ops.eqValue(dataOf(self), castOf(self, other)));
def('__gt__', ['other'], {}, (self, other) => ops.gtValue(dataOf(self), castOf(self, other)));
def('__ge__', ['other'], {}, (self, other) => ops.geValue(dataOf(self), castOf(self, other)));
def('__contains__', ['item'], {}, (self, item) => ops.contains(dataOf(self), item));
def('__len__', [], {}, (self) => call(builtin('len'), dataOf(self)));
def('__getitem__', ['i'], {}, (self, i) => (i instanceof PySlice ? call(classOf(self), ops.getitem(dataOf(self), i)) : ops.getitem(dataOf(self), i)));
def('__setitem__', ['i', 'item'], {}, (self, i, item) => (ops.setitem(dataOf(self), i, item), null));
def('__delitem__', ['i'], {}, (self, i) => (ops.delitem(dataOf(self), i), null));
def('__add__', ['other'], {}, (self, other) => {
  if (isinstance(other, USERLIST)) return call(classOf(self), ops.add(dataOf(self), dataOf(other)));
  if (isinstance(other, typeOf(dataOf(self)))) return call(classOf(self), ops.add(dataOf(self), other));
  return call(classOf(self), ops.add(dataOf(self), call(builtin('list'), other)));
});
def('__radd__', ['other'], {}, (self, other) => {
  if (isinstance(other, USERLIST)) return call(classOf(self), ops.add(dataOf(other), dataOf(self)));
  if (isinstance(other, typeOf(dataOf(self)))) return call(classOf(self), ops.add(other, dataOf(self)));
  return call(classOf(self), ops.add(call(builtin('list'), other), dataOf(self)));
});
def('__iadd__', ['other'], {}, (self, other) => {
  // self.data += ...: the list's in-place +, stored back
  const add = isinstance(other, USERLIST) ? dataOf(other) : isinstance(other, typeOf(dataOf(self))) ? other : call(builtin('list'), other);
  setattr(self, 'data', iadd(dataOf(self), add));
  return self;
});
// __rmul__ = __mul__: the one function under both names
USERLIST.attrs.set('__rmul__', def('__mul__', ['n'], {}, (self, n) => call(classOf(self), ops.mul(dataOf(self), n))));
def('__imul__', ['n'], {}, (self, n) => {
  setattr(self, 'data', imul(dataOf(self), n));
  return self;
});
def('__copy__', [], {}, (self) => copyByNew(self, (data) => ops.getslice(data, null, null, null)));
def('append', ['item'], {}, (self, item) => (callMethod(dataOf(self), 'append', item), null));
def('insert', ['i', 'item'], {}, (self, i, item) => (callMethod(dataOf(self), 'insert', i, item), null));
def('pop', ['i'], { i: -1 }, (self, i) => callMethod(dataOf(self), 'pop', i));
def('remove', ['item'], {}, (self, item) => (callMethod(dataOf(self), 'remove', item), null));
def('clear', [], {}, (self) => (callMethod(dataOf(self), 'clear'), null));
def('copy', [], {}, (self) => call(classOf(self), self));
def('count', ['item'], {}, (self, item) => callMethod(dataOf(self), 'count', item));
def('index', ['item', '*args'], {}, (self, item, args) => callMethod(dataOf(self), 'index', item, ...(args as PyTuple).items));
def('reverse', [], {}, (self) => (callMethod(dataOf(self), 'reverse'), null));
def('sort', ['/', '*args', '**kwds'], {}, (self, args, kwds) => {
  callValue(getattr(dataOf(self), 'sort'), [...(args as PyTuple).items], new Map((kwds as PyDict).entries() as Iterable<[string, Py]>));
  return null;
});
def('extend', ['other'], {}, (self, other) => {
  callMethod(dataOf(self), 'extend', isinstance(other, USERLIST) ? dataOf(other) : other);
  return null;
});
sequenceMixins(USERLIST);
finishClass(USERLIST);
fileSequenceClass(USERLIST);
fileAbcBased(USERLIST, 'MutableSequence, Sequence, Reversible, Collection, Sized, Iterable and Container');

const isIndexError = (e: unknown): boolean => e instanceof PyException && !e.fatal && e.type.isSubclassOf(IndexError);

/**
 * Sequence.__iter__ and Sequence.__reversed__ of a class (UserList's, UserString's): generators
 * of self[0], self[1], ... to the first IndexError, and of self[len - 1] down to self[0].
 */
export function sequenceMixins(cls: typeof USERLIST): void {
  const mixin = defIn(cls, 'Sequence');
  mixin('__iter__', [], {}, (self) =>
    new PyGenerator((function* () {
      // a step an item: each is a call of self's __getitem__
      for (let i = 0; ; i++) {
        step();
        let v: Py;
        try {
          v = ops.getitem(self, i);
        } catch (e) {
          if (isIndexError(e)) return null;
          throw e;
        }
        yield v;
      }
    })() as Generator<Py, Py, Py>, 'Sequence.__iter__'),
  );
  mixin('__reversed__', [], {}, (self) => {
    const indices = call(builtin('reversed'), call(builtin('range'), call(builtin('len'), self)));
    return new PyGenerator((function* () {
      for (const i of ops.iterate(indices)) (step(), yield ops.getitem(self, i));
      return null;
    })() as Generator<Py, Py, Py>, 'Sequence.__reversed__');
  });
}
