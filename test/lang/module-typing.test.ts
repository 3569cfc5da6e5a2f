import { expect, it } from 'vitest';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { Engine } from '../../src/lang/index.js';

/** The step and memory limits alone: a cold first run on a loaded machine may pass the 50 ms clock. */
const unclocked = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
const run = (source: string): string => {
  const r = evaluator(unclocked, { source });
  return r.error ?? r.repr ?? '';
};

/** typing: the forms and aliases annotations use, printed, compared and hashed as CPython 3.11's. */
it('answers typing as CPython does', () => {
  expect(compareWithCPython([
    "import typing\nfrom typing import Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable, Iterable, Iterator, Sequence, Mapping, Type, ClassVar, Final, Literal\nreturn [repr(x) for x in [Any, Optional[int], Union[int, str], Union[int, None], Optional[Union[int, str]], Union[int], Union[int, int], List[int], List, Dict[str, int], Tuple[int, ...], Tuple[()], Tuple[int, str], Set[int], FrozenSet[str], Callable[[int, str], bool], Callable[..., int], Iterable[int], Iterator[str], Sequence[int], Mapping[str, int], Type[int], ClassVar[int], Final[int], Literal[1, 'a', None], List[Optional[int]], Dict[str, List[int]], Optional[None], typing.Optional, typing.Union, typing.ClassVar]]",
    "from typing import List, Optional, Union, Dict\nreturn List[int] == List[int], List[int] == List[str], Union[int, str] == Union[str, int], Optional[int] == Union[None, int], List[int].__origin__, List[int].__args__, Optional[int].__args__, Dict[str, int].__args__, hash(List[int]) == hash(List[int]), List[int] == list[int], Union[int, str].__origin__ is Union",
    "from typing import TypeVar, cast, TYPE_CHECKING, overload, no_type_check\nT = TypeVar('T')\nK = TypeVar('K', int, str)\nB = TypeVar('B', bound=int, covariant=True)\n@no_type_check\ndef g(x):\n    return x\nreturn repr(T), repr(K), repr(B), T.__name__, K.__constraints__, B.__bound__, cast(int, 'x'), cast('int', 3), TYPE_CHECKING, g(4)",
    "from typing import overload\n@overload\ndef f(x: int) -> int: ...\n@overload\ndef f(x: str) -> str: ...\ndef f(x):\n    return x\nreturn f(3)",
    "from typing import overload\n@overload\ndef f(x: int) -> int: ...\ntry:\n    f(3)\nexcept NotImplementedError as e:\n    return str(e)",
    "from typing import NamedTuple\nP = NamedTuple('P', [('x', int), ('y', str)])\np = P(1, 'a')\nreturn repr(p), p.x, P.__annotations__, P._fields",
    "from typing import get_type_hints, Optional\nclass A:\n    x: int\n    y: Optional[str] = None\nclass B(A):\n    z: None\ndef f(a: int, b: None = None) -> str:\n    pass\nreturn get_type_hints(A), get_type_hints(B), get_type_hints(f)",
    "from typing import List\ntry:\n    List()\nexcept TypeError as e:\n    return str(e)",
    "from typing import Optional, ClassVar, List, Dict\nr = []\nfor f in [lambda: Optional[int, str], lambda: ClassVar[int, str], lambda: List[int, str], lambda: Dict[int]]:\n    try:\n        f()\n    except TypeError as e:\n        r.append(str(e))\nreturn r",
    "from typing import List\ndef f(x: List[int], y: 'Foo' = None) -> 'Bar':\n    return x\nreturn f.__annotations__",
    "from typing import Any, Dict, Optional, List\nfrom dataclasses import dataclass, field\n@dataclass\nclass Cfg:\n    name: str\n    opts: Dict[str, Any] = field(default_factory=dict)\n    parent: Optional['Cfg'] = None\n    tags: List[str] = field(default_factory=list)\nreturn repr(Cfg('a')), Cfg.__doc__",
    "from typing import List, Dict\nd = {List[int]: 1, Dict[str, int]: 2}\nreturn d[List[int]], List[int] in d",
    "from typing import Union\ntry:\n    Union[()]\nexcept TypeError as e:\n    return str(e)\n",
  ])).toEqual([]);
});

it('answers isinstance and issubclass of typing objects as CPython does', () => {
  expect(compareWithCPython([
    "import typing\nfrom typing import List, Dict, Union, Optional, Any, Tuple, Type, ClassVar\nr = []\nfor t in [List, Dict, Tuple, Type, Union[int, str], Optional[int], List[int], Any, Union, ClassVar, Union[int, List[int]]]:\n    try:\n        r.append(isinstance([], t))\n    except TypeError as e:\n        r.append(str(e))\n    try:\n        r.append(issubclass(bool, t))\n    except TypeError as e:\n        r.append(str(e))\nreturn r",
    "from typing import Union, Optional\nreturn isinstance(None, Optional[int]), isinstance(3, Optional[int]), isinstance('a', Optional[int]), isinstance(True, (str, Union[int, float]))",
    "from typing import TypeVar\nT = TypeVar('T')\ntry:\n    isinstance(1, T)\nexcept TypeError as e:\n    return str(e)\n",
    // an alias of a collections.abc class: that class's check
    'from typing import Iterable, Sequence\nreturn isinstance([], Iterable), isinstance(3, Iterable), issubclass(str, Sequence)',
  ])).toEqual([]);
});

/** `class P(NamedTuple)`, as NamedTupleMeta.__new__ makes it: a namedtuple with the body's defaults, annotations and other names. */
const NAMED_TUPLE_CLASSES = [
  "from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\n    y: int = 0\np = P(1)\nreturn p, p.x, p.y, p._fields, P._field_defaults, p._replace(y=5), p._asdict(), P.__annotations__, repr(P), P.__qualname__, P.__module__, P.__mro__, len(P.__orig_bases__)",
  "from typing import NamedTuple\nclass P(NamedTuple):\n    \"A point.\"\n    x: float\n    y: float = 0.0\n    def norm(self):\n        return (self.x ** 2 + self.y ** 2) ** 0.5\n    @property\n    def swapped(self):\n        return P(self.y, self.x)\n    label = 'pt'\nreturn P(3, 4).norm(), P(1, 2).swapped, P.label, P.__doc__, P(1) == (1, 0.0), isinstance(P(1), tuple), hash(P(1)) == hash((1, 0.0))",
  "from typing import NamedTuple\nclass P(NamedTuple):\n    x: int = 0\n    y: int",
  "from typing import NamedTuple\nclass P(NamedTuple):\n    x: int = 0\n    y: str = ''\n    z: int",
  "from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\n    def _asdict(self): pass",
  "from typing import NamedTuple\nclass A: pass\nclass P(NamedTuple, A):\n    x: int",
  "from typing import NamedTuple\nclass P(NamedTuple):\n    pass\nreturn P(), P._fields, repr(P()), P.__doc__",
  "from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\nclass Q(P):\n    def f(self): return self.x * 2\nreturn Q(3).f(), Q(3), Q.__mro__",
  "from typing import NamedTuple\nclass P(NamedTuple, x=1):\n    a: int",
  "import typing\nclass P(typing.NamedTuple):\n    a: 'int'\n    b: None\nreturn P.__annotations__",
  "from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\nP(1, 2)",
  "from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\n    def __repr__(self):\n        return f'P<{self.x}>'\nreturn repr(P(1)), str(P(2)), [P(3)]",
  "from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\n    def __str__(self):\n        return f'<{self.x}>'\nreturn str(P(1)), repr(P(2)), f'{P(3)}', [str(P(4))]",
  "from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\n    def __repr__(self):\n        return 5\nrepr(P(1))",
  "from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\n    @classmethod\n    def make(cls, v): return cls(v)\n    @staticmethod\n    def s(a): return a + 1\nreturn P.make(3), P(1).make(4), P.s(1), P(1).s(2)",
];

it('makes a class with NamedTuple as its base as CPython does', () => {
  expect(compareWithCPython(NAMED_TUPLE_CLASSES)).toEqual([]);
});

it('refuses what it does not build, and stays within the limits', () => {
  // a dunder its instances' slots would not call: refused, where CPython's would call it
  expect(run('from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\n    def __eq__(self, o):\n        return True')).toMatch(/^UnsupportedError: setting 'P.__eq__' is not available in conditions/);
  expect(run("import collections\nP = collections.namedtuple('P', 'x')\nP.__len__ = lambda s: 7")).toMatch(/^UnsupportedError: setting 'P.__len__' is not available in conditions/);
  expect(run("from typing import get_type_hints\ndef f(x: 'int'):\n    pass\nreturn get_type_hints(f)")).toMatch(/^UnsupportedError/);
  expect(compareWithCPython([
    'from typing import Union\nreturn repr(Union[tuple(range(300))])[-20:], Union[(1, 1, 2, True, 1.0)]',
    'from typing import List\nt = int\nfor i in range(150):\n    t = List[t]\nreturn repr(t)[-20:]',
    'from typing import Literal\nreturn len(Literal[tuple(range(300))].__args__), Literal[1, True, 1.0, 1]',
  ], unclocked)).toEqual([]);
  for (const store of ['object.__setattr__(typing.Optional, "x", 1)', 'type(typing.Optional).x = 1', 'typing.Any.x = 1', 'type(typing.List[int]).x = 1', 'typing.Generic.x = 1']) {
    expect(run(`import typing\n${store}\nreturn 1`)).toMatch(/^UnsupportedError: cannot set 'typing\./);
  }
  expect(run('from typing import Union\nreturn Union[tuple(range(10**6))]')).toMatch(/^(StepLimitError|MemoryError)/);
  expect(run('from typing import Literal\nreturn Literal[tuple(range(10**6))]')).toMatch(/^(StepLimitError|MemoryError)/);
  expect(run('from typing import Union\nreturn len(Union[tuple(range(5000))].__args__)')).toMatch(/^(5000|StepLimitError)/);
});

/** TypeVar's and NamedTuple's ValueErrors, where the type looked up was not there (an internal error). */
it('raises the ValueErrors of TypeVar and NamedTuple as CPython does', () => {
  expect(compareWithCPython([
    "import typing\nreturn typing.TypeVar('T', covariant=True, contravariant=True)",
    "import typing\nreturn typing.NamedTuple('N', [('a', int, 3)])",
    "import typing\nreturn typing.NamedTuple('N', [('a',)])",
    "import typing\nreturn typing.TypeVar('T', covariant=True), typing.TypeVar('U', contravariant=True)",
  ])).toEqual([]);
});

/** typing's Union hashes as types.UnionType does, hash(frozenset(args)): hash((T | None)[int]) == hash(int | None). */
it("hashes a Union alias as CPython does", () => {
  expect(compareWithCPython([
    "import typing\nT = typing.TypeVar('T')\nreturn hash((T | None)[int]) == hash(int | None), (T | None)[int] == (int | None), (T | None)[int], hash(typing.Optional[int]) == hash(int | None), hash(typing.Union[int, str]) == hash(int | str)",
    "import typing\nT = typing.TypeVar('T')\nreturn {typing.Optional[int]: 1}[int | None], {int | None: 2}[typing.Union[None, int]], hash(int | str) == hash(str | int), len({int | str, str | int, typing.Union[str, int]})",
  ])).toEqual([]);
});

/** A Union's alias is a typing._UnionGenericAlias (T | int, Union[T, int], Optional[int]), as type() names it. */
it("answers a Union alias's type as CPython does", () => {
  expect(compareWithCPython([
    "import typing\nT = typing.TypeVar('T')\nreturn type(T | int), repr(type(T | int)), type(int | T).__name__, type(T | None), type(typing.Union[T, int]), type(int | str)",
    "import typing\nT = typing.TypeVar('T')\nS = typing.TypeVar('S')\nreturn type((T | S)[int, str]), type(typing.Optional[T][int]), type(typing.Union[int]), type(typing.Optional[int])",
    "import typing\nT = typing.TypeVar('T')\nreturn isinstance(T | int, type(typing.List[int])), type(typing.List[int]), type(typing.Dict[T, int][str])",
  ])).toEqual([]);
});

/** The orders of typing's alias classes run through its private classes, which are not built: refused, not given short. */
it("refuses the order of typing's alias classes", () => {
  const run = (source: string): string => evaluator(new Engine(), { source, data: {} }).error ?? '';
  expect(run('import typing\nreturn type(typing.List[int]).__mro__')).toBe("UnsupportedError: 'typing._GenericAlias.__mro__' is not available in conditions: its bases are typing's _BaseGenericAlias and _Final, which the evaluator does not build");
  expect(run("import typing\nT = typing.TypeVar('T')\nreturn type(T | int).__bases__")).toBe("UnsupportedError: 'typing._UnionGenericAlias.__bases__' is not available in conditions: its bases are typing's _NotIterable and _GenericAlias, which the evaluator does not build");
  expect(run('import typing\nreturn type(typing.Optional[int]).mro()')).toMatch(/^UnsupportedError: 'typing\._UnionGenericAlias\.__mro__' is not available/);
});
