/**
 * typing.get_origin and typing.get_args, as typing.py 3.11 writes them: an alias's origin
 * (`Box[int]` is Box, `List[int]` list, `Optional[int]` Union, `Generic[T]` and Generic
 * itself Generic, `int | None` types.UnionType) and its arguments (`Callable[[int], str]`'s
 * are `([int], str)`); anything else has no origin (None) and no arguments (()). An alias of
 * a collections.abc class, which the evaluator does not have, is refused.
 */
import { allocItems } from '../../budget.js';
import { PyInstance } from '../../classes.js';
import { fatalErr, UnsupportedError } from '../../exceptions.js';
import { repr } from '../../repr.js';
import { bindArgs, Signature } from '../../signature.js';
import { PyGenericAlias } from '../../types/generic-alias.js';
import { PyUnionType, UNION_TYPE } from '../../types/union-type.js';
import { PyFunc, PyTuple, type Py } from '../../values.js';
import { unflattened } from './callable.js';
import { PARAM_SPEC_ARGS, PARAM_SPEC_KWARGS } from './param-spec.js';
import { aliasOf, formOf, SPECIAL_GENERIC_ALIAS } from './forms.js';
import { GENERIC } from './generic.js';
import { ANNOTATED, isAnnotated, metadataOf } from './annotated.js';

const noAbc = (tp: Py): never => {
  throw fatalErr(UnsupportedError, `typing.get_origin of ${repr(tp)} is not available in conditions: collections.abc is not built`);
};

const ORIGIN_SIG = new Signature('get_origin', [{ name: 'tp', star: '' }], 'python');
export const GET_ORIGIN = new PyFunc('get_origin', (a, k) => {
  const [tp] = bindArgs(ORIGIN_SIG, a, k);
  // an Annotated alias's origin is Annotated, not the type it annotates
  if (isAnnotated(tp)) return ANNOTATED;
  const held = aliasOf(tp);
  if (held !== undefined) return held.origin ?? noAbc(tp);
  // a bare alias (typing.List): its class
  const f = tp instanceof PyInstance && tp.cls === SPECIAL_GENERIC_ALIAS ? formOf(tp) : undefined;
  if (f !== undefined) return f.origin ?? noAbc(tp);
  if (tp instanceof PyGenericAlias) return tp.origin;
  if (tp === GENERIC) return GENERIC;
  // P.args and P.kwargs: P
  if (tp instanceof PyInstance && (tp.cls === PARAM_SPEC_ARGS || tp.cls === PARAM_SPEC_KWARGS)) return tp.dict.get('__origin__') ?? null;
  if (tp instanceof PyUnionType) return UNION_TYPE;
  return null;
}, 'function');

const ARGS_SIG = new Signature('get_args', [{ name: 'tp', star: '' }], 'python');
export const GET_ARGS = new PyFunc('get_args', (a, k) => {
  const [tp] = bindArgs(ARGS_SIG, a, k);
  // (origin, *metadata)
  if (isAnnotated(tp)) return (allocItems(metadataOf(tp).items.length), new PyTuple([tp.dict.get('__origin__') ?? null, ...metadataOf(tp).items]));
  const held = aliasOf(tp);
  if (held !== undefined) {
    allocItems(held.args.length);
    // Callable[[int], str]'s are ([int], str); Callable[..., str]'s and Callable[P, str]'s stay as they are (_should_unflatten_callable_args)
    if (held.name === 'Callable' && unflattened(held.args)) return new PyTuple([held.args.slice(0, -1), held.args[held.args.length - 1]]);
    return new PyTuple([...held.args]);
  }
  if (tp instanceof PyGenericAlias || tp instanceof PyUnionType) return new PyTuple([...tp.args]);
  return new PyTuple([]);
}, 'function');
