import { setTypeDunders } from './attributes.js';
import { indexValue } from './args.js';
import { allocItems } from './budget.js';
import { PyFloatInstance, PyFrozenSetInstance, PyIntInstance, PyListInstance, PySetInstance, PyStrInstance, PyTupleInstance, type ValueInstance } from './builtin-subclass.js';
import { NOT_IMPLEMENTED_VALUE } from './class-operators.js';
import { PyClass } from './class-values.js';
import { baseDunder } from './base-dunders.js';
import { contains, eqValue, geValue, gtValue, leValue, ltValue, neValue } from './compare.js';
import { pyErr, typeErr, ZeroDivisionError } from './exceptions.js';
import { formatValue } from './format.js';
import { str as strOf } from './repr.js';
import { pyHashBig } from './hash.js';
import * as int from './int/index.js';
import { delitem, getitem, setitem } from './items.js';
import { iterate, len, toList as listOf, truthy } from './iteration.js';
import { intOf, isIntLike, num } from './numbers.js';
import { setInPlace, type SetOp } from './sets.js';
import * as arith from './arith.js';
import { PyFrozenSet, PySet } from './pyset.js';
import { isListLike, isTupleLike, PyHookedCollection } from './hooked-collection.js';
import { PyFloat, PyTuple } from './scalars.js';
import { argTypeName, type Py, PyFunc, PyIntBox, PyIterator, PyStrBox, tupleOf, typeName } from './values.js';

/**
 * A builtin value type's dunders as super() reaches them from a subclass's method
 * (`super().__len__()`, `super().__add__(x)`): the base's C slot on the instance's value,
 * whatever the class overrides, with the base's own checks of the other operand
 * (NotImplemented, or its TypeError, as its wrapper answers).
 */

type Base = 'list' | 'tuple' | 'set' | 'frozenset' | 'float' | 'int' | 'str';

/** The instance as a plain value of its base, which the operators take without asking its class: a list or set copied, paid for. */
function plain(v: Py): Py {
  // a bool is int's 0 or 1 to int's own methods (int.__abs__(True) is 1)
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyIntInstance || v instanceof PyStrInstance) return v.value;
  if (v instanceof PyFloatInstance) return new PyFloat(v.v);
  if (v instanceof PyTupleInstance) return tupleOf(v.items);
  if (v instanceof PyListInstance) {
    allocItems(v.length);
    return Array.from(v);
  }
  if (v instanceof PySetInstance || v instanceof PyFrozenSetInstance) {
    allocItems(v.size);
    const s = v instanceof PyFrozenSet ? new PyFrozenSet() : new PySet();
    s.merge(v);
    return s;
  }
  if (v instanceof PyIntBox || v instanceof PyStrBox) return v.value;
  // a hooked list or tuple: the one it holds, a list copied
  if (v instanceof PyHookedCollection) {
    if (!Array.isArray(v.value)) return v.value;
    allocItems(v.value.length);
    return Array.from(v.value);
  }
  return v;
}

/** An int, a bool, or an instance of an int subclass (re's flags too), as PyLong_Check has it. */
const intLike = (o: Py): boolean => isIntLike(o) || o instanceof PyIntBox;
const intValue = (o: Py): int.Int => intOf(o instanceof PyIntBox ? o.value : o)!;

/** Which other operands each base's binary methods and comparisons take (else NotImplemented). */
const ACCEPTS: Record<Base, (o: Py) => boolean> = {
  int: intLike,
  float: (o) => o instanceof PyFloat || intLike(o),
  str: (o) => typeof o === 'string' || o instanceof PyStrBox,
  list: isListLike,
  tuple: isTupleLike,
  set: (o) => o instanceof PySet,
  frozenset: (o) => o instanceof PySet,
};

const other = (base: Base, o: Py): Py => ((base === 'int' || base === 'float') && intLike(o) ? intValue(o) : plain(o));

/** The numeric methods of int and float (float has no bitwise ones), by their dunder's stem. */
const ARITH: Record<string, (a: Py, b: Py) => Py> = {
  add: arith.add, sub: arith.sub, mul: arith.mul, truediv: arith.truediv, floordiv: arith.floordiv, mod: arith.mod, pow: arith.pow, divmod: divmodOf,
  and: (a, b) => arith.bitop('&', a, b), or: (a, b) => arith.bitop('|', a, b), xor: (a, b) => arith.bitop('^', a, b),
  lshift: (a, b) => arith.bitop('<<', a, b), rshift: (a, b) => arith.bitop('>>', a, b),
};
/** divmod of two numbers, as int's and float's nb_divmod. */
function divmodOf(a: Py, b: Py): Py {
  if (a instanceof PyFloat || b instanceof PyFloat) {
    const x = a instanceof PyFloat ? a.v : Number(a);
    const y = b instanceof PyFloat ? b.v : Number(b);
    if (y === 0) throw pyErr(ZeroDivisionError, 'float divmod()');
    const [q, r] = arith.floatDivMod(x, y);
    return new PyTuple([new PyFloat(q), new PyFloat(r)]);
  }
  return new PyTuple(int.divmod(a as int.Int, b as int.Int));
}
const FLOAT_ARITH = new Set(['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'divmod']);
const SET_OPS = new Set(['and', 'or', 'xor', 'sub']);
const COMPARE: Record<string, (a: Py, b: Py) => Py> = { eq: eqValue, ne: neValue, lt: ltValue, le: leValue, gt: gtValue, ge: geValue };

/** base.__stem__(self, o) or its reflection: the base's operation on both values, or NotImplemented (or the base's TypeError) for another operand. */
function binary(base: Base, stem: string, reflected: boolean): ((self: Py, o: Py) => Py) | undefined {
  const numeric = base === 'int' ? ARITH[stem] : base === 'float' && FLOAT_ARITH.has(stem) ? ARITH[stem] : undefined;
  const setOp = (base === 'set' || base === 'frozenset') && SET_OPS.has(stem) ? ARITH[stem] ?? arith.sub : undefined;
  const seq = base === 'list' || base === 'tuple' || base === 'str';
  if (numeric !== undefined || setOp !== undefined) {
    const op = numeric ?? setOp!;
    return (self, o) => (!ACCEPTS[base](o) ? NOT_IMPLEMENTED_VALUE : reflected ? op(other(base, o), plain(self)) : op(plain(self), other(base, o)));
  }
  if (seq && stem === 'add' && !reflected) {
    return (self, o) => {
      if (!ACCEPTS[base](o)) throw typeErr(`can only concatenate ${base} (not "${typeName(o)}") to ${base}`);
      return arith.add(plain(self), plain(o));
    };
  }
  if (seq && stem === 'mul') {
    return (self, o) => {
      // sq_repeat's wrapper takes an index (an __index__ too), and says so
      return arith.mul(plain(self), repeatCount(o));
    };
  }
  if (base === 'str' && stem === 'mod') return (self, o) => (!reflected ? arith.mod(plain(self), o) : ACCEPTS.str(o) ? arith.mod(plain(o), plain(self)) : NOT_IMPLEMENTED_VALUE);
  return undefined;
}

/** The base's method of that name, given the instance and the method's arguments; undefined where the base has none. */
function method(base: Base, name: string): [arity: number, fn: (self: Py, args: Py[]) => Py] | undefined {
  if (!name.startsWith('__') || !name.endsWith('__')) return undefined;
  // __rshift__ is a stem of its own, __rrshift__ and __radd__ reflections
  const whole = name.slice(2, -2);
  const r = whole.startsWith('r') && !(whole in ARITH) && whole.slice(1) in ARITH ? 'r' : '';
  const stem = r === 'r' ? whole.slice(1) : whole;
  const seq = base === 'list' || base === 'tuple' || base === 'str';
  const sized = base !== 'int' && base !== 'float';
  const numeric = base === 'int' || base === 'float';
  if (r === '' && stem in COMPARE) {
    const cmp = COMPARE[stem];
    return [1, (self, [o]) => (ACCEPTS[base](o) ? cmp(plain(self), other(base, o)) : NOT_IMPLEMENTED_VALUE)];
  }
  const op = binary(base, stem, r === 'r');
  if (op !== undefined) return [1, (self, [o]) => op(self, o)];
  if (r === 'r') return undefined;
  switch (stem) {
    case 'hash':
      // list's and set's __hash__ is None: read as it is, it is no method
      return base === 'list' || base === 'set' ? undefined : [0, (self) => int.norm(pyHashBig(plain(self)))];
    case 'len':
      return sized ? [0, (self) => len(plain(self))] : undefined;
    case 'contains':
      return sized ? [1, (self, [x]) => contains(plain(self), x)] : undefined;
    case 'iter':
      return sized ? [0, (self) => iterOf(plain(self))] : undefined;
    case 'getitem':
      return seq ? [1, (self, [k]) => getitem(plain(self), k)] : undefined;
    case 'setitem':
      return base === 'list' ? [2, (self, [k, v]) => rewrite(self as PyListInstance | PyHookedCollection | Py[], (l) => setitem(l, k, v))] : undefined;
    case 'delitem':
      return base === 'list' ? [1, (self, [k]) => rewrite(self as PyListInstance | PyHookedCollection | Py[], (l) => delitem(l, k))] : undefined;
    case 'bool':
      return numeric ? [0, (self) => truthy(plain(self))] : undefined;
    case 'neg':
    case 'pos':
    case 'abs':
      return numeric ? [0, (self) => (stem === 'neg' ? arith.neg : stem === 'pos' ? arith.pos : absOf)(plain(self))] : undefined;
    case 'index':
      return base === 'int' ? [0, (self) => plain(self)] : undefined;
    // list's in-place concatenation and repeat, set's in-place operators: the instance changed, and answered
    case 'iadd':
      return base === 'list' ? [1, (self, [o]) => (rewrite(self as PyListInstance | PyHookedCollection, (l) => extend(l, listOf(o))), self)] : undefined;
    case 'imul':
      return base === 'list' ? [1, (self, [o]) => (rewrite(self as PyListInstance | PyHookedCollection, (l) => {
        // the repeat made first: a wrong count leaves the list as it was
        const items = arith.mul(l, repeatCount(o)) as Py[];
        l.length = 0;
        extend(l, items);
      }), self)] : undefined;
    case 'ior':
    case 'iand':
    case 'ixor':
    case 'isub':
      return base === 'set' ? [1, (self, [o]) => (o instanceof PySet ? (setInPlace(IN_PLACE_SET[stem], self as PySet, o), self) : NOT_IMPLEMENTED_VALUE)] : undefined;
    // int's and float's conversions, on the value
    case 'invert':
      return base === 'int' ? [0, (self) => arith.invert(plain(self))] : undefined;
    case 'float':
      return numeric ? [0, (self) => new PyFloat(num(plain(self))!)] : undefined;
    case 'int':
    case 'trunc':
      return numeric ? [0, (self) => { const v = plain(self); return v instanceof PyFloat ? int.fromFloat(Math.trunc(v.v)) : v; }] : undefined;
    case 'floor':
    case 'ceil':
      return numeric ? [0, (self) => { const v = plain(self); return v instanceof PyFloat ? int.fromFloat((stem === 'floor' ? Math.floor : Math.ceil)(v.v)) : v; }] : undefined;
    case 'format':
      return base === 'int' || base === 'float' || base === 'str' ? [1, (self, [spec]) => formatOf(base, self, spec)] : undefined;
    default:
      return undefined;
  }
}

/** list's *= count: an index, in sq_repeat's wrapper's words. */
function repeatCount(o: Py): int.Int {
  if (intLike(o)) return intValue(o);
  const n = indexValue(o);
  if (n === undefined) throw typeErr(`'${typeName(o)}' object cannot be interpreted as an integer`);
  return n as int.Int;
}

const IN_PLACE_SET: Record<string, SetOp> = { ior: '|', iand: '&', ixor: '^', isub: '-' };

/** l extended by items, one at a time (a spread of a million would pass the stack's limit). */
function extend(l: Py[], items: Py[]): void {
  for (const x of items) l.push(x);
}

const absOf = (v: Py): Py => (v instanceof PyFloat ? new PyFloat(Math.abs(v.v)) : int.abs(v as int.Int));

function iterOf(v: Py): PyIterator {
  const name = typeof v === 'string' ? (/^[\x00-\x7f]*$/.test(v) ? 'str_ascii_iterator' : 'str_iterator') : `${typeName(v)}_iterator`;
  return new PyIterator(iterate(v)[Symbol.iterator](), name === 'frozenset_iterator' ? 'set_iterator' : name);
}

function formatOf(_base: Base, self: Py, given: Py): string {
  // a str subclass's instance is its str
  const spec = given instanceof PyStrBox ? given.value : given;
  // _PyArg_BadArgument's words, the function's name without its type's
  if (typeof spec !== 'string') throw typeErr(`__format__() argument must be str, not ${argTypeName(spec)}`);
  // an empty spec is str(self), a subclass's own __str__ (or __repr__) asked, as int's, float's and str's __format__ do
  if (spec === '') return strOf(self);
  return formatValue(typeof self === 'boolean' ? self : plain(self), spec);
}

/** A list method that changes the list, done on its plain copy, then the instance made that copy: its class's own slots are not asked. */
function rewrite(self: PyListInstance | PyHookedCollection | Py[], change: (l: Py[]) => void): null {
  // a plain list (list.__setitem__ through the type) has no slots of a class to pass by
  if (Array.isArray(self) && !(self instanceof PyListInstance)) return change(self), null;
  const copy = plain(self) as Py[];
  change(copy);
  allocItems(copy.length);
  const list = self instanceof PyHookedCollection ? (self.value as Py[]) : self;
  list.length = 0;
  for (const x of copy) list.push(x);
  return null;
}

/** base.__name__ bound to a subclass's instance, as super() reaches it; undefined where the base has no such dunder. */
export function valueDunder(self: ValueInstance, base: string, name: string): PyFunc | undefined {
  // bytes', bytearray's, complex's and the datetime types' (base-dunders.ts)
  if (!(base in ACCEPTS)) return baseDunder(self, name);
  const entry = method(base as Base, name);
  if (entry === undefined) return undefined;
  const [arity, fn] = entry;
  return new PyFunc(name, (args, kw) => fn(self, wrapperArgs(name, args, kw, arity)), 'method');
}

/** A slot wrapper's arguments: positional only, exactly `arity` of them, in its words. */
export function wrapperArgs(name: string, args: Py[], kw: Map<string, Py> | null, arity: number): Py[] {
  if (kw !== null && kw.size > 0) throw typeErr(`wrapper ${name}() takes no keyword arguments`);
  if (args.length !== arity) throw typeErr(`expected ${arity} argument${arity === 1 ? '' : 's'}, got ${args.length}`);
  return args;
}

/** Whether a value is one list's, tuple's, set's or frozenset's own dunders take as their self (a subclass's instance included). */
const SELF: Record<'list' | 'tuple' | 'set' | 'frozenset', (v: Py) => boolean> = {
  list: isListLike,
  tuple: isTupleLike,
  set: (v) => v instanceof PySet && !(v instanceof PyFrozenSet),
  frozenset: (v) => v instanceof PyFrozenSet,
};

// list.__eq__, tuple.__hash__ and the rest, unbound: a class attribute (`__hash__ = tuple.__hash__`) binds it as a function does
setTypeDunders((type, name) => {
  const base = type.name;
  if ((base !== 'list' && base !== 'tuple' && base !== 'set' && base !== 'frozenset') || type instanceof PyClass || type.isException) return undefined;
  const entry = method(base, name);
  if (entry === undefined) return undefined;
  const [arity, fn] = entry;
  return new PyFunc(name, (args, kw) => {
    const self = args[0];
    if (self === undefined) throw typeErr(`descriptor '${name}' of '${base}' object needs an argument`);
    // set's __contains__ is a method, whose descriptor words it so; the others are slot wrappers
    if (!SELF[base](self)) throw typeErr(name === '__contains__' && (base === 'set' || base === 'frozenset') ? `descriptor '${name}' for '${base}' objects doesn't apply to a '${typeName(self)}' object` : `descriptor '${name}' requires a '${base}' object but received a '${typeName(self)}'`);
    return fn(self, wrapperArgs(name, args.slice(1), kw, arity));
  }, 'function');
});
