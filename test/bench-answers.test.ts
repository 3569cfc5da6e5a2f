import { expect, it } from 'vitest';
import { compareAnswers } from '../src/bench/answers.js';

const ok = (body: string, status = 200) => ({ status, body });

it.each([
  ['key order and white space', '{"context":{"count":2},"trueConditions":[0]}', '{"trueConditions": [0],\n "context": {"count": 2}}\n'],
  ['an error answer by its error text alone', `{"error":"KeyError: 'x'","condition":{"a":1}}`, `{"condition":{"a":2},"error":"KeyError: 'x'"}`],
  ['an extra field of an error answer', '{"error":"Error checking launch condition","launch":false,"detail":"KeyError: \'Nope\'"}', '{"error":"Error checking launch condition","launch":false}'],
  ['a float spelt two ways', '[1e2, 0.5]', '[100.0, 5E-1]'],
  ['NaN and Infinity, as Python writes them', '[NaN, -Infinity]', '[NaN, -Infinity]'],
  ['escapes', '"\\u00e9\\n"', '"é\\n"'],
  ['keys named like Object members', '{"__proto__":1,"toString":2}', '{"toString":2,"__proto__":1}'],
])('alike: %s', (_name, a, b) => {
  expect(compareAnswers(ok(a), ok(b))).toBeNull();
});

it.each([
  ['an int against a float', '{"context":{"count":2}}', '{"context":{"count":2.0}}', '$.context.count: 2 (int) against 2.0 (float)'],
  ['ints beyond doubles', '[10000000000000000000001]', '[10000000000000000000000]', '$[0]: 10000000000000000000001 (int) against 10000000000000000000000 (int)'],
  ['another true condition', '{"trueConditions":[0,2]}', '{"trueConditions":[0,3]}', '$.trueConditions[1]: 2 (int) against 3 (int)'],
  ['a missing key', '{"a":1,"b":2}', '{"a":1}', '$.b: present against missing'],
  ['a key named like an Object member', '{}', '{"toString":1}', '$.toString: missing against present'],
  ['another error', `{"error":"KeyError: 'x'"}`, `{"error":"KeyError: 'y'"}`, `$.error: "KeyError: 'x'" against "KeyError: 'y'"`],
  ['an error against an answer', `{"error":"KeyError: 'x'"}`, '{"trueConditions":[]}', `$.error: "KeyError: 'x'" against none`],
  ['a list against an object', '{"context":[]}', '{"context":{}}', '$.context: a list against an object'],
  ['trailing text', '{}', '{} x', 'not JSON: expected the end at 3'],
  ['a string against null', '["a"]', '[null]', '$[0]: "a" against null'],
])('different: %s', (_name, a, b, words) => {
  expect(compareAnswers(ok(a), ok(b))).toBe(words);
});

it('compares statuses first, and bodies that are not JSON as text', () => {
  expect(compareAnswers(ok('{}'), ok('{}', 500))).toBe('status 200 against 500');
  expect(compareAnswers(ok('oops', 502), ok('oops', 502))).toBeNull();
  expect(compareAnswers(ok('oops'), ok('{}'))).toBe('the reference answer is not JSON, and the texts differ');
});

it('answers for hostile answers: nested 100,000 deep, a megabyte string, unterminated', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  expect(compareAnswers(ok(deep), ok(deep))).toBeNull();
  expect(compareAnswers(ok('[1]'), ok(deep))).toBe('nested too deep to compare');
  const big = JSON.stringify('x'.repeat(1_000_000));
  expect(compareAnswers(ok(big), ok(big))).toBeNull();
  expect(compareAnswers(ok('{}'), ok('{"a":"'))).toBe('not JSON: expected an unterminated string at 5');
  expect(compareAnswers(ok('{}'), ok('{"a":\\'))).toMatch(/^not JSON/);
});
