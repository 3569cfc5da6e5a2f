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

it('refuses the other builtin bases, in clear words', () => {
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error(`import itertools\nclass B(itertools.count):\n    pass`)).toBe("UnsupportedError: a class of a condition may not subclass 'itertools.count': only its own classes, exception classes, dict, list, tuple, set, frozenset, float, int, str, bytes, bytearray, complex, datetime.date, datetime.datetime, datetime.time, datetime.timedelta, datetime.tzinfo, collections.Counter, collections.OrderedDict, collections.defaultdict, collections.deque, a namedtuple's class, functools.partial, contextlib.suppress, contextlib.nullcontext, staticmethod, classmethod, property, type and object");
  expect(error(`class D(dict):\n    pass\nreturn getattr(D(), '__weakref__')`)).toBe("UnsupportedError: names with double underscores ('__weakref__') are not allowed in conditions");
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

/** A dict subclass logging each dunder and method CPython's C code calls on it. */
const LOGGED = `log = []
class D(dict):
    def __getitem__(self, k):
        log.append(('getitem', k))
        return super().__getitem__(k)
    def keys(self):
        log.append('keys')
        return super().keys()
    def items(self):
        log.append('items')
        return super().items()
    def __iter__(self):
        log.append('iter')
        return super().__iter__()
    def __len__(self):
        log.append('len')
        return super().__len__()
    def __contains__(self, k):
        log.append(('contains', k))
        return super().__contains__(k)
    def get(self, k, default=None):
        log.append(('get', k))
        return super().get(k, default)
d = D(a=1, b=2)
def run(f):
    log.clear()
    try:
        r = f()
    except Exception as e:
        r = repr(e)
    return r, list(log)
`;

/** Which of a subclass's dunders CPython's dict operations ask, and which dict's C methods pass by. */
const DUNDERS = [
  `${LOGGED}import json\nreturn [run(f) for f in [lambda: dict(d), lambda: {**d}, lambda: {}.update(d), lambda: json.dumps(d), lambda: (lambda **k: k)(**d), lambda: d == {'a': 1, 'b': 2}]]`,
  `${LOGGED}return [run(f) for f in [lambda: len(d), lambda: bool(d), lambda: 'a' in d, lambda: '{a}'.format_map(d), lambda: '%(a)s' % d, lambda: d.copy(), lambda: d | {'c': 3}, lambda: repr(d), lambda: list(d.items()), lambda: list(d.values()), lambda: d['a'], lambda: d.get('zz'), lambda: d.pop('zz', 0), lambda: d.setdefault('a')]]`,
  `${LOGGED}def m():\n    match d:\n        case {'a': x, **rest}:\n            return x, rest\nreturn [run(f) for f in [m, lambda: set(d), lambda: max(d), lambda: {k: 1 for k in d}, lambda: ','.join(d), lambda: d in [d], lambda: list(enumerate(d)), lambda: dict.fromkeys(d), lambda: sorted(d.keys())]]`,
  `class D(dict):\n    def __missing__(self, k):\n        return k * 2\nd = D(a=1)\nreturn d['a'], d['zz'], d.get('zz'), 'zz' in d, d, '%(q)s' % d, '{w}'.format_map(d), d.pop('zz', None)`,
  `class D(dict):\n    def __missing__(self, k):\n        raise KeyError(('missing', k))\nD()['x']`,
  `class D(dict):\n    def __getitem__(self, k):\n        return 'always'\n    def __setitem__(self, k, v):\n        super().__setitem__(k, (v, 'set'))\n    def __delitem__(self, k):\n        super().__delitem__(k.lower())\nd = D()\nd['A'] = 1\nd['b'] = 2\ndel d['B']\nd.update(c=3)\nreturn d, d['zz'], d.get('A'), dict(d), list(d.values())`,
  `class D(dict):\n    def __len__(self):\n        return 7\n    def __bool__(self):\n        return False\nd = D(a=1)\nreturn len(d), bool(d), not d, 'yes' if d else 'no', json.dumps(d) if False else 0`,
  `class D(dict):\n    def __eq__(self, o):\n        return 'eq!'\n    def __ne__(self, o):\n        return 'ne!'\n    def __lt__(self, o):\n        return 'lt!'\nd = D(a=1)\nreturn d == {}, {} == d, d != 1, 1 != d, d < {}, {} > d, d == d, [d] == [d], [d] == [D(a=1)]`,
  `class D(dict):\n    pass\nreturn D(a=1) == {'a': 1}, {'a': 1} == D(a=1), D(a=1) != D(a=2), D() == 0, D(a=1) == D(a=1)`,
  `class D(dict):\n    pass\nreturn D() < {}`,
  `class D(dict):\n    def __hash__(self):\n        return 5\nd = D(a=1)\ns = {d}\nreturn hash(d), d in s, {d: 1}[d], len({d, d})`,
  `class D(dict):\n    pass\nreturn hash(D())`,
  `class D(dict):\n    def __eq__(self, o):\n        return True\nreturn hash(D())`,
  `class D(dict):\n    def __or__(self, o):\n        return 'or!'\n    def __ror__(self, o):\n        return 'ror!'\n    def __add__(self, o):\n        return ('add', o)\nd = D(a=1)\nreturn d | {}, {} | d, d + 1, 1 | d`,
  `class D(dict):\n    pass\nd = D(a=1)\nr = d | {'b': 2}\ns = {'b': 2} | d\nd |= {'c': 3}\nreturn r, type(r).__name__, s, type(s).__name__, d, type(d).__name__`,
  `class D(dict):\n    def __iter__(self):\n        return iter(['x', 'a'])\n    def __getitem__(self, k):\n        return k.upper()\nd = D(a=1)\nreturn dict(d), {**d}, list(d), d.copy(), d | {}, sorted(d), [k for k in d]`,
  `class D(dict):\n    def __call__(self, x):\n        return x + len(self)\n    def __neg__(self):\n        return 'neg'\n    def __format__(self, spec):\n        return 'F' + spec\n    def __index__(self):\n        return 1\nd = D(a=1)\nreturn d(2), -d, f'{d:>3}', format(d), [10, 20][d], 'abc'[d:]`,
  `class D(dict):\n    def __contains__(self, k):\n        return k == 'magic'\nd = D(a=1)\nreturn 'a' in d, 'magic' in d, 'a' not in d, d.get('a'), list(d)`,
  `class D(dict):\n    def __iter__(self):\n        yield 'z'\nd = D(a=1)\nreturn list(d), dict(d)`,
  `class D(dict):\n    def items(self):\n        return [('x', 1), ('y', 2)]\nimport json\nreturn json.dumps(D()), json.dumps(D(a=1)), json.dumps(D(a=1), indent=1), json.dumps(D(a=1), sort_keys=True), list(D(a=1).items())`,
  `class D(dict):\n    def items(self):\n        return [1]\nimport json\nreturn json.dumps(D(a=1))`,
  `class D(dict):\n    def items(self):\n        return 5\nimport json\nreturn json.dumps(D(a=1))`,
  `class D(dict):\n    def get(self, k, default=None):\n        return 'mine'\ndef m(x):\n    match x:\n        case {'a': 'mine', 'b': v}:\n            return v\n        case _:\n            return 'none'\nreturn m(D()), m(D(a=1))`,
  `class D(dict):\n    def __len__(self):\n        return 0\ndef m(x):\n    match x:\n        case {'a': v}:\n            return v\n        case _:\n            return 'none'\nreturn m(D(a=1))`,
];

it('asks a dict subclass\'s dunders where CPython does, and passes them by where dict\'s C code does', () => {
  expect(compareWithCPython(DUNDERS)).toEqual([]);
});

/** A subclass's dunders that recurse, loop or lie: CPython's errors, or the budget where CPython never ends. */
it('meets hostile dict subclasses with CPython\'s errors, within the limits', () => {
  const engine = new Engine({ maxMillis: 10_000 });
  expect(compareWithCPython([
    `class D(dict):\n    def __missing__(self, k):\n        return self[k]\nreturn D()['x']`,
    `class D(dict):\n    def keys(self):\n        return ['b', 'a']\n    def __iter__(self):\n        return iter([])\n    def __getitem__(self, k):\n        return k * 2\nreturn dict(D(a=1)), {**D()}, D(a=1).copy()`,
    `class D(dict):\n    def keys(self):\n        return ['zz']\n    def __iter__(self):\n        return iter([])\nreturn dict(D(a=1))`,
    `class D(dict):\n    def items(self):\n        return [('a', self)]\nimport json\nreturn json.dumps(D(a=1))`,
    `class D(dict):\n    def __len__(self):\n        return -1\nreturn len(D())`,
    `class D(dict):\n    def __iter__(self):\n        return 5\nreturn list(D())`,
  ], engine)).toEqual([]);
  // CPython makes an endless keys() a list first, and never ends
  expect(evaluator(engine, { source: `class D(dict):\n    def keys(self):\n        while True:\n            yield 1\n    def __iter__(self):\n        return iter([])\nreturn dict(D())` }).error).toMatch(/^(StepLimitError|MemoryError)/);
});
