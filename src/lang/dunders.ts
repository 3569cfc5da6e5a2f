/**
 * The names with double underscores a condition may read, after a dot or by getattr: a
 * type's or function's name, a def's qualified name, an exception's cause, a class's
 * method resolution order (a tuple of classes it can name already). They lead nowhere
 * else; every other dunder name is refused.
 */
export const READABLE_DUNDERS: ReadonlySet<string> = new Set(['__name__', '__qualname__', '__cause__', '__mro__',
  // part 2, attribute hooks: `object.__setattr__(self, n, v)` and a class's own, each run through the sandbox's attribute lookup (attribute-hooks.ts)
  '__getattribute__', '__getattr__', '__setattr__', '__delattr__']);

/**
 * The dunder methods a condition's class may define (and `__hash__ = None`): each has its
 * slot in runtime/classes.ts (`__new__`: only a builtin type's subclass's, builtin-subclass.ts) (`__enter__` and `__exit__`: `with`'s, in context-managers.ts; `__bytes__`: bytes() and b'%s', bytes-dunder.ts). Any other is refused by the parser, so no protocol of the
 * host's or of Python's internals can be hooked.
 */
export const CLASS_DUNDERS: ReadonlySet<string> = new Set([
  ...['__init__', '__str__', '__repr__', '__format__', '__hash__', '__bool__', '__len__', '__iter__', '__next__', '__contains__', '__match_args__', '__enter__', '__exit__', '__new__'],
  ...['__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__', '__getitem__', '__setitem__', '__delitem__', '__call__', '__neg__', '__pos__', '__abs__', '__index__', '__missing__', '__bytes__'],
  // the binary operators and their reflections (class-operators.ts)
  ...['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'matmul', 'and', 'or', 'xor', 'lshift', 'rshift', 'divmod'].flatMap((n) => [`__${n}__`, `__r${n}__`]),
  // part 2, attribute hooks: every instance attribute read, store and delete asks them (attribute-hooks.ts)
  ...['__getattribute__', '__getattr__', '__setattr__', '__delattr__'],
]);
