/**
 * A module type's dunders called by name (`d.__add__(x)`, `Decimal.__lt__(d, x)`), as CPython's
 * slot wrappers call its slots (typeobject.c's wrap_binaryfunc_l/_r, wrap_richcmpfunc, ...):
 * here the type's own slots (types/protocol.ts), which the operators call, so a dunder answers
 * as its operator does, at its price. Each call takes the instance and the arguments after it,
 * their count already checked (builtin-dunders.ts, with the table's words).
 */
import { NOT_IMPLEMENTED_VALUE } from './class-operators.js';
import { norm } from './int/index.js';
import { eq } from './compare.js';
import { repr, str } from './repr.js';
import { NOT_IMPLEMENTED, type NumberSlots, type PyTypeSlots } from './types/protocol.js';
import type { Py } from './values.js';

export type DunderCall = (self: Py, args: Py[]) => Py;

/** The binary dunders' slots: `__add__` calls add(self, o), `__radd__` add(o, self). */
const BINARY: Readonly<Record<string, keyof NumberSlots>> = {
  add: 'add', sub: 'subtract', mul: 'multiply', truediv: 'truediv', floordiv: 'floordiv', mod: 'remainder', divmod: 'divmod', pow: 'power',
};

/** What each ordering dunder answers of a three-way comparison. */
export const ORDER: Readonly<Record<string, (c: number) => boolean>> = {
  __lt__: (c) => c < 0, __le__: (c) => c <= 0, __gt__: (c) => c > 0, __ge__: (c) => c >= 0,
};
const ORDER_OP: Readonly<Record<string, string>> = { __lt__: '<', __le__: '<=', __gt__: '>', __ge__: '>=' };

/** The slot's sentinel as the value a condition sees. */
export const answer = (r: Py): Py => (r === NOT_IMPLEMENTED ? NOT_IMPLEMENTED_VALUE : r);

/** The call of dunder `name` on a value of the type whose slots are `slots` (its base's, for a subclass's instance), or undefined where the slots answer none. */
export function slotDunderCall(slots: PyTypeSlots, name: string): DunderCall | undefined {
  const m = /^__(r?)(\w+?)__$/.exec(name);
  const nb = m === null ? undefined : BINARY[m[2]];
  if (nb !== undefined && slots.nb?.[nb] !== undefined) {
    const f = slots.nb[nb]!;
    return m![1] === 'r' ? (self, [o]) => answer(f(o, self)) : (self, [o]) => answer(f(self, o));
  }
  if (ORDER[name] !== undefined && slots.compare !== undefined) {
    const holds = ORDER[name];
    const op = ORDER_OP[name];
    return (self, [o]) => {
      const c = slots.compare!(self, o, op);
      return c === NOT_IMPLEMENTED ? NOT_IMPLEMENTED_VALUE : holds(c);
    };
  }
  if ((name === '__eq__' || name === '__ne__') && slots.eq !== undefined) {
    return (self, [o]) => {
      const r = slots.eq!(self, o, (x, y) => eq(x, y));
      return r === NOT_IMPLEMENTED ? NOT_IMPLEMENTED_VALUE : name === '__eq__' ? r : !r;
    };
  }
  const unary = { __neg__: slots.unary?.negative, __pos__: slots.unary?.positive, __abs__: slots.unary?.absolute }[name as '__neg__'];
  if (unary !== undefined) return (self) => unary(self);
  switch (name) {
    case '__bool__':
      return (self) => slots.truthy(self);
    case '__hash__':
      return slots.hash ? (self) => norm(BigInt(slots.hash!(self))) : undefined;
    case '__repr__':
      return slots.repr ? (self) => slots.repr!(self, repr) : undefined;
    case '__str__':
      return slots.str ? (self) => slots.str!(self, repr, str) : undefined;
    default:
      return undefined;
  }
}
