/**
 * _GenericAlias.__getitem__, as typing.py 3.11 writes it: `Dict[str, T][int]`,
 * `Callable[P, T][[int, str], bool]`, `Box[T, *Ts][int, str, bytes]`. The arguments are
 * unpacked (_unpack_args), each parameter prepares them (a ParamSpec takes `[int, str]` or
 * `int, str` whole, a TypeVarTuple those the others leave), each old argument is replaced
 * (_make_substitution: a Callable's ParamSpec spliced in flat, a `*Ts` spliced in, a tuple
 * substituted inside) and the alias made again (copy_with: a Union as Union[...], a
 * Concatenate with a list last as a plain tuple).
 */
import { step, tick } from '../../budget.js';
import { PyInstance } from '../../classes.js';
import { fatalErr, typeErr, UnsupportedError } from '../../exceptions.js';
import { repr } from '../../repr.js';
import { slotsOf } from '../../types/table.js';
import { nestedParameters, preparedArgs, pushAll, typeParamHooks, unpackArgs } from '../../types/type-params.js';
import { PyFunc, PyTuple, PyType, type Py } from '../../values.js';
import { ABC_CALLABLE, callableAlias } from './callable.js';
import { alias, aliasOf, CONCATENATE_GENERIC_ALIAS, GENERIC_ALIAS, isGenericBaseClass, typeArg, union, UNPACK_GENERIC_ALIAS } from './forms.js';
import { concatenateCopy } from './param-spec.js';
import { isUnpackedTypeVarTuple, unpackAlias } from './type-var-tuple.js';

/** `[a, b]`'s parameters: a tuple is several, each converted as _type_convert does. */
const paramsOf = (key: Py): Py[] => (key instanceof PyTuple ? key.items : [key]).map(typeArg);

/** _make_substitution: the new arguments, each old one replaced by what its parameters map to. */
function makeSubstitution(callable: boolean, args: readonly Py[], by: ReadonlyMap<Py, Py>, depth: number): Py[] {
  const hooks = typeParamHooks();
  const out: Py[] = [];
  for (const old of args) {
    tick();
    if (old instanceof PyType) {
      out.push(old);
      continue;
    }
    let made: Py;
    if (hooks.is(old)) made = hooks.subst(old, by.get(old)!);
    else {
      const sub = old instanceof PyTuple ? [] : nestedParameters(old);
      if (sub.length === 0) made = old;
      else {
        // a new alias made, as a call: a step
        step();
        const subArgs: Py[] = [];
        for (const x of sub) {
          tick();
          if (hooks.isVarTuple(x)) pushAll(subArgs, iterableItems(by.get(x)!));
          else subArgs.push(by.get(x)!);
        }
        made = slotsOf(old as object)!.getitem!(old, new PyTuple(subArgs));
      }
    }
    // Callable[P, T][[int, str], bool]: (int, str, bool), flat; Box[T, *Ts][...]: *Ts's spliced in
    if ((callable && made instanceof PyTuple) || isUnpackedTypeVarTuple(old)) pushAll(out, iterableItems(made));
    else if (old instanceof PyTuple) {
      // Base[[int, T]][str]: the tuple's own arguments substituted (its depth is that of the tuples a ParamSpec took)
      if (depth > 100) throw fatalErr(UnsupportedError, 'substituting type variables nested this deep is not available in conditions');
      out.push(new PyTuple(makeSubstitution(callable, old.items, by, depth + 1)));
    } else out.push(made);
  }
  return out;
}

/** What `extend` reads of a TypeVarTuple's argument: a tuple here (prepare made it one). */
function iterableItems(v: Py): readonly Py[] {
  if (v instanceof PyTuple) return v.items;
  if (Array.isArray(v)) return v as Py[];
  throw fatalErr(UnsupportedError, `splicing ${repr(v)} into a typing alias's arguments is not available in conditions`);
}

GENERIC_ALIAS.attrs.set('__getitem__', new PyFunc('_GenericAlias.__getitem__', ([selfV, key]) => {
  const self = selfV as PyInstance;
  const a = aliasOf(self)!;
  // _UnpackGenericAlias.__getitem__: `*Ts` substituted is what it was given
  if (self.cls === UNPACK_GENERIC_ALIAS && isUnpackedTypeVarTuple(self)) return key;
  if (a.name === '' && isGenericBaseClass(a.origin)) throw typeErr(`Cannot subscript already-subscripted ${repr(self)}`);
  const params = a.parameters.items;
  if (params.length === 0) throw typeErr(`${repr(self)} is not a generic class`);
  const items = preparedArgs(self, params, unpackArgs(paramsOf(key)));
  const by = new Map(params.map((p, i) => [p, items[i]]));
  const isCallable = a.origin === ABC_CALLABLE;
  const args = makeSubstitution(isCallable, a.args, by, 0);
  // copy_with, by the alias's class
  if (a.name === 'Union' || a.name === 'Optional') return union(args);
  if (isCallable && a.name === 'Callable') return callableAlias(args);
  if (self.cls === CONCATENATE_GENERIC_ALIAS) return concatenateCopy(args);
  if (self.cls === UNPACK_GENERIC_ALIAS) return unpackAlias(args[0]);
  // Literal's and Unpack's print their arguments their own way, from what they were made of
  if (a.show !== undefined) throw fatalErr(UnsupportedError, `substituting the type variables of ${repr(self)} is not available in conditions`);
  const made = alias(a.origin, args, a.name);
  if (a.name === '') made.dict.set('__module__', self.dict.get('__module__') ?? null);
  return made;
}, 'function'));
