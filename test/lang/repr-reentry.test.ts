import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';
import { nestedUnlikeOriginal, original } from '../support/original.js';

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
];

it('prints values of types that print what they hold nested as deep as the original does, at N and N+1', () => {
  expect(nestedUnlikeOriginal(NESTED.map(([wrap, last, innermost = '1']) => ({
    label: `${wrap} ${last} deep and one more`,
    build: `import collections\nx = ${innermost}\nfor i in range(${last}): x = ${wrap}`,
    wrap,
    walk: "'%r' % (x,)",
  })))).toEqual([]);
}, 60_000);

/**
 * Types whose repr CPython writes in Python count their frames and the C calls under them too,
 * each level's RecursionError worded by whichever of them meets the limit: each printed from
 * under 1 to 6 frames of defs, so that each of a level's places meets it once. They had answered
 * hundreds of levels deeper than CPython (a ChainMap 498 where CPython stops at 166).
 */
const WRITTEN_IN_PYTHON: [wrap: string, last: number, innermost: string, places: number][] = [
  // __repr__'s frame, most_common's and itemgetter's call under it
  ["collections.Counter({'a': x})", 332, '1', 3],
  ["[collections.Counter({'a': x})]", 249, '1', 4],
  // __repr__'s frame: `repr_fmt % self` (over an int, CPython's own point is a level deeper: not followed)
  ['P(x)', 498, "'s'", 2],
  ['P([x])', 332, 'None', 3],
  // recursive_repr's wrapper, then three calls CPython counts, before each map's repr
  ['collections.ChainMap({0: x})', 166, '1', 6],
];
const DEFS = "def f0(x):\n    return '%r' % (x,)\n" + [1, 2, 3, 4, 5].map((i) => `def f${i}(x):\n    return f${i - 1}(x)\n`).join('');

/** The last nesting the original answers, from near `guess`: the point moves with the frames below the walk. */
function lastAnswered(build: (n: number) => string, walk: string, guess: number): number {
  const answers = (n: number) => !original(`${build(n)}\nreturn len(${walk})`).includes('RecursionError');
  let n = guess;
  while (!answers(n)) n--;
  while (answers(n + 1)) n++;
  return n;
}

it('prints nested values of types written in Python as deep as the original does, in its words, at N and N+1', () => {
  const cases = WRITTEN_IN_PYTHON.flatMap(([wrap, guess, innermost, places]) => Array.from({ length: places }, (_, frames) => {
    const build = (n: number) => `import collections\nP = collections.namedtuple('P', 'a')\n${DEFS}x = ${innermost}\nfor i in range(${n}): x = ${wrap}`;
    const walk = `f${frames}(x)`;
    const last = lastAnswered(build, walk, guess);
    return { label: `${wrap} ${last} deep and one more, under ${frames + 1} frames`, build: build(last), wrap, walk };
  }));
  expect(nestedUnlikeOriginal(cases)).toEqual([]);
}, 120_000);
