import { expect, it } from 'vitest';
import { ConditionError, Engine } from '../../src/lang/index.js';
import { compareWithCPython, cpython } from '../support/cpython.js';

const engine = new Engine();
const compileError = (source: string) => {
  const r = engine.compile(source, 'standard');
  if (!(r instanceof ConditionError)) throw new Error(`compiled: ${source}`);
  return { type: r.type, message: r.message, line: r.line, column: r.column, excerpt: r.excerpt };
};

it.each([
  ['return (1 +', 'SyntaxError', "expected an expression, found newline", 1, 12, 'return (1 +\n           ^'],
  ['x = 1\nif x\n    return True', 'SyntaxError', "expected ':', found newline", 2, 5, 'if x\n    ^'],
  ['if True:\nreturn 1', 'IndentationError', 'expected an indented block', 2, 1, 'return 1\n^'],
  ['  return 1', 'IndentationError', 'unexpected indent', 1, 3, '  return 1\n  ^'],
  ['if 1:\n    x = 1\n  y = 2', 'IndentationError', 'unindent does not match any outer indentation level', 3, 3, '  y = 2\n  ^'],
  ["return 'abc", 'SyntaxError', 'unterminated string literal', 1, 8, "return 'abc\n       ^^^^"],
  ['return 01', 'SyntaxError', 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', 1, 8, 'return 01\n       ^^'],
  ['break', 'SyntaxError', "'break' outside loop", 1, 1, 'break\n^^^^^'],
  ['x = 1\nasync def f(): pass', 'UnsupportedError', "'async' is not supported in conditions", 2, 1, 'async def f(): pass\n^^^^^'],
  ['return x.__weakref__', 'UnsupportedError', "names with double underscores ('__weakref__') are not allowed in conditions", 1, 10, 'return x.__weakref__\n         ^^^^^^^^^^^'],
  ['return f.__code__', 'UnsupportedError', "'__code__' is not available in conditions: code objects and cells are not built by the evaluator", 1, 10, 'return f.__code__\n         ^^^^^^^^'],
  ['return 1 = 2', 'SyntaxError', "expected a newline, found '='", 1, 10, 'return 1 = 2\n         ^'],
  ['1 = 2', 'SyntaxError', 'cannot assign to literal', 1, 1, '1 = 2\n^'],
  ["return f'{}'", 'SyntaxError', 'f-string: empty expression not allowed', 1, 10, "return f'{}'\n         ^^"],
  ["return f'{1 +}'", 'SyntaxError', "f-string: invalid syntax: unexpected ')'", 1, 14, "return f'{1 +}'\n             ^"],
  ['return 1jx', 'SyntaxError', 'invalid imaginary literal', 1, 8, 'return 1jx\n       ^^^'],
  ['return a $ b', 'SyntaxError', "invalid character '$'", 1, 10, 'return a $ b\n         ^'],
  ['with x:\npass', 'IndentationError', 'expected an indented block', 2, 1, 'pass\n^'],
  ['with x as 1: pass', 'SyntaxError', 'cannot assign to literal', 1, 11, 'with x as 1: pass\n          ^'],
  ['x = 1\nclass C:\n    yield x', 'SyntaxError', "'yield' outside function", 3, 5, '    yield x\n    ^^^^^^^'],
  ['x = [(yield) for a in b]', 'SyntaxError', "'yield' inside list comprehension", 1, 7, 'x = [(yield) for a in b]\n      ^^^^^'],
])('reports %j with its line, column and caret', (source, type, message, line, column, excerpt) => {
  expect(compileError(source)).toEqual({ type, message, line, column, excerpt });
});

it('agrees with CPython that these do not compile', () => {
  const sources = ['return (1 +', 'x = 1\nif x\n    return True', 'if True:\nreturn 1', '  return 1', "return 'abc", 'return 01', 'break', 'return 1 = 2', "return f'{}'", 'return a $ b', 'continue', 'x +', 'for in x: pass', 'return lambda x x', 'f(a=1, 2)', 'f(**k, *a)', 'del 1', '(a, b) += 1', 'f(a=1, b=2, a=3)', 'f(**k, 1)', 'f(a=1, 1)', 'g = lambda a=1, b: 0'];
  const results = cpython(sources.map((source) => ({ source })));
  results.forEach((r, i) => {
    expect(r.error, sources[i]).toMatch(/^(SyntaxError|IndentationError)/);
    expect(engine.compile(sources[i], 'standard'), sources[i]).toBeInstanceOf(ConditionError);
  });
});

it('agrees with CPython on what does compile: keyword-only parameters mixing defaults, keywords after *args', () => {
  expect(compareWithCPython(['f = lambda a, *b, c=1, d, e=2, **g: (a, b, c, d, e, g)\nreturn f(1, 2, d=3, h=4)', 'f = lambda *, a=1, b: a + b\nreturn f(b=2)', 'f = lambda *a, **k: (a, k)\nreturn f(*[1], x=1, *[2], **{"y": 2})'])).toEqual([]);
});

it('ends lines where the original did, at every line end of str.splitlines()', () => {
  const ends = ['\r\n', '\r', '\n', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029'];
  const sources = ends.flatMap((end) => [`x = 1${end}return x == 1`, `return 'a${end}b' != ''`, `x = 1${end}if x${end}    return 2${end}`]);
  expect(compareWithCPython(sources, engine)).toEqual([]);
  // columns count from the line's start, not from a \r before it
  expect(compileError('x = 1\r\nif x\r\n    return 2')).toMatchObject({ line: 2, column: 5 });
});
