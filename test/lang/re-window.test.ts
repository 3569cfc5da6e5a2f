import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/**
 * pos past endpos (found by the 2026 fuzz): _sre's state_init clamps each to the subject but
 * does not order them, and its search, fullmatch, findall and finditer find nothing, where the
 * evaluator searched from endpos ('(a|b)*' matched empty at 1).
 */
it('finds nothing from pos past endpos, as CPython', () => {
  const calls = (p: string) => [`search('aaa aaa', 4, 2)`, `fullmatch('aaa aaa', 4, 2)`, `findall('aaa', 2, 1)`, `finditer('aaa aaa', 9, 2)`, `scanner('aaa', 3, 1).search()`]
    .map((c) => `import re\nr = re.compile(${JSON.stringify(p)}).${c}\nreturn r if r is None or isinstance(r, list) else [m.span() for m in r]`);
  expect(compareWithCPython([
    ...['', 'a*', '(a|b)*', '(\\s*)', '$', '(a)?', '(?=)'].flatMap(calls),
    "import re\nreturn re.compile('a').match('aaa aaa', 4, 4), re.compile('a*').search('aaa', -5, 0), re.compile('a*').search('aaa', 5, 1), re.search('x', 'ax')",
  ])).toEqual([]);
});

/** Its match runs the code from beyond the end, where '' matches and 'a*' does not: refused, with no except to catch it. */
it('refuses match from pos past endpos', () => {
  const engine = new Engine();
  for (const c of ["re.compile('').match('aaa aaa', 4, 2)", "re.compile('a*').match('aaa', 3, 1)", "re.compile('').scanner('aaa aaa', 4, 2).match()"]) {
    expect(evaluator(engine, { source: `import re\ntry:\n    return ${c}\nexcept BaseException:\n    return 'caught'` }).error).toMatch(/^UnsupportedError: match\(\) with pos past endpos/);
  }
});
