import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** list[int], dict[str, int], tuple[int, ...]: their repr, ==, hashing, calls, and isinstance()'s TypeError. */
it('makes generic aliases as CPython does', () => {
  expect(compareWithCPython([
    "import json\nreturn repr(list[int]), repr(dict[str, list[int]]), repr(tuple[int, ...]), repr(list['x']), repr(list[None]), repr(tuple[()]), list[int] == list[int], list[int] == list, list[int] == list[str]",
    "import json\nreturn type(list[int]), list[int]([1,2]), repr(type[int]), repr(frozenset[int]), repr(set[int]), str(list[int]), list[int]",
    "import json\nreturn isinstance(1, list[int])",
    "import json\nreturn issubclass(list, list[int])",
    "import json\nreturn int[str]",
    "import json\nreturn str[int]",
    "import json\nreturn list[int][str]",
    "import json\nreturn isinstance([], (int, list[int]))",
    "import json\nreturn hash(list[int]) == hash(list[int]), {list[int]: 1}[list[int]], callable(list[int]), dict[str, int](a=1), list[int, str], repr(list[[int]]), repr(dict[str]), repr(list[1]), tuple[int](), isinstance(list[int], type), list[int] is list[int]",
    "import json\nreturn {list[int], list[int], dict[str, int]} == {list[int], dict[str, int]}",
    "import json\nreturn hash(list[[1]])",
    "import json\nimport collections\nreturn repr(collections.deque[int]), collections.OrderedDict[str, int](), collections.Counter[str]('aab')",
    "import json\nimport datetime\nreturn list[datetime.datetime], dict[str, datetime.date]",
    "import json\nx: list[int] = [1]\nreturn x",
    "import json\ndef f(a: dict[str, int]) -> list[str]:\n    return list(a)\nreturn f({'q': 1})",
    "import json\nreturn json.dumps(list[int])",
    "import json\ndata['t'] = list[int]\nreturn True",
    "import json\nreturn list[int] < list[int]",
    "import json\nreturn len(list[int])",
    "import json\nreturn list[int] != list[int], list[int] == [int]",
    "import json\nreturn repr(list[list[list[int]]]), list[list[int]] == list[list[int]], list[list[int]] == list[list[str]]",
    "import collections\nreturn repr(collections.OrderedDict[str, int]), repr(collections.defaultdict[str, int]), repr(list[collections.deque[int]])",
    "class Counter:\n    pass\nreturn Counter[int]",
  ])).toEqual([]);
});

/** types.UnionType (`int | None`): made by |, flattened, compared as a set, taken by isinstance as a tuple, and Union with typing's. */
const UNIONS = [
  `return int | str, int | None, None | int, int | int, type(int|int), (int | str) == (str | int), (int|str) == (int|str|int)`,
  `return hash(int|str) == hash(str|int), (int | str).__args__, (int|None).__args__, (int | list[int]), list[int] | None`,
  `return isinstance(1, int | list[int])`,
  `return isinstance([], list[int] | int)`,
  `return isinstance(None, int | None), issubclass(bool, int | str), isinstance(1, (str, int | None)), isinstance('a', int | float)`,
  `return int | "str"`,
  `return int | 1`,
  `class A: pass\nreturn repr(A | int), repr(A | None), isinstance(A(), A | None), A | A`,
  `return type(int|str), (int|str).__parameters__`,
  `return (int | str) | float, (int|str) | (float|int), dict[str, int] | dict[str, int], list[int] | list[str]`,
  `(int|str)()`,
  `(int|str)[int]`,
  `return bool(int|str), {int|str: 1}, {int|str: 1}[str|int], len({int|str, str|int, int|float})`,
  `import datetime\nreturn datetime.date | None, datetime.datetime | datetime.date`,
  `import typing\nreturn typing.Union[int, str] == int | str, (int | str) == typing.Union[int, str]`,
  `import typing\nreturn int | typing.List[int]`,
  `import typing\nreturn typing.List[int] | None, typing.Optional[int] | str`,
  `return issubclass(int, list[int] | int)`,
  `try:\n    isinstance(1, int | 'x')\nexcept TypeError as e:\n    return str(e)`,
  `def f(x: int | None = None) -> str | None:\n    return x\nreturn f(), f.__annotations__`,
  `return (int | str) != (str | int), (int | str) == int, int | str | None | bool`,
  `return (int | str).__args__ is (int | str).__args__, repr(bool | int)`,
  `x = int | str\nx.foo = 1`,
  `return None | None`, `x = int\nx |= None\nreturn x`,
  // two classes of one name are two (an alias's key named its types), a renamed one the same
  `def mk():\n    class A: pass\n    return A\nA1, A2 = mk(), mk()\nreturn list[A1] == list[A2], len((int | list[A1] | list[A2]).__args__), len({list[A1], list[A2]})`,
  `class A: pass\nx = list[A]\nh = hash(x)\nA.__name__ = 'B'\nreturn x == list[A], hash(x) == hash(list[A]), hash(x | int) == hash(int | list[A])`,
  `u = int | list[int]\nreturn u == (list[int] | int), hash(u) == hash(list[int] | int), len({u, list[int] | int})`,
  `return len((list[int] | list[int] | dict[str, list[int]] | dict[str, list[int]]).__args__)`,
];

it('makes unions of types with | as CPython does', () => {
  expect(compareWithCPython(UNIONS)).toEqual([]);
});

/** A union's and an alias's hash name a class by its id of the run: no count passes from one condition to the next. */
it('hashes a union and an alias of a class alike whatever ran before', () => {
  const engine = new Engine();
  const hashes = `class A: pass\nreturn hash(int | str), hash(list[A]), hash(A | None)`;
  const first = evaluator(engine, { source: hashes });
  evaluator(engine, { source: `class B: pass\nclass C: pass\nreturn [hash(t | int) for t in (B, C, bytes, list[B], list[C])]` });
  expect(evaluator(engine, { source: hashes })).toEqual(first);
});

/** `list[T]`, `dict[T, list[T]] | None`, `typing.Dict[str, T]`: their type variables, replaced by subscription (_Py_subs_parameters, _GenericAlias.__getitem__), and an alias's other attributes read from its origin. */
const TYPE_VARIABLES = [
  "return list[int].__origin__, list[int].__args__, dict[str, list[int]].__args__",
  "return list[int].__parameters__, tuple[()].__args__, tuple[int, ...].__args__",
  "import typing\nT = typing.TypeVar('T')\nreturn list[T].__parameters__, dict[T, list[T]].__parameters__",
  "import typing\nT = typing.TypeVar('T'); U = typing.TypeVar('U')\nreturn dict[T, U].__parameters__, dict[U, T][int, str]",
  "import typing\nT = typing.TypeVar('T')\nreturn list[T][int], list[T][int] == list[int]",
  "try:\n  list[int][str]\nexcept TypeError as e:\n  return str(e)",
  "return list[int].__unpacked__",
  "return getattr(list[int], '__origin__') is list, hasattr(list[int], '__args__'), hasattr(list[int], 'append')",
  "import typing\nT = typing.TypeVar('T')\ntry:\n  dict[T, int][int, str]\nexcept TypeError as e:\n  return str(e)",
  "import typing\nT = typing.TypeVar('T')\nreturn list[T] | None, (list[T] | None).__parameters__",
  "import typing\nT = typing.TypeVar('T')\nreturn (T | int), (int | T).__args__",
  "import collections\nreturn collections.Counter[str].__origin__, collections.Counter[str].__args__",
  "return list[int].__unpacked__, list[int].__name__, list[int].__qualname__ if False else 0",
  "import typing\nT = typing.TypeVar('T')\nreturn (list[T] | int)[str], (list[T] | T)[str], (dict[str, T] | None)[int].__args__",
  "import typing\nT = typing.TypeVar('T')\ntry:\n  (list[T] | T)[1]\nexcept TypeError as e:\n  return str(e)",
  "import typing\nT = typing.TypeVar('T')\nreturn list[T][1], list[T][None], list[T]['X']",
  "import typing\nT = typing.TypeVar('T')\ntry:\n  list[T][(1, 2),]\nexcept TypeError as e:\n  return str(e)",
  "import typing\nT = typing.TypeVar('T')\ntry:\n  list[T][typing.Union]\nexcept TypeError as e:\n  return str(e)",
  "import typing\nT = typing.TypeVar('T')\ntry:\n  list[T][typing.ClassVar[int]]\nexcept TypeError as e:\n  return str(e)",
  "import typing\nT = typing.TypeVar('T')\nreturn list[T][typing.Any], list[T][typing.Optional[int]], list[T][list[int]]",
  "import typing\nT = typing.TypeVar('T'); U = typing.TypeVar('U')\ntry:\n  dict[T, U][int]\nexcept TypeError as e:\n  return str(e)",
  "import typing\nT = typing.TypeVar('T'); U = typing.TypeVar('U')\na = dict[T, list[U]]\nreturn a.__parameters__, a[int, str], a[U, T], a[U, T].__parameters__",
  "import typing\nT = typing.TypeVar('T')\nreturn (T | None), (None | T), T | list[int], typing.Optional[T]",
  "import typing\nT = typing.TypeVar('T')\ntry:\n  (int | str)[int]\nexcept TypeError as e:\n  return str(e)",
  "return hasattr(list[int], 'append'), list[int].append, dict[str, int].fromkeys('ab')",
  "try:\n  list[int].nope\nexcept AttributeError as e:\n  return str(e)",
  "import typing\nT = typing.TypeVar('T')\na = tuple[T, ...]\nreturn a[int], a.__parameters__, tuple[T, T][int]",
  "import typing\nT = typing.TypeVar('T', bound=int)\nS = typing.TypeVar('S', covariant=True)\nreturn list[T][str], dict[S, T].__parameters__, list[S] | None",
  "import typing\nT = typing.TypeVar('T')\nx = list[T]\nfor i in range(5):\n    x = dict[x, x]\nreturn len(repr(x[int])), x.__parameters__",
  "import collections\nimport typing\nT = typing.TypeVar('T')\nreturn collections.Counter[T][str], collections.OrderedDict[T, int].__parameters__",
  "import typing\nT = typing.TypeVar('T')\nreturn list[T] == list[T], hash(list[T][int]) == hash(list[int]), {list[T][int]: 1}[list[int]]",
  "import typing\nT = typing.TypeVar('T'); U = typing.TypeVar('U')\nreturn typing.List[T][int], typing.Dict[str, T][int], typing.Optional[T][int], typing.Union[T, U][int, str], typing.Union[T, int][int]",
  "import typing\nT = typing.TypeVar('T')\nreturn typing.List[T].__parameters__, typing.List[int].__parameters__, typing.Dict[T, typing.List[T]].__parameters__, typing.Dict[T, typing.List[T]][str]",
  "import typing\nT = typing.TypeVar('T')\ntry:\n  typing.List[int][str]\nexcept TypeError as e:\n  return str(e)",
  "import typing\nT = typing.TypeVar('T')\ntry:\n  typing.Dict[T, int][str, int]\nexcept TypeError as e:\n  return str(e)",
  "import typing\nT = typing.TypeVar('T')\nreturn typing.List[list[T]][int], list[typing.List[T]][int], (list[T] | typing.List[T]).__parameters__",
  "import typing\nT = typing.TypeVar('T')\nreturn typing.Tuple[T, ...][int], typing.Type[T][int], typing.Optional[T][None]",
];

it('substitutes type variables and reads an alias as CPython does', () => {
  expect(compareWithCPython(TYPE_VARIABLES)).toEqual([]);
});
