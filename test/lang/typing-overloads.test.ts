/**
 * typing.overload's registry: get_overloads lists what @overload filed for a function (by module,
 * qualified name and def statement), clear_overloads empties it; the registry is a run's own.
 */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const CASES = [
  "import typing\nfrom typing import overload, get_overloads, clear_overloads\n@overload\ndef f(x: int) -> int: ...\n@overload\ndef f(x: str) -> str: ...\ndef f(x): return x\nclass A:\n    @overload\n    def m(self, x: int): ...\n    @overload\n    @classmethod\n    def c(cls, x: int): ...\n    @classmethod\n    def c(cls, x): ...\n    def m(self, x): ...\nout = [len(get_overloads(f)), [o.__annotations__ for o in get_overloads(f)], len(get_overloads(A.m)), len(get_overloads(A.c)), get_overloads(len), get_overloads(lambda: 0)]\nfor i in range(3):\n    @overload\n    def g(x: int): ...\nout.append(len(get_overloads(g)))\nout.append(overload(len) is overload(3))\nclear_overloads()\nout.append(get_overloads(f))\ntry: f(1)\nexcept NotImplementedError as e: out.append(str(e))\ntry: get_overloads(3)\nexcept AttributeError as e: out.append(str(e))\nreturn out\n",
  "import typing\nclass A:\n    @typing.overload\n    @staticmethod\n    def s(x: int): ...\n    @staticmethod\n    def s(x): return x\ndef f(): pass\nf.__qualname__ = 'A.s'\nreturn len(typing.get_overloads(A.s)), len(typing.get_overloads(f)), typing.overload(f) is typing.overload(len)",
];

it.each(CASES.map((c, i) => [i, c]))('case %i answers as CPython', (_i, source) => {
  expect(compareWithCPython([source as string])).toEqual([]);
});

it("a run's overloads are gone in the next run of the same engine", () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const source = 'import typing\n@typing.overload\ndef f(x: int): ...\ndef f(x): return x\nreturn len(typing.get_overloads(f))';
  for (let i = 0; i < 2; i++) expect(evaluator(engine, { source }).repr).toBe('1');
});

it('a million overloads are paid for', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const source = 'import typing\nfor i in range(10**6):\n    typing.overload(lambda: 0)\n    f = lambda: 0\n    f.__qualname__ = str(i)\n    typing.overload(f)\nreturn 1';
  expect(evaluator(engine, { source }).error).toMatch(/^StepLimitError: condition exceeded its budget of \d+ steps$/);
});

it("a library function CPython writes in Python is refused, where CPython would file it (get_overloads(typing.cast) would list it)", () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  for (const f of ['typing.cast', 'string.Template.substitute']) {
    const source = `import typing, json, string\ntry:\n    typing.overload(${f})\nexcept Exception:\n    pass\nreturn len(typing.get_overloads(${f}))`;
    expect(evaluator(engine, { source }).error).toMatch(/^UnsupportedError: typing\.overload of .* is not available in conditions/);
  }
});
