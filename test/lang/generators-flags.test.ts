/**
 * Generators' attributes (__name__, __qualname__, gi_running, gi_suspended, gi_yieldfrom), the
 * library's generators (heapq.merge, difflib's) as CPython's generator objects, re.RegexFlag as
 * the IntFlag it is in CPython 3.11, and enum's functions' __module__, each against CPython.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

describe("a generator's names and state", () => {
  it('has __name__ and __qualname__, its function\'s, settable to a str', () => {
    expect(
      compareWithCPython([
        'def g():\n    yield 1\nx = g()\nreturn x.__name__, x.__qualname__',
        'class A:\n    def g(self):\n        yield 1\nx = A().g()\nreturn x.__name__, x.__qualname__',
        'x = (i for i in [1])\nreturn x.__name__, x.__qualname__',
        'f = lambda: (yield)\nx = f()\nreturn x.__name__, x.__qualname__',
        "def g():\n    yield 1\nx = g()\nx.__name__ = 'k'\nx.__qualname__ = 'q'\nreturn x.__name__, x.__qualname__, g.__name__, g.__qualname__, repr(x).startswith('<generator object q')",
        "def g():\n    yield 1\ng.__name__ = 'h'\ng.__qualname__ = 'A.h'\nx = g()\nreturn x.__name__, x.__qualname__",
        'def g():\n    yield 1\nx = g()\ndel x.__name__',
        'def g():\n    yield 1\nx = g()\nx.__qualname__ = 3',
        'def g():\n    yield 1\nx = g()\nx.gi_running = True',
        'def g():\n    yield 1\nx = g()\nx.foo = 1',
        'import enum\nclass F(enum.Flag):\n    A = 1\n    B = 2\nx = iter(F.A|F.B)\nreturn x.__name__, x.__qualname__, x.gi_running, x.gi_yieldfrom',
        'import enum\nclass F(enum.Enum):\n    A = 1\nx = iter(F)\nreturn x.__name__, x.__qualname__',
        'import calendar\nx = calendar.Calendar().itermonthdates(2020, 1)\nreturn x.__name__, x.__qualname__',
      ]),
    ).toEqual([]);
  });

  it('answers gi_running, gi_suspended and gi_yieldfrom as it runs', () => {
    expect(
      compareWithCPython([
        'def g():\n    yield 1\nx = g()\nreturn x.gi_running, x.gi_suspended, x.gi_yieldfrom',
        'def g():\n    yield x.gi_running, x.gi_suspended\nx = g()\nreturn next(x), x.gi_running, x.gi_suspended',
        'def g():\n    yield 1\nx = g()\nnext(x)\nlist(x)\nreturn x.gi_running, x.gi_suspended',
        'def g():\n    yield 1\nx = g()\nnext(x)\nx.close()\nreturn x.gi_suspended, x.gi_yieldfrom',
        'def h():\n    yield 5\n    yield 6\ndef g():\n    yield from h()\n    yield 7\nx = g()\nnext(x)\ny = x.gi_yieldfrom\nr = (type(y).__name__, y.__name__, y.gi_suspended)\nnext(x)\nnext(x)\nreturn r, x.gi_yieldfrom',
        'def g():\n    yield from [1, 2]\nx = g()\nnext(x)\nreturn type(x.gi_yieldfrom).__name__, next(x.gi_yieldfrom), list(x)',
        'def g():\n    r = yield from iter(range(3))\n    yield r\nx = g()\nnext(x)\nreturn type(x.gi_yieldfrom).__name__',
        'def h():\n    yield 1\ndef g():\n    yield from h()\nx = g()\nnext(x)\nx.close()\nreturn x.gi_yieldfrom',
        'def h():\n    yield 1\n    raise ValueError\ndef g():\n    try:\n        yield from h()\n    except ValueError:\n        yield x.gi_yieldfrom\nx = g()\nnext(x)\nreturn next(x)',
      ]),
    ).toEqual([]);
  });

  it('refuses gi_code and gi_frame as a function\'s __code__ is refused', () => {
    const engine = new Engine();
    expect(evaluator(engine, { source: 'def g():\n    yield 1\nreturn g().gi_code' }).error).toBe(
      "AttributeError: 'gi_code' is not available in conditions: code objects and cells are not built by the evaluator",
    );
    expect(evaluator(engine, { source: "def g():\n    yield 1\nreturn getattr(g, '__code__')" }).error).toBe(
      "AttributeError: '__code__' is not available in conditions: code objects and cells are not built by the evaluator",
    );
    expect(evaluator(engine, { source: 'def g():\n    yield 1\nreturn g().gi_frame' }).error).toBe(
      "AttributeError: 'gi_frame' is not available in conditions: frame objects are not built by the evaluator",
    );
  });
});
