import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { DICT_METHODS, ITEMS_METHODS, KEYS_METHODS, SET_METHODS } from '../../src/lang/runtime/methods-dict.js';
import { LIST_METHODS, RANGE_METHODS, TUPLE_METHODS } from '../../src/lang/runtime/methods-list.js';
import { STR_METHODS } from '../../src/lang/runtime/methods-str.js';
import { cpython, evaluator } from '../support/cpython.js';

/**
 * Every method of every type, called with 0 to 4 arguments and with an unknown keyword:
 * wherever CPython or the evaluator refuses the call for its arguments' number or names,
 * both refuse it with the same message. (What None does as an argument is other tests'.)
 */
const RECEIVERS: [string, ReadonlyMap<string, unknown>][] = [
  ["'ab'", STR_METHODS], ['[]', LIST_METHODS], ['()', TUPLE_METHODS], ['{}', DICT_METHODS], ['set()', SET_METHODS],
  ['{}.keys()', KEYS_METHODS], ['{}.items()', ITEMS_METHODS], ['1.5', new Map([['is_integer', null]])], ['range(3)', RANGE_METHODS],
];
const ARITY = /takes no arguments|takes exactly one argument|expected (at least |at most )?\d+ arguments?, got|takes (at least|at most|exactly) \d+ (positional )?arguments? \(|takes no keyword arguments|invalid keyword argument|unexpected keyword argument/;

it('refuses a method call with the wrong number of arguments as CPython does', () => {
  const sources = RECEIVERS.flatMap(([receiver, methods]) =>
    [...methods.keys()].flatMap((name) => [0, 1, 2, 3, 4].map((n) => `return ${receiver}.${name}(${Array(n).fill('None').join(', ')})`).concat(`return ${receiver}.${name}(zz=1)`)),
  );
  expect(sources.length).toBeGreaterThan(500);
  const expected = cpython(sources.map((source) => ({ source })));
  const engine = new Engine();
  const mismatches = sources.flatMap((source, i) => {
    const got = evaluator(engine, { source }).error ?? '';
    const want = expected[i].error ?? '';
    return (ARITY.test(got) || ARITY.test(want)) && got !== want ? [`${source}: got ${got || 'no error'}, CPython ${want || 'no error'}`] : [];
  });
  expect(mismatches).toEqual([]);
});
