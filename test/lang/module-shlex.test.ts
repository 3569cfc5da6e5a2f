import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

// the module's first use in a worker compiles its code and patterns: done once, before the timed cases
compareWithCPython(["import shlex\nreturn shlex.split('a \"b\"'), list(shlex.shlex('a&&b', punctuation_chars=True)), shlex.join(['a b'])"]);

/** shlex.split, quote and join, and the shlex class as split uses it, as CPython 3.11 answers them. */
it('splits, quotes and joins as CPython does', () => {
  const exprs = [
    `split('a b  c')`, `split('  ')`, `split('')`, `split('a "b c" \\'d e\\' f\\\\ g')`, `split('a"b"c')`, `split('"a\\\\"b"')`, `split("'a\\\\'")`, `split('a\\\\')`, `split('"unterminated')`, `split("'x")`,
    `split('a # comment')`, `split('a # comment', comments=True)`, `split('a#b c', True)`, `split('x\\n# c\\ny', comments=True)`, `split('a "b c" d', posix=False)`, `split("a 'b c'd e", posix=False)`, `split('a\\\\ b', posix=False)`,
    `split('"" \\'\\' x')`, `split('""')`, `split('é ü 😀 "日本 語"')`, `split('a\\tb\\nc\\rd')`, `split('--opt=1 -x "y z"')`, `split('a"b c"d')`, `split('"a\\\\$b\\\\"c\\\\\\\\d\\\\e"')`, `split("'\\\\n'")`,
    `split(5)`, `split(b'a b')`, `split('a', bogus=1)`, `split()`, `split('a;b', posix=True)`, `split('a"', posix=False)`, `split('"a" "b"', posix=False)`, `split('x # y', True, False)`,
    `quote('')`, `quote('abc')`, `quote('a b')`, `quote("it's")`, `quote('a@b%c+d=e:f,g./h-i')`, `quote('é')`, `quote('$HOME')`, `quote(0)`, `quote(None)`, `quote(5)`, `quote(b'a b')`, `quote([])`,
    `join(['a', 'b c', "d'e", ''])`, `join([])`, `join('ab')`, `join([1])`, `join(split('x "y z"'))`, `split(join(['a b', "c'd", '$x', '']))`, `quote('\\n')`,
  ];
  expect(compareWithCPython(exprs.map((e) => `from shlex import split, quote, join\nreturn ${e}`))).toEqual([]);
});

/** The shlex class: punctuation_chars, whitespace_split, non-posix tokens, and its attributes. */
it('answers the shlex class as CPython does', () => {
  const bodies = [
    `return list(shlex.shlex('a && b || c; (d)', punctuation_chars=True))`, `return list(shlex.shlex('a && b', posix=True, punctuation_chars=True))`,
    `s = shlex.shlex('ls -l ~/x|grep "y z">out', posix=True, punctuation_chars=True)\ns.whitespace_split = True\nreturn list(s)`, `return list(shlex.shlex('a=b c.d e-f'))`,
    `return list(shlex.shlex('a=b c.d', punctuation_chars='='))`, `s = shlex.shlex('x "y z" w')\nreturn s.get_token(), s.get_token(), s.get_token(), s.get_token(), s.lineno`,
    `s = shlex.shlex('a\\nb\\nc', posix=True)\nreturn [s.get_token() for _ in range(4)], s.lineno`, `s = shlex.shlex('a b')\ns.push_token('z')\nreturn list(s)`,
    `s = shlex.shlex('ab cd')\nreturn s.eof, s.posix, s.punctuation_chars, s.whitespace, s.quotes, s.escape, s.commenters, s.wordchars, s.state, s.token`,
    `s = shlex.shlex('x', posix=True, punctuation_chars=True)\nreturn s.eof, s.punctuation_chars, s.wordchars`, `s = shlex.shlex('a # b\\nc')\nreturn list(s)`, `s = shlex.shlex('a:b:c')\ns.wordchars += ':'\nreturn list(s)`,
    `s = shlex.shlex('a:b:c')\ns.whitespace = ':'\nreturn list(s)`, `s = shlex.shlex('"x')\nreturn list(s)`, `s = shlex.shlex('a b', posix=True)\nreturn s.error_leader(), s.error_leader('f', 3)`,
    `return list(shlex.shlex('a!b'))`, `return list(shlex.shlex('a!b', posix=True))`, `s = shlex.shlex('a b')\nreturn next(s), next(s), next(s, 'end')`, `return shlex.shlex(5).get_token()`,
    `class S(shlex.shlex):\n    pass\nreturn list(S('p q', posix=True))`, `return repr(shlex.shlex), type(shlex.shlex('a')).__name__`,
  ];
  expect(compareWithCPython(bodies.map((b) => `import shlex\n${b}`))).toEqual([]);
});

/** Hostile inputs (huge, slow, recursive) end in the limits' errors, soon (the bound allows for a loaded machine). */
it.each([
    ["import shlex\nreturn len(shlex.split('a' * 900000))", /^(StepLimitError|MemoryError)/],
    ["import shlex\nreturn len(shlex.split('a ' * 450000))", /^(StepLimitError|MemoryError)/],
    ["import shlex\nreturn len(shlex.split('\"' + 'a' * 900000))", /^(StepLimitError|MemoryError)/],
    ["import shlex\nreturn len(shlex.quote(\"'\" * 900000))", /^(MemoryError)/],
    ["import shlex\nreturn len(shlex.join(['a b'] * 300000))", /^(StepLimitError|MemoryError)/],
    ["import shlex\nreturn list(shlex.shlex('&' * 900000, punctuation_chars=True))", /^(StepLimitError|MemoryError)/],
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
    `import shlex\nreturn shlex.split('a', posix=0), shlex.split('"a b"', posix=''), shlex.split("a\\\\'b")`,
    `import shlex\nreturn list(shlex.shlex('a|b||c', punctuation_chars='|'))`,
    `import shlex\nreturn list(shlex.shlex("don't stop", posix=True))`,
    `import shlex\nreturn list(shlex.shlex('a "b\\\\" c" d', posix=True))`,
    `import shlex\nreturn list(shlex.shlex('über straße ñ', posix=True)), list(shlex.shlex('über straße'))`,
    `import shlex\ns = shlex.shlex('a b c')\ns.get_token()\ns.push_token('q')\nreturn s.get_token(), s.get_token(), s.get_token(), s.get_token()`,
    `import shlex\nreturn shlex.quote('a\\tb'), shlex.quote('-x'), shlex.quote('ü'), shlex.quote('a b'.upper())`,
    `import shlex\nclass S(str):\n    pass\nreturn shlex.quote(S('ab')), type(shlex.quote(S('ab'))).__name__, shlex.split(S('a b'))`,
  ])).toEqual([]);
});

/** Random command lines of words, quotes, escapes, comments and punctuation, split and lexed as CPython does. */
it('splits random command lines as CPython does', () => {
  let seed = 5;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const pieces = ['a', 'bc', ' ', '  ', '"', "'", '\\', '#', '\n', '&&', '|', ';', '(', ')', 'é', '-x', '=', '~/p', '*', '"q r"', "'s t'", '\\"', '\t'];
  const cases: string[] = [];
  for (let i = 0; i < 60; i++) {
    const line = JSON.stringify(Array.from({ length: 2 + rnd(12) }, () => pieces[rnd(pieces.length)]).join(''));
    cases.push(`import shlex\nreturn shlex.split(${line}, comments=${rnd(2) === 0 ? 'True' : 'False'}, posix=${rnd(3) === 0 ? 'False' : 'True'})`);
    cases.push(`import shlex\ns = shlex.shlex(${line}, posix=${rnd(2) === 0 ? 'True' : 'False'}, punctuation_chars=${rnd(2) === 0 ? 'True' : 'False'})\ns.whitespace_split = ${rnd(2) === 0 ? 'True' : 'False'}\nreturn list(s), shlex.quote(${line})`);
  }
  expect(compareWithCPython(cases)).toEqual([]);
});

/** Names, modules, types and subclasses: what introspection and a subclass's own __init__ meet. */
it('answers introspection and subclasses as CPython does', () => {
  expect(compareWithCPython([
    `import shlex\nclass L(shlex.shlex):\n    def __init__(self, s):\n        super().__init__(s, posix=True)\n        self.whitespace_split = True\nreturn list(L('a "b c" d&&e'))`,
    `import shlex\nreturn shlex.split('a b', False, True), shlex.split(s='x y'), shlex.join(('a', 'b c'))`,
  ])).toEqual([]);
});
