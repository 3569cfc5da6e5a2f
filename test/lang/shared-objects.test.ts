/**
 * The modules' classes and functions, and the builtins, are shared by every condition a worker
 * runs: a store on one would carry state from one condition into the next. Where CPython 3.11
 * refuses the store too, the answer is CPython's, word for word; where CPython would have made
 * it (a class or function its library writes in Python, an enum member), it is refused with an
 * UnsupportedError no `except` catches (README, "Not available").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { BUILTINS } from '../../src/lang/runtime/builtins.js';
import { MODULES } from '../../src/lang/runtime/modules.js';
import { PerRun } from '../../src/lang/runtime/per-run.js';
import { cpython, cpythonInBackground, evaluator } from '../support/cpython.js';
import { post, startServer, type Server } from '../support/server.js';

const REFUSAL = /^UnsupportedError: cannot set '[^']+': (the modules' classes and functions|re's flags|modules) are read-only in the evaluator \(they are shared by every condition\)$/;

/** Every attribute of every module, and every builtin: `obj.x = 1` and `del obj.x` (the dialect has no setattr). */
function stores(): string[] {
  const objects = [...[...MODULES].flatMap(([m, mod]) => [...mod.attrs.keys()].map((a) => [`import ${m}\n`, `${m}.${a}`])), ...[...BUILTINS.keys()].map((b) => ['', b])];
  return objects.flatMap(([head, obj]) => [`${head}${obj}.x = 1\nreturn 1`, `${head}del ${obj}.x\nreturn 1`]);
}

/** The stores on a module attribute made anew for each run (per-run.ts: calendar.c, calendar.mdays): not shared, so CPython's answer. */
const PER_RUN = new Set([...MODULES].flatMap(([m, mod]) => [...mod.attrs].filter(([, v]) => v instanceof PerRun).flatMap(([a]) => [`import ${m}\n${m}.${a}.x = 1\nreturn 1`, `import ${m}\ndel ${m}.${a}.x\nreturn 1`])));

describe('a store on a shared object', () => {
  it("answers CPython's error where CPython refuses it, and refuses it where CPython would have made it", async () => {
    expect(PER_RUN.size).toBeGreaterThanOrEqual(4);
    const sources = stores();
    // the oracle runs the table in one process: a per-run object's store would be seen by the next case, so each
    // is run alone, in processes of their own started at once (one after another, they outlasted the test's time)
    const alone = new Map([...PER_RUN].map((source) => [source, cpythonInBackground([{ source }])[0]] as const));
    const expected = cpython(sources.map((source) => ({ source })));
    const aloneAnswers = new Map(await Promise.all([...alone].map(async ([source, answer]) => [source, await answer] as const)));
    const engine = new Engine();
    const wrong = sources.flatMap((source, i) => {
      const got = evaluator(engine, { source });
      const want = aloneAnswers.get(source) ?? expected[i];
      // CPython stored it: a refusal. (A delete of what was never set is CPython's AttributeError;
      // a shared object refuses every delete, as a module does, since a delete of what is there would change it.)
      const madeByCPython = want.repr === '1' || (source.includes('\ndel ') && /^AttributeError: (type object '\w+'|'(function|RegexFlag)' object) has no attribute 'x'$/.test(want.error ?? ''));
      if (madeByCPython && !PER_RUN.has(source)) return REFUSAL.test(got.error ?? '') ? [] : [`${JSON.stringify(source)}: got ${JSON.stringify(got)}, CPython stored it`];
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${JSON.stringify(source)}: got ${JSON.stringify(got)}, CPython ${JSON.stringify(want)}`];
    });
    expect(wrong).toEqual([]);
  });

  it.each([
    'import collections\ncollections.Counter.x = 1',
    'import re\ntry:\n    re.error.x = 1\nexcept BaseException:\n    return 1',
    'import json\ntry:\n    json.JSONDecodeError.x = 1\nexcept TypeError:\n    return 1',
    'from re import error as E\nE.x = 1',
    'import re\ntype(re.I).x = 1',
    'import re\n(re.I | re.M).x = 1',
    'import statistics\nfor f in [statistics.mean]:\n    f.cache = {}',
  ])('is a refusal no except catches: %j', (source) => {
    expect(evaluator(new Engine(), { source }).error).toMatch(REFUSAL);
  });

  // functions of the modules' classes that no table names (a classmethod's or staticmethod's function, a property's getter,
  // Flag's operators): CPython's functions take these stores, which here went on to every later condition
  it.each([
    ["import enum\nenum.Enum._missing_.__func__.__wrapped__ = 1", "import enum\nreturn not hasattr(enum.Enum._missing_.__func__, '__wrapped__')"],
    ["import enum\nenum.Flag.__or__.__wrapped__ = 2", "import enum\nreturn not hasattr(enum.Flag.__or__, '__wrapped__')"],
    ["import enum\nclass C(enum.IntFlag):\n    A = 1\ntype(C.A).__or__.__wrapped__ = 9", "import enum\nreturn not hasattr(enum.IntFlag.__or__, '__wrapped__')"],
    ["import uuid\nuuid.UUID.hex.fget.__wrapped__ = 3", "import uuid\nreturn not hasattr(uuid.UUID.hex.fget, '__wrapped__')"],
    ["import enum\nenum.Enum._generate_next_value_.__wrapped__ = 5", "import enum\nreturn not hasattr(enum.Enum._generate_next_value_, '__wrapped__')"],
    ["import functools, enum\nfunctools.update_wrapper(enum.Enum._missing_.__func__, lambda: 1)", "import enum\nreturn enum.Enum._missing_.__func__.__name__ == '_missing_'"],
    ["import enum\nenum.Enum._missing_.__func__.__name__ = 'zz'", "import enum\nreturn enum.Enum._missing_.__func__.__name__ == '_missing_'"],
    ["import enum\nenum.Flag.__or__.__doc__ = 'doc'", "import enum\nreturn enum.Flag.__or__.__doc__ is None"],
    ["import enum\nenum.Flag.__or__.__module__ = 'm'", "import enum\nreturn enum.Flag.__or__.__module__ != 'm'"],
    ["import enum\nenum.Flag.__or__.__annotations__ = {'a': 1}", "import enum\nreturn enum.Flag.__or__.__annotations__ == {}"],
  ])('refuses a store on a module class\'s function, and the next run reads it unchanged: %j', (store, read) => {
    const engine = new Engine();
    expect(evaluator(engine, { source: `${store}\nreturn 1` }).error).toMatch(REFUSAL);
    expect(evaluator(engine, { source: read }).repr).toBe('True');
    expect(evaluator(new Engine(), { source: read }).repr).toBe('True');
  });

  // a module's function's __annotations__ is a dict a condition may fill: made anew for each run, as each run is a process of its own in CPython
  it.each([
    ["import enum\nenum.unique.__annotations__['k'] = 1", "import enum\nreturn enum.unique.__annotations__ == {}"],
    ["import uuid\nuuid.UUID.hex.fget.__annotations__['k'] = 1", "import uuid\nreturn uuid.UUID.hex.fget.__annotations__ == {}"],
    ["import enum\nenum.Flag.__or__.__annotations__['x'] = 1", "import enum\nreturn enum.Flag.__or__.__annotations__ == {}"],
    // a module class's pseudo-member, which _missing_ keeps for the rest of the run only
    ["import enum\nx = enum.IntFlag._missing_(6)\nx.owner = log\nx._name_ = 'Z'\nassert enum.IntFlag(6) is x", "import enum\nx = enum.IntFlag._missing_(6)\nreturn not hasattr(x, 'owner') and x._name_ is None"],
    // re.RegexFlag's _member_names_, a list the run may change, and see changed for the rest of it
    ["import re\nre.RegexFlag._member_names_.append(log)\nassert re.RegexFlag._member_names_[-1] is log", "import re\nreturn len(re.RegexFlag._member_names_) == 9"],
  ])('keeps what a run puts in a module function\'s __annotations__ or a module class\'s pseudo-member to that run: %j', (store, read) => {
    const engine = new Engine();
    expect(evaluator(engine, { source: `${store}\nreturn 1` }).repr).toBe('1');
    expect(evaluator(engine, { source: read }).repr).toBe('True');
  });

  // a condition's own def and lambda take them, each made anew in its run
  it('keeps a store on the condition\'s own def within its run', () => {
    const engine = new Engine();
    const source = "import functools\ndef f():\n    pass\ng = lambda: 0\nf.__wrapped__ = g\nfunctools.update_wrapper(g, f)\nf.__doc__ = 'd'\nreturn f.__wrapped__ is g, g.__name__, f.__doc__, hasattr(g, '__wrapped__')";
    expect(evaluator(engine, { source }).repr).toBe("(True, 'f', 'd', True)");
    expect(evaluator(engine, { source: 'def f():\n    pass\nreturn hasattr(f, "__wrapped__"), f.__doc__' }).repr).toBe('(False, None)');
  });

  it("keeps CPython's TypeError where CPython's type is immutable", () => {
    const sources = ['int.x = 1', 'import datetime\ndatetime.datetime.x = 1', 'import collections\ntry:\n    collections.OrderedDict.x = 1\nexcept TypeError as e:\n    return str(e)', 'import itertools\nitertools.islice.x = 1', 'zip.x = 1', 'KeyError.x = 1'];
    const engine = new Engine();
    expect(sources.map((source) => evaluator(engine, { source }))).toEqual(cpython(sources.map((source) => ({ source }))));
  });
});

describe('no state leaks between requests', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const payload = (text: string) => ({ payload: { log: { Text: 'x' }, conditions: [{ type: 'Standard', numeration: 0, text }], context: {}, trueConditions: [], logProcessingTime: 0, stateTime: 0 } });

  it('a refused store leaves nothing for the next request to read', async () => {
    // with two workers each request may land on either: every store is tried on both, a few times
    for (let i = 0; i < 6; i++) {
      const store = await post(server, '/eval', payload('import collections, re\ntry:\n    collections.Counter.x = 1\nexcept BaseException:\n    pass\nreturn True'));
      expect(store.json.error).toMatch(/^UnsupportedError: cannot set 'collections\.Counter\.x'/);
      const flag = await post(server, '/eval', payload('import re\nre.I.x = 1\nreturn True'));
      expect(flag.json.error).toMatch(REFUSAL);
      const read = await post(server, '/eval', payload("import collections, re\nreturn not hasattr(collections.Counter, 'x') and not hasattr(re.I, 'x')"));
      expect(read.json).toEqual({ context: {}, trueConditions: [0] });
    }
  });
});
