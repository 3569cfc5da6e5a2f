/**
 * typing.Callable, as typing.py 3.11's _CallableType makes it: `Callable[[int, str], bool]`
 * keeps its arguments flat, (int, str, bool), and prints them as a list; `Callable[..., bool]`,
 * `Callable[P, bool]` and `Callable[Concatenate[int, P], bool]` keep their first argument whole
 * and print it as it is. Its origin is collections.abc.Callable.
 */
import { COLLECTIONS_ABC } from '../collections-abc/module.js';
import { typeErr } from '../../exceptions.js';
import { ELLIPSIS } from '../../scalars.js';
import { PyTuple, PyType, type Py } from '../../values.js';
import { alias, CALLABLE_GENERIC_ALIAS, form, SPECIAL_GENERIC_ALIAS, typeArg, typeCheck, typingRepr } from './forms.js';
import { isParamExpr } from './param-spec.js';
import type { PyInstance } from '../../classes.js';

export const ABC_CALLABLE = COLLECTIONS_ABC.attrs.get('Callable') as PyType;

/** Whether a Callable's flat arguments are `[args], result` (not `P, result` nor `..., result`): _should_unflatten_callable_args. */
export const unflattened = (args: readonly Py[]): boolean => !(args.length === 2 && isParamExpr(args[0]));

/** _CallableGenericAlias(collections.abc.Callable, args), printed as its __repr__ does. */
export function callableAlias(args: Py[]): PyInstance {
  const show = unflattened(args) ? () => `typing.Callable[[${args.slice(0, -1).map(typingRepr).join(', ')}], ${typingRepr(args[args.length - 1])}]` : undefined;
  return alias(ABC_CALLABLE, args, 'Callable', show, true, CALLABLE_GENERIC_ALIAS);
}

export const CALLABLE = form(SPECIAL_GENERIC_ALIAS, {
  name: 'Callable',
  origin: ABC_CALLABLE,
  arity: 2,
  inst: true,
  // args are not checked (a ParamSpec, Concatenate[...] stand there), the result is
  subscript: (_self, params) => {
    if (params.length !== 2) throw typeErr('Callable must be used as Callable[[arg, ...], result].');
    const [args, result] = params;
    const checked = typeCheck(result, 'Callable[args, result]: result must be a type.');
    if (args === ELLIPSIS) return callableAlias([ELLIPSIS, checked]);
    const listed = Array.isArray(args) ? (args as Py[]) : args instanceof PyTuple ? args.items : [args];
    return callableAlias([...listed.map(typeArg), checked]);
  },
});
