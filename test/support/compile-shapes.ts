/**
 * Conditions of 100,000 characters (the source limit) in every shape that could make a
 * tokenizer or parser super-linear, shared by the test that bounds their compile time and
 * `bench/compile-shapes.ts` that prints it.
 */
const SIZE = 100_000;

/** head + unit repeated as often as fits before tail in SIZE characters (or the i-th units while they fit). */
function fill(head: string, unit: string, tail = '', nth?: (i: number) => string): string {
  if (nth === undefined) return head + unit.repeat(Math.floor((SIZE - head.length - tail.length) / unit.length)) + tail;
  const units: string[] = [];
  for (let i = 0, length = head.length + tail.length; length + nth(i).length <= SIZE; i++) {
    units.push(nth(i));
    length += nth(i).length;
  }
  return head + units.join('') + tail;
}

const nested = (depth: number) => '('.repeat(depth) + '1' + ')'.repeat(depth);
const blocks = (depth: number) => Array.from({ length: depth }, (_, i) => ' '.repeat(i) + 'if x:\n').join('') + ' '.repeat(depth) + 'pass\n';

export const COMPILE_SHAPES: readonly (readonly [string, string])[] = [
  ['f-string of {1} fields', fill("return f'", '{1}', "'")],
  ['f-string of {x=} fields', fill("x = 1\nreturn f'", '{x=}', "'")],
  ['f-string of {1!r:>{2}} fields', fill("return f'", '{1!r:>{2}}', "'")],
  ['f-string of literal text and {{', fill("return f'", 'ab{{}}', "'")],
  ['triple-quoted raw f-string, fields on many lines', fill("return rf'''", '{1}\\\n', "'''")],
  ['f-strings concatenated', fill('return ', "f'{1}' ")],
  ['nested f-strings, many times', fill('return ', `f'{f"{1}"}' `)],
  ['one long string', fill("return '", 'a', "'")],
  ['one long string of escapes', fill("return '", '\\x41\\n\\101', "'")],
  ['one long triple-quoted string of lines', fill("return '''", 'a\n', "'''")],
  ["strings concatenated 'a' 'b' ...", fill('return ', "'a' ")],
  ['a long line 1+1+...', fill('return 1', '+1')],
  ['a long line 1**1**...', fill('return 1', '**1')],
  ['a long chain x.a.a...', fill('x = 1\nreturn x', '.a')],
  ['a long comparison 1<1<...', fill('return 1', '<1')],
  ['a long and-chain', fill('return 1', ' and 1')],
  ['a list of 1,1,...', fill('return [', '1,', ']')],
  ['a dict of many keys', fill('return {', '1:1,', '}')],
  ['many short lines', fill('', 'x = 1\n')],
  ['many statements on one line', fill('x = 1', ';x = 1')],
  ['99 nested brackets, many times', fill('', `x = ${nested(99)}\n`)],
  ['99 nested blocks, many times', fill('x = 0\n', blocks(99))],
  ['99 not, many times', fill('', `x = ${'not '.repeat(99)}1\n`)],
  ['many elif', fill('x = 1\nif x == 0:\n    pass\n', 'elif x == 1:\n    pass\n')],
  ['one huge integer', fill('return ', '1')],
  ['one huge float', fill('return 1.', '1')],
  ['many large numbers', fill('return [', '123456789012,', ']')],
  ['many comments', fill('', '# a comment\n', 'return 1')],
  ['one long comment', fill('#', 'x', '\nreturn 1')],
  ['one long identifier', fill('return ', 'a')],
  ['one long non-ASCII identifier', fill('return ', 'é')],
  ['many identifiers', fill('return [', 'abcdefgh,', ']')],
  ['line continuations', fill('return 1', ' \\\n+1')],
  ['many newlines inside brackets', fill('x = (', '\n', '1)')],
  ['many carriage returns', fill('x = 1', '\r', '\n')],
  ['many newlines inside an f-string field', fill("return f'''{", '\n', "1}'''")],
  ['a call with many keyword arguments', fill('return dict(', 'a1=1,', ')', (i) => `a${i}=1,`)],
  ['a call with a keyword, then many *args', fill('return f(a=1', ',*a', ')')],
  ['a lambda of many parameters with defaults', fill('f = lambda ', 'a=1,', ':0', (i) => `a${i}=1,`)],
  ['a lambda of many keyword-only parameters', fill('f = lambda *, ', 'a,', ':0', (i) => `a${i},`)],
  ['a call chain f()()()...', fill('return f', '()')],
  ['a subscript chain x[0][0]...', fill('return x', '[0]')],
  ['many assignment targets a, b, ... = x', fill('', 'a,', '= x', (i) => `a${i},`)],
  ['many chained assignments a = b = ...', fill('', 'a = ', '1')],
  ['a comprehension of many ifs', fill('return [x for x in y', ' if 1', ']')],
  ['many except handlers', fill('try:\n    pass\n', 'except ValueError:\n    pass\n')],
  ['many imports', fill('import re', ', re')],
  ['a global of many names', fill('global data', ', data')],
  ['a dict of many ** items', fill('return {', '**a,', '}')],
  ['a set of many items', fill('return {', '1,', '}')],
  ['a syntax error at the end', fill('', 'x = 1\n', '$')],
];
