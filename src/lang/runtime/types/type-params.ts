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
import { PyTuple, PyType, type Py } from '../values.js';
import { slotsOf } from './table.js';

let isTypeParam: (v: Py) => boolean = () => false;
let substitute: (param: Py, arg: Py) => Py = (_, arg) => arg;
let typingParameters: (v: Py) => readonly Py[] | undefined = () => undefined;

/**
 * typing.ts: TypeVar's instances, TypeVar.__typing_subst__, and the parameters of typing's own
 * aliases (`typing.List[T]`, `typing.Optional[T]`), which are instances of a module class.
 */
export function setTypeParams(is: typeof isTypeParam, subst: typeof substitute, held: typeof typingParameters): void {
  isTypeParam = is;
  substitute = subst;
  typingParameters = held;
}

/** Whether v is a type variable (typing._is_typevar_like). */
export const isTypeParameter = (v: Py): boolean => isTypeParam(v);

/** The classes whose values hold parameters (GenericAlias, UnionType): their `__parameters__` is read through their slots. */
const HOLDERS = new Set<unknown>();
export const holdsParameters = (cls: abstract new (...args: any[]) => unknown): void => {
  HOLDERS.add(cls);
};

function nestedParameters(v: Py): readonly Py[] {
  if (v === null || typeof v !== 'object') return [];
  if (!HOLDERS.has(v.constructor)) return typingParameters(v) ?? [];
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
    if (isTypeParam(a)) add(a);
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

/**
 * _Py_subs_parameters: `self[item]`'s new arguments, each type variable replaced by its
 * argument (checked by `__typing_subst__`), each argument holding parameters subscripted with
 * theirs. No parameters: "is not a generic class"; a count that differs says by how much.
 */
export function substituted(self: Py, args: readonly Py[], params: readonly Py[], item: Py): Py[] {
  if (params.length === 0) throw typeErr(`${repr(self)} is not a generic class`);
  const items = item instanceof PyTuple ? item.items : [item];
  if (items.length !== params.length) {
    throw typeErr(`Too ${items.length > params.length ? 'many' : 'few'} arguments for ${repr(self)}; actual ${items.length}, expected ${params.length}`);
  }
  const at = new Map(params.map((p, i) => [p, i]));
  return args.map((arg) => {
    tick();
    if (isTypeParam(arg)) return substitute(arg, items[at.get(arg)!]);
    // subs_tvars: a holder subscripted with the arguments of its own parameters, always as a tuple
    const sub = nestedParameters(arg);
    if (sub.length === 0) return arg;
    // a new alias or union made: a step, as a call (an alias holding one alias twice at each level is 2**n of them)
    step();
    const subArgs = sub.map((p) => (tick(), at.has(p) ? items[at.get(p)!] : p));
    return slotsOf(arg as object)!.getitem!(arg, new PyTuple(subArgs));
  });
}
