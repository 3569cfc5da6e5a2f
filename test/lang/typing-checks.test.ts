/**
 * typing._type_check as each form's `[...]` runs it: a tuple given to a form of one type
 * (`TypeGuard[(int,)]`), a bare special form or Generic as an argument (`Plain typing.Union is
 * not valid as type argument`), ClassVar[...] and Final[...] where they may not stand;
 * Annotated of what has no __module__; the aliases' classes (_UnpackGenericAlias, ...) and
 * names (a Union with None is 'Optional').
 */
import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

const CASES = [
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nT = typing.TypeVar('T')\nreturn [t(lambda: typing.TypeGuard[(int,)]), t(lambda: typing.TypeGuard[typing.ClassVar]), t(lambda: typing.ClassVar[typing.Final]), t(lambda: typing.List[typing.Union]), t(lambda: typing.TypeGuard[typing.Optional]), t(lambda: typing.Final[typing.Any]), t(lambda: typing.ClassVar[(int,)]), t(lambda: typing.List[(int,)])]",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nreturn [t(lambda: typing.Annotated[5, 1]), t(lambda: typing.Annotated['x', 1]), t(lambda: typing.Annotated[typing.ClassVar[int], 1]), t(lambda: typing.Annotated[typing.Final, 1]), t(lambda: typing.Annotated[None, 1])]",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nT = typing.TypeVar('T')\nreturn [t(lambda: type(typing.Unpack[int])), t(lambda: typing.Optional[int].__name__), t(lambda: typing.Union[int, str].__name__), t(lambda: typing.Optional[int].__qualname__), t(lambda: typing.Callable[[int], str].__name__), t(lambda: typing.Literal[1].__name__), t(lambda: typing.Annotated[int, 1].__name__), t(lambda: (T | int).__name__), t(lambda: typing.ClassVar[int].__name__), t(lambda: typing.Unpack[int].__name__), t(lambda: type(typing.Literal[1])), t(lambda: type(typing.Callable[[int], str]))]",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nT = typing.TypeVar('T')\nreturn [t(lambda: typing.List[typing.ClassVar[int]]), t(lambda: typing.Union[typing.ClassVar[int], int]), t(lambda: typing.Tuple[typing.Final]), t(lambda: typing.Callable[[int], typing.Final]), t(lambda: typing.List[typing.Generic]), t(lambda: typing.List[typing.Generic[T]]), t(lambda: typing.Optional[typing.ClassVar[int]]), t(lambda: typing.ClassVar[int, str]), t(lambda: typing.Annotated[typing.ClassVar, 1]), t(lambda: typing.Final[typing.Final[int]]), t(lambda: typing.ClassVar[typing.Final[int]]), t(lambda: T | typing.ClassVar), t(lambda: typing.Dict[str, typing.Protocol]), t(lambda: typing.Required[(1, 2)]), t(lambda: typing.Unpack[typing.Union]), t(lambda: typing.Optional[int, str]), t(lambda: typing.Union[int, typing.Never, typing.Literal]), t(lambda: typing.Union[None, int].__name__), t(lambda: typing.TypeGuard['x' * 200, 1])]",
  // a class, an alias or a function has a __module__; a list or a float has not
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nclass C: pass\nreturn [t(lambda: typing.Annotated[list[int], 1]), t(lambda: typing.Annotated[int | str, 1]), t(lambda: typing.Annotated[[1], 1]), t(lambda: typing.Annotated[C(), 1].__metadata__), t(lambda: typing.Annotated[2.5, 1]), t(lambda: typing.Annotated[typing.Optional[int], 1]), t(lambda: isinstance(None, typing.Union[int, None]))]",
  // no_type_check marks a function (get_type_hints of it is {}), and leaves a builtin class as it is; final marks what takes it
  "import typing\n@typing.no_type_check\ndef f(x: int) -> str: pass\n@typing.final\ndef g(y: int): pass\nreturn typing.get_type_hints(f), typing.get_type_hints(g), typing.no_type_check(int) is int, typing.final(len) is len, typing.final(5)",
];

it.each(CASES.map((c, i) => [i, c]))('case %i answers as CPython', (_i, source) => {
  expect(compareWithCPython([source as string])).toEqual([]);
});
