/**
 * Sizes past any machine's memory (README, "Limits"): CPython's own answer, the OverflowError
 * where a size passes Py_ssize_t (or a C int) and the bare MemoryError where malloc must fail,
 * in its words and as catchable as in CPython. Below 2**47 bytes, where CPython may allocate,
 * the sandbox's size limit answers instead.
 */
import { expect, it } from 'vitest';
import { describeException, Engine, PyException } from '../../src/lang/index.js';
import { checkSize } from '../../src/lang/runtime/budget.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

// 2**47 bytes is the first size no 64-bit Linux process can map
const SIZES = ['2**47', '2**53', '2**61', '2**62', '2**62+1', '2**63-34', '2**63-33', '2**63-2', '2**63-1', '2**63', '2**64', '-2**63', '-2**63-1', '-2**64'];
// a C int's edges, for what reads one (expandtabs' tabsize, a * precision): CPython would allocate 2 GB for a width of 2**31
const C_INT = ['2**31', '-2**31-1'];

it('answers CPython for widths and counts past memory', () => {
  const exprs: string[] = [];
  for (const r of ["'ab'", "b'ab'", "''", "b''", "'\\u20ac'", "'\\U0001f600'"]) {
    for (const n of SIZES) {
      exprs.push(...['ljust', 'rjust', 'center', 'zfill'].map((m) => `${r}.${m}(${n})`), `${r}.ljust(${n}, '\\u20ac')`.replace(`b'ab'.ljust(${n}, '\\u20ac')`, `b'ab'.ljust(${n}, b'x')`));
      exprs.push(`(${r} + ${r.startsWith('b') ? "b'\\t'" : "'\\t'"}).expandtabs(${n})`, `${r} * (${n})`, `(${n}) * ${r}`);
    }
  }
  for (const n of C_INT) exprs.push(`('ab\\t').expandtabs(${n})`, `(b'ab\\t').expandtabs(${n})`, `'%.*f' % (${n}, 1.0)`);
  for (const n of SIZES) exprs.push(`[1] * (${n})`, `(1,) * (${n})`, `[] * (${n})`, `'%*d' % (${n}, 1)`, `'%.*f' % (${n}, 1.0)`, `'%-*s|' % (${n}, 'a')`);
  // (bytes' writer has its own words within a million of 2**63, which the evaluator does not copy)
  for (const n of ['2**47', '2**62', '-2**62', '2**63', '-2**63']) exprs.push(`b'%*s' % (${n}, b'a')`);
  expect(compareWithCPython(exprs.map((e) => `return len(${e})`))).toEqual([]);
});

it('answers CPython for bytes, lists, tuples and to_bytes past memory, catchably', () => {
  const caught = (e: string): string => `try:\n    x = ${e}\n    return len(x)\nexcept (MemoryError, OverflowError, ValueError) as e:\n    return repr(e)`;
  expect(compareWithCPython([
    'bytes(2**62)', 'bytes(2**47)', 'list(range(2**62))', 'tuple(range(2**62))', 'list(range(2**44))', 'list(range(-2**63, 2**63, 2))', 'tuple(range(2**64))', '[*range(2**62)]', '(0, *range(2**61))', '[*range(2**44)]', 'sorted(range(2**64, 2**64 + 2**60))',
    // a range's iterators know what they have left, as their __length_hint__ does
    'list(reversed(range(2**62)))', 'list(iter(range(2**62)))', 'tuple(reversed(range(1, 2**62, 1)))', 'sorted(reversed(range(-2**62, 0)))', 'list(reversed(range(2**63 - 1)))',
    "(1).to_bytes(2**62, 'big')", "(1).to_bytes(2**63, 'big')", "(-1).to_bytes(2**62, 'big')", "(1).to_bytes(2**62, 'middle')", "(1).to_bytes(-1, 'big')",
    "(0).to_bytes(2**63 - 34, 'big')", "(0).to_bytes(2**63 - 33, 'little')",
  ].map(caught))).toEqual([]);
  // where CPython would allocate, the limit, its count exact
  expect(evaluator(new Engine(), { source: 'return list(range(2**43))' }).error).toBe('MemoryError: condition built a value of 8796093022208 items; the limit is 1000000');
  expect(evaluator(new Engine(), { source: 'return [*range(10**7)]' }).error).toBe('MemoryError: condition built a value of 10000000 items; the limit is 1000000');
  // a count past 2**53 in its exact digits, not a float's (4611686018427388000)
  new Engine();
  let thrown: unknown;
  try {
    checkSize(2 ** 62);
  } catch (e) {
    thrown = e;
  }
  expect(describeException(thrown as PyException)).toBe('MemoryError: condition built a value of 4611686018427387904 items; the limit is 1000000');
});

it('lets an except catch the MemoryError CPython raises, not the sandbox limit', () => {
  expect(compareWithCPython([
    "try:\n    'ab'.ljust(2**62)\nexcept MemoryError as e:\n    return 'caught', str(e)",
    "try:\n    [0] * 2**60\nexcept MemoryError:\n    return 'caught'",
    "try:\n    b'ab' * 2**62\nexcept OverflowError as e:\n    return str(e)",
  ])).toEqual([]);
  const engine = new Engine();
  // where CPython would allocate, the limit: it ends the run, whatever except says
  expect(evaluator(engine, { source: "try:\n    'ab'.ljust(2**40)\nexcept MemoryError:\n    return 'caught'" }).error).toBe('MemoryError: condition built a value of 1099511627776 items; the limit is 1000000');
  expect(evaluator(engine, { source: "try:\n    b'ab' * 10**6\nexcept MemoryError:\n    return 'caught'" }).error).toBe('MemoryError: condition built a value of 2000000 items; the limit is 1000000');
});
