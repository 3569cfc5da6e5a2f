/**
 * typing.TypedDict (modules/typing/typed-dict.ts): its class statement and functional form, the
 * keys its annotations, total, Required and NotRequired give, and CPython's TypeErrors.
 */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const CASES = [
  "from typing import TypedDict\nclass M(TypedDict, total=False):\n    a: int\nclass N(M):\n    b: str\nreturn M.__mro__, M.__bases__, type(M), N.__mro__, N.__required_keys__, N.__optional_keys__, N.__total__, M.__total__, repr(M), M.__module__, M.__qualname__, list(M.__dict__.keys())",
  "from typing import TypedDict\nT2 = TypedDict('T2', {'x': int, 'y': 'str', 'z': None})\nreturn T2.__annotations__, T2.__module__, T2(x=1), T2.__required_keys__, type(T2(x=1)), T2.__bases__",
  "from typing import TypedDict\nclass M(TypedDict):\n    a: int\ntry:\n    isinstance({}, M)\nexcept TypeError as e:\n    return str(e)",
  "from typing import TypedDict\nclass M(TypedDict):\n    a: int\ntry:\n    issubclass(dict, M)\nexcept TypeError as e:\n    return str(e)",
  "from typing import TypedDict\nclass M(TypedDict):\n    a: int\n    b: 'list[int]'\nm = M(a=1, b=[2])\nm['c'] = 3\nreturn m, M.__annotations__, M.__orig_bases__ == (TypedDict,), M.__doc__",
  "from typing import TypedDict\ntry:\n    class M(TypedDict, foo=1):\n        a: int\nexcept TypeError as e:\n    return str(e)",
  "from typing import TypedDict\ntry:\n    class M(TypedDict, dict):\n        a: int\nexcept TypeError as e:\n    return str(e)",
  "from typing import TypedDict, ClassVar\ntry:\n    class M(TypedDict):\n        a: ClassVar[int]\nexcept TypeError as e:\n    return str(e)",
  "from typing import TypedDict, Optional\ntry:\n    TypedDict('M', {'a': (1, 2)})\nexcept TypeError as e:\n    return str(e)",
  "from typing import TypedDict\ntry:\n    TypedDict('M', {'a': int}, b=str)\nexcept TypeError as e:\n    return str(e)",
  "from typing import TypedDict\nM = TypedDict('M', a=int, b=str)\nreturn M.__annotations__, sorted(M.__required_keys__)",
  "from typing import TypedDict, Optional\nclass M(TypedDict):\n    a: Optional[int]\n    def f(self): return 1\nreturn M.__annotations__, M.f(None), M(), M.__name__",
  "from typing import TypedDict\nclass A(TypedDict):\n    a: int\nclass B(TypedDict, total=False):\n    b: int\nclass C(A, B):\n    c: int\nreturn C.__annotations__, sorted(C.__required_keys__), sorted(C.__optional_keys__), C.__total__",
  "from typing import TypedDict\nM = TypedDict('M', {'a': int}, total=False)\nreturn M.__total__, M.__optional_keys__, type(M).__name__, type(M).__mro__, TypedDict.__name__",
  "import typing\ntry:\n    return typing.TypedDict()\nexcept TypeError as e:\n    return str(e)",
  "from typing import TypedDict\nclass M(TypedDict):\n    a: int\ntry:\n    M.x = 1\n    return M.x, hash(M) == hash(M)\nexcept Exception as e:\n    return type(e).__name__, str(e)",
  "from typing import TypedDict, Required, NotRequired\nclass M(TypedDict, total=False):\n    a: Required[int]\n    b: NotRequired['str']\n    c: int\nclass N(TypedDict):\n    a: NotRequired[int]\n    b: Required[int]\nreturn sorted(M.__required_keys__), sorted(M.__optional_keys__), sorted(N.__required_keys__), sorted(N.__optional_keys__), M.__annotations__, repr(Required), repr(NotRequired[None])",
  "from typing import Required\ntry:\n    Required[int, str]\nexcept TypeError as e:\n    return str(e)",
  "from typing import TypedDict\nreturn TypedDict('M', {})(), TypedDict('E', None, total=False).__total__\n",
  "from typing import TypedDict\nclass M(TypedDict):\n    a: int\nreturn dir(M)[:5], M.__annotations__ is M.__annotations__, str(M), M.__name__\n",
  // a ForwardRef is compared and hashed by its text and module, as an unevaluated one is
  "from typing import Optional, TypedDict\nf = Optional['x'].__args__[0]\nM = TypedDict('M', {'a': 'x'})\ng = M.__annotations__['a']\nreturn hash(f) == hash(('x', None)), f == Optional['x'].__args__[0], f == g, hash(g) == hash(('x', '__main__')), repr(g)",
];

it('makes a TypedDict as CPython 3.11 does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

it('keeps the shared metaclass and function read-only, and pays for many keys', () => {
  const engine = new Engine();
  const run = (source: string) => evaluator(engine, { source, data: {} });
  expect(run("from typing import TypedDict\nclass M(TypedDict):\n    a: int\ntype(M).x = list").error).toMatch(/^UnsupportedError: cannot set 'typing._TypedDictMeta.x'/);
  expect(run("from typing import TypedDict\nclass M(TypedDict):\n    a: int\nreturn M(a=1)").repr).toBe("{'a': 1}");
  expect(run("from typing import TypedDict\nM = TypedDict('M', dict.fromkeys(range(10**5), int))\nfor k in M.__required_keys__:\n    pass").error).toMatch(/^StepLimitError: condition exceeded its (time )?budget/);
});
