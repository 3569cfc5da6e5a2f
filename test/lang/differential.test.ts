import { describe, expect, it } from 'vitest';
import { Engine, parseJson, parseJsonValues } from '../../src/lang/index.js';
import { evaluate, evaluateLaunch } from '../../src/service/evaluate.js';
import { readNdjson, readNdjsonLines, sameAnswer } from '../support/shared.js';

/** The differential corpus, evaluated in-process: every answer as CPython gives it. */
describe.each([
  ['eval', evaluate],
  ['eval-launch', evaluateLaunch],
] as const)('%s differential corpus', (route, handler) => {
  const requests = readNdjsonLines(`fixtures/differential/${route}.requests.ndjson`);
  const expected = readNdjson(`fixtures/differential/${route}.expected.ndjson`);

  it('has a request for every expected answer', () => {
    expect(requests.length).toBe(expected.length);
    expect(requests.length).toBeGreaterThan(100);
  });

  // a request as the server parses it (plain values, converted as read) and wholly as Python values
  it.each([parseJsonValues, parseJson])('answers every request as the original did, parsed by %o', (parse) => {
    const engine = new Engine();
    const mismatches: string[] = [];
    requests.forEach((line, i) => {
      const actual = JSON.parse(handler(engine, parse(line)));
      if (!sameAnswer(actual, expected[i])) mismatches.push(`line ${i + 1}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected[i])}`);
    });
    expect(mismatches).toEqual([]);
  });
});
