import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

// the module's first use in a worker compiles its code and patterns: done once, before the timed cases
for (let i = 0; i < 3; i++) compareWithCPython(["import textwrap\nreturn textwrap.fill('a-b c--d. e', 5, max_lines=2, fix_sentence_endings=True), textwrap.wrap('The quick brown fox jumps over the lazy dog. ' * 3), textwrap.dedent(' x'), textwrap.indent('x', ' ')"]);

const LOREM = "'The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! How vexingly quick daft zebras jump?'";

/** wrap, fill, shorten, dedent and indent, with TextWrapper's options, as CPython 3.11 answers them. */
it('wraps, fills and shortens as CPython does', () => {
  const exprs = [
    `wrap(${LOREM})`, `wrap(${LOREM}, 20)`, `wrap(${LOREM}, width=10)`, `fill(${LOREM}, 30)`, `fill(${LOREM}, 25, initial_indent='* ', subsequent_indent='  ')`, `wrap('')`, `wrap('   ')`, `fill('')`,
    `wrap('a\\tb\\tc', 10)`, `wrap('a\\tb', 10, expand_tabs=False)`, `wrap('a\\tb', 10, tabsize=2)`, `wrap('a\\nb\\x0bc\\x0cd\\re', 80)`, `wrap('a\\nb  c', 80, replace_whitespace=False)`,
    `wrap('  leading and trailing  ', 10)`, `wrap('  leading and trailing  ', 10, drop_whitespace=False)`, `wrap('supercalifragilisticexpialidocious', 10)`, `wrap('supercalifragilisticexpialidocious', 10, break_long_words=False)`,
    `wrap('a well-known long-winded self-referential thing', 12)`, `wrap('a well-known long-winded self-referential thing', 12, break_on_hyphens=False)`, `wrap('x-y-z-w-v-u-t', 3)`, `wrap('----------', 4)`, `wrap('ab--cd--ef', 5)`,
    `wrap('Hello there.  How are you? Fine.', 80, fix_sentence_endings=True)`, `wrap('Mr. Smith said "hi." Then left.', 80, fix_sentence_endings=True)`, `fill(${LOREM}, 30, max_lines=2)`, `fill(${LOREM}, 30, max_lines=1)`,
    `fill(${LOREM}, 30, max_lines=2, placeholder='…')`, `fill(${LOREM}, 10, max_lines=3, placeholder=' (more)')`, `fill('aaaa bbbb', 5, max_lines=1, placeholder='..')`, `fill('a b', 3, max_lines=1, placeholder='xxxxxx')`,
    `wrap('😀😀😀 éé ü 日本語のテキスト', 4)`, `wrap('😀😀😀😀😀😀', 3)`, `wrap('x ' * 5, 1)`, `wrap('abc', 0)`, `wrap('abc', -1)`, `wrap('abc', 2.5)`, `wrap('abc', '5')`, `wrap(5)`, `wrap(None)`, `wrap(b'abc')`,
    `wrap('a', 5, bogus=1)`, `wrap('a', 5, width=6)`, `wrap()`, `wrap('abc def', 5, initial_indent='>>>>>>')`, `wrap('abc', 3, initial_indent='>>>')`,
    `shorten('Hello  world!   How are you?', 20)`, `shorten('Hello world', 11)`, `shorten('Hello world', 5)`, `shorten('Hello world', 10, placeholder='...')`, `shorten('   ', 5)`, `shorten('a b', 1)`,
    `shorten('abc', 5, max_lines=2)`, `shorten(5, 5)`, `shorten('a')`,
    `dedent('    a\\n      b\\n    c')`, `dedent('  a\\n\\tb')`, `dedent('\\ta\\n\\t\\tb\\n  \\n')`, `dedent('no indent\\n  x')`, `dedent('')`, `dedent('   ')`, `dedent('  a\\r\\n  b\\r\\n')`, `dedent(' \\t a\\n \\t b')`,
    `dedent(' \\t a\\n \\t\\tb')`, `dedent('  é\\n  😀')`, `dedent(5)`, `dedent(b'  a')`, `dedent('\\u3000a\\n\\u3000b')`,
    `indent('a\\nb\\n\\nc', '> ')`, `indent('a\\r\\nb\\x0bc', '+')`, `indent('  \\nx', '-')`, `indent('a\\nb', '> ', lambda l: True)`, `indent('a\\nb', '> ', lambda l: 'a' in l)`, `indent('', 'x')`, `indent(5, 'x')`,
    `indent('a', 5)`, `indent('a', 'x', 5)`,
  ];
  expect(compareWithCPython(exprs.map((e) => `from textwrap import wrap, fill, shorten, dedent, indent\nreturn ${e}`))).toEqual([]);
});

/** TextWrapper: its attributes, a changed one, and a subclass's own methods. */
it('answers TextWrapper as CPython does', () => {
  const bodies = [
    `w = textwrap.TextWrapper(width=15, initial_indent='- ')\nreturn w.wrap('one two three four five six'), w.width, w.placeholder, w.max_lines, w.tabsize, w.break_on_hyphens`,
    `w = textwrap.TextWrapper()\nw.width = 8\nreturn w.fill('alpha beta gamma delta')`, `w = textwrap.TextWrapper(10, max_lines=2)\nreturn w.fill('alpha beta gamma delta epsilon')`,
    `return textwrap.TextWrapper(1, 2)`.replace('return ', 'w = ') + `\nreturn w.initial_indent`, `return textwrap.TextWrapper(bogus=1)`, `return textwrap.TextWrapper(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)`,
    `class W(textwrap.TextWrapper):\n    def _split(self, text):\n        return text.split(',')\nreturn W(width=5).wrap('ab,cd,ef,gh')`,
    `import re\nclass W(textwrap.TextWrapper):\n    wordsep_simple_re = re.compile('(,)')\nreturn W(width=4, break_on_hyphens=False).wrap('ab,cd,ef')`,
    `w = textwrap.TextWrapper(width=6)\nreturn w._split('a-b c--d'), w._munge_whitespace('a\\tb'), w._split_chunks('x  y')`, `return textwrap.TextWrapper.wordsep_re.pattern == textwrap.TextWrapper.wordsep_re.pattern`,
    `return textwrap.TextWrapper.unicode_whitespace_trans`, `return textwrap.TextWrapper.sentence_end_re.search('end.') is not None`, `w = textwrap.TextWrapper(width=5)\nw.placeholder = 'x'\nreturn w.__dict__ == vars(w), sorted(vars(w))`,
    `import textwrap as t\nreturn t.fill(t.dedent('''\n    Some indented\n    text here, long enough to wrap around.\n'''), 20)`, `return type(textwrap.TextWrapper()).__name__, repr(textwrap.TextWrapper)`,
  ];
  expect(compareWithCPython(bodies.map((b) => `import textwrap\n${b}`))).toEqual([]);
});

/** Hostile inputs (huge, slow, recursive) end in the limits' errors, soon (the bound allows for a loaded machine). */
it.each([
    ["import textwrap\nreturn len(textwrap.wrap('a' * 900000, 1))", /^(StepLimitError)/],
    ["import textwrap\nreturn len(textwrap.wrap('a ' * 450000, 1))", /^(StepLimitError|MemoryError)/],
    ["import textwrap\nreturn len(textwrap.fill('word-word ' * 90000, 7))", /^(StepLimitError|MemoryError)/],
    ["import textwrap\nreturn len(textwrap.dedent('  x\\n' * 250000))", /^(StepLimitError|MemoryError)/],
    ["import textwrap\nreturn len(textwrap.indent('x\\n' * 450000, '> '))", /^(StepLimitError|MemoryError)/],
    ["import textwrap\nreturn len(textwrap.shorten('word ' * 190000, 50))", /^(StepLimitError|MemoryError)/],
    ["import textwrap\nreturn len(textwrap.wrap('x ' * 1000, 10**9, initial_indent='a' * 900000, subsequent_indent='b' * 900000))", /^(StepLimitError|MemoryError|1)/],
    ["import textwrap\nclass W(textwrap.TextWrapper):\n    def wrap(self, text):\n        return self.fill(text)\n    def fill(self, text):\n        return self.wrap(text)\nreturn W().wrap('x')", /^(RecursionError)/],
    ["import textwrap\nw = textwrap.TextWrapper(width=1, break_long_words=False)\nreturn len(w.wrap('ab ' * 300000))", /^(StepLimitError|MemoryError)/],
])('ends %j within the limits', (source, error) => {
  const engine = new Engine();
  const started = performance.now();
  const out = evaluator(engine, { source });
  expect(out.repr ?? out.error).toMatch(error);
  expect(performance.now() - started).toBeLessThan(1500);
});

/** Odd inputs: str subclasses, non-ASCII and odd whitespace, odd option types, codecs and error handlers. */
it('answers odd inputs as CPython does', () => {
  expect(compareWithCPython([
    `import textwrap\nclass S(str):\n    pass\nreturn textwrap.wrap(S('a b c d'), 3), textwrap.fill(S('x y'), 1), type(textwrap.dedent(S(' a'))).__name__, type(textwrap.indent(S('a'), '>')).__name__`,
    `import textwrap\nreturn textwrap.wrap('a\\u00a0b c\\u2003d e\\u3000f', 3)`,
    `import textwrap\nreturn textwrap.wrap('é\\tü\\tx', 6)`,
    `import textwrap\nreturn textwrap.wrap('a b', 10.0), textwrap.wrap('abcdef', 3.0)`,
    `import textwrap\nreturn textwrap.wrap('abc def', True)`,
    `import textwrap\nreturn textwrap.wrap('abc', 3, max_lines=0)`,
    `import textwrap\nreturn textwrap.wrap('a b c d e f', 3, max_lines=2, placeholder='')`,
    `import textwrap\nreturn textwrap.fill('Hello.  World', 80, fix_sentence_endings=True), textwrap.fill('A.B. C', 80, fix_sentence_endings=True), textwrap.fill('ok." Next', 80, fix_sentence_endings=True)`,
    `import textwrap\nreturn textwrap.wrap('12-34 ab-cd éé-üü 1a-2b', 4)`,
    `import textwrap\nreturn textwrap.wrap('--abc-- --', 3)`,
    `import textwrap\nreturn textwrap.wrap('a--b c---d', 2)`,
    `import textwrap\nreturn textwrap.wrap(' a', 1, drop_whitespace=False), textwrap.wrap('a  ', 1, drop_whitespace=False), textwrap.wrap('\\n\\n', 5, replace_whitespace=False)`,
    `import textwrap\nw = textwrap.TextWrapper(width=5)\nw.width = 'x'\nreturn w.wrap('a')`,
    `import textwrap\nw = textwrap.TextWrapper(width=5, initial_indent=3)\nreturn w.wrap('a')`,
    `import textwrap\nreturn textwrap.shorten('Hello world!', width=12), textwrap.shorten('Hello world!', width=11), textwrap.shorten('Hello  world', 11, placeholder=' ~')`,
    `import textwrap\nreturn textwrap.indent('a\\nb', '>', predicate=None), textwrap.indent('a\\u2028b\\x85c', '|')`,
    `import textwrap\nreturn textwrap.dedent('\\t\\ta\\n\\t  b'), textwrap.dedent('  a\\n \\n  b'), textwrap.dedent('\\n\\n  a\\n')`,
  ])).toEqual([]);
});

/** Random texts of words, hyphens, dashes, punctuation and odd whitespace, wrapped with random options. */
it('wraps random texts as CPython does', () => {
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const pieces = ['word', 'a', 'Longerword', 'well-known', 'x-y-z', '--', '---', 'end.', 'Hi!', 'é', '😀', 'ü-ö', '  ', ' ', '\t', '\n', 'supercalifragilistic', 'a.', '"q."', '12-34', '-', 'Mr.'];
  const cases: string[] = [];
  for (let i = 0; i < 80; i++) {
    const text = Array.from({ length: 3 + rnd(25) }, () => pieces[rnd(pieces.length)]).join(rnd(3) === 0 ? '' : ' ');
    const opts = [`width=${1 + rnd(20)}`];
    for (const o of ['break_long_words', 'break_on_hyphens', 'drop_whitespace', 'fix_sentence_endings', 'expand_tabs', 'replace_whitespace']) if (rnd(4) === 0) opts.push(`${o}=${rnd(2) === 0}`.replace('true', 'True').replace('false', 'False'));
    if (rnd(3) === 0) opts.push(`max_lines=${1 + rnd(4)}`);
    if (rnd(4) === 0) opts.push(`initial_indent='${'>'.repeat(rnd(4))}'`, `subsequent_indent='${' '.repeat(rnd(3))}'`);
    if (rnd(5) === 0) opts.push(`placeholder='${['...', ' [..]', '', '~'][rnd(4)]}'`);
    if (rnd(6) === 0) opts.push(`tabsize=${rnd(5)}`);
    cases.push(`import textwrap\nreturn textwrap.wrap(${JSON.stringify(text)}, ${opts.join(', ')})`);
  }
  expect(compareWithCPython(cases)).toEqual([]);
});

/** Names, modules, types and subclasses: what introspection and a subclass's own __init__ meet. */
it('answers introspection and subclasses as CPython does', () => {
  expect(compareWithCPython([
    `import textwrap, shlex\nreturn textwrap.TextWrapper.__module__, textwrap.TextWrapper.__name__, shlex.shlex.__module__, textwrap.wrap.__name__, textwrap.TextWrapper.wrap.__qualname__`,
    `import textwrap\nclass W(textwrap.TextWrapper):\n    def __init__(self):\n        super().__init__(width=5)\nreturn W().wrap('aaa bbb ccc'), isinstance(W(), textwrap.TextWrapper)`,
    `import textwrap\nw = textwrap.TextWrapper(width=10)\nw.wordsep_re = None\nreturn w.wrap('a b')`,
    `import textwrap\nw = textwrap.TextWrapper(width=10, break_on_hyphens=1)\nreturn w.wrap('a-b-c cc-dd')`,
  ])).toEqual([]);
});
