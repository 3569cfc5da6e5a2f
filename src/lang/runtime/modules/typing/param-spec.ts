/**
 * typing.ParamSpec, ParamSpecArgs, ParamSpecKwargs and Concatenate, as typing.py 3.11 writes
 * them: `P = ParamSpec('P')` prints `~P`, `P.args` and `P.kwargs` are made anew at each read
 * and print `P.args`, `Concatenate[int, P]` is a _ConcatenateGenericAlias whose last argument
 * is a ParamSpec or `...`. What replaces a ParamSpec (__typing_subst__) and how a subscript's
 * arguments are read for one (__typing_prepare_subst__) are given to substitution.ts.
 */
import { BUILTINS } from '../../builtins.js';
import { step } from '../../budget.js';
import { callValue } from '../../call.js';
import { makeClass, PyInstance } from '../../classes.js';
import { PyProperty } from '../../descriptors.js';
import { typeErr, valueErr } from '../../exceptions.js';
import { NOT_IMPLEMENTED_VALUE } from '../../class-operators.js';
import { getattr } from '../../attributes.js';
import * as ops from '../../ops.js';
import { truthy } from '../../iteration.js';
import { bindArgs, Signature } from '../../signature.js';
import { ELLIPSIS } from '../../scalars.js';
import { PyFunc, PyTuple, type Py } from '../../values.js';
import { alias, aliasOf, CONCATENATE_GENERIC_ALIAS, form, SPECIAL_FORM, typeCheck } from './forms.js';
import { BOUND_VARIANCE_MIXIN, FINAL_MIXIN, IMMUTABLE_MIXIN, PICKLE_USING_NAME_MIXIN } from './mixins.js';

/**
 * A type variable's `__module__`: its caller's globals' `__name__` (typing._caller), which the
 * envelope's globals have not: '__main__'.
 */
export const CALLER_MODULE = '__main__';

/** str(v), as typing.py's f-strings word their errors. */
export const str = (v: Py): string => callValue(BUILTINS.get('str')!, [v], null) as string;

export const PARAM_SPEC = makeClass('ParamSpec', 'ParamSpec', [FINAL_MIXIN, IMMUTABLE_MIXIN, BOUND_VARIANCE_MIXIN, PICKLE_USING_NAME_MIXIN]);
PARAM_SPEC.module = 'typing';
export const isParamSpec = (v: Py): v is PyInstance => v instanceof PyInstance && v.cls.isSubclassOf(PARAM_SPEC);

/** ParamSpecArgs and ParamSpecKwargs: `P.args`, `P.kwargs`, equal where their ParamSpecs are (and so unhashable). */
function argsClass(name: string, suffix: string): ReturnType<typeof makeClass> {
  const cls = makeClass(name, name, [FINAL_MIXIN, IMMUTABLE_MIXIN]);
  cls.module = 'typing';
  const sig = new Signature(`${name}.__init__`, [{ name: 'self', star: '' }, { name: 'origin', star: '' }], 'python');
  cls.attrs.set('__new__', new PyFunc(`${name}.__new__`, (a, k) => {
    const [, origin] = bindArgs(sig, a, k);
    const v = new PyInstance(a[0] as typeof cls);
    v.dict.set('__origin__', origin);
    return v;
  }, 'function'));
  cls.attrs.set('__init__', new PyFunc(`${name}.__init__`, () => null, 'function'));
  cls.attrs.set('__repr__', new PyFunc(`${name}.__repr__`, (a) => `${str(getattr(getattr(a[0], '__origin__'), '__name__'))}.${suffix}`, 'function'));
  cls.attrs.set('__eq__', new PyFunc(`${name}.__eq__`, (a) => {
    if (!(a[1] instanceof PyInstance && a[1].cls.isSubclassOf(cls))) return NOT_IMPLEMENTED_VALUE;
    return ops.eqOperator(getattr(a[0], '__origin__'), getattr(a[1], '__origin__'));
  }, 'function'));
  // a class defining __eq__ alone has no __hash__
  cls.attrs.set('__hash__', null);
  return cls;
}
export const PARAM_SPEC_ARGS = argsClass('ParamSpecArgs', 'args');
export const PARAM_SPEC_KWARGS = argsClass('ParamSpecKwargs', 'kwargs');

// self counted, as CPython's __init__ counts it
const PARAM_SPEC_SIG = new Signature('ParamSpec.__init__', [{ name: 'self', star: '' }, { name: 'name', star: '' }, { name: '', star: '*' }, { name: 'bound', star: '' }, { name: 'covariant', star: '' }, { name: 'contravariant', star: '' }], 'python');
PARAM_SPEC.attrs.set('__new__', new PyFunc('ParamSpec.__new__', (a, k) => {
  const [, name, , bound, covariant, contravariant] = bindArgs(PARAM_SPEC_SIG, a, k, [undefined, undefined, undefined, null, false, false]);
  const v = new PyInstance(a[0] as typeof PARAM_SPEC);
  v.dict.set('__name__', name);
  // _BoundVarianceMixin.__init__
  if (truthy(covariant) && truthy(contravariant)) throw valueErr('Bivariant types are not supported.');
  v.dict.set('__covariant__', truthy(covariant));
  v.dict.set('__contravariant__', truthy(contravariant));
  v.dict.set('__bound__', truthy(bound) ? typeCheck(bound, 'Bound must be a type.') : null);
  v.dict.set('__module__', CALLER_MODULE);
  return v;
}, 'function'));
PARAM_SPEC.attrs.set('__init__', new PyFunc('ParamSpec.__init__', () => null, 'function'));
PARAM_SPEC.attrs.set('args', new PyProperty(new PyFunc('args', (a) => callValue(PARAM_SPEC_ARGS, [a[0]], null), 'function'), null, null, null));
PARAM_SPEC.attrs.set('kwargs', new PyProperty(new PyFunc('kwargs', (a) => callValue(PARAM_SPEC_KWARGS, [a[0]], null), 'function'), null, null, null));

/** typing._is_param_expr: `...`, a tuple or list, a ParamSpec or a Concatenate[...]. */
export const isParamExpr = (v: Py): boolean => v === ELLIPSIS || v instanceof PyTuple || Array.isArray(v) || isParamSpec(v) || (v instanceof PyInstance && v.cls === CONCATENATE_GENERIC_ALIAS);

/** ParamSpec.__typing_subst__: a list or tuple of types (a tuple), or a parameter expression. */
export function paramSpecSubst(arg: Py): Py {
  if (arg instanceof PyTuple || Array.isArray(arg)) {
    const items = arg instanceof PyTuple ? arg.items : (arg as Py[]);
    return new PyTuple(items.map((x) => (step(), typeCheck(x, 'Expected a type.'))));
  }
  if (!isParamExpr(arg)) throw typeErr(`Expected a list of types, an ellipsis, ParamSpec, or Concatenate. Got ${str(arg)}`);
  return arg;
}

/** ParamSpec.__typing_prepare_subst__: `Z[int, str]` is `Z[[int, str]]` where Z has this one parameter; a list given is a tuple. */
export function paramSpecPrepare(param: Py, self: Py, params: readonly Py[], args: Py[]): Py[] {
  const i = params.indexOf(param);
  if (i >= args.length) throw typeErr(`Too few arguments for ${str(self)}`);
  if (params.length === 1 && !isParamExpr(args[0])) return [new PyTuple(args)];
  if (Array.isArray(args[i])) return [...args.slice(0, i), new PyTuple([...(args[i] as Py[])]), ...args.slice(i + 1)];
  return args;
}

/** Concatenate[int, P]: its last argument a ParamSpec or `...`, the others types. */
export const CONCATENATE = form(SPECIAL_FORM, {
  name: 'Concatenate',
  subscript: (self, params) => {
    if (params.length === 0) throw typeErr('Cannot take a Concatenate of no types.');
    const last = params[params.length - 1];
    if (!(last === ELLIPSIS || isParamSpec(last))) throw typeErr('The last parameter to Concatenate should be a ParamSpec variable or ellipsis.');
    const args = [...params.slice(0, -1).map((p) => (step(), typeCheck(p, 'Concatenate[arg, ...]: each arg must be a type.'))), last];
    return alias(self, args, 'Concatenate', undefined, true, CONCATENATE_GENERIC_ALIAS);
  },
  origin: null,
  arity: -1,
});

/** _ConcatenateGenericAlias.copy_with: a list or tuple last is spliced in (a tuple made), a Concatenate last flattened. */
export function concatenateCopy(args: Py[]): Py {
  const last = args[args.length - 1];
  if (last instanceof PyTuple || Array.isArray(last)) return new PyTuple([...args.slice(0, -1), ...(last instanceof PyTuple ? last.items : (last as Py[]))]);
  const inner = last instanceof PyInstance && last.cls === CONCATENATE_GENERIC_ALIAS ? aliasOf(last) : undefined;
  const flat = inner !== undefined ? [...args.slice(0, -1), ...inner.args] : args;
  return alias(CONCATENATE, flat, 'Concatenate', undefined, true, CONCATENATE_GENERIC_ALIAS);
}
