import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** Subclasses of dict: dicts to every operation and to JSON, with attributes, methods before dict's, super() reaching dict's, mixins. */
const DICTS = [
  `class D(dict):\n    def total(self):\n        return sum(self.values())\nd = D(a=1, b=2)\nd['c'] = 3\nreturn d, d.total(), isinstance(d, dict), isinstance(d, D), type(d).__name__, len(d), json.dumps(d), d == {'a': 1, 'b': 2, 'c': 3}, sorted(d), d.get('a'), 'a' in d`,
  `class D(dict):\n    def __init__(self, base, **kw):\n        super().__init__(**kw)\n        self['base'] = base\n        self.note = 'n'\n    def get(self, k, default=None):\n        return ('mine', super().get(k, default))\nd = D(1, x=2)\nreturn d, d.note, d.get('x'), d.get('z', 0), d.keys(), list(d.items())`,
  `class D(dict):\n    pass\ndata['d'] = D(a=[1, 2])\ndata['e'] = D()\nreturn True`,
  `class D(dict):\n    def __repr__(self):\n        return 'D!'\nreturn repr(D(a=1)), str(D()), [D()]`,
  `class D(dict):\n    pass\nreturn D(1, 2)`,
  `class D(dict):\n    pass\nd = D({'a': 1})\ne = d.copy()\nreturn type(e).__name__, type(d | {}).__name__, d.pop('a'), d, D([('x', 1)])`,
  `class D(dict):\n    pass\nclass E(D):\n    def hello(self):\n        return 'hi ' + ','.join(self)\nreturn E(a=1, b=2).hello(), [c.__name__ for c in E.__mro__]`,
  `class D(dict, Exception):\n    pass`,
  `class M:\n    def describe(self):\n        return f'{len(self)} keys'\nclass D(M, dict):\n    pass\nreturn D(a=1).describe(), [c.__name__ for c in D.__mro__]`,
  `class D(dict):\n    pass\nd = D()\nd['self'] = 1\nreturn hash(d)`,
  `class D(dict):\n    pass\nmatch D(a=1, b=2):\n    case {'a': x, **rest}:\n        return x, rest`,
  `class D(dict):\n    @property\n    def size(self):\n        return len(self)\nreturn D(a=1).size`,
  `class D(dict):\n    pass\nd = D()\nd['x'] = d\nreturn repr(d)`,
  `class D(dict):\n    pass\nd = D()\nd['x'] = d\ndata['d'] = d\nreturn True`,
  `class D(dict):\n    def __init__(self):\n        super().__init__(self)\nreturn D()`,
];

it('subclasses dict as CPython does', () => {
  expect(compareWithCPython(DICTS)).toEqual([]);
});

it('refuses, in clear words, what a subclass of dict would pass by, and the other builtin bases', () => {
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  // dict's own fast paths read d[k], len(d) and the rest without asking the class
  expect(error(`class D(dict):\n    def __getitem__(self, k):\n        return 1`)).toBe("TypeError: a subclass of dict in a condition may define only __init__, __repr__, __str__, __match_args__: '__getitem__' is not supported");
  expect(error(`class D(dict):\n    pass\nclass E(D):\n    def __len__(self):\n        return 1`)).toBe("TypeError: a subclass of dict in a condition may define only __init__, __repr__, __str__, __match_args__: '__len__' is not supported");
  expect(error(`class B(bytes):\n    pass`)).toBe("TypeError: a class of a condition may not subclass 'bytes': only its own classes, exception classes, dict, list, tuple, set, frozenset, float, int, str and object");
  expect(error(`class D(dict):\n    pass\nreturn getattr(D(), '__dict__')`)).toBe("AttributeError: names with double underscores ('__dict__') are not allowed in conditions");
  // a dict subclass's instance keeps its own attributes apart from its items, and neither reaches the host
  expect(evaluator(engine, { source: `class D(dict):\n    pass\nd = D()\nd.constructor = 1\nd['__proto__'] = 2\nreturn d, d.constructor, d.get('constructor')` }).repr).toBe("({'__proto__': 2}, 1, None)");
});

/** fromkeys through a dict subclass makes that subclass, calling cls() first as dict_fromkeys does. */
it('makes a subclass with fromkeys as CPython does', () => {
  expect(compareWithCPython([
    `class D(dict):\n    pass\nd = D.fromkeys('ab')\nreturn repr(d), type(d).__name__, isinstance(d, D), D.fromkeys([1], 0)`,
    `class D(dict):\n    pass\nd = D(x=1).fromkeys('ab', 3)\nreturn repr(d), type(d).__name__`,
    `class D(dict):\n    def __init__(self):\n        super().__init__(z=9)\n        self.tag = 't'\nd = D.fromkeys('ab', [])\nreturn repr(d), d.tag, type(d.fromkeys('c')).__name__`,
    `class D(dict):\n    def __init__(self, x):\n        super().__init__()\nreturn D.fromkeys('ab')`,
    `class D(dict):\n    pass\nreturn D.fromkeys()`,
    `class D(dict):\n    pass\nreturn D.fromkeys(1)`,
    `class D(dict):\n    pass\nreturn D.fromkeys('a', 1, 2)`,
  ])).toEqual([]);
});
