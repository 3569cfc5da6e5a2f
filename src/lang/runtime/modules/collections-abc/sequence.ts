/**
 * collections.abc's Sequence, MutableSequence and ByteString: the mixins _collections_abc.py
 * writes over __getitem__ and __len__ (and __setitem__, __delitem__, insert), through the
 * instance's own, each loop over its items paid a step an item.
 */
import { step } from '../../budget.js';
import { IndexError, pyErr, ValueError } from '../../exceptions.js';
import * as ops from '../../ops.js';
import { PyException, type Py } from '../../values.js';
import { call, callMethod } from '../calendar/py.js';
import { builtin } from '../collections/user-data.js';
import { abcClass, defIn, finishAbc, COLLECTION, REVERSIBLE } from './one-trick.js';
import { generator, same } from './mapping.js';

const isIndexError = (e: unknown): boolean => e instanceof PyException && !e.fatal && e.type.isSubclassOf(IndexError);
const lt = (a: Py, b: Py): boolean => ops.truthy(ops.ltValue(a, b));

export const SEQUENCE = abcClass('Sequence', [REVERSIBLE, COLLECTION]);
const def = defIn(SEQUENCE);
def('__getitem__', ['index'], {}, () => {
  throw pyErr(IndexError);
}, true);
def('__iter__', [], {}, (self) => generator(function* () {
  for (let i = 0; ; i++) {
    let v: Py;
    try {
      v = ops.getitem(self, i);
    } catch (e) {
      if (isIndexError(e)) return;
      throw e;
    }
    yield v;
  }
}));
def('__contains__', ['value'], {}, (self, value) => {
  for (const v of ops.iterate(self)) if ((step(), same(v, value))) return true;
  return false;
});
def('__reversed__', [], {}, (self) => generator(function* () {
  for (const i of ops.iterate(call(builtin('reversed'), call(builtin('range'), ops.len(self))))) yield ops.getitem(self, i);
}));
def('index', ['value', 'start', 'stop'], { start: 0, stop: null }, (self, value, start, stop) => {
  if (start !== null && lt(start, 0)) start = call(builtin('max'), ops.add(ops.len(self), start), 0);
  if (stop !== null && lt(stop, 0)) stop = ops.add(stop, ops.len(self));
  for (let i = start; stop === null || lt(i, stop); i = ops.add(i, 1)) {
    step();
    let v: Py;
    try {
      v = ops.getitem(self, i);
    } catch (e) {
      if (isIndexError(e)) break;
      throw e;
    }
    if (same(v, value)) return i;
  }
  throw pyErr(ValueError);
});
def('count', ['value'], {}, (self, value) => {
  let n = 0;
  for (const v of ops.iterate(self)) if ((step(), same(v, value))) n++;
  return n;
});
finishAbc(SEQUENCE);

export const BYTE_STRING = finishAbc(abcClass('ByteString', [SEQUENCE]));

export const MUTABLE_SEQUENCE = abcClass('MutableSequence', [SEQUENCE]);
const mdef = defIn(MUTABLE_SEQUENCE);
const indexError = () => {
  throw pyErr(IndexError);
};
mdef('__setitem__', ['index', 'value'], {}, indexError, true);
mdef('__delitem__', ['index'], {}, indexError, true);
mdef('insert', ['index', 'value'], {}, indexError, true);
mdef('append', ['value'], {}, (self, value) => (callMethod(self, 'insert', ops.len(self), value), null));
mdef('clear', [], {}, (self) => {
  try {
    for (;;) (step(), callMethod(self, 'pop'));
  } catch (e) {
    if (!isIndexError(e)) throw e;
  }
  return null;
});
mdef('reverse', [], {}, (self) => {
  const n = ops.len(self);
  for (let i = 0; i < Math.floor(n / 2); i++) {
    step();
    const [a, b] = [ops.getitem(self, n - i - 1), ops.getitem(self, i)];
    ops.setitem(self, i, a);
    ops.setitem(self, n - i - 1, b);
  }
  return null;
});
mdef('extend', ['values'], {}, (self, values) => {
  // `if values is self: values = list(values)`
  const items = values === self ? call(builtin('list'), values) : values;
  for (const v of ops.iterate(items)) (step(), callMethod(self, 'append', v));
  return null;
});
mdef('pop', ['index'], { index: -1 }, (self, index) => {
  const v = ops.getitem(self, index);
  ops.delitem(self, index);
  return v;
});
mdef('remove', ['value'], {}, (self, value) => (ops.delitem(self, callMethod(self, 'index', value)), null));
mdef('__iadd__', ['values'], {}, (self, values) => (callMethod(self, 'extend', values), self));
finishAbc(MUTABLE_SEQUENCE);
