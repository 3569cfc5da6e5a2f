import { describe, expect, it } from 'vitest';
import { ConditionError, Engine, parseJson, PyDict, type Program, type Py } from '../../src/lang/index.js';
import { repr } from '../../src/lang/runtime/repr.js';
import { cpython, evaluator } from '../support/cpython.js';

/**
 * A condition may change its log and its data; neither change may reach the next
 * condition (data only through a true condition's JSON round trip), nor the next request.
 */
describe('isolation between runs', () => {
  const engine = new Engine();
  const run = (source: string, log: PyDict, data: unknown = parseJson('{}')) => {
    const p = engine.compile(source, 'standard') as Program;
    return engine.runStandard(p, log, log.m.get('Text') as string, data);
  };

  it.each([
    "log['Text'] = 'changed'\nreturn True",
    "log.pop('Text')\nreturn True",
    "log.clear()\nreturn True",
    "log.update({'Text': 'changed'})\nreturn True",
    "del log['Text']\nreturn True",
    "l = log\nl['Text'] = 'changed'\nreturn True",
    "f = lambda d: d.clear()\nf(log)\nreturn True",
    "log.setdefault('New', 1)\nreturn True",
    "[log][0]['Text'] = 'changed'\nreturn True",
    "global data\ndata = log\ndata['Text'] = 'changed'\nreturn False",
    "log['Nested']['k'] = 'changed'\nreturn True",
    "log.get('Nested')['k'] = 'changed'\nreturn True",
    "for v in log.values():\n    if isinstance(v, dict):\n        v['k'] = 'changed'\nreturn True",
    "return (lambda len: len(log))(lambda d: d.clear())",
    "return [len(log) for len in [lambda d: d.clear()]]",
    "try:\n    1 / 0\nexcept ZeroDivisionError as len:\n    len = lambda d: d.clear()\nreturn len(log)",
  ])('keeps the log as it was after %j', (source) => {
    for (const body of ['{"Text": "original", "Thread": "T"}', '{"Text": "original", "Nested": {"k": "v"}}']) {
      const log = parseJson(body) as PyDict;
      try {
        run(source, log);
      } catch {
        // a KeyError on the flat log is fine: only what the log holds afterwards matters
      }
      expect(repr(log)).toBe(repr(parseJson(body)));
      expect(run("return log['Text']", log).value).toBe('original');
    }
  });

  it.each([
    "data['Thread'] = 'changed'\nreturn False",
    "data.pop('Thread')\nreturn False",
    "data.clear()\nreturn False",
    "data.update({'Thread': 'changed'})\nreturn False",
    "data.setdefault('New', 1)\nreturn False",
    "del data['Thread']\nreturn False",
    "d = data\nd['Thread'] = 'changed'\nreturn False",
    "[data][0]['Thread'] = 'changed'\nreturn False",
    "(lambda: data.clear())()\nreturn False",
    "[data.clear() for _ in [1]]\nreturn False",
    "return (lambda len: len(data))(lambda d: d.clear()) and False",
    "global data\ndata.clear()\nreturn False",
    "data['Nested']['k'] = 'changed'\nreturn False",
    "data.get('Nested')['k'] = 'changed'\nreturn False",
    "data['Thread'] = 'changed'\nreturn 1 / 0",
    "return data.get('Thread') == 'T'",
    "return data",
  ])('keeps data as it was after %j', (source) => {
    const log = parseJson('{"Text": "x"}') as PyDict;
    for (const body of ['{"Thread": "T", "n": 1}', '{"Thread": "T", "Nested": {"k": "v"}}']) {
      const data = parseJson(body);
      let after: unknown = data;
      try {
        const r = run(source, log, data);
        if (r.truthy) after = r.data;
      } catch {
        // a KeyError on the flat data is fine: only what data holds afterwards matters
      }
      expect(repr(data)).toBe(repr(parseJson(body)));
      // a true condition's data is a copy, or data itself when the condition only read it
      if (after !== data) expect(repr(after)).toBe(repr(data));
      expect(run("return data.get('Thread')", log, data).value).toBe('T');
    }
  });

  it('keeps data unchanged after a false condition and after an error', () => {
    const log = parseJson('{"Text": "x"}') as PyDict;
    const data = parseJson('{"n": 1, "l": [1]}');
    expect(run("data['n'] = 2\ndata['l'].append(2)\nreturn False", log, data).data).toBe(data);
    expect(() => run("data['n'] = 2\ndata['l'].append(2)\nreturn 1 / 0", log, data)).toThrow();
    expect(repr(data)).toBe("{'n': 1, 'l': [1]}");
  });

  it('gives a true condition a fresh copy of data, shared with nothing', () => {
    const log = parseJson('{"Text": "x"}') as PyDict;
    const data = parseJson('{"l": [1]}');
    const after = run("data['l'].append(2)\nreturn True", log, data).data;
    expect(repr(after)).toBe("{'l': [1, 2]}");
    expect(repr(data)).toBe("{'l': [1]}");
  });

  it('forgets globals and locals between runs', () => {
    const log = parseJson('{"Text": "x"}') as PyDict;
    expect(run('global seen\nseen = 1\nreturn True', log).truthy).toBe(true);
    const p = engine.compile("global seen\ntry:\n    return seen\nexcept NameError:\n    return 'unset'", 'standard') as Program;
    expect(engine.runStandard(p, log, 'x', parseJson('{}')).value).toBe('unset');
    const q = engine.compile("if text == 'first':\n    x = 1\ntry:\n    return x\nexcept NameError:\n    return 'unbound'", 'standard') as Program;
    expect(engine.runStandard(q, log, 'first', parseJson('{}')).value).toBe(1);
    expect(engine.runStandard(q, log, 'second', parseJson('{}')).value).toBe('unbound');
  });
});

/**
 * Conditions that change log or data (most then are false or raise) through a path the
 * engine once took for a read: lambda defaults (also keyword-only, nested), format specs (also
 * nested f-strings), augmented assignment, aliases, containers, exceptions, iterators.
 * Each must leave both exactly as they were for the next condition.
 */
describe('isolation from conditions that hide a change', () => {
  const LOG = '{"Text": "original", "Thread": "T"}';
  const DATA = '{"Thread": "T", "n": 1}';
  const NEXT = "return [log['Thread'], len(log), data.get('n'), len(data)]";
  const engine = new Engine();
  const run = (source: string, log: PyDict, data: Py) => engine.runStandard(engine.compile(source, 'standard') as Program, log, 'original', data);

  it.each([
    "f = lambda x=log.update(Thread='p'): 0",
    "f'{1:{data.update(leak=1) or \"\"}}'",
    "log |= {'Thread': 'q'}",
    "f = lambda *a, d=log: d.clear()\nf()",
    "f = lambda *, d=log: d.clear()\nf()",
    "f = lambda *, d=data.clear(): 0",
    "f'{1:{f\"{log.clear()}\"}}'",
    "f = lambda d=data: d\nf().clear()",
    "return f'{data!r:{data.clear() or \"\"}}'",
    "f = lambda: (lambda d=log: d.clear())()\nf()",
    "g = lambda x=(lambda: data.clear()): x()\ng()",
    "return sorted([1], key=lambda x, d=log: d.clear() or 0)",
    "return sorted([1], key=lambda x, *, d=data: d.pop('n'))",
    "f = lambda x, **k: 0\nf(1, d=log.clear())",
    "f = lambda a=1, *b, c=log.popitem(): 0",
    "f = lambda a=[log][0]: a.clear()\nf()",
    "f = lambda a=(log, 1): a[0].clear()\nf()",
    "f = lambda a={'k': data}: a['k'].clear()\nf()",
    "f = lambda a=[*[data]]: a[0].clear()\nf()",
    "f = lambda a={**{'k': log}}: a['k'].clear()\nf()",
    "f = lambda a=f'{log.clear()}': 0",
    "f = lambda a=[d for d in [data]]: a[0].clear()\nf()",
    "f = lambda a=log if 1 else 0: a.clear()\nf()",
    "f = lambda a=log or 0: a.clear()\nf()",
    "f = lambda a=(log): a.clear()\nf()",
    "return f'{1:{2 if data.clear() else 3}}'",
    "return f'{1:>{len(log.popitem())}}'",
    "return f'{\"x\":{\"<\" if log.update(Thread=1) else \">\"}5}'",
    "return f'{1:{f\"{data.pop(chr(110))}\"}}'",
    "return f'{1:{[log][0].clear() or 3}}'",
    "data |= {'n': 2}",
    "global data\ndata |= {'z': 1}",
    "log |= data",
    "log |= {}\nreturn 1",
    "data |= log",
    "log ^= {}",
    "x = [1]\nx[0] |= len(log.popitem())",
    "log['Thread'] |= 1",
    "f = lambda d=log: d.update(Thread='p') or d\nreturn f() and False",
    "f = lambda d=log: d\nf()['Thread'] = 'p'",
    "f = lambda *a, d=data: d\nf().update(n=3)",
    "f = lambda d=log: d\nx = f()\ndel x['Thread']",
    "f = lambda d=log: d\nf().pop('Thread')\nreturn 1/0",
    "x = (log and data)\nx.clear()",
    "try:\n    raise ValueError(log)\nexcept ValueError as e:\n    e.args[0].clear()",
    "it = iter([log])\nnext(it).clear()",
    "g = (log for _ in [1])\nfor x in g:\n    x.clear()",
    "u = log.update\nu(Thread='p')",
    "global len\nlen = lambda d: d.clear()\nreturn len(log)",
    "return min(log, key=log.pop)",
    "return log.get('Thread', log).clear()",
    "for data['n'] in [2]: pass",
    "assert False, log.clear()",
    "try:\n    1/0\nexcept (log.clear() or ZeroDivisionError):\n    pass",
    "[1,2,3][log.clear() or 0:1]",
    "print(*[log.clear()])",
    "a, b = log, 1\na.clear()",
    "x = min(log, data, key=len)\nx.clear()",
    "x = max([1], log, key=len)\nx.clear()",
    "a, *b = [log, data]\nb[0].clear()\na.clear()",
    "a, (b, c) = 1, (log, data)\nb.clear()\nc.clear()",
    "log, data = data, log\nlog.clear()\ndata.clear()",
    "for log in [data]:\n    log.clear()",
    "x = (lambda log: log)(data)\nx.clear()",
    "f = lambda: g()\ng = lambda: log\nf().clear()",
    "x = (log,)[::-1][0]\nx.clear()",
    "x = {1: data}.values()\nlist(x)[0].clear()",
    "x = {}\nx |= log\nx.clear()\nreturn log",
    "x = [1]\nx[0:1] = [data]\nx[0].clear()",
    "x = [d for d in [1] for e in [data] if e.clear()]",
    "x = iter([data])\ny = next(x)\ny.clear()",
    "x = list(zip([log]))[0][0]\nx.clear()",
    "try:\n    raise KeyError(log)\nexcept KeyError:\n    try:\n        raise\n    except KeyError as e:\n        e.args[0].clear()",
    "x = f'{data:{log.clear() or \"\"}}'",
  ])('keeps log and data as they were after %j', (source) => {
    const log = parseJson(LOG) as PyDict;
    const data = parseJson(DATA);
    try {
      run(source, log, data);
    } catch {
      // raising is fine: only what log and data hold afterwards matters
    }
    expect(repr(log)).toBe(repr(parseJson(LOG)));
    expect(repr(data)).toBe(repr(parseJson(DATA)));
    expect(repr(run(NEXT, log, data).value)).toBe("['T', 2, 1, 2]");
  });
});

describe('isolation of launch conditions', () => {
  const engine = new Engine();

  it.each([
    "f = lambda x=log.update(Thread='p'): 0",
    "f'{1:{log.clear() or \"\"}}'",
    "log |= {'Thread': 'q'}",
    "f = lambda *a, d=log: d.clear()\nf()",
    "launch(log)\nlog.clear()",
    "x = min(log, context, key=len)\nx.clear()",
  ])('keeps the log as it was after %j', (source) => {
    const log = parseJson('{"Text": "original", "Thread": "T"}') as PyDict;
    engine.runLaunch(engine.compile(source, 'launch') as Program, log, 'original');
    expect(repr(log)).toBe("{'Text': 'original', 'Thread': 'T'}");
  });
});

describe('global declarations of the envelope', () => {
  const engine = new Engine();
  // the envelope assigns log and text in its first lines, before any line of the condition
  const refused = [
    'global log\nreturn 1', 'global text', 'x = 1\nglobal log, x', 'if True:\n    global text', 'x = log\nglobal log',
    'x = 1\nglobal x', 'y = x\nglobal x', 'x = 1\ny = x\nglobal x', 'x = data\nglobal data', 'data = 1\nglobal data',
    'f = lambda d=x: 0\nglobal x', '[1 for y in x]\nglobal x', 'del x\nglobal x', 'x += 1\nglobal x',
    'try:\n    pass\nexcept E as x:\n    pass\nglobal x', 'for x in []:\n    global x', 'if x:\n    global x', 'x = 1\nglobal y\nglobal x, z',
  ];
  const accepted = ['global x\nx = 1\nreturn x', 'f = lambda: x\nglobal x\nx = 2\nreturn f()', '[x for y in [1]]\nglobal x', '[1 for x in []]\nglobal x', 'import json as x\nglobal x\nreturn x.dumps(1)', 'global data\nreturn data', 'global x\nglobal x\nx = 3\nreturn x', 'x[0] = 1\nglobal y'];

  it('refuses a global of a name used or assigned before, as CPython does, and allows the rest', () => {
    const expected = cpython([...refused, ...accepted].map((source) => ({ source })));
    expect(expected.slice(0, refused.length).every((r) => r.error?.startsWith('SyntaxError'))).toBe(true);
    expect([...refused, ...accepted].map((source) => evaluator(engine, { source }))).toEqual(expected);
  });

  it('points at the global statement', () => {
    const r = engine.compile('x = 1\nglobal log', 'standard') as ConditionError;
    expect([r.line, r.column, r.excerpt]).toEqual([2, 1, 'global log\n^^^^^^^^^^']);
  });
});

/** One module object serves every condition: a store or delete on it would carry state from one to the next. */
it.each(['import re\nre.X = 5', 'import math\nmath.pi = 3', 'json.x = 1', 'import math\ndel math.pi', 'import math as m\ntry:\n    m.pi = 3\nexcept BaseException:\n    pass\nreturn m.pi',
  'import math\nm = [math]\nm[0].e = 1'])('refuses to change a module: %j', (source) => {
  const engine = new Engine();
  const out = evaluator(engine, { source });
  expect(out.error).toMatch(/^UnsupportedError: cannot set '(re|math|json)\.(X|pi|x|e)': modules are read-only in the evaluator \(they are shared by every condition\)$/);
  expect(evaluator(engine, { source: 'import math, re\nreturn math.pi, re.X, hasattr(json, "x")' }).repr).toBe('(3.141592653589793, re.VERBOSE, False)');
});
