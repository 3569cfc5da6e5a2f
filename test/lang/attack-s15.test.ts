/**
 * Defects an outside review found in the day's function attributes, bound methods and
 * functools.update_wrapper (attack session 15), each against CPython 3.11.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

describe('functools.update_wrapper and a bound method', () => {
  it("copies a def method's __module__ (its function's), and stores on a method as CPython does", () => {
    expect(
      compareWithCPython([
        'import functools\nclass A:\n    def m(self): pass\ndef g(): pass\nfunctools.update_wrapper(g, A().m)\nreturn g.__module__, g.__name__, g.__qualname__',
        'import functools\nclass A:\n    @classmethod\n    def c(cls): pass\n@functools.wraps(A.c)\ndef g(): pass\nreturn g.__module__',
        'import functools\ndef f(x: int): pass\nclass A:\n    def m(self): pass\nfunctools.update_wrapper(A().m, f)',
      ]),
    ).toEqual([]);
  });
});

describe("a module's class that is a PyType here but written in Python in CPython", () => {
  it('refuses a store as a shared class, where CPython would take it (not the TypeError of an immutable type)', () => {
    const engine = new Engine();
    for (const source of [
      "import contextlib\n@contextlib.contextmanager\ndef cm():\n    yield 1\ntype.__setattr__(type(cm()), 'x', 1)",
      "import calendar\ntype.__setattr__(type(calendar.day_name), 'x', 1)",
      'import calendar\ntype(calendar.month_name).x = 1',
    ]) {
      expect(evaluator(engine, { source }).error).toMatch(/^UnsupportedError: /);
    }
  });
});

describe("a builtin's or a module's function's __qualname__", () => {
  it('is its name, as CPython answers it (an AttributeError before)', () => {
    expect(
      compareWithCPython([
        'return print.__qualname__, len.__qualname__, sorted.__qualname__',
        'import json, math, re, operator\nreturn json.dumps.__qualname__, math.sqrt.__qualname__, re.sub.__qualname__, operator.add.__qualname__',
        'class A:\n    def m(self): return 1\nM = type(A().m)\nimport json\nreturn M(print, 5).__qualname__, M(json.dumps, 5).__qualname__',
      ]),
    ).toEqual([]);
  });
});

describe("dir() of a partial", () => {
  it('lists what is set on it (its __dict__), as object.__dir__ does', () => {
    expect(
      compareWithCPython([
        'import functools\np = functools.partial(print, 1)\np.z = 3\nreturn dir(p)[-4:]',
        "import functools\np = functools.partial(print, 1)\np.__dict__ = {1: 2, 'a': 3}\nreturn dir(p)",
        'import functools\np = functools.partial(print, 1)\nd = dir(p)\nq = functools.partial(p, 2)\nreturn q.func is p, q.args, d[-3:]',
      ]),
    ).toEqual([]);
  });
});

describe("the __module__ and __doc__ of a def of CPython's library", () => {
  it("answers the module it was defined in (it was None for every module's function of type 'function')", () => {
    expect(
      compareWithCPython([
        'import functools, textwrap, copy, heapq\nreturn functools.wraps.__module__, textwrap.dedent.__module__, copy.deepcopy.__module__, heapq.nlargest.__module__',
        'import calendar, enum, string\nreturn calendar.Calendar.iterweekdays.__module__, calendar.Calendar().iterweekdays.__module__, enum.Enum._missing_.__func__.__module__, string.Template.substitute.__module__',
        'import functools, textwrap\ndef g(): pass\nfunctools.update_wrapper(g, textwrap.dedent, assigned=("__module__", "__name__"))\nreturn g.__module__, g.__name__',
      ]),
    ).toEqual([]);
  });

  it('refuses its __doc__, which CPython has and the evaluator does not carry (it was None)', () => {
    const engine = new Engine();
    for (const source of ['import functools\nreturn functools.wraps.__doc__', 'import calendar\nreturn calendar.Calendar.iterweekdays.__doc__', 'import difflib\nreturn difflib.SequenceMatcher.ratio.__doc__']) {
      expect(evaluator(engine, { source }).error).toMatch(/^UnsupportedError: /);
    }
  });
});

describe('functools.lru_cache and update_wrapper over a builtin', () => {
  it("wraps len, whose docstring the evaluator does not carry (lru_cache(len) was refused outright)", () => {
    expect(
      compareWithCPython([
        "import functools\nreturn type(functools.lru_cache(len)).__name__, functools.lru_cache(len)('abc'), functools.lru_cache(len).__name__",
        'import functools\nf = functools.cache(len)\nf([1]) if False else f("ab")\nreturn f.cache_info()',
        "import functools, json\ndef g(): 'mine'\nfunctools.update_wrapper(g, json.dumps)\nreturn g.__name__, g.__wrapped__ is json.dumps",
        "import functools\n@functools.wraps(len)\ndef g(x): return 1\ng.__doc__ = 'set'\nreturn g.__doc__, g.__name__",
      ]),
    ).toEqual([]);
  });

  it("refuses the wrapper's __doc__, CPython's docstring, when read", () => {
    const engine = new Engine();
    for (const source of ['import functools\nreturn functools.lru_cache(len).__doc__', "import functools, json\ndef g(): 'mine'\nfunctools.update_wrapper(g, json.dumps)\nreturn g.__doc__", 'import functools\nclass W: pass\nfunctools.update_wrapper(W(), len)']) {
      expect(evaluator(engine, { source }).error).toMatch(/^UnsupportedError: /);
    }
  });
});

describe("a class's __mro__", () => {
  it('is read-only, as type_members has it (a store was taken silently into the namespace)', () => {
    expect(
      compareWithCPython([
        "class A: pass\ntype.__setattr__(A, '__mro__', ())",
        'class A: pass\nA.__mro__ = ()',
        "class A: pass\nsetattr(A, '__mro__', (int,))",
        "class A: pass\ntype.__delattr__(A, '__mro__')",
        "class A: pass\ntry:\n    A.__mro__ = ()\nexcept AttributeError:\n    pass\nreturn A.__mro__, '__mro__' in vars(A)",
      ]),
    ).toEqual([]);
  });
});

describe("__defaults__ of CPython's library functions", () => {
  it('is refused, where it was None (calendar.Calendar.__init__ has (0,) in CPython) or an AttributeError (json.dumps)', () => {
    const engine = new Engine();
    for (const source of [
      'import calendar\nreturn calendar.Calendar.__init__.__defaults__',
      'import calendar\nreturn calendar.TextCalendar().formatmonth.__defaults__',
      'import functools\nreturn functools.wraps.__defaults__',
      'import json\nreturn json.dumps.__kwdefaults__',
    ]) {
      expect(evaluator(engine, { source }).error).toMatch(/^UnsupportedError: /);
    }
    expect(compareWithCPython(['class A:\n    def m(self, x=1): pass\nreturn A.m.__defaults__, A().m.__defaults__', 'import functools\n@functools.wraps(len)\ndef f(a, b=1): pass\nreturn f.__defaults__'], engine)).toEqual([]);
  });
});

describe("update_wrapper's __dict__ merge", () => {
  it("updates the wrapper's __dict__ itself, past its __setattr__ and properties, as dict.update does", () => {
    expect(
      compareWithCPython([
        "import functools\nclass W:\n    def __setattr__(self, n, v):\n        raise ValueError(n)\ndef f(): pass\nf.a = 1\nw = W()\ntry:\n    functools.update_wrapper(w, f, assigned=(), updated=('__dict__',))\nexcept ValueError as e:\n    return 'VE', str(e), vars(w)",
        "import functools\nclass W:\n    pass\nw = W()\nw.a = 1\nclass V:\n    @property\n    def a(self): return 5\nv = V()\nfunctools.update_wrapper(v, w, assigned=(), updated=('__dict__',))\nreturn sorted(vars(v)), v.a",
        // a hook that stores into the dict being merged: it looped till the budget ended the run
        "import functools\np = functools.partial(print)\np.a = 1\nclass W:\n    def __setattr__(self, n, v):\n        p.__dict__[n + 'x'] = v\nw = W()\nfunctools.update_wrapper(w, p, assigned=(), updated=('__dict__',))\nreturn sorted(p.__dict__)",
        // a def's method: its function's __dict__ takes the merge, then __wrapped__ fails on the method
        "import functools\ndef f(x: int): pass\nf.q = 1\nclass A:\n    def m(self): pass\ntry:\n    functools.update_wrapper(A().m, f, assigned=(), updated=('__dict__',))\nexcept AttributeError as e:\n    return str(e), A.m.__dict__",
        "import functools\ndef f(): pass\nf.a = 1\nfunctools.update_wrapper(5, f, assigned=())",
      ]),
    ).toEqual([]);
  });
});

describe("a partial's __name__, __doc__ and __module__", () => {
  it("are its __dict__'s where set (update_wrapper sets them), else CPython's: no __name__, the type's module", () => {
    expect(
      compareWithCPython([
        'import functools\nreturn functools.partial(print).__name__',
        "import functools\np = functools.partial(print)\np.__name__ = 'q'\np.__doc__ = 'd'\nreturn p.__name__, p.__doc__, p.__module__",
        "import functools\np = functools.partial(print, 1)\np.__module__ = 'm'\nreturn p.__module__, vars(p)",
        "import functools\np = functools.partial(print)\ndef f(): 'doc'\nf.a = 1\nfunctools.update_wrapper(p, f)\nreturn list(p.__dict__), p.__name__, p.__doc__, p.__qualname__",
      ]),
    ).toEqual([]);
  });
});

describe('close() and throw() of a generator the library makes', () => {
  it("end a Flag's and calendar's iteration as CPython's do (an internal error: the JS array iterator has no throw)", () => {
    const cases = [
      'import enum\nclass F(enum.Flag):\n    A = 1\n    B = 2\ng = iter(F.A | F.B)\nnext(g)\ng.close()\nreturn list(g)',
      "import enum\nclass F(enum.Flag):\n    A = 1\n    B = 2\ng = iter(F.A | F.B)\nnext(g)\ntry:\n    g.throw(KeyError('k'))\nexcept KeyError:\n    return 'k', list(g)",
      'import enum\nclass E(enum.Enum):\n    A = 1\n    B = 2\ng = iter(E)\nnext(g)\ng.close()\nreturn list(g)',
      'import calendar\ng = calendar.Calendar().itermonthdays(2024, 2)\nnext(g)\ng.close()\nreturn list(g)',
      "import calendar\ng = calendar.Calendar(3).itermonthdays(2024, 2)\nfor i in range(5): next(g)\ntry:\n    g.throw(KeyError('k'))\nexcept KeyError:\n    return 'k', list(g)",
    ];
    expect(compareWithCPython(cases)).toEqual([]);
  });
});

describe('update_wrapper onto a module function, with only __doc__ assigned', () => {
  it('is refused before it marks the shared function, whose refusal the next run reads the same', () => {
    const engine = new Engine();
    const read = 'import enum\nreturn enum.Enum._missing_.__func__.__doc__';
    const before = evaluator(engine, { source: read }).error;
    expect(evaluator(engine, { source: "import functools, enum\nfunctools.update_wrapper(enum.Enum._missing_.__func__, len, assigned=('__doc__',), updated=())" }).error).toMatch(/^UnsupportedError: cannot set/);
    expect(evaluator(engine, { source: read }).error).toBe(before);
  });
});
