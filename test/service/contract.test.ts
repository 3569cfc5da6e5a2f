import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startServer, targets, type Server } from '../support/server.js';

const LOG = {
  '@timestamp': '2019-10-13T14:15:11.572Z',
  LogLevel: 'Debug',
  Thread: 'Thread-221321',
  Routine: 'moveACD',
  Array: 'Array16-ACA',
  Line: '335',
  Text: "Requesting all ACD's move\nto the park position.",
};

const payload = (conditions: unknown[], extra: Record<string, unknown> = {}) => ({
  payload: { log: LOG, conditions, context: { n: 1 }, trueConditions: [], logProcessingTime: 1000, stateTime: 0, ...extra },
});

describe.each(targets())('HTTP contract (%s)', (target) => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer(target);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('GET /healthz answers ok', async () => {
    const res = await fetch(server.url + '/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  describe('POST /eval', () => {
    it('runs Standard conditions in order, each seeing the context the true ones left', async () => {
      const { status, json } = await post(server, '/eval', payload([
        { type: 'Standard', numeration: 0, text: "data['n'] += 1\nreturn 'park' in text" },
        { type: 'Standard', numeration: 1, text: "data['seen'] = data['n']\nreturn False" },
        { type: 'Standard', numeration: 2, text: "data['m'] = data['n'] * 10\nreturn text.count('\\n') == 0" },
      ]));
      expect(status).toBe(200);
      expect(json).toEqual({ trueConditions: [0, 2], context: { n: 2, m: 20 } });
    });

    it('gives a Timed condition its context only when it is also in time', async () => {
      const cond = { type: 'Timed', numeration: 3, text: "data['t'] = 1\nreturn True", timeRange: 500 };
      expect((await post(server, '/eval', payload([cond]))).json).toEqual({ trueConditions: [], context: { n: 1 } });
      expect((await post(server, '/eval', payload([{ ...cond, timeRange: 1000 }]))).json).toEqual({ trueConditions: [3], context: { n: 1, t: 1 } });
    });

    it('still runs a Timed condition out of time: its error stops evaluation', async () => {
      const cond = { type: 'Timed', numeration: 3, text: "return log['Nope']", timeRange: 1 };
      expect((await post(server, '/eval', payload([cond]))).json).toEqual({ error: "KeyError: 'Nope'", condition: cond });
    });

    it('matches an Order condition element by element, not as joined digits', async () => {
      const order = (o: number[]) => ({ type: 'Order', numeration: 9, order: o });
      const p = (o: number[], before: number[]) => payload([{ type: 'Standard', numeration: 1, text: 'return True' }, order(o)], { trueConditions: before });
      expect((await post(server, '/eval', p([11, 1], [11]))).json.trueConditions).toEqual([1, 9]);
      // the original joined digits: "1" was found inside "11"
      expect((await post(server, '/eval', p([1, 1], [11]))).json.trueConditions).toEqual([1]);
    });

    it('answers an Order condition in a 235 KiB body in milliseconds (14.9 s when every start compared a slice)', async () => {
      const body = payload([{ type: 'Order', numeration: 9, order: [...Array(39_999).fill(0), 1] }], { trueConditions: Array(81_000).fill(0) });
      expect(JSON.stringify(body).length).toBeGreaterThan(235 * 1024);
      const started = performance.now();
      const { json } = await post(server, '/eval', body);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(json).toEqual({ trueConditions: [], context: { n: 1 } });
    });

    // expected: ../shared/oracle/evaluate.py eval on the same bodies
    it.each([
      ['0', [0, 1]],
      [5, "TypeError: object of type 'int' has no len()"],
      [[], [0, 1, 9]],
      [{ 0: 1 }, [0, 1]],
      [[0, 1], [0, 1, 9]],
      [[1, 0], [0, 1]],
    ])('matches an Order condition whose order is %j as Python compares a list slice with it', async (order, expected) => {
      const cond = { type: 'Order', numeration: 9, order };
      const { json } = await post(server, '/eval', payload([{ type: 'Standard', numeration: 0, text: 'return True' }, { type: 'Standard', numeration: 1, text: 'return True' }, cond]));
      expect(json).toEqual(typeof expected === 'string' ? { error: expected, condition: cond } : { trueConditions: expected, context: { n: 1 } });
    });

    it('keeps a bytearray or a memoryview out of the context: left in data by a true condition, it raises as the original did', async () => {
      for (const [text, type] of [["data['b'] = bytearray(b'x')\nreturn True", 'bytearray'], ["data['m'] = memoryview(b'x')\nreturn True", 'memoryview']]) {
        const cond = { type: 'Standard', numeration: 0, text };
        expect((await post(server, '/eval', payload([cond]))).json).toEqual({ error: `TypeError: Object of type ${type} is not JSON serializable`, condition: cond });
      }
      // a false condition's changes are dropped, its bytearray with them: the next one sees the context as it came
      const { json } = await post(server, '/eval', payload([
        { type: 'Standard', numeration: 0, text: "data['b'] = bytearray(b'x')\ndata['b'].append(1)\nreturn False" },
        { type: 'Standard', numeration: 1, text: "data['k'] = bytes(bytearray(b'ab') * 2).decode()\nreturn 'b' not in data" },
      ]));
      expect(json).toEqual({ trueConditions: [1], context: { n: 1, k: 'abab' } });
    });

    it('answers a raising condition with the original error shape and stops there', async () => {
      const bad = { type: 'Standard', numeration: 1, text: "return log['Missing'] == 1" };
      const { status, json } = await post(server, '/eval', payload([{ type: 'Standard', numeration: 0, text: 'return True' }, bad, { type: 'Standard', numeration: 2, text: 'return True' }]));
      expect(status).toBe(200);
      expect(json).toEqual({ error: "KeyError: 'Missing'", condition: bad });
    });

    it.each([
      [{ type: 'Standard', numeration: 0 }, "KeyError: 'text'"],
      [{ numeration: 0, text: 'return True' }, "KeyError: 'type'"],
      [{ type: 'Standard', text: 'return True' }, "KeyError: 'numeration'"],
      [{ type: 'Standard', numeration: 0, text: 5 }, 'TypeError: condition text must be str, not int'],
      [{ type: 'Sometimes', numeration: 0, text: 'return True' }, 'ValueError: unknown condition type "Sometimes"; expected "Standard", "Timed" or "Order"'],
      [{ type: 'Standard', numeration: 0, text: 'return (' }, 'SyntaxError: expected an expression, found newline (line 1, column 9)'],
      [{ type: 'Timed', numeration: 0, text: 'return True' }, "KeyError: 'timeRange'"],
      [{ type: 'Order', numeration: 0 }, "KeyError: 'order'"],
      ['x', "TypeError: string indices must be integers, not 'str'"],
      [[1], 'TypeError: list indices must be integers or slices, not str'],
    ])('answers a malformed condition %j with the 200 error shape', async (cond, error) => {
      const { status, json } = await post(server, '/eval', payload([cond]));
      expect(status).toBe(200);
      expect(json).toEqual({ error, condition: cond });
    });

    it.each([
      ['{}', 'body.payload is required'],
      ['[]', 'body must be an object, not an array'],
      ['{"payload": 1}', 'body.payload must be an object, not a number'],
      [JSON.stringify({ payload: { ...payload([]).payload, log: undefined } }), 'payload.log is required'],
      [JSON.stringify({ payload: { ...payload([]).payload, log: { Text: 3 } } }), 'payload.log.Text must be a string, not a number'],
      [JSON.stringify({ payload: { ...payload([]).payload, conditions: {} } }), 'payload.conditions must be an array, not an object'],
      [JSON.stringify({ payload: { ...payload([]).payload, context: [] } }), 'payload.context must be an object, not an array'],
      [JSON.stringify({ payload: { ...payload([]).payload, trueConditions: null } }), 'payload.trueConditions must be an array, not null'],
      [JSON.stringify({ payload: { ...payload([]).payload, stateTime: '0' } }), 'payload.stateTime must be a number, not a string'],
      ['{"payload": ', 'body is not valid JSON: Expecting value: line 1 column 13 (char 12)'],
      ['{"payload": {}} x', 'body is not valid JSON: Extra data: line 1 column 17 (char 16)'],
      [`{"payload": ${'['.repeat(600)}${']'.repeat(600)}}`, 'body is not valid JSON: Nesting deeper than 512 levels: line 1 column 524 (char 523)'],
    ])('refuses %s with 400 naming the field or position', async (body, error) => {
      const { status, json } = await post(server, '/eval', body);
      expect(status).toBe(400);
      expect(json).toEqual({ error });
    });

    it('refuses a body that is not UTF-8 with 400', async () => {
      const res = await fetch(server.url + '/eval', { method: 'POST', body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]) });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'body is not valid UTF-8 (first bad byte at offset 2)' });
    });

    it('keeps context keys such as "10" and "2" and floats such as 2.0 as they came', async () => {
      const res = await fetch(server.url + '/eval', {
        method: 'POST',
        body: `{"payload": {"log": {"Text": "x"}, "conditions": [{"type": "Standard", "numeration": 0, "text": "data['s'] = str(data['f']) + ','.join(data)\\nreturn True"}], "context": {"f": 2.0, "10": 1, "2": 1}, "trueConditions": [], "logProcessingTime": 0, "stateTime": 0}}`,
      });
      const text = await res.text();
      expect(text).toContain('"f":2.0');
      expect(JSON.parse(text).context.s).toBe('2.0f,10,2');
    });

    it('echoes numerations as they came: 1.5, 2.0, a list with an object', async () => {
      // expected: ../shared/oracle/evaluate.py eval on the same body
      const cond = (numeration: string) => `{"type": "Standard", "numeration": ${numeration}, "text": "return True"}`;
      const res = await fetch(server.url + '/eval', {
        method: 'POST',
        body: `{"payload": {"log": {"Text": "x"}, "conditions": [${cond('1.5')}, ${cond('2.0')}, ${cond('[1, {"b": 1, "a": 2.0}]')}], "context": {}, "trueConditions": [], "logProcessingTime": 0, "stateTime": 0}}`,
      });
      expect(await res.text()).toBe('{"context":{},"trueConditions":[1.5,2.0,[1,{"a":2.0,"b":1}]]}');
    });
  });

  describe('POST /eval-launch', () => {
    const launch = (launchCondition: unknown) => ({ payload: { log: LOG, launchCondition } });

    it('launches with the context given to launch()', async () => {
      const cond = "if 'park' in text:\n    launch({'Thread': log['Thread'], 'ids': (1, 2)})";
      expect((await post(server, '/eval-launch', launch(cond))).json).toEqual({ launch: true, context: { Thread: 'Thread-221321', ids: [1, 2] }, condition: cond });
    });

    it('launches with None when launch() has no argument, and does not launch otherwise', async () => {
      expect((await post(server, '/eval-launch', launch('launch()'))).json).toEqual({ launch: true, context: null, condition: 'launch()' });
      expect((await post(server, '/eval-launch', launch('pass'))).json).toEqual({ launch: false });
    });

    it('lets a later launch() override an earlier one, and has no data name', async () => {
      const cond = "launch({'a': 1})\nlaunch({'b': (2, 3)})";
      expect((await post(server, '/eval-launch', launch(cond))).json).toEqual({ launch: true, context: { b: [2, 3] }, condition: cond });
      expect((await post(server, '/eval-launch', launch("launch(data['x'])"))).json).toEqual({
        error: 'Error checking launch condition',
        launch: false,
        detail: "NameError: name 'data' is not defined",
      });
      expect((await post(server, '/eval-launch', launch("context['k'] = 1\nlaunch(data=context)"))).json).toMatchObject({ launch: true, context: { k: 1 } });
    });

    it('answers an error in the original words, with the exception as detail', async () => {
      expect((await post(server, '/eval-launch', launch("if log['Nope']:\n    launch({})"))).json).toEqual({ error: 'Error checking launch condition', launch: false, detail: "KeyError: 'Nope'" });
      expect((await post(server, '/eval-launch', launch('launch({1, 2})'))).json).toEqual({ error: 'Error checking launch condition', launch: false, detail: 'TypeError: Object of type set is not JSON serializable' });
    });

    it('refuses a missing or mistyped launchCondition with 400', async () => {
      expect(await post(server, '/eval-launch', { payload: { log: LOG } })).toEqual({ status: 400, json: { error: 'payload.launchCondition is required' } });
      expect(await post(server, '/eval-launch', launch(['x']))).toEqual({ status: 400, json: { error: 'payload.launchCondition must be a string, not an array' } });
    });
  });

  describe('POST /eval/batch', () => {
    it('answers each payload as /eval would, in order and independently', async () => {
      const good = payload([{ type: 'Standard', numeration: 0, text: "data['n'] += 1\nreturn True" }]).payload;
      const raising = payload([{ type: 'Standard', numeration: 0, text: '1 / 0' }]).payload;
      const { status, json } = await post(server, '/eval/batch', { payloads: [good, { log: LOG }, raising, good] });
      expect(status).toBe(200);
      expect(json.results).toEqual([
        { trueConditions: [0], context: { n: 2 } },
        { error: 'payloads[1].context is required', status: 400 },
        { error: 'ZeroDivisionError: division by zero', condition: raising.conditions[0] },
        { trueConditions: [0], context: { n: 2 } },
      ]);
    });

    it('refuses a body without a payloads array', async () => {
      expect(await post(server, '/eval/batch', { payload: {} })).toEqual({ status: 400, json: { error: 'body.payloads is required' } });
    });
  });

  describe('POST /check', () => {
    it('accepts a condition that compiles', async () => {
      expect(await post(server, '/check', { condition: "return 'x' in text" })).toEqual({ status: 200, json: { ok: true } });
      expect(await post(server, '/check', { condition: 'launch({})', kind: 'launch' })).toEqual({ status: 200, json: { ok: true } });
    });

    it('names the line and column of a syntax error', async () => {
      const { json } = await post(server, '/check', { condition: 'x = 1\nif x\n    return True' });
      expect(json).toEqual({ ok: false, error: { type: 'SyntaxError', message: "expected ':', found newline", line: 2, column: 5, excerpt: 'if x\n    ^' } });
    });

    it('refuses an unsupported construct and an unknown kind', async () => {
      expect((await post(server, '/check', { condition: 'import os' })).json.error.type).toBe('UnsupportedError');
      expect(await post(server, '/check', { condition: 'pass', kind: 'other' })).toEqual({ status: 400, json: { error: 'body.kind must be "standard" or "launch", not "other"' } });
    });
  });

  describe('routing', () => {
    it('answers an unknown route with 404 and a wrong method with 405', async () => {
      const missing = await fetch(server.url + '/nope');
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: 'no route GET /nope' });
      const wrong = await fetch(server.url + '/eval');
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toBe('POST');
      const wrongHealth = await fetch(server.url + '/healthz', { method: 'POST', body: '{}' });
      expect(wrongHealth.status).toBe(405);
      expect(wrongHealth.headers.get('allow')).toBe('GET');
    });
  });
});
