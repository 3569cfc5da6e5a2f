import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConditionError, DEFAULT_LIMITS, Engine, makeLimits, type Limits } from '../../src/lang/index.js';
import { walk } from '../../src/lang/ast.js';
import { parse } from '../../src/lang/parser.js';
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

  it('bulk work: 32 items a step, paid before the work is done', () => {
    // 998 steps for the characters, one for the repeat, one for the call of len
    expect(run("return len('a' * 31967)", { maxSteps: 1000 })).toBe('31967');
    expect(run("return len('a' * 31968)", { maxSteps: 1000 })).toBe('StepLimitError: condition exceeded its budget of 1000 steps');
  });

  it("nesting: values N levels deep are printed, compared and encoded, N+1 raise RecursionError (CPython's points at the envelope's level: nesting-frames.test.ts)", () => {
    const nested = (n: number, walk: string) => `x = []\ny = []\nfor i in range(${n - 1}):\n    x = [x]\n    y = [y]\nreturn ${walk}`;
    expect(run(nested(997, 'len(repr(x))'))).toBe('1994');
    expect(run(nested(998, 'len(repr(x))'))).toBe('RecursionError: maximum recursion depth exceeded while getting the repr of an object');
    expect(run(nested(998, 'x == y'))).toBe('True');
    expect(run(nested(999, 'x == y'))).toBe('RecursionError: maximum recursion depth exceeded in comparison');
    expect(run(nested(994, 'len(json.dumps(x))'))).toBe('1988');
    expect(run(nested(995, 'len(json.dumps(x))'))).toBe('RecursionError: maximum recursion depth exceeded while encoding a JSON object');
  });

  it('regex search: charged by subject length before it runs, N characters searched, N+1 over budget', () => {
    // building the subject (the repeat, then the concatenation: n/32 each) and searching it (n/32 + n·m/1024) are charged by its length
    const search = (n: number) => `import re\nreturn re.search('b', 'a' * ${n} + 'b').start()`;
    // the pattern's first use is also charged its analysis; after it, it is cached
    expect(run(search(1))).toBe('1');
    expect(run(search(10_518), { maxSteps: 1000 })).toBe('10518');
    expect(run(search(10_519), { maxSteps: 1000 })).toBe('StepLimitError: condition exceeded its budget of 1000 steps');
    expect(DEFAULT_LIMITS).not.toHaveProperty('maxRegexSubject');
  });

  it('recursion limit: N nested calls run, N+1 raise RecursionError', () => {
    const rec = (n: number) => `f = lambda n: 0 if n == 0 else 1 + f(n - 1)\nreturn f(${n})`;
    expect(run(rec(49), { maxRecursion: 50 })).toBe('49');
    expect(run(rec(50), { maxRecursion: 50 })).toBe('RecursionError: maximum recursion depth exceeded');
  });

  it('time budget: a run stops within its milliseconds', () => {
    const started = performance.now();
    expect(run('while True:\n    pass', { maxSteps: 1e9, maxMillis: 30 })).toBe('StepLimitError: condition exceeded its time budget of 30 ms');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('time budget: work that cannot be interrupted is refused before it starts if, at the model\'s 0.5 µs a step, it would end past the deadline', () => {
    // a list of a million items, made in one native fill, is 31,250 steps, 15.6 ms: refused under 10 ms, done under 20 (nothing looks at the clock after it)
    expect(run('return len([0] * 10**6)', { maxMillis: 10 })).toBe('StepLimitError: condition exceeded its time budget of 10 ms');
    expect(run('return len([0] * 10**6)', { maxMillis: 1000 })).toBe('1000000');
  });

  it("nesting: CPython's points for brackets (200), blocks (98) and expressions (2,997), at N and N+1, quickly", () => {
    const timed = (source: string) => {
      const start = performance.now();
      const out = run(source);
      // a few ms alone; generous for a loaded machine
      expect(performance.now() - start, source.slice(0, 40)).toBeLessThan(1500);
      return out;
    };
    const parens = (n: number) => 'return ' + '('.repeat(n) + '1' + ')'.repeat(n);
    // len( and k of each kind: 1 + 3k brackets deep
    const mixed = (k: number) => 'return len(' + '[({0: '.repeat(k) + '1' + '})]'.repeat(k) + ')';
    expect(timed(parens(200))).toBe('1');
    expect(timed(parens(201))).toBe('SyntaxError: too many nested parentheses');
    expect(timed(mixed(66))).toBe('1');
    expect(timed(mixed(67))).toBe('SyntaxError: too many nested parentheses');
    const blocks = (n: number) => Array.from({ length: n }, (_, i) => ' '.repeat(i) + 'if True:').join('\n') + '\n' + ' '.repeat(n) + 'return 1';
    expect(timed(blocks(98))).toBe('1');
    expect(timed(blocks(99))).toBe('IndentationError: too many levels of indentation');
    const deep = 'RecursionError: maximum recursion depth exceeded during compilation';
    for (const [make, value] of [[(n: number) => 'not '.repeat(n) + 'True', 'False'], [(n: number) => '-'.repeat(n) + '1', '-1'], [(n: number) => '~'.repeat(n) + '1', '-2'], [(n: number) => '1 if 1 else '.repeat(n) + '2', '1']] as const) {
      expect(timed('return ' + make(2997))).toBe(value);
      expect(timed('return ' + make(2998))).toBe(deep);
    }
    // the original's CPython (python3 -c of the envelope) refuses the 2,998th level, and not the 2,997th
    const original = (n: number) =>
      spawnSync('python3', ['-c', `def envelope():\n    global data\n    log = __log__\n    text = __text__\n    return ${'-'.repeat(n)}1\nprint('compiled')`], { encoding: 'utf8' });
    expect(original(2997).stdout).toBe('compiled\n');
    expect(original(2998).stderr).toMatch(/RecursionError: maximum recursion depth exceeded during compilation/);
    // lambdas stop at 100 (parse/expression.ts: their scopes are resolved in time quadratic in their nesting)
    const lambdas = (n: number) => 'return (' + 'lambda: '.repeat(n) + '1)' + '()'.repeat(n);
    expect(timed(lambdas(100))).toBe('1');
    expect(timed(lambdas(101))).toBe('SyntaxError: lambdas nested too deeply (the limit is 100)');
    // and a nesting past CPython's parser stack is its bare MemoryError, before any recursion (test/lang/parser-stack.test.ts)
    expect(run('return ' + '-'.repeat(50_000) + '1')).toBe('MemoryError: ');
  });

  it('source size: N characters compile, N+1 do not', () => {
    const source = (n: number) => 'return 1' + ' '.repeat(n - 8);
    expect(run(source(200), { maxSourceLength: 200 })).toBe('1');
    expect(run(source(201), { maxSourceLength: 200 })).toBe('SyntaxError: condition is 201 characters long; the limit is 200');
  });

  it('syntax-tree nodes: N are built, N+1 are a syntax error', () => {
    // return 1, 1, ...: the Return, the Tuple and a Const for each item
    const items = (n: number) => 'return ' + Array(n).fill('1').join(', ');
    expect(run(items(98), { maxNodes: 100 })).toMatch(/^\(1, 1, /);
    expect(run(items(99), { maxNodes: 100 })).toBe('SyntaxError: too many syntax-tree nodes (the limit is 100)');
    expect(DEFAULT_LIMITS.maxNodes).toBe(20_000);
    expect(run(items(19_998))).toMatch(/^\(1, 1, /);
    expect(run(items(19_999))).toBe('SyntaxError: too many syntax-tree nodes (the limit is 20000)');
    // f-string fields count as they are parsed in place: a FormattedValue and its Const each
    const fields = (before: string, n: number) => `return ${before}f'${'{1}'.repeat(n)}'`;
    expect(run(fields('1, ', 48), { maxNodes: 100 })).toMatch(/^\(1, '1111/);
    expect(run(fields('1, 1, ', 48), { maxNodes: 100 })).toMatch(/^SyntaxError: .*too many syntax-tree nodes \(the limit is 100\)$/);
  });

  it('syntax-tree nodes: the count is the size of the tree, for every kind of node', () => {
    const sources = [
      "import re, json as j\nfrom math import floor as fl, ceil\nglobal data\nx = y = [1, *a, (2, 3)]\nx += {1: 2, **d}\ndel x[0], x.a",
      "for i, j in enumerate({1, 2}):\n    if i: continue\n    elif not i: break\n    else: pass\nelse:\n    assert i, 'm'\nwhile 0:\n    raise ValueError('v')",
      "try:\n    f(1, *a, k=2, **kw)\nexcept (KeyError, ValueError) as e:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass",
      "g = lambda a, b=1, *c, d, e=2, **f: -a if b else ~c\nreturn [x for x in y if x for z in x], {k: v for k, v in d}, {s for s in t}, (p for p in q)",
      "return f'{x!r:>{w}} {y=} {f\"{z}\"}' + 'a' 'b', x[1:2:3], x[1, 2], x.y(z)[0] ** -1 < 2 <= 3 and (a or b) | c ^ d & e << f >> g + h - i * j / k // l % m @ n",
    ];
    for (const source of sources) {
      let nodes = 0;
      walk(parse(source, makeLimits({ maxNodes: 1000 })), () => nodes++);
      expect(() => parse(source, makeLimits({ maxNodes: nodes }))).not.toThrow();
      expect(() => parse(source, makeLimits({ maxNodes: nodes - 1 }))).toThrow(/too many syntax-tree nodes/);
    }
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
