/**
 * collections.abc's Set and MutableSet: the comparisons and operators _collections_abc.py
 * writes over __contains__, __iter__ and __len__, each new set made by the class's
 * _from_iterable (cls(it) unless a subclass says otherwise) from a generator, as there.
 */
import { step } from '../../budget.js';
import { NOT_IMPLEMENTED_VALUE } from '../../class-operators.js';
import { PyClassMethod } from '../../descriptors.js';
import { KeyError, keyErr, NotImplementedError } from '../../exceptions.js';
import * as ops from '../../ops.js';
import { PyException, PyIterator, type Py } from '../../values.js';
import { call, callMethod } from '../calendar/py.js';
import { pyDef } from '../python-def.js';
import { builtin } from '../collections/user-data.js';
import { abcClass, defIn, finishAbc, COLLECTION, ITERABLE } from './one-trick.js';

const isinstance = (v: Py, cls: Py): boolean => ops.truthy(call(builtin('isinstance'), v, cls));
const len = (v: Py): number => ops.len(v);
const fromIterable = (self: Py, g: () => Generator<Py>): Py => callMethod(self, '_from_iterable', new PyIterator(g()));
/** `x in s`, as the mixins' generators ask it. */
const has = (s: Py, x: Py): boolean => ops.contains(s, x);

export const SET = abcClass('Set', [COLLECTION]);
const def = defIn(SET);
def('__le__', ['other'], {}, (self, other) => {
  if (!isinstance(other, SET)) return NOT_IMPLEMENTED_VALUE;
  if (len(self) > len(other)) return false;
  for (const elem of ops.iterate(self)) if ((step(), !has(other, elem))) return false;
  return true;
});
def('__lt__', ['other'], {}, (self, other) => {
  if (!isinstance(other, SET)) return NOT_IMPLEMENTED_VALUE;
  return len(self) < len(other) && callMethod(self, '__le__', other);
});
def('__gt__', ['other'], {}, (self, other) => {
  if (!isinstance(other, SET)) return NOT_IMPLEMENTED_VALUE;
  return len(self) > len(other) && callMethod(self, '__ge__', other);
});
def('__ge__', ['other'], {}, (self, other) => {
  if (!isinstance(other, SET)) return NOT_IMPLEMENTED_VALUE;
  if (len(self) < len(other)) return false;
  for (const elem of ops.iterate(other)) if ((step(), !has(self, elem))) return false;
  return true;
});
def('__eq__', ['other'], {}, (self, other) => {
  if (!isinstance(other, SET)) return NOT_IMPLEMENTED_VALUE;
  return len(self) === len(other) && callMethod(self, '__le__', other);
});
SET.attrs.set('_from_iterable', new PyClassMethod(pyDef('Set._from_iterable', ['cls', 'it'], {}, (cls, it) => call(cls, it))));
const and = pyDef('Set.__and__', ['self', 'other'], {}, (self, other) => {
  if (!isinstance(other, ITERABLE)) return NOT_IMPLEMENTED_VALUE;
  return fromIterable(self, function* () {
    for (const value of ops.iterate(other)) if ((step(), has(self, value))) yield value;
  });
});
SET.attrs.set('__and__', and);
SET.attrs.set('__rand__', and);
def('isdisjoint', ['other'], {}, (self, other) => {
  for (const value of ops.iterate(other)) if ((step(), has(self, value))) return false;
  return true;
});
const or = pyDef('Set.__or__', ['self', 'other'], {}, (self, other) => {
  if (!isinstance(other, ITERABLE)) return NOT_IMPLEMENTED_VALUE;
  return fromIterable(self, function* () {
    for (const s of [self, other]) for (const e of ops.iterate(s)) (step(), yield e);
  });
});
SET.attrs.set('__or__', or);
SET.attrs.set('__ror__', or);
/** `if not isinstance(other, Set): ... other = self._from_iterable(other)`: undefined where other is no iterable (NotImplemented). */
function asSet(self: Py, other: Py): Py | undefined {
  if (isinstance(other, SET)) return other;
  if (!isinstance(other, ITERABLE)) return undefined;
  return callMethod(self, '_from_iterable', other);
}
const minus = (a: Py, b: Py) => function* (): Generator<Py> {
  for (const value of ops.iterate(a)) if ((step(), !has(b, value))) yield value;
};
def('__sub__', ['other'], {}, (self, other) => {
  const o = asSet(self, other);
  return o === undefined ? NOT_IMPLEMENTED_VALUE : fromIterable(self, minus(self, o));
});
def('__rsub__', ['other'], {}, (self, other) => {
  const o = asSet(self, other);
  return o === undefined ? NOT_IMPLEMENTED_VALUE : fromIterable(self, minus(o, self));
});
const xor = pyDef('Set.__xor__', ['self', 'other'], {}, (self, other) => {
  const o = asSet(self, other);
  return o === undefined ? NOT_IMPLEMENTED_VALUE : ops.bitop('|', ops.sub(self, o), ops.sub(o, self));
});
SET.attrs.set('__xor__', xor);
SET.attrs.set('__rxor__', xor);
SET.attrs.set('__hash__', null);
const MAX = (1n << 63n) - 1n;
const MASK = 2n * MAX + 1n;
// _hash(self): frozenset's algorithm, for a hashable set type's __hash__ to call
def('_hash', [], {}, (self) => {
  const n = BigInt(len(self));
  let h = (1927868237n * (n + 1n)) & MASK;
  for (const x of ops.iterate(self)) {
    step();
    const hx = BigInt(call(builtin('hash'), x) as number | bigint);
    h ^= ((hx ^ (hx << 16n) ^ 89869747n) * 3644798167n);
    h &= MASK;
  }
  h ^= (h >> 11n) ^ (h >> 25n);
  h = (h * 69069n + 907133923n) & MASK;
  if (h > MAX) h -= MASK + 1n;
  if (h === -1n) h = 590923713n;
  return Number.isSafeInteger(Number(h)) ? Number(h) : h;
});
finishAbc(SET);

export const MUTABLE_SET = abcClass('MutableSet', [SET]);
const mdef = defIn(MUTABLE_SET);
const notImplemented = () => {
  throw new PyException(NotImplementedError, []);
};
mdef('add', ['value'], {}, notImplemented, true);
mdef('discard', ['value'], {}, notImplemented, true);
mdef('remove', ['value'], {}, (self, value) => {
  if (!has(self, value)) throw keyErr(value);
  callMethod(self, 'discard', value);
  return null;
});
mdef('pop', [], {}, (self) => {
  let value: Py;
  try {
    value = call(builtin('next'), call(builtin('iter'), self));
  } catch (e) {
    if (!(e instanceof PyException) || e.fatal || e.type.name !== 'StopIteration') throw e;
    throw Object.assign(new PyException(KeyError, []), { suppressContext: true });
  }
  callMethod(self, 'discard', value);
  return value;
});
mdef('clear', [], {}, (self) => {
  try {
    for (;;) (step(), callMethod(self, 'pop'));
  } catch (e) {
    if (!(e instanceof PyException) || e.fatal || !e.type.isSubclassOf(KeyError)) throw e;
  }
  return null;
});
mdef('__ior__', ['it'], {}, (self, it) => {
  for (const value of ops.iterate(it)) (step(), callMethod(self, 'add', value));
  return self;
});
mdef('__iand__', ['it'], {}, (self, it) => {
  for (const value of ops.iterate(ops.sub(self, it))) (step(), callMethod(self, 'discard', value));
  return self;
});
mdef('__ixor__', ['it'], {}, (self, it) => {
  if (it === self) callMethod(self, 'clear');
  else {
    const o = isinstance(it, SET) ? it : callMethod(self, '_from_iterable', it);
    for (const value of ops.iterate(o)) (step(), callMethod(self, has(self, value) ? 'discard' : 'add', value));
  }
  return self;
});
mdef('__isub__', ['it'], {}, (self, it) => {
  if (it === self) callMethod(self, 'clear');
  else for (const value of ops.iterate(it)) (step(), callMethod(self, 'discard', value));
  return self;
});
finishAbc(MUTABLE_SET);
