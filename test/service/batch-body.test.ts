import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExact, toPy } from '../../src/lang/index.js';
import { repr } from '../../src/lang/runtime/repr.js';
import { parseBatchBody } from '../../src/service/batch-body.js';

/** The value's repr as Python values, or the error: parseBatchBody must agree with the exact parser on either. */
const outcome = (parse: (t: string) => unknown, text: string): string => {
  try {
    return repr(toPy(parse(text)));
  } catch (err) {
    return `error: ${(err as Error).message}`;
  }
};

const LIST = '[{"type": "Standard", "numeration": 0, "text": "return True"}, {"type": "Order", "numeration": 1, "order": [0]}]';
const OTHER = '[{"type": "Standard", "numeration": 5, "text": "return \\"a\\" in text"}]';
const payload = (list: string, log = '{"Text": "x"}') => `{"log": ${log}, "conditions": ${list}, "context": {}, "trueConditions": [], "logProcessingTime": 1, "stateTime": 0}`;
const batch = (...payloads: string[]) => `{"payloads": [${payloads.join(', ')}]}`;

describe('parseBatchBody', () => {
  it('parses each distinct condition list once: payloads that repeat it share one array', () => {
    const body = parseBatchBody(batch(payload(LIST), payload(OTHER), payload(LIST), payload(LIST))) as { payloads: { conditions: unknown }[] };
    const lists = body.payloads.map((p) => p.conditions);
    expect(lists[0]).toBe(lists[2]);
    expect(lists[0]).toBe(lists[3]);
    expect(lists[1]).not.toBe(lists[0]);
    expect(lists[1]).toEqual(JSON.parse(OTHER));
  });

  it.each([
    ['a typical batch', batch(payload(LIST), payload(OTHER), payload(LIST))],
    ['no spaces at all', batch(payload(LIST), payload(LIST)).replace(/\s+(?=["{[\]}0-9])/g, '')],
    ['pretty-printed', JSON.stringify(JSON.parse(batch(payload(LIST), payload(LIST))), null, 2)],
    ['other keys around payloads', `{"a": {"conditions": ${LIST}}, "payloads": [${payload(LIST)}], "z": [${LIST}]}`],
    ['conditions as deep as a payload\'s, elsewhere', `{"payloads": [${payload(LIST)}], "z": {"y": {"conditions": ${OTHER}}}}`],
    ['an empty payloads array', '{"payloads": []}'],
    ['a payload without conditions', batch(payload(LIST), '{"log": {"Text": "x"}}', payload(LIST))],
    ['a payload that is not an object', batch(payload(LIST), '5', payload(LIST))],
    ['a last payload that is not an object', batch(payload(LIST), '"x"')],
    ['payloads that are arrays', batch(payload(LIST), `[${LIST}]`)],
    ['conditions that are not an array', batch(payload(LIST), payload('{"a": 1}'), payload('"x"'))],
    ['conditions twice in a payload', batch(payload(LIST).replace('"context"', `"conditions": ${OTHER}, "context"`), payload(LIST))],
    ['payloads twice', `{"payloads": [${payload(LIST)}], "payloads": [${payload(OTHER)}]}`],
    ['an escaped key', batch(payload(LIST), payload(LIST).replace('"conditions"', '"condition\\u0073"'))],
    ['an escaped payloads key', `{"payloads": [${payload(LIST)}], "payload\\u0073": [${payload(OTHER)}]}`],
    ['a list that differs by a space', batch(payload(LIST), payload(LIST.replace(', ', ',')), payload(LIST))],
    ['a list that is a prefix of the next', batch(payload('[1]'), payload('[1, 2]'), payload('[1]'))],
    ['conditions inside a log', batch(payload(LIST, `{"Text": "x", "conditions": ${LIST}}`), payload(LIST))],
    ['20 distinct lists', batch(...Array.from({ length: 20 }, (_, i) => payload(`[${i}]`)), payload('[3]'), payload('[19]'))],
    ['integer-like keys and 2.0', batch(payload(LIST, '{"Text": "x", "10": 2.0, "2": 1}'), payload(LIST))],
    ['a body that is an array', `[${payload(LIST)}]`],
    ['nesting 600 deep in a log', batch(payload(LIST, `{"Text": "x", "d": ${'['.repeat(600)}${']'.repeat(600)}}`))],
  ])('reads %s as the exact parser does', (_, text) => {
    expect(outcome(parseBatchBody, text)).toBe(outcome(parseExact, text));
  });

  it.each([
    ['a missing comma between payloads', batch(payload(LIST)) .replace(']}', ` ${payload(LIST)}]}`)],
    ['two commas between payloads', batch(payload(LIST), payload(LIST)).replace('}, {', '},, {')],
    ['a trailing comma', batch(payload(LIST), payload(LIST)).replace(/}]}$/, '},]}')],
    ['a broken list', batch(payload(LIST), payload('[1 2]'), payload('[1 2]'))],
    ['a broken payload', batch(payload(LIST), payload(LIST).replace('"context": {}', '"context": {]'))],
    ['extra data after the body', batch(payload(LIST), payload(LIST)) + ' x'],
    ['an unterminated body', batch(payload(LIST), payload(LIST)).slice(0, -2)],
    ['an extra bracket after a list', batch(payload(LIST), payload(LIST + ']'))],
  ])('refuses %s with the exact parser message and position', (_, text) => {
    const expected = outcome(parseExact, text);
    expect(expected.startsWith('error: ')).toBe(true);
    expect(outcome(parseBatchBody, text)).toBe(expected);
  });

  it('agrees with the exact parser on random batches with repeated lists', () => {
    const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v));
    const list = fc.oneof(fc.constantFrom(LIST, OTHER, '[]', '[1]'), fc.array(json, { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`));
    const item = fc.oneof(
      { weight: 5, arbitrary: fc.tuple(list, json).map(([l, v]) => `{"log": {"Text": ${JSON.stringify(String(v))}}, "conditions": ${l}, "n": ${v}}`) },
      { weight: 1, arbitrary: json },
    );
    const space = fc.constantFrom('', ' ', '\n  ');
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), space, fc.constantFrom('', '"other": 1, '), (items, sp, extra) => {
        const text = `{${extra}"payloads":${sp}[${sp}${items.join(`${sp},${sp}`)}${sp}]${sp}}`;
        expect(outcome(parseBatchBody, text)).toBe(outcome(parseExact, text));
      }),
      { numRuns: 1000 },
    );
  });
});
