import fc from 'fast-check';
import { expect, it } from 'vitest';
import { quoteJson } from '../../src/lang/runtime/json-quote.js';
import { compareWithCPython } from '../support/cpython.js';

// quoteJson writes what JSON.stringify writes, lone surrogates escaped, or kept as they are for json.dumps(ensure_ascii=False)
const units = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\b', '\x00', '\x1f', '\x7f', '\ud800', '\udbff', '\udc00', '\udfff', '\u2028'), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))), maxLength: 40 });

it('quotes any string of units as JSON.stringify does', () => {
  fc.assert(
    fc.property(units, (s) => {
      expect(quoteJson(s)).toBe(JSON.stringify(s));
    }),
    { numRuns: 3000 },
  );
});

it("keeps a lone surrogate's unit as it is where asked, and escapes the rest as JSON.stringify does", () => {
  // JSON.stringify's text with each lone surrogate's escape made its unit again (an escaped backslash is no escape's start)
  const kept = (s: string) => JSON.stringify(s).replace(/\\\\|\\u(d[89a-f][0-9a-f]{2})/g, (m, hex?: string) => (hex === undefined ? m : String.fromCharCode(parseInt(hex, 16))));
  fc.assert(
    fc.property(units, (s) => {
      expect(quoteJson(s, true)).toBe(kept(s));
    }),
    { numRuns: 3000 },
  );
  expect(quoteJson('\ud83d\ud83d\ude00"', true)).toBe('"\ud83d\ud83d\ude00\\""');
});

// a list's parts were counted 8 items each toward the size limit: json.dumps of 100,000 small items,
// a text of 300,000-700,000 characters CPython writes, was a MemoryError of 1.1-1.5 million items
it('writes a long list of small items as CPython does, within the size limit', () => {
  expect(compareWithCPython([
    'import json\nreturn len(json.dumps(list(range(100000)))), len(json.dumps([1] * 150000, separators=(",", ":")))',
  ])).toEqual([]);
});
