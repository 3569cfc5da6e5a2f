import { describe, expect, it } from 'vitest';
import { ConditionError, Engine, parseJson, PyDict, type Program } from '../../src/lang/index.js';
import { repr } from '../../src/lang/runtime/repr.js';
import { cpython } from '../support/cpython.js';

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

describe('global declarations of the envelope', () => {
  const engine = new Engine();
  // the envelope assigns log and text in its first lines, before any line of the condition
  const sources = ['global log\nreturn 1', 'global text', 'x = 1\nglobal log, x', 'if True:\n    global text'];

  it.each(sources)('refuses %j with the SyntaxError CPython gives', (source) => {
    const [expected] = cpython([{ source }]);
    const r = engine.compile(source, 'standard');
    expect(r).toBeInstanceOf(ConditionError);
    expect(`SyntaxError: ${(r as ConditionError).message}`).toBe(expected.error);
  });

  it('points at the global statement', () => {
    const r = engine.compile('x = 1\nglobal log', 'standard') as ConditionError;
    expect([r.line, r.column, r.excerpt]).toEqual([2, 1, 'global log\n^^^^^^^^^^']);
  });
});
