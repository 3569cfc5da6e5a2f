import { it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { evaluator } from '../support/cpython.js';
it('x', () => {
  const e = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  for (const source of [
    'import copy\nclass A:\n    def __reduce__(self):\n        return (list, (), 1, 2, 3, 4)\nreturn copy.copy(A())',
    'import copy\nclass A:\n    def __reduce__(self):\n        return (list, 5)\nreturn copy.copy(A())',
    'import copy\nclass SL:\n    __slots__ = ("a", "b")\ns = SL()\ns.a = [1]\nreturn copy.deepcopy(s).a',
    'import copy\nclass G:\n    def __getstate__(self):\n        return copy.deepcopy(self)\nreturn copy.deepcopy(G())',
  ]) console.log(JSON.stringify(evaluator(e, { source })));
});
