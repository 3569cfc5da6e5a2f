import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** Each builtin or library base a class may subclass, and the arguments of one instance. */
const BASES: [base: string, args: string][] = [
  ['dict', '()'], ['list', '()'], ['tuple', '()'], ['set', '()'], ['frozenset', '()'], ['int', '(3)'], ['str', "('s')"],
  ['float', '(1.5)'], ['bytes', "(b'x')"], ['bytearray', '()'], ['complex', '(1j)'], ['datetime.date', '(2020, 1, 1)'],
  ['datetime.timedelta', '(1)'], ['collections.Counter', '()'], ['collections.OrderedDict', '()'],
  ['collections.defaultdict', '()'], ['collections.deque', '()'], ["collections.namedtuple('P', 'a b')", '(1, 2)'],
];

// an attribute that is None is found: the base's methods are asked only for a name the instance and its class lack
it('reads an attribute, class attribute or property that is None on every subclassable base, as CPython does', () => {
  const cases = BASES.map(
    ([base, args]) =>
      `import datetime, collections\nclass C(${base}):\n    k = None\n    @property\n    def p(self):\n        return None\nc = C${args}\nc.x = None\nreturn c.x, c.k, c.p, getattr(c, 'x', 1), hasattr(c, 'x'), getattr(c, 'nope', 2)`,
  );
  expect(compareWithCPython(cases)).toEqual([]);
});
