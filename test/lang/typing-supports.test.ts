/**
 * typing's classes written as class statements in typing.py: the runtime-checkable Supports*
 * protocols, and IO, TextIO and BinaryIO (generic, their methods marked abstract, not enforced).
 */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const CASES = [
  "import typing, fractions, decimal\nS = [typing.SupportsInt, typing.SupportsFloat, typing.SupportsComplex, typing.SupportsBytes, typing.SupportsIndex, typing.SupportsAbs, typing.SupportsRound]\nvals = [3, 2.5, 1j, b'x', 'x', True, [], None]\nreturn [[isinstance(v, s) for s in S] for v in vals] + [[issubclass(c, s) for s in S] for c in (int, float, complex, bytes, str, bool, list)]",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nS = [typing.SupportsInt, typing.SupportsFloat, typing.SupportsComplex, typing.SupportsBytes, typing.SupportsIndex, typing.SupportsAbs, typing.SupportsRound]\nreturn [(repr(s), s.__mro__, s.__parameters__, sorted(s.__abstractmethods__), s.__module__, s.__qualname__, s._is_protocol, s._is_runtime_protocol, t(lambda: s())) for s in S] + [t(lambda: typing.SupportsAbs[int]), t(lambda: typing.SupportsInt[int]), t(lambda: typing.SupportsAbs.__orig_bases__), t(lambda: typing.SupportsInt.__orig_bases__)]",
  "import typing\nclass A:\n    def __int__(self): return 1\nclass B(typing.SupportsInt): pass\nclass C(typing.SupportsInt):\n    def __int__(self): return 2\nclass P(typing.SupportsIndex, typing.Protocol):\n    def extra(self): ...\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nT = typing.TypeVar('T')\nclass R(typing.SupportsRound[T]):\n    def __round__(self, n=0): return 1\nreturn [isinstance(A(), typing.SupportsInt), t(lambda: B()), int(C()), P._is_protocol, t(lambda: isinstance(3, P)), R.__parameters__, R.__mro__, round(R()), isinstance(R(), typing.SupportsRound), t(lambda: typing.SupportsRound.__round__.__qualname__)]",
  "import typing\ndef t(f):\n    try: return repr(f())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nreturn [(repr(c), c.__mro__, c.__parameters__, c.__orig_bases__, c.__module__, t(lambda: type(c()))) for c in (typing.IO, typing.TextIO, typing.BinaryIO)] + [t(lambda: typing.IO[str]), t(lambda: typing.TextIO[str]), t(lambda: typing.IO().read()), t(lambda: typing.IO().x), t(lambda: typing.TextIO().encoding), t(lambda: typing.IO().seek())]",
  "import typing\nclass F(typing.TextIO):\n    def __init__(self): self.data = []\n    def write(self, s): self.data.append(s)\nf = F()\nf.write('a')\ndef t(fn):\n    try: return repr(fn())\n    except Exception as e: return f'{type(e).__name__}: {e}'\nreturn f.data, F.__parameters__, isinstance(f, typing.IO), isinstance(f, typing.BinaryIO), t(lambda: f.readline())",
];

it.each(CASES.map((c, i) => [i, c]))('case %i answers as CPython', (_i, source) => {
  expect(compareWithCPython([source as string])).toEqual([]);
});

it("the shared protocols keep nothing a run gave them", () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const source = 'import typing\nr = isinstance([], typing.SupportsInt)\ntyping.SupportsInt.register(list)\nreturn r, isinstance([], typing.SupportsInt)';
  for (let i = 0; i < 2; i++) expect(evaluator(engine, { source }).repr).toBe('(False, True)');
  expect(evaluator(engine, { source: 'import typing\ntyping.SupportsInt._is_runtime_protocol = False' }).error).toMatch(/^UnsupportedError: cannot set 'typing\.SupportsInt\._is_runtime_protocol'/);
  expect(evaluator(engine, { source: 'import typing\ntyping.IO.read = 1' }).error).toMatch(/^UnsupportedError: cannot set 'typing\.IO\.read'/);
});
