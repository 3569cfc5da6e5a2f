import { spawnSync } from 'node:child_process';
import { Engine } from '../../src/lang/index.js';
import { evaluator } from './cpython.js';

/**
 * What the original's `python3 -c` answers for a condition: its envelope compiled as a module
 * (no frame below the compile, as in the original), then run from the module's level.
 * scripts/cpython-cases.py runs a few frames deeper, where CPython's recursion limits are met a
 * few levels sooner: this is for tests of those limits. A SyntaxError says its line in the condition.
 */
export function original(body: string): string {
  const lines = ['def envelope():', '    global data', '    log = __log__', '    text = __text__', ...body.split('\n').map((l) => '    ' + l)];
  const run = ['__log__ = {}', "__text__ = ''", 'data = {}', 'try:', '    print(repr(envelope()))', 'except Exception as e:', "    print(type(e).__name__ + ': ' + str(e))"];
  const r = spawnSync('python3', ['-c', [...lines, ...run].join('\n')], { encoding: 'utf8' });
  if (r.stdout !== '') return r.stdout.trimEnd();
  const last = r.stderr.trimEnd().split('\n').pop()!;
  const m = /^\s*File .*line (\d+)/m.exec(r.stderr);
  return last.startsWith('SyntaxError') && m !== null ? `${last} at line ${Number(m[1]) - 4}` : last;
}

/** A value nested as deep as a limit allows, and one level more: how `walk` prints each. */
export interface NestedCase {
  /** What the mismatch is called by. */
  label: string;
  /** Statements that leave x nested as deep as the limit allows. */
  build: string;
  /** The expression that nests x one level more. */
  wrap: string;
  /** The expression that prints x: its length is kept, or its RecursionError's words. */
  walk: string;
}

/**
 * Each case run here (the clock lifted: the steps bound them) and by the original's `python3 -c`,
 * at N and N+1: the cases answered differently, each with both answers.
 */
export function nestedUnlikeOriginal(cases: NestedCase[]): string[] {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const mismatches: string[] = [];
  for (const { label, build, wrap, walk } of cases) {
    const attempt = `try:\n    r.append(len(${walk}))\nexcept RecursionError as e:\n    r.append(str(e))`;
    const source = `${build}\nr = []\n${attempt}\nx = ${wrap}\n${attempt}\nreturn r`;
    const got = evaluator(engine, { source });
    const want = original(source);
    if ((got.error ?? got.repr) !== want) mismatches.push(`${label}: got ${got.error ?? got.repr}, CPython ${want}`);
  }
  return mismatches;
}
