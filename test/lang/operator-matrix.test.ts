import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** One value of each builtin kind an operator meets, and every binary, comparison and augmented operator between each two. */
const VALUES = ['None', '1', "'a'", '[1]', '(1,)', '{1}', 'frozenset()', '{}', "b'a'", '1.5', 'True', '1j', 'range(2)', '{}.keys()'];
const BINARY = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '@', '<', '<=', '==', '!=', '>', '>=', 'in'];
const AUGMENTED = ['+=', '-=', '*=', '|=', '&=', '^=', '%='];

it('answers every operator between every two kinds of value as CPython does', () => {
  const cases: string[] = [];
  for (const a of VALUES) for (const b of VALUES) for (const op of BINARY) cases.push(`return ${a} ${op} ${b}`);
  for (const a of VALUES) for (const b of VALUES) for (const op of AUGMENTED) cases.push(`x = [${a}]\nx[0] ${op} ${b}\nreturn x`);
  expect(compareWithCPython(cases)).toEqual([]);
});

it("words *= on a value whose type has sequence slots but no repeat as PyNumber_InPlaceMultiply does, and % with a subscriptable argument as PyMapping_Check lets it", () => {
  const repeats = ['class A:\n    pass\nx = A()', "x = memoryview(b'a')", 'x = None', 'x = 1j', 'x = {1: 2}.values()', 'import collections\nx = collections.Counter()', 'x = iter([1])', 'x = Exception()', 'class E(Exception):\n    pass\nx = E()'];
  const formats = ["'a' % memoryview(b'a')", "b'a' % memoryview(b'a')", "b'a' % bytearray(b'a')", "'a' % bytearray(b'a')", "'%s' % b'a'", "'a' % range(10**20)"];
  expect(compareWithCPython([...repeats.map((x) => `${x}\nx *= 'ab'\nreturn x`), ...formats.map((f) => `return ${f}`)])).toEqual([]);
});
