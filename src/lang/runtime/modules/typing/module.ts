/**
 * typing, as far as annotated code uses it at run time: the special forms and the aliases of
 * the builtin classes (`typing.Optional[int]`, `typing.List[int]`, printed as CPython prints
 * them) and of collections.abc's classes (Iterable, Sized, Generator, ...), TypeVar, cast,
 * TYPE_CHECKING, overload and its registry (overloads.ts), no_type_check, NamedTuple's functional
 * form, TypedDict (typed-dict.ts) with Required and NotRequired, get_type_hints of what
 * holds no string annotations, Generic (generic.ts), Protocol and runtime_checkable
 * (protocol.ts), get_origin and get_args (origin.ts); the bare forms, TypeGuard, Unpack,
 * Annotated (annotated.ts), NewType (new-type.ts), the aliases of collections' and re's
 * classes, the Supports* protocols and IO, TextIO, BinaryIO (supports.ts), and the functions
 * for type checkers (functions.ts). Each form's `[...]` checks its arguments as _type_check does
 * (forms.ts typeCheck). ParamSpec and Concatenate (param-spec.ts), TypeVarTuple and Unpack
 * (type-var-tuple.ts), Callable (callable.ts) and the substitution of them all (substitution.ts).
 * Refused: no_type_check_decorator.
 */
import { COLLECTIONS_ABC } from '../collections-abc/module.js';
import { getattr, lookupAttr } from '../../attributes.js';
import { allocEntries, step } from '../../budget.js';
import { BUILTINS, opaqueTypeNamed, setForeignCheck } from '../../builtins.js';
import { callValue } from '../../call.js';
import { makeClass, PyInstance } from '../../classes.js';
import { PyClass } from '../../class-values.js';
import { AttributeError, fatalErr, pyErr, typeErr, TypeError_, UnsupportedError, valueErr } from '../../exceptions.js';
import * as ops from '../../ops.js';
import { isReadableDunder } from '../../../dunders.js';
import { attrOf, attrOr } from './generic.js';
import { CONFLICT, fileClassForm, metaOf, typeOfTypes } from '../../metaclass.js';
import { setattr as setattrOf } from '../../classes.js';
import { annotationsOfValue } from '../../introspection.js';
import { mroOf } from '../../object-class.js';
import { PyClassType } from '../class-type.js';
import { iterate } from '../../ops.js';
import { truthy } from '../../iteration.js';
import { bindArgs, Signature } from '../../signature.js';
import { repr } from '../../repr.js';
import { freeze } from '../frozen-instances.js';
import { PyDict, PyException, PyFunc, PyModule, PyTuple, PyType, typeName, type Py } from '../../values.js';
import { OPERATOR } from '../operator.js';
import { COLLECTIONS } from '../collections/module.js';
import { CONTEXTLIB } from '../contextlib.js';
import { TYPED_DICT } from './typed-dict.js';
import { ANNOTATED, stripAnnotated } from './annotated.js';
import { NEW_TYPE } from './new-type.js';
import { ASSERT_NEVER, ASSERT_TYPE, DATACLASS_TRANSFORM, IS_TYPEDDICT, REVEAL_TYPE } from './functions.js';
import { GENERIC, setParameters } from './generic.js';
import type { NamedTupleType } from '../collections/namedtuple.js';
import { CLEAR_OVERLOADS, GET_OVERLOADS, OVERLOAD } from './overloads.js';
import { GET_ARGS, GET_ORIGIN } from './origin.js';
import { PROTOCOL, RUNTIME_CHECKABLE } from './protocol.js';
import { ioClasses, supportsProtocols } from './supports.js';
import { setTypeParams } from '../../types/type-params.js';
import { PyGenericAlias } from '../../types/generic-alias.js';
import { CALLABLE, unflattened } from './callable.js';
import { CALLER_MODULE, CONCATENATE, isParamSpec, PARAM_SPEC, PARAM_SPEC_ARGS, PARAM_SPEC_KWARGS, paramSpecPrepare, paramSpecSubst } from './param-spec.js';
import { isTypeVarTuple, isUnpackedTypeVarTuple, TYPE_VAR_TUPLE, typeVarTuplePrepare, typeVarTupleSubst, UNPACK, unpackedTupleArgs } from './type-var-tuple.js';
import { BOUND_VARIANCE_MIXIN, FINAL_MIXIN, IMMUTABLE_MIXIN, PICKLE_USING_NAME_MIXIN } from './mixins.js';
import { BARE_FORMS, LITERAL_GENERIC_ALIAS, typeCheck, alias, aliasOf, aliasParameters, classLikeSubclass, form, formOf, FORWARD_REF, typeArg, GENERIC_ALIAS, setUnionForm, SPECIAL_FORM, SPECIAL_GENERIC_ALIAS, union } from './forms.js';

const builtin = (name: string): PyType => BUILTINS.get(name) as PyType;

/** A form taking exactly one type: `ClassVar[int]`, `Final[int]`, `Type[int]`. */
function oneArg(name: string) {
  return (self: PyInstance, [key]: Py[]): Py => alias(self, [typeCheck(key, `typing.${name} accepts only single type.`)], name);
}

const UNION = form(SPECIAL_FORM, { name: 'Union', subscript: (_, params) => union(params), origin: null, arity: -1 });
setUnionForm(UNION);
const OPTIONAL = form(SPECIAL_FORM, {
  name: 'Optional',
  subscript: (_self, [key]) => union([typeCheck(key, 'typing.Optional requires a single type.'), null]),
  origin: null,
  arity: 1,
  whole: true,
});
export const CLASS_VAR = form(SPECIAL_FORM, { name: 'ClassVar', subscript: (self, p) => oneArg('ClassVar')(self, p), origin: null, arity: 1, whole: true });
const FINAL = form(SPECIAL_FORM, { name: 'Final', subscript: (self, p) => oneArg('Final')(self, p), origin: null, arity: 1, whole: true });
/** Required[...] and NotRequired[...]: a TypedDict's key marked so whatever its class's total (typed-dict.ts). */
function markedKey(name: string) {
  return (self: PyInstance, [key]: Py[]): Py => alias(self, [typeCheck(key, `${name} accepts only a single type.`)], name);
}
const REQUIRED = form(SPECIAL_FORM, { name: 'Required', subscript: markedKey('Required'), origin: null, arity: 1, whole: true });
const NOT_REQUIRED = form(SPECIAL_FORM, { name: 'NotRequired', subscript: markedKey('NotRequired'), origin: null, arity: 1, whole: true });
const LITERAL = form(SPECIAL_FORM, {
  name: 'Literal',
  // the values as they are, duplicates dropped in order (_value_and_type_iter)
  subscript: (self, params) => {
    const kept: Py[] = [];
    // (value, type(value)) pairs, as _value_and_type_iter dedupes them: 1 and True both kept
    const seen = new PyDict();
    for (const p of params) {
      step();
      const key = new PyTuple([p, callValue(BUILTINS.get('type')!, [p], null)]);
      if (seen.get(key) !== undefined) continue;
      seen.set(key, true);
      kept.push(p);
    }
    return alias(self, kept, 'Literal', () => `typing.Literal[${kept.map((k) => callValue(BUILTINS.get('repr')!, [k], null) as string).join(', ')}]`, true, LITERAL_GENERIC_ALIAS);
  },
  origin: null,
  arity: -1,
});
const ANY = form(SPECIAL_FORM, { name: 'Any', subscript: null, origin: null, arity: 0 }, []);

/**
 * `typing.List` and the rest: aliases of classes, `List[int]` one of `list`. `inst`: a call makes
 * the class's instance (`typing.DefaultDict(int)`), as for every alias but the builtins' (List: a TypeError).
 */
function generic(name: string, origin: PyType | null, arity: number, inst = false): PyInstance {
  return form(SPECIAL_GENERIC_ALIAS, {
    name,
    origin,
    arity,
    inst,
    subscript: (_self, params) => {
      // _check_generic: an alias of no parameters (Hashable, Sized) takes none
      if (arity === 0) throw typeErr(`typing.${name} is not a generic class`);
      if (arity >= 0 && params.length !== arity) throw typeErr(`Too ${params.length > arity ? 'many' : 'few'} arguments for typing.${name}; actual ${params.length}, expected ${arity}`);
      return alias(origin, params.map((p) => typeCheck(p, 'Parameters to generic types must be types.')), name, undefined, origin !== null);
    },
  });
}
const collection = (name: string): PyType => COLLECTIONS.attrs.get(name) as PyType;
/** typing.Iterable and the rest: aliases of collections.abc's classes (of contextlib's, ContextManager), called as them: an abstract class refuses. */
const abcAlias = (name: string, arity: number, origin: Py = COLLECTIONS_ABC.attrs.get(name)!): [string, PyInstance] => [name, generic(name, origin as PyType, arity, true)];
const ABC_ALIASES: [string, PyInstance][] = [
  abcAlias('Hashable', 0), abcAlias('Awaitable', 1), abcAlias('Coroutine', 3), abcAlias('AsyncIterable', 1), abcAlias('AsyncIterator', 1), abcAlias('Iterable', 1),
  abcAlias('Iterator', 1), abcAlias('Reversible', 1), abcAlias('Sized', 0), abcAlias('Container', 1), abcAlias('Collection', 1),
  abcAlias('AbstractSet', 1, COLLECTIONS_ABC.attrs.get('Set')), abcAlias('MutableSet', 1), abcAlias('Mapping', 2), abcAlias('MutableMapping', 2), abcAlias('Sequence', 1),
  abcAlias('MutableSequence', 1), abcAlias('ByteString', 0), abcAlias('MappingView', 1), abcAlias('KeysView', 1), abcAlias('ItemsView', 2), abcAlias('ValuesView', 1),
  abcAlias('ContextManager', 1, CONTEXTLIB.attrs.get('AbstractContextManager')), abcAlias('AsyncContextManager', 1, CONTEXTLIB.attrs.get('AbstractAsyncContextManager')),
  abcAlias('Generator', 3), abcAlias('AsyncGenerator', 2),
];

const TUPLE = form(SPECIAL_GENERIC_ALIAS, {
  name: 'Tuple',
  origin: builtin('tuple'),
  arity: -1,
  // Tuple[()] is the empty tuple's, Tuple[int, ...] of any length
  subscript: (_self, params) => {
    const args = params.length === 1 && params[0] instanceof PyTuple && params[0].items.length === 0 ? [] : params.map((p) => typeCheck(p, 'Tuple[t0, t1, ...]: each t must be a type.'));
    return alias(builtin('tuple'), args, 'Tuple');
  },
});

/** TypeVar('T', *constraints, bound=None, covariant=False, contravariant=False): `~T`. */
// its bases, as CPython's order lists them (the mixins typing.py writes)
const TYPE_VAR = makeClass('TypeVar', 'TypeVar', [FINAL_MIXIN, IMMUTABLE_MIXIN, BOUND_VARIANCE_MIXIN, PICKLE_USING_NAME_MIXIN]);
TYPE_VAR.module = 'typing';
const TYPE_VAR_SIG = new Signature('TypeVar.__init__', [{ name: 'name', star: '' }, { name: 'constraints', star: '*' }, { name: 'bound', star: '' }, { name: 'covariant', star: '' }, { name: 'contravariant', star: '' }], 'python');
TYPE_VAR.attrs.set('__new__', new PyFunc('TypeVar.__new__', (a, k) => {
  const [name, constraints, bound, covariant, contravariant] = bindArgs(TYPE_VAR_SIG, a.slice(1), k, [undefined, undefined, null, false, false]);
  if (covariant === true && contravariant === true) throw valueErr('Bivariant types are not supported.');
  if ((constraints as PyTuple).items.length === 1) throw typeErr('A single constraint is not allowed');
  const v = new PyInstance(TYPE_VAR);
  v.dict.set('__name__', name);
  v.dict.set('__constraints__', constraints);
  v.dict.set('__bound__', bound === null ? null : typeArg(bound));
  v.dict.set('__covariant__', covariant);
  v.dict.set('__contravariant__', contravariant);
  v.dict.set('__module__', CALLER_MODULE);
  return v;
}, 'function'));
TYPE_VAR.attrs.set('__init__', new PyFunc('TypeVar.__init__', () => null, 'function'));

/** The _SpecialForms that take no `[...]`, which typing._type_check lets stand alone as an argument. */
const BARE_FORM_NAMES = ['LiteralString', 'NoReturn', 'Never', 'Self', 'TypeAlias'];

/** A type variable typing makes itself: its `__module__` is its class's, 'typing'. */
function madeHere(v: PyInstance): PyInstance {
  v.dict.delete('__module__');
  return v;
}

/** AnyStr = TypeVar('AnyStr', bytes, str): one shared TypeVar. */
const ANY_STR = freeze(madeHere(callValue(TYPE_VAR, ['AnyStr', builtin('bytes'), builtin('str')], null) as PyInstance), 'typing.AnyStr');

/** typing.py's T_co = TypeVar('T_co', covariant=True): SupportsAbs's and SupportsRound's parameter. */
const T_CO = freeze(madeHere(callValue(TYPE_VAR, ['T_co'], new Map([['covariant', true]])) as PyInstance), 'typing.T_co');

// `list[T]`'s type variables (types/type-params.ts), and TypeVar.__typing_subst__: typing._type_check(arg, is_argument=True)
const isTypeVar = (v: Py): boolean => v instanceof PyInstance && v.cls === TYPE_VAR;
// `list[T]`'s type variables (types/type-params.ts): each one's __typing_subst__ and __typing_prepare_subst__
setTypeParams({
  is: (v) => isTypeVar(v) || isParamSpec(v) || isTypeVarTuple(v),
  subst: (param, arg) => (isParamSpec(param) ? paramSpecSubst(arg) : isTypeVarTuple(param) ? typeVarTupleSubst() : typeVarSubst(arg)),
  prepare: (param, self, params, args) => (isParamSpec(param) ? paramSpecPrepare(param, self, params, args) : isTypeVarTuple(param) ? typeVarTuplePrepare(param, self, params, args) : args),
  isVarTuple: isTypeVarTuple,
  isUnpackedVarTuple: isUnpackedTypeVarTuple,
  // `*tuple[int, str]` (types.GenericAlias's) and `*Tuple[int, str]` (typing's)
  unpackedTupleArgs: (v) => (v instanceof PyGenericAlias ? (v.unpacked && v.origin === builtin('tuple') ? v.args : undefined) : unpackedTupleArgs(v)),
  held: aliasParameters,
});

/** TypeVar.__typing_subst__: typing._type_check(arg, is_argument=True), and no Unpack[...]. */
function typeVarSubst(arg: Py): Py {
  const a = typeArg(arg);
  const f = formOf(a);
  if (f !== undefined && !BARE_FORMS.has(f.name)) throw typeErr(`Plain ${repr(a)} is not valid as type argument`);
  const held = aliasOf(a);
  if ((held !== undefined && (held.name === 'ClassVar' || held.name === 'Final' || held.name === 'Unpack')) || (a instanceof PyGenericAlias && a.unpacked)) throw typeErr(`${repr(a)} is not valid as type argument`);
  if (a instanceof PyTuple) throw typeErr(`Parameters to generic types must be types. Got ${[...repr(a)].slice(0, 100).join('')}.`);
  return a;
}

const CAST_SIG = new Signature('cast', [{ name: 'typ', star: '' }, { name: 'val', star: '' }], 'python');
const CAST = new PyFunc('cast', (a, k) => bindArgs(CAST_SIG, a, k)[1], 'function');
const ONE_SIG = (name: string) => new Signature(name, [{ name: 'arg', star: '' }], 'python');

/** `try: obj.<name> = True except <caught>: pass`, as final and no_type_check mark what they are given (a shared object's store is refused, fatally). */
function mark(obj: Py, name: string, caught: readonly (typeof AttributeError)[]): void {
  try {
    setattrOf(obj, name, true);
  } catch (e) {
    if (!(e instanceof PyException && !e.fatal && caught.some((t) => e.type.isSubclassOf(t)))) throw e;
  }
}

const NO_TYPE_CHECK_SIG = ONE_SIG('no_type_check');
/**
 * no_type_check(arg): `arg.__no_type_check__ = True` (a builtin class's TypeError passed over),
 * and of a class, the same on each of its functions and classes that it defined itself (their
 * `__qualname__` under its own, their `__module__` its), as typing.py walks dir(arg); a
 * condition's class only, as a builtin's or a module's defines nothing under a condition's names.
 */
const NO_TYPE_CHECK = new PyFunc('no_type_check', (a, k) => {
  const [arg] = bindArgs(NO_TYPE_CHECK_SIG, a, k);
  noTypeCheck(arg, 0);
  return arg;
}, 'function');
function noTypeCheck(arg: Py, depth: number): void {
  // a condition's class: a builtin's or a module's defines nothing here under its own module's name
  if (arg instanceof PyClass && arg.module === null) {
    if (depth > 100) throw fatalErr(UnsupportedError, 'typing.no_type_check of classes nested this deep is not available in conditions');
    // dir(arg)'s names whose objects are its own: those of its namespace (an inherited one's qualified name is its base's)
    for (const key of [...arg.attrs.keys()]) {
      step();
      if (key.startsWith('__') && key.endsWith('__') && !isReadableDunder(key)) continue;
      const obj = attrOf(arg, key);
      const qualname = attrOr(obj, '__qualname__', undefined as unknown as Py);
      if (qualname === undefined || !ops.eq(qualname, `${String(attrOf(arg, '__qualname__'))}.${String(attrOf(obj, '__name__'))}`)) continue;
      if (!ops.eq(attrOr(obj, '__module__', null), attrOf(arg, '__module__'))) continue;
      const kind = typeName(obj);
      if (kind === 'function') setattrOf(obj, '__no_type_check__', true);
      if (kind === 'method') setattrOf(getattr(obj, '__func__'), '__no_type_check__', true);
      if (obj instanceof PyType) noTypeCheck(obj, depth + 1);
    }
  }
  try {
    setattrOf(arg, '__no_type_check__', true);
  } catch (e) {
    // a builtin class takes no attribute
    if (!(e instanceof PyException) || e.fatal || !e.type.isSubclassOf(TypeError_)) throw e;
  }
}
/** no_type_check_decorator: refused, deliberately. Its wrapped_decorator is a function of Python's that functools.wraps renames, which a native function here cannot be. */
const NO_TYPE_CHECK_DECORATOR_SIG = new Signature('no_type_check_decorator', [{ name: 'decorator', star: '' }], 'python');
const NO_TYPE_CHECK_DECORATOR = new PyFunc('no_type_check_decorator', (a, k) => {
  // its arguments are bound first: a wrong call is CPython's TypeError
  bindArgs(NO_TYPE_CHECK_DECORATOR_SIG, a, k);
  throw fatalErr(UnsupportedError, "typing.no_type_check_decorator is not available in conditions: the function it makes is renamed by functools.wraps, which the evaluator's own functions do not take");
}, 'function');
const FINAL_DECORATOR_SIG = new Signature('final', [{ name: 'f', star: '' }], 'python');
const FINAL_DECORATOR = new PyFunc('final', (a, k) => {
  const [f] = bindArgs(FINAL_DECORATOR_SIG, a, k);
  // `f.__final__ = True`, where f takes attributes
  mark(f, '__final__', [AttributeError, TypeError_]);
  return f;
}, 'function');

/** NamedTuple('P', [('x', int), ...]): collections.namedtuple with the types as its __annotations__. */
const NAMED_TUPLE_SIG = new Signature('NamedTuple', [{ name: 'typename', star: '' }, { name: 'fields', star: '' }, { name: 'kwargs', star: '**' }], 'python');
const NAMED_TUPLE = new PyFunc('NamedTuple', (a, k) => {
  const [typename, fields, kwargs] = bindArgs(NAMED_TUPLE_SIG, a, k, [undefined, null, undefined]);
  const pairs: [Py, Py][] = [];
  if (fields === null) for (const [key, v] of (kwargs as PyDict).m) pairs.push([(kwargs as PyDict).key(key), v]);
  else {
    if ((kwargs as PyDict).m.size > 0) throw typeErr('Either list of fields or keywords can be provided to NamedTuple, not both');
    for (const p of iterate(fields)) {
      step();
      const items = [...iterate(p)];
      if (items.length > 2) throw valueErr('too many values to unpack (expected 2)');
      if (items.length < 2) throw valueErr(`not enough values to unpack (expected 2, got ${items.length})`);
      pairs.push([items[0], items[1]]);
    }
  }
  const nt = callValue(COLLECTIONS.attrs.get('namedtuple')!, [typename, pairs.map((p) => p[0])], null);
  allocEntries(pairs.length);
  const ann = new PyDict();
  for (const [n, t] of pairs) ann.set(n, typeArg(t));
  if (nt instanceof PyClass) nt.attrs.set('__annotations__', ann);
  else (nt as { attrs?: Map<string, Py> }).attrs?.set('__annotations__', ann);
  return nt;
}, 'function');

/** NamedTupleMeta.__new__'s names a class body may not set, and those it leaves to the namedtuple. */
const PROHIBITED = new Set(['__new__', '__init__', '__slots__', '__getnewargs__', '_fields', '_field_defaults', '_make', '_replace', '_asdict', '_source']);
const SPECIAL = new Set(['__module__', '__name__', '__annotations__']);

/**
 * `class P(NamedTuple): x: int; y: int = 0`, as NamedTupleMeta.__new__ makes it: a namedtuple of
 * the annotated fields, each with the default the body gave it, its annotations those types, and
 * the body's other names (methods, a docstring, `__qualname__`) set on it. With Generic among
 * the bases (`class P(NamedTuple, Generic[T])`) its bases are tuple and Generic, it takes
 * Generic's `__class_getitem__` (P[int]) and Generic.__init_subclass__ gives it `__parameters__`.
 */
fileClassForm(NAMED_TUPLE, (name, ns, given, kw) => {
  if (kw !== null && kw.size > 0) throw typeErr(`NamedTupleMeta.__new__() got an unexpected keyword argument '${[...kw.keys()][0]}'`);
  // the bases as __mro_entries__ leave them (NamedTuple is _NamedTuple, Generic[T] is Generic), then tuple for _NamedTuple
  // type's metaclass first: a base of its own (an ABC, Protocol) conflicts with NamedTupleMeta
  for (const b of given) {
    step();
    const cls = aliasOf(b)?.name === '' ? aliasOf(b)!.origin : b;
    if (cls === PROTOCOL || (cls instanceof PyType && metaOf(cls) !== typeOfTypes())) throw typeErr(CONFLICT);
  }
  const bases: PyType[] = [];
  for (const b of given) {
    step();
    const generic = b === GENERIC || (aliasOf(b)?.origin === GENERIC && aliasOf(b)?.name === '');
    if (b !== NAMED_TUPLE && !generic) throw typeErr('can only inherit from a NamedTuple type and Generic');
    const base = generic ? GENERIC : builtin('tuple');
    // `nm_tpl.__bases__ = bases` refuses a base twice
    if (bases.includes(base)) throw typeErr(`duplicate base class ${base.name}`);
    bases.push(base);
  }
  const generic = bases.includes(GENERIC);
  const annotations = ns.get('__annotations__');
  const types = annotations instanceof PyDict ? annotations : new PyDict();
  const fields: Py[] = [];
  const defaultNames: string[] = [];
  for (const f of types.keyList()) {
    step();
    fields.push(f);
    if (typeof f === 'string' && ns.has(f)) defaultNames.push(f);
    else if (defaultNames.length > 0) throw typeErr(`Non-default namedtuple field ${typeof f === 'string' ? f : repr(f)} cannot follow default field${defaultNames.length > 1 ? 's' : ''} ${defaultNames.join(', ')}`);
  }
  const kwargs = new Map<string, Py>([['defaults', defaultNames.map((n) => ns.get(n)!)], ['module', ns.get('__module__') ?? null]]);
  const nt = callValue(COLLECTIONS.attrs.get('namedtuple')!, [name, fields], kwargs) as NamedTupleType;
  if (generic) {
    nt.writtenBases = bases;
    setattrOf(nt, '__class_getitem__', GENERIC.attrs.get('__class_getitem__')!);
  }
  const ann = new PyDict();
  for (const [f, t] of types.entries()) ann.set(f, typeArg(t));
  setattrOf(nt, '__annotations__', ann);
  const own = new Set(fields);
  for (const key of ns.keyList()) {
    step();
    if (typeof key === 'string' && PROHIBITED.has(key)) throw pyErr(AttributeError, `Cannot overwrite NamedTuple attribute ${key}`);
    if (!(typeof key === 'string' && SPECIAL.has(key)) && !own.has(key)) setattrOf(nt, key as string, ns.get(key)!);
  }
  // nm_tpl.__init_subclass__(): Generic's, from the bases as written
  if (generic) {
    const written = ns.get('__orig_bases__');
    setParameters(nt, written instanceof PyTuple ? written.items : null, given.includes(GENERIC));
  }
  return nt;
});


/** get_type_hints(obj): its annotations (a class's through its order, base first), None as NoneType; a string is refused (it would be evaluated). */
const HINTS_SIG = new Signature('get_type_hints', ['obj', 'globalns', 'localns', 'include_extras'].map((name) => ({ name, star: '' as const })), 'python');
const GET_TYPE_HINTS = new PyFunc('get_type_hints', (a, k) => {
  const [obj, , , extras] = bindArgs(HINTS_SIG, a, k, [undefined, null, null, false]);
  // what no_type_check marked has none
  if (truthy(lookupAttr(obj, '__no_type_check__') ?? null)) return new PyDict();
  const kept = truthy(extras);
  const hints = new PyDict();
  const add = (ann: Py): void => {
    if (!(ann instanceof PyDict)) return;
    for (const [key, v] of ann.m) {
      step();
      if (typeof v === 'string' || holdsForwardRef(v, 0)) throw fatalErr(UnsupportedError, "typing.get_type_hints of a string annotation is not available in conditions: it would evaluate the string as code");
      hints.set(ann.key(key), kept ? typeArg(v) : stripAnnotated(typeArg(v)));
    }
  };
  if (obj instanceof PyType) {
    // a builtin type's bases have none (get_type_hints(int) is {}); a namedtuple's type keeps its own
    for (const base of [...mroOf(obj)].reverse()) add(base instanceof PyClass || base instanceof PyClassType ? (base.attrs.get('__annotations__') ?? null) : null);
    // a base's come first, a subclass's replace them in place: CPython walks reversed(__mro__) the same way
    return hints;
  }
  add(annotationsOfValue(obj));
  return hints;
}, 'function');

/** Whether an alias holds a string's ForwardRef, which get_type_hints would evaluate. */
function holdsForwardRef(v: Py, depth: number): boolean {
  if (v instanceof PyInstance && v.cls === FORWARD_REF) return true;
  const a = aliasOf(v);
  return a !== undefined && depth < 100 && a.args.some((x) => holdsForwardRef(x, depth + 1));
}

/**
 * isinstance and issubclass of typing's objects, as their __instancecheck__ and __subclasscheck__:
 * a bare alias of a builtin class is that class (`isinstance([], List)`), a Union any of its
 * members, an alias of a collections.abc class that class; a subscripted alias and a special
 * form are CPython's TypeErrors.
 */
setForeignCheck((v, t, subclass) => {
  const asClass = subclass ? classLikeSubclass(v, t) : undefined;
  if (asClass !== undefined) return asClass;
  if (!(t instanceof PyInstance) || t.cls.module !== 'typing') return undefined;
  const check = (x: Py): boolean => callValue(BUILTINS.get(subclass ? 'issubclass' : 'isinstance')!, [v, x], null) as boolean;
  const f = formOf(t);
  if (f !== undefined && t.cls === SPECIAL_GENERIC_ALIAS) {
    if (f.origin instanceof PyType) return check(f.origin);
    // an alias of collections.abc's class (its __origin__ not given here): that class's check
    const abc = COLLECTIONS_ABC.attrs.get(f.name);
    if (abc !== undefined) return check(abc);
    throw fatalErr(UnsupportedError, `${subclass ? 'issubclass' : 'isinstance'}() with typing.${f.name} is not available in conditions: collections.abc is not built`);
  }
  // Any is a class in 3.11: nothing made here derives from it
  if (f !== undefined && subclass && f.name === 'Any') return false;
  if (f !== undefined && t.cls === SPECIAL_FORM) throw typeErr(`typing.${f.name} cannot be used with ${subclass ? 'issubclass' : 'isinstance'}()`);
  const a = aliasOf(t);
  if (a !== undefined && (a.name === 'Union' || a.name === 'Optional')) {
    for (const m of a.args) if ((step(), check(m))) return true;
    return false;
  }
  if (a !== undefined) throw typeErr('Subscripted generics cannot be used with class and instance checks');
  return undefined;
});

export const TYPING = new PyModule('typing', new Map<string, Py>([
  ['Any', ANY],
  ['Union', UNION],
  ['Optional', OPTIONAL],
  ['ClassVar', CLASS_VAR],
  ['Final', FINAL],
  ['Literal', LITERAL],
  ['List', generic('List', builtin('list'), 1)],
  ['Dict', generic('Dict', builtin('dict'), 2)],
  ['Set', generic('Set', builtin('set'), 1)],
  ['FrozenSet', generic('FrozenSet', builtin('frozenset'), 1)],
  ['Tuple', TUPLE],
  ['Type', generic('Type', builtin('type'), 1)],
  ['Callable', CALLABLE],
  ...ABC_ALIASES,
  ['TypeVar', TYPE_VAR],
  ['ParamSpec', PARAM_SPEC],
  ['ParamSpecArgs', PARAM_SPEC_ARGS],
  ['ParamSpecKwargs', PARAM_SPEC_KWARGS],
  ['Concatenate', CONCATENATE],
  ['TypeVarTuple', TYPE_VAR_TUPLE],
  ['cast', CAST],
  ['TYPE_CHECKING', false],
  ['overload', OVERLOAD],
  ['get_overloads', GET_OVERLOADS],
  ['clear_overloads', CLEAR_OVERLOADS],
  ['ForwardRef', FORWARD_REF],
  ['no_type_check', NO_TYPE_CHECK],
  ['no_type_check_decorator', NO_TYPE_CHECK_DECORATOR],
  ['final', FINAL_DECORATOR],
  ['NamedTuple', NAMED_TUPLE],
  ['get_type_hints', GET_TYPE_HINTS],
  ['get_origin', GET_ORIGIN],
  ['get_args', GET_ARGS],
  ['Generic', GENERIC],
  ['Protocol', PROTOCOL],
  ['runtime_checkable', RUNTIME_CHECKABLE],
  ['TypedDict', TYPED_DICT],
  ['Required', REQUIRED],
  ['NotRequired', NOT_REQUIRED],
  ...BARE_FORM_NAMES.map((name): [string, Py] => [name, form(SPECIAL_FORM, { name, subscript: null, origin: null, arity: 0 })]),
  ['TypeGuard', form(SPECIAL_FORM, { name: 'TypeGuard', subscript: (self, p) => oneArg('TypeGuard')(self, p), origin: null, arity: 1, whole: true })],
  ['Unpack', UNPACK],
  ['Annotated', ANNOTATED],
  ['NewType', NEW_TYPE],
  ['Text', builtin('str')],
  ['AnyStr', ANY_STR],
  ['DefaultDict', generic('DefaultDict', collection('defaultdict'), 2, true)],
  ['OrderedDict', generic('OrderedDict', collection('OrderedDict'), 2, true)],
  ['Counter', generic('Counter', collection('Counter'), 1, true)],
  ['Deque', generic('Deque', collection('deque'), 1, true)],
  ['ChainMap', generic('ChainMap', collection('ChainMap'), 2, true)],
  ['Pattern', generic('Pattern', opaqueTypeNamed('re.Pattern'), 1, true)],
  ['Match', generic('Match', opaqueTypeNamed('re.Match'), 1, true)],
  ...supportsProtocols(T_CO),
  ...ioClasses(ANY_STR),
  ['assert_never', ASSERT_NEVER],
  ['assert_type', ASSERT_TYPE],
  ['reveal_type', REVEAL_TYPE],
  ['is_typeddict', IS_TYPEDDICT],
  ['dataclass_transform', DATACLASS_TRANSFORM],
]));

/**
 * _GenericAlias.__reduce__, which copy.copy and copy.deepcopy read: `operator.getitem(form, args)`,
 * the form the alias is named by (Union's for Optional, a Callable's arguments as a list and its
 * result) or a generic class's alias's class (Box[int]: Box, so a deepcopy is the cached Box[int]),
 * so a copy is made again by `[...]`. Without it a copy was an instance with no alias behind it.
 */
GENERIC_ALIAS.attrs.set('__reduce__', new PyFunc('_GenericAlias.__reduce__', ([self]) => {
  const a = aliasOf(self)!;
  const name = a.name === 'Optional' ? 'Union' : a.name;
  let args: Py = new PyTuple(a.args);
  if (name === 'Callable' && unflattened(a.args)) args = new PyTuple([a.args.slice(0, -1), a.args[a.args.length - 1]]);
  else if (a.args.length === 1 && !(a.args[0] instanceof PyTuple)) args = a.args[0];
  return new PyTuple([OPERATOR.attrs.get('getitem')!, new PyTuple([name === '' ? a.origin : TYPING.attrs.get(name)!, args])]);
}, 'function'));
void GENERIC_ALIAS;
void getattr;
