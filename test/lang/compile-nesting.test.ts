import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { evaluator } from '../support/cpython.js';
import { original } from '../support/original.js';

// what is tested is depth: a loaded machine may pass a run's 50 ms
const engine = new Engine({ maxMillis: 10_000 });

/** The evaluator's answer in original()'s words, and how long it took. */
function ours(body: string): [answer: string, ms: number] {
  const start = performance.now();
  const program = engine.compile(body, 'standard');
  const out = evaluator(engine, { source: body });
  const ms = performance.now() - start;
  if ('start' in program && out.error?.startsWith('SyntaxError')) return [`${out.error} at line ${program.line}`, ms];
  return [out.repr ?? out.error!, ms];
}

describe("CPython's compiler limits on nesting, at N and N+1 against the original's python3 -c", () => {
  const deep = 'RecursionError: maximum recursion depth exceeded during compilation';

  it('chains of operators, attributes, calls and subscripts: the 3,000th level of the tree (the def and the return counted) is refused', () => {
    const chains: [string, (n: number) => string, number][] = [
      ['+', (n) => `x = 1\nreturn ${Array(n + 1).fill('x').join(' + ')}`, 2997],
      ['- constants', (n) => `return ${Array(n + 1).fill('1').join(' - ')}`, 2997],
      ['.a', (n) => `class C:\n    pass\nc = C()\nc.a = c\nreturn c${'.a'.repeat(n)} is c`, 2996],
      ['()', (n) => `f = lambda: f\nreturn f${'()'.repeat(n)} is f`, 2996],
      ['[0]', (n) => `a = []\na.append(a)\nreturn a${'[0]'.repeat(n)} is a`, 2996],
      ['mixed', (n) => `class C:\n    def m(self):\n        return [self]\nc = C()\nreturn len(c${'.m()[0]'.repeat(n / 3)}.m())`, 2994],
      ['in a block', (n) => `for i in range(1):\n    if True:\n        x = ${Array(n + 1).fill('i').join(' | ')}\nreturn x`, 2995],
      ['in a call', (n) => `return abs(${Array(n + 1).fill('-1').join(' * ')})`, 2995],
    ];
    for (const [name, make, n] of chains) {
      const below = original(make(n));
      expect(below, name).not.toMatch(/Error/);
      expect(original(make(n + (name === 'mixed' ? 3 : 1))), name).toBe(deep);
      for (const [body, want] of [[make(n), below], [make(n + (name === 'mixed' ? 3 : 1)), deep]]) {
        const [answer, ms] = ours(body);
        expect(answer, name).toBe(want);
        // a few ms alone; generous for a loaded machine
        expect(ms, name).toBeLessThan(2000);
      }
    }
  });

  it('flat chains (comparisons, and, or) have no such limit, in CPython as here', () => {
    for (const body of [`a = 1\nreturn ${Array(16_000).fill('a').join(' <= ')}`, `a = 1\nreturn ${Array(15_000).fill('a').join(' and ')}`, `a = 0\nreturn ${Array(15_000).fill('a').join(' or ')}`]) {
      expect(ours(body)[0]).toBe(original(body));
    }
  });

  it('a chain past any limit (100,000 characters) is refused at once', () => {
    const [answer, ms] = ours('return ' + Array(33_000).fill('1').join('+'));
    expect(answer).toMatch(/^(SyntaxError: too many syntax-tree nodes|RecursionError)/);
    expect(ms).toBeLessThan(2000);
    const [long, longMs] = ours('return ' + 'x.a'.repeat(50_000));
    expect(long).toMatch(/^SyntaxError/);
    expect(longMs).toBeLessThan(2000);
  });

  it("too many statically nested blocks: for, while, with (one a item), try's bodies and handlers, at CPython's 21st", () => {
    const nest = (opener: string, n: number, leaf = 'pass') =>
      Array.from({ length: n }, (_, i) => ' '.repeat(i) + opener).join('\n') + '\n' + ' '.repeat(n) + leaf + '\nreturn 1';
    const tries = (n: number, tail: string) =>
      [...Array.from({ length: n }, (_, i) => ' '.repeat(i) + 'try:'), ' '.repeat(n) + 'pass', ...Array.from({ length: n }, (_, k) => n - 1 - k).flatMap((i) => [' '.repeat(i) + tail, ' '.repeat(i) + ' pass'])].join('\n') + '\nreturn 1';
    const handlers = (n: number, clause: string) =>
      Array.from({ length: n }, (_, i) => [' '.repeat(i) + 'try:', ' '.repeat(i) + ' pass', ' '.repeat(i) + clause]).flat().join('\n') + '\n' + ' '.repeat(n) + 'pass\nreturn 1';
    const cases = [
      ...[19, 20, 21].flatMap((n) => [nest('for x in range(1):', n), nest('while False:', n), nest('with cm:', n), nest('if True:', n)]),
      ...[19, 20, 21].flatMap((n) => [tries(n, 'except:'), tries(n, 'finally:')]),
      ...[10, 11].flatMap((n) => [handlers(n, 'except:'), handlers(n, 'except E as e:'), handlers(n, 'finally:')]),
      'with ' + Array(20).fill('a').join(', ') + ':\n    pass\nreturn 1',
      'with ' + Array(21).fill('a').join(', ') + ':\n    pass\nreturn 1',
      nest('for x in range(1):', 20, 'with a: pass'),
      nest('for x in range(1):', 19, 'try:\n' + ' '.repeat(19) + ' pass\n' + ' '.repeat(19) + 'except:\n' + ' '.repeat(19) + ' pass'),
      nest('for x in range(1):', 20, 'z = [a for a in range(2) for b in range(2)]'),
      nest('for x in range(1):', 20, 'def g():\n' + ' '.repeat(21) + 'for a in b: pass'),
      nest('for x in range(1):', 19, 'for a in b: pass\n' + ' '.repeat(19) + 'else:\n' + ' '.repeat(19) + ' for c in d: pass'),
    ];
    let refused = 0;
    for (const body of cases) {
      const want = original(body);
      if (want.startsWith('SyntaxError')) refused++;
      expect(ours(body)[0], body).toBe(want);
    }
    expect(refused).toBe(11);
  });

  it("the refusal stands where CPython's does: the statement (or handler) that opens the 21st block", () => {
    const body = Array.from({ length: 21 }, (_, i) => ' '.repeat(i) + 'while x:').join('\n') + '\n' + ' '.repeat(21) + 'pass';
    const program = engine.compile(body, 'standard');
    expect(program).toMatchObject({ type: 'SyntaxError', message: 'too many statically nested blocks', line: 21, column: 21 });
    const r = spawnSync('python3', ['-c', `try:\n    compile(${JSON.stringify('def envelope():\n' + body.split('\n').map((l) => '    ' + l).join('\n'))}, 's', 'exec')\nexcept SyntaxError as e:\n    print(e.lineno - 1, e.offset - 4, e.end_lineno - 1, e.end_offset - 4)`], { encoding: 'utf8' });
    const [line, column, endLine, endColumn] = r.stdout.trim().split(' ').map(Number);
    expect([line, column, endLine]).toEqual([21, 21, 22]);
    expect(body.split('\n').slice(0, endLine - 1).join('\n').length + endColumn).toBe('start' in program ? program.end : 0);
  });
});
