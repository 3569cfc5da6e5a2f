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
    ['return ' + '-'.repeat(90_000) + '1', deep],
  ];
  for (const [text, error] of cases) {
    const start = performance.now();
    const { status, json } = await post(server, '/eval', evalBody([text]));
    const ms = performance.now() - start;
    expect(status).toBe(200);
    if (error === null) expect(json.trueConditions, text.slice(0, 30)).toEqual([0]);
    else expect(json.error, text.slice(0, 30)).toMatch(new RegExp(`^${error.replace(/[()]/g, '\\$&')} \\(line 1, column \\d+\\)$`));
    // a few ms of the worker's time; generous for a loaded machine
    expect(ms, text.slice(0, 30)).toBeLessThan(2000);
  }
  // the same worker answers the next request
  expect((await post(server, '/eval', evalBody(['return True']))).json.trueConditions).toEqual([0]);
  expect(server.errors()).not.toMatch(/worker .* (exited|died)/);
});
