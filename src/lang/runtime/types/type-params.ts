/**
 * Type variables inside `list[T]` and `list[T] | None`, as Objects/genericaliasobject.c finds
 * them (_Py_make_parameters: `__parameters__`) and replaces them (_Py_subs_parameters:
 * `dict[T, list[T]][int]` is `dict[int, list[int]]`). typing.py's TypeVar says what a type
 * variable is and checks what replaces it (`__typing_subst__`); it registers both here, so that
 * this leaf needs no import of typing.
 */
import { step, tick } from '../budget.js';
import { typeErr } from '../exceptions.js';
import { repr } from '../repr.js';
import { ELLIPSIS, PyTuple, PyType, type Py } from '../values.js';
import { slotsOf } from './table.js';

/** What typing.py says of its type variables (TypeVar, ParamSpec, TypeVarTuple), registered by typing's module. */
export interface TypeParamHooks {
  /** Whether v has `__typing_subst__`: a TypeVar, ParamSpec or TypeVarTuple. */
  readonly is: (v: Py) => boolean;
  /** Its `__typing_subst__(arg)`. */
  readonly subst: (param: Py, arg: Py) => Py;
  /** Its `__typing_prepare_subst__(alias, args)`, where it has one (ParamSpec's, TypeVarTuple's), else the arguments as they are. */
  readonly prepare: (param: Py, self: Py, params: readonly Py[], args: Py[]) => Py[];
  /** Whether it is a TypeVarTuple (whose argument is a tuple spliced in). */
  readonly isVarTuple: (v: Py) => boolean;
  /** `*Ts`: typing._is_unpacked_typevartuple. */
  readonly isUnpackedVarTuple: (v: Py) => boolean;
  /** `__typing_unpacked_tuple_args__`: Unpack[Tuple[int, str]]'s (int, str). */
  readonly unpackedTupleArgs: (v: Py) => readonly Py[] | undefined;
  /** The parameters of typing's own aliases (`typing.List[T]`, `typing.Optional[T]`), which are instances of a module class. */
  readonly held: (v: Py) => readonly Py[] | undefined;
}

let hooks: TypeParamHooks = {
  is: () => false,
  subst: (_, arg) => arg,
  prepare: (_p, _s, _ps, args) => args,
  isVarTuple: () => false,
  isUnpackedVarTuple: () => false,
  unpackedTupleArgs: () => undefined,
  held: () => undefined,
};

/** typing.ts's, once its classes are made: this leaf needs no import of typing. */
export function setTypeParams(given: TypeParamHooks): void {
  hooks = given;
}
export const typeParamHooks = (): TypeParamHooks => hooks;

/** Whether v is a type variable (typing._is_typevar_like). */
export const isTypeParameter = (v: Py): boolean => hooks.is(v);

/** The classes whose values hold parameters (GenericAlias, UnionType): their `__parameters__` is read through their slots. */
const HOLDERS = new Set<unknown>();
export const holdsParameters = (cls: abstract new (...args: any[]) => unknown): void => {
  HOLDERS.add(cls);
};

export function nestedParameters(v: Py): readonly Py[] {
  if (v === null || typeof v !== 'object') return [];
  if (!HOLDERS.has(v.constructor)) return hooks.held(v) ?? [];
  const got = slotsOf(v)!.getattr!(v, '__parameters__');
  return got instanceof PyTuple ? got.items : [];
}

/**
 * _Py_make_parameters: the type variables among `args` and their arguments' parameters, each
 * once, in the order first met. A holder's are kept by the holder (parametersOf), so that an
 * alias holding one alias twice at each of n levels is n readings, not 2**n.
 */
export function makeParameters(args: readonly Py[]): Py[] {
  const params: Py[] = [];
  const seen = new Set<Py>();
  const add = (p: Py): void => {
    tick();
    if (seen.has(p)) return;
    seen.add(p);
    params.push(p);
  };
  for (const a of args) {
    if (a instanceof PyType) continue;
    if (hooks.is(a)) add(a);
    else for (const p of nestedParameters(a)) add(p);
  }
  return params;
}

const KEPT = new WeakMap<object, PyTuple>();

/** A holder's `__parameters__`, made once (an alias and a union are immutable; the type variables in them are the run's own). */
export function parametersOf(holder: object, args: readonly Py[]): PyTuple {
  let kept = KEPT.get(holder);
  if (kept === undefined) {
    kept = new PyTuple(makeParameters(args));
    KEPT.set(holder, kept);
  }
  return kept;
}

/** out.push(...items), a tick each, with no spread of a long tuple onto the stack. */
export function pushAll(out: Py[], items: readonly Py[]): void {
  for (const x of items) {
    tick();
    out.push(x);
  }
}

/**
 * _unpack_args: each `*Tuple[int, str]` among the arguments spliced in as int, str (one of
 * arbitrary length, `*Tuple[int, ...]`, stays as it is).
 */
export function unpackArgs(items: readonly Py[]): Py[] {
  const out: Py[] = [];
  for (const x of items) {
    tick();
    const sub = x instanceof PyType ? undefined : hooks.unpackedTupleArgs(x);
    if (sub !== undefined && !(sub.length > 0 && sub[sub.length - 1] === ELLIPSIS)) pushAll(out, sub);
    else out.push(x);
  }
  return out;
}

/** Each parameter's `__typing_prepare_subst__` in turn, then the count checked: CPython's "Too many arguments for ...". */
export function preparedArgs(self: Py, params: readonly Py[], given: Py[], str: (v: Py) => string = repr): Py[] {
  let items = given;
  for (const p of params) {
    tick();
    items = hooks.prepare(p, self, params, items);
  }
  if (items.length !== params.length) {
    throw typeErr(`Too ${items.length > params.length ? 'many' : 'few'} arguments for ${str(self)}; actual ${items.length}, expected ${params.length}`);
  }
  return items;
}

/**
 * _Py_subs_parameters: `self[item]`'s new arguments, each type variable replaced by its
 * argument (checked by `__typing_subst__`), each argument holding parameters subscripted with
 * theirs, a `*Ts` spliced in. No parameters: "is not a generic class"; a count that differs
 * says by how much.
 */
export function substituted(self: Py, args: readonly Py[], params: readonly Py[], item: Py): Py[] {
  if (params.length === 0) throw typeErr(`${repr(self)} is not a generic class`);
  const items = preparedArgs(self, params, unpackArgs(item instanceof PyTuple ? item.items : [item]));
  const at = new Map(params.map((p, i) => [p, i]));
  const out: Py[] = [];
  for (const arg of args) {
    tick();
    if (arg instanceof PyType) {
      out.push(arg);
      continue;
    }
    const v = hooks.is(arg) ? hooks.subst(arg, items[at.get(arg)!]) : subsTvars(arg, at, items);
    if (hooks.isUnpackedVarTuple(arg) && v instanceof PyTuple) pushAll(out, v.items);
    else out.push(v);
  }
  return out;
}

/** subs_tvars: a holder subscripted with the arguments of its own parameters, always as a tuple, a TypeVarTuple's spliced in. */
function subsTvars(arg: Py, at: ReadonlyMap<Py, number>, items: readonly Py[]): Py {
  const sub = nestedParameters(arg);
  if (sub.length === 0) return arg;
  // a new alias or union made: a step, as a call (an alias holding one alias twice at each level is 2**n of them)
  step();
  const subArgs: Py[] = [];
  for (const p of sub) {
    tick();
    const i = at.get(p);
    const given = i === undefined ? p : items[i];
    if (i !== undefined && hooks.isVarTuple(p) && given instanceof PyTuple) pushAll(subArgs, given.items);
    else subArgs.push(given);
  }
  return slotsOf(arg as object)!.getitem!(arg, new PyTuple(subArgs));
}
