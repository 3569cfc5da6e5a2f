import fc from 'fast-check';
import { expect, it } from 'vitest';
import { COMPACT, dumps, parseJson } from '../../src/lang/index.js';
import { toJson } from '../../src/service/response-json.js';

/** The general encoder, as the original's jsonify configured it: what toJson must write. */
const reference = (text: string) => dumps(parseJson(text), { ...COMPACT, sortKeys: true });

it.each([
  '{"b": 1, "a": [2.0, -0.0, 1e300, 0.1], "c": {"z": null, "y": true}}',
  '["plain", "quo\\"te", "back\\\\slash", "tab\\t", "nul\\u0000", "lone \\ud800", "pair \\ud83d\\ude00", "é", "\\u2028"]',
  `["${'x'.repeat(65)}", "${'x'.repeat(64)}"]`,
  '{"10": 1, "2": 2, "a": 3}',
  // code point order, as sort_keys has it: a pair after U+E000-U+FFFF, where JS's < puts it before
  '{"\\ue000": 1, "\\ud800\\udc00": 2, "\\uffff": {"\\ud83d\\ude00": 3, "\\uff01": 4}}',
  '{"Thread": "T", "requesting": true, "count": 2, "secs": 2.43}',
  '{"ns": 1653097992898123456, "ids": [18446744073709551615, -9223372036854775809, {"k": 9007199254740993}]}',
])('writes %s as json.dumps with sorted keys does', (text) => {
  expect(toJson(parseJson(text))).toBe(reference(text));
});

// a lone high surrogate is held as its unit twice (codepoints.ts): written once, in short strs and in long ones (which take JSON.stringify's route)
it.each([
  ['["\\ud83d", "a\\ud83d\\ude00"]', '["\\ud83d","a😀"]'],
  [`["${'x'.repeat(70)}\\ud83d", "${'y'.repeat(70)}\\ud83d\\ud83d\\ude00", "${'z'.repeat(70)}\\ud83d\\\\ud83d"]`, `["${'x'.repeat(70)}\\ud83d","${'y'.repeat(70)}\\ud83d😀","${'z'.repeat(70)}\\ud83d\\\\ud83d"]`],
])('writes a lone high surrogate once in %s', (text, expected) => {
  expect(toJson(parseJson(text))).toBe(expected);
});

it('agrees with json.dumps on random JSON, any strings', () => {
  const value = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' });
  fc.assert(
    fc.property(value, (v) => {
      const text = JSON.stringify(v);
      expect(toJson(parseJson(text))).toBe(reference(text));
    }),
    { numRuns: 1000 },
  );
});
