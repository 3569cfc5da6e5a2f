import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** Annotated assignment and `...`: annotations inside a function are never evaluated (PEP 526). */
const CASES = [
  `x: int = 5\nreturn x`, `x: int\nreturn x`, `x: int\nx = 2\nreturn x`, `x: undefined_name = 1\nreturn x`, `x: list[int] = [1]\nreturn x`,
  `d = {}\nd['a']: int = 1\nreturn d`, `d = {}\nd['a']: int\nreturn d`, `undefined_name['a']: int`, `d = {}\nd[undefined_key]: int`,
  `x: int = 1, 2\nreturn x`, `x: tuple = *[1, 2], 3\nreturn x`, `a, b: int = 1, 2`, `[a]: int = [1]`, `(x): int = 3\nreturn x`, `1: int = 2`, `f(): int = 2`,
  `global data\ndata: dict = {'k': 1}\nreturn True`, `def f():\n    y: int = 3\n    return y\nreturn f()`, `def f():\n    y: int\n    return y\nreturn f()`,
  `return ...`, `x = ...\nreturn x is ..., x == Ellipsis, type(x).__name__, str(x), bool(x)`, `def f():\n    ...\nreturn f()`, `if True:\n    ...\nreturn 1`,
  `return [..., ...]`, `return {...: 1}[...]`, `return ... + 1`, `return (...,)`, `return json.dumps(...)`, `data['e'] = ...\nreturn 1`,
];

it('assigns annotated targets and evaluates `...` as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});
