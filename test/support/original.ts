import { spawnSync } from 'node:child_process';

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
