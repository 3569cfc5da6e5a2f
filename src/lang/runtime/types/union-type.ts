/**
 * types.UnionType: `int | str`, `list[int] | None`, as Objects/unionobject.c makes them. A
 * type, None, a types.GenericAlias or a union on both sides makes one, flattened and without
 * repeats (a type by identity, an alias by ==); one member left is that member. isinstance()
 * and issubclass() take it as the tuple of its members (builtins.ts), == compares the members
 * as a set, and it prints as written, None for NoneType.
 */
import { tick } from '../budget.js';
import { typeErr } from '../exceptions.js';
import { pyHashBig } from '../hash.js';
import { idOf } from '../identity.js';
import { PyFrozenSet } from '../pyset.js';
import { PyTuple, PyType, type Py } from '../values.js';
import { aliasKey, argRepr, PyGenericAlias } from './generic-alias.js';
import { NOT_IMPLEMENTED, type PyTypeSlots } from './protocol.js';
import { registerType } from './table.js';
import { holdsParameters, parametersOf, substituted } from './type-params.js';

export class PyUnionType {
  constructor(readonly args: readonly Py[]) {}
}

export const UNION_TYPE = new PyType('types.UnionType', () => {
  throw typeErr("cannot create 'types.UnionType' instances");
});

/** NoneType, which a union holds for None: set by builtins.ts, which makes it. */
let noneType: PyType;
export const setNoneType = (t: PyType): void => {
  noneType = t;
};

const isUnionable = (v: Py): boolean => v === null || v instanceof PyType || v instanceof PyGenericAlias || v instanceof PyUnionType;

/**
 * _Py_union_type_or, type's, GenericAlias's and UnionType's nb_or: a | b, or NOT_IMPLEMENTED
 * where either side is not unionable (`int | 'str'`). The operator asks it first (arith.ts):
 * every type's value has it, and a condition's metaclass may not define `__or__`.
 */
export function unionOr(a: Py, b: Py): Py | typeof NOT_IMPLEMENTED {
  // NoneType has no nb_or: None | None is no union
  if (!isUnionable(a) || !isUnionable(b) || (a === null && b === null)) return NOT_IMPLEMENTED;
  const members: Py[] = [];
  // dedup_and_flatten_args: types by identity, aliases by == (equal aliases share a key): each member's key made once, so that n members cost n keys, not n² of them
  const seen = new Set<unknown>();
  for (const side of [a, b]) {
    for (const m of side instanceof PyUnionType ? side.args : [side === null ? noneType : side]) {
      tick();
      const key = m instanceof PyGenericAlias ? aliasKey(m) : m;
      if (seen.has(key)) continue;
      seen.add(key);
      members.push(m);
    }
  }
  return members.length === 1 ? members[0] : new PyUnionType(members);
}

/** union_repr_item: NoneType as None, a type by its (module and) qualified name, an alias as itself. */
const itemRepr = (v: Py, item: (x: Py) => string): string => (v === noneType ? 'None' : argRepr(v, item));

/** A member by its id of the run (identity.ts: no count passes from one condition's run to the next), an alias by its key. */
const memberKey = (m: Py): string => (m instanceof PyGenericAlias ? aliasKey(m) : `#${idOf(m)}`);

/** Equal unions (the same members in any order) share a key. */
const unionKey = (v: PyUnionType): string => `\u0000UnionType${v.args.map(memberKey).sort().join('\u0000|')}`;

/** The members of a union, as isinstance() and issubclass() take them (_Py_union_args). */
export const unionArgs = (v: PyUnionType): PyTuple => new PyTuple(v.args.slice());

const SLOTS: PyTypeSlots<PyUnionType> = {
  name: () => 'types.UnionType',
  type: UNION_TYPE,
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v, item) => v.args.map((m) => itemRepr(m, item)).join(' | '),
  // union_hash: hash(frozenset(args)), as typing's Union hashes too (hash(Optional[int]) == hash(int | None))
  hash: (v) => {
    const members = new PyFrozenSet();
    for (const m of v.args) (tick(), members.add(m));
    return pyHashBig(members);
  },
  key: unionKey,
  eq: (a, b) => (b instanceof PyUnionType ? unionKey(a) === unionKey(b) : NOT_IMPLEMENTED),
  getattr: (v, name) => (name === '__args__' ? unionArgs(v) : name === '__parameters__' ? parametersOf(v, v.args) : undefined),
  // union_getitem: the members with their type variables replaced, joined again by |
  getitem: (v, key) => substituted(v, v.args, parametersOf(v, v.args).items, key).reduce((a, b) => orOperator(a, b)),
};

/** arith.ts's `|`, set by it: a type variable may be replaced by what is no type (`(list[T] | T)[1]`, CPython's TypeError). */
let orOperator: (a: Py, b: Py) => Py = () => {
  throw new Error('union-type: the | operator is not set (arith.ts sets it)');
};
export const setOrOperator = (f: typeof orOperator): void => {
  orOperator = f;
};

registerType(PyUnionType, SLOTS);
holdsParameters(PyUnionType);
