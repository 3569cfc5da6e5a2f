import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpython } from '../support/cpython.js';
import { post, startServer, type Server } from '../support/server.js';
import { SHARED } from '../support/shared.js';

const LOG = { Text: 'Waiting up to 2.430 seconds', Thread: 'T-1' };
const payload = (conditions: unknown[], extra: Record<string, unknown> = {}) => ({
  log: LOG, conditions, context: { n: 1, gone: 2, k: 3 }, trueConditions: [7], logProcessingTime: 100, stateTime: 0, ...extra,
});

describe('?explain=1', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer('bundle');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('explains each condition: result, value, steps, time, the context keys changed, the time check and the run matched', async () => {
    const conditions = [
      { type: 'Standard', numeration: 0, text: "data['n'] += 1\ndel data['gone']\ndata['new'] = [1]\nfor i in range(3):\n    pass\nreturn 'Waiting' in text" },
      { type: 'Timed', numeration: 1, text: 'return 5', timeRange: 10 },
      { type: 'Order', numeration: 2, order: [7, 0] },
      { type: 'Standard', numeration: 3, text: "data['x'] = 1\nreturn None" },
      { type: 'Standard', numeration: 4, text: "return log['Nope']" },
      { type: 'Standard', numeration: 5, text: 'return True' },
    ];
    const { status, json } = await post(server, '/eval?explain=1', { payload: payload(conditions) });
    expect(status).toBe(200);
    expect(json.error).toBe("KeyError: 'Nope'");
    const entries = json.explain as Record<string, unknown>[];
    for (const e of entries) expect(e.micros).toBeGreaterThan(0);
    // steps come from the cost model: the loop's 3 iterations at least
    expect(entries[0].steps).toBeGreaterThanOrEqual(3);
    const strip = entries.map(({ micros, ...rest }, i) => (i === 0 ? { ...rest, steps: 'counted' } : rest));
    expect(strip).toEqual([
      { numeration: 0, type: 'Standard', result: 'true', value: 'True', steps: 'counted', changed: { added: ['new'], changed: ['n'], removed: ['gone'] } },
      { numeration: 1, type: 'Timed', result: 'false', value: '5', steps: 0, changed: { added: [], changed: [], removed: [] }, time: { elapsed: 100, timeRange: 10, inTime: false } },
      { numeration: 2, type: 'Order', result: 'true', steps: 0, order: { run: [7, 0], seen: [7, 0], seenCount: 2 } },
      // false: what it changed is not kept
      { numeration: 3, type: 'Standard', result: 'false', value: 'None', steps: 0, changed: { added: [], changed: [], removed: [] } },
      // evaluation stops at the error, as without explain
      { numeration: 4, type: 'Standard', result: 'error', error: "KeyError: 'Nope'", steps: 0 },
    ]);
  });

  it('answers exactly as without it, for every request the original received', async () => {
    const lines = readFileSync(`${SHARED}/fixtures/original/eval.ndjson`, 'utf8').split('\n').filter(Boolean);
    for (const line of lines) {
      const plain = await post(server, '/eval', line);
      const explained = await post(server, '/eval?explain=1', line);
      expect(explained.json.explain.length).toBe(JSON.parse(line).payload.conditions.length);
      delete explained.json.explain;
      expect(explained).toEqual(plain);
    }
  });

  it('shows the repr CPython gives, cut at 200 characters, without printing all of a huge value', async () => {
    const sources = [
      "return {'a': [1, 2.5, None], 'b': (1,), 'c': 'it\\'s'}",
      "return [\"it's\"] * 100",
      "return 'x' * 300 + '\"' + \"'\"",
      "return \"'\" * 150 + 'y' * 300",
      'l = [1]\nl.append(l)\nreturn l',
      "return ('é\\n\\t', 1e100, -0.0, 10**15)",
      'return [[0] * 1000] * 1000',
      'return {i: str(i) for i in range(1000)}',
      'import time\nreturn time.gmtime(0)',
      'import time\nreturn [time.gmtime(86400)], {1: time.gmtime(0)}',
      "from collections import namedtuple, Counter, OrderedDict, defaultdict\nP = namedtuple('P', 'x y')\nreturn P(1, 2), Counter('abca'), OrderedDict(a=1), defaultdict(list, {1: [2]})",
    ];
    const want = cpython(sources.map((source) => ({ source, log: LOG })));
    const shown = sources.map((text, numeration) => ({ type: 'Standard', numeration, text }));
    const { json } = await post(server, '/eval?explain=1', { payload: payload(shown) });
    const values = (json.explain as { value: string }[]).map((e) => e.value);
    const cut = (r: string) => (r.length > 200 ? r.slice(0, 200) + '...' : r);
    expect(values).toEqual(want.map((w) => cut(w.repr!)));
  });

  it("prints a class's value inside the condition's run: within its limits, its names still bound", async () => {
    // a __repr__ is the condition's own code: printed after the run, it ran with no budget (a worker killed by the
    // watchdog at 2 s) and without the body's names ('cannot access free variable')
    const conditions = [
      { type: 'Standard', numeration: 0, text: 'class A:\n    def __repr__(self):\n        while True:\n            pass\nreturn A()' },
      { type: 'Standard', numeration: 1, text: "tag = 'mine'\nclass A:\n    def __repr__(self):\n        return tag\nreturn [A()]" },
    ];
    const started = performance.now();
    const { status, json } = await post(server, '/eval?explain=1', { payload: payload(conditions) });
    expect(status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(json.trueConditions).toEqual([0, 1]);
    const values = (json.explain as { value: string }[]).map((e) => e.value);
    expect(values[0]).toMatch(/^<repr failed: StepLimitError: condition exceeded its (time )?budget of /);
    expect(values[1]).toBe('[mine]');
  });

  it('explains each payload of /eval/batch, and launch conditions on /eval-launch', async () => {
    const p = payload([{ type: 'Standard', numeration: 0, text: 'return 1' }]);
    const { json } = await post(server, '/eval/batch?explain=1', { payloads: [p, { ...p, context: 5 }] });
    expect(json.results[0].explain.map(({ micros, ...e }: Record<string, unknown>) => e)).toEqual([
      { numeration: 0, type: 'Standard', result: 'true', value: '1', steps: 0, changed: { added: [], changed: [], removed: [] } },
    ]);
    expect(json.results[1]).toEqual({ error: 'payloads[1].context must be an object, not a number', status: 400 });
    const launch = await post(server, '/eval-launch?explain=1', { payload: { log: LOG, launchCondition: "for i in range(2):\n    launch({'i': i})" } });
    expect(launch.json).toMatchObject({ launch: true, context: { i: 1 } });
    expect(launch.json.explain.steps).toBeGreaterThanOrEqual(2);
    expect(launch.json.explain.micros).toBeGreaterThan(0);
    const broken = await post(server, '/eval-launch?explain=1', { payload: { log: LOG, launchCondition: 'if x' } });
    expect(broken.json).toMatchObject({ launch: false, explain: { steps: 0 } });
  });

  it('names each condition also in a body the exact JSON parser reads (a 2.0 in it), and gives null for a missing field', async () => {
    const body = `{"payload": {"log": {"Text": "a"}, "context": {"f": 2.0}, "trueConditions": [], "logProcessingTime": 0, "stateTime": 0,
      "conditions": [{"type": "Standard", "numeration": 4, "text": "return data['f']"}, {"type": "Standard", "text": "return False"}, {"numeration": 6}]}}`;
    const { json } = await post(server, '/eval?explain=1', body);
    expect(json.error).toBe("KeyError: 'type'");
    expect(json.explain.map((e: Record<string, unknown>) => [e.numeration, e.type, e.result, e.value ?? e.error])).toEqual([
      [4, 'Standard', 'true', '2.0'],
      [null, 'Standard', 'false', 'False'],
      [6, null, 'error', "KeyError: 'type'"],
    ]);
  });

  it('refuses a value other than 1 or 0, and leaves other query parameters alone', async () => {
    const body = { payload: payload([{ type: 'Standard', numeration: 0, text: 'return 1' }]) };
    expect(await post(server, '/eval?explain=yes', body)).toEqual({ status: 400, json: { error: 'query parameter explain must be 1 or 0, not "yes"' } });
    expect((await post(server, '/eval/batch?explain=', { payloads: [] })).status).toBe(400);
    expect((await post(server, '/eval?explain=0', body)).json).toEqual({ context: { n: 1, gone: 2, k: 3 }, trueConditions: [0] });
    expect((await post(server, '/eval?x=1', body)).json).toEqual({ context: { n: 1, gone: 2, k: 3 }, trueConditions: [0] });
  });
});
