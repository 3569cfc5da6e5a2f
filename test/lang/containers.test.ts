import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** lists, tuples, dicts and sets: literals, methods, order, equality, the JSON round trip of data. */
const CASES = [
  `return [1, 'a', None, True, 2.5]`, `return (1,)`, `return ()`, `return (1, 2) + (3,)`, `return [3, 1, 2].sort()`, `l = [3, 1, 2]\nl.sort()\nreturn l`,
  `l = [3, 1, 2]\nl.sort(reverse=True)\nreturn l`, `return sorted(['b', 'A', 'c'], key=str.lower), sorted(['b', 'A', 'c'], key=lambda s: s.lower())`, `return list(map(str.strip, [' a ', 'b ']))`, `return str.lower(5)`, `return int.nope`, `return int[0]`,
  `return sorted([(2, 'a'), (1, 'b'), (2, 'A')])`, `return sorted([1, 'a'])`, `return sorted([3, 1, 2], reverse=True)`, `return sorted({'b': 1, 'a': 2})`,
  `l = [1, 2, 3]\nl.append(4)\nl.extend([5, 6])\nl.insert(0, 0)\nl.insert(-1, 'x')\nreturn l`, `l = [1, 2, 3]\nreturn l.pop(), l.pop(0), l`,
  `return [].pop()`, `l = [1, 2, 1]\nl.remove(1)\nreturn l`, `return [1].remove(5)`, `return [1, 2, 3].index(2)`, `return [1].index(5)`, `return [1, 1, 2].count(1)`,
  `l = [1, 2]\nl.reverse()\nreturn l`, `l = [1]\nm = l.copy()\nm.append(2)\nreturn l, m`, `l = [1, 2]\nl.clear()\nreturn l`, `return [1, 2, 3][-1]`, `return [1][3]`,
  `return [1, 2, 3][1:]`, `return [1, 2, 3, 4, 5][::2]`, `return [1, 2, 3][::-1]`, `l = [1, 2, 3, 4]\nl[1:3] = ['a']\nreturn l`, `l = [1, 2, 3, 4]\ndel l[::2]\nreturn l`,
  `l = [1, 2, 3]\ndel l[0]\nreturn l`, `l = [1, 2]\nl[5] = 1`, `return [1, 2] == [1, 2]`, `return [1, 2] == (1, 2)`, `return [1, [2, 3]] < [1, [2, 4]]`,
  `return (1, 2) < (1, 2, 0)`, `return [] < [1]`, `a = b = []\na.append(1)\nreturn b`, `l = [1]\nl += [2]\nl += (3,)\nreturn l`, `l = [0]\nl *= 3\nreturn l`,
  `a, b = 1, 2\nreturn b, a`, `a, *rest = [1, 2, 3]\nreturn rest`, `*init, last = 'abc'\nreturn init, last`, `a, b = [1]`, `a, b = 1, 2, 3`, `(a, b), c = (1, 2), 3\nreturn a + b + c`,
  `return {'b': 1, 'a': 2}`, `d = {}\nd['10'] = 1\nd['2'] = 2\nd['1'] = 3\nreturn list(d)`, `d = {'__proto__': 1, 'constructor': 2, 'toString': 3}\nreturn d, d['constructor']`,
  `return {1: 'a', True: 'b', 1.0: 'c'}`, `return {(1, 2): 'x'}[(1, 2)]`, `return {[1]: 2}`, `return {}['k']`, `return {'a': 1}.get('b')`, `return {'a': 1}.get('b', 0)`,
  `d = {'a': 1}\nreturn d.setdefault('b', []), d`, `d = {'a': 1, 'b': 2}\nreturn d.pop('a'), d, d.pop('z', None)`, `return {}.pop('z')`, `d = {'a': 1}\nd.update({'b': 2}, c=3)\nreturn d`,
  `d = {'a': 1}\nd.update([('b', 2)])\nreturn d`, `return list({'a': 1, 'b': 2}.items())`, `return list({'a': 1}.values())`, `return {'a': 1} == {'a': 1.0}`,
  `return dict(a=1, b=2)`, `return dict([('a', 1)])`, `return dict([(1, 2, 3)])`, `d = {'a': 1}\ndel d['a']\nreturn d`, `d = {'a': 1}\ndel d['b']`,
  `return len({'a': 1, 'b': 2})`, `return 'a' in {'a': 1}`, `return 1 in {'a': 1}.values()`, `d = {'b': 1, 'a': 2}\nreturn [k for k in d]`, `return {'a': 1} | {'b': 2}`,
  `d = {'a': 1}\nd2 = d.copy()\nd2['a'] = 2\nreturn d, d2`, `return {**{'a': 1}, 'b': 2}`, `d = {'z': 1, 'a': 2}\nd.popitem()\nreturn d`, `return {1, 2} | {3}`,
  `return {1, 2} & {2, 3}`, `return {1, 2} - {2}`, `s = {3, 1}\ns.add(2)\ns.discard(9)\nreturn sorted(s)`, `s = set()\ns.remove(1)`, `return set()`, `return len({1, 1, 2})`,
  `return {1, 2}.union([3]).issuperset({1})`, `return {1}.issubset({1, 2}), {1}.isdisjoint({2})`, `return 2 in {1, 2}`, `return set([1, 2]) == {2, 1}`,
  `return list(range(5))`, `return list(range(2, 10, 3))`, `return list(range(5, 0, -2))`, `return range(3)`, `return len(range(0, 10, 3))`, `return 3 in range(5)`,
  `return range(5)[-1]`, `return list(range(10)[2:8:2])`, `return range(1, 2, 0)`, `return list(enumerate('ab', 1))`, `return list(zip([1, 2, 3], 'ab'))`,
  `return list(map(lambda x: x * 2, [1, 2]))`, `return list(filter(None, [0, 1, '', 'a']))`, `return list(reversed([1, 2, 3]))`, `return any([]), all([])`,
  `return min([])`, `return min([], default=7)`, `return max(['a', 'bb', 'c'], key=len)`, `return max(3, 4, key=lambda x: -x)`, `return tuple([1, 2])`, `return list((1, 2))`,
  `data['l'] = (1, 2)\nreturn True`, `data['s'] = {1}\nreturn True`, `data[1] = 'x'\nreturn True`, `data['t'] = {(1, 2): 3}\nreturn True`, `data['x'] = data\nreturn True`,
  `data['f'] = 2.0\ndata['n'] = float('nan') if False else 1.5\nreturn True`, `data = [1, 2]\nreturn True`, `data.clear()\nreturn False`, `data['z'] = lambda: 1\nreturn True`,
  `return isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), set), isinstance(True, int), isinstance(1, (str, float))`,
  `return type([]) == list, type(1) is int, type('a'), type(None)`, `return str([1, 'a']), repr((1, 'b')), str({'k': (1,)})`, `l = [1]\nl.append(l)\nreturn l`,
  `return [1, 2, 3][True]`, `return [1, 2]['a']`, `return (1, 2)['a']`, `return 1[0]`, `return None['a']`, `return len(5)`, `for x in 5:\n    pass`,
];

it('treats containers as CPython does', () => {
  expect(compareWithCPython(CASES.map((source) => ({ source, data: { count: 1, items: [1, 2] } })))).toEqual([]);
});
