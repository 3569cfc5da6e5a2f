/**
 * The private classes typing.py's type variables derive from (_Final, _Immutable,
 * _BoundVarianceMixin, _PickleUsingNameMixin), shared by TypeVar, ParamSpec and TypeVarTuple so
 * that their orders read as CPython's do; _BoundVarianceMixin's `|` and repr are given here.
 */
import { PyInstance } from '../../classes.js';
import { PyClass } from '../../class-values.js';
import { fileSharedObject } from '../../shared-objects.js';
import { PyFunc } from '../../values.js';
import { PyClassMethod } from '../../descriptors.js';
import { fatalErr, typeErr, UnsupportedError } from '../../exceptions.js';
import { FORWARD_REF, typingClass, union } from './forms.js';

const mixin = (name: string): PyClass => {
  const cls = typingClass(name);
  fileSharedObject(cls, `typing.${name}`);
  return cls;
};
export const FINAL_MIXIN = mixin('_Final');
export const IMMUTABLE_MIXIN = mixin('_Immutable');
export const BOUND_VARIANCE_MIXIN = mixin('_BoundVarianceMixin');
export const PICKLE_USING_NAME_MIXIN = mixin('_PickleUsingNameMixin');

// _BoundVarianceMixin's: `T | int` is typing.Union[~T, int]
BOUND_VARIANCE_MIXIN.attrs.set('__or__', new PyFunc('_BoundVarianceMixin.__or__', (a) => union([a[0], a[1]]), 'function'));
BOUND_VARIANCE_MIXIN.attrs.set('__ror__', new PyFunc('_BoundVarianceMixin.__ror__', (a) => union([a[1], a[0]]), 'function'));
// `~T`, `+T_co`, `-T_contra`
BOUND_VARIANCE_MIXIN.attrs.set('__repr__', new PyFunc('_BoundVarianceMixin.__repr__', (a) => {
  const d = (a[0] as PyInstance).dict;
  const prefix = d.get('__covariant__') === true ? '+' : d.get('__contravariant__') === true ? '-' : '~';
  return `${prefix}${d.get('__name__') as string}`;
}, 'function'));
// _Immutable's: copy.copy and copy.deepcopy give it back itself (P.args, a TypeVar)
IMMUTABLE_MIXIN.attrs.set('__copy__', new PyFunc('_Immutable.__copy__', (a) => a[0], 'function'));
IMMUTABLE_MIXIN.attrs.set('__deepcopy__', new PyFunc('_Immutable.__deepcopy__', (a) => a[0], 'function'));
// _PickleUsingNameMixin's __reduce__: its name, so copy.copy and copy.deepcopy give it back itself
PICKLE_USING_NAME_MIXIN.attrs.set('__reduce__', new PyFunc('_PickleUsingNameMixin.__reduce__', (a) => (a[0] as PyInstance).dict.get('__name__')!, 'function'));

// _Final's: TypeVar, ParamSpec, ForwardRef, ... take no subclass but typing.py's own (made with _root=True, refused here)
const initSubclass = new PyClassMethod(new PyFunc('_Final.__init_subclass__', (_a, kw) => {
  if (kw === null || !kw.has('_root')) throw typeErr('Cannot subclass special typing classes');
  throw fatalErr(UnsupportedError, "a subclass of typing's special classes is not available in conditions: the evaluator does not build it");
}, 'function'));
FINAL_MIXIN.attrs.set('__init_subclass__', initSubclass);
FORWARD_REF.attrs.set('__init_subclass__', initSubclass);
