import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { cpythonFirstRefused, evaluatorFirstRefused, evaluatorRefusal, grown, type Growing } from '../support/first-refused.js';
import { original } from '../support/original.js';

// what is tested is where compiling stops: a loaded machine may pass a run's 50 ms
const engine = new Engine({ maxMillis: 10_000 });

const open = (s: string, n: number) => s.repeat(n);
/** n brackets of one kind around what grows */
const within = (opening: string, closing: string, n: number, head = 'return ', tail = ''): [string, string] => [head + open(opening, n), open(closing, n) + tail];

/**
 * Conditions that grow with n until CPython refuses them: its parser's MAXSTACK (a bare
 * MemoryError) first where each step nests several of its rules, its compiler's RecursionError
 * first where each nests one, the tokenizer's 200 brackets, or nothing. Named by what grows.
 */
const GROWING: [string, Growing][] = [
  ['a ** chain', { parts: ['x = 1\nreturn x', ' ** x', '', '', ''], hi: 4000 }],
  ['- chain (the compiler first)', { parts: ['return ', '-', '1', '', ''], hi: 7000 }],
  ['- in 150 parentheses', { parts: [...within('(', ')', 150)].flatMap((x, i) => (i === 0 ? [x, '-', '1', ''] : [x])) as Growing['parts'], hi: 4000 }],
  ['not in 120 subscripts', { parts: ['a = [1, 2]\nreturn ' + open('a[', 120), 'not ', '0', '', open(']', 120)], hi: 4000 }],
  ['~ in 150 calls', { parts: ['return ' + open('abs(', 150), '~', '1', '', open(')', 150)], hi: 4000 }],
  ['parentheses after 1,000 minus signs', { parts: ['return ' + '-'.repeat(1000), '(', '1', ')', ''], hi: 200 }],
  ['lists after 1,000 minus signs', { parts: ['return ' + '-'.repeat(1000), '[', '1', ']', ''], hi: 200 }],
  ['dict values after 1,000 minus signs', { parts: ['return ' + '-'.repeat(1000), '{1: ', '1', '}', ''], hi: 200 }],
  ['sets, second items', { parts: ['return ', '{1, ', '1', '}', ''], hi: 200 }],
  ['calls, second arguments, after 500 nots', { parts: ['return ' + 'not '.repeat(500), 'max(1, ', '1', ')', ''], hi: 200 }],
  ['keyword arguments', { parts: ['return ' + '-'.repeat(1000), 'dict(a=', '1', ')', ''], hi: 200 }],
  ['slices', { parts: ['a = [1]\nreturn ' + 'not '.repeat(1300), 'a[:', '1', ']', ''], hi: 200 }],
  ['list comprehensions (element)', { parts: ['return ' + '-'.repeat(500), '[', '1', ' for a in [1]]', ''], hi: 200 }],
  ['list comprehensions (iterable)', { parts: ['return ' + '-'.repeat(500), '[a for a in ', '[1]', ']', ''], hi: 200 }],
  ['comprehension conditions', { parts: ['return ' + '-'.repeat(500), '[a for a in [1] if ', '1', ']', ''], hi: 200 }],
  ['generator expressions as arguments', { parts: ['return ' + '-'.repeat(1500), 'sum(a for a in ', '[1]', ')', ''], hi: 200 }],
  ['conditional expressions in 150 parentheses', { parts: ['return ' + open('(', 150), '1 if 1 else ', '1', '', open(')', 150)], hi: 4000 }],
  ['comparisons', { parts: ['return ', '1 < (', '1', ')', ''], hi: 200 }],
  ['and', { parts: ['return ', '1 and (', '1', ')', ''], hi: 200 }],
  ['or of and', { parts: ['return ' + '-'.repeat(400), '0 or 1 and (', '1', ')', ''], hi: 200 }],
  ['walrus values', { parts: ['return ' + '-'.repeat(800), '(y := ', '1', ')', ''], hi: 200 }],
  ['starred items', { parts: ['return ' + '-'.repeat(1400), '[*', '[1]', ']', ''], hi: 200 }],
  ['starred subscripts', { parts: ['a = {}\nreturn ' + '-'.repeat(1000), 'a[*', '[1]', ']', ''], hi: 200 }],
  ['starred subscripts, second items', { parts: ['a = {}\nreturn ' + '-'.repeat(1000), 'a[1, *', '[1]', ']', ''], hi: 200 }],
  ['- in a starred subscript in 150 parentheses', { parts: ['a = {}\nreturn a[*' + open('(', 150), '-', '1', '', open(')', 150) + ']'], hi: 4000 }],
  ['- in a starred subscript target', { parts: ['a = {}\na[*' + open('(', 150), '-', '1', '', open(')', 150) + '] = 1\nreturn a'], hi: 4000 }],
  ['tuples, third items', { parts: ['return ' + '-'.repeat(400), '(1, 2, ', '1', ')', ''], hi: 200 }],
  ['- in an f-string field in 150 parentheses', { parts: ["return f'{" + open('(', 150), '-', '1', '', open(')', 150) + "}'"], hi: 4000 }],
  ['- in an f-string field, the f-string in 150 parentheses (its own parser)', { parts: ['return ' + open('(', 150) + "f'{", '-', '1', '', "}'" + open(')', 150)], hi: 4000 }],
  ['strings after 1,000 minus signs', { parts: ['return ' + '-'.repeat(1000), '(', "'s'", ')', ''], hi: 200 }],
  ['empty calls', { parts: ['f = lambda: 1\nreturn ' + '-'.repeat(1200), 'f(', '', ')', ''], hi: 200 }],
  ['- in 150 parentheses in 50 lambdas (which stop at 100 here)', { parts: ['return (' + 'lambda: '.repeat(50) + open('(', 150), '-', '1', '', open(')', 150) + ')'], hi: 4000 }],
  ['- in a block 60 deep', { parts: [Array.from({ length: 60 }, (_, i) => ' '.repeat(i) + 'if 1:').join('\n') + '\n' + ' '.repeat(60) + 'return ' + open('(', 150), '-', '1', '', open(')', 150)], hi: 4000 }],
  ['- in one-line bodies', { parts: ['if 1: return ' + open('(', 150), '-', '1', '', open(')', 150)], hi: 4000 }],
  ['- after a semicolon', { parts: ['x = 1; return ' + open('(', 150), '-', '1', '', open(')', 150)], hi: 4000 }],
  ['- in an assignment target', { parts: ['a = [1]\na[' + open('(', 150), '-', '1', '', open(')', 150) + '] = 1\nreturn a'], hi: 4000 }],
  ['- in an expression statement', { parts: ['a = [1]\na[' + open('(', 150), '-', '1', '', open(')', 150) + ']\nreturn a'], hi: 4000 }],
  ['- in an expression statement after its first primary', { parts: ['a = [1]\na[0] + a[' + open('(', 150), '-', '1', '', open(')', 150) + ']\nreturn a'], hi: 4000 }],
  ['- in parentheses in an expression statement (its first one read as a target)', { parts: [open('(', 150), '-', '1', '', open(')', 150) + '\nreturn 1'], hi: 4000 }],
  ['- in a call statement', { parts: ['abs(' + open('(', 150), '-', '1', '', open(')', 150) + ')\nreturn 1'], hi: 4000 }],
  ['- in a second target', { parts: ['a = [1]\nb, a[' + open('(', 150), '-', '1', '', open(')', 150) + '] = 1, 2\nreturn a'], hi: 4000 }],
  ['- in a chained assignment', { parts: ['a = [1]\nb = a[' + open('(', 150), '-', '1', '', open(')', 150) + '] = 1\nreturn a'], hi: 4000 }],
  ['- in an augmented assignment', { parts: ['a = [1]\na[' + open('(', 150), '-', '1', '', open(')', 150) + '] += 1\nreturn a'], hi: 4000 }],
  ['- in an assigned value', { parts: ['x = ' + open('(', 150), '-', '1', '', open(')', 150) + '\nreturn x'], hi: 4000 }],
  ['- in a del target', { parts: ['a = [1, 2]\ndel a[' + open('(', 150), '-', '1', '', open(')', 150) + ']\nreturn a'], hi: 4000 }],
  ['- in a for target', { parts: ['a = [1, 2]\nfor a[' + open('(', 150), '-', '1', '', open(')', 150) + '] in [1]:\n    pass\nreturn a'], hi: 4000 }],
  ['- in an if test', { parts: ['if ' + open('(', 150), '-', '1', '', open(')', 150) + ':\n    pass\nreturn 1'], hi: 4000 }],
  ['- in a while test', { parts: ['while ' + open('(', 150), '-', '0', '', open(')', 150) + ':\n    pass\nreturn 1'], hi: 4000 }],
  ['- in an elif test', { parts: ['if 0:\n    pass\nelif 0:\n    pass\nelif ' + open('(', 150), '-', '1', '', open(')', 150) + ':\n    pass\nreturn 1'], hi: 4000 }],
  ['- in a with item', { parts: ['with ' + open('(', 150), '-', '1', '', open(')', 150) + ':\n    pass\nreturn 1'], hi: 4000 }],
  ['- in an except clause', { parts: ['try:\n    pass\nexcept ' + open('(', 150), '-', '1', '', open(')', 150) + ':\n    pass\nreturn 1'], hi: 4000 }],
  ['- in a raise', { parts: ['if 0:\n    raise ' + open('(', 150), '-', '1', '', open(')', 150) + '\nreturn 1'], hi: 4000 }],
  ['- in an assert', { parts: ['assert ' + open('(', 150), '-', '1', '', open(')', 150) + '\nreturn 1'], hi: 4000 }],
  ['- in a default', { parts: ['def g(x=' + open('(', 150), '-', '1', '', open(')', 150) + '):\n    return x\nreturn g()'], hi: 4000 }],
  ['- in a decorator', { parts: ['@(lambda f: f)' + '\n@' + open('(', 150), '-', '1', '', open(')', 150) + '.real.conjugate\ndef g():\n    pass\nreturn 1'], hi: 4000 }],
  ['- in a def body', { parts: ['def g():\n    return ' + open('(', 150), '-', '1', '', open(')', 150) + '\nreturn g()'], hi: 4000 }],
  ['- in a match subject', { parts: ['match ' + open('(', 150), '-', '1', '', open(')', 150) + ':\n    case 1:\n        pass\nreturn 1'], hi: 4000 }],
  ['- in a case guard', { parts: ['match 1:\n    case 1 if ' + open('(', 150), '-', '1', '', open(')', 150) + ':\n        pass\nreturn 1'], hi: 4000 }],
  ['- in a yield', { parts: ['yield ' + open('(', 150), '-', '1', '', open(')', 150)], hi: 4000 }],
];

describe("CPython's parser stack (MAXSTACK): the first condition refused, found in CPython and here", () => {
  const expected = cpythonFirstRefused(GROWING.map(([, c]) => c));

  it('refuses at the same size, with the same exception, as CPython', () => {
    const mismatches = GROWING.flatMap(([name, c], i) => {
      const got = evaluatorFirstRefused(engine, c);
      return JSON.stringify(got) === JSON.stringify(expected[i]) ? [] : [`${name}: got ${JSON.stringify(got)}, CPython ${JSON.stringify(expected[i])}`];
    }, 120_000);
    expect(mismatches).toEqual([]);
    // the cases reach each of the three limits
    const errors = new Set(expected.map((r) => r.error?.split(':')[0]));
    expect([...errors].sort()).toEqual(['MemoryError', 'RecursionError', 'SyntaxError']);
    expect(expected.filter((r) => r.error === 'MemoryError: ').length).toBeGreaterThan(40);
  });

  it("the original's python3 -c agrees at N-1 and N (the search's CPython compiled as it did)", () => {
    const refusal = /^(MemoryError$|RecursionError: maximum recursion depth exceeded during compilation$|SyntaxError: too many nested)/;
    for (const want of expected) expect(want.n).not.toBeNull();
    // the compiler's point moves with the frames below it: those cases all, and a few of the parser's, which counts none
    const memory = GROWING.map((g, i) => [g, expected[i]] as const).filter(([, want]) => want.error === 'MemoryError: ');
    const others = GROWING.map((g, i) => [g, expected[i]] as const).filter(([, want]) => want.error !== 'MemoryError: ');
    for (const [[name, c], want] of [...others, ...memory.slice(0, 4)]) {
      const below = original(grown(c, want.n! - 1));
      const at = original(grown(c, want.n!));
      expect(below, name).not.toMatch(refusal);
      expect(at.replace(/ at line \d+$/, ''), name).toBe(want.error === 'MemoryError: ' ? 'MemoryError' : want.error);
    }
  }, 120_000);

  it('a bare MemoryError, as CPython 3.11 raises it, whatever follows the deep part', () => {
    const deep = 'return ' + '('.repeat(150) + '-'.repeat(2000) + '1' + ')'.repeat(150);
    expect(evaluatorRefusal(engine, deep)).toBe('MemoryError: ');
    // a syntax error after it comes too late: CPython's parser gave up at the deep part
    expect(evaluatorRefusal(engine, deep + ' 1 1')).toBe('MemoryError: ');
    expect(original(deep + ' 1 1')).toBe('MemoryError');
    // and one before it comes first
    expect(evaluatorRefusal(engine, 'x = = 1\n' + deep)).toMatch(/^SyntaxError/);
  });

  it('chains of any length are refused at once, and the parser recurses no further than CPython\'s stack', () => {
    for (const body of ['return ' + '-'.repeat(95_000) + '1', 'return ' + 'not '.repeat(24_000) + '1', 'return ' + '1 if 1 else '.repeat(8_000) + '1', 'return 1' + '**1'.repeat(30_000)]) {
      const start = performance.now();
      expect(evaluatorRefusal(engine, body), body.slice(0, 20)).toBe('MemoryError: ');
      // a few ms alone; generous for a loaded machine
      expect(performance.now() - start).toBeLessThan(2000);
    }
  });
});
