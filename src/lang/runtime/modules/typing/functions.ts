/**
 * typing's functions for type checkers, which do (almost) nothing at run time, as typing.py 3.11
 * writes them: assert_type and reveal_type give their argument back (reveal_type's line goes to
 * stderr, which a condition has not), assert_never raises, is_typeddict asks the metaclass,
 * dataclass_transform records its arguments on what it decorates.
 */
import { cpChars, cpLen } from '../../codepoints.js';
import { AssertionError_, pyErr } from '../../exceptions.js';
import { setattr } from '../../classes.js';
import { isinstance } from '../../builtins.js';
import { repr } from '../../repr.js';
import { bindArgs, Signature, type Parameter } from '../../signature.js';
import { PyDict, PyFunc, PyTuple } from '../../values.js';
import { TYPED_DICT_META } from './typed-dict.js';

const positional = (name: string, params: string[]): Signature => new Signature(name, params.map((p) => ({ name: p, star: '' as const, posOnly: true as const })), 'python');

// _ASSERT_NEVER_REPR_MAX_LENGTH
const REPR_MAX = 100;
const NEVER_SIG = positional('assert_never', ['arg']);
export const ASSERT_NEVER = new PyFunc('assert_never', (a, kw) => {
  const [arg] = bindArgs(NEVER_SIG, a, kw);
  let value = repr(arg);
  if (cpLen(value) > REPR_MAX) value = `${cpChars(value).slice(0, REPR_MAX).join('')}...`;
  throw pyErr(AssertionError_, `Expected code to be unreachable, but got: ${value}`);
}, 'function');

const ASSERT_TYPE_SIG = positional('assert_type', ['val', 'typ']);
export const ASSERT_TYPE = new PyFunc('assert_type', (a, kw) => bindArgs(ASSERT_TYPE_SIG, a, kw)[0], 'function');
const REVEAL_SIG = positional('reveal_type', ['obj']);
export const REVEAL_TYPE = new PyFunc('reveal_type', (a, kw) => bindArgs(REVEAL_SIG, a, kw)[0], 'function');

const IS_TYPEDDICT_SIG = new Signature('is_typeddict', [{ name: 'tp', star: '' }], 'python');
export const IS_TYPEDDICT = new PyFunc('is_typeddict', (a, kw) => isinstance(bindArgs(IS_TYPEDDICT_SIG, a, kw)[0], TYPED_DICT_META), 'function');

const TRANSFORM_PARAMS: Parameter[] = [
  { name: '', star: '*' },
  ...['eq_default', 'order_default', 'kw_only_default', 'field_specifiers'].map((name) => ({ name, star: '' as const })),
  { name: 'kwargs', star: '**' },
];
const TRANSFORM_SIG = new Signature('dataclass_transform', TRANSFORM_PARAMS, 'python');
const DECORATOR_SIG = new Signature('dataclass_transform.<locals>.decorator', [{ name: 'cls_or_fn', star: '' }], 'python');
export const DATACLASS_TRANSFORM = new PyFunc('dataclass_transform', (a, kw) => {
  const [, eq, order, kwOnly, specifiers, kwargs] = bindArgs(TRANSFORM_SIG, a, kw, [undefined, true, false, false, new PyTuple([]), undefined]);
  return new PyFunc('dataclass_transform.<locals>.decorator', (b, k) => {
    const [target] = bindArgs(DECORATOR_SIG, b, k);
    const record = new PyDict();
    record.set('eq_default', eq);
    record.set('order_default', order);
    record.set('kw_only_default', kwOnly);
    record.set('field_specifiers', specifiers);
    record.set('kwargs', kwargs);
    setattr(target, '__dataclass_transform__', record);
    return target;
  }, 'function');
}, 'function');
