import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** The smaller differences issue 11 found, each against CPython. */
const CASES = [
  `return '%c' % 'ab'`, `return '%c' % ''`, `return '%c' % '😀'`,
  `return json.dumps(float('inf'), allow_nan=False)`, `return json.dumps([1.5, float('nan')], allow_nan=False)`, `return json.dumps({'a': float('-inf')}, allow_nan=False)`,
  `return json.dumps(float('inf'))`, `return json.dumps(1.5, allow_nan=False)`,
  `return json.loads('}')`, `return json.loads(']')`, `return json.loads('[1]]')`, `return json.loads('{"a": 1}}')`,
  `import re\nreturn type(re.match('a', 'a')).__name__`, `import re\nreturn type(re.compile('a')).__name__`, `return type(iter([1])).__name__`,
  `import re\nreturn str(type(re.compile('a')))`, `import re\nreturn repr(type(re.match('a', 'a')))`, `return str(type(iter([])))`,
  `import re\nreturn len(re.compile('a'))`, `import re\nreturn re.match('a', 'a') + 1`, `return iter([1]) + 1`, `return len(iter([1]))`,
  `return int('5', base=2.0)`, `return int('5', 2.0)`, `return int('101', base=2)`, `return int('z', base=36)`,
  `return 'abc'.format_map(1)`, `return '{a}'.format_map(1)`, `return '{}'.format_map({})`, `return 'abc'.format_map([])`, `return 'x{a}'.format_map({'a': 2})`,
];

it('answers the smaller differences as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});
