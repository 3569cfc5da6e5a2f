import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from '../support/server.js';
import { SHARED } from '../support/shared.js';

/**
 * Ints past 2**53 in request bodies (issue 11): the answers' bytes are the oracle's, as
 * the original's Flask wrote them (compact, keys sorted), at every nesting depth. The
 * oracle's lines are re-written compactly by Python itself, which keeps every digit.
 */
function oracleTexts(lines: string[]): string[] {
  const compact = 'import json, sys\nfor l in sys.stdin:\n    print(json.dumps(json.loads(l), sort_keys=True, separators=(",", ":")))';
  const out = execFileSync('python3', [join(SHARED, 'oracle/evaluate.py'), 'eval'], { input: lines.join('\n') + '\n', encoding: 'utf8' });
  return execFileSync('python3', ['-c', compact], { input: out, encoding: 'utf8' }).split('\n').filter((l) => l !== '');
}

const BIG = ['1653097992898123456', '18446744073709551615', '-9223372036854775809', '9007199254740993', '123456789012345678901234567890123456789'];

/** `v` inside `depth` levels of lists and objects. */
const nest = (v: string, depth: number): string => (depth === 0 ? v : depth % 2 === 1 ? `[${nest(v, depth - 1)}, 1]` : `{"k${depth}": ${nest(v, depth - 1)}}`);

const CONDITIONS = [
  // reads the big value, works with it, keeps it and what it made in the context
  'b = log["Big"]\nx = json.loads(json.dumps(b))\ndata["copy"] = x\ndata["n"] = data.get("n", 0) + 1\nreturn x == b',
  'n = log["N"]\ndata["parts"] = [n * 3, n // 7, n % 1000, -n, n >> 3, n & 0xffff, hex(n), f"{n:,}", str(n), float(n), n / 3]\nreturn n > 2**53',
  'return data["ctx"] == log["Big"] and type(log["N"]) is int',
];

function request(big: string, depth: number, kind: 'Standard' | 'Timed'): string {
  const conditions = CONDITIONS.map((text, i) => ({ type: kind, numeration: i, text, timeRange: 456 }));
  return `{"payload": {"log": {"Text": "x", "N": ${big}, "Big": ${nest(big, depth)}}, "conditions": ${JSON.stringify(conditions)}, "context": {"ctx": ${nest(big, depth)}, "id": ${big}}, "trueConditions": [], "logProcessingTime": 1653097992898123456, "stateTime": ${kind === 'Timed' && depth % 2 === 0 ? '1653097992898123000' : '1653097992898122999'}}}`;
}

describe('big ints over HTTP', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer('bundle');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers requests holding ints past 2**53 at depths 0 to 12 byte for byte as the oracle', async () => {
    const lines = BIG.flatMap((big) => Array.from({ length: 13 }, (_, depth) => [request(big, depth, 'Standard'), request(big, depth, 'Timed')]).flat());
    const expected = oracleTexts(lines);
    expect(expected.length).toBe(lines.length);
    const got = await Promise.all(lines.map(async (body) => (await fetch(`${server.url}/eval`, { method: 'POST', body })).text()));
    expect(got.flatMap((g, i) => (g === expected[i] ? [] : [`${lines[i]}: got ${g}, oracle ${expected[i]}`]))).toEqual([]);
  });

  it('matches Order runs of ints past 2**53 by value, 2**64 and 2.0**64 alike, as the oracle', async () => {
    const trues = '[18446744073709551616, 9007199254740993, 1e21, 5]';
    const orders = ['[18446744073709551616]', '[1.8446744073709552e19]', '[9007199254740993]', '[9007199254740992]', '[9007199254740993.0, 1000000000000000000000]', '[1e21, 5, 18446744073709551615]', '[5, 18446744073709551616]'];
    const lines = orders.map((o) => `{"payload": {"log": {"Text": "x"}, "conditions": [{"type": "Standard", "numeration": 18446744073709551616, "text": "return True"}, {"type": "Order", "numeration": 7, "order": ${o}}], "context": {}, "trueConditions": ${trues}, "logProcessingTime": 0, "stateTime": 0}}`);
    const expected = oracleTexts(lines);
    const got = await Promise.all(lines.map(async (body) => (await fetch(`${server.url}/eval`, { method: 'POST', body })).text()));
    expect(got).toEqual(expected);
    expect(expected.filter((t) => t.includes(',7]')).length).toBeGreaterThan(1);
  });

  it('answers a batch of such payloads as /eval answers each', async () => {
    const payloads = BIG.map((big, i) => request(big, i, "Timed").slice("{\"payload\": ".length, -1));
    const res = await fetch(`${server.url}/eval/batch`, { method: 'POST', body: `{"payloads": [${payloads.join(', ')}]}` });
    const singles = await Promise.all(payloads.map(async (p) => (await fetch(`${server.url}/eval`, { method: 'POST', body: `{"payload": ${p}}` })).text()));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(`{"results":[${singles.join(',')}]}`);
  });

  it('refuses an int of over 4,300 digits in a body with 400 and json.loads\' words', async () => {
    const res = await fetch(`${server.url}/eval`, { method: 'POST', body: request('9'.repeat(4301), 2, 'Standard') });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'body is not valid JSON: ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit' });
  });
});
