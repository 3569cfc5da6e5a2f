/**
 * typing's forms and functions beyond the aliases of builtin classes (modules/typing/annotated.ts,
 * new-type.ts, functions.ts, module.ts): the bare special forms (Never, Self, ...), TypeGuard,
 * Unpack, Annotated, NewType, Text, AnyStr, the aliases of collections' classes and of re's
 * (called as their classes, where List's call is a TypeError), assert_never, assert_type,
 * reveal_type, is_typeddict, dataclass_transform, and get_type_hints' include_extras.
 */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const CASES = [
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nout = []\nout.append(t(lambda: typing.TypeGuard[int, str]))\nout.append(t(lambda: typing.TypeGuard[int]))\nout.append(t(lambda: typing.Self[int]))\nout.append(t(lambda: typing.Never()))\nout.append(t(lambda: typing.Annotated[int]))\nout.append(t(lambda: typing.Annotated[int, 'm', 2]))\nreturn out",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nout = []\nout.append(t(lambda: typing.Annotated[typing.Annotated[int, 1], 2].__metadata__))\nout.append(t(lambda: typing.Annotated[int, 1] == typing.Annotated[int, 1]))\nout.append(t(lambda: typing.Annotated[int, 1] == typing.Annotated[int, 2]))\nout.append(t(lambda: hash(typing.Annotated[int, 1]) == hash((int, (1,)))))\nout.append(t(lambda: typing.Annotated[int, 1](5)))\nout.append(t(lambda: typing.Annotated()))\nreturn out",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nout = []\nout.append(t(lambda: typing.Annotated[int, 1].__origin__))\nout.append(t(lambda: typing.Annotated[int, 1].__args__))\nout.append(t(lambda: type(typing.Annotated[int, 1])))\nout.append(t(lambda: typing.Annotated))\nout.append(t(lambda: typing.Annotated[list[int], 1]))\nout.append(t(lambda: typing.Annotated[typing.List[int], 1]))\nreturn out",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nout = []\nT = typing.TypeVar('T')\nout.append(t(lambda: typing.Annotated[typing.List[T], 1][int]))\nout.append(t(lambda: typing.Annotated[T, 'x'].__parameters__))\nout.append(t(lambda: typing.Annotated[int, 1] | None))\nout.append(t(lambda: isinstance(1, typing.Annotated[int, 1])))\nout.append(t(lambda: typing.Annotated[(int, str), 1]))\nU = typing.NewType('U', int)\nout.append((t(lambda: U), t(lambda: U(5)), t(lambda: U.__supertype__), t(lambda: U.__module__), t(lambda: U.__name__), t(lambda: U.__qualname__)))\nreturn out",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nout = []\nT = typing.TypeVar('T')\nU = typing.NewType('U', int)\nout.append(t(lambda: isinstance(5, U)))\nout.append(t(lambda: typing.NewType('A', 5)))\nout.append(t(lambda: typing.NewType('a.b.C', int).__name__))\nout.append(t(lambda: U | None))\nout.append(t(lambda: None | U))\nout.append(t(lambda: typing.NewType('B', U)))\nreturn out",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nout = []\nT = typing.TypeVar('T')\nU = typing.NewType('U', int)\nout.append(t(lambda: typing.assert_never(5)))\nout.append(t(lambda: typing.assert_never('x'*200)))\nout.append(t(lambda: typing.assert_never(arg=5)))\nout.append(t(lambda: typing.assert_type(5, str)))\nout.append(t(lambda: typing.reveal_type([1])))\nout.append(t(lambda: typing.DefaultDict(int)))\nreturn out",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nout = []\nT = typing.TypeVar('T')\nU = typing.NewType('U', int)\nout.append(t(lambda: typing.DefaultDict[str, int]))\nout.append(t(lambda: typing.DefaultDict[str, int](list, a=[1])))\nout.append(t(lambda: typing.Counter('abca')))\nout.append(t(lambda: typing.Counter(a=3)))\nout.append(t(lambda: typing.Deque[int]([1])))\nout.append(t(lambda: typing.Deque[int](maxlen=2)))\nreturn out",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nout = []\nT = typing.TypeVar('T')\nU = typing.NewType('U', int)\nimport re\nout.append((t(lambda: typing.Pattern), t(lambda: typing.Pattern[str]), t(lambda: isinstance(re.compile('a'), typing.Pattern))))\nout.append(t(lambda: typing.Match[bytes]))\nout.append((t(lambda: typing.Text), t(lambda: typing.AnyStr), t(lambda: typing.AnyStr.__constraints__)))\nout.append((t(lambda: typing.Unpack[tuple[int]]), t(lambda: typing.Unpack[int, str])))\nout.append(t(lambda: typing.is_typeddict(dict)))\nout.append((t(lambda: typing.Never | None), t(lambda: typing.List[typing.Never])))\nreturn out",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nout = []\nT = typing.TypeVar('T')\nU = typing.NewType('U', int)\nimport re\nout.append(t(lambda: typing.Optional[typing.Self]))\nout.append(t(lambda: typing.Deque()))\nout.append(t(lambda: typing.OrderedDict[str]))\nout.append(t(lambda: typing.ChainMap[str, int]({'a': 1})))\nout.append((t(lambda: typing.TypeAlias), t(lambda: typing.NoReturn == typing.Never), t(lambda: hash(typing.Never) == hash(typing.Never))))\nout.append(t(lambda: typing.List[int]()))\nreturn out",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nout = []\nT = typing.TypeVar('T')\nU = typing.NewType('U', int)\nimport re\nout.append(t(lambda: typing.Dict()))\nout.append(t(lambda: typing.Union[int, str]()))\nout.append(t(lambda: typing.Literal[1]()))\nout.append(t(lambda: typing.ClassVar[int]()))\nout.append(t(lambda: typing.Tuple()))\nout.append(t(lambda: typing.FrozenSet[int]([1])))\nreturn out",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nout = []\nT = typing.TypeVar('T')\nU = typing.NewType('U', int)\nimport re\nout.append(t(lambda: typing.Type[int]()))\nreturn out",
  "import typing\nclass Y:\n    a: typing.Annotated[int, 1]\n    b: typing.List[typing.Annotated[int, 2]]\n    c: typing.Optional[typing.Annotated[str, 3]]\n    d: list[typing.Annotated[int, 4]]\n    e: dict[str, typing.Annotated[typing.List[typing.Annotated[int, 5]], 6]]\nreturn typing.get_type_hints(Y), typing.get_type_hints(Y, include_extras=True), Y.__annotations__",
  "import typing\nU = typing.NewType('U', int)\ntry:\n    class V(U): pass\nexcept TypeError as e:\n    return str(e)",
  "import typing\ntry:\n    class V(typing.Annotated): pass\nexcept TypeError as e:\n    return str(e)",
  "import typing\n@typing.dataclass_transform(kw_only_default=True, extra=1)\ndef f(cls): return cls\n@typing.dataclass_transform()\nclass B: pass\nreturn f.__dataclass_transform__, B.__dataclass_transform__",
  "import typing\nclass TD(typing.TypedDict):\n    a: int\nreturn typing.is_typeddict(TD), typing.is_typeddict(TD(a=1)), typing.is_typeddict(tp=dict)",
  "import typing\nfrom typing import Self, Never, LiteralString, TypeAlias, TypeGuard\nclass A:\n    def clone(self) -> Self: return self\ndef g(x: int) -> TypeGuard[int]: return True\nX: TypeAlias = 'int'\nreturn A().clone().__class__.__name__, g.__annotations__, A.clone.__annotations__, X\n",
  "import typing\nU = typing.NewType('U', int)\nU.extra = 5\na = typing.Annotated[int, 1]\na.__metadata__ = (2,)\nclass X:\n    b: a\nreturn U.extra, a, typing.get_type_hints(X, include_extras=True)",
  "import typing\ndef f(x: typing.Annotated[int, 'positive']) -> typing.Never: ...\nreturn typing.get_type_hints(f), typing.get_type_hints(f, include_extras=True)",
];

it.each(CASES.map((c, i) => [i, c]))('case %i answers as CPython', (_i, source) => {
  expect(compareWithCPython([source as string])).toEqual([]);
});

it("an annotated alias's metadata, copied into each Annotated made of it, is paid for", () => {
  // 3,000 copies of 100,000 items took a few steps each, and ran 140 ms past the clock
  const unclocked = new Engine({ maxMillis: 60_000, requestMillis: 60_000 });
  const source = 'import typing\nbig = tuple(range(100000))\na = typing.Annotated[(int,) + big]\nfor i in range(3000):\n    b = typing.Annotated[a, 1]\nreturn len(b.__metadata__)';
  expect(evaluator(unclocked, { source, data: {} }).error).toMatch(/^StepLimitError: condition exceeded its budget of \d+ steps/);
});
