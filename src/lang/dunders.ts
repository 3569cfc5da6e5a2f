import { BUILTIN_DUNDERS } from './runtime/builtin-dunders-table.js';

/** What runtime/introspection.ts answers: a value's class, namespaces, docstrings, modules, bases and subclasses, a def's defaults. */
export const INTROSPECTION_DUNDERS: readonly string[] = ['__class__', '__dict__', '__doc__', '__module__', '__bases__', '__base__', '__subclasses__', '__defaults__', '__kwdefaults__', '__annotations__'];

/**
 * The names with double underscores a condition may read, after a dot or by getattr: a
 * type's or function's name, a def's qualified name, an exception's cause, a class's
 * method resolution order (a tuple of classes it can name already), what makes an instance
 * or a class (a condition's own, or its builtin base's), and the introspection ones that
 * runtime/introspection.ts answers. They lead nowhere else; every other dunder name is refused.
 */
export const READABLE_DUNDERS: ReadonlySet<string> = new Set([
  ...['__name__', '__qualname__', '__cause__', '__mro__'],
  // an exception's chain (handling.ts) and notes (add_note)
  ...['__context__', '__suppress_context__', '__notes__'],
  // a method's instance and function, a builtin's value or module, what functools.wraps wrapped (runtime/method-attributes.ts)
  ...['__self__', '__func__', '__wrapped__'],
  // part 4: what makes an instance or a class, read on a condition's classes, their instances and builtin types (construction.ts)
  ...['__new__', '__init__', '__init_subclass__'],
  ...INTROSPECTION_DUNDERS,
  // part 2, attribute hooks: `object.__setattr__(self, n, v)` and a class's own, each run through the sandbox's attribute lookup (attribute-hooks.ts)
  ...['__getattribute__', '__getattr__', '__setattr__', '__delattr__'],
  // what dataclasses and typing set and read: plain attributes of a condition's classes, Fields and aliases (modules/dataclasses, modules/typing)
  ...['__match_args__', '__dataclass_fields__', '__dataclass_params__', '__post_init__', '__origin__', '__args__', '__parameters__', '__orig_class__', '__unpacked__', '__constraints__', '__bound__', '__covariant__', '__contravariant__'],
  // metaclasses and abc (metaclass.ts, modules/abc.ts): what ABCMeta and __mro_entries__ leave on a class
  ...['__abstractmethods__', '__orig_bases__'],
  // abstractmethod's mark: a bool, a def's own attribute, or what abc answers for the library's and for descriptors (modules/abc.ts)
  ...['__isabstractmethod__'],
  // a TypedDict's keys (modules/typing/typed-dict.ts)
  ...['__required_keys__', '__optional_keys__', '__total__'],
  // Annotated's metadata, a NewType's type, what dataclass_transform records (modules/typing)
  ...['__metadata__', '__supertype__', '__dataclass_transform__', '__no_type_check__'],
  // enum (modules/enum): an enum class's members by name, and what a member's class was
  ...['__members__', '__objclass__'],
  // a condition's class's slots (slots.ts, dataclasses' slots=True); a module's class's are refused (slots-read.ts)
  ...['__slots__'],
]);

/**
 * The builtin types' dunder methods (builtin-dunders-table.ts, CPython's): readable after a
 * dot and by getattr, on any value (runtime/builtin-dunders.ts), but not stored or deleted,
 * since a class's slots are settled when it is made.
 */
export const BUILTIN_DUNDER_NAMES: ReadonlySet<string> = new Set(Object.values(BUILTIN_DUNDERS).flatMap((t) => Object.keys(t)));

/** Whether a condition may read the attribute `name` (a name with double underscores). */
export const isReadableDunder = (name: string): boolean => READABLE_DUNDERS.has(name) || BUILTIN_DUNDER_NAMES.has(name);

/**
 * Introspection dunders that are not built, each with why (part 5): the parser names the
 * reason where it refuses them, and getattr does.
 */
export const UNREADABLE_DUNDERS: ReadonlyMap<string, string> = new Map([
  ...['__code__', '__closure__'].map((n): [string, string] => [n, 'code objects and cells are not built by the evaluator']),
  ['__globals__', "a function's globals hold CPython's builtins module, whose __import__, open and eval reach the host"],
  ...['__builtins__', '__import__', '__loader__', '__spec__'].map((n): [string, string] => [n, 'it reaches the host in CPython (the import system and the builtins module)']),
]);

/**
 * The dunder methods a condition's class may define (and `__hash__ = None`): each has its
 * slot in runtime/classes.ts (`__new__`: object-new.ts, and a builtin type's subclass's, builtin-subclass.ts) (`__enter__` and `__exit__`: `with`'s, in context-managers.ts; `__bytes__`: bytes() and b'%s', bytes-dunder.ts). A dunder of PROTOCOL_DUNDERS not here is refused by the parser, so no
 * protocol the evaluator does not build can be hooked; any other is a plain attribute.
 */
export const CLASS_DUNDERS: ReadonlySet<string> = new Set([
  ...['__init__', '__str__', '__repr__', '__format__', '__hash__', '__bool__', '__len__', '__iter__', '__next__', '__contains__', '__match_args__', '__enter__', '__exit__', '__new__'],
  ...['__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__', '__getitem__', '__setitem__', '__delitem__', '__call__', '__neg__', '__pos__', '__abs__', '__index__', '__missing__', '__bytes__'],
  // part 4: __init_subclass__, called when a subclass is made (init-subclass.ts)
  ...['__init_subclass__'],
  // copy's hooks (modules/copy.ts), pickle's that copy reads (copy-reduce.ts), dir()'s (dir.ts)
  ...['__copy__', '__deepcopy__', '__reduce__', '__reduce_ex__', '__getstate__', '__setstate__', '__getnewargs__', '__getnewargs_ex__', '__dir__'],
  // the binary operators and their reflections (class-operators.ts)
  ...['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'matmul', 'and', 'or', 'xor', 'lshift', 'rshift', 'divmod'].flatMap((n) => [`__${n}__`, `__r${n}__`]),
  // numeric and conversion dunders: the in-place operators (class-inplace.ts), ~, float(), int(), complex(), round() and math's (numeric-dunders.ts), reversed() and list()'s length hint (sequence-dunders.ts), A[int]
  ...['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'matmul', 'and', 'or', 'xor', 'lshift', 'rshift'].map((n) => `__i${n}__`),
  ...['__invert__', '__float__', '__int__', '__complex__', '__round__', '__trunc__', '__floor__', '__ceil__', '__reversed__', '__length_hint__', '__class_getitem__'],
  // descriptors and slots (descriptor-get.ts, descriptor-store.ts, set-name.ts, slots.ts)
  ...['__get__', '__set__', '__delete__', '__set_name__', '__slots__'],
  // part 2, attribute hooks: every instance attribute read, store and delete asks them (attribute-hooks.ts)
  ...['__getattribute__', '__getattr__', '__setattr__', '__delattr__'],
  // metaclasses' hooks, asked of a subclass of type (metaclass.ts), __mro_entries__ of a base, abc's __subclasshook__
  ...['__prepare__', '__instancecheck__', '__subclasscheck__', '__mro_entries__', '__subclasshook__'],
]);

/**
 * The dunders CPython gives a meaning the evaluator does not build: a class body may not
 * define them (nor read them as names), as it may not define what a hook of the interpreter's
 * would be (CLASS_DUNDERS, asked first, holds the ones that are built). Any other dunder
 * means nothing to CPython's protocols (`__version__`, `__foo__`) and is a plain class attribute.
 */
export const PROTOCOL_DUNDERS: ReadonlySet<string> = new Set([
  // __del__ would run when the last reference goes, which the evaluator cannot tell (README's "Generators dropped elsewhere")
  ...['__del__', '__await__', '__aiter__', '__anext__', '__aenter__', '__aexit__'],
  // metaclasses' and abc's, os.fspath's
  ...['__abstractmethods__', '__orig_bases__', '__parameters__'],
  ...['__fspath__'],
  // what a class body's namespace or its type sets, and the builtins module's names, which a class body would read
  ...['__class__', '__dict__', '__doc__', '__module__', '__qualname__', '__name__', '__annotations__', '__weakref__', '__classcell__', '__mro__', '__bases__', '__base__'],
  ...['__builtins__', '__import__', '__build_class__', '__debug__', '__loader__', '__spec__', '__package__', '__file__', '__cached__', '__globals__', '__code__', '__closure__'],
]);
