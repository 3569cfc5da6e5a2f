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
