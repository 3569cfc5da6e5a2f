import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const tried = (body: string) => `r = []\ndef t(f):\n  try:\n    r.append(repr(f()))\n  except Exception as e:\n    r.append((type(e).__name__, str(e)))\n${body}\nreturn r`;

/** enum.verify, a class of Lib/enum.py's, and EnumCheck, a StrEnum whose members the module names too. */
it('makes EnumCheck and verify as CPython does', () => {
  expect(compareWithCPython([
    "import enum\nreturn repr(enum.EnumCheck.UNIQUE), repr(enum.verify), str(enum.CONTINUOUS), list(enum.EnumCheck), enum.UNIQUE is enum.EnumCheck.UNIQUE, repr(enum.NAMED_FLAGS), enum.EnumCheck('one name per value'), enum.UNIQUE == 'one name per value'",
    "import enum\nv = enum.verify(enum.UNIQUE, enum.CONTINUOUS)\nreturn v.checks, type(v).__name__, type(v).__module__, isinstance(enum.UNIQUE, str), enum.EnumCheck.__members__.keys()",
  ])).toEqual([]);
});

it('checks an enumeration for UNIQUE, CONTINUOUS and NAMED_FLAGS as CPython does', () => {
  expect(compareWithCPython([tried([
    'def a():\n  @verify(UNIQUE)\n  class C(Enum):\n    A = 1\n    B = 1\n    D = 2\n    E = 2\n  return C\nt(a)',
    'def b():\n  @verify(UNIQUE, CONTINUOUS)\n  class C(Enum):\n    A = 1\n    B = 2\n  return list(C)\nt(b)',
    'def c():\n  @verify(CONTINUOUS)\n  class C(IntEnum):\n    A = 1\n    B = 5\n    D = 9\n  return C\nt(c)',
    'def d():\n  @verify(CONTINUOUS)\n  class C(Flag):\n    A = 1\n    B = 8\n    D = 64\n  return C\nt(d)',
    'def e():\n  @verify(NAMED_FLAGS)\n  class C(Flag):\n    A = 1\n    B = 2\n    X = 12\n    Y = 7\n  return C\nt(e)',
    'def f():\n  @verify(NAMED_FLAGS)\n  class C(Flag):\n    A = 1\n    B = 2\n    X = 4|1\n  return C\nt(f)',
    'def g():\n  @verify(NAMED_FLAGS)\n  class C(Flag):\n    A = 1\n    X = 6\n    Y = 8\n    Z = 48\n  return C\nt(g)',
    'def h():\n  class K: pass\n  return verify(UNIQUE)(K)\nt(h)',
    't(lambda: verify(UNIQUE)(3))',
    'def j():\n  @verify(CONTINUOUS)\n  class C(Enum):\n    A = 0\n    B = 300\n  return C\nt(j)',
    "def k():\n  @verify(CONTINUOUS)\n  class C(Enum):\n    A = 'a'\n    B = 'b'\n  return C\nt(k)",
    "def l():\n  @verify()\n  class C(Enum):\n    A = 'a'\n  return C\nt(l)",
    'def m():\n  @verify(CONTINUOUS, 5)\n  class C(IntFlag):\n    A = 1\n    B = 4\n  return C\nt(m)',
  ].join('\n'))].map((s) => `from enum import Enum, verify, UNIQUE, CONTINUOUS, NAMED_FLAGS, Flag, IntFlag, IntEnum\n${s}`))).toEqual([]);
});

/** CONTINUOUS walks every integer between the lowest and highest value, as the Python's loop does: a step each. */
it('pays a step for each value CONTINUOUS looks for', () => {
  const source = 'from enum import Enum, verify, CONTINUOUS\n@verify(CONTINUOUS)\nclass C(Enum):\n  A = 0\n  B = 10**15\nreturn 1';
  // a cold first run may meet the clock first
  expect(evaluator(new Engine(), { source, data: {} }).error).toMatch(/^StepLimitError: condition exceeded its (time )?budget of /);
});
