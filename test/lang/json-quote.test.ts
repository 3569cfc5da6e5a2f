import fc from 'fast-check';
import { expect, it } from 'vitest';
import { quoteJson } from '../../src/lang/runtime/json-quote.js';
import { compareWithCPython } from '../support/cpython.js';
import { unclocked } from '../support/cpu-budget.js';

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
      expect(quoteJson(s, 'raw')).toBe(kept(s));
    }),
    { numRuns: 3000 },
  );
  expect(quoteJson('\ud83d\ud83d\ude00"', 'raw')).toBe('"\ud83d\ud83d\ude00\\""');
});

it('escapes every unit outside printable ASCII where asked, as ensure_ascii does to JSON.stringify\'s text', () => {
  const ascii = (s: string) => JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  fc.assert(
    fc.property(units, (s) => {
      expect(quoteJson(s, 'ascii')).toBe(ascii(s));
    }),
    { numRuns: 3000 },
  );
  expect(quoteJson('\u00e9'.repeat(20) + '\ud83d\ude00\x7f', 'ascii')).toBe('"' + '\\u00e9'.repeat(20) + '\\ud83d\\ude00\\u007f"');
});

it('json.dumps of non-ASCII text, lone surrogates and pairs, as CPython writes it', () => {
  expect(compareWithCPython([
    "import json\ns = '\\ud800a\\udc00\\U0001f600\\ud83d\\x01\\x7f\"\\\\' + '\\u00e9' * 70\nreturn [json.dumps(s), json.dumps(s, ensure_ascii=False), json.dumps({s: [s]}), json.dumps({s: 1}, ensure_ascii=False)]",
    "import json\nreturn [json.dumps('\\u00e9' * 10), json.dumps(['\\ud83d' * 40, '\\u2028' * 17]), json.dumps('\\udbff' * 17, ensure_ascii=False) == '\"' + '\\udbff' * 17 + '\"']",
  ])).toEqual([]);
});

// a list's parts were counted 8 items each toward the size limit: json.dumps of 100,000 small items,
// a text of 300,000-700,000 characters CPython writes, was a MemoryError of 1.1-1.5 million items
// the clock lifted: 250,000 items take 30-60 ms on a 2-core machine, about the default 50 ms run (the subject here is the size count)
it('writes a long list of small items as CPython does, within the size limit', () => {
  expect(compareWithCPython([
    'import json\nreturn len(json.dumps(list(range(100000)))), len(json.dumps([1] * 150000, separators=(",", ":")))',
  ], unclocked)).toEqual([]);
});
