/**
 * A NaN's sign through every route that makes a negative one (negative-nan.ts): `-NaN` in the
 * runtime's code kept its sign only until V8 optimised the function holding it, so each route is
 * run until it has been optimised, and its sign asked at every run.
 */
import { expect, it } from 'vitest';
import { clockLifted, evaluator } from '../support/cpython.js';

it.each([
  ["float('-nan')", "float('-nan')"],
  ["float.fromhex('-nan')", "float.fromhex('-nan')"],
  ["complex('-nan+0j').real", "complex('-nan+0j').real"],
  ["struct.unpack('<e', b'\\x00\\xfe')", "struct.unpack('<e', b'\\x00\\xfe')[0]"],
  ["float(Decimal('-NaN'))", "float(decimal.Decimal('-NaN'))"],
])('%s keeps its sign bit however often it runs', (_label, expr) => {
  // the clock lifted: a run of 2,000 turns before V8 optimises it is not to end on a busy machine's clock
  const engine = clockLifted();
  // CPython: math.copysign(1.0, x) is -1.0 for each
  const source = `import math, struct, decimal\nn = 0\nfor i in range(2000):\n    n += math.copysign(1.0, ${expr}) == -1.0\nreturn n`;
  const answers = new Set<string | undefined>();
  for (let i = 0; i < 10; i++) answers.add(evaluator(engine, { source, data: {} }).repr ?? evaluator(engine, { source, data: {} }).error);
  expect([...answers]).toEqual(['2000']);
});
