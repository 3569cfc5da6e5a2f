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
