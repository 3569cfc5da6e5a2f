import fc from 'fast-check';
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython } from '../support/cpython.js';
import { announceSeed } from '../support/fuzz-seed.js';

/**
 * Lone surrogates through the stdlib modules that read and write strs on their own (widths,
 * chunks, parsers, tables): a lone high surrogate is held as its unit twice (codepoints.ts),
 * so a module that counts units, splits a JS string into characters or runs a 'u' pattern
 * over it reads one character as two, or a lone high and a lone low as the pair '😀'.
 */
const CASES = [
  // textwrap: widths in code points, long words cut between code points, chunks as CPython's patterns make them
  "import textwrap\ns = 'ab ' + chr(0xd83d) * 3 + ' cd ' + chr(0xd83d) + '\\udc00' + ' ef'\nreturn textwrap.wrap(s, 4), textwrap.wrap(s, 3), [len(x) for x in textwrap.wrap(s, 5)]",
  "import textwrap\ns = chr(0xd83d) * 10\nreturn textwrap.wrap(s, 3), textwrap.fill(s, 4), textwrap.wrap('x' + s + '-ab-cd', 5)",
  "import textwrap\nreturn textwrap.wrap('ab\\ud835\\udc00-cd', 3), textwrap.wrap('a\\ud835\\udc00\\ud835\\udc00-cd', 2), textwrap.wrap('x\\ud835\\udc00--y ab', 3)",
  "import textwrap\ns = '😀\\ud83d \\ude00😀 ' * 4\nreturn textwrap.shorten(s, 12), textwrap.shorten(s, 9, placeholder='\\ud83d..'), textwrap.wrap(s, 6, max_lines=2, placeholder='\\ud83d')",
  "import textwrap\nreturn textwrap.wrap('\\ud83d' * 5 + '-' + '\\ud83d' * 5, 6), textwrap.wrap('ab-' + '\\ud83d' * 7, 5), textwrap.wrap('\\ud83d\\ude00' * 4, 3, break_on_hyphens=False)",
  "import textwrap\nw = textwrap.TextWrapper(width=4, initial_indent='\\ud83d\\ud83d', subsequent_indent='\\ud83d')\nreturn w.wrap('abc def ghi'), w.fill('\\ud83d\\ud83d\\ud83d \\ud83d\\ud83d'), textwrap.dedent('  \\ud83dx\\n  \\ud83dy\\n'), textwrap.indent('a\\nb', '\\ude00\\ud83d')",
];

// a loaded machine's first regular expressions beyond ASCII can take longer than a run's wall time
const untimed = new Engine({ maxMillis: 60_000, requestMillis: 60_000 });

it('wraps, parses and tabulates strs holding lone surrogates as CPython does', () => {
  expect(compareWithCPython(CASES, untimed)).toEqual([]);
});

const ALPHABET = ['a', 'b', 'Z', ' ', '-', '\\t', '\\n', 'é', '\\u0301', '😀', '𝐀', '\\ud83d', '\\ud835', '\\udbff', '\\ude00', '\\udc00', '.', '&', '#', '0', '9'];

type Op = (v: { s: string; t: string; c: string; n: number }) => string;
const OPS: Op[] = [
  ({ s, n }) => `import textwrap\nreturn textwrap.wrap(${s} * 2, ${n}), textwrap.fill(${s}, ${n + 1}, break_long_words=${n % 2 === 0 ? 'True' : 'False'})`,
  ({ s, t, c, n }) => `import textwrap\nreturn textwrap.shorten(${s} + ' ' + ${t}, ${n + 5}, placeholder=${c} or '..'), textwrap.wrap(${s}, ${n}, max_lines=2, placeholder=${c} + '.')`,
  ({ s, t, c, n }) => `import textwrap\nreturn textwrap.wrap(${s}, ${n + 3}, initial_indent=${c}, subsequent_indent=${t}[:2], break_on_hyphens=False, drop_whitespace=${n > 3 ? 'True' : 'False'})`,
  ({ s, t, c }) => `import textwrap\nreturn textwrap.dedent(${s}), textwrap.indent(${s}, ${c}), textwrap.indent(${t}, ${c}, lambda l: len(l) > 2)`,
  ({ s, n }) => `import textwrap\nreturn textwrap.wrap(${s}, ${n}, fix_sentence_endings=True, expand_tabs=False, replace_whitespace=False)`,
];

const seed = announceSeed('lone surrogates in modules');
const literal = (most: number) => fc.array(fc.constantFrom(...ALPHABET), { maxLength: most }).map((a) => `'${a.join('')}'`);

it('agrees with CPython on 600 random module calls on strs of lone surrogates, astral and other characters', () => {
  const programs = fc
    .sample(fc.tuple(literal(14), literal(6), literal(2), fc.integer({ min: 1, max: 8 }), fc.nat(OPS.length - 1)), { numRuns: 600, seed })
    .map(([s, t, c, n, op]) => OPS[op]({ s, t, c, n }));
  expect(compareWithCPython(programs, untimed)).toEqual([]);
});
