/**
 * typing.TypedDict, as typing.py 3.11 writes it: `class M(TypedDict, total=False): a: int` or
 * `TypedDict('M', {'a': int})` makes a class of _TypedDictMeta, a dict subclass whose call is
 * dict's (M(a=1) is a plain dict), with `__annotations__` (its bases' first), `__required_keys__`,
 * `__optional_keys__` and `__total__`; isinstance and issubclass with one are TypeErrors. A
 * TypedDict's base may only be another, or Generic[...], which makes it generic.
 */
import { step } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { moduleClass, PyClass } from '../../classes.js';
import { PyClassOfMeta } from '../../class-values.js';
import { PyStaticMethod } from '../../descriptors.js';
import { typeErr } from '../../exceptions.js';
import { truthy } from '../../iteration.js';
import { fileClassForm } from '../../metaclass.js';
import { PyFrozenSet } from '../../pyset.js';
import { repr } from '../../repr.js';
import { fileSharedObject } from '../../shared-objects.js';
import { bindArgs, Signature } from '../../signature.js';
import { typeNew } from '../../type-new.js';
import { PyDict, PyFunc, PyStrBox, PyTuple, PyType, type Py } from '../../values.js';
import { aliasOf, formOf, forwardRef, NONE_TYPE, SPECIAL_FORM } from './forms.js';
import { GENERIC, setTypedDictCheck } from './generic.js';
import { getattr } from '../../attributes.js';

const TYPE = BUILTINS.get('type') as PyType;
const DICT = BUILTINS.get('dict') as PyType;

export const TYPED_DICT_META = moduleClass('_TypedDictMeta', [TYPE], TYPE);
TYPED_DICT_META.module = 'typing';
fileSharedObject(TYPED_DICT_META, 'typing._TypedDictMeta');

// `__call__ = dict`: a class is no descriptor, so M(a=1) is dict(a=1)
TYPED_DICT_META.attrs.set('__call__', DICT);
const noChecks = new PyFunc('_TypedDictMeta.__subclasscheck__', () => {
  throw typeErr('TypedDict does not support instance and class checks');
}, 'function');
TYPED_DICT_META.attrs.set('__subclasscheck__', noChecks);
TYPED_DICT_META.attrs.set('__instancecheck__', noChecks);

const NEW_SIG = new Signature('__new__', ['cls', 'name', 'bases', 'ns', 'total'].map((name) => ({ name, star: '' as const })), 'python');
TYPED_DICT_META.attrs.set('__new__', new PyStaticMethod(new PyFunc('_TypedDictMeta.__new__', (a, k) => {
  const [, name, bases, ns, total] = bindArgs(NEW_SIG, a, k, [undefined, undefined, undefined, undefined, true]);
  return makeTypedDict(name, bases, ns, total);
}, 'function')));

setTypedDictCheck((cls) => cls instanceof PyClassOfMeta && cls.meta === TYPED_DICT_META);

/** _TypedDict: what `TypedDict` stands for among a class statement's bases (its __mro_entries__). */
const TYPED_DICT_BASE = typeNew('TypedDict', new PyTuple([]), new PyDict(new Map([['__module__', 'typing']])), null, TYPED_DICT_META) as PyClass;

/** _TypedDictMeta.__new__: the class, a dict subclass, then its keys from its bases' and its own annotations. */
function makeTypedDict(name: Py, basesV: Py, ns: Py, total: Py): PyClass {
  const bases = basesV instanceof PyTuple ? basesV.items : [];
  for (const base of bases) {
    if (!(base instanceof PyClassOfMeta && base.meta === TYPED_DICT_META) && base !== GENERIC) throw typeErr('cannot inherit from both a TypedDict type and a non-TypedDict base class');
  }
  // a generic one (`class TD(TypedDict, Generic[T])`, or a generic one's subclass) is Generic's subclass too
  const generic = bases.some((b) => b instanceof PyClass && b.isSubclassOf(GENERIC));
  const cls = typeNew(name, new PyTuple(generic ? [GENERIC, DICT] : [DICT]), ns, null, TYPED_DICT_META) as PyClass;
  const own = ns instanceof PyDict ? ns.get('__annotations__') : undefined;
  const module = ns instanceof PyDict ? ns.get('__module__') ?? null : null;
  const annotations = new PyDict();
  const required = new PyFrozenSet();
  const optional = new PyFrozenSet();
  for (const base of bases as PyClass[]) {
    if (base === GENERIC) continue;
    const ann = base.attrs.get('__annotations__');
    if (ann instanceof PyDict) for (const [key, v] of ann.entries()) (step(), annotations.set(key, v));
    for (const key of keysOf(base.attrs.get('__required_keys__'))) required.add(key);
    for (const key of keysOf(base.attrs.get('__optional_keys__'))) optional.add(key);
  }
  if (own !== undefined && own !== null) {
    const isTotal = truthy(total);
    for (const [key, tp] of callValue(DICT, [own], null).entries() as Iterable<[Py, Py]>) {
      step();
      const checked = typeCheck(tp, module);
      annotations.set(key, checked);
      // Required[...] and NotRequired[...] say so; any other key is as the class's total says
      // an Annotated key's marking is its origin's (Annotated[Required[int], 'm'])
      const outer = aliasOf(checked);
      const marked = outer?.name === 'Annotated' ? aliasOf(outer.args[0])?.name : outer?.name;
      (marked === 'Required' || (marked !== 'NotRequired' && isTotal) ? required : optional).add(key);
    }
  }
  cls.attrs.set('__annotations__', annotations);
  cls.attrs.set('__required_keys__', required);
  cls.attrs.set('__optional_keys__', optional);
  cls.attrs.set('__total__', total);
  return cls;
}

const keysOf = (v: Py): Py[] => (v instanceof PyFrozenSet ? v.values() : []);

const MSG = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type";

/** _type_check of an annotation: None is NoneType, a str a ForwardRef of the class's module; a tuple, ClassVar[...], Final[...] or a bare special form is a TypeError. */
function typeCheck(tp: Py, module: Py): Py {
  if (tp === null) return NONE_TYPE();
  if (typeof tp === 'string' || tp instanceof PyStrBox) return forwardRef(tp instanceof PyStrBox ? tp.value : tp, module);
  const alias = aliasOf(tp);
  if (alias !== undefined && (alias.name === 'ClassVar' || alias.name === 'Final')) throw typeErr(`${repr(tp)} is not valid as type argument`);
  const f = formOf(tp);
  if (f !== undefined && tp.cls === SPECIAL_FORM) throw typeErr(`Plain ${repr(tp)} is not valid as type argument`);
  if (tp instanceof PyTuple && tp.constructor === PyTuple) throw typeErr(`${MSG} Got ${repr(tp).slice(0, 100)}.`);
  return tp;
}

/** TypedDict(typename, fields=None, /, *, total=True, **kwargs): the class `class typename(TypedDict)` with those annotations would be. */
const SIG = new Signature('TypedDict', [
  { name: 'typename', star: '' },
  { name: 'fields', star: '' },
  { name: '', star: '*' },
  { name: 'total', star: '' },
  { name: 'kwargs', star: '**' },
], 'python', { posOnly: 2 });
export const TYPED_DICT = new PyFunc('TypedDict', (a, k) => {
  const [typename, fieldsV, , total, kwargs] = bindArgs(SIG, a, k, [undefined, null, undefined, true, undefined]);
  let fields = fieldsV;
  if (fields === null) fields = kwargs;
  else if ((kwargs as PyDict).size > 0) throw typeErr('TypedDict takes either a dict or keyword arguments, but not both');
  const ns = new PyDict();
  ns.set('__annotations__', callValue(DICT, [fields], null));
  // typing.py's _caller(): the calling frame's __name__, which `python3 -c` runs as __main__
  ns.set('__module__', '__main__');
  return makeTypedDict(typename, new PyTuple([]), ns, total);
}, 'function');

// `class M(TypedDict, total=False)`: TypedDict's __mro_entries__ gives _TypedDict, whose metaclass makes M
fileClassForm(TYPED_DICT, (name, ns, given, kw) => {
  let total: Py = true;
  for (const [key, v] of kw ?? []) {
    if (key !== 'total') throw typeErr(`_TypedDictMeta.__new__() got an unexpected keyword argument '${key}'`);
    total = v;
  }
  // Generic[T] among them is Generic (its __mro_entries__)
  const bases = given.flatMap((b) => (b === TYPED_DICT ? [TYPED_DICT_BASE] : aliasOf(b) !== undefined ? (callValue(getattr(b, '__mro_entries__'), [new PyTuple([...given])], null) as PyTuple).items : [b]));
  return makeTypedDict(name, new PyTuple(bases), ns, total);
});
