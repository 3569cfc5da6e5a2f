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
      "UnsupportedError: 'gi_code' is not available in conditions: code objects and cells are not built by the evaluator",
    );
    expect(evaluator(engine, { source: "def g():\n    yield 1\nreturn getattr(g, '__code__')" }).error).toBe(
      "UnsupportedError: '__code__' is not available in conditions: code objects and cells are not built by the evaluator",
    );
    // every generator has them: hasattr is refused too, where it would answer False
    expect(evaluator(engine, { source: "def g():\n    yield 1\nreturn hasattr(g(), 'gi_code')" }).error).toMatch(/^UnsupportedError: 'gi_code' is not available/);
    expect(evaluator(engine, { source: 'def g():\n    yield 1\nreturn g().gi_frame' }).error).toBe(
      "UnsupportedError: 'gi_frame' is not available in conditions: frame objects are not built by the evaluator",
    );
  });
});

describe("the library's generators", () => {
  it('heapq.merge is a generator with send, throw and close', () => {
    expect(
      compareWithCPython([
        "import heapq\ng = heapq.merge([1, 3], [2])\nreturn type(g).__name__, [n for n in ['close', 'throw', 'send', 'gi_running', 'gi_suspended', 'gi_yieldfrom', '__name__', '__qualname__'] if hasattr(g, n)]",
        'import heapq\ng = heapq.merge([1, 3], [2])\nreturn g.__name__, g.__qualname__, g.gi_running, g.gi_suspended, g.gi_yieldfrom',
        "import heapq\ng = heapq.merge([1, 3], [2])\na = next(g)\ng.close()\ntry:\n    next(g)\nexcept StopIteration as e:\n    return a, 'stop', e.args, g.gi_suspended",
        "import heapq\ng = heapq.merge([1, 3], [2])\na = next(g)\ntry:\n    g.throw(ValueError)\nexcept ValueError as e:\n    return a, 'VE', repr(e), list(g)",
        'import heapq\ng = heapq.merge([1, 3], [2])\nreturn g.send(None), next(g), g.gi_suspended, g.gi_running',
        'import heapq\ng = heapq.merge([1, 3], [2])\ng.send(1)',
        'import heapq\ng = heapq.merge([1, 3], [2])\ng.close()\nreturn list(g)',
        'import heapq\ng = heapq.merge([1, 3], [2], key=lambda v: -v, reverse=True)\nreturn next(g), g.throw(StopIteration)',
        'import heapq\ng = heapq.merge([1, 3], [2])\nreturn next(g), g.throw(StopIteration), list(g)',
        'import heapq\ng = heapq.merge([1, 3, 5], [2])\nr = [next(g), next(g), next(g)]\nreturn r, type(g.gi_yieldfrom).__name__, list(g), g.gi_yieldfrom',
        'import heapq\ndef inner():\n    x = yield 3\n    yield x\ng = heapq.merge([1], inner())\nreturn next(g), next(g), g.gi_yieldfrom.__name__, g.send(9)',
        'import heapq\ng = heapq.merge([1], iter([2, 3]))\nnext(g)\nnext(g)\ng.throw(KeyError)',
      ]),
    ).toEqual([]);
  });

  it("difflib's generators are generators, named as CPython's", () => {
    expect(
      compareWithCPython([
        "import difflib\ngs = [difflib.unified_diff(['a'], ['b']), difflib.context_diff(['a'], ['b']), difflib.ndiff(['a'], ['b']), difflib.restore(difflib.ndiff(['a'], ['b']), 1), difflib.SequenceMatcher(None, 'ab', 'ac').get_grouped_opcodes(), difflib.Differ().compare(['a'], ['b'])]\nreturn [(type(g).__name__, g.__name__, g.__qualname__, g.gi_suspended, g.gi_yieldfrom) for g in gs]",
        "import difflib\ng = difflib.unified_diff(['a'], ['b'])\na = next(g)\ng.close()\nreturn a, list(g), g.gi_running, g.gi_suspended",
        "import difflib\ng = difflib.ndiff(['a'], ['b'])\na = next(g)\ntry:\n    g.throw(ValueError('x'))\nexcept ValueError as e:\n    return a, repr(e), list(g)",
        "import difflib\ng = difflib.context_diff(['a', 'b'], ['a', 'c'])\nreturn next(g), g.send(None), g.close(), list(g)",
        "import difflib\ng = difflib.restore(['- a', '+ b', '  c'], 2)\nreturn next(g), g.throw(KeyError, 'k') if False else next(g), list(g)",
        "import difflib\ng = difflib.restore(['- a'], 3)\ng.close()\nreturn list(g)",
        "import difflib\ng = difflib.restore(['- a'], 3)\nnext(g)",
        'import dataclasses\nclass L(list):\n    def __init__(self, g):\n        self.t = type(g).__name__, g.__name__, g.__qualname__\n        super().__init__(g)\n@dataclasses.dataclass\nclass D:\n    x: object\nreturn dataclasses.astuple(D(L([1])))[0].t, dataclasses.asdict(D(L([1])))["x"].t',
        "import difflib\ng = difflib.SequenceMatcher(None, 'abcdefghij', 'abXdefghiY').get_grouped_opcodes(1)\nfirst = next(g)\ntry:\n    g.throw(TypeError)\nexcept TypeError:\n    return first, list(g)",
      ]),
    ).toEqual([]);
  });
});

describe("enum's functions", () => {
  it("are enum's, as their __module__ says (Flag's were None)", () => {
    expect(
      compareWithCPython([
        'import enum\nreturn enum.Flag.__or__.__module__, enum.Flag.__or__.__qualname__, enum.Enum.__repr__.__module__, enum.Enum.__repr__.__qualname__',
        "import enum\nreturn [(n, getattr(enum.Flag, n).__module__, getattr(enum.Flag, n).__qualname__) for n in ['__or__', '__and__', '__xor__', '__invert__', '__contains__', '__iter__', '__len__', '__bool__', '__str__', '_missing_', '_generate_next_value_', '__init__', '__new__', '__ror__', '__rand__', '__rxor__']]",
        "import enum\nreturn [(n, getattr(enum.IntFlag, n).__module__, getattr(enum.IntFlag, n).__qualname__) for n in ['__or__', '__and__', '__xor__', '__invert__', '__ror__', '__contains__', '_missing_']]",
        "import enum\nreturn [(n, getattr(enum.Enum, n).__module__, getattr(enum.Enum, n).__qualname__) for n in ['__repr__', '__str__', '_missing_', '__format__', '_generate_next_value_', '__init__', '__new__', '__hash__']]",
        "import enum\nclass F(enum.Flag):\n    A = 1\nreturn F.__or__.__module__, F.A.__or__.__module__, F.A.__or__.__func__.__module__",
        "import enum\nreturn [(n, getattr(enum.Flag, n).__module__, getattr(enum.Flag, n).__qualname__) for n in ['__repr__', '_iter_member_', '_iter_member_by_value_', '_iter_member_by_def_']], enum.IntFlag.__repr__.__qualname__",
        "import enum\nclass F(enum.Flag):\n    A = 1\n    B = 2\n    C = 4\ng = F._iter_member_(5)\nreturn type(g).__name__, g.__qualname__, list(g), list(F._iter_member_by_def_(7)), list(F._iter_member_by_value_(2)), repr(F.A|F.C), repr(F(0)), enum.Flag.__repr__(F.B)",
        // definition order apart from value order: _by_def_ sorts by _sort_order_, _by_value_ does not
        "import enum\nclass F(enum.Flag):\n    C = 4\n    A = 1\n    B = 2\nreturn list(F._iter_member_by_def_(7)), list(F._iter_member_by_value_(7)), list(F._iter_member_(7)), list(F(7))",
        "import enum\nreturn [getattr(enum.Flag, n).__doc__ for n in ['__or__', '__and__', '__xor__', '__invert__', '__len__', '__bool__', '__repr__', '__str__']], enum.IntFlag.__or__.__doc__",
        "import enum\nclass P(enum.IntFlag):\n    X = 1\n    Y = 2\nreturn repr(P.X|P.Y), repr(P(8)), list(P._iter_member_(3))",
      ]),
    ).toEqual([]);
  });
});

describe('re.RegexFlag, an IntFlag as in CPython 3.11', () => {
  it("iterates, counts and holds its members, as Flag's methods do", () => {
    expect(
      compareWithCPython([
        'import re\nreturn list(re.I | re.M)',
        'import re\nreturn len(re.I|re.M), re.I in (re.I|re.M), list(re.RegexFlag), len(re.RegexFlag)',
        'import re\nreturn list(re.A|re.I|re.S), [m.name for m in re.X|re.T], type(iter(re.I)).__name__, iter(re.I).__qualname__',
        'import re\nreturn len(re.NOFLAG), list(re.NOFLAG), re.NOFLAG.name, len(re.I|0x1000), list(re.I|0x1000)',
        'import re\nreturn re.NOFLAG in re.I, (re.I|re.M) in re.I, re.I in re.I, re.M in re.RegexFlag(10)',
        'import re\nreturn 2 in re.I',
        'import re\nreturn True in re.I',
        'import re\ng = iter(re.I|re.M)\nreturn next(g), g.close(), list(g)',
        'import re\nreturn sorted(re.S|re.I), max(re.I|re.M|re.U), sum(re.I|re.M), [int(f) for f in re.RegexFlag(511)]',
      ]),
    ).toEqual([]);
  });

  it('has the class attributes Flag gives it: _flag_mask_, _singles_mask_, _all_bits_, _boundary_, _inverted_', () => {
    expect(
      compareWithCPython([
        'import re\nreturn re.RegexFlag._flag_mask_, re.RegexFlag._singles_mask_, re.RegexFlag._all_bits_, re.RegexFlag._boundary_',
        'import re\nreturn re.I._flag_mask_, re.I._singles_mask_, re.I._all_bits_, re.I._boundary_, re.I._inverted_, re.RegexFlag._inverted_, (re.I|re.M)._inverted_',
      ]),
    ).toEqual([]);
  });

  it('names, prints and inverts a value as CPython does', () => {
    expect(
      compareWithCPython([
        'import re\nreturn ~re.I, repr(re.I|re.M), re.RegexFlag(0), re.I.name, (re.I|re.M).name, str(re.I|re.M)',
        'import re\nreturn re.RegexFlag(0x1000).name, repr(re.RegexFlag(0x1000)), ~(re.I|0x1000), (re.I|0x1000).name, repr(re.I|0x1000)',
        'import re\nreturn ~re.NOFLAG, ~re.RegexFlag(511), ~re.RegexFlag(0x1000), ~~re.I, ~(re.RegexFlag(1 << 40) | re.S)',
        'import re\nreturn [~re.RegexFlag(v) for v in (1, 3, 255, 256, 600, 1023, 1024)]',
        // _missing_ makes a negative value positive: within 2 ** bit_length past ~_all_bits_, then by _all_bits_ + 1
        'import re\nreturn [repr(re.RegexFlag(v)) for v in (-1, -3, -511, -512, -513, -1000, -2**40)], re.RegexFlag(-1) == 511',
      ]),
    ).toEqual([]);
  });
});
