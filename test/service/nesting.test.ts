import { afterAll, beforeAll, expect, it } from 'vitest';
import { evalBody } from '../support/load.js';
import { post, startServer, type Server } from '../support/server.js';

/** Conditions nested at the parser's limits and one past them, through the real server: answered quickly, and the worker serves on. */
let server: Server;
beforeAll(async () => {
  server = await startServer('bundle', ['--workers', '1']);
});
afterAll(async () => {
  await server.stop();
});

it('answers conditions nested at N and N+1 quickly, and keeps serving', async () => {
  const deep = 'RecursionError: maximum recursion depth exceeded during compilation';
  const cases: [string, string | null][] = [
    ['return ' + '-'.repeat(2997) + '1', null],
    ['return ' + '-'.repeat(2998) + '1', deep],
    ['return ' + 'not '.repeat(2997) + 'False', null],
    ['return ' + 'not '.repeat(2998) + 'True', deep],
    ['return ' + '1 if 1 else '.repeat(2998) + '1', deep],
    ['return ' + '('.repeat(200) + '1' + ')'.repeat(200), null],
    ['return ' + '('.repeat(201) + '1' + ')'.repeat(201), 'SyntaxError: too many nested parentheses'],
    ['return ' + '['.repeat(30_000) + ']'.repeat(30_000), 'SyntaxError: too many nested parentheses'],
    // CPython's parser gives up first, with a bare MemoryError (parse/parser-stack.ts)
    ['return ' + '-'.repeat(90_000) + '1', 'MemoryError: '],
    ['return ' + '('.repeat(150) + '-'.repeat(1762) + '1' + ')'.repeat(150), 'MemoryError: '],
    ['x = 1\nreturn x' + ' ** x'.repeat(2981), 'MemoryError: '],
    ['x = 1\nreturn x' + ' ** x'.repeat(2980), null],
    // chains at CPython's compiler point (parse/nesting.ts), compiled bottom up (compile/deep.ts)
    ['return ' + Array(2998).fill('1').join(' + '), null],
    ['return ' + Array(2999).fill('1').join(' + '), deep],
    // (not run: V8 may deoptimise a closure with thousands of its calls on the stack, which can take a run past 50 ms)
    ['return 1 or f' + '()'.repeat(2996), null],
    ['return 1 or f' + '()'.repeat(2997), deep],
    ['return 1 or a' + '[1]'.repeat(2996), null],
    ['return 1 or a' + '.b'.repeat(2997), deep],
    ['return ' + 'x.a'.repeat(30_000), 'SyntaxError: too many syntax-tree nodes (the limit is 20000)'],
    [Array.from({ length: 20 }, (_, i) => ' '.repeat(i) + 'for i in range(1):').join('\n') + '\n' + ' '.repeat(20) + 'return True', null],
    [Array.from({ length: 21 }, (_, i) => ' '.repeat(i) + 'for i in range(1):').join('\n') + '\n' + ' '.repeat(21) + 'return True', 'SyntaxError: too many statically nested blocks'],
    // values as deep as CPython walks them: a tuple 1,000 deep hashed (990 raised before; CPython has no limit there), 998 generator expressions walked at once
    ['x = ()\nfor i in range(1000):\n    x = (x,)\nreturn x in {x}', null],
    ['g = iter([1])\nfor i in range(998):\n    g = (x for x in g)\nreturn list(g)', null],
    // printed as deep as CPython prints them, and one more its catchable RecursionError: a namespace in a list in turn (the
    // server's JavaScript stack ran out at some 460, which ended the run), a partial in a partial (counted no level)
    ["import types\nx = 1\nfor i in range(498):\n    x = types.SimpleNamespace(a=[x])\nreturn len('%r' % (x,)) > 0", null],
    ["import types\nx = 1\nfor i in range(499):\n    x = types.SimpleNamespace(a=[x])\ntry:\n    '%r' % (x,)\nexcept RecursionError as e:\n    return 'getting the repr' in str(e)", null],
    ["import functools\nx = 1\nfor i in range(997):\n    x = functools.partial(print, x)\nreturn len('%r' % (x,)) > 0", null],
    ["import functools\nx = 1\nfor i in range(998):\n    x = functools.partial(print, x)\ntry:\n    '%r' % (x,)\nexcept RecursionError as e:\n    return 'getting the repr' in str(e)", null],
  ];
  for (const [text, error] of cases) {
    let start = performance.now();
    let { status, json } = await post(server, '/eval', evalBody([text]));
    if (error === null && /time budget/.test(json.error ?? '')) {
      // a walk's first run is V8's unoptimised code, which a loaded machine may keep past 50 ms: the second is the measure
      start = performance.now();
      ({ status, json } = await post(server, '/eval', evalBody([text])));
    }
    const ms = performance.now() - start;
    expect(status).toBe(200);
    if (error === null) expect(json.trueConditions, `${text.slice(0, 30)}: ${json.error}`).toEqual([0]);
    else expect(json.error, text.slice(0, 30)).toMatch(new RegExp(`^${error.replace(/[()]/g, '\\$&')} \\(line \\d+, column \\d+\\)$`));
    // a few ms of the worker's time; generous for a loaded machine
    expect(ms, text.slice(0, 30)).toBeLessThan(2000);
  }
  // the same worker answers the next request
  expect((await post(server, '/eval', evalBody(['return True']))).json.trueConditions).toEqual([0]);
  expect(server.errors()).not.toMatch(/worker .* (exited|died)/);
});
