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

// found by a seeded differential fuzz: a frozenset's members laid out again by a merge, and a view's & keeping its own keys
it('lays out a frozenset built from an iterable, or answered by an operator or method, as CPython builds it', () => {
  expect(compareWithCPython([
    `return frozenset([5, 8, 11, 14, 17]), frozenset(range(2, 20, 3)), frozenset(x for x in [9, 1, 17, 25, 33])`,
    `return frozenset(range(2, 20, 3)) - {1, 2, 3}, frozenset(range(2, 20, 3)) & {5, 8, 11, 14, 17, 20}, frozenset([17, 1]) | {9, 25, 33}`,
    `return frozenset('abc') ^ {0, -1, 5, 100}, frozenset([2, 5, 8, 11, 14, 17]).difference([0]), frozenset([9, 17]).symmetric_difference([25, 1, 33])`,
    `f = frozenset([2, 5, 8, 11, 14, 17])\nreturn f.intersection(range(30)), f.union([40]), f.difference(), f.intersection()`,
    // _PyDictView_Intersect hands the work to set.intersection only for an exact set: a frozenset's or a subclass's members are kept
    `return {True: 1}.keys() & frozenset({1, 2}), frozenset({1, 2}) & {True: 1}.keys(), {True: 1}.keys() & {1, 2}, {True: 1}.items() & frozenset({(1, 1), 2})`,
    `class S(set):\n    pass\nreturn {True: 1}.keys() & S({1, 2}), S({1.0}) & {1: 0}.keys()`,
  ])).toEqual([]);
});
