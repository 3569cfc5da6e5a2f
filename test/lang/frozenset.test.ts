import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** frozenset: made, shown, hashed and laid out as CPython does; never changed. */
const CASES = [
  `return frozenset(), frozenset([3, 1, 2]), frozenset('abc'), frozenset({1: 2}), frozenset(range(20)), frozenset(frozenset([1]))`, `return frozenset(1)`, `return frozenset([[1]])`, `return frozenset([1], [2])`,
  `return hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset([-1, 7, 8, 2**40]))`, `return hash(frozenset({'a'})) == hash(frozenset(['a']))`,
  `return {frozenset({1, 2}): 'a'}[frozenset([2, 1])], frozenset({1}) in {frozenset({1})}, {1} in {frozenset({1})}, len({frozenset(), frozenset([]), frozenset([1])})`,
  `return {frozenset({1, 2}), frozenset({3}), frozenset({1, 2, 3}), frozenset()}`, `return sorted(map(sorted, {frozenset({8, 16}), frozenset({16, 8}), frozenset({24})}))`,
  `return frozenset({1}) | {2}, {2} | frozenset({1}), frozenset({1, 2}) & {2}, frozenset({1, 2}) - {1}, frozenset({1}) ^ {2}, type(frozenset() | set()).__name__, type(set() | frozenset()).__name__`,
  `f = frozenset({1})\ng = f\nf |= {2}\nreturn f, g, f is g`, `f = frozenset({1})\nreturn f.add(2)`, `f = frozenset({1})\nreturn f.discard(1)`, `f = frozenset({1})\nreturn f.copy() is f`,
  `f = frozenset({1, 2})\nreturn f.union([3]), f.intersection({2}), f.difference([1]), f.symmetric_difference([2, 3]), f.issubset({1, 2, 3}), f.issuperset([1]), f.isdisjoint([5])`,
  `return frozenset({1, 2}) == {1, 2}, {1, 2} == frozenset({2, 1}), frozenset({1}) < frozenset({1, 2}), frozenset({1}) <= {1}, frozenset() != set()`,
  `return isinstance(frozenset(), frozenset), isinstance(frozenset(), set), isinstance(set(), frozenset), type(frozenset()).__name__, len(frozenset('aab')), 1 in frozenset([1]), bool(frozenset())`,
  `return json.dumps(frozenset())`, `data['f'] = frozenset([1])\nreturn True`, `return list(frozenset([5, 13, 21, 3]))`, `return [x for x in frozenset('hello')]`,
];

it('handles frozensets as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});
