import { describe, expect, it } from 'vitest';
import { ConditionError, DEFAULT_LIMITS, Engine, makeLimits, type Limits } from '../../src/lang/index.js';
import { evaluator } from '../support/cpython.js';

/** Runs a body under the given limits: its repr, or the exception. */
function run(source: string, limits: Partial<Limits> = {}): string {
  const out = evaluator(new Engine(limits), { source });
  return out.repr ?? out.error!;
}

describe('limits, each at N and N+1', () => {
  it('are frozen and validated', () => {
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
    expect(Object.isFrozen(makeLimits({ maxSteps: 5 }))).toBe(true);
    expect(() => makeLimits({ maxSteps: 0 })).toThrow(/positive integer/);
    expect(() => makeLimits({ nope: 1 } as never)).toThrow(/unknown limit/);
    expect(DEFAULT_LIMITS).toMatchObject({ maxSteps: 100_000, maxSize: 1_000_000, cacheSize: 10_000 });
  });

  it('step budget: N loop iterations run, N+1 raise', () => {
    const loop = (n: number) => `i = 0\nwhile i < ${n}:\n    i += 1\nreturn i`;
    expect(run(loop(1000), { maxSteps: 1000 })).toBe('1000');
    expect(run(loop(1001), { maxSteps: 1000 })).toBe('StepLimitError: condition exceeded its budget of 1000 steps');
    expect(run(loop(100_000))).toBe('100000');
    expect(run(loop(100_001))).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
  });

  it('step budget counts calls too', () => {
    const calls = (n: number) => `for i in range(${n}):\n    len('x')\nreturn True`;
    // range() is one call, each iteration one step and one call
    expect(run(calls(49), { maxSteps: 99 })).toBe('True');
    expect(run(calls(50), { maxSteps: 99 })).toMatch(/^StepLimitError/);
  });

  it('size cap: strings, lists and dicts of N items are built, N+1 raise MemoryError', () => {
    const limits = { maxSize: 1000 };
    expect(run("return len('a' * 1000)", limits)).toBe('1000');
    expect(run("return len('a' * 1001)", limits)).toBe('MemoryError: condition built a value of 1001 items; the limit is 1000');
    expect(run('return len([0] * 1000)', limits)).toBe('1000');
    expect(run('return len([0] * 1001)', limits)).toMatch(/^MemoryError/);
    expect(run('return len({i: i for i in range(1000)})', limits)).toBe('1000');
    expect(run('return len({i: i for i in range(1001)})', limits)).toMatch(/^MemoryError/);
    expect(run("return len('-'.join(['ab'] * 333))", limits)).toBe('998');
    expect(run("return len('-'.join(['ab'] * 334))", limits)).toMatch(/^MemoryError/);
  });

  it('regex subject: N characters are searched, N+1 raise MemoryError', () => {
    const limits = { maxRegexSubject: 1000 };
    expect(run("import re\nreturn re.search('b', 'a' * 999 + 'b').start()", limits)).toBe('999');
    expect(run("import re\nreturn re.search('b', 'a' * 1000 + 'b')", limits)).toBe('MemoryError: a regular expression may search at most 1000 characters; this string has 1001');
    expect(run("import re\nreturn len(re.findall('a', 'a' * 1000))", limits)).toBe('1000');
    expect(run("import re\nreturn re.sub('a', 'b', 'a' * 1001)", limits)).toMatch(/^MemoryError/);
    expect(DEFAULT_LIMITS.maxRegexSubject).toBe(32_768);
  });

  it('recursion limit: N nested calls run, N+1 raise RecursionError', () => {
    const rec = (n: number) => `f = lambda n: 0 if n == 0 else 1 + f(n - 1)\nreturn f(${n})`;
    expect(run(rec(49), { maxRecursion: 50 })).toBe('49');
    expect(run(rec(50), { maxRecursion: 50 })).toBe('RecursionError: maximum recursion depth exceeded');
  });

  it('time budget: a run stops within its milliseconds', () => {
    const started = performance.now();
    expect(run('while True:\n    pass', { maxSteps: 1e9, maxMillis: 30 })).toBe('StepLimitError: condition exceeded its time budget');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('nesting depth: N brackets or operators parse, N+1 are a syntax error', () => {
    const parens = (n: number) => 'return ' + '('.repeat(n) + '1' + ')'.repeat(n);
    expect(run(parens(100))).toBe('1');
    expect(run(parens(101))).toBe('SyntaxError: too many nested parentheses (the limit is 100)');
    const nots = (n: number) => 'return ' + 'not '.repeat(n) + 'True';
    expect(run(nots(100))).toBe('True');
    expect(run(nots(101))).toBe('SyntaxError: expression nested too deeply (the limit is 100)');
    const negs = (n: number) => 'return ' + '-'.repeat(n) + '1';
    expect(run(negs(100))).toBe('1');
    expect(run(negs(101))).toMatch(/^SyntaxError: expression nested too deeply/);
    const blocks = (n: number) => Array.from({ length: n }, (_, i) => ' '.repeat(i) + 'if True:').join('\n') + '\n' + ' '.repeat(n) + 'return 1';
    expect(run(blocks(100))).toBe('1');
    expect(run(blocks(101))).toBe('IndentationError: too many levels of indentation (the limit is 100)');
  });

  it('source size: N characters compile, N+1 do not', () => {
    const source = (n: number) => 'return 1' + ' '.repeat(n - 8);
    expect(run(source(200), { maxSourceLength: 200 })).toBe('1');
    expect(run(source(201), { maxSourceLength: 200 })).toBe('SyntaxError: condition is 201 characters long; the limit is 200');
  });

  it('compile cache: N conditions stay cached, the N+1th evicts the least recent', () => {
    const engine = new Engine({ cacheSize: 3 });
    const first = engine.compile('return 1', 'standard');
    const second = engine.compile('return 2', 'standard');
    const third = engine.compile('return 3', 'standard');
    expect(engine.compile('return 1', 'standard')).toBe(first);
    engine.compile('return 4', 'standard');
    engine.compile('return 5', 'standard');
    // 'return 1' was used most recently of the first three, then 4 and 5 came: 2 and 3 are gone
    expect(engine.compile('return 1', 'standard')).toBe(first);
    expect(engine.compile('return 2', 'standard')).not.toBe(second);
    expect(engine.compile('return 3', 'standard')).not.toBe(third);
  });

  it('caches compile errors too', () => {
    const engine = new Engine();
    const err = engine.compile('return (', 'standard');
    expect(err).toBeInstanceOf(ConditionError);
    expect(engine.compile('return (', 'standard')).toBe(err);
  });
});
