/**
 * typing's aliases of collections.abc's and contextlib's classes (Hashable, Sized, AbstractSet,
 * Generator, ContextManager, ...): their origins, checks, errors and subclasses; a bare alias's
 * __origin__; ForwardRef called; the names of typing.__all__ that are refused, each with its reason.
 */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const CASES = [
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nout = []\nout.append(t(lambda: typing.Hashable[int]))\nout.append(t(lambda: typing.Iterable[int, str]))\nout.append(t(lambda: typing.Iterable()))\nout.append(t(lambda: typing.Iterable[int]()))\nout.append(t(lambda: typing.get_origin(typing.AbstractSet[int])))\nout.append(t(lambda: typing.ContextManager[int]))\nout.append(t(lambda: typing.get_origin(typing.ContextManager)))\nout.append(t(lambda: typing.Generator[int, None, None]))\nout.append(t(lambda: isinstance(iter([]), typing.Generator)))\nout.append(t(lambda: typing.Sized.__origin__))\nout.append(t(lambda: typing.Sized.__name__))\nout.append(t(lambda: (typing.AbstractSet.__origin__, typing.AbstractSet, typing.MutableMapping[str, int], typing.ByteString)))\nout.append(t(lambda: (isinstance(3, typing.Hashable), isinstance([], typing.Hashable), isinstance([], typing.Sized), issubclass(dict, typing.MutableMapping), isinstance(b'', typing.ByteString))))\nout.append(t(lambda: (typing.get_args(typing.ItemsView[int, str]), typing.Coroutine[int, str, None].__parameters__, typing.KeysView[typing.AnyStr].__parameters__)))\nreturn out",
  "import typing\nclass C(typing.Iterable[int]):\n    def __iter__(self): return iter([1])\nT=typing.TypeVar('T')\nclass D(typing.Mapping[str, T]): pass\nreturn C.__mro__, C.__orig_bases__, C.__parameters__, list(C()), D.__mro__, D.__parameters__, repr(D[int])",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nreturn [t(lambda: typing.ForwardRef('x')), t(lambda: typing.ForwardRef('a.b', module='m')), t(lambda: typing.ForwardRef(5)), t(lambda: typing.ForwardRef('x') == typing.ForwardRef('x')), t(lambda: typing.List['x'] == typing.List[typing.ForwardRef('x')]), t(lambda: isinstance(typing.List['x'].__args__[0], typing.ForwardRef)), t(lambda: typing.ForwardRef(\"x\", False, None, is_class=True))]\n",
  "import typing\nT = typing.TypeVar('T')\nclass C(typing.Iterable[T]):\n    def __init__(self, xs): self.xs = xs\n    def __iter__(self): return iter(self.xs)\nc = C[int]([1, 2])\nreturn C.__mro__, C.__parameters__, list(c), c.__orig_class__, isinstance(c, typing.Iterable), typing.get_origin(typing.Sized), typing.get_args(typing.Sized)",
  "import typing\nr = []\nfor f in [lambda: typing.no_type_check_decorator, lambda: typing.Sized[int], lambda: typing.Generator[int], lambda: typing.AsyncGenerator[int, None], lambda: typing.Collection(), lambda: typing.ContextManager()]:\n    try: r.append(repr(f())[:30])\n    except TypeError as e: r.append(str(e))\nreturn r",
];

it.each(CASES.map((c, i) => [i, c]))('case %i answers as CPython', (_i, source) => {
  expect(compareWithCPython([source as string])).toEqual([]);
});

const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
const run = (source: string): string => {
  const r = evaluator(engine, { source });
  return r.error ?? r.repr ?? '';
};

it('refuses, with its reason, what of typing it does not build', () => {
  expect(run('import typing\nreturn typing.no_type_check_decorator(len)')).toMatch(/^UnsupportedError: typing.no_type_check_decorator is not available in conditions: the function it makes is renamed/);
  expect(run("import typing\nreturn typing.ForwardRef('list[int]')")).toMatch(/^UnsupportedError: typing.ForwardRef of what is no plain name/);
});

/** The aliases' own fields, _name, _inst and _nparams, as typing's classes keep them; get_type_hints of a builtin type or a namedtuple's. */
const FIELDS = [
  "import typing\nT = typing.TypeVar('T')\nP = typing.ParamSpec('P')\nTs = typing.TypeVarTuple('Ts')\nclass B(typing.Generic[T]): pass\nout = []\nfor a in [typing.List, typing.Dict, typing.Callable, typing.Tuple, typing.Union, typing.Optional, typing.ClassVar, typing.Literal, typing.Unpack, typing.Concatenate, typing.Never, typing.Counter, typing.Type, typing.Deque, typing.Set, typing.FrozenSet, typing.DefaultDict, typing.OrderedDict, typing.ChainMap, typing.Iterable, typing.Mapping, typing.Pattern, typing.AbstractSet, typing.Generator, typing.Awaitable]:\n    row = []\n    for n in ['_name', '_inst', '_nparams']:\n        try: row.append(repr(getattr(a, n)))\n        except AttributeError as e: row.append('AttributeError')\n    out.append((repr(a), hasattr(a, '_name'), row))\nfor a in [typing.List[int], typing.Dict[str, int], typing.Counter[str], typing.Tuple[int], typing.Tuple[()], typing.Callable[[int], str], typing.Callable[P, int], typing.Union[int, str], typing.Optional[int], typing.Union[None, int], typing.List[int] | None, typing.Literal[1], typing.Type[int], typing.ClassVar[int], typing.Final[int], typing.Annotated[int, 1], typing.DefaultDict[str, int], B[int], typing.Generic[T], typing.Unpack[Ts], typing.Concatenate[int, P], typing.TypeGuard[int], typing.Required[int], typing.Set[int], typing.Iterable[int]]:\n    row = []\n    for n in ['_name', '_inst', '__name__', '__qualname__']:\n        try: row.append(repr(getattr(a, n)))\n        except AttributeError as e: row.append('AttributeError')\n    out.append((repr(a), hasattr(a, '_name'), row))\nreturn out",
  "import typing, collections\nclass A:\n    x: int\nclass N(typing.NamedTuple):\n    y: str\nreturn typing.get_type_hints(int), typing.get_type_hints(str), typing.get_type_hints(object), typing.get_type_hints(dict), typing.get_type_hints(A), typing.get_type_hints(N), typing.get_type_hints(collections.namedtuple('Q', 'a')), typing.get_type_hints(type)",
];

it('answers the aliases\' _name, _inst and _nparams, and get_type_hints of any type, as CPython does', () => {
  expect(compareWithCPython(FIELDS, engine)).toEqual([]);
});
