import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** Class patterns of a condition's classes: positional sub-patterns by __match_args__ (inherited too), CPython's checks of it, a missing attribute as no match. */
const MATCH_ARGS = [
  `class P:\n    __match_args__ = ('x', 'y')\n    def __init__(self, x, y):\n        self.x, self.y = x, y\nout = []\nfor v in [P(1, 2), P(0, 5), P('a', 'b'), 3]:\n    match v:\n        case P(0, y):\n            out.append(('zero', y))\n        case P(x, y=2):\n            out.append(('y2', x))\n        case P(int(), _) | P(_, str()):\n            out.append('other')\n        case _:\n            out.append('none')\nreturn out`,
  `class P:\n    __match_args__ = ['x']\nmatch P():\n    case P(a):\n        pass`,
  `class P:\n    __match_args__ = ('x', 1)\n    x = 1\nmatch P():\n    case P(a, b):\n        pass`,
  `class P:\n    __match_args__ = ('x',)\nmatch P():\n    case P(a):\n        return 'matched'\nreturn 'missed'`,
  `class P:\n    pass\nmatch P():\n    case P(a):\n        pass`,
  `class P:\n    __match_args__ = ('x',)\n    x = 5\nmatch P():\n    case P(a, x=b):\n        pass`,
  `class Q:\n    __match_args__ = ('x',)\n    x = 5\nclass P(Q):\n    pass\nmatch P():\n    case P(a):\n        return a`,
  `class P:\n    __match_args__ = ('x',)\nmatch P():\n    case P(a, b):\n        pass`,
  `class P:\n    __match_args__ = 5\nmatch P():\n    case P():\n        return 'no positional: not read'`,
  `class E(Exception):\n    __match_args__ = ('code',)\n    def __init__(self, code):\n        self.code = code\ntry:\n    raise E(404)\nexcept E as e:\n    match e:\n        case E(404):\n            return 'not found'`,
  `class P:\n    @property\n    def x(self):\n        raise AttributeError('no')\n    __match_args__ = ('x',)\nmatch P():\n    case P(a):\n        return a\nreturn 'missed'`,
];

it('matches positional sub-patterns by __match_args__ as CPython does', () => {
  expect(compareWithCPython(MATCH_ARGS)).toEqual([]);
});

it('defines __match_args__ and reads it back (dataclasses set it), as CPython', () => {
  const engine = new Engine();
  expect(evaluator(engine, { source: `class P:\n    __match_args__ = ('x',)\nreturn P.__match_args__, P().__match_args__` }).repr).toBe("(('x',), ('x',))");
});
