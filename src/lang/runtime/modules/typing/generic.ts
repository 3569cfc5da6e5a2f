/**
 * typing.Generic, as typing.py 3.11 writes it: `class Box(Generic[T])` is a plain class whose
 * order holds Generic; `Generic.__init_subclass__` gives it its `__parameters__` (read from
 * `__orig_bases__`), `Generic.__class_getitem__` makes `Box[int]` a _GenericAlias of it, which
 * prints as `envelope.<locals>.Box[int]`, stands for Box among a class statement's bases
 * (`__mro_entries__`), makes instances that keep it as `__orig_class__`, and relays other
 * names to Box. typing's _tp_cache (an lru_cache of 128) makes `Box[int] is Box[int]`: kept
 * for one run only, never on the shared class.
 */
import { allocItems, runNumber, step, tick } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { moduleClass, OBJECT_CLASS, PyInstance, setattr } from '../../classes.js';
import { PyClass } from '../../class-values.js';
import { PyClassMethod, PyStaticMethod } from '../../descriptors.js';
import { AttributeError, fatalErr, pyErr, typeErr, TypeError_, UnsupportedError } from '../../exceptions.js';
import { getattr, lookupAttr } from '../../attributes.js';
import { INTROSPECTED, introspect } from '../../introspection.js';
import { hooksOf } from '../../attribute-hooks.js';
import { initSubclassAfter } from '../../init-subclass.js';
import { repr } from '../../repr.js';
import { fileSharedObject } from '../../shared-objects.js';
import { isTypeParameter, makeParameters, pushAll, typeParamHooks } from '../../types/type-params.js';
import { PyDict, PyException, PyFunc, PyTuple, PyType, type Py } from '../../values.js';
import { pyDef } from '../python-def.js';
import './substitution.js';
import { alias, aliasOf, formOf, GENERIC_ALIAS, SPECIAL_GENERIC_ALIAS, keepOrigClass, setGenericBases, SPECIAL_FORM, typeArg, UNION_GENERIC_ALIAS, UNPACK_GENERIC_ALIAS, LITERAL_GENERIC_ALIAS, CALLABLE_GENERIC_ALIAS, CONCATENATE_GENERIC_ALIAS } from './forms.js';

export const GENERIC = moduleClass('Generic', [OBJECT_CLASS], null);
GENERIC.module = 'typing';
fileSharedObject(GENERIC, 'typing.Generic');

/** Protocol, which Generic's subscript treats as itself: set by protocol.ts once made (it is Generic's subclass). */
let PROTOCOL: PyClass | null = null;
export const setProtocolClass = (p: PyClass): void => void (PROTOCOL = p);

/** obj.name as a condition reads it: `__module__`, `__dict__` and `__annotations__` are introspection's. */
export const attrOf = (obj: Py, name: string): Py => (INTROSPECTED.has(name) ? introspect(obj, name) : getattr(obj, name));
/** getattr(obj, name, default), as typing.py asks it. */
export function attrOr(obj: Py, name: string, dflt: Py): Py {
  if (!INTROSPECTED.has(name)) return lookupAttr(obj, name) ?? dflt;
  try {
    return introspect(obj, name);
  } catch (e) {
    if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(AttributeError)) return dflt;
    throw e;
  }
}

/** `[a, b]`'s parameters: a tuple is several, each converted as _type_convert does (None is NoneType, a str a ForwardRef). */
const paramsOf = (key: Py): Py[] => (key instanceof PyTuple ? key.items : [key]).map(typeArg);

/** str(cls), as _check_generic words its errors: `<class 'envelope.<locals>.Box'>`. */
const str = (v: Py): string => callValue(BUILTINS.get('str')!, [v], null) as string;

/**
 * _tp_cache: the answer of an earlier call with equal arguments (functools.lru_cache, 128 of
 * them, the least recently used dropped), else the call's; arguments that cannot be hashed, or
 * a call that raised TypeError, are called again uncached, as typing.py's `except TypeError` does.
 */
function tpCache(fn: (args: Py[]) => Py, keyOf: (args: Py[]) => PyTuple = (args) => new PyTuple(args)): (args: Py[]) => Py {
  let run = -1;
  let cache = new PyDict();
  return (args) => {
    if (run !== runNumber()) {
      run = runNumber();
      cache = new PyDict();
    }
    try {
      const key = keyOf(args);
      const hit = cache.get(key);
      if (hit !== undefined) {
        // the most recently used moves last
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      const v = fn(args);
      if (cache.size >= 128) cache.delete(cache.keyList()[0]);
      cache.set(key, v);
      return v;
    } catch (e) {
      if (!(e instanceof PyException) || e.fatal || !e.type.isSubclassOf(TypeError_)) throw e;
    }
    return fn(args);
  };
}

/**
 * Generic.__class_getitem__(cls, params): Generic[T, ...] of unique type variables (a TypeVar,
 * a ParamSpec, a `*Ts`), or a generic class's alias, its arguments prepared by its parameters
 * (a ParamSpec's `C[int, str]` is `C[(int, str)]`), as many as it has, a TypeVarTuple's spliced in.
 */
const classGetitem = tpCache(([cls, key]) => {
  let params = paramsOf(key);
  if (cls === GENERIC || cls === PROTOCOL) {
    const name = (cls as PyClass).name;
    if (params.length === 0) throw typeErr(`Parameter list to ${name}[...] cannot be empty`);
    if (!params.every((p) => (tick(), isTypevarLike(p)))) throw typeErr(`Parameters to ${name}[...] must all be type variables or parameter specification variables.`);
    // as set() finds them: by hash and ==, so two `*Ts` are one
    const seen = new PyDict();
    for (const p of params) seen.set(p, true);
    if (seen.size !== params.length) throw typeErr(`Parameters to ${name}[...] must all be unique`);
  } else {
    const own = getattr(cls, '__parameters__');
    const tvars = own instanceof PyTuple ? own.items : [];
    const hooks = typeParamHooks();
    for (const p of tvars) {
      tick();
      params = hooks.prepare(p, cls, tvars, params);
    }
    if (tvars.length === 0) throw typeErr(`${str(cls)} is not a generic class`);
    if (params.length !== tvars.length) throw typeErr(`Too ${params.length > tvars.length ? 'many' : 'few'} arguments for ${str(cls)}; actual ${params.length}, expected ${tvars.length}`);
    const spliced: Py[] = [];
    tvars.forEach((p, i) => {
      const arg = params[i];
      if (hooks.isVarTuple(p) && arg instanceof PyTuple) pushAll(spliced, arg.items);
      else spliced.push(arg);
    });
    params = spliced;
  }
  return userAlias(cls, params);
});

/** typing._is_typevar_like: a TypeVar, a ParamSpec or an unpacked TypeVarTuple (`*Ts`), not a bare TypeVarTuple. */
const isTypevarLike = (p: Py): boolean => {
  const hooks = typeParamHooks();
  return (isTypeParameter(p) && !hooks.isVarTuple(p)) || hooks.isUnpackedVarTuple(p);
};

/** _GenericAlias(cls, params) with no _name: shown by its origin, its `__module__` the origin's. */
export function userAlias(origin: Py, args: Py[]): PyInstance {
  const v = alias(origin, args, '');
  v.dict.set('__module__', attrOf(origin, '__module__'));
  return v;
}

GENERIC.attrs.set('__slots__', new PyTuple([]));
GENERIC.attrs.set('_is_protocol', false);
GENERIC.attrs.set('__class_getitem__', new PyClassMethod(pyDef('Generic.__class_getitem__', ['cls', 'params'], {}, (cls, params) => classGetitem([cls, params]))));

/** Whether an alias is a subscripted Generic (`Generic[T]`), as `base.__origin__ is Generic` asks. */
const isGenericOf = (v: Py, origin: Py): boolean => aliasOf(v)?.origin === origin && aliasOf(v)?.name === '';

/**
 * Generic.__init_subclass__: the next base's first, then the class's `__parameters__`, the type
 * variables of its bases as written, or of its one Generic[...], which must list them all.
 */
GENERIC.attrs.set('__init_subclass__', new PyClassMethod(pyDef('Generic.__init_subclass__', ['cls', '*args', '**kwargs'], {}, (clsV, args, kwargs) => {
  const cls = clsV as PyClass;
  const kw = new Map<string, Py>();
  for (const [k, v] of (kwargs as PyDict).m) kw.set((kwargs as PyDict).key(k) as string, v);
  initSubclassAfter(cls, GENERIC, (args as PyTuple).items, kw.size === 0 ? null : kw);
  const origBases = cls.attrs.get('__orig_bases__');
  const written = origBases instanceof PyTuple ? origBases.items : null;
  const plain = written !== null ? written.includes(GENERIC) : cls.bases.includes(GENERIC) && cls.name !== 'Protocol' && !isTypedDictClass(cls);
  setParameters(cls, written, plain);
  return null;
})));

/** The class's `__parameters__`, as Generic.__init_subclass__ finds them in its bases as written (`written`, else none); `plain`: Generic itself among them. */
export function setParameters(cls: PyType, written: readonly Py[] | null, plain: boolean): void {
  if (plain) throw typeErr('Cannot inherit from plain Generic');
  let tvars: Py[] = [];
  if (written !== null) {
    tvars = collectParameters(written);
    let gvars: readonly Py[] | null = null;
    for (const base of written) {
      tick();
      if (!isGenericOf(base, GENERIC)) continue;
      if (gvars !== null) throw typeErr('Cannot inherit from Generic[...] multiple times.');
      gvars = aliasOf(base)!.parameters.items;
    }
    if (gvars !== null) {
      const listed = new Set(gvars);
      const missing = tvars.filter((t) => (tick(), !listed.has(t)));
      if (missing.length > 0) throw typeErr(`Some type variables (${missing.map(str).join(', ')}) are not listed in Generic[${gvars.map(str).join(', ')}]`);
      tvars = [...gvars];
    }
  }
  allocItems(tvars.length);
  setattr(cls, '__parameters__', new PyTuple(tvars));
}

/** _collect_parameters: the type variables of the bases as written, each once, in the order first met. */
export const collectParameters = (args: readonly Py[]): Py[] => makeParameters(args);

let isTypedDictClass: (cls: PyClass) => boolean = () => false;
/** typed-dict.ts: `type(cls) != _TypedDictMeta`, which may name Generic among its bases plainly. */
export const setTypedDictCheck = (f: (cls: PyClass) => boolean): void => void (isTypedDictClass = f);

/** isinstance(b, _BaseGenericAlias): typing's aliases (List[int], Box[int]) and its bare generic aliases (List). */
const isTypingAlias = (v: Py): boolean => aliasOf(v) !== undefined || (v instanceof PyInstance && v.cls.name === '_SpecialGenericAlias' && v.cls.module === 'typing');
const isSubclassOfGeneric = (v: Py): boolean => callValue(BUILTINS.get('issubclass')!, [v, GENERIC], null) === true;

const method = (cls: PyClass, name: string, params: string[], fn: (self: PyInstance, ...args: Py[]) => Py): void => {
  cls.attrs.set(name, pyDef(`${cls.name}.${name}`, ['self', ...params], {}, fn as (...args: Py[]) => Py));
};

/**
 * _GenericAlias.__mro_entries__: a subscripted special form is no base; List[int] is list and
 * Generic (unless a later base is generic already); Generic[T] is Generic, or nothing where
 * Protocol or a later alias will bring it; Box[int] is Box.
 */
method(GENERIC_ALIAS, '__mro_entries__', ['bases'], (self, basesV) => {
  const a = aliasOf(self)!;
  if (formOf(a.origin) !== undefined && (a.origin as PyInstance).cls === SPECIAL_FORM) throw typeErr(`Cannot subclass ${repr(self)}`);
  const bases = basesV instanceof PyTuple ? basesV.items : [];
  const after = bases.slice(bases.indexOf(self) + 1);
  if (a.name !== '') return originAndGeneric(self, a.origin, bases, after);
  if (a.origin === GENERIC) {
    if (PROTOCOL !== null && bases.includes(PROTOCOL)) return new PyTuple([]);
    if (after.some((b) => (tick(), aliasOf(b) !== undefined && b !== self))) return new PyTuple([]);
  }
  return new PyTuple([a.origin]);
});

/** _BaseGenericAlias.__mro_entries__ of an alias of a class: the class (unless a base already), and Generic unless a later base brings it. */
function originAndGeneric(self: Py, origin: Py, bases: readonly Py[], after: readonly Py[]): PyTuple {
  if (!(origin instanceof PyType)) throw fatalErr(UnsupportedError, `a class deriving from ${repr(self)} is not available in conditions: its origin is not built`);
  const res: Py[] = bases.includes(origin) ? [] : [origin];
  if (!after.some((b) => (tick(), isTypingAlias(b) || isSubclassOfGeneric(b)))) res.push(GENERIC);
  return new PyTuple(res);
}

// the bare alias's: `class C(typing.List)` derives from list and Generic
method(SPECIAL_GENERIC_ALIAS, '__mro_entries__', ['bases'], (self, basesV) => {
  const bases = basesV instanceof PyTuple ? basesV.items : [];
  return originAndGeneric(self, formOf(self)!.origin ?? null, bases, bases.slice(bases.indexOf(self) + 1));
});

// _SpecialForm's: no form is a base (typing.Any is, a class in 3.11 and a form here: refused)
method(SPECIAL_FORM, '__mro_entries__', ['bases'], (self) => {
  if (formOf(self)!.name === 'Any') throw fatalErr(UnsupportedError, 'a class deriving from typing.Any is not available in conditions: Any is a special form in the evaluator, a class in CPython 3.11');
  throw typeErr(`Cannot subclass ${repr(self)}`);
});

/** _BaseGenericAlias.__getattr__: `__name__` is the origin's; any other name not a dunder, the origin's attribute. */
method(GENERIC_ALIAS, '__getattr__', ['attr'], (self, attr) => {
  const a = aliasOf(self)!;
  if (attr === '__name__' || attr === '__qualname__') return a.name !== '' ? a.name : getattr(a.origin, '__name__');
  const name = String(attr);
  // its own fields: _name, the name typing gave it (a form's alias has none but Optional's), and _inst, whether a call makes an instance
  if (name === '_name') return a.name === '' || a.name === 'Annotated' || (formOf(a.origin) !== undefined && a.name !== 'Optional') ? null : a.name;
  if (name === '_inst') return !NOT_INSTANTIABLE.has(a.name);
  const dunder = name.startsWith('__') && name.endsWith('__');
  if (self.dict.has('__origin__') && !dunder) return getattr(a.origin, name);
  throw pyErr(AttributeError, name);
});
/** _BaseGenericAlias.__setattr__: a dunder (or one of its own names) on the alias; any other name on its origin (`Box[int].x = 1` sets Box.x). */
const OWN_NAMES = new Set(['_name', '_inst', '_nparams', '_paramspec_tvars']);
/** What the alias's repr, ==, hash, call and subscript read, held in its record here, not in its __dict__: a store there would not be followed. */
const READ_BY_ALIAS = new Set(['__origin__', '__args__', '__parameters__', '_name', '_inst', '_nparams', '_paramspec_tvars']);
method(GENERIC_ALIAS, '__setattr__', ['attr', 'val'], (self, attr, val) => {
  const name = String(attr);
  if (READ_BY_ALIAS.has(name)) throw fatalErr(UnsupportedError, `setting ${name} of ${repr(self)} is not available in conditions: the evaluator's alias would not follow it`);
  if ((name.startsWith('__') && name.endsWith('__')) || OWN_NAMES.has(name)) {
    step();
    self.dict.set(name, val);
    return null;
  }
  const origin = aliasOf(self)!.origin;
  if (!(origin instanceof PyType)) throw fatalErr(UnsupportedError, `setting an attribute of ${repr(self)} is not available in conditions: its origin is not built`);
  setattr(origin, name, val);
  return null;
});
// `type(Box[int])(...)`: an alias made outside typing's forms would hold none of what its methods read
GENERIC_ALIAS.attrs.set('__new__', new PyStaticMethod(new PyFunc('_GenericAlias.__new__', () => {
  throw fatalErr(UnsupportedError, "making a typing._GenericAlias by calling its class is not available in conditions: subscript the class or form instead");
}, 'function')));
// the hooks are read from each class's bits, made before they were set
GENERIC_ALIAS.attrHooks = hooksOf(GENERIC_ALIAS);
for (const cls of [UNION_GENERIC_ALIAS, UNPACK_GENERIC_ALIAS, LITERAL_GENERIC_ALIAS, CALLABLE_GENERIC_ALIAS, CONCATENATE_GENERIC_ALIAS]) cls.attrHooks = hooksOf(cls);

const NOT_INSTANTIABLE = new Set(['List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Type']);

/**
 * _BaseGenericAlias.__call__: the origin's instance, which keeps the alias as `__orig_class__`
 * where it can take it (Box[int](3)); List[int]() and its kin are refused, as is a form's
 * (Union[int, str]) by the form.
 */
GENERIC_ALIAS.attrs.set('__call__', new PyFunc('_GenericAlias.__call__', (a, kw) => {
  const self = a[0] as PyInstance;
  const alias = aliasOf(self)!;
  // a form's (Union[int, str], ClassVar[int]) calls the form, which refuses: `Cannot instantiate typing.Union`
  if (formOf(alias.origin) !== undefined) return callValue(alias.origin, a.slice(1), kw);
  if (!(alias.origin instanceof PyType)) throw typeErr(`Cannot instantiate ${repr(self)}`);
  // typing.py makes these with inst=False: List[int]() is refused in favour of list()
  if (NOT_INSTANTIABLE.has(alias.name)) throw typeErr(`Type ${alias.name} cannot be instantiated; use ${alias.origin.name}() instead`);
  return keepOrigClass(callValue(alias.origin, a.slice(1), kw), self);
}, 'function'));

// _GenericAlias.__getitem__ is _tp_cache'd too: Box[T][int] is Box[T][int]
const uncachedGetitem = GENERIC_ALIAS.attrs.get('__getitem__')!;
const cachedGetitem = tpCache(([self, key]) => callValue(uncachedGetitem, [self, key], null));
GENERIC_ALIAS.attrs.set('__getitem__', new PyFunc('_GenericAlias.__getitem__', (a) => cachedGetitem([a[0], a[1]]), 'function'));

/**
 * _SpecialForm.__getitem__ and _SpecialGenericAlias.__getitem__ are _tp_cache'd too: Union[int, str]
 * is Union[int, str], List[int] is List[int]. Literal's cache is typed (Literal[1] is not
 * Literal[True]); Callable's is __getitem_inner__'s, its list of arguments made a tuple first.
 */
const typeOf = (v: Py): Py => callValue(BUILTINS.get('type')!, [v], null);
const uncachedForm = SPECIAL_FORM.attrs.get('__getitem__')!;
const cachedForm = tpCache(([self, key]) => callValue(uncachedForm, [self, key], null));
const cachedLiteral = tpCache(([self, key]) => callValue(uncachedForm, [self, key], null), ([self, key]) => {
  const ps = key instanceof PyTuple ? key.items : [key];
  allocItems(2 * ps.length + 2);
  return new PyTuple([self, ...ps, typeOf(self), ...ps.map(typeOf)]);
});
SPECIAL_FORM.attrs.set('__getitem__', new PyFunc('_SpecialForm.__getitem__', (a) => (formOf(a[0])?.name === 'Literal' ? cachedLiteral : cachedForm)([a[0], a[1]]), 'function'));
const uncachedSpecial = SPECIAL_GENERIC_ALIAS.attrs.get('__getitem__')!;
const cachedSpecial = tpCache(([self, key]) => callValue(uncachedSpecial, [self, key], null), ([self, key]) => {
  // Callable[[int], str]: the key is ((int,), str)
  if (formOf(self)?.name === 'Callable' && key instanceof PyTuple && key.items.length === 2 && Array.isArray(key.items[0])) {
    allocItems((key.items[0] as Py[]).length);
    return new PyTuple([self, new PyTuple([new PyTuple([...(key.items[0] as Py[])]), key.items[1]])]);
  }
  return new PyTuple([self, key]);
});
SPECIAL_GENERIC_ALIAS.attrs.set('__getitem__', new PyFunc('_SpecialGenericAlias.__getitem__', (a) => cachedSpecial([a[0], a[1]]), 'function'));

setGenericBases((v) => v === GENERIC || (PROTOCOL !== null && v === PROTOCOL));
