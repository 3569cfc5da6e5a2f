import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseExact, parseJson } from '../../src/lang/runtime/json.js';
import { repr } from '../../src/lang/runtime/repr.js';

/** The value's repr, or the error: both parsers must agree on either. */
const outcome = (parse: (t: string) => unknown, text: string): string => {
  try {
    return repr(parse(text));
  } catch (err) {
    return `error: ${(err as Error).message}`;
  }
};

/**
 * Request bodies go through JSON.parse unless a pre-scan finds what it would get wrong;
 * the answer must be the exact parser's either way.
 */
it.each([
  '{"10": 1, "2": 2, "a": 3}',
  '{"a\\"": 1, "10": 2}',
  '{"x": "a\\\\", "2": 1}',
  '{"s": "1.0 and 1e5 and \\"10\\": 1"}',
  '[1.0, 2.50, -0.0, 1e3, 1E-2, 12345678901234567, 3]',
  '{"0": 0, "01": 1, "4294967295": 2}',
  '{"t": "2019-10-13T14:22:50.000Z", "n": 10.000}',
  '"\\u00e9\\n"',
  '  {"a" : [ 1 , {"10" : 2.0} ] }  ',
])('parses %s as the exact parser does', (text) => {
  expect(outcome(parseJson, text)).toBe(outcome(parseExact, text));
});

it.each([512, 513, 100_000])('treats %i levels of nesting as the exact parser does', (depth) => {
  for (const [open, close] of [['[', ']'], ['{"a":', '}']]) {
    const text = `{"payload": ${open.repeat(depth - 1)}1${close.repeat(depth - 1)}}`;
    expect(outcome(parseJson, text)).toBe(outcome(parseExact, text));
    expect(outcome(parseJson, text).startsWith('error: Nesting deeper than 512 levels')).toBe(depth > 512);
  }
});

it('agrees with the exact parser on random JSON, spaced at random', () => {
  const key = fc.oneof(fc.string(), fc.nat().map(String), fc.constantFrom('10', '2', '0', '"', '\\', 'a"b'));
  const value = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(1, 2, 10, 0.5),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(key, tie('v'), { maxKeys: 4 }),
    ),
  })).v;
  fc.assert(
    fc.property(value, fc.constantFrom(undefined, 1, 2), (v, space) => {
      // integral floats printed as 2.0, the form JSON.parse would lose
      const text = JSON.stringify(v, null, space).replace(/(:\s*|\[\s*|,\s*)(-?\d+)(?=\s*[,}\]])/g, (m, pre, n) => (Number(n) % 3 === 0 ? `${pre}${n}.0` : m));
      expect(outcome(parseJson, text)).toBe(outcome(parseExact, text));
    }),
    { numRuns: 2000 },
  );
});
