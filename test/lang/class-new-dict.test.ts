/** __new__ on subclasses of dict (and OrderedDict, defaultdict, Counter, which share dict_new) and of datetime.tzinfo (PyType_GenericNew), against CPython 3.11. */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const CASES = [
  `class D(dict):
    def __new__(cls, *a, **k):
        s = super().__new__(cls, *a, **k)
        s['x'] = 1
        return s
return D(a=2), D([(1, 2)]), type(D()).__name__, D.__new__(D, 5), type(dict.__new__(D, 5)).__name__, dict.__new__(dict, 7)`,
  `import collections
return collections.OrderedDict.__new__ is dict.__new__, collections.defaultdict.__new__ is dict.__new__, collections.Counter.__new__ is dict.__new__`,
  `import collections
class O(collections.OrderedDict):
    def __new__(cls, *a):
        s = super().__new__(cls)
        return s
o = O([(1, 2), (3, 4)])
o.move_to_end(1)
return o, collections.OrderedDict.__new__(O), type(dict.__new__(collections.OrderedDict))`,
  `import collections
class C(collections.Counter):
    def __new__(cls, *a, **k):
        return super().__new__(cls)
return C('abca'), C(a=3).most_common()`,
  `import collections
class DD(collections.defaultdict):
    def __new__(cls, *a):
        return super().__new__(cls, *a)
d = DD(list)
d['a'].append(1)
return d, DD().default_factory`,
  `class D(dict):
    def __new__(cls, *a, **k):
        return 5
return D(1)`,
  `class D(dict):
    def __new__(cls, *a, **k):
        return {}
return D(a=1), type(D(a=1))`,
  `class D(dict):
    def __new__(cls):
        return super().__new__(cls)
    def __init__(self):
        self['k'] = 0
return D()`,
  `return dict.__new__(int)`,
  `return dict.__new__()`,
  `return dict.__new__(1)`,
  `class E(dict):
    pass
class D(dict):
    def __new__(cls):
        return dict.__new__(E)
return D(), type(D()).__name__`,
  `import datetime
class T(datetime.tzinfo):
    def __new__(cls, *a, **k):
        return super().__new__(cls, *a, **k)
    def __init__(self, h=0):
        self.h = h
    def utcoffset(self, dt):
        return datetime.timedelta(hours=self.h)
t = T(2)
return type(t).__name__, t.h, datetime.datetime(2020, 1, 1, tzinfo=t).isoformat(), datetime.tzinfo.__new__(T).__class__.__name__`,
  `import datetime
class T(datetime.tzinfo):
    def __new__(cls, *a):
        return object.__new__(cls)
return T()`,
  `import datetime
return type(datetime.tzinfo.__new__(datetime.tzinfo, 1, 2, x=3)).__name__`,
  `class D(dict):
    def __new__(cls, *a, **k):
        self = super().__new__(cls)
        self.made = True
        return self
d = D({'a': 1}, b=2)
return d, d.made, len(d), d == {'a': 1, 'b': 2}`,
  `import copy
calls = []
class D(dict):
    def __new__(cls, *a, **k):
        calls.append(a)
        return super().__new__(cls)
d = D(a=1)
e = copy.copy(d)
f = copy.deepcopy(d)
return e, f, type(e).__name__, calls`,
  `import collections
class DD(collections.defaultdict):
    def __new__(cls, *a, **k):
        s = super().__new__(cls, *a, **k)
        return s
    def __init__(self):
        super().__init__(list)
d = DD()
d[1].append(2)
return d`,
  `class D(dict):
    __slots__ = ('x',)
    def __new__(cls):
        s = super().__new__(cls)
        s.x = 5
        return s
d = D()
return d.x, d`,
  `class D(dict):
    def __new__(cls, *a, **k):
        return super().__new__(cls, *a, **k)
return D.fromkeys('ab'), type(D.fromkeys('ab')).__name__, D({1: 2}) | {3: 4}, type(D({1: 2}) | {3: 4}).__name__`,
  `class D(dict):
    def __new__(cls, *a, **k):
        return super().__new__(1)
return D()`,
  `class D(dict):
    def __new__(cls, *a, **k):
        return dict.__new__(list)
return D()`,
  `class A:
    pass
class D(dict):
    def __new__(cls):
        return dict.__new__(A)
return D()`,
  `class M(dict):
    pass
class N(M, list):
    pass
return 1`,
  `import collections
class OD(collections.OrderedDict):
    def __new__(cls, *a, **k):
        return super().__new__(cls)
o = OD.fromkeys('abc')
o.move_to_end('a')
return list(o), o.popitem(last=False)`,
  `class D(dict):
    def __new__(cls, *a, **k):
        return super().__new__(cls, *a, **k)
    def __missing__(self, k):
        return k * 2
d = D(a=1)
return d['zz'], d, isinstance(d, dict)`,
  `import collections
class C(collections.Counter):
    def __new__(cls, *a, **k):
        s = super().__new__(cls)
        s['seed'] = 9
        return s
c = C('aab')
c.update('b')
return sorted(c.items()), c + C('a')`,
  `class D(dict):
    def __new__(cls, *a, **k):
        return super(D, cls).__new__(cls)
return D(x=1), D.__new__ is dict.__new__`,
  `return dict.__new__(dict, 1, 2, a=3), type(dict.__new__(dict)).__name__`,
  `import datetime
class Z(datetime.tzinfo):
    def __new__(cls, off):
        s = super().__new__(cls)
        s.off = off
        return s
    def utcoffset(self, dt):
        return datetime.timedelta(minutes=self.off)
    def tzname(self, dt):
        return 'Z%d' % self.off
d = datetime.datetime(2021, 5, 1, 12, tzinfo=Z(90))
return d.isoformat(), d.tzname(), d.astimezone(datetime.timezone.utc).isoformat()`,
  `import datetime
return datetime.tzinfo.__new__(1)`,
  `import datetime
return datetime.tzinfo.__new__(int)`,
  `import datetime
class Z(datetime.tzinfo):
    def __new__(cls):
        return dict.__new__(cls)
return Z()`,
];

it("makes dict's and tzinfo's subclasses through their own __new__ as CPython does", () => {
  expect(compareWithCPython(CASES, new Engine({ maxMillis: 10_000 }))).toEqual([]);
});

it('holds a hostile __new__ of a dict subclass to the limits', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error(`class D(dict):\n    def __new__(cls):\n        return D()\nreturn D()`)).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  expect(error(`class D(dict):\n    def __new__(cls, *a):\n        return super().__new__(cls, *a)\nwhile True:\n    D((i, i) for i in range(1000))`)).toMatch(/^StepLimitError/);
  expect(error(`import collections\nclass C(collections.Counter):\n    def __new__(cls, *a):\n        return super().__new__(cls)\nreturn C('a' * 10**7)`)).toMatch(/^(StepLimitError|MemoryError)/);
});
