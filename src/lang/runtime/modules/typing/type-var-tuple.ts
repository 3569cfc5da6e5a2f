/**
 * typing.TypeVarTuple and Unpack, as typing.py 3.11 writes them: `Ts = TypeVarTuple('Ts')`
 * prints `Ts`, `*Ts` (its __iter__) is `Unpack[Ts]`, which prints `*Ts`, and a subscript
 * gives it a tuple of as many arguments as the other parameters leave
 * (__typing_prepare_subst__); on its own it cannot be substituted.
 */
import { allocItems, step } from '../../budget.js';
import { callValue } from '../../call.js';
import { BUILTINS } from '../../builtins.js';
import { makeClass, PyInstance } from '../../classes.js';
import { typeErr } from '../../exceptions.js';
import { repr } from '../../repr.js';
import { bindArgs, Signature } from '../../signature.js';
import { ELLIPSIS } from '../../scalars.js';
import { PyFunc, PyTuple, PyType, type Py } from '../../values.js';
import { typeParamHooks } from '../../types/type-params.js';
import { alias, aliasOf, CALLABLE_GENERIC_ALIAS, form, GENERIC_ALIAS, SPECIAL_FORM, SPECIAL_GENERIC_ALIAS, typeCheck, UNION_GENERIC_ALIAS, UNPACK_GENERIC_ALIAS } from './forms.js';
import { FINAL_MIXIN, IMMUTABLE_MIXIN, PICKLE_USING_NAME_MIXIN } from './mixins.js';
import { CALLER_MODULE, str } from './param-spec.js';

export const TYPE_VAR_TUPLE = makeClass('TypeVarTuple', 'TypeVarTuple', [FINAL_MIXIN, IMMUTABLE_MIXIN, PICKLE_USING_NAME_MIXIN]);
TYPE_VAR_TUPLE.module = 'typing';
export const isTypeVarTuple = (v: Py): v is PyInstance => v instanceof PyInstance && v.cls.isSubclassOf(TYPE_VAR_TUPLE);

/** Unpack[Ts]: `*Ts`, as _UnpackGenericAlias prints it: '*' + repr(arg), so `*<class 'int'>` of a class. */
export const UNPACK = form(SPECIAL_FORM, {
  name: 'Unpack',
  subscript: (_self, [key]) => unpackAlias(typeCheck(key, 'typing.Unpack accepts only single type.')),
  origin: null,
  arity: 1,
  whole: true,
});

/** _UnpackGenericAlias(Unpack, (arg,)). */
export const unpackAlias = (arg: Py): PyInstance => alias(UNPACK, [arg], 'Unpack', () => `*${repr(arg)}`, true, UNPACK_GENERIC_ALIAS);

// self counted, as CPython's __init__ counts it
const TYPE_VAR_TUPLE_SIG = new Signature('TypeVarTuple.__init__', [{ name: 'self', star: '' }, { name: 'name', star: '' }], 'python');
TYPE_VAR_TUPLE.attrs.set('__new__', new PyFunc('TypeVarTuple.__new__', (a, k) => {
  const [, name] = bindArgs(TYPE_VAR_TUPLE_SIG, a, k);
  const v = new PyInstance(a[0] as typeof TYPE_VAR_TUPLE);
  v.dict.set('__name__', name);
  v.dict.set('__module__', CALLER_MODULE);
  return v;
}, 'function'));
TYPE_VAR_TUPLE.attrs.set('__init__', new PyFunc('TypeVarTuple.__init__', () => null, 'function'));
TYPE_VAR_TUPLE.attrs.set('__repr__', new PyFunc('TypeVarTuple.__repr__', (a) => (a[0] as PyInstance).dict.get('__name__')!, 'function'));
// `*Ts`: its one item is Unpack[Ts]
TYPE_VAR_TUPLE.attrs.set('__iter__', new PyFunc('TypeVarTuple.__iter__', (a) => callValue(BUILTINS.get('iter')!, [[unpackAlias(a[0])]], null), 'function'));

// _GenericAlias.__iter__: `*Tuple[int, ...]` is Unpack[Tuple[int, ...]]; the _NotIterable ones (Union's, Callable's, the bare aliases) are not iterable
GENERIC_ALIAS.attrs.set('__iter__', new PyFunc('_GenericAlias.__iter__', (a) => callValue(BUILTINS.get('iter')!, [[unpackAlias(a[0])]], null), 'function'));
for (const cls of [UNION_GENERIC_ALIAS, CALLABLE_GENERIC_ALIAS, SPECIAL_GENERIC_ALIAS]) cls.attrs.set('__iter__', null);

/** _UnpackGenericAlias.__typing_is_unpacked_typevartuple__: `*Ts`. */
export const isUnpackedTypeVarTuple = (v: Py): boolean => v instanceof PyInstance && v.cls === UNPACK_GENERIC_ALIAS && isTypeVarTuple(aliasOf(v)!.args[0]);

/** __typing_unpacked_tuple_args__: Unpack[Tuple[int, str]]'s (int, str); undefined for anything else. */
export function unpackedTupleArgs(v: Py): readonly Py[] | undefined {
  if (!(v instanceof PyInstance) || v.cls !== UNPACK_GENERIC_ALIAS) return undefined;
  const inner = aliasOf(aliasOf(v)!.args[0]);
  return inner !== undefined && inner.origin === BUILTINS.get('tuple') ? inner.args : undefined;
}

/** TypeVarTuple.__typing_subst__: never alone. */
export function typeVarTupleSubst(): never {
  throw typeErr('Substitution of bare TypeVarTuple is not supported');
}

/**
 * TypeVarTuple.__typing_prepare_subst__: the arguments with those this parameter takes (all
 * the others' leave) gathered into one tuple; an unpacked `*Tuple[int, ...]` fills both sides.
 */
export function typeVarTuplePrepare(param: Py, self: Py, params: readonly Py[], args: Py[]): Py[] {
  const index = params.indexOf(param);
  for (const p of params.slice(index + 1)) {
    step();
    if (isTypeVarTuple(p)) throw typeErr(`More than one TypeVarTuple parameter in ${str(self)}`);
  }
  const alen = args.length;
  const plen = params.length;
  let left = index;
  let right = plen - index - 1;
  let varTupleIndex = -1;
  let fill: Py = null;
  args.forEach((arg, k) => {
    step();
    if (arg instanceof PyType) return;
    // typing's `*Tuple[int, ...]` or types.GenericAlias's `*tuple[int, ...]`, as the module's hook reads them
    const sub = typeParamHooks().unpackedTupleArgs(arg);
    if (sub !== undefined && sub.length === 2 && sub[1] === ELLIPSIS) {
      if (varTupleIndex >= 0) throw typeErr('More than one unpacked arbitrary-length tuple argument');
      varTupleIndex = k;
      fill = sub[0];
    }
  });
  if (varTupleIndex >= 0) {
    left = Math.min(left, varTupleIndex);
    right = Math.min(right, alen - varTupleIndex - 1);
  } else if (left + right > alen) {
    throw typeErr(`Too few arguments for ${str(self)}; actual ${alen}, expected at least ${plen - 1}`);
  }
  const fills = (n: number): Py[] => (n > 0 ? (allocItems(n), new Array<Py>(n).fill(fill)) : []);
  return [...args.slice(0, left), ...fills(index - left), new PyTuple(args.slice(left, alen - right)), ...fills(plen - right - left - index - 1), ...args.slice(alen - right)];
}
