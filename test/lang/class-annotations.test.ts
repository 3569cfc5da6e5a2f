import { expect, it } from 'vitest';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { Engine } from '../../src/lang/index.js';

/** The step and memory limits alone: a cold first run on a loaded machine may pass the 50 ms clock. */
const unclocked = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
const run = (source: string): string => {
  const r = evaluator(unclocked, { source });
  return r.error ?? r.repr ?? '';
};

/** Class-body annotations and a def's `__annotations__`, as CPython 3.11 evaluates and files them. */
it('files class-body annotations as CPython does', () => {
  expect(compareWithCPython([
    'class A:\n    x: int\n    y: str = "a"\n    z = 3\nreturn A.__annotations__, A.y, hasattr(A, "x"), list(A.__dict__)',
    'class A:\n    pass\nreturn A.__annotations__, "__annotations__" in A.__dict__',
    'class A:\n    x: int\nclass B(A):\n    y: float\nclass C(A):\n    pass\nreturn A.__annotations__, B.__annotations__, C.__annotations__, C().__annotations__ if False else 0',
    'class A:\n    x: int\nclass B(A):\n    pass\nreturn B().__annotations__, A().__annotations__',
    'class A:\n    pass\ntry:\n    A().__annotations__\nexcept AttributeError as e:\n    return str(e)',
    'class A:\n    if True:\n        x: int = 1\n    for i in range(2):\n        y: list[int]\n    def f(self):\n        z: int = 1\n        return z\nreturn A.__annotations__, A().f()',
    'log_ = []\ndef t(v):\n    log_.append(v)\n    return v\nclass A:\n    x: t("ann") = t("value")\nreturn log_, A.__annotations__',
    'class A:\n    x: undefined_name\nreturn 1',
    'class A:\n    x: 1/0 = 5\nreturn 1',
    'class A:\n    a: int\n    a: str\nreturn A.__annotations__',
    'class A:\n    pass\nclass B:\n    A.q: int = 4\n    d = {}\n    d["k"]: str = 5\nreturn A.q, B.d, B.__annotations__',
    'class A:\n    x: "forward" = 1\nA.__annotations__["w"] = 2\nreturn A.__annotations__',
    'class A:\n    x: int\nA.__annotations__ = {"q": 1}\nreturn A.__annotations__',
    'try:\n    int.__annotations__\nexcept AttributeError as e:\n    return str(e)',
    'try:\n    len.__annotations__\nexcept AttributeError as e:\n    return str(e)',
    'try:\n    (1).__annotations__\nexcept AttributeError as e:\n    return str(e)',
    'x: int = 5\nreturn x',
    'y: undefined_name = 2\nreturn y',
  ])).toEqual([]);
});

it("gives a def's __annotations__ as CPython does", () => {
  expect(compareWithCPython([
    'def f(a: int, b, *args: str, c: float = 1.0, **kw: dict) -> bool:\n    pass\nreturn f.__annotations__',
    'def f(a, b):\n    pass\nreturn f.__annotations__, f.__annotations__ is f.__annotations__',
    'def f(a: int):\n    pass\nf.__annotations__["b"] = 2\nreturn f.__annotations__',
    'def f(a: int):\n    pass\nf.__annotations__ = None\nreturn f.__annotations__',
    'def f(a: int):\n    pass\ntry:\n    f.__annotations__ = 5\nexcept TypeError as e:\n    return str(e)',
    'def f(a: int):\n    pass\ndel f.__annotations__\nreturn f.__annotations__',
    'def f(a: "x" + "y") -> 1 + 2:\n    pass\nreturn f.__annotations__',
    'lam = lambda x: x\nreturn lam.__annotations__',
    'import functools\ndef f(a: int) -> str:\n    pass\n@functools.wraps(f)\ndef g(*args):\n    pass\nreturn g.__annotations__, g.__annotations__ is f.__annotations__',
    'class C:\n    def m(self, x: int) -> None:\n        pass\nreturn C.m.__annotations__',
    'def f(x: undefined_name):\n    pass\nreturn 1',
    'def f(x: int):\n    pass\nreturn getattr(f, "__annotations__")',
    "import functools\nclass C:\n    def m(self, x: int):\n        return x\nc = C()\n@functools.wraps(c.m)\ndef w(*a):\n    return c.m(*a)\nreturn w(3), w.__name__",
    "import functools\n@functools.wraps(len)\ndef w(*a):\n    return len(*a)\nreturn w('ab'), w.__name__, w.__annotations__",
    "import functools\ndef f(a: int) -> str:\n    pass\np = functools.partial(f, 1)\n@functools.wraps(p)\ndef g():\n    pass\nreturn g.__annotations__\n",
  ])).toEqual([]);
});

it('stays within the limits for hostile annotations', () => {
  const many = Array.from({ length: 3000 }, (_, i) => `    f${i}: int = ${i}`).join('\n');
  expect(compareWithCPython([
    `class A:\n${many}\nreturn len(A.__annotations__), list(A.__annotations__)[-1]`,
  ])).toEqual([]);
  // a bound method of a condition's class gives its function's (method-introspection.test.ts); one the evaluator makes without its function does not: what wraps copied from one is not known, and says so
  expect(run('import functools, datetime\n@functools.wraps(datetime.date.today)\ndef w():\n    pass\nreturn w.__annotations__')).toMatch(/^UnsupportedError: '[^']*\.__annotations__' is not available in conditions: functools.wraps copied them from a bound method/);
  expect(run('class A:\n    for i in range(10**9):\n        x: int\nreturn 1')).toMatch(/^StepLimitError/);
  expect(run('def f(x: [0] * 10**9):\n    pass\nreturn 1')).toMatch(/^MemoryError/);
});
