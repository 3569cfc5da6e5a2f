/**
 * typing's special forms and aliases, as Lib/typing.py makes them for annotations: `Optional`,
 * `Union`, `ClassVar`, `List` and the rest are instances of module classes whose `[...]` makes
 * an alias keeping `__origin__` and `__args__`, printed as CPython prints them
 * (`typing.Optional[int]`, `typing.Dict[str, int]`), equal and hashed by origin and arguments.
 * Nothing here checks or enforces a type: as in CPython, annotations are values only.
 */
import { PyUnionType } from '../../types/union-type.js';
import { allocItems, step, tick } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { getattr } from '../../attributes.js';
import { hooksOf } from '../../attribute-hooks.js';
import { makeClass, OBJECT_CLASS, PyInstance, setattr } from '../../classes.js';
import { PyClass } from '../../class-values.js';
import { introspect } from '../../introspection.js';
import { NOT_IMPLEMENTED_VALUE } from '../../class-operators.js';
import { AttributeError, fatalErr, missingAttr, pyErr, typeErr, UnsupportedError } from '../../exceptions.js';
import { makeParameters } from '../../types/type-params.js';
import { fileSharedObject, sharedObjectRefusal } from '../../shared-objects.js';
import { fileBasesNotBuilt } from '../../object-class.js';
import { freeze, guardClass } from '../frozen-instances.js';
import * as ops from '../../ops.js';
import { repr } from '../../repr.js';
import { PyDict, PyException, PyFunc, PyTuple, PyType, type Py } from '../../values.js';
import { typeRepr } from '../dataclasses/field.js';
import { bindArgs, Signature } from '../../signature.js';
import { PyStaticMethod } from '../../descriptors.js';
import { NamedTupleType } from '../collections/namedtuple.js';

export function typingClass(name: string): PyClass {
  const cls = makeClass(name, name, [OBJECT_CLASS]);
  cls.module = 'typing';
  return cls;
}

/** What a form is: how `[...]` reads its parameters, and its name. */
interface Form {
  readonly name: string;
  /** The alias made from the parameters, or a value (Union of one type is that type). */
  readonly subscript: ((self: PyInstance, params: Py[]) => Py) | null;
  /** For a generic alias of a builtin class (List): the class. */
  readonly origin: Py | null;
  /** How many parameters it takes (-1: any number). */
  readonly arity: number;
  /** Whether `[...]` passes its key whole (a tuple is one parameter, which _type_check refuses): the forms of one type, ClassVar and the rest. */
  readonly whole?: boolean;
  /** Whether a call makes the origin's instance (typing._alias's inst: false for the builtins' aliases, List and the rest). */
  readonly inst?: boolean;
}

const FORMS = new WeakMap<PyInstance, Form>();
/** An alias's origin (a form or a class), its arguments and the name it is shown by. */
interface Alias {
  readonly origin: Py;
  readonly args: Py[];
  readonly name: string;
  /** How it prints its arguments, where not `name[a, b]`. */
  readonly show?: () => string;
  /** Its type variables, in the order first met: `Dict[T, List[S]]`'s are (T, S). */
  readonly parameters: PyTuple;
}
const ALIASES = new WeakMap<PyInstance, Alias>();

export const SPECIAL_FORM = typingClass('_SpecialForm');
export const GENERIC_ALIAS = typingClass('_GenericAlias');
export const SPECIAL_GENERIC_ALIAS = typingClass('_SpecialGenericAlias');

export const NONE_TYPE = (): Py => callValue(BUILTINS.get('type')!, [null], null);

/** typing._type_check's conversion: None stands for type(None), a string for a ForwardRef of it. */
export const typeArg = (p: Py): Py => (p === null ? NONE_TYPE() : typeof p === 'string' ? forwardRef(p) : p);

/** Forms that _type_check lets stand alone as an argument: Any and the _SpecialForms that take no `[...]`. */
export const BARE_FORMS = new Set(['Any', 'LiteralString', 'NoReturn', 'Never', 'Self', 'TypeAlias']);

/**
 * typing._type_check(arg, msg): the argument converted (None, a string), refused where it is a
 * ClassVar[...] (or a Final[...] as an argument) or Generic[...], a bare special form (`Plain
 * typing.Union is not valid as type argument`) or Generic, or a tuple (`msg Got (...)`).
 */
export function typeCheck(arg: Py, msg: string, isArgument = true, allowSpecialForms = false): Py {
  const a = typeArg(arg);
  const held = aliasOf(a);
  if (held !== undefined) {
    const origin = formOf(held.origin)?.name;
    if (isGenericBase(held.origin) || (!allowSpecialForms && (origin === 'ClassVar' || (isArgument && origin === 'Final')))) throw typeErr(`${repr(a)} is not valid as type argument`);
  }
  const f = formOf(a);
  if (f !== undefined && BARE_FORMS.has(f.name)) return a;
  if (allowSpecialForms && f !== undefined && (f.name === 'ClassVar' || f.name === 'Final')) return a;
  if ((f !== undefined && (a as PyInstance).cls.isSubclassOf(SPECIAL_FORM)) || isGenericBase(a)) throw typeErr(`Plain ${repr(a)} is not valid as type argument`);
  if (a instanceof PyTuple) throw typeErr(`${msg} Got ${[...repr(a)].slice(0, 100).join('')}.`);
  return a;
}

/** ForwardRef('Cfg'): a string annotation inside an alias, never evaluated here (get_type_hints would). */
export const FORWARD_REF = typingClass('ForwardRef');
fileSharedObject(FORWARD_REF, 'typing.ForwardRef');
// its order runs through typing's _Final, which is not built: refused, not given short
fileBasesNotBuilt(FORWARD_REF, "typing's _Final");
/** `module`: where _type_check was told the string was written (TypedDict's class), shown by the repr. */
export function forwardRef(arg: string, module: Py = null): PyInstance {
  const v = new PyInstance(FORWARD_REF);
  v.dict.set('__forward_arg__', arg);
  v.dict.set('__forward_module__', module);
  return v;
}
const FORWARD_REF_SIG = new Signature('ForwardRef.__init__', [{ name: 'arg', star: '' }, { name: 'is_argument', star: '' }, { name: 'module', star: '' }, { name: '', star: '*' }, { name: 'is_class', star: '' }], 'python');
/** A name or a dotted name, which compiles as an expression: what ForwardRef(...) takes here without compiling it. */
const DOTTED_NAME = /^[A-Za-z_][A-Za-z_0-9]*(\.[A-Za-z_][A-Za-z_0-9]*)*$/;
FORWARD_REF.attrs.set('__new__', new PyStaticMethod(new PyFunc('ForwardRef.__new__', (a, k) => {
  const [arg, , module] = bindArgs(FORWARD_REF_SIG, a.slice(1), k, [undefined, true, null, undefined, false]);
  if (typeof arg !== 'string') throw typeErr(`Forward reference must be a string -- got ${repr(arg)}`);
  // CPython compiles the string to check it: one that is no plain name is refused rather than checked wrong
  if (!DOTTED_NAME.test(arg)) throw fatalErr(UnsupportedError, 'typing.ForwardRef of what is no plain name is not available in conditions: CPython compiles its string');
  return forwardRef(arg, module);
}, 'function')));
FORWARD_REF.attrs.set('__init__', new PyFunc('ForwardRef.__init__', () => null, 'function'));
const forwardArg = (v: Py): Py | undefined => (v instanceof PyInstance && v.cls === FORWARD_REF ? v.dict.get('__forward_arg__') : undefined);
const forwardModule = (v: PyInstance): Py => v.dict.get('__forward_module__') ?? null;
FORWARD_REF.attrs.set('__repr__', new PyFunc('ForwardRef.__repr__', (a) => {
  const module = forwardModule(a[0]);
  return `ForwardRef(${repr(forwardArg(a[0])!)}${module === null ? '' : `, module=${repr(module)}`})`;
}, 'function'));
// never evaluated here, so compared and hashed by the text and the module, as an unevaluated one is
FORWARD_REF.attrs.set('__eq__', new PyFunc('ForwardRef.__eq__', (a) => (forwardArg(a[1]) === undefined ? NOT_IMPLEMENTED_VALUE : forwardArg(a[0]) === forwardArg(a[1]) && ops.eq(forwardModule(a[0]), forwardModule(a[1]))), 'function'));
FORWARD_REF.attrs.set('__hash__', new PyFunc('ForwardRef.__hash__', (a) => callValue(BUILTINS.get('hash')!, [new PyTuple([forwardArg(a[0])!, forwardModule(a[0])])], null), 'function'));

/**
 * typing._type_repr: a condition's class by its qualified name (`envelope.<locals>.Box`), after
 * its module's where that is not builtins; anything else as the dataclasses' repr has it.
 */
export function typingRepr(t: Py): string {
  // a namedtuple's type (typing.NamedTuple's class form) by its `__module__` and `__qualname__` too
  if (t instanceof NamedTupleType) return t.moduleName === 'builtins' ? t.qualname : `${t.moduleName}.${t.qualname}`;
  if (!(t instanceof PyClass) || t.module !== null) return typeRepr(t);
  let module: Py = 'builtins';
  try {
    module = introspect(t, '__module__');
  } catch (e) {
    if (!(e instanceof PyException) || e.fatal) throw e;
  }
  return module === 'builtins' ? t.qualname : `${typeof module === 'string' ? module : repr(module)}.${t.qualname}`;
}

/** `[a, b]`'s parameters: a tuple is several. */
const paramsOf = (key: Py): Py[] => (key instanceof PyTuple ? [...key.items] : [key]);

export function form(cls: PyClass, f: Form, classLike: PyInstance[] | null = null): PyInstance {
  const v = new PyInstance(cls);
  FORMS.set(v, f);
  if (classLike !== null) classAttrs(v, f.name, classLike);
  return freeze(v, `typing.${f.name}`);
}

/**
 * What a class of CPython's typing that is an object here (Any, Generic, Protocol) answers as a
 * class: its name and its order (`bases`: those after it, before object); issubclass of it reads them.
 */
export function classAttrs(v: PyInstance, name: string, bases: PyInstance[]): void {
  v.dict.set('__name__', name);
  v.dict.set('__qualname__', name);
  v.dict.set('__mro__', new PyTuple([v, ...bases, OBJECT_CLASS]));
}

/** issubclass(v, t) of such an object: t in its order. */
export function classLikeSubclass(v: Py, t: Py): boolean | undefined {
  const mro = v instanceof PyInstance ? v.dict.get('__mro__') : undefined;
  if (!(mro instanceof PyTuple) || !(v instanceof PyInstance) || (v.cls.module !== 'typing')) return undefined;
  if (t instanceof PyTuple) return t.items.some((x) => classLikeSubclass(v, x) === true);
  return mro.items.includes(t) ? true : t instanceof PyType ? false : undefined;
}

/** `'_SpecialForm' object has no attribute 'x'`: CPython's words where __slots__ leave no room. */
const noAttribute = (self: PyInstance, name: Py): PyException => missingAttr(`'${classNameOf(self)}' object has no attribute '${String(name)}'`, String(name), self);
/** Tuple and Callable are instances of subclasses of _SpecialGenericAlias in CPython. */
const classNameOf = (self: PyInstance): string => ({ Tuple: '_TupleType', Callable: '_CallableType' } as Record<string, string>)[FORMS.get(self)?.name ?? ''] ?? self.cls.name;
// Union, Optional, ClassVar, Final have __slots__; Any (a class) and Literal (_LiteralSpecialForm) take attributes in CPython,
// and a slot's store (typing.Union.__doc__ = 'x') is made there: refused, as any store on a shared object
const FORM_SLOTS: ReadonlySet<Py> = new Set(['_name', '__doc__', '_getitem']);
guardClass(SPECIAL_FORM, 'typing._SpecialForm', (self, name) => (['Any', 'Literal'].includes(FORMS.get(self)?.name ?? '') || FORM_SLOTS.has(name) ? undefined : noAttribute(self, name)));
// a store is its origin's (a builtin type's TypeError; a collections.abc class would take it), a delete object's
guardClass(SPECIAL_GENERIC_ALIAS, 'typing._SpecialGenericAlias', (self, name, deleting) => {
  if (deleting) return noAttribute(self, name);
  const origin = FORMS.get(self)?.origin;
  // _BaseGenericAlias.__setattr__ keeps a dunder (and its own fields) on the alias, shared here: refused, not relayed to a builtin origin's TypeError
  const own = String(name);
  if ((own.startsWith('__') && own.endsWith('__')) || ['_name', '_inst', '_nparams', '_paramspec_tvars', '_typevar_types'].includes(own)) {
    return sharedObjectRefusal(self, own) ?? fatalErr(UnsupportedError, `cannot set 'typing.${FORMS.get(self)?.name ?? '?'}.${own}': the modules' classes and functions are read-only in the evaluator (they are shared by every condition)`);
  }
  // a class written in Python (typing.Counter's, ChainMap's) takes the store in CPython: refused, as a store on the class is
  return origin instanceof PyType ? (sharedObjectRefusal(origin, String(name)) ?? typeErr(`cannot set '${String(name)}' attribute of immutable type '${origin.name}'`)) : undefined;
});
fileSharedObject(GENERIC_ALIAS, 'typing._GenericAlias');
/** A Union's alias (`Union[T, int]`, `Optional[int]`, `T | int`): _GenericAlias's subclass, as CPython's type() names it; the methods are its base's. */
export const UNION_GENERIC_ALIAS = makeClass('_UnionGenericAlias', '_UnionGenericAlias', [GENERIC_ALIAS]);
UNION_GENERIC_ALIAS.module = 'typing';
fileSharedObject(UNION_GENERIC_ALIAS, 'typing._UnionGenericAlias');
/** Unpack[...]'s, Literal[...]'s and Callable[...]'s aliases: _GenericAlias's subclasses, as type() names them. */
const aliasSubclass = (name: string): PyClass => {
  const cls = makeClass(name, name, [GENERIC_ALIAS]);
  cls.module = 'typing';
  fileSharedObject(cls, `typing.${name}`);
  fileBasesNotBuilt(cls, name === '_UnpackGenericAlias' || name === '_ConcatenateGenericAlias' ? "typing's _GenericAlias and _root" : "typing's _NotIterable and _GenericAlias");
  return cls;
};
export const UNPACK_GENERIC_ALIAS = aliasSubclass('_UnpackGenericAlias');
export const CONCATENATE_GENERIC_ALIAS = aliasSubclass('_ConcatenateGenericAlias');
export const LITERAL_GENERIC_ALIAS = aliasSubclass('_LiteralGenericAlias');
export const CALLABLE_GENERIC_ALIAS = aliasSubclass('_CallableGenericAlias');
// their orders run through typing's private classes, which are not built: refused, not given short
fileBasesNotBuilt(GENERIC_ALIAS, "typing's _BaseGenericAlias and _Final");
fileBasesNotBuilt(UNION_GENERIC_ALIAS, "typing's _NotIterable and _GenericAlias");

/** `keepOrigin` false: an alias of a collections.abc class, which the evaluator does not have; `__origin__` is not given rather than given wrong. */
export function alias(origin: Py, args: Py[], name: string, show?: () => string, keepOrigin = true, cls = name === 'Union' || name === 'Optional' ? UNION_GENERIC_ALIAS : GENERIC_ALIAS): PyInstance {
  allocItems(args.length);
  const v = new PyInstance(cls);
  const parameters = new PyTuple(makeParameters(flatTuples(args, [], 0)));
  ALIASES.set(v, { origin, args, name, show, parameters });
  if (keepOrigin && origin !== null) v.dict.set('__origin__', origin);
  v.dict.set('__args__', new PyTuple(args));
  v.dict.set('__parameters__', parameters);
  return v;
}

/** _collect_parameters reads a tuple among the arguments (what a ParamSpec took: `Base[[int, T]]`) item by item. */
function flatTuples(args: readonly Py[], out: Py[], depth: number): Py[] {
  for (const a of args) {
    if (!(a instanceof PyTuple)) out.push(a);
    else if (depth > 100) throw fatalErr(UnsupportedError, 'type parameters in tuples nested this deep are not available in conditions');
    else (tick(), flatTuples(a.items, out, depth + 1));
  }
  return out;
}

/** A typing alias's type variables (_collect_parameters), as type-params.ts reads them; undefined for what is no typing alias. */
export const aliasParameters = (v: Py): readonly Py[] | undefined => aliasOf(v)?.parameters.items;

export const formOf = (v: Py): Form | undefined => (v instanceof PyInstance ? FORMS.get(v) : undefined);
export const aliasOf = (v: Py): Alias | undefined => (v instanceof PyInstance ? ALIASES.get(v) : undefined);

const method = (cls: PyClass, name: string, fn: (self: PyInstance, args: Py[]) => Py): void => {
  cls.attrs.set(name, new PyFunc(`${cls.name}.${name}`, (a) => fn(a[0] as PyInstance, a.slice(1)), 'function'));
};

// _SpecialForm: `typing.ClassVar`; `ClassVar[int]` by its rule
method(SPECIAL_FORM, '__repr__', (self) => `typing.${FORMS.get(self)!.name}`);
method(SPECIAL_FORM, '__getitem__', (self, [key]) => {
  const f = FORMS.get(self)!;
  if (f.subscript === null) throw typeErr(`${repr(self)} is not subscriptable`);
  return f.subscript(self, f.whole === true ? [key] : paramsOf(key));
});
method(SPECIAL_FORM, '__call__', (self) => {
  throw typeErr(`Cannot instantiate ${repr(self)}`);
});
method(SPECIAL_FORM, '__reduce__', (self) => FORMS.get(self)!.name);

/**
 * _SpecialForm.__getattr__ and _BaseGenericAlias's, of what the usual lookup did not find:
 * `__name__` and `__qualname__` are the form's name (typing.Never.__name__); of an alias of a class,
 * any other name that is no dunder is the class's (typing.List.append); else AttributeError(name).
 */
for (const cls of [SPECIAL_FORM, SPECIAL_GENERIC_ALIAS]) {
  cls.attrs.set('__getattr__', new PyFunc(`${cls.name}.__getattr__`, ([self, attr]) => {
    const f = FORMS.get(self as PyInstance)!;
    const name = String(attr);
    if (name === '__name__' || name === '__qualname__') return f.name;
    // _name, and a bare alias's _inst and _nparams: their fields (Any is a class in CPython, without them)
    if (name === '_name' && f.name !== 'Any') return f.name;
    if (cls === SPECIAL_GENERIC_ALIAS && name === '_inst') return f.inst === true;
    if (cls === SPECIAL_GENERIC_ALIAS && name === '_nparams') return f.arity;
    // a bare alias's class: typing.List.__origin__ is list, typing.Sized's collections.abc.Sized
    if (name === '__origin__' && cls === SPECIAL_GENERIC_ALIAS && f.origin instanceof PyType) return f.origin;
    if (cls === SPECIAL_GENERIC_ALIAS && f.origin instanceof PyType && !(name.startsWith('__') && name.endsWith('__'))) return getattr(f.origin, name);
    throw pyErr(AttributeError, name);
  }, 'function'));
  cls.attrHooks = hooksOf(cls);
}

// _SpecialGenericAlias: `typing.List`, `typing.List[int]`
method(SPECIAL_GENERIC_ALIAS, '__repr__', (self) => `typing.${FORMS.get(self)!.name}`);
method(SPECIAL_GENERIC_ALIAS, '__getitem__', (self, [key]) => {
  const f = FORMS.get(self)!;
  return f.subscript!(self, paramsOf(key));
});
// copy.copy(typing.List) is typing.List, as its __reduce__ names it
method(SPECIAL_GENERIC_ALIAS, '__reduce__', (self) => FORMS.get(self)!.name);
// _BaseGenericAlias.__call__: the origin's instance where the alias has inst (typing.Counter('ab')), keywords and all
SPECIAL_GENERIC_ALIAS.attrs.set('__call__', new PyFunc('_SpecialGenericAlias.__call__', (a, kw) => {
  const f = FORMS.get(a[0] as PyInstance)!;
  if (f.origin === null) throw typeErr(`Cannot instantiate typing.${f.name}`);
  if (f.inst !== true) throw typeErr(`Type ${f.name} cannot be instantiated; use ${(f.origin as PyType).name.split('.').pop()}() instead`);
  return keepOrigClass(callValue(f.origin, a.slice(1), kw), a[0]);
}, 'function'));

/** _BaseGenericAlias.__call__'s `result.__orig_class__ = self`, an AttributeError passed by (a defaultdict, a deque, a str take none). */
export function keepOrigClass(result: Py, alias: Py): Py {
  step();
  try {
    setattr(result, '__orig_class__', alias);
  } catch (e) {
    if (!(e instanceof PyException) || e.fatal || !e.type.isSubclassOf(AttributeError)) throw e;
  }
  return result;
}

/** `typing.List[int]`, `typing.Optional[int]`, `typing.Callable[[int], str]`. */
method(GENERIC_ALIAS, '__repr__', (self) => {
  const a = ALIASES.get(self)!;
  if (a.show !== undefined) return a.show();
  // a generic class's (Box[int]) has no _name: shown by its origin, `envelope.<locals>.Box[int]`
  return `${a.name === '' ? typingRepr(a.origin) : `typing.${a.name}`}[${a.args.length === 0 ? '()' : a.args.map(typingRepr).join(', ')}]`;
});
method(GENERIC_ALIAS, '__eq__', (self, [other]) => {
  const a = ALIASES.get(self)!;
  // a types.UnionType is a Union of the same members in any order
  if (other instanceof PyUnionType && (a.name === 'Union' || a.name === 'Optional')) return a.args.length === other.args.length && a.args.every((x) => other.args.some((y) => ops.eqOperator(x, y)));
  const b = aliasOf(other);
  if (b === undefined) return NOT_IMPLEMENTED_VALUE;
  if (a.origin !== b.origin || a.name !== b.name || a.args.length !== b.args.length) return false;
  // Union's arguments are a set: the same members in any order
  if (a.name === 'Union' || a.name === 'Optional') return a.args.every((x) => b.args.some((y) => ops.eqOperator(x, y)));
  return a.args.every((x, i) => ops.eqOperator(x, b.args[i]));
});
method(GENERIC_ALIAS, '__hash__', (self) => {
  const a = ALIASES.get(self)!;
  const hash = BUILTINS.get('hash')!;
  if (a.name === 'Union' || a.name === 'Optional') return callValue(hash, [callValue(BUILTINS.get('frozenset')!, [new PyTuple(a.args)], null)], null);
  return callValue(hash, [new PyTuple([a.origin, new PyTuple(a.args)])], null);
});
// `typing.List[int] | None`, `int | typing.List[int]`: the aliases' and forms' __or__ and __ror__ are Union's (Lib/typing.py)
for (const cls of [GENERIC_ALIAS, SPECIAL_GENERIC_ALIAS, SPECIAL_FORM]) {
  method(cls, '__or__', (self, [other]) => union([self, other]));
  method(cls, '__ror__', (self, [other]) => union([other, self]));
}

/** Union's flattening and de-duplication (typing._remove_dups_flatten); one member is itself. */
export function union(params: Py[]): Py {
  if (params.length === 0) throw typeErr('Cannot take a Union of no types.');
  const flat: Py[] = [];
  // _deduplicate: by hash and ==, as a set finds them, in the order first met
  const seen = new PyDict();
  for (const p of params) {
    step();
    const inner = aliasOf(p);
    const members = inner !== undefined && (inner.name === 'Union' || inner.name === 'Optional') ? inner.args : p instanceof PyUnionType ? p.args : [typeCheck(p, 'Union[arg, ...]: each arg must be a type.')];
    for (const m of members) {
      if (seen.get(m) !== undefined) continue;
      seen.set(m, true);
      flat.push(m);
    }
  }
  if (flat.length === 1) return flat[0];
  const none = NONE_TYPE();
  const optional = flat.length === 2 && flat.some((x) => x === none);
  // Optional[X] when X and None are all: `typing.Optional[int]`, else every member by name
  // Optional[X] and Union[X, None] alike are named 'Optional' (_UnionGenericAlias's name)
  const v = alias(UNION_FORM, flat, optional ? 'Optional' : 'Union', () =>
    optional ? `typing.Optional[${typingRepr(flat.find((x) => x !== none)!)}]` : `typing.Union[${flat.map(typingRepr).join(', ')}]`,
  );
  return v;
}

/** Generic and Protocol (generic.ts), whose aliases (Generic[T]) take no further subscript. */
let isGenericBase: (v: Py) => boolean = () => false;
export const setGenericBases = (f: (v: Py) => boolean): void => void (isGenericBase = f);

/** Generic and Protocol (generic.ts): what an already-subscripted Generic[...] may not be subscripted again for. */
export const isGenericBaseClass = (v: Py): boolean => isGenericBase(v);

export let UNION_FORM: PyInstance;
export const setUnionForm = (v: PyInstance): void => {
  UNION_FORM = v;
};
