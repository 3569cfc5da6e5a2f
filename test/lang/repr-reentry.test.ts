import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';
import { nestedUnlikeOriginal } from '../support/original.js';

/**
 * Py_ReprEnter's list of the containers being printed is the thread's, not one repr()'s: a
 * class's __repr__ that calls repr() on a container holding the instance (UserDict's
 * `repr(self.data)`) meets that container as '{...}' or '[...]', not a RecursionError.
 */
const CASES = [
  "class U:\n    def __init__(self): self.d = {}\n    def __repr__(self): return repr(self.d)\nu = U()\nu.d['x'] = u\nreturn repr(u), str([u])",
  "class U:\n    def __init__(self): self.d = []\n    def __repr__(self): return 'U' + repr(self.d)\nu = U()\nu.d.append(u)\nu.d.append([u])\nreturn repr(u), repr([u, u])",
  "class U:\n    def __init__(self): self.d = {}\n    def __repr__(self): return f'U({self.d!r})'\nu = U()\nu.d[1] = (u, [u])\nreturn repr(u), str(u), f'{u!r}', repr({0: u})",
  // a repr that fails ends the walk: the next one starts with nothing printed
  "class U:\n    def __init__(self): self.d = []\n    def __repr__(self):\n        if len(self.d) > 1: raise ValueError('no')\n        return repr(self.d)\nu = U()\nu.d.append(u)\nu.d.append(u)\ntry:\n    repr([u])\nexcept ValueError:\n    pass\nu.d.pop()\nreturn repr([u]), repr(u)",
];

it('meets a container being printed as CPython does, through a class\'s __repr__', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/**
 * Each PyObject_Repr is a level of CPython's limit, whichever type's repr makes it: a dict view
 * prints a list made of itself, two levels; a defaultdict its dict at its own level, one. The last
 * nesting that answers at the envelope's level of the original's `python3 -c`, and one more; a
 * view was one level and answered where CPython raises.
 */
const NESTED: [wrap: string, last: number, innermost?: string][] = [
  ["{'a': x}.values()", 498],
  ["{'a': x}.items()", 332],
  ["[{'a': x}.keys() and {'a': x}.values()]", 332],
  // defaultdict_repr calls dict_repr directly: one level, where two had raised at 498
  ["collections.defaultdict(list, {'a': x})", 997],
  ["[collections.defaultdict(int, {'a': x, 'b': (x,)})]", 498],
  // Counter.__repr__ is a def calling most_common, two levels besides PyObject_Repr's: it had answered 333 to 497 deep
  ["collections.Counter({'a': x})", 332],
  ["[collections.Counter({'a': x})]", 249],
  // namedtuple's __repr__ is a def too, one level besides PyObject_Repr's: it had answered 499 to 997 deep
  ["P(x)", 498, "'s'"],
  ["P([x])", 332, 'None'],
];

it('prints values of types that print what they hold nested as deep as the original does, at N and N+1', () => {
  expect(nestedUnlikeOriginal(NESTED.map(([wrap, last, innermost = '1']) => ({
    label: `${wrap} ${last} deep and one more`,
    build: `import collections\nP = collections.namedtuple('P', 'a')\nx = ${innermost}\nfor i in range(${last}): x = ${wrap}`,
    wrap,
    walk: "'%r' % (x,)",
  })))).toEqual([]);
}, 60_000);
